//! Serve first, end to end on a TestBackend: the brief, an intro logged from who could help
//! (then the need marked met), and promises marked done from the reconnect and today views.
//! The TOML files are checked afterwards.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Esc, Tab};
use ratatui::style::{Color, Modifier};
use tui_support::{App, ch, key};

fn select(who: &str) -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), who, key(Enter)]
}

fn toml(app: &App, rel: &str) -> toml::Table {
    app.read(rel).parse().unwrap()
}

fn array<'a>(t: &'a toml::Table, key: &str) -> &'a Vec<toml::Value> {
    t.get(key).and_then(|v| v.as_array()).unwrap()
}

#[test]
fn brief_for_zoe_shows_every_section_and_closes() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![select("zoë"), ch('b')]);
    // Dates keep their parts together with no-break spaces.
    let screen = app.screen().replace('\u{a0}', " ");
    for part in [
        "Brief · Zoë Müller",
        "Product designer (between jobs)",
        "Birthday in 9 days",
        "• #1 A full-time job as a product designer",
        "you already: Sat 14 Nov coffee: Reviewed her portfolio",
        "Your promises to them",
        "due in 2 days (Thu 26 Nov)",
        "Nadia Petrova: can help with “hiring product designers” (for #1)",
        "They can help others with",
        "You gave 2 times",
        "Last 5 times together",
    ] {
        assert!(screen.contains(part), "{part:?} missing:\n{screen}");
    }
    assert!(state.popup.is_some());
    let state = app.run(script![select("zoë"), ch('b'), ch('G'), ch('k'), key(Esc)]);
    assert!(state.popup.is_none());
    assert!(app.screen().contains("Contacts"), "{}", app.screen());
}

#[test]
fn an_intro_from_who_could_help_is_logged_and_the_need_met() {
    let mut app = App::demo(120, 35);
    app.run(script![select("zoë"), key(Tab), key(Tab), ch('m')]);
    // The matched characters of the reason are highlighted.
    let buf = app.terminal.backend().buffer().clone();
    let screen = app.screen();
    let row = screen
        .lines()
        .position(|l| l.contains("“hiring product designers”"))
        .unwrap();
    let line = screen.lines().nth(row).unwrap();
    let at = |word: &str| {
        let col = line.chars().count() - line[line.find(word).unwrap()..].chars().count();
        &buf[(u16::try_from(col).unwrap(), u16::try_from(row).unwrap())]
    };
    // The need asks for a product designer: "product" matches, "hiring" does not.
    let hit = at("product");
    assert_eq!(hit.symbol(), "p");
    assert_eq!(hit.fg, Color::Yellow);
    assert!(hit.modifier.contains(Modifier::BOLD));
    let miss = at("hiring");
    assert_eq!(miss.symbol(), "h");
    assert_ne!(miss.fg, Color::Yellow);

    let state = app.run(script![
        select("zoë"),
        key(Tab),
        key(Tab),
        ch('m'),
        key(Enter)
    ]);
    assert!(
        app.screen().contains("met (introduced to Nadia"),
        "{}",
        app.screen()
    );
    assert!(state.popup.is_some(), "asks whether the need is met");
    let month = toml(&app, "journal/2026/2026-11.toml");
    let intros: Vec<&toml::Table> = array(&month, "entry")
        .iter()
        .filter_map(|e| e.as_table())
        .filter(|e| e.get("kind").and_then(|k| k.as_str()) == Some("intro"))
        .filter(|e| {
            e.get("with").and_then(|w| w.as_array()).is_some_and(|w| {
                w.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>()
                    == ["zoe-muller", "nadia-petrova"]
            })
        })
        .collect();
    assert_eq!(intros.len(), 1, "{}", app.read("journal/2026/2026-11.toml"));
    let gave = intros[0].get("gave").and_then(|g| g.as_str()).unwrap();
    assert_eq!(
        gave,
        "Introduced Zoë Müller to Nadia Petrova for: A full-time job as a product designer, \
         ideally in climate or health"
    );
    // Not yet answered: the need is still open.
    let zoe = toml(&app, "contacts/zoe-muller.toml");
    let need = array(&zoe, "need")[0].as_table().unwrap();
    assert_eq!(need.get("status").and_then(|s| s.as_str()), Some("open"));

    // A new session: the intro is in both timelines; then log another to the second
    // suggestion (Leila, a founder in climate) and say yes.
    app.run(script![select("nadia")]);
    assert!(
        app.screen()
            .contains("today      intro    Zoë: Introduced Zoë Müller to"),
        "{}",
        app.screen()
    );
    let state = app.run(script![
        select("zoë"),
        key(Tab),
        key(Tab),
        ch('m'),
        ch('j'),
        ch('i'),
        ch('y')
    ]);
    assert!(state.popup.is_none());
    assert!(
        app.screen()
            .contains("need marked met: introduced to Leila Haddad"),
        "{}",
        app.screen()
    );
    let zoe = toml(&app, "contacts/zoe-muller.toml");
    let need = array(&zoe, "need")[0].as_table().unwrap();
    assert_eq!(need.get("status").and_then(|s| s.as_str()), Some("met"));
    assert_eq!(
        need.get("how").and_then(|s| s.as_str()),
        Some("introduced to Leila Haddad")
    );
    assert_eq!(
        need.get("met_on").map(|d| d.to_string()),
        Some("2026-11-24".into())
    );
    // The file keeps what rolo does not manage.
    assert!(
        app.read("contacts/zoe-muller.toml")
            .contains("rescue greyhound")
    );
}

