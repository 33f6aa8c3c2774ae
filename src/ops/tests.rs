//! Each operation on the in-memory store: what it writes, what it says, what it refuses.

use super::*;
use crate::model::Kind;
use crate::serve::NeedUpdate;
use crate::store::{MemFs, Store, paths};
use chrono::{DateTime, FixedOffset, NaiveDate};

pub(super) const AIKO: &str = "# kept\nname = \"Aiko Tanaka\"\n\n[[need]]\nid = 2\nwhat = \"a flat\"\nsince = 2026-11-01\nstatus = \"open\"\n\n[[follow_up]]\nid = 1\nwhat = \"send the link\"\n";

pub(super) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-03T14:05:00+01:00").unwrap()
}

pub(super) fn store() -> Store {
    let store = Store::new(Box::new(MemFs::new()));
    store
        .fs()
        .write_atomic(&paths::contact("aiko"), AIKO.as_bytes())
        .unwrap();
    store
}

pub(super) fn file(store: &Store) -> String {
    store.read_file(&paths::contact("aiko")).unwrap().unwrap()
}

#[test]
fn blank_text_is_refused_before_anything_is_read() {
    assert_eq!(
        AddNeed::new("  \n", day(3)).unwrap_err().to_string(),
        "the need is empty; nothing was written"
    );
    assert_eq!(
        AddFollowUp::new(" ", day(4), day(3)).unwrap_err().0,
        "the follow-up is empty; nothing was written"
    );
    assert_eq!(
        AddPerson::named("\t").unwrap_err().0,
        "the name is empty; nothing was written"
    );
}

#[test]
fn follow_up_added_and_done() {
    let store = store();
    let added = AddFollowUp::new("call back", day(4), day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(
        added.line,
        "follow-up #2 for Aiko Tanaka due 2026-12-04 (Friday, tomorrow)"
    );
    assert_eq!(added.status, "follow-up due 2026-12-04 (Friday, tomorrow)");
    let done = FollowUpDone { id: 2 }.apply(&store, "aiko").unwrap();
    assert_eq!(done.line, "follow-up #2 of Aiko Tanaka done");
    assert_eq!(done.status, "done: call back");
    assert!(done.contact.follow_ups.iter().any(|f| f.id == 2 && f.done));
}

#[test]
fn due_day_reads_what_people_type() {
    let now = now().naive_local();
    assert_eq!(follow_ups::due_day("2026-12-10", now), Ok(day(10)));
    assert!(follow_ups::due_day("someday", now).is_err());
}

#[test]
fn a_person_is_checked_then_given_an_id() {
    let bad = |f: PersonFields| AddPerson::new(f).unwrap_err().0;
    let named = |name: &str| PersonFields {
        name: name.into(),
        ..PersonFields::default()
    };
    assert!(
        bad(PersonFields {
            birthday: Some("soon".into()),
            ..named("Sofia")
        })
        .starts_with("cannot read birthday \"soon\"")
    );
    assert!(
        bad(PersonFields {
            every: Some(0),
            ..named("Sofia")
        })
        .starts_with("--every needs")
    );
    let ok = PersonFields {
        birthday: Some("12-10".into()),
        every: Some(30),
        ..named(" Sofia Reyes ")
    };
    let store = store();
    let added = AddPerson::new(ok).unwrap().apply(&store).unwrap();
    assert_eq!(added.line, "added Sofia Reyes (sofia-reyes)");
    assert_eq!(added.status, "added Sofia Reyes");
    assert_eq!(added.contact.keep_in_touch_days, Some(30));
    assert!(
        store
            .read_file(&paths::contact("sofia-reyes"))
            .unwrap()
            .is_some()
    );
}

#[test]
fn a_note_is_trimmed_people_once_and_said() {
    let fields = NoteFields {
        with: vec!["aiko".into(), "aiko".into()],
        at: now(),
        kind: Kind::parse("coffee"),
        text: "  ramen  ".into(),
        gave: Some(" ".into()),
        asked: Some("advice".into()),
    };
    let entry = note::entry(fields.clone()).unwrap();
    assert_eq!(entry.with, ["aiko"]);
    assert_eq!(
        (entry.note.as_str(), entry.gave.as_deref()),
        ("ramen", None)
    );
    let blank = NoteFields {
        text: "\n".into(),
        ..fields
    };
    assert_eq!(
        note::entry(blank).unwrap_err().0,
        "the note is empty; nothing was written"
    );
    let store = store();
    let saved = note::save(&store, entry).unwrap();
    assert_eq!(
        saved.line(|_| "Aiko Tanaka".to_string()),
        format!(
            "logged coffee with Aiko Tanaka on 2026-12-03 14:05: “ramen” ({})",
            saved.entry.id
        )
    );
    assert_eq!(note::saved_status(&saved.entry), "saved coffee");
}

#[test]
fn an_intro_for_a_need_then_the_need_met() {
    let store = store();
    let aiko = store.update_contact("aiko", |_| Ok(())).unwrap().value;
    let sofia = crate::model::Contact {
        id: "sofia".into(),
        name: "Sofia".into(),
        ..Default::default()
    };
    assert!(intro::plan(&aiko, &aiko, None, None, now()).is_err());
    let made = intro::plan(&aiko, &sofia, Some(2), None, now()).unwrap();
    let saved = note::save(&store, made.entry).unwrap();
    assert_eq!(
        saved.intro_line("Aiko Tanaka", "Sofia"),
        format!(
            "logged the intro of Aiko Tanaka to Sofia ({})",
            saved.entry.id
        )
    );
    assert_eq!(
        note::intro_status(&saved.entry),
        "intro logged: Introduced Aiko Tanaka to Sofia for: a flat"
    );
    let update: NeedUpdate = made.need_update.unwrap();
    let met = MeetByIntro(update.clone()).apply(&store).unwrap();
    assert_eq!(
        met.line,
        "need #2 of Aiko Tanaka marked met: introduced to Sofia"
    );
    assert_eq!(met.status, "need marked met: introduced to Sofia");
    // Asked twice (a late "yes"): the need is no longer open, so nothing is overwritten.
    assert!(MeetByIntro(update).apply(&store).is_err());
}

/// Every operation that writes ends with `finish`, so its change is described (and, with
/// history on, committed on its own). An operation added without it would have its writes
/// folded into the next operation's commit, under the wrong line.
#[test]
fn every_file_that_writes_finishes_its_change() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ops");
    let writes = [
        "create_contact(",
        "update_contact(",
        "append_entry(",
        "update_entry(",
        "delete_entry(",
        "replace_contact_text(",
        "replace_entry_text(",
        "write_contacts(",
        "merge_people(",
    ];
    let mut missing = Vec::new();
    for item in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with("tests") || !name.ends_with(".rs") {
            continue;
        }
        let text = std::fs::read_to_string(item.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let writes_here = writes.iter().filter(|w| code.contains(*w)).count();
        let finishes = code.matches("finish(store").count();
        if writes_here > finishes {
            missing.push(format!("{name}: {writes_here} writes, {finishes} finish"));
        }
    }
    assert!(
        missing.is_empty(),
        "operations that do not finish: {missing:?}"
    );
}

