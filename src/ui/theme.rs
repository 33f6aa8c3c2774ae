//! The colours of the screen, by role. Every widget asks the theme for a role ("the frame of
//! the focused pane", "an overdue promise") instead of naming a colour, so a person can change
//! them in `config.toml`:
//!
//! ```toml
//! [theme]
//! preset = "light"     # or "dark", the default
//! accent = "blue"      # a name, "#rrggbb", or a number from the 256-colour palette
//! ```
//!
//! `theme = "light"` alone picks a preset. `NO_COLOR` wins over all of it (`Theme::plain`):
//! bold, underline and reversed text stay, colours go.

use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;

/// One colour per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The focused pane's frame, headings, key names in the footer, an entry's kind.
    pub accent: Color,
    /// The frames of the other panes.
    pub border: Color,
    /// Quiet text: ages, hints, what is done or dropped.
    pub muted: Color,
    /// Secondary text: dates, the labels next to keys, the days column.
    pub label: Color,
    /// Other people's names in a row.
    pub person: Color,
    /// Open needs.
    pub need: Color,
    /// Overdue promises and people past their rhythm.
    pub overdue: Color,
    /// Errors: a file that does not load, a save that failed.
    pub error: Color,
    /// Something went well: saved, met, given.
    pub ok: Color,
    /// The status line when something needs a look.
    pub warning: Color,
    /// The letters a filter matched.
    pub matched: Color,
    /// Birthdays.
    pub birthday: Color,
    /// The frame of a popup.
    pub popup: Color,
    /// What you asked of someone, in the brief.
    pub asked: Color,
}

/// The role names as written in `[theme]`, in the order `Theme::set` knows them.
pub const ROLES: [&str; 14] = [
    "accent", "border", "muted", "label", "person", "need", "overdue", "error", "ok", "warning",
    "matched", "birthday", "popup", "asked",
];

/// The presets `preset = "..."` (or `theme = "..."`) names.
pub const PRESETS: [&str; 2] = ["dark", "light"];

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// For a dark background: the colours rolo always had.
    pub fn dark() -> Theme {
        Theme {
            accent: Color::Cyan,
            border: Color::DarkGray,
            muted: Color::DarkGray,
            label: Color::Gray,
            person: Color::Green,
            need: Color::Yellow,
            overdue: Color::Red,
            error: Color::Red,
            ok: Color::Green,
            warning: Color::Yellow,
            matched: Color::Yellow,
            birthday: Color::Magenta,
            popup: Color::Yellow,
            asked: Color::Blue,
        }
    }

    /// For a light background: no yellow or light grey text, which vanish on white.
    pub fn light() -> Theme {
        Theme {
            accent: Color::Blue,
            border: Color::Gray,
            muted: Color::DarkGray,
            label: Color::DarkGray,
            person: Color::Green,
            need: Color::Indexed(130),
            overdue: Color::Red,
            error: Color::Red,
            ok: Color::Green,
            warning: Color::Indexed(130),
            matched: Color::Magenta,
            birthday: Color::Magenta,
            popup: Color::Blue,
            asked: Color::Blue,
        }
    }

    /// `NO_COLOR`: the terminal's own colours everywhere.
    pub fn plain() -> Theme {
        let r = Color::Reset;
        Theme {
            accent: r,
            border: r,
            muted: r,
            label: r,
            person: r,
            need: r,
            overdue: r,
            error: r,
            ok: r,
            warning: r,
            matched: r,
            birthday: r,
            popup: r,
            asked: r,
        }
    }

    pub fn preset(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            _ => None,
        }
    }

    /// Set one role. `Err` says which part was wrong: the role or the colour.
    pub fn set(&mut self, role: &str, colour: Color) -> Result<(), UnknownRole> {
        let slot = match role {
            "accent" => &mut self.accent,
            "border" => &mut self.border,
            "muted" => &mut self.muted,
            "label" => &mut self.label,
            "person" => &mut self.person,
            "need" => &mut self.need,
            "overdue" => &mut self.overdue,
            "error" => &mut self.error,
            "ok" => &mut self.ok,
            "warning" => &mut self.warning,
            "matched" => &mut self.matched,
            "birthday" => &mut self.birthday,
            "popup" => &mut self.popup,
            "asked" => &mut self.asked,
            _ => return Err(UnknownRole),
        };
        *slot = colour;
        Ok(())
    }

    // ----- the styles widgets use -----

    pub fn fg(&self, colour: Color) -> Style {
        Style::new().fg(colour)
    }

    pub fn dim(&self) -> Style {
        self.fg(self.muted)
    }

    pub fn heading(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }

    /// A selected row: reversed when its pane has focus, bold otherwise. Reversed reads on
    /// any background and with no colour at all.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

/// A role `[theme]` does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownRole;

/// A colour as written in `[theme]`: a name ("cyan", "dark gray", "light-red"), "#rrggbb", a
/// palette number 0 to 255, or "default" for the terminal's own.
pub fn colour(text: &str) -> Option<Color> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("default") || t.eq_ignore_ascii_case("none") {
        return Some(Color::Reset);
    }
    if t.is_empty() {
        return None;
    }
    Color::from_str(t).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_can_be_set_by_its_name() {
        for role in ROLES {
            let mut t = Theme::plain();
            assert_eq!(t.set(role, Color::Red), Ok(()), "{role}");
            assert_ne!(t, Theme::plain(), "{role} changed nothing");
        }
        assert_eq!(Theme::dark().set("acent", Color::Red), Err(UnknownRole));
    }

    #[test]
    fn colours_read_as_people_write_them() {
        assert_eq!(colour("cyan"), Some(Color::Cyan));
        assert_eq!(colour("Dark Gray"), Some(Color::DarkGray));
        assert_eq!(colour("light-red"), Some(Color::LightRed));
        assert_eq!(colour("#ff8800"), Some(Color::Rgb(255, 136, 0)));
        assert_eq!(colour("208"), Some(Color::Indexed(208)));
        assert_eq!(colour("default"), Some(Color::Reset));
        assert_eq!(colour("blurple"), None);
        assert_eq!(colour("#ff88"), None);
        assert_eq!(colour(""), None);
    }

    #[test]
    fn the_presets_differ_where_a_light_background_needs_it() {
        assert_eq!(Theme::preset("dark"), Some(Theme::dark()));
        assert_eq!(Theme::preset("Light"), Some(Theme::light()));
        assert_eq!(Theme::preset("solarized"), None);
        // Yellow text on white cannot be read.
        assert_ne!(Theme::light().need, Color::Yellow);
        assert_ne!(Theme::light().label, Color::Gray);
    }
}
