//! Planning an import: who a card is, what a record gains, and what is never guessed.

use super::preview::plan;
use super::{Card, Origin, Read};
use crate::model::{Birthday, Contact};

fn person(id: &str, name: &str) -> Contact {
    Contact::new(id, name)
}

fn card(line: usize, name: &str, f: impl FnOnce(&mut Contact)) -> Card {
    let mut c = Contact::new("", name);
    f(&mut c);
    Card {
        at: Origin {
            file: "in.vcf".into(),
            line,
        },
        contact: c,
    }
}

fn read(cards: Vec<Card>) -> Read {
    Read {
        cards,
        skipped: Vec::new(),
    }
}

/// Who each card was matched to, and by what.
fn matched_by(p: &super::preview::Plan) -> Vec<(&str, &str)> {
    p.matched
        .iter()
        .map(|m| (m.id.as_str(), m.how.as_str()))
        .collect()
}

#[test]
fn email_beats_name_and_a_new_name_becomes_an_alias() {
    let mut ada = person("ada-lovelace", "Ada Lovelace");
    ada.email = vec!["ada@example.org".into()];
    ada.role = Some("Countess".into());
    let other = person("augusta-king", "Augusta King");
    let p = plan(
        &[ada, other],
        |_| None,
        read(vec![card(1, "Augusta King", |c| {
            c.email = vec!["ADA@example.org".into()];
            c.role = Some("CTO".into());
            c.birthday = Some(Birthday::MonthDay(12, 10));
        })]),
    );
    assert!(p.new.is_empty());
    assert_eq!(p.matched.len(), 1);
    let m = &p.matched[0];
    assert_eq!((m.id.as_str(), m.how.as_str()), ("ada-lovelace", "email"));
    assert_eq!(
        m.gains,
        ["an alias", "a birthday"],
        "the role she has stays"
    );
}

#[test]
fn phones_match_by_their_digits_and_names_by_their_folded_letters() {
    let mut zoe = person("zoe-obrien", "Zoë O'Brien");
    zoe.phone = vec!["+44 20 7946 0000".into()];
    let p = plan(
        &[zoe, person("anna", "Анна Петрова")],
        |_| None,
        read(vec![
            card(1, "Z. O'Brien", |c| c.phone = vec!["020-7946-0000".into()]),
            card(9, "АННА ПЕТРОВА", |_| {}),
            card(20, "Anna Petrova", |_| {}),
        ]),
    );
    assert_eq!(matched_by(&p), [("zoe-obrien", "phone"), ("anna", "name")]);
    // No transliteration: a Latin spelling is someone new.
    assert_eq!(p.new.len(), 1);
}

/// The last nine digits alike are one number, unless both numbers say their country code
/// and the codes differ: a stranger in another country is not made an alias of someone here.
#[test]
fn numbers_in_two_countries_are_two_people() {
    let mut bob = person("bob-uk", "Bob Uk");
    bob.phone = vec!["+44 20 7946 0000".into()];
    let p = plan(
        &[bob],
        |_| None,
        read(vec![
            card(1, "Yank Stranger", |c| {
                c.phone = vec!["+1 207 946 0000".into()]
            }),
            card(9, "Robert", |c| {
                c.phone = vec!["+44 (0)20 7946 0000".into()]
            }),
            // The stranger's number again, its country code after 00: theirs, not Bob's.
            card(20, "Y. Stranger", |c| {
                c.phone = vec!["001 207 946 0000".into()]
            }),
        ]),
    );
    assert_eq!(matched_by(&p), [("bob-uk", "phone")]);
    let new: Vec<&str> = p.new.iter().map(|n| n.contact.name.as_str()).collect();
    assert_eq!(new, ["Yank Stranger"]);
    assert_eq!(p.new[0].from.len(), 2, "the second card is the stranger's");
}

/// A card under a name someone here goes by (an alias) is them, not a new person of that
/// name beside them.
#[test]
fn a_card_under_an_alias_is_that_person() {
    let mut anna = person("anna-karenina", "Anna Karenina");
    anna.aliases = vec!["Anya".into()];
    let p = plan(
        &[anna],
        |_| None,
        read(vec![card(1, "anya", |c| {
            c.email = vec!["anya@example.org".into()]
        })]),
    );
    assert_eq!(matched_by(&p), [("anna-karenina", "name")]);
    assert!(p.new.is_empty());
}

#[test]
fn two_cards_for_one_new_person_make_one_person() {
    let p = plan(
        &[],
        |_| None,
        read(vec![
            card(1, "Hedy Lamarr", |c| {
                c.email = vec!["hedy@example.org".into()]
            }),
            card(7, "Hedy Lamarr", |c| {
                c.phone = vec!["+1 555 010 1914".into()]
            }),
        ]),
    );
    assert_eq!(p.new.len(), 1);
    assert_eq!(p.new[0].contact.phone, ["+1 555 010 1914"]);
    assert_eq!(p.new[0].from.len(), 2);
}

#[test]
fn a_card_that_fits_several_people_or_a_broken_file_is_skipped_with_why() {
    let p = plan(
        &[
            person("priya-raman", "Priya Raman"),
            person("priya-raman-2", "Priya Raman"),
            person("bo", "Bo"),
        ],
        |ix| (ix == 2).then(|| "contacts/bo.toml:1:1: missing `name`".to_string()),
        read(vec![card(3, "priya raman", |_| {}), card(8, "Bo", |_| {})]),
    );
    assert!(p.new.is_empty() && p.matched.is_empty());
    let why: Vec<String> = p
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.at, s.reason))
        .collect();
    assert_eq!(
        why,
        [
            "in.vcf:3: fits several people by name: Priya Raman (priya-raman), Priya Raman (priya-raman-2); skipped rather than guessed (add it to one of them by hand)",
            "in.vcf:8: is Bo (bo) by name, whose file does not load (contacts/bo.toml:1:1: missing `name`); fix it first, then import again",
        ]
    );
}

#[test]
fn a_card_with_the_year_fills_in_a_birthday_known_without_one() {
    let mut ada = person("ada", "Ada");
    ada.birthday = Some(Birthday::MonthDay(12, 10));
    let full = chrono::NaiveDate::from_ymd_opt(1815, 12, 10).map(Birthday::Full);
    let p = plan(
        &[ada.clone()],
        |_| None,
        read(vec![card(1, "Ada", |c| c.birthday = full)]),
    );
    assert_eq!(p.matched[0].gains, ["the year of their birthday"]);
    // A different day is theirs to settle: nothing changes.
    let other = chrono::NaiveDate::from_ymd_opt(1815, 12, 11).map(Birthday::Full);
    let p = plan(
        &[ada],
        |_| None,
        read(vec![card(1, "Ada", |c| c.birthday = other)]),
    );
    assert!(p.matched[0].gains.is_empty());
}
