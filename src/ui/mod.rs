//! Drawing. Every widget here only borrows the state and the journal; nothing mutates.
//! Text from files goes through `text::line` (or `sanitize::inert`) before it is drawn.

mod brief;
mod capture;
mod contacts;
mod entry;
mod footer;
mod help;
mod helpers;
mod history;
mod lists;
mod needs;
mod popups;
pub mod text;
mod timeline;

use crate::app::state::{AppState, Pane, Popup};
use crate::journal::Journal;
use crate::keymap::Keymap;
use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Below this width one pane is shown at a time.
pub const WIDE: u16 = 100;
/// Below this size nothing useful fits; a short message is shown instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

pub fn draw(
    f: &mut Frame,
    state: &AppState,
    journal: &Journal,
    keymap: &Keymap,
    now: DateTime<FixedOffset>,
) {
    draw_measured(f, state, journal, keymap, now);
}

/// Draw everything. Returns the furthest the open brief or history can scroll (when one is
/// open), so the loop can clamp the scroll to what the screen shows.
pub fn draw_measured(
    f: &mut Frame,
    state: &AppState,
    journal: &Journal,
    keymap: &Keymap,
    now: DateTime<FixedOffset>,
) -> Option<u16> {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(format!(
            "rolo needs at least {MIN_WIDTH}×{MIN_HEIGHT}; make the terminal larger"
        ))
        .wrap(ratatui::widgets::Wrap { trim: true });
        f.render_widget(msg, area);
        return None;
    }
    let [main, status, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let today = now.date_naive();
    if area.width >= WIDE {
        let [c, t, n] = Layout::horizontal([
            Constraint::Percentage(28),
            Constraint::Percentage(44),
            Constraint::Percentage(28),
        ])
        .areas(main);
        contacts::draw(f, c, state, journal, today, false);
        timeline::draw(f, t, state, journal, today, false);
        needs::draw(f, n, state, journal, today, false);
    } else {
        match state.focus {
            Pane::Contacts => contacts::draw(f, main, state, journal, today, true),
            Pane::Timeline => timeline::draw(f, main, state, journal, today, true),
            Pane::Needs => needs::draw(f, main, state, journal, today, true),
        }
    }
    footer::status(f, status, state, journal);
    footer::keys(f, keys, state, keymap);
    if let Some(cap) = &state.capture {
        capture::draw(f, main, cap, journal);
    }
    match &state.popup {
        None => {}
        Some(Popup::Help { scroll }) => help::draw(f, main, keymap, *scroll),
        Some(Popup::Entry { id, scroll }) => entry::draw(f, main, journal, id, *scroll, now),
        Some(Popup::Problems { scroll }) => popups::problems(f, main, journal, *scroll),
        Some(Popup::Input(input)) => popups::input(f, main, input, now),
        Some(Popup::Confirm { text, .. }) => popups::confirm(f, main, text),
        Some(Popup::Drafts { drafts }) => popups::drafts(f, main, drafts, journal),
        Some(Popup::EditFailed { error, .. }) => popups::edit_failed(f, main, error),
        Some(Popup::PickNeed(pick)) => popups::pick_need(f, main, pick, journal),
        Some(Popup::Brief { brief, scroll, .. }) => {
            return Some(brief::draw(f, main, journal, brief, *scroll, today));
        }
        Some(Popup::Helpers(h)) => helpers::draw(f, main, journal, h),
        Some(Popup::Lists(l)) => lists::draw(f, main, journal, l, today),
        Some(Popup::History(h)) => return Some(history::draw(f, main, h)),
    }
    None
}

/// A pane's frame: thick and coloured when it has focus. In narrow layouts the title also
/// says which pane comes next.
fn pane_block(title: String, focused: bool, narrow: bool, pane: Pane) -> Block<'static> {
    let title = if narrow {
        let next = match pane.next() {
            Pane::Contacts => "Contacts",
            Pane::Timeline => "Timeline",
            Pane::Needs => "Needs",
        };
        format!(" {title} · tab: {next} ")
    } else {
        format!(" {title} ")
    };
    let block = Block::bordered().title(text::line(&title));
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(Style::new().fg(Color::Cyan))
            .title_style(Style::new().add_modifier(Modifier::BOLD))
    } else {
        block.border_style(Style::new().fg(Color::DarkGray))
    }
}

/// A popup's frame over a cleared area.
fn popup_block(f: &mut Frame, area: Rect, title: String) -> Block<'static> {
    f.render_widget(Clear, area);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(Style::new().fg(Color::Yellow))
        // Titles carry names from files; making them inert here covers every popup.
        .title(format!(" {} ", text::line(&title)))
}

fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

fn selected_style(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
