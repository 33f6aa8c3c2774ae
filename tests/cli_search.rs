//! `rolo search`: one hit a line (when, whose, where, the text around what matched), every
//! word needed, `--who`, `-n`, `--json` in schema rolo/1, and what it says when nothing is
//! found or nothing was asked.

use crate::support;

use support::home::Home;

fn demo_home() -> Home {
    let home = Home::new();
    rolo::demo::install(&home.data()).expect("demo");
    home
}

#[test]
fn each_hit_says_when_whose_where_and_shows_the_text() {
    let home = demo_home();
    let out = home.ok(&["search", "visa"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].contains("Kwame Asante")
            && lines[0].contains("need #1")
            && lines[0].contains("Visa paperwork for relocating two engineers to Berlin"),
        "{out}"
    );
    assert!(
        lines[1].contains("Sofia Almeida") && lines[1].contains("can help with"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("20") && lines[2].contains("call") && lines[2].contains("visas"),
        "an entry has its date first: {out}"
    );
    // Columns line up: the names start in the same column.
    let at: Vec<usize> = lines
        .iter()
        .filter_map(|l| l.find("Kwame").or(l.find("Sofia")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] == w[1]), "{out}");
}

#[test]
fn every_word_is_needed_and_a_name_stands_for_its_person() {
    let home = demo_home();
    let out = home.ok(&["search", "priya", "chennai"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("Priya Raman") && out.contains("Chennai"),
        "{out}"
    );
    assert_eq!(
        out,
        home.ok(&["search", "PRIYA CHÉNNAI"]),
        "case and accents"
    );
    let none = home.ok(&["search", "chennai", "visa"]);
    assert_eq!(
        none,
        "nothing found for \"chennai visa\" (every word must be found, at the start of a word)\n"
    );
}

#[test]
fn who_and_count_narrow_the_list() {
    let home = demo_home();
    let kwame = home.ok(&["search", "visa", "--who", "kwame"]);
    assert_eq!(kwame.lines().count(), 2, "{kwame}");
    assert!(kwame.lines().all(|l| l.contains("Kwame Asante")), "{kwame}");
    let two = home.ok(&["search", "berlin", "-n", "2"]);
    let lines: Vec<&str> = two.lines().collect();
    assert_eq!(lines.len(), 3, "{two}");
    assert!(
        lines[2].starts_with("… ") && lines[2].contains("more (-n "),
        "{two}"
    );
    let err = home.fails(&["search", "visa", "--who", "nobody-at-all"]);
    assert!(err.starts_with("no one matches \"nobody-at-all\""), "{err}");
    let err = home.fails(&["search", "visa", "-n", "0"]);
    assert!(err.contains("0 hits would show nothing"), "{err}");
}

#[test]
fn nothing_to_look_for_is_an_error() {
    let home = demo_home();
    let err = home.fails(&["search", " ,. "]);
    assert_eq!(
        err,
        "nothing to search for: give a word, such as `rolo search visa`"
    );
}

#[test]
fn json_follows_schema_rolo_1() {
    let home = demo_home();
    let out = home.ok(&["search", "visa", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["schema"], "rolo/1");
    assert_eq!(v["query"], "visa");
    assert_eq!(v["total"], 3);
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits[0]["person"], "kwame-asante");
    assert_eq!(hits[0]["field"], "needs");
    assert_eq!(hits[0]["where"], "need #1");
    assert_eq!(hits[0]["need"]["id"], 1);
    assert_eq!(hits[0]["need"]["status"], "open");
    assert_eq!(hits[1]["field"], "can_help_with");
    assert_eq!(hits[1]["text"], "visa paperwork");
    assert_eq!(hits[2]["field"], "entries");
    assert_eq!(hits[2]["entry"]["kind"], "call");
    assert!(
        hits[2]["entry"]["note"]
            .as_str()
            .unwrap_or("")
            .contains("visas")
    );
    assert_eq!(
        hits[2]["date"],
        hits[2]["entry"]["at"]
            .as_str()
            .map(|s| &s[..10])
            .unwrap_or("")
    );
    let who = home.ok(&["search", "visa", "--who", "sofia", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&who).expect("json");
    assert_eq!(v["person"], "sofia-almeida");
    assert_eq!(v["total"], 1);
}

#[test]
fn text_from_files_is_printed_inert() {
    let home = demo_home();
    home.ok(&[
        "note",
        "kwame",
        "Red \u{1b}[31malert\u{202e} about the kiln",
    ]);
    let out = home.ok(&["search", "kiln"]);
    assert!(!out.contains(['\u{1b}', '\u{202e}']), "{out:?}");
    assert!(out.contains("kiln"), "{out}");
}
