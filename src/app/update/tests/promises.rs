//! The needs & promises pane (issue 15): a person's open promises listed after their needs,
//! space marking any of them done whatever the due date, Enter opening a need with its
//! actions, and the follow-up question noting a promise made to you.

use super::*;
use crate::app::needs_pane::{self, PaneItem};
use crate::app::state::NeedView;
use crate::model::By;

/// Select `who` and focus the needs & promises pane on the item `pick` finds.
fn on_item(
    s: &mut AppState,
    j: &mut Journal,
    who: &str,
    pick: impl Fn(&PaneItem) -> bool,
) -> usize {
    select(s, j, who);
    run(s, j, [NextPane, NextPane]);
    assert_eq!(s.focus, Pane::Needs);
    let at = needs_pane::items(s, j)
        .iter()
        .position(pick)
        .expect("no such item");
    for _ in 0..at {
        run(s, j, [Down]);
    }
    at
}

#[test]
fn promises_follow_the_needs_yours_then_theirs_soonest_first() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "klaus");
    let items = needs_pane::items(&s, &j);
    let promises: Vec<(u32, By)> = items
        .iter()
        .filter_map(PaneItem::promise)
        .map(|f| (f.id, f.by))
        .collect();
    // #1 was due on 10 Nov, #3 on 15 Dec; #2 is the one Klaus promised.
    assert_eq!(promises, vec![(1, By::Me), (3, By::Me), (2, By::Them)]);
    assert!(items[..2].iter().all(|i| i.need().is_some()), "needs first");
}

#[test]
fn space_marks_a_promise_done_whatever_its_due_date() {
    let (mut s, mut j) = demo();
    // Due in three weeks: the due lists (7 days) never show it.
    on_item(&mut s, &mut j, "klaus", |i| {
        i.promise().is_some_and(|f| f.id == 3)
    });
    assert_eq!(
        run(&mut s, &mut j, [MarkDone]),
        vec![Effect::FollowUpDone {
            contact: "klaus-weber".into(),
            id: 3
        }]
    );
    // On a need, or from another pane, space says what it is for and does nothing.
    run(&mut s, &mut j, [Top]);
    assert!(run(&mut s, &mut j, [MarkDone]).is_empty());
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.text.contains("space marks a promise"))
    );
    run(&mut s, &mut j, [PrevPane]);
    assert!(run(&mut s, &mut j, [MarkDone]).is_empty());
}

#[test]
fn enter_on_a_need_opens_it_with_its_actions() {
    let (mut s, mut j) = demo();
    on_item(&mut s, &mut j, "jonas", |i| {
        i.need().is_some_and(|n| n.id == 3)
    });
    run(&mut s, &mut j, [Open]);
    let Some(Popup::Need(NeedView {
        contact,
        need,
        helpers,
        ..
    })) = &s.popup
    else {
        panic!("{:?}", s.popup)
    };
    assert_eq!((contact.as_str(), *need), ("jonas-becker", 3));
    assert!(!helpers.is_empty(), "who could help is ranked on opening");
    assert_eq!(s.modes(), &[crate::keymap::Mode::Need]);
    // i: who could help, and Esc there comes back to the need.
    run(&mut s, &mut j, [MatchNeed]);
    assert!(matches!(&s.popup, Some(Popup::Helpers(h)) if h.need == 3 && h.back.is_some()));
    run(&mut s, &mut j, [Back]);
    assert!(matches!(&s.popup, Some(Popup::Need(v)) if v.need == 3));
    // e: its words, to change, starting from the words it has.
    run(&mut s, &mut j, [EditNeed]);
    let Some(Popup::Input(i)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(
        i.ask,
        Ask::RewordNeed {
            contact: "jonas-becker".into(),
            need: 3,
            shown: j
                .by_id("jonas-becker")
                .unwrap()
                .need(3)
                .unwrap()
                .what
                .clone()
        }
    );
    assert!(i.editor.text().starts_with("A technical co-founder"));
    run(&mut s, &mut j, [End]);
    run(&mut s, &mut j, typed(", ideally in Berlin"));
    let effects = run(&mut s, &mut j, [Submit]);
    assert!(
        matches!(&effects[..], [Effect::RewordNeed { contact, need: 3, what, shown }]
            if contact == "jonas-becker" && what.ends_with("has left, ideally in Berlin")
                && what.starts_with(shown.as_str()) && !shown.ends_with("Berlin")),
        "{effects:?}"
    );
    // x: met, asking how.
    run(&mut s, &mut j, [Open, MeetNeed]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(crate::app::state::Input { ask: Ask::MetHow { contact, need: 3, .. }, .. })) if contact == "jonas-becker")
    );
    // d: dropped, asking first.
    run(&mut s, &mut j, [Back, Open, DropNeed]);
    assert!(matches!(
        &s.popup,
        Some(Popup::Confirm {
            question: Question::DropNeed { need: 3, .. },
            ..
        })
    ));
}

