//! A key as written in the keymap and in config files, and as read from the terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key as written in the table and in config files: `j`, `G`, `ctrl-j`, `alt-enter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(super) const NAMED: [(&str, KeyCode); 15] = [
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
