//! `update` for every action, without a terminal: the demo journal and a fixed clock.

use super::{Effect, update};
use crate::action::Action::{self, *};
use crate::app::state::{AppState, Ask, EditTarget, Pane, Popup, Question, SortBy};
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
    assert_eq!(s.needs_sel, crate::app::state::needs(&s, &j).len() - 1);
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
        !s.rows[0].matched.is_empty(),
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

#[test]
fn capture_types_moves_and_saves() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    assert_eq!(s.capture.as_ref().unwrap().with, vec!["kwame-asante"]);
    run(&mut s, &mut j, typed("helo"));
    run(&mut s, &mut j, [Left, Left, Type('l'), End, Newline]);
    run(&mut s, &mut j, typed("wrld x"));
    run(
        &mut s,
        &mut j,
        [
            Backspace,
            Backspace,
            WordLeft,
            Right,
            Type('o'),
            Home,
            Delete,
            Type('W'),
        ],
    );
    run(
        &mut s,
        &mut j,
        [Up, Home, Delete, Type('H'), Down, End, WordRight],
    );
    let cap = s.capture.as_ref().unwrap();
    assert_eq!(cap.editor.text(), "Hello\nWorld");
    assert!(cap.revision > 0);
    run(&mut s, &mut j, [CycleKind, CycleKind]);
    assert_eq!(s.capture.as_ref().unwrap().kind, Kind::Call);
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { entry, draft }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(entry.note, "Hello\nWorld");
    assert_eq!(entry.kind, Kind::Call);
    assert_eq!(entry.at, now());
    assert_eq!(entry.with, vec!["kwame-asante"]);
    assert_eq!(draft.note, "Hello\nWorld");
    assert!(s.capture.is_none());
}

#[test]
fn empty_note_is_not_saved() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [NewNote, Type(' ')]);
    assert!(run(&mut s, &mut j, [Submit]).is_empty());
    assert!(s.capture.is_some());
    assert!(s.status.as_ref().unwrap().error);
}

#[test]
fn mentions_are_suggested_and_added() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("with @zo"));
    let cap = s.capture.as_ref().unwrap();
    assert!(cap.suggestions.len() > 1);
    assert_eq!(s.modes()[0], crate::keymap::Mode::Complete);
    run(&mut s, &mut j, [CompleteNext, CompletePrev, CompleteAccept]);
    let cap = s.capture.as_ref().unwrap();
    assert_eq!(cap.editor.text(), "with @Zoë Müller ");
    assert_eq!(cap.with, vec!["kwame-asante", "zoe-muller"]);
    assert!(cap.suggestions.is_empty());
    // A typed mention that resolves to one person is added on save, without picking.
    run(&mut s, &mut j, typed("and @renate"));
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { entry, .. }] = effects.as_slice() else {
        panic!()
    };
    assert_eq!(
        entry.with,
        vec!["kwame-asante", "zoe-muller", "renate-fischer"]
    );
}

#[test]
fn back_from_capture_asks_only_when_there_is_text() {
    let (mut s, mut j) = demo();
    let effects = run(&mut s, &mut j, [NewNote, Back]);
    assert!(matches!(effects.as_slice(), [Effect::RemoveDraft(_)]));
    assert!(s.capture.is_none());
    run(&mut s, &mut j, [NewNote, Type('x'), Back]);
    assert!(matches!(
        s.popup,
        Some(Popup::Confirm {
            question: Question::DiscardNote,
            ..
        })
    ));
    run(&mut s, &mut j, [No]);
    assert_eq!(s.capture.as_ref().unwrap().editor.text(), "x");
    let effects = run(&mut s, &mut j, [Back, Yes]);
    assert!(matches!(effects.as_slice(), [Effect::RemoveDraft(d)] if d.note == "x"));
    assert!(s.capture.is_none());
}

#[test]
fn new_need_asks_and_records() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewNeed]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(i)) if i.ask == Ask::NewNeed { contact: "oliver-brandt".into() })
    );
    assert!(
        run(&mut s, &mut j, [Submit]).is_empty(),
        "an empty answer is refused"
    );
    run(&mut s, &mut j, typed("A flat"));
    run(
        &mut s,
        &mut j,
        [
            Home,
            Delete,
            Type('a'),
            End,
            Left,
            Right,
            Backspace,
            Type('t'),
        ],
    );
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::AddNeed {
            contact: "oliver-brandt".into(),
            what: "a flat".into(),
            since: today()
        }]
    );
    assert!(s.popup.is_none());
    run(&mut s, &mut j, [NewNeed, Back]);
    assert!(s.popup.is_none());
}

