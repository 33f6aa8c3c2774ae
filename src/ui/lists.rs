//! `R` and `T`: the reconnect and today lists, full screen, one column, the highlighted
//! item kept in view. Warm wording: "reconnect with", "it has been 45 days".

use super::helpers::reason_spans;
use super::text::{line, scroll_offset, wrap_spans};
use super::{Theme, popup_block};
use crate::app::hits::{Hits, Target};
use crate::app::lists::{Item, ListKind, Lists};
use crate::journal::Journal;
use crate::serve::wording::{day, days_until, due, plural};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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
    t: &Theme,
) -> Vec<Line<'static>> {
    // The selected item is marked like the selected contact, so it shows without colour too.
    let lead = if sel { "▶ " } else { "  " };
    let strong = if sel {
        t.selected(true)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let head = match item {
        Item::Heading(h) => {
            return vec![Line::default(), Line::styled(h.clone(), t.heading())];
        }
        Item::Quiet(q) => return wrap_spans(&[Span::styled(format!("  {q}"), t.dim())], w, 2),
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
                Span::styled(needs, t.fg(t.need)),
            ]
        }
        Item::FollowUp(f) => {
            let when = t.fg(if f.days_late > 0 { t.overdue } else { t.ok });
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
                    Span::styled(format!(" ({})", plural(n.age_days, "day", "days")), t.dim()),
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
                    spans.extend(reason_spans(r, t));
                }
                out.extend(wrap_spans(&spans, w, 6));
            }
            return out;
        }
    };
    wrap_spans(&head, w, 4)
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    journal: &Journal,
    l: &Lists,
    today: NaiveDate,
    t: &Theme,
    hits: &mut Hits,
) {
    let title = match l.kind {
        ListKind::Today => format!("Today, {}", today.format("%A %-d %B %Y")),
        ListKind::Reconnect => l.kind.title().to_string(),
    };
    let block = popup_block(f, area, title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width).max(1);
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_end = 0;
    // Where each selectable item's lines are, for the mouse.
    let mut places = Vec::new();
    for (i, item) in l.items.iter().enumerate() {
        let mut item_lines = item_lines(journal, item, today, w, i == l.sel, t);
        if lines.is_empty() && matches!(item, Item::Heading(_)) {
            // No blank line above the first heading.
            item_lines.remove(0);
        }
        if item.person().is_some() {
            places.push((i, lines.len(), item_lines.len()));
        }
        lines.extend(item_lines);
        if i == l.sel {
            sel_end = lines.len().saturating_sub(1);
        }
    }
    let offset = scroll_offset(sel_end, height);
    for (i, first, n) in places {
        let top = first.max(offset);
        let end = (first + n).min(offset + height);
        if end > top {
            let y = inner.y + u16::try_from(top - offset).unwrap_or(u16::MAX);
            let h = u16::try_from(end - top).unwrap_or(u16::MAX);
            hits.push(
                Rect {
                    y,
                    height: h,
                    ..inner
                },
                Target::ListRow(i),
            );
        }
    }
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
