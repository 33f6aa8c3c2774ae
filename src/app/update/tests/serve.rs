//! The brief, who could help, intros, and the reconnect and today lists.

use super::*;
use crate::app::lists::{Item, ListKind};
use crate::app::update::outcome;

fn zoe_needs(s: &mut AppState, j: &mut Journal) {
    select(s, j, "zoë");
    run(s, j, [NextPane, NextPane]);
    assert_eq!(s.focus, Pane::Needs);
}

#[test]
fn brief_opens_for_the_selected_contact_and_scrolls() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "zoë");
    run(&mut s, &mut j, [Action::Brief]);
    let Some(Popup::Brief {
        brief,
        scroll,
        back,
    }) = &s.popup
    else {
        panic!("no brief: {:?}", s.popup);
    };
    assert_eq!(brief.contact.id, "zoe-muller");
    assert_eq!((*scroll, back.is_none()), (0, true));
    assert_eq!(brief.needs.len(), 1);
    s.page = 10;
    run(&mut s, &mut j, [Down, Down, PageDown, Up]);
    assert!(matches!(s.popup, Some(Popup::Brief { scroll: 11, .. })));
    run(&mut s, &mut j, [Top]);
    assert!(matches!(s.popup, Some(Popup::Brief { scroll: 0, .. })));
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, None);
}

#[test]
fn a_brief_opened_from_a_list_goes_back_to_it() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Reconnect, Down]);
    let before = s.popup.clone();
    run(&mut s, &mut j, [Action::Brief]);
    assert!(matches!(&s.popup, Some(Popup::Brief { back: Some(_), .. })));
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, before, "the list, with the same selection");
}

#[test]
fn match_lists_helpers_and_logs_an_intro() {
    let (mut s, mut j) = demo();
    zoe_needs(&mut s, &mut j);
    run(&mut s, &mut j, [MatchNeed]);
    let Some(Popup::Helpers(h)) = &s.popup else {
        panic!("no helpers: {:?}", s.popup);
    };
    assert_eq!((h.owner.as_str(), h.need), ("zoe-muller", 1));
    let first = j.contact(h.helpers[0].ix).unwrap();
    assert_eq!(first.name, "Nadia Petrova");
    assert!(h.helpers[0].strong);
    assert!(!h.helpers[0].reasons[0].positions.is_empty());
    let n = h.helpers.len();
    run(&mut s, &mut j, std::iter::repeat_n(Down, 30));
    assert!(
        matches!(&s.popup, Some(Popup::Helpers(h)) if h.sel == n - 1),
        "stops at the end"
    );
    run(&mut s, &mut j, [Top]);
    let effects = run(&mut s, &mut j, [Introduce]);
    assert_eq!(s.popup, None);
    let [Effect::LogIntro { entry, need_update }] = effects.as_slice() else {
        panic!("expected one intro: {effects:?}");
    };
    assert_eq!(entry.kind, Kind::Intro);
    assert_eq!(entry.with, vec!["zoe-muller", "nadia-petrova"]);
    assert!(
        entry
            .gave
            .as_deref()
            .unwrap()
            .starts_with("Introduced Zoë Müller to Nadia Petrova")
    );
    let update = need_update.clone().unwrap();
    assert_eq!(
        (update.contact_id.as_str(), update.need_id),
        ("zoe-muller", 1)
    );
    assert_eq!(update.how, "introduced to Nadia Petrova");
}

#[test]
fn match_needs_an_open_need() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [MatchNeed]);
    assert_eq!(s.popup, None);
    assert!(s.status.as_ref().unwrap().error, "oliver has no needs");
}

#[test]
fn the_logged_intro_shows_in_both_timelines_and_asks_about_the_need() {
    let (mut s, mut j) = demo();
    zoe_needs(&mut s, &mut j);
    run(&mut s, &mut j, [MatchNeed]);
    let effects = run(&mut s, &mut j, [Introduce]);
    let Some(Effect::LogIntro { entry, need_update }) = effects.into_iter().next() else {
        panic!("no intro");
    };
    let id = entry.id.clone();
    outcome::intro_logged(&mut s, &mut j, entry, need_update.clone(), today());
    for who in ["zoe-muller", "nadia-petrova"] {
        let ix = j.ix(who).unwrap();
        assert_eq!(j.timeline_of(ix).next().unwrap().id, id, "{who}");
    }
    let Some(Popup::Confirm { question, text }) = s.popup.clone() else {
        panic!("no question: {:?}", s.popup);
    };
    assert!(text.contains("introduced to Nadia Petrova"), "{text}");
    assert_eq!(
        question,
        Question::MeetByIntro(need_update.clone().unwrap())
    );
    assert_eq!(
        run(&mut s, &mut j, [Yes]),
        vec![Effect::MeetByIntro(need_update.unwrap())]
    );
    // Saying no keeps the need open and says so.
    s.popup = Some(Popup::Confirm { question, text });
    assert!(run(&mut s, &mut j, [No]).is_empty());
    assert_eq!(s.popup, None);
    assert!(s.status.as_ref().unwrap().text.contains("stays open"));
}

