//! The page's frame: the app root, the header with its preset menu and scenario actions, the skip
//! link, banners and notices, and the methodology page.

pub mod app;
pub mod header;
pub mod methodology_page;
pub mod preset_menu;
pub mod recovery_notice;
pub mod scenario_actions;
pub mod shared_banner;
pub mod skip_link;
pub mod undo_replace;
