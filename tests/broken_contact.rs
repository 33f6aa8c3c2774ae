//! A contact file that does not load keeps its person: listed and shown with the problem,
//! found by id and by the name read from the file, never swapped for someone else; writes to
//! their file are refused with the place to fix and nothing is written anywhere; `check`
//! calls the file broken, never missing. Every command runs with the cache on (the default
//! in these folders) and off.

use crate::support;

use std::fs;
use std::time::Duration;
use support::folder::{Folder, MONTH};
use support::text;

/// Ben's file breaks on line 3 (`tags` never closed); his name line is intact.
const BEN_BROKEN: &str = "name = \"Ben Carter\"\ncompany = \"Acme\"\ntags = [\"x\"\n";
const BEN_GOOD: &str = "name = \"Ben Carter\"\ncompany = \"Acme\"\ntags = [\"x\"]\n";
const BENEDICT: &str = "name = \"Benedict Arnold\"\n";
/// An entry with Ben, and one with Benedict.
const ENTRIES: &str = "[[entry]]\nid = \"2026-11-02-1000-ben\"\nat = 2026-11-02T10:00:00+01:00\nwith = [\"ben-carter\"]\nnote = \"Coffee with Ben\"\n\n[[entry]]\nid = \"2026-11-03-1000-benedict\"\nat = 2026-11-03T10:00:00+01:00\nwith = [\"benedict-arnold\"]\nnote = \"Lunch with Benedict\"\n";

const BEN: &str = "contacts/ben-carter.toml";

fn folder() -> Folder {
    let f = Folder::with(&[
        (BEN, BEN_BROKEN.into()),
        ("contacts/benedict-arnold.toml", BENEDICT.into()),
        (MONTH, ENTRIES.into()),
    ]);
    age_all(&f);
    f
}

/// Files changed in the last 2 s are never cached (their stamp could still change within a
/// clock tick, see `store::cache`): wait, so that the cache really takes part.
fn age_all(_: &Folder) {
    std::thread::sleep(Duration::from_millis(2_100));
}

/// Both ways: with the cache (warm, after a first run) and without.
fn rolo_both(f: &Folder, args: &[&str]) -> Vec<std::process::Output> {
    let mut uncached = vec!["--no-cache"];
    uncached.extend_from_slice(args);
    vec![f.rolo(args), f.rolo(args), f.rolo(&uncached)]
}

fn problem(f: &Folder) -> String {
    format!("{}:3:12: unclosed array, expected `]`", f.path(BEN))
}

