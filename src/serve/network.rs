//! The network prepared for matching: every can-help-with phrase, tag and sentence of notes,
//! split into words once, with an index from each distinct word to the phrases that use it.
//! Ranking a need then compares its keywords with the distinct words only (and only those
//! starting with the same letter, which every word rule requires), not with every phrase of
//! every person; a phrase then looks its words' matches up by word id.

use super::matching::{Reason, Source};
use super::words::{WordMatch, is_stopword, match_word, words};
use crate::fasthash::FastMap;
use crate::journal::{Ix, Journal};
use crate::search::Matcher;
use std::collections::HashMap;

/// One distinct word of the network, with the phrases that use it.
struct VocabWord {
    text: Vec<char>,
    id: u32,
    phrases: Vec<usize>,
}

/// A word of a phrase: where it starts (in chars), which distinct word it is, and whether it
/// counts towards "most of the phrase" when unmatched (not a stopword, not a capitalised
/// place or name).
struct PhraseWord {
    start: usize,
    id: u32,
    plain: bool,
}

struct Phrase {
    ix: Ix,
    source: Source,
    text: String,
    words: Vec<PhraseWord>,
}

/// Build once per journal state (after a change, build again); cheap next to ranking.
#[derive(Default)]
pub struct Network {
    /// In contact order, and within a contact: can-help-with, tags, notes.
    phrases: Vec<Phrase>,
    /// First letter → distinct words.
    words: HashMap<char, Vec<VocabWord>>,
    /// A tag, lowercased → the phrases that are that tag.
    tags: HashMap<Vec<char>, Vec<usize>>,
}

/// What one need's keywords (by index) match: each matching distinct word (by id) with how,
/// and every phrase that may hold a match, in network order (contact order).
pub(super) struct Matches {
    hits: FastMap<u32, Vec<(usize, WordMatch)>>,
    candidates: Vec<usize>,
    keys: usize,
}

/// The first look at a need's matches, without writing out any reason: per keyword, how many
/// people hold it at all (the rarity test), and per person and keyword the weight of the best
/// source holding it and whether it matched closely in a can-help-with phrase mostly about
/// the need. That is all a helper's score and strength depend on.
pub(super) struct Overview {
    pub people_per_key: Vec<usize>,
    /// People with any reason, ascending.
    pub people: Vec<Ix>,
    /// Row per person (`keys` wide): the best `Source::weight` of a reason holding the keyword.
    pub weight: Vec<f64>,
    /// Row per person: matched closely in a can-help-with phrase mostly about the need.
    pub mostly_close: Vec<bool>,
}

