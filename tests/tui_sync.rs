//! The TUI's sync screen (`Y`, issue 17) on a `TestBackend`: after a sync stopped at
//! conflicts, it lists each file with this machine's value and the other's, at 120×35 and
//! 80×24. The pick itself runs a whole sync with git's merge drivers, which must be the real
//! `rolo` binary: that journey is in `tmux_sync.rs`.

use crate::history_support::Folder;
use crate::tui_history::Tui;
use crate::tui_support::outside::keys;
use crate::tui_support::{ch, key};
use ratatui::crossterm::event::KeyCode;
use rolo::app::state::Popup;

/// Machine B after a sync that stopped: Ada's role and Ben's company changed both ways.
fn stopped() -> (Folder, Folder) {
    let a = Folder::new();
    let b = Folder::new();
    let remote = a.tmp.path().join("remote.git");
    a.git_in(a.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
    a.ok(&["add", "Ada Lovelace", "--role", "CTO"]);
    a.ok(&["add", "Ben Okafor", "--company", "Initech"]);
    let url = remote.to_string_lossy().into_owned();
    a.ok(&["sync", "--remote", &url]);
    b.ok(&["clone", &url]);
    a.ok(&["edit", "ada", "--set", "role=CEO"]);
    a.ok(&["edit", "ben", "--set", "company=Acme"]);
    a.ok(&["sync"]);
    b.ok(&["edit", "ada", "--set", "role=Chair"]);
    b.ok(&["edit", "ben", "--set", "company=Globex"]);
    assert_eq!(b.run(&["sync"]).status.code(), Some(1), "the sync stops");
    (a, b)
}

#[test]
fn y_lists_each_conflict_with_both_values() {
    let (_a, b) = stopped();
    let before = b.files();
    for (w, h) in [(120, 35), (80, 24)] {
        let mut tui = Tui::open(&b, w, h);
        let state = tui.play(&b.data, keys(vec![ch('Y')]));
        let Some(Popup::Sync(view)) = &state.popup else {
            panic!("no sync screen: {:?}", state.popup);
        };
        let paths: Vec<&str> = view.files().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["contacts/ada-lovelace.toml", "contacts/ben-okafor.toml"]
        );
        let screen = tui.screen();
        assert!(
            screen.contains("role: here \"Chair\", there \"CEO\""),
            "{screen}"
        );
        insta::assert_snapshot!(format!("sync_screen_{w}x{h}"), screen);
        // j moves to Ben (the footer's keys act on the highlighted file); esc closes.
        let state = tui.play(&b.data, keys(vec![ch('Y'), ch('j'), ch('j')]));
        let Some(Popup::Sync(view)) = &state.popup else {
            panic!("no sync screen: {:?}", state.popup);
        };
        assert_eq!(view.selected, 1, "j stops at the last file");
        assert!(tui.screen().contains("▶ contacts/ben-okafor.toml"));
        let state = tui.play(&b.data, keys(vec![ch('Y'), key(KeyCode::Esc)]));
        assert_eq!(state.popup, None);
    }
    assert_eq!(b.files(), before);
}

#[test]
fn y_with_nothing_waiting_says_so_and_how_to_set_a_remote_when_there_is_none() {
    let f = Folder::new();
    f.ok(&["add", "Ada Lovelace"]);
    let mut tui = Tui::open(&f, 100, 30);
    tui.play(&f.data, keys(vec![ch('Y')]));
    let screen = tui.screen().replace('\n', " ").replace('│', "");
    let squeezed: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("no remote to sync with yet: `rolo sync --remote URL` sets one"),
        "{}",
        tui.screen()
    );
    f.git_in(f.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
    let url = f.tmp.path().join("remote.git");
    f.ok(&["sync", "--remote", url.to_str().unwrap()]);
    let mut tui = Tui::open(&f, 100, 30);
    tui.play(&f.data, keys(vec![ch('Y')]));
    assert!(
        tui.screen()
            .contains("nothing waits for you: the last sync merged everything it found"),
        "{}",
        tui.screen()
    );
}
