//! `b`: the brief, full screen and scrollable — what to read two minutes before a coffee.
//! The same sections and phrases as `rolo brief`; every string from a file is made inert.

use super::helpers::reason_spans;
use super::text::{line, wrap_spans};
use super::{Theme, popup_block};
use crate::journal::Journal;
use crate::sanitize::inert;
use crate::serve::Brief;
use crate::serve::brief_words as words;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Collects wrapped lines for one width.
struct Page<'t> {
    width: usize,
    lines: Vec<Line<'static>>,
    t: &'t Theme,
}

impl Page<'_> {
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
        self.lines
            .push(Line::styled(s.to_string(), self.t.heading()));
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
pub fn lines(
    j: &Journal,
    b: &Brief,
    today: NaiveDate,
    width: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let mut p = Page {
        width,
        lines: Vec::new(),
        t,
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
    let t = p.t;
    if let Some(work) = words::work(c) {
        p.styled(work, bold(), 0);
    }
    if let Some(reach) = words::reach(c) {
        p.styled(reach, t.fg(t.label), 0);
    }
    if let Some(m) = c.met.as_deref().filter(|m| !m.trim().is_empty()) {
        p.text(format!("How you met: {}", line(m)));
    }
    p.text(words::facts(b, today));
    if let Some(bd) = &b.birthday {
        p.styled(words::birthday(bd), bold().fg(t.birthday), 0);
    }
    // Their notes, as written: line breaks kept, each line wrapped.
    for l in words::notes(c) {
        p.text(l);
    }
}

fn needs(p: &mut Page, j: &Journal, b: &Brief, today: NaiveDate) {
    p.heading("Open needs");
    if b.needs.is_empty() {
        let quiet = p.t.dim();
        p.styled(
            "Nothing open right now. Ask what they are working on.".into(),
            quiet,
            0,
        );
    }
    for n in &b.needs {
        p.push(
            vec![
                Span::styled(format!("• {}", words::need_title(n)), p.t.fg(p.t.need)),
                Span::styled(format!(" · {}", words::need_age(n, today)), p.t.dim()),
            ],
            2,
        );
        for e in &n.done {
            p.detail(words::already(e, today), Style::new());
        }
        let (helpers, quiet) = words::helpers(j, n);
        let style = if quiet { p.t.dim() } else { Style::new() };
        p.detail(helpers, style);
    }
}

fn promises(p: &mut Page, b: &Brief, today: NaiveDate) {
    let t = p.t;
    p.heading("Your promises to them");
    if b.follow_ups.is_empty() {
        p.styled("None open.".into(), t.dim(), 0);
    }
    let late_style = |late: bool| {
        if late {
            bold().fg(t.overdue)
        } else {
            Style::new()
        }
    };
    for f in &b.follow_ups {
        let (text, late) = words::promise(f, today);
        p.item(text, late_style(late));
    }
    if !b.theirs.is_empty() {
        p.heading("Their promises to you");
        for f in &b.theirs {
            let (text, late) = words::promise(f, today);
            p.item(text, late_style(late));
        }
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
            spans.extend(reason_spans(r, p.t));
        }
        spans.push(Span::styled(format!(" (for #{})", s.need_id), p.t.dim()));
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
        let quiet = p.t.dim();
        p.styled("Nothing logged yet.".into(), quiet, 0);
    }
    for e in &b.recent {
        p.item(words::recent_title(j, &b.contact, e, today), bold());
        for l in inert(&e.note).lines() {
            p.detail(l.replace('\t', "    "), Style::new());
        }
        if let Some(g) = e.gave.as_deref().filter(|g| !g.trim().is_empty()) {
            let style = p.t.fg(p.t.ok);
            p.detail(format!("gave: {}", line(g)), style);
        }
        if let Some(a) = e.asked.as_deref().filter(|a| !a.trim().is_empty()) {
            let style = p.t.fg(p.t.asked);
            p.detail(format!("asked: {}", line(a)), style);
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
    t: &Theme,
) -> u16 {
    let block = popup_block(f, area, format!("Brief · {}", line(&b.contact.name)), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    // One column of margin reads better than text against the border.
    let w = usize::from(inner.width.saturating_sub(2)).max(1);
    let lines = lines(journal, b, today, w, t);
    super::text::scrolled(f, inner, lines, scroll)
}
