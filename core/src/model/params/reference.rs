//! The parameter reference (`docs/parameters.md`), written from the table so that the
//! documentation cannot drift from what the app checks.

use super::{Group, Param, Scope};
use crate::format::plain_number;

/// A section's heading in the reference.
fn heading(g: Group) -> &'static str {
    match g {
        Group::Channel => "Channels (each channel)",
        Group::Burst => "Campaign burst (each channel, optional)",
        Group::Thresholds => "Thresholds",
        Group::Nurture => "Nurture",
        Group::SalesDevelopment => "Sales development (SDRs)",
        Group::Curves => "Contact and qualification curves",
        Group::Closing => "Closing (AEs)",
        Group::Costs => "Costs",
        Group::Sla => "Service-level agreement",
        Group::Run => "Run",
    }
}

const GROUPS: [Group; 10] = [
    Group::Channel,
    Group::Burst,
    Group::Thresholds,
    Group::Nurture,
    Group::SalesDevelopment,
    Group::Curves,
    Group::Closing,
    Group::Costs,
    Group::Sla,
    Group::Run,
];

/// A table cell: pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The whole reference as Markdown: one table per control-panel section.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Parameters\n\n\
         Written from the parameter table (`core/src/model/params/table.rs`) by a test \
         (`cargo test -p handoff-core --test parameters_doc`; set `UPDATE_DOCS=1` to rewrite \
         it). Paths are the keys of a scenario file; channel parameters sit under \
         `channels[i]`.\n",
    );
    for g in GROUPS {
        out.push_str(&format!(
            "\n## {}\n\n| Parameter | Path | Unit | Range | Default | Owner | Step | Meaning | Source |\n|---|---|---|---|---|---|---|---|---|\n",
            heading(g)
        ));
        for p in Param::in_group(g) {
            let s = p.spec();
            let path = match s.at.scope {
                Scope::Channel => format!("channels[i].{}", s.at.field),
                Scope::Scenario => s.at.field.to_string(),
            };
            let whole = if s.integer { ", whole" } else { "" };
            let step = s
                .step
                .map(|st| format!("{} / {}", st.low, st.high))
                .unwrap_or_default();
            out.push_str(&format!(
                "| {} | `{path}` | {} | {} to {}{whole} | {} | {} | {step} | {} | {} |\n",
                cell(s.label),
                cell(s.unit),
                plain_number(s.min),
                plain_number(s.max),
                plain_number(s.default),
                s.team.map_or("", |t| t.label()),
                cell(s.meaning),
                cell(s.source),
            ));
        }
    }
    out
}
