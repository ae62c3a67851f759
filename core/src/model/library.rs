//! The user's saved scenarios: named entries with stable ids that can be added, renamed,
//! duplicated, deleted (with undo) and reordered. Pure and generic over the stored item, so
//! it is tested natively and persisted by the shell as JSON.

use serde::{Deserialize, Serialize};

/// Longest entry name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// One saved item and its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry<T> {
    pub id: u64,
    /// Shown as text, never as HTML.
    pub name: String,
    pub item: T,
}

/// Why a library operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    #[error("no saved scenario has id {0}")]
    NotFound(u64),
    #[error("a name cannot be empty")]
    EmptyName,
    #[error("a name can have at most {MAX_NAME_CHARS} characters")]
    NameTooLong,
    #[error("the saved scenarios are not available on this page any more; reload it")]
    Unavailable,
}

/// Ordered saved items, plus the last deleted one (for undo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Library<T> {
    entries: Vec<Entry<T>>,
    next_id: u64,
    /// The last deleted entry and where it stood.
    deleted: Option<(usize, Entry<T>)>,
}

impl<T> Default for Library<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            next_id: 1,
            deleted: None,
        }
    }
}

fn clean_name(name: &str) -> Result<String, LibraryError> {
    let name = name.trim();
    if name.is_empty() {
        Err(LibraryError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(LibraryError::NameTooLong)
    } else {
        Ok(name.to_string())
    }
}

impl<T: Clone> Library<T> {
    pub fn entries(&self) -> &[Entry<T>] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: u64) -> Option<&Entry<T>> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn index_of(&self, id: u64) -> Result<usize, LibraryError> {
        self.entries
            .iter()
            .position(|e| e.id == id)
            .ok_or(LibraryError::NotFound(id))
    }

    /// A name not used yet: `name`, else `name (2)`, `name (3)`, ...
    pub fn unique_name(&self, name: &str) -> String {
        let taken = |n: &str| self.entries.iter().any(|e| e.name == n);
        if !taken(name) {
            return name.to_string();
        }
        (2..)
            .map(|k| format!("{name} ({k})"))
            .find(|n| !taken(n))
            .unwrap_or_else(|| name.to_string())
    }

    fn fresh_id(&mut self) -> u64 {
        let max_used = self.entries.iter().map(|e| e.id).max().unwrap_or(0);
        let id = self.next_id.max(max_used + 1);
        self.next_id = id + 1;
        id
    }

    /// Saves `item` at the end under a unique version of `name`; returns its id.
    pub fn add(&mut self, name: &str, item: T) -> Result<u64, LibraryError> {
        let name = self.unique_name(&clean_name(name)?);
        let id = self.fresh_id();
        self.entries.push(Entry { id, name, item });
        Ok(id)
    }

    /// Replaces the item of an entry (save over).
    pub fn update(&mut self, id: u64, item: T) -> Result<(), LibraryError> {
        let i = self.index_of(id)?;
        self.entries[i].item = item;
        Ok(())
    }

    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), LibraryError> {
        let i = self.index_of(id)?;
        let name = clean_name(name)?;
        if self.entries[i].name != name {
            self.entries[i].name = self.unique_name(&name);
        }
        Ok(())
    }

    /// Copies an entry right after itself as "`name` copy"; returns the new id.
    pub fn duplicate(&mut self, id: u64) -> Result<u64, LibraryError> {
        let i = self.index_of(id)?;
        let name = self.unique_name(&format!("{} copy", self.entries[i].name));
        let item = self.entries[i].item.clone();
        let new_id = self.fresh_id();
        self.entries.insert(
            i + 1,
            Entry {
                id: new_id,
                name,
                item,
            },
        );
        Ok(new_id)
    }

    /// Deletes an entry; [`Library::undo_delete`] brings the last deleted one back.
    pub fn delete(&mut self, id: u64) -> Result<(), LibraryError> {
        let i = self.index_of(id)?;
        let entry = self.entries.remove(i);
        self.deleted = Some((i, entry));
        Ok(())
    }

    /// The name of the entry that undo would restore.
    pub fn undoable(&self) -> Option<&str> {
        self.deleted.as_ref().map(|(_, e)| e.name.as_str())
    }

    /// Gives a fresh id to every entry whose id an earlier entry already has (a stored list
    /// edited by hand or by another program); returns how many were renumbered. No entry is
    /// lost, and the first of each id keeps it.
    pub fn repair_ids(&mut self) -> usize {
        let mut seen = std::collections::HashSet::new();
        let repeated: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !seen.insert(e.id))
            .map(|(i, _)| i)
            .collect();
        for &i in &repeated {
            let id = self.fresh_id();
            if let Some(e) = self.entries.get_mut(i) {
                e.id = id;
            }
        }
        repeated.len()
    }

    /// Restores the last deleted entry at its old place; returns its id.
    pub fn undo_delete(&mut self) -> Option<u64> {
        let (i, mut entry) = self.deleted.take()?;
        entry.name = self.unique_name(&entry.name);
        if self.get(entry.id).is_some() {
            entry.id = self.fresh_id();
        }
        let id = entry.id;
        self.entries.insert(i.min(self.entries.len()), entry);
        Some(id)
    }

    /// Moves an entry to position `to` (clamped to the list).
    pub fn move_to(&mut self, id: u64, to: usize) -> Result<(), LibraryError> {
        let i = self.index_of(id)?;
        let entry = self.entries.remove(i);
        self.entries.insert(to.min(self.entries.len()), entry);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(lib: &Library<i32>) -> Vec<&str> {
        lib.entries().iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn add_rename_duplicate_delete_undo_reorder() {
        let mut lib = Library::default();
        let a = lib.add("Today", 1).expect("adds");
        let b = lib.add("Today", 2).expect("adds");
        assert_eq!(names(&lib), ["Today", "Today (2)"]);
        lib.rename(b, "  What if  ").expect("renames");
        let c = lib.duplicate(a).expect("duplicates");
        assert_eq!(names(&lib), ["Today", "Today copy", "What if"]);
        assert_eq!(lib.get(c).map(|e| e.item), Some(1));
        assert_ne!(c, a);
        lib.delete(a).expect("deletes");
        assert_eq!(lib.undoable(), Some("Today"));
        assert_eq!(names(&lib), ["Today copy", "What if"]);
        assert_eq!(lib.undo_delete(), Some(a));
        assert_eq!(names(&lib), ["Today", "Today copy", "What if"]);
        assert_eq!(lib.undo_delete(), None);
        lib.move_to(b, 0).expect("moves");
        assert_eq!(names(&lib), ["What if", "Today", "Today copy"]);
        lib.move_to(b, 99).expect("moves to the end");
        assert_eq!(names(&lib), ["Today", "Today copy", "What if"]);
    }

    #[test]
    fn bad_requests_change_nothing() {
        let mut lib = Library::default();
        let a = lib.add("A", 1).expect("adds");
        let before = lib.clone();
        assert_eq!(lib.rename(a, "   "), Err(LibraryError::EmptyName));
        assert_eq!(
            lib.rename(a, &"x".repeat(81)),
            Err(LibraryError::NameTooLong)
        );
        assert_eq!(lib.rename(99, "B"), Err(LibraryError::NotFound(99)));
        assert_eq!(lib.duplicate(99), Err(LibraryError::NotFound(99)));
        assert_eq!(lib.delete(99), Err(LibraryError::NotFound(99)));
        assert_eq!(lib.add("", 2), Err(LibraryError::EmptyName));
        assert_eq!(lib, before);
    }

    #[test]
    fn ids_stay_unique_after_a_json_round_trip_and_tampering() {
        let mut lib = Library::default();
        lib.add("A", 1).expect("adds");
        lib.add("B", 2).expect("adds");
        let mut json: serde_json::Value = serde_json::to_value(&lib).expect("json");
        json["next_id"] = serde_json::json!(0); // a stale or edited counter
        let mut back: Library<i32> = serde_json::from_value(json).expect("parses");
        let c = back.add("C", 3).expect("adds");
        let ids: Vec<u64> = back.entries().iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 3);
        assert!(ids[..2].iter().all(|&id| id != c), "{ids:?}");
    }

    #[test]
    fn an_html_name_is_kept_as_plain_text() {
        let mut lib = Library::default();
        let id = lib.add("<img src=x onerror=alert(1)>", 0).expect("adds");
        assert_eq!(
            lib.get(id).map(|e| e.name.as_str()),
            Some("<img src=x onerror=alert(1)>")
        );
    }
}
