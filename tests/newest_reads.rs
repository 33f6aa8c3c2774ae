//! `rolo timeline -n N` (with or without a person), `show` and `brief`, and `list`, `due`
//! and `today` read months newest first through the
//! month index in the derived cache (`store/speed/newest.rs`) and stops early. On random
//! journals (misfiled entries, offsets far apart, ids tied in time, unknown people) it must
//! print what a full load prints: with the cache on and off, on the run that builds the index
//! and the runs that use it, after a month file is edited by hand, after another store (as
//! another rolo would) appends an entry, and while a month file is broken.

use crate::support::in_process::{self, parse};
use chrono::DateTime;
use proptest::prelude::*;
use rolo::loads::{self, Needs};
use rolo::model::{Entry, Kind};
use rolo::store::Store;
use std::fs;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

const PEOPLE: [&str; 4] = ["ada", "bo", "cy", "di"];
const OFFSETS: [&str; 4] = ["-10:00", "+00:00", "+01:00", "+13:00"];

/// One entry as written: (file month 1-6, day, hour, offset, id number, who).
type Spec = (u32, u32, u32, usize, u32, Vec<usize>);

fn entry_text((_, day, hour, off, id, with): &Spec, month: u32) -> String {
    let with: Vec<String> = with
        .iter()
        // 4 is someone with no contact file.
        .map(|&w| format!("\"{}\"", PEOPLE.get(w).copied().unwrap_or("ghost")))
        .collect();
    format!(
        "[[entry]]\nid = \"e{id}\"\nat = 2024-{month:02}-{day:02}T{hour:02}:00:00{}\nwith = [{}]\nkind = \"call\"\nnote = \"n{id}\"\n\n",
        OFFSETS[*off],
        with.join(", ")
    )
}

fn month_path(root: &Path, month: u32) -> std::path::PathBuf {
    root.join(format!("journal/2024/2024-{month:02}.toml"))
}

fn write_journal(root: &Path, specs: &[Spec], misfile: bool) {
    for who in PEOPLE {
        let path = root.join(format!("contacts/{who}.toml"));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Rhythms for three of the four, so the statistics' rhythm figures have work.
        let rhythm = match who {
            "ada" => "keep_in_touch_days = 14\n",
            "bo" => "keep_in_touch_days = 40\n",
            "cy" => "keep_in_touch_days = 90\n",
            _ => "",
        };
        fs::write(path, format!("name = \"{who} Person\"\n{rhythm}")).unwrap();
    }
    fs::create_dir_all(root.join("journal/2024")).unwrap();
    for spec in specs {
        // A misfiled entry is dated a month after the file it is in.
        let dated = if misfile && spec.4 % 5 == 0 {
            (spec.0 % 6) + 1
        } else {
            spec.0
        };
        let path = month_path(root, spec.0);
        let mut text = fs::read_to_string(&path).unwrap_or_default();
        text += &entry_text(spec, dated);
        fs::write(path, text).unwrap();
    }
}

/// What a command printed and how it ended, and the errors the CLI would count.
fn outcome(store: &Store, args: &[&str], needs: &Needs) -> String {
    let ran = in_process::run(store, args, needs, now());
    format!("{}\n{:?}\n{:#?}", ran.out, ran.result, ran.errors)
}

/// When every command runs.
fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2024-12-01T10:00:00+00:00").unwrap()
}

fn commands(count: usize) -> Vec<Vec<String>> {
    let n = count.to_string();
    let mut all = vec![
        vec!["timeline".to_string(), "-n".into(), n.clone()],
        vec!["timeline".into(), "--json".into(), "-n".into(), n.clone()],
    ];
    // The last day each person was seen, through the same index.
    for args in [&["list"][..], &["list", "--due"], &["due"], &["today"]] {
        all.push(args.iter().map(|a| a.to_string()).collect());
    }
    // The statistics from the oldest day of their period: with a `--since` in the middle
    // of the journal, the older months are left to the index (the rhythm reads each
    // person's last day there); the default 24 months read every month here.
    for args in [
        &["stats"][..],
        &["stats", "--json"],
        &["stats", "--since", "2024-04-10"],
        &["stats", "--since", "2024-05-20", "--json"],
        &["stats", "--since", "2024-07-01"],
        &["stats", "ada"],
    ] {
        all.push(args.iter().map(|a| a.to_string()).collect());
    }
    for who in PEOPLE.iter().chain(&["ghost", "nobody"]) {
        all.push(vec![
            "timeline".into(),
            who.to_string(),
            "-n".into(),
            n.clone(),
        ]);
    }
    all
}

