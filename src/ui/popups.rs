//! Small popups: a one-line question, yes/no, drafts from last time, a failed edit, and the
//! list of files with problems.

use super::text::{centered, fit, line};
use super::{Theme, popup_block};
use crate::app::state::{Ask, Input, PickNeed};
use crate::journal::Journal;
use crate::model::Draft;
use crate::when::{parse_due, say_day};
use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn input(f: &mut Frame, area: Rect, input: &Input, now: DateTime<FixedOffset>, t: &Theme) {
    let whose = whose_line(input, t);
    let rect = centered(area, 70, 5 + u16::from(whose.is_some()));
    let block = popup_block(f, rect, input.prompt.clone(), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = usize::from(inner.width);
    let text = line(input.editor.text());
    let before = line(
        input
            .editor
            .text()
            .get(..input.editor.cursor())
            .unwrap_or(""),
    );
    // Keep the cursor in view on long answers by showing the end.
    let before_w = super::text::width(&before);
    let shift = (before_w + 1).saturating_sub(w);
    let shown: String = skip_columns(&text, shift);
    let mut lines = vec![Line::raw(fit(&shown, w))];
    match (&input.error, due_preview(input, now)) {
        (Some(e), _) => lines.push(Line::styled(fit(&line(e), w), t.fg(t.error))),
        (None, Some(day)) => lines.push(Line::styled(fit(&day, w), t.dim())),
        (None, None) => lines.push(Line::default()),
    }
    lines.extend(whose);
    f.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(before_w.saturating_sub(shift)).unwrap_or(0);
    f.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y,
    ));
}

/// While a due date is typed, the day it names ("→ 2026-12-04, Friday, tomorrow"), so the
/// person sees which friday rolo understood before pressing enter.
fn due_preview(input: &Input, now: DateTime<FixedOffset>) -> Option<String> {
    if !matches!(input.ask, Ask::FollowUpDue { .. }) {
        return None;
    }
    let day = parse_due(input.editor.text(), now.naive_local())
        .ok()?
        .date();
    Some(format!(
        "→ {}, {}",
        day.format("%Y-%m-%d"),
        say_day(day, now.date_naive())
    ))
}

/// In the follow-up question: whose promise it is, and that tab switches.
fn whose_line(input: &Input, t: &Theme) -> Option<Line<'static>> {
    let Ask::FollowUpWhat { theirs, .. } = input.ask else {
        return None;
    };
    let (mine, theirs_style) = if theirs {
        (t.dim(), t.selected(true))
    } else {
        (t.selected(true), t.dim())
    };
    Some(Line::from(vec![
        Span::styled(" yours ", mine),
        Span::raw(" "),
        Span::styled(" theirs ", theirs_style),
        Span::styled("  tab switches", t.dim()),
    ]))
}

fn skip_columns(s: &str, cols: usize) -> String {
    let mut skipped = 0;
    s.chars()
        .skip_while(|c| {
            let go = skipped < cols;
            skipped += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            go
        })
        .collect()
}

