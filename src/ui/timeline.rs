//! The timeline pane: one row per entry (date, kind, the other people, first line of the
//! note), this person's or everyone's. Rows are built only for the visible lines.

use super::text::{fit, line, pad, relative_date, scroll_offset};
use super::{dim, pane_block, selected_style};
use crate::app::state::{self, AppState, Pane};
use crate::journal::Journal;
use crate::model::Entry;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(
    f: &mut Frame,
    area: Rect,
    state: &AppState,
    journal: &Journal,
    today: NaiveDate,
    narrow: bool,
) {
    let focused = state.focus == Pane::Timeline;
    let person = state.selected_ix().and_then(|ix| journal.contact(ix));
    let len = state::timeline_len(state, journal);
    let title = match (state.timeline_all, person) {
        (true, _) => format!("Timeline · everyone {len}"),
        (false, Some(c)) => format!("Timeline · {} {len}", fit(&line(&c.name), 30)),
        (false, None) => "Timeline".to_string(),
    };
    let title = if journal.is_loading_older() {
        format!("{title} · loading older entries…")
    } else {
        title
    };
    let block = pane_block(title, focused, narrow, Pane::Timeline);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let me = if state.timeline_all {
        None
    } else {
        person.map(|c| c.id.as_str())
    };
    let offset = scroll_offset(state.timeline_sel, height);
    let mut lines: Vec<Line> = state::timeline(state, journal)
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, e)| entry_row(e, me, i == state.timeline_sel, focused, journal, today, w))
        .collect();
    if lines.is_empty() {
        let msg = if person.is_some() || state.timeline_all {
            "Nothing here yet — press n to add a note."
        } else {
            "Select a contact to see their timeline."
        };
        lines.push(Line::styled(fit(msg, w), dim()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn entry_row(
    e: &Entry,
    me: Option<&str>,
    selected: bool,
    focused: bool,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
) -> Line<'static> {
    let base = if selected {
        selected_style(focused)
    } else {
        Style::new()
    };
    let date = pad(&relative_date(e.at.date_naive(), today), 11);
    let kind = pad(&line(e.kind.as_str()), 8);
    let others: Vec<String> = e
        .with
        .iter()
        .filter(|id| Some(id.as_str()) != me)
        .map(|id| {
            let name = journal.name_of(id);
            line(name.split_whitespace().next().unwrap_or(name))
        })
        .collect();
    let rest = w.saturating_sub(20);
    // The names get at most half the room, and always end in ": " so the note reads apart.
    let who = if others.is_empty() {
        String::new()
    } else {
        format!(
            "{}: ",
            fit(&others.join(", "), (rest / 2).saturating_sub(2))
        )
    };
    let note = pad(
        &line(e.first_line()),
        rest.saturating_sub(super::text::width(&who)),
    );
    Line::from(vec![
        Span::styled(date, base.fg(Color::Gray)),
        Span::styled(kind, base.fg(Color::Cyan)),
        Span::raw(" "),
        Span::styled(who, base.fg(Color::Green)),
        Span::styled(note, base),
    ])
}
