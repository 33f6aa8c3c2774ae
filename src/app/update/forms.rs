//! One-line questions (new need, how was it met, follow-up, new contact) and yes/no questions.

use super::Effect;
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::state::{self, AppState, Ask, Input, Pane, PickNeed, Popup, Question};
use crate::journal::Journal;
use crate::model::{By, NeedStatus};
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset};

pub fn ask(state: &mut AppState, ask: Ask, prompt: String) {
    state.popup = Some(Popup::Input(Input {
        ask,
        prompt,
        editor: Editor::default(),
        error: None,
    }));
}

/// `x` / `d`: the need selected in the needs pane; from the other panes, the selected
/// person's open need when there is one, and a question which one when there are several.
pub fn start_need_change(state: &mut AppState, journal: &Journal, met: bool) {
    if state.focus == Pane::Needs {
        let needs = state::needs(state, journal);
        if let Some((ix, need)) = needs.get(state.needs_sel)
            && let Some(contact) = journal.contact(*ix)
        {
            let (id, need_id) = (contact.id.clone(), need.id);
            change_need(state, journal, id, need_id, met);
            return;
        }
    }
    let Some(contact) = state.selected_ix().and_then(|ix| journal.contact(ix)) else {
        state.warn("no contact selected");
        return;
    };
    if super::broken::refused(state, journal, &contact.id) {
        return;
    }
    let mut open: Vec<u32> = contact.open_needs().map(|n| n.id).collect();
    open.sort_unstable();
    open.dedup();
    match open[..] {
        [] => {
            let name = crate::sanitize::inert_line(&contact.name).into_owned();
            state.warn(format!("{name} has no open needs"));
        }
        [one] => {
            let id = contact.id.clone();
            change_need(state, journal, id, one, met);
        }
        _ => {
            state.popup = Some(Popup::PickNeed(PickNeed {
                contact: contact.id.clone(),
                needs: open,
                sel: 0,
                met,
                error: None,
            }))
        }
    }
}

/// Ask how need `need` of `contact` was met, or confirm dropping it, naming the need.
pub fn change_need(state: &mut AppState, journal: &Journal, contact: String, need: u32, met: bool) {
    let Some(n) = journal.by_id(&contact).and_then(|c| c.need(need)) else {
        state.warn(format!("need #{need} is gone"));
        return;
    };
    if super::broken::refused(state, journal, &contact) {
        return;
    }
    if n.status != NeedStatus::Open {
        state.warn(format!("need #{need} is already {}", n.status.as_str()));
        return;
    }
    if met {
        let prompt = format!("Mark met: #{need} {} — how?", clip(&n.what, 36));
        let shown = n.what.clone();
        ask(
            state,
            Ask::MetHow {
                contact,
                need,
                shown,
            },
            prompt,
        );
    } else {
        let what = crate::sanitize::inert_line(&n.what).into_owned();
        state.popup = Some(Popup::Confirm {
            question: Question::DropNeed {
                contact,
                need,
                shown: n.what.clone(),
            },
            text: format!("Drop need #{need} \"{what}\"?"),
        });
    }
}

/// The start of `s` on one line, at most `cols` columns wide, with `…` when cut.
fn clip(s: &str, cols: usize) -> String {
    let s = crate::sanitize::inert_line(s);
    let s = s.trim();
    if unicode_width::UnicodeWidthStr::width(s) <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

pub fn input(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let replace = matches!(action, Action::Type(_) | Action::Backspace | Action::Delete)
        && super::note_time::untouched(state);
    let Some(Popup::Input(input)) = state.popup.as_mut() else {
        return Vec::new();
    };
    if replace {
        input.editor = Editor::default();
    }
    // The error was about the text as it was: a change to it makes way for the preview of
    // what it reads as now (a due date corrected from "fridya" shows its day).
    if matches!(action, Action::Type(_) | Action::Backspace | Action::Delete) {
        input.error = None;
    }
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
        Action::Submit => return submit(state, journal, now),
        _ => {}
    }
    Vec::new()
}

fn submit(state: &mut AppState, journal: &Journal, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(Popup::Input(input)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let text = input.editor.text().trim().to_string();
    let today = now.date_naive();
    let effect = match input.ask.clone() {
        Ask::MetHow {
            contact,
            need,
            shown,
        } => Effect::SetNeed {
            contact,
            need,
            status: NeedStatus::Met,
            how: (!text.is_empty()).then_some(text),
            on: today,
            shown,
        },
        _ if text.is_empty() => {
            input.error = Some("please type something, or press esc to cancel".into());
            return Vec::new();
        }
        Ask::NoteTime => return super::note_time::set(state, &text, now),
        Ask::NewNeed { contact } => Effect::AddNeed {
            contact,
            what: text,
            since: today,
        },
        Ask::AddContact => {
            // As `rolo add` does: a name that is here already is most likely that person.
            if let Some(c) = crate::ops::person::same_name(journal.contacts(), &text) {
                let question = format!(
                    "{} is here already ({}). Add a second person named {}?",
                    inert_line(&c.name),
                    inert_line(&c.id),
                    inert_line(&text)
                );
                state.popup = Some(Popup::Confirm {
                    question: Question::AddAnyway { name: text },
                    text: question,
                });
                return Vec::new();
            }
            Effect::AddContact { name: text }
        }
        Ask::FollowUpWhat { contact, theirs } => {
            let when = if theirs {
                "When do you expect it?"
            } else {
                "When is it due?"
            };
            ask(
                state,
                Ask::FollowUpDue {
                    contact,
                    what: text,
                    theirs,
                },
                // Each example is a day still to come (see `when::parse_due`).
                format!(
                    "{when} (friday, in 2 weeks, {})",
                    crate::when::due_example(today)
                ),
            );
            return Vec::new();
        }
        Ask::RewordNeed {
            contact,
            need,
            shown,
        } => Effect::RewordNeed {
            contact,
            need,
            what: text,
            shown,
        },
        Ask::FollowUpDue {
            contact,
            what,
            theirs,
        } => {
            let by = if theirs { By::Them } else { By::Me };
            match crate::ops::follow_ups::due_day(&text, now.naive_local()) {
                Ok(due) => Effect::AddFollowUp {
                    contact,
                    what,
                    due,
                    by,
                },
                Err(e) => {
                    input.error = Some(e.0);
                    return Vec::new();
                }
            }
        }
    };
    state.popup = None;
    vec![effect]
}

pub fn confirm(
    state: &mut AppState,
    journal: &Journal,
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
                Question::DropNeed {
                    contact,
                    need,
                    shown,
                } => {
                    return vec![Effect::SetNeed {
                        contact,
                        need,
                        status: NeedStatus::Dropped,
                        how: None,
                        on: now.date_naive(),
                        shown,
                    }];
                }
                Question::MeetByIntro(update) => {
                    // The file may have broken since the intro was logged.
                    if !super::broken::refused(state, journal, &update.contact_id) {
                        return vec![Effect::MeetByIntro(update)];
                    }
                }
                Question::AddAnyway { name } => return vec![Effect::AddContact { name }],
                Question::Archive { contact, archive } => {
                    return vec![Effect::Archive {
                        contact,
                        archive,
                        on: now.date_naive(),
                    }];
                }
            }
        }
        Action::No | Action::Back => {
            state.popup = None;
            match question {
                Question::MeetByIntro(_) => state.say("intro logged; the need stays open"),
                Question::Archive { archive: true, .. } => state.say("nothing archived"),
                Question::AddAnyway { .. } => state.say("nothing added"),
                _ => {}
            }
        }
        _ => {}
    }
    Vec::new()
}
