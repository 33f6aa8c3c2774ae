//! A hit's text cut to one line around what matched, with the matched words marked: "…an
//! appointment with Sofia on Tuesday…". Made only for the hits on screen.

use super::words::sized_marks;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// One line, inert (nothing in it acts on a terminal).
    pub text: String,
    /// Bytes of `text` to highlight, in order.
    pub marks: Vec<Range<usize>>,
}

/// `text` on one line, starting a little before the first word that matched so that it
/// shows within `width` columns; the rest is for the caller to cut.
pub fn snippet(text: &str, words: &[String], width: usize) -> Snippet {
    let flat = one_line(text);
    let sized = sized_marks(&flat, words);
    // The line is placed around the longest word typed (the likeliest to be what is looked
    // for: "priya s" is about Priya more than about every word with an s).
    let longest = sized.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let anchor = sized
        .iter()
        .find(|(_, n)| *n == longest)
        .map(|(r, _)| r.clone());
    let found: Vec<Range<usize>> = sized.into_iter().map(|(r, _)| r).collect();
    let lead = (width / 4).clamp(8, 30);
    let total = columns(&flat);
    // Cut only a text too long to show whole, and only when what matched would not show;
    // then no further than needed to fill the line to the text's end.
    let start = match anchor {
        Some(first) if total > width && columns(&flat[..first.end]) + lead > width => {
            let at = columns(&flat[..first.start]);
            let back = lead.max(at.saturating_sub(total.saturating_sub(width.saturating_sub(1))));
            let back = back.min(at);
            word_start_after(&flat, back_by(&flat, first.start, back))
        }
        _ => 0,
    };
    let (text, shift) = if start > 0 {
        (
            format!("…{}", &flat[start..]),
            '…'.len_utf8() as isize - start as isize,
        )
    } else {
        (flat.clone(), 0)
    };
    let marks = found
        .into_iter()
        .filter(|r| r.start >= start)
        .map(|r| {
            let at = |i: usize| (i as isize + shift) as usize;
            at(r.start)..at(r.end)
        })
        .collect();
    Snippet { text, marks }
}

/// Whitespace runs (line breaks too) as one space, the text made inert, trimmed.
fn one_line(text: &str) -> String {
    let safe = crate::sanitize::inert_line(text);
    let mut out = String::with_capacity(safe.len());
    let mut space = false;
    for c in safe.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn columns(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The byte `cols` columns before `at`.
fn back_by(s: &str, at: usize, cols: usize) -> usize {
    let mut used = 0;
    let mut pos = at;
    for (i, c) in s[..at].char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > cols {
            break;
        }
        pos = i;
    }
    pos
}

/// `at`, or the start of the next word when `at` is inside one.
fn word_start_after(s: &str, at: usize) -> usize {
    if at == 0 || s[..at].ends_with(' ') {
        return at;
    }
    match s[at..].find(' ') {
        Some(i) => at + i + 1,
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &Snippet) -> Vec<&str> {
        s.marks.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn short_text_is_kept_whole_on_one_line() {
        let s = snippet(
            "Coffee with Aiko.\nShe has an\tappointment",
            &["app".into()],
            60,
        );
        assert_eq!(s.text, "Coffee with Aiko. She has an appointment");
        assert_eq!(marked(&s), ["app"]);
    }

    #[test]
    fn a_match_far_in_starts_the_line_near_it() {
        let text = format!(
            "{} the appointment with Sofia is on Tuesday",
            "word ".repeat(40)
        );
        let s = snippet(&text, &["sofia".into(), "appoint".into()], 40);
        assert!(s.text.starts_with('…'), "{}", s.text);
        assert!(s.text.len() < text.len());
        assert_eq!(marked(&s), ["appoint", "Sofia"]);
        let lead = s.text.find("appoint").unwrap_or(0);
        assert!(lead <= 20, "{lead}: {}", s.text);
        // Around the longest word typed, not the first thing a short word matched.
        let text = format!("she said {} and then Priya came", "more words ".repeat(10));
        let s = snippet(&text, &["priya".into(), "s".into()], 30);
        assert!(s.text.find("Priya").is_some_and(|at| at < 20), "{}", s.text);
    }

    #[test]
    fn a_match_near_the_end_fills_the_line() {
        let text = "Call with Kwame. He wants Efua and Kojo in Berlin by spring and has no idea \
                    where to start with the visas.";
        let s = snippet(text, &["visa".into()], 74);
        assert!(
            s.text.starts_with('…') && s.text.ends_with("visas."),
            "{}",
            s.text
        );
        assert!(
            columns(&s.text) > 60 && columns(&s.text) <= 74,
            "{}",
            s.text
        );
    }

    #[test]
    fn controls_are_made_inert_and_marks_still_fit() {
        let s = snippet("\x1b[31mred visa\u{202e} here", &["visa".into()], 60);
        assert!(!s.text.contains(['\x1b', '\u{202e}']));
        assert_eq!(marked(&s), ["visa"]);
    }
}
