//! A promise the other person made you ("they'll send me the deck"), kept apart from yours
//! (issue 15): `by = "them"` in the file, `--theirs` on the command line, its own section in
//! `rolo show` and the brief, out of the due lists (those are what you owe) until it comes
//! due, then under "Waiting on them" in `today` and `due`, and files written before it read
//! as they always did.

use crate::support;

use rolo::model::{By, Contact};
use rolo::store::{Fs, MemFs, Store};
use std::path::Path;
use support::home::Home;

fn store_with(text: &str) -> Store {
    let fs = MemFs::new();
    fs.write_atomic(Path::new("contacts/ada.toml"), text.as_bytes())
        .expect("write");
    Store::new(Box::new(fs))
}

fn ada(store: &Store) -> Contact {
    let loaded = store.load().expect("load");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded
        .contacts
        .into_iter()
        .find(|c| c.id == "ada")
        .expect("ada")
}

const OLD: &str = "name = \"Ada\"\n\n[[follow_up]]\nid = 1\nwhat = \"Send her the translation\"\ndue = 2026-11-30\ndone = false\n";

#[test]
fn a_file_from_before_reads_as_your_promise() {
    let c = ada(&store_with(OLD));
    assert_eq!(c.follow_ups[0].by, By::Me);
}

#[test]
fn by_them_round_trips_and_a_hand_written_by_me_stays() {
    let text = format!(
        "{OLD}by = \"me\"   # I wrote this myself\n\n[[follow_up]]\nid = 2\nwhat = \"Send me her notes\"\ndue = 2026-12-04\ndone = false\nby = \"them\"\n"
    );
    let store = store_with(&text);
    let c = ada(&store);
    assert_eq!(
        c.follow_ups.iter().map(|f| f.by).collect::<Vec<_>>(),
        [By::Me, By::Them]
    );
    // A change elsewhere in the file keeps both as written.
    store
        .update_contact("ada", |c| {
            c.follow_up_mut(1).expect("#1").done = true;
            Ok(())
        })
        .expect("update");
    let after = store
        .read_file(Path::new("contacts/ada.toml"))
        .expect("read")
        .expect("there");
    assert!(
        after.contains("by = \"me\"   # I wrote this myself"),
        "{after}"
    );
    assert!(after.contains("by = \"them\""), "{after}");
    let c = ada(&store);
    assert!(c.follow_ups[0].done);
    assert_eq!(c.follow_ups[1].by, By::Them);
}

#[test]
fn an_unknown_by_is_an_error_at_its_place() {
    let f = support::folder::Folder::with(&[(
        "contacts/bea.toml",
        b"name = \"Bea\"\n\n[[follow_up]]\nid = 1\nwhat = \"x\"\nby = \"you\"\n".to_vec(),
    )]);
    let out = f.rolo(&["check"]);
    let said = support::text(&out.stdout);
    assert!(
        said.contains("contacts/bea.toml:6:6: unknown `by` \"you\"; use \"me\" for your promise or \"them\" for theirs"),
        "{said}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn followup_theirs_from_the_command_line() {
    let home = Home::with_people();
    let out = home.ok(&[
        "followup",
        "lovelace",
        "Send me the deck",
        "--due",
        "friday",
        "--theirs",
    ]);
    assert_eq!(
        out,
        "follow-up #1, promised by Ada Lovelace, expected 2026-11-27 (Friday, in 3 days)\n"
    );
    home.ok(&[
        "followup",
        "lovelace",
        "Send her the translation",
        "--due",
        "2026-12-20",
    ]);
    let file = home.file("contacts/ada-lovelace.toml");
    assert!(
        file.contains(
            "what = \"Send me the deck\"\ndue = 2026-11-27\ndone = false\nby = \"them\"\n"
        ),
        "{file}"
    );
    assert_eq!(
        file.matches("by = ").count(),
        1,
        "yours are written as before:\n{file}"
    );

    let show = home.ok(&["show", "lovelace"]);
    let mine = show
        .find("\nFollow-ups\n  #2 Send her the translation")
        .expect(&show);
    let theirs = show
        .find("\nTheir promises to you\n  #1 Send me the deck")
        .expect(&show);
    assert!(mine < theirs, "{show}");

    let brief = home.ok(&["brief", "lovelace"]);
    assert!(
        brief.contains("Your promises to them\n  • #2 Send her the translation"),
        "{brief}"
    );
    assert!(
        brief.contains("Their promises to you\n  • #1 Send me the deck — due in 3 days"),
        "{brief}"
    );

    // The due lists are what you owe: theirs is not among them.
    let due = home.ok(&["due"]);
    assert!(!due.contains("Send me the deck"), "{due}");

    let json = home.ok(&["show", "lovelace", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let bys: Vec<&str> = v["person"]["follow_ups"]
        .as_array()
        .expect("follow_ups")
        .iter()
        .map(|f| f["by"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(bys, ["them", "me"]);

    assert_eq!(
        home.ok(&["done", "lovelace", "1"]),
        "follow-up #1 of Ada Lovelace done\n"
    );
}

/// A promise made to you that has come due is something to ask after: `today` and `due`
/// list it under "Waiting on them", apart from what you owe, and `--json` as `waiting`;
/// kept (`rolo done`), it goes. One not due yet stays out.
#[test]
fn their_promise_come_due_is_waited_on_in_today_and_due() {
    let home = Home::with_people();
    home.ok(&[
        "followup",
        "lovelace",
        "Send me the deck",
        "--due",
        "yesterday",
        "--theirs",
    ]);
    home.ok(&[
        "followup",
        "lovelace",
        "Her notes",
        "--due",
        "2026-12-20",
        "--theirs",
    ]);
    home.ok(&["followup", "charles", "Call back", "--due", "yesterday"]);
    let waiting = "\nWaiting on them\n  • Ada Lovelace: Send me the deck — ";
    for cmd in ["today", "due"] {
        let out = home.ok(&[cmd]);
        let owed = out.find("Charles Babbage: Call back").expect(&out);
        let theirs = out.find(waiting).unwrap_or_else(|| panic!("{cmd}: {out}"));
        assert!(owed < theirs, "{cmd}: yours first\n{out}");
        assert!(!out.contains("Her notes"), "{cmd}: not due yet\n{out}");
        let v: serde_json::Value = serde_json::from_str(&home.ok(&[cmd, "--json"])).expect("json");
        let whats: Vec<&str> = v["waiting"]
            .as_array()
            .expect("waiting")
            .iter()
            .map(|f| f["what"].as_str().unwrap_or("?"))
            .collect();
        assert_eq!(whats, ["Send me the deck"], "{cmd}");
    }
    home.ok(&["done", "lovelace", "1"]);
    assert!(!home.ok(&["today"]).contains("Waiting on them"));
}
