//! Something wrong in one file, located by line and column: plain data, made by the store
//! and shown by the core and the screen.

use std::fmt;
use std::path::PathBuf;

/// Something wrong in one file, located precisely so a person can jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the data folder.
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is readable; something in it looks wrong and is shown as is.
    Warning,
    /// The file did not load; rolo will not write it until it parses again.
    Error,
}

impl Problem {
    pub fn error(
        path: impl Into<PathBuf>,
        (line, col): (usize, usize),
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            path: path.into(),
            line,
            col,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn warning(
        path: impl Into<PathBuf>,
        (line, col): (usize, usize),
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, (line, col), message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(
            f,
            "{}:{}:{}: {}{}",
            self.path.display(),
            self.line,
            self.col,
            tag,
            self.message
        )
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line starts of one text, so many positions in a big file are located by binary search
/// instead of each counting the newlines before it (which made a month file's load quadratic).
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let newlines = text.match_indices('\n').map(|(i, _)| i + 1);
        Lines {
            starts: std::iter::once(0).chain(newlines).collect(),
        }
    }

    /// The same answer as `line_col(text, offset)`, for the text this was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        (line.max(1), text[start..offset].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_lines_agree_with_counting() {
        let text = "a = 1\nname = \"Zoë\" x\n\n[[entry]]\nnote = \"ü\"\n";
        let lines = Lines::new(text);
        for offset in 0..text.len() + 3 {
            assert_eq!(
                lines.line_col(text, offset),
                line_col(text, offset),
                "at {offset}"
            );
        }
        assert_eq!(Lines::new("").line_col("", 5), (1, 1));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nname = \"Zoë\" x";
        let off = text.find('x').unwrap();
        assert_eq!(line_col(text, off), (2, 14));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 10_000), (2, 15));
    }
}
