//! The browser's localStorage, with every failure typed: unavailable (private mode, disabled
//! cookies), full (quota exceeded) or unreadable. Saving is best effort: the app keeps working
//! and says so when it cannot save.

use wasm_bindgen::JsCast as _;

/// Why the browser could not save or load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("this browser does not allow saving here (private mode or storage disabled)")]
    Unavailable,
    #[error("the browser's storage for this page is full")]
    Full,
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// The raw text stored under `key`, if any.
pub fn load_raw(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Stores `text` under `key`.
pub fn save_raw(key: &str, text: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, text).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError");
        if quota {
            StorageError::Full
        } else {
            StorageError::Unavailable
        }
    })
}