fn follow_up_done(app: &App, contact: &str, id: i64) -> bool {
    let t = toml(app, &format!("contacts/{contact}.toml"));
    array(&t, "follow_up")
        .iter()
        .filter_map(|f| f.as_table())
        .find(|f| f.get("id").and_then(|i| i.as_integer()) == Some(id))
        .and_then(|f| f.get("done"))
        .and_then(|d| d.as_bool())
        .unwrap()
}

#[test]
fn space_marks_a_promise_done_from_reconnect_and_today() {
    let mut app = App::demo(120, 35);
    assert!(!follow_up_done(&app, "leila-haddad", 1));
    // Today opens on the most overdue promise: Leila's.
    app.run(script![ch('T'), ch(' ')]);
    assert!(follow_up_done(&app, "leila-haddad", 1));
    let screen = app.screen();
    assert!(
        screen.contains("done: Reply to Leila's message"),
        "{screen}"
    );
    assert!(!screen.contains("☐ Leila Haddad"), "{screen}");

    // In reconnect, promises come after the people: walk down to Ruth's.
    let before = follow_up_done(&app, "ruth-abramowitz", 1);
    assert!(!before);
    let mut keys = script![ch('R')];
    for _ in 0..7 {
        keys.push(ch('j'));
    }
    keys.push(ch(' '));
    app.run(keys);
    let screen = app.screen();
    assert!(
        screen.contains("done: Write Ruth a proper letter"),
        "{screen}"
    );
    assert!(follow_up_done(&app, "ruth-abramowitz", 1));
    assert!(
        !follow_up_done(&app, "priya-raman", 1),
        "only the highlighted one"
    );
}

#[test]
fn enter_in_reconnect_goes_to_the_person() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![ch('R'), ch('j'), key(Enter)]);
    assert!(state.popup.is_none());
    let screen = app.screen();
    assert!(screen.contains("▶ Klaus Weber"), "{screen}");
    assert!(screen.contains("Timeline · Klaus Weber"), "{screen}");
}

#[test]
fn serve_views_never_panic_on_small_terminals() {
    for (w, h) in [(30, 8), (31, 9), (40, 10), (60, 12), (29, 7), (1, 1)] {
        for keys in [
            script![ch('b'), ch('G'), ch('k')],
            script![ch('R'), ch('G'), ch('b')],
            script![ch('T'), ch('G')],
            script![select("zoë"), key(Tab), key(Tab), ch('m'), ch('G')],
        ] {
            let mut app = App::demo(w, h);
            app.run(keys);
        }
    }
}

#[test]
fn an_empty_journal_has_calm_lists_and_no_brief() {
    let mut app = App::empty(60, 20);
    let state = app.run(script![ch('T'), ch('j'), ch(' '), key(Enter)]);
    assert!(
        state.popup.is_some(),
        "enter on nothing keeps the list open"
    );
    let screen = app.screen();
    assert!(screen.contains("Nothing due today."), "{screen}");
    app.run(script![ch('R'), ch('G')]);
    assert!(
        app.screen().contains("Everyone is within their rhythm"),
        "{}",
        app.screen()
    );
    let state = app.run(script![ch('b'), ch('m')]);
    assert!(state.popup.is_none());
}

#[test]
fn hostile_text_stays_inert_in_every_serve_view() {
    let mut app = App::demo(120, 35);
    std::fs::write(
        app.path("contacts/aaa-evil.toml"),
        "name = \"Aaa \\u001b[31mRed\\u202eevil\"\nkeep_in_touch_days = 1\n\
         can_help_with = [\"catering \\u001b]0;x\\u0007 for events\"]\n\
         [[need]]\nid = 1\nwhat = \"Catering \\u202e for a party\"\nsince = 2026-11-01\nstatus = \"open\"\n\
         [[follow_up]]\nid = 1\nwhat = \"Call \\u001b[2J back\"\ndue = 2026-11-20\ndone = false\n",
    )
    .unwrap();
    for keys in [
        script![ch('b')],
        script![ch('R')],
        script![ch('T')],
        script![key(Tab), key(Tab), ch('m')],
        script![select("marco"), key(Tab), key(Tab), ch('j'), ch('m')],
    ] {
        app.run(keys);
        let screen = app.screen();
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{202e}') && !screen.contains('\u{7}'),
            "{screen}"
        );
        assert!(
            screen.contains("Red"),
            "the name is shown, made inert:\n{screen}"
        );
    }
}
