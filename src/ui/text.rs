//! Small text helpers for widgets: inert text, truncation by display width, relative dates.

use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// One line of file text, safe for the terminal (controls and bidi overrides made visible).
pub fn line(s: &str) -> String {
    crate::sanitize::inert_line(s).into_owned()
}

/// Cut `s` to at most `width` columns, ending in `…` when cut. Wide characters (CJK, emoji)
/// count as two columns and are never split.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Display width of `s` in columns.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `s` padded with spaces (or cut) to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let mut out = fit(s, width);
    let w = self::width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// "today", "yesterday", "3d" within a week, "Nov 02" this year, "2025-10-02" before.
pub fn relative_date(day: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    let days = (today - day).num_days();
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        2..=6 => format!("{days}d"),
        _ if day.year() == today.year() => day.format("%b %d").to_string(),
        _ => day.format("%Y-%m-%d").to_string(),
    }
}

/// An age in short form: "5d", "3w", "4mo", "2y".
pub fn age(days: i64) -> String {
    match days {
        ..=0 => "today".into(),
        1..=13 => format!("{days}d"),
        14..=59 => format!("{}w", days / 7),
        60..=729 => format!("{}mo", days / 30),
        _ => format!("{}y", days / 365),
    }
}

/// A rectangle of `w`×`h` centred in `area`, shrunk to fit.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// First row to show so that `sel` stays visible in `height` rows.
pub fn scroll_offset(sel: usize, height: usize) -> usize {
    if height == 0 {
        sel
    } else {
        (sel + 1).saturating_sub(height)
    }
}

/// Word-wrap styled text to `width` columns (display width; wide characters count two).
/// Continuation lines start with `indent` spaces; a word longer than a line is split.
/// Breaks only at plain spaces, so a no-break space keeps its neighbours together.
pub fn wrap_spans(spans: &[Span], width: usize, indent: usize) -> Vec<Line<'static>> {
    let indent = indent.min(width / 2);
    let chars: Vec<(char, Style)> = spans
        .iter()
        .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
        .collect();
    let mut lines: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    let mut used = 0;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i].0 == ' ' {
            i += 1;
        }
        let gap = &chars[start..i];
        let word_start = i;
        while i < chars.len() && chars[i].0 != ' ' {
            i += 1;
        }
        let word = &chars[word_start..i];
        let word_w: usize = word.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
        let line_start = if lines.len() == 1 { 0 } else { indent };
        if used > line_start && used + gap.len() + word_w > width {
            lines.push(vec![(' ', Style::new()); indent]);
            used = indent;
        } else if used > line_start || lines.len() == 1 {
            // Leading spaces of the first line are the caller's indent: keep them.
            if let Some(l) = lines.last_mut() {
                l.extend_from_slice(gap);
            }
            used += gap.len();
        }
        for &(c, style) in word {
            let w = c.width().unwrap_or(0);
            if used + w > width && used > indent {
                lines.push(vec![(' ', Style::new()); indent]);
                used = indent;
            }
            if let Some(l) = lines.last_mut() {
                l.push((c, style));
            }
            used += w;
        }
    }
    lines.into_iter().map(styled_line).collect()
}

/// `wrap_spans`, with `tail` (an age, a due day) at the right end of the last line, or on a
/// line of its own, right-aligned, when the last line has no room for it.
pub fn wrap_tail(
    spans: &[Span],
    tail: Span<'static>,
    width: usize,
    indent: usize,
) -> Vec<Line<'static>> {
    let tail_w = self::width(&tail.content);
    if tail_w == 0 {
        return wrap_spans(spans, width, indent);
    }
    if tail_w + 1 >= width {
        // No room beside anything: the text, then as much of the tail as fits.
        let mut lines = wrap_spans(spans, width, indent);
        lines.push(Line::from(Span::styled(
            fit(&tail.content, width),
            tail.style,
        )));
        return lines;
    }
    let mut lines = wrap_spans(spans, width, indent);
    let last_w = lines.last().map(|l| l.width()).unwrap_or(0);
    if last_w + 1 + tail_w <= width {
        if let Some(last) = lines.last_mut() {
            last.spans
                .push(Span::raw(" ".repeat(width - last_w - tail_w)));
            last.spans.push(tail);
        }
    } else {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(width - tail_w)),
            tail,
        ]));
    }
    lines
}

