//! Model -> TOML -> model through the Store on the in-memory file system.
//!
//! What the store is allowed to change on the way (documented in the README):
//! - line breaks in `notes` and in an entry's `note` are read as `\n` (a CRLF file reads the
//!   same as any other);
//! - an entry's `kind` is read through `Kind::parse` (trimmed, known kinds lower-cased);
//! - a blank `gave` / `asked` reads as absent.
//!
//! Everything else — leading and trailing spaces, quotes, backslashes, `"""`, emoji, control
//! characters, very long text — must come back exactly as it was saved.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use rolo::model::{Archived, Birthday, Contact, Entry, FollowUp, Kind, Need, NeedStatus};
use rolo::store::{MemFs, Store};

/// Text that tends to break encoders, mixed with arbitrary Unicode.
fn odd_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Zoë",
        "Ñandú",
        "東京",
        "🎉",
        "👩‍👩‍👧",
        "\"",
        "'",
        "'''",
        "\"\"\"",
        "\\",
        "\\n",
        "\n",
        "\r\n",
        "\t",
        " ",
        "  lead",
        "trail  ",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{0}",
        "\u{7f}",
        "#",
        "[entry]",
        "key = 1",
        "plain words",
    ]);
    prop_oneof![
        4 => prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat()),
        2 => any::<String>(),
        1 => "[a-z]{1,3}".prop_map(|s| s.repeat(3000)),
    ]
}

/// Names must have something visible in them (a blank name is refused).
fn name() -> impl Strategy<Value = String> {
    (odd_text(), "[A-Za-z]{1,8}").prop_map(|(t, core)| format!("{t}{core}{t}"))
}

fn date_in(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = NaiveDate> {
    (years, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d).expect("day 1..=28 exists in every month")
    })
}

/// A date rolo keeps for an entry, a need or a follow-up (see `model::years`).
fn date() -> impl Strategy<Value = NaiveDate> {
    date_in(rolo::model::FIRST_YEAR..=rolo::model::LAST_YEAR)
}

fn birthday() -> impl Strategy<Value = Birthday> {
    prop_oneof![
        // A birthday is any day TOML can write (Ada Lovelace's is in 1815).
        date_in(1..=9999).prop_map(Birthday::Full),
        (1u32..=12, 1u32..=28).prop_map(|(m, d)| Birthday::MonthDay(m, d)),
        Just(Birthday::MonthDay(2, 29)),
    ]
}

fn status() -> impl Strategy<Value = NeedStatus> {
    prop::sample::select(vec![NeedStatus::Open, NeedStatus::Met, NeedStatus::Dropped])
}

fn need_body() -> impl Strategy<Value = (String, NaiveDate, NeedStatus, Option<NaiveDate>)> {
    (odd_text(), date(), status(), prop::option::of(date()))
}

fn follow_up_body() -> impl Strategy<Value = (String, Option<NaiveDate>, bool)> {
    (odd_text(), prop::option::of(date()), any::<bool>())
}

/// Needs with ascending ids drawn from `ids`, as rolo hands them out (one past the highest).
fn needs(ids: Vec<u32>) -> impl Strategy<Value = Vec<Need>> {
    let n = ids.len();
    (
        prop::collection::vec(need_body(), n),
        prop::collection::vec(prop::option::of(odd_text()), n),
        prop::collection::vec(prop::collection::vec(odd_text(), 0..3), n),
    )
        .prop_map(move |(bodies, hows, not_fits)| {
            ids.iter()
                .zip(bodies)
                .zip(hows)
                .zip(not_fits)
                .map(
                    |(((&id, (what, since, status, met_on)), how), not_a_fit)| Need {
                        id,
                        what,
                        since,
                        status,
                        met_on,
                        how,
                        not_a_fit,
                    },
                )
                .collect()
        })
}

fn follow_ups(ids: Vec<u32>) -> impl Strategy<Value = Vec<FollowUp>> {
    prop::collection::vec(follow_up_body(), ids.len()).prop_map(move |bodies| {
        ids.iter()
            .zip(bodies)
            .map(|(&id, (what, due, done))| FollowUp {
                id,
                what,
                due,
                done,
                by: Default::default(),
            })
            .collect()
    })
}

/// Ids 1..=n, some dropped: what a contact's needs look like after a few hand deletions.
fn some_ids(max: u32) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<bool>(), max as usize).prop_map(|keep| {
        keep.iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| i as u32 + 1)
            .collect()
    })
}

fn list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(odd_text(), 0..4)
}

