//! People's lifecycle on the in-memory store: merge, archive, rename, and `add` of a name
//! that is here already. What each writes, says and refuses, and that a refusal writes nothing.

use super::merge::{Preview, combine};
use super::*;
use crate::journal::Journal;
use crate::model::{Archived, Contact};
use crate::store::{MemFs, Store, paths};
use chrono::NaiveDate;

const PRIYA: &str = "# the one I keep\nname = \"Priya Raman\"\ncompany = \"Acme\"\nemail = [\"priya@acme.example\"]\nmystery = 1\n\n[[need]]\nid = 1\nwhat = \"a flat\"\nsince = 2026-11-01\nstatus = \"open\"\nnot_a_fit = [\"priya-r\", \"kwame\"]\n";
const PRIYA_R: &str = "name = \"Priya R.\"\naliases = [\"PR\"]\ncompany = \"Other\"\nrole = \"CTO\"\nemail = [\"PRIYA@acme.example\", \"pr@home.example\"]\nnotes = \"Likes tea.\"\n\n[[need]]\nid = 1\nwhat = \"a publisher\"\nsince = 2026-11-02\nstatus = \"open\"\n\n[[need]]\nid = 4\nwhat = \"a bike\"\nsince = 2026-11-03\nstatus = \"met\"\n\n[[follow_up]]\nid = 1\nwhat = \"send the deck\"\ndone = false\n";
const KWAME: &str = "name = \"Kwame\"\n\n[[need]]\nid = 1\nwhat = \"a lawyer\"\nstatus = \"open\"\nnot_a_fit = [\"priya-r\", \"priya-raman\"]\n";
const NOVEMBER: &str = "[[entry]]\nid = \"a\"\nat = 2026-11-02T10:00:00Z\nwith = [\"priya-r\"]\nnote = \"coffee\"\n\n[[entry]]\nid = \"b\"\nat = 2026-11-03T10:00:00Z\nwith = [\"priya-raman\", \"priya-r\", \"kwame\"]\nnote = \"all three\"\n\n[[entry]]\nid = \"c\"\nat = 2026-11-04T10:00:00Z\nwith = [\"kwame\"]\nnote = \"just kwame\"\n";
const OCTOBER: &str = "# untouched\n[[entry]]\nid = \"d\"\nat = 2026-10-02T10:00:00Z\nwith = [\"kwame\"]\nnote = \"old\"\n";

fn put(store: &Store, rel: std::path::PathBuf, text: &str) {
    store.fs().write_atomic(&rel, text.as_bytes()).unwrap();
}

fn folder() -> Store {
    let store = Store::new(Box::new(MemFs::new()));
    put(&store, paths::contact("priya-raman"), PRIYA);
    put(&store, paths::contact("priya-r"), PRIYA_R);
    put(&store, paths::contact("kwame"), KWAME);
    put(&store, paths::month((2026, 11)), NOVEMBER);
    put(&store, paths::month((2026, 10)), OCTOBER);
    store
}

