//! The quick-note editor: who and what kind in the title, the "when" field (`ctrl-t` edits
//! it in place), the text wrapped to the box with the cursor placed by display width, and
//! `@name` suggestions underneath.

use super::text::{fit, line, width, wrap_spans};
use super::{Theme, popup_block};
use crate::app::mentions::{self, Mention};
use crate::app::state::{Capture, Input};
use crate::journal::Journal;
use chrono::{DateTime, Datelike, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Lines under the text saying which mentions link no one.
const MAX_HINTS: usize = 2;

/// A mention that links no one: plain text, and marked as such.
fn unlinked_style(t: &Theme) -> Style {
    t.fg(t.error)
        .add_modifier(Modifier::DIM | Modifier::UNDERLINED)
}

/// A mention that links a person.
fn linked_style(t: &Theme) -> Style {
    t.fg(t.accent).add_modifier(Modifier::BOLD)
}

fn mention_marks(found: &[Mention], t: &Theme) -> Vec<(Range<usize>, Style)> {
    found
        .iter()
        .map(|m| {
            let style = if m.linked().is_some() {
                linked_style(t)
            } else {
                unlinked_style(t)
            };
            (m.range.clone(), style)
        })
        .collect()
}

/// Each wrapped row with the byte offset in `text` where it starts: `wrap` keeps every
/// character but the newlines, in order.
fn rows_with_offsets<'r>(
    text: &'r str,
    rows: &'r [String],
) -> impl Iterator<Item = (usize, &'r String)> {
    let mut at = 0;
    rows.iter().map(move |row| {
        let start = at;
        at += row.len();
        if text.get(at..).is_some_and(|rest| rest.starts_with('\n')) {
            at += 1;
        }
        (start, row)
    })
}

/// One row, with the parts of it inside `marks` (byte ranges of the text) styled.
fn marked_row(row: &str, at: usize, marks: &[(Range<usize>, Style)]) -> Line<'static> {
    let end = at + row.len();
    let mut spans = Vec::new();
    let mut done = at;
    for (range, style) in marks {
        let (from, to) = (range.start.max(done), range.end.min(end));
        if from >= to {
            continue;
        }
        if let (Some(plain), Some(marked)) =
            (row.get(done - at..from - at), row.get(from - at..to - at))
        {
            spans.push(Span::raw(plain.to_string()));
            spans.push(Span::styled(marked.to_string(), *style));
            done = to;
        }
    }
    spans.push(Span::raw(
        row.get(done - at..).unwrap_or_default().to_string(),
    ));
    Line::from(spans)
}

/// Lay `text` out in rows of at most `width` columns, breaking after a space when a word
/// does not fit; returns the rows and the cursor's (row, column). Wide characters move to the
/// next row rather than being split.
pub fn wrap(text: &str, cursor: usize, width: usize) -> (Vec<String>, (usize, usize)) {
    let width = width.max(2);
    // Each row keeps the byte offset of its characters, to place the cursor afterwards.
    let mut rows: Vec<Vec<(usize, char)>> = vec![Vec::new()];
    let cols = |row: &[(usize, char)]| {
        row.iter()
            .map(|(_, c)| c.width().unwrap_or(0))
            .sum::<usize>()
    };
    let mut at_newline = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if i == cursor {
                let r = rows.len() - 1;
                at_newline = Some((r, cols(&rows[r])));
            }
            rows.push(Vec::new());
            continue;
        }
        let Some(row) = rows.last_mut() else { continue };
        if cols(row) + c.width().unwrap_or(0) > width {
            let cut = if c == ' ' {
                None
            } else {
                row.iter().rposition(|(_, ch)| *ch == ' ')
            };
            let tail = match cut {
                Some(p) if p + 1 < row.len() => row.split_off(p + 1),
                _ => Vec::new(),
            };
            rows.push(tail);
            if c == ' ' {
                // The space that ended the row is kept with it, so the cursor can sit there.
                if let Some(prev) = rows.iter_mut().rev().nth(1) {
                    prev.push((i, c));
                }
                continue;
            }
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, c));
        }
    }
    let mut at = at_newline;
    for (r, row) in rows.iter().enumerate() {
        if let Some(p) = row.iter().position(|(i, _)| *i == cursor) {
            at = Some((r, cols(&row[..p])));
            break;
        }
    }
    let last = rows.len() - 1;
    let mut at = at.unwrap_or_else(|| (last, cols(&rows[last])));
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| r.iter().map(|(_, c)| c).collect())
        .collect();
    if at.1 >= width {
        out.push(String::new());
        at = (out.len() - 1, 0);
    }
    (out, at)
}