fn contact_with(need_ids: Vec<u32>, follow_up_ids: Vec<u32>) -> impl Strategy<Value = Contact> {
    (
        (name(), list(), list(), prop::option::of(odd_text())),
        (prop::option::of(odd_text()), list(), list(), list()),
        (
            prop::option::of(birthday()),
            prop::option::of(odd_text()),
            prop::option::of(1u32..=36_500),
        ),
        (
            list(),
            prop::option::of(odd_text()),
            prop::option::of(archived()),
        ),
        (needs(need_ids), follow_ups(follow_up_ids)),
    )
        .prop_map(
            |(
                (name, aliases, tags, company),
                (role, email, phone, urls),
                (birthday, met, keep_in_touch_days),
                (can_help_with, notes, archived),
                (needs, follow_ups),
            )| Contact {
                id: String::new(),
                name,
                aliases,
                tags,
                company,
                role,
                email,
                phone,
                urls,
                birthday,
                met,
                keep_in_touch_days,
                can_help_with,
                notes,
                needs,
                follow_ups,
                archived,
            },
        )
}

fn archived() -> impl Strategy<Value = Archived> {
    prop_oneof![
        Just(Archived::Yes),
        date_in(2000..=2100).prop_map(Archived::Since),
    ]
}

fn contact() -> impl Strategy<Value = Contact> {
    (some_ids(4), some_ids(4)).prop_flat_map(|(n, f)| contact_with(n, f))
}

/// Ids after an edit: some of `before` kept, in order, and new ones after the highest, as
/// every path through rolo hands them out. (The file keeps its items in place and adds new
/// ones at the end, so an edit that numbered a new item below an existing one would load in
/// file order, not model order.)
fn later_ids(before: Vec<u32>) -> impl Strategy<Value = Vec<u32>> {
    let max = before.iter().copied().max().unwrap_or(0);
    (
        prop::collection::vec(any::<bool>(), before.len()),
        some_ids(4),
    )
        .prop_map(move |(keep, added)| {
            before
                .iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(id, _)| *id)
                .chain(added.into_iter().map(|n| max + n))
                .collect()
        })
}

/// A first version of a contact and a later one: needs kept, dropped or added.
fn contact_and_edit() -> impl Strategy<Value = (Contact, Contact)> {
    (some_ids(4), some_ids(4)).prop_flat_map(|(n1, f1)| {
        (
            contact_with(n1.clone(), f1.clone()),
            (later_ids(n1), later_ids(f1)).prop_flat_map(|(n2, f2)| contact_with(n2, f2)),
        )
    })
}

/// How the store reads text back (see the module comment).
fn expect_contact(c: &Contact, id: &str) -> Contact {
    let mut c = c.clone();
    c.id = id.to_string();
    c.notes = c.notes.map(|n| n.replace("\r\n", "\n"));
    c
}

fn expect_entry(e: &Entry) -> Entry {
    let mut e = e.clone();
    e.note = e.note.replace("\r\n", "\n");
    e.kind = Kind::parse(e.kind.as_str());
    e.gave = e.gave.filter(|g| !g.trim().is_empty());
    e.asked = e.asked.filter(|a| !a.trim().is_empty());
    e
}

fn moment() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        date(),
        0u32..24,
        0u32..60,
        0u32..60,
        -(14 * 60i32)..=(14 * 60),
    )
        .prop_map(|(d, h, m, s, offset_minutes)| {
            let offset = FixedOffset::east_opt(offset_minutes * 60).expect("within ±14h");
            let naive = d.and_hms_opt(h, m, s).expect("valid time");
            offset
                .from_local_datetime(&naive)
                .single()
                .expect("fixed offsets are never ambiguous")
        })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        prop::sample::select(Kind::CYCLE.to_vec()),
        odd_text().prop_map(Kind::Other),
        Just(Kind::Other("Coffee".into())),
    ]
}

/// An entry's content; `with` is filled from the contacts the test created.
fn entry_body() -> impl Strategy<Value = Entry> {
    (
        moment(),
        kind(),
        odd_text(),
        prop::option::of(odd_text()),
        prop::option::of(odd_text()),
        prop::collection::vec(0usize..3, 1..4),
    )
        .prop_map(|(at, kind, note, gave, asked, who)| Entry {
            id: String::new(),
            at,
            with: who.iter().map(|i| format!("#{i}")).collect(),
            kind,
            note,
            gave,
            asked,
        })
}

fn store() -> Store {
    Store::new(Box::new(MemFs::new()))
}