#[test]
fn meeting_and_dropping_the_selected_need() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "aiko");
    run(&mut s, &mut j, [NextPane, NextPane, MeetNeed]);
    let contact = "aiko-tanaka".to_string();
    assert!(
        matches!(&s.popup, Some(Popup::Input(i)) if i.ask == Ask::MetHow { contact: contact.clone(), need: 2 })
    );
    run(&mut s, &mut j, typed("intro to Sofia"));
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::SetNeed {
            contact: contact.clone(),
            need: 2,
            status: NeedStatus::Met,
            how: Some("intro to Sofia".into()),
            on: today()
        }]
    );
    let effects = run(&mut s, &mut j, [DropNeed, Yes]);
    assert!(matches!(
        &effects[..],
        [Effect::SetNeed {
            status: NeedStatus::Dropped,
            need: 2,
            ..
        }]
    ));
    // The second need of Aiko is already met: nothing to do.
    run(&mut s, &mut j, [Down, MeetNeed]);
    assert!(s.popup.is_none());
    assert!(s.status.as_ref().unwrap().text.contains("already met"));
}

#[test]
fn follow_up_asks_what_then_when() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewFollowUp]);
    run(&mut s, &mut j, typed("Send the plan"));
    run(&mut s, &mut j, [Submit]);
    run(&mut s, &mut j, typed("never-ish"));
    assert!(run(&mut s, &mut j, [Submit]).is_empty());
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert!(i.error.is_some(), "a date that does not parse is explained");
    for _ in 0..9 {
        run(&mut s, &mut j, [Backspace]);
    }
    run(&mut s, &mut j, typed("2026-12-01"));
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::AddFollowUp {
            contact: "oliver-brandt".into(),
            what: "Send the plan".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        }]
    );
}

#[test]
fn add_contact_asks_for_a_name() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [AddContact]);
    run(&mut s, &mut j, typed(" Ada Lovelace "));
    assert_eq!(
        run(&mut s, &mut j, [Submit]),
        vec![Effect::AddContact {
            name: "Ada Lovelace".into()
        }]
    );
}

#[test]
fn edits_name_their_target() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    let effects = run(&mut s, &mut j, [EditContact]);
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target: EditTarget::Contact {
                id: "oliver-brandt".into()
            },
            text: None
        }]
    );
    let effects = run(&mut s, &mut j, [EditEntry]);
    let ix = s.selected_ix().unwrap();
    let newest = j.timeline_of(ix).next().unwrap();
    let target = EditTarget::Entry {
        id: newest.id.clone(),
        month: newest.month(),
    };
    assert_eq!(effects, vec![Effect::Edit { target, text: None }]);
}

#[test]
fn failed_edit_offers_again_or_revert() {
    let (mut s, mut j) = demo();
    let target = EditTarget::Contact {
        id: "oliver-brandt".into(),
    };
    let failed = Popup::EditFailed {
        target: target.clone(),
        text: "name = \"".into(),
        error: "bad".into(),
    };
    s.popup = Some(failed.clone());
    let effects = run(&mut s, &mut j, [EditAgain]);
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target,
            text: Some("name = \"".into())
        }]
    );
    s.popup = Some(failed);
    assert!(run(&mut s, &mut j, [Revert]).is_empty());
    assert!(s.popup.is_none());
}

fn draft(note: &str, minute: u32) -> Draft {
    Draft {
        with: vec!["kwame-asante".into()],
        kind: Kind::Coffee,
        note: note.into(),
        started: now() - chrono::Duration::minutes(i64::from(minute)),
    }
}

#[test]
fn drafts_restore_discard_or_later() {
    let (mut s, mut j) = demo();
    s.popup = Some(Popup::Drafts {
        drafts: vec![draft("one", 2), draft("two", 1)],
    });
    let effects = run(&mut s, &mut j, [DiscardDraft]);
    assert_eq!(effects, vec![Effect::RemoveDraft(draft("one", 2))]);
    run(&mut s, &mut j, [RestoreDraft]);
    assert!(s.popup.is_none());
    let cap = s.capture.as_ref().unwrap();
    assert_eq!((cap.editor.text(), &cap.kind), ("two", &Kind::Coffee));
    let (mut s, mut j) = demo();
    s.popup = Some(Popup::Drafts {
        drafts: vec![draft("one", 2)],
    });
    assert!(run(&mut s, &mut j, [Later]).is_empty());
    assert!(s.popup.is_none() && s.capture.is_none());
}

#[test]
fn nothing_selected_is_explained_not_crashed() {
    let mut j = Journal::default();
    let mut s = AppState::new(&j, today());
    for a in [
        NewNote,
        NewNeed,
        NewFollowUp,
        MeetNeed,
        DropNeed,
        EditContact,
        EditEntry,
        Down,
        Bottom,
        Open,
        Resize,
    ] {
        assert!(run(&mut s, &mut j, [a.clone()]).is_empty(), "{a:?}");
    }
    run(&mut s, &mut j, [NextPane, Open]);
    assert!(s.popup.is_none());
}
