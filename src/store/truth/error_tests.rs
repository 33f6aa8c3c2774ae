//! The kinds a caller can tell apart without reading words, and the words each kind prints
//! (the same as before the errors were typed: tests elsewhere and people's scripts see them).

use super::*;
use crate::model::{Contact, Entry, Kind};
use crate::store::paths::{BadName, NameOf};
use crate::store::{MemFs, Store};
use std::error::Error;
use std::io;
use std::path::Path;
use std::sync::Arc;

fn problem() -> Problem {
    Problem::error("/d/contacts/ada.toml", (3, 7), "expected `=`")
}

#[test]
fn each_kind_prints_the_words_rolo_always_printed() {
    let io_err = || io::Error::new(io::ErrorKind::PermissionDenied, "denied");
    let cases: Vec<(StoreError, &str)> = vec![
        (
            StoreError::io("/d/contacts/ada.toml".into(), io_err()),
            "/d/contacts/ada.toml: denied",
        ),
        (
            StoreError::Broken(problem()),
            "/d/contacts/ada.toml:3:7: expected `=` (fix this file first: rolo will not change it while it is broken, nothing was written)",
        ),
        (
            Missing::Contact { id: "ada".into() }.into(),
            "no contact with id \"ada\"",
        ),
        (Missing::Entry { id: "e1".into() }.into(), "no entry \"e1\""),
        (
            Missing::Month {
                id: Some("e1".into()),
            }
            .into(),
            "no entry \"e1\" (its month file is gone)",
        ),
        (
            Missing::Month { id: None }.into(),
            "the entry's month file is gone",
        ),
        (
            Missing::EditedEntry { id: "e1".into() }.into(),
            "entry \"e1\" is no longer in its month file (changed elsewhere?)",
        ),
        (Invalid::NoName.into(), "a contact needs a name"),
        (
            Invalid::NoPerson.into(),
            "an entry needs at least one person",
        ),
        (
            Invalid::BadName {
                name: BadName {
                    of: NameOf::Contact,
                    name: "../x".into(),
                    why: "it holds a \"/\"",
                },
                outcome: "nothing was written",
            }
            .into(),
            "\"../x\" is not a contact id (it holds a \"/\"); nothing was written",
        ),
        (
            Invalid::BadName {
                name: BadName {
                    of: NameOf::Draft,
                    name: ".x".into(),
                    why: "it starts with a dot",
                },
                outcome: "the draft was not saved",
            }
            .into(),
            "\".x\" cannot be a draft's file name (it starts with a dot); the draft was not saved",
        ),
        (
            Invalid::Unreadable(problem()).into(),
            "expected `=`; nothing was written",
        ),
        (Invalid::Change("no need #3".into()).into(), "no need #3"),
        (
            Invalid::EntryText(EntryText::NotOneEntry).into(),
            "the text must hold exactly one [[entry]]",
        ),
        (
            Invalid::EntryText(EntryText::NotToml).into(),
            "the text is not TOML",
        ),
        (
            Invalid::EntryText(EntryText::KeyAbove { key: "mood".into() }).into(),
            "`mood` is above the [[entry]] line, outside the entry: move it below that line",
        ),
        (
            Invalid::EntryText(EntryText::NotATable).into(),
            "write the entry as an [[entry]] table, as it was shown",
        ),
        (
            Invalid::EntryText(EntryText::IdChanged {
                id: "a".into(),
                written: "b".into(),
            })
            .into(),
            "the id cannot change (it is \"a\", the edit says \"b\"): put it back",
        ),
        (
            Refusal::Outside {
                path: "../x.toml".into(),
            }
            .into(),
            "../x.toml is not a file inside the data folder; nothing was written",
        ),
        (
            Refusal::Link {
                link: "/d/.lock".into(),
                to: "/tmp/l".into(),
                advice: LinkAdvice::RemoveIt,
            }
            .into(),
            "/d/.lock is a link to /tmp/l; rolo does not write through links (remove it: rolo makes its own); nothing was written",
        ),
        (
            Refusal::Link {
                link: "/d/contacts/ada.toml".into(),
                to: "/tmp/a".into(),
                advice: LinkAdvice::RegularFile,
            }
            .into(),
            "/d/contacts/ada.toml is a link to /tmp/a; rolo does not write through links (replace it with a regular file); nothing was written",
        ),
        (
            Refusal::Link {
                link: "/d/contacts".into(),
                to: "/tmp/c".into(),
                advice: LinkAdvice::RealFolder,
            }
            .into(),
            "/d/contacts is a link to /tmp/c; rolo does not write through links (replace it with a real folder); nothing was written",
        ),
        (
            Refusal::NoFreeId {
                name: "Ada\u{202e}".into(),
                folder: "/d/contacts".into(),
                cause: Some(io_err()),
            }
            .into(),
            "no free id for \"Ada\u{fffd}\" (cannot read /d/contacts: denied); nothing was written",
        ),
        (
            Refusal::NoFreeId {
                name: "Ada".into(),
                folder: "/d/contacts".into(),
                cause: None,
            }
            .into(),
            "no free id for \"Ada\" (too many contacts in /d/contacts are named like this); nothing was written",
        ),
        (
            Refusal::NotEditable {
                path: "/d/contacts/ada.toml".into(),
            }
            .into(),
            "/d/contacts/ada.toml could not be edited",
        ),
        (
            Refusal::WouldBreak {
                what: "the change",
                why: Breakage::Problem(problem()),
            }
            .into(),
            "the change would make the file unreadable (/d/contacts/ada.toml:3:7: expected `=`); nothing was written",
        ),
        (
            Refusal::WouldBreak {
                what: "the entry",
                why: Breakage::NotAsWritten,
            }
            .into(),
            "the entry would make the file unreadable (it would not read back as written); nothing was written",
        ),
        (
            Refusal::WouldBreak {
                what: "the entry",
                why: Breakage::EntryMissing { id: "e1".into() },
            }
            .into(),
            "the entry would make the file unreadable (entry \"e1\" is missing after the edit); nothing was written",
        ),
        (
            Refusal::ChangedMeanwhile {
                path: "/d/contacts/ada.toml".into(),
                how: Meanwhile::Removed,
            }
            .into(),
            "/d/contacts/ada.toml was removed while you were editing; nothing was written, your text is kept",
        ),
        (
            Refusal::ChangedMeanwhile {
                path: "/d/contacts/ada.toml".into(),
                how: Meanwhile::Unreadable(Box::new(StoreError::io(
                    "/d/contacts/ada.toml".into(),
                    io_err(),
                ))),
            }
            .into(),
            "/d/contacts/ada.toml became unreadable (/d/contacts/ada.toml: denied) while you were editing; nothing was written, your text is kept",
        ),
        (
            Refusal::ChangedMeanwhile {
                path: "/d/contacts/ada.toml".into(),
                how: Meanwhile::NowBroken(problem()),
            }
            .into(),
            "/d/contacts/ada.toml changed and is now broken (/d/contacts/ada.toml:3:7: expected `=`) while you were editing; nothing was written, your text is kept",
        ),
        (
            Refusal::ChangedMeanwhile {
                path: "/d/contacts/ada.toml".into(),
                how: Meanwhile::Changed,
            }
            .into(),
            "/d/contacts/ada.toml changed while you were editing; nothing was written, your text is kept",
        ),
        (
            Refusal::EditsClash(problem()).into(),
            "your edit and the change made meanwhile do not fit together (/d/contacts/ada.toml:3:7: expected `=`); nothing was written",
        ),
        (
            Refusal::DraftTaken { pid: Some(42) }.into(),
            "this note is open in another rolo (process 42); it is left to it",
        ),
        (
            Refusal::DraftTaken { pid: None }.into(),
            "this note is open in another rolo; it is left to it",
        ),
    ];
    for (error, words) in cases {
        assert_eq!(error.to_string(), words, "{error:?}");
    }
}

