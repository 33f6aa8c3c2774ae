//! The first start, on a journal with no one in it yet: what rolo is, where the journal lives,
//! and the ways to begin (add someone, bring an address book in, or try the demo). Sized for
//! 80×24 and readable down to the smallest screen rolo draws on; the keys named are the ones
//! bound now, so a changed keymap is told truthfully.

use super::text::{centered, line, width, wrap_spans, wrap_text};
use super::{Theme, popup_block};
use crate::action::Action;
use crate::app::state::AppState;
use crate::keymap::{Keymap, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const MAX_W: u16 = 78;

fn key(keymap: &Keymap, action: &Action, fallback: &str) -> String {
    keymap
        .keys_for(Mode::Browse, action)
        .into_iter()
        .next()
        .unwrap_or_else(|| fallback.to_string())
}

pub fn lines(state: &AppState, keymap: &Keymap, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let w = w.max(1);
    let mut out = wrap_text(
        "A journal for the people in your life: what you talked about, what they need, what you promised. No one is in it yet.",
        Style::new(),
        w,
        0,
    );
    out.push(Line::default());
    let place = state
        .place
        .as_deref()
        .map(line)
        .unwrap_or_else(|| "your data folder".into());
    out.extend(wrap_spans(
        &[
            Span::raw("Your journal lives in "),
            Span::styled(place, Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(", as plain TOML files you can read, edit and keep in git."),
        ],
        w,
        0,
    ));
    out.push(Line::default());
    out.push(Line::styled("To begin".to_string(), t.heading()));
    let add = key(keymap, &Action::AddContact, "a");
    let steps = [
        (add, "add the first person".to_string()),
        (
            "rolo import FILE".to_string(),
            "in a shell: bring in an address book (vCard, LinkedIn or Google CSV); it shows what it would do first".to_string(),
        ),
        (
            "rolo --demo".to_string(),
            "in a shell: try rolo on a demo journal; yours is not touched".to_string(),
        ),
    ];
    // The keys in a column when there is room for it, above their words when not.
    let col = steps.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 4;
    for (k, what) in steps {
        if w >= col + 24 {
            out.extend(wrap_spans(
                &[
                    Span::styled(
                        format!("  {k:<pad$}", pad = col - 2),
                        t.fg(t.accent).add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(what),
                ],
                w,
                col,
            ));
        } else {
            out.push(Line::styled(
                format!("  {k}"),
                t.fg(t.accent).add_modifier(Modifier::BOLD),
            ));
            out.extend(
                wrap_text(&what, Style::new(), w.saturating_sub(4).max(1), 0)
                    .into_iter()
                    .map(|l| {
                        let mut l = l;
                        l.spans.insert(0, Span::raw("    "));
                        l
                    }),
            );
        }
    }
    out.push(Line::default());
    let help = key(keymap, &Action::Help, "?");
    let quit = key(keymap, &Action::Quit, "q");
    out.extend(wrap_text(
        &format!("{help} shows every key · {quit} quits"),
        t.dim(),
        w,
        0,
    ));
    out
}

pub fn draw(f: &mut Frame, area: Rect, state: &AppState, keymap: &Keymap, t: &Theme) {
    let w = usize::from(area.width.min(MAX_W).saturating_sub(4)).max(1);
    let body = lines(state, keymap, w, t);
    // A blank line above and below the text when the screen has room for them.
    let margin = usize::from(body.len() + 4 <= usize::from(area.height));
    let want = u16::try_from(body.len() + 2 + 2 * margin).unwrap_or(u16::MAX);
    let rect = centered(area, MAX_W, want);
    let block = popup_block(f, rect, "Welcome to rolo".into(), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let top = u16::try_from(margin).unwrap_or(0);
    let text = Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        y: inner.y.saturating_add(top).min(inner.bottom()),
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(top),
    };
    f.render_widget(Paragraph::new(body), text);
}
