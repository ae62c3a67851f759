//! Comparing scenarios: the saved list, the side-by-side run and its table.

pub mod compare_panel;
pub mod compare_run;
pub mod compare_table;
pub mod saved_item;
pub mod saved_panel;
