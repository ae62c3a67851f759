//! The machinery behind the screen: the replication worker pool and its workers, the batch
//! runner, the simulation driver, browser storage and the autosave, files, links and small
//! browser helpers. No components.

pub mod browser;
pub mod files;
pub mod links;
pub mod persist;
pub mod pool;
pub mod runner;
pub mod simulate;
pub mod storage;
pub mod worker;
