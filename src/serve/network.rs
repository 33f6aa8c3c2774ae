//! The network prepared for matching: every phrase a person's file and (optionally) the
//! timeline says about what they can do, split into terms once, with an index from each term
//! and each related-terms group to the phrases that hold it. Ranking a need then reads the
//! index entries of its own terms only (`rank`).

use super::evidence::{self, Said};
use super::matching::Source;
use super::terms::{Term, terms};
use super::vocabulary::{self, Vocabulary};
use super::words::{is_generic, is_stopword};
use crate::fasthash::FastMap;
use crate::journal::{Ix, Journal};
use crate::model::NeedStatus;

/// A place a term was found: which phrase, and which of its words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Post {
    pub phrase: u32,
    pub word: u16,
}

/// A word of a phrase, as an index entry sees it.
#[derive(Debug, Clone)]
pub(super) struct PWord {
    pub start: u32,
    pub len: u32,
    /// Says what was needed, in a need (always, elsewhere).
    pub head: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub ix: Ix,
    pub source: Source,
    pub text: String,
    pub words: Vec<PWord>,
    /// Content words, hyphenated words counted once.
    pub content: u16,
}

/// A need that was met by an introduction: its helpers are confirmed for needs like it.
#[derive(Debug, Clone)]
pub(super) struct Confirmed {
    pub helper: Ix,
    pub what: String,
    /// Stems of its words worth matching, and of those saying what was needed.
    pub stems: Vec<String>,
    pub head: Vec<String>,
    /// The need looked for work (the helper gave work, not help).
    pub offer: bool,
}

/// Build once per journal state; cheap next to ranking every open need.
pub struct Network {
    pub(super) vocab: &'static Vocabulary,
    pub(super) phrases: Vec<Phrase>,
    /// Stem → the phrases holding it.
    pub(super) stems: FastMap<String, Vec<Post>>,
    /// Related-terms group → the phrases holding one of its words.
    pub(super) groups: FastMap<u32, Vec<Post>>,
    /// People whose non-tag phrases hold a stem (for rarity).
    pub(super) people_with: FastMap<String, u32>,
    /// Per person, the stems of their tags (a tie-breaker only).
    pub(super) tags: Vec<Vec<String>>,
    pub(super) confirmed: Vec<Confirmed>,
    pub(super) people: usize,
    /// Per person, their profile's phrases (a range of `phrases`).
    profile: Vec<(u32, u32)>,
}

/// Words that mark a need as looking for work ("a job as a designer", "clients for React
/// work"): such a need offers what it names, so it can answer someone else's need.
pub(super) const OFFER_MARKERS: &[&str] = &[
    "job",
    "jobs",
    "work",
    "client",
    "clients",
    "customers",
    "gig",
    "gigs",
    "stelle",
    "auftrag",
    "aufträge",
    "kunden",
    "internship",
    "position",
    "role",
    "roles",
];

/// Is this need text someone looking for work?
pub(super) fn is_offer(ts: &[Term]) -> bool {
    ts.iter().any(|t| OFFER_MARKERS.contains(&t.lower.as_str()))
}

impl Network {
    /// What the contact files say: can-help-with, role, company, notes, open needs, and the
    /// people named in how a need was met. Every command reads the same, however little of
    /// the journal it loaded.
    pub fn new(journal: &Journal) -> Network {
        Network::build(journal, vocabulary::current(), false)
    }

    /// Also what the timeline says people did or offered, and the intros logged in it; for a
    /// journal that holds the whole timeline (the TUI once its older months are in).
    pub fn with_timeline(journal: &Journal) -> Network {
        Network::build(journal, vocabulary::current(), true)
    }

    /// As `new` or `with_timeline`, with a given vocabulary (tests, benchmarks).
    pub fn with_vocabulary(
        journal: &Journal,
        vocab: &'static Vocabulary,
        timeline: bool,
    ) -> Network {
        Network::build(journal, vocab, timeline)
    }

