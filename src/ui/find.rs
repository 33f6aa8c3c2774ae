//! Search in everything: the query, a line saying how many hits (or that the index is still
//! being built), then each hit on two lines: whose and where ("Priya Raman · message, Fri 19
//! Dec 2025"), and the text around what matched, the typed words highlighted.

use super::text::{fit, line, pad, scroll_offset, width};
use super::{Theme, popup_block};
use crate::app::found::FindView;
use crate::find::{Hit, Readiness, snippet, text_at};
use crate::journal::Journal;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Rows a hit takes.
const ROWS: usize = 2;

fn mark(t: &Theme) -> Style {
    t.fg(t.matched)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    journal: &Journal,
    view: &FindView,
    today: NaiveDate,
    t: &Theme,
) {
    let block = popup_block(f, area, "Search everything".into(), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    if w < 4 || inner.height < 3 {
        return;
    }
    let query = view.editor.text();
    let shown = line(query);
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", t.fg(t.accent)),
        Span::raw(fit(&shown, w.saturating_sub(2))),
    ])];
    lines.push(Line::styled(fit(&summary(view), w), t.dim()));
    let rows = usize::from(inner.height).saturating_sub(lines.len());
    let fits = (rows / ROWS).max(1);
    let offset = scroll_offset(view.sel, fits);
    for (i, hit) in view.found.hits.iter().enumerate().skip(offset).take(fits) {
        lines.extend(hit_lines(
            journal,
            hit,
            &view.found.words,
            i == view.sel,
            w,
            today,
            t,
        ));
    }
    f.render_widget(Paragraph::new(lines), inner);
    let before = view.editor.text().get(..view.editor.cursor()).unwrap_or("");
    let x = inner.x + u16::try_from(2 + width(&line(before))).unwrap_or(u16::MAX);
    f.set_cursor_position(Position::new(
        x.min(inner.right().saturating_sub(1)),
        inner.y,
    ));
}

/// How many were found, or why there is nothing (yet).
fn summary(view: &FindView) -> String {
    let found = &view.found;
    let words = found.words.len();
    let n = found.total;
    let count = match n {
        1 => "1 found".to_string(),
        n if n > found.hits.len() => format!("{n} found, the first {} listed", found.hits.len()),
        n => format!("{n} found"),
    };
    match found.readiness {
        Some(Readiness::Indexing) => "still indexing notes and needs… (a moment)".into(),
        _ if words == 0 => "type to look in names, notes, needs, promises and cards".into(),
        Some(Readiness::Partial) => format!("{count} so far — still indexing, more may come"),
        Some(Readiness::OlderMonths) => {
            format!("{count} so far — older months are still loading")
        }
        _ if n == 0 => "nothing found (every word must match the start of a word)".into(),
        _ => count,
    }
}

fn hit_lines(
    journal: &Journal,
    hit: &Hit,
    words: &[String],
    selected: bool,
    w: usize,
    today: NaiveDate,
    t: &Theme,
) -> Vec<Line<'static>> {
    let person = hit.person.as_deref();
    let name = person.map_or_else(String::new, |id| line(journal.name_of(id)));
    let label = hit.place.label(journal, person, today);
    let base = if selected {
        t.selected(true)
    } else {
        Style::new()
    };
    let lead = if selected { "▶ " } else { "  " };
    let head_w = w.saturating_sub(2);
    let name_w = width(&name).min(head_w.saturating_sub(width(&label) + 3).max(head_w / 2));
    let head = vec![
        Span::styled(lead, base),
        Span::styled(fit(&name, name_w), base.add_modifier(Modifier::BOLD)),
        Span::styled(
            pad(
                &format!(" · {label}"),
                head_w.saturating_sub(width(&fit(&name, name_w))),
            ),
            base.fg(t.accent),
        ),
    ];
    let text = text_at(journal, person, &hit.place).unwrap_or_default();
    let body_w = w.saturating_sub(4);
    let cut = snippet(&text, words, body_w);
    let shown = fit(&cut.text, body_w);
    // `fit` keeps a prefix: marks past what shows are dropped; one cut in two is shortened.
    let end = if shown == cut.text {
        shown.len()
    } else {
        shown.len().saturating_sub('…'.len_utf8())
    };
    let mut body = vec![Span::raw("    ")];
    let mut at = 0;
    for m in &cut.marks {
        let (from, to) = (m.start.min(end), m.end.min(end));
        if from < at || from >= to {
            continue;
        }
        body.push(Span::raw(shown[at..from].to_string()));
        body.push(Span::styled(shown[from..to].to_string(), mark(t)));
        at = to;
    }
    body.push(Span::raw(shown.get(at..).unwrap_or("").to_string()));
    vec![Line::from(head), Line::from(body)]
}
