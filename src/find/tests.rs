//! The index: what each kind of field finds and how it is named, all words needed, accents
//! and case set aside, name words standing for the person, the order of hits, and the index
//! following every kind of change to the journal.

use super::*;
use crate::journal::Journal;
use crate::model::{Contact, Entry, FollowUp, Kind, Loaded, Need, NeedStatus, OlderLoad};
use chrono::{DateTime, FixedOffset, NaiveDate};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("valid time")
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("valid day")
}

fn entry(id: &str, when: &str, with: &[&str], note: &str) -> Entry {
    Entry {
        id: id.into(),
        at: at(when),
        with: with.iter().map(|w| w.to_string()).collect(),
        kind: Kind::Note,
        note: note.into(),
        gave: None,
        asked: None,
    }
}

fn people() -> Vec<Contact> {
    let mut ada = Contact::new("ada", "Ada Lovelace");
    ada.aliases = vec!["Countess of Lovelace".into()];
    ada.tags = vec!["math".into(), "london".into()];
    ada.company = Some("Analytical Engines".into());
    ada.role = Some("CTO".into());
    ada.email = vec!["ada@example.org".into()];
    ada.phone = vec!["+44 20 7946 0000".into()];
    ada.can_help_with = vec!["fundraising".into(), "poetry".into()];
    ada.notes = Some("Prefers tea. Plays cricket at the Maifeld.".into());
    ada.met = Some("PyCon, her talk on Babbage".into());
    ada.needs = vec![Need {
        id: 1,
        what: "Visa paperwork for two engineers".into(),
        since: day("2026-11-02"),
        status: NeedStatus::Open,
        met_on: None,
        how: None,
        not_a_fit: Vec::new(),
    }];
    ada.follow_ups = vec![FollowUp {
        id: 2,
        what: "Send her the Menabrea translation".into(),
        due: Some(day("2026-11-30")),
        done: false,
        by: crate::model::By::Me,
    }];
    let zoe = Contact::new("zoe", "Zoë Müller");
    let priya = Contact::new("priya", "Priya Raman");
    vec![ada, zoe, priya]
}

fn journal() -> Journal {
    Journal::new(Loaded {
        contacts: people(),
        entries: vec![
            entry(
                "e1",
                "2025-12-19T09:00:00+01:00",
                &["priya"],
                "She's off to CHENNAI for three weeks.",
            ),
            entry(
                "e2",
                "2026-10-25T10:00:00+01:00",
                &["zoe", "priya"],
                "Zoë has an appointment with Sofia.",
            ),
            entry(
                "e3",
                "2026-11-20T10:00:00+01:00",
                &["ada"],
                "Talked about visas and the engine.",
            ),
            entry(
                "e4",
                "2026-11-21T10:00:00+01:00",
                &["ghost"],
                "A note with someone who has no card: visa.",
            ),
        ],
        ..Loaded::default()
    })
}

fn find(f: &mut Finder, j: &Journal, q: &str) -> Vec<(Option<String>, Place)> {
    f.search(j, q, 100, None)
        .hits
        .into_iter()
        .map(|h| (h.person, h.place))
        .collect()
}

fn places(f: &mut Finder, j: &Journal, q: &str) -> Vec<Place> {
    find(f, j, q).into_iter().map(|(_, p)| p).collect()
}

fn entry_place(j: &Journal, id: &str) -> Place {
    let e = j.timeline().find(|e| e.id == id).expect("entry");
    Place::Entry {
        at: e.at,
        id: e.id.clone(),
    }
}

