//! Capture in progress, saved as the user types so that closing the terminal, a crash or
//! kill -9 loses nothing.
//!
//! A draft belongs to the rolo that writes it. Each running rolo holds a lease (`Fs::lease`:
//! an OS lock on a file of its own in `.leases/`, which the kernel lets go of when the
//! process ends however it ends) and writes the lease's name into its drafts as `owner`.
//! Another rolo neither offers nor removes a draft whose owner's lease is held: the note is
//! still being typed. Once the owner is gone its drafts are offered at the next start. A pid
//! alone could not tell this (pids are reused, and a draft may outlive a reboot); the pid
//! is written too, only so a person or a message can say which process it is.

use super::error::{Invalid, Refusal, StoreError};
use super::fs::Lease;
use super::paths;
use crate::model::{Draft, Kind};
use crate::store::Store;
use chrono::{DateTime, FixedOffset, Local};
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, value};

// The running rolos keep their leases beside the data, not in `drafts/`, whose files are
// all drafts.
use paths::LEASES;

/// This process's claim on its drafts: the lease's name, written into each draft, and the
/// lease itself, held while the store lives.
pub(in crate::store) struct Owner {
    token: String,
    _lease: Lease,
}

/// Writing a draft as this process's own, or finding it open in another running rolo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Ours,
    /// Left as it is; `pid` is the other process as the draft names it.
    Taken {
        pid: Option<u32>,
    },
}

/// Who wrote a draft file, as the file says.
#[derive(Default)]
struct Writer {
    token: Option<String>,
    pid: Option<u32>,
}