fn read(store: &Store, rel: std::path::PathBuf) -> Option<String> {
    store.read_file(&rel).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[test]
fn a_merge_moves_everything_to_a_and_removes_b() {
    let store = folder();
    let done = Merge::new("priya-raman", "priya-r")
        .unwrap()
        .apply(&store)
        .unwrap();
    assert_eq!(
        done.line,
        "merged Priya R. into Priya Raman: 2 entries, 2 needs, 1 follow-up"
    );
    assert_eq!(read(&store, paths::contact("priya-r")), None);
    let a = read(&store, paths::contact("priya-raman")).unwrap();
    // A's own text, comments and unknown keys kept; A's values win; lists are sets.
    assert!(
        a.starts_with("# the one I keep\nname = \"Priya Raman\"\ncompany = \"Acme\"\n"),
        "{a}"
    );
    assert!(a.contains("mystery = 1"), "{a}");
    let kept = &done.written.kept;
    assert_eq!(kept.company.as_deref(), Some("Acme"));
    assert_eq!(kept.role.as_deref(), Some("CTO"));
    assert_eq!(kept.email, ["priya@acme.example", "pr@home.example"]);
    assert_eq!(kept.aliases, ["Priya R.", "PR"]);
    assert_eq!(kept.notes.as_deref(), Some("Likes tea."));
    // B's needs and follow-ups numbered after A's, in their order.
    let needs: Vec<(u32, &str)> = kept.needs.iter().map(|n| (n.id, n.what.as_str())).collect();
    assert_eq!(needs, [(1, "a flat"), (2, "a publisher"), (3, "a bike")]);
    assert_eq!(kept.follow_ups[0].id, 1);
    // No one is a poor fit for their own need; B elsewhere is A.
    assert_eq!(kept.needs[0].not_a_fit, ["kwame"]);
    let k = read(&store, paths::contact("kwame")).unwrap();
    assert!(k.contains("not_a_fit = [\"priya-raman\"]"), "{k}");
    // Entries: B becomes A, once when both were there; others untouched.
    let nov = read(&store, paths::month((2026, 11))).unwrap();
    assert_eq!(
        nov,
        NOVEMBER
            .replace("with = [\"priya-r\"]", "with = [\"priya-raman\"]")
            .replace(
                "[\"priya-raman\", \"priya-r\", \"kwame\"]",
                "[\"priya-raman\", \"kwame\"]"
            )
    );
    assert_eq!(read(&store, paths::month((2026, 10))).unwrap(), OCTOBER);
    assert_eq!(done.written.entries, 2);
    assert_eq!(done.written.months, [(2026, 11)]);
    let others: Vec<&str> = done.written.others.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(others, ["kwame"]);
    // The folder loads with no one pointing at a missing person.
    let loaded = store.load().unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn a_merge_that_cannot_read_a_month_naming_b_writes_nothing() {
    let store = folder();
    let broken = "[[entry]]\nid = \"x\"\nwith = [\"priya-r\"\n";
    put(&store, paths::month((2026, 9)), broken);
    let err = Merge::new("priya-raman", "priya-r")
        .unwrap()
        .apply(&store)
        .unwrap_err();
    assert!(err.to_string().contains("2026-09.toml"), "{err}");
    assert_eq!(read(&store, paths::contact("priya-r")).unwrap(), PRIYA_R);
    assert_eq!(read(&store, paths::contact("priya-raman")).unwrap(), PRIYA);
    assert_eq!(read(&store, paths::contact("kwame")).unwrap(), KWAME);
    assert_eq!(read(&store, paths::month((2026, 11))).unwrap(), NOVEMBER);
}

#[test]
fn a_merge_of_one_person_or_someone_missing_is_refused() {
    assert!(
        Merge::new("ada", "ada")
            .unwrap_err()
            .0
            .contains("cannot be merged into themselves; nothing was written")
    );
    let store = folder();
    let err = Merge::new("priya-raman", "nobody")
        .unwrap()
        .apply(&store)
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert_eq!(read(&store, paths::contact("priya-raman")).unwrap(), PRIYA);
}

#[test]
fn the_preview_says_what_moves_and_what_is_dropped() {
    let store = folder();
    let a = store.load_contact("priya-raman").unwrap();
    let b = store.load_contact("priya-r").unwrap();
    let p = Preview::new(&a, &b, 2);
    assert_eq!(
        p.lines(),
        [
            "Merge Priya R. (priya-r) into Priya Raman (priya-raman):",
            "  moves to Priya Raman: 2 entries, 2 needs, 1 follow-up",
            "  Priya Raman gains alias \"Priya R.\"",
            "  Priya Raman gains alias \"PR\"",
            "  Priya Raman gains email \"pr@home.example\"",
            "  Priya Raman gains role \"CTO\"",
            "  Priya Raman gains notes (after their own)",
            "  dropped: Priya R.'s company \"Other\" (Priya Raman keeps \"Acme\")",
            "  priya-r's file is removed; `rolo undo` brings it back",
        ]
    );
    // The preview and the write agree on what A becomes.
    assert_eq!(combine(&a, &b).aliases, ["Priya R.", "PR"]);
}

#[test]
fn notes_of_both_are_kept() {
    let mut a = Contact::new("a", "A");
    a.notes = Some("Mine.\n".into());
    let mut b = Contact::new("b", "B");
    b.notes = Some("Theirs.\n".into());
    assert_eq!(combine(&a, &b).notes.as_deref(), Some("Mine.\n\nTheirs.\n"));
    b.notes = Some("Mine.".into());
    assert_eq!(combine(&a, &b).notes.as_deref(), Some("Mine.\n"));
}

#[test]
fn archive_then_unarchive_gives_the_file_back() {
    let store = folder();
    let done = Archive { on: day(3) }.apply(&store, "kwame").unwrap();
    assert_eq!(done.line, "archived Kwame");
    assert_eq!(done.contact.archived, Some(Archived::Since(day(3))));
    let text = read(&store, paths::contact("kwame")).unwrap();
    assert!(text.contains("archived = 2026-12-03"), "{text}");
    let again = Archive { on: day(4) }.apply(&store, "kwame").unwrap_err();
    assert_eq!(
        again.to_string(),
        "Kwame is archived already (`rolo unarchive kwame` brings them back); nothing was written"
    );
    assert_eq!(read(&store, paths::contact("kwame")).unwrap(), text);
    let back = Unarchive.apply(&store, "kwame").unwrap();
    assert_eq!(back.line, "unarchived Kwame");
    assert_eq!(read(&store, paths::contact("kwame")).unwrap(), KWAME);
    let not = Unarchive.apply(&store, "kwame").unwrap_err();
    assert_eq!(
        not.to_string(),
        "Kwame is not archived; nothing was written"
    );
}

#[test]
fn archived_by_hand_reads_and_false_stays_written() {
    let store = folder();
    put(
        &store,
        paths::contact("kwame"),
        &format!("archived = true\n{KWAME}"),
    );
    let c = store.load_contact("kwame").unwrap();
    assert_eq!(c.archived, Some(Archived::Yes));
    put(
        &store,
        paths::contact("kwame"),
        &format!("archived = false\n{KWAME}"),
    );
    assert_eq!(store.load_contact("kwame").unwrap().archived, None);
    // An unrelated change keeps the person's `archived = false`.
    AddNeed::new("a job", day(3))
        .unwrap()
        .apply(&store, "kwame")
        .unwrap();
    let text = read(&store, paths::contact("kwame")).unwrap();
    assert!(text.starts_with("archived = false\n"), "{text}");
    // Archiving writes over it in place.
    Archive { on: day(3) }.apply(&store, "kwame").unwrap();
    let text = read(&store, paths::contact("kwame")).unwrap();
    assert!(text.starts_with("archived = 2026-12-03\n"), "{text}");
    put(
        &store,
        paths::contact("kwame"),
        "name = \"Kwame\"\narchived = \"soon\"\n",
    );
    let p = store.load_contact("kwame").unwrap_err();
    assert_eq!((p.line, p.col), (2, 12));
    assert!(
        p.message
            .contains("`archived` must be true, false or a date"),
        "{}",
        p.message
    );
}

#[test]
fn someone_archived_is_out_of_reconnect_and_birthdays_and_still_resolved() {
    let mut a = Contact::new("ada", "Ada Lovelace");
    a.keep_in_touch_days = Some(7);
    a.birthday = Some(crate::model::Birthday::MonthDay(12, 5));
    let b = Contact {
        archived: Some(Archived::Yes),
        ..a.clone()
    };
    let b = Contact {
        id: "bea".into(),
        name: "Bea Lovelace".into(),
        ..b
    };
    let j = Journal::new(crate::model::Loaded {
        contacts: vec![a, b],
        ..Default::default()
    });
    let over: Vec<usize> = j.overdue(day(3)).iter().map(|o| o.ix).collect();
    assert_eq!(over, [0]);
    let born: Vec<usize> = j.birthdays(day(3), 7).iter().map(|b| b.ix).collect();
    assert_eq!(born, [0]);
    assert_eq!(j.resolve("bea"), crate::journal::Resolution::One(1));
}

#[test]
fn a_rename_keeps_the_id_and_the_old_name_as_an_alias() {
    let store = folder();
    let done = Rename::new(" Kwame Mensah ", true)
        .unwrap()
        .apply(&store, "kwame")
        .unwrap();
    assert_eq!(done.line, "renamed Kwame to Kwame Mensah");
    assert_eq!(done.contact.id, "kwame");
    assert_eq!(done.contact.aliases, ["Kwame"]);
    // Back to the old name: it is no longer an alias of itself.
    let back = Rename::new("Kwame", true)
        .unwrap()
        .apply(&store, "kwame")
        .unwrap();
    assert_eq!(back.contact.aliases, ["Kwame Mensah"]);
    let same = Rename::new("Kwame", true)
        .unwrap()
        .apply(&store, "kwame")
        .unwrap_err();
    assert_eq!(
        same.to_string(),
        "Kwame is called that already; nothing was written"
    );
    let quiet = Rename::new("K. Mensah", false)
        .unwrap()
        .apply(&store, "kwame")
        .unwrap();
    assert_eq!(quiet.contact.aliases, ["Kwame Mensah"]);
    assert!(
        Rename::new("  ", true)
            .unwrap_err()
            .0
            .contains("the new name is empty")
    );
}

#[test]
fn add_refuses_a_name_or_alias_here_already() {
    let store = folder();
    let people = store.load_contacts_only().unwrap().contacts;
    let refused = |name: &str| {
        AddPerson::named(name)
            .unwrap()
            .check_new(&people)
            .unwrap_err()
            .to_string()
    };
    let said = "Priya Raman is here already (see `rolo show priya-raman`); nothing was written. \
                To add a second person of that name, run it again with --force";
    assert_eq!(refused("priya  RAMAN"), said);
    assert!(refused("Prïya Ráman").starts_with("Priya Raman is here"));
    assert!(refused("pr").starts_with("Priya R. is here already (see `rolo show priya-r`)"));
    assert!(
        AddPerson::named("Priya")
            .unwrap()
            .check_new(&people)
            .is_ok()
    );
}
