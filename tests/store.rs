//! The store's promises about files a person also edits: unknown keys and comments survive,
//! an outside change is never clobbered, a broken file is never overwritten, and everything
//! rolo creates is private.

use chrono::{DateTime, NaiveDate};
use rolo::model::{Contact, Draft, Entry, Kind, Need, NeedStatus};
use rolo::store::{DirItem, Fs, Lock, MemFs, Store, StoreError};
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

/// A MemFs the test keeps a handle on, to play the outside writer (an editor, `git pull`).
#[derive(Clone, Default)]
struct Shared(Arc<MemFs>);

impl Fs for Shared {
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        self.0.read(rel)
    }
    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        self.0.write_atomic(rel, data)
    }
    fn remove(&self, rel: &Path) -> io::Result<()> {
        self.0.remove(rel)
    }
    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        self.0.list(rel_dir)
    }
    fn is_symlink(&self, rel: &Path) -> bool {
        self.0.is_symlink(rel)
    }
    fn lock(&self) -> io::Result<Lock> {
        self.0.lock()
    }
    fn root(&self) -> Option<&Path> {
        None
    }
    fn ensure_dir(&self, rel_dir: &Path) -> io::Result<()> {
        self.0.ensure_dir(rel_dir)
    }
    fn modified(&self, rel: &Path) -> Option<SystemTime> {
        self.0.modified(rel)
    }
}

