//! What the screen hangs on, held by id across a change made outside rolo.
//!
//! The state keeps journal positions (`Ix`) in rows, `@` suggestions and the computed views in
//! popups (a brief, who could help, the reconnect and today lists). A contact file deleted or
//! renamed outside rolo removes that person from the journal, and every later position shifts
//! by one: a position kept across that change names someone else, and an action on it (an
//! intro, marking a promise done) would land on them. So before outside changes are applied,
//! everything positional is written down as ids; afterwards it is looked up again, views are
//! computed afresh for the same people, and a popup whose person is gone closes and says so.
//! Questions and forms hold ids already (`Ask`, `Question`, `EditTarget`).

use super::lists::{Item, Lists};
use super::needs_pane::{self, PaneItem};
use super::state::{self, AppState, Ask, Helpers, Input, Popup, Question};
use super::update::outcome;
use crate::journal::{Ix, Journal};
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Every contact's id and name as they were, by position, and the selections in the panes.
pub struct Anchors {
    before: Vec<(String, String)>,
    /// The person selected in the contacts pane.
    selected: Option<String>,
    /// The need or promise selected in the needs pane: its owner, whether it is a promise,
    /// and its id.
    need: Option<(String, bool, u32)>,
    /// The entry selected in the timeline pane.
    entry: Option<String>,
}

/// Which item of a list was selected, by ids: the person, what kind of item, its own id.
type ItemKey = (String, u8, u32);

impl Anchors {
    pub fn take(state: &AppState, journal: &Journal) -> Anchors {
        let before = journal
            .contacts()
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        let need = needs_pane::selected(state, journal).and_then(|item| {
            let owner = journal.contact(item.person())?.id.clone();
            Some(match item {
                PaneItem::Need(_, n) => (owner, false, n.id),
                PaneItem::Promise(_, f) => (owner, true, f.id),
            })
        });
        Anchors {
            before,
            selected: state
                .selected_ix()
                .and_then(|ix| journal.contact(ix))
                .map(|c| c.id.clone()),
            need,
            entry: state::selected_entry(state, journal).map(|e| e.id.clone()),
        }
    }

    fn id(&self, old: Ix) -> Option<&str> {
        self.before.get(old).map(|(id, _)| id.as_str())
    }

    /// Where the person at old position `old` is now.
    fn now(&self, old: Ix, journal: &Journal) -> Option<Ix> {
        journal.ix(self.id(old)?)
    }

    /// "Ada Lovelace's file was removed outside rolo", named as they were.
    fn gone(&self, id: &str) -> String {
        let name = self
            .before
            .iter()
            .find(|(i, _)| i == id)
            .map_or(id, |(_, n)| n.as_str());
        format!("{}'s file was removed outside rolo", inert_line(name))
    }

    /// Put everything back on the same people (and needs and entries) as before the change.
    pub fn restore(self, state: &mut AppState, journal: &Journal, now: DateTime<FixedOffset>) {
        let today = now.date_naive();
        let keep = self.selected.as_deref().and_then(|id| journal.ix(id));
        let at = state.contact_sel;
        state.refresh_rows_keeping(journal, today, keep);
        if keep.is_none() {
            // The selected person is gone: stay near where they were, not at the top.
            state.contact_sel = at.min(state.rows.len().saturating_sub(1));
        }
        state.needs_sel = self
            .need
            .as_ref()
            .and_then(|(owner, promise, id)| {
                needs_pane::items(state, journal).iter().position(|item| {
                    let same = match item {
                        PaneItem::Need(_, n) => !promise && n.id == *id,
                        PaneItem::Promise(_, f) => *promise && f.id == *id,
                    };
                    same && journal
                        .contact(item.person())
                        .is_some_and(|c| c.id == *owner)
                })
            })
            .unwrap_or(0);
        state.timeline_sel = self
            .entry
            .as_ref()
            .and_then(|id| state::timeline(state, journal).position(|e| e.id == *id))
            .unwrap_or(0);
        let mut closed = None;
        if let Some(cap) = state.capture.as_mut() {
            let picked = cap.suggestions.get(cap.suggestion).copied();
            cap.suggestions = cap
                .suggestions
                .iter()
                .filter_map(|&old| self.now(old, journal))
                .collect();
            cap.suggestion = picked
                .and_then(|old| self.now(old, journal))
                .and_then(|ix| cap.suggestions.iter().position(|&s| s == ix))
                .unwrap_or(0);
            // Mentions that could be several people hold positions: scan them again, so the
            // hint under the note names the people as they now stand.
            if !cap.mentions.is_empty() {
                cap.mentions = crate::app::mentions::scan(cap.editor.text(), &cap.with, journal);
            }
            // The note stays open (nothing typed is lost); saving leaves out the id, and asks
            // who it is for when no one else is named (`update::capture::submit`).
            if let Some(first) = cap.with.first()
                && journal.by_id(first).is_none()
            {
                closed = Some(self.gone(first));
            }
        }
        // Text typed into a question about someone now gone outlives the question.
        let typed = match &state.popup {
            Some(Popup::Input(input)) => typed_for_gone(input, journal),
            _ => None,
        };
        if let Some(popup) = state.popup.take() {
            state.popup = self.popup(popup, journal, today, &mut closed);
        }
        if let Some((contact, text)) = typed {
            outcome::keep_as_note(state, &contact, text, now);
            closed = Some(format!(
                "{}; what you typed is kept as a note (and its draft)",
                self.gone(&contact)
            ));
        }
        if let Some(message) = closed {
            state.warn(message);
        }
    }

