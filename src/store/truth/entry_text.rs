//! One entry as text, for editing in `$EDITOR`: the `[[entry]]` table exactly as its month file
//! has it (every key rolo knows and every key it does not, comments too), and the edited text
//! written back key by key, so only what the person changed changes.

use super::error::{EntryText, Invalid, Missing, Refusal, StoreError};
use super::file_text::FileText;
use super::merge3::{self, Outcome, place};
use super::{decode, paths};
use crate::model::Entry;
use crate::store::{Edited, Store};
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The `[[entry]]` table with this id, and its place in the array.
fn find<'a>(doc: &'a DocumentMut, id: &str) -> Option<(usize, &'a Table)> {
    let Some(Item::ArrayOfTables(array)) = doc.get("entry") else {
        return None;
    };
    array
        .iter()
        .enumerate()
        .find(|(_, t)| t.get("id").and_then(Item::as_str) == Some(id))
}

/// One entry table as a block of its own, as written: what the editor shows, and what is
/// appended when an edit moves the entry to another month.
pub(in crate::store) fn lone_entry(table: &Table) -> String {
    let mut table = table.clone();
    place(&mut table, None);
    let mut array = ArrayOfTables::new();
    array.push(table);
    let mut doc = DocumentMut::new();
    doc.insert("entry", Item::ArrayOfTables(array));
    // The blank line that parted it from the entry before belongs to the month file.
    doc.to_string().trim_start_matches(['\n', '\r']).to_string()
}

/// The person's edit merged into the table as it is on disk now. When nobody else touched the
/// entry meanwhile (the usual case) that is the edited table itself, as typed; otherwise only
/// what the person changed is applied, key by key, and a key changed on both sides keeps the
/// file's value (reported in the outcome).
fn apply_edit(current: &Table, shown: &Table, edited: &Table) -> (Table, Outcome) {
    if lone_entry(current) == lone_entry(shown) {
        return (edited.clone(), Outcome::default());
    }
    let mut out = current.clone();
    let outcome = merge3::merge_table(shown, edited, &mut out);
    (out, outcome)
}

/// The one `[[entry]]` table of an edited text, checked: nothing outside it, and its id kept.
fn edited_table(rel: &Path, id: &str, edited: &str) -> Result<Table, StoreError> {
    let invalid = |e: EntryText| StoreError::Invalid(Invalid::EntryText(e));
    let entries = decode::month(rel, edited).map_err(StoreError::Broken)?;
    if entries.len() != 1 {
        return Err(invalid(EntryText::NotOneEntry));
    }
    let doc: DocumentMut = edited.parse().map_err(|_| invalid(EntryText::NotToml))?;
    if let Some((key, _)) = doc.iter().find(|(k, _)| *k != "entry") {
        return Err(invalid(EntryText::KeyAbove {
            key: key.to_string(),
        }));
    }
    let Some(Item::ArrayOfTables(array)) = doc.get("entry") else {
        return Err(invalid(EntryText::NotATable));
    };
    let Some(table) = array.get(0) else {
        return Err(invalid(EntryText::NotOneEntry));
    };
    let written = table.get("id").and_then(Item::as_str).unwrap_or("");
    if written != id {
        return Err(invalid(EntryText::IdChanged {
            id: id.to_string(),
            written: written.to_string(),
        }));
    }
    Ok(table.clone())
}