#[test]
fn every_field_of_a_card_is_found_and_says_which() {
    let j = journal();
    let mut f = Finder::inline();
    assert_eq!(
        places(&mut f, &j, "lovelace"),
        [Place::Name, Place::Alias(0)]
    );
    for (q, place) in [
        ("countess", Place::Alias(0)),
        ("london", Place::Tag(1)),
        ("analytical", Place::Company),
        ("cto", Place::Role),
        ("example", Place::Email(0)),
        ("7946", Place::Phone(0)),
        ("poetry", Place::CanHelp(1)),
        ("paperwork", Place::Need(1)),
        ("menabrea", Place::Promise(2)),
        ("maifeld", Place::Notes),
        ("babbage", Place::Met),
    ] {
        let found = find(&mut f, &j, q);
        assert_eq!(found, [(Some("ada".to_string()), place.clone())], "{q}");
    }
    let today = day("2026-12-03");
    assert_eq!(Place::Need(1).label(&j, Some("ada"), today), "need #1");
    assert_eq!(
        Place::Promise(2).label(&j, Some("ada"), today),
        "promise #2"
    );
    assert_eq!(
        Place::CanHelp(1).label(&j, Some("ada"), today),
        "can help with"
    );
    assert_eq!(
        entry_place(&j, "e2").label(&j, None, today),
        "note, Sun 25 Oct"
    );
    assert_eq!(
        entry_place(&j, "e1").label(&j, None, today),
        "note, Fri 19 Dec 2025"
    );
    assert_eq!(
        text_at(&j, Some("ada"), &Place::Need(1)).as_deref(),
        Some("Visa paperwork for two engineers")
    );
}

#[test]
fn timeline_notes_are_found_with_their_person() {
    let j = journal();
    let mut f = Finder::inline();
    assert_eq!(
        find(&mut f, &j, "chennai"),
        [(Some("priya".to_string()), entry_place(&j, "e1"))]
    );
    // No card: the entry is still found, with the id it names.
    let ghost = find(&mut f, &j, "someone");
    assert_eq!(ghost, [(Some("ghost".to_string()), entry_place(&j, "e4"))]);
}

#[test]
fn every_word_is_needed_and_a_name_stands_for_its_person() {
    let j = journal();
    let mut f = Finder::inline();
    assert_eq!(places(&mut f, &j, "visa engineers"), [Place::Need(1)]);
    assert!(places(&mut f, &j, "visa chennai").is_empty());
    // "priya" is not in the note, but the note is Priya's.
    assert_eq!(places(&mut f, &j, "priya chennai"), [entry_place(&j, "e1")]);
    // In an entry with two people, the one named is whose hit it is.
    assert_eq!(
        find(&mut f, &j, "priya sofia"),
        [(Some("priya".to_string()), entry_place(&j, "e2"))]
    );
    assert_eq!(
        find(&mut f, &j, "sofia"),
        [(Some("zoe".to_string()), entry_place(&j, "e2"))]
    );
    // A name alone finds the name, not everything with the person in it.
    assert_eq!(places(&mut f, &j, "priya"), [Place::Name]);
    assert!(places(&mut f, &j, "priya lovelace").is_empty());
}

#[test]
fn accents_and_case_are_optional_both_ways() {
    let j = journal();
    let mut f = Finder::inline();
    for q in ["zoe", "ZOË", "Zoe muller", "zoë MÜLL"] {
        assert!(places(&mut f, &j, q).contains(&Place::Name), "{q}");
    }
    assert_eq!(places(&mut f, &j, "Chennai"), places(&mut f, &j, "chénnaï"));
    assert!(places(&mut f, &j, "").is_empty());
    assert!(places(&mut f, &j, " ,. ").is_empty());
}

#[test]
fn words_are_found_from_their_start() {
    let j = journal();
    let mut f = Finder::inline();
    assert_eq!(places(&mut f, &j, "chen"), [entry_place(&j, "e1")]);
    // Inside a word is not a word's start.
    assert!(places(&mut f, &j, "hennai").is_empty());
}

#[test]
fn names_first_then_cards_then_entries_newest_first() {
    let j = journal();
    let mut f = Finder::inline();
    let found = f.search(&j, "visa", 100, None);
    let got: Vec<Place> = found.hits.iter().map(|h| h.place.clone()).collect();
    assert_eq!(
        got,
        [Place::Need(1), entry_place(&j, "e4"), entry_place(&j, "e3"),]
    );
    assert_eq!(found.total, 3);
    assert_eq!(found.words, ["visa"]);
    let limited = f.search(&j, "visa", 2, None);
    assert_eq!(limited.total, 3);
    assert_eq!(limited.hits.len(), 2);
    let only_ada = f.search(&j, "visa", 100, Some("ada"));
    assert_eq!(only_ada.total, 2);
    let names = f.search(&j, "l", 100, None);
    assert_eq!(names.hits.first().map(|h| &h.place), Some(&Place::Name));
    assert!(names.names >= 1);
}

