//! `Y`, the sync screen, and what its effects come to, without git: the messages are made by
//! hand, as `app/sync_effects.rs` makes them.

use super::*;
use crate::app::sync_view::{ClashLine, ConflictFile, SyncView};
use crate::app::update::{Done, on_done};

fn file(path: &str, who: &str) -> ConflictFile {
    ConflictFile {
        path: path.into(),
        who: who.into(),
        clashes: vec![ClashLine {
            what: "role".into(),
            here: "\"Chair\"".into(),
            there: "\"CEO\"".into(),
        }],
    }
}

fn view(s: &AppState) -> SyncView {
    match &s.popup {
        Some(Popup::Sync(v)) => v.clone(),
        other => panic!("no sync screen: {other:?}"),
    }
}

fn status(s: &AppState) -> (String, bool) {
    let st = s.status.clone().unwrap();
    (st.text, st.error)
}

/// A pick's sync came to `result`, with `waiting` still waiting (as `sync_effects::pick`
/// hands it back).
fn picked(
    s: &mut AppState,
    j: &mut Journal,
    path: &str,
    ours: bool,
    result: Result<Vec<String>, String>,
    waiting: Vec<ConflictFile>,
) {
    let done = Done::Picked {
        path: path.into(),
        ours,
        result,
        waiting,
    };
    on_done(s, j, done, now());
}

const ADA: &str = "contacts/ada-lovelace.toml";
const BEN: &str = "contacts/ben-okafor.toml";

#[test]
fn y_reads_the_conflicts_and_o_or_t_picks_for_the_highlighted_file() {
    let (mut s, mut j) = demo();
    assert_eq!(run(&mut s, &mut j, [Sync]), vec![Effect::ReadConflicts]);
    assert_eq!(view(&s).read, None);
    on_done(
        &mut s,
        &mut j,
        Done::ConflictsRead {
            files: Ok(vec![file(ADA, "Ada"), file(BEN, "Ben")]),
            remote: true,
        },
        now(),
    );
    assert_eq!(view(&s).files().len(), 2);
    assert_eq!(s.modes(), &[crate::keymap::Mode::Sync]);
    // Moving stops at either end.
    run(&mut s, &mut j, [Up, Down, Down, Down]);
    assert_eq!(view(&s).selected, 1);
    assert_eq!(
        run(&mut s, &mut j, [TakeTheirs]),
        vec![Effect::PickSide {
            path: BEN.into(),
            ours: false
        }]
    );
    assert!(s.picking_sync);
    // One pick at a time: the sync it runs is still under way.
    assert_eq!(run(&mut s, &mut j, [KeepOurs]), vec![]);
    assert!(status(&s).0.contains("still syncing"), "{:?}", status(&s));
    // Ben's is settled, Ada's still waits: the screen stays, on Ada.
    picked(
        &mut s,
        &mut j,
        BEN,
        false,
        Ok(vec!["1 more conflict waits for you".into()]),
        vec![file(ADA, "Ada")],
    );
    let v = view(&s);
    assert!(!s.picking_sync);
    assert_eq!((v.files().len(), v.selected), (1, 0));
    assert_eq!(
        status(&s),
        (
            format!("{BEN}: the other machine's values kept; 1 more conflict waits for you"),
            false
        )
    );
    assert_eq!(
        run(&mut s, &mut j, [KeepOurs]),
        vec![Effect::PickSide {
            path: ADA.into(),
            ours: true
        }]
    );
    // The last one settled: the screen closes and the status says how the sync ended.
    picked(
        &mut s,
        &mut j,
        ADA,
        true,
        Ok(vec![
            "sync: 2 changes in from origin (/r); up to date".into(),
        ]),
        vec![],
    );
    assert_eq!(s.popup, None);
    assert_eq!(
        status(&s).0,
        format!(
            "{ADA}: this machine's values kept; sync: 2 changes in from origin (/r); up to date"
        )
    );
}

#[test]
fn a_pick_that_fails_says_why_and_keeps_the_screen() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Sync]);
    on_done(
        &mut s,
        &mut j,
        Done::ConflictsRead {
            files: Ok(vec![file(ADA, "")]),
            remote: true,
        },
        now(),
    );
    run(&mut s, &mut j, [KeepOurs]);
    let offline = "offline: cannot reach origin (/r) (no answer); nothing is lost";
    picked(
        &mut s,
        &mut j,
        ADA,
        true,
        Err(offline.into()),
        vec![file(ADA, "")],
    );
    assert_eq!(status(&s), (offline.into(), true));
    let v = view(&s);
    assert!(!s.picking_sync && v.files().len() == 1);
    // Nothing to pick for: said, no effect.
    on_done(
        &mut s,
        &mut j,
        Done::ConflictsRead {
            files: Ok(vec![]),
            remote: true,
        },
        now(),
    );
    assert_eq!(run(&mut s, &mut j, [TakeTheirs]), vec![]);
    assert_eq!(status(&s).0, "nothing waits for you to pick");
    // Nothing to pick for: the footer offers only the keys that close it.
    assert_eq!(s.modes(), &[crate::keymap::Mode::View]);
    assert_eq!(run(&mut s, &mut j, [Back]), vec![]);
    assert_eq!(s.popup, None);
}

/// A pick syncs on after its screen is closed: opened again, the screen says so and a second
/// pick waits, or the two would race for the choice and the history's lock.
#[test]
fn one_pick_at_a_time_even_after_the_screen_was_closed() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Sync]);
    let read = || Done::ConflictsRead {
        files: Ok(vec![file(ADA, ""), file(BEN, "")]),
        remote: true,
    };
    on_done(&mut s, &mut j, read(), now());
    assert_eq!(run(&mut s, &mut j, [KeepOurs]).len(), 1);
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, None);
    run(&mut s, &mut j, [Sync]);
    on_done(&mut s, &mut j, read(), now());
    assert!(s.picking_sync);
    assert_eq!(run(&mut s, &mut j, [Down, TakeTheirs]), vec![]);
    assert!(status(&s).0.contains("still syncing"));
    picked(
        &mut s,
        &mut j,
        ADA,
        true,
        Ok(vec!["1 more conflict waits for you".into()]),
        vec![file(BEN, "")],
    );
    assert_eq!(run(&mut s, &mut j, [TakeTheirs]).len(), 1);
}

#[test]
fn with_the_history_off_y_says_so_and_asks_nothing() {
    let (mut s, mut j) = demo();
    s.history_off = Some("git is not installed".into());
    assert_eq!(run(&mut s, &mut j, [Sync]), vec![]);
    assert_eq!(
        view(&s).read,
        Some(Err("no sync: git is not installed".into()))
    );
}