fn list(s: &AppState) -> &crate::app::lists::Lists {
    match &s.popup {
        Some(Popup::Lists(l)) => l,
        other => panic!("no list: {other:?}"),
    }
}

#[test]
fn list_selection_skips_headings_and_stops_at_the_ends() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Reconnect]);
    let l = list(&s);
    assert_eq!(l.kind, ListKind::Reconnect);
    assert!(matches!(l.items[0], Item::Heading(_)));
    assert_eq!(l.sel, 1, "the first person, not the heading");
    run(&mut s, &mut j, [Up]);
    assert_eq!(list(&s).sel, 1);
    run(&mut s, &mut j, [Bottom]);
    let l = list(&s);
    assert_eq!(l.sel, l.items.len() - 1);
    assert!(matches!(l.items[l.sel], Item::Birthday(_)));
    run(&mut s, &mut j, [Down]);
    assert_eq!(list(&s).sel, list(&s).items.len() - 1);
    // Every stop on the way up is an item about a person.
    for _ in 0..40 {
        run(&mut s, &mut j, [Up]);
        let l = list(&s);
        assert!(l.items[l.sel].person().is_some());
    }
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, None);
}

#[test]
fn space_marks_only_a_follow_up_done() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Today]);
    let l = list(&s);
    let Some(Item::FollowUp(f)) = l.selected().cloned() else {
        panic!("today starts with a promise: {:?}", l.selected());
    };
    let who = j.contact(f.ix).unwrap().id.clone();
    assert_eq!(
        run(&mut s, &mut j, [MarkDone]),
        vec![Effect::FollowUpDone {
            contact: who,
            id: f.id
        }]
    );
    // On a person to reconnect with, space does nothing but explain.
    while !matches!(list(&s).selected(), Some(Item::Reconnect(_))) {
        run(&mut s, &mut j, [Down]);
    }
    assert!(run(&mut s, &mut j, [MarkDone]).is_empty());
    assert!(s.status.is_some());
}

#[test]
fn enter_on_a_need_jumps_to_it_in_the_main_screen() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [Action::Today]);
    while !matches!(list(&s).selected(), Some(Item::Need(_))) {
        run(&mut s, &mut j, [Down]);
    }
    let Some(Item::Need(n)) = list(&s).selected().cloned() else {
        unreachable!()
    };
    run(&mut s, &mut j, [Open]);
    assert_eq!(s.popup, None);
    assert_eq!(s.selected_ix(), Some(n.ix));
    assert_eq!(s.query, "", "the filter that hid them is cleared");
    assert_eq!(s.focus, Pane::Needs);
    let needs = crate::app::state::needs(&s, &j);
    assert_eq!(needs[s.needs_sel].1.id, n.need.id);
}

#[test]
fn m_on_a_need_in_today_opens_who_could_help() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Today]);
    while !matches!(list(&s).selected(), Some(Item::Need(_))) {
        run(&mut s, &mut j, [Down]);
    }
    let before = s.popup.clone();
    run(&mut s, &mut j, [MatchNeed]);
    assert!(matches!(&s.popup, Some(Popup::Helpers(h)) if !h.helpers.is_empty()));
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, before, "esc goes back to the list");
}

#[test]
fn a_done_follow_up_leaves_the_open_list() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Today]);
    let before = list(&s).items.len();
    let Some(Item::FollowUp(f)) = list(&s).selected().cloned() else {
        panic!("no promise first");
    };
    let mut c = j.contact(f.ix).unwrap().clone();
    c.follow_up_mut(f.id).unwrap().done = true;
    outcome::contact_saved(&mut s, &mut j, c, "done".into(), today());
    let l = list(&s);
    assert_eq!(l.items.len(), before - 1);
    assert!(l.selected().is_some(), "the selection moved to a neighbour");
}

