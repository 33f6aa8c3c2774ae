//! Small text helpers for widgets: inert text, truncation by display width, relative dates.

use chrono::NaiveDate;
use ratatui::layout::Rect;
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
}
