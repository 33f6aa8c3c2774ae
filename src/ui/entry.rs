//! Enter on a timeline row: the whole entry.

use super::text::{line, relative_date};
use super::{Theme, popup_block};
use crate::journal::Journal;
use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(
    f: &mut Frame,
    area: Rect,
    journal: &Journal,
    id: &str,
    scroll: u16,
    now: DateTime<FixedOffset>,
    t: &Theme,
) {
    let rect = super::text::centered(area, 80, area.height.saturating_sub(2).max(8));
    let Some(e) = journal.entry(id) else {
        let block = popup_block(f, rect, "Entry".into(), t);
        f.render_widget(Paragraph::new("This entry is gone.").block(block), rect);
        return;
    };
    let label = |s: &str| Span::styled(format!("{s:<6} "), t.dim());
    let names: Vec<String> = e.with.iter().map(|w| line(journal.name_of(w))).collect();
    let mut lines = vec![
        Line::from(vec![
            label("When"),
            Span::raw(format!(
                "{} ({})",
                e.at.format("%a %Y-%m-%d %H:%M"),
                relative_date(e.at.date_naive(), now.date_naive())
            )),
        ]),
        Line::from(vec![
            label("Kind"),
            Span::styled(line(e.kind.as_str()), t.fg(t.accent)),
        ]),
        Line::from(vec![label("With"), Span::raw(names.join(", "))]),
        Line::default(),
    ];
    for l in crate::sanitize::inert(&e.note).lines() {
        lines.push(Line::raw(l.replace('\t', "    ")));
    }
    for (name, value) in [("Gave", &e.gave), ("Asked", &e.asked)] {
        if let Some(v) = value {
            lines.push(Line::default());
            lines.push(Line::from(vec![label(name), Span::raw(line(v))]));
        }
    }
    // Counted before wrapping: enough to stop `G` from scrolling past the last line.
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let max = total.saturating_sub(1);
    let block = popup_block(f, rect, format!("Entry {}", line(&e.id)), t);
    let para = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    f.render_widget(para.scroll((scroll.min(max), 0)), rect);
}
