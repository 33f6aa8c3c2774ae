//! The edits on the in-memory store: what they write, keep, refuse and say.

use super::*;
use crate::ops::OpError;
use crate::store::{MemFs, Store, paths};

const AIKO: &str = "# met at the meetup\nname = \"Aiko Tanaka\"\nrole = \"designer\"\n# ask first\npronouns = \"she/her\"\n\n[[need]]\nid = 1\nwhat = \"a flat\"\nsince = 2026-11-01\nstatus = \"open\"\n";

const DECEMBER: &str = "[[entry]]\nid = \"2026-12-02-0900-aiko\"\nat = 2026-12-02T09:00:00+01:00\nwith = [\"aiko\"]\nkind = \"coffee\"\nnote = \"Talked flats\"\nmood = \"good\"\n";

const ENTRY: &str = "2026-12-02-0900-aiko";

fn store() -> Store {
    let store = Store::new(Box::new(MemFs::new()));
    let fs = store.fs();
    fs.write_atomic(&paths::contact("aiko"), AIKO.as_bytes())
        .unwrap();
    fs.write_atomic(&paths::month((2026, 12)), DECEMBER.as_bytes())
        .unwrap();
    store
}

fn card(store: &Store) -> String {
    store.read_file(&paths::contact("aiko")).unwrap().unwrap()
}

fn month(store: &Store) -> String {
    store.read_file(&paths::month((2026, 12))).unwrap().unwrap()
}

fn names(id: &str) -> String {
    match id {
        "aiko" => "Aiko Tanaka".into(),
        other => other.into(),
    }
}

#[test]
fn a_card_edit_names_each_key_it_changed() {
    let store = store();
    let mine = AIKO
        .replace("designer", "architect")
        .replace("pronouns", "email = \"aiko@example.org\"\npronouns")
        .replace("a flat", "a bigger flat");
    let done = EditPerson::new("aiko", AIKO, &mine).apply(&store).unwrap();
    assert_eq!(done.line, "edited Aiko Tanaka: role, email, 1 need");
    assert_eq!(done.status, "saved Aiko Tanaka");
    assert_eq!(
        card(&store),
        mine,
        "written as typed, comment and unknown key too"
    );
    let c = done.contact.unwrap();
    assert_eq!(c.role.as_deref(), Some("architect"));
}

#[test]
fn a_new_name_is_said_with_the_old_one() {
    let store = store();
    let mine = AIKO.replace("Aiko Tanaka", "Aiko Sato");
    let done = EditPerson::new("aiko", AIKO, &mine).apply(&store).unwrap();
    assert_eq!(done.line, "edited Aiko Sato (was Aiko Tanaka): name");
}

#[test]
fn only_a_comment_or_an_unknown_key_is_said_as_such() {
    let store = store();
    let mine = AIKO.replace("she/her", "they/them");
    let done = EditPerson::new("aiko", AIKO, &mine).apply(&store).unwrap();
    assert_eq!(
        done.line,
        "edited Aiko Tanaka: comments or keys rolo does not know"
    );
}

/// A store on which any write fails: an operation that says it wrote nothing must succeed.
fn unwritable() -> Store {
    let fs = MemFs::new();
    fs.put(paths::contact("aiko"), AIKO);
    fs.put(paths::month((2026, 12)), DECEMBER);
    fs.fail_next_writes(u32::MAX);
    Store::new(Box::new(fs))
}

#[test]
fn an_unchanged_card_writes_nothing() {
    let store = unwritable();
    // A BOM the editor added is no change either.
    let done = EditPerson::new("aiko", AIKO, &format!("\u{feff}{AIKO}"))
        .apply(&store)
        .unwrap();
    assert_eq!(done.line, "no change to Aiko Tanaka");
    assert_eq!(done.status, "no changes");
    assert!(done.contact.is_none());
    assert_eq!(card(&store), AIKO);
}