fn store() -> (Arc<MemFs>, Store) {
    let fs = Arc::new(MemFs::new());
    (fs.clone(), Store::new(Box::new(fs)))
}

fn entry(id: &str, with: &[&str]) -> Entry {
    Entry {
        id: id.into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").unwrap(),
        with: with.iter().map(|w| w.to_string()).collect(),
        kind: Kind::Note,
        note: "tea".into(),
        gave: None,
        asked: None,
    }
}

#[test]
fn a_missing_record_is_not_found_and_names_what_is_missing() {
    let (fs, store) = store();
    let err = store.update_contact("nobody", |_| Ok(())).unwrap_err();
    assert!(
        matches!(&err, StoreError::NotFound(Missing::Contact { id }) if id == "nobody"),
        "{err:?}"
    );
    let err = store
        .update_entry("e1", (2026, 11), |_| Ok(()))
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::NotFound(Missing::Month { id: Some(id) }) if id == "e1"),
        "{err:?}"
    );
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    store.append_entry(entry("e1", &["ada"])).unwrap();
    let err = store
        .update_entry("e2", (2026, 11), |_| Ok(()))
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::NotFound(Missing::Entry { id }) if id == "e2"),
        "{err:?}"
    );
}

#[test]
fn a_change_that_cannot_be_written_is_invalid_with_its_reason() {
    let (fs, store) = store();
    let err = store.create_contact(Contact::new("", " ")).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(Invalid::NoName)),
        "{err:?}"
    );
    let err = store.append_entry(entry("e1", &[])).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(Invalid::NoPerson)),
        "{err:?}"
    );
    let err = store.update_contact("../x", |_| Ok(())).unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::Invalid(Invalid::BadName { name, .. })
                if name.of == NameOf::Contact && name.name == "../x"
        ),
        "{err:?}"
    );
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    let err = store
        .update_contact("ada", |_| Err("not today".to_string()))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "not today",
        "the change's own words, as it gave them"
    );
    assert!(
        matches!(err, StoreError::Invalid(Invalid::Change(_))),
        "{err:?}"
    );
}

