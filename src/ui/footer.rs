//! The status line ("saved", errors, files with problems) and the key hints, which come from
//! the keymap so they always tell the truth.

use super::text::{fit, line};
use crate::app::state::AppState;
use crate::journal::Journal;
use crate::keymap::Keymap;
use crate::model::Severity;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn status(f: &mut Frame, area: Rect, state: &AppState, journal: &Journal) {
    let w = usize::from(area.width);
    let broken = journal
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let (text, style) = match &state.status {
        Some(s) if s.error => (line(&s.text), Style::new().fg(Color::Red)),
        Some(s) => (line(&s.text), Style::new().fg(Color::Green)),
        None if broken > 0 => (
            format!(
                "{broken} file{} {} errors — press ! to see",
                if broken == 1 { "" } else { "s" },
                if broken == 1 { "has" } else { "have" }
            ),
            Style::new().fg(Color::Yellow),
        ),
        None => (String::new(), Style::new()),
    };
    f.render_widget(
        Paragraph::new(Line::styled(fit(&format!(" {text}"), w), style)),
        area,
    );
}

pub fn keys(f: &mut Frame, area: Rect, state: &AppState, keymap: &Keymap) {
    let w = usize::from(area.width);
    let mode = state
        .modes()
        .first()
        .copied()
        .unwrap_or(crate::keymap::Mode::Browse);
    let mut hints = keymap.hints(mode);
    if mode == crate::keymap::Mode::Complete {
        // Capture keys still work underneath, except those the suggestions take over.
        let taken: Vec<String> = hints.iter().map(|(k, _)| k.clone()).collect();
        hints.extend(
            keymap
                .hints(crate::keymap::Mode::Capture)
                .into_iter()
                .filter(|(k, _)| !taken.contains(k)),
        );
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, label) in hints {
        let piece = super::text::width(&key) + label.len() + 3;
        if used + piece > w {
            break;
        }
        used += piece;
        spans.push(Span::styled(
            key,
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(
            format!(" {label}  "),
            Style::new().fg(Color::Gray),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