fn config() -> ProptestConfig {
    // Each case is small; 64 cases keep the suite quick on two cores while still mixing
    // every odd piece of text into every field many times over.
    // PROPTEST_CASES=5000 runs a longer search.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_created_contact_loads_as_saved(c in contact()) {
        let store = store();
        let saved = store.create_contact(c.clone()).expect("create");
        let loaded = store.load_contact(&saved.id).expect("load");
        prop_assert_eq!(&loaded, &expect_contact(&c, &saved.id));
        prop_assert_eq!(&saved, &loaded);
        prop_assert!(store.load().expect("load all").problems.is_empty());
    }

    #[test]
    fn an_updated_contact_loads_as_saved((first, second) in contact_and_edit()) {
        let store = store();
        let id = store.create_contact(first).expect("create").id;
        let result = store
            .update_contact(&id, |c| {
                *c = second.clone();
                Ok(())
            })
            .expect("update");
        prop_assert!(!result.changed_outside);
        let loaded = store.load_contact(&id).expect("load");
        prop_assert_eq!(&loaded, &expect_contact(&second, &id));
        prop_assert_eq!(result.value, expect_contact(&second, &id));
    }

    #[test]
    fn appended_entries_load_as_saved(bodies in prop::collection::vec(entry_body(), 1..6)) {
        let store = store();
        let ids: Vec<String> = ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]
            .iter()
            .map(|n| store.create_contact(Contact::new("", *n)).expect("create").id)
            .collect();
        let mut saved = Vec::new();
        for mut e in bodies {
            let mut with: Vec<String> = Vec::new();
            for w in &e.with {
                let n: usize = w[1..].parse().expect("index");
                if !with.contains(&ids[n]) {
                    with.push(ids[n].clone());
                }
            }
            e.with = with;
            e.id = Entry::make_id(&e.at, &e.with);
            let written = store.append_entry(e.clone()).expect("append").value;
            prop_assert!(written.id.starts_with(&e.id));
            e.id = written.id.clone();
            prop_assert_eq!(&written, &expect_entry(&e));
            saved.push(expect_entry(&e));
        }
        let loaded = store.load().expect("load");
        let errors: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.severity == rolo::store::Severity::Error)
            .map(|p| p.to_string())
            .collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
        prop_assert_eq!(loaded.entries.len(), saved.len());
        for e in &saved {
            let back = loaded.entries.iter().find(|l| l.id == e.id).expect("entry is there");
            prop_assert_eq!(back, e);
            // DateTime equality compares instants; the offset as written must survive too.
            prop_assert_eq!(back.at.offset(), e.at.offset());
        }
    }

    #[test]
    fn an_updated_entry_loads_as_saved(first in entry_body(), second in entry_body()) {
        let store = store();
        let ada = store.create_contact(Contact::new("", "Ada")).expect("create").id;
        let bob = store.create_contact(Contact::new("", "Bob")).expect("create").id;
        let mut e = first;
        e.with = vec![ada.clone()];
        e.id = Entry::make_id(&e.at, &e.with);
        let e = store.append_entry(e).expect("append").value;
        let mut wanted = second;
        wanted.with = vec![bob, ada];
        let changed = store
            .update_entry(&e.id, e.month(), |x| {
                let id = x.id.clone();
                *x = wanted.clone();
                x.id = id;
                Ok(())
            })
            .expect("update")
            .value;
        let loaded = store.load().expect("load");
        prop_assert_eq!(loaded.entries.len(), 1);
        wanted.id = changed.id.clone();
        prop_assert_eq!(&loaded.entries[0], &expect_entry(&wanted));
        prop_assert_eq!(&changed, &loaded.entries[0]);
        prop_assert_eq!(loaded.entries[0].at.offset(), wanted.at.offset());
    }
}

#[test]
fn crlf_in_notes_reads_as_lf_but_other_fields_keep_it() {
    let store = store();
    let mut c = Contact::new("", "Ada\r\nLovelace");
    c.notes = Some("one\r\ntwo\r\n".into());
    c.met = Some("at\r\nPyCon".into());
    let id = store.create_contact(c).expect("create").id;
    let back = store.load_contact(&id).expect("load");
    assert_eq!(back.notes.as_deref(), Some("one\ntwo\n"));
    assert_eq!(back.name, "Ada\r\nLovelace");
    assert_eq!(back.met.as_deref(), Some("at\r\nPyCon"));
}

#[test]
fn a_hand_written_crlf_file_loads() {
    let fs = MemFs::new();
    fs.put(
        "contacts/ada.toml",
        "name = \"Ada\"\r\nnotes = \"\"\"\r\nPrefers tea.\r\nLikes maths.\r\n\"\"\"\r\n",
    );
    let store = Store::new(Box::new(fs));
    let ada = store.load_contact("ada").expect("load");
    assert_eq!(ada.notes.as_deref(), Some("Prefers tea.\nLikes maths.\n"));
}
