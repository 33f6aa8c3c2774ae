//! The needs pane: this person's needs (open first with their age, then met and dropped,
//! dimmed), or every open need in the network with whose it is.

use super::text::{age, fit, line, pad, scroll_offset, width};
use super::{dim, pane_block, selected_style};
use crate::app::state::{self, AppState, Pane};
use crate::journal::Journal;
use crate::model::NeedStatus;
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
    let focused = state.focus == Pane::Needs;
    let list = state::needs(state, journal);
    let open = list
        .iter()
        .filter(|(_, n)| n.status == NeedStatus::Open)
        .count();
    let title = if state.needs_all {
        format!("Open needs · everyone {open}")
    } else {
        match state.selected_ix().and_then(|ix| journal.contact(ix)) {
            Some(c) => format!("Needs · {} {open} open", fit(&line(c.short_name()), 20)),
            None => "Needs".into(),
        }
    };
    let block = pane_block(title, focused, narrow, Pane::Needs);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    // The needs live in the contact file: when it does not load, say where and how to fix it.
    let broken = (!state.needs_all)
        .then(|| state.selected_ix().and_then(|ix| journal.broken(ix)))
        .flatten();
    if let Some(p) = broken {
        let warn = Style::new().fg(Color::Red);
        let place = format!("⚠ {}:{}:{}", p.path.display(), p.line, p.col);
        lines.push(Line::styled(fit(&line(&place), w), warn));
        lines.push(Line::styled(fit(&line(&p.message), w), warn));
        let advice = "does not load; e edits it, nothing else changes it";
        lines.push(Line::styled(fit(advice, w), dim()));
    }
    let height = usize::from(inner.height).saturating_sub(lines.len());
    let offset = scroll_offset(state.needs_sel, height);
    for (i, (ix, need)) in list.iter().enumerate().skip(offset).take(height) {
        let selected = i == state.needs_sel;
        let base = if selected {
            selected_style(focused)
        } else {
            Style::new()
        };
        let (mark, style, tail) = match need.status {
            NeedStatus::Open => (
                "● ",
                base.fg(Color::Yellow),
                age((today - need.since).num_days()),
            ),
            NeedStatus::Met => (
                "✓ ",
                base.patch(dim()),
                need.how.as_deref().map(line).unwrap_or_default(),
            ),
            NeedStatus::Dropped => ("✗ ", base.patch(dim()), "dropped".into()),
        };
        let whose = if state.needs_all {
            journal
                .contact(*ix)
                .map(|c| format!(" · {}", line(c.short_name())))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let tail = if tail.is_empty() {
            String::new()
        } else {
            format!(" {tail}")
        };
        let tail = fit(&tail, w.saturating_sub(2) / 2);
        let what_w = w.saturating_sub(2 + width(&tail));
        let what = pad(&format!("{whose}{}", line(&need.what)), what_w);
        let text_style = if need.status == NeedStatus::Open {
            base
        } else {
            base.patch(dim())
        };
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::styled(what, text_style),
            Span::styled(tail, base.patch(dim())),
        ]));
    }
    if list.is_empty() && broken.is_none() {
        let msg = if state.needs_all {
            "No open needs anywhere."
        } else {
            "No needs — press N to record one."
        };
        lines.push(Line::styled(fit(msg, w), dim()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
