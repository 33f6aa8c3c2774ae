//! A stand-in for the person in a contact file that does not load.
//!
//! A file with a typo must not make its person vanish: entries still point at the id, and a
//! name typed on the command line must find them rather than someone else. The stand-in
//! carries the id (the file name, which is always right) and a best-effort name read line by
//! line, since the TOML as a whole does not parse. Nothing else is guessed: a half-read need
//! or date would be shown as if it were true.

use super::problem::Problem;
use crate::model::Contact;

/// A contact file that did not load: what is wrong with it, and a stand-in for its person.
/// `stand_in` is `None` only when the file is gone (deleted between listing and reading);
/// boxed, as the rare case, so a load's results stay small.
#[derive(Debug, Clone)]
pub struct BrokenContact {
    pub problem: Problem,
    pub stand_in: Option<Box<Contact>>,
}

/// Names longer than this are not names (a string left open swallows the rest of the line).
const LONGEST_NAME: usize = 120;

/// The person of contact file `id` whose text (read as far as it goes) is `text`.
pub fn stand_in(id: &str, text: &str) -> Contact {
    let name = name_line(text).unwrap_or_else(|| id.to_string());
    Contact::new(id, name)
}

/// The value of a top-level `name = "..."` line, terminated or not, before any `[table]`.
fn name_line(text: &str) -> Option<String> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            // Past the top-level keys: a `name` further down belongs to a need or a table.
            return None;
        }
        let Some(rest) = line.strip_prefix("name") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let mut chars = value.chars();
        let quote = chars.next().filter(|q| *q == '"' || *q == '\'')?;
        let inner = chars.as_str();
        // Closed: up to the closing quote. Left open (the typo itself): the rest of the line.
        let name = inner.split(quote).next().unwrap_or(inner).trim();
        let name: String = name.chars().take(LONGEST_NAME).collect();
        return (!name.is_empty()).then_some(name);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> String {
        stand_in("ben-carter", text).name
    }

    #[test]
    fn the_name_line_is_read_even_when_the_file_does_not_parse() {
        assert_eq!(name("name = \"Ben Carter\"\ntags = [\n"), "Ben Carter");
        assert_eq!(name("  name='Ben C' # hi\nx = = 1"), "Ben C");
        // The typo is in the name itself: what was typed is still the best guess.
        assert_eq!(name("name = \"Ben Carter\ntags = [\"x\"]\n"), "Ben Carter");
    }

    #[test]
    fn without_a_readable_name_the_id_stands_in() {
        assert_eq!(name(""), "ben-carter");
        assert_eq!(name("name = \"\"\n"), "ben-carter");
        assert_eq!(name("name = 42\n"), "ben-carter");
        assert_eq!(name("names = \"Nope\"\n"), "ben-carter");
        assert_eq!(name("[[need]]\nname = \"Not Ben\"\n"), "ben-carter");
        assert_eq!(stand_in("ben-carter", "x").id, "ben-carter");
    }
}
