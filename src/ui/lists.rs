//! `R` and `T`: the reconnect and today lists, full screen, one column, the highlighted
//! item kept in view. Warm wording: "reconnect with", "it has been 45 days".

use super::helpers::reason_spans;
use super::text::{line, scroll_offset, wrap_spans};
use super::{dim, popup_block, selected_style};
use crate::app::lists::{Item, ListKind, Lists};
use crate::journal::Journal;
use crate::serve::wording::{day, days_until, due, plural};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn name(j: &Journal, ix: usize) -> String {
    j.contact(ix).map(|c| line(&c.name)).unwrap_or_default()
}

/// The spans of one item; the first line is the one highlighted when selected.
fn item_lines(
    j: &Journal,
    item: &Item,
    today: NaiveDate,
    w: usize,
    sel: bool,
) -> Vec<Line<'static>> {
    // The selected item is marked like the selected contact, so it shows without colour too.
    let lead = if sel { "▶ " } else { "  " };
    let strong = if sel {
        selected_style(true)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let head = match item {
        Item::Heading(h) => {
            return vec![
                Line::default(),
                Line::styled(
                    h.clone(),
                    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                ),
            ];
        }
        Item::Quiet(q) => return wrap_spans(&[Span::styled(format!("  {q}"), dim())], w, 2),
        Item::Reconnect(o) => {
            let since = match o.days_since {
                Some(days) => format!(" — it has been {}", plural(days, "day", "days")),
                None => " — nothing logged together yet".into(),
            };
            let needs = if o.open_needs > 0 {
                format!(
                    " · {}",
                    plural(o.open_needs as i64, "open need", "open needs")
                )
            } else {
                String::new()
            };
            vec![
                Span::raw(format!("{lead}Reconnect with ")),
                Span::styled(name(j, o.ix), strong),
                Span::raw(since),
                Span::styled(needs, Style::new().fg(Color::Yellow)),
            ]
        }
        Item::FollowUp(f) => {
            let when = Style::new().fg(if f.days_late > 0 {
                Color::Red
            } else {
                Color::Green
            });
            vec![
                Span::raw(format!("{lead}☐ ")),
                Span::styled(name(j, f.ix), strong),
                Span::raw(format!(": {} — ", line(&f.what))),
                Span::styled(
                    format!("{} ({})", due(f.days_late), day(f.due, today)),
                    when,
                ),
            ]
        }
        Item::Birthday(b) => {
            let turning = b
                .turning
                .map(|t| format!(", turning {t}"))
                .unwrap_or_default();
            vec![
                Span::raw(format!("{lead}◇ ")),
                Span::styled(name(j, b.ix), strong),
                Span::raw(format!(
                    " — {}, {}{turning}",
                    b.date.format("%A %-d %B"),
                    days_until(b.days_until)
                )),
            ]
        }
        Item::Need(n) => {
            let mut out = wrap_spans(
                &[
                    Span::raw(lead),
                    Span::styled(name(j, n.ix), strong),
                    Span::raw(format!(" needs: {}", line(&n.need.what))),
                    Span::styled(format!(" ({})", plural(n.age_days, "day", "days")), dim()),
                ],
                w,
                4,
            );
            for h in &n.helpers {
                let mut spans = vec![
                    Span::raw("    → "),
                    Span::styled(name(j, h.ix), Style::new().add_modifier(Modifier::BOLD)),
                ];
                if let Some(r) = h.reasons.first() {
                    spans.push(Span::raw(": "));
                    spans.extend(reason_spans(r));
                }
                out.extend(wrap_spans(&spans, w, 6));
            }
            return out;
        }
    };
    wrap_spans(&head, w, 4)
}

pub fn draw(f: &mut Frame, area: Rect, journal: &Journal, l: &Lists, today: NaiveDate) {
    let title = match l.kind {
        ListKind::Today => format!("Today, {}", today.format("%A %-d %B %Y")),
        ListKind::Reconnect => l.kind.title().to_string(),
    };
    let block = popup_block(f, area, title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width).max(1);
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_end = 0;
    for (i, item) in l.items.iter().enumerate() {
        let mut item_lines = item_lines(journal, item, today, w, i == l.sel);
        if lines.is_empty() && matches!(item, Item::Heading(_)) {
            // No blank line above the first heading.
            item_lines.remove(0);
        }
        lines.extend(item_lines);
        if i == l.sel {
            sel_end = lines.len().saturating_sub(1);
        }
    }
    let offset = scroll_offset(sel_end, height);
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
