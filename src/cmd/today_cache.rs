//! `rolo today`'s strong matches, kept between runs. Ranking every open need against everyone
//! takes most of the command on a large journal (about 90 ms of 160 for 10,000 people and
//! 5,000 needs), and its answer depends only on the cards, the related terms and rolo
//! itself: the ranking reads no entry, and a need's age is worked out from the day afresh.
//! So the answer is kept in the derived cache under a key made of exactly those (what the
//! ranking reads of every card, `Contact::ranked_on`, in the load's order, the vocabulary's
//! fingerprint and the running binary's stamp), and used only when the key is the same: a
//! promise kept or a birthday added leaves it as kept. A kept answer that does
//! not read, or names a need that is not there, is ranked again.

use super::Ctx;
use crate::journal::{Ix, Journal};
use crate::serve::{self, Helper, NeedMatch};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file under the cache folder's `derived/`.
const NAME: &str = "today-matches.json";

/// Changed whenever what is kept changes meaning (a rolo built anew changes the key anyway).
const FORMAT: &[u8] = b"rolo today matches 1";

#[derive(Serialize, Deserialize)]
struct Kept {
    key: String,
    needs: Vec<KeptNeed>,
}

#[derive(Serialize, Deserialize)]
struct KeptNeed {
    /// The owner's place in the journal: the same cards in the same order give the same.
    owner: Ix,
    /// The need's place among the owner's needs: two needs of one card can share a number
    /// (a hand edit, a merge), so the number alone could name the wrong one.
    at: usize,
    need: u32,
    helpers: Vec<Helper>,
}

/// The open needs with a strong match (`serve::needs_with_strong_match`), from the cache when
/// nothing they depend on changed; ranked, and kept for next time, otherwise.
pub fn strong_matches(ctx: &Ctx, date: NaiveDate) -> Vec<NeedMatch> {
    let key = super::cards_key::of_cards(ctx, FORMAT);
    if let Some(key) = &key
        && let Some(kept) = ctx.store.derived(NAME)
        && let Some(found) = restore(&ctx.journal, key, &kept, date)
    {
        super::cards_key::debug("today's matches from the cache");
        return found;
    }
    let found = serve::needs_with_strong_match(&ctx.journal, date);
    if let Some(key) = key {
        // A cache that cannot be written costs the next run the ranking, nothing else.
        let written = match keep(&ctx.journal, key, &found) {
            Some(bytes) => ctx.store.keep_derived(NAME, &bytes),
            None => Ok(()),
        };
        super::cards_key::debug(&match written {
            Ok(()) => "today's matches ranked and kept".to_string(),
            Err(e) => format!("today's matches ranked, cannot keep them: {e}"),
        });
    }
    found
}

/// The answer to keep; `None` when a need cannot be found again by its place (then nothing
/// is kept and the next run ranks again).
fn keep(journal: &Journal, key: String, found: &[NeedMatch]) -> Option<Vec<u8>> {
    let needs = found
        .iter()
        .map(|m| {
            let at = journal
                .contact(m.ix)?
                .needs
                .iter()
                .position(|n| *n == m.need)?;
            Some(KeptNeed {
                owner: m.ix,
                at,
                need: m.need.id,
                helpers: m.helpers.clone(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    serde_json::to_vec(&Kept { key, needs }).ok()
}

/// The kept answer, when it was kept under `key` and every need and helper in it is there.
fn restore(journal: &Journal, key: &str, bytes: &[u8], date: NaiveDate) -> Option<Vec<NeedMatch>> {
    let kept: Kept = serde_json::from_slice(bytes).ok()?;
    if kept.key != key {
        return None;
    }
    kept.needs
        .into_iter()
        .map(|k| {
            let need = journal
                .contact(k.owner)?
                .needs
                .get(k.at)
                .filter(|n| n.id == k.need && n.status == crate::model::NeedStatus::Open)?
                .clone();
            k.helpers
                .iter()
                .all(|h| journal.contact(h.ix).is_some())
                .then(|| NeedMatch {
                    ix: k.owner,
                    age_days: (date - need.since).num_days(),
                    need,
                    helpers: k.helpers,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loaded;

    fn demo() -> Journal {
        let store = crate::store::Store::on_disk(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo"),
        );
        Journal::new(store.load().unwrap_or_else(|_| Loaded::default()))
    }

    #[test]
    fn a_kept_answer_comes_back_as_it_was_ranked_on_any_day() {
        let j = demo();
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let found = serve::needs_with_strong_match(&j, day);
        assert!(found.len() >= 3, "{found:?}");
        let bytes = keep(&j, "k".into(), &found).unwrap();
        assert_eq!(restore(&j, "k", &bytes, day), Some(found.clone()));
        // A need's age is the day's, not the day it was kept.
        let later = NaiveDate::from_ymd_opt(2027, 1, 3).unwrap();
        assert_eq!(
            restore(&j, "k", &bytes, later),
            Some(serve::needs_with_strong_match(&j, later))
        );
    }

    #[test]
    fn another_key_or_bytes_that_do_not_read_are_no_answer() {
        let j = demo();
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let bytes = keep(&j, "k".into(), &serve::needs_with_strong_match(&j, day)).unwrap();
        assert_eq!(restore(&j, "other", &bytes, day), None);
        assert_eq!(restore(&j, "k", b"{not json", day), None);
        assert_eq!(restore(&j, "k", &bytes[..bytes.len() / 2], day), None);
        // A need or a helper that is not in this journal.
        let empty = Journal::new(Loaded::default());
        assert_eq!(restore(&empty, "k", &bytes, day), None);
    }

    /// Two needs of one card with the same number (a hand edit or a merge can leave that; it
    /// is a warning, not an error): the kept answer names the open one, not the first.
    #[test]
    fn a_need_number_used_twice_in_one_card_comes_back_as_the_open_one() {
        use crate::model::{Contact, Need, NeedStatus};
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut ada = Contact::new("ada", "Ada Lovelace");
        let need = |what: &str, status| Need {
            id: 1,
            what: what.into(),
            since: day,
            status,
            met_on: None,
            how: None,
            not_a_fit: Vec::new(),
        };
        ada.needs = vec![
            need("A telescope for the roof", NeedStatus::Met),
            need("A tax advisor who speaks English", NeedStatus::Open),
        ];
        let mut charles = Contact::new("charles", "Charles Babbage");
        charles.can_help_with = vec!["tax advisor for expats".into()];
        let j = Journal::new(Loaded {
            contacts: vec![ada, charles],
            ..Loaded::default()
        });
        let found = serve::needs_with_strong_match(&j, day);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].need.what, "A tax advisor who speaks English");
        let bytes = keep(&j, "k".into(), &found).unwrap();
        assert_eq!(restore(&j, "k", &bytes, day), Some(found));
    }
}
