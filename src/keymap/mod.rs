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
mod defaults;
mod key;

pub use key::Key;

use defaults::DEFAULTS;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    /// Who could help with a need (`m`): pick someone to introduce.
    Match,
    /// The reconnect (`R`) and today (`T`) lists.
    Lists,
    /// Drafts left from an earlier session.
    Drafts,
    /// An edit in `$EDITOR` that no longer parses.
    EditFailed,
    PickNeed,
    /// Who to merge into the selected person (`M`): typing a name, picking from the list.
    PickPerson,
    /// A need opened with Enter: its whole text and its actions.
    Need,
    /// The follow-up question, where tab switches between your promise and theirs
    /// (checked before `Input`).
    Promise,
    /// Search in everything: typing the query, moving through the hits.
    Find,
    /// The statistics screen (`S`): its pages, and the kind the months chart shows.
    Stats,
}

impl Mode {
    pub const ALL: [Mode; 17] = [
        Mode::Browse,
        Mode::Search,
        Mode::Find,
        Mode::Capture,
        Mode::Complete,
        Mode::Input,
        Mode::Confirm,
        Mode::View,
        Mode::Match,
        Mode::Lists,
        Mode::Stats,
        Mode::Drafts,
        Mode::EditFailed,
        Mode::PickNeed,
        Mode::PickPerson,
        Mode::Need,
        Mode::Promise,
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
            Mode::Match => "match",
            Mode::Lists => "lists",
            Mode::Drafts => "drafts",
            Mode::EditFailed => "edit_failed",
            Mode::PickNeed => "pick_need",
            Mode::PickPerson => "pick_person",
            Mode::Need => "need",
            Mode::Promise => "promise",
            Mode::Find => "find",
            Mode::Stats => "stats",
        }
    }

    fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == s)
    }

    /// Modes where an unbound printable key is typed as text (in the need picker: a need's
    /// number).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::Capture
                | Mode::Input
                | Mode::PickNeed
                | Mode::PickPerson
                | Mode::Find
        )
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
        self.hint_actions(mode)
            .into_iter()
            .map(|(key, hint, _)| (key, hint))
            .collect()
    }

    /// `hints`, with the action each one does (the footer keeps help and quit in view).
    pub fn hint_actions(&self, mode: Mode) -> Vec<(String, &'static str, Action)> {
        let mut seen: Vec<&Action> = Vec::new();
        let mut out = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == mode) {
            if let Some(hint) = b.hint
                && !seen.contains(&&b.action)
            {
                seen.push(&b.action);
                out.push((b.key.to_string(), hint, b.action.clone()));
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
                    let (line, col) = crate::model::line_col(config, span.start);
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
