//! Text measured in terminal columns, for the command line's aligned output (`list`,
//! `stats`, `search`): 田中 愛子 takes nine columns, not five characters, and a wide
//! character is never cut in half. The screen has its own (`ui::text`), in its layer.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Where to cut `text` so that it takes at most `columns`: never inside a wide character.
pub fn cut_at(text: &str, columns: usize) -> usize {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > columns {
            return at;
        }
    }
    text.len()
}

/// `text` and spaces after it up to `columns`, on `line`.
pub fn pad(line: &mut String, text: &str, columns: usize) {
    line.push_str(text);
    line.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
}

/// `text` in at most `columns`, ending in `…` when cut.
pub fn fit(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let kept = &text[..cut_at(text, columns.saturating_sub(1))];
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns_and_are_never_split() {
        assert_eq!(width("田中 愛子"), 9);
        assert_eq!(&"田中 愛子"[..cut_at("田中 愛子", 3)], "田");
        assert_eq!(&"Zoë"[..cut_at("Zoë", 2)], "Zo");
        let mut line = String::new();
        pad(&mut line, "田中", 6);
        assert_eq!(line, "田中  ");
        assert_eq!(fit("田中 愛子", 6), "田中 …");
        assert_eq!(fit("Ada", 6), "Ada");
        assert_eq!(width(&fit("長い名前の人がここに", 7)), 7);
    }
}
