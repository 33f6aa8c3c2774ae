//! `b`: the brief, full screen and scrollable — what to read two minutes before a coffee.
//! The same sections and phrases as `rolo brief`; every string from a file is made inert.

use super::helpers::reason_spans;
use super::text::{line, wrap_spans};
use super::{dim, popup_block};
use crate::journal::Journal;
use crate::sanitize::inert;
use crate::serve::Brief;
use crate::serve::brief_words as words;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Collects wrapped lines for one width.
struct Page {
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Page {
    fn push(&mut self, spans: Vec<Span<'static>>, indent: usize) {
        self.lines.extend(wrap_spans(&spans, self.width, indent));
    }

    fn text(&mut self, s: String) {
        self.push(vec![Span::raw(s)], 0);
    }

    fn styled(&mut self, s: String, style: Style, indent: usize) {
        self.push(vec![Span::styled(s, style)], indent);
    }

    fn heading(&mut self, s: &str) {
        self.lines.push(Line::default());
        self.lines.push(Line::styled(
            s.to_string(),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
    }

    fn item(&mut self, s: String, style: Style) {
        self.styled(format!("• {s}"), style, 2);
    }

    fn detail(&mut self, s: String, style: Style) {
        self.styled(format!("    {s}"), style, 4);
    }
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// The brief as lines wrapped to `width`.
pub fn lines(j: &Journal, b: &Brief, today: NaiveDate, width: usize) -> Vec<Line<'static>> {
    let mut p = Page {
        width,
        lines: Vec::new(),
    };
    who(&mut p, b, today);
    needs(&mut p, j, b, today);
    promises(&mut p, b, today);
    meet(&mut p, j, b);
    if !b.contact.can_help_with.is_empty() {
        p.heading("They can help others with");
        let list: Vec<String> = b.contact.can_help_with.iter().map(|s| line(s)).collect();
        p.text(list.join(", "));
    }
    balance(&mut p, b, today);
    recent(&mut p, j, b, today);
    p.lines
}

fn who(p: &mut Page, b: &Brief, today: NaiveDate) {
    let c = &b.contact;
    let work: Vec<&str> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !work.is_empty() {
        p.styled(line(&work.join(" at ")), bold(), 0);
    }
    if let Some(m) = c.met.as_deref().filter(|m| !m.trim().is_empty()) {
        p.text(format!("How you met: {}", line(m)));
    }
    p.text(words::facts(b, today));
    if let Some(bd) = &b.birthday {
        p.styled(words::birthday(bd), bold().fg(Color::Magenta), 0);
    }
}

fn needs(p: &mut Page, j: &Journal, b: &Brief, today: NaiveDate) {
    p.heading("Open needs");
    if b.needs.is_empty() {
        p.styled(
            "Nothing open right now. Ask what they are working on.".into(),
            dim(),
            0,
        );
    }
    for n in &b.needs {
        p.push(
            vec![
                Span::styled(
                    format!("• {}", words::need_title(n)),
                    Style::new().fg(Color::Yellow),
                ),
                Span::styled(format!(" · {}", words::need_age(n, today)), dim()),
            ],
            2,
        );
        for e in &n.done {
            p.detail(words::already(e, today), Style::new());
        }
        let (helpers, quiet) = words::helpers(j, n);
        p.detail(helpers, if quiet { dim() } else { Style::new() });
    }
}

fn promises(p: &mut Page, b: &Brief, today: NaiveDate) {
    p.heading("Your promises to them");
    if b.follow_ups.is_empty() {
        p.styled("None open.".into(), dim(), 0);
    }
    for f in &b.follow_ups {
        let (text, late) = words::promise(f, today);
        let style = if late {
            bold().fg(Color::Red)
        } else {
            Style::new()
        };
        p.item(text, style);
    }
}

fn meet(p: &mut Page, j: &Journal, b: &Brief) {
    if b.meet.is_empty() {
        return;
    }
    p.heading("People they may want to meet");
    for s in &b.meet {
        let name = j
            .contact(s.helper.ix)
            .map(|c| line(&c.name))
            .unwrap_or_default();
        let mut spans = vec![Span::styled(format!("• {name}"), bold())];
        if let Some(r) = s.helper.reasons.first() {
            spans.push(Span::raw(": "));
            spans.extend(reason_spans(r));
        }
        spans.push(Span::styled(format!(" (for #{})", s.need_id), dim()));
        p.push(spans, 2);
    }
}

fn balance(p: &mut Page, b: &Brief, today: NaiveDate) {
    p.heading("Give and ask, last 12 months");
    for text in words::balance(&b.balance, today) {
        p.item(text, Style::new());
    }
}

fn recent(p: &mut Page, j: &Journal, b: &Brief, today: NaiveDate) {
    p.heading(&words::recent_heading(b));
    if b.recent.is_empty() {
        p.styled("Nothing logged yet.".into(), dim(), 0);
    }
    for e in &b.recent {
        p.item(words::recent_title(j, &b.contact, e, today), bold());
        for l in inert(&e.note).lines() {
            p.detail(l.replace('\t', "    "), Style::new());
        }
        if let Some(g) = e.gave.as_deref().filter(|g| !g.trim().is_empty()) {
            p.detail(format!("gave: {}", line(g)), Style::new().fg(Color::Green));
        }
        if let Some(a) = e.asked.as_deref().filter(|a| !a.trim().is_empty()) {
            p.detail(format!("asked: {}", line(a)), Style::new().fg(Color::Blue));
        }
    }
}

/// Draw over the whole main area. Returns the furthest useful scroll, so the loop can keep
/// `G` then `k` from scrolling through nothing.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    journal: &Journal,
    b: &Brief,
    scroll: u16,
    today: NaiveDate,
) -> u16 {
    let block = popup_block(f, area, format!("Brief · {}", line(&b.contact.name)));
    let inner = block.inner(area);
    f.render_widget(block, area);
    // One column of margin reads better than text against the border.
    let w = usize::from(inner.width.saturating_sub(2)).max(1);
    let lines = lines(journal, b, today, w);
    let max =
        u16::try_from(lines.len().saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX);
    let scroll = scroll.min(max);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(inner.height))
        .collect();
    let text = Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(1),
        ..inner
    };
    f.render_widget(Paragraph::new(shown), text);
    max
}
