//! `u`, `ctrl-r` and `H`, and what their effects come to, without git: the messages are made
//! by hand, as the effects would make them (`app/effects.rs`, `behind`).

use super::*;
use crate::app::state::{HistoryRow, PersonHistory, Status};
use crate::app::update::done::TakenBack;
use crate::app::update::{Done, on_done};
use crate::history::Off;
use crate::history::undo::HistoryError;
use crate::refresh::Read;

fn status(s: &AppState) -> Status {
    s.status.clone().unwrap()
}

fn undone(result: Result<TakenBack, HistoryError>) -> Done {
    Done::TakenBack {
        redo: false,
        result,
    }
}

#[test]
fn u_asks_for_one_undo_at_a_time_and_ctrl_r_for_a_redo() {
    let (mut s, mut j) = demo();
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![Effect::Undo]);
    assert!(s.taking_back);
    assert_eq!(status(&s).text, "undoing…");
    // A second `u` before the first has answered would race it for the same change.
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![]);
    assert!(status(&s).text.contains("still under way"));
    on_done(
        &mut s,
        &mut j,
        undone(Err(HistoryError::Nothing { verb: "undo" })),
        now(),
    );
    assert!(!s.taking_back);
    assert_eq!(
        status(&s),
        Status {
            text: "nothing to undo".into(),
            error: false
        }
    );
    assert_eq!(run(&mut s, &mut j, [Redo]), vec![Effect::Redo]);
    assert_eq!(status(&s).text, "redoing…");
}

#[test]
fn a_refused_undo_says_why_and_changes_nothing() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [Undo]);
    let kwame = j.by_id("kwame-asante").unwrap().clone();
    let entries = j.entry_count();
    let why = "cannot undo \"need #1 recorded for Kwame Asante\": a later change (\"need #1 of \
               Kwame Asante marked met: …\", 3 Dec 10:04) changed the same need; undo that first";
    on_done(
        &mut s,
        &mut j,
        undone(Err(HistoryError::Blocked(why.into()))),
        now(),
    );
    assert_eq!(
        status(&s),
        Status {
            text: why.into(),
            error: true
        }
    );
    assert_eq!(j.by_id("kwame-asante"), Some(&kwame));
    assert_eq!(j.entry_count(), entries);
    assert_eq!(selected_id(&s, &j), "kwame-asante");
    assert!(!s.taking_back, "the next `u` is not refused as under way");
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![Effect::Undo]);
}

#[test]
fn with_history_off_u_says_why_and_git_is_not_asked_again() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Undo]);
    let why = "history is off: git is not installed (rolo works as before)";
    on_done(
        &mut s,
        &mut j,
        undone(Err(HistoryError::Off {
            verb: "undo",
            off: Off::Because(why.into()),
        })),
        now(),
    );
    let said = Status {
        text: format!("undo is not available: {why}"),
        error: true,
    };
    assert_eq!(status(&s), said);
    assert_eq!(s.history_off.as_deref(), Some(why));
    // Said again at once, with no effect (git is not asked), for redo and `H` too.
    s.status = None;
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![]);
    assert_eq!(status(&s), said);
    assert_eq!(run(&mut s, &mut j, [Redo]), vec![]);
    assert_eq!(status(&s).text, format!("redo is not available: {why}"));
    assert_eq!(run(&mut s, &mut j, [History]), vec![]);
    let Some(Popup::History(h)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(h.read, Some(Err(format!("no history to show: {why}"))));
}

#[test]
fn a_journal_with_no_history_yet_is_no_error() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Undo]);
    let error = HistoryError::Off {
        verb: "undo",
        off: Off::NotYet,
    };
    on_done(&mut s, &mut j, undone(Err(error)), now());
    assert_eq!(
        status(&s),
        Status {
            text: "nothing to undo: the history starts with the first change rolo makes".into(),
            error: false
        }
    );
    // Not remembered: the first change makes the history.
    assert_eq!(s.history_off, None);
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![Effect::Undo]);
}

#[test]
fn an_undo_takes_in_what_it_wrote_and_the_selection_stays_on_the_person() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [Undo]);
    let mut kwame = j.by_id("kwame-asante").unwrap().clone();
    kwame.role = Some("Baker".into());
    // Aiko comes before Kwame: removing her shifts every position after hers.
    let line = "added Aiko Tanaka (aiko-tanaka)";
    let taken = TakenBack {
        line: line.into(),
        reads: vec![
            Read::ContactRemoved("aiko-tanaka".into()),
            Read::Contact {
                id: "kwame-asante".into(),
                loaded: Box::new(Ok(kwame)),
            },
        ],
    };
    on_done(&mut s, &mut j, undone(Ok(taken)), now());
    assert_eq!(
        status(&s),
        Status {
            text: format!("undid: {line}"),
            error: false
        }
    );
    assert!(j.by_id("aiko-tanaka").is_none());
    assert_eq!(
        j.by_id("kwame-asante").unwrap().role.as_deref(),
        Some("Baker")
    );
    assert_eq!(selected_id(&s, &j), "kwame-asante");
    // A redo says so in its own word.
    run(&mut s, &mut j, [Redo]);
    let redone = Done::TakenBack {
        redo: true,
        result: Ok(TakenBack {
            line: line.into(),
            reads: Vec::new(),
        }),
    };
    on_done(&mut s, &mut j, redone, now());
    assert_eq!(status(&s).text, format!("redid: {line}"));
}

#[test]
fn h_opens_the_persons_history_and_its_answer_fills_it() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    assert_eq!(
        run(&mut s, &mut j, [History]),
        vec![Effect::ReadHistory {
            id: "kwame-asante".into(),
            name: "Kwame Asante".into()
        }]
    );
    let waiting = PersonHistory {
        id: "kwame-asante".into(),
        name: "Kwame Asante".into(),
        read: None,
        scroll: 0,
    };
    assert_eq!(s.popup, Some(Popup::History(waiting.clone())));
    let rows = vec![HistoryRow {
        date: "2026-12-03 10:04".into(),
        line: "need #1 recorded for Kwame Asante".into(),
    }];
    // An answer for someone else (a popup closed and opened on another) is not shown.
    let other = Done::HistoryRead {
        id: "aiko-tanaka".into(),
        result: Ok(Vec::new()),
    };
    on_done(&mut s, &mut j, other, now());
    assert_eq!(s.popup, Some(Popup::History(waiting.clone())));
    let answer = Done::HistoryRead {
        id: "kwame-asante".into(),
        result: Ok(rows.clone()),
    };
    on_done(&mut s, &mut j, answer, now());
    let Some(Popup::History(h)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(h.read, Some(Ok(rows)));
    run(&mut s, &mut j, [Down, Down]);
    let Some(Popup::History(h)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(h.scroll, 2);
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, None);
    // Nobody selected: nothing to show.
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("zzzzzz"));
    run(&mut s, &mut j, [Submit]);
    assert_eq!(run(&mut s, &mut j, [History]), vec![]);
    assert_eq!(s.popup, None);
}

#[test]
fn while_older_months_load_u_waits_for_them() {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::install(dir.path()).unwrap();
    let loaded = crate::store::Store::on_disk(dir.path()).load().unwrap();
    let mut j = Journal::new_loading_older(loaded, true);
    let mut s = AppState::new(&j, today());
    assert_eq!(run(&mut s, &mut j, [Undo]), vec![]);
    assert_eq!(
        status(&s).text,
        "older months are still loading; undo in a moment"
    );
    assert!(!s.taking_back);
    // `H` only reads: it does not wait.
    assert_eq!(run(&mut s, &mut j, [History]).len(), 1);
}
