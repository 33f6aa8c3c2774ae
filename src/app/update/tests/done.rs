//! What an effect came to, learnt by `update`: the journal takes in what is on disk, and the
//! status line says it. Messages are made here by hand, as the effects would make them.

use super::*;
use crate::app::state::Status;
use crate::app::update::done::{EditEnd, EditSave, Edited, MonthRead};
use crate::app::update::{Done, on_done};
use crate::model::Entry;
use crate::ops::note::SavedEntry;
use crate::ops::{Changed, OpError};
use crate::store::StoreError;

fn status(s: &AppState) -> Status {
    s.status.clone().unwrap()
}

fn kwame(j: &Journal) -> crate::model::Contact {
    j.by_id("kwame-asante").unwrap().clone()
}

fn entry_with(id: &str, who: &str, note: &str) -> Entry {
    Entry {
        id: id.into(),
        at: now(),
        with: vec![who.into()],
        kind: Kind::Coffee,
        note: note.into(),
        gave: None,
        asked: None,
    }
}

#[test]
fn a_changed_file_is_taken_in_and_said() {
    let (mut s, mut j) = demo();
    let mut c = kwame(&j);
    c.role = Some("Chief Baker".into());
    let done = Done::Changed(Changed {
        contact: c,
        changed_outside: false,
        line: "unused here".into(),
        status: "need recorded".into(),
    });
    on_done(&mut s, &mut j, done, now());
    assert_eq!(kwame(&j).role.as_deref(), Some("Chief Baker"));
    assert_eq!(
        status(&s),
        Status {
            text: "need recorded".into(),
            error: false
        }
    );
}

#[test]
fn a_change_to_a_file_gone_meanwhile_keeps_what_was_typed_as_a_note() {
    let (mut s, mut j) = demo();
    let gone = OpError::Store(StoreError::NotFound(
        crate::store::error::Missing::Contact {
            id: "kwame-asante".into(),
        },
    ));
    let done = Done::NotChanged {
        contact: "kwame-asante".into(),
        error: gone,
        typed: Some("need: a van".into()),
        now: Vec::new(),
    };
    on_done(&mut s, &mut j, done, now());
    let cap = s.capture.as_ref().expect("kept as a note");
    assert_eq!(cap.editor.text(), "need: a van");
    assert_eq!(cap.with, ["kwame-asante"]);
    let said = status(&s);
    assert!(said.error);
    assert!(
        said.text
            .starts_with("Kwame Asante's file was removed outside rolo; nothing was written, and what you typed is kept"),
        "{}",
        said.text
    );
    // Nothing typed (a follow-up marked done): said, and nothing opened.
    let (mut s, mut j) = demo();
    let done = Done::NotChanged {
        contact: "kwame-asante".into(),
        error: OpError::Store(StoreError::NotFound(
            crate::store::error::Missing::Contact {
                id: "kwame-asante".into(),
            },
        )),
        typed: None,
        now: Vec::new(),
    };
    on_done(&mut s, &mut j, done, now());
    assert!(s.capture.is_none());
    assert_eq!(
        status(&s).text,
        "Kwame Asante's file was removed outside rolo; nothing was written"
    );
}

#[test]
fn how_a_need_was_met_is_kept_as_a_note_when_the_need_is_gone_from_the_file() {
    let (mut s, mut j) = demo();
    let gone = OpError::NoNeed {
        name: "Kwame Asante".into(),
        contact: "kwame-asante".into(),
        need: 1,
    };
    let done = Done::NotChanged {
        contact: "kwame-asante".into(),
        error: gone,
        typed: Some("need #1 met: a van from Lina".into()),
        now: Vec::new(),
    };
    on_done(&mut s, &mut j, done, now());
    let cap = s.capture.as_ref().expect("kept as a note");
    assert_eq!(cap.editor.text(), "need #1 met: a van from Lina");
    assert_eq!(cap.with, ["kwame-asante"]);
    let said = status(&s);
    assert!(said.error);
    assert_eq!(
        said.text,
        "need #1 is gone from the file; nothing was written, and what you typed is kept as a note (and its draft)"
    );
}

