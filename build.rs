//! Renders docs/methodology.md to HTML at build time, for the app's methodology page
//! (`src/ui/shell/methodology_page.rs`). Headings get ids `methodology-<slug>` so that the app
//! can link to a section.

use std::path::Path;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const SOURCE: &str = "docs/methodology.md";

/// `Defaults and their sources` becomes `defaults-and-their-sources`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Markdown to HTML; each heading (below the title, which the page shows itself) gets an id.
fn render(markdown: &str) -> String {
    let mut events: Vec<Event> = Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] {
                // The page's own title stands for the document's; its sections move up one.
                *level = match *level {
                    HeadingLevel::H1 => HeadingLevel::H2,
                    HeadingLevel::H2 => HeadingLevel::H3,
                    _ => HeadingLevel::H4,
                };
                *id = Some(CowStr::from(format!("methodology-{}", slug(&text))));
            }
        }
        i += 1;
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let markdown = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| {
        panic!("build.rs: cannot read {SOURCE}: {e}");
    });
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("build.rs: OUT_DIR: {e}"));
    let target = Path::new(&out_dir).join("methodology.html");
    std::fs::write(&target, render(&markdown))
        .unwrap_or_else(|e| panic!("build.rs: cannot write {}: {e}", target.display()));
}
