//! Which need `x` or `d` is about, when the person has several open: j/k and Enter, or the
//! need's number.

use super::Effect;
use super::forms;
use crate::action::Action;
use crate::app::state::{AppState, Popup};
use crate::journal::Journal;

pub fn update(state: &mut AppState, journal: &Journal, action: Action) -> Vec<Effect> {
    let Some(Popup::PickNeed(pick)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let last = pick.needs.len().saturating_sub(1);
    let chosen = match action {
        Action::Down => {
            pick.sel = (pick.sel + 1).min(last);
            None
        }
        Action::Up => {
            pick.sel = pick.sel.saturating_sub(1);
            None
        }
        Action::Submit => pick.needs.get(pick.sel).copied(),
        Action::Type(c) => {
            let error = match c.to_digit(10) {
                Some(n) if pick.needs.contains(&n) => return choose(state, journal, n),
                Some(n) => format!("no open need #{n} here"),
                None => "pick with j/k and enter, or type the need's number".to_string(),
            };
            pick.error = Some(error);
            None
        }
        Action::Back => {
            state.popup = None;
            return Vec::new();
        }
        _ => None,
    };
    match chosen {
        Some(need) => choose(state, journal, need),
        None => Vec::new(),
    }
}

fn choose(state: &mut AppState, journal: &Journal, need: u32) -> Vec<Effect> {
    if let Some(Popup::PickNeed(pick)) = state.popup.take() {
        forms::change_need(state, journal, pick.contact, need, pick.met);
    }
    Vec::new()
}
