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
    /// For an open need: it looks for work (see `is_offer`).
    pub offer: bool,
    /// Shared by every phrase with the same text.
    pub text: std::sync::Arc<str>,
    pub words: std::sync::Arc<[PWord]>,
    /// Content words, hyphenated words counted once.
    pub content: u16,
}

/// What a phrase's text gives the index, the same for every phrase with that text.
struct Analysed {
    text: std::sync::Arc<str>,
    words: std::sync::Arc<[PWord]>,
    content: u16,
    offer: bool,
    /// (word index, stem) of the words worth matching.
    stems: Vec<(u16, String)>,
    /// (word index, group).
    groups: Vec<(u16, u32)>,
}

/// A met need's wording analysed: its stems, those of what was needed, and whether it
/// looked for work.
type MetWords = (Vec<String>, Vec<String>, bool);

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
    /// Stem → its id, an index into `stems` and `people_with`.
    stem_ids: FastMap<String, u32>,
    /// By stem id: the phrases holding it.
    stems: Vec<Vec<Post>>,
    /// Related-terms group → the phrases holding one of its words.
    groups: Vec<Vec<Post>>,
    /// By stem id: people whose phrases (other than open needs) hold it (for rarity).
    people_with: Vec<u32>,
    /// Each distinct phrase text analysed once (a large journal repeats its phrases).
    seen: [FastMap<String, std::sync::Arc<Analysed>>; 2],
    /// The same for the wording of met needs: (stems, stems of what was needed, offer).
    seen_met: FastMap<String, MetWords>,
    /// Per person, the stems of their tags (a tie-breaker only).
    pub(super) tags: Vec<Vec<String>>,
    pub(super) confirmed: Vec<Confirmed>,
    pub(super) people: usize,
    /// Per person, their profile's phrases (a range of `phrases`).
    profile: Vec<(u32, u32)>,
    /// The related-terms groups of "hiring".
    hiring: Vec<u32>,
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
            stem_ids: FastMap::default(),
            stems: Vec::new(),
            groups: vec![Vec::new(); vocab.groups().len()],
            people_with: Vec::new(),
            seen: [FastMap::default(), FastMap::default()],
            seen_met: FastMap::default(),
            tags: vec![Vec::new(); journal.contacts().len()],
            confirmed: Vec::new(),
            people: journal.contacts().len(),
            profile: vec![(0, 0); journal.contacts().len()],
            hiring: vocab
                .groups_of(&terms("hiring"))
                .into_iter()
                .next()
                .unwrap_or_default(),
        };
        // Everyone's names, for the people named in how a need was met, are gathered on a
        // thread of their own while the profiles are indexed (a third of the build on a
        // large journal); the confirmations wait for them and keep their order, and touch
        // nothing the profiles do.
        let (names, met) = std::thread::scope(|s| {
            let names = s.spawn(|| evidence::Names::new(journal));
            let met = net.add_profiles(journal);
            match names.join() {
                Ok(names) => (names, met),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        for (ix, how, what) in met {
            for helper in names.named_in(how, ix) {
                net.confirm(helper, what);
            }
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
        net.seen = [FastMap::default(), FastMap::default()];
        net.seen_met = FastMap::default();
        net
    }

    /// Every contact's profile phrases, in order; the met needs, as (owner, how it was
    /// met, what was needed), for `confirm` once everyone's names are known.
    fn add_profiles<'j>(&mut self, journal: &'j Journal) -> Vec<(Ix, &'j str, &'j str)> {
        let mut met = Vec::new();
        let mut tag_stems: FastMap<String, Vec<String>> = FastMap::default();
        for (ix, c) in journal.contacts().iter().enumerate() {
            let first = self.phrases.len() as u32;
            for p in &c.can_help_with {
                self.add(ix, Source::CanHelpWith, p);
            }
            if let Some(role) = &c.role {
                self.add(ix, Source::Role, role);
            }
            if let Some(company) = &c.company {
                self.add(ix, Source::Company, company);
            }
            for s in c
                .notes
                .as_deref()
                .map(evidence::sentences)
                .unwrap_or_default()
            {
                self.add(ix, Source::Notes, s);
            }
            for n in &c.needs {
                match n.status {
                    NeedStatus::Open => self.add(ix, Source::OpenNeed, &n.what),
                    NeedStatus::Met => met.push((ix, n.how.as_deref().unwrap_or(""), &*n.what)),
                    NeedStatus::Dropped => {}
                }
            }
            self.profile[ix] = (first, self.phrases.len() as u32);
            self.tags[ix] = c
                .tags
                .iter()
                .flat_map(|t| {
                    tag_stems
                        .entry(t.clone())
                        .or_insert_with(|| terms(t).into_iter().map(|t| t.stem).collect())
                        .clone()
                })
                .collect();
        }
        met
    }

    fn analyse(&self, source: Source, text: &str) -> Analysed {
        let ts = terms(text);
        let groups = self.vocab.groups_of(&ts);
        let heads = if source == Source::OpenNeed {
            super::query::heads(&ts)
        } else {
            vec![true; ts.len()]
        };
        let mut words = Vec::with_capacity(ts.len());
        let mut a = Analysed {
            text: std::sync::Arc::from(text),
            words: std::sync::Arc::from(Vec::new()),
            content: 0,
            offer: source == Source::OpenNeed && is_offer(&ts),
            stems: Vec::new(),
            groups: Vec::new(),
        };
        for (i, (t, gs)) in ts.iter().zip(groups).enumerate() {
            let word = i.min(u16::MAX as usize) as u16;
            let is_content = !is_stopword(&t.lower) && !is_generic(&t.lower);
            let last_of_word = ts.get(i + 1).is_none_or(|n| n.word != t.word);
            // Capitalised words the need may not mention (places, names) do not count
            // against a phrase being about the need.
            if is_content && last_of_word && !(t.capital && source != Source::Role) {
                a.content += 1;
            }
            words.push(PWord {
                start: t.start as u32,
                len: t.len as u32,
                head: heads[i],
            });
            if is_content {
                a.stems.push((word, t.stem.clone()));
            }
            a.groups.extend(gs.into_iter().map(|g| (word, g)));
        }
        a.words = std::sync::Arc::from(words);
        a
    }

    fn add(&mut self, ix: Ix, source: Source, text: &str) {
        let kind = usize::from(source == Source::OpenNeed);
        let a = match self.seen[kind].get(text) {
            Some(a) => a.clone(),
            None => {
                let a = std::sync::Arc::new(self.analyse(source, text));
                self.seen[kind].insert(text.to_string(), a.clone());
                a
            }
        };
        if a.words.is_empty() {
            return;
        }
        let id = self.phrases.len() as u32;
        for (word, stem) in &a.stems {
            let sid = match self.stem_ids.get(stem.as_str()) {
                Some(&sid) => sid,
                None => {
                    let sid = self.stems.len() as u32;
                    self.stem_ids.insert(stem.clone(), sid);
                    self.stems.push(Vec::new());
                    sid
                }
            };
            let list = &mut self.stems[sid as usize];
            if list.last().is_none_or(|p| p.phrase != id) {
                list.push(Post {
                    phrase: id,
                    word: *word,
                });
            }
        }
        for (word, g) in &a.groups {
            let Some(list) = self.groups.get_mut(*g as usize) else {
                continue;
            };
            if list.last().is_none_or(|p| p.phrase != id) {
                list.push(Post {
                    phrase: id,
                    word: *word,
                });
            }
        }
        self.phrases.push(Phrase {
            ix,
            source,
            offer: a.offer,
            text: a.text.clone(),
            words: a.words.clone(),
            content: a.content,
        });
    }

    /// Rarity counts people, once each, from the phrases that can carry a match.
    fn count_people(&mut self) {
        let mut who: Vec<Ix> = Vec::new();
        self.people_with = self
            .stems
            .iter()
            .map(|posts| {
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
                who.len() as u32
            })
            .collect();
    }

    fn confirm(&mut self, helper: Ix, what: &str) {
        let what = what.trim();
        // Met needs repeat their wording in a large journal: each wording analysed once.
        let (stems, head, offer) = match self.seen_met.get(what) {
            Some(known) => known.clone(),
            None => {
                let ts = terms(what);
                let heads = super::query::heads(&ts);
                let content = |t: &Term| !is_stopword(&t.lower) && !is_generic(&t.lower);
                let analysed: MetWords = (
                    ts.iter()
                        .filter(|t| content(t))
                        .map(|t| t.stem.clone())
                        .collect(),
                    ts.iter()
                        .zip(heads)
                        .filter(|(t, h)| *h && content(t))
                        .map(|(t, _)| t.stem.clone())
                        .collect(),
                    is_offer(&ts),
                );
                self.seen_met.insert(what.to_string(), analysed.clone());
                analysed
            }
        };
        self.confirmed.push(Confirmed {
            helper,
            what: what.to_string(),
            offer,
            stems,
            head,
        });
    }

    pub(super) fn hiring_groups(&self) -> &[u32] {
        &self.hiring
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
        self.stem_ids
            .get(stem)
            .and_then(|&sid| self.people_with.get(sid as usize))
            .copied()
            .unwrap_or(0) as usize
    }

    /// The phrases holding a word of this group.
    pub(super) fn group_posts(&self, group: u32) -> &[Post] {
        self.groups
            .get(group as usize)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The phrases holding this stem.
    pub(super) fn posts(&self, stem: &str) -> &[Post] {
        self.stem_ids
            .get(stem)
            .and_then(|&sid| self.stems.get(sid as usize))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}
