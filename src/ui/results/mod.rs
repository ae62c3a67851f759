//! The results column: the verdict, the KPI row, the funnel, the weekly charts, the lenses, the
//! lead journey, the SLA panel, the glossary and the print summary.

pub mod funnel_panel;
pub mod glossary_panel;
pub mod kpi_row;
pub mod lead_journey;
pub mod lens_channels;
pub mod lenses_panel;
pub mod print_summary;
pub mod results_panel;
pub mod sla_panel;
pub mod sla_verdict;
pub mod vanity_card;
pub mod verdict_panel;
pub mod weekly_charts;