/// The "when" field, first in the box: when the note is dated (a new note: now), or, while
/// `ctrl-t` asks, what is typed and the time it reads as (or why it cannot be).
fn when_rows(
    cap: &Capture,
    asking: Option<&Input>,
    now: DateTime<FixedOffset>,
    w: usize,
    t: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let label = Span::styled("When  ", t.fg(t.label));
    let today = now.date_naive();
    let Some(input) = asking else {
        let at = cap.started.format("%a %-d %b %H:%M");
        let rel = relative(cap.started.date_naive(), today);
        // A restored draft, or a time given, is saved at that time, not now.
        let value = match (cap.restored, &cap.draft_file) {
            (true, _) => format!("started {at} · {rel}"),
            (false, Some(_)) => format!("{at} · {rel}"),
            (false, None) => format!("now · {at}"),
        };
        let hint = "ctrl-t changes it";
        let used = 6 + width(&value);
        let mut spans = vec![label, Span::raw(fit(&value, w.saturating_sub(6)))];
        if used + 2 + hint.len() <= w {
            spans.push(Span::raw(" ".repeat(w - used - hint.len())));
            spans.push(Span::styled(hint, t.dim()));
        }
        return (vec![Line::from(spans)], None);
    };
    let typed = line(input.editor.text());
    let before = line(
        input
            .editor
            .text()
            .get(..input.editor.cursor())
            .unwrap_or(""),
    );
    let room = w.saturating_sub(7);
    // The end of a long answer, so the cursor stays in view.
    let shift = (width(&before) + 1).saturating_sub(room);
    let shown: String = typed.chars().skip(shift).collect();
    // The note's time as first shown is typed over whole: it shows selected.
    let untouched = input.editor.text() == cap.time_shown()
        && input.editor.cursor() == input.editor.text().len();
    let style = if untouched {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    let first = Line::from(vec![label, Span::styled(fit(&shown, room), style)]);
    let begun = cap.started.naive_local().time();
    let mut rows = vec![first];
    match &input.error {
        // Why it cannot be, whole: wrapped under the field rather than cut.
        Some(e) => {
            let why = Span::styled(format!("      {}", line(e)), t.fg(t.error));
            rows.extend(wrap_spans(&[why], w, 6).into_iter().take(3));
        }
        None => {
            let said = match crate::when::happened(input.editor.text(), now.naive_local(), begun) {
                Ok(at) => {
                    let day = if at.date().year() == today.year() {
                        at.format("%a %-d %b %H:%M")
                    } else {
                        at.format("%a %-d %b %Y %H:%M")
                    };
                    let base = format!("      → {day}, {}", relative(at.date(), today));
                    let keep = if cap.draft_file.is_none() {
                        "now"
                    } else {
                        "the time before"
                    };
                    let more = format!("{base} · enter sets it, esc keeps {keep}");
                    if width(&more) <= w { more } else { base }
                }
                Err(_) => {
                    "      yesterday 18:00 · friday · 2 hours ago · 25 Oct · 2026-10-25 14:00"
                        .to_string()
                }
            };
            rows.push(Line::styled(fit(&said, w), t.dim()));
        }
    }
    let cursor = 6 + width(&before).saturating_sub(shift);
    (rows, Some(cursor))
}

/// "today", "yesterday", "3 days ago", "Friday" (within the week), as `when::say_day` has it.
fn relative(day: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    let said = crate::when::say_day(day, today);
    said.split_once(", ")
        .map_or(said.clone(), |(_, r)| r.to_string())
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    cap: &Capture,
    asking: Option<&Input>,
    journal: &Journal,
    now: DateTime<FixedOffset>,
    t: &Theme,
) {
    let width = area.width.saturating_sub(4).min(90);
    let height = area.height.saturating_sub(2).clamp(5, 14);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    // Who the note will be saved with: the people on it and each mention that names one.
    let mut ids: Vec<&str> = cap.with.iter().map(String::as_str).collect();
    for id in cap.mentions.iter().filter_map(|m| m.linked()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let names: Vec<String> = ids.iter().map(|id| line(journal.name_of(id))).collect();
    let title = format!(
        "Note · {} · {}",
        fit(&names.join(", "), usize::from(width) / 2),
        line(cap.kind.as_str())
    );
    let block = popup_block(f, rect, title, t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = usize::from(inner.width);
    let (when, when_cursor) = when_rows(cap, asking, now, w, t);
    let suggestions = cap.suggestions.len().min(5);
    let mut hints = mentions::hints(cap.editor.text(), &cap.mentions, journal);
    hints.truncate(MAX_HINTS);
    let text_h = usize::from(inner.height)
        .saturating_sub(suggestions + hints.len() + when.len())
        .max(1);
    // The text goes through `inert` too: a pasted escape sequence must not reach the terminal.
    let safe = crate::sanitize::inert(cap.editor.text());
    let text = cap.editor.text();
    let cursor = crate::sanitize::inert(text.get(..cap.editor.cursor()).unwrap_or(text)).len();
    let (rows, (crow, ccol)) = wrap(&safe, cursor, w);
    let top = (crow + 1).saturating_sub(text_h);
    // Mentions are marked where the text shows as typed (nothing in it made inert).
    let marks = if safe == text {
        mention_marks(&cap.mentions, t)
    } else {
        Vec::new()
    };
    let mut lines: Vec<Line> = rows_with_offsets(&safe, &rows)
        .skip(top)
        .take(text_h)
        .map(|(at, r)| marked_row(r, at, &marks))
        .collect();
    if cap.editor.text().is_empty() {
        lines = vec![Line::styled(
            fit("What happened? @name adds someone; tab picks the kind.", w),
            t.dim(),
        )];
    }
    while lines.len() < text_h {
        lines.push(Line::default());
    }
    let when_h = when.len();
    lines.splice(0..0, when);
    for h in &hints {
        lines.push(Line::styled(fit(&line(h), w), unlinked_style(t)));
    }
    for (i, ix) in cap.suggestions.iter().take(5).enumerate() {
        let name = journal
            .contact(*ix)
            .map(|c| line(&c.name))
            .unwrap_or_default();
        let style = if i == cap.suggestion {
            t.selected(true).add_modifier(Modifier::BOLD)
        } else {
            t.fg(t.matched)
        };
        lines.push(Line::from(vec![Span::styled(
            fit(&format!("@ {name}"), w),
            style,
        )]));
    }
    f.render_widget(Paragraph::new(lines), inner);
    let (x, y) = match when_cursor {
        Some(col) => (inner.x + u16::try_from(col).unwrap_or(0), inner.y),
        None => (
            inner.x + u16::try_from(ccol).unwrap_or(0),
            inner.y + u16::try_from(crow - top + when_h).unwrap_or(0),
        ),
    };
    f.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        y.min(inner.bottom().saturating_sub(1)),
    ));
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_follows_display_width() {
        let (rows, at) = wrap("日本語です", 15, 6);
        assert_eq!(rows, vec!["日本語", "です"]);
        assert_eq!(at, (1, 4));
        let (rows, at) = wrap("met ada today", 13, 8);
        assert_eq!(rows, vec!["met ada ", "today"]);
        assert_eq!(at, (1, 5));
        let (rows, at) = wrap("ab\ncd", 3, 10);
        assert_eq!(rows, vec!["ab", "cd"]);
        assert_eq!(at, (1, 0));
        assert_eq!(wrap("ab\ncd", 2, 10).1, (0, 2));
        let (_, at) = wrap("abcd", 4, 4);
        assert_eq!(at, (1, 0));
    }
}
