//! The related terms (`related.toml`, shipped in the binary) and the ones a person adds under
//! `[[related]]` in `config.toml`. A group is a set of words and short phrases that a person
//! asking for one would be glad to be matched with another ("accountant", "tax advisor",
//! "Steuerberater"). Words are compared by stem, English and German.

use super::terms::{Term, german_stem, stem, terms};
use crate::fasthash::FastMap;
use serde::Deserialize;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("related.toml");

/// One group as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub domain: String,
    pub words: Vec<String>,
}

/// A group that does not read, with the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    related: Vec<toml::Spanned<RawGroup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    #[serde(default)]
    domain: Option<String>,
    words: Vec<toml::Spanned<String>>,
}

/// The `[[related]]` groups of a file's text (other tables are left to their readers).
pub fn parse(text: &str) -> Result<Vec<Group>, VocabularyError> {
    let line = |at: usize| crate::model::line_col(text, at).0;
    let file: File = toml::from_str(text).map_err(|e| VocabularyError {
        line: e.span().map(|s| line(s.start)).unwrap_or(1),
        message: match e.message() {
            m if m.contains("unknown field") => {
                format!("[[related]]: {m} (a group has `words` and, if you like, `domain`)")
            }
            m => m.to_string(),
        },
    })?;
    let mut groups = Vec::new();
    // Lines are counted only for a message: counting from the start for each of the shipped
    // file's 600 words was 4 to 6 ms of every command that matches.
    for raw in file.related {
        let at = raw.span().start;
        let raw = raw.into_inner();
        let mut words = Vec::new();
        for w in raw.words {
            let word_at = w.span().start;
            let w = w.into_inner();
            if !w.chars().any(char::is_alphanumeric) {
                return Err(VocabularyError {
                    line: line(word_at),
                    message: format!("[[related]]: {w:?} has no letters to match on"),
                });
            }
            words.push(w.trim().to_string());
        }
        if words.len() < 2 {
            return Err(VocabularyError {
                line: line(at),
                message: "[[related]]: a group needs at least two words that belong together"
                    .into(),
            });
        }
        groups.push(Group {
            domain: raw.domain.unwrap_or_default(),
            words,
        });
    }
    Ok(groups)
}

/// Groups ready for lookup by stem.
#[derive(Debug, Default)]
pub struct Vocabulary {
    groups: Vec<Group>,
    /// Stem of a one-word entry (English and German) → its groups.
    single: FastMap<String, Vec<u32>>,
    /// Stems of a phrase's words joined by spaces → its groups.
    phrases: FastMap<String, Vec<u32>>,
    /// The longest phrase, in words.
    longest: usize,
}

/// Every group as written, into `h`.
fn hash_groups(h: &mut xxhash_rust::xxh3::Xxh3, groups: &[Group]) {
    for g in groups {
        h.update(g.domain.as_bytes());
        h.update(&[0]);
        for w in &g.words {
            h.update(w.as_bytes());
            h.update(&[1]);
        }
        h.update(&[2]);
    }
}

impl Vocabulary {
    pub fn new(groups: Vec<Group>) -> Vocabulary {
        let mut v = Vocabulary::default();
        for (id, g) in groups.iter().enumerate() {
            let id = id as u32;
            for w in &g.words {
                let lower = w.to_lowercase();
                let ts = terms(&lower);
                let words: Vec<&Term> = dedupe_parts(&ts);
                match words.as_slice() {
                    [] => {}
                    [one] => {
                        for key in [one.stem.clone(), german_stem(&one.lower)] {
                            push(v.single.entry(key).or_default(), id);
                        }
                    }
                    many => {
                        v.longest = v.longest.max(many.len());
                        let key = many.iter().map(|t| t.stem.as_str()).collect::<Vec<_>>();
                        push(v.phrases.entry(key.join(" ")).or_default(), id);
                        // "Blue Card" is also "bluecard"; a German compound is one word.
                        let joined: String = many.iter().map(|t| t.lower.as_str()).collect();
                        push(v.single.entry(stem(&joined)).or_default(), id);
                    }
                }
            }
        }
        v.groups = groups;
        v
    }

