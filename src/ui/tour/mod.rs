//! The guided tour: its panel and its progress.

pub mod tour_panel;
pub mod tour_state;
