//! The needs & promises pane: this person's needs (open ones whole, with their age; met and
//! dropped ones on one quiet line unless selected), then their open promises, yours and then
//! theirs, numbered as `rolo done` takes them, with when they are due; overdue ones stand out.
//! With `o`, every open need in the network, each with whose it is.

use super::text::{age, fit, line, width, wrap_spans, wrap_tail, wrap_text};
use super::{Theme, pane_block, pane_hit};
use crate::app::hits::{Hits, Target};
use crate::app::needs_pane::{self, PaneItem};
use crate::app::state::{AppState, Pane};
use crate::journal::Journal;
use crate::model::{FollowUp, Need, NeedStatus};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The pane's lines for one width, and where each item's lines are.
struct Built {
    lines: Vec<Line<'static>>,
    /// Per item, in `needs_pane::items` order: its first line and how many it takes.
    items: Vec<(usize, usize)>,
}

/// How many lines the pane's content takes at inner width `w` (the person column sizes the
/// card above from it).
pub fn height(state: &AppState, journal: &Journal, today: NaiveDate, w: usize, t: &Theme) -> usize {
    build(state, journal, today, w, false, None, t).lines.len()
}

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
    let focused = state.focus == Pane::Needs;
    let title = if state.needs_all {
        // Every item in this list is an open need.
        let open = needs_pane::items(state, journal).len();
        format!("Open needs · everyone {open}")
    } else {
        "Needs & promises".to_string()
    };
    let block = pane_block(title, focused, narrow, Pane::Needs, t);
    pane_hit(hits, area, Pane::Needs);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let built = build(state, journal, today, w, focused, Some(height), t);
    // Stateless scrolling: from the top while the selected item fits, else just enough to
    // show it whole (or its start, when it is taller than the pane).
    let (start, len) = built.items.get(state.needs_sel).copied().unwrap_or((0, 0));
    let offset = if start + len <= height {
        0
    } else {
        (start + len).saturating_sub(height).min(start)
    };
    for (i, &(first, n)) in built.items.iter().enumerate() {
        if n == 0 {
            continue;
        }
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
                Target::Item(i),
            );
        }
    }
    let shown: Vec<Line> = built.lines.into_iter().skip(offset).take(height).collect();
    f.render_widget(Paragraph::new(shown), inner);
}

