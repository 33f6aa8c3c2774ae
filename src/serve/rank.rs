//! Ranking one need against the network (see `matching` for the rules in words).

use super::matching::{Helper, Reason, Source, rare_limit};
use super::network::Network;
use super::query::{QTerm, Query, heads, is_content, query};
use super::terms::terms;
use crate::journal::Ix;

/// A related term counts this much of the same word.
const RELATED: f64 = 0.6;
/// Someone is suggested when what matched covers this much of the need.
const MIN_COVER: f64 = 0.15;
/// Someone known only from notes, the timeline or a company name needs this much.
const WEAK_COVER: f64 = 0.28;
/// A strong match covers this much of the need.
const STRONG_COVER: f64 = 0.35;
/// ... and scores at least this much of the best match: a strong match is one of the best.
const STRONG_NEAR_BEST: f64 = 0.7;
/// For a need offering work, a phrase that says nothing of hiring counts this much.
const NOT_HIRING: f64 = 0.25;
/// For a need for someone, a phrase saying they hire such people ("recruiting rust
/// engineers") helps find one, a little less than being one.
const HIRES: f64 = 0.9;

fn weight(source: Source) -> f64 {
    match source {
        Source::Confirmed | Source::CanHelpWith | Source::Role => 1.0,
        Source::OpenNeed => 0.85,
        Source::Notes => 0.6,
        Source::Timeline => 0.55,
        Source::Company => 0.5,
    }
}

/// One matched word of a phrase.
#[derive(Debug, Clone, Copy)]
struct Hit {
    phrase: u32,
    term: u16,
    word: u16,
    factor: f32,
}

/// A person ranked for a need.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub ix: Ix,
    pub score: f64,
    /// `score` when they match what is needed, else 0.
    head_score: f64,
    pub strong: bool,
    /// Index into `Network::confirmed`.
    pub confirmed: Option<usize>,
    /// Their matched phrases: a range of `Ranked::phrases`.
    from: usize,
    to: usize,
}

/// A matched phrase: which, the strong flag, and the hits (a range of `Ranked::hits`).
#[derive(Debug, Clone)]
struct MatchedPhrase {
    phrase: u32,
    strong: bool,
    from: usize,
    to: usize,
}

pub(super) struct Ranked {
    pub query: Query,
    pub cands: Vec<Cand>,
    phrases: Vec<MatchedPhrase>,
    hits: Vec<Hit>,
}

