//! The watch on the in-memory file system, and on one whose times never move.

use super::*;
use crate::store::{DirItem, Lock};
use crate::store::{Fs, MemFs};
use std::io;
use std::sync::Arc;

fn store() -> (Store, Arc<MemFs>) {
    let fs = Arc::new(MemFs::new());
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    fs.put(
        "journal/2026/2026-11.toml",
        "[[entry]]\nid = \"a\"\nat = 2026-11-01T10:00:00Z\nwith = [\"ada\"]\n",
    );
    (Store::new(Box::new(fs.clone())), fs)
}

/// Files whose times never move, as after an edit in place within one clock tick of
/// the picture (or a `touch -r`, with the change time in the same tick): only the size
/// and being there tell. Folders' times do not move either.
struct Still {
    mem: Arc<MemFs>,
    at_ns: i64,
}

impl Fs for Still {
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        self.mem.read(rel)
    }
    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        self.mem.write_atomic(rel, data)
    }
    fn remove(&self, rel: &Path) -> io::Result<()> {
        self.mem.remove(rel)
    }
    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        self.mem.list(rel_dir)
    }
    fn is_symlink(&self, _rel: &Path) -> bool {
        false
    }
    fn lock(&self) -> io::Result<Lock> {
        Ok(Lock::none())
    }
    fn root(&self) -> Option<&Path> {
        None
    }
    fn ensure_dir(&self, _rel_dir: &Path) -> io::Result<()> {
        Ok(())
    }
    fn modified(&self, _rel: &Path) -> Option<SystemTime> {
        None
    }
    fn stamp(&self, rel: &Path) -> Option<Stamp> {
        self.mem.modified(rel)?;
        let size = self
            .mem
            .read(rel)
            .ok()
            .flatten()
            .map_or(0, |b| b.len() as u64);
        Some(Stamp {
            size,
            mtime_ns: self.at_ns,
            ctime_ns: self.at_ns,
            inode: 1,
            device: 1,
        })
    }
}

fn still(at: SystemTime) -> (Store, Arc<MemFs>) {
    let (_, mem) = store();
    let at_ns = at.duration_since(UNIX_EPOCH).unwrap().as_nanos() as i64;
    let fs = Still {
        mem: mem.clone(),
        at_ns,
    };
    (Store::new(Box::new(fs)), mem)
}

#[test]
fn outside_edits_are_reported_once_and_own_writes_are_not() {
    let (store, fs) = store();
    let _ = store.load();
    let mut w = store.watch();
    assert!(store.poll(&mut w, &[]).is_empty());

    fs.put("contacts/ada.toml", "name = \"Ada L\"\n");
    fs.put("contacts/bob.toml", "name = \"Bob\"\n");
    let changes = store.poll(&mut w, &[]);
    assert!(changes.contains(&Change::Contact("ada".into())));
    assert!(changes.contains(&Change::Contact("bob".into())));
    // The app reloads what changed, which is how the store learns the new content.
    for id in ["ada", "bob"] {
        store.load_contact(id).unwrap();
    }
    assert!(store.poll(&mut w, &[]).is_empty());

    store
        .update_contact("ada", |c| {
            c.tags.push("math".into());
            Ok(())
        })
        .unwrap();
    assert!(
        store.poll(&mut w, &[]).is_empty(),
        "rolo's own save is not an outside change"
    );

    fs.put("journal/2027/2027-01.toml", "");
    assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2027, 1))]);

    fs.remove(Path::new("contacts/bob.toml")).unwrap();
    assert_eq!(
        store.poll(&mut w, &[]),
        vec![Change::ContactRemoved("bob".into())]
    );
}

#[test]
fn a_file_that_comes_back_as_it_was_is_a_change() {
    let (store, fs) = store();
    let _ = store.load();
    let mut w = store.watch();
    let ada = Path::new("contacts/ada.toml");
    fs.remove(ada).unwrap();
    assert_eq!(
        store.poll(&mut w, &[]),
        vec![Change::ContactRemoved("ada".into())]
    );
    // `git checkout` of the older state puts back the very bytes rolo saw before.
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    assert_eq!(store.poll(&mut w, &[]), vec![Change::Contact("ada".into())]);
}

