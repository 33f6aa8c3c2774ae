//! A file's text as a writer reads it, and the way it is written: a UTF-8 byte-order mark at
//! the start and CRLF line endings are the file's own, so a write puts them back as they were.
//!
//! toml_edit drops a BOM and writes every line it renders with LF; rolo's own blocks are LF
//! too. So the BOM is taken off on reading (the parsers never see it) and put back on writing,
//! and in a CRLF file every LF that rolo wrote gets its CR. A file's ending is judged by its
//! first line; in an LF file rolo leaves any CRLF line as it found it.

use super::decode;
use super::problem::Problem;
use std::borrow::Cow;
use std::path::Path;

/// The UTF-8 encoding of U+FEFF, as some Windows editors put at the start of a file.
pub const BOM: &str = "\u{feff}";

/// How a file is written: what it starts with and how its lines end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bom: bool,
    pub crlf: bool,
}

impl Style {
    /// The style of `raw`, the file's text as it is on disk (BOM included).
    pub fn of(raw: &str) -> Style {
        let text = raw.strip_prefix(BOM).unwrap_or(raw);
        Style {
            bom: text.len() != raw.len(),
            crlf: text.find('\n').is_some_and(|i| text[..i].ends_with('\r')),
        }
    }

    /// `text` (without BOM) with each line end rolo wrote as LF in this file's ending.
    pub fn lines<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if !self.crlf || !has_lone_lf(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + text.len() / 16);
        let mut prev = '\0';
        for c in text.chars() {
            if c == '\n' && prev != '\r' {
                out.push('\r');
            }
            out.push(c);
            prev = c;
        }
        Cow::Owned(out)
    }

    /// The bytes to write for `text` (already in this file's line ending).
    pub fn bytes(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + BOM.len());
        if self.bom {
            out.extend_from_slice(BOM.as_bytes());
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

fn has_lone_lf(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b'\n' && (i == 0 || b[i - 1] != b'\r'))
}

/// A fingerprint to notice outside edits, not a defence against an attacker: xxh3, which is
/// specified and portable (the cache keeps these on disk, so the same bytes must give the same
/// number in every rolo), and many times faster than SipHash over a 45 MB folder. It replaced
/// a hand-written mix in cache format 2 (`cache::codec::VERSION`).
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A file as read for a write: its text without the BOM, its style, and the content hash of
/// its bytes as they are on disk (what `Store::remember` keeps, to notice outside edits).
#[derive(Debug, Clone)]
pub struct FileText {
    pub text: String,
    pub style: Style,
    pub hash: u64,
}

impl FileText {
    /// The text of `bytes`, or the place where it stops being UTF-8.
    pub fn read(rel: &Path, bytes: &[u8]) -> Result<FileText, Problem> {
        let raw = std::str::from_utf8(bytes).map_err(|_| match decode::utf8(rel, bytes) {
            Err(p) => p,
            Ok(_) => Problem::error(rel, (1, 1), "the file is not valid UTF-8 text"),
        })?;
        Ok(FileText {
            text: raw.strip_prefix(BOM).unwrap_or(raw).to_string(),
            style: Style::of(raw),
            hash: content_hash(bytes),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_is_the_first_lines() {
        assert_eq!(Style::of("a = 1\n"), Style::default());
        assert_eq!(
            Style::of("\u{feff}a = 1\r\nb = 2\n"),
            Style {
                bom: true,
                crlf: true
            }
        );
        assert_eq!(
            Style::of("a = 1\nb = 2\r\n"),
            Style {
                bom: false,
                crlf: false
            }
        );
        assert_eq!(
            Style::of("\u{feff}"),
            Style {
                bom: true,
                crlf: false
            }
        );
    }

    #[test]
    fn a_crlf_file_gets_a_cr_on_every_lf_rolo_wrote_and_no_second_one() {
        let crlf = Style {
            bom: false,
            crlf: true,
        };
        assert_eq!(crlf.lines("a\r\nb\nc\n"), "a\r\nb\r\nc\r\n");
        assert_eq!(crlf.lines("\nx"), "\r\nx");
        assert!(matches!(crlf.lines("a\r\nb\r\n"), Cow::Borrowed(_)));
        assert_eq!(Style::default().lines("a\nb\r\n"), "a\nb\r\n");
    }

    #[test]
    fn the_bom_goes_back_in_front() {
        let bom = Style {
            bom: true,
            crlf: false,
        };
        assert_eq!(bom.bytes("a = 1\n"), "\u{feff}a = 1\n".as_bytes());
        assert_eq!(Style::default().bytes("a = 1\n"), b"a = 1\n");
    }
}