pub fn confirm(f: &mut Frame, area: Rect, text: &str, t: &Theme) {
    // Tall enough for a question that wraps (a long need), so the keys always show.
    let inner = usize::from(area.width.min(60).saturating_sub(2)).max(1);
    let rows = super::text::width(text).div_ceil(inner);
    let extra = if rows > 1 { rows } else { 0 };
    let rect = centered(area, 60, 5 + u16::try_from(extra).unwrap_or(0));
    let block = popup_block(f, rect, "Are you sure?".into(), t);
    let lines = vec![
        Line::raw(text.to_string()),
        Line::default(),
        Line::styled("y yes · n no", t.dim()),
    ];
    f.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

pub fn drafts(f: &mut Frame, area: Rect, drafts: &[Draft], journal: &Journal, t: &Theme) {
    let Some(d) = drafts.first() else {
        return;
    };
    let rect = centered(area, 72, 13);
    let block = popup_block(f, rect, "Unsaved note from last time".into(), t);
    let w = usize::from(rect.width.saturating_sub(2));
    let names: Vec<String> = d.with.iter().map(|id| line(journal.name_of(id))).collect();
    let mut lines = vec![
        Line::raw(fit(
            &format!(
                "{} with {}, started {}",
                line(d.kind.as_str()),
                names.join(", "),
                d.started.format("%Y-%m-%d %H:%M")
            ),
            w,
        )),
        Line::default(),
    ];
    let note = crate::sanitize::inert(&d.note);
    for l in note.lines().take(5) {
        lines.push(Line::styled(fit(&format!("  {l}"), w), t.fg(t.label)));
    }
    if note.lines().count() > 5 {
        lines.push(Line::styled("  …", t.dim()));
    }
    lines.push(Line::default());
    if drafts.len() > 1 {
        lines.push(Line::styled(
            format!("{} more drafts after this one", drafts.len() - 1),
            t.dim(),
        ));
    }
    lines.push(Line::styled(
        "r restore · d discard · l later",
        t.fg(t.accent),
    ));
    f.render_widget(Paragraph::new(lines).block(block), rect);
}

/// Which of a person's open needs `x` / `d` is about. Needs are looked up by number, so one
/// changed meanwhile shows as it is now (or as gone).
pub fn pick_need(f: &mut Frame, area: Rect, pick: &PickNeed, journal: &Journal, t: &Theme) {
    let rows = u16::try_from(pick.needs.len()).unwrap_or(u16::MAX);
    let rect = centered(area, 72, rows.saturating_add(5));
    let contact = journal.by_id(&pick.contact);
    let name = contact.map_or(pick.contact.as_str(), |c| c.name.as_str());
    let verb = if pick.met { "Mark met" } else { "Drop" };
    let block = popup_block(f, rect, format!("{verb}: which need of {name}?"), t);
    let w = usize::from(rect.width.saturating_sub(2));
    // Room for the list inside the border, above the three lines of help.
    let room = usize::from(rect.height.saturating_sub(5)).max(1);
    let first = super::text::scroll_offset(pick.sel, room);
    let mut lines: Vec<Line> = pick
        .needs
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, id)| {
            let what = contact
                .and_then(|c| c.need(*id))
                .map_or("(gone)".to_string(), |n| line(&n.what));
            let mark = if i == pick.sel { "▶" } else { " " };
            let text = fit(&format!("{mark} #{id} {what}"), w);
            if i == pick.sel {
                Line::styled(text, t.selected(true))
            } else {
                Line::raw(text)
            }
        })
        .collect();
    lines.push(Line::default());
    match &pick.error {
        Some(e) => lines.push(Line::styled(fit(&line(e), w), t.fg(t.error))),
        None => lines.push(Line::default()),
    }
    lines.push(Line::styled(
        fit("j/k move · enter or the number picks · esc cancels", w),
        t.fg(t.accent),
    ));
    f.render_widget(Paragraph::new(lines).block(block), rect);
}

pub fn edit_failed(f: &mut Frame, area: Rect, error: &str, t: &Theme) {
    let rect = centered(area, 80, 10);
    let block = popup_block(f, rect, "The edit does not parse".into(), t);
    let mut lines = vec![
        Line::raw("Nothing was written; your edited text is kept.".to_string()),
        Line::default(),
    ];
    for l in crate::sanitize::inert(error).lines() {
        lines.push(Line::styled(l.to_string(), t.fg(t.error)));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "e edit again · r revert (keep the file as it was)",
        t.fg(t.accent),
    ));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

pub fn problems(f: &mut Frame, area: Rect, journal: &Journal, scroll: u16, t: &Theme) {
    let rect = centered(area, 100, area.height);
    let block = popup_block(f, rect, format!("Problems {}", journal.problems.len()), t);
    let lines: Vec<Line> = if journal.problems.is_empty() {
        vec![Line::raw("Every file reads cleanly.")]
    } else {
        journal
            .problems
            .iter()
            .map(|p| Line::raw(line(&p.to_string())))
            .collect()
    };
    let max = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(1);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max), 0)),
        rect,
    );
}
