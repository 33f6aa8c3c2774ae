//! The note editor: typing, kinds, mentions, saving and cancelling.

use super::*;

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

/// Mentions are ranked by the contact list's filter, which then serves the list again.
#[test]
fn mention_suggestions_rank_as_a_full_search_and_the_list_filter_stays_right() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    for word in ["a", "ma", "ren", "zoe"] {
        run(&mut s, &mut j, typed(&format!(" @{word}")));
        let cap = s.capture.as_ref().unwrap();
        let expected: Vec<_> = j
            .search(word)
            .into_iter()
            .map(|(ix, _)| ix)
            .filter(|&ix| !cap.with.contains(&j.contact(ix).unwrap().id))
            .take(5)
            .collect();
        assert!(!expected.is_empty(), "{word}");
        assert_eq!(cap.suggestions, expected, "@{word}");
    }
    run(&mut s, &mut j, [Submit]);
    assert!(s.capture.is_none());
    // The list's query was "kwame"; the mentions used the same filter in between.
    run(&mut s, &mut j, [Search, Backspace, Backspace, Backspace]);
    let listed: Vec<_> = s.rows.iter().map(|r| r.ix).collect();
    let expected: Vec<_> = j.search("kw").into_iter().map(|(ix, _)| ix).collect();
    assert_eq!(s.query, "kw");
    assert_eq!(listed, expected);
}

/// A note kept for someone whose file went (removed or merged away from another terminal,
/// `outcome::keep_as_note`) is not filed under their id, which no timeline shows: with no
/// one else it stays open and says to add someone; with someone else, it is theirs.
#[test]
fn a_note_for_someone_whose_file_is_gone_is_not_filed_under_them() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "kwame");
    run(&mut s, &mut j, [NewNote]);
    run(&mut s, &mut j, typed("lend her my book"));
    s.capture.as_mut().unwrap().with = vec!["zoe-schmidt".into()];
    assert!(run(&mut s, &mut j, [Submit]).is_empty());
    let status = s.status.as_ref().unwrap();
    assert!(status.error, "{}", status.text);
    assert_eq!(
        status.text,
        "zoe-schmidt has no file any more; @name says who this note is for"
    );
    assert_eq!(
        s.capture.as_ref().unwrap().editor.text(),
        "lend her my book"
    );
    s.capture.as_mut().unwrap().with = vec!["zoe-schmidt".into(), "kwame-asante".into()];
    let effects = run(&mut s, &mut j, [Submit]);
    let [Effect::SaveEntry { entry, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(entry.with, vec!["kwame-asante"]);
}
