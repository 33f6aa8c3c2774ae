//! A small multi-line text editor: a string and a cursor. Enough for a quick note typed while
//! someone is talking; written here rather than pulled in, because text-area crates bring
//! their own ratatui and crossterm (two crosstermsplit raw mode and event state).

/// The cursor is a byte offset into `text`, always on a char boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    text: String,
    cursor: usize,
}

impl Editor {
    pub fn new(text: &str) -> Editor {
        Editor {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// (line, column in chars) of the cursor, for drawing it.
    pub fn cursor_line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count())
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    pub fn insert_str(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    pub fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    /// Byte offset of the `col`-th char of the line starting at `start`, clamped to its end.
    fn at_col(&self, start: usize, col: usize) -> usize {
        let end = self.line_end(start);
        self.text[start..end]
            .char_indices()
            .nth(col)
            .map_or(end, |(i, _)| start + i)
    }

    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let col = self.text[start..self.cursor].chars().count();
        let prev = self.line_start(start - 1);
        self.cursor = self.at_col(prev, col);
    }

    pub fn down(&mut self) {
        let end = self.line_end(self.cursor);
        if end == self.text.len() {
            self.cursor = end;
            return;
        }
        let col = self.text[self.line_start(self.cursor)..self.cursor]
            .chars()
            .count();
        self.cursor = self.at_col(end + 1, col);
    }

    pub fn word_left(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        self.cursor = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
    }

    pub fn word_right(&mut self) {
        let after = &self.text[self.cursor..];
        let skip_ws = after.len() - after.trim_start().len();
        let rest = &after[skip_ws..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.cursor += skip_ws + word;
    }

    /// The `@word` being typed right before the cursor, if any: (byte start of `@`, word).
    pub fn mention_at_cursor(&self) -> Option<(usize, &str)> {
        let before = &self.text[..self.cursor];
        let at = before.rfind('@')?;
        let word = &before[at + 1..];
        let starts_word = before[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        (starts_word && !word.contains(char::is_whitespace)).then_some((at, word))
    }

    /// Replace `text[start..cursor]` with `with`, leaving the cursor after it.
    pub fn replace_before_cursor(&mut self, start: usize, with: &str) {
        if start <= self.cursor && self.text.is_char_boundary(start) {
            self.text.replace_range(start..self.cursor, with);
            self.cursor = start + with.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_deleting_wide_characters() {
        let mut e = Editor::default();
        for c in "日本🎉x".chars() {
            e.insert(c);
        }
        e.backspace();
        e.left();
        e.backspace();
        assert_eq!(e.text(), "日🎉");
        assert_eq!(e.cursor_line_col(), (0, 1));
        e.delete();
        assert_eq!(e.text(), "日");
        e.delete();
        assert_eq!(e.text(), "日");
    }

    #[test]
    fn moving_between_lines_keeps_the_column() {
        let mut e = Editor::new("abcdef\nxy\nlong line");
        assert_eq!(e.cursor_line_col(), (2, 9));
        e.up();
        assert_eq!(e.cursor_line_col(), (1, 2));
        e.up();
        assert_eq!(e.cursor_line_col(), (0, 2));
        e.up();
        assert_eq!(e.cursor(), 0);
        e.down();
        e.end();
        assert_eq!(e.cursor_line_col(), (1, 2));
        e.home();
        assert_eq!(e.cursor_line_col(), (1, 0));
        e.down();
        e.down();
        assert_eq!(e.cursor(), e.text().len());
    }

    #[test]
    fn word_motion() {
        let mut e = Editor::new("met ada  at noon");
        e.word_left();
        assert_eq!(&e.text()[e.cursor()..], "noon");
        e.word_left();
        e.word_left();
        assert_eq!(&e.text()[e.cursor()..], "ada  at noon");
        e.word_right();
        assert_eq!(&e.text()[e.cursor()..], "  at noon");
    }

    #[test]
    fn mentions_are_found_only_at_word_start() {
        let e = Editor::new("coffee with @ad");
        assert_eq!(e.mention_at_cursor(), Some((12, "ad")));
        assert_eq!(Editor::new("mail a@b").mention_at_cursor(), None);
        assert_eq!(Editor::new("@ada lovelace").mention_at_cursor(), None);
        let mut e = Editor::new("with @ad");
        e.replace_before_cursor(5, "@Ada Lovelace ");
        assert_eq!(e.text(), "with @Ada Lovelace ");
        assert_eq!(e.cursor(), e.text().len());
    }
}
