//! `rolo brief`'s helpers, kept between runs. A brief of someone with an open need ranks
//! helpers for it against everyone's profile, and building that network of profiles was
//! about 34 ms of a 92 ms brief on the large set (10,000 people). The helpers depend only on
//! the cards, the related terms and rolo itself (`cards_key.rs`), so the last briefs' helpers
//! are kept under that key; a brief read again, two minutes before the meeting, takes them
//! instead of building the network. Any card that changes changes the key, and the next brief
//! ranks again. A kept answer that does not read, or does not name each open need of the
//! card as it is, is ranked again.

use super::Ctx;
use crate::journal::{Ix, Journal};
use crate::model::{Need, NeedStatus};
use crate::serve::{self, Brief, Helper, Network};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file under the cache folder's `derived/`.
const NAME: &str = "brief-helpers.json";

/// Changed whenever what is kept changes meaning (a rolo built anew changes the key anyway).
const FORMAT: &[u8] = b"rolo brief helpers 1";

/// Briefs kept under one key: the people someone reads about in a day, with room to spare.
const KEEP: usize = 32;

#[derive(Serialize, Deserialize)]
struct Kept {
    key: String,
    /// The latest first.
    briefs: Vec<KeptBrief>,
}

#[derive(Serialize, Deserialize, Clone)]
struct KeptBrief {
    /// The person's place in the journal and id: the same cards in the same order give the
    /// same place, and the id is checked too.
    owner: Ix,
    id: String,
    needs: Vec<KeptNeed>,
}

#[derive(Serialize, Deserialize, Clone)]
struct KeptNeed {
    /// The need's place among the card's needs, and its number (two needs of one card can
    /// share a number: a hand edit, a merge).
    at: usize,
    need: u32,
    helpers: Vec<Helper>,
}

/// The brief of `ix`, each open need's helpers from the cache when nothing they depend on
/// changed; ranked, and kept for next time, otherwise. No network is built for a person
/// with no open need.
pub fn brief(ctx: &Ctx, ix: Ix, today: NaiveDate) -> Option<Brief> {
    let j = &ctx.journal;
    let has_open_need = j
        .contact(ix)?
        .needs
        .iter()
        .any(|n| n.status == NeedStatus::Open);
    let key = has_open_need
        .then(|| super::cards_key::of_cards(ctx, FORMAT))
        .flatten();
    let kept: Option<Kept> = key
        .as_ref()
        .and_then(|_| ctx.store.derived(NAME))
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|k: &Kept| Some(&k.key) == key.as_ref());
    if let Some(found) = kept.as_ref().and_then(|k| restore(j, ix, k)) {
        debug("the brief's helpers from the cache");
        return serve::brief_with(j, ix, today, |at, _| {
            found
                .iter()
                .find(|k| k.at == at)
                .map(|k| k.helpers.clone())
                .unwrap_or_default()
        });
    }
    let mut net: Option<Network> = None;
    let mut ranked = Vec::new();
    let brief = serve::brief_with(j, ix, today, |at, need: &Need| {
        let net = net.get_or_insert_with(|| Network::new(j));
        let helpers = net.helpers_for_need(j, ix, need);
        ranked.push(KeptNeed {
            at,
            need: need.id,
            helpers: helpers.clone(),
        });
        helpers
    })?;
    if let (Some(key), Some(contact)) = (key, j.contact(ix)) {
        let this = KeptBrief {
            owner: ix,
            id: contact.id.clone(),
            needs: ranked,
        };
        keep(ctx, key, kept, this);
    }
    Some(brief)
}

/// The kept helpers of each open need of `ix`'s card as it is, when every one is kept and
/// every helper is in this journal.
fn restore(j: &Journal, ix: Ix, kept: &Kept) -> Option<Vec<KeptNeed>> {
    let contact = j.contact(ix)?;
    let found = kept
        .briefs
        .iter()
        .find(|b| b.owner == ix && b.id == contact.id)?;
    let open = contact
        .needs
        .iter()
        .enumerate()
        .filter(|(_, n)| n.status == NeedStatus::Open);
    for (at, need) in open {
        let k = found.needs.iter().find(|k| k.at == at)?;
        if k.need != need.id || k.helpers.iter().any(|h| j.contact(h.ix).is_none()) {
            return None;
        }
    }
    Some(found.needs.clone())
}

/// What to keep: `this` brief first, then the others kept under the same key, at most
/// `KEEP` in all.
fn with_this(kept: Option<Kept>, key: String, this: KeptBrief) -> Kept {
    let owner = this.owner;
    let others = kept
        .map(|k| k.briefs)
        .unwrap_or_default()
        .into_iter()
        .filter(|b| b.owner != owner)
        .take(KEEP - 1);
    let briefs = std::iter::once(this).chain(others).collect();
    Kept { key, briefs }
}