#[test]
fn a_card_that_does_not_parse_is_told_by_its_line_and_nothing_is_written() {
    let store = store();
    let mine = AIKO.replace("role = \"designer\"", "role = designer");
    let e = EditPerson::new("aiko", AIKO, &mine)
        .apply(&store)
        .unwrap_err();
    let OpError::Unparsed(p) = &e else {
        panic!("{e:?}")
    };
    assert_eq!((p.line, p.col), (3, 8));
    assert!(
        e.status().starts_with("line 3, column 8: "),
        "{}",
        e.status()
    );
    assert_eq!(e.to_string(), e.status());
    assert_eq!(card(&store), AIKO);
}

#[test]
fn a_need_added_outside_meanwhile_is_kept_and_not_counted_as_mine() {
    let store = store();
    let outside = format!("{AIKO}\n[[need]]\nid = 2\nwhat = \"a bike\"\nsince = 2026-12-01\n");
    store
        .fs()
        .write_atomic(&paths::contact("aiko"), outside.as_bytes())
        .unwrap();
    let mine = AIKO.replace("designer", "architect");
    let done = EditPerson::new("aiko", AIKO, &mine).apply(&store).unwrap();
    assert_eq!(done.line, "edited Aiko Tanaka: role");
    let c = done.contact.unwrap();
    assert_eq!(c.needs.len(), 2, "the outside need is kept");
    assert_eq!(card(&store), outside.replace("designer", "architect"));
}

#[test]
fn a_broken_card_fixed_in_the_editor_says_so() {
    let store = store();
    let broken = "name = \"Aiko Tanaka\"\nrole = \n";
    store
        .fs()
        .write_atomic(&paths::contact("aiko"), broken.as_bytes())
        .unwrap();
    let fixed = "name = \"Aiko Tanaka\"\nrole = \"designer\"\n";
    let done = EditPerson::new("aiko", broken, fixed)
        .apply(&store)
        .unwrap();
    assert_eq!(done.line, "edited Aiko Tanaka: fixed the file");
    // Opened and closed without a change: nothing to say but that, by the id.
    let same = EditPerson::new("aiko", broken, broken).apply(&store);
    assert_eq!(same.unwrap().line, "no change to aiko");
}

#[test]
fn an_entry_edit_names_the_entry_and_what_changed() {
    let store = store();
    let base = store.entry_text(ENTRY, (2026, 12)).unwrap();
    let mine = base.replace("Talked flats", "Talked flats and bikes");
    let done = EditEntry::new(ENTRY, (2026, 12), &base, &mine)
        .apply(&store, &names)
        .unwrap();
    assert_eq!(
        done.line,
        "entry of 2 Dec 2026 with Aiko Tanaka edited: note"
    );
    assert_eq!(done.status, "entry saved");
    assert_eq!(done.entry.unwrap().note, "Talked flats and bikes");
    assert!(month(&store).contains("mood = \"good\""));
}

#[test]
fn an_unchanged_entry_writes_nothing() {
    let store = unwritable();
    let base = store.entry_text(ENTRY, (2026, 12)).unwrap();
    let done = EditEntry::new(ENTRY, (2026, 12), &base, &base)
        .apply(&store, &names)
        .unwrap();
    assert_eq!(
        done.line,
        "no change to the entry of 2 Dec 2026 with Aiko Tanaka"
    );
    assert!(done.entry.is_none());
    assert_eq!(month(&store), DECEMBER);
}

#[test]
fn an_entry_that_does_not_parse_is_told_by_its_line() {
    let store = store();
    let base = store.entry_text(ENTRY, (2026, 12)).unwrap();
    let mine = base.replace("kind = \"coffee\"", "kind = coffee");
    let e = EditEntry::new(ENTRY, (2026, 12), &base, &mine)
        .apply(&store, &names)
        .unwrap_err();
    assert!(matches!(e, OpError::Unparsed(_)), "{e:?}");
    assert!(
        e.status().starts_with("line 5, column 8: "),
        "{}",
        e.status()
    );
    assert_eq!(month(&store), DECEMBER);
}