    /// The popup for the same people as before, or what it falls back to (with why in
    /// `closed`) when its person or need is gone.
    fn popup(
        &self,
        popup: Popup,
        journal: &Journal,
        today: NaiveDate,
        closed: &mut Option<String>,
    ) -> Option<Popup> {
        let contact_gone = |id: &str, closed: &mut Option<String>| {
            let gone = journal.by_id(id).is_none();
            if gone {
                *closed = Some(self.gone(id));
            }
            gone
        };
        match popup {
            Popup::Brief {
                brief,
                scroll,
                back,
            } => {
                let back = back.and_then(|b| self.popup(*b, journal, today, closed));
                let Some(id) = self.id(brief.ix) else {
                    return back;
                };
                match journal
                    .ix(id)
                    .and_then(|ix| crate::serve::brief(journal, ix, today))
                {
                    Some(brief) => Some(Popup::Brief {
                        brief: Box::new(brief),
                        scroll,
                        back: back.map(Box::new),
                    }),
                    None => {
                        *closed = Some(self.gone(id));
                        back
                    }
                }
            }
            Popup::Helpers(h) => self.helpers(h, journal, today, closed),
            Popup::Lists(l) => Some(Popup::Lists(self.lists(l, journal, today))),
            Popup::Input(input) => {
                let gone = match &input.ask {
                    Ask::NewNeed { contact }
                    | Ask::MetHow { contact, .. }
                    | Ask::FollowUpWhat { contact, .. }
                    | Ask::FollowUpDue { contact, .. }
                    | Ask::RewordNeed { contact, .. } => contact_gone(contact, closed),
                    // The note being written stays open whoever left: nothing typed is lost.
                    Ask::AddContact | Ask::NoteTime => false,
                };
                (!gone).then_some(Popup::Input(input))
            }
            Popup::Confirm { question, text } => {
                let gone = match &question {
                    Question::DropNeed { contact, .. } => contact_gone(contact, closed),
                    Question::MeetByIntro(update) => contact_gone(&update.contact_id, closed),
                    Question::Archive { contact, .. } => contact_gone(contact, closed),
                    Question::DiscardNote | Question::AddAnyway { .. } => false,
                };
                (!gone).then_some(Popup::Confirm { question, text })
            }
            Popup::PickNeed(pick) => {
                (!contact_gone(&pick.contact, closed)).then_some(Popup::PickNeed(pick))
            }
            Popup::PickPerson(mut pick) => {
                pick.matches.retain(|id| journal.by_id(id).is_some());
                pick.sel = pick.sel.min(pick.matches.len().saturating_sub(1));
                (!contact_gone(&pick.keep, closed)).then_some(Popup::PickPerson(pick))
            }
            // The preview says what the files held when it was made; the merge itself reads
            // them afresh.
            Popup::Merge(m) => {
                let gone = contact_gone(&m.keep, closed) || contact_gone(&m.gone, closed);
                (!gone).then_some(Popup::Merge(m))
            }
            Popup::Need(view) => {
                (!contact_gone(&view.contact, closed)).then_some(Popup::Need(view))
            }
            Popup::Entry { id, scroll } => {
                if journal.entry(&id).is_none() {
                    *closed = Some("that entry was changed or removed outside rolo".into());
                    return None;
                }
                Some(Popup::Entry { id, scroll })
            }
            other => Some(other),
        }
    }

