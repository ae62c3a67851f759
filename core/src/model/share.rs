//! Share links: a value (a scenario) as compressed, URL-safe text that fits in a link
//! fragment. Encoding is JSON, then DEFLATE, then base64url without padding, behind a format
//! tag. Decoding never panics: any text gives either a value or a [`LinkError`] saying what is
//! wrong, and a link cannot make the page allocate more than [`MAX_JSON_BYTES`].
//!
//! A scenario link ([`scenario_link`], [`open_link`]) carries the same envelope as a scenario
//! file (`{"app": "handoff", "version": …, "scenario": …}`), so older links migrate and every
//! scenario opened from a link has passed validation.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::errors::ValidationErrors;
use super::import::{self, Envelope, ImportError};
use super::scenario::Scenario;
use super::stored::STORED_VERSION;

/// Tag in front of the encoded text, naming the link format (not the scenario version).
pub const LINK_TAG: &str = "h1.";
/// Longest link payload accepted, in characters.
pub const MAX_LINK_CHARS: usize = 100_000;
/// Largest JSON a link may unpack to, in bytes.
pub const MAX_JSON_BYTES: usize = 1 << 20;
/// Key of the link in the page address's fragment: `#s=h1.…`.
pub const LINK_PARAM: &str = "s";

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is empty: it holds no scenario")]
    Empty,
    #[error("the link is too long ({0} characters); it was probably pasted twice or altered")]
    TooLong(usize),
    #[error("this is not a Handoff scenario link (it should start with \"{LINK_TAG}\")")]
    UnknownFormat,
    #[error("the link is damaged: it contains characters a Handoff link never has")]
    NotBase64,
    #[error("the link is damaged or cut short: its data cannot be unpacked")]
    Corrupt,
    #[error("the link unpacks to more than {MAX_JSON_BYTES} bytes, more than any scenario")]
    TooLarge,
    #[error("the link's content is not a valid scenario: {0}")]
    NotAScenario(String),
    #[error("the link was made by a newer version of Handoff (format {0}); this version reads formats up to {STORED_VERSION}")]
    Newer(u32),
    #[error("the link's scenario has values that are not allowed:\n{0}")]
    Invalid(ValidationErrors),
    #[error("the scenario could not be written into a link: {0}")]
    Encode(String),
}

/// Encodes a value as link text (`h1.` followed by base64url of the DEFLATE-compressed JSON).
pub fn encode<T: Serialize>(value: &T) -> Result<String, LinkError> {
    let json = serde_json::to_vec(value).map_err(|e| LinkError::Encode(e.to_string()))?;
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    Ok(format!("{LINK_TAG}{}", URL_SAFE_NO_PAD.encode(packed)))
}

/// Unpacks link text into its JSON, checking every step.
pub fn decode_json(link: &str) -> Result<serde_json::Value, LinkError> {
    let text = link.trim();
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(text.chars().count()));
    }
    let body = text
        .strip_prefix(LINK_TAG)
        .ok_or(LinkError::UnknownFormat)?;
    let packed = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| LinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Corrupt,
        })?;
    serde_json::from_slice(&json).map_err(|e| LinkError::NotAScenario(e.to_string()))
}

/// Decodes link text into a value of type `T`.
pub fn decode<T: DeserializeOwned>(link: &str) -> Result<T, LinkError> {
    let json = decode_json(link)?;
    serde_json::from_value(json).map_err(|e| LinkError::NotAScenario(e.to_string()))
}

impl From<ImportError> for LinkError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Newer(v) => LinkError::Newer(v),
            ImportError::Invalid(errors) => LinkError::Invalid(errors),
            ImportError::NotAScenario(why) => LinkError::NotAScenario(why),
            other => LinkError::NotAScenario(other.to_string()),
        }
    }
}

/// The link text of a scenario: the file envelope (with its format version), encoded.
pub fn scenario_link(s: &Scenario) -> Result<String, LinkError> {
    encode(&Envelope::new(s))
}

/// The payload in `text`: the value of `s=` in the fragment of a URL (`https://…/#s=h1.…`,
/// `#s=h1.…`) or in `s=h1.…`, else the text itself (`h1.…`).
fn payload(text: &str) -> &str {
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    fragment
        .split(['?', '&'])
        .find_map(|part| part.strip_prefix(LINK_PARAM)?.strip_prefix('='))
        .unwrap_or(fragment)
}

