//! `H`: the selected person's history, every change that touched them, newest first: when,
//! and the change's line as the command line and `rolo log` say it.

use super::text::{centered, line, wrap_spans};
use super::{Theme, popup_block};
use crate::app::state::PersonHistory;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// "2026-12-03 10:04" and the gap after it.
const DATE_COLUMN: usize = 18;

/// Draw it; the furthest it can scroll.
pub fn draw(f: &mut Frame, area: Rect, h: &PersonHistory, t: &Theme) -> u16 {
    let rect = centered(area, 90, area.height.saturating_sub(2).max(8));
    let block = popup_block(f, rect, format!("History · {}", h.name), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let width = usize::from(inner.width).max(1);
    let lines: Vec<Line> = match &h.read {
        None => vec![Line::styled("reading the history…", t.dim())],
        Some(Err(why)) => wrap_spans(&[Span::styled(line(why), t.fg(t.warning))], width, 0),
        Some(Ok(rows)) if rows.is_empty() => vec![Line::styled(
            format!("no changes about {} in the history yet", line(&h.name)),
            t.dim(),
        )],
        Some(Ok(rows)) => rows
            .iter()
            .flat_map(|r| {
                let spans = [
                    Span::styled(format!("{:<DATE_COLUMN$}", line(&r.date)), t.dim()),
                    Span::raw(line(&r.line)),
                ];
                wrap_spans(&spans, width, DATE_COLUMN)
            })
            .collect(),
    };
    // Scrolled by whole lines, no further than where the last line is at the bottom.
    let last =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    f.render_widget(Paragraph::new(lines).scroll((h.scroll.min(last), 0)), inner);
    last
}
