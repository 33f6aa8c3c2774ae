//! `b`: the brief, full screen and scrollable — what to read two minutes before a coffee.
//! The same sections and phrases as `rolo brief`; every string from a file is made inert.

use super::helpers::reason_spans;
use super::text::{line, wrap_spans};
use super::{dim, popup_block};
use crate::journal::Journal;
use crate::sanitize::inert;
use crate::serve::Brief;
use crate::serve::wording::{day, days_ago, days_until, due, known, plural};
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
    let mut facts = Vec::new();
    if let Some(k) = b.known_since {
        facts.push(known(k, today));
    }
    match (b.last_spoke, b.days_since) {
        (Some(last), Some(days)) => facts.push(format!(
            "last spoke {} ({})",
            days_ago(days),
            day(last, today)
        )),
        _ => facts.push("nothing logged together yet".into()),
    }
    if let Some(every) = c.keep_in_touch_days {
        facts.push(format!(
            "you like to be in touch every {}",
            plural(every, "day", "days")
        ));
    }
    // A no-break space before each dot keeps it from starting a line.
    p.text(facts.join("\u{a0}· "));
    if let Some(bd) = &b.birthday {
        let turning = bd
            .turning
            .map(|t| format!(", turning {t}"))
            .unwrap_or_default();
        p.styled(
            format!(
                "Birthday {}: {}{turning}",
                days_until(bd.days_until),
                bd.date.format("%A %-d %B")
            ),
            bold().fg(Color::Magenta),
            0,
        );
    }
}

fn names(j: &Journal, helpers: &[&crate::serve::Helper]) -> String {
    let list: Vec<String> = helpers
        .iter()
        .filter_map(|h| j.contact(h.ix))
        .map(|c| line(&c.name))
        .collect();
    list.join(", ")
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
                    format!("• #{} {}", n.need.id, line(&n.need.what)),
                    Style::new().fg(Color::Yellow),
                ),
                Span::styled(
                    format!(
                        " · open {} (since {})",
                        plural(n.age_days, "day", "days"),
                        day(n.need.since, today)
                    ),
                    dim(),
                ),
            ],
            2,
        );
        for e in &n.done {
            let what = e.gave.as_deref().unwrap_or_else(|| e.first_line());
            p.detail(
                format!(
                    "you already: {} {}: {}",
                    day(e.at.date_naive(), today),
                    line(e.kind.as_str()),
                    line(what)
                ),
                Style::new(),
            );
        }
        let strong: Vec<&crate::serve::Helper> =
            n.helpers.iter().filter(|h| h.strong).take(3).collect();
        if !strong.is_empty() {
            p.detail(format!("could help: {}", names(j, &strong)), Style::new());
        } else if n.helpers.is_empty() {
            p.detail("no one in your journal matches this yet".into(), dim());
        } else {
            let maybe: Vec<&crate::serve::Helper> = n.helpers.iter().take(3).collect();
            p.detail(format!("might help: {}", names(j, &maybe)), Style::new());
        }
    }
}

fn promises(p: &mut Page, b: &Brief, today: NaiveDate) {
    p.heading("Your promises to them");
    if b.follow_ups.is_empty() {
        p.styled("None open.".into(), dim(), 0);
    }
    for f in &b.follow_ups {
        let when = match (f.follow_up.due, f.days_late) {
            (Some(d), Some(late)) => format!("{} ({})", due(late), day(d, today)),
            _ => "no date".into(),
        };
        let late = f.days_late.is_some_and(|l| l > 0);
        let style = if late {
            bold().fg(Color::Red)
        } else {
            Style::new()
        };
        p.item(format!("{} — {when}", line(&f.follow_up.what)), style);
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
    let bal = &b.balance;
    let gave = match &bal.latest_gave {
        Some((d, what)) => format!(
            "You gave {}; latest {}: {}",
            plural(bal.gave as i64, "time", "times"),
            day(*d, today),
            line(what)
        ),
        None => "Nothing given logged in the last year.".into(),
    };
    p.item(gave, Style::new());
    let asked = match &bal.latest_asked {
        Some((d, what)) => format!(
            "You asked {}; latest {}: {}",
            plural(bal.asked as i64, "time", "times"),
            day(*d, today),
            line(what)
        ),
        None => "Nothing asked in the last year.".into(),
    };
    p.item(asked, Style::new());
}

fn recent(p: &mut Page, j: &Journal, b: &Brief, today: NaiveDate) {
    p.heading(&format!(
        "Last {} together",
        plural(b.recent.len() as i64, "time", "times")
    ));
    if b.recent.is_empty() {
        p.styled("Nothing logged yet.".into(), dim(), 0);
    }
    for e in &b.recent {
        let others: Vec<String> = e
            .with
            .iter()
            .filter(|w| **w != b.contact.id)
            .map(|w| line(j.name_of(w)))
            .collect();
        let with = if others.is_empty() {
            String::new()
        } else {
            format!(" with {}", others.join(", "))
        };
        p.item(
            format!(
                "{} · {}{with}",
                day(e.at.date_naive(), today),
                line(e.kind.as_str())
            ),
            bold(),
        );
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
