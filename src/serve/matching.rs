//! Who could help with a need: other people whose file or timeline says they can, best first,
//! each with the reasons in plain words and the characters to highlight.
//!
//! Precision over recall, because a wrong suggestion costs a person's goodwill (MATCHING.md
//! has the benchmark that keeps this honest):
//! - the need is reduced to its terms: no stopwords, no numbers, no generic words ("first",
//!   "someone", "help", "introduction", "contacts"); each word stemmed, so word forms meet;
//!   the words before "for", "to", "who"... (what is needed) weigh more than those after
//!   (what for);
//! - a person's phrases are read with their own weights: can-help-with, then role, then an
//!   open need of theirs that offers work, then company, then a sentence of their notes or of
//!   the timeline; tags only break ties and are never a reason on their own;
//! - a word matches the same word (stem) fully and a related term (the vocabulary of related
//!   terms, `related.toml` and `config.toml`) a little less;
//! - someone is suggested only when what matched covers enough of the need and includes what
//!   is needed (or two of its words); a sentence of notes or timeline needs two words of the
//!   need, or the very word of what is needed;
//! - a match is **strong** when a can-help-with, role or open-need phrase is mostly about the
//!   need, in a word few people in the network use, and covers about half the need; or when
//!   the person was introduced for a need like this before (a confirmed match), which also
//!   puts them first.

use super::network::Network;
use super::rank::{Cand, rank};
use crate::journal::{Ix, Journal};
use crate::model::Need;
use serde::{Deserialize, Serialize};

/// Where a reason was found, most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Source {
    /// Introduced before for a need like this one (a met need's `how` names them, or an
    /// intro entry was logged for it).
    Confirmed,
    CanHelpWith,
    Role,
    /// An open need of theirs: work they look for, or (for a need that offers work) what
    /// they are looking for.
    OpenNeed,
    Company,
    Notes,
    /// A sentence of the timeline about what they did or offered. (Tags are never a
    /// reason: they only break ties.)
    Timeline,
}

impl Source {
    /// The words around a phrase of this source, in plain English: `lead` before it, `close`
    /// after ("can help with “" … "”"). The CLI and the TUI both say it this way.
    pub fn frame(self) -> (&'static str, &'static str) {
        match self {
            Source::Confirmed => ("introduced before for “", "”"),
            Source::CanHelpWith => ("can help with “", "”"),
            Source::Role => ("works as “", "”"),
            Source::OpenNeed => ("is looking for “", "”"),
            Source::Company => ("works at “", "”"),
            Source::Notes => ("notes: “", "”"),
            Source::Timeline => ("your journal: “", "”"),
        }
    }
}

/// Why a person matches: one phrase of theirs, the need's words it matched, and the
/// character positions (in `phrase`) to highlight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub source: Source,
    /// The phrase as written (a can-help-with item, their role, a sentence of notes...).
    pub phrase: String,
    /// The need's words found in the phrase (as written in the need), in the need's order.
    pub keywords: Vec<String>,
    /// Char positions in `phrase`, ascending.
    pub positions: Vec<usize>,
    /// This phrase makes the match strong.
    pub strong: bool,
}

/// A keyword that this many other people (or fewer) hold is "rare" (see the module notes).
pub(super) fn rare_limit(others: usize) -> usize {
    (others / 8).max(2)
}

/// A person who could help, best first in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Helper {
    pub ix: Ix,
    /// Higher is better; only comparable within one need.
    pub score: i64,
    /// Worth acting on now (see the module notes).
    pub strong: bool,
    /// Most telling first.
    pub reasons: Vec<Reason>,
}

/// Rank everyone but `owner` for `need`. Builds a `Network` each call; when ranking many
/// needs, build one and use `Network::helpers_for_need`.
pub fn helpers(journal: &Journal, owner: Ix, need: &Need) -> Vec<Helper> {
    Network::new(journal).helpers_for_need(journal, owner, need)
}

/// Rank people for free text (a need being typed, say); `exclude` is left out.
pub fn helpers_for_text(journal: &Journal, exclude: Option<Ix>, text: &str) -> Vec<Helper> {
    Network::new(journal).helpers(journal, exclude, text)
}

impl Network {
    /// Rank people for `owner`'s `need`: the owner, and anyone marked "not a fit" for it, are
    /// left out.
    pub fn helpers_for_need(&self, journal: &Journal, owner: Ix, need: &Need) -> Vec<Helper> {
        let skip: Vec<Ix> = need
            .not_a_fit
            .iter()
            .filter_map(|id| journal.ix(id))
            .chain([owner])
            .collect();
        self.finish(&rank(self, &need.what, Some(owner)), &skip, usize::MAX)
    }

    /// Rank people for `text`, leaving out `exclude`.
    pub fn helpers(&self, _journal: &Journal, exclude: Option<Ix>, text: &str) -> Vec<Helper> {
        let skip: Vec<Ix> = exclude.into_iter().collect();
        self.finish(&rank(self, text, exclude), &skip, usize::MAX)
    }

    /// The first `limit` of `helpers(..)` that are strong.
    pub fn strong_helpers(
        &self,
        _journal: &Journal,
        exclude: Option<Ix>,
        text: &str,
        limit: usize,
    ) -> Vec<Helper> {
        let skip: Vec<Ix> = exclude.into_iter().collect();
        let mut ranked = rank(self, text, exclude);
        ranked.cands.retain(|c| c.strong);
        self.finish(&ranked, &skip, limit)
    }

    /// Helpers with their reasons, from a ranking, leaving out `skip`.
    pub(super) fn finish(
        &self,
        ranked: &super::rank::Ranked,
        skip: &[Ix],
        limit: usize,
    ) -> Vec<Helper> {
        ranked
            .cands
            .iter()
            .filter(|c: &&Cand| !skip.contains(&c.ix))
            .take(limit)
            .map(|c| ranked.helper(self, c))
            .collect()
    }
}
