//! A draft belongs to the rolo that writes it (issue 12, item 2): no other rolo offers or
//! removes it while that one runs; once it is gone, its drafts are offered.

use crate::tui_support;

use chrono::DateTime;
use rolo::model::{Draft, Kind};
use rolo::store::{Claim, Store};
use tui_support::App;

fn draft(note: &str) -> Draft {
    Draft {
        with: vec!["kwame-asante".into()],
        kind: Kind::Note,
        note: note.into(),
        started: DateTime::parse_from_rfc3339("2026-11-24T14:26:00+01:00").unwrap(),
        file: None,
    }
}

fn draft_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("drafts"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_live_draft_is_neither_offered_nor_removed_by_another_rolo() {
    let dir = tempfile::tempdir().unwrap();
    let typing = Store::on_disk(dir.path());
    typing.save_draft(&draft("Half a sentence")).unwrap();
    let other = Store::on_disk(dir.path());
    assert!(other.drafts().is_empty(), "the note is still being typed");
    let refused = other.remove_draft(&draft("Half a sentence")).unwrap_err();
    assert!(
        refused.to_string().contains(&format!(
            "open in another rolo (process {})",
            std::process::id()
        )),
        "{refused}"
    );
    assert!(other.save_draft(&draft("overwritten")).is_err());
    assert_eq!(draft_files(dir.path()).len(), 1);
    // The first rolo goes (as at a crash: its lease is let go of): its draft is offered.
    drop(typing);
    let offered = other.drafts();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].note, "Half a sentence");
}

#[test]
fn a_killed_rolos_draft_is_offered_and_its_lease_swept() {
    let dir = tempfile::tempdir().unwrap();
    // What kill -9 leaves: a lease file no process holds, and a draft naming it.
    std::fs::create_dir_all(dir.path().join(".leases")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join(".leases/Gone123.lease"), "pid = 1\n").unwrap();
    std::fs::write(
        dir.path().join("drafts/kwame-asante-20261124-142600.toml"),
        "with = [\"kwame-asante\"]\nnote = \"Left behind\"\nowner = \"Gone123\"\npid = 1\n",
    )
    .unwrap();
    let store = Store::on_disk(dir.path());
    let offered = store.drafts();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].note, "Left behind");
    assert!(!dir.path().join(".leases/Gone123.lease").exists());
}

#[test]
fn an_owner_naming_a_path_leads_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let bait = outside.path().join("x.lease");
    std::fs::write(&bait, "keep me").unwrap();
    let hostile = format!("{}", outside.path().join("x").display());
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::write(
        dir.path().join("drafts/kwame-asante-20261124-142600.toml"),
        format!("with = [\"kwame-asante\"]\nnote = \"x\"\nowner = \"{hostile}\"\n"),
    )
    .unwrap();
    let store = Store::on_disk(dir.path());
    assert_eq!(
        store.drafts().len(),
        1,
        "no owner that can be checked: offered"
    );
    store.remove_draft(&store.drafts()[0]).unwrap();
    assert_eq!(std::fs::read_to_string(&bait).unwrap(), "keep me");
}

#[test]
fn a_draft_restored_in_two_rolos_is_claimed_by_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (Store::on_disk(dir.path()), Store::on_disk(dir.path()));
    let left = draft("Left behind");
    assert_eq!(a.claim_draft(&left).unwrap(), Claim::Ours);
    assert_eq!(
        b.claim_draft(&left).unwrap(),
        Claim::Taken {
            pid: Some(std::process::id())
        }
    );
}

#[test]
fn a_second_tui_does_not_offer_a_note_being_typed() {
    let mut app = App::demo(120, 35);
    let typing = Store::on_disk(app.dir.path());
    typing.save_draft(&draft("Half a sentence")).unwrap();
    app.run(vec![]);
    let screen = app.screen();
    assert!(!screen.contains("Unsaved note"), "{screen}");
    drop(typing);
    app.run(vec![]);
    let screen = app.screen();
    assert!(screen.contains("Unsaved note"), "{screen}");
}

#[test]
fn a_linked_lease_folder_is_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join(".leases")).unwrap();
    let store = Store::on_disk(dir.path());
    store.save_draft(&draft("still kept")).unwrap();
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    assert_eq!(store.drafts().len(), 1, "the draft itself is written");
}
