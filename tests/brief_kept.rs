//! A brief of someone with an open need whose helpers are kept reads only the cards it names
//! (`loads/brief_kept.rs`), while every card is as the names kept have it by its stamp, with
//! the content hashes kept beside them. Through each change a person makes between two
//! briefs (a hand edit of any card, a card added or removed, an entry written, an alias that
//! makes a name mean two people, a card that stops loading) it prints what a full load
//! prints, and it reads only those cards when nothing the helpers depend on changed.
//! Each step is a new store, as each command is a new process.

use crate::support::in_process;
use chrono::DateTime;
use rolo::loads::Needs;
use rolo::store::Store;
use std::fs;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

const NOW: &str = "2026-11-24T12:00:00+01:00";

/// The demo journal, and a cache folder beside it.
fn demo() -> (TempDir, TempDir) {
    (crate::lean_reads::demo(), TempDir::new().expect("cache"))
}

/// What a command printed, how it ended, and the files the binary would then say did not
/// load.
type Outcome = (String, Result<(), String>, Vec<String>);

fn run(store: &Store, args: &[&str], needs: &Needs) -> (Outcome, usize) {
    let now = DateTime::parse_from_rfc3339(NOW).expect("date");
    let ran = in_process::run(store, args, needs, now);
    ((ran.out, ran.result, ran.errors), ran.cards)
}

fn store(root: &Path, cache: &Path) -> Store {
    Store::on_disk(root)
        .with_cache(cache)
        .cache_settle_after(Duration::ZERO)
}

/// How much of the folder a brief read.
#[derive(Debug, PartialEq)]
enum Read {
    /// Every card, as a full load has them.
    Everyone,
    /// Only this many.
    Few(usize),
}

/// `rolo brief ARGS` as the command reads for it, checked equal to a full load without a
/// cache; how much it read.
fn brief(root: &Path, cache: &Path, args: &[&str]) -> Read {
    let mut all = vec!["brief"];
    all.extend(args);
    let needs = Needs::Brief(args[0].to_string());
    let (lean, cards) = run(&store(root, cache), &all, &needs);
    let (full, everyone) = run(&Store::on_disk(root), &all, &Needs::Everything);
    assert_eq!(lean, full, "rolo {}", all.join(" "));
    match cards {
        _ if cards == everyone => Read::Everyone,
        _ => {
            assert!(cards < everyone / 2, "{cards} of {everyone} cards");
            Read::Few(cards)
        }
    }
}

fn few(read: Read) -> bool {
    matches!(read, Read::Few(_))
}

/// After a change that ranks again: the brief reads everyone (and keeps the helpers again),
/// then the same brief reads only its cards.
fn ranked_then_kept(root: &Path, cache: &Path, args: &[&str]) {
    assert_eq!(brief(root, cache, args), Read::Everyone, "{args:?}");
    assert!(few(brief(root, cache, args)), "{args:?}");
}

/// Change `from` to `to` in a card, as an editor would.
fn edit(root: &Path, id: &str, from: &str, to: &str) {
    let card = root.join(format!("contacts/{id}.toml"));
    let text = fs::read_to_string(&card).expect("card");
    assert!(text.contains(from), "{id}: {text}");
    fs::write(&card, text.replace(from, to)).expect("write");
}

/// Aiko's brief by id, by name and by her alias in Japanese: the first reads everyone and
/// ranks, each later one reads only the cards it names, until a card changes.
#[test]
fn a_kept_brief_reads_only_its_cards_until_any_card_changes() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    let queries: [&[&str]; 7] = [
        &["aiko-tanaka"],
        &["Aiko Tanaka"],
        &["田中愛子"],
        &["aiko-tanaka", "--json"],
        &["aiko tanaka", "--markdown"],
        // A part of the name, as a person types it.
        &["Aiko"],
        &["tanaka"],
    ];
    assert_eq!(brief(root, cache, queries[0]), Read::Everyone, "ranked");
    for q in queries {
        assert!(few(brief(root, cache, q)), "{q:?}");
    }
    // Any card, helper or not, changed by hand: everyone once (ranked again), then few.
    edit(
        root,
        "jonas-becker",
        "\"EXIST grant applications\"",
        "\"EXIST grant applications\", \"settlement permit paperwork\"",
    );
    ranked_then_kept(root, cache, &["Aiko Tanaka"]);
    // Her own card: the need reworded.
    edit(
        root,
        "aiko-tanaka",
        "settlement permit",
        "permanent residence",
    );
    ranked_then_kept(root, cache, &["aiko-tanaka"]);
}