#[test]
fn a_broken_file_and_a_failed_write_keep_the_problem_and_the_io_error() {
    let (fs, store) = store();
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    fs.put("journal/2026/2026-11.toml", "[[entry]\n");
    let err = store.append_entry(entry("e1", &["ada"])).unwrap_err();
    let StoreError::Broken(p) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(p.path, Path::new("journal/2026/2026-11.toml"));
    assert!(err.source().is_none());

    fs.put("journal/2026/2026-11.toml", "");
    fs.fail_next_writes(1);
    let err = store.append_entry(entry("e1", &["ada"])).unwrap_err();
    let StoreError::Io { path, source } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, Path::new("journal/2026/2026-11.toml"));
    let kind = source.kind();
    let below = err.source().and_then(|s| s.downcast_ref::<io::Error>());
    assert_eq!(below.map(io::Error::kind), Some(kind));
}

#[test]
fn a_link_is_refused_not_missing_and_names_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("ada.toml");
    std::fs::write(&target, "name = \"Ada\"\n").unwrap();
    std::fs::create_dir_all(dir.path().join("contacts")).unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("contacts/ada.toml")).unwrap();
    let store = Store::on_disk(dir.path());
    let err = store
        .update_contact("ada", |c| {
            c.role = Some("CTO".into());
            Ok(())
        })
        .unwrap_err();
    let StoreError::Refused(Refusal::Link { link, to, advice }) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(link, &dir.path().join("contacts/ada.toml"));
    assert_eq!(to, &target);
    assert_eq!(*advice, LinkAdvice::RegularFile);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "name = \"Ada\"\n"
    );
}