/// Folder times that never move: edits in place and a deletion are found by the files'
/// own stamps, on the next poll.
#[test]
fn edits_in_place_and_deletions_show_without_the_folder_time() {
    let long_ago = UNIX_EPOCH + Duration::from_secs(1_000_000);
    let (store, fs) = still(long_ago);
    let _ = store.load();
    let mut w = store.watch();
    assert!(store.poll(&mut w, &[]).is_empty());
    fs.put("contacts/ada.toml", "name = \"Ada Lovelace\"\n");
    assert_eq!(store.poll(&mut w, &[]), vec![Change::Contact("ada".into())]);
    store.load_contact("ada").unwrap();
    fs.put("journal/2026/2026-11.toml", "");
    assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2026, 11))]);
    fs.remove(Path::new("contacts/ada.toml")).unwrap();
    assert_eq!(
        store.poll(&mut w, &[]),
        vec![Change::ContactRemoved("ada".into())]
    );
}

/// The same size under a stamp taken in the very tick of the change: the bytes are looked
/// at once the stamp is old enough to be trusted, and not before (that would read every
/// fresh file on every poll).
#[test]
fn a_change_hidden_by_a_fresh_stamp_is_found_when_the_stamp_settles() {
    let t0 = SystemTime::now();
    let (store, fs) = still(t0);
    let _ = store.load();
    let mut w = Watch::default();
    let mut ignored = BTreeSet::new();
    store.poll_dirs(&mut w, t0, &mut ignored);
    assert!(store.poll_at(&mut w, &[], t0).is_empty());
    fs.put("contacts/ada.toml", "name = \"Ida\"\n");
    let soon = t0 + Duration::from_millis(500);
    assert!(store.poll_at(&mut w, &[], soon).is_empty());
    let later = t0 + RACY + Duration::from_millis(1);
    assert_eq!(
        store.poll_at(&mut w, &[], later),
        vec![Change::Contact("ada".into())]
    );
    store.load_contact("ada").unwrap();
    // Settled: no more second looks.
    assert!(w.again.is_empty(), "{:?}", w.again);
    assert!(store.poll_at(&mut w, &[], later + RACY).is_empty());
}

/// A large folder is looked at in shares; every file's turn comes within `ROUND` polls.
#[test]
fn every_file_is_looked_at_within_a_round() {
    let long_ago = UNIX_EPOCH + Duration::from_secs(1_000_000);
    let (store, fs) = still(long_ago);
    let n = AT_LEAST * ROUND + 7;
    for i in 0..n {
        fs.put(format!("contacts/p{i:05}.toml"), "name = \"P\"\n");
    }
    let _ = store.load();
    let mut w = store.watch();
    for i in [0, n / 3, n - 1] {
        let id = format!("p{i:05}");
        fs.put(format!("contacts/{id}.toml"), "name = \"Changed\"\n");
        let found = (1..=ROUND).find(|_| !store.poll(&mut w, &[]).is_empty());
        assert!(found.is_some(), "{id} not seen within {ROUND} polls");
        store.load_contact(&id).unwrap();
    }
    // A file named by the caller is looked at on the very next poll.
    let named = paths::contact("p00002");
    fs.put(&named, "name = \"Named\"\n");
    assert_eq!(
        store.poll(&mut w, &[named]),
        vec![Change::Contact("p00002".into())]
    );
}

#[test]
fn a_year_folder_that_comes_or_goes_takes_its_months_along() {
    let (store, fs) = store();
    fs.put("journal/2024/2024-03.toml", "");
    fs.put("journal/2024/2024-04.toml", "");
    let _ = store.load();
    let mut w = store.watch();
    fs.put("journal/2025/2025-01.toml", "");
    assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2025, 1))]);
    fs.remove(Path::new("journal/2024/2024-03.toml")).unwrap();
    fs.remove(Path::new("journal/2024/2024-04.toml")).unwrap();
    assert_eq!(
        store.poll(&mut w, &[]),
        vec![Change::Month((2024, 3)), Change::Month((2024, 4))]
    );
    assert!(!w.dirs.contains_key("journal/2024"));
}
