//! `rolo brief`'s helpers, kept between runs. A brief of someone with an open need ranks
//! helpers for it against everyone's profile, and building that network of profiles was
//! about 34 ms of a 92 ms brief on the large set (10,000 people). The helpers depend only on
//! the cards, the related terms and rolo itself (`cards_key.rs`), so the last briefs' helpers
//! are kept under that key; a brief read again, two minutes before the meeting, takes them
//! instead of building the network. Any card whose ranking fields change (`Contact::ranked_on`:
//! not a promise, a birthday, an email) changes the key, and the next brief ranks again. A kept answer that does not read, or does not name each open need of the
//! card as it is, is ranked again. While every card is as kept, the load reads only the
//! cards the brief names (`loads/brief_kept.rs`), and this takes the helpers it checked.
//!
//! Each brief is kept in a file of its own, one of `SLOTS` chosen by the person's id: a need
//! can have hundreds of helpers (799, 140 KB, for one need on the large set), and one file
//! holding 32 briefs (6 MB) cost more to read than the ranking it spared. A second person
//! whose id falls in the same slot takes it over; the first is ranked again next time.

use super::{CliError, Ctx};
use crate::journal::{Ix, Journal};
use crate::model::{Need, NeedStatus};
use crate::serve::{self, Brief, Helper, Network};
use crate::store::Store;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Files under the cache folder's `derived/`: `brief-helpers-N.json`, N below `SLOTS`.
const NAME: &str = "brief-helpers";

/// Changed whenever what is kept changes meaning (a rolo built anew changes the key anyway).
/// 2: each helper by id, so a journal of only some cards can take them (`loads`).
const FORMAT: &[u8] = b"rolo brief helpers 2";

/// Slots for kept briefs: more than the people someone reads about in a day, and at most
/// this many files (a few MB on the large set) however many people are briefed.
const SLOTS: u64 = 32;

#[derive(Serialize, Deserialize)]
struct Kept {
    key: String,
    brief: KeptBrief,
}

/// The file that keeps `id`'s brief.
fn file_of(id: &str) -> String {
    format!(
        "{NAME}-{}.json",
        xxhash_rust::xxh3::xxh3_64(id.as_bytes()) % SLOTS
    )
}

#[derive(Serialize, Deserialize, Clone)]
struct KeptBrief {
    /// Whose brief it is.
    id: String,
    needs: Vec<KeptNeed>,
}

#[derive(Serialize, Deserialize, Clone)]
struct KeptNeed {
    /// The need's place among the card's needs, and its number (two needs of one card can
    /// share a number: a hand edit, a merge).
    at: usize,
    need: u32,
    helpers: Vec<KeptHelper>,
}

/// A helper by id; `helper.ix` is their place in the journal it was ranked on, and is
/// replaced by their place in the journal it is taken into.
#[derive(Serialize, Deserialize, Clone)]
struct KeptHelper {
    id: String,
    helper: Helper,
}

/// The brief of `ix`, each open need's helpers from the cache when nothing they depend on
/// changed; ranked, and kept for next time, otherwise. No network is built for a person
/// with no open need. A journal of only some cards cannot rank, nor make the key: `loads`
/// took it for a brief whose helpers it found kept under every card (`KeptFor`), and held
/// the very bytes it checked, which are taken here as they are. When they do not restore
/// after all (the person's card gained an open need while a brief with none was read), the
/// brief is refused rather than ranked against those few.
pub fn brief(ctx: &Ctx, ix: Ix, today: NaiveDate) -> Result<Brief, CliError> {
    let j = &ctx.journal;
    let contact = j.contact(ix).ok_or(CliError::Vanished)?;
    let ranks = contact.open_needs().next().is_some();
    let some = j.holds_only_some();
    let key = (ranks && !some)
        .then(|| super::cards_key::of_cards(ctx, FORMAT))
        .flatten();
    let file = file_of(&contact.id);
    let kept: Option<Kept> = (key.is_some() || (ranks && some))
        .then(|| ctx.store.derived(&file))
        .flatten()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|k: &Kept| some || Some(&k.key) == key.as_ref());
    if let Some(found) = kept.as_ref().and_then(|k| restore(j, ix, k)) {
        super::cards_key::debug("the brief's helpers from the cache");
        return serve::brief_with(j, ix, today, |at, _| helpers_at(&found, at))
            .ok_or(CliError::Vanished);
    }
    if ranks && some {
        return Err(CliError::ReadMeanwhile);
    }
    let mut net: Option<Network> = None;
    let mut ranked = Vec::new();
    let brief = serve::brief_with(j, ix, today, |at, need: &Need| {
        let net = net.get_or_insert_with(|| Network::new(j));
        let helpers = net.helpers_for_need(j, ix, need);
        ranked.push(KeptNeed {
            at,
            need: need.id,
            helpers: helpers
                .iter()
                .filter_map(|h| {
                    let id = j.contact(h.ix)?.id.clone();
                    Some(KeptHelper {
                        id,
                        helper: h.clone(),
                    })
                })
                .collect(),
        });
        helpers
    })
    .ok_or(CliError::Vanished)?;
    if let (Some(key), Some(contact)) = (key, j.contact(ix)) {
        let this = KeptBrief {
            id: contact.id.clone(),
            needs: ranked,
        };
        keep(ctx, &file, Kept { key, brief: this });
    }
    Ok(brief)
}

/// A brief kept for one person, read for a load that would take only the cards it names
/// (`loads`); its bytes are held, so the brief that follows takes the very same.
pub struct KeptFor(Kept);

