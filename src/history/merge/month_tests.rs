use super::*;

const HEAD: &str = "# my journal, December\n";
const E1: &str = "[[entry]]\nid = \"2026-12-01-0900-ada\"\nat = 2026-12-01T09:00:00+01:00\nwith = [\"ada\"]\nkind = \"note\"\nnote = \"one\"\n";
const E2: &str = "\n[[entry]]\nid = \"2026-12-02-0900-ada\"\nat = 2026-12-02T09:00:00+01:00\nwith = [\"ada\"]\nkind = \"note\"\nnote = \"two\"\n";
const E3: &str = "\n[[entry]]\nid = \"2026-12-03-0900-bo\"\nat = 2026-12-03T09:00:00+01:00\nwith = [\"bo\"]\nkind = \"coffee\"\nnote = \"three\"\n";
const E4: &str = "\n[[entry]]\nid = \"2026-12-04-0900-cy\"\nat = 2026-12-04T09:00:00+01:00\nwith = [\"cy\"]\nkind = \"call\"\nnote = \"four\"\n";

fn run(base: Option<&str>, ours: &str, theirs: &str, side: Side) -> Merged {
    merge("journal/2026/2026-12.toml", base, ours, theirs, side).unwrap()
}

fn text(m: &Merged) -> String {
    String::from_utf8(m.bytes.clone()).unwrap()
}

#[test]
fn both_sides_new_entries_are_kept_in_time_order() {
    let base = format!("{HEAD}{E1}");
    // Here: the 2nd and the 4th; there: the 3rd. The 3rd lands between them.
    let ours = format!("{HEAD}{E1}{E2}{E4}");
    let theirs = format!("{HEAD}{E1}{E3}");
    let m = run(Some(&base), &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty(), "{:?}", m.clashes);
    assert_eq!(text(&m), format!("{HEAD}{E1}{E2}{E3}{E4}"));
}

#[test]
fn a_file_new_on_both_sides_merges_too() {
    let m = run(None, E1, E3.trim_start(), Side::Ours);
    assert!(m.clashes.is_empty());
    assert_eq!(text(&m), format!("{E1}{E3}"));
    // An earlier entry from there goes first.
    let m = run(None, E3.trim_start(), E1, Side::Ours);
    assert_eq!(text(&m), format!("{E1}{E3}"));
}

#[test]
fn an_edit_on_one_side_is_taken_and_a_removal_too() {
    let base = format!("{E1}{E2}{E3}");
    let ours = base.replace("note = \"two\"", "note = \"two, edited\"");
    let theirs = format!("{E1}{E2}");
    let m = run(Some(&base), &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty());
    assert_eq!(
        text(&m),
        format!("{E1}{E2}").replace("\"two\"", "\"two, edited\"")
    );
}

#[test]
fn the_same_entry_edited_differently_is_a_clash_with_both_values() {
    let base = format!("{E1}{E2}");
    let ours = base.replace("note = \"two\"", "note = \"two here\"");
    let theirs = format!("{E1}{E2}{E3}").replace("note = \"two\"", "note = \"two there\"");
    let m = run(Some(&base), &ours, &theirs, Side::Ours);
    assert_eq!(
        m.clashes,
        [Clash {
            what: "entry 2026-12-02-0900-ada".into(),
            key: "note".into(),
            ours: "\"two here\"".into(),
            theirs: "\"two there\"".into(),
        }]
    );
    // Settled one way or the other, and what did not clash is merged either way.
    assert_eq!(text(&m), format!("{ours}{E3}"));
    let m = run(Some(&base), &ours, &theirs, Side::Theirs);
    assert_eq!(text(&m), theirs);
}

#[test]
fn an_entry_edited_here_and_removed_there_is_a_clash() {
    let base = format!("{E1}{E2}");
    let ours = base.replace("note = \"two\"", "note = \"two, edited\"");
    let theirs = E1.to_string();
    let m = run(Some(&base), &ours, &theirs, Side::Ours);
    assert_eq!(m.clashes.len(), 1, "{:?}", m.clashes);
    assert_eq!(m.clashes[0].ours, "\"two, edited\"");
    assert_eq!(m.clashes[0].theirs, "(removed)");
    assert_eq!(text(&m), ours);
    assert_eq!(text(&run(Some(&base), &ours, &theirs, Side::Theirs)), E1);
    // And the other way round: removed here, edited there.
    let m = run(Some(&base), &theirs, &ours, Side::Ours);
    assert_eq!(m.clashes[0].ours, "(removed)");
    assert_eq!(text(&m), E1);
}

#[test]
fn the_same_new_entry_on_both_sides_is_one() {
    let m = run(
        Some(E1),
        &format!("{E1}{E2}"),
        &format!("{E1}{E2}"),
        Side::Ours,
    );
    assert!(m.clashes.is_empty());
    assert_eq!(text(&m), format!("{E1}{E2}"));
}

#[test]
fn the_lines_above_follow_the_side_that_changed_them_and_crlf_stays() {
    let base = E1.to_string();
    let ours = format!("{HEAD}{E1}{E2}").replace('\n', "\r\n");
    let theirs = format!("{E1}{E3}");
    let m = run(Some(&base), &ours, &theirs, Side::Ours);
    assert!(m.clashes.is_empty());
    assert_eq!(
        text(&m),
        format!("{HEAD}{E1}{E2}{E3}").replace('\n', "\r\n")
    );
}

#[test]
fn a_file_that_does_not_read_is_not_merged_by_entry() {
    let e = merge(
        "journal/2026/2026-12.toml",
        Some(E1),
        "[[entry]\nbroken",
        E1,
        Side::Ours,
    )
    .unwrap_err();
    assert!(e.contains("does not read here"), "{e}");
}

#[test]
fn month_paths() {
    assert!(is_month("journal/2026/2026-12.toml"));
    assert!(!is_month("contacts/ada.toml"));
}