#[test]
fn an_entry_keeps_a_key_changed_outside_meanwhile() {
    let store = store();
    let base = store.entry_text(ENTRY, (2026, 12)).unwrap();
    let outside = DECEMBER.replace("mood = \"good\"", "mood = \"great\"");
    store
        .fs()
        .write_atomic(&paths::month((2026, 12)), outside.as_bytes())
        .unwrap();
    let mine = base.replace("kind = \"coffee\"", "kind = \"call\"");
    let done = EditEntry::new(ENTRY, (2026, 12), &base, &mine)
        .apply(&store, &names)
        .unwrap();
    assert_eq!(
        done.line,
        "entry of 2 Dec 2026 with Aiko Tanaka edited: kind"
    );
    assert_eq!(month(&store), outside.replace("\"coffee\"", "\"call\""));
}

fn set(store: &Store, pairs: &[&str]) -> Result<crate::ops::Changed, String> {
    let pairs: Vec<String> = pairs.iter().map(|p| p.to_string()).collect();
    let op = SetFields::parse(&pairs).map_err(|e| e.0)?;
    op.apply(store, "aiko").map_err(|e| e.to_string())
}

#[test]
fn set_changes_every_key_it_knows_and_keeps_the_rest_of_the_file() {
    let store = store();
    let done = set(
        &store,
        &[
            "name=Aiko Sato",
            "role= architect ",
            "company=Atelier",
            "email=a@example.org, b@example.org",
            "phone=+81 3 0000",
            "birthday=1990-12-10",
            "met=At the meetup",
            "keep-in-touch-days=30",
        ],
    )
    .unwrap();
    assert_eq!(
        done.line,
        "edited Aiko Sato (was Aiko Tanaka): name, company, role, email, phone, birthday, met, keep_in_touch_days"
    );
    let c = done.contact;
    assert_eq!(c.email, ["a@example.org", "b@example.org"]);
    assert_eq!(c.keep_in_touch_days, Some(30));
    assert_eq!(
        c.birthday.map(|b| b.to_string()).as_deref(),
        Some("1990-12-10")
    );
    let file = card(&store);
    assert!(
        file.contains("# ask first\npronouns = \"she/her\""),
        "{file}"
    );
    assert!(file.contains("role = \"architect\""), "{file}");
}

#[test]
fn set_with_an_empty_value_removes_the_key() {
    let store = store();
    let done = set(&store, &["role=", "birthday=12-10"]).unwrap();
    assert_eq!(done.line, "edited Aiko Tanaka: role, birthday");
    assert!(!card(&store).contains("role"), "{}", card(&store));
    assert!(card(&store).starts_with("# met at the meetup\n"));
    let store = unwritable();
    assert_eq!(
        set(&store, &["role=designer"]).unwrap().line,
        "no change to Aiko Tanaka"
    );
}

#[test]
fn set_refuses_what_it_cannot_store_before_reading_anything() {
    let refused = |pairs: &[&str]| {
        let pairs: Vec<String> = pairs.iter().map(|p| p.to_string()).collect();
        SetFields::parse(&pairs).unwrap_err().0
    };
    assert_eq!(
        refused(&["pronouns=she"]),
        "--set does not know the key \"pronouns\"; it knows name, role, company, email, phone, birthday, met, keep_in_touch_days; nothing was written"
    );
    assert_eq!(
        refused(&["role"]),
        "--set needs KEY=VALUE, not \"role\"; nothing was written"
    );
    assert_eq!(
        refused(&["name="]),
        "the name cannot be removed, only changed; nothing was written"
    );
    assert!(refused(&["birthday=1990-13-40"]).starts_with("cannot read birthday \"1990-13-40\""));
    assert_eq!(
        refused(&["keep_in_touch_days=0"]),
        "keep_in_touch_days needs a number of days from 1 to 36500, not \"0\"; nothing was written"
    );
}
