//! A small document builder for the longer read-outs (brief, due, today): the same calls give
//! plain text wrapped to the terminal (bold only on a terminal without `NO_COLOR`) or Markdown
//! for pasting. Text handed in must already be sanitised; the only escapes here are our own.
//! In Markdown every character a person wrote is escaped when its line is placed, so a name
//! like `Jean_Luc` or a need starting "1." reads as written once rendered.

use std::io::IsTerminal;

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const UNDERLINE: &str = "\x1b[4m";
const RESET: &str = "\x1b[0m";
/// Strong text in Markdown, until its line is placed and escaped: then `**`. Text from the
/// files cannot hold it (`inert` makes every control character visible first), so the
/// escaping can tell rolo's own markup from what a person wrote.
const MD_STRONG: char = '\u{1}';
const MD_STRONG_STR: &str = "\u{1}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain { width: usize, color: bool },
    Markdown,
}

impl Format {
    /// Plain text for stdout: width from `COLUMNS`, else the terminal's size, else 80;
    /// colour only on a terminal and when `NO_COLOR` is unset.
    pub fn detect(markdown: bool) -> Format {
        if markdown {
            return Format::Markdown;
        }
        let tty = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok());
        let size = || {
            tty.then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
        };
        let width = columns.or_else(size).filter(|w| *w > 0).unwrap_or(80);
        Format::Plain {
            width: width.clamp(30, 160),
            color: tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

pub struct Doc {
    format: Format,
    lines: Vec<String>,
}

impl Doc {
    pub fn new(format: Format) -> Doc {
        Doc {
            format,
            lines: Vec::new(),
        }
    }

    pub fn markdown(&self) -> bool {
        self.format == Format::Markdown
    }

    fn color(&self) -> bool {
        matches!(self.format, Format::Plain { color: true, .. })
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color() {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    /// Bold on a terminal, `**strong**` in Markdown.
    pub fn strong(&self, s: &str) -> String {
        if self.markdown() {
            format!("{MD_STRONG}{s}{MD_STRONG}")
        } else {
            self.paint(BOLD, s)
        }
    }

    /// Dim on a terminal; plain elsewhere.
    pub fn quiet(&self, s: &str) -> String {
        self.paint(DIM, s)
    }

    /// `text` with the chars at `positions` marked (underlined, or bold in Markdown).
    pub fn highlight(&self, text: &str, positions: &[usize]) -> String {
        let (on, off) = match self.format {
            Format::Markdown => (MD_STRONG_STR, MD_STRONG_STR),
            Format::Plain { color: true, .. } => (UNDERLINE, RESET),
            Format::Plain { color: false, .. } => return text.to_string(),
        };
        let mut out = String::new();
        let mut inside = false;
        for (i, c) in text.chars().enumerate() {
            let hit = positions.binary_search(&i).is_ok();
            if hit != inside {
                out.push_str(if hit { on } else { off });
                inside = hit;
            }
            out.push(c);
        }
        if inside {
            out.push_str(off);
        }
        out
    }

    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    pub fn title(&mut self, text: &str) {
        let line = if self.markdown() {
            format!("# {}", markdown_escaped(text))
        } else {
            self.paint(BOLD, text)
        };
        self.lines.push(line);
        if self.markdown() {
            self.lines.push(String::new());
        }
    }

    pub fn heading(&mut self, text: &str) {
        self.blank();
        let line = if self.markdown() {
            format!("## {}", markdown_escaped(text))
        } else {
            self.paint(BOLD, text)
        };
        self.lines.push(line);
        if self.markdown() {
            self.lines.push(String::new());
        }
    }

    /// A line of running text (a paragraph line in Markdown).
    pub fn text(&mut self, text: &str) {
        if self.markdown() {
            // Two trailing spaces keep consecutive lines apart when rendered.
            self.lines.push(format!("{}  ", markdown_escaped(text)));
        } else {
            self.wrap(text, "", "");
        }
    }

    /// Running text inside a section (indented like its items).
    pub fn note(&mut self, text: &str) {
        if self.markdown() {
            self.lines.push(format!("{}  ", markdown_escaped(text)));
        } else {
            self.wrap(text, "  ", "  ");
        }
    }

    /// A bullet item.
    pub fn item(&mut self, text: &str) {
        if self.markdown() {
            self.lines.push(format!("- {}  ", markdown_escaped(text)));
        } else {
            self.wrap(text, "  • ", "    ");
        }
    }

    /// A detail line under the last item (indented).
    pub fn detail(&mut self, text: &str) {
        if self.markdown() {
            self.lines.push(format!("  {}  ", markdown_escaped(text)));
        } else {
            self.wrap(text, "    ", "    ");
        }
    }

    /// Several lines of someone's own writing under an item, line breaks kept.
    pub fn body(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            if self.markdown() {
                self.lines
                    .push(format!("  > {}", markdown_escaped(line.trim_end())));
            } else {
                self.wrap(line.trim_end(), "    ", "    ");
            }
        }
    }

    fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        let width = match self.format {
            Format::Plain { width, .. } => width,
            Format::Markdown => usize::MAX,
        };
        self.lines.extend(wrap(text, width, first, rest));
    }

    pub fn render(mut self) -> String {
        while self.lines.last().is_some_and(|l| l.is_empty()) {
            self.lines.pop();
        }
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
}

/// Visible width in terminal columns (a CJK character or an emoji takes two), not counting
/// our own `ESC [ ... m` styling.
#[cfg(test)]
fn visible(s: &str) -> usize {
    Width::default().then(s).columns
}

/// The visible width of text read so far, and whether it stopped inside an `ESC [ ... m`:
/// so a line's width grows word by word instead of being counted again for each word.
#[derive(Clone, Copy, Default)]
struct Width {
    columns: usize,
    in_escape: bool,
}

impl Width {
    fn then(mut self, s: &str) -> Width {
        use unicode_width::UnicodeWidthChar;
        for c in s.chars() {
            match (self.in_escape, c) {
                (false, '\x1b') => self.in_escape = true,
                (true, 'm') => self.in_escape = false,
                (true, _) => {}
                (false, c) => self.columns += c.width().unwrap_or(0),
            }
        }
        self
    }
}

/// Greedy word wrap with a first-line and a hanging prefix; a word longer than the line is
/// left whole rather than cut (it may be a link someone wants to copy). The line's width is
/// carried along: counting the whole line again for every word made `rolo due` on 10,000
/// people spend a twentieth of its time here.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut shown = Width::default().then(first);
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        // As counted before: the line so far, a space, the word on its own.
        let need = shown.columns + usize::from(!empty) + Width::default().then(word).columns;
        if !empty && need > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            shown = Width::default().then(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
            shown = shown.then(" ");
        }
        line.push_str(word);
        shown = shown.then(word);
        empty = false;
    }
    lines.push(line.trim_end().to_string());
    lines
}

/// `text` as Markdown that renders to exactly these characters, with rolo's strong marks
/// turned into `**`. Inline markup characters are escaped wherever they are; characters that
/// are markup only at the start of a line (a heading, a quote, a list item, a numbered item, a
/// heading underline) only there, so "(for #1)" stays readable as plain text too.
fn markdown_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let body = text.trim_start();
    out.push_str(&text[..text.len() - body.len()]);
    let chars: Vec<char> = body.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let special = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '#' | '>' | '-' | '+' | '=' => i == 0,
            '.' | ')' => digits > 0 && i == digits,
            '&' => is_entity(&chars[i + 1..]),
            _ => false,
        };
        if c == MD_STRONG {
            out.push_str("**");
        } else {
            if special {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether `&` followed by `rest` reads as an HTML entity (`&amp;`, `&#38;`): "R&D" does not.
fn is_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The wrap as it was: the whole line counted again for each word.
    fn wrap_counting_each_time(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = first.to_string();
        let mut empty = true;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let need = visible(&line) + usize::from(!empty) + visible(word);
            if !empty && need > width {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        lines.push(line.trim_end().to_string());
        lines
    }

    proptest! {
        /// Carrying the width along wraps exactly as counting it afresh did, styling, wide
        /// characters, a stray escape and all.
        #[test]
        fn carried_width_wraps_as_counting_afresh(
            text in "([a-z]{1,9}|李雷|\\x1b\\[1m|\\x1b\\[0m|\\x1b|m| ){0,30}",
            width in 0usize..40,
            first in "(  • |    |\\x1b\\[1m|)",
            rest in "(    |  |)",
        ) {
            prop_assert_eq!(
                wrap(&text, width, &first, &rest),
                wrap_counting_each_time(&text, width, &first, &rest)
            );
        }
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        // Ten CJK characters are twenty columns: they do not fit beside "ab" in 21.
        let han = "中文中文中文中文中文";
        assert_eq!(wrap(&format!("ab {han}"), 21, "", ""), ["ab", han]);
        assert_eq!(
            wrap(&format!("ab {han}"), 23, "", ""),
            [format!("ab {han}")]
        );
    }

    #[test]
    fn wraps_with_hanging_indent_and_ignores_styling() {
        let lines = wrap("one two three four", 11, "  • ", "    ");
        assert_eq!(lines, vec!["  • one two", "    three", "    four"]);
        let styled = wrap("\x1b[1mone\x1b[0m two three", 9, "", "");
        assert_eq!(styled, vec!["\x1b[1mone\x1b[0m two", "three"]);
    }

    #[test]
    fn styling_only_when_colour_is_on() {
        let on = Doc::new(Format::Plain {
            width: 80,
            color: true,
        });
        assert_eq!(on.strong("a"), "\x1b[1ma\x1b[0m");
        assert_eq!(on.highlight("ab", &[1]), "a\x1b[4mb\x1b[0m");
        let off = Doc::new(Format::Plain {
            width: 80,
            color: false,
        });
        assert_eq!(off.strong("a"), "a");
        assert_eq!(off.quiet("a"), "a");
        let mut md = Doc::new(Format::Markdown);
        md.item(&md.strong("a"));
        assert_eq!(md.render(), "- **a**  \n");
    }

    #[test]
    fn highlight_marks_runs() {
        let mut doc = Doc::new(Format::Markdown);
        doc.detail(&doc.highlight("event venue", &[6, 7, 8, 9, 10]));
        assert_eq!(doc.render(), "  event **venue**  \n");
        let plain = Doc::new(Format::Plain {
            width: 80,
            color: false,
        });
        assert_eq!(plain.highlight("event venue", &[6]), "event venue");
    }

    /// What a person wrote renders as written: their `*`, `_`, `#` or a leading "1." are
    /// characters, not markup; only rolo's own strong marks become `**`.
    #[test]
    fn markdown_escapes_what_people_wrote() {
        let mut doc = Doc::new(Format::Markdown);
        doc.title("Jean_Luc *Star* <b> ~x~");
        doc.item(&format!(
            "{}: likes [links](x), R&D, &amp; and `code` (for #1) a > b",
            doc.strong("Ana_B")
        ));
        doc.text("1. not a list");
        doc.text("- nor this");
        doc.text("  +42 or this");
        doc.body("---\n# no heading\n> nor a quote\nback\\slash 2024) fine");
        assert_eq!(
            doc.render(),
            [
                "# Jean\\_Luc \\*Star\\* \\<b> \\~x\\~",
                "",
                "- **Ana\\_B**: likes \\[links\\](x), R&D, \\&amp; and \\`code\\` (for #1) a > b  ",
                "1\\. not a list  ",
                "\\- nor this  ",
                "  \\+42 or this  ",
                "  > \\---",
                "  > \\# no heading",
                "  > \\> nor a quote",
                "  > back\\\\slash 2024) fine",
                "",
            ]
            .join("\n")
        );
    }
}
