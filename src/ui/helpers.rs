//! `m` on an open need: who could help, best first, with the matched characters of each
//! reason highlighted and a mark on strong matches.

use super::text::{centered, fit, line, scroll_offset, width, wrap_spans};
use super::{Theme, popup_block};
use crate::app::state::Helpers;
use crate::journal::Journal;
use crate::serve::{Helper, Reason};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Reasons shown under each person; the rest add little.
const REASONS: usize = 2;

fn hit(t: &Theme) -> Style {
    t.fg(t.matched).add_modifier(Modifier::BOLD)
}

/// "can help with “hiring designers”" with the matched characters highlighted.
pub fn reason_spans(r: &Reason, t: &Theme) -> Vec<Span<'static>> {
    // Sanitising swaps one char for one char, so the positions still line up.
    let phrase = line(&r.phrase);
    let (lead, close) = r.source.frame();
    let mut spans = vec![Span::raw(lead)];
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in phrase.chars().enumerate() {
        let is_hit = r.positions.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            let style = if run_hit { hit(t) } else { Style::new() };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hit { hit(t) } else { Style::new() },
        ));
    }
    spans.push(Span::raw(close));
    spans
}

/// The lines of one helper: the name (with a mark when strong), then why, wrapped.
fn helper_lines(
    journal: &Journal,
    h: &Helper,
    w: usize,
    selected: bool,
    t: &Theme,
) -> Vec<Line<'static>> {
    let name = journal
        .contact(h.ix)
        .map(|c| line(&c.name))
        .unwrap_or_default();
    let base = if selected {
        t.selected(true)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let mark = if h.strong { "★ " } else { "· " };
    let tail = if h.strong { " strong match" } else { "" };
    let head = fit(&format!("{mark}{name}"), w.saturating_sub(width(tail)));
    let mut out = vec![Line::from(vec![
        Span::styled(head, base),
        Span::styled(tail, t.fg(t.ok)),
    ])];
    for r in h.reasons.iter().take(REASONS) {
        let mut spans = vec![Span::raw("    ")];
        spans.extend(reason_spans(r, t));
        out.extend(wrap_spans(&spans, w, 4));
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, journal: &Journal, h: &Helpers, t: &Theme) {
    let outer = centered(area, 90, area.height);
    let w = usize::from(outer.width.saturating_sub(2));
    let mut lines: Vec<Line> = wrap_spans(
        &[
            Span::styled("Need: ", t.dim()),
            Span::styled(line(&h.what), t.fg(t.need)),
        ],
        w,
        6,
    );
    lines.push(Line::default());
    let mut sel_end = 0;
    for (i, helper) in h.helpers.iter().enumerate() {
        lines.extend(helper_lines(journal, helper, w, i == h.sel, t));
        if i == h.sel {
            sel_end = lines.len() - 1;
        }
    }
    lines.push(Line::default());
    let long = "enter logs an intro to the highlighted person · x: not a fit for this need";
    let hint = if long.chars().count() <= w {
        long
    } else {
        "enter logs an intro to the highlighted person"
    };
    lines.push(Line::styled(fit(hint, w), t.dim()));
    let want = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 90, want);
    let owner = journal.name_of(&h.owner);
    let block = popup_block(f, rect, format!("Who could help {}", line(owner)), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let height = usize::from(inner.height);
    let offset = scroll_offset(sel_end, height);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