fn shared_store() -> (Shared, Store) {
    let fs = Shared::default();
    let store = Store::new(Box::new(fs.clone()));
    (fs, store)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const ADA: &str = r#"# Ada, met at PyCon
name = "Ada Lovelace"
pronouns = "she/her"   # hand-added
company = "Analytical Engines"

[[need]]
id = 1
what = "A publisher"
since = 2026-11-02
status = "open"
priority = "high"      # rolo does not know this key

[socials]
mastodon = "@ada@example.org"
"#;

const MONTH: &str = r#"# November
[[entry]]
id = "2026-11-02-1000-ada"
at = 2026-11-02T10:00:00+01:00
with = ["ada"]
kind = "coffee"
note = "Talked about the Engine"
mood = "great"   # unknown to rolo
"#;

#[test]
fn unknown_keys_and_comments_survive_update_contact() {
    let (fs, store) = shared_store();
    fs.0.put("contacts/ada.toml", ADA);
    store
        .update_contact("ada", |c| {
            c.company = Some("Babbage & Co".into());
            let need = c.need_mut(1).ok_or("need 1")?;
            need.status = NeedStatus::Met;
            need.met_on = Some(day(2026, 11, 20));
            c.needs.push(Need {
                id: 2,
                what: "Beta readers".into(),
                since: day(2026, 11, 21),
                status: NeedStatus::Open,
                met_on: None,
                how: None,
                not_a_fit: Vec::new(),
            });
            Ok(())
        })
        .expect("update");
    let text = fs.0.get("contacts/ada.toml").expect("file");
    for kept in [
        "# Ada, met at PyCon\n",
        "pronouns = \"she/her\"   # hand-added\n",
        "priority = \"high\"      # rolo does not know this key\n",
        "[socials]\nmastodon = \"@ada@example.org\"\n",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    assert!(text.contains("company = \"Babbage & Co\""), "{text}");
    assert!(text.contains("status = \"met\""), "{text}");
    assert!(text.contains("met_on = 2026-11-20"), "{text}");
    let ada = store.load_contact("ada").expect("loads");
    assert_eq!(ada.needs.len(), 2);
    assert_eq!(ada.needs[1].what, "Beta readers");
}

/// A comment on its own line above a key belongs to that key: changing the key's value
/// (a need marked met, a new company, a new name) keeps the comment above it.
#[test]
fn a_comment_above_a_key_survives_a_change_of_that_key() {
    let (fs, store) = shared_store();
    fs.0.put(
        "contacts/ada.toml",
        "# her name as she writes it\nname = \"Ada\"\n# since the merger\ncompany = \"Old Co\"\n\n[[need]]\nid = 1\nwhat = \"A flat\"\nsince = 2026-11-01\n# still looking\nstatus = \"open\"\n",
    );
    store
        .update_contact("ada", |c| {
            c.name = "Ada Lovelace".into();
            c.company = Some("Babbage & Co".into());
            let need = c.need_mut(1).ok_or("need 1")?;
            need.status = NeedStatus::Met;
            Ok(())
        })
        .expect("update");
    let text = fs.0.get("contacts/ada.toml").expect("file");
    for kept in [
        "# her name as she writes it\nname = \"Ada Lovelace\"\n",
        "# since the merger\ncompany = \"Babbage & Co\"\n",
        "# still looking\nstatus = \"met\"\n",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
}

#[test]
fn update_entry_keeps_unknown_keys_in_the_entry() {
    let (fs, store) = shared_store();
    fs.0.put("contacts/ada.toml", "name = \"Ada\"\n");
    fs.0.put("journal/2026/2026-11.toml", MONTH);
    store
        .update_entry("2026-11-02-1000-ada", (2026, 11), |e| {
            e.note = "Talked about the Engine and a publisher".into();
            e.kind = Kind::Call;
            Ok(())
        })
        .expect("update");
    let text = fs.0.get("journal/2026/2026-11.toml").expect("file");
    assert!(text.starts_with("# November\n"), "{text}");
    assert!(
        text.contains("mood = \"great\"   # unknown to rolo"),
        "{text}"
    );
    assert!(text.contains("kind = \"call\""), "{text}");
    let loaded = store.load().expect("load");
    assert_eq!(
        loaded.entries[0].note,
        "Talked about the Engine and a publisher"
    );
}

#[test]
fn an_outside_change_to_a_contact_is_kept_and_reported() {
    let (fs, store) = shared_store();
    let id = store
        .create_contact(Contact::new("", "Ada Lovelace"))
        .expect("create")
        .id;
    store.load().expect("load");
    // Someone edits the file after rolo read it.
    let mut text = fs.0.get(format!("contacts/{id}.toml")).expect("file");
    text.push_str("role = \"CTO\"\n");
    fs.0.put(format!("contacts/{id}.toml"), &text);

    let saved = store
        .update_contact(&id, |c| {
            c.tags.push("math".into());
            Ok(())
        })
        .expect("update");
    assert!(saved.changed_outside);
    assert_eq!(saved.value.role.as_deref(), Some("CTO"));
    let back = store.load_contact(&id).expect("load");
    assert_eq!(back.role.as_deref(), Some("CTO"));
    assert_eq!(back.tags, vec!["math".to_string()]);

    // Nobody else touched it since rolo's own write.
    let again = store
        .update_contact(&id, |c| {
            c.tags.push("london".into());
            Ok(())
        })
        .expect("update");
    assert!(!again.changed_outside);
}

fn entry(at: &str, with: &str, note: &str) -> Entry {
    let at = DateTime::parse_from_rfc3339(at).expect("rfc3339");
    let with = vec![with.to_string()];
    Entry {
        id: Entry::make_id(&at, &with),
        at,
        with,
        kind: Kind::Note,
        note: note.into(),
        gave: None,
        asked: None,
    }
}

#[test]
fn an_outside_append_to_a_month_is_kept_and_reported() {
    let (fs, store) = shared_store();
    fs.0.put("contacts/ada.toml", "name = \"Ada\"\n");
    fs.0.put("journal/2026/2026-11.toml", MONTH);
    store.load().expect("load");
    let mut text = fs.0.get("journal/2026/2026-11.toml").expect("file");
    text.push_str("\n[[entry]]\nid = \"by-hand\"\nat = 2026-11-03T09:00:00Z\nwith = [\"ada\"]\n");
    fs.0.put("journal/2026/2026-11.toml", &text);

    let saved = store
        .append_entry(entry("2026-11-04T09:00:00Z", "ada", "from rolo"))
        .expect("append");
    assert!(saved.changed_outside);
    let ids: Vec<String> = store
        .load()
        .expect("load")
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(
        ids,
        ["2026-11-02-1000-ada", "by-hand", "2026-11-04-0900-ada"]
    );
}

#[test]
fn a_broken_file_is_never_overwritten() {
    let (fs, store) = shared_store();
    let broken_contact = "name = \"Ada\nrole = \"CTO\"\n";
    let broken_month = "[[entry]\nid = \"x\"\n";
    fs.0.put("contacts/ada.toml", broken_contact);
    fs.0.put("journal/2026/2026-11.toml", broken_month);
    let writes = fs.0.write_count();

    let err = store
        .update_contact("ada", |c| {
            c.role = Some("CEO".into());
            Ok(())
        })
        .expect_err("refused");
    assert!(matches!(err, StoreError::Broken(_)), "{err}");
    assert_eq!(
        err.to_string(),
        "contacts/ada.toml:1:12: this string is never closed; add the closing `\"` \
         (fix this file first: rolo will not change it while it is broken, nothing was written)"
    );
    let err = store
        .append_entry(entry("2026-11-04T09:00:00Z", "ada", "hello"))
        .expect_err("refused");
    assert!(matches!(err, StoreError::Broken(_)), "{err}");
    let err = store
        .update_entry("x", (2026, 11), |e| {
            e.note = "changed".into();
            Ok(())
        })
        .expect_err("refused");
    assert!(matches!(err, StoreError::Broken(_)), "{err}");
    store.delete_entry("x", (2026, 11)).expect_err("refused");

    assert_eq!(fs.0.write_count(), writes);
    assert_eq!(
        fs.0.get("contacts/ada.toml").as_deref(),
        Some(broken_contact)
    );
    assert_eq!(
        fs.0.get("journal/2026/2026-11.toml").as_deref(),
        Some(broken_month)
    );
    // A new person with the same name gets their own file instead of the broken one.
    let other = store
        .create_contact(Contact::new("", "Ada"))
        .expect("create");
    assert_eq!(other.id, "ada-2");
    assert_eq!(
        fs.0.get("contacts/ada.toml").as_deref(),
        Some(broken_contact)
    );
}

#[test]
fn create_contact_refuses_a_contact_it_could_not_read_back() {
    let (fs, store) = shared_store();
    let mut c = Contact::new("", "Ada");
    c.keep_in_touch_days = Some(0);
    let err = store.create_contact(c).expect_err("refused");
    assert!(err.to_string().contains("nothing was written"), "{err}");
    assert!(fs.0.paths().is_empty(), "{:?}", fs.0.paths());
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn everything_rolo_creates_is_private() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("data");
    let store = Store::on_disk(&root);
    let id = store
        .create_contact(Contact::new("", "Ada Lovelace"))
        .expect("create")
        .id;
    store
        .append_entry(entry("2026-11-04T09:00:00Z", &id, "hello"))
        .expect("append");
    store
        .save_draft(&Draft {
            with: vec![id.clone()],
            kind: Kind::Note,
            note: "half a thought".into(),
            started: DateTime::parse_from_rfc3339("2026-11-04T10:00:00Z").expect("rfc3339"),
            file: None,
        })
        .expect("draft");
    store
        .update_contact(&id, |c| {
            c.role = Some("CTO".into());
            Ok(())
        })
        .expect("update");

    for dir in ["", "contacts", "journal", "journal/2026", "drafts"] {
        assert_eq!(mode(&root.join(dir)), 0o700, "folder {dir:?}");
    }
    let mut files = vec![
        root.join(format!("contacts/{id}.toml")),
        root.join("journal/2026/2026-11.toml"),
    ];
    for item in std::fs::read_dir(root.join("drafts")).expect("drafts") {
        files.push(item.expect("item").path());
    }
    assert_eq!(files.len(), 3);
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
