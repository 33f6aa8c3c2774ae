//! Address books as Google, Apple, Outlook, khard and LinkedIn write them, read into cards:
//! the fixtures of `tests/fixtures/interchange/` (written for rolo, no real people).

use chrono::NaiveDate;
use rolo::interchange::{self, Card, Read};
use rolo::model::{Birthday, Contact};

const DIR: &str = "tests/fixtures/interchange";

fn read(name: &str) -> Read {
    let path = format!("{DIR}/{name}");
    let bytes = std::fs::read(&path).expect("fixture");
    interchange::read(name, &bytes)
}

fn card<'a>(read: &'a Read, name: &str) -> &'a Contact {
    read.cards
        .iter()
        .map(|c: &Card| &c.contact)
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no card named {name} in {:#?}", read.cards))
}

fn full(y: i32, m: u32, d: u32) -> Option<Birthday> {
    NaiveDate::from_ymd_opt(y, m, d).map(Birthday::Full)
}

fn skipped(read: &Read) -> Vec<String> {
    read.skipped
        .iter()
        .map(|s| format!("{}: {}", s.at, s.reason))
        .collect()
}

#[test]
fn google_vcard_3_every_field_it_maps() {
    let r = read("google.vcf");
    assert!(r.skipped.is_empty(), "{:?}", skipped(&r));
    let ada = card(&r, "Ada Lovelace");
    assert_eq!(ada.aliases, ["Countess of Lovelace"]);
    assert_eq!(ada.email, ["ada@example.org", "ada@engines.example"]);
    assert_eq!(ada.phone, ["+44 20 7946 0000"]);
    assert_eq!(ada.birthday, full(1815, 12, 10));
    assert_eq!(ada.company.as_deref(), Some("Analytical Engines Ltd"));
    assert_eq!(ada.role.as_deref(), Some("CTO"));
    assert_eq!(ada.urls, ["https://ada.example/notes"]);
    // Google's own "myContacts" group is not a tag; the folded line reads as one.
    assert_eq!(ada.tags, ["math", "london"]);
    assert_eq!(
        ada.notes.as_deref(),
        Some(
            "Prefers tea.\nDaughter starting university in the autumn, she said. This line was folded by the exporter."
        )
    );
    let charles = card(&r, "Charles Babbage");
    assert_eq!(charles.birthday, Some(Birthday::MonthDay(12, 26)));
    assert!(charles.tags.is_empty());
    assert_eq!(r.cards[0].at.line, 1);
    assert_eq!(r.cards[1].at.line, 17);
}

#[test]
fn apple_photo_skipped_year_less_leap_day_groups_not_people() {
    let r = read("apple.vcf");
    let grace = card(&r, "Rear Admiral Grace Brewster Murray Hopper");
    assert_eq!(grace.birthday, Some(Birthday::MonthDay(2, 29)));
    assert_eq!(grace.aliases, ["Amazing Grace"]);
    assert_eq!(grace.company.as_deref(), Some("US Navy, Computing"));
    assert_eq!(grace.email, ["grace@navy.example"]);
    assert_eq!(grace.phone, ["(555) 010-4242"]);
    // A card for an organisation is named by it.
    let society = card(&r, "Analytical Society");
    assert_eq!(society.urls, ["https://society.example"]);
    assert_eq!(
        skipped(&r),
        ["apple.vcf:37: a group of contacts, not a person; skipped"]
    );
}

#[test]
fn outlook_vcard_2_1_quoted_printable_in_windows_1252() {
    let r = read("outlook.vcf");
    assert!(r.skipped.is_empty(), "{:?}", skipped(&r));
    let j = card(&r, "Jürgen Müller");
    assert_eq!(j.company.as_deref(), Some("Müller & Söhne GmbH"));
    assert_eq!(j.role.as_deref(), Some("Geschäftsführer"));
    assert_eq!(
        j.notes.as_deref(),
        Some(
            "Trifft sich gern im Café.\nZweite Zeile, die sehr lang ist und weich umbrochen wurde."
        )
    );
    assert_eq!(j.phone, ["+49 30 1234567", "+49 170 7654321"]);
    assert_eq!(j.birthday, full(1970, 4, 1));
}

#[test]
fn an_8_bit_file_reads_as_windows_1252() {
    let r = read("outlook_8bit.vcf");
    let s = card(&r, "Søren Åstrand");
    assert_eq!(s.notes.as_deref(), Some("Likes smørrebrød – and “quotes”."));
}