    /// The shipped groups.
    pub fn builtin_groups() -> Vec<Group> {
        // The file is part of the binary and tested; a broken one is a build-time mistake.
        parse(BUILTIN).unwrap_or_default()
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    pub fn domain(&self, group: u32) -> &str {
        self.groups
            .get(group as usize)
            .map(|g| g.domain.as_str())
            .unwrap_or("")
    }

    /// Per term of `ts` (by index), the groups it belongs to: as a word, or as the last word
    /// of a phrase of the vocabulary ("tax advisor" gives "advisor" the tax group).
    pub fn groups_of(&self, ts: &[Term]) -> Vec<Vec<u32>> {
        let mut out: Vec<Vec<u32>> = vec![Vec::new(); ts.len()];
        for (i, t) in ts.iter().enumerate() {
            for key in [&t.stem, &t.german] {
                if let Some(gs) = self.single.get(key.as_str()) {
                    for g in gs {
                        push(&mut out[i], *g);
                    }
                }
            }
        }
        if self.longest >= 2 {
            // Phrases over whole words: a hyphenated word's parts are skipped (its joined
            // form, the last of its terms, stands for it).
            let whole: Vec<usize> = (0..ts.len())
                .filter(|&i| ts.get(i + 1).is_none_or(|n| n.word != ts[i].word))
                .collect();
            for end in 0..whole.len() {
                for n in 2..=self.longest.min(end + 1) {
                    let key: Vec<&str> = whole[end + 1 - n..=end]
                        .iter()
                        .map(|&i| ts[i].stem.as_str())
                        .collect();
                    if let Some(gs) = self.phrases.get(&key.join(" ")) {
                        for g in gs {
                            push(&mut out[whole[end]], *g);
                        }
                    }
                }
            }
        }
        out
    }
}

fn push(list: &mut Vec<u32>, g: u32) {
    if !list.contains(&g) {
        list.push(g);
    }
}

/// A hyphenated word's terms are its parts and then the joined word; keep the joined one.
fn dedupe_parts(ts: &[Term]) -> Vec<&Term> {
    ts.iter()
        .enumerate()
        .filter(|(i, t)| ts.get(i + 1).is_none_or(|n| n.word != t.word))
        .map(|(_, t)| t)
        .collect()
}

/// The person's groups as written, once installed.
static USER: OnceLock<Vec<Group>> = OnceLock::new();

/// Add a person's groups (from `config.toml`) to the shipped ones for the rest of the
/// process; the first call wins. Done once at start-up by the front door, before any use:
/// the vocabulary is built on its first use, from the groups installed by then. Building
/// it (every word stemmed) is 3 ms, which most commands never need.
pub fn install(user: Vec<Group>) {
    if user.is_empty() {
        return;
    }
    let _ = USER.set(user);
}

/// Every group in force, as written: the shipped ones, then the person's.
fn groups() -> Vec<Group> {
    let mut all = Vocabulary::builtin_groups();
    all.extend(user_groups().iter().cloned());
    all
}

/// The person's groups, as written, or none.
fn user_groups() -> &'static [Group] {
    USER.get().map_or(&[], Vec::as_slice)
}

/// The vocabulary in force: the shipped groups and, once installed, the person's.
pub fn current() -> &'static Vocabulary {
    static CURRENT: OnceLock<Vocabulary> = OnceLock::new();
    CURRENT.get_or_init(|| Vocabulary::new(groups()))
}

/// A hash of every group in force as written (the shipped file's text, then the person's
/// groups): what a result of matching kept between runs is keyed on, with the cards it
/// read. Without reading the groups into a vocabulary: a brief whose helpers are kept never
/// needs one.
pub fn fingerprint() -> u64 {
    static PRINT: OnceLock<u64> = OnceLock::new();
    *PRINT.get_or_init(|| {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(BUILTIN.as_bytes());
        h.update(&[3]);
        hash_groups(&mut h, user_groups());
        h.digest()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_reads_and_covers_both_languages() {
        let groups = parse(BUILTIN).unwrap();
        assert!(groups.len() >= 30);
        let v = Vocabulary::new(groups);
        let groups_of = |text: &str| -> Vec<Vec<u32>> { v.groups_of(&terms(text)) };
        let tax = &groups_of("accountant")[0];
        assert!(!tax.is_empty());
        assert!(
            groups_of("Steuerberater")[0]
                .iter()
                .any(|g| tax.contains(g))
        );
        // "tax advisor" is a phrase: its last word carries the group.
        let phrase = groups_of("a tax advisor");
        assert!(phrase[2].iter().any(|g| tax.contains(g)), "{phrase:?}");
        let flat = &groups_of("flat")[0];
        assert!(groups_of("Wohnungen")[0].iter().any(|g| flat.contains(g)));
    }

    #[test]
    fn a_bad_group_is_reported_with_its_line() {
        let err = parse("[keys.browse]\nq = \"quit\"\n\n[[related]]\nword = [\"a\", \"b\"]\n")
            .unwrap_err();
        assert_eq!(err.line, 5, "{err}");
        assert!(err.message.contains("unknown field"), "{err}");
        let err = parse("[[related]]\nwords = [\"Kita\"]\n").unwrap_err();
        assert_eq!(err.line, 1, "{err}");
        let err = parse("[[related]]\nwords = [\"Kita\",\n  \"--\"]\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        let err = parse("[[related]]\nwords = \"Kita\"\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        // Other tables are other readers' business.
        assert_eq!(parse("[keys.browse]\nq = \"quit\"\n").unwrap(), vec![]);
    }

    #[test]
    fn a_persons_group_joins_the_shipped_ones() {
        let mut groups = Vocabulary::builtin_groups();
        groups.extend(parse("[[related]]\nwords = [\"Kita\", \"daycare\"]\n").unwrap());
        let v = Vocabulary::new(groups);
        let gs = v.groups_of(&terms("Kita daycare"));
        assert!(gs[0].iter().any(|g| gs[1].contains(g)));
    }
}
