//! The controls drawer: one control per parameter, grouped as the parameter table groups them,
//! and the channel editor.

pub mod channel_editor;
pub mod controls_drawer;
pub mod controls_panel;
pub mod param_control;
