//! `?`: every key with its description, generated from the keymap.

use super::text::{pad, wrap_spans};
use super::{Theme, popup_block};
use crate::action::Action;
use crate::keymap::{Keymap, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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
        Mode::View => "Help, entry, brief, weekly review and problem views",
        Mode::Match => "Who could help with a need (m)",
        Mode::Lists => "Reconnect (R) and today (T)",
        Mode::Stats => "Statistics (S)",
        Mode::Drafts => "Unsaved drafts from last time",
        Mode::EditFailed => "When an edit does not parse",
        Mode::PickNeed => "Which need (x or d with several open)",
        Mode::PickPerson => "Who to merge into the selected person (M)",
        Mode::Need => "A need opened with enter",
        Mode::Promise => "Noting a follow-up (F)",
    }
}

/// Every key, its description wrapped to `width` under the description column.
pub fn lines(keymap: &Keymap, t: &Theme, width: usize) -> Vec<Line<'static>> {
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
            out.extend(wrap_spans(
                &[
                    Span::styled(format!("  {} ", pad(&keys, 15)), t.fg(t.accent)),
                    Span::raw(b.description.clone()),
                ],
                width,
                18,
            ));
        }
        if mode == Mode::PickNeed {
            out.push(Line::styled(
                "  1-9             pick the need with that number",
                t.dim(),
            ));
        } else if mode.takes_text() {
            out.push(Line::styled("  (other keys type text)", t.dim()));
        }
        out.push(Line::default());
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, keymap: &Keymap, scroll: u16, t: &Theme) {
    let rect = super::text::centered(area, 76, area.height);
    let block = popup_block(f, rect, "Keys".into(), t);
    let lines = lines(keymap, t, usize::from(rect.width.saturating_sub(2)));
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