/// Plain text wrapped to `width` in one style, its own line breaks kept; continuation lines
/// start with `indent` spaces. Text from files must be made inert first.
pub fn wrap_text(text: &str, style: Style, width: usize, indent: usize) -> Vec<Line<'static>> {
    if text.is_empty() {
        // A blank line of a note is kept: it parts two paragraphs.
        return vec![Line::default()];
    }
    text.lines()
        .flat_map(|l| wrap_spans(&[Span::styled(l.to_string(), style)], width.max(1), indent))
        .collect()
}

fn styled_line(chars: Vec<(char, Style)>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style: Option<Style> = None;
    for (c, s) in chars {
        if style.is_some_and(|st| st != s) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        text.push(c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style.unwrap_or_default()));
    }
    Line::from(spans)
}

/// A long text read in a box (the brief, the weekly review): `lines` from `scroll` on, with a
/// column of margin, since text against the border reads worse. Returns the furthest `scroll`
/// can go, so the view stops at the end.
pub fn scrolled(
    f: &mut ratatui::Frame,
    inner: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
) -> u16 {
    let max =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll.min(max)))
        .take(usize::from(inner.height))
        .collect();
    let text = Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    f.render_widget(ratatui::widgets::Paragraph::new(shown), text);
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_wide_characters_as_two_columns() {
        assert_eq!(fit("日本語テキスト", 7), "日本語…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcd", 3), "ab…");
        assert_eq!(width(&pad("日本", 5)), 5);
    }

    #[test]
    fn dates_read_naturally() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(relative_date(today, today), "today");
        assert_eq!(relative_date(d(11, 21), today), "3d");
        assert_eq!(relative_date(d(11, 2), today), "Nov 02");
        assert_eq!(
            relative_date(NaiveDate::from_ymd_opt(2025, 10, 2).unwrap(), today),
            "2025-10-02"
        );
        assert_eq!(age(22), "3w");
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_tail_sits_at_the_right_of_the_last_line_or_below_it() {
        let tail = || Span::raw("5w");
        let lines = wrap_tail(&[Span::raw("● one two")], tail(), 14, 2);
        assert_eq!(texts(&lines), vec!["● one two   5w"]);
        let lines = wrap_tail(&[Span::raw("● one two three")], tail(), 14, 2);
        assert_eq!(texts(&lines), vec!["● one two", "  three     5w"]);
        let lines = wrap_tail(&[Span::raw("● one two thre")], tail(), 14, 2);
        assert_eq!(texts(&lines), vec!["● one two thre", "            5w"]);
        assert!(lines.iter().all(|l| l.width() <= 14));
        // Narrower than the tail: nothing overflows.
        let lines = wrap_tail(&[Span::raw("ab")], Span::raw("overdue"), 4, 0);
        assert!(lines.iter().all(|l| l.width() <= 4), "{:?}", texts(&lines));
    }

    #[test]
    fn wrap_spans_breaks_at_spaces_with_a_hanging_indent() {
        let spans = [Span::raw("• one two three four")];
        assert_eq!(
            texts(&wrap_spans(&spans, 10, 2)),
            vec!["• one two", "  three", "  four"]
        );
        // Wide characters count two columns; an overlong word is split.
        let spans = [Span::raw("日本語テキスト")];
        assert_eq!(
            texts(&wrap_spans(&spans, 6, 0)),
            vec!["日本語", "テキス", "ト"]
        );
        // Styles survive the wrap.
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = [Span::raw("aa "), Span::styled("bb", bold)];
        let lines = wrap_spans(&spans, 3, 0);
        assert_eq!(texts(&lines), vec!["aa", "bb"]);
        assert_eq!(lines[1].spans[0].style, bold);
        assert!(!wrap_spans(&spans, 0, 0).is_empty());
    }
}
