//! `config.toml`: the keys (`[keys.MODE]`, read by the keymap), the colours (`[theme]`, or
//! `theme = "light"`) and the mouse (`mouse = false`). Every key and every value is checked:
//! anything rolo does not know is reported with its line and column, never skipped quietly,
//! so a typo cannot leave a person wondering why their setting does nothing.

use crate::keymap::Keymap;
use crate::model::line_col;
use crate::ui::theme::{self, PRESETS, ROLES, Theme};
use toml_edit::{Document, Item, Key, Value};

/// What the TUI takes from `config.toml`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Clicks and the wheel (on unless `mouse = false`).
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            theme: Theme::default(),
            mouse: true,
        }
    }
}

/// The settings `config.toml` may hold at its top level.
const TOP: [&str; 3] = ["keys", "theme", "mouse"];

impl Settings {
    /// Read a config file's text. `no_color`: the `NO_COLOR` convention is in force, so the
    /// theme's colours give way to the terminal's own (the file is still checked). `Err` is
    /// one line, `line:col: what is wrong`, for the caller to put after the file's path.
    pub fn parse(text: &str, no_color: bool) -> Result<Settings, String> {
        let doc = Document::parse(text).map_err(|e| {
            let at = e.span().map(|s| line_col(text, s.start));
            match at {
                Some((l, c)) => format!("{l}:{c}: {}", e.message().trim()),
                None => e.message().trim().to_string(),
            }
        })?;
        let at = |span: Option<std::ops::Range<usize>>| {
            let (l, c) = line_col(text, span.map_or(0, |s| s.start));
            format!("{l}:{c}")
        };
        let root = doc.as_table();
        let mut settings = Settings::default();
        for (name, item) in root.iter() {
            let place = at(root.key(name).and_then(Key::span));
            match name {
                "keys" => {}
                // Read by their own readers (`history::config`, `serve::vocabulary`).
                "history" | "sync" | "related" => {}
                "theme" => settings.theme = read_theme(item, &at, &place)?,
                "mouse" => {
                    settings.mouse = item.as_bool().ok_or_else(|| {
                        format!("{}: `mouse` must be true or false", at(item.span()))
                    })?;
                }
                other => {
                    return Err(format!(
                        "{place}: unknown setting \"{other}\"; config.toml knows {}",
                        TOP.join(", ")
                    ));
                }
            }
        }
        settings.keymap = Keymap::default().with_overrides(text)?;
        if no_color {
            settings.theme = Theme::plain();
        }
        Ok(settings)
    }
}

/// `theme = "light"`, or a `[theme]` table: an optional `preset`, then colours by role.
fn read_theme(
    item: &Item,
    at: &dyn Fn(Option<std::ops::Range<usize>>) -> String,
    place: &str,
) -> Result<Theme, String> {
    let preset = |name: &str, span| {
        Theme::preset(name).ok_or_else(|| {
            format!(
                "{}: unknown theme \"{name}\"; the presets are {}",
                at(span),
                PRESETS.join(" and ")
            )
        })
    };
    if let Some(name) = item.as_str() {
        return preset(name, item.span());
    }
    let Some(table) = item.as_table_like() else {
        return Err(format!(
            "{place}: `theme` must be a preset (\"dark\" or \"light\") or a [theme] table of colours"
        ));
    };
    let mut theme = match table.get("preset") {
        Some(p) => match p.as_str() {
            Some(name) => preset(name, p.span())?,
            None => {
                return Err(format!(
                    "{}: [theme] preset must be \"dark\" or \"light\"",
                    at(p.span())
                ));
            }
        },
        None => Theme::default(),
    };
    for (role, value) in table.iter() {
        if role == "preset" {
            continue;
        }
        if !ROLES.contains(&role) {
            return Err(format!(
                "{}: [theme] unknown key \"{role}\"; the roles are {}, and preset",
                at(table.key(role).and_then(Key::span)),
                ROLES.join(", ")
            ));
        }
        let Some(colour) = item_colour(value) else {
            let written = value
                .as_value()
                .map(|v| v.to_string().trim().to_string())
                .unwrap_or_else(|| "a table".into());
            return Err(format!(
                "{}: [theme] {role}: unknown colour {written}; use a name (\"cyan\", \"dark gray\", \"light red\"), \"#rrggbb\", a number 0-255 or \"default\"",
                at(value.span().or_else(|| table.key(role).and_then(Key::span)))
            ));
        };
        // Known above: setting it cannot fail.
        let _ = theme.set(role, colour);
    }
    Ok(theme)
}