#[test]
fn match_works_from_all_open_needs_too() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [NextPane, NextPane, ToggleNeedsScope]);
    let all = crate::app::state::needs(&s, &j);
    let at = all
        .iter()
        .position(|(ix, _)| j.contact(*ix).unwrap().id == "lena-fischer")
        .unwrap();
    s.needs_sel = at;
    run(&mut s, &mut j, [MatchNeed]);
    let Some(Popup::Helpers(h)) = &s.popup else {
        panic!("no helpers: {:?}", s.popup);
    };
    assert_eq!(h.owner, "lena-fischer");
    assert_eq!(j.contact(h.helpers[0].ix).unwrap().name, "Sofia Almeida");
}

/// Enter on today's promise to someone archived selects them (shown through the filter),
/// never whoever is first in the list: a note written next is theirs.
#[test]
fn enter_on_a_promise_to_someone_archived_selects_them() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Action::Today]);
    let Some(Item::FollowUp(f)) = list(&s).selected().cloned() else {
        panic!("today starts with a promise: {:?}", list(&s).selected());
    };
    let id = j.contact(f.ix).unwrap().id.clone();
    run(&mut s, &mut j, [Back]);
    let mut c = j.by_id(&id).cloned().unwrap();
    c.archived = Some(crate::model::Archived::Yes);
    j.upsert_contact(c);
    s.refresh_rows(&j, today());
    assert!(s.rows.iter().all(|r| r.ix != f.ix), "out of the list");
    run(&mut s, &mut j, [Action::Today]);
    while !matches!(list(&s).selected(), Some(Item::FollowUp(g)) if g.ix == f.ix) {
        run(&mut s, &mut j, [Down]);
    }
    run(&mut s, &mut j, [Open]);
    assert_eq!(s.popup, None);
    assert_eq!(s.selected_ix(), Some(f.ix));
    run(&mut s, &mut j, [NewNote]);
    assert_eq!(s.capture.as_ref().unwrap().with, vec![id]);
}

/// A merged into someone archived (`M` on them, found by a search): A is selected after
/// the merge, through the filter, never whoever is first in the list.
#[test]
fn a_merge_into_someone_archived_selects_them() {
    let (mut s, mut j) = demo();
    let mut kept = j.by_id("aiko-tanaka").cloned().unwrap();
    kept.archived = Some(crate::model::Archived::Yes);
    j.upsert_contact(kept.clone());
    let gone = j.by_id("ben-carter").cloned().unwrap();
    s.refresh_rows(&j, today());
    let merged = crate::ops::Merged {
        written: crate::store::PeopleMerged {
            kept,
            gone,
            entries: 0,
            months: Vec::new(),
            others: Vec::new(),
        },
        line: String::new(),
        status: "merged Ben Carter into Aiko Tanaka".into(),
    };
    super::super::people_done::merged(&mut s, &mut j, merged, today());
    assert_eq!(selected_id(&s, &j), "aiko-tanaka");
    assert!(j.by_id("ben-carter").is_none());
}

/// `T`: a promise made to you that has come due is under "Waiting on them", after yours;
/// space marks it kept, as any promise.
#[test]
fn today_lists_their_promise_come_due_to_ask_after() {
    let (mut s, mut j) = demo();
    let mut klaus = j.by_id("klaus-weber").cloned().unwrap();
    klaus.follow_ups.push(crate::model::FollowUp {
        id: 9,
        what: "Send me the boiler photos".into(),
        due: Some(today() - chrono::Duration::days(2)),
        done: false,
        by: crate::model::By::Them,
    });
    j.upsert_contact(klaus);
    run(&mut s, &mut j, [Action::Today]);
    let items = &list(&s).items;
    let heading = items
        .iter()
        .position(|i| matches!(i, Item::Heading(h) if h == "Waiting on them"))
        .expect("a section of its own");
    let Some(Item::FollowUp(f)) = items.get(heading + 1) else {
        panic!("{items:?}")
    };
    assert_eq!((f.id, f.days_late), (9, 2));
    let yours = items
        .iter()
        .position(|i| matches!(i, Item::Heading(h) if h == "Promises due"))
        .expect("yours");
    assert!(yours < heading);
    while !matches!(list(&s).selected(), Some(Item::FollowUp(g)) if g.id == 9) {
        run(&mut s, &mut j, [Down]);
    }
    assert_eq!(
        run(&mut s, &mut j, [MarkDone]),
        vec![Effect::FollowUpDone {
            contact: "klaus-weber".into(),
            id: 9
        }]
    );
}
