//! Capture in progress, saved as the user types so that closing the terminal, a crash or
//! kill -9 loses nothing.

use super::{Store, StoreError, paths};
use crate::model::{Draft, Kind};
use chrono::{DateTime, FixedOffset, Local};
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
        let rel = self.draft_file(draft, "the draft was not saved")?;
        self.check_writable(&rel)?;
        // Under the folder lock, so a sweep of stale temp files never removes this one mid-write.
        let _lock = self.lock()?;
        self.fs
            .write_atomic(&rel, doc.to_string().as_bytes())
            .map_err(|e| StoreError::io(self.display(&rel), e))
    }

    pub fn remove_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        let rel = self.draft_file(draft, "nothing was removed")?;
        self.check_writable(&rel)?;
        self.fs
            .remove(&rel)
            .map_err(|e| StoreError::io(self.display(&rel), e))
    }

    /// The draft's file, when its name can be one: the name is built from the first person's
    /// id, which a draft file's `with` may make anything (`../../elsewhere/x`).
    fn draft_file(&self, draft: &Draft, outcome: &str) -> Result<std::path::PathBuf, StoreError> {
        paths::draft_checked(&draft.file_name())
            .map_err(|why| StoreError::Invalid(format!("{why}; {outcome}")))
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
            .filter_map(|i| self.read_draft(&dir.join(&i.name), &i.name))
            .collect();
        drafts.sort_by_key(|d| d.started);
        drafts
    }

    fn read_draft(&self, rel: &Path, name: &str) -> Option<Draft> {
        let bytes = self.fs.read(rel).ok()??;
        let table: toml::Table = toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
        let with = table
            .get("with")?
            .as_array()?
            .iter()
            .filter_map(|w| w.as_str().map(str::to_string))
            .collect();
        // A draft from before its start time was written down: the file's last change is
        // the closest time there is (the note was being typed then).
        let started = match table.get("started") {
            Some(s) => moment(s)?,
            None => DateTime::<Local>::from(self.fs.modified(rel)?).fixed_offset(),
        };
        let mut draft = Draft {
            with,
            kind: Kind::parse(table.get("kind").and_then(|k| k.as_str()).unwrap_or("note")),
            note: table
                .get("note")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string(),
            started,
            file: None,
        };
        if draft.file_name() != name {
            draft.file = Some(name.to_string());
        }
        Some(draft)
    }
}

/// `started` as rolo writes it (an RFC 3339 string) or as a person might (a TOML datetime).
fn moment(value: &toml::Value) -> Option<DateTime<FixedOffset>> {
    match value {
        toml::Value::String(s) => DateTime::parse_from_rfc3339(s.trim()).ok(),
        toml::Value::Datetime(d) => DateTime::parse_from_rfc3339(&d.to_string()).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(name: &str, text: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::on_disk(dir.path());
        store
            .fs()
            .write_atomic(&paths::draft(name), text.as_bytes())
            .unwrap();
        (dir, store)
    }

    #[test]
    fn a_start_written_as_a_toml_datetime_is_read() {
        let text = "with = [\"ada\"]\nnote = \"x\"\nstarted = 2026-11-23T14:05:00+01:00\n";
        let (_dir, store) = store_with("ada-by-hand.toml", text);
        let drafts = store.drafts();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].started.to_rfc3339(), "2026-11-23T14:05:00+01:00");
        assert_eq!(drafts[0].file_name(), "ada-by-hand.toml");
    }

    #[test]
    fn a_draft_without_a_start_keeps_its_file_and_gains_a_start_when_saved() {
        let (dir, store) = store_with("ada-old.toml", "with = [\"ada\"]\nnote = \"x\"\n");
        let mut drafts = store.drafts();
        assert_eq!(drafts.len(), 1, "offered, dated by the file");
        let draft = drafts.remove(0);
        assert_eq!(draft.file_name(), "ada-old.toml");
        store.save_draft(&draft).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path().join("drafts"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["ada-old.toml"], "rewritten in place, not doubled");
        assert_eq!(store.drafts(), vec![draft.clone()]);
        store.remove_draft(&draft).unwrap();
        assert!(store.drafts().is_empty());
    }
}
