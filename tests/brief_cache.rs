//! `rolo brief` keeps the helpers it ranked for a person's open needs in the derived cache
//! (`cmd/brief_cache.rs`): the same brief again takes them from there, and any card being
//! different ranks them again. Whatever the cache holds, the output is what `--no-cache`
//! prints.

use crate::support;

use std::fs;
use support::home::Home;
use support::text;

/// stdout of `rolo brief ARGS`, and what `ROLO_DEBUG_CACHE` said of the brief's helpers.
fn brief(home: &Home, args: &[&str]) -> (String, String) {
    let (out, _, said) = read_few(home, args);
    (out, said)
}

fn uncached(home: &Home, args: &[&str]) -> String {
    let mut all = vec!["--no-cache", "brief"];
    all.extend(args);
    home.ok(&all)
}

/// Change `from` to `to` in a card, as an editor would.
fn edit_by_hand(home: &Home, id: &str, from: &str, to: &str) {
    let card = home.data().join(format!("contacts/{id}.toml"));
    let text = fs::read_to_string(&card).expect("card");
    assert!(text.contains(from), "{text}");
    fs::write(&card, text.replace(from, to)).expect("write");
}

const RANKED: &str = "rolo: cache: the brief's helpers ranked and kept";
const KEPT: &str = "rolo: cache: the brief's helpers from the cache";

/// Ada needs a tax advisor, Grace a telescope; Charles can help with tax, Mary with astronomy.
fn network() -> Home {
    let home = Home::new();
    home.ok(&["add", "Ada Lovelace"]);
    home.ok(&["add", "Grace Hopper"]);
    home.ok(&[
        "add",
        "Charles Babbage",
        "--helps-with",
        "tax advisor for expats",
    ]);
    home.ok(&[
        "add",
        "Mary Somerville",
        "--helps-with",
        "astronomy, telescopes",
    ]);
    home.ok(&["need", "ada-lovelace", "A tax advisor who speaks English"]);
    home.ok(&["need", "grace-hopper", "A telescope for the roof"]);
    home
}

#[test]
fn a_second_brief_takes_the_kept_helpers_and_prints_the_same() {
    let home = network();
    let (first, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, RANKED);
    assert!(first.contains("Charles Babbage"), "{first}");
    let (second, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, KEPT);
    assert_eq!(second, first);
    assert_eq!(uncached(&home, &["ada-lovelace"]), first);
    // The JSON and Markdown take them from the same place.
    for extra in ["--json", "--markdown"] {
        let (out, said) = brief(&home, &["ada-lovelace", extra]);
        assert_eq!(said, KEPT, "{extra}");
        assert_eq!(out, uncached(&home, &["ada-lovelace", extra]), "{extra}");
    }
    // A second person's brief is kept beside the first (their ids fall on two files).
    let (grace, said) = brief(&home, &["Grace"]);
    assert_eq!(said, RANKED);
    assert!(grace.contains("Mary Somerville"), "{grace}");
    assert_eq!(brief(&home, &["ada-lovelace"]), (first, KEPT.to_string()));
    assert_eq!(brief(&home, &["grace-hopper"]), (grace, KEPT.to_string()));
    // Someone with no open need has no helpers to rank, and nothing is said of them.
    let (charles, said) = brief(&home, &["charles-babbage"]);
    assert_eq!(said, "");
    assert_eq!(charles, uncached(&home, &["charles-babbage"]));
    // Nothing kept in the data folder.
    assert!(!home.data().join("derived").exists());
}