impl Store {
    fn month_doc(&self, rel: &Path) -> Result<(FileText, DocumentMut), StoreError> {
        // A broken month is reported as such, never edited.
        let (file, _) = self
            .month_for_write(rel)?
            .ok_or(StoreError::NotFound(Missing::Month { id: None }))?;
        let doc = file.text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(rel),
            })
        })?;
        Ok((file, doc))
    }

    /// The entry `id` of `month` as its month file has it, for editing as text.
    pub fn entry_text(&self, id: &str, month: (i32, u32)) -> Result<String, StoreError> {
        let rel = paths::month(month);
        let (_, doc) = self.month_doc(&rel)?;
        let (_, table) = find(&doc, id).ok_or_else(|| gone(id))?;
        Ok(lone_entry(table))
    }

    /// Save an entry edited as text. `shown` is the text the editor started from (from
    /// `entry_text`), `edited` what the person saved: every key they added, kept or changed is
    /// written as typed, and a change made to the file meanwhile by someone else is kept; a key
    /// changed on both sides keeps the file's value and is reported in `merge`. If the date is
    /// now in another month, the entry moves there (written first, then removed here, so a
    /// crash in between duplicates, never loses).
    pub fn replace_entry_text(
        &self,
        id: &str,
        month: (i32, u32),
        shown: &str,
        edited: &str,
    ) -> Result<Edited<Entry>, StoreError> {
        let rel = paths::month(month);
        // A BOM the editor added is not part of the entry (the file keeps its own).
        let edited = edited.strip_prefix(super::file_text::BOM).unwrap_or(edited);
        let edited = edited_table(&rel, id, edited)?;
        // The text shown came from the file, so it parses; if not, the edit is all there is.
        let shown = edited_table(&rel, id, shown).unwrap_or_else(|_| Table::new());
        let lock = self.lock()?;
        let (file, mut doc) = self.month_doc(&rel)?;
        let (at, current) = find(&doc, id).ok_or_else(|| gone(id))?;
        let position = current.position();
        let (mut merged, merge) = apply_edit(current, &shown, &edited);
        let new = self.read_back(&rel, &lone_entry(&merged), id)?;
        if new.with.is_empty() {
            return Err(Invalid::NoPerson.into());
        }
        if new.month() == month {
            place(&mut merged, position);
            let text = lone_entry(&merged);
            if let Some(Item::ArrayOfTables(array)) = doc.get_mut("entry")
                && let Some(slot) = array.get_mut(at)
            {
                *slot = merged;
            }
            let out = doc.to_string();
            let out = file.style.lines(&out);
            let value = self.read_back(&rel, &out, id)?;
            self.write(&rel, &out, file.style)?;
            return Ok(Edited { value, merge, text });
        }
        drop(lock);
        // In the other month the id may be taken; `append_as` then gives it a suffix.
        let block = |e: &Entry| {
            let mut t = merged.clone();
            t.insert("id", toml_edit::value(e.id.as_str()));
            lone_entry(&t)
        };
        let moved = self.append_as(new, &block)?;
        let _lock = self.lock()?;
        self.remove_entry_locked(&rel, id)?;
        let text = block(&moved.value);
        Ok(Edited {
            value: moved.value,
            merge,
            text,
        })
    }
}