/// Whether an address fragment (without `#`) carries a scenario link (`s=…`). Other
/// fragments (`#foo=bar`, `#results`) are not ours and are left alone.
pub fn is_link_fragment(fragment: &str) -> bool {
    fragment
        .trim()
        .trim_start_matches('#')
        .split(['?', '&'])
        .any(|part| {
            part.strip_prefix(LINK_PARAM)
                .is_some_and(|rest| rest.starts_with('='))
        })
}

/// Opens a scenario link given as the payload, a fragment or a whole URL: unpacks it,
/// migrates older formats and validates. On `Ok` the scenario passes validation; nothing
/// panics, whatever the text.
pub fn open_link(text: &str) -> Result<Scenario, LinkError> {
    let json = decode_json(payload(text))?;
    Ok(import::scenario_from_json(&json)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WaterfallInputs;

    #[test]
    fn round_trip_is_lossless_and_url_safe() {
        let mut inputs = WaterfallInputs::default();
        inputs.channels[0].name = "Webinar <img src=x onerror=alert(1)> & \"friends\"".into();
        inputs.rates.sal_to_sql = 61.25;
        let link = encode(&inputs).expect("encodes");
        assert!(link.starts_with(LINK_TAG));
        assert!(link[LINK_TAG.len()..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        let back: WaterfallInputs = decode(&link).expect("decodes");
        assert_eq!(back, inputs);
        // Compression pays: the link is shorter than the JSON.
        let json = serde_json::to_string(&inputs).expect("json");
        assert!(link.len() < json.len(), "{} >= {}", link.len(), json.len());
    }

    #[test]
    fn only_s_fragments_are_links() {
        assert!(is_link_fragment("s=h1.abc"));
        assert!(is_link_fragment("#s="));
        assert!(is_link_fragment("x=1&s=h1.abc"));
        assert!(!is_link_fragment("foo=bar"));
        assert!(!is_link_fragment("results"));
        assert!(!is_link_fragment("seed=3"));
        assert!(!is_link_fragment(""));
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let link = encode(&WaterfallInputs::default()).expect("encodes");
        assert_eq!(decode_json(""), Err(LinkError::Empty));
        assert_eq!(
            decode_json("https://example.com"),
            Err(LinkError::UnknownFormat)
        );
        assert_eq!(decode_json("h1.%%%"), Err(LinkError::NotBase64));
        let cut = &link[..link.len() / 2];
        assert_eq!(decode_json(cut), Err(LinkError::Corrupt));
        let too_long = format!("{LINK_TAG}{}", "A".repeat(MAX_LINK_CHARS));
        assert!(matches!(decode_json(&too_long), Err(LinkError::TooLong(_))));
        let not_json = format!(
            "{LINK_TAG}{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"not json", 6))
        );
        assert!(matches!(
            decode_json(&not_json),
            Err(LinkError::NotAScenario(_))
        ));
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let zeros = vec![b' '; MAX_JSON_BYTES * 4];
        let bomb = format!(
            "{LINK_TAG}{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&zeros, 9))
        );
        assert!(bomb.len() < MAX_LINK_CHARS);
        assert_eq!(decode_json(&bomb), Err(LinkError::TooLarge));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn random_text_never_panics(s in ".{0,400}") {
                drop(decode_json(&s));
            }

            #[test]
            fn random_tagged_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
                let link = format!("{LINK_TAG}{}", URL_SAFE_NO_PAD.encode(&bytes));
                drop(decode_json(&link));
                let deflated = format!("{LINK_TAG}{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bytes, 6)));
                drop(decode_json(&deflated));
            }

            #[test]
            fn any_json_value_round_trips(v in arb_json()) {
                let link = encode(&v).expect("encodes");
                prop_assert_eq!(decode_json(&link), Ok(v));
            }
        }

        fn arb_json() -> impl Strategy<Value = serde_json::Value> {
            let leaf = prop_oneof![
                Just(serde_json::Value::Null),
                any::<bool>().prop_map(serde_json::Value::Bool),
                any::<i32>().prop_map(serde_json::Value::from),
                ".{0,20}".prop_map(serde_json::Value::String),
            ];
            leaf.prop_recursive(3, 40, 6, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..6)
                        .prop_map(serde_json::Value::Array),
                    proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..6)
                        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
                ]
            })
        }
    }
}
