//! Drawing. Every widget here only borrows the state and the journal; nothing mutates.
//! Text from files goes through `text::line` (or `sanitize::inert`) before it is drawn.
//! Colours come from the theme, by role (`theme.rs`).

mod brief;
mod capture;
mod card;
mod contacts;
mod entry;
mod find;
mod footer;
mod help;
mod helpers;
mod history;
mod lists;
mod need;
mod needs;
mod people;
mod popups;
mod review;
mod stats;
mod stats_more;
mod sync;
pub mod text;
pub mod theme;
mod timeline;
mod welcome;

pub use theme::Theme;

use crate::app::hits::{Hits, Target};
use crate::app::state::{AppState, Ask, Pane, Popup};
use crate::journal::Journal;
use crate::keymap::Keymap;
use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// From this width the three panes stand side by side.
pub const WIDE: u16 = 100;
/// From this width (and below `WIDE`) the contacts and the person's card share the screen;
/// the timeline takes it whole when it has focus.
pub const MEDIUM: u16 = 72;
/// Below this size nothing useful fits; a short message is shown instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// What a frame left behind for the loop.
#[derive(Debug, Default)]
pub struct Drawn {
    /// The furthest the open brief, need or history can scroll, when one is open.
    pub scroll_max: Option<u16>,
    /// What was drawn where, for the mouse.
    pub hits: Hits,
}

/// Draw everything in the default theme.
pub fn draw(
    f: &mut Frame,
    state: &AppState,
    journal: &Journal,
    keymap: &Keymap,
    now: DateTime<FixedOffset>,
) {
    draw_themed(f, state, journal, keymap, &Theme::default(), now);
}

/// Draw everything in `theme`.
pub fn draw_themed(
    f: &mut Frame,
    state: &AppState,
    journal: &Journal,
    keymap: &Keymap,
    theme: &Theme,
    now: DateTime<FixedOffset>,
) -> Drawn {
    let area = f.area();
    let mut drawn = Drawn::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(format!(
            "rolo needs at least {MIN_WIDTH}×{MIN_HEIGHT}; make the terminal larger"
        ))
        .wrap(ratatui::widgets::Wrap { trim: true });
        f.render_widget(msg, area);
        return drawn;
    }
    let [main, status, keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let today = now.date_naive();
    let t = theme;
    let hits = &mut drawn.hits;
    let empty = journal.contacts().is_empty() && !journal.is_loading_older();
    if empty {
        welcome::draw(f, main, state, keymap, t);
    } else {
        panes(f, main, state, journal, t, today, hits);
    }
    footer::status(f, status, state, journal, t);
    footer::keys(f, keys, state, keymap, empty, t);
    // The note's "when", asked with `ctrl-t`, is edited in the note's own box.
    let asking_time = match &state.popup {
        Some(Popup::Input(input)) if input.ask == Ask::NoteTime => Some(input),
        _ => None,
    };
    if let Some(cap) = &state.capture {
        capture::draw(f, main, cap, asking_time, journal, now, t);
        hits.cover(main);
    }
    let Some(popup) = &state.popup else {
        return drawn;
    };
    // A popup covers the panes: their rows are not there to click.
    hits.cover(main);
    match popup {
        Popup::Input(_) if asking_time.is_some() && state.capture.is_some() => {}
        Popup::Help { scroll } => help::draw(f, main, keymap, *scroll, t),
        Popup::Entry { id, scroll } => entry::draw(f, main, journal, id, *scroll, now, t),
        Popup::Problems { scroll } => popups::problems(f, main, journal, *scroll, t),
        Popup::Input(input) => popups::input(f, main, input, now, t),
        Popup::Confirm { text, .. } => popups::confirm(f, main, text, t),
        Popup::Drafts { drafts } => popups::drafts(f, main, drafts, journal, t),
        Popup::EditFailed { error, .. } => popups::edit_failed(f, main, error, t),
        Popup::PickNeed(pick) => popups::pick_need(f, main, pick, journal, t),
        Popup::PickPerson(pick) => people::pick(f, main, pick, journal, t),
        Popup::Merge(view) => {
            let undoable = state.undo_at_hand && state.history_off.is_none();
            people::confirm(f, main, view, undoable, t)
        }
        Popup::Brief { brief, scroll, .. } => {
            drawn.scroll_max = Some(brief::draw(f, main, journal, brief, *scroll, today, t));
        }
        Popup::Helpers(h) => helpers::draw(f, main, journal, h, t),
        Popup::Lists(l) => lists::draw(f, main, journal, l, today, t, hits),
        Popup::Need(view) => {
            drawn.scroll_max = Some(need::draw(f, main, journal, view, today, t));
        }
        Popup::Find(view) => find::draw(f, main, journal, view, today, t),
        Popup::Stats(view) => stats::draw(f, main, journal, view, t),
        Popup::Review {
            lines,
            scroll,
            week,
        } => {
            drawn.scroll_max = Some(review::draw(f, main, lines, *scroll, *week, t));
        }
        Popup::History(h) => {
            drawn.scroll_max = Some(history::draw(f, main, h, t));
        }
        Popup::Sync(view) => sync::draw(f, main, view, state.picking_sync, t),
    }
    drawn
}

