//! Enter on a need: the whole of it. What it is, since when, what you did for it (the intros
//! logged for it and what you gave that speaks of it), who could help, how it was met or that
//! it was dropped, and the keys that act on it.

use super::text::{centered, line, wrap_spans, wrap_text};
use super::{Theme, popup_block};
use crate::app::state::NeedView;
use crate::journal::Journal;
use crate::model::{Entry, NeedStatus};
use crate::serve::brief::done_about;
use crate::serve::wording::{day, plural};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The widest the view grows; long needs read better in a column than across a wide screen.
const MAX_W: u16 = 76;
/// Helpers named in the view; `i` lists them all.
const HELPERS: usize = 3;

pub fn lines(
    journal: &Journal,
    view: &NeedView,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let owner = journal.by_id(&view.contact);
    let Some((c, n)) = owner.and_then(|c| Some((c, c.need(view.need)?))) else {
        return wrap_text(
            "This need is gone (changed outside rolo). esc closes.",
            t.fg(t.error),
            w,
            0,
        );
    };
    let mut out = wrap_spans(
        &[Span::styled(
            line(&n.what),
            Style::new().add_modifier(Modifier::BOLD),
        )],
        w,
        0,
    );
    out.push(Line::default());
    let since = if n.since == NaiveDate::MIN {
        "Since: not written down".to_string()
    } else {
        let days = (today - n.since).num_days().max(0);
        format!("Since {} ({})", day(n.since, today), how_long(days))
    };
    let status = match n.status {
        NeedStatus::Open => Span::styled("open", t.fg(t.need)),
        NeedStatus::Met => Span::styled("met", t.fg(t.ok)),
        NeedStatus::Dropped => Span::styled("dropped", t.dim()),
    };
    out.extend(wrap_spans(
        &[Span::raw(format!("{since} · ")), status],
        w,
        2,
    ));
    let heading = |s: &str| Line::styled(s.to_string(), t.heading());
    out.push(Line::default());
    out.push(heading("What you did for it"));
    let timeline: Vec<&Entry> = journal
        .ix(&c.id)
        .map(|ix| journal.timeline_of(ix).collect())
        .unwrap_or_default();
    let done = done_about(journal.matcher(), n, &timeline);
    if done.is_empty() {
        let hint = if n.status == NeedStatus::Open {
            "Nothing logged yet. i shows who could help and logs the intro."
        } else {
            "Nothing logged."
        };
        out.extend(wrap_text(hint, t.dim(), w, 0));
    }
    for e in &done {
        let what = e.gave.as_deref().unwrap_or_else(|| e.first_line());
        out.extend(wrap_spans(
            &[
                Span::styled(
                    format!(
                        "• {} {} ",
                        day(e.at.date_naive(), today),
                        line(e.kind.as_str())
                    ),
                    t.fg(t.label),
                ),
                Span::raw(line(what)),
            ],
            w,
            2,
        ));
    }
    match n.status {
        NeedStatus::Open => {
            out.push(Line::default());
            out.push(heading("Who could help"));
            let names: Vec<Span> = view
                .helpers
                .iter()
                .take(HELPERS)
                .filter_map(|h| {
                    let name = journal.contact(h.ix).map(|c| line(&c.name))?;
                    let mark = if h.strong { "★ " } else { "· " };
                    Some(Span::raw(format!("{mark}{name}  ")))
                })
                .collect();
            if names.is_empty() {
                out.extend(wrap_text(
                    "No one in your journal matches this yet.",
                    t.dim(),
                    w,
                    0,
                ));
            } else {
                out.extend(wrap_spans(&names, w, 0));
            }
        }
        NeedStatus::Met => {
            out.push(Line::default());
            out.push(heading("How it was met"));
            let on = n
                .met_on
                .map(|d| format!("On {}: ", day(d, today)))
                .unwrap_or_default();
            let how = n
                .how
                .as_deref()
                .map(line)
                .unwrap_or_else(|| "not written down".into());
            out.extend(wrap_text(&format!("{on}{how}"), t.fg(t.ok), w, 2));
        }
        NeedStatus::Dropped => {
            out.push(Line::default());
            out.extend(wrap_text(
                "Dropped: no longer something they are looking for.",
                t.dim(),
                w,
                0,
            ));
        }
    }
    out
}

/// "today", "12 days ago", "5 months ago", "2 years ago": near enough to read at a glance.
fn how_long(days: i64) -> String {
    match days {
        0 => "today".into(),
        1..60 => format!("{} ago", plural(days, "day", "days")),
        60..730 => format!("{} ago", plural(days / 30, "month", "months")),
        _ => format!("{} ago", plural(days / 365, "year", "years")),
    }
}

/// The keys of the view, as one line: what can be done with the need as it stands.
fn keys(journal: &Journal, view: &NeedView) -> &'static str {
    let open = journal
        .by_id(&view.contact)
        .and_then(|c| c.need(view.need))
        .is_some_and(|n| n.status == NeedStatus::Open);
    if open {
        "x met · d drop · i intro · e edit · esc close"
    } else {
        "e edit · esc close"
    }
}

/// Draw over the panes. Returns the furthest useful scroll.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    journal: &Journal,
    view: &NeedView,
    today: NaiveDate,
    t: &Theme,
) -> u16 {
    let w = usize::from(area.width.min(MAX_W).saturating_sub(4)).max(1);
    let mut body = lines(journal, view, today, w, t);
    body.push(Line::default());
    let keys = wrap_text(keys(journal, view), t.fg(t.accent), w, 0);
    let want = u16::try_from(body.len() + keys.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, MAX_W, want);
    let name = journal
        .by_id(&view.contact)
        .map(|c| line(&c.name))
        .unwrap_or_default();
    let block = popup_block(f, rect, format!("Need #{} · {name}", view.need), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    // The keys stay at the bottom; the rest scrolls above them.
    let room = usize::from(inner.height).saturating_sub(keys.len()).max(1);
    let max = body.len().saturating_sub(room);
    let scroll = usize::from(view.scroll).min(max);
    let mut shown: Vec<Line> = body.into_iter().skip(scroll).take(room).collect();
    while shown.len() < room {
        shown.push(Line::default());
    }
    shown.extend(keys);
    let text = Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    f.render_widget(Paragraph::new(shown), text);
    u16::try_from(max).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::how_long;

    #[test]
    fn ages_read_at_a_glance() {
        assert_eq!(how_long(0), "today");
        assert_eq!(how_long(1), "1 day ago");
        assert_eq!(how_long(59), "59 days ago");
        assert_eq!(how_long(165), "5 months ago");
        assert_eq!(how_long(800), "2 years ago");
    }
}
