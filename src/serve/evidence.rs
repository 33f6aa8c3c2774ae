//! What a journal says about people beyond their profile: who is named in how a need was met
//! (a confirmed match), and, from the timeline, the sentences about what someone did or
//! offered, and the intros logged for a need.

use crate::fasthash::FastMap;
use crate::journal::{Ix, Journal};
use crate::model::{Entry, Kind};

/// Notes split into sentences (and lines), trimmed, empty ones dropped.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split(['.', '!', '?', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// First names, full names and aliases, to find people named in free text.
pub struct Names {
    /// By the first word of a name (lowercased): the whole name's words and who has it.
    names: FastMap<String, Vec<(Vec<String>, Ix)>>,
    ids: FastMap<String, Ix>,
}

fn name_words(text: &str) -> Vec<String> {
    super::words::words(text).iter().map(|w| w.text()).collect()
}

impl Names {
    pub fn new(journal: &Journal) -> Names {
        let mut names: FastMap<String, Vec<(Vec<String>, Ix)>> = FastMap::default();
        let mut add = |name: Vec<String>, ix: Ix| {
            if let Some(first) = name.first() {
                names.entry(first.clone()).or_default().push((name, ix));
            }
        };
        for (ix, c) in journal.contacts().iter().enumerate() {
            let full = name_words(&c.name);
            if let Some(first) = full.first() {
                add(vec![first.clone()], ix);
            }
            if full.len() > 1 {
                add(full, ix);
            }
            for a in &c.aliases {
                add(name_words(a), ix);
            }
        }
        Names {
            names,
            ids: journal
                .contacts()
                .iter()
                .enumerate()
                .map(|(ix, c)| (c.id.clone(), ix))
                .collect(),
        }
    }

    /// The people `text` names (by a name written with a capital), leaving out `owner` and
    /// first names that more than one person has.
    pub fn named_in(&self, text: &str, owner: Ix) -> Vec<Ix> {
        let ws = super::words::words(text);
        let mut out: Vec<Ix> = Vec::new();
        for (i, w) in ws.iter().enumerate() {
            if !w.capital {
                continue;
            }
            let mut found: Vec<Ix> = Vec::new();
            let mut longest = 0;
            for (name, ix) in self.names.get(&w.text()).into_iter().flatten() {
                let fits = ws.len() >= i + name.len()
                    && name.iter().zip(&ws[i..]).all(|(n, w)| *n == w.text());
                if !fits || name.len() < longest {
                    continue;
                }
                if name.len() > longest {
                    longest = name.len();
                    found.clear();
                }
                if !found.contains(ix) {
                    found.push(*ix);
                }
            }
            if let [one] = found.as_slice()
                && *one != owner
                && !out.contains(one)
            {
                out.push(*one);
            }
        }
        out
    }

    fn ix_of(&self, id: &str) -> Option<Ix> {
        self.ids.get(id).copied()
    }
}

/// What one entry says.
pub enum Said<'a> {
    /// A sentence about what `ix` did or offered.
    Did { ix: Ix, sentence: &'a str },
    /// An intro for a need: `helper` was introduced to `owner` for `what`.
    Intro { helper: Ix, owner: Ix, what: String },
}

/// Phrases that say someone is looking for something rather than offering it: such a
/// sentence is about their need, not their ability.
const SEEKING: &[&str] = &[
    "looking for",
    "is looking",
    "searching for",
    "wondering about",
    " needs ",
    "wants to",
    "want to",
    "wants to find",
    "has to",
    "have to",
    "needs to",
    "no idea",
    "hopes to",
    "would like",
    "got the",
    "sucht",
];

fn seeking(sentence: &str) -> bool {
    let lower = format!(" {} ", sentence.to_lowercase());
    SEEKING.iter().any(|s| lower.contains(s))
}

/// The sentences of an entry about each person in it: all of them when it is with one
/// person, otherwise those naming the person. An intro entry (`rolo intro --for` writes
/// "Introduced A to B for: NEED") also confirms B for A's need.
pub fn said_in<'a>(e: &'a Entry, names: &Names) -> Vec<Said<'a>> {
    let people: Vec<Ix> = e.with.iter().filter_map(|w| names.ix_of(w)).collect();
    let mut out = Vec::new();
    if e.kind == Kind::Intro
        && let [owner, helpers @ ..] = people.as_slice()
        && let Some(gave) = e.gave.as_deref()
    {
        let what = gave
            .split_once(" for: ")
            .or_else(|| gave.split_once(" for "))
            .map(|(_, what)| what.trim())
            .unwrap_or("");
        if !what.is_empty() {
            for h in helpers {
                out.push(Said::Intro {
                    helper: *h,
                    owner: *owner,
                    what: what.to_string(),
                });
            }
        }
        // What an intro note says is about the two people meeting, not an ability.
        return out;
    }
    for sentence in sentences(&e.note) {
        if seeking(sentence) {
            continue;
        }
        match people.as_slice() {
            [] => {}
            [one] => out.push(Said::Did { ix: *one, sentence }),
            many => {
                // Only a sentence naming exactly one of them is surely about that one.
                let named: Vec<Ix> = names
                    .named_in(sentence, usize::MAX)
                    .into_iter()
                    .filter(|ix| many.contains(ix))
                    .collect();
                if let [ix] = named.as_slice() {
                    out.push(Said::Did { ix: *ix, sentence });
                }
            }
        }
    }
    out
}
