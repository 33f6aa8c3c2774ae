//! Editing a journal updates its index in place (an entry's position, each person's list of
//! entries, their last contact) instead of indexing everything again. Random edits here are
//! checked against what the index must say, worked out afresh from the timeline itself.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use proptest::prelude::*;
use rolo::journal::Journal;
use rolo::model::{Contact, Entry, Kind};
use rolo::store::Loaded;

const PEOPLE: [&str; 4] = ["ana", "bo", "cy", "dee"];

#[derive(Debug, Clone)]
enum Edit {
    /// Minutes from the start (few, so equal times happen), offset in hours, who.
    Add(i64, i32, Vec<usize>),
    /// Replace the n-th entry (modulo how many there are) with one at a new time.
    Replace(usize, i64, i32, Vec<usize>),
    Remove(usize),
}

fn at(minutes: i64, offset_hours: i32) -> DateTime<FixedOffset> {
    let zone = FixedOffset::east_opt(offset_hours * 3600).expect("offset");
    let start = zone
        .with_ymd_and_hms(2026, 3, 1, 23, 0, 0)
        .single()
        .expect("time");
    start + Duration::minutes(minutes * 30)
}

fn entry(id: String, minutes: i64, offset: i32, who: &[usize]) -> Entry {
    let mut with: Vec<String> = who
        .iter()
        .map(|&w| PEOPLE[w % PEOPLE.len()].into())
        .collect();
    with.dedup();
    // Someone without a contact file: named in the entry, indexed for no one.
    if who.len() == 3 {
        with.push("ghost".into());
    }
    Entry {
        id,
        at: at(minutes, offset),
        with,
        kind: Kind::Note,
        note: "n".into(),
        gave: None,
        asked: None,
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    let who = prop::collection::vec(0..PEOPLE.len(), 0..4);
    prop_oneof![
        (0..20i64, -2..3i32, who.clone()).prop_map(|(m, o, w)| Edit::Add(m, o, w)),
        (any::<usize>(), 0..20i64, -2..3i32, who)
            .prop_map(|(n, m, o, w)| Edit::Replace(n, m, o, w)),
        any::<usize>().prop_map(Edit::Remove),
    ]
}

/// The index worked out from the timeline: per person their entry ids (oldest first) and
/// last day seen.
fn expected(j: &Journal, id: &str) -> (Vec<String>, Option<chrono::NaiveDate>) {
    let mine: Vec<&Entry> = j.timeline().rev().filter(|e| e.involves(id)).collect();
    (
        mine.iter().map(|e| e.id.clone()).collect(),
        mine.iter().map(|e| e.at.date_naive()).max(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn edits_keep_the_index_equal_to_one_made_afresh(edits in prop::collection::vec(edit(), 1..40)) {
        let contacts = PEOPLE.iter().map(|&p| Contact::new(p, p)).collect();
        let mut j = Journal::new(Loaded { contacts, ..Loaded::default() });
        let mut model: Vec<String> = Vec::new();
        for (n, edit) in edits.into_iter().enumerate() {
            let id = format!("e{n:03}");
            match edit {
                Edit::Add(m, o, who) => {
                    j.add_entry(entry(id.clone(), m, o, &who));
                    model.push(id);
                }
                Edit::Replace(k, m, o, who) if !model.is_empty() => {
                    let old = model[k % model.len()].clone();
                    j.replace_entry(&old, entry(old.clone(), m, o, &who));
                }
                Edit::Remove(k) if !model.is_empty() => {
                    let old = model.remove(k % model.len());
                    j.remove_entry(&old);
                }
                _ => {}
            }
            let times: Vec<_> = j.timeline().rev().map(|e| e.at).collect();
            prop_assert!(times.windows(2).all(|w| w[0] <= w[1]), "out of time order: {:?}", times);
            let mut ids: Vec<String> = j.timeline().map(|e| e.id.clone()).collect();
            ids.sort();
            let mut want = model.clone();
            want.sort();
            prop_assert_eq!(ids, want);
            for (ix, c) in j.contacts().iter().enumerate() {
                let listed: Vec<String> = j.timeline_of(ix).rev().map(|e| e.id.clone()).collect();
                let (ids, last) = expected(&j, &c.id);
                prop_assert_eq!(&listed, &ids, "{}'s entries", c.id);
                prop_assert_eq!(j.last_contact(ix), last, "{}'s last contact", c.id);
            }
        }
    }
}
