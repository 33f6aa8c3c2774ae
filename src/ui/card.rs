//! A person's card: who they are and how to reach them, read at a glance. Its lines come in
//! the order they fold away from the bottom when the screen is short: what they do, when you
//! last spoke against the rhythm you want, their birthday, how to reach them, tags, how you
//! met, what they can help with, and last their notes, wrapped. A folded card says that the
//! brief (`b`) has the rest.

use super::text::{fit, line, width, wrap_spans};
use super::{Theme, card_block};
use crate::app::hits::{Hits, Target};
use crate::app::state::Pane;
use crate::journal::Journal;
use crate::model::{Birthday, Contact};
use crate::serve::wording::{day, days_ago, days_until, plural};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A birthday this close is said as "in 12 days".
const SOON_DAYS: i64 = 30;

/// The card's lines at inner width `w`, most important first.
pub fn lines(
    c: &Contact,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let w = w.max(1);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut add = |spans: Vec<Span<'static>>, indent: usize| {
        out.extend(wrap_spans(&spans, w, indent));
    };
    let work: Vec<String> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(line)
        .collect();
    if !work.is_empty() {
        add(
            vec![Span::styled(
                work.join(" at "),
                Style::new().add_modifier(Modifier::BOLD),
            )],
            0,
        );
    }
    // Set aside: said first, as it is why they are missing from the list.
    if let Some(a) = c.archived {
        let since = match a {
            crate::model::Archived::Yes => String::new(),
            crate::model::Archived::Since(d) => format!(" since {}", d.format("%Y-%m-%d")),
        };
        add(
            vec![Span::styled(
                format!("Archived{since} — A brings them back"),
                t.dim(),
            )],
            0,
        );
    }
    for spans in rhythm(c, journal, today, t) {
        add(spans, 0);
    }
    if let Some(spans) = together(c, journal, today, t) {
        add(spans, 0);
    }
    if let Some(b) = c.birthday {
        add(vec![Span::styled(birthday(b, today), t.fg(t.birthday))], 0);
    }
    let label = |s: &str| Span::styled(format!("{s:<6}"), t.dim());
    for (name, values) in [("email", &c.email), ("phone", &c.phone), ("web", &c.urls)] {
        for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            add(vec![label(name), Span::raw(line(v))], 6);
        }
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| format!("#{}", line(t))).collect();
        add(vec![Span::styled(tags.join(" "), t.fg(t.label))], 0);
    }
    if let Some(met) = c.met.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        add(
            vec![Span::styled("Met: ", t.dim()), Span::raw(line(met))],
            2,
        );
    }
    if !c.can_help_with.is_empty() {
        let list: Vec<String> = c.can_help_with.iter().map(|s| line(s)).collect();
        add(
            vec![
                Span::styled("Can help with: ", t.dim()),
                Span::raw(list.join(", ")),
            ],
            2,
        );
    }
    let notes = c.notes.as_deref().unwrap_or("").trim();
    if !notes.is_empty() {
        // A blank line sets their own words apart from the facts above.
        add(Vec::new(), 0);
        for l in notes.lines() {
            let l = line(l.trim_end()).replace('\t', "    ");
            add(vec![Span::styled(l, t.fg(t.label))], 0);
        }
    }
    out
}

/// "Last spoke 37 days ago (Sun 18 Oct)", then on a line of its own the rhythm: "In touch
/// every 30 days", or by how much it is past, in the overdue colour.
fn rhythm(c: &Contact, journal: &Journal, today: NaiveDate, t: &Theme) -> Vec<Vec<Span<'static>>> {
    let ix = journal.ix(&c.id);
    let last = ix.and_then(|ix| journal.last_contact(ix));
    let late = ix.and_then(|ix| journal.overdue_by(ix, today));
    let spoke = match last {
        Some(d) => format!(
            "Last spoke {} ({})",
            days_ago((today - d).num_days()),
            day(d, today)
        ),
        None if journal.is_loading_older() => "Last spoke: looking in older months…".into(),
        None => "Nothing logged together yet".into(),
    };
    let mut lines = vec![vec![Span::raw(spoke)]];
    match (c.keep_in_touch_days, late) {
        // Never seen: due from the start, by no count of days.
        (Some(every), Some(by)) if by > 0 => lines.push(vec![Span::styled(
            match last {
                Some(_) => format!("{} past your {every}-day rhythm", plural(by, "day", "days")),
                None => format!("Due: every {}, none yet", plural(every, "day", "days")),
            },
            t.fg(t.overdue).add_modifier(Modifier::BOLD),
        )]),
        (Some(every), _) => lines.push(vec![Span::styled(
            format!("In touch every {}", plural(every, "day", "days")),
            t.dim(),
        )]),
        (None, _) => {}
    }
    lines
}