#[test]
fn a_saved_note_lands_on_top_with_the_month_as_it_reads_now() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    let mine = entry_with("2026-11-24-1426-kwame", "kwame-asante", "Bread talk");
    let theirs = entry_with("2026-11-24-0900-kwame", "kwame-asante", "Written by hand");
    let mut month: Vec<Entry> = j
        .timeline()
        .filter(|e| e.month() == (2026, 11))
        .cloned()
        .collect();
    month.extend([mine.clone(), theirs.clone()]);
    let done = Done::EntrySaved {
        saved: SavedEntry {
            entry: mine.clone(),
            changed_outside: true,
        },
        draft_left: None,
        month: Some(MonthRead {
            month: (2026, 11),
            entries: month,
        }),
    };
    s.timeline_sel = 3;
    on_done(&mut s, &mut j, done, now());
    assert_eq!(status(&s).text, "saved coffee");
    assert_eq!(s.timeline_sel, 0);
    let ix = j.ix("kwame-asante").unwrap();
    let ids: Vec<&str> = j.timeline_of(ix).map(|e| e.id.as_str()).collect();
    assert_eq!(ids[0], mine.id);
    assert!(ids.contains(&theirs.id.as_str()), "{ids:?}");
}

#[test]
fn a_restored_draft_open_in_another_rolo_is_closed() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [NewNote, Type('x')]);
    on_done(&mut s, &mut j, Done::DraftTaken { pid: Some(42) }, now());
    assert!(s.capture.is_none());
    assert_eq!(
        status(&s).text,
        "not restored: this note is open in another rolo (process 42); it is left to it"
    );
}

#[test]
fn an_editor_session_is_learnt_save_by_save_then_its_last_word() {
    let (mut s, mut j) = demo();
    let mut first = kwame(&j);
    first.role = Some("Baker".into());
    let mut second = first.clone();
    second.company = Some("Oven & Co".into());
    let edited = Edited {
        saves: vec![
            EditSave::Person {
                contact: first,
                status: "saved Kwame Asante".into(),
            },
            EditSave::Person {
                contact: second,
                status: "saved Kwame Asante".into(),
            },
        ],
        end: EditEnd::Said("saved Kwame Asante; kept the file's role".into()),
    };
    on_done(&mut s, &mut j, Done::Edited(edited), now());
    let c = kwame(&j);
    assert_eq!(
        (c.role.as_deref(), c.company.as_deref()),
        (Some("Baker"), Some("Oven & Co"))
    );
    assert_eq!(status(&s).text, "saved Kwame Asante; kept the file's role");
    // A text that could not be saved is kept in the popup, with its base.
    let target = EditTarget::Contact {
        id: "kwame-asante".into(),
    };
    let resume = EditResume {
        base: "name = \"Kwame\"\n".into(),
        text: "name = \n".into(),
    };
    let kept = Edited {
        saves: vec![],
        end: EditEnd::Kept {
            target: target.clone(),
            resume: resume.clone(),
            error: "line 1, column 8: a value is missing".into(),
        },
    };
    on_done(&mut s, &mut j, Done::Edited(kept), now());
    assert_eq!(
        s.popup,
        Some(Popup::EditFailed {
            target,
            resume,
            error: "line 1, column 8: a value is missing".into()
        })
    );
}

#[test]
fn an_edited_entry_replaces_the_old_one() {
    let (mut s, mut j) = demo();
    let old = j.timeline().next().unwrap().clone();
    let mut new = old.clone();
    new.note = "Rewritten".into();
    let edited = Edited {
        saves: vec![EditSave::Entry {
            old_id: old.id.clone(),
            entry: new,
            months: vec![],
        }],
        end: EditEnd::Said("entry saved".into()),
    };
    on_done(&mut s, &mut j, Done::Edited(edited), now());
    assert_eq!(j.timeline().next().unwrap().note, "Rewritten");
    assert_eq!(status(&s).text, "entry saved");
}