#[test]
fn a_card_added_removed_or_broken_reads_everyone_and_prints_as_a_full_load() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    brief(root, cache, &["aiko-tanaka"]);
    assert!(few(brief(root, cache, &["aiko-tanaka"])));
    // A new card who can help.
    let card = "name = \"Nora Quist\"\ncan_help_with = [\"settlement permit appeals\"]\n";
    fs::write(root.join("contacts/nora-quist.toml"), card).expect("write");
    ranked_then_kept(root, cache, &["aiko-tanaka"]);
    // A helper's card gone.
    fs::remove_file(root.join("contacts/sofia-almeida.toml")).expect("rm");
    assert_eq!(brief(root, cache, &["aiko-tanaka"]), Read::Everyone);
    assert!(few(brief(root, cache, &["Aiko Tanaka"])));
    // A card that does not load is never kept: everyone, every time, as a full load.
    fs::write(root.join("contacts/broken.toml"), "name = \n").expect("write");
    brief(root, cache, &["aiko-tanaka"]);
    // Nor are the names kept written again each time for it.
    let names = cache.join("contacts/names.bin");
    let written = || {
        use std::os::unix::fs::MetadataExt;
        let m = fs::metadata(&names).expect("names kept");
        (m.ino(), m.mtime_nsec())
    };
    let before = written();
    for q in ["aiko-tanaka", "Aiko Tanaka", "aiko-tanaka"] {
        assert_eq!(brief(root, cache, &[q]), Read::Everyone, "{q}");
    }
    assert_eq!(written(), before);
    fs::remove_file(root.join("contacts/broken.toml")).expect("rm");
    brief(root, cache, &["aiko-tanaka"]);
    assert!(few(brief(root, cache, &["aiko-tanaka"])));
}

/// Entries are not what helpers are ranked on: a new one is read, with the card of whoever
/// it names, while the kept helpers still hold.
#[test]
fn an_entry_written_since_is_in_the_brief_with_the_cards_it_names() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    brief(root, cache, &["aiko-tanaka"]);
    let month = root.join("journal/2026/2026-11.toml");
    let mut text = fs::read_to_string(&month).unwrap_or_default();
    text += "\n[[entry]]\nid = \"late\"\nat = 2026-11-23T18:00:00+01:00\n\
             with = [\"aiko-tanaka\", \"klaus-weber\"]\nkind = \"coffee\"\n\
             note = \"Talked permits with Klaus\"\n";
    fs::write(&month, text).expect("write");
    assert!(few(brief(root, cache, &["aiko-tanaka"])));
    // A month file that does not load is counted as a full load counts it.
    fs::create_dir_all(root.join("journal/2024")).expect("mkdir");
    fs::write(root.join("journal/2024/2024-05.toml"), "[[entry]]\nid = \n").expect("write");
    assert!(few(brief(root, cache, &["aiko-tanaka"])));
    let ((text, _, _), _) = run(
        &store(root, cache),
        &["brief", "aiko-tanaka"],
        &Needs::Brief("aiko-tanaka".into()),
    );
    assert!(
        text.contains("Talked permits with Klaus") && text.contains("Klaus Weber"),
        "{text}"
    );
}

/// A name that comes to mean two people (an alias added by hand to someone else) is
/// ambiguous, as on a full load, though Aiko's helpers are kept.
#[test]
fn a_name_that_now_means_two_people_is_ambiguous() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    brief(root, cache, &["Aiko Tanaka"]);
    assert!(few(brief(root, cache, &["Aiko Tanaka"])));
    edit(
        root,
        "jonas-becker",
        "name = \"Jonas Becker\"",
        "name = \"Jonas Becker\"\naliases = [\"Aiko Tanaka\"]",
    );
    let needs = Needs::Brief("Aiko Tanaka".into());
    let ((_, result, _), _) = run(&store(root, cache), &["brief", "Aiko Tanaka"], &needs);
    let message = result.expect_err("ambiguous");
    assert!(message.contains("Jonas Becker"), "{message}");
    brief(root, cache, &["Aiko Tanaka"]);
    // By id she is still one person: ranked again for the card changed, then kept.
    ranked_then_kept(root, cache, &["aiko-tanaka"]);
}

