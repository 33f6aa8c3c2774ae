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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nname = \"Zoë\" x";
        let off = text.find('x').unwrap();
        assert_eq!(line_col(text, off), (2, 14));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 10_000), (2, 15));
    }
}
