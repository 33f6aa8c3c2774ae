//! An edit in `$EDITOR` of a contact file or of one entry, as a three-way merge: the text the
//! editor opened with is the base, and what the person changed from it is applied to the file
//! as it is when they save (`Store::replace_contact_text`, `Store::replace_entry_text`), so a
//! need added by another rolo or a hand edit made meanwhile is kept. A key changed on both
//! sides keeps the file's value, and the editor reopens on the file as now written with a note
//! at the top naming each such key and both values. Nothing typed is lost: a text that cannot
//! be saved stays in the "edit again / revert" popup, together with its base.

use super::effects::reload_month;
use super::run::Host;
use super::state::{AppState, EditResume, EditTarget};
use super::update::outcome;
use crate::journal::Journal;
use crate::sanitize::inert_line;
use crate::store::{Conflict, MergeOutcome, Store, StoreError, decode, merge_note, paths};
use chrono::NaiveDate;
use std::io::Write;

/// One save: what the merge reported, the text now on disk (for a reopened editor), the target
/// (an entry may have moved to another month) and what to say.
struct Round {
    merge: MergeOutcome,
    text: String,
    target: EditTarget,
    said: String,
}

pub(super) fn edit(
    state: &mut AppState,
    journal: &mut Journal,
    store: &Store,
    host: &mut dyn Host,
    target: EditTarget,
    resume: Option<EditResume>,
    today: NaiveDate,
) {
    let (mut base, mut start) = match resume {
        Some(r) => (r.base, r.text),
        None => match original(store, &target) {
            Ok(text) => (text.clone(), text),
            Err(e) => return outcome::failed(state, e),
        },
    };
    let mut target = target;
    // The round before ended in conflicts: what was saved then, and the keys the file kept.
    let mut before: Option<(String, Vec<Conflict>)> = None;
    loop {
        let edited = match run_editor(store, host, &start) {
            Ok(Some(text)) => text,
            Ok(None) => {
                let error = "the edited file is not UTF-8 text".to_string();
                let resume = EditResume { base, text: start };
                return outcome::edit_failed(state, target, resume, error);
            }
            Err(e) => return outcome::failed(state, e),
        };
        let mine = merge_note::strip(&edited);
        if mine == base {
            return match before {
                None => state.say("no changes"),
                Some((said, kept)) => state.say(format!("{said}; {}", kept_words(&kept))),
            };
        }
        let round = match save(state, journal, store, &target, &base, mine, today) {
            Ok(round) => round,
            Err(error) => {
                let resume = EditResume { base, text: edited };
                return outcome::edit_failed(state, target, resume, error);
            }
        };
        if round.merge.conflicts.is_empty() {
            return state.say(format!("{}{}", round.said, renumbered_words(&round.merge)));
        }
        start = format!("{}{}", merge_note::note(&round.merge.conflicts), round.text);
        base = round.text;
        target = round.target;
        before = Some((round.said, round.merge.conflicts));
    }
}

/// The text the editor starts from: the contact file, or the entry as its month file has it
/// (keys rolo does not know and comments are shown too).
fn original(store: &Store, target: &EditTarget) -> Result<String, String> {
    match target {
        EditTarget::Contact { id } => match store.read_file(&paths::contact(id)) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => Err("the contact file is gone".into()),
            Err(e) => Err(e.to_string()),
        },
        EditTarget::Entry { id, month } => store.entry_text(id, *month).map_err(|e| e.to_string()),
    }
}

/// Hand `text` to the editor in a private copy and read back what was saved; `None` when that
/// is not UTF-8.
fn run_editor(store: &Store, host: &mut dyn Host, text: &str) -> Result<Option<String>, String> {
    let Some(root) = store.root() else {
        return Err("editing needs a data folder on disk".into());
    };
    // The copy lives in the data folder, so it stays on the same disk and as private.
    let mut file = tempfile::Builder::new()
        .prefix(".rolo-edit-")
        .suffix(".toml")
        .tempfile_in(root)
        .map_err(|e| format!("cannot make a copy to edit: {e}"))?;
    file.write_all(text.as_bytes())
        .and_then(|_| file.flush())
        .map_err(|e| format!("cannot make a copy to edit: {e}"))?;
    host.edit(file.path())
        .map_err(|e| format!("cannot run the editor: {e}"))?;
    let bytes =
        std::fs::read(file.path()).map_err(|e| format!("cannot read the edited copy: {e}"))?;
    Ok(String::from_utf8(bytes).ok())
}

/// Save the person's text, merged into the file as it is now, and show the result.
fn save(
    state: &mut AppState,
    journal: &mut Journal,
    store: &Store,
    target: &EditTarget,
    base: &str,
    mine: &str,
    today: NaiveDate,
) -> Result<Round, String> {
    match target {
        EditTarget::Contact { id } => match store.replace_contact_text(id, base, mine) {
            Ok(saved) => {
                let said = format!("saved {}", inert_line(&saved.value.name));
                outcome::contact_saved(state, journal, saved.value, said.clone(), today);
                Ok(Round {
                    merge: saved.merge,
                    text: saved.text,
                    target: target.clone(),
                    said,
                })
            }
            Err(StoreError::Broken(p)) => Err(at_line(&p)),
            Err(e) => Err(e.to_string()),
        },
        EditTarget::Entry { id, month } => {
            // A text that does not parse is told by its line; the store checks the rest.
            if let Err(p) = decode::month(&paths::month(*month), mine) {
                return Err(at_line(&p));
            }
            let saved = store
                .replace_entry_text(id, *month, base, mine)
                .map_err(|e| e.to_string())?;
            let now_in = saved.value.month();
            let moved = EditTarget::Entry {
                id: saved.value.id.clone(),
                month: now_in,
            };
            outcome::entry_edited(state, journal, id, saved.value);
            // The month file may hold other changes made by hand meanwhile: show it as it is.
            reload_month(journal, store, *month);
            if now_in != *month {
                reload_month(journal, store, now_in);
            }
            Ok(Round {
                merge: saved.merge,
                text: saved.text,
                target: moved,
                said: "entry saved".into(),
            })
        }
    }
}

/// The popup is about the text being edited, so the place in it says more than a file path.
fn at_line(p: &crate::store::Problem) -> String {
    format!("line {}, column {}: {}", p.line, p.col, p.message)
}

fn kept_words(kept: &[Conflict]) -> String {
    let keys: Vec<String> = kept
        .iter()
        .map(|c| inert_line(&c.key).into_owned())
        .collect();
    format!(
        "kept the file's {} (changed outside while you edited)",
        keys.join(", ")
    )
}

fn renumbered_words(merge: &MergeOutcome) -> String {
    merge
        .renumbered
        .iter()
        .map(|r| {
            let key = inert_line(&r.key);
            format!(
                "; your {key} #{} is now #{} (#{} was added meanwhile)",
                r.from, r.to, r.from
            )
        })
        .collect()
}
