//! Presenter mode for a projector: the mode itself, its headline and its keys.

pub mod mode;
pub mod presenter_headline;
pub mod presenter_keys;
