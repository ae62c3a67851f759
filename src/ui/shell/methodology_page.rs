//! The methodology in the app: docs/methodology.md, rendered to HTML at build time
//! (`build.rs`), as a collapsible section at the end of the main area. Every "?" of a knob
//! links to its defaults and sources; opening a `#methodology-<section>` link expands it.

use leptos::prelude::*;

/// docs/methodology.md as HTML (our own file, rendered by pulldown-cmark at build time).
pub const METHODOLOGY_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/methodology.html"));

/// The anchor of the methodology's table of defaults and their sources.
pub const SOURCES_HREF: &str = "#methodology-defaults-and-their-sources";

#[component]
pub fn MethodologyPage() -> impl IntoView {
    view! {
        <details class="methodology" id="methodology-page">
            <summary>"How the model works: methodology and sources"</summary>
            // The anchor is inside the details, so following a link to it expands them.
            <div class="methodology-text" id="methodology" inner_html=METHODOLOGY_HTML></div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_the_methodology_file_rendered() {
        let md = include_str!("../../../docs/methodology.md");
        let sections = md.lines().filter(|l| l.starts_with("## ")).count();
        assert!(sections >= 10);
        assert_eq!(
            METHODOLOGY_HTML.matches("<h3 id=\"methodology-").count(),
            sections
        );
        assert!(METHODOLOGY_HTML.contains(&format!("id=\"{}\"", &SOURCES_HREF[1..])));
        assert!(
            METHODOLOGY_HTML.contains("<table>"),
            "the sources table is a table"
        );
        assert!(!METHODOLOGY_HTML.contains("\n## "), "no markdown left");
    }
}
