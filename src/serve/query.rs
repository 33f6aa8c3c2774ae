//! A need read for matching: its terms, what is needed and what for, how much each weighs,
//! and what the owner's own work adds when the need points at it.

use super::matching::Source;
use super::network::{Network, OFFER_MARKERS, is_offer};
use super::terms::{Term, terms};
use super::words::{is_generic, is_stopword};
use crate::journal::Ix;

/// Weight of a word of what is needed, and of a word of what for.
const HEAD: f64 = 1.0;
const PURPOSE: f64 = 0.6;
/// Weight of a word of a preference ("ideally in climate or health").
const PREFERENCE: f64 = 0.3;

/// Words that end what is needed and start what it is for.
const PURPOSE_MARKS: &[&str] = &[
    "for", "to", "who", "when", "as", "because", "before", "after", "from", "with", "so", "that",
    "which", "while", "until", "on", "about", "für", "als", "um", "weil", "wenn", "damit",
];

/// Words after which the rest is a preference, not the need.
const PREFERENCE_MARKS: &[&str] = &["ideally", "preferably", "maybe", "possibly", "perhaps"];

/// Words that say what kind of help rather than what help: they count half.
const QUALIFIERS: &[&str] = &[
    "technical",
    "senior",
    "junior",
    "experienced",
    "small",
    "big",
    "large",
    "local",
    "english-speaking",
    "german-speaking",
    "cheap",
    "affordable",
    "quick",
    "fast",
    "simple",
    "simpler",
    "reliable",
    "trusted",
    "young",
    "ideally",
    "tiny",
    "low",
    "limited",
    "budget",
];

/// Words by which a need points at its owner's own work ("the business", "his practice"):
/// what the owner does then says what the need is about.
const OWN_WORK: &[&str] = &[
    "business",
    "company",
    "practice",
    "shop",
    "studio",
    "firm",
    "agency",
    "café",
    "cafe",
    "bakery",
    "restaurant",
    "store",
    "betrieb",
    "firma",
    "laden",
];
const OWNERS: &[&str] = &["the", "his", "her", "my", "our", "their", "its"];
/// Weight of a word of what the owner does, brought in by `OWN_WORK`.
const CONTEXT: f64 = 0.35;

/// Which terms come after "ideally", "preferably"...: a wish, not the need.
fn preferences(ts: &[Term]) -> Vec<bool> {
    let mut after = false;
    ts.iter()
        .map(|t| {
            after |= PREFERENCE_MARKS.contains(&t.lower.as_str());
            after
        })
        .collect()
}

/// Does the need point at its owner's own work?
pub(super) fn about_own_work(text: &str) -> bool {
    let ws = super::words::words(text);
    ws.windows(2)
        .any(|w| OWNERS.contains(&w[0].text().as_str()) && OWN_WORK.contains(&w[1].text().as_str()))
}

pub(super) fn is_content(t: &Term) -> bool {
    !is_stopword(&t.lower)
        && !is_generic(&t.lower)
        && !t.lower.chars().all(|c| c.is_numeric() || c == '-')
}

/// Which terms say what is needed (before the first "for", "to", "who"... that follows a
/// word worth matching) rather than what it is for.
/// A need that offers work names what it offers throughout ("a job as a product
/// designer"); only a preference after "ideally" weighs less.
pub(super) fn heads(ts: &[Term]) -> Vec<bool> {
    let offer = is_offer(ts);
    let mut purpose = false;
    let mut seen = false;
    ts.iter()
        .map(|t| {
            let word = t.lower.as_str();
            if PREFERENCE_MARKS.contains(&word) || seen && !offer && PURPOSE_MARKS.contains(&word) {
                purpose = true;
            }
            seen |= is_content(t);
            !purpose
        })
        .collect()
}

/// One word of the need.
#[derive(Debug, Clone)]
pub(super) struct QTerm {
    pub lower: String,
    pub stem: String,
    /// The parts of a hyphenated word ("half", "marathon" of "half-marathon"): each matches
    /// as a related term would.
    pub parts: Vec<String>,
    pub groups: Vec<u32>,
    pub head: bool,
    /// Brought in from what the owner does (see `OWN_WORK`); not part of the need's total.
    pub context: bool,
    /// The second of two alternatives ("Rust or Go"): the two count as one.
    pub alt: bool,
    pub weight: f64,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Query {
    pub terms: Vec<QTerm>,
    /// The need looks for work: it is answered by people who hire or need what it offers.
    pub offer: bool,
    pub total: f64,
}

pub(super) fn query(net: &Network, text: &str, owner: Option<Ix>) -> Query {
    let ts = terms(text);
    let offer = is_offer(&ts);
    let groups = net.vocab.groups_of(&ts);
    let head = heads(&ts);
    let wish = preferences(&ts);
    let mut q = Query {
        offer,
        ..Query::default()
    };
    let n = net.people.max(1) as f64;
    let mut parts: Vec<String> = Vec::new();
    let mut after_or = false;
    for (i, (t, gs)) in ts.iter().zip(groups).enumerate() {
        let or = matches!(t.lower.as_str(), "or" | "oder");
        let alt = std::mem::replace(&mut after_or, or) && !q.terms.is_empty();
        let last_of_word = ts.get(i + 1).is_none_or(|n| n.word != t.word);
        if offer && OFFER_MARKERS.contains(&t.lower.as_str()) {
            continue;
        }
        if !is_content(t) {
            // A stopword that ends a phrase of the vocabulary ("take over") gives the
            // phrase's groups to the word before it.
            if !gs.is_empty()
                && let Some(prev) = q.terms.last_mut()
            {
                prev.groups.extend(gs);
            }
            continue;
        }
        if !last_of_word {
            parts.push(t.stem.clone());
            continue;
        }
        let mut groups = gs;
        if let Some(same) = q.terms.iter_mut().find(|x| x.stem == t.stem) {
            same.groups.append(&mut groups);
            parts.clear();
            continue;
        }
        let df = net.people_with(&t.stem) as f64;
        let idf = 0.4 + 0.6 * (1.0 + n / (1.0 + df)).ln() / (1.0 + n).ln();
        let is_head = head[i];
        let qualifier = if QUALIFIERS.contains(&t.lower.as_str()) {
            0.5
        } else {
            1.0
        };
        q.terms.push(QTerm {
            lower: t.lower.clone(),
            stem: t.stem.clone(),
            parts: std::mem::take(&mut parts),
            groups,
            head: is_head,
            context: false,
            alt,
            weight: if wish[i] {
                PREFERENCE
            } else if is_head {
                HEAD
            } else {
                PURPOSE
            } * idf
                * qualifier,
        });
    }
    q.total = q.terms.iter().map(|t| t.weight).sum();
    if let Some(owner) = owner.filter(|_| about_own_work(text)) {
        for phrase in net.profile_of(owner) {
            if !matches!(phrase.source, Source::CanHelpWith | Source::Role) {
                continue;
            }
            for t in terms(&phrase.text) {
                if !is_content(&t) || q.terms.iter().any(|x| x.stem == t.stem) {
                    continue;
                }
                let df = net.people_with(&t.stem) as f64;
                let idf = 0.4 + 0.6 * (1.0 + n / (1.0 + df)).ln() / (1.0 + n).ln();
                q.terms.push(QTerm {
                    lower: t.lower.clone(),
                    stem: t.stem.clone(),
                    parts: Vec::new(),
                    groups: Vec::new(),
                    head: false,
                    context: true,
                    alt: false,
                    weight: CONTEXT * idf,
                });
            }
        }
    }
    q
}
