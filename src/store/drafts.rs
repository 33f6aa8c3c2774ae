//! Capture in progress, saved as the user types so that closing the terminal, a crash or
//! kill -9 loses nothing.

use super::{Store, StoreError, paths};
use crate::model::{Draft, Kind};
use chrono::DateTime;
use std::path::Path;
use toml_edit::{DocumentMut, value};

impl Store {
    pub fn save_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        let mut doc = DocumentMut::new();
        let with: toml_edit::Array = draft.with.iter().map(String::as_str).collect();
        doc.insert("with", value(with));
        doc.insert("kind", value(draft.kind.as_str()));
        doc.insert("started", value(draft.started.to_rfc3339()));
        doc.insert("note", value(draft.note.as_str()));
        let rel = paths::draft(&draft.file_name());
        // Under the folder lock, so a sweep of stale temp files never removes this one mid-write.
        let _lock = self.lock()?;
        self.fs
            .write_atomic(&rel, doc.to_string().as_bytes())
            .map_err(|e| StoreError::io(self.display(&rel), e))
    }

    pub fn remove_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        let rel = paths::draft(&draft.file_name());
        self.fs
            .remove(&rel)
            .map_err(|e| StoreError::io(self.display(&rel), e))
    }

    /// Drafts left from an earlier session, oldest first. An unreadable draft is skipped, not
    /// deleted: it stays on disk for the person to open by hand.
    pub fn drafts(&self) -> Vec<Draft> {
        let dir = Path::new(paths::DRAFTS);
        let Ok(items) = self.fs.list(dir) else {
            return Vec::new();
        };
        let mut drafts: Vec<Draft> = items
            .iter()
            .filter(|i| !i.is_dir && !i.name.starts_with('.') && i.name.ends_with(".toml"))
            .filter_map(|i| {
                let bytes = self.fs.read(&dir.join(&i.name)).ok()??;
                let table: toml::Table = toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
                let with = table
                    .get("with")?
                    .as_array()?
                    .iter()
                    .filter_map(|w| w.as_str().map(str::to_string))
                    .collect();
                Some(Draft {
                    with,
                    kind: Kind::parse(table.get("kind").and_then(|k| k.as_str()).unwrap_or("note")),
                    note: table
                        .get("note")
                        .and_then(|n| n.as_str())
                        .unwrap_or("")
                        .to_string(),
                    started: DateTime::parse_from_rfc3339(table.get("started")?.as_str()?).ok()?,
                })
            })
            .collect();
        drafts.sort_by_key(|d| d.started);
        drafts
    }
}
