//! Search in everything from the keyboard: the filter's hint, `tab` to the hits, moving, and
//! `enter` landing on the person and the entry (or need); back to the filter; the hits
//! following a change to the journal.

use super::*;
use crate::app::found::FindView;
use crate::find::Place;

fn view(s: &AppState) -> &FindView {
    match &s.popup {
        Some(Popup::Find(v)) => v,
        other => panic!("no search view: {other:?}"),
    }
}

fn status(s: &AppState) -> String {
    s.status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_filter_says_what_else_the_query_finds_and_tab_shows_it() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("chennai"));
    assert!(s.rows.is_empty(), "no one is called Chennai");
    assert_eq!(
        status(&s),
        "also 1 in notes, needs and cards — tab to see it"
    );
    run(&mut s, &mut j, [SearchEverything]);
    assert!(!s.searching);
    assert_eq!(s.status, None, "the hint goes with the filter");
    let v = view(&s);
    assert_eq!(v.editor.text(), "chennai");
    assert_eq!(v.found.total, 1);
    let hit = &v.found.hits[0];
    assert_eq!(hit.person.as_deref(), Some("priya-raman"));
    let Place::Entry { id, .. } = hit.place.clone() else {
        panic!("{hit:?}")
    };
    run(&mut s, &mut j, [Open]);
    assert_eq!(s.popup, None);
    assert_eq!(selected_id(&s, &j), "priya-raman");
    assert_eq!(s.query, "", "the filter is cleared so the person is listed");
    assert_eq!(s.focus, Pane::Timeline);
    let on = crate::app::state::selected_entry(&s, &j).map(|e| e.id.clone());
    assert_eq!(on, Some(id), "the timeline lands on the entry");
}

#[test]
fn a_need_found_opens_the_needs_pane_on_it() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("visa"));
    assert_eq!(
        status(&s),
        "also 3 in notes, needs and cards — tab to see them"
    );
    run(&mut s, &mut j, [SearchEverything]);
    let hits = view(&s).found.hits.clone();
    let at = hits
        .iter()
        .position(|h| h.place == Place::Need(1) && h.person.as_deref() == Some("kwame-asante"))
        .expect("Kwame's need is found");
    run(&mut s, &mut j, vec![Down; at]);
    run(&mut s, &mut j, [Open]);
    assert_eq!(selected_id(&s, &j), "kwame-asante");
    assert_eq!(s.focus, Pane::Needs);
    let needs = crate::app::state::needs(&s, &j);
    assert_eq!(needs[s.needs_sel].1.id, 1);
}

#[test]
fn a_card_field_found_selects_the_person_and_says_where() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [SearchEverything]);
    assert!(
        view(&s).found.hits.is_empty(),
        "nothing typed, nothing listed"
    );
    run(&mut s, &mut j, typed("visa paper"));
    let hits = view(&s).found.hits.clone();
    let at = hits
        .iter()
        .position(|h| h.place == Place::CanHelp(0))
        .expect("Sofia can help with visa paperwork");
    run(&mut s, &mut j, vec![Down; at]);
    run(&mut s, &mut j, [Open]);
    assert_eq!(selected_id(&s, &j), "sofia-almeida");
    assert_eq!(s.focus, Pane::Contacts);
    assert_eq!(status(&s), "Sofia Almeida · can help with: visa paperwork");
}

#[test]
fn tab_and_esc_go_back_to_the_filter_with_the_query_as_typed() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Search]);
    run(&mut s, &mut j, typed("vis"));
    run(&mut s, &mut j, [SearchEverything]);
    run(&mut s, &mut j, typed("a"));
    assert_eq!(view(&s).editor.text(), "visa");
    run(&mut s, &mut j, [SearchEverything]);
    assert_eq!(s.popup, None);
    assert!(s.searching);
    assert_eq!(s.query, "visa");
    run(&mut s, &mut j, [SearchEverything, Back]);
    assert!(
        s.searching,
        "esc from hits opened by the filter goes back to it"
    );
    run(&mut s, &mut j, [Back]);
    assert!(!s.searching);
    assert_eq!(s.status, None);
    // Opened from browsing (ctrl-f): esc closes it.
    run(&mut s, &mut j, [SearchEverything]);
    run(&mut s, &mut j, [Back]);
    assert_eq!(s.popup, None);
    assert!(!s.searching);
}

#[test]
fn moving_stays_within_the_hits() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [SearchEverything]);
    run(&mut s, &mut j, typed("berlin"));
    let n = view(&s).found.hits.len();
    assert!(n > 3, "{n}");
    run(&mut s, &mut j, vec![Down; n + 5]);
    assert_eq!(view(&s).sel, n - 1);
    run(&mut s, &mut j, vec![PageUp; n]);
    assert_eq!(view(&s).sel, 0);
    run(&mut s, &mut j, [Backspace]);
    assert_eq!(view(&s).sel, 0, "a new query starts at the top");
}

#[test]
fn hits_follow_a_note_saved_meanwhile() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [SearchEverything]);
    run(&mut s, &mut j, typed("kiln"));
    assert_eq!(view(&s).found.total, 0);
    let with = vec!["zoe-muller".to_string()];
    j.add_entry(crate::model::Entry {
        id: crate::model::Entry::make_id(&now(), &with),
        at: now(),
        with,
        kind: Kind::Note,
        note: "Zoë fired the kiln".into(),
        gave: None,
        asked: None,
    });
    super::super::find::tick(&mut s, &j);
    assert_eq!(view(&s).found.total, 1);
    assert_eq!(view(&s).found.hits[0].person.as_deref(), Some("zoe-muller"));
}

/// Someone archived, as `rolo archive` leaves them.
fn archived(j: &mut Journal, id: &str) {
    let mut c = j.by_id(id).cloned().unwrap();
    c.archived = Some(crate::model::Archived::Yes);
    j.upsert_contact(c);
}

/// Enter on a hit about someone archived goes to them, shown through the filter (out of
/// the plain list), never to whoever is first in it: a note written next is theirs.
#[test]
fn a_hit_about_someone_archived_goes_to_them() {
    let (mut s, mut j) = demo();
    archived(&mut j, "aiko-tanaka");
    s.refresh_rows(&j, today());
    select(&mut s, &mut j, "hannah");
    run(&mut s, &mut j, [Back, Search]);
    run(&mut s, &mut j, typed("aiko tanaka"));
    run(&mut s, &mut j, [SearchEverything]);
    let first = view(&s).found.hits.first().cloned().unwrap();
    assert_eq!(first.person.as_deref(), Some("aiko-tanaka"));
    run(&mut s, &mut j, [Open]);
    assert_eq!(s.popup, None);
    assert_eq!(selected_id(&s, &j), "aiko-tanaka");
    assert_eq!(s.query, "Aiko Tanaka", "shown through the filter");
    run(&mut s, &mut j, [NewNote]);
    assert_eq!(s.capture.as_ref().unwrap().with, vec!["aiko-tanaka"]);
}
