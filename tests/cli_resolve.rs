//! Who a name on the command line means: every write lands on the person meant or on no
//! one, with names in any script. Through the real binary in a temporary HOME holding the
//! demo journal (`support::home`).

use crate::support;

use support::home::Home;

fn demo_home() -> Home {
    let home = Home::new();
    rolo::demo::install(&home.data()).expect("demo");
    home
}

const NONE_HINT: &str = "(see `rolo list`, or add them with `rolo add`)";

#[test]
fn letters_in_a_profile_never_pick_a_person() {
    let home = demo_home();
    let before = home.snapshot();
    // "sarah" is spelled out in Kwame's "West African fintech"; "peter" hides in Aiko's profile.
    assert_eq!(
        home.fails(&["note", "sarah", "Met Sarah"]),
        format!("no one matches \"sarah\"; nothing was written {NONE_HINT}")
    );
    assert_eq!(
        home.fails(&["need", "peter", "A flat"]),
        "no one matches \"peter\"; nothing was written. Close names: Nadia Petrova (nadia-petrova)"
    );
    assert_eq!(
        home.fails(&["followup", "fintech", "Call", "--due", "friday"]),
        format!("no one matches \"fintech\"; nothing was written {NONE_HINT}")
    );
    assert_eq!(
        home.fails(&["intro", "kwame", "sarah"]),
        format!("no one matches \"sarah\"; nothing was written {NONE_HINT}")
    );
    assert_eq!(home.snapshot(), before);
}

#[test]
fn the_demo_flag_refuses_sarah_too() {
    let home = Home::new();
    let err = home.fails(&["--demo", "note", "sarah", "Met Sarah"]);
    assert!(err.starts_with("no one matches \"sarah\""), "{err}");
    assert!(!home.data().exists());
}

#[test]
fn close_names_are_offered_when_no_one_matches() {
    let home = demo_home();
    let before = home.snapshot();
    assert_eq!(
        home.fails(&["note", "petrowa", "x"]),
        "no one matches \"petrowa\"; nothing was written. Close names: Nadia Petrova (nadia-petrova)"
    );
    assert_eq!(
        home.fails(&["show", "petrowa"]),
        "no one matches \"petrowa\". Close names: Nadia Petrova (nadia-petrova)"
    );
    assert_eq!(home.snapshot(), before);
}

#[test]
fn several_candidates_are_listed_and_nothing_is_written() {
    let home = demo_home();
    let before = home.snapshot();
    let both = "Lena Fischer (lena-fischer), Renate Fischer (renate-fischer)";
    assert_eq!(
        home.fails(&["note", "kwame", "fischer", "x"]),
        format!(
            "\"fischer\" could be {both}; nothing was written. Use the id or more of the name."
        )
    );
    assert_eq!(
        home.fails(&["intro", "fischer", "kwame"]),
        format!(
            "\"fischer\" could be {both}; nothing was written. Use the id or more of the name."
        )
    );
    // A read does not talk of writing.
    assert_eq!(
        home.fails(&["brief", "fischer"]),
        format!("\"fischer\" could be {both}. Use the id or more of the name.")
    );
    assert_eq!(home.snapshot(), before);
}

#[test]
fn ids_names_word_prefixes_case_and_accents_resolve() {
    let home = demo_home();
    for (who, name) in [
        ("kwame-asante", "Kwame Asante"),
        ("KWAME", "Kwame Asante"),
        ("kw as", "Kwame Asante"),
        ("zoe muller", "Zoë Müller"),
        ("INES", "Inès Moreau"),
        ("lukasz", "Łukasz Nowak"),
        ("mum", "Renate Fischer"),
        ("田中愛子", "Aiko Tanaka"),
    ] {
        let out = home.ok(&["note", who, "Coffee"]);
        assert!(
            out.starts_with(&format!("logged note with {name} on ")),
            "{who}: {out}"
        );
    }
    assert!(home.ok(&["show", "zoe"]).starts_with("Zoë Müller"));
}

#[test]
fn names_in_any_script_get_readable_ids_and_stay_apart() {
    let home = Home::new();
    for (name, id) in [
        ("Анна Петрова", "anna-petrova"),
        ("Борис", "boris"),
        ("Ἀθηνᾶ", "athena"),
        ("李雷", "li-lei"),
        ("韩梅梅", "han-mei-mei"),
    ] {
        assert_eq!(
            home.ok(&["add", name]).trim(),
            format!("added {name} ({id})")
        );
        assert!(home.data().join(format!("contacts/{id}.toml")).is_file());
    }
    for (who, name) in [
        ("Борис", "Борис"),
        ("анна", "Анна Петрова"),
        ("Αθηνα", "Ἀθηνᾶ"),
        ("韩梅梅", "韩梅梅"),
        ("李雷", "李雷"),
        ("boris", "Борис"),
    ] {
        let out = home.ok(&["note", who, "Tea"]);
        assert!(
            out.starts_with(&format!("logged note with {name} on ")),
            "{who}: {out}"
        );
    }
    let before = home.snapshot();
    assert!(
        home.fails(&["note", "Вера", "x"])
            .starts_with("no one matches")
    );
    assert!(
        home.fails(&["note", "王芳", "x"])
            .starts_with("no one matches")
    );
    assert_eq!(home.snapshot(), before);
    // A second Анна Петрова gets the next free id; the first keeps hers.
    assert_eq!(
        home.ok(&["add", "Анна Петрова", "--force"]).trim(),
        "added Анна Петрова (anna-petrova-2)"
    );
}
