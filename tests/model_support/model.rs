//! The plain reference model: people by id with names, needs and follow-ups, and the entries
//! with their `with`. It encodes what rolo is meant to do (issue 11), not what it does.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Need {
    pub id: u32,
    pub what: String,
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FollowUp {
    pub id: u32,
    pub what: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// What is known of a person, as the files should say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub name: String,
    pub aliases: Vec<String>,
    pub needs: Vec<Need>,
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The last content that parsed.
    pub card: Card,
    /// While the file is broken: the bytes we broke it with (nobody may overwrite them) and
    /// the text to put back.
    pub broken: Option<(Vec<u8>, String)>,
}

/// An entry as the month files should hold it: who it is with, and its note.
pub type EntryView = (Vec<String>, String);

#[derive(Debug, Clone)]
pub struct Model {
    pub people: BTreeMap<String, Person>,
    pub entries: Vec<EntryView>,
    pub today: NaiveDate,
}

/// What a write naming WHO must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Write to this person, exit 0.
    Write(String),
    /// Write nothing, exit 1.
    Refuse,
    /// The query touches a broken file whose name cannot be read: write to one of these,
    /// or write nothing and exit 1.
    Either(BTreeSet<String>),
}

/// Case and accents folded: lowercase in every script, Latin accents dropped.
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase();
    lower
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

fn words(s: &str) -> Vec<String> {
    fold(s).split_whitespace().map(str::to_string).collect()
}

/// Does `query` name a whole-word prefix of `name`? `from_start` reads the rule narrowly
/// (only from the first word); otherwise any word may begin the match.
fn word_prefix(query: &str, name: &str, from_start: bool) -> bool {
    let (q, n) = (words(query), words(name));
    if q.is_empty() || q.len() > n.len() {
        return false;
    }
    let starts = if from_start { 1 } else { n.len() - q.len() + 1 };
    (0..starts).any(|i| {
        q.iter()
            .zip(&n[i..])
            .all(|(qw, nw)| nw.starts_with(qw.as_str()))
    })
}

impl Card {
    fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// Next occurrence of `day`, today included.
pub fn next_weekday(today: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + Duration::days(i64::from(ahead))
}

/// The date a `--due` text means.
pub fn due_of(today: NaiveDate, text: &str) -> NaiveDate {
    if let Ok(day) = text.parse::<Weekday>() {
        return next_weekday(today, day);
    }
    if text == "tomorrow" {
        return today + Duration::days(1);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(today)
}

impl Model {
    pub fn ids(&self) -> Vec<String> {
        self.people.keys().cloned().collect()
    }

    /// The person at `ix` (wrapping), if anyone is left.
    pub fn pick(&self, ix: usize) -> Option<String> {
        let ids = self.ids();
        (!ids.is_empty()).then(|| ids[ix % ids.len()].clone())
    }

    fn matching(&self, hit: impl Fn(&Card) -> bool) -> BTreeSet<String> {
        self.people
            .iter()
            .filter(|(_, p)| hit(&p.card))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Everyone a prefix query reaches, under both readings of the rule; `None` when the
    /// readings disagree (the generator then avoids the query).
    pub fn prefix_matches(&self, query: &str) -> Option<BTreeSet<String>> {
        let narrow = self.matching(|c| c.names().any(|n| word_prefix(query, n, true)));
        let wide = self.matching(|c| c.names().any(|n| word_prefix(query, n, false)));
        (narrow == wide).then_some(narrow)
    }

    /// Who a WHO argument means: an exact id; else an exact name or alias, folded; else a
    /// unique whole-word prefix of names and aliases; else nobody.
    ///
    /// `card`: the write changes the person's own file (a need, a promise). A note goes to
    /// the month file, so for a person whose file is broken it may be refused or written.
    pub fn resolve(&self, query: &str, card: bool) -> Expect {
        if self.people.contains_key(query) {
            return self.decide(&BTreeSet::from([query.to_string()]), query, card);
        }
        let exact = self.matching(|c| c.names().any(|n| fold(n) == fold(query)));
        if !exact.is_empty() {
            return self.decide(&exact, query, card);
        }
        let narrow = self.matching(|c| c.names().any(|n| word_prefix(query, n, true)));
        let wide = self.matching(|c| c.names().any(|n| word_prefix(query, n, false)));
        if narrow != wide || (query.chars().count() < 3 && !narrow.is_empty()) {
            // The rule can be read either way here, or the prefix has one or two letters
            // ("李" of "李娜") and the issue sets no shortest prefix: accept anyone found.
            let any: BTreeSet<String> = wide.into_iter().filter(|id| !self.is_broken(id)).collect();
            return Expect::Either(any);
        }
        self.decide(&narrow, query, card)
    }

    fn is_broken(&self, id: &str) -> bool {
        self.people.get(id).is_some_and(|p| p.broken.is_some())
    }

    fn decide(&self, found: &BTreeSet<String>, query: &str, card: bool) -> Expect {
        let broken = found.iter().any(|id| self.is_broken(id));
        if !broken {
            return match found.len() {
                1 => Expect::Write(found.iter().next().cloned().unwrap_or_default()),
                _ => Expect::Refuse,
            };
        }
        if self.people.contains_key(query) || found.len() == 1 {
            // Addressed by id (or by the name it had): a broken file refuses a write to it.
            return match card {
                true => Expect::Refuse,
                false => Expect::Either(found.clone()),
            };
        }
        // Its name cannot be read from a broken file: a later rule may pick someone else.
        let others: BTreeSet<String> = self
            .people
            .iter()
            .filter(|(id, p)| {
                p.broken.is_none()
                    && p.card.names().any(|n| {
                        fold(n) == fold(query)
                            || word_prefix(query, n, true)
                            || word_prefix(query, n, false)
                    })
                    && !id.is_empty()
            })
            .map(|(id, _)| id.clone())
            .collect();
        Expect::Either(others)
    }

    pub fn card_mut(&mut self, id: &str) -> Option<&mut Card> {
        self.people.get_mut(id).map(|p| &mut p.card)
    }

    pub fn add_need(&mut self, id: &str, what: &str) {
        if let Some(c) = self.card_mut(id) {
            let next = c.needs.iter().map(|n| n.id).max().unwrap_or(0) + 1;
            c.needs.push(Need {
                id: next,
                what: what.into(),
                open: true,
            });
        }
    }

    pub fn add_follow_up(&mut self, id: &str, what: &str, due: NaiveDate) {
        if let Some(c) = self.card_mut(id) {
            let next = c.follow_ups.iter().map(|f| f.id).max().unwrap_or(0) + 1;
            c.follow_ups.push(FollowUp {
                id: next,
                what: what.into(),
                due: Some(due),
                done: false,
            });
        }
    }

    /// Open needs of `id` (for `met`), by number.
    pub fn open_needs(&self, id: &str) -> Vec<u32> {
        self.people.get(id).map_or(Vec::new(), |p| {
            p.card
                .needs
                .iter()
                .filter(|n| n.open)
                .map(|n| n.id)
                .collect()
        })
    }

    pub fn open_follow_ups(&self, id: &str) -> Vec<u32> {
        self.people.get(id).map_or(Vec::new(), |p| {
            p.card
                .follow_ups
                .iter()
                .filter(|f| !f.done)
                .map(|f| f.id)
                .collect()
        })
    }

    /// The entries, in an order that does not depend on where they were written.
    pub fn entries_sorted(&self) -> Vec<EntryView> {
        let mut e = self.entries.clone();
        e.sort();
        e
    }
}