/// The last 12 months together as a sparkline, a month a character (a dot for none), and
/// the give/ask balance of the brief: "Seen ·▂·▄█·····▁·  gave 2 · asked 1". Left out
/// for someone with no entry in the year.
fn together(
    c: &Contact,
    journal: &Journal,
    today: NaiveDate,
    t: &Theme,
) -> Option<Vec<Span<'static>>> {
    let ix = journal.ix(&c.id)?;
    let p = crate::stats::of_person(journal, ix, today, None)?;
    let counts: Vec<u32> = p.months.iter().map(|m| m.1).collect();
    if counts.iter().all(|&n| n == 0) {
        return None;
    }
    let b = &p.balance;
    Some(vec![
        Span::styled("Seen ", t.dim()),
        Span::styled(crate::stats::blocks(&counts, '·'), t.fg(t.accent)),
        Span::styled(format!("  gave {} · asked {}", b.gave, b.asked), t.dim()),
    ])
}

/// "Birthday in 17 days: Fri 11 Dec, turning 38", or "Birthday 11 December" when far off.
fn birthday(b: Birthday, today: NaiveDate) -> String {
    let Some(next) = b.next_on_or_after(today) else {
        return format!("Birthday {b}");
    };
    let days = (next - today).num_days();
    let turning = b
        .age_on(next)
        .map(|a| format!(", turning {a}"))
        .unwrap_or_default();
    if days <= SOON_DAYS {
        format!(
            "Birthday {}: {}{turning}",
            days_until(days),
            day(next, today)
        )
    } else {
        let year = b.year().map(|y| format!(" {y}")).unwrap_or_default();
        format!("Birthday {}{year}", next.format("%-d %B"))
    }
}

/// Draw the card in `area`; what does not fit folds away from the bottom, and the last line
/// then says where the rest is.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    c: &Contact,
    mut lines: Vec<Line<'static>>,
    t: &Theme,
    hits: &mut Hits,
) {
    // The card is read, not selected in: a click on it focuses the needs and promises.
    hits.push(area, Target::Pane(Pane::Needs));
    // Room for the corners and a space either side of the name.
    let room = usize::from(area.width.saturating_sub(4));
    let block = card_block(fit(&line(&c.name), room), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let h = usize::from(inner.height);
    if lines.len() > h && h < 3 {
        // Too small for a hint to be worth a line: what fits, from the top.
        lines.truncate(h);
    } else if lines.len() > h {
        lines.truncate(h - 1);
        let more = "… b: the whole card, in the brief";
        let w = usize::from(inner.width);
        let text = if width(more) <= w {
            more
        } else {
            "… b: more"
        };
        lines.push(Line::styled(fit(text, w), t.dim()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::tests::fixture::{d, entry, journal, person};

    fn text(c: &Contact, j: &Journal) -> String {
        let lines = lines(c, j, d(2026, 11, 24), 60, &Theme::default());
        let rows: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        rows.join("\n")
    }

    /// Someone with a rhythm and nothing logged is due from the start, with no count of
    /// days past it made up from the rhythm; someone seen says by how much.
    #[test]
    fn the_rhythm_line_counts_days_only_for_someone_seen() {
        let mut hans = person("hans", "Hans Becker");
        hans.keep_in_touch_days = Some(14);
        let mut ada = person("ada", "Ada Lovelace");
        ada.keep_in_touch_days = Some(14);
        let seen = entry("2026-11-01T10:00:00+01:00", &["ada"], "coffee");
        let j = journal(vec![ada.clone(), hans.clone()], vec![seen]);
        let never = text(&hans, &j);
        assert!(never.contains("Nothing logged together yet"), "{never}");
        assert!(never.contains("Due: every 14 days, none yet"), "{never}");
        assert!(!never.contains("past your"), "{never}");
        let late = text(&ada, &j);
        assert!(late.contains("9 days past your 14-day rhythm"), "{late}");
    }
}