/// The panes, laid out for the width: three columns when wide; the contacts beside the person
/// (card, needs and promises) when medium, the timeline alone when it has focus; one pane at
/// a time when narrow.
fn panes(
    f: &mut Frame,
    main: Rect,
    state: &AppState,
    journal: &Journal,
    t: &Theme,
    today: NaiveDate,
    hits: &mut Hits,
) {
    let w = main.width;
    if w >= WIDE {
        // At 120 columns: 29 for the contacts (names of 15 letters whole), 52 for the
        // timeline, 39 for the person.
        let cw = (w * 24).div_ceil(100).clamp(26, 40);
        let rw = (w * 33 / 100).clamp(30, 64);
        let [c, tl, r] = Layout::horizontal([
            Constraint::Length(cw),
            Constraint::Fill(1),
            Constraint::Length(rw),
        ])
        .areas(main);
        contacts::draw(f, c, state, journal, today, false, t, hits);
        timeline::draw(f, tl, state, journal, today, false, t, hits);
        person(f, r, state, journal, today, false, t, hits);
    } else if w >= MEDIUM && state.focus != Pane::Timeline {
        let cw = (w * 42 / 100).clamp(28, 40);
        let [c, r] = Layout::horizontal([Constraint::Length(cw), Constraint::Fill(1)]).areas(main);
        // Only the focused pane says where tab goes next.
        let on = |p: Pane| state.focus == p;
        contacts::draw(f, c, state, journal, today, on(Pane::Contacts), t, hits);
        person(f, r, state, journal, today, on(Pane::Needs), t, hits);
    } else {
        match state.focus {
            Pane::Contacts => contacts::draw(f, main, state, journal, today, true, t, hits),
            Pane::Timeline => timeline::draw(f, main, state, journal, today, true, t, hits),
            Pane::Needs => person(f, main, state, journal, today, true, t, hits),
        }
    }
}

/// The person column: their card above, their needs and promises below, each as tall as it
/// needs when both fit; otherwise the card gets two fifths (what does not fit folds away,
/// notes first) unless the needs leave it more. With `o` the whole column lists every open
/// need instead.
#[allow(clippy::too_many_arguments)]
fn person(
    f: &mut Frame,
    area: Rect,
    state: &AppState,
    journal: &Journal,
    today: NaiveDate,
    narrow: bool,
    t: &Theme,
    hits: &mut Hits,
) {
    let contact = state.selected_ix().and_then(|ix| journal.contact(ix));
    let Some(contact) = contact.filter(|_| !state.needs_all) else {
        needs::draw(f, area, state, journal, today, narrow, t, hits);
        return;
    };
    let inner_w = usize::from(area.width.saturating_sub(2));
    let card_lines = card::lines(contact, journal, today, inner_w, t);
    let needs_lines = needs::height(state, journal, today, inner_w, t);
    let h = area.height;
    let card_want = u16::try_from(card_lines.len() + 2).unwrap_or(u16::MAX);
    let needs_want = u16::try_from(needs_lines + 2).unwrap_or(u16::MAX);
    let card_h = card_want.min((h * 2 / 5).max(h.saturating_sub(needs_want)));
    let [c, n] = Layout::vertical([Constraint::Length(card_h), Constraint::Fill(1)]).areas(area);
    card::draw(f, c, contact, card_lines, t, hits);
    needs::draw(f, n, state, journal, today, narrow, t, hits);
}

/// A pane's frame: thick and in the accent colour when it has focus. In narrow layouts the
/// title also says which pane comes next.
fn pane_block(title: String, focused: bool, narrow: bool, pane: Pane, t: &Theme) -> Block<'static> {
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
            .border_style(t.fg(t.accent))
            .title_style(Style::new().add_modifier(Modifier::BOLD))
    } else {
        block.border_style(t.fg(t.border))
    }
}

/// The card's frame: quiet like an unfocused pane (the card is read, never selected in), the
/// person's name as its title.
fn card_block(name: String, t: &Theme) -> Block<'static> {
    Block::bordered()
        .border_style(t.fg(t.border))
        .title(format!(" {name} "))
        .title_style(Style::new().add_modifier(Modifier::BOLD))
}

/// Record a pane's area (a click there focuses it).
fn pane_hit(hits: &mut Hits, area: Rect, pane: Pane) {
    hits.push(area, Target::Pane(pane));
}

/// A popup's frame over a cleared area.
fn popup_block(f: &mut Frame, area: Rect, title: String, t: &Theme) -> Block<'static> {
    f.render_widget(Clear, area);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.fg(t.popup))
        // Titles carry names from files; making them inert here covers every popup.
        .title(format!(" {} ", text::line(&title)))
}
