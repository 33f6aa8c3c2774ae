//! The contacts pane: filter line, then one row per visible contact with days since last
//! contact, a marker when past their rhythm, open needs, and a mark when their file does
//! not load.

use super::text::{fit, line, pad, scroll_offset, width, wrap_text};
use super::{Theme, pane_block, pane_hit};
use crate::app::hits::{Hits, Target};
use crate::app::state::{AppState, Pane, Row, SortBy};
use crate::journal::Journal;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[allow(clippy::too_many_arguments)]
pub fn draw(
    f: &mut Frame,
    area: Rect,
    state: &AppState,
    journal: &Journal,
    today: NaiveDate,
    narrow: bool,
    t: &Theme,
    hits: &mut Hits,
) {
    let focused = state.focus == Pane::Contacts;
    let total = journal.contacts().len();
    let mut title = if state.query.is_empty() {
        // Those archived are out of this list; the count says they are still there.
        match journal
            .contacts()
            .iter()
            .filter(|c| c.is_archived())
            .count()
        {
            0 => format!("Contacts {total}"),
            aside => format!("Contacts {} · {aside} archived", total - aside),
        }
    } else {
        format!("Contacts {}/{total}", state.rows.len())
    };
    if state.sort != SortBy::Name && state.query.is_empty() {
        title.push_str(&format!(" · {}", state.sort.label()));
    }
    let block = pane_block(title, focused, narrow, Pane::Contacts, t);
    pane_hit(hits, area, Pane::Contacts);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if state.searching || !state.query.is_empty() {
        let cursor = if state.searching { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled("/", t.fg(t.matched)),
            Span::raw(fit(
                &format!("{}{cursor}", line(&state.query)),
                w.saturating_sub(1),
            )),
        ]));
    }
    let height = usize::from(inner.height).saturating_sub(lines.len());
    if state.rows.is_empty() {
        let msg = if total == 0 {
            "No contacts yet — press a to add one."
        } else if state.searching {
            "No match — backspace to change the filter, esc to clear it."
        } else {
            "No match — esc clears the filter, / changes it."
        };
        lines.extend(wrap_text(msg, t.dim(), w, 0));
    }
    let offset = scroll_offset(state.contact_sel, height);
    let top = inner.y + u16::try_from(lines.len()).unwrap_or(u16::MAX);
    for (i, row) in state.rows.iter().enumerate().skip(offset).take(height) {
        let y = top.saturating_add(u16::try_from(i - offset).unwrap_or(u16::MAX));
        hits.push(
            Rect {
                y,
                height: 1,
                ..inner
            },
            Target::Contact(i),
        );
        lines.push(contact_row(
            row,
            &state.name_matches(journal, row.ix),
            i == state.contact_sel,
            focused,
            journal,
            today,
            w,
            t,
        ));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

#[allow(clippy::too_many_arguments)]
fn contact_row(
    row: &Row,
    matched: &[usize],
    selected: bool,
    focused: bool,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Line<'static> {
    let Some(c) = journal.contact(row.ix) else {
        return Line::default();
    };
    let days = journal
        .days_since(row.ix, today)
        .map(|d| format!("{d}d"))
        // Not "never" while older months load: the last entry may be among them.
        .unwrap_or_else(|| {
            if journal.is_loading_older() {
                "…"
            } else {
                "—"
            }
            .into()
        });
    let overdue = journal.overdue_by(row.ix, today).is_some();
    let open = c.open_needs().count();
    let needs = if open > 0 {
        format!("●{open}")
    } else {
        String::new()
    };
    // Right side: "  45d ! ●2" in a fixed width so the columns line up.
    let right = format!("{days:>5} {} {needs:<2}", if overdue { "!" } else { " " });
    // A person whose file does not load is marked; the needs pane says where and why.
    let broken = journal.broken(row.ix).is_some();
    let mark = if broken { "⚠ " } else { "" };
    let name_w = w.saturating_sub(2 + width(mark) + width(&right));
    let name = line(&c.name);
    let shown = fit(&name, name_w);
    let base = if selected {
        t.selected(focused)
    } else {
        Style::new()
    };
    let hit = base
        .fg(t.matched)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = vec![Span::styled(if selected { "▶ " } else { "  " }, base)];
    if broken {
        spans.push(Span::styled(mark, base.fg(t.error)));
    }
    let kept = shown.chars().count() - usize::from(shown.ends_with('…') && shown != name);
    for (i, ch) in shown.chars().enumerate() {
        let style = if i < kept && matched.contains(&i) {
            hit
        } else {
            base
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    spans.push(Span::styled(
        " ".repeat(name_w.saturating_sub(width(&shown))),
        base,
    ));
    let right_style = if overdue {
        base.fg(t.overdue)
    } else {
        base.fg(t.label)
    };
    spans.push(Span::styled(
        pad(&right, w.saturating_sub(2 + width(mark) + name_w)),
        right_style,
    ));
    Line::from(spans)
}
