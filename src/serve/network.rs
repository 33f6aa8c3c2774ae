//! The network prepared for matching: every can-help-with phrase, tag and sentence of notes,
//! split into words once, with an index from each distinct word to the phrases that use it.
//! Ranking a need then compares its keywords with the distinct words only (and only those
//! starting with the same letter, which every word rule requires), not with every phrase of
//! every person.

use super::matching::{Reason, Source};
use super::words::{Word, WordMatch, is_stopword, match_word, words};
use crate::journal::{Ix, Journal};
use crate::search::Matcher;
use std::collections::{BTreeSet, HashMap};

/// Distinct words sharing a first letter, each with the phrases that use it.
type WordList = Vec<(Vec<char>, Vec<usize>)>;

struct Phrase {
    ix: Ix,
    source: Source,
    text: String,
    words: Vec<Word>,
}

/// Build once per journal state (after a change, build again); cheap next to ranking.
#[derive(Default)]
pub struct Network {
    /// In contact order, and within a contact: can-help-with, tags, notes.
    phrases: Vec<Phrase>,
    /// First letter → distinct words → phrases holding them.
    words: HashMap<char, WordList>,
    /// A tag, lowercased → the phrases that are that tag.
    tags: HashMap<Vec<char>, Vec<usize>>,
}

impl Network {
    pub fn new(journal: &Journal) -> Network {
        let mut net = Network::default();
        let mut vocab: HashMap<Vec<char>, Vec<usize>> = HashMap::new();
        for (ix, c) in journal.contacts().iter().enumerate() {
            let notes = c.notes.as_deref().map(sentences).unwrap_or_default();
            let all = c
                .can_help_with
                .iter()
                .map(|p| (Source::CanHelpWith, p.as_str()))
                .chain(c.tags.iter().map(|t| (Source::Tag, t.as_str())))
                .chain(notes.into_iter().map(|s| (Source::Notes, s)));
            for (source, text) in all {
                let id = net.phrases.len();
                if source == Source::Tag {
                    let lower: Vec<char> =
                        text.trim().chars().flat_map(char::to_lowercase).collect();
                    net.tags.entry(lower).or_default().push(id);
                    net.phrases.push(Phrase {
                        ix,
                        source,
                        text: text.to_string(),
                        words: Vec::new(),
                    });
                    continue;
                }
                let ws = words(text);
                for w in &ws {
                    let ids = vocab.entry(w.lower.clone()).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                }
                net.phrases.push(Phrase {
                    ix,
                    source,
                    text: text.to_string(),
                    words: ws,
                });
            }
        }
        for (word, ids) in vocab {
            if let Some(&first) = word.first() {
                net.words.entry(first).or_default().push((word, ids));
            }
        }
        net
    }

    /// Per person (in contact order, leaving out `exclude`), every phrase that matches.
    pub(super) fn found(
        &self,
        matcher: &Matcher,
        keys: &[Vec<char>],
        exclude: Option<Ix>,
    ) -> Vec<(Ix, Vec<Found>)> {
        let mut candidates = BTreeSet::new();
        for k in keys {
            let Some(&first) = k.first() else { continue };
            for (word, ids) in self
                .words
                .get(&first)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if match_word(matcher, k, word).is_some() {
                    candidates.extend(ids.iter().copied());
                }
            }
            candidates.extend(self.tags.get(k).into_iter().flatten().copied());
        }
        let mut out: Vec<(Ix, Vec<Found>)> = Vec::new();
        for id in candidates {
            let p = &self.phrases[id];
            if Some(p.ix) == exclude {
                continue;
            }
            let Some(found) = found_in(matcher, keys, p) else {
                continue;
            };
            match out.last_mut() {
                Some((ix, list)) if *ix == p.ix => list.push(found),
                _ => out.push((p.ix, vec![found])),
            }
        }
        out
    }
}

/// A reason before the network-wide rarity of its words is known.
pub(super) struct Found {
    pub reason: Reason,
    /// Keywords matched as the same word or its plural.
    pub close: Vec<String>,
    /// At least half the phrase matched closely.
    pub mostly: bool,
}

fn found_in(matcher: &Matcher, keys: &[Vec<char>], p: &Phrase) -> Option<Found> {
    let reason = |keywords, positions| Reason {
        source: p.source,
        phrase: p.text.clone(),
        keywords,
        positions,
        strong: false,
    };
    match p.source {
        Source::Tag => {
            let lower: Vec<char> = p.text.trim().chars().flat_map(char::to_lowercase).collect();
            let k = keys.iter().find(|k| **k == lower)?;
            let all = (0..p.text.chars().count()).collect();
            Some(Found {
                reason: reason(vec![k.iter().collect()], all),
                close: Vec::new(),
                mostly: false,
            })
        }
        Source::Notes => {
            let m = match_phrase(matcher, keys, &p.words);
            // One shared word in a sentence of notes is too often a coincidence.
            (m.keywords.len() >= 2).then(|| Found {
                reason: reason(m.keywords, m.positions),
                close: Vec::new(),
                mostly: false,
            })
        }
        Source::CanHelpWith => {
            let m = match_phrase(matcher, keys, &p.words);
            if m.keywords.is_empty() {
                return None;
            }
            let counted = p
                .words
                .iter()
                .zip(&m.word_hits)
                .filter(|(w, h)| **h > 0.0 || (!w.capital && !is_stopword(&w.text())))
                .count();
            let matched = m.word_hits.iter().filter(|h| **h >= CLOSE).count();
            Some(Found {
                mostly: matched > 0 && matched * 2 >= counted,
                close: m.close,
                reason: reason(m.keywords, m.positions),
            })
        }
    }
}

/// Which keywords a phrase holds, with the positions (in the phrase) that matched.
struct PhraseMatch {
    keywords: Vec<String>,
    /// Keywords matched as the same word or its plural.
    close: Vec<String>,
    positions: Vec<usize>,
    /// Per word of the phrase: the best closeness of any keyword, 0 when none matched.
    word_hits: Vec<f64>,
}

/// Closeness from which a word counts as "the same word" (see `WordMatch`).
const CLOSE: f64 = 0.9;

fn match_phrase(matcher: &Matcher, keys: &[Vec<char>], ws: &[Word]) -> PhraseMatch {
    let mut m = PhraseMatch {
        keywords: Vec::new(),
        close: Vec::new(),
        positions: Vec::new(),
        word_hits: vec![0.0; ws.len()],
    };
    for k in keys {
        let mut best: f64 = 0.0;
        for (i, w) in ws.iter().enumerate() {
            if let Some(WordMatch {
                positions,
                closeness,
            }) = match_word(matcher, k, &w.lower)
            {
                best = best.max(closeness);
                m.word_hits[i] = m.word_hits[i].max(closeness);
                m.positions
                    .extend(positions.into_iter().map(|p| p + w.start));
            }
        }
        if best > 0.0 {
            m.keywords.push(k.iter().collect());
        }
        if best >= CLOSE {
            m.close.push(k.iter().collect());
        }
    }
    m.positions.sort_unstable();
    m.positions.dedup();
    m
}

/// Notes split into sentences (and lines), trimmed, empty ones dropped.
fn sentences(notes: &str) -> Vec<&str> {
    notes
        .split(['.', '!', '?', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}
