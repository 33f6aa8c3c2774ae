//! `Network::strong_helpers` (what Today asks for every need) picks people from an overview
//! and writes out reasons for those only; it must give exactly the strong head of the full
//! ranking, ties and all.

use super::fixture::*;
use crate::journal::Journal;
use crate::serve::{Helper, Network};
use proptest::prelude::*;

/// Some phrases match a need closely in one word but are mostly about other things.
const PHRASES: [&str; 10] = [
    "backend consulting in go, java, python and rust",
    "event photography, video, sound and venue lighting",
    "event venue in Kreuzberg",
    "catering for events",
    "hiring rust engineers",
    "rust",
    "seed fundraising",
    "German tax law",
    "venues",
    "organisation design",
];
const TAGS: [&str; 5] = ["rust", "events", "founders", "tax", "venue"];
const NOTES: [&str; 4] = [
    "Runs a rust meetup. Knows every venue in town.",
    "Did our taxes; great at German tax questions",
    "Likes tea",
    "Organised the catering for our events last year",
];
const NEEDS: [&str; 6] = [
    "Looking for a venue for the January meetup",
    "A tax advisor who speaks English",
    "An intro to someone hiring rust engineers",
    "Catering for sixty people at our events",
    "An organsation design coach",
    "seed investors",
];
/// Few names, so equal scores fall back to names and then to journal order.
const NAMES: [&str; 3] = ["Ana", "Bo", "Ana"];

/// Per person, indexes into the tables above: name, can-help-with, tags, notes, need.
type Person = (usize, Vec<usize>, Vec<usize>, Option<usize>, usize);

fn network(people: &[Person]) -> Journal {
    let contacts = people
        .iter()
        .enumerate()
        .map(|(i, (name, helps, tags, notes, wants))| {
            let mut c = person(&format!("p{i}"), NAMES[*name]);
            c.can_help_with = helps.iter().map(|h| PHRASES[*h].to_string()).collect();
            c.tags = tags.iter().map(|t| TAGS[*t].to_string()).collect();
            c.notes = notes.map(|n| NOTES[n].to_string());
            c.needs.push(need(1, NEEDS[*wants], d(2026, 1, 1)));
            c
        })
        .collect();
    journal(contacts, vec![])
}

fn strong_head(full: Vec<Helper>, limit: usize) -> Vec<Helper> {
    full.into_iter().filter(|h| h.strong).take(limit).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn strong_helpers_are_the_strong_head_of_the_full_ranking(
        people in prop::collection::vec(
            (
                0..NAMES.len(),
                prop::collection::vec(0..PHRASES.len(), 0..3),
                prop::collection::vec(0..TAGS.len(), 0..2),
                prop::option::of(0..NOTES.len()),
                0..NEEDS.len(),
            ),
            1..40,
        )
    ) {
        let j = network(&people);
        let net = Network::new(&j);
        for (ix, need) in j.open_needs() {
            let full = net.helpers(&j, Some(ix), &need.what);
            for limit in [1, 2, 5, usize::MAX] {
                let strong = net.strong_helpers(&j, Some(ix), &need.what, limit);
                prop_assert_eq!(&strong, &strong_head(full.clone(), limit), "need {:?}", need.what);
            }
        }
    }
}