/// Every command the lean way (cache on, then off) against a full load without a cache.
/// The list starts at `first`, so that each kind of command is at times the one that finds
/// a month changed (and learns it into the index) and at times one that uses what it learned.
fn compare(root: &Path, cache: &Path, count: usize, first: usize) {
    let mut all = commands(count);
    let len = all.len();
    all.rotate_left(first % len);
    for args in all {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let needs = loads::needs(&parse(&args), now());
        assert!(
            matches!(
                needs,
                Needs::Newest { .. } | Needs::OnePerson(_) | Needs::Touches | Needs::Since(_)
            ),
            "{args:?}"
        );
        let full = outcome(&Store::on_disk(root), &args, &Needs::Everything);
        let cached = Store::on_disk(root)
            .with_cache(cache)
            .cache_settle_after(Duration::ZERO);
        assert_eq!(outcome(&cached, &args, &needs), full, "cached: {args:?}");
        cached.flush_cache().unwrap();
        let plain = outcome(&Store::on_disk(root), &args, &needs);
        assert_eq!(plain, full, "no cache: {args:?}");
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        1..=6u32,
        1..=28u32,
        0..24u32,
        0..OFFSETS.len(),
        0..40u32,
        prop::collection::vec(0..5usize, 1..3),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_newest_entries_are_a_full_loads(
        specs in prop::collection::vec(spec(), 0..40),
        misfile in any::<bool>(),
        count in 1..6usize,
        edited in spec(),
        appended in spec(),
        broken in 1..=6u32,
        first in 0..100usize,
    ) {
        let dir = TempDir::new().unwrap();
        let cache = TempDir::new().unwrap();
        let root = dir.path();
        write_journal(root, &specs, misfile);
        // The run that builds the index, then the runs that use it.
        compare(root, cache.path(), count, first + 7);
        compare(root, cache.path(), count, first + 14);
        // A hand edit: an entry added to a month file, dated in any month of the year, so
        // an old file may now hold the newest entry.
        let path = month_path(root, edited.0);
        let mut text = fs::read_to_string(&path).unwrap_or_default();
        text += &entry_text(&edited, (edited.4 % 12) + 1);
        fs::write(&path, text).unwrap();
        compare(root, cache.path(), count, first + 21);
        // Another rolo's write.
        let at = format!("2024-{:02}-{:02}T{:02}:30:00+01:00", appended.0, appended.1, appended.2);
        let entry = Entry {
            id: "from-elsewhere".into(),
            at: DateTime::parse_from_rfc3339(&at).unwrap(),
            with: vec![PEOPLE[appended.5[0] % PEOPLE.len()].to_string()],
            kind: Kind::Note,
            note: "from elsewhere".into(),
            gave: None,
            asked: None,
        };
        // Refused only when the hand edit left that month broken; compared all the same.
        let _ = Store::on_disk(root).append_entry(entry);
        compare(root, cache.path(), count, first + 28);
        // A broken month is reported by every run while it is broken, and read again once
        // it is fixed.
        let path = month_path(root, broken);
        let before = fs::read(&path).ok();
        fs::write(&path, "[[entry]]\nid = \n").unwrap();
        compare(root, cache.path(), count, first + 35);
        compare(root, cache.path(), count, first + 42);
        match before {
            Some(bytes) => fs::write(&path, bytes).unwrap(),
            None => fs::remove_file(&path).unwrap(),
        }
        compare(root, cache.path(), count, first + 49);
    }
}