#[test]
fn a_broken_person_is_listed_with_the_place_to_fix() {
    let f = folder();
    for out in rolo_both(&f, &["list"]) {
        let stdout = text(&out.stdout);
        let ben = stdout
            .lines()
            .find(|l| l.contains("ben-carter"))
            .unwrap_or_else(|| panic!("Ben is missing from the list:\n{stdout}"));
        assert!(ben.starts_with("Ben Carter "), "{ben}");
        assert!(
            ben.contains("⚠ contacts/ben-carter.toml:3:12 does not load"),
            "{ben}"
        );
        assert!(stdout.contains("Benedict Arnold"), "{stdout}");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn show_gives_the_problem_and_the_timeline_under_the_person() {
    let f = folder();
    for out in rolo_both(&f, &["show", "ben-carter"]) {
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with("Ben Carter  (ben-carter)\n"), "{stdout}");
        assert!(stdout.contains(&format!("⚠ {}", problem(&f))), "{stdout}");
        assert!(stdout.contains("Coffee with Ben"), "{stdout}");
        assert!(!stdout.contains("Benedict"), "{stdout}");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
}

#[test]
fn a_note_goes_to_the_broken_person_by_id_or_name_with_a_warning() {
    for who in ["ben-carter", "Ben Carter", "ben"] {
        let f = folder();
        for cache in [true, false] {
            let mut args = vec!["note", who, "Met Ben again"];
            if !cache {
                args.insert(0, "--no-cache");
            }
            let out = f.rolo(&args);
            assert_eq!(out.status.code(), Some(0), "{who}: {}", text(&out.stderr));
            assert!(
                text(&out.stdout).starts_with("logged note with Ben Carter on "),
                "{who}: {}",
                text(&out.stdout)
            );
            let stderr = text(&out.stderr);
            assert!(
                stderr.contains(&format!("rolo: warning: {}", problem(&f))),
                "{who}: {stderr}"
            );
            assert!(stderr.contains("the entry is saved"), "{stderr}");
            let month = fs::read_to_string(f.root().join(MONTH)).expect("month");
            let new = month.rsplit("[[entry]]").next().expect("an entry");
            assert!(new.contains("with = [\"ben-carter\"]"), "{who}: {new}");
            assert!(new.contains("Met Ben again"), "{new}");
            // Ben's own file is not touched.
            assert_eq!(
                fs::read_to_string(f.root().join(BEN)).expect("ben"),
                BEN_BROKEN
            );
        }
    }
}

#[test]
fn writes_to_the_broken_file_are_refused_and_nothing_is_written() {
    let f = folder();
    let before = f.snapshot();
    let writes: [&[&str]; 6] = [
        &["need", "ben-carter", "An intro to a publisher"],
        &["followup", "ben", "Send the book", "--due", "friday"],
        &["done", "Ben Carter", "1"],
        &["met", "ben-carter", "1"],
        &["drop", "ben-carter", "1"],
        &["intro", "ben-carter", "benedict-arnold", "--for", "1"],
    ];
    for args in writes {
        for out in rolo_both(&f, args) {
            let stderr = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert_eq!(text(&out.stdout), "", "{args:?}");
            assert!(
                stderr.contains(&format!("rolo: {} (Ben Carter's file does not load, so rolo will not change it; nothing was written. Fix the file in an editor, `rolo check` shows what is left)", problem(&f))),
                "{args:?}: {stderr}"
            );
            assert!(!stderr.contains("Benedict"), "{args:?}: {stderr}");
            assert_eq!(f.snapshot(), before, "{args:?} changed a file");
        }
    }
}

#[test]
fn check_calls_the_file_broken_never_missing() {
    let f = folder();
    for out in rolo_both(&f, &["check"]) {
        let stdout = text(&out.stdout);
        assert_eq!(stdout, format!("{}\n", problem(&f)));
        assert!(!stdout.contains("no file"), "{stdout}");
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn fixed_again_the_person_is_whole_and_writable() {
    let f = folder();
    assert_eq!(f.rolo(&["list"]).status.code(), Some(0));
    f.put(BEN, BEN_GOOD.as_bytes());
    age_all(&f);
    for out in rolo_both(&f, &["show", "ben"]) {
        let stdout = text(&out.stdout);
        assert!(stdout.contains("Acme"), "{stdout}");
        assert!(!stdout.contains('⚠'), "{stdout}");
    }
    let out = f.rolo(&["need", "ben", "A publisher"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "need #1 recorded for Ben Carter\n");
}

/// Broken after a run that cached the good file: the cache never hides the break.
#[test]
fn a_file_that_breaks_after_being_cached_is_seen_broken() {
    let f = folder();
    f.put(BEN, BEN_GOOD.as_bytes());
    age_all(&f);
    assert!(text(&f.rolo(&["show", "ben"]).stdout).contains("Acme"));
    f.put(BEN, BEN_BROKEN.as_bytes());
    for out in rolo_both(&f, &["list"]) {
        assert!(text(&out.stdout).contains("⚠ contacts/ben-carter.toml:3:12"));
    }
    let out = f.rolo(&["need", "ben", "x"]);
    assert_eq!(out.status.code(), Some(1));
}

/// Every way of loading keeps the stand-in and its one error, and no entry with Ben is
/// called dangling; a broken file never reaches the cache.
#[test]
fn every_load_keeps_the_person_and_never_caches_the_broken_file() {
    use rolo::store::Store;
    let f = folder();
    let cache = f.tmp.path().join("cache");
    for cached in [false, true, true] {
        let store = Store::on_disk(f.root());
        let store = if cached {
            store.with_cache(&cache)
        } else {
            store
        };
        let full = store.load().expect("load");
        let sequential = store.load_sequential().expect("load");
        let recent = store.load_recent(0).expect("recent");
        let lean = store.load_contacts_lean().expect("lean");
        for contacts in [
            &full.contacts,
            &sequential.contacts,
            &recent.loaded.contacts,
            &lean.contacts,
        ] {
            let ben = contacts.iter().find(|c| c.id == "ben-carter");
            assert_eq!(ben.map(|c| c.name.as_str()), Some("Ben Carter"));
        }
        let problems: Vec<String> = full.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            ["contacts/ben-carter.toml:3:12: unclosed array, expected `]`"]
        );
        let journal = rolo::journal::Journal::new(full);
        let ix = journal.ix("ben-carter").expect("ben");
        assert!(journal.broken(ix).is_some());
        assert_eq!(journal.timeline_of(ix).count(), 1);
        store.flush_cache().expect("flush");
    }
    // The cache holds Benedict, and nothing of Ben: a stand-in is not a decode of his file.
    let mut held = Vec::new();
    let mut todo = vec![cache];
    while let Some(dir) = todo.pop() {
        for item in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = item.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                held.extend(fs::read(&path).expect("cache file"));
            }
        }
    }
    let holds = |s: &str| held.windows(s.len()).any(|w| w == s.as_bytes());
    assert!(holds("Benedict Arnold"), "the cache is not in use");
    assert!(!holds("Ben Carter"), "the cache holds Ben's stand-in");
}