#[test]
fn hits_mark_the_words_typed() {
    let j = journal();
    let mut f = Finder::inline();
    let found = f.search(&j, "appoint sof", 10, None);
    let hit = &found.hits[0];
    let text = text_at(&j, hit.person.as_deref(), &hit.place).unwrap_or_default();
    let s = snippet(&text, &found.words, 80);
    let marked: Vec<&str> = s.marks.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(marked, ["appoint", "Sof"]);
}

#[test]
fn the_index_follows_every_change() {
    let mut j = journal();
    let mut f = Finder::inline();
    assert!(places(&mut f, &j, "kiln").is_empty());
    // A note saved.
    j.add_entry(entry(
        "e5",
        "2026-11-22T10:00:00+01:00",
        &["zoe"],
        "Visited the kiln",
    ));
    assert_eq!(places(&mut f, &j, "kiln"), [entry_place(&j, "e5")]);
    // An entry edited (moved to another month) and one removed.
    j.replace_entry(
        "e5",
        entry(
            "e5",
            "2026-09-01T10:00:00+01:00",
            &["zoe"],
            "Fired the kiln",
        ),
    );
    assert_eq!(places(&mut f, &j, "fired"), [entry_place(&j, "e5")]);
    assert!(places(&mut f, &j, "visited").is_empty());
    j.remove_entry("e5");
    assert!(places(&mut f, &j, "kiln").is_empty());
    // A card edited: the old text is gone, the new one found, and so are their notes by name.
    let mut zoe = j.by_id("zoe").cloned().unwrap_or_default();
    zoe.name = "Zoë Kiln".into();
    zoe.tags = vec!["ceramics".into()];
    j.upsert_contact(zoe);
    assert_eq!(places(&mut f, &j, "ceramics"), [Place::Tag(0)]);
    assert!(places(&mut f, &j, "muller").is_empty());
    assert_eq!(places(&mut f, &j, "kiln sofia"), [entry_place(&j, "e2")]);
    // A card removed: its fields go, its entries stay.
    j.remove_contact("ada");
    assert!(places(&mut f, &j, "lovelace").is_empty());
    assert_eq!(places(&mut f, &j, "engine"), [entry_place(&j, "e3")]);
    // A month read again after an outside edit.
    j.replace_month(
        (2025, 12),
        vec![entry(
            "e1",
            "2025-12-19T09:00:00+01:00",
            &["priya"],
            "Off to Madurai instead.",
        )],
    );
    assert!(places(&mut f, &j, "chennai").is_empty());
    assert_eq!(places(&mut f, &j, "madurai"), [entry_place(&j, "e1")]);
    // The same answers as an index built afresh.
    let mut fresh = Finder::inline();
    for q in ["zoe", "visa", "kiln", "sofia", "priya", "e", "a"] {
        assert_eq!(find(&mut f, &j, q), find(&mut fresh, &j, q), "{q}");
    }
}

#[test]
fn older_months_loaded_later_are_indexed_and_said_to_be_coming() {
    let mut j = Journal::new_loading_older(
        Loaded {
            contacts: people(),
            entries: vec![entry(
                "new",
                "2026-11-20T10:00:00+01:00",
                &["ada"],
                "recent visa news",
            )],
            ..Loaded::default()
        },
        true,
    );
    let mut f = Finder::inline();
    let found = f.search(&j, "visa", 100, None);
    assert_eq!(found.readiness, Some(Readiness::OlderMonths));
    assert_eq!(found.total, 2);
    j.extend_older(OlderLoad {
        entries: vec![entry(
            "old",
            "2019-01-05T10:00:00+01:00",
            &["ada"],
            "old visa story",
        )],
        problems: Vec::new(),
    });
    let found = f.search(&j, "visa", 100, None);
    assert_eq!(found.readiness, Some(Readiness::Ready));
    assert_eq!(found.total, 3);
}

