//! The glossary: every term of the shared vocabulary with its meaning and an example from the
//! current run, searchable; terms on the screen link here (`#glossary-<slug>`).

use leptos::prelude::*;

use crate::analysis::Term;
use crate::ui::state::Results;

/// The anchor a term on the screen links to.
pub fn term_href(term: Term) -> String {
    format!("#glossary-{}", term.slug())
}

/// A small "?" beside a label, linking to the term in the glossary.
#[component]
pub fn TermLink(term: Term) -> impl IntoView {
    view! {
        <a class="term-link" href=term_href(term) title=term.meaning()
            aria-label=format!("{}: what it means", term.name())>"?"</a>
    }
}

#[component]
pub fn GlossaryPanel(#[prop(into)] results: Results) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let shown = move || {
        query.with(|q| {
            Term::ALL
                .into_iter()
                .filter(|t| t.matches(q))
                .collect::<Vec<_>>()
        })
    };
    let example = move |t: Term| results.with(|r| r.as_ref().and_then(|r| t.example(r)));
    view! {
        <section class="glossary" id="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title">"Glossary"</h2>
            <label class="glossary-search">"Search terms "
                <input type="search" id="glossary-search" placeholder="e.g. SQL, speed"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </label>
            <p class="glossary-none" hidden=move || !shown().is_empty()>"No term matches."</p>
            <dl class="glossary-terms">
                {move || shown().into_iter().map(|t| view! {
                    <div class="glossary-term" id=format!("glossary-{}", t.slug())>
                        <dt>{t.name()}</dt>
                        <dd>{t.meaning()}
                            {move || example(t).map(|e| view! { <span class="glossary-example">{format!(" {e}")}</span> })}
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}
