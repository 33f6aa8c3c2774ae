//! `@name` in a note: whom each mention links, or why it links no one. Pure: the note editor
//! shows it while typing, saving links exactly the people it names, and the status after a
//! save says which mentions were left as plain text.
//!
//! A mention links a person only when the person was picked from the suggestions (their
//! full name follows the `@`), or when the word resolves to exactly one person under the
//! rules every write follows (`Journal::resolve`): never a fuzzy guess, so Enter can never
//! add someone the note does not name.

use crate::journal::{Ix, Journal, Names, Resolution};
use std::ops::Range;

/// How many following words a hand-typed `@Ada Lovelace` may span.
const MAX_NAME_WORDS: usize = 4;

/// How many candidates a hint names.
const HINT_NAMES: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Bytes of the note from the `@` to the end of the name.
    pub range: Range<usize>,
    pub link: Link,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// This contact id.
    Person(String),
    /// No one has that name.
    NoOne,
    /// Several people fit; these, in name order.
    Several(Vec<Ix>),
}

impl Mention {
    pub fn linked(&self) -> Option<&str> {
        match &self.link {
            Link::Person(id) => Some(id),
            _ => None,
        }
    }
}

/// A character that continues the word after `@`.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '-' | '_' | '\'' | '\u{2019}')
}

/// A word that has no one by that name but an apostrophe ("@sarah's") is tried again
/// without what follows it ("@sarah"); "@O'Brien" keeps its apostrophe.
fn one_word(word: &str, with: &[String], names: &Names, journal: &Journal) -> (Link, usize) {
    let link = match names.resolve(word) {
        Resolution::One(ix) => journal
            .contact(ix)
            .map_or(Link::NoOne, |c| Link::Person(c.id.clone())),
        Resolution::Ambiguous(ixs) => {
            // "@ada" on a note that already has one of the Adas means her.
            let mut on_note = ixs
                .iter()
                .filter_map(|&ix| journal.contact(ix))
                .filter(|c| with.contains(&c.id));
            match (on_note.next(), on_note.next()) {
                (Some(c), None) => Link::Person(c.id.clone()),
                _ => Link::Several(ixs),
            }
        }
        Resolution::None => Link::NoOne,
    };
    if link == Link::NoOne
        && let Some(cut) = word.find(['\'', '\u{2019}'])
        && cut > 0
    {
        let (shorter, len) = one_word(&word[..cut], with, names, journal);
        if shorter != Link::NoOne {
            return (shorter, len);
        }
    }
    (link, word.len())
}

fn word_len(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !word_char(c))
        .map_or(text.len(), |(i, _)| i)
}

/// The longest name among `with` (the people already picked) that `after` starts with.
fn picked(after: &str, with: &[String], journal: &Journal) -> Option<(String, usize)> {
    with.iter()
        .filter_map(|id| journal.by_id(id))
        .filter(|c| !c.name.is_empty() && after.starts_with(c.name.as_str()))
        .filter(|c| !after[c.name.len()..].starts_with(word_char))
        .max_by_key(|c| c.name.len())
        .map(|c| (c.id.clone(), c.name.len()))
}

/// `@Ada Lovelace` typed by hand: the longest run of up to `MAX_NAME_WORDS` words that is
/// one person's whole name. Shorter runs fall to the one-word rules.
fn full_name(after: &str, names: &Names, journal: &Journal) -> Option<(String, usize)> {
    let mut ends = Vec::new();
    let mut at = word_len(after);
    while ends.len() + 1 < MAX_NAME_WORDS && after[at..].starts_with(' ') {
        let next = word_len(&after[at + 1..]);
        if next == 0 {
            break;
        }
        at += 1 + next;
        ends.push(at);
    }
    ends.iter().rev().find_map(|&end| {
        let ix = names.full_name(&after[..end])?;
        Some((journal.contact(ix)?.id.clone(), end))
    })
}

/// Every `@mention` in `text`, in order. `with` are the people already on the note.
pub fn scan(text: &str, with: &[String], journal: &Journal) -> Vec<Mention> {
    let mut out = Vec::new();
    // Folded once for all the mentions, and only when there is one.
    let mut names = None;
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|t| t.find('@')) {
        let at = from + found;
        from = at + 1;
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let after = &text[at + 1..];
        let word = word_len(after);
        if !starts_word || word == 0 {
            continue;
        }
        let (link, len) = if let Some((id, len)) = picked(after, with, journal) {
            (Link::Person(id), len)
        } else {
            let names = names.get_or_insert_with(|| journal.names());
            match full_name(after, names, journal) {
                Some((id, len)) => (Link::Person(id), len),
                None => one_word(&after[..word], with, names, journal),
            }
        };
        let end = at + 1 + len;
        out.push(Mention {
            range: at..end,
            link,
        });
        from = end;
    }
    out
}