/// A note is described with the names the people's files give them.
#[test]
fn a_saved_note_is_described_to_the_file_system() {
    use std::sync::{Arc, Mutex};
    struct Said(Arc<MemFs>, Arc<Mutex<Vec<String>>>);
    impl crate::store::Fs for Said {
        fn read(&self, rel: &std::path::Path) -> std::io::Result<Option<Vec<u8>>> {
            self.0.read(rel)
        }
        fn write_atomic(&self, rel: &std::path::Path, data: &[u8]) -> std::io::Result<()> {
            self.0.write_atomic(rel, data)
        }
        fn remove(&self, rel: &std::path::Path) -> std::io::Result<()> {
            self.0.remove(rel)
        }
        fn list(&self, rel: &std::path::Path) -> std::io::Result<Vec<crate::store::DirItem>> {
            self.0.list(rel)
        }
        fn is_symlink(&self, rel: &std::path::Path) -> bool {
            self.0.is_symlink(rel)
        }
        fn lock(&self) -> std::io::Result<crate::store::Lock> {
            self.0.lock()
        }
        fn root(&self) -> Option<&std::path::Path> {
            None
        }
        fn ensure_dir(&self, rel: &std::path::Path) -> std::io::Result<()> {
            self.0.ensure_dir(rel)
        }
        fn modified(&self, rel: &std::path::Path) -> Option<std::time::SystemTime> {
            self.0.modified(rel)
        }
        fn change_described(&self, line: &str) {
            self.1.lock().unwrap().push(line.to_string());
        }
    }
    let mem = Arc::new(MemFs::new());
    mem.put(paths::contact("aiko"), AIKO);
    let said = Arc::new(Mutex::new(Vec::new()));
    let store = Store::new(Box::new(Said(mem, said.clone())));
    let entry = note::entry(NoteFields {
        with: vec!["aiko".into(), "ghost".into()],
        at: now(),
        kind: Kind::Coffee,
        text: "ramen".into(),
        gave: None,
        asked: None,
    })
    .unwrap();
    let saved = note::save(&store, entry).unwrap();
    AddNeed::new("a job", day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(
        *said.lock().unwrap(),
        [
            format!(
                "logged coffee with Aiko Tanaka, ghost on 2026-12-03 14:05: “ramen” ({})",
                saved.entry.id
            ),
            "need #3 recorded for Aiko Tanaka".to_string()
        ]
    );
}

/// A long note's line gives its first words, cut at a word, on one line: enough to tell two
/// notes of the same minute apart in `rolo log` and an undo label.
#[test]
fn a_long_note_is_said_by_its_first_words() {
    let fields = NoteFields {
        with: vec!["aiko".into()],
        at: now(),
        kind: Kind::parse("coffee"),
        text:
            "Ramen in Kreuzberg.\nShe starts at the clinic in March and wants the cyclists' study"
                .into(),
        gave: None,
        asked: None,
    };
    let entry = note::entry(fields).unwrap();
    let saved = note::save(&store(), entry).unwrap();
    assert_eq!(
        saved.line(|_| "Aiko Tanaka".to_string()),
        format!(
            "logged coffee with Aiko Tanaka on 2026-12-03 14:05: “Ramen in Kreuzberg. She starts at the…” ({})",
            saved.entry.id
        )
    );
}
