//! The status line ("saved", errors, files with problems) and the key hints, which come from
//! the keymap so they always tell the truth. However narrow the screen, the hints end with
//! the way to every key (`? help`) and out (`q quit`, or `esc close` in a popup): the others
//! give way first.

use super::Theme;
use super::text::{fit, line, width};
use crate::action::Action;
use crate::app::state::{AppState, Popup};
use crate::journal::Journal;
use crate::keymap::Keymap;
use crate::model::Severity;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn status(f: &mut Frame, area: Rect, state: &AppState, journal: &Journal, t: &Theme) {
    let w = usize::from(area.width);
    let broken = journal
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let (text, style) = match &state.status {
        Some(s) if s.error => (line(&s.text), t.fg(t.error)),
        Some(s) => (line(&s.text), t.fg(t.ok)),
        None if broken > 0 => (
            format!(
                "{broken} file{} {} errors — press ! to see",
                if broken == 1 { "" } else { "s" },
                if broken == 1 { "has" } else { "have" }
            ),
            t.fg(t.warning),
        ),
        None => (String::new(), Style::new()),
    };
    // The background sync's state at the right end, beside whatever the status says; the
    // status gives way first.
    let Some((sync, asks)) = &state.sync_line else {
        f.render_widget(
            Paragraph::new(Line::styled(fit(&format!(" {text}"), w), style)),
            area,
        );
        return;
    };
    let sync = fit(&format!("{} ", line(sync)), w);
    let left = fit(&format!(" {text}"), w.saturating_sub(width(&sync) + 1));
    let gap = w.saturating_sub(width(&left) + width(&sync));
    let sync_style = if *asks {
        t.fg(t.warning)
    } else {
        t.fg(t.muted)
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, style),
            Span::raw(" ".repeat(gap)),
            Span::styled(sync, sync_style),
        ])),
        area,
    );
}

/// The hints for the modes that apply now, first mode first, one per key.
fn hints(state: &AppState, keymap: &Keymap) -> Vec<(String, &'static str, Action)> {
    let mut out: Vec<(String, &'static str, Action)> = Vec::new();
    // A mode checked before another (suggestions before the note editor, the promise's
    // toggle before the question) adds to it: the keys underneath still work, except those
    // the first one takes over.
    for mode in state.modes() {
        for hint in keymap.hint_actions(*mode) {
            if !out.iter().any(|(k, ..)| *k == hint.0) {
                out.push(hint);
            }
        }
    }
    out
}

/// The hints that always stay: how to see every key, and how to leave.
fn essential(action: &Action) -> bool {
    matches!(action, Action::Help | Action::Quit | Action::Back)
}

/// `empty`: no one in the journal yet, so only adding someone (and help and quit) means
/// anything while browsing.
pub fn keys(f: &mut Frame, area: Rect, state: &AppState, keymap: &Keymap, empty: bool, t: &Theme) {
    let w = usize::from(area.width);
    let mut all = hints(state, keymap);
    if empty && state.modes() == [crate::keymap::Mode::Browse] {
        all.retain(|(_, _, a)| matches!(a, Action::AddContact | Action::Help | Action::Quit));
    }
    // A need met or dropped can only be put in new words.
    if let Some(Popup::Need(view)) = &state.popup
        && !view.open
    {
        all.retain(|(_, _, a)| {
            !matches!(a, Action::MeetNeed | Action::DropNeed | Action::MatchNeed)
        });
    }
    let piece = |(key, label, _): &(String, &'static str, Action)| width(key) + label.len() + 3;
    // In browse mode `esc` clears a filter: it is not the way out, `q` is.
    let browsing = all.iter().any(|(_, _, a)| *a == Action::Quit);
    let keep = |a: &Action| essential(a) && !(browsing && *a == Action::Back);
    let reserved: usize = all.iter().filter(|h| keep(&h.2)).map(piece).sum();
    let mut used = 1 + reserved;
    let mut shown: Vec<&(String, &'static str, Action)> = Vec::new();
    // The others in the table's order, until one does not fit: a later, shorter one never
    // jumps the queue.
    let mut full = false;
    for h in &all {
        if keep(&h.2) {
            shown.push(h);
        } else if !full && used + piece(h) <= w {
            used += piece(h);
            shown.push(h);
        } else {
            full = true;
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let mut room = w.saturating_sub(1);
    for (key, label, _) in shown {
        let key_w = width(key);
        if key_w + 1 > room {
            break;
        }
        spans.push(Span::styled(
            key.clone(),
            t.fg(t.accent).add_modifier(Modifier::BOLD),
        ));
        let label = fit(&format!(" {label}  "), room - key_w);
        room = room.saturating_sub(key_w + width(&label));
        spans.push(Span::styled(label, t.fg(t.label)));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