fn gone(id: &str) -> StoreError {
    StoreError::NotFound(Missing::EditedEntry { id: id.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemFs;

    const MONTH: &str = "\
# November, by hand
[[entry]]
id = \"2026-11-20-0900-ada\"
at = 2026-11-20T09:00:00+01:00
with = [\"ada\"]
kind = \"coffee\"   # her choice of place
note = \"Tea, in fact\"
mood = \"bright\"

[[entry]]
id = \"2026-11-21-1000-ada\"
at = 2026-11-21T10:00:00+01:00
with = [\"ada\"]
note = \"Second\"
";

    fn store() -> Store {
        let fs = MemFs::default();
        let store = Store::new(Box::new(fs));
        store
            .fs()
            .write_atomic(&paths::month((2026, 11)), MONTH.as_bytes())
            .unwrap();
        store
    }

    const FIRST: &str = "2026-11-20-0900-ada";

    #[test]
    fn the_text_shows_every_key_and_comment() {
        let text = store().entry_text(FIRST, (2026, 11)).unwrap();
        assert!(text.starts_with("# November, by hand\n[[entry]]"), "{text}");
        assert!(text.contains("mood = \"bright\""), "{text}");
        assert!(text.contains("# her choice of place"), "{text}");
        assert!(!text.contains("Second"), "{text}");
    }

    #[test]
    fn an_added_key_is_written_and_the_rest_stays_as_it_was() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let edited = shown.replace(
            "note = \"Tea, in fact\"",
            "note = \"Tea\"\nlocation = \"Oslo\"",
        );
        let saved = store
            .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
            .unwrap();
        assert_eq!(saved.value.note, "Tea");
        let file = store.read_file(&paths::month((2026, 11))).unwrap().unwrap();
        assert_eq!(
            file,
            MONTH.replace(
                "note = \"Tea, in fact\"",
                "note = \"Tea\"\nlocation = \"Oslo\""
            )
        );
    }

    #[test]
    fn an_edit_keeps_a_change_made_meanwhile_to_another_key() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let rel = paths::month((2026, 11));
        let outside = MONTH.replace("mood = \"bright\"", "mood = \"calm\"");
        store.fs().write_atomic(&rel, outside.as_bytes()).unwrap();
        let edited = format!("{shown}location = \"Oslo\"\n");
        store
            .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
            .unwrap();
        let file = store.read_file(&rel).unwrap().unwrap();
        assert!(file.contains("mood = \"calm\""), "{file}");
        assert!(file.contains("location = \"Oslo\""), "{file}");
        assert!(file.find("Oslo") < file.find("Second"), "{file}");
    }

    #[test]
    fn a_key_changed_on_both_sides_keeps_the_files_value_and_says_so() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let rel = paths::month((2026, 11));
        let outside = MONTH
            .replace("mood = \"bright\"", "mood = \"calm\"")
            .replace("note = \"Second\"", "note = \"Second, by hand\"");
        store.fs().write_atomic(&rel, outside.as_bytes()).unwrap();
        let edited = shown
            .replace("mood = \"bright\"", "mood = \"tired\"")
            .replace("Tea, in fact", "Tea");
        let saved = store
            .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
            .unwrap();
        let keys: Vec<&str> = saved
            .merge
            .conflicts
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        assert_eq!(keys, ["mood"]);
        let file = store.read_file(&rel).unwrap().unwrap();
        assert_eq!(
            file,
            outside.replace("note = \"Tea, in fact\"", "note = \"Tea\"")
        );
        assert!(saved.text.contains("mood = \"calm\""), "{}", saved.text);
    }

    #[test]
    fn a_table_under_the_entry_stays_with_it() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let edited =
            format!("{shown}\n[entry.place]\ncity = \"Oslo\"\n[entry.weather]\nsky = \"grey\"\n");
        store
            .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
            .unwrap();
        let file = store.read_file(&paths::month((2026, 11))).unwrap().unwrap();
        let (first, second) = file.split_at(file.find("id = \"2026-11-21").unwrap());
        assert!(first.contains("city = \"Oslo\""), "{file}");
        assert!(first.contains("sky = \"grey\""), "{file}");
        assert!(
            !second.contains("Oslo") && !second.contains("grey"),
            "{file}"
        );
    }

    #[test]
    fn a_move_to_another_month_takes_every_key() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let edited = shown.replace("2026-11-20T09", "2026-12-01T09");
        let saved = store
            .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
            .unwrap();
        assert_eq!(saved.value.month(), (2026, 12));
        let dec = store.read_file(&paths::month((2026, 12))).unwrap().unwrap();
        assert!(dec.contains("mood = \"bright\""), "{dec}");
        let nov = store.read_file(&paths::month((2026, 11))).unwrap().unwrap();
        assert!(!nov.contains(FIRST), "{nov}");
    }

    #[test]
    fn bad_edits_are_refused_with_a_reason() {
        let store = store();
        let shown = store.entry_text(FIRST, (2026, 11)).unwrap();
        let refused = |edited: String| {
            store
                .replace_entry_text(FIRST, (2026, 11), &shown, &edited)
                .unwrap_err()
                .to_string()
        };
        let above = refused(format!("location = \"Oslo\"\n{shown}"));
        assert!(
            above.contains("`location` is above the [[entry]] line"),
            "{above}"
        );
        let id = refused(shown.replace(FIRST, "mine"));
        assert!(id.contains("the id cannot change"), "{id}");
        let two = refused(format!("{shown}\n{shown}"));
        assert!(two.contains("exactly one"), "{two}");
        let nobody = refused(shown.replace("with = [\"ada\"]", "with = []"));
        assert!(nobody.contains("at least one person"), "{nobody}");
        assert_eq!(
            store.read_file(&paths::month((2026, 11))).unwrap().unwrap(),
            MONTH
        );
    }
}