    /// Who could help, ranked again for the same need, the same helper still highlighted.
    fn helpers(
        &self,
        h: Helpers,
        journal: &Journal,
        today: NaiveDate,
        closed: &mut Option<String>,
    ) -> Option<Popup> {
        let back = h
            .back
            .and_then(|b| self.popup(*b, journal, today, closed))
            .map(Box::new);
        let Some(owner) = journal.ix(&h.owner) else {
            *closed = Some(self.gone(&h.owner));
            return back.map(|b| *b);
        };
        let need = journal
            .contact(owner)
            .and_then(|c| c.need(h.need))
            .filter(|n| n.status == crate::model::NeedStatus::Open);
        let Some(need) = need else {
            *closed = Some(format!(
                "the need \"{}\" was changed outside rolo",
                inert_line(&h.what)
            ));
            return back.map(|b| *b);
        };
        let picked = h.helpers.get(h.sel).and_then(|x| self.now(x.ix, journal));
        let helpers = crate::serve::helpers(journal, owner, need);
        let sel = picked
            .and_then(|ix| helpers.iter().position(|x| x.ix == ix))
            .unwrap_or(0);
        Some(Popup::Helpers(Helpers {
            owner: h.owner,
            need: h.need,
            what: need.what.clone(),
            helpers,
            sel,
            back,
        }))
    }

    /// The list built again, with the same item selected when it is still there.
    fn lists(&self, mut l: Lists, journal: &Journal, today: NaiveDate) -> Lists {
        let picked = l.selected().and_then(|item| self.key(item));
        l.refresh(journal, today);
        let found = picked.and_then(|key| {
            l.items
                .iter()
                .position(|item| item_key(item, journal).as_ref() == Some(&key))
        });
        if let Some(i) = found {
            l.sel = i;
        }
        l
    }

    fn key(&self, item: &Item) -> Option<ItemKey> {
        let (old, kind, sub) = item_parts(item)?;
        Some((self.id(old)?.to_string(), kind, sub))
    }
}

/// The person and what was typed for them, as a line of a note, when the question is about
/// someone no longer in the journal and something was typed.
fn typed_for_gone(input: &Input, journal: &Journal) -> Option<(String, String)> {
    let typed = input.editor.text().trim();
    let (contact, text) = match &input.ask {
        Ask::NewNeed { contact } => (contact, format!("need: {typed}")),
        Ask::FollowUpWhat { contact, theirs } => {
            (contact, format!("{}: {typed}", promise(*theirs)))
        }
        Ask::FollowUpDue {
            contact,
            what,
            theirs,
        } if typed.is_empty() => (contact, format!("{}: {what}", promise(*theirs))),
        Ask::FollowUpDue {
            contact,
            what,
            theirs,
        } => (
            contact,
            format!("{}: {what} (due {typed})", promise(*theirs)),
        ),
        Ask::RewordNeed { contact, need, .. } => (contact, format!("need #{need}: {typed}")),
        Ask::MetHow { contact, need, .. } => (contact, format!("need #{need} met: {typed}")),
        Ask::AddContact | Ask::NoteTime => return None,
    };
    let nothing_typed = typed.is_empty() && !matches!(input.ask, Ask::FollowUpDue { .. });
    (journal.by_id(contact).is_none() && !nothing_typed).then(|| (contact.clone(), text))
}

/// How a follow-up kept as a note is labelled: whose promise it was.
fn promise(theirs: bool) -> &'static str {
    if theirs { "their promise" } else { "follow-up" }
}

fn item_parts(item: &Item) -> Option<(Ix, u8, u32)> {
    match item {
        Item::Heading(_) | Item::Quiet(_) => None,
        Item::Reconnect(o) => Some((o.ix, 0, 0)),
        Item::FollowUp(f) => Some((f.ix, 1, f.id)),
        Item::Birthday(b) => Some((b.ix, 2, 0)),
        Item::Need(n) => Some((n.ix, 3, n.need.id)),
    }
}

fn item_key(item: &Item, journal: &Journal) -> Option<ItemKey> {
    let (ix, kind, sub) = item_parts(item)?;
    Some((journal.contact(ix)?.id.clone(), kind, sub))
}