fn item_colour(item: &Item) -> Option<ratatui::style::Color> {
    match item.as_value()? {
        Value::String(s) => theme::colour(s.value()),
        Value::Integer(n) => u8::try_from(*n.value())
            .ok()
            .map(ratatui::style::Color::Indexed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn an_empty_file_is_the_defaults() {
        let s = Settings::parse("", false).unwrap();
        assert_eq!(s.theme, Theme::dark());
        assert!(s.mouse);
    }

    #[test]
    fn a_theme_table_sets_roles_on_a_preset() {
        let text = "mouse = false\n\n[theme]\npreset = \"light\"\naccent = \"#ff8800\"\nneed = 208\nborder = \"dark gray\"\n";
        let s = Settings::parse(text, false).unwrap();
        assert!(!s.mouse);
        let mut want = Theme::light();
        want.accent = Color::Rgb(255, 136, 0);
        want.need = Color::Indexed(208);
        want.border = Color::DarkGray;
        assert_eq!(s.theme, want);
        assert_eq!(
            Settings::parse("theme = \"light\"\n", false).unwrap().theme,
            Theme::light()
        );
        // An inline table reads the same.
        let s = Settings::parse("theme = { accent = \"red\" }\n", false).unwrap();
        assert_eq!(s.theme.accent, Color::Red);
    }

    #[test]
    fn the_tables_other_readers_read_are_left_to_them() {
        let text = "mouse = false\n[history]\ngit = true\n[sync]\nauto = false\n[[related]]\nterms = [\"a\", \"b\"]\n";
        assert!(!Settings::parse(text, false).unwrap().mouse);
    }

    #[test]
    fn an_unknown_key_is_reported_at_its_line() {
        let text = "[theme]\naccent = \"blue\"\n\nacent = \"red\"\n";
        let err = Settings::parse(text, false).unwrap_err();
        assert!(
            err.starts_with("4:1: [theme] unknown key \"acent\"; the roles are accent,"),
            "{err}"
        );
        let err = Settings::parse("[theme]\nneed = \"blurple\"\n", false).unwrap_err();
        assert!(
            err.starts_with("2:8: [theme] need: unknown colour \"blurple\""),
            "{err}"
        );
        let err = Settings::parse("\ntheme = \"solarized\"\n", false).unwrap_err();
        assert_eq!(
            err,
            "2:9: unknown theme \"solarized\"; the presets are dark and light"
        );
        let err = Settings::parse("mouse = \"no\"\n", false).unwrap_err();
        assert_eq!(err, "1:9: `mouse` must be true or false");
        let err = Settings::parse("[keys.browse]\n\n[colours]\n", false).unwrap_err();
        assert!(err.starts_with("3:2: unknown setting \"colours\""), "{err}");
        let err = Settings::parse("[theme]\nneed = 300\n", false).unwrap_err();
        assert!(
            err.starts_with("2:8: [theme] need: unknown colour 300"),
            "{err}"
        );
    }

    #[test]
    fn no_color_wins_over_every_theme() {
        let text = "[theme]\npreset = \"light\"\naccent = \"red\"\n";
        let s = Settings::parse(text, true).unwrap();
        assert_eq!(s.theme, Theme::plain());
        // And the file is still checked.
        assert!(Settings::parse("[theme]\nacent = \"red\"\n", true).is_err());
    }

    #[test]
    fn keys_still_read_beside_the_theme() {
        let text = "[keys.browse]\n\"w\" = \"quit\"\n\n[theme]\naccent = \"blue\"\n";
        let s = Settings::parse(text, false).unwrap();
        let w = ratatui::crossterm::event::KeyEvent::from(
            ratatui::crossterm::event::KeyCode::Char('w'),
        );
        assert_eq!(
            s.keymap.resolve(&[crate::keymap::Mode::Browse], &w),
            Some(crate::action::Action::Quit)
        );
        let err = Settings::parse("[keys.browse]\n\"q\" = \"fly\"\n", false).unwrap_err();
        assert_eq!(err, "[keys.browse] \"q\": unknown action \"fly\"");
    }
}
