//! Serve first in the TUI: the brief (`b`), who could help with a need (`m`) and the intro
//! logged from there, and the reconnect (`R`) and today (`T`) lists. The data comes from
//! `crate::serve`; this file only opens views, moves selections and asks for effects.

use super::Effect;
use crate::action::Action;
use crate::app::lists::{Item, ListKind, Lists};
use crate::app::state::{self, AppState, Helpers, Pane, Popup};
use crate::journal::{Ix, Journal};
use crate::model::NeedStatus;
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// `b`: the brief of a person, over whatever was open (closing it goes back there).
pub fn open_brief(state: &mut AppState, journal: &Journal, ix: Ix, today: NaiveDate) {
    match crate::serve::brief(journal, ix, today) {
        Some(b) => {
            state.status = None;
            let back = state.popup.take().map(Box::new);
            state.popup = Some(Popup::Brief {
                brief: Box::new(b),
                scroll: 0,
                back,
            });
        }
        None => state.warn("no contact selected"),
    }
}

/// `S`: the statistics screen, from the journal in memory.
pub fn open_stats(state: &mut AppState, journal: &Journal, today: NaiveDate) {
    state.status = None;
    state.popup = Some(Popup::Stats(Box::new(
        crate::app::stats_view::StatsView::new(journal, today),
    )));
}

/// The statistics screen: its pages and the months chart's kind.
pub fn stats(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Stats(view)) = state.popup.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::NextPane => view.next_page(true),
        Action::PrevPane => view.next_page(false),
        Action::Right => view.next_kind(true),
        Action::Left => view.next_kind(false),
        Action::Back | Action::Quit => state.popup = None,
        _ => {}
    }
    Vec::new()
}

/// `W`: the weekly review of this week, worded once (the same lines as `rolo review`).
pub fn open_review(state: &mut AppState, journal: &Journal, today: NaiveDate) {
    state.status = None;
    review_week(state, journal, today, crate::stats::review::Week::This);
}

/// `tab` in the weekly review: the other week (this one, last one).
pub fn turn_review(
    state: &mut AppState,
    journal: &Journal,
    today: NaiveDate,
    shown: crate::stats::review::Week,
) {
    use crate::stats::review::Week;
    let other = match shown {
        Week::This => Week::Last,
        Week::Last => Week::This,
    };
    review_week(state, journal, today, other);
}

/// The review of `week` on screen, from its top (`W`, and `tab` in it).
fn review_week(
    state: &mut AppState,
    journal: &Journal,
    today: NaiveDate,
    week: crate::stats::review::Week,
) {
    let net = crate::serve::Network::new(journal);
    let r = crate::stats::review::review(journal, &net, today, week);
    state.popup = Some(Popup::Review {
        lines: crate::stats::review_words::lines(journal, &r),
        scroll: 0,
        week,
    });
}

pub fn open_list(state: &mut AppState, journal: &Journal, kind: ListKind, today: NaiveDate) {
    state.status = None;
    state.popup = Some(Popup::Lists(Lists::new(kind, journal, today)));
}

/// `m` on the selected need (this person's or all open needs): who could help.
pub fn start_match(state: &mut AppState, journal: &Journal) {
    let needs = state::needs(state, journal);
    let Some((ix, need)) = needs.get(state.needs_sel) else {
        state.warn("no need selected; move to the needs pane (tab) first");
        return;
    };
    let Some(owner) = journal.contact(*ix) else {
        return;
    };
    if need.status != NeedStatus::Open {
        state.warn(format!("that need is already {}", need.status.as_str()));
        return;
    }
    let helpers = crate::serve::helpers(journal, *ix, need);
    if helpers.is_empty() {
        state.say(format!(
            "no one in your journal matches \"{}\" yet",
            inert_line(&need.what)
        ));
        return;
    }
    state.popup = Some(Popup::Helpers(Helpers {
        owner: owner.id.clone(),
        need: need.id,
        what: need.what.clone(),
        helpers,
        sel: 0,
        back: None,
    }));
}

