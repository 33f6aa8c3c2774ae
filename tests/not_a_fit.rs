//! "Not a fit" for a need: kept in the contact file as `not_a_fit = [...]` under the need,
//! read back, written without disturbing the person's own text, undone, and obeyed by
//! matching.

use rolo::journal::Journal;
use rolo::ops::NotAFit;
use rolo::serve::Network;
use rolo::store::Store;
use std::fs;
use tempfile::TempDir;

const ADA: &str = "name = \"Ada\"  # my aunt

[[need]]
id = 1
what = \"A venue for the January meetup\"
since = 2026-11-01
status = \"open\"
";

fn folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    fs::create_dir_all(dir.path().join("contacts")).unwrap();
    fs::write(dir.path().join("contacts/ada.toml"), ADA).unwrap();
    for (id, name, help) in [
        ("bo", "Bo", "event venue in Kreuzberg"),
        ("cy", "Cy", "venues for meetups"),
    ] {
        fs::write(
            dir.path().join(format!("contacts/{id}.toml")),
            format!("name = \"{name}\"\ncan_help_with = [\"{help}\"]\n"),
        )
        .unwrap();
    }
    dir
}

fn helpers(store: &Store) -> Vec<String> {
    let j = Journal::new(store.load().unwrap());
    let ix = j.ix("ada").unwrap();
    let need = j.contacts()[ix].need(1).unwrap();
    Network::new(&j)
        .helpers_for_need(&j, ix, need)
        .iter()
        .map(|h| j.contacts()[h.ix].id.clone())
        .collect()
}

#[test]
fn a_person_marked_not_a_fit_is_not_suggested_again_until_unmarked() {
    let dir = folder();
    let store = Store::on_disk(dir.path());
    assert_eq!(helpers(&store), vec!["cy", "bo"]);
    let mark = |on: bool| NotAFit {
        need: 1,
        helper: "bo".into(),
        helper_name: "Bo".into(),
        not_a_fit: on,
    };
    let done = mark(true).apply(&store, "ada").unwrap();
    assert_eq!(
        done.line,
        "Bo will not be suggested for need #1 of Ada again"
    );
    let text = fs::read_to_string(dir.path().join("contacts/ada.toml")).unwrap();
    assert!(text.contains("not_a_fit = [\"bo\"]"), "{text}");
    assert!(
        text.contains("# my aunt"),
        "the person's comment survives: {text}"
    );
    assert_eq!(helpers(&store), vec!["cy"]);
    // Marking twice keeps one mark; the undo takes it back and the list is as before.
    mark(true).apply(&store, "ada").unwrap();
    let text = fs::read_to_string(dir.path().join("contacts/ada.toml")).unwrap();
    assert_eq!(text.matches("\"bo\"").count(), 1, "{text}");
    mark(false).apply(&store, "ada").unwrap();
    let text = fs::read_to_string(dir.path().join("contacts/ada.toml")).unwrap();
    assert!(!text.contains("not_a_fit"), "{text}");
    assert_eq!(helpers(&store), vec!["cy", "bo"]);
}

#[test]
fn a_hand_written_list_is_read_and_a_bad_one_reported() {
    let dir = folder();
    let path = dir.path().join("contacts/ada.toml");
    fs::write(&path, format!("{ADA}not_a_fit = [\"cy\"]\n")).unwrap();
    let store = Store::on_disk(dir.path());
    assert_eq!(helpers(&store), vec!["bo"]);
    fs::write(&path, format!("{ADA}not_a_fit = \"cy\"\n")).unwrap();
    let loaded = store.load().unwrap();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.path.ends_with("ada.toml"))
        .expect("a problem with ada.toml");
    assert_eq!(problem.line, 8, "{problem:?}");
    assert!(problem.message.contains("must be a list"), "{problem:?}");
}