/// Rank every person of the network for `text`, best first. Nobody is left out here.
pub(super) fn rank(net: &Network, text: &str, owner: Option<Ix>) -> Ranked {
    let q = query(net, text, owner);
    let mut out = Ranked {
        query: q,
        cands: Vec::new(),
        phrases: Vec::new(),
        hits: Vec::new(),
    };
    if out.query.terms.is_empty() {
        return out;
    }
    let q = &out.query;
    let mut hits: Vec<Hit> = Vec::new();
    for (i, t) in q.terms.iter().enumerate() {
        let term = i.min(u16::MAX as usize) as u16;
        for p in net.posts(&t.stem) {
            hits.push(Hit {
                phrase: p.phrase,
                term,
                word: p.word,
                factor: 1.0,
            });
        }
        for part in &t.parts {
            for p in net.posts(part) {
                hits.push(Hit {
                    phrase: p.phrase,
                    term,
                    word: p.word,
                    factor: RELATED as f32,
                });
            }
        }
        for g in &t.groups {
            for p in net.group_posts(*g) {
                hits.push(Hit {
                    phrase: p.phrase,
                    term,
                    word: p.word,
                    factor: RELATED as f32,
                });
            }
        }
    }
    hits.sort_unstable_by(|a, b| {
        (a.phrase, a.term, a.word)
            .cmp(&(b.phrase, b.term, b.word))
            .then(b.factor.total_cmp(&a.factor))
    });
    hits.dedup_by(|b, a| (a.phrase, a.term, a.word) == (b.phrase, b.term, b.word));
    let hiring = net.hiring_groups();
    let others = net.people.saturating_sub(1);
    // Every (person, need word, value, phrase, word of it) found, and the matched phrases;
    // sorted by person afterwards. Buffers are reused: a large journal has thousands of
    // matching phrases per need.
    let mut found: Vec<(Ix, u16, f64, u32, u16)> = Vec::new();
    let mut phrases_found: Vec<(Ix, MatchedPhrase)> = Vec::new();
    let mut pairs: Vec<Hit> = Vec::new();
    let mut used_words: Vec<u16> = Vec::new();
    let mut used_terms: Vec<u16> = Vec::new();
    let n = q.terms.len();
    let mut best = vec![0.0f64; n];
    let mut start = 0;
    while start < hits.len() {
        let pid = hits[start].phrase;
        let mut end = start;
        while end < hits.len() && hits[end].phrase == pid {
            end += 1;
        }
        let group = &hits[start..end];
        let phrase = &net.phrases[pid as usize];
        start = end;
        let source = phrase.source;
        // An open need answers a need only across the two kinds: work offered for a need,
        // a need for what is offered.
        if source == Source::OpenNeed && phrase.offer == q.offer {
            continue;
        }
        // Each word of the phrase answers one word of the need, and each word of the need is
        // answered once: the closest pairs first ("design" cannot stand for "UI", "UX" and
        // "designer" at once).
        pairs.clear();
        pairs.extend_from_slice(group);
        pairs.sort_by(|a, b| b.factor.total_cmp(&a.factor).then(a.term.cmp(&b.term)));
        used_words.clear();
        used_terms.clear();
        pairs.retain(|h| {
            let fresh = !used_words.contains(&h.word) && !used_terms.contains(&h.term);
            if fresh {
                used_words.push(h.word);
                used_terms.push(h.term);
            }
            fresh
        });
        if source == Source::OpenNeed {
            pairs.retain(|h| phrase.words.get(h.word as usize).is_some_and(|w| w.head));
            if pairs.is_empty() {
                continue;
            }
        }
        best.fill(0.0);
        for h in &pairs {
            best[h.term as usize] = h.factor as f64;
        }
        let matched = pairs.len();
        let rare_head = pairs.iter().any(|h| {
            let t = &q.terms[h.term as usize];
            h.factor >= 1.0 && t.head && net.people_with(&t.stem) <= rare_limit(others)
        });
        // Strength wants the word itself (or its plural), not only its stem.
        let rare_word = rare_head
            && pairs.iter().any(|h| {
                let t = &q.terms[h.term as usize];
                let written: String =
                    phrase
                        .words
                        .get(h.word as usize)
                        .map_or(String::new(), |w| {
                            phrase
                                .text
                                .chars()
                                .skip(w.start as usize)
                                .take(w.len as usize)
                                .flat_map(char::to_lowercase)
                                .filter(|c| *c != '-')
                                .collect()
                        });
                h.factor >= 1.0
                    && t.head
                    && same_word(&t.lower.replace('-', ""), &written)
                    && net.people_with(&t.stem) <= rare_limit(others)
            });
        // A sentence of notes or timeline shares a word with many needs by chance: it takes
        // two words of the need, or the very word of what is needed when few people use it.
        if source == Source::Timeline && matched < 2
            || source == Source::Notes && matched < 2 && !rare_head
        {
            continue;
        }
        let mut factor = weight(source);
        let says_hiring = hits_any_group(net, pid, hiring);
        if q.offer && source != Source::OpenNeed && !says_hiring {
            factor *= NOT_HIRING;
        }
        if !q.offer && says_hiring {
            factor *= HIRES;
        }
        // Mostly about the need: half its content words matched.
        let mostly = used_words.len() * 2 >= phrase.content.max(1) as usize;
        let can_be_strong = if q.offer {
            source == Source::OpenNeed || says_hiring
        } else {
            matches!(
                source,
                Source::CanHelpWith | Source::Role | Source::OpenNeed
            )
        };
        let strong = can_be_strong && mostly && rare_word;
        // The person's alignment (below) sees every pair of this phrase, not only this
        // phrase's own best: another phrase of theirs may answer a word better.
        let from = out.hits.len();
        for h in group {
            if source == Source::OpenNeed
                && !phrase.words.get(h.word as usize).is_some_and(|w| w.head)
            {
                continue;
            }
            found.push((
                phrase.ix,
                h.term,
                h.factor as f64 * factor,
                h.phrase,
                h.word,
            ));
            out.hits.push(*h);
        }
        phrases_found.push((
            phrase.ix,
            MatchedPhrase {
                phrase: pid,
                strong,
                from,
                to: out.hits.len(),
            },
        ));
    }
    let q = &out.query;
    // What the need is measured against: all of what is needed, and of what it is for only
    // the words someone in the network uses (nobody can be blamed for "onboarding flow").
    let mut heard = vec![false; n];
    for h in &out.hits {
        heard[h.term as usize] = true;
    }
    let total: f64 = q
        .terms
        .iter()
        .zip(&heard)
        .filter(|(t, heard)| !t.context && !t.alt && (t.head || **heard))
        .map(|(t, _)| t.weight)
        .sum();
    let mut cands: Vec<Cand> = Vec::new();
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.total_cmp(&a.2)).then(a.1.cmp(&b.1)));
    phrases_found.sort_by_key(|(ix, _)| *ix);
    let matched = phrases_found;
    let mut used: Vec<(u32, u16)> = Vec::new();
    let (mut f, mut m) = (0, 0);
    while f < found.len() {
        let ix = found[f].0;
        let mut f_end = f;
        while f_end < found.len() && found[f_end].0 == ix {
            f_end += 1;
        }
        while m < matched.len() && matched[m].0 < ix {
            m += 1;
        }
        let mut m_end = m;
        while m_end < matched.len() && matched[m_end].0 == ix {
            m_end += 1;
        }
        let phrases = &matched[m..m_end];
        // Each word of the need answered once, each word of theirs used once, best first
        // across all their phrases.
        best.fill(0.0);
        used.clear();
        for &(_, term, value, phrase, word) in &found[f..f_end] {
            if best[term as usize] > 0.0 || used.contains(&(phrase, word)) {
                continue;
            }
            best[term as usize] = value;
            used.push((phrase, word));
        }
        f = f_end;
        m = m_end;
        let score = score_of(&best, &q.terms);
        let head = best.iter().zip(&q.terms).any(|(b, t)| *b > 0.0 && t.head);
        let count = best.iter().filter(|b| **b > 0.0).count();
        let cover = score / total.max(f64::MIN_POSITIVE);
        // Only a sentence of notes or the timeline, or a company name: that must say much.
        let weak = phrases.iter().all(|(_, p)| {
            matches!(
                net.phrases[p.phrase as usize].source,
                Source::Notes | Source::Timeline | Source::Company
            )
        });
        let needed = if weak { WEAK_COVER } else { MIN_COVER };
        if !(head || count >= 2) || cover < needed {
            continue;
        }
        let strong = cover >= STRONG_COVER && phrases.iter().any(|(_, p)| p.strong);
        let head_score = if head { score } else { 0.0 };
        let from = out.phrases.len();
        out.phrases.extend(phrases.iter().map(|(_, p)| p.clone()));
        cands.push(Cand {
            ix,
            score,
            head_score,
            strong,
            confirmed: None,
            from,
            to: out.phrases.len(),
        });
    }
    // Near the best of those who match what is needed (not only what it is for).
    let top = cands.iter().map(|c| c.head_score).fold(0.0, f64::max);
    for c in &mut cands {
        c.strong &= c.score >= STRONG_NEAR_BEST * top;
    }
    // Confirmed: introduced before for a need like this one: the very word of what is
    // needed in common, and a good part of the rest.
    let full = terms(text);
    let full_heads = heads(&full);
    let mine: Vec<(&str, bool)> = full
        .iter()
        .zip(&full_heads)
        .filter(|(t, _)| is_content(t))
        .map(|(t, h)| (t.stem.as_str(), *h))
        .collect();
    for (i, c) in net.confirmed.iter().enumerate() {
        let head = mine
            .iter()
            .any(|(s, h)| *h && c.head.iter().any(|x| x == s));
        let shared = mine
            .iter()
            .filter(|(s, _)| c.stems.iter().any(|x| x == s))
            .count();
        if !head || shared * 4 < mine.len() || c.offer != q.offer {
            continue;
        }
        match cands.iter_mut().find(|x| x.ix == c.helper) {
            Some(x) => {
                x.confirmed.get_or_insert(i);
                x.strong = true;
            }
            None => cands.push(Cand {
                ix: c.helper,
                score: 0.0,
                head_score: 0.0,
                strong: true,
                confirmed: Some(i),
                from: 0,
                to: 0,
            }),
        }
    }
    // Tags break ties, never more.
    for c in &mut cands {
        let tags = &net.tags[c.ix];
        let tagged: f64 = q
            .terms
            .iter()
            .filter(|t| tags.contains(&t.stem))
            .map(|t| t.weight)
            .sum();
        c.score += 0.01 * tagged;
    }
    cands.sort_by(|a, b| {
        b.confirmed
            .is_some()
            .cmp(&a.confirmed.is_some())
            .then(b.strong.cmp(&a.strong))
            .then(b.score.total_cmp(&a.score))
            .then(a.ix.cmp(&b.ix))
    });
    out.cands = cands;
    out
}