/// The helpers list: move, close, or log an intro to the highlighted person.
pub fn helpers(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(Popup::Helpers(h)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let last = h.helpers.len().saturating_sub(1);
    match action {
        Action::Down => h.sel = (h.sel + 1).min(last),
        Action::Up => h.sel = h.sel.saturating_sub(1),
        Action::Top => h.sel = 0,
        Action::Bottom => h.sel = last,
        Action::Back | Action::Quit => state.popup = h.back.take().map(|b| *b),
        Action::Introduce => return introduce(state, journal, now),
        Action::NotAFit => return not_a_fit(state, journal),
        _ => {}
    }
    Vec::new()
}

fn introduce(state: &mut AppState, journal: &Journal, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(Popup::Helpers(h)) = state.popup.as_ref() else {
        return Vec::new();
    };
    // The intro is for a need, which the helped person's file holds: marking it met would be
    // refused, so the intro is refused up front rather than half done.
    let owner = h.owner.clone();
    if super::broken::refused(state, journal, &owner) {
        return Vec::new();
    }
    let Some(Popup::Helpers(h)) = state.popup.as_ref() else {
        return Vec::new();
    };
    let helped = journal.by_id(&h.owner);
    let other = h.helpers.get(h.sel).and_then(|x| journal.contact(x.ix));
    let (Some(helped), Some(other)) = (helped, other) else {
        state.warn("that person is gone from the journal");
        return Vec::new();
    };
    match crate::ops::intro::plan(helped, other, Some(h.need), None, now) {
        Ok(made) => {
            state.popup = None;
            vec![Effect::LogIntro {
                entry: made.entry,
                need_update: made.need_update,
            }]
        }
        Err(e) => {
            state.warn(inert_line(&e.0).into_owned());
            Vec::new()
        }
    }
}

/// `x` in the helpers list: the highlighted person leaves the list at once and is never
/// suggested for this need again; the list stays open for the next one.
fn not_a_fit(state: &mut AppState, journal: &Journal) -> Vec<Effect> {
    let Some(Popup::Helpers(h)) = state.popup.as_ref() else {
        return Vec::new();
    };
    // The mark lives in the file of the person with the need: a broken one is refused first.
    let owner = h.owner.clone();
    if super::broken::refused(state, journal, &owner) {
        return Vec::new();
    }
    let Some(Popup::Helpers(h)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let Some(helper) = h.helpers.get(h.sel).and_then(|x| journal.contact(x.ix)) else {
        state.warn("that person is gone from the journal");
        return Vec::new();
    };
    let op = crate::ops::NotAFit {
        need: h.need,
        helper: helper.id.clone(),
        helper_name: helper.name.clone(),
        not_a_fit: true,
    };
    h.helpers.remove(h.sel);
    h.sel = h.sel.min(h.helpers.len().saturating_sub(1));
    if h.helpers.is_empty() {
        state.popup = h.back.take().map(|b| *b);
    }
    vec![Effect::NotAFit { contact: owner, op }]
}

/// The reconnect and today lists.
pub fn lists(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let page = isize::try_from(state.page.max(1)).unwrap_or(1);
    let Some(Popup::Lists(l)) = state.popup.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Down => l.step(1),
        Action::Up => l.step(-1),
        Action::PageDown => l.step(page),
        Action::PageUp => l.step(-page),
        Action::Top => l.top(),
        Action::Bottom => l.bottom(),
        Action::Back | Action::Quit => state.popup = None,
        Action::Open => {
            let target = l.selected().cloned();
            match target {
                Some(item) => jump_to(state, journal, &item, now.date_naive()),
                None => state.say("nothing to open here"),
            }
        }
        Action::Brief => match l.selected().and_then(Item::person) {
            Some(ix) => open_brief(state, journal, ix, now.date_naive()),
            None => state.say("no person highlighted"),
        },
        Action::MatchNeed => match l.selected().cloned() {
            Some(Item::Need(n)) => match journal.contact(n.ix) {
                Some(owner) => {
                    let helpers = crate::serve::helpers(journal, n.ix, &n.need);
                    let back = state.popup.take().map(Box::new);
                    state.popup = Some(Popup::Helpers(Helpers {
                        owner: owner.id.clone(),
                        need: n.need.id,
                        what: n.need.what.clone(),
                        helpers,
                        sel: 0,
                        back,
                    }));
                }
                None => state.warn("that person is gone from the journal"),
            },
            _ => state.say("m shows who could help with a need; highlight one first"),
        },
        Action::MarkDone => match l.selected() {
            Some(Item::FollowUp(f)) => {
                let (ix, id) = (f.ix, f.id);
                match journal.contact(ix) {
                    Some(c) if super::broken::refused(state, journal, &c.id) => {}
                    Some(c) => {
                        return vec![Effect::FollowUpDone {
                            contact: c.id.clone(),
                            id,
                        }];
                    }
                    None => state.warn("that person is gone from the journal"),
                }
            }
            _ => state.say("space marks a promise done; highlight one first"),
        },
        _ => {}
    }
    Vec::new()
}

/// Enter on a list item: close the list and select that person in the main screen (their
/// need in the needs pane when the item is a need).
fn jump_to(state: &mut AppState, journal: &Journal, item: &Item, today: NaiveDate) {
    let Some(ix) = item.person() else {
        return;
    };
    state.popup = None;
    if let Some(pos) = state.rows.iter().position(|r| r.ix == ix) {
        state.contact_sel = pos;
    } else if !state.show_person(journal, today, ix) {
        // A filter hides them, or they are archived: shown through the filter; never
        // whoever is first in the list.
        state.warn("that person cannot be listed; nothing is selected for them");
        return;
    }
    state.timeline_sel = 0;
    state.needs_sel = 0;
    state.focus = Pane::Contacts;
    if let Item::Need(n) = item {
        state.needs_all = false;
        state.focus = Pane::Needs;
        if let Some(pos) = state::needs(state, journal)
            .iter()
            .position(|(_, need)| need.id == n.need.id)
        {
            state.needs_sel = pos;
        }
    }
    let name = journal.contact(ix).map(|c| c.name.as_str()).unwrap_or("");
    state.say(inert_line(name).into_owned());
}
