//! The quick-note editor: typing, kinds, `@name` mentions, saving and cancelling.

use super::Effect;
use crate::action::Action;
use crate::app::mentions;
use crate::app::state::{AppState, Capture, Popup, Question};
use crate::filter::Filter;
use crate::journal::Journal;
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset};

/// Suggestions shown under the editor for an `@name` being typed.
const SUGGESTIONS: usize = 5;

pub fn update(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(cap) = state.capture.as_mut() else {
        return Vec::new();
    };
    let before = cap.editor.text().len();
    let revision = cap.revision;
    let text_before = cap.editor.text().to_string();
    match action {
        Action::Type(c) => cap.editor.insert(c),
        Action::Newline => cap.editor.insert('\n'),
        Action::Backspace => cap.editor.backspace(),
        Action::Delete => cap.editor.delete(),
        Action::Left => cap.editor.left(),
        Action::Right => cap.editor.right(),
        Action::Up => cap.editor.up(),
        Action::Down => cap.editor.down(),
        Action::Home => cap.editor.home(),
        Action::End => cap.editor.end(),
        Action::WordLeft => cap.editor.word_left(),
        Action::WordRight => cap.editor.word_right(),
        Action::CycleKind => {
            cap.kind = cap.kind.cycled();
            cap.revision += 1;
        }
        Action::CompleteNext => {
            cap.suggestion = (cap.suggestion + 1).min(cap.suggestions.len().saturating_sub(1));
        }
        Action::CompletePrev => cap.suggestion = cap.suggestion.saturating_sub(1),
        Action::CompleteAccept => accept_suggestion(cap, journal),
        Action::Submit => return submit(state, journal, now),
        Action::NoteTime => return super::note_time::open(state),
        Action::Back => {
            if cap.editor.is_blank() {
                let draft = cap.draft();
                state.capture = None;
                return vec![Effect::RemoveDraft(draft)];
            }
            state.popup = Some(Popup::Confirm {
                question: Question::DiscardNote,
                text: "Discard this note?".into(),
            });
            return Vec::new();
        }
        _ => {}
    }
    if cap.editor.text() != text_before || cap.editor.text().len() != before {
        cap.revision += 1;
    }
    if cap.revision != revision || (cap.mentions.is_empty() && cap.editor.text().contains('@')) {
        cap.mentions = mentions::scan(cap.editor.text(), &cap.with, journal);
    }
    suggest(cap, &mut state.filter, journal);
    Vec::new()
}

/// Ranked by the contact list's own filter (the same order as `Journal::search`): its index
/// is built once, where a full search would make every person's key on each key typed.
fn suggest(cap: &mut Capture, filter: &mut Filter, journal: &Journal) {
    let word = cap.editor.mention_at_cursor().map(|(_, w)| w.to_string());
    cap.suggestions = match word {
        Some(w) if !w.is_empty() => filter
            .rank(journal, &w)
            .iter()
            .map(|&(ix, _)| ix)
            .filter(|ix| {
                journal
                    .contact(*ix)
                    .is_some_and(|c| !cap.with.contains(&c.id))
            })
            .take(SUGGESTIONS)
            .collect(),
        _ => Vec::new(),
    };
    cap.suggestion = cap.suggestion.min(cap.suggestions.len().saturating_sub(1));
}

fn accept_suggestion(cap: &mut Capture, journal: &Journal) {
    let Some(c) = cap
        .suggestions
        .get(cap.suggestion)
        .and_then(|ix| journal.contact(*ix))
    else {
        return;
    };
    let (id, name) = (c.id.clone(), c.name.clone());
    if let Some((start, _)) = cap.editor.mention_at_cursor() {
        cap.editor
            .replace_before_cursor(start, &format!("@{name} "));
    }
    if !cap.with.contains(&id) {
        cap.with.push(id);
    }
    cap.revision += 1;
    cap.suggestions.clear();
    cap.suggestion = 0;
}

/// The note's `@` mentions read again against the journal: a note put back in the editor
/// (a draft restored, a save refused) shows what they link to, or why not, at once rather
/// than after the next key.
pub fn rescan_mentions(state: &mut AppState, journal: &Journal) {
    if let Some(cap) = state.capture.as_mut() {
        cap.mentions = mentions::scan(cap.editor.text(), &cap.with, journal);
    }
}

fn submit(state: &mut AppState, journal: &Journal, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(cap) = state.capture.as_ref() else {
        return Vec::new();
    };
    if cap.editor.is_blank() {
        state.warn("the note is empty; type something or press esc");
        return Vec::new();
    }
    // Only people picked or named exactly: a mention that fits no one, or several, stays
    // plain text (the editor shows it, and so does the status after saving).
    let mut with = mentions::linked(cap.editor.text(), &cap.with, journal);
    // Someone whose file is gone (removed, merged into someone else from another terminal,
    // their question kept as this note) is not named: an entry under an id with no file
    // shows in no one's timeline. With no one left, the note stays open to say who.
    let gone: Vec<String> = with
        .iter()
        .filter(|id| journal.by_id(id).is_none())
        .cloned()
        .collect();
    with.retain(|id| !gone.contains(id));
    if with.is_empty() && !gone.is_empty() {
        let gone: Vec<_> = gone.iter().map(|id| inert_line(id)).collect();
        state.warn(format!(
            "{} has no file any more; @name says who this note is for",
            gone.join(", ")
        ));
        return Vec::new();
    }
    // The time the note was begun: a draft restored later keeps its own (`note_time`). Never
    // later than now, should a draft come from a clock that ran ahead.
    let at = cap.started.min(now);
    let fields = crate::ops::NoteFields {
        with,
        at,
        kind: cap.kind.clone(),
        text: cap.editor.text().to_string(),
        gave: None,
        asked: None,
    };
    let entry = match crate::ops::note::entry(fields) {
        Ok(entry) => entry,
        Err(e) => {
            state.warn(e.0);
            return Vec::new();
        }
    };
    let draft = cap.draft();
    state.capture = None;
    vec![Effect::SaveEntry { entry, draft }]
}
