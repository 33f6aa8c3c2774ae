//! One-line questions (new need, how was it met, follow-up, new contact) and yes/no questions.

use super::Effect;
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::state::{self, AppState, Ask, Input, Popup, Question};
use crate::journal::Journal;
use crate::model::NeedStatus;
use crate::when::{When, parse_due};
use chrono::{DateTime, FixedOffset};

pub fn ask(state: &mut AppState, ask: Ask, prompt: String) {
    state.popup = Some(Popup::Input(Input {
        ask,
        prompt,
        editor: Editor::default(),
        error: None,
    }));
}

/// `x` / `d` on the selected need: ask how it was met, or confirm dropping it.
pub fn start_need_change(state: &mut AppState, journal: &Journal, met: bool) {
    let needs = state::needs(state, journal);
    let Some((ix, need)) = needs.get(state.needs_sel) else {
        state.warn("no need selected; move to the needs pane (tab) first");
        return;
    };
    let Some(contact) = journal.contact(*ix) else {
        return;
    };
    if super::broken::refused(state, journal, &contact.id) {
        return;
    }
    if need.status != NeedStatus::Open {
        state.warn(format!("that need is already {}", need.status.as_str()));
        return;
    }
    let (id, need_id) = (contact.id.clone(), need.id);
    if met {
        ask(
            state,
            Ask::MetHow {
                contact: id,
                need: need_id,
            },
            "How was it met? (may be left empty)".into(),
        );
    } else {
        let what = crate::sanitize::inert_line(&need.what).into_owned();
        state.popup = Some(Popup::Confirm {
            question: Question::DropNeed {
                contact: id,
                need: need_id,
            },
            text: format!("Drop the need \"{what}\"?"),
        });
    }
}

pub fn input(
    state: &mut AppState,
    _journal: &mut Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(Popup::Input(input)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let ed = &mut input.editor;
    match action {
        Action::Type(c) => ed.insert(c),
        Action::Backspace => ed.backspace(),
        Action::Delete => ed.delete(),
        Action::Left => ed.left(),
        Action::Right => ed.right(),
        Action::Home => ed.home(),
        Action::End => ed.end(),
        Action::Back => state.popup = None,
        Action::Submit => return submit(state, now),
        _ => {}
    }
    Vec::new()
}

fn submit(state: &mut AppState, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(Popup::Input(input)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let text = input.editor.text().trim().to_string();
    let today = now.date_naive();
    let effect = match input.ask.clone() {
        Ask::MetHow { contact, need } => Effect::SetNeed {
            contact,
            need,
            status: NeedStatus::Met,
            how: (!text.is_empty()).then_some(text),
            on: today,
        },
        _ if text.is_empty() => {
            input.error = Some("please type something, or press esc to cancel".into());
            return Vec::new();
        }
        Ask::NewNeed { contact } => Effect::AddNeed {
            contact,
            what: text,
            since: today,
        },
        Ask::AddContact => Effect::AddContact { name: text },
        Ask::FollowUpWhat { contact } => {
            ask(
                state,
                Ask::FollowUpDue {
                    contact,
                    what: text,
                },
                // Each example is a day still to come (see `when::parse_due`).
                format!(
                    "When is it due? (friday, in 2 weeks, {})",
                    crate::when::due_example(today)
                ),
            );
            return Vec::new();
        }
        Ask::FollowUpDue { contact, what } => match parse_due(&text, now.naive_local()) {
            Ok(When::Date(due)) => Effect::AddFollowUp { contact, what, due },
            Ok(When::DateTime(dt)) => Effect::AddFollowUp {
                contact,
                what,
                due: dt.date(),
            },
            Err(e) => {
                input.error = Some(e.to_string());
                return Vec::new();
            }
        },
    };
    state.popup = None;
    vec![effect]
}

pub fn confirm(
    state: &mut AppState,
    journal: &mut Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(Popup::Confirm { question, .. }) = state.popup.clone() else {
        return Vec::new();
    };
    match action {
        Action::Yes => {
            state.popup = None;
            match question {
                Question::DiscardNote => {
                    if let Some(cap) = state.capture.take() {
                        state.say("note discarded");
                        return vec![Effect::RemoveDraft(cap.draft())];
                    }
                }
                Question::DropNeed { contact, need } => {
                    return vec![Effect::SetNeed {
                        contact,
                        need,
                        status: NeedStatus::Dropped,
                        how: None,
                        on: now.date_naive(),
                    }];
                }
                Question::MeetByIntro(update) => {
                    // The file may have broken since the intro was logged.
                    if !super::broken::refused(state, journal, &update.contact_id) {
                        return vec![Effect::MeetByIntro(update)];
                    }
                }
            }
        }
        Action::No | Action::Back => {
            state.popup = None;
            if matches!(question, Question::MeetByIntro(_)) {
                state.say("intro logged; the need stays open");
            }
        }
        _ => {}
    }
    Vec::new()
}