/// The people a note links: those already on it, then each mention that names one person.
pub fn linked(text: &str, with: &[String], journal: &Journal) -> Vec<String> {
    let mut ids = with.to_vec();
    for m in scan(text, with, journal) {
        if let Some(id) = m.linked()
            && !ids.iter().any(|have| have == id)
        {
            ids.push(id.to_string());
        }
    }
    ids
}

/// Why a mention links no one, for the editor and the status line:
/// "@sarah: no one by that name — not linked".
pub fn hint(text: &str, m: &Mention, journal: &Journal) -> Option<String> {
    let typed = text.get(m.range.clone())?;
    let why = match &m.link {
        Link::Person(_) => return None,
        Link::NoOne => "no one by that name".to_string(),
        Link::Several(ixs) => {
            let mut names: Vec<&str> = ixs
                .iter()
                .filter_map(|&ix| journal.contact(ix))
                .map(|c| c.name.as_str())
                .take(HINT_NAMES)
                .collect();
            if ixs.len() > HINT_NAMES {
                names.push("…");
            }
            format!("could be {}", names.join(", "))
        }
    };
    Some(format!("{typed}: {why} — not linked"))
}

/// The hints of every mention that links no one, each typed word once.
pub fn hints(text: &str, mentions: &[Mention], journal: &Journal) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        if let Some(h) = hint(text, m, journal)
            && !out.contains(&h)
        {
            out.push(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;
    use crate::store::Loaded;

    fn journal() -> Journal {
        let people = [
            ("ada-lovelace", "Ada Lovelace"),
            ("ada-byron", "Ada Byron"),
            ("kwame-asante", "Kwame Asante"),
            ("boris", "Борис"),
        ];
        let contacts = people
            .iter()
            .map(|(id, name)| {
                let mut c = Contact::new(*id, *name);
                c.can_help_with = vec!["West African fintech".into()];
                c
            })
            .collect();
        Journal::new(Loaded {
            contacts,
            ..Loaded::default()
        })
    }

    fn links(text: &str, with: &[&str]) -> Vec<(String, Option<String>)> {
        let j = journal();
        let with: Vec<String> = with.iter().map(|s| s.to_string()).collect();
        scan(text, &with, &j)
            .into_iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    m.linked().map(String::from),
                )
            })
            .collect()
    }

    fn person(id: &str) -> Option<String> {
        Some(id.to_string())
    }

    #[test]
    fn only_names_link_and_fuzzy_letters_do_not() {
        assert_eq!(links("met @sarah", &[]), vec![("@sarah".into(), None)]);
        assert_eq!(
            links("@kwame and @борис.", &[]),
            vec![
                ("@kwame".into(), person("kwame-asante")),
                ("@борис".into(), person("boris"))
            ]
        );
        assert_eq!(links("mail ada@example.org", &[]), vec![]);
        assert_eq!(
            links("@kwame's idea", &[]),
            vec![("@kwame".into(), person("kwame-asante"))]
        );
        assert_eq!(links("@ @ @", &[]), vec![]);
    }

    #[test]
    fn an_ambiguous_word_links_only_a_picked_or_whole_name() {
        assert_eq!(links("@ada today", &[]), vec![("@ada".into(), None)]);
        assert_eq!(
            links("@Ada Lovelace today", &["ada-lovelace"]),
            vec![("@Ada Lovelace".into(), person("ada-lovelace"))]
        );
        assert_eq!(
            links("@ada again", &["ada-byron"]),
            vec![("@ada".into(), person("ada-byron"))]
        );
        assert_eq!(
            links("@ada byron, then", &[]),
            vec![("@ada byron".into(), person("ada-byron"))]
        );
    }

    #[test]
    fn hints_say_why_a_mention_is_plain_text() {
        let j = journal();
        let text = "@sarah @ada @sarah";
        let found = scan(text, &[], &j);
        assert_eq!(
            hints(text, &found, &j),
            vec![
                "@sarah: no one by that name — not linked",
                "@ada: could be Ada Byron, Ada Lovelace — not linked",
            ]
        );
        assert_eq!(
            linked(text, &["kwame-asante".into()], &j),
            vec!["kwame-asante"]
        );
    }
}
