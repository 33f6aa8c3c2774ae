//! A search's answer from the index's segments: which documents have every word (in their
//! own text or in the name of someone they belong to), how many in all, and the best of
//! them in order, each with the person it is about.

use super::bits::Bits;
use super::finder::{Found, Hit};
use super::place::Place;
use super::segment::Segment;
use crate::journal::Journal;
use std::collections::HashSet;

/// Everything in `segs` (each with the documents set aside in it) that has every one of
/// `words`, best first, at most `limit`; only `person`'s when given (a contact id).
pub(super) fn found(
    journal: &Journal,
    segs: &[(&Segment, Option<&Bits>)],
    words: Vec<String>,
    limit: usize,
    person: Option<&str>,
) -> Found {
    let mut found = Found::default();
    let matched = matches(segs, &words, person);
    let mut all: Vec<(u64, u8, u32)> = Vec::new();
    for (s, bits) in matched.hits.iter().enumerate() {
        found.total += bits.count();
        found.names += {
            let mut n = bits.clone();
            n.intersect_with(&segs[s].0.names);
            n.count()
        };
        let seg = segs[s].0;
        all.extend(bits.iter().map(|d| (seg.docs.key(d), s as u8, d)));
    }
    if all.len() > limit {
        all.select_nth_unstable(limit);
        all.truncate(limit);
    }
    let mut hits: Vec<(SortKey, Hit)> = all
        .into_iter()
        .filter_map(|(key, s, d)| {
            let seg = segs[s as usize].0;
            let place = seg.docs.place(d)?;
            let owners: Vec<&str> = seg
                .docs
                .owners(d)
                .iter()
                .filter_map(|&p| seg.docs.people.get(p as usize).map(String::as_str))
                .collect();
            let who = pick_person(journal, &owners, &matched.named);
            // Cards by their person's whole name (the key has its start), entries by time.
            let card = match (&place, who) {
                (Place::Entry { .. }, _) | (_, None) => None,
                (_, Some(id)) => Some((crate::fold::key(journal.name_of(id)), id.to_string())),
            };
            let hit = Hit {
                person: who.map(str::to_string),
                place,
            };
            Some(((key >> 62, card, key, s, d), hit))
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0));
    found.hits = hits.into_iter().map(|(_, h)| h).collect();
    found.words = words;
    found
}

type SortKey = (u64, Option<(String, String)>, u64, u8, u32);

struct Matched {
    /// Per segment, the documents found.
    hits: Vec<Bits>,
    /// People whose name a query word named.
    named: HashSet<String>,
}

/// The documents that have every word, each in its own text or in the name of someone it
/// belongs to, and at least one in its own text: "priya chennai" finds the note about Chennai
/// in Priya's timeline, and "priya" alone finds her name, not every note with her.
fn matches(segs: &[(&Segment, Option<&Bits>)], words: &[String], person: Option<&str>) -> Matched {
    let alive: Vec<Bits> = segs
        .iter()
        .map(|(seg, dead)| {
            let mut a = Bits::full(seg.len());
            if let Some(dead) = dead {
                a.subtract(dead);
            }
            a
        })
        .collect();
    let own: Vec<Vec<Bits>> = segs
        .iter()
        .map(|(seg, _)| {
            words
                .iter()
                .map(|w| {
                    let mut b = Bits::new(seg.len());
                    seg.docs_with(w, &mut b);
                    b
                })
                .collect()
        })
        .collect();
    let mut named = HashSet::new();
    // Per word, the documents of the people it names (only worth it for several words).
    let mut by_name: Vec<Vec<Option<Bits>>> = vec![vec![None; words.len()]; segs.len()];
    if words.len() > 1 {
        for w in 0..words.len() {
            let mut people: HashSet<&str> = HashSet::new();
            for (s, (seg, _)) in segs.iter().enumerate() {
                let mut names = own[s][w].clone();
                names.intersect_with(&seg.names);
                names.intersect_with(&alive[s]);
                for d in names.iter() {
                    for &p in seg.docs.owners(d) {
                        if let Some(id) = seg.docs.people.get(p as usize) {
                            people.insert(id.as_str());
                        }
                    }
                }
            }
            for (s, (seg, _)) in segs.iter().enumerate() {
                let mut b = Bits::new(seg.len());
                for id in &people {
                    if let Some(p) = seg.docs.person_ix(id) {
                        seg.docs_of(p, &mut b);
                    }
                }
                by_name[s][w] = Some(b);
            }
            named.extend(people.into_iter().map(str::to_string));
        }
    }
    let hits = segs
        .iter()
        .enumerate()
        .map(|(s, (seg, _))| {
            let mut hits = alive[s].clone();
            let mut any = Bits::new(seg.len());
            for w in 0..words.len() {
                any.union_with(&own[s][w]);
                match &by_name[s][w] {
                    Some(names) => {
                        let mut either = names.clone();
                        either.union_with(&own[s][w]);
                        hits.intersect_with(&either);
                    }
                    None => hits.intersect_with(&own[s][w]),
                }
            }
            hits.intersect_with(&any);
            if let Some(id) = person {
                let mut theirs = Bits::new(seg.len());
                if let Some(p) = seg.docs.person_ix(id) {
                    seg.docs_of(p, &mut theirs);
                }
                hits.intersect_with(&theirs);
            }
            hits
        })
        .collect();
    Matched { hits, named }
}

/// Whose hit it is: someone the query named, else the first with a card, else the first.
fn pick_person<'a>(
    journal: &Journal,
    owners: &[&'a str],
    named: &HashSet<String>,
) -> Option<&'a str> {
    owners
        .iter()
        .find(|id| named.contains(**id) && journal.ix(id).is_some())
        .or_else(|| owners.iter().find(|id| journal.ix(id).is_some()))
        .or(owners.first())
        .copied()
}