#[test]
fn khard_vcard_4_uris_and_reduced_dates() {
    let r = read("khard/ada-lovelace.vcf");
    let ada = card(&r, "Ada Lovelace");
    assert_eq!(ada.phone, ["+44-20-7946-0000", "+44-20-7946-1111"]);
    assert_eq!(ada.birthday, full(1815, 12, 10));
    let r = read("khard/mary-somerville.vcf");
    assert_eq!(
        card(&r, "Mary Somerville").birthday,
        Some(Birthday::MonthDay(12, 26))
    );
}

#[test]
fn names_in_several_scripts() {
    let r = read("scripts.vcf");
    let names: Vec<&str> = r.cards.iter().map(|c| c.contact.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Анна Петрова",
            "李雷",
            "Ἀθηνᾶ Παππᾶ",
            "محمد علي",
            "Zoë O'Brien"
        ]
    );
}

#[test]
fn a_broken_card_is_named_by_file_and_line_and_the_rest_imports() {
    let r = read("broken.vcf");
    let names: Vec<&str> = r.cards.iter().map(|c| c.contact.name.as_str()).collect();
    assert_eq!(names, ["Good Before", "Good After"]);
    assert_eq!(
        skipped(&r),
        [
            "broken.vcf:6: text outside any card (not between BEGIN:VCARD and END:VCARD); ignored",
            "broken.vcf:7: no name (FN, N and ORG are all empty); skipped",
            "broken.vcf:11: card not closed (no END:VCARD before the next card, line 15); skipped",
            "broken.vcf:20: END:VCARD with no BEGIN:VCARD before it; ignored",
        ]
    );
}

#[test]
fn linkedin_connections_with_its_notes_preamble() {
    let r = read("linkedin.csv");
    let ada = card(&r, "Ada Lovelace");
    assert_eq!(ada.met.as_deref(), Some("LinkedIn, connected 2026-11-24"));
    assert_eq!(ada.urls, ["https://www.linkedin.example/in/ada-lovelace"]);
    assert_eq!(ada.role.as_deref(), Some("Chief Technology Officer"));
    let alan = card(&r, "Alan Turing");
    assert!(alan.email.is_empty());
    assert_eq!(alan.company.as_deref(), Some("Bletchley Park, Hut 8"));
    let k = card(&r, "Katherine Johnson");
    assert_eq!(k.role.as_deref(), Some("Mathematician, \"human computer\""));
    assert_eq!(k.met.as_deref(), Some("LinkedIn, connected 2023-08-15"));
    assert_eq!(
        skipped(&r),
        ["linkedin.csv:7: no name (the name columns are empty); skipped"]
    );
    assert_eq!(r.cards[0].at.line, 5);
}

#[test]
fn google_contacts_csv_with_several_values_in_a_cell() {
    let r = read("google.csv");
    let hedy = card(&r, "Hedy Lamarr");
    assert_eq!(
        hedy.email,
        [
            "hedy@example.org",
            "hedy.lamarr@example.org",
            "hedy@guild.example"
        ]
    );
    assert_eq!(hedy.phone, ["+1 555 010 1914"]);
    assert_eq!(hedy.urls, ["https://hedy.example"]);
    assert_eq!(hedy.tags, ["inventors"]);
    assert_eq!(hedy.aliases, ["Hedy"]);
    assert_eq!(hedy.birthday, full(1914, 11, 9));
    assert_eq!(
        hedy.notes.as_deref(),
        Some("Frequency hopping.\nAlso films.")
    );
    let charles = card(&r, "Charles Babbage");
    assert_eq!(charles.tags, ["engines"]);
    assert_eq!(charles.birthday, Some(Birthday::MonthDay(12, 26)));
    // The row after a multi-line cell is numbered by where it starts in the file.
    assert_eq!(r.cards[1].at.line, 4);
}

#[test]
fn no_input_makes_a_reader_panic() {
    let inputs: [&[u8]; 8] = [
        b"",
        b"BEGIN:VCARD",
        b"BEGIN:VCARD\nFN\nEND:VCARD\n",
        b"BEGIN:VCARD\nBDAY:--9999\nN:;;;;;;;;\nEND:VCARD",
        b"\xff\xfe\x00",
        b"First Name\n\"unclosed",
        b"a,b\n1,2\n",
        b"BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:=ZZ=\nEND:VCARD\n",
    ];
    for bytes in inputs {
        let _ = interchange::read("x.vcf", bytes);
        let _ = interchange::read("x.csv", bytes);
    }
}
