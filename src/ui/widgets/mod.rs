//! Small pieces several screen areas use: a chart figure with its data table, the number control,
//! a KPI card.

pub mod chart_figure;
pub mod chart_table;
pub mod kpi_card;
pub mod number_control;