    fn build(journal: &Journal, vocab: &'static Vocabulary, timeline: bool) -> Network {
        let mut net = Network {
            vocab,
            phrases: Vec::new(),
            stems: FastMap::default(),
            groups: FastMap::default(),
            people_with: FastMap::default(),
            tags: vec![Vec::new(); journal.contacts().len()],
            confirmed: Vec::new(),
            people: journal.contacts().len(),
            profile: vec![(0, 0); journal.contacts().len()],
        };
        let names = evidence::Names::new(journal);
        for (ix, c) in journal.contacts().iter().enumerate() {
            let first = net.phrases.len() as u32;
            for p in &c.can_help_with {
                net.add(ix, Source::CanHelpWith, p);
            }
            if let Some(role) = &c.role {
                net.add(ix, Source::Role, role);
            }
            if let Some(company) = &c.company {
                net.add(ix, Source::Company, company);
            }
            for s in c
                .notes
                .as_deref()
                .map(evidence::sentences)
                .unwrap_or_default()
            {
                net.add(ix, Source::Notes, s);
            }
            for n in &c.needs {
                match n.status {
                    NeedStatus::Open => net.add(ix, Source::OpenNeed, &n.what),
                    NeedStatus::Met => {
                        for helper in names.named_in(n.how.as_deref().unwrap_or(""), ix) {
                            net.confirm(helper, &n.what);
                        }
                    }
                    NeedStatus::Dropped => {}
                }
            }
            net.profile[ix] = (first, net.phrases.len() as u32);
            net.tags[ix] = c
                .tags
                .iter()
                .flat_map(|t| terms(t))
                .map(|t| t.stem)
                .collect();
        }
        if timeline {
            for e in journal.timeline() {
                for said in evidence::said_in(e, &names) {
                    match said {
                        Said::Did { ix, sentence } => net.add(ix, Source::Timeline, sentence),
                        Said::Intro { helper, what, .. } => net.confirm(helper, &what),
                    }
                }
            }
        }
        net.count_people();
        net
    }

    /// Rarity counts people, once each, from the phrases that can carry a match.
    fn count_people(&mut self) {
        let mut who: Vec<Ix> = Vec::new();
        for (stem, posts) in &self.stems {
            who.clear();
            who.extend(
                posts
                    .iter()
                    .map(|p| &self.phrases[p.phrase as usize])
                    .filter(|p| p.source != Source::OpenNeed)
                    .map(|p| p.ix),
            );
            who.sort_unstable();
            who.dedup();
            self.people_with.insert(stem.clone(), who.len() as u32);
        }
    }

    fn add(&mut self, ix: Ix, source: Source, text: &str) {
        let ts = terms(text);
        if ts.is_empty() {
            return;
        }
        let id = self.phrases.len() as u32;
        let groups = self.vocab.groups_of(&ts);
        let heads = if source == Source::OpenNeed {
            super::rank::heads(&ts)
        } else {
            vec![true; ts.len()]
        };
        let mut words = Vec::with_capacity(ts.len());
        let mut content = 0u16;
        for (i, (t, gs)) in ts.iter().zip(groups).enumerate() {
            let is_content = !is_stopword(&t.lower) && !is_generic(&t.lower);
            let last_of_word = ts.get(i + 1).is_none_or(|n| n.word != t.word);
            // Capitalised words the need may not mention (places, names) do not count
            // against a phrase being about the need.
            if is_content && last_of_word && !(t.capital && source != Source::Role) {
                content += 1;
            }
            words.push(PWord {
                start: t.start as u32,
                len: t.len as u32,
                head: heads[i],
            });
            let post = Post {
                phrase: id,
                word: i.min(u16::MAX as usize) as u16,
            };
            if is_content {
                let list = self.stems.entry(t.stem.clone()).or_default();
                if list.last().is_none_or(|p| p.phrase != id) {
                    list.push(post);
                }
            }
            for g in gs {
                let list = self.groups.entry(g).or_default();
                if list.last().is_none_or(|p| p.phrase != id) {
                    list.push(post);
                }
            }
        }
        self.phrases.push(Phrase {
            ix,
            source,
            text: text.to_string(),
            words,
            content,
        });
    }

    fn confirm(&mut self, helper: Ix, what: &str) {
        let ts = terms(what);
        let heads = super::rank::heads(&ts);
        let content = |t: &Term| !is_stopword(&t.lower) && !is_generic(&t.lower);
        self.confirmed.push(Confirmed {
            helper,
            what: what.trim().to_string(),
            offer: is_offer(&ts),
            stems: ts
                .iter()
                .filter(|t| content(t))
                .map(|t| t.stem.clone())
                .collect(),
            head: ts
                .iter()
                .zip(heads)
                .filter(|(t, h)| *h && content(t))
                .map(|(t, _)| t.stem.clone())
                .collect(),
        });
    }

    /// The phrases of a person's file.
    pub(super) fn profile_of(&self, ix: Ix) -> &[Phrase] {
        let (from, to) = self.profile.get(ix).copied().unwrap_or((0, 0));
        self.phrases
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    /// How many people's files (or timelines) hold this stem.
    pub(super) fn people_with(&self, stem: &str) -> usize {
        self.people_with.get(stem).copied().unwrap_or(0) as usize
    }
}
