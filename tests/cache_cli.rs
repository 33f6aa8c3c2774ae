//! The cache through the real binary: where it lives, that a second run reads it and prints
//! the same, that it is private, that `--no-cache` and `ROLO_NO_CACHE` leave no trace, and
//! that a cache folder rolo cannot write changes nothing. `ROLO_DEBUG_CACHE=1` makes rolo say
//! on stderr what the cache did.

use crate::support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::home::Home;
use support::text;

/// Files younger than 2 s are not cached (they could still change within one clock tick).
fn let_files_settle() {
    std::thread::sleep(Duration::from_millis(2_100));
}

/// stdout, and stderr, of rolo with the cache reporting what it did.
fn run(home: &Home, args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut cmd = home.cmd();
    cmd.env("ROLO_DEBUG_CACHE", "1").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("rolo runs");
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    (text(&out.stdout), text(&out.stderr))
}

fn people_with_notes() -> Home {
    let home = Home::with_people();
    home.ok(&["note", "ada-lovelace", "Coffee", "--at", "2026-11-10"]);
    home.ok(&["note", "charles", "Tea", "--at", "2026-10-02"]);
    home
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for item in fs::read_dir(&d).unwrap() {
            let path = item.unwrap().path();
            out.push(path.clone());
            if path.is_dir() {
                todo.push(path);
            }
        }
    }
    out
}

#[test]
fn a_second_list_reads_the_cache_and_prints_the_same() {
    let home = people_with_notes();
    let_files_settle();
    let (first, err) = run(&home, &["list"], &[]);
    assert!(err.contains("0 hits, 5 misses, "), "{err}");
    assert!(!err.contains(" 0 files written"), "{err}");
    // The three contacts from their shards; the two months not opened at all: the month
    // index (`journal/index.bin`) has who was seen when in each, as its file is now.
    let (second, err) = run(&home, &["list"], &[]);
    assert!(err.contains("3 hits, 0 misses, 0 files written"), "{err}");
    assert_eq!(second, first);
    assert!(first.contains("Ada Lovelace"), "{first}");
    let (uncached, _) = run(&home, &["--no-cache", "list"], &[]);
    assert_eq!(uncached, first);

    // Under ~/.cache/rolo, one folder per data folder, never in the data folder.
    let roots: Vec<PathBuf> = fs::read_dir(home.path().join(".cache/rolo"))
        .unwrap()
        .map(|i| i.unwrap().path())
        .collect();
    assert_eq!(roots.len(), 1, "{roots:?}");
    let name = roots[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("rolo-"), "{name}");
    assert!(roots[0].join("journal/2026-11.bin").is_file());
    let in_data: Vec<PathBuf> = walk(&home.data())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    assert!(in_data.is_empty(), "{in_data:?}");

    // A hand edit is seen at once, and only that file is parsed again.
    let ada = home.data().join("contacts/ada-lovelace.toml");
    let edited = fs::read_to_string(&ada)
        .unwrap()
        .replace("Ada Lovelace", "Ada King");
    fs::write(&ada, edited).unwrap();
    let (third, err) = run(&home, &["list"], &[]);
    assert!(err.contains("2 hits, 1 misses"), "{err}");
    assert!(
        third.contains("Ada King") && !third.contains("Ada Lovelace"),
        "{third}"
    );
}

/// `timeline` reads the cards of the people its entries name and no other: one card for the
/// newest entry, from the cache once it is there, and a hand edit of that card is seen.
#[test]
fn a_timeline_reads_only_the_cards_it_names_and_sees_a_hand_edit() {
    let home = people_with_notes();
    let_files_settle();
    run(&home, &["list"], &[]);
    // Ada's card, and the newest month (read through the month index, which `list` wrote);
    // the cards are found by the folder's listing, which `list` kept too.
    let (first, err) = run(&home, &["timeline", "-n", "1"], &[]);
    assert!(err.contains("2 hits, 0 misses, 0 files written"), "{err}");
    let (again, err) = run(&home, &["timeline", "-n", "1"], &[]);
    assert!(err.contains("2 hits, 0 misses, 0 files written"), "{err}");
    assert_eq!(again, first);
    assert!(first.contains("with Ada Lovelace"), "{first}");
    assert!(!first.contains("Charles"), "{first}");
    let (uncached, _) = run(&home, &["--no-cache", "timeline", "-n", "1"], &[]);
    assert_eq!(uncached, first);

    let ada = home.data().join("contacts/ada-lovelace.toml");
    let edited = fs::read_to_string(&ada)
        .unwrap()
        .replace("Ada Lovelace", "Ada King");
    fs::write(&ada, edited).unwrap();
    let (second, err) = run(&home, &["timeline", "-n", "1"], &[]);
    assert!(err.contains("1 hits, 1 misses"), "{err}");
    assert!(second.contains("with Ada King"), "{second}");
    let (by_id, _) = run(&home, &["timeline", "ada-lovelace"], &[]);
    assert!(by_id.contains("Coffee"), "{by_id}");
}