/// The pane's lines. With `rows` (the pane's height) and everyone's open needs listed, only
/// the items that can be on screen are wrapped: a large journal has thousands. Items are at
/// least a line each, so none more than `rows` before the selected one can show; the others
/// are listed as taking no lines.
fn build(
    state: &AppState,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
    focused: bool,
    rows: Option<usize>,
    t: &Theme,
) -> Built {
    let mut b = Built {
        lines: Vec::new(),
        items: Vec::new(),
    };
    let w = w.max(1);
    // The needs live in the contact file: when it does not load, say where and how to fix it.
    let broken = (!state.needs_all)
        .then(|| state.selected_ix().and_then(|ix| journal.broken(ix)))
        .flatten();
    if let Some(p) = broken {
        let warn = t.fg(t.error);
        let place = format!("⚠ {}:{}:{}", p.path.display(), p.line, p.col);
        b.lines.extend(wrap_text(&line(&place), warn, w, 2));
        b.lines.extend(wrap_text(&line(&p.message), warn, w, 2));
        let advice = "does not load; e edits it, nothing else changes it";
        b.lines.extend(wrap_text(advice, t.dim(), w, 0));
    }
    let person = state.selected_ix().and_then(|ix| journal.contact(ix));
    let items = needs_pane::items(state, journal);
    let needs = items.iter().filter(|i| i.need().is_some()).count();
    if state.needs_all && needs == 0 {
        b.lines.extend(wrap_text(
            "No open needs anywhere. When someone tells you what they are looking for, N records it.",
            t.dim(),
            w,
            0,
        ));
        return b;
    }
    if person.is_none() && !state.needs_all {
        b.lines.extend(wrap_text(
            "Select a person to see what they need and what was promised.",
            t.dim(),
            w,
            0,
        ));
        return b;
    }
    if needs == 0 && broken.is_none() {
        b.lines.extend(wrap_text(
            "No needs yet — N records what they are looking for.",
            t.dim(),
            w,
            0,
        ));
    }
    let mut section = None;
    let window = rows.filter(|_| state.needs_all);
    let first = window.map_or(0, |rows| state.needs_sel.saturating_sub(rows));
    for (i, item) in items.iter().enumerate() {
        let past = window.is_some_and(|rows| i > state.needs_sel && b.lines.len() >= rows);
        if i < first || past {
            b.items.push((b.lines.len(), 0));
            continue;
        }
        let selected = i == state.needs_sel;
        let base = if selected {
            t.selected(focused)
        } else {
            Style::new()
        };
        if let PaneItem::Promise(_, f) = item {
            let theirs = f.is_theirs();
            if section != Some(theirs) {
                section = Some(theirs);
                let heading = if theirs {
                    "Their promises to you"
                } else {
                    "Your promises"
                };
                b.lines.push(Line::styled(
                    fit(heading, w),
                    t.dim().add_modifier(Modifier::BOLD),
                ));
            }
        }
        let mut lines = match item {
            PaneItem::Need(ix, n) => {
                let whose = state.needs_all.then(|| journal.contact(*ix)).flatten();
                let whose = whose.map(|c| line(c.short_name()));
                need_lines(n, whose, selected, base, today, w, t)
            }
            PaneItem::Promise(_, f) => promise_lines(f, base, today, w, t),
        };
        if selected {
            // The whole block reads as one selection, not a ragged edge.
            for l in &mut lines {
                let pad = w.saturating_sub(l.width());
                if pad > 0 {
                    l.spans.push(Span::styled(" ".repeat(pad), base));
                }
            }
        }
        b.items.push((b.lines.len(), lines.len()));
        b.lines.extend(lines);
    }
    if person.is_some() && !state.needs_all && section.is_none() && broken.is_none() {
        b.lines.extend(wrap_text(
            "No promises open — F notes one, yours or theirs.",
            t.dim(),
            w,
            0,
        ));
    }
    b
}

/// An open need whole, with its age at the right; a met or dropped one quiet on one line, or
/// whole with how it was met when selected.
fn need_lines(
    n: &Need,
    whose: Option<String>,
    selected: bool,
    base: Style,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let what = line(&n.what);
    let mut spans = Vec::new();
    let (mark, mark_style) = match n.status {
        NeedStatus::Open => ("● ", base.fg(t.need)),
        NeedStatus::Met => ("✓ ", base.fg(t.ok)),
        NeedStatus::Dropped => ("✗ ", base.patch(t.dim())),
    };
    spans.push(Span::styled(mark, mark_style));
    if let Some(name) = whose {
        spans.push(Span::styled(
            format!("{name}: "),
            base.fg(t.person).add_modifier(Modifier::BOLD),
        ));
    }
    match n.status {
        NeedStatus::Open => {
            spans.push(Span::styled(what, base));
            let since = if n.since == NaiveDate::MIN {
                String::new()
            } else {
                age((today - n.since).num_days())
            };
            wrap_tail(&spans, Span::styled(since, base.patch(t.dim())), w, 2)
        }
        _ if !selected => {
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            let tail = if n.status == NeedStatus::Dropped {
                " dropped"
            } else {
                " met"
            };
            let room = w.saturating_sub(used + width(tail));
            let what = fit(&what, room);
            let gap = room.saturating_sub(width(&what));
            spans.push(Span::styled(what, base.patch(t.dim())));
            spans.push(Span::styled(" ".repeat(gap), base));
            spans.push(Span::styled(tail, base.patch(t.dim())));
            vec![Line::from(spans)]
        }
        _ => {
            spans.push(Span::styled(what, base));
            let mut lines = wrap_spans(&spans, w, 2);
            let said = match (n.status, &n.how) {
                (NeedStatus::Met, Some(how)) => format!("met: {}", line(how)),
                (NeedStatus::Met, None) => "met".to_string(),
                _ => "dropped".to_string(),
            };
            let said = match n.met_on {
                Some(d) => format!("{said} ({})", d.format("%Y-%m-%d")),
                None => said,
            };
            lines.extend(wrap_spans(
                &[Span::styled(format!("  {said}"), base.patch(t.dim()))],
                w,
                2,
            ));
            lines
        }
    }
}

