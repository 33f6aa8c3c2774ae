//! Whether a typed name fits a person's name, in the steps `journal::resolve` takes them
//! (the exact name, whole words, prefixes of words), on names folded by `crate::fold`; and
//! the same resolution on names kept folded to their keys (`BestFit`), for the store, which
//! resolves a typed name from the names its cache keeps without building a journal.

use crate::fold;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Exact,
    WholeWords,
    Prefixes,
}

pub const STEPS: [Step; 3] = [Step::Exact, Step::WholeWords, Step::Prefixes];

/// Does the folded name (as words) fit the folded query at this step?
pub fn fits(step: Step, name: &[String], query: &[String]) -> bool {
    match step {
        Step::Exact => name == query,
        Step::WholeWords => each_takes_a_word(query, name, |n, q| n == q),
        Step::Prefixes => each_takes_a_word(query, name, |n, q| n.starts_with(q)),
    }
}

/// Whether every query word can take a word of its own in the name ("ann ann" needs two):
/// a bipartite matching (Kuhn's augmenting paths), polynomial however the words repeat.
fn each_takes_a_word<Q: AsRef<str>, N: AsRef<str>>(
    query: &[Q],
    name: &[N],
    ok: fn(&str, &str) -> bool,
) -> bool {
    // Most names fail on some word at once; that needs no matching and no allocation.
    if query.len() > name.len()
        || !query
            .iter()
            .all(|q| name.iter().any(|n| ok(n.as_ref(), q.as_ref())))
    {
        return false;
    }
    /// Find a name word for query word `q`, moving earlier query words along if needed.
    fn place<Q: AsRef<str>, N: AsRef<str>>(
        q: usize,
        query: &[Q],
        name: &[N],
        ok: fn(&str, &str) -> bool,
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for j in 0..name.len() {
            if !seen[j] && ok(name[j].as_ref(), query[q].as_ref()) {
                seen[j] = true;
                let free = match owner[j] {
                    None => true,
                    Some(other) => place(other, query, name, ok, owner, seen),
                };
                if free {
                    owner[j] = Some(q);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; name.len()];
    (0..query.len()).all(|q| {
        let mut seen = vec![false; name.len()];
        place(q, query, name, ok, &mut owner, &mut seen)
    })
}

/// `BestFit` over a list of contacts' keys: what the tests compare with `Journal::resolve`.
#[cfg(test)]
pub fn resolve_keys(query: &str, contacts: &[Vec<&str>]) -> Option<usize> {
    let mut best = BestFit::new(query)?;
    for (ix, keys) in contacts.iter().enumerate() {
        best.offer(ix, keys.iter().copied());
    }
    best.one()
}

/// The one contact `query` means, resolved as `Names::resolve` resolves it, on names already
/// folded to their keys (`fold::key`: the folded words joined by spaces, one key for each
/// name and alias with any word), the contacts offered one at a time in the journal's order
/// (`offer`), with no list of them made; for a query that is no contact's id (ids are looked
/// up first). The first step anyone fits at decides, as in `Names::resolve`, and that is the
/// step the best fitting contacts fit at. `one` is `None` when it means no one or several,
/// which is said from a journal (its message lists names). A typed name in `timeline NAME`
/// is resolved on the keys the cache keeps, with no journal built and no name folded again:
/// 10,000 names folded cost 5.5 of its 47 ms.
pub struct BestFit {
    words: Vec<String>,
    whole: String,
    /// The best step anyone fit at so far, the first contact that did, and whether another
    /// did too.
    best: Option<(Step, usize, bool)>,
}

impl BestFit {
    /// `None` when the query has no word, which means no one.
    pub fn new(query: &str) -> Option<BestFit> {
        let words = fold::words(query.trim());
        if words.is_empty() {
            return None;
        }
        Some(BestFit {
            whole: words.join(" "),
            words,
            best: None,
        })
    }

    /// The contact at `ix`, by the keys of its name and aliases.
    pub fn offer<'k>(&mut self, ix: usize, keys: impl Iterator<Item = &'k str> + Clone) {
        // Only the steps up to the best so far can change the answer.
        let last = self.best.map_or(Step::Prefixes, |(step, ..)| step);
        let Some(step) = STEPS
            .into_iter()
            .take_while(|&step| step <= last)
            .find(|&step| keys.clone().any(|key| self.fits_key(step, key)))
        else {
            return;
        };
        self.best = match self.best {
            Some((best, first, _)) if best == step => Some((best, first, true)),
            _ => Some((step, ix, false)),
        };
    }

    /// The one contact that fits best, if only one does.
    pub fn one(&self) -> Option<usize> {
        match self.best {
            Some((_, ix, false)) => Some(ix),
            _ => None,
        }
    }

    fn fits_key(&self, step: Step, key: &str) -> bool {
        let ok: fn(&str, &str) -> bool = match step {
            Step::Exact => return key == self.whole,
            Step::WholeWords => |n, q| n == q,
            Step::Prefixes => |n, q| n.starts_with(q),
        };
        // Most keys fail on some query word at once: no list of their words is made.
        self.words.iter().all(|q| key.split(' ').any(|n| ok(n, q)))
            && each_takes_a_word(&self.words, &key.split(' ').collect::<Vec<_>>(), ok)
    }
}
