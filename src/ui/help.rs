//! `?`: every key with its description, generated from the keymap.

use super::popup_block;
use super::text::pad;
use crate::action::Action;
use crate::keymap::{Keymap, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn heading(mode: Mode) -> &'static str {
    match mode {
        Mode::Browse => "Browsing",
        Mode::Search => "Filtering contacts (/)",
        Mode::Find => "Searching everything (tab in the filter, ctrl-f)",
        Mode::Capture => "Writing a note (n)",
        Mode::Complete => "While @name suggestions show",
        Mode::Input => "Answering a question",
        Mode::Confirm => "Yes/no questions",
        Mode::View => "Help, entry, brief and problem views",
        Mode::Match => "Who could help with a need (m)",
        Mode::Lists => "Reconnect (R) and today (T)",
        Mode::Drafts => "Unsaved drafts from last time",
        Mode::EditFailed => "When an edit does not parse",
        Mode::PickNeed => "Which need (x or d with several open)",
    }
}

pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        out.push(Line::styled(
            heading(mode),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let mut seen: Vec<&Action> = Vec::new();
        for b in keymap.bindings().iter().filter(|b| b.mode == mode) {
            if seen.contains(&&b.action) {
                continue;
            }
            seen.push(&b.action);
            let keys = keymap.keys_for(mode, &b.action).join(", ");
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {}", pad(&keys, 16)),
                    Style::new().fg(Color::Cyan),
                ),
                Span::raw(b.description.clone()),
            ]));
        }
        if mode == Mode::PickNeed {
            out.push(Line::styled(
                "  1-9             pick the need with that number",
                Style::new().fg(Color::DarkGray),
            ));
        } else if mode.takes_text() {
            out.push(Line::styled(
                "  (other keys type text)",
                Style::new().fg(Color::DarkGray),
            ));
        }
        out.push(Line::default());
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, keymap: &Keymap, scroll: u16) {
    let rect = super::text::centered(area, 76, area.height);
    let block = popup_block(f, rect, "Keys".into());
    let lines = lines(keymap);
    let max = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(rect.height.saturating_sub(2));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        rect,
    );
}
