//! An edit in `$EDITOR` of a contact file or of one entry, as a three-way merge: the text the
//! editor opened with is the base, and what the person changed from it is applied to the file
//! as it is when they save (`ops::EditPerson`, `ops::EditEntry`), so a need added by another
//! rolo or a hand edit made meanwhile is kept. A key changed on both sides keeps the file's
//! value, and the editor reopens on the file as now written with a note at the top naming
//! each such key and both values. Nothing typed is lost: a text that cannot be saved stays in
//! the "edit again / revert" popup, together with its base.
//!
//! What stays imperative here, and why: the reopening after a conflict is a loop around the
//! terminal (the editor runs, its text is saved, the editor runs again), and `update` cannot
//! hand the terminal over in the middle of a message. So the whole session is one effect;
//! it does only IO, and reports each save and how it ended as one `Done::Edited`, which
//! `update` then learns in order. Nothing is drawn while the editor has the terminal, so
//! learning the saves at the end shows the same as learning them one by one.

use super::effects::read_month;
use super::run::Host;
use super::state::{EditResume, EditTarget};
use super::update::done::{EditEnd, EditSave, Edited};
use crate::ops::edit::{EditCopy, EditorError, kept_words, renumbered_words};
use crate::ops::{EditEntry, EditPerson};
use crate::store::{Conflict, MergeOutcome, Store, merge_note, paths};

/// One save: what it saved (nothing when the text was unchanged), what the merge reported,
/// the text now on disk (for a reopened editor), the target (an entry may have moved to
/// another month) and what to say.
struct Round {
    save: Option<EditSave>,
    merge: MergeOutcome,
    text: String,
    target: EditTarget,
    said: String,
}

pub(super) fn edit(
    store: &Store,
    host: &mut dyn Host,
    names: &dyn Fn(&str) -> String,
    target: EditTarget,
    resume: Option<EditResume>,
) -> Edited {
    let mut saves = Vec::new();
    let end = session(store, host, names, target, resume, &mut saves);
    Edited { saves, end }
}

fn session(
    store: &Store,
    host: &mut dyn Host,
    names: &dyn Fn(&str) -> String,
    target: EditTarget,
    resume: Option<EditResume>,
    saves: &mut Vec<EditSave>,
) -> EditEnd {
    let (mut base, mut start) = match resume {
        Some(r) => (r.base, r.text),
        None => match original(store, &target) {
            Ok(text) => (text.clone(), text),
            Err(e) => return EditEnd::Failed(e),
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
                return EditEnd::Kept {
                    target,
                    resume,
                    error,
                };
            }
            Err(e) => return EditEnd::Failed(e.to_string()),
        };
        let mine = merge_note::strip(&edited);
        let round = match save(store, names, &target, &base, mine) {
            Ok(round) => round,
            Err(error) => {
                let resume = EditResume { base, text: edited };
                return EditEnd::Kept {
                    target,
                    resume,
                    error,
                };
            }
        };
        let Some(saved) = round.save else {
            return EditEnd::Said(match before {
                None => round.said,
                Some((said, kept)) => format!("{said}; {}", kept_words(&kept)),
            });
        };
        saves.push(saved);
        if round.merge.conflicts.is_empty() {
            return EditEnd::Said(format!("{}{}", round.said, renumbered_words(&round.merge)));
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
fn run_editor(
    store: &Store,
    host: &mut dyn Host,
    text: &str,
) -> Result<Option<String>, EditorError> {
    let copy = EditCopy::new(store, text)?;
    host.edit(copy.path()).map_err(EditorError::Editor)?;
    copy.read()
}

/// Save the person's text through its operation, merged into the file as it is now.
fn save(
    store: &Store,
    names: &dyn Fn(&str) -> String,
    target: &EditTarget,
    base: &str,
    mine: &str,
) -> Result<Round, String> {
    match target {
        EditTarget::Contact { id } => {
            let done = EditPerson::new(id, base, mine)
                .apply(store)
                .map_err(|e| e.status())?;
            Ok(Round {
                save: done.contact.map(|contact| EditSave::Person {
                    contact,
                    status: done.status.clone(),
                }),
                merge: done.merge,
                text: done.text,
                target: target.clone(),
                said: done.status,
            })
        }
        EditTarget::Entry { id, month } => {
            let done = EditEntry::new(id, *month, base, mine)
                .apply(store, names)
                .map_err(|e| e.status())?;
            let (save, target) = match done.entry {
                None => (None, target.clone()),
                Some(entry) => {
                    let now_in = entry.month();
                    let moved = EditTarget::Entry {
                        id: entry.id.clone(),
                        month: now_in,
                    };
                    // The month files may hold other changes made by hand meanwhile: they are
                    // shown as they are.
                    let mut months: Vec<_> = read_month(store, *month).into_iter().collect();
                    if now_in != *month {
                        months.extend(read_month(store, now_in));
                    }
                    let old_id = id.clone();
                    (
                        Some(EditSave::Entry {
                            old_id,
                            entry,
                            months,
                        }),
                        moved,
                    )
                }
            };
            Ok(Round {
                save,
                merge: done.merge,
                text: done.text,
                target,
                said: done.status,
            })
        }
    }
}
