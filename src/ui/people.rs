//! The merge's two screens: who to merge into the selected person (a picker ranked like the
//! contact filter), and what the merge will move, to confirm.

use super::text::{centered, fit, line};
use super::{Theme, popup_block};
use crate::app::people::{MergeView, PICKER_ROWS, PickPerson};
use crate::journal::Journal;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn pick(f: &mut Frame, area: Rect, pick: &PickPerson, journal: &Journal, t: &Theme) {
    let rows = pick.matches.len().clamp(1, PICKER_ROWS);
    let rect = centered(area, 64, u16::try_from(rows).unwrap_or(1).saturating_add(5));
    let name = line(journal.name_of(&pick.keep));
    let block = popup_block(f, rect, format!("Merge into {name}: who?"), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = usize::from(inner.width);
    let typed = line(pick.editor.text());
    let mut lines = vec![Line::raw(fit(&format!("> {typed}"), w)), Line::default()];
    let room = usize::from(inner.height.saturating_sub(3)).max(1);
    let first = super::text::scroll_offset(pick.sel, room);
    if pick.matches.is_empty() {
        lines.push(Line::styled("no one fits", t.dim()));
    }
    for (i, id) in pick.matches.iter().enumerate().skip(first).take(room) {
        let c = journal.by_id(id);
        let name = c.map_or_else(|| line(id), |c| line(&c.name));
        let aside = if c.is_some_and(|c| c.is_archived()) {
            " · archived"
        } else {
            ""
        };
        let mark = if i == pick.sel { "▶" } else { " " };
        let text = fit(&format!("{mark} {name}  ({}){aside}", line(id)), w);
        lines.push(if i == pick.sel {
            Line::styled(text, t.selected(true))
        } else {
            Line::raw(text)
        });
    }
    while lines.len() < usize::from(inner.height.saturating_sub(1)) {
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        fit(
            "type to narrow · ↑↓ move · enter: what moves · esc: cancel",
            w,
        ),
        t.fg(t.accent),
    ));
    f.render_widget(Paragraph::new(lines), inner);
    // The cursor after what is typed, as in the other questions.
    let before = line(pick.editor.text().get(..pick.editor.cursor()).unwrap_or(""));
    let x = super::text::width(&format!("> {before}"));
    let x = inner.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
    if x < inner.x.saturating_add(inner.width) {
        f.set_cursor_position(Position::new(x, inner.y));
    }
}

/// `undoable`: the history is on, so `u` (or `rolo undo`) takes the merge back.
pub fn confirm(f: &mut Frame, area: Rect, view: &MergeView, undoable: bool, t: &Theme) {
    // Each line wraps rather than being cut: what is dropped must be read whole.
    let width = area.width.min(90);
    let w = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = view
        .lines
        .iter()
        .map(|l| super::text::width(l).div_ceil(w).max(1))
        .sum();
    let rect = centered(
        area,
        width,
        u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(4),
    );
    let block = popup_block(f, rect, "Merge two people into one?".into(), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let lines: Vec<Line> = view
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::styled(l.clone(), t.fg(t.accent))
            } else if l.starts_with("  dropped:") {
                Line::styled(l.clone(), t.fg(t.error))
            } else {
                Line::raw(l.clone())
            }
        })
        .collect();
    // The keys keep the last row whatever the preview's length.
    let keys_at = inner.height.saturating_sub(1);
    let above = Rect {
        height: keys_at.saturating_sub(1),
        ..inner
    };
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), above);
    let keys = Rect {
        y: inner.y.saturating_add(keys_at),
        height: inner.height.min(1),
        ..inner
    };
    f.render_widget(
        Paragraph::new(Line::styled(
            fit(
                if undoable {
                    "y merge (one change; u or rolo undo takes it back) · n no"
                } else {
                    "y merge (for good: the history is off, so no undo) · n no"
                },
                w,
            ),
            t.dim(),
        )),
        keys,
    );
}
