//! The `url` key: added for imports (address books hold web addresses), read and written like
//! `email` and `phone` (one text or a list), and absent from every file written before it.

use rolo::model::Contact;
use rolo::store::{Fs, MemFs, Store};
use std::path::Path;

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
        .expect("ada loads")
}

#[test]
fn a_file_without_url_reads_as_before() {
    let store = store_with("name = \"Ada\"\nemail = \"ada@example.org\"\n");
    let c = ada(&store);
    assert!(c.urls.is_empty());
    assert_eq!(c.email, ["ada@example.org"]);
}

#[test]
fn url_may_be_one_text_or_a_list() {
    let one = ada(&store_with(
        "name = \"Ada\"\nurl = \"https://ada.example\"\n",
    ));
    assert_eq!(one.urls, ["https://ada.example"]);
    let many = ada(&store_with(
        "name = \"Ada\"\nurl = [\"https://a.example\", \"https://b.example\"]\n",
    ));
    assert_eq!(many.urls, ["https://a.example", "https://b.example"]);
}

#[test]
fn urls_are_written_and_read_back_keeping_the_rest_of_the_file() {
    let store = store_with("# hers\nname = \"Ada\"\npronouns = \"she/her\"\n");
    let saved = store
        .update_contact("ada", |c| {
            c.urls.push("https://ada.example/about".into());
            Ok(())
        })
        .expect("update");
    assert_eq!(saved.value.urls, ["https://ada.example/about"]);
    let text = store
        .read_file(Path::new("contacts/ada.toml"))
        .expect("read")
        .expect("exists");
    assert!(text.starts_with("# hers\n"), "{text}");
    assert!(text.contains("pronouns = \"she/her\""), "{text}");
    assert!(
        text.contains("url = [\"https://ada.example/about\"]"),
        "{text}"
    );
    assert_eq!(ada(&store), saved.value);
    // And removed again: the key goes with the last address.
    store
        .update_contact("ada", |c| {
            c.urls.clear();
            Ok(())
        })
        .expect("update");
    let text = store
        .read_file(Path::new("contacts/ada.toml"))
        .expect("read")
        .expect("exists");
    assert!(!text.contains("url"), "{text}");
}

#[test]
fn a_new_contact_with_urls_round_trips() {
    let store = Store::new(Box::new(MemFs::new()));
    let mut c = Contact::new("", "Grace Hopper");
    c.urls = vec![
        "https://grace.example".into(),
        "https://navy.example/gh".into(),
    ];
    let saved = store.create_contact(c.clone()).expect("create");
    c.id = saved.id.clone();
    assert_eq!(saved, c);
    let loaded = store.load().expect("load");
    assert_eq!(loaded.contacts, vec![c]);
}