/// What the cache keeps for `id`'s brief, whatever it was kept under.
pub fn kept_for(store: &Store, id: &str) -> Option<KeptFor> {
    let bytes = store.derived_held(&file_of(id))?;
    let kept: Kept = serde_json::from_slice(&bytes).ok()?;
    (kept.brief.id == id).then_some(KeptFor(kept))
}

impl KeptFor {
    /// Whether it was kept under every card whose `CardsDigest` is `digest` (and this rolo,
    /// and these related terms).
    pub fn is_under(&self, store: &Store, digest: u64) -> bool {
        super::cards_key::of_digest(store, FORMAT, digest).is_some_and(|key| key == self.0.key)
    }

    /// Every helper's id, each once.
    pub fn helper_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .0
            .brief
            .needs
            .iter()
            .flat_map(|n| n.helpers.iter().map(|h| h.id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether the brief of `ix` in `j` takes these helpers (`restore`).
    pub fn fits(&self, j: &Journal, ix: Ix) -> bool {
        restore(j, ix, &self.0).is_some()
    }
}

/// The helpers of the need at `at` among the card's needs, from `restore`.
fn helpers_at(kept: &[(usize, Vec<Helper>)], at: usize) -> Vec<Helper> {
    kept.iter()
        .find(|(k, _)| *k == at)
        .map(|(_, helpers)| helpers.clone())
        .unwrap_or_default()
}

/// The kept helpers of each open need of `ix`'s card as it is, by need's place, when every
/// one is kept and every helper is in this journal, each at their place in it.
fn restore(j: &Journal, ix: Ix, kept: &Kept) -> Option<Vec<(usize, Vec<Helper>)>> {
    let contact = j.contact(ix)?;
    let found = Some(&kept.brief).filter(|b| b.id == contact.id)?;
    let open = contact
        .needs
        .iter()
        .enumerate()
        .filter(|(_, n)| n.status == NeedStatus::Open);
    let mut restored = Vec::new();
    for (at, need) in open {
        let k = found.needs.iter().find(|k| k.at == at)?;
        if k.need != need.id {
            return None;
        }
        let helpers = k
            .helpers
            .iter()
            .map(|h| {
                let ix = j.ix(&h.id)?;
                Some(Helper {
                    ix,
                    ..h.helper.clone()
                })
            })
            .collect::<Option<Vec<Helper>>>()?;
        restored.push((at, helpers));
    }
    Some(restored)
}

fn keep(ctx: &Ctx, file: &str, kept: Kept) {
    // A cache that cannot be written costs the next brief the ranking, nothing else.
    let written = match serde_json::to_vec(&kept) {
        Ok(bytes) => ctx.store.keep_derived(file, &bytes),
        Err(e) => Err(std::io::Error::other(e)),
    };
    super::cards_key::debug(&match written {
        Ok(()) => "the brief's helpers ranked and kept".to_string(),
        Err(e) => format!("the brief's helpers ranked, cannot keep them: {e}"),
    });
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

    fn kept_as(key: &str, brief: KeptBrief) -> Kept {
        Kept {
            key: key.into(),
            brief,
        }
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
                helpers: helpers
                    .iter()
                    .map(|h| KeptHelper {
                        id: j.contacts()[h.ix].id.clone(),
                        helper: h.clone(),
                    })
                    .collect(),
            });
            helpers
        });
        let kept = KeptBrief {
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
        let bytes = serde_json::to_vec(&kept_as("k", this)).unwrap_or_default();
        let kept: Kept = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let found = restore(&j, 0, &kept).unwrap_or_else(|| panic!("restored"));
        let again = serve::brief_with(&j, 0, day(), |at, _| helpers_at(&found, at));
        assert_eq!(again, Some(brief));
    }

    #[test]
    fn a_kept_brief_of_another_card_or_other_needs_is_no_answer() {
        let j = journal();
        let (_, this) = ranked(&j);
        let kept = kept_as("k", this.clone());
        // Another person at that place.
        let mut other = this.clone();
        other.id = "bob".into();
        assert!(restore(&j, 0, &kept_as("k", other)).is_none());
        // The open need kept under another place (the met need's) or number.
        let mut moved = this.clone();
        moved.needs[0].at = 0;
        assert!(restore(&j, 0, &kept_as("k", moved)).is_none());
        let mut renumbered = this.clone();
        renumbered.needs[0].need = 2;
        assert!(restore(&j, 0, &kept_as("k", renumbered)).is_none());
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

    /// A journal of only some cards (read for kept helpers) whose helpers are not kept
    /// after all is refused, not ranked against those few; a whole one ranks.
    #[test]
    fn a_journal_of_only_some_cards_never_ranks() {
        let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let store = crate::store::Store::on_disk(data.path()).with_cache(cache.path());
        let mut out = Vec::new();
        let mut ctx = Ctx {
            store: &store,
            history: None,
            journal: journal().holding_only_some(),
            now: chrono::DateTime::parse_from_rfc3339("2026-11-24T12:00:00+01:00").unwrap(),
            out: &mut out,
        };
        assert!(matches!(
            brief(&ctx, 0, day()),
            Err(CliError::ReadMeanwhile)
        ));
        ctx.journal = journal();
        let ranked = brief(&ctx, 0, day()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!ranked.needs[0].helpers.is_empty());
    }

    #[test]
    fn each_id_has_its_slot_and_the_slots_are_few() {
        let slots: std::collections::BTreeSet<String> = (0..1_000)
            .map(|i| file_of(&format!("person-{i}")))
            .collect();
        assert_eq!(slots.len(), SLOTS as usize, "{slots:?}");
        assert_eq!(file_of("ada"), file_of("ada"));
        assert!(
            slots
                .iter()
                .all(|f| f.starts_with("brief-helpers-") && f.ends_with(".json"))
        );
    }
}
