//! `rolo today` keeps its strong matches in the derived cache (`cmd/today_cache.rs`): a
//! second run takes them from there, and anything they depend on (a card, the related terms
//! in `config.toml`) being different ranks them again. Whatever the cache holds, the output
//! is what `--no-cache` prints.

use crate::support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use support::home::Home;
use support::text;

/// stdout of `today`, and what `ROLO_DEBUG_CACHE` said of today's matches.
fn today(home: &Home) -> (String, String) {
    let out = home
        .cmd()
        .env("ROLO_DEBUG_CACHE", "1")
        .arg("today")
        .output()
        .expect("rolo runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr)
        .lines()
        .filter(|l| l.contains("today's matches"))
        .collect::<Vec<_>>()
        .join("\n");
    (text(&out.stdout), said)
}

fn uncached(home: &Home) -> String {
    home.ok(&["--no-cache", "today"])
}

fn kept_file(home: &Home) -> PathBuf {
    let roots: Vec<PathBuf> = fs::read_dir(home.path().join(".cache/rolo"))
        .expect("cache folder")
        .map(|i| i.expect("item").path())
        .collect();
    assert_eq!(roots.len(), 1, "{roots:?}");
    roots[0].join("derived/today-matches.json")
}

/// Change `from` to `to` in a card, as an editor would.
fn edit_by_hand(home: &Home, id: &str, from: &str, to: &str) {
    let card = home.data().join(format!("contacts/{id}.toml"));
    let text = fs::read_to_string(&card).expect("card");
    assert!(text.contains(from), "{text}");
    fs::write(&card, text.replace(from, to)).expect("write");
}

fn tax_network() -> Home {
    let home = Home::new();
    home.ok(&["add", "Ada Lovelace"]);
    home.ok(&[
        "add",
        "Charles Babbage",
        "--helps-with",
        "tax advisor for expats",
    ]);
    home.ok(&["add", "Mary Somerville", "--helps-with", "astronomy"]);
    home.ok(&["need", "ada-lovelace", "A tax advisor who speaks English"]);
    home
}

#[test]
fn a_second_today_takes_the_kept_matches_and_prints_the_same() {
    let home = tax_network();
    let (first, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches ranked and kept");
    assert!(
        first.contains("→ Charles Babbage: can help with “tax advisor for expats”"),
        "{first}"
    );
    let (second, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches from the cache");
    assert_eq!(second, first);
    assert_eq!(uncached(&home), first);
    // The JSON takes them from the same place.
    let json = home.ok(&["today", "--json"]);
    assert_eq!(json, home.ok(&["--no-cache", "today", "--json"]));

    // Private, like every cache file.
    let kept = kept_file(&home);
    let mode = |p: &std::path::Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(mode(kept.parent().expect("folder")), 0o700);
    // Nothing kept in the data folder.
    assert!(!home.data().join("derived").exists());
}

#[test]
fn a_hand_edit_of_any_card_ranks_again() {
    let home = tax_network();
    let (before, _) = today(&home);
    assert!(before.contains("Charles Babbage"), "{before}");
    // Charles no longer says he can help; the need has no strong match left.
    edit_by_hand(
        &home,
        "charles-babbage",
        "tax advisor for expats",
        "steam engines",
    );
    let (after, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches ranked and kept");
    assert!(!after.contains("Charles Babbage"), "{after}");
    assert_eq!(after, uncached(&home));
    // And back: a card that is not in the matches at all counts too (Mary's).
    let (_, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches from the cache");
    edit_by_hand(&home, "mary-somerville", "astronomy", "English tax advisor");
    let (with_mary, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches ranked and kept");
    assert!(with_mary.contains("Mary Somerville"), "{with_mary}");
    assert_eq!(with_mary, uncached(&home));
}

#[test]
fn new_related_terms_in_the_config_rank_again() {
    let home = tax_network();
    today(&home);
    let (_, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches from the cache");
    let config = home.path().join(".config/rolo/config.toml");
    fs::create_dir_all(config.parent().expect("folder")).expect("mkdir");
    fs::write(
        &config,
        "[[related]]\nwords = [\"stargazing\", \"astronomy\"]\n",
    )
    .expect("write");
    let (after, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches ranked and kept");
    assert_eq!(after, uncached(&home));
}

#[test]
fn a_kept_file_that_does_not_read_is_ranked_again_and_replaced() {
    let home = tax_network();
    let (first, _) = today(&home);
    let kept = kept_file(&home);
    for garbage in [&b"{\"key\": 1"[..], b"", b"\xff\xfe not json"] {
        fs::write(&kept, garbage).expect("write");
        let (again, said) = today(&home);
        assert_eq!(said, "rolo: cache: today's matches ranked and kept");
        assert_eq!(again, first);
    }
    let (_, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches from the cache");
}

/// A `today` killed while it kept its matches leaves a temp file of about 1 MB; the next one
/// that keeps them removes it once it is old (a live rolo could still be writing a new one).
#[test]
fn a_temp_file_left_by_a_killed_today_is_swept() {
    let home = tax_network();
    today(&home);
    let kept = kept_file(&home);
    let folder = kept.parent().expect("folder").to_path_buf();
    let (old, new) = (
        folder.join(".rolo-tmp-killed.tmp"),
        folder.join(".rolo-tmp-writing.tmp"),
    );
    for temp in [&old, &new] {
        fs::write(temp, "half an answer").expect("write");
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3_600);
    fs::File::options()
        .write(true)
        .open(&old)
        .expect("open")
        .set_modified(hour_ago)
        .expect("age it");
    fs::remove_file(&kept).expect("remove");
    let (_, said) = today(&home);
    assert_eq!(said, "rolo: cache: today's matches ranked and kept");
    assert!(!old.exists(), "the old temp file is gone");
    assert!(new.exists(), "a fresh one may be another rolo's");
}
