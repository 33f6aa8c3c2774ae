//! Which key does what, per mode. The defaults are a table of data; the footer and the `?`
//! help are generated from the same table, so they cannot drift from the keys. A user may
//! override bindings in `config.toml`:
//!
//! ```toml
//! [keys.browse]
//! "ctrl-n" = "new_note"
//! "w" = "quit"
//! ```

use crate::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// Where the keyboard is: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The three panes.
    Browse,
    /// Typing a contact filter.
    Search,
    /// The quick-note editor.
    Capture,
    /// The `@name` completion list inside the note editor (checked before `Capture`).
    Complete,
    /// A one-line question (new need, how was it met, a name...).
    Input,
    /// A yes/no question.
    Confirm,
    /// A read-only popup: help, an entry, the problems list.
    View,
    /// Drafts left from an earlier session.
    Drafts,
    /// An edit in `$EDITOR` that no longer parses.
    EditFailed,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Browse,
        Mode::Search,
        Mode::Capture,
        Mode::Complete,
        Mode::Input,
        Mode::Confirm,
        Mode::View,
        Mode::Drafts,
        Mode::EditFailed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Browse => "browse",
            Mode::Search => "search",
            Mode::Capture => "capture",
            Mode::Complete => "complete",
            Mode::Input => "input",
            Mode::Confirm => "confirm",
            Mode::View => "view",
            Mode::Drafts => "drafts",
            Mode::EditFailed => "edit_failed",
        }
    }

    fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == s)
    }

    /// Modes where an unbound printable key is typed as text.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Capture | Mode::Input)
    }
}

/// A key as written in the table and in config files: `j`, `G`, `ctrl-j`, `alt-enter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: [(&str, KeyCode); 15] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let code = if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == rest) {
            *code
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return None,
            }
        };
        Some(Key { code, mods }.normalised())
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            mods: ev.modifiers,
        }
        .normalised()
    }

    /// Shift is part of the character itself (`G`, `?`) and of BackTab; drop it so that the
    /// table can say `G` whatever the terminal reports.
    fn normalised(self) -> Key {
        let mut k = self;
        match k.code {
            KeyCode::Char(c) if k.mods.contains(KeyModifiers::SHIFT) || c.is_uppercase() => {
                k.mods.remove(KeyModifiers::SHIFT);
            }
            KeyCode::Tab if k.mods.contains(KeyModifiers::SHIFT) => {
                k.code = KeyCode::BackTab;
                k.mods.remove(KeyModifiers::SHIFT);
            }
            KeyCode::BackTab => k.mods.remove(KeyModifiers::SHIFT),
            _ => {}
        }
        k.mods &= KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        k
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => f.write_str("?"),
            },
        }
    }
}

/// One binding: in `mode`, `key` does `action`. `hint` is the short label in the footer.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    pub description: String,
    pub hint: Option<&'static str>,
}

use Action as A;
use Mode as M;

