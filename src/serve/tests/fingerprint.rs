//! `Contact::ranked_on` leaves out what no ranking reads, so that a kept answer survives a
//! promise kept or a birthday added (`cmd/cards_key.rs`). This holds it to that: every card
//! of the demo and of a generated journal gets new values in every field it leaves out
//! (words that name people and skills, which the ranking would pick up if it read them), and
//! every open need must have the very same helpers, and `rolo today` the same strong matches.

use super::fixture::d;
use crate::journal::Journal;
use crate::model::{Birthday, By, Contact, FollowUp, Loaded};
use crate::serve::{Network, needs_with_strong_match};
use crate::store::Store;

/// Every field `ranked_on` leaves out, given words a ranking would match on.
fn everything_left_out_changed(c: &mut Contact, other: &str, n: usize) {
    let skills = "bookkeeping, German tax law, React design, hiring, fundraising";
    c.email = vec![format!("{}@{skills}.example", c.id)];
    c.phone = vec![format!("+49 30 {n:07}")];
    c.urls = vec![format!("https://example.org/{skills}")];
    c.birthday = Some(Birthday::MonthDay(1 + (n % 12) as u32, 1 + (n % 28) as u32));
    c.met = Some(format!("Introduced by {other}, who knows {skills}"));
    c.keep_in_touch_days = Some(7 + n as u32 % 90);
    c.follow_ups.push(FollowUp {
        id: 90,
        what: format!("Introduce {} to {other} about {skills}", c.name),
        due: Some(d(2026, 12, 1 + (n % 28) as u32)),
        done: n.is_multiple_of(2),
        by: if n.is_multiple_of(3) {
            By::Them
        } else {
            By::Me
        },
    });
}

/// Each contact's open needs, each with its helpers: what a brief prints.
fn every_need_s_helpers(j: &Journal) -> Vec<(String, u32, Vec<crate::serve::Helper>)> {
    let net = Network::new(j);
    let mut out = Vec::new();
    for (ix, c) in j.contacts().iter().enumerate() {
        for need in c.open_needs() {
            out.push((c.id.clone(), need.id, net.helpers_for_need(j, ix, need)));
        }
    }
    out
}

/// The cards of the journal in `dir`, loaded twice: as they are, and with every field
/// `ranked_on` leaves out changed on every card.
fn assert_ranking_reads_none_of_it(dir: &std::path::Path) {
    let load = || -> Loaded { Store::on_disk(dir).load_contacts_only().unwrap() };
    let before = Journal::new(load());
    let names: Vec<String> = before.contacts().iter().map(|c| c.name.clone()).collect();
    let mut changed = load();
    let count = changed.contacts.len();
    for (n, c) in changed.contacts.iter_mut().enumerate() {
        let before = c.ranked_on();
        everything_left_out_changed(c, &names[(n + 1) % count], n);
        assert_eq!(c.ranked_on(), before, "{}", c.id);
    }
    let after = Journal::new(changed);
    let helpers = every_need_s_helpers(&before);
    assert!(
        helpers.iter().any(|(_, _, h)| !h.is_empty()),
        "some need has helpers, or the comparison says nothing"
    );
    assert_eq!(helpers, every_need_s_helpers(&after));
    let today = d(2026, 12, 5);
    assert_eq!(
        needs_with_strong_match(&before, today),
        needs_with_strong_match(&after, today)
    );
}

#[allow(dead_code)]
#[path = "../../../examples/gen/generator.rs"]
mod generator;

#[test]
fn ranking_reads_nothing_a_card_s_fingerprint_leaves_out() {
    let demo = tempfile::tempdir().unwrap();
    crate::demo::install(demo.path()).unwrap();
    assert_ranking_reads_none_of_it(demo.path());
    // The benchmarks' generator: 300 people, their needs, met needs and what they can do.
    let generated = tempfile::tempdir().unwrap();
    let options = generator::Options {
        contacts: 300,
        entries: 0,
        needs: None,
        years: 2,
        seed: 7,
    };
    generator::generate(&options, generated.path()).unwrap();
    assert_ranking_reads_none_of_it(generated.path());
}