impl Network {
    pub fn new(journal: &Journal) -> Network {
        let mut net = Network::default();
        let mut vocab: HashMap<Vec<char>, (u32, Vec<usize>)> = HashMap::new();
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
                    net.tags.entry(lowered_tag(text)).or_default().push(id);
                    net.phrases.push(Phrase {
                        ix,
                        source,
                        text: text.to_string(),
                        words: Vec::new(),
                    });
                    continue;
                }
                let ws = words(text)
                    .into_iter()
                    .map(|w| {
                        let next = vocab.len() as u32;
                        let plain = !w.capital && !is_stopword(&w.text());
                        let (word_id, phrases) = vocab.entry(w.lower).or_insert((next, Vec::new()));
                        if phrases.last() != Some(&id) {
                            phrases.push(id);
                        }
                        PhraseWord {
                            start: w.start,
                            id: *word_id,
                            plain,
                        }
                    })
                    .collect();
                net.phrases.push(Phrase {
                    ix,
                    source,
                    text: text.to_string(),
                    words: ws,
                });
            }
        }
        for (text, (id, phrases)) in vocab {
            if let Some(&first) = text.first() {
                net.words
                    .entry(first)
                    .or_default()
                    .push(VocabWord { text, id, phrases });
            }
        }
        net
    }

    /// Each keyword compared once with each distinct word of the network (the dearest step,
    /// a fuzzy comparison among them), and the phrases those words and tags are in.
    pub(super) fn matches(&self, matcher: &Matcher, keys: &[Vec<char>]) -> Matches {
        let mut m = Matches {
            hits: FastMap::default(),
            candidates: Vec::new(),
            keys: keys.len(),
        };
        for (i, k) in keys.iter().enumerate() {
            let Some(&first) = k.first() else { continue };
            for word in self
                .words
                .get(&first)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if let Some(found) = match_word(matcher, k, &word.text) {
                    m.hits.entry(word.id).or_default().push((i, found));
                    m.candidates.extend_from_slice(&word.phrases);
                }
            }
            m.candidates
                .extend(self.tags.get(k).into_iter().flatten().copied());
        }
        m.candidates.sort_unstable();
        m.candidates.dedup();
        m
    }

    /// The candidate phrases of people other than `exclude`, grouped by person in order.
    fn by_person<'a>(
        &'a self,
        m: &'a Matches,
        exclude: Option<Ix>,
    ) -> impl Iterator<Item = &'a Phrase> + 'a {
        m.candidates
            .iter()
            .map(|&id| &self.phrases[id])
            .filter(move |p| Some(p.ix) != exclude)
    }

    /// See `Overview`. Allocates nothing per phrase: most of a large network is read here only.
    pub(super) fn overview(
        &self,
        m: &Matches,
        keys: &[Vec<char>],
        exclude: Option<Ix>,
    ) -> Overview {
        let n = m.keys;
        let mut o = Overview {
            people_per_key: vec![0; n],
            people: Vec::new(),
            weight: Vec::new(),
            mostly_close: Vec::new(),
        };
        let mut best = vec![0.0; n];
        for p in self.by_person(m, exclude) {
            let row = match p.source {
                Source::Tag => {
                    let lower = lowered_tag(&p.text);
                    for (b, k) in best.iter_mut().zip(keys) {
                        *b = if *k == lower { 1.0 } else { 0.0 };
                    }
                    false
                }
                Source::Notes => {
                    closest(m, p, &mut best);
                    // As in `found_in`: one shared word in a sentence is no reason.
                    if best.iter().filter(|b| **b > 0.0).count() < 2 {
                        continue;
                    }
                    false
                }
                Source::CanHelpWith => closest(m, p, &mut best),
            };
            if !best.iter().any(|b| *b > 0.0) {
                continue;
            }
            if o.people.last() != Some(&p.ix) {
                o.people.push(p.ix);
                o.weight.resize(o.weight.len() + n, 0.0);
                o.mostly_close.resize(o.mostly_close.len() + n, false);
            }
            let at = o.weight.len() - n;
            let weight = p.source.weight();
            for (k, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    o.weight[at + k] = o.weight[at + k].max(weight);
                }
                o.mostly_close[at + k] |= row && p.source == Source::CanHelpWith && *b >= CLOSE;
            }
        }
        for person in o.weight.chunks(n.max(1)) {
            for (count, w) in o.people_per_key.iter_mut().zip(person) {
                *count += usize::from(*w > 0.0);
            }
        }
        o
    }

    /// Per person (in contact order, leaving out `exclude`, and only those `wanted` says yes
    /// to), every phrase that matches.
    pub(super) fn found(
        &self,
        m: &Matches,
        keys: &[Vec<char>],
        exclude: Option<Ix>,
        wanted: impl Fn(Ix) -> bool,
    ) -> Vec<(Ix, Vec<Found>)> {
        let mut out: Vec<(Ix, Vec<Found>)> = Vec::new();
        for p in self.by_person(m, exclude).filter(|p| wanted(p.ix)) {
            let Some(found) = found_in(m, keys, p) else {
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

fn lowered_tag(tag: &str) -> Vec<char> {
    tag.trim().chars().flat_map(char::to_lowercase).collect()
}

/// Per keyword, the closest any word of the phrase matched it (0 for none), into `best`; and
/// whether at least half the phrase matched closely (see `mostly` in `Found`).
fn closest(m: &Matches, p: &Phrase, best: &mut [f64]) -> bool {
    best.fill(0.0);
    let (mut counted, mut matched) = (0, 0);
    for w in &p.words {
        let mut hit: f64 = 0.0;
        for (k, found) in m.hits.get(&w.id).into_iter().flatten() {
            best[*k] = best[*k].max(found.closeness);
            hit = hit.max(found.closeness);
        }
        counted += usize::from(hit > 0.0 || w.plain);
        matched += usize::from(hit >= CLOSE);
    }
    matched > 0 && matched * 2 >= counted
}

/// A reason before the network-wide rarity of its words is known.
pub(super) struct Found {
    pub reason: Reason,
    /// Keywords matched as the same word or its plural.
    pub close: Vec<String>,
    /// At least half the phrase matched closely.
    pub mostly: bool,
}

fn found_in(m: &Matches, keys: &[Vec<char>], p: &Phrase) -> Option<Found> {
    let reason = |keywords, positions| Reason {
        source: p.source,
        phrase: p.text.clone(),
        keywords,
        positions,
        strong: false,
    };
    match p.source {
        Source::Tag => {
            let lower = lowered_tag(&p.text);
            let k = keys.iter().find(|k| **k == lower)?;
            let all = (0..p.text.chars().count()).collect();
            Some(Found {
                reason: reason(vec![k.iter().collect()], all),
                close: Vec::new(),
                mostly: false,
            })
        }
        Source::Notes => {
            let pm = match_phrase(m, keys, p);
            // One shared word in a sentence of notes is too often a coincidence.
            (pm.keywords.len() >= 2).then(|| Found {
                reason: reason(pm.keywords, pm.positions),
                close: Vec::new(),
                mostly: false,
            })
        }
        Source::CanHelpWith => {
            let pm = match_phrase(m, keys, p);
            if pm.keywords.is_empty() {
                return None;
            }
            Some(Found {
                mostly: pm.mostly,
                close: pm.close,
                reason: reason(pm.keywords, pm.positions),
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
    /// At least half the phrase matched closely.
    mostly: bool,
}

/// Closeness from which a word counts as "the same word" (see `WordMatch`).
const CLOSE: f64 = 0.9;

fn match_phrase(m: &Matches, keys: &[Vec<char>], p: &Phrase) -> PhraseMatch {
    let mut best = vec![0.0; keys.len()];
    let mostly = closest(m, p, &mut best);
    let mut positions = Vec::new();
    for w in &p.words {
        for (_, found) in m.hits.get(&w.id).into_iter().flatten() {
            positions.extend(found.positions.iter().map(|i| i + w.start));
        }
    }
    positions.sort_unstable();
    positions.dedup();
    let with = |min: f64| {
        keys.iter()
            .zip(&best)
            .filter(|(_, b)| **b >= min)
            .map(|(k, _)| k.iter().collect())
            .collect()
    };
    PhraseMatch {
        keywords: with(f64::MIN_POSITIVE),
        close: with(CLOSE),
        positions,
        mostly,
    }
}

/// Notes split into sentences (and lines), trimmed, empty ones dropped.
fn sentences(notes: &str) -> Vec<&str> {
    notes
        .split(['.', '!', '?', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}