#[test]
fn no_cache_flag_and_variable_leave_no_cache_behind() {
    let home = people_with_notes();
    let_files_settle();
    let (flag, _) = run(&home, &["--no-cache", "list"], &[]);
    let (var, _) = run(&home, &["list"], &[("ROLO_NO_CACHE", "1")]);
    assert_eq!(var, flag);
    assert!(!home.path().join(".cache").exists());
    let (cached, _) = run(&home, &["list"], &[]);
    assert_eq!(cached, flag);
    assert!(home.path().join(".cache/rolo").is_dir());
}

#[test]
fn a_cache_folder_that_cannot_be_written_changes_nothing() {
    let home = people_with_notes();
    let_files_settle();
    let blocker = home.tmp.path().join("not-a-folder");
    fs::write(&blocker, "").unwrap();
    let (expected, _) = run(&home, &["--no-cache", "list"], &[]);
    // Silent without ROLO_DEBUG_CACHE: one line on every command would help nobody.
    let out = home
        .cmd()
        .arg("list")
        .env("ROLO_CACHE_DIR", &blocker)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), expected);
    assert_eq!(text(&out.stderr), "");
    let (_, err) = run(
        &home,
        &["list"],
        &[("ROLO_CACHE_DIR", blocker.to_str().unwrap())],
    );
    assert!(err.contains("cannot write"), "{err}");
}

