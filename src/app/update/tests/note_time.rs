//! `ctrl-t` while writing: when the note happened.

use super::*;

fn answer(s: &mut AppState, j: &mut Journal, text: &str) -> Vec<Effect> {
    let Some(Popup::Input(i)) = &s.popup else {
        panic!("no question: {:?}", s.popup)
    };
    assert_eq!(i.ask, Ask::NoteTime);
    let clear = vec![Backspace; i.editor.text().chars().count()];
    run(s, j, clear);
    run(s, j, typed(text));
    run(s, j, [Submit])
}

#[test]
fn a_new_note_can_be_dated_earlier_and_keeps_its_draft_file() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("Lunch"));
    let file = s.capture.as_ref().unwrap().draft().file_name();
    run(&mut s, &mut j, [NoteTime]);
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert_eq!(
        i.editor.text(),
        "2026-11-24 14:26",
        "starts from the note's time"
    );
    assert!(answer(&mut s, &mut j, "yesterday 12:30").is_empty());
    assert!(s.popup.is_none());
    let cap = s.capture.as_ref().unwrap();
    assert_eq!(
        cap.started,
        DateTime::parse_from_rfc3339("2026-11-23T12:30:00+01:00").unwrap()
    );
    assert_eq!(cap.draft().file_name(), file, "the same draft file");
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { entry, draft }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(entry.at, cap_time("2026-11-23T12:30:00+01:00"));
    assert_eq!(draft.file_name(), file);
}

fn cap_time(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn a_time_to_come_or_unreadable_is_asked_again_and_esc_keeps_the_note() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("Lunch"));
    run(&mut s, &mut j, [NoteTime]);
    answer(&mut s, &mut j, "tomorrow");
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert_eq!(
        i.error.as_deref(),
        Some("Wed 25 Nov 14:26 is still to come; a note is about what happened")
    );
    answer(&mut s, &mut j, "when pigs fly");
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert!(i.error.as_deref().unwrap().starts_with("cannot read"));
    run(&mut s, &mut j, [Back]);
    assert!(s.popup.is_none());
    let cap = s.capture.as_ref().unwrap();
    assert_eq!(cap.editor.text(), "Lunch");
    assert_eq!(cap.started, now(), "unchanged");
    assert_eq!(cap.draft_file, None);
}