/// A lease name as rolo makes them: letters and digits only, so a name read from a file
/// can never lead a path out of `.leases/`.
fn valid_token(token: &str) -> bool {
    (1..=64).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn lease_path(token: &str) -> PathBuf {
    Path::new(LEASES).join(format!("{token}.lease"))
}

/// Why a draft is left alone: another running rolo holds it.
pub fn taken(pid: Option<u32>) -> String {
    Refusal::DraftTaken { pid }.to_string()
}

impl Store {
    /// This process's lease name, the lease taken with the first draft. `None` when no lease
    /// can be had (a store not on disk): drafts are then written without an owner, and are
    /// offered as left behind, as before owners were written.
    fn draft_owner(&self) -> Option<&str> {
        self.drafts_owner
            .get_or_init(|| {
                let _lock = self.lock().ok()?;
                let (token, lease) = self.fs.lease(Path::new(LEASES)).ok()?;
                valid_token(&token).then_some(Owner {
                    token,
                    _lease: lease,
                })
            })
            .as_ref()
            .map(|o| o.token.as_str())
    }

    /// The lease name if this process has taken one already (looking never takes one).
    fn our_token(&self) -> Option<&str> {
        self.drafts_owner.get()?.as_ref().map(|o| o.token.as_str())
    }

    /// Whether a draft by `writer` belongs to another rolo running now.
    fn held_elsewhere(&self, writer: &Writer) -> bool {
        match writer.token.as_deref() {
            Some(t) if valid_token(t) => {
                Some(t) != self.our_token() && self.fs.leased(&lease_path(t))
            }
            _ => false,
        }
    }

    fn writer(&self, rel: &Path) -> Writer {
        let Some(table) = self.draft_table(rel) else {
            return Writer::default();
        };
        Writer {
            token: table
                .get("owner")
                .and_then(|o| o.as_str())
                .map(str::to_string),
            pid: table
                .get("pid")
                .and_then(|p| p.as_integer())
                .and_then(|p| u32::try_from(p).ok()),
        }
    }

    fn draft_table(&self, rel: &Path) -> Option<toml::Table> {
        let bytes = self.fs.read(rel).ok()??;
        toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()
    }

    /// Write the draft; refused when another running rolo holds it (see `claim_draft`).
    pub fn save_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        match self.claim_draft(draft)? {
            Claim::Ours => Ok(()),
            Claim::Taken { pid } => Err(StoreError::Refused(Refusal::DraftTaken { pid })),
        }
    }

    /// Write the draft as this process's own, unless another running rolo holds its file:
    /// then nothing is written. Restoring a draft claims it, so two rolos that both offered
    /// it cannot both go on typing into one file.
    pub fn claim_draft(&self, draft: &Draft) -> Result<Claim, StoreError> {
        // Before the folder lock: taking a lease takes that lock itself.
        let owner = self.draft_owner().map(str::to_string);
        let rel = self.draft_file(draft, "the draft was not saved")?;
        self.check_writable(&rel)?;
        // Under the folder lock, so a sweep of stale temp files never removes this one
        // mid-write, and no other rolo claims the file between the look and the write.
        let _lock = self.lock()?;
        let writer = self.writer(&rel);
        if self.held_elsewhere(&writer) {
            return Ok(Claim::Taken { pid: writer.pid });
        }
        let mut doc = DocumentMut::new();
        let with: toml_edit::Array = draft.with.iter().map(String::as_str).collect();
        doc.insert("with", value(with));
        doc.insert("kind", value(draft.kind.as_str()));
        doc.insert("started", value(draft.started.to_rfc3339()));
        doc.insert("note", value(draft.note.as_str()));
        if let Some(owner) = owner {
            doc.insert("owner", value(owner));
            doc.insert("pid", value(i64::from(std::process::id())));
        }
        self.fs
            .write_atomic(&rel, doc.to_string().as_bytes())
            .map_err(|e| StoreError::io(self.display(&rel), e))?;
        Ok(Claim::Ours)
    }

    /// Remove the draft; refused when another running rolo holds it.
    pub fn remove_draft(&self, draft: &Draft) -> Result<(), StoreError> {
        let rel = self.draft_file(draft, "nothing was removed")?;
        self.check_writable(&rel)?;
        let _lock = self.lock()?;
        let writer = self.writer(&rel);
        if self.held_elsewhere(&writer) {
            return Err(StoreError::Refused(Refusal::DraftTaken { pid: writer.pid }));
        }
        self.fs
            .remove(&rel)
            .map_err(|e| StoreError::io(self.display(&rel), e))
    }

    /// The draft's file, when its name can be one: the name is built from the first person's
    /// id, which a draft file's `with` may make anything (`../../elsewhere/x`).
    fn draft_file(
        &self,
        draft: &Draft,
        outcome: &'static str,
    ) -> Result<std::path::PathBuf, StoreError> {
        paths::draft_checked(&draft.file_name())
            .map_err(|name| StoreError::Invalid(Invalid::BadName { name, outcome }))
    }

    /// Drafts left from an earlier session (and this process's own), oldest first; not
    /// those of another rolo still running. An unreadable draft is skipped, not deleted: it
    /// stays on disk for the person to open by hand.
    pub fn drafts(&self) -> Vec<Draft> {
        self.sweep_stale_leases();
        let dir = Path::new(paths::DRAFTS);
        let Ok(items) = self.fs.list(dir) else {
            return Vec::new();
        };
        let mut drafts: Vec<Draft> = items
            .iter()
            .filter(|i| !i.is_dir && !i.name.starts_with('.') && i.name.ends_with(".toml"))
            .filter(|i| !self.held_elsewhere(&self.writer(&dir.join(&i.name))))
            .filter_map(|i| self.read_draft(&dir.join(&i.name), &i.name))
            .collect();
        drafts.sort_by_key(|d| d.started);
        drafts
    }

    /// Remove the lease files of rolos that are gone (killed, so they could not remove their
    /// own). Under the folder lock, where new leases are taken, so a new one is locked before
    /// anyone can look at it.
    fn sweep_stale_leases(&self) {
        let dir = Path::new(LEASES);
        // A link planted there is not followed: nothing outside the folder is removed.
        if self.fs.is_symlink(dir) {
            return;
        }
        let Ok(items) = self.fs.list(dir) else {
            return;
        };
        let stale: Vec<_> = items
            .iter()
            .filter(|i| !i.is_dir && i.name.ends_with(".lease"))
            .map(|i| dir.join(&i.name))
            .collect();
        if stale.is_empty() {
            return;
        }
        let Ok(_lock) = self.lock() else {
            return;
        };
        for rel in stale {
            if !self.fs.leased(&rel) {
                let _ = self.fs.remove(&rel);
            }
        }
    }

    fn read_draft(&self, rel: &Path, name: &str) -> Option<Draft> {
        let table = self.draft_table(rel)?;
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