#[test]
fn a_build_on_a_thread_says_it_is_not_ready_rather_than_answer_short() {
    let mut j = journal();
    let mut f = Finder::with_inline_limit(0);
    let first = f.search(&j, "visa", 100, None);
    if first.readiness == Some(Readiness::Indexing) {
        assert_eq!(first.total, 0, "no partial answer while nothing is indexed");
    }
    f.wait(&j);
    assert_eq!(
        f.search(&j, "visa", 100, None).readiness,
        Some(Readiness::Ready)
    );
    // Something that touches everything: the old index answers, and says it may be short.
    j.extend_older(OlderLoad {
        entries: vec![entry(
            "old",
            "2019-01-05T10:00:00+01:00",
            &["ada"],
            "old visa story",
        )],
        problems: Vec::new(),
    });
    // The new build has only just started when this search runs.
    let during = f.search(&j, "visa", 100, None);
    assert_eq!(
        (during.total, during.readiness),
        (3, Some(Readiness::Partial))
    );
    f.wait(&j);
    let after = f.search(&j, "visa", 100, None);
    assert_eq!((after.total, after.readiness), (4, Some(Readiness::Ready)));
    assert!(f.heap_bytes() > 0);
}

#[test]
fn demo_chennai_and_visa() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::demo::install(dir.path()).expect("demo");
    let j = Journal::new(
        crate::store::Store::on_disk(dir.path())
            .load()
            .expect("loads"),
    );
    let mut f = Finder::inline();
    let chennai = f.search(&j, "chennai", 10, None);
    assert_eq!(chennai.hits.len(), 1);
    assert_eq!(chennai.hits[0].person.as_deref(), Some("priya-raman"));
    assert!(matches!(chennai.hits[0].place, Place::Entry { .. }));
    let visa = f.search(&j, "visa", 20, None);
    let who: Vec<(Option<&str>, &Place)> = visa
        .hits
        .iter()
        .map(|h| (h.person.as_deref(), &h.place))
        .collect();
    assert!(
        who.contains(&(Some("kwame-asante"), &Place::Need(1))),
        "{who:?}"
    );
    assert!(
        who.contains(&(Some("sofia-almeida"), &Place::CanHelp(0))),
        "{who:?}"
    );
}

/// A journal copied a few people and entries at a time, changing between the pieces: an
/// entry added before and after where the copy is, one removed, a person changed and one
/// removed. Once built, the answers are those of an index built afresh.
#[test]
fn changes_while_the_journal_is_copied_in_pieces_are_not_lost_or_doubled() {
    let mut contacts = people();
    for i in 0..9 {
        contacts.push(Contact::new(format!("p{i}"), format!("Person {i} Kiln")));
    }
    let mut entries = Vec::new();
    for day in 1..=28 {
        let when = format!("2026-10-{day:02}T10:00:00+01:00");
        entries.push(entry(
            &format!("oct-{day}"),
            &when,
            &["p1"],
            &format!("october note {day}"),
        ));
    }
    let mut j = Journal::new(Loaded {
        contacts,
        entries,
        ..Loaded::default()
    });
    let mut f = Finder::in_pieces(3, 4);
    f.sync(&j);
    for step in 0..20 {
        match step {
            2 => j.add_entry(entry(
                "early",
                "2026-10-02T12:00:00+01:00",
                &["p2"],
                "early kiln",
            )),
            4 => j.remove_entry("oct-3"),
            6 => {
                let mut ada = j.by_id("ada").cloned().unwrap_or_default();
                ada.tags.push("kiln".into());
                j.upsert_contact(ada);
            }
            8 => {
                j.remove_contact("p4");
            }
            10 => j.add_entry(entry(
                "late",
                "2026-10-27T12:00:00+01:00",
                &["p5"],
                "late kiln",
            )),
            _ => {}
        }
        f.sync(&j);
    }
    f.wait(&j);
    let mut fresh = Finder::inline();
    for q in [
        "kiln",
        "october",
        "october 3",
        "note",
        "person",
        "early",
        "late",
        "p",
        "e",
    ] {
        assert_eq!(
            f.search(&j, q, 1000, None),
            fresh.search(&j, q, 1000, None),
            "{q}"
        );
    }
    assert_eq!(
        f.search(&j, "kiln", 1000, None).readiness,
        Some(Readiness::Ready)
    );
}
