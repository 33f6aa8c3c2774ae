//! A person whose contact file does not load: selectable, notes welcome, `e` open to fix it;
//! every change to their file refused before anything is asked, with the place to fix.

use super::*;
use crate::store::{Problem, Store};

/// The demo with Ben Carter's file broken (line 3: his name line is intact).
fn demo_with_ben_broken() -> (AppState, Journal) {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::install(dir.path()).unwrap();
    let ben = dir.path().join("contacts/ben-carter.toml");
    let text = std::fs::read_to_string(&ben).unwrap();
    std::fs::write(&ben, text.replacen("tags = [", "tags = [[", 1)).unwrap();
    let journal = Journal::new(Store::on_disk(dir.path()).load().unwrap());
    (AppState::new(&journal, today()), journal)
}

fn status(s: &AppState) -> String {
    s.status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_broken_person_is_listed_and_selectable_by_name() {
    let (mut s, mut j) = demo_with_ben_broken();
    let ben = j.ix("ben-carter").expect("ben is in the journal");
    assert!(s.rows.iter().any(|r| r.ix == ben), "ben is listed");
    assert!(j.broken(ben).is_some());
    select(&mut s, &mut j, "ben");
    assert_eq!(selected_id(&s, &j), "ben-carter");
    assert!(j.timeline_of(ben).count() > 0, "his entries stay under him");
}

#[test]
fn changes_to_the_file_are_refused_before_anything_is_asked() {
    let (mut s, mut j) = demo_with_ben_broken();
    select(&mut s, &mut j, "ben");
    for action in [NewNeed, NewFollowUp] {
        s.status = None;
        let effects = run(&mut s, &mut j, [action.clone()]);
        assert_eq!(effects, vec![], "{action:?}");
        assert_eq!(s.popup, None, "{action:?} asked anyway");
        let said = status(&s);
        assert!(
            said.starts_with("Ben Carter's file does not load (contacts/ben-carter.toml:3:1: "),
            "{said}"
        );
        assert!(
            said.contains("press e to fix it — nothing was written"),
            "{said}"
        );
    }
}

#[test]
fn a_note_with_them_is_welcome_and_e_opens_their_file() {
    let (mut s, mut j) = demo_with_ben_broken();
    select(&mut s, &mut j, "ben");
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("Coffee"));
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { entry, .. }] = effects.as_slice() else {
        panic!("expected a save: {effects:?}");
    };
    assert_eq!(entry.with, vec!["ben-carter"]);
    let effects = run(&mut s, &mut j, [EditContact]);
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target: EditTarget::Contact {
                id: "ben-carter".into()
            },
            resume: None
        }]
    );
}

/// A file that breaks while rolo runs keeps its last good content on screen, needs and all:
/// marking a need met, dropping it, an intro for it, a promise done are refused too.
#[test]
fn needs_and_promises_kept_from_before_the_break_are_not_changed() {
    let (mut s, mut j) = demo();
    let problem = Problem::error("contacts/zoe-muller.toml", (4, 2), "invalid key");
    j.set_broken("zoe-muller", Some(problem));
    select(&mut s, &mut j, "zoë");
    run(&mut s, &mut j, [NextPane, NextPane]);
    assert_eq!(s.focus, Pane::Needs);
    for action in [MeetNeed, DropNeed] {
        s.status = None;
        assert_eq!(run(&mut s, &mut j, [action.clone()]), vec![], "{action:?}");
        assert_eq!(s.popup, None, "{action:?}");
        assert!(status(&s).contains("contacts/zoe-muller.toml:4:2: invalid key"));
    }
    run(&mut s, &mut j, [MatchNeed]);
    assert!(matches!(s.popup, Some(Popup::Helpers(_))));
    s.status = None;
    assert_eq!(run(&mut s, &mut j, [Introduce]), vec![]);
    assert!(status(&s).contains("zoe-muller.toml:4:2"), "{}", status(&s));
    run(&mut s, &mut j, [Back, Back]);

    // Her promise, done from the reconnect list.
    run(&mut s, &mut j, [Action::Reconnect]);
    let Some(Popup::Lists(l)) = &s.popup else {
        panic!("no list");
    };
    let zoe = j.ix("zoe-muller");
    let at = l
        .items
        .iter()
        .position(|i| matches!(i, crate::app::lists::Item::FollowUp(f) if Some(f.ix) == zoe))
        .expect("zoë's promise is listed");
    if let Some(Popup::Lists(l)) = &mut s.popup {
        l.sel = at;
    }
    s.status = None;
    assert_eq!(run(&mut s, &mut j, [MarkDone]), vec![]);
    assert!(status(&s).contains("zoe-muller.toml:4:2"), "{}", status(&s));
    s.popup = None;

    // Fixed (a save through `e`, or a reload): writable again.
    let zoe = j.by_id("zoe-muller").unwrap().clone();
    super::super::outcome::contact_saved(&mut s, &mut j, zoe, "saved".into(), today());
    assert!(j.problems.is_empty());
    s.popup = None;
    s.focus = Pane::Needs;
    s.needs_sel = 0;
    run(&mut s, &mut j, [MeetNeed]);
    assert!(matches!(s.popup, Some(Popup::Input(_))), "{:?}", s.status);
}
