use super::*;

const BASE: &str = "# Ada, from the conference\nname = \"Ada Lovelace\"\ntags = [\"math\", \"london\"]\nrole = \"CTO\" # since 2025\nshoe = 41\n\n[[need]]\nid = 1\nwhat = \"a publisher\"\nsince = 2026-11-01\nstatus = \"open\"\n";

fn run(base: &str, ours: &str, theirs: &str, side: Side) -> Merged {
    merge("contacts/ada.toml", Some(base), ours, theirs, side).unwrap()
}

fn text(m: &Merged) -> String {
    String::from_utf8(m.bytes.clone()).unwrap()
}

fn need(id: u32, what: &str) -> String {
    format!("\n[[need]]\nid = {id}\nwhat = \"{what}\"\nsince = 2026-12-01\nstatus = \"open\"\n")
}

#[test]
fn keys_changed_on_one_side_each_are_both_taken_comments_and_unknown_keys_stay() {
    let ours = BASE.replace("role = \"CTO\"", "role = \"CEO\"");
    let theirs = BASE.replace("name = \"Ada Lovelace\"", "name = \"Ada King\"");
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty(), "{:?}", m.clashes);
    assert_eq!(
        text(&m),
        BASE.replace("role = \"CTO\"", "role = \"CEO\"")
            .replace("name = \"Ada Lovelace\"", "name = \"Ada King\"")
    );
}

#[test]
fn lists_are_sets_what_each_side_added_stays_what_each_removed_goes() {
    let ours = BASE.replace(
        "[\"math\", \"london\"]",
        "[\"math\", \"london\", \"poetry\"]",
    );
    let theirs = BASE.replace("[\"math\", \"london\"]", "[\"london\", \"engines\"]");
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty(), "{:?}", m.clashes);
    assert_eq!(
        text(&m),
        BASE.replace(
            "[\"math\", \"london\"]",
            "[\"london\", \"poetry\", \"engines\"]"
        )
    );
}

#[test]
fn a_need_added_here_while_the_tags_change_there() {
    let ours = format!("{BASE}{}", need(2, "a flat in Paris"));
    let theirs = BASE.replace("[\"math\", \"london\"]", "[\"math\"]");
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty());
    assert_eq!(
        text(&m),
        format!(
            "{}{}",
            BASE.replace("[\"math\", \"london\"]", "[\"math\"]"),
            need(2, "a flat in Paris")
        )
    );
}

#[test]
fn the_same_new_need_number_on_both_sides_is_renumbered_on_one() {
    let ours = format!("{BASE}{}", need(2, "a flat in Paris"));
    let theirs = format!("{BASE}{}", need(2, "a violin teacher"));
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty(), "{:?}", m.clashes);
    assert_eq!(
        text(&m),
        format!(
            "{BASE}{}{}",
            need(2, "a flat in Paris"),
            need(3, "a violin teacher")
        )
    );
    assert_eq!(m.renumbered, ["need #2 added there is now #3"]);
}

#[test]
fn the_same_scalar_changed_to_two_values_is_a_clash_with_both() {
    let ours = BASE.replace("role = \"CTO\"", "role = \"CEO\"");
    let theirs = BASE
        .replace("role = \"CTO\"", "role = \"Chair\"")
        .replace("shoe = 41", "shoe = 42");
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert_eq!(
        m.clashes,
        [Clash {
            what: String::new(),
            key: "role".into(),
            ours: "\"CEO\"".into(),
            theirs: "\"Chair\"".into(),
        }]
    );
    // Either way, what did not clash is merged.
    assert_eq!(text(&m), ours.replace("shoe = 41", "shoe = 42"));
    let m = run(BASE, &ours, &theirs, Side::Theirs);
    assert_eq!(text(&m), theirs);
}

#[test]
fn a_need_met_here_and_dropped_there_is_a_clash_on_its_status() {
    let ours = BASE.replace("status = \"open\"", "status = \"met\"");
    let theirs = BASE.replace("status = \"open\"", "status = \"dropped\"");
    let m = run(BASE, &ours, &theirs, Side::Ours);
    assert_eq!(m.clashes.len(), 1);
    assert_eq!(m.clashes[0].key, "need #1 status");
}

#[test]
fn a_person_added_on_both_sides_with_the_same_id() {
    let ours = "name = \"Bo Chen\"\ntags = [\"a\"]\n";
    let theirs = "name = \"Bo Chen\"\ntags = [\"b\"]\n";
    let m = merge("contacts/bo.toml", None, ours, theirs, Side::Ours).unwrap();
    assert!(m.clashes.is_empty(), "{:?}", m.clashes);
    assert_eq!(text(&m), "name = \"Bo Chen\"\ntags = [\"a\", \"b\"]\n");
}

#[test]
fn names_and_paths() {
    assert_eq!(name_in(BASE).as_deref(), Some("Ada Lovelace"));
    assert!(is_contact("contacts/ada.toml"));
    assert!(!is_contact("journal/2026/2026-12.toml"));
}
