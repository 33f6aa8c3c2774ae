//! People's lifecycle in the TUI, on the demo journal: `A` archives the selected person after
//! a yes (and brings them back), `M` picks who to merge into them, shows what moves, and
//! merges on a yes. The confirmation screens at 120×35 and 80×24.

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::{Backspace, Down, Enter, Esc};
use tui_support::{App, ch, key};

const SIZES: [(u16, u16); 2] = [(120, 35), (80, 24)];

const PRIYA_R: &str = "name = \"Priya R.\"\naliases = [\"PR\"]\nrole = \"CTO\"\nemail = [\"pr@home.example\"]\n\n[[need]]\nid = 1\nwhat = \"A venue for the team offsite\"\nsince = 2026-11-10\nstatus = \"open\"\n";
const PRIYA_R_ENTRY: &str = "\n[[entry]]\nid = \"2026-11-20-0900-priya\"\nat = 2026-11-20T09:00:00+01:00\nwith = [\"priya-r\", \"priya-raman\"]\nkind = \"call\"\nnote = \"Call from her other number\"\n";

/// The demo with Priya Raman in twice: an import brought her in as "Priya R." too.
fn twice(w: u16, h: u16) -> App {
    let app = App::demo(w, h);
    std::fs::write(app.path("contacts/priya-r.toml"), PRIYA_R).unwrap();
    let month = app.path("journal/2026/2026-11.toml");
    let mut text = std::fs::read_to_string(&month).unwrap();
    text.push_str(PRIYA_R_ENTRY);
    std::fs::write(&month, text).unwrap();
    app
}

fn select(who: &str) -> Vec<Event> {
    script![ch('/'), who, key(Enter)]
}

fn snap(name: &str, make: impl Fn(u16, u16) -> App, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = make(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

/// The ids of the people in the contact list, in its order.
fn listed(app: &mut App, events: Vec<Event>) -> Vec<String> {
    let store = rolo::store::Store::on_disk(app.dir.path());
    let journal = rolo::journal::Journal::new(store.load().unwrap());
    let state = app.run(events);
    state
        .rows
        .iter()
        .filter_map(|r| journal.contact(r.ix).map(|c| c.id.clone()))
        .collect()
}

#[test]
fn the_confirmation_screens() {
    snap(
        "archive_confirm",
        App::demo,
        script![select("aiko"), ch('A')],
    );
    snap(
        "merge_pick",
        twice,
        script![select("priya raman"), ch('M'), "priya"],
    );
    snap(
        "merge_confirm",
        twice,
        script![select("priya raman"), ch('M'), "priya r", key(Enter)],
    );
}

#[test]
fn archive_after_a_yes_then_found_by_search_and_brought_back() {
    let mut app = App::demo(120, 35);
    let before = app.read("contacts/aiko-tanaka.toml");
    // A no writes nothing.
    app.run(script![select("aiko"), ch('A'), ch('n')]);
    assert_eq!(app.read("contacts/aiko-tanaka.toml"), before);
    assert!(app.screen().contains("nothing archived"));
    // A yes: the file says so, she leaves the list, the selection stays in place.
    let rows = listed(
        &mut app,
        script![select("aiko"), key(Esc), ch('A'), ch('y')],
    );
    let text = app.read("contacts/aiko-tanaka.toml");
    assert!(text.contains("archived = 2026-11-24"), "{text}");
    assert!(!rows.contains(&"aiko-tanaka".to_string()), "{rows:?}");
    assert!(
        app.screen().contains("archived Aiko Tanaka"),
        "{}",
        app.screen()
    );
    // A search still finds her; `A` on her brings her back, the file as it was.
    let found = listed(&mut app, script![ch('/'), "aiko"]);
    assert_eq!(found, ["aiko-tanaka"]);
    let screen = app.screen();
    assert!(
        screen.contains("Archived since 2026-11-24 — A brings"),
        "{screen}"
    );
    // Without a filter the list counts who is set aside.
    app.run(Vec::new());
    assert!(
        app.screen().contains("Contacts 24 · 1 archived"),
        "{}",
        app.screen()
    );
    app.run(script![select("aiko"), ch('A')]);
    assert!(
        app.screen().contains("Bring Aiko Tanaka back"),
        "{}",
        app.screen()
    );
    app.run(script![select("aiko"), ch('A'), ch('y')]);
    assert_eq!(app.read("contacts/aiko-tanaka.toml"), before);
    let rows = listed(&mut app, Vec::new());
    assert!(rows.contains(&"aiko-tanaka".to_string()));
}

#[test]
fn merge_picks_the_other_person_shows_what_moves_and_merges_on_a_yes() {
    let mut app = twice(120, 35);
    let month = app.read("journal/2026/2026-11.toml");
    // The picker narrows as a name is typed; the person who stays is never offered.
    app.run(script![select("priya raman"), ch('M'), "priya"]);
    let screen = app.screen();
    assert!(screen.contains("Merge into Priya Raman: who?"), "{screen}");
    assert!(screen.contains("▶ Priya R.  (priya-r)"), "{screen}");
    assert!(!screen.contains("(priya-raman)"), "{screen}");
    // Esc, and n on the confirmation, write nothing.
    app.run(script![select("priya raman"), ch('M'), "priya r", key(Esc)]);
    app.run(script![
        select("priya raman"),
        ch('M'),
        "priya r",
        key(Enter),
        ch('n')
    ]);
    assert!(app.screen().contains("nothing merged"));
    assert_eq!(app.read("contacts/priya-r.toml"), PRIYA_R);
    assert_eq!(app.read("journal/2026/2026-11.toml"), month);
    // y: B's file goes, the entries name A, A is selected and says so.
    app.run(script![
        select("priya raman"),
        ch('M'),
        "priya r",
        key(Enter),
        ch('y')
    ]);
    assert!(!app.path("contacts/priya-r.toml").exists());
    let screen = app.screen();
    // 26 people before; the list counts them as it holds them now.
    assert!(screen.contains("Contacts 1/25"), "{screen}");
    assert!(screen.contains("▶ Priya Raman"), "{screen}");
    assert!(
        screen.contains("merged Priya R. into Priya Raman: 1 entry, 1 need"),
        "{screen}"
    );
    assert!(screen.contains("Call from her other number"), "{screen}");
    assert_eq!(
        app.read("journal/2026/2026-11.toml"),
        month.replace(
            "with = [\"priya-r\", \"priya-raman\"]",
            "with = [\"priya-raman\"]"
        )
    );
    let a = app.read("contacts/priya-raman.toml");
    assert!(a.contains("aliases = [\"Priya R.\", \"PR\"]"), "{a}");
}

#[test]
fn the_picker_moves_and_edits_what_is_typed() {
    let mut app = twice(120, 35);
    // Down to the second person fitting "priy", back a letter: the list is ranked again.
    app.run(script![
        select("priya raman"),
        ch('M'),
        "priyx",
        key(Backspace),
        key(Down),
        key(Down)
    ]);
    let screen = app.screen();
    assert!(screen.contains("> priy"), "{screen}");
    assert!(!screen.contains("no one fits"), "{screen}");
}