/// The default bindings. Several keys may share an action; the footer shows the first one
/// that has a hint.
#[rustfmt::skip]
const DEFAULTS: &[(Mode, &str, Action, &str, Option<&str>)] = &[
    (M::Browse, "j", A::Down, "move down", Some("move")),
    (M::Browse, "down", A::Down, "move down", None),
    (M::Browse, "k", A::Up, "move up", None),
    (M::Browse, "up", A::Up, "move up", None),
    (M::Browse, "g", A::Top, "go to the top", None),
    (M::Browse, "G", A::Bottom, "go to the bottom", None),
    (M::Browse, "pgup", A::PageUp, "page up", None),
    (M::Browse, "pgdn", A::PageDown, "page down", None),
    (M::Browse, "tab", A::NextPane, "next pane", Some("pane")),
    (M::Browse, "backtab", A::PrevPane, "previous pane", None),
    (M::Browse, "enter", A::Open, "open the selected entry", None),
    (M::Browse, "esc", A::Back, "clear the filter", None),
    (M::Browse, "/", A::Search, "filter contacts (fuzzy; several words must each match)", Some("search")),
    (M::Browse, "n", A::NewNote, "quick note for the selected contact", Some("note")),
    (M::Browse, "N", A::NewNeed, "new need for the selected contact", Some("need")),
    (M::Browse, "x", A::MeetNeed, "mark the selected need met", Some("met")),
    (M::Browse, "d", A::DropNeed, "drop the selected need", None),
    (M::Browse, "F", A::NewFollowUp, "new follow-up for the selected contact", None),
    (M::Browse, "a", A::AddContact, "add a contact", Some("add")),
    (M::Browse, "e", A::EditContact, "edit the selected contact in $EDITOR", None),
    (M::Browse, "E", A::EditEntry, "edit the selected entry in $EDITOR", None),
    (M::Browse, "s", A::CycleSort, "sort contacts: name / last contact / most overdue", None),
    (M::Browse, "t", A::ToggleTimelineScope, "timeline: this person / everyone", None),
    (M::Browse, "o", A::ToggleNeedsScope, "needs: this person / all open needs", None),
    (M::Browse, "!", A::ShowProblems, "show files with errors", None),
    (M::Browse, "?", A::Help, "show every key", Some("help")),
    (M::Browse, "q", A::Quit, "quit", Some("quit")),
    (M::Browse, "ctrl-c", A::Quit, "quit", None),
    (M::Search, "enter", A::Submit, "keep the filter and browse", Some("done")),
    (M::Search, "esc", A::Back, "clear the filter", Some("clear")),
    (M::Search, "down", A::Down, "move down", None),
    (M::Search, "up", A::Up, "move up", None),
    (M::Search, "backspace", A::Backspace, "delete a character", None),
    (M::Complete, "tab", A::CompleteAccept, "add the highlighted person", Some("add person")),
    (M::Complete, "down", A::CompleteNext, "next suggestion", None),
    (M::Complete, "up", A::CompletePrev, "previous suggestion", None),
    (M::Capture, "enter", A::Submit, "save the note", Some("save")),
    (M::Capture, "alt-enter", A::Newline, "new line", Some("newline")),
    (M::Capture, "ctrl-j", A::Newline, "new line", None),
    (M::Capture, "tab", A::CycleKind, "next kind (coffee, call, ...)", Some("kind")),
    (M::Capture, "esc", A::Back, "close (asks before discarding)", Some("cancel")),
    (M::Capture, "left", A::Left, "cursor left", None),
    (M::Capture, "right", A::Right, "cursor right", None),
    (M::Capture, "up", A::Up, "cursor up", None),
    (M::Capture, "down", A::Down, "cursor down", None),
    (M::Capture, "home", A::Home, "start of line", None),
    (M::Capture, "end", A::End, "end of line", None),
    (M::Capture, "alt-left", A::WordLeft, "word left", None),
    (M::Capture, "alt-right", A::WordRight, "word right", None),
    (M::Capture, "backspace", A::Backspace, "delete before the cursor", None),
    (M::Capture, "delete", A::Delete, "delete under the cursor", None),
    (M::Input, "enter", A::Submit, "confirm", Some("ok")),
    (M::Input, "esc", A::Back, "cancel", Some("cancel")),
    (M::Input, "left", A::Left, "cursor left", None),
    (M::Input, "right", A::Right, "cursor right", None),
    (M::Input, "home", A::Home, "start", None),
    (M::Input, "end", A::End, "end", None),
    (M::Input, "backspace", A::Backspace, "delete before the cursor", None),
    (M::Input, "delete", A::Delete, "delete under the cursor", None),
    (M::Confirm, "y", A::Yes, "yes", Some("yes")),
    (M::Confirm, "n", A::No, "no", Some("no")),
    (M::Confirm, "esc", A::No, "no", None),
    (M::View, "esc", A::Back, "close", Some("close")),
    (M::View, "q", A::Back, "close", None),
    (M::View, "enter", A::Back, "close", None),
    (M::View, "j", A::Down, "scroll down", Some("scroll")),
    (M::View, "down", A::Down, "scroll down", None),
    (M::View, "k", A::Up, "scroll up", None),
    (M::View, "up", A::Up, "scroll up", None),
    (M::View, "pgdn", A::PageDown, "page down", None),
    (M::View, "pgup", A::PageUp, "page up", None),
    (M::View, "g", A::Top, "top", None),
    (M::View, "G", A::Bottom, "bottom", None),
    (M::Drafts, "r", A::RestoreDraft, "restore the draft into the note editor", Some("restore")),
    (M::Drafts, "d", A::DiscardDraft, "discard the draft", Some("discard")),
    (M::Drafts, "l", A::Later, "keep it for later", Some("later")),
    (M::Drafts, "esc", A::Later, "keep it for later", None),
    (M::EditFailed, "e", A::EditAgain, "edit again (your text is kept)", Some("edit again")),
    (M::EditFailed, "r", A::Revert, "revert: keep the file as it was", Some("revert")),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(mode, key, action, desc, hint)| {
                Some(Binding {
                    mode: *mode,
                    key: Key::parse(key)?,
                    action: action.clone(),
                    description: (*desc).to_string(),
                    hint: *hint,
                })
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub fn lookup(&self, mode: Mode, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| &b.action)
    }

    /// What a key press means in `modes` (the first mode that binds it wins); in a text
    /// mode an unbound printable character is typed.
    pub fn resolve(&self, modes: &[Mode], ev: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(ev);
        for mode in modes {
            if let Some(a) = self.lookup(*mode, key) {
                return Some(a.clone());
            }
        }
        let typing = modes.iter().any(|m| m.takes_text());
        match key.code {
            KeyCode::Char(c)
                if typing
                    && !key
                        .mods
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// Footer hints for a mode: `(first key, label)`, one per action, in table order.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut seen: Vec<&Action> = Vec::new();
        let mut out = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == mode) {
            if let Some(hint) = b.hint
                && !seen.contains(&&b.action)
            {
                seen.push(&b.action);
                out.push((b.key.to_string(), hint));
            }
        }
        out
    }

    /// Every key bound to `action` in `mode`.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && &b.action == action)
            .map(|b| b.key.to_string())
            .collect()
    }

    /// Apply `[keys.MODE] "key" = "action"` overrides from a config file's text.
    pub fn with_overrides(mut self, config: &str) -> Result<Keymap, String> {
        let table: toml::Table = toml::from_str(config).map_err(|e| {
            let msg = e.message().to_string();
            match e.span() {
                Some(span) => {
                    let (line, col) = crate::store::line_col(config, span.start);
                    format!("{line}:{col}: {msg}")
                }
                None => msg,
            }
        })?;
        let Some(keys) = table.get("keys") else {
            return Ok(self);
        };
        let keys = keys
            .as_table()
            .ok_or("`keys` must be a table, like [keys.browse]")?;
        for (mode_name, bindings) in keys {
            let mode = Mode::parse(mode_name).ok_or_else(|| {
                let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
                format!(
                    "[keys.{mode_name}]: unknown mode; use one of {}",
                    names.join(", ")
                )
            })?;
            let bindings = bindings.as_table().ok_or_else(|| {
                format!("[keys.{mode_name}] must be a table of \"key\" = \"action\"")
            })?;
            for (key_text, action) in bindings {
                let key = Key::parse(key_text).ok_or_else(|| {
                    format!("[keys.{mode_name}]: cannot read key \"{key_text}\" (try \"j\", \"ctrl-j\", \"alt-enter\", \"pgdn\")")
                })?;
                let action_name = action.as_str().ok_or_else(|| {
                    format!("[keys.{mode_name}] \"{key_text}\": the action must be a string")
                })?;
                let action: Action = Action::deserialize(toml::Value::String(action_name.into()))
                    .map_err(|_| {
                    format!("[keys.{mode_name}] \"{key_text}\": unknown action \"{action_name}\"")
                })?;
                let description = self
                    .bindings
                    .iter()
                    .find(|b| b.mode == mode && b.action == action)
                    .map(|b| b.description.clone())
                    .unwrap_or_else(|| action_name.replace('_', " "));
                self.bindings.retain(|b| !(b.mode == mode && b.key == key));
                // A user's key goes first, so it wins and shows in the footer.
                self.bindings.insert(
                    0,
                    Binding {
                        mode,
                        key,
                        action,
                        description,
                        hint: None,
                    },
                );
            }
        }
        Ok(self)
    }
}