/// "#2 Introduce Jonas to Klaus …   in 2w", the due part in the overdue colour when late.
fn promise_lines(
    f: &FollowUp,
    base: Style,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let number = format!("#{} ", f.id);
    let indent = width(&number);
    let (tail, late) = match f.due {
        Some(d) => when(d, today),
        None => ("no date".to_string(), false),
    };
    let tail_style = if late {
        base.fg(t.overdue).add_modifier(Modifier::BOLD)
    } else {
        base.patch(t.dim())
    };
    let number_style = if late {
        base.fg(t.overdue).add_modifier(Modifier::BOLD)
    } else {
        base.fg(t.label)
    };
    let spans = [
        Span::styled(number, number_style),
        Span::styled(line(&f.what), base),
    ];
    wrap_tail(&spans, Span::styled(tail, tail_style), w, indent)
}

/// When a promise is due, short: "3d late", "today", "tomorrow", "in 5d", "in 3w"; and
/// whether it is late.
fn when(due: NaiveDate, today: NaiveDate) -> (String, bool) {
    let days = (due - today).num_days();
    match days {
        ..=-1 => (format!("{} late", age(-days)), true),
        0 => ("due today".into(), false),
        1 => ("tomorrow".into(), false),
        _ => (format!("in {}", age(days)), false),
    }
}

#[cfg(test)]
mod tests {
    use super::{Built, build, when};
    use crate::app::state::AppState;
    use crate::journal::Journal;
    use crate::ui::Theme;
    use chrono::NaiveDate;

    /// The lines a pane of `rows` shows, scrolled as `draw` scrolls them.
    fn shown(b: &Built, sel: usize, rows: usize) -> Vec<String> {
        let (start, len) = b.items[sel];
        let offset = if start + len <= rows {
            0
        } else {
            (start + len).saturating_sub(rows).min(start)
        };
        b.lines
            .iter()
            .skip(offset)
            .take(rows)
            .map(|l| l.to_string())
            .collect()
    }

    #[test]
    fn everyones_needs_wrap_only_what_can_show_and_show_the_same() {
        let dir = tempfile::tempdir().unwrap();
        crate::demo::install(dir.path()).unwrap();
        let journal = Journal::new(crate::store::Store::on_disk(dir.path()).load().unwrap());
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut state = AppState::new(&journal, today);
        state.needs_all = true;
        let t = Theme::default();
        let count = journal.open_needs().len();
        for rows in [3, 5, 12] {
            for sel in 0..count {
                state.needs_sel = sel;
                let all = build(&state, &journal, today, 30, true, None, &t);
                let window = build(&state, &journal, today, 30, true, Some(rows), &t);
                assert_eq!(
                    shown(&window, sel, rows),
                    shown(&all, sel, rows),
                    "{rows} rows, item {sel}"
                );
                assert!(window.lines.len() <= all.lines.len());
            }
        }
        // A short window wraps far fewer lines than the whole list.
        state.needs_sel = 0;
        let window = build(&state, &journal, today, 30, true, Some(3), &t);
        assert!(window.lines.len() < 8, "{}", window.lines.len());
    }

    #[test]
    fn due_days_read_short() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let on = |days: i64| today + chrono::Duration::days(days);
        assert_eq!(when(on(-4), today), ("4d late".into(), true));
        assert_eq!(when(on(-21), today), ("3w late".into(), true));
        assert_eq!(when(on(0), today), ("due today".into(), false));
        assert_eq!(when(on(1), today), ("tomorrow".into(), false));
        assert_eq!(when(on(5), today), ("in 5d".into(), false));
        assert_eq!(when(on(21), today), ("in 3w".into(), false));
    }
}