/// Per need word, what it was answered with times its weight; two alternatives ("Rust or
/// Go") count as the better of the two.
fn score_of(best: &[f64], terms: &[QTerm]) -> f64 {
    let mut score = 0.0;
    let mut last = 0.0;
    for (b, t) in best.iter().zip(terms) {
        let value = b * t.weight;
        if t.alt {
            score += (value - last).max(0.0);
            last = last.max(value);
        } else {
            score += value;
            last = value;
        }
    }
    score
}

/// The same word, or one is the other with a plural ending: closer than a shared stem
/// ("engineer" and "engineering" share one).
fn same_word(a: &str, b: &str) -> bool {
    let plural = |x: &str, y: &str| {
        y.strip_prefix(x)
            .is_some_and(|rest| matches!(rest, "s" | "es"))
    };
    a == b || plural(a, b) || plural(b, a)
}

fn hits_any_group(net: &Network, phrase: u32, groups: &[u32]) -> bool {
    groups.iter().any(|g| {
        net.group_posts(*g)
            .binary_search_by(|p| p.phrase.cmp(&phrase))
            .is_ok()
    })
}

impl Ranked {
    /// The helper with their reasons written out.
    pub fn helper(&self, net: &Network, c: &Cand) -> Helper {
        let mut reasons: Vec<Reason> = Vec::new();
        if let Some(conf) = c.confirmed.and_then(|i| net.confirmed.get(i)) {
            reasons.push(Reason {
                source: Source::Confirmed,
                phrase: conf.what.clone(),
                keywords: Vec::new(),
                positions: Vec::new(),
                strong: true,
            });
        }
        for m in &self.phrases[c.from..c.to] {
            let phrase = &net.phrases[m.phrase as usize];
            let hits = &self.hits[m.from..m.to];
            let mut terms: Vec<u16> = hits.iter().map(|h| h.term).collect();
            terms.sort_unstable();
            terms.dedup();
            let mut positions: Vec<usize> = Vec::new();
            for h in hits {
                if let Some(w) = phrase.words.get(h.word as usize) {
                    positions.extend(w.start as usize..(w.start + w.len) as usize);
                }
            }
            positions.sort_unstable();
            positions.dedup();
            reasons.push(Reason {
                source: phrase.source,
                phrase: phrase.text.to_string(),
                keywords: terms
                    .iter()
                    .filter_map(|t| self.query.terms.get(*t as usize))
                    .map(|t| t.lower.clone())
                    .collect(),
                positions,
                strong: m.strong,
            });
        }
        // The most telling first: a confirmed intro, then what makes the match strong, then
        // what holds most of the need, then by source ("works as “Senior Rust engineer”"
        // before "can help with “embedded Rust”" for two senior Rust engineers).
        reasons.sort_by(|a, b| {
            (b.source == Source::Confirmed)
                .cmp(&(a.source == Source::Confirmed))
                .then(b.strong.cmp(&a.strong))
                .then(b.keywords.len().cmp(&a.keywords.len()))
                .then(a.source.cmp(&b.source))
        });
        Helper {
            ix: c.ix,
            score: (c.score * 1000.0).round() as i64,
            strong: c.strong,
            reasons,
        }
    }
}
