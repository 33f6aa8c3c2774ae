//! In and out: the address books people already have read into the model, and the journal
//! written out for the tools they already use.
//!
//! Pure, like the rest of the core: bytes and a name in, cards or text out. The command line
//! reads the files to import and writes the exports; the store writes the data folder.
//!
//! - `text`: the bytes of a file as text (UTF-8, UTF-16 with a BOM, or Windows-1252).
//! - `vcard_in` (vCard 2.1, 3.0 and 4.0, through calcard) and `csv_in` (LinkedIn's
//!   `Connections.csv`, Google Contacts CSV, through csv) turn a file into `Card`s, each with
//!   the line it starts on, and say why anything was skipped, at `file:line`.
//! - `mapping`: the small rules both share (a birthday, a name from its parts, lists).
//! - `matching`: which person already here a card is (email, phone, exact name), and what
//!   their record would gain from it; `preview` plans a whole import and words it.
//! - `export`: vCard 4.0, JSON (`rolo/1`), Markdown and iCalendar.

pub mod csv_in;
pub mod export;
pub mod mapping;
pub mod matching;
pub mod preview;
pub mod text;
pub mod vcard_in;

#[cfg(test)]
mod tests;

use crate::model::Contact;

/// Where something in an imported file is: its name as given and a line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One person as an address book describes them: a contact without an id yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub at: Origin,
    pub contact: Contact,
}

/// Something in a file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub at: Origin,
    pub reason: String,
}

/// What reading one file gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    pub cards: Vec<Card>,
    pub skipped: Vec<Skipped>,
}

impl Read {
    pub fn extend(&mut self, other: Read) {
        self.cards.extend(other.cards);
        self.skipped.extend(other.skipped);
    }
}

/// The kinds of file `read` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    VCard,
    Csv,
}

/// Read one file: a vCard file when it holds `BEGIN:VCARD` anywhere, or a `.vcf` name; a
/// CSV otherwise. `name` is how the file is named in messages.
pub fn read(name: &str, bytes: &[u8]) -> Read {
    let text = text::decode(bytes);
    match format_of(name, &text) {
        Format::VCard => vcard_in::read(name, &text),
        Format::Csv => csv_in::read(name, &text),
    }
}

pub fn format_of(name: &str, text: &str) -> Format {
    let vcf = name.to_ascii_lowercase().ends_with(".vcf")
        || name.to_ascii_lowercase().ends_with(".vcard");
    let has_card = text
        .lines()
        .any(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCARD"));
    if vcf || has_card {
        Format::VCard
    } else {
        Format::Csv
    }
}