fn keep(ctx: &Ctx, key: String, kept: Option<Kept>, this: KeptBrief) {
    // A cache that cannot be written costs the next brief the ranking, nothing else.
    let written = match serde_json::to_vec(&with_this(kept, key, this)) {
        Ok(bytes) => ctx.store.keep_derived(NAME, &bytes),
        Err(e) => Err(std::io::Error::other(e)),
    };
    debug(&match written {
        Ok(()) => "the brief's helpers ranked and kept".to_string(),
        Err(e) => format!("the brief's helpers ranked, cannot keep them: {e}"),
    });
}

/// `ROLO_DEBUG_CACHE=1` says where the brief's helpers came from.
fn debug(what: &str) {
    if std::env::var_os("ROLO_DEBUG_CACHE").is_some_and(|v| !v.is_empty()) {
        eprintln!("rolo: cache: {what}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Loaded};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn need(id: u32, what: &str, status: NeedStatus) -> Need {
        Need {
            id,
            what: what.into(),
            since: day(),
            status,
            met_on: None,
            how: None,
            not_a_fit: Vec::new(),
        }
    }

    /// Ada needs a tax advisor (after a met need with the same number, left by a hand edit);
    /// Charles and Mary can help.
    fn journal() -> Journal {
        let mut ada = Contact::new("ada", "Ada Lovelace");
        ada.needs = vec![
            need(1, "A telescope for the roof", NeedStatus::Met),
            need(1, "A tax advisor who speaks English", NeedStatus::Open),
        ];
        let mut charles = Contact::new("charles", "Charles Babbage");
        charles.can_help_with = vec!["tax advisor for expats".into()];
        let mut mary = Contact::new("mary", "Mary Somerville");
        mary.can_help_with = vec!["English tax forms".into()];
        Journal::new(Loaded {
            contacts: vec![ada, charles, mary],
            ..Loaded::default()
        })
    }

    /// Ada's brief ranked, and what would be kept of it.
    fn ranked(j: &Journal) -> (Brief, KeptBrief) {
        let net = Network::new(j);
        let mut needs = Vec::new();
        let brief = serve::brief_with(j, 0, day(), |at, need| {
            let helpers = net.helpers_for_need(j, 0, need);
            needs.push(KeptNeed {
                at,
                need: need.id,
                helpers: helpers.clone(),
            });
            helpers
        });
        let kept = KeptBrief {
            owner: 0,
            id: "ada".into(),
            needs,
        };
        (brief.unwrap_or_else(|| panic!("ada is there")), kept)
    }

    #[test]
    fn kept_helpers_give_the_brief_ranked_and_read_back() {
        let j = journal();
        let (brief, this) = ranked(&j);
        assert_eq!(brief.needs.len(), 1);
        assert!(brief.needs[0].helpers.len() >= 2, "{:?}", brief.needs);
        assert_eq!(Some(&brief), serve::brief(&j, 0, day()).as_ref());
        let bytes = serde_json::to_vec(&with_this(None, "k".into(), this)).unwrap_or_default();
        let kept: Kept = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let found = restore(&j, 0, &kept).unwrap_or_else(|| panic!("restored"));
        let again = serve::brief_with(&j, 0, day(), |at, _| {
            found
                .iter()
                .find(|k| k.at == at)
                .map(|k| k.helpers.clone())
                .unwrap_or_default()
        });
        assert_eq!(again, Some(brief));
    }

    #[test]
    fn a_kept_brief_of_another_card_or_other_needs_is_no_answer() {
        let j = journal();
        let (_, this) = ranked(&j);
        let kept = with_this(None, "k".into(), this.clone());
        // Another person at that place.
        let mut other = this.clone();
        other.id = "bob".into();
        assert!(restore(&j, 0, &with_this(None, "k".into(), other)).is_none());
        // The open need kept under another place (the met need's) or number.
        let mut moved = this.clone();
        moved.needs[0].at = 0;
        assert!(restore(&j, 0, &with_this(None, "k".into(), moved)).is_none());
        let mut renumbered = this.clone();
        renumbered.needs[0].need = 2;
        assert!(restore(&j, 0, &with_this(None, "k".into(), renumbered)).is_none());
        // A helper who is not in this journal.
        let small = Journal::new(Loaded {
            contacts: j.contacts()[..1].to_vec(),
            ..Loaded::default()
        });
        assert!(restore(&small, 0, &kept).is_none());
        // Someone else's brief is not Ada's.
        assert!(restore(&j, 1, &kept).is_none());
        assert!(restore(&j, 0, &kept).is_some());
    }

    #[test]
    fn the_latest_briefs_are_kept_the_newest_first_each_once() {
        let brief = |owner: Ix| KeptBrief {
            owner,
            id: format!("p{owner}"),
            needs: Vec::new(),
        };
        let mut kept = None;
        for owner in 0..40 {
            kept = Some(with_this(kept, "k".into(), brief(owner)));
        }
        kept = Some(with_this(kept, "k".into(), brief(20)));
        let owners: Vec<Ix> = kept
            .map(|k| k.briefs.iter().map(|b| b.owner).collect())
            .unwrap_or_default();
        let mut expected = vec![20];
        expected.extend((8..40).rev().filter(|o| *o != 20).take(KEEP - 1));
        assert_eq!(owners, expected);
        assert_eq!(owners.len(), KEEP);
    }
}
