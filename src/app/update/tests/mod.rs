//! `update` for every action, without a terminal: the demo journal and a fixed clock.

use super::{Effect, update};
use crate::action::Action::{self, *};
use crate::app::state::{AppState, Ask, EditResume, EditTarget, Pane, Popup, Question, SortBy};
use crate::journal::Journal;
use crate::model::{Draft, Kind, NeedStatus};
use chrono::{DateTime, FixedOffset, NaiveDate};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T14:26:00+01:00").unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn demo() -> (AppState, Journal) {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::install(dir.path()).unwrap();
    let journal = Journal::new(crate::store::Store::on_disk(dir.path()).load().unwrap());
    (AppState::new(&journal, today()), journal)
}

fn run(
    s: &mut AppState,
    j: &mut Journal,
    actions: impl IntoIterator<Item = Action>,
) -> Vec<Effect> {
    actions
        .into_iter()
        .flat_map(|a| update(s, j, a, now()))
        .collect()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Type).collect()
}

fn select(s: &mut AppState, j: &mut Journal, who: &str) {
    run(s, j, [Search]);
    run(s, j, typed(who));
    run(s, j, [Submit]);
}

fn selected_id(s: &AppState, j: &Journal) -> String {
    j.contact(s.selected_ix().unwrap()).unwrap().id.clone()
}

mod autosave;
mod broken;
mod capture;
mod done;
mod find;
mod forms;
mod history;
mod mouse;
mod needs;
mod note_time;
mod promises;
mod serve;
mod sync;

#[test]
fn quit_asks_the_loop_to_stop() {
    let (mut s, mut j) = demo();
    assert_eq!(run(&mut s, &mut j, [Quit]), vec![Effect::Quit]);
    assert!(s.quit);
}

#[test]
fn moving_through_contacts() {
    let (mut s, mut j) = demo();
    s.page = 5;
    run(&mut s, &mut j, [Down, Down]);
    assert_eq!(s.contact_sel, 2);
    run(&mut s, &mut j, [Up]);
    assert_eq!(s.contact_sel, 1);
    run(&mut s, &mut j, [Bottom]);
    assert_eq!(s.contact_sel, 24);
    run(&mut s, &mut j, [Down]);
    assert_eq!(s.contact_sel, 24, "stops at the end");
    run(&mut s, &mut j, [PageUp]);
    assert_eq!(s.contact_sel, 19);
    run(&mut s, &mut j, [Top, PageDown]);
    assert_eq!(s.contact_sel, 5);
    run(&mut s, &mut j, [Top, Up]);
    assert_eq!(s.contact_sel, 0);
}

#[test]
fn moving_in_the_timeline_and_needs_panes() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "jonas");
    run(&mut s, &mut j, [NextPane, Down, Down]);
    assert_eq!((s.focus, s.timeline_sel), (Pane::Timeline, 2));
    run(&mut s, &mut j, [NextPane, Down, Bottom]);
    assert_eq!(s.focus, Pane::Needs);
    // The pane lists the promises after the needs: the bottom is the last promise.
    assert_eq!(s.needs_sel, crate::app::needs_pane::items(&s, &j).len() - 1);
    run(&mut s, &mut j, [PrevPane, PrevPane]);
    assert_eq!(s.focus, Pane::Contacts);
    run(&mut s, &mut j, [Back, Top, Down]);
    assert_eq!(
        (s.timeline_sel, s.needs_sel),
        (0, 0),
        "a new person starts at the top"
    );
}

#[test]
fn panes_cycle_both_ways() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [PrevPane]);
    assert_eq!(s.focus, Pane::Needs);
    run(&mut s, &mut j, [NextPane]);
    assert_eq!(s.focus, Pane::Contacts);
}

#[test]
fn open_moves_to_the_timeline_then_opens_the_entry() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Open]);
    assert_eq!(s.focus, Pane::Timeline);
    run(&mut s, &mut j, [Down, Open]);
    let Some(Popup::Entry { id, .. }) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    let ix = s.selected_ix().unwrap();
    assert_eq!(Some(id), j.timeline_of(ix).nth(1).map(|e| &e.id));
    run(&mut s, &mut j, [Back]);
    assert!(s.popup.is_none());
}

#[test]
fn search_filters_and_back_clears() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("kwam"));
    assert!(s.searching);
    assert_eq!(selected_id(&s, &j), "kwame-asante");
    run(&mut s, &mut j, [Backspace, Backspace]);
    assert_eq!(s.query, "kw");
    run(&mut s, &mut j, [Type('a'), Submit]);
    assert!(!s.searching);
    assert_eq!(s.query, "kwa");
    run(&mut s, &mut j, [Back]);
    assert!(s.query.is_empty());
    assert_eq!(s.rows.len(), 25);
    assert_eq!(selected_id(&s, &j), "kwame-asante", "the selection is kept");
    run(&mut s, &mut j, [Search, Type('z'), Back]);
    assert!(!s.searching && s.query.is_empty());
}

#[test]
fn several_words_must_each_match() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("kwame asante"));
    assert_eq!(selected_id(&s, &j), "kwame-asante");
    assert!(
        !s.name_matches(&j, s.rows[0].ix).is_empty(),
        "matched letters are highlighted"
    );
}

#[test]
fn sort_cycles() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [CycleSort]);
    assert_eq!(s.sort, SortBy::LastContact);
    let first = s.rows[0].ix;
    let second = s.rows[1].ix;
    assert!(j.last_contact(first) >= j.last_contact(second));
    run(&mut s, &mut j, [CycleSort]);
    assert_eq!(s.sort, SortBy::Overdue);
    assert!(j.overdue_by(s.rows[0].ix, today()).is_some());
    run(&mut s, &mut j, [CycleSort]);
    assert_eq!(s.sort, SortBy::Name);
}

#[test]
fn scopes_toggle() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [ToggleTimelineScope]);
    assert!(s.timeline_all);
    assert_eq!(crate::app::state::timeline_len(&s, &j), j.entry_count());
    run(&mut s, &mut j, [ToggleNeedsScope]);
    assert!(s.needs_all);
    assert_eq!(crate::app::state::needs(&s, &j).len(), j.open_needs().len());
    run(&mut s, &mut j, [ToggleTimelineScope, ToggleNeedsScope]);
    assert!(!s.timeline_all && !s.needs_all);
}

#[test]
fn help_problems_and_scrolling_views() {
    let (mut s, mut j) = demo();
    s.page = 10;
    run(&mut s, &mut j, [Help, Down, Down, Up]);
    assert_eq!(s.popup, Some(Popup::Help { scroll: 1 }));
    run(&mut s, &mut j, [PageDown]);
    assert_eq!(s.popup, Some(Popup::Help { scroll: 11 }));
    run(&mut s, &mut j, [PageUp, Top]);
    assert_eq!(s.popup, Some(Popup::Help { scroll: 0 }));
    run(&mut s, &mut j, [Bottom]);
    assert_eq!(s.popup, Some(Popup::Help { scroll: u16::MAX }));
    run(&mut s, &mut j, [Back, ShowProblems]);
    assert_eq!(s.popup, Some(Popup::Problems { scroll: 0 }));
    run(&mut s, &mut j, [Quit]);
    assert!(s.popup.is_none() && !s.quit, "q closes the popup, not rolo");
}