use serde::Deserialize;

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn keys_round_trip_through_text() {
        for s in [
            "j",
            "G",
            "ctrl-j",
            "alt-enter",
            "backtab",
            "pgdn",
            "space",
            "?",
        ] {
            let k = Key::parse(s).unwrap();
            assert_eq!(k.to_string(), s);
        }
        assert_eq!(Key::parse("shift-tab"), Key::parse("backtab"));
        assert_eq!(Key::parse("nope"), None);
    }

    #[test]
    fn shifted_letters_match_the_table() {
        let km = Keymap::default();
        let a = km.resolve(
            &[Mode::Browse],
            &ev(KeyCode::Char('G'), KeyModifiers::SHIFT),
        );
        assert_eq!(a, Some(Action::Bottom));
        let a = km.resolve(&[Mode::Browse], &ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(a, Some(Action::PrevPane));
    }

    #[test]
    fn text_modes_type_unbound_characters() {
        let km = Keymap::default();
        let a = km.resolve(
            &[Mode::Capture],
            &ev(KeyCode::Char('q'), KeyModifiers::NONE),
        );
        assert_eq!(a, Some(Action::Type('q')));
        let a = km.resolve(&[Mode::Browse], &ev(KeyCode::Char('z'), KeyModifiers::NONE));
        assert_eq!(a, None);
        let a = km.resolve(
            &[Mode::Capture],
            &ev(KeyCode::Char('j'), KeyModifiers::CONTROL),
        );
        assert_eq!(a, Some(Action::Newline));
    }

    #[test]
    fn completion_is_checked_before_capture() {
        let km = Keymap::default();
        let tab = ev(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(
            km.resolve(&[Mode::Complete, Mode::Capture], &tab),
            Some(Action::CompleteAccept)
        );
        assert_eq!(km.resolve(&[Mode::Capture], &tab), Some(Action::CycleKind));
    }

    #[test]
    fn footer_hints_come_from_the_table() {
        let hints = Keymap::default().hints(Mode::Browse);
        assert_eq!(hints[0], ("j".to_string(), "move"));
        assert!(hints.iter().any(|(k, h)| k == "n" && *h == "note"));
    }

    #[test]
    fn overrides_replace_and_add() {
        let km = Keymap::default()
            .with_overrides("[keys.browse]\n\"ctrl-n\" = \"new_note\"\n\"q\" = \"help\"\n")
            .unwrap();
        let a = km.resolve(
            &[Mode::Browse],
            &ev(KeyCode::Char('n'), KeyModifiers::CONTROL),
        );
        assert_eq!(a, Some(Action::NewNote));
        let a = km.resolve(&[Mode::Browse], &ev(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(a, Some(Action::Help));
    }

    #[test]
    fn bad_config_says_what_is_wrong() {
        let err = Keymap::default()
            .with_overrides("[keys.browse]\n\"q\" = \"fly\"\n")
            .unwrap_err();
        assert_eq!(err, "[keys.browse] \"q\": unknown action \"fly\"");
        let err = Keymap::default()
            .with_overrides("[keys.nowhere]\n")
            .unwrap_err();
        assert!(err.starts_with("[keys.nowhere]: unknown mode"), "{err}");
        let err = Keymap::default()
            .with_overrides("[keys.browse]\n\"hyper-q\" = \"quit\"\n")
            .unwrap_err();
        assert!(err.contains("cannot read key \"hyper-q\""), "{err}");
        let err = Keymap::default().with_overrides("keys = [").unwrap_err();
        assert!(err.starts_with("1:"), "{err}");
    }
}