#[test]
fn a_hand_edit_of_any_card_ranks_again() {
    let home = network();
    let (before, _) = brief(&home, &["ada-lovelace"]);
    assert!(before.contains("Charles Babbage"), "{before}");
    assert!(!before.contains("Mary Somerville"), "{before}");
    // A card that is not among the helpers at all counts too (Mary's).
    edit_by_hand(&home, "mary-somerville", "astronomy", "English tax advisor");
    let (with_mary, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, RANKED);
    assert!(with_mary.contains("Mary Somerville"), "{with_mary}");
    assert_eq!(with_mary, uncached(&home, &["ada-lovelace"]));
    edit_by_hand(
        &home,
        "charles-babbage",
        "tax advisor for expats",
        "steam engines",
    );
    let (without_charles, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, RANKED);
    assert!(!without_charles.contains("Charles"), "{without_charles}");
    assert_eq!(without_charles, uncached(&home, &["ada-lovelace"]));
    // Her own need met, and a new one: ranked for the card as it is.
    home.ok(&["met", "ada-lovelace", "1"]);
    home.ok(&["need", "ada-lovelace", "Someone who knows telescopes"]);
    let (new_need, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, RANKED);
    assert_eq!(new_need, uncached(&home, &["ada-lovelace"]));
    assert!(new_need.contains("Mary Somerville"), "{new_need}");
}

#[test]
fn a_kept_file_that_does_not_read_is_ranked_again_and_replaced() {
    let home = network();
    let (first, _) = brief(&home, &["ada-lovelace"]);
    let roots: Vec<_> = fs::read_dir(home.path().join(".cache/rolo"))
        .expect("cache folder")
        .map(|i| i.expect("item").path())
        .collect();
    assert_eq!(roots.len(), 1, "{roots:?}");
    // One file per brief (a slot chosen by the id), under the cache folder's `derived/`.
    let kept: Vec<_> = fs::read_dir(roots[0].join("derived"))
        .expect("derived")
        .map(|i| i.expect("item").path())
        .filter(|p| p.to_string_lossy().contains("brief-helpers-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept = &kept[0];
    for garbage in [&b"{\"key\": 1"[..], b"", b"\xff\xfe not json"] {
        fs::write(kept, garbage).expect("write");
        let (again, said) = brief(&home, &["ada-lovelace"]);
        assert_eq!(said, RANKED);
        assert_eq!(again, first);
    }
    let (_, said) = brief(&home, &["ada-lovelace"]);
    assert_eq!(said, KEPT);
}

/// Whether the binary's brief read only the cards it names (`loads/brief_kept.rs`), and
/// what it said of its helpers.
fn read_few(home: &Home, args: &[&str]) -> (String, bool, String) {
    let out = home
        .cmd()
        .env("ROLO_DEBUG_CACHE", "1")
        .arg("brief")
        .args(args)
        .output()
        .expect("rolo runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    let helpers = said
        .lines()
        .filter(|l| l.contains("brief's helpers"))
        .collect::<Vec<_>>()
        .join("\n");
    let few = said.contains("the brief reads only the cards it names");
    (text(&out.stdout), few, helpers)
}

/// The binary, with its own window of two seconds in which a card just changed is not
/// trusted by its stamp: the names of such a card are not kept, so briefs read everyone's
/// cards until it settles; then a brief reads only the cards it names, and prints the same.
#[test]
fn the_binary_reads_only_a_kept_brief_s_cards_once_they_have_settled() {
    let settle = || std::thread::sleep(std::time::Duration::from_millis(2_100));
    let home = network();
    settle();
    let (first, few, said) = read_few(&home, &["ada-lovelace"]);
    assert_eq!((few, said.as_str()), (false, RANKED));
    let (again, few, said) = read_few(&home, &["Ada Lovelace"]);
    assert_eq!((few, said.as_str()), (true, KEPT));
    assert_eq!(again, first);
    assert_eq!(again, uncached(&home, &["ada-lovelace"]));
    // Mary changed just now: ranked again, and everyone read until her card settles.
    edit_by_hand(&home, "mary-somerville", "astronomy", "English tax advisor");
    let (changed, few, said) = read_few(&home, &["ada-lovelace"]);
    assert_eq!((few, said.as_str()), (false, RANKED));
    assert!(changed.contains("Mary Somerville"), "{changed}");
    assert!(!read_few(&home, &["ada-lovelace"]).1, "not settled yet");
    settle();
    // The first after it settles keeps her name; the next reads only the cards it names.
    assert!(!read_few(&home, &["ada-lovelace"]).1);
    let (last, few, said) = read_few(&home, &["ada-lovelace"]);
    assert_eq!((few, said.as_str()), (true, KEPT));
    assert_eq!(last, changed);
    assert_eq!(last, uncached(&home, &["ada-lovelace"]));
}
