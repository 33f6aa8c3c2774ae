//! When the draft is written: decided in `update` from the state, the loop's clock and what
//! just happened, and learnt back from what the write came to. No terminal, no files.

use super::*;
use crate::app::update::{Cue, DRAFT_EVERY, Done, autosave, on_done};
use crate::store::StoreError;
use std::time::{Duration, Instant};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// The draft a write was asked for, if one was.
fn asked(effects: Vec<Effect>) -> Option<Draft> {
    match effects.as_slice() {
        [] => None,
        [Effect::SaveDraft(d)] => Some(d.clone()),
        other => panic!("{other:?}"),
    }
}

/// Ask, and report the write as done: the file now holds that draft.
fn write(s: &mut AppState, j: &mut Journal, at: Instant, cue: Cue) -> Option<Draft> {
    let draft = asked(autosave(s, at, cue))?;
    on_done(s, j, Done::DraftSaved(draft.clone()), now());
    Some(draft)
}

fn full() -> StoreError {
    StoreError::Invalid(crate::store::error::Invalid::Change(
        "the disk is full".into(),
    ))
}

#[test]
fn nothing_is_written_before_the_first_key() {
    let (mut s, mut j) = demo();
    let t = Instant::now();
    for cue in [Cue::Typing, Cue::Idle, Cue::Acted, Cue::Leaving] {
        assert_eq!(autosave(&mut s, t, cue), vec![], "no note open: {cue:?}");
    }
    run(&mut s, &mut j, [NewNote]);
    for cue in [Cue::Typing, Cue::Idle, Cue::Acted, Cue::Leaving] {
        assert_eq!(autosave(&mut s, t, cue), vec![], "nothing typed: {cue:?}");
    }
    run(&mut s, &mut j, [Type('h')]);
    assert_eq!(write(&mut s, &mut j, t, Cue::Typing).unwrap().note, "h");
}

#[test]
fn typing_is_written_at_most_every_half_second() {
    let (mut s, mut j) = demo();
    let t = Instant::now();
    run(&mut s, &mut j, [NewNote, Type('h')]);
    assert!(write(&mut s, &mut j, t, Cue::Typing).is_some());
    run(&mut s, &mut j, [Type('i')]);
    assert_eq!(write(&mut s, &mut j, t + ms(100), Cue::Typing), None);
    assert_eq!(
        write(&mut s, &mut j, t + DRAFT_EVERY - ms(1), Cue::Typing),
        None
    );
    let later = write(&mut s, &mut j, t + DRAFT_EVERY, Cue::Typing);
    assert_eq!(later.unwrap().note, "hi");
    // The file holds what is on screen: nothing more to write, however long it waits.
    assert_eq!(write(&mut s, &mut j, t + ms(5000), Cue::Idle), None);
}

#[test]
fn idle_a_write_or_leaving_write_at_once() {
    for cue in [Cue::Idle, Cue::Acted, Cue::Leaving] {
        let (mut s, mut j) = demo();
        let t = Instant::now();
        run(&mut s, &mut j, [NewNote, Type('h')]);
        write(&mut s, &mut j, t, Cue::Typing);
        run(&mut s, &mut j, [Type('i')]);
        let now = write(&mut s, &mut j, t + ms(1), cue);
        assert_eq!(now.map(|d| d.note).as_deref(), Some("hi"), "{cue:?}");
    }
}

#[test]
fn a_refused_save_is_written_to_the_draft_at_once() {
    let (mut s, mut j) = demo();
    let t = Instant::now();
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("h"));
    write(&mut s, &mut j, t, Cue::Typing);
    // Typed faster than the draft follows: the file holds "h" only.
    run(&mut s, &mut j, typed("ello"));
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { draft, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    on_done(
        &mut s,
        &mut j,
        Done::EntryFailed {
            draft: draft.clone(),
            error: full(),
        },
        now(),
    );
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "not saved: the disk is full"
    );
    assert_eq!(s.capture.as_ref().unwrap().editor.text(), "hello");
    // Asked for effects (the save): the draft follows now, not half a second later.
    let written = write(&mut s, &mut j, t + ms(10), Cue::Acted);
    assert_eq!(written.unwrap().note, "hello");
}

#[test]
fn a_failing_draft_is_said_once_then_said_again_when_it_works() {
    let (mut s, mut j) = demo();
    let t = Instant::now();
    run(&mut s, &mut j, [NewNote, Type('h')]);
    let draft = asked(autosave(&mut s, t, Cue::Typing)).unwrap();
    on_done(&mut s, &mut j, Done::DraftFailed(full()), now());
    let said = s.status.clone().unwrap();
    assert!(said.error);
    assert_eq!(
        said.text,
        "the draft cannot be saved (the disk is full); the note is only on screen"
    );
    // Still failing: the status line is not taken again on every key.
    s.say("something else");
    run(&mut s, &mut j, [Type('i')]);
    let again = asked(autosave(&mut s, t + DRAFT_EVERY, Cue::Typing));
    assert!(again.is_some(), "a failed write is tried again");
    on_done(&mut s, &mut j, Done::DraftFailed(full()), now());
    assert_eq!(s.status.as_ref().unwrap().text, "something else");
    // It works again: said once.
    on_done(&mut s, &mut j, Done::DraftSaved(draft), now());
    assert_eq!(s.status.as_ref().unwrap().text, "the draft is saved again");
    s.say("typing on");
    run(&mut s, &mut j, [Type('!')]);
    write(&mut s, &mut j, t + ms(2000), Cue::Idle);
    assert_eq!(s.status.as_ref().unwrap().text, "typing on");
}

#[test]
fn a_new_note_after_one_is_closed_starts_anew() {
    let (mut s, mut j) = demo();
    let t = Instant::now();
    run(&mut s, &mut j, [NewNote, Type('h')]);
    write(&mut s, &mut j, t, Cue::Typing);
    run(&mut s, &mut j, [Backspace, Back]);
    assert!(s.capture.is_none());
    assert_eq!(autosave(&mut s, t + ms(1), Cue::Idle), vec![]);
    assert_eq!(s.autosave.saved, None, "forgotten once the note is closed");
    // The same text in the next note is written again: its draft is a new file.
    run(&mut s, &mut j, [NewNote, Type('h')]);
    assert!(write(&mut s, &mut j, t + ms(2), Cue::Idle).is_some());
}
