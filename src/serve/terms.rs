//! Words to terms, the unit matching compares: each word lowercased, folded to plain letters
//! ("Zoë" → "zoe", "Übersetzung" → "ubersetzung") and reduced to its Snowball stem, so
//! "recruiting", "recruiter" and "recruit" meet. A hyphenated word counts as each of its parts
//! and as the parts written together ("half-marathon" is "half", "marathon" and
//! "halfmarathon"), so "half marathon", "half-marathon" and "Halbmarathon"-style compounds
//! find each other. The German stem is kept beside the English one: the vocabulary of related
//! terms is looked up by both, because a German word in an English journal ("Wohnung") is
//! stemmed by the wrong rules otherwise.

use super::words::{Word, words};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

fn english() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn german() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::German))
}

/// One term of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Where the word (or the part of a hyphenated word) starts, in chars, and how long it is.
    pub start: usize,
    pub len: usize,
    /// The word as written, lowercased ("co-founder", "founder").
    pub lower: String,
    /// Folded to ASCII letters and digits, then stemmed with English rules.
    pub stem: String,
    /// Stemmed with German rules, then folded.
    pub german: String,
    /// Written with a capital (a place or a name, often).
    pub capital: bool,
    /// The index of the word in the text (parts of one hyphenated word share it).
    pub word: usize,
}

/// ASCII letters and digits only: "zoë" → "zoe", "straße" → "strasse".
pub fn fold(lower: &str) -> String {
    let folded = deunicode::deunicode(lower);
    folded
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The English stem of an already lowercased word.
pub fn stem(lower: &str) -> String {
    let folded = fold(lower);
    english().stem(&folded).into_owned()
}

/// The German stem of an already lowercased word.
pub fn german_stem(lower: &str) -> String {
    fold(&german().stem(lower))
}

fn term(w: &Word, word: usize, offset: usize, lower: &str) -> Option<Term> {
    let stem = stem(lower);
    if stem.is_empty() {
        return None;
    }
    Some(Term {
        start: w.start + offset,
        len: lower.chars().count(),
        lower: lower.to_string(),
        german: german_stem(lower),
        stem,
        capital: w.capital,
        word,
    })
}

/// The terms of a text, in order.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for (i, w) in words(text).iter().enumerate() {
        let lower = w.text();
        if !lower.contains('-') {
            out.extend(term(w, i, 0, &lower));
            continue;
        }
        let mut offset = 0;
        for part in lower.split('-') {
            if part.chars().count() >= 2 {
                out.extend(term(w, i, offset, part));
            }
            offset += part.chars().count() + 1;
        }
        let joined: String = lower.chars().filter(|c| *c != '-').collect();
        if let Some(mut t) = term(w, i, 0, &joined) {
            t.len = lower.chars().count();
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(stem("recruiting"), stem("recruit"));
        assert_eq!(stem("engineers"), stem("engineer"));
        assert_eq!(stem("translation"), stem("translate"));
        assert_eq!(stem("installation"), stem("install"));
        assert_ne!(stem("rust"), stem("trust"));
    }

    #[test]
    fn hyphens_give_parts_and_the_joined_word() {
        assert_eq!(
            stems("half-marathon"),
            vec!["half", "marathon", "halfmarathon"]
        );
        let t = terms("a half-marathon");
        assert_eq!((t[1].start, t[1].len), (2, 4));
        assert_eq!((t[2].start, t[2].len), (7, 8));
        assert_eq!((t[3].start, t[3].len), (2, 13));
    }

    #[test]
    fn letters_are_folded_and_german_is_stemmed_too() {
        let t = terms("Zoë Übersetzungen");
        assert_eq!(t[0].stem, "zoe");
        assert!(t[0].capital);
        assert_eq!(t[1].german, german_stem("übersetzung"));
    }
}
