//! The bundled demo journal tells a story; matching must get its obvious intros right and
//! suggest nothing where nobody fits.

use super::fixture::d;
use crate::journal::Journal;
use crate::serve::Network;
use crate::store::Store;

fn demo() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::install(dir.path()).unwrap();
    let journal = Journal::new(Store::on_disk(dir.path()).load().unwrap());
    (dir, journal)
}

/// (helper ids, strong helper ids) for need `id` of `who`.
fn ranked(j: &Journal, net: &Network, who: &str, id: u32) -> (Vec<String>, Vec<String>) {
    let ix = j.ix(who).unwrap();
    let need = j.contacts()[ix].need(id).unwrap();
    let list = net.helpers(j, Some(ix), &need.what);
    let ids = |strong_only: bool| {
        list.iter()
            .filter(|h| h.strong || !strong_only)
            .map(|h| j.contacts()[h.ix].id.clone())
            .collect()
    };
    (ids(false), ids(true))
}

#[test]
fn demo_needs_without_a_fitting_person_get_no_suggestions() {
    let (_dir, j) = demo();
    let net = Network::new(&j);
    // Sofia's assistant who speaks German and Portuguese: nobody in the journal (issue 20).
    assert_eq!(ranked(&j, &net, "sofia-almeida", 2).0, Vec::<String>::new());
}

/// The needs issue 20 found the old matcher getting wrong (it said "no one" for the first
/// two and put a plumber or a recruiter first for the others).
#[test]
fn demo_needs_the_old_matcher_got_wrong() {
    let (_dir, j) = demo();
    let net = Network::new(&j);
    // Klaus's successor: Jonas sells to heating installers (his notes; the need says "the
    // business", so what Klaus does tells what it is about).
    assert_eq!(
        ranked(&j, &net, "klaus-weber", 1)
            .0
            .first()
            .map(String::as_str),
        Some("jonas-becker")
    );
    // Daniel's sponsors: the two investors.
    let named = |who: &str, need: u32| -> Vec<String> {
        let ix = j.ix(who).unwrap();
        let list = net.helpers_for_need(&j, ix, j.contacts()[ix].need(need).unwrap());
        crate::serve::brief_words::named(&list)
            .into_iter()
            .map(|h| j.contacts()[h.ix].id.clone())
            .collect()
    };
    assert_eq!(
        named("daniel-kim", 1),
        vec!["miriam-okafor", "sven-lindqvist"]
    );
    // A data engineer: Tomás, a backend engineer who tunes PostgreSQL, and no one else.
    assert_eq!(named("ines-moreau", 1), vec!["tomas-garcia"]);
    // The Rust/WebAssembly developer: Łukasz first, not the plumber.
    let (all, _) = ranked(&j, &net, "nadia-petrova", 1);
    assert_eq!(all.first().map(String::as_str), Some("lukasz-nowak"));
    assert!(!all.contains(&"klaus-weber".to_string()), "{all:?}");
    // Tomás's first German tax return: Felix, not Oliver's first aid courses.
    assert_eq!(named("tomas-garcia", 2), vec!["felix-hartmann"]);
}

#[test]
fn demo_obvious_intros_are_strong_and_first() {
    let (_dir, j) = demo();
    let net = Network::new(&j);
    let cases = [
        ("zoe-muller", 1, "nadia-petrova"),
        ("marco-rossi", 1, "priya-raman"),
        ("marco-rossi", 2, "yusuf-demir"),
        ("kwame-asante", 1, "sofia-almeida"),
        ("leila-haddad", 2, "aiko-tanaka"),
        ("felix-hartmann", 1, "zoe-muller"),
        ("lena-fischer", 1, "sofia-almeida"),
        ("aiko-tanaka", 2, "sofia-almeida"),
        ("tomas-garcia", 2, "felix-hartmann"),
        ("jonas-becker", 4, "klaus-weber"),
        ("klaus-weber", 2, "felix-hartmann"),
    ];
    for (who, need, helper) in cases {
        let (all, strong) = ranked(&j, &net, who, need);
        assert_eq!(
            all.first().map(String::as_str),
            Some(helper),
            "{who} #{need}: {all:?}"
        );
        assert_eq!(strong, vec![helper.to_string()], "{who} #{need}");
    }
    // Seed investors for climate software: both people who know climate investors, nobody
    // else; Miriam also does seed fundraising, so she is the sure one.
    let (all, strong) = ranked(&j, &net, "jonas-becker", 5);
    assert_eq!(all, vec!["miriam-okafor", "sven-lindqvist"]);
    assert_eq!(strong, vec!["miriam-okafor"]);
    // A technical co-founder for Rust or Go: Daniel finds co-founders and comes first, but
    // says nothing of Rust, Go or a CTO's work, so it is an idea rather than a sure match.
    let (all, strong) = ranked(&j, &net, "jonas-becker", 3);
    assert_eq!(all.first().map(String::as_str), Some("daniel-kim"));
    assert!(
        strong.is_empty() || strong == vec!["daniel-kim"],
        "{strong:?}"
    );
}

#[test]
fn demo_loose_matches_stay_weak() {
    let (_dir, j) = demo();
    let net = Network::new(&j);
    // "generative art installation" shares a stem with "heat pump installation": listed at
    // most, never strong.
    let (all, strong) = ranked(&j, &net, "nadia-petrova", 1);
    assert!(strong.is_empty(), "{all:?}");
    // A data engineer: recruiters of engineers are ideas, not a clear fit.
    let (_, strong) = ranked(&j, &net, "ines-moreau", 1);
    assert!(strong.is_empty());
}

#[test]
fn demo_today_on_the_demo_day() {
    let (_dir, j) = demo();
    let t = crate::serve::today(&j, d(2026, 11, 24));
    let name = |ix: usize| j.contacts()[ix].id.clone();
    assert_eq!(
        t.follow_ups.iter().map(|f| name(f.ix)).collect::<Vec<_>>(),
        vec![
            "leila-haddad",
            "ruth-abramowitz",
            "klaus-weber",
            "priya-raman",
            "jonas-becker"
        ]
    );
    assert!(t.birthdays.is_empty());
    assert_eq!(
        t.reconnect.iter().map(|o| name(o.ix)).collect::<Vec<_>>(),
        vec![
            "leila-haddad",
            "klaus-weber",
            "aiko-tanaka",
            "hannah-schulz",
            "ruth-abramowitz"
        ]
    );
    assert_eq!(t.reconnect_total, 7);
    assert!(
        t.needs
            .iter()
            .all(|n| !n.helpers.is_empty() && n.helpers.iter().all(|h| h.strong))
    );
    assert!(
        !t.needs
            .iter()
            .any(|n| name(n.ix) == "daniel-kim" || name(n.ix) == "nadia-petrova")
    );
}
