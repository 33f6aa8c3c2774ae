//! What ranking helpers for a need reads of a card (`serve::Network`, `serve::rank`), as
//! one number: an answer that depends only on that ranking (a brief's helpers, `rolo
//! today`'s strong matches) is kept under the numbers of every card (`cmd/cards_key.rs`),
//! so a change the ranking never reads (a promise made or kept, a birthday, an email)
//! leaves it as kept instead of ranking against 10,000 people again.
//!
//! Every field of `Contact` is named below, so a field added to it must be placed on one
//! side or the other before this compiles. A field is left out only when no ranking code
//! reads it; `serve`'s test `ranking_reads_nothing_a_card_s_fingerprint_leaves_out` changes
//! every field left out on every card and asserts the same helpers for every need.

use super::Contact;
use std::hash::{Hash, Hasher};

impl Contact {
    /// The fingerprint of what the ranking of helpers reads of this card: equal for two
    /// cards that differ only in what it never reads.
    pub fn ranked_on(&self) -> u64 {
        let Contact {
            id,
            name,
            aliases,
            tags,
            company,
            role,
            can_help_with,
            notes,
            needs,
            archived,
            // Never read by the ranking: shown in a brief and `show`, from the card as it is.
            email: _,
            phone: _,
            urls: _,
            birthday: _,
            met: _,
            keep_in_touch_days: _,
            follow_ups: _,
        } = self;
        // Through `std::hash::Hash`, whose bytes may change with the compiler: the key this
        // feeds also holds the binary's stamp, so a new build only ranks once more.
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        (id, name, aliases, tags, company, role).hash(&mut h);
        (can_help_with, notes, needs, archived).hash(&mut h);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Archived, Birthday, Contact, FollowUp, Need, NeedStatus};
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn ada() -> Contact {
        let mut c = Contact::new("ada", "Ada Lovelace");
        c.can_help_with = vec!["analytical engines".into()];
        c.needs = vec![Need {
            id: 1,
            what: "a bookkeeper".into(),
            since: day(1),
            status: NeedStatus::Open,
            met_on: None,
            how: None,
            not_a_fit: Vec::new(),
        }];
        c
    }

    #[test]
    fn what_the_ranking_never_reads_leaves_it_as_it_was() {
        let before = ada().ranked_on();
        let mut c = ada();
        c.email = vec!["ada@example.org".into()];
        c.phone = vec!["+44 20 7946 0000".into()];
        c.urls = vec!["https://example.org".into()];
        c.birthday = Some(Birthday::Full(
            NaiveDate::from_ymd_opt(1815, 12, 10).unwrap_or_default(),
        ));
        c.met = Some("at Babbage's".into());
        c.keep_in_touch_days = Some(30);
        c.follow_ups = vec![FollowUp {
            id: 1,
            what: "send the notes".into(),
            due: Some(day(9)),
            done: false,
            by: Default::default(),
        }];
        assert_eq!(c.ranked_on(), before);
    }

    #[test]
    fn each_field_the_ranking_reads_changes_it() {
        let before = ada().ranked_on();
        type Change = (&'static str, fn(&mut Contact));
        let changes: [Change; 13] = [
            ("id", |c| c.id.push('2')),
            ("name", |c| c.name.push('e')),
            ("alias", |c| c.aliases.push("Countess".into())),
            ("tag", |c| c.tags.push("maths".into())),
            ("company", |c| c.company = Some("Analytical".into())),
            ("role", |c| c.role = Some("Mathematician".into())),
            ("can help with", |c| c.can_help_with[0].push('s')),
            ("notes", |c| c.notes = Some("Writes programs.".into())),
            ("need met", |c| c.needs[0].status = NeedStatus::Met),
            ("need's words", |c| c.needs[0].what.push('s')),
            ("how it was met", |c| {
                c.needs[0].how = Some("Charles".into())
            }),
            ("not a fit", |c| c.needs[0].not_a_fit.push("charles".into())),
            ("archived", |c| c.archived = Some(Archived::Yes)),
        ];
        for (what, change) in changes {
            let mut c = ada();
            change(&mut c);
            assert_ne!(c.ranked_on(), before, "{what}");
        }
        // A word moved from one field to the next is a change too.
        let (mut a, mut b) = (ada(), ada());
        a.company = Some("ab".into());
        a.role = Some("c".into());
        b.company = Some("a".into());
        b.role = Some("bc".into());
        assert_ne!(a.ranked_on(), b.ranked_on());
    }
}