#[test]
fn a_promise_made_to_you_is_noted_apart() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewFollowUp]);
    assert_eq!(
        s.modes(),
        &[crate::keymap::Mode::Promise, crate::keymap::Mode::Input]
    );
    run(&mut s, &mut j, typed("Send me the deck"));
    run(&mut s, &mut j, [ToggleTheirs]);
    let Some(Popup::Input(i)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(i.prompt, "What did Oliver Brandt promise you?");
    assert_eq!(i.editor.text(), "Send me the deck", "what was typed stays");
    run(&mut s, &mut j, [Submit]);
    run(&mut s, &mut j, typed("friday"));
    assert_eq!(
        run(&mut s, &mut j, [Submit]),
        vec![Effect::AddFollowUp {
            contact: "oliver-brandt".into(),
            what: "Send me the deck".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            by: By::Them,
        }]
    );
    // Tab twice is yours again.
    run(&mut s, &mut j, [NewFollowUp, ToggleTheirs, ToggleTheirs]);
    assert!(matches!(
        &s.popup,
        Some(Popup::Input(i)) if i.ask == Ask::FollowUpWhat { contact: "oliver-brandt".into(), theirs: false }
            && i.prompt == "What did you promise Oliver Brandt?"
    ));
}

#[test]
fn a_promise_done_leaves_the_selection_on_what_took_its_place() {
    let (mut s, mut j) = demo();
    let at = on_item(&mut s, &mut j, "klaus", |i| {
        i.promise().is_some_and(|f| f.id == 2)
    });
    assert_eq!(at, needs_pane::items(&s, &j).len() - 1, "theirs come last");
    let mut klaus = j.by_id("klaus-weber").unwrap().clone();
    if let Some(f) = klaus.follow_up_mut(2) {
        f.done = true;
    }
    super::super::on_done(
        &mut s,
        &mut j,
        super::super::Done::Changed(crate::ops::Changed {
            contact: klaus,
            changed_outside: false,
            line: String::new(),
            status: "done".into(),
        }),
        now(),
    );
    assert_eq!(s.needs_sel, needs_pane::items(&s, &j).len() - 1);
}

#[test]
fn a_met_need_opens_too_and_offers_only_new_words() {
    let (mut s, mut j) = demo();
    on_item(&mut s, &mut j, "aiko", |i| {
        i.need().is_some_and(|n| n.status == NeedStatus::Met)
    });
    run(&mut s, &mut j, [Open]);
    assert!(matches!(&s.popup, Some(Popup::Need(v)) if !v.open && v.helpers.is_empty()));
    run(&mut s, &mut j, [MeetNeed]);
    assert!(matches!(&s.popup, Some(Popup::Need(_))), "the view stays");
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.text == "need #1 is already met")
    );
    run(&mut s, &mut j, [EditNeed]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(crate::app::state::Input { ask: Ask::RewordNeed { contact, need: 1, .. }, .. })) if contact == "aiko-tanaka")
    );
}