#[test]
fn the_cache_is_private_even_under_umask_000() {
    let home = people_with_notes();
    let_files_settle();
    let root = home.tmp.path().join("wide/open/cache");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_rolo"))
        .arg("list")
        .env("HOME", home.path())
        .env("ROLO_NOW", support::home::NOW)
        .env("ROLO_CACHE_DIR", &root)
        .env_remove("ROLO_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("ROLO_NO_CACHE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let all = walk(&root);
    assert!(all.len() >= 5, "{all:?}");
    for path in std::iter::once(root.clone()).chain(all) {
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{}", path.display());
    }
}

/// A name is resolved against the cards as they are now, with the cache keeping everyone's
/// names between runs: a card edited in place (which leaves the folder's stamp alone) to
/// take someone's name makes the name ambiguous at once, and a brief guessed from the names
/// kept (a need since met) prints what a run without the cache prints.
#[test]
fn a_name_is_resolved_against_the_cards_as_they_are_now() {
    let home = people_with_notes();
    home.ok(&["need", "ada-lovelace", "A publisher"]);
    let_files_settle();
    let same_as_uncached = |args: &[&str]| {
        let (cached, _) = run(&home, args, &[]);
        let uncached = home.ok(&[&["--no-cache"], args].concat());
        assert_eq!(cached, uncached, "{args:?}");
        cached
    };
    let names = || {
        walk(&home.path())
            .into_iter()
            .find(|p| p.ends_with("names.bin"))
    };
    let coffee = same_as_uncached(&["timeline", "Ada Lovelace"]);
    assert!(
        coffee.contains("Coffee") && !coffee.contains("Tea"),
        "{coffee}"
    );
    assert!(names().is_some(), "names kept");
    assert_eq!(same_as_uncached(&["timeline", "Ada Lovelace"]), coffee);
    let brief = same_as_uncached(&["brief", "Ada Lovelace"]);
    assert!(brief.contains("A publisher"), "{brief}");
    // Met since the names were kept, which still say it is open.
    home.ok(&["met", "ada-lovelace", "1"]);
    let met = same_as_uncached(&["brief", "Ada Lovelace"]);
    assert_ne!(met, brief);
    same_as_uncached(&["show", "Ada Lovelace"]);

    // Charles takes Ada's name, written in place: the folder's stamp does not change.
    let charles = home.data().join("contacts/charles-babbage.toml");
    let text = fs::read_to_string(&charles).unwrap();
    fs::write(&charles, text.replace("Charles Babbage", "Ada Lovelace")).unwrap();
    let both = home.fails(&["timeline", "Ada Lovelace"]);
    assert!(
        both.contains("ada-lovelace") && both.contains("charles-babbage"),
        "{both}"
    );
    // And Ada takes another: the name is Charles's alone.
    let ada = home.data().join("contacts/ada-lovelace.toml");
    let text = fs::read_to_string(&ada).unwrap();
    fs::write(&ada, text.replace("Ada Lovelace", "Ada King")).unwrap();
    let tea = same_as_uncached(&["timeline", "Ada Lovelace"]);
    assert!(tea.contains("Tea") && !tea.contains("Coffee"), "{tea}");
    let_files_settle();
    for args in [
        &["timeline", "Ada Lovelace"][..],
        &["timeline", "Ada King", "-n", "1"],
        &["brief", "Ada King"],
        &["show", "Ada Lovelace"],
    ] {
        same_as_uncached(args);
        same_as_uncached(args);
    }
    // The names kept say "Ada King" is Ada; now it is Charles: the entries read on that
    // guess, while the names are checked, are not the answer.
    fs::write(
        &ada,
        fs::read_to_string(&ada)
            .unwrap()
            .replace("Ada King", "Ada Byron"),
    )
    .unwrap();
    let text = fs::read_to_string(&charles).unwrap();
    fs::write(&charles, text.replace("Ada Lovelace", "Ada King")).unwrap();
    for args in [
        &["timeline", "Ada King"][..],
        &["show", "Ada King"],
        &["brief", "Ada King"],
    ] {
        let now = same_as_uncached(args);
        assert!(
            now.contains("Tea") && !now.contains("Coffee"),
            "{args:?}: {now}"
        );
    }
}

/// A name that means no one, with a month file that does not load: the warning counts it,
/// as `--no-cache` does, whether the names kept or the cards say no one (the month files
/// are read on that guess while the names are checked).
#[test]
fn a_name_of_no_one_counts_the_month_files_that_do_not_load() {
    let home = people_with_notes();
    let_files_settle();
    home.ok(&["timeline", "Ada Lovelace"]);
    let month = home.data().join("journal/2026/2026-10.toml");
    let kept = fs::read_to_string(&month).unwrap();
    fs::write(&month, kept + "garbage = [\n").unwrap();
    // Exit code, stdout and stderr, the same as with no cache.
    let said = |args: &[&str]| {
        let out = |args: &[&str]| {
            let out = home.run(args);
            let said = (out.status.code(), text(&out.stdout), text(&out.stderr));
            assert!(!said.2.contains("panicked"), "{args:?}: {}", said.2);
            said
        };
        let cached = out(args);
        assert_eq!(cached, out(&[&["--no-cache"], args].concat()), "{args:?}");
        cached
    };
    let (code, _, nobody) = said(&["timeline", "Nobody Here"]);
    assert_eq!(code, Some(1));
    assert!(
        nobody.contains("1 file could not be read") && nobody.contains("no one matches"),
        "{nobody}"
    );
    // The names kept say "Charles Babbage" is one person; the card now says otherwise.
    let charles = home.data().join("contacts/charles-babbage.toml");
    let card = fs::read_to_string(&charles).unwrap();
    fs::write(&charles, card.replace("Charles Babbage", "Charles Xavier")).unwrap();
    let (code, _, gone) = said(&["show", "Charles Babbage"]);
    assert_eq!(code, Some(1));
    assert!(gone.contains("1 file could not be read"), "{gone}");
    // And the other way: kept as no one's, the name is now Charles's (whose one entry is
    // in the month that does not load).
    let (code, none, _) = said(&["timeline", "Charles Xavier"]);
    assert_eq!(code, Some(0));
    assert!(none.contains("no entries with Charles Xavier"), "{none}");
}

/// A brief for a name the names kept give to someone with an open need reads everyone's
/// cards and, meanwhile, that person's entries; when the cards now give the name to
/// someone else, those entries are not the answer.
#[test]
fn a_brief_read_on_the_names_kept_is_of_whom_the_cards_say() {
    let home = people_with_notes();
    home.ok(&["need", "ada-lovelace", "A publisher"]);
    let_files_settle();
    let brief = home.ok(&["brief", "Ada Lovelace"]);
    assert!(
        brief.contains("A publisher") && brief.contains("Coffee"),
        "{brief}"
    );
    let card = |id: &str, from: &str, to: &str| {
        let path = home.data().join(format!("contacts/{id}.toml"));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace(from, to)).unwrap();
    };
    card("ada-lovelace", "Ada Lovelace", "Ada Byron");
    card("charles-babbage", "Charles Babbage", "Ada Lovelace");
    let now = home.ok(&["brief", "Ada Lovelace"]);
    assert_eq!(now, home.ok(&["--no-cache", "brief", "Ada Lovelace"]));
    assert!(now.contains("Tea") && !now.contains("Coffee"), "{now}");
    // And by id, whose entries are read while everyone's cards load.
    let by_id = home.ok(&["brief", "ada-lovelace"]);
    assert_eq!(by_id, home.ok(&["--no-cache", "brief", "ada-lovelace"]));
    assert!(
        by_id.contains("Coffee") && by_id.contains("A publisher"),
        "{by_id}"
    );
}