/// Each kept brief's file and the file it is (its inode: a brief ranked again writes its
/// helpers anew, by rename).
fn kept_briefs(cache: &Path) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut found = Vec::new();
    let mut dirs = vec![cache.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for e in fs::read_dir(&dir).expect("cache folder").flatten() {
            let (path, name) = (e.path(), e.file_name().to_string_lossy().into_owned());
            if path.is_dir() {
                dirs.push(path);
            } else if name.starts_with("brief-helpers-") {
                found.push((name, fs::metadata(&path).expect("kept brief").ino()));
            }
        }
    }
    found.sort();
    found
}

/// What the ranking never reads (a promise, a birthday, an email: `Contact::ranked_on`)
/// changed on the person's card and a helper's: the next brief reads everyone, as for any
/// card changed, and prints the card as it is now, but takes the helpers kept instead of
/// ranking them again; the one after reads only its cards. What the ranking reads (what
/// someone can help with) still ranks again.
#[test]
fn a_promise_or_a_birthday_changed_keeps_the_helpers_without_ranking_again() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    assert_eq!(brief(root, cache, &["aiko-tanaka"]), Read::Everyone);
    let kept = kept_briefs(cache);
    assert_eq!(kept.len(), 1, "{kept:?}");
    edit(
        root,
        "aiko-tanaka",
        "birthday = 1988-12-11",
        "birthday = 1988-12-12",
    );
    let card = root.join("contacts/aiko-tanaka.toml");
    let promise = "\n[[follow_up]]\nid = 7\nwhat = \"Send Aiko the Ausländerbehörde checklist\"\n";
    let text = fs::read_to_string(&card).expect("card") + promise + "due = 2026-11-30\n";
    fs::write(&card, text).expect("write");
    edit(
        root,
        "jonas-becker",
        "phone = [\"+49 176 5550 1234\"]",
        "phone = [\"+49 176 5550 9999\"]",
    );
    assert_eq!(brief(root, cache, &["Aiko Tanaka"]), Read::Everyone);
    assert_eq!(kept_briefs(cache), kept, "ranked again for a promise");
    let ((text, _, _), _) = run(
        &store(root, cache),
        &["brief", "aiko-tanaka"],
        &Needs::Brief("aiko-tanaka".into()),
    );
    assert!(text.contains("Ausländerbehörde checklist"), "{text}");
    assert!(few(brief(root, cache, &["aiko-tanaka"])));
    assert_eq!(kept_briefs(cache), kept);
    edit(
        root,
        "jonas-becker",
        "\"EXIST grant applications\"",
        "\"EXIST grant applications\", \"settlement permit paperwork\"",
    );
    ranked_then_kept(root, cache, &["aiko-tanaka"]);
    assert_ne!(
        kept_briefs(cache),
        kept,
        "not ranked again for what someone can do"
    );
}

/// A card changed by hand and then first read by a name's resolution alone (`show NAME`,
/// which keeps the names anew from the cards it read again, cut down to their names): the
/// names kept hold what the ranking reads of the whole card, so the next brief ranks again
/// and names the new helper. Nora's card has nothing the ranking reads at first, so a
/// fingerprint of her names alone would equal her whole card's and hide the change.
#[test]
fn a_change_first_seen_by_a_name_s_resolution_still_ranks_again() {
    let (data, cache) = demo();
    let (root, cache) = (data.path(), cache.path());
    let nora = root.join("contacts/nora-quist.toml");
    fs::write(
        &nora,
        "name = \"Nora Quist\"\nemail = [\"nora@example.org\"]\n",
    )
    .expect("write");
    ranked_then_kept(root, cache, &["aiko-tanaka"]);
    let helps = "can_help_with = [\"settlement permit appeals\"]\n";
    let text = fs::read_to_string(&nora).expect("card") + helps;
    fs::write(&nora, text).expect("write");
    let now = DateTime::parse_from_rfc3339(NOW).expect("date");
    let args = ["show", "Nora Quist"];
    let needs = rolo::loads::needs(&crate::support::in_process::parse(&args), now);
    let shown = in_process::run(&store(root, cache), &args, &needs, now);
    assert!(
        shown.out.contains("settlement permit appeals"),
        "{}",
        shown.out
    );
    // Ranked again (checked equal to a full load), Nora among the helpers.
    brief(root, cache, &["aiko-tanaka"]);
    let ((text, _, _), _) = run(
        &store(root, cache),
        &["brief", "aiko-tanaka"],
        &Needs::Brief("aiko-tanaka".into()),
    );
    assert!(text.contains("Nora Quist"), "{text}");
}
