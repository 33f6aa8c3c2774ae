//! `S`: the statistics screen. A row of page tabs, then one page at a time, each drawn with
//! ratatui's own charts (`BarChart`, `Sparkline`, `Chart`) from the figures the view computed
//! when the screen opened. The day-by-day year is a grid of shaded cells, like a
//! contributions graph. Shades and bar heights carry every figure, so it reads with
//! `NO_COLOR` too; a journal with too little to chart says so in a sentence.

use super::stats_more::{needs_page, rhythm_page};
use super::text::{fit, line, pad};
use super::{Theme, popup_block};
use crate::app::stats_view::{PAGES, StatsView};
use crate::journal::Journal;
use crate::serve::wording::day;
use crate::stats::{KINDS, Stats};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Tabs, Wrap};

pub fn draw(f: &mut Frame, area: Rect, journal: &Journal, view: &StatsView, t: &Theme) {
    let s = &view.stats;
    let mut title = format!("Statistics · {}", day(s.today, s.today));
    if view.partial {
        title.push_str(" · older months still loading");
    }
    let block = popup_block(f, area, title, t);
    // A column of margin either side: a chart against the border reads as part of it.
    let inner = block.inner(area).inner(Margin::new(1, 0));
    f.render_widget(block, area);
    let [tabs, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    f.render_widget(
        Tabs::new(PAGES.iter().map(|p| Line::from(*p)))
            .select(view.page)
            .style(t.dim())
            .highlight_style(t.heading().add_modifier(Modifier::REVERSED))
            .divider("│"),
        tabs,
    );
    match view.page {
        0 => activity_page(f, body, view, t),
        1 => days_page(f, body, journal, s, t),
        2 => rhythm_page(f, body, s, t),
        _ => needs_page(f, body, s, t),
    }
}

/// A sentence in place of a chart.
pub fn sentence(f: &mut Frame, area: Rect, text: &str, t: &Theme) {
    f.render_widget(
        Paragraph::new(Span::styled(text.to_string(), t.dim())).wrap(Wrap { trim: true }),
        area,
    );
}

/// Too little to chart: no entry, or one.
fn too_few(f: &mut Frame, area: Rect, s: &Stats, t: &Theme) -> bool {
    let text = match s.entries {
        0 => {
            "Nothing to chart yet: no entries in these months. Every coffee, call and \
              message you note will show here."
        }
        1 => "One entry so far: a start. Charts appear once there are a few more to compare.",
        _ => return false,
    };
    sentence(f, area, text, t);
    true
}

/// Bar width and gap so `n` bars fill `width` (at most 5 columns a bar).
pub fn bar_fit(n: usize, width: u16) -> (u16, u16) {
    let n = u16::try_from(n.max(1)).unwrap_or(u16::MAX);
    let per = (width / n).max(1);
    if per >= 2 {
        ((per - 1).min(5), 1)
    } else {
        (1, 0)
    }
}

/// Interactions per month (one kind or all) above the totals by kind.
fn activity_page(f: &mut Frame, area: Rect, view: &StatsView, t: &Theme) {
    let s = &view.stats;
    if too_few(f, area, s, t) {
        return;
    }
    let totals: Vec<(usize, u64)> = (0..KINDS.len())
        .map(|k| {
            (
                k,
                s.months.iter().map(|r| u64::from(r.kinds[k])).sum::<u64>(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let kinds_h = u16::try_from(totals.len()).unwrap_or(10) + 1;
    let [months, kinds] =
        Layout::vertical([Constraint::Min(8), Constraint::Length(kinds_h)]).areas(area);
    let values = view.month_values();
    let first = s.months[0].month;
    let last = s.months[s.months.len() - 1].month;
    let (bar_width, bar_gap) = bar_fit(values.len(), months.width);
    let bars: Vec<Bar> = s
        .months
        .iter()
        .zip(&values)
        .map(|(r, &v)| {
            let label = if bar_width >= 3 {
                r.month.short().to_string()
            } else {
                r.month
                    .short()
                    .chars()
                    .take(usize::from(bar_width))
                    .collect()
            };
            Bar::with_label(label, v)
        })
        .collect();
    let title = format!(
        "Interactions per month, {} {} to {} {} · {} (←→ kind)",
        first.short(),
        first.year,
        last.short(),
        last.year,
        view.kind_name()
    );
    f.render_widget(
        BarChart::default()
            .block(Block::new().title(Span::styled(title, t.heading())))
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_width)
            .bar_gap(bar_gap)
            .bar_style(t.fg(t.accent))
            .value_style(Style::new().add_modifier(Modifier::REVERSED))
            .label_style(t.dim()),
        months,
    );
    let kind_bars: Vec<Bar> = totals
        .iter()
        .map(|&(k, n)| {
            let style = if view.kind == Some(k) {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            // The count beside the name, not printed over the bar's start ("47███" read as
            // one figure).
            Bar::with_label(format!("{:<7} {n:>4}", KINDS[k]), n)
                .text_value(String::new())
                .style(style)
        })
        .collect();
    f.render_widget(
        BarChart::default()
            .block(Block::new().title(Span::styled("By kind", t.heading())))
            .direction(Direction::Horizontal)
            .data(BarGroup::default().bars(&kind_bars))
            .bar_width(1)
            .bar_gap(0)
            .bar_style(t.fg(t.accent))
            .value_style(Style::new().add_modifier(Modifier::REVERSED))
            .label_style(t.dim()),
        kinds,
    );
}

/// The year day by day, then who you saw most.
fn days_page(f: &mut Frame, area: Rect, journal: &Journal, s: &Stats, t: &Theme) {
    if too_few(f, area, s, t) {
        return;
    }
    let [heat, top] = Layout::vertical([Constraint::Length(10), Constraint::Fill(1)]).areas(area);
    heat_map(f, heat, s, t);
    let bars: Vec<Bar> = s
        .top
        .iter()
        .map(|p| {
            let name = journal
                .contact(p.ix)
                .map(|c| line(&c.name))
                .unwrap_or_default();
            Bar::with_label(
                format!("{} {:>4}", pad(&fit(&name, 18), 18), p.entries),
                u64::from(p.entries),
            )
            .text_value(String::new())
        })
        .collect();
    let title = format!("Most time with, since {}", day(s.top_from, s.today));
    if bars.is_empty() {
        let [head, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(top);
        f.render_widget(Span::styled(title, t.heading()), head);
        sentence(f, rest, "No one yet this year: the year is young.", t);
        return;
    }
    f.render_widget(
        BarChart::default()
            .block(Block::new().title(Span::styled(title, t.heading())))
            .direction(Direction::Horizontal)
            .data(BarGroup::default().bars(&bars))
            .bar_width(1)
            .bar_gap(0)
            .bar_style(t.fg(t.person))
            .value_style(Style::new().add_modifier(Modifier::REVERSED))
            .label_style(Style::new()),
        top,
    );
}

/// Shade of a day with `n` entries, when the busiest day had `max`.
fn shade(n: u32, max: u32) -> &'static str {
    match n {
        0 => "·",
        n => ["░", "▒", "▓", "█"][((n * 4).div_ceil(max.max(1)) as usize).clamp(1, 4) - 1],
    }
}

/// A row per weekday, a column per week (two when there is room), month names above.
fn heat_map(f: &mut Frame, area: Rect, s: &Stats, t: &Theme) {
    let heat = &s.heat;
    let weeks = heat.days.len().div_ceil(7);
    let room = usize::from(area.width).saturating_sub(4);
    let cell = if room >= weeks * 2 { 2 } else { 1 };
    // When even one column a week does not fit, the oldest weeks are left out.
    let shown = weeks.min(room / cell);
    let skip = weeks - shown;
    let max = heat.max();
    let mut lines = vec![Line::styled(
        format!(
            "Days with someone: {} of the last {} · most in a day {}",
            heat.active_days(),
            heat.days.len(),
            max
        ),
        t.heading(),
    )];
    let mut months = " ".repeat(4);
    let mut at = 4;
    for w in skip..weeks {
        let first = crate::stats::calendar::add_days(heat.start, (w * 7) as i64);
        let col = 4 + (w - skip) * cell;
        // A month's name where its first week starts, when the last name has ended.
        if first.day() <= 7 && col >= at {
            months.push_str(&" ".repeat(col - at));
            let name = crate::stats::YearMonth::of(first).short();
            months.push_str(name);
            at = col + name.len();
        }
    }
    lines.push(Line::styled(months, t.dim()));
    for (row, name) in ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"]
        .iter()
        .enumerate()
    {
        let mut spans = vec![Span::styled(format!("{name} "), t.dim())];
        for w in skip..weeks {
            let Some(&n) = heat.days.get(w * 7 + row) else {
                continue;
            };
            let mark = shade(n, max).repeat(cell);
            let style = if n == 0 { t.dim() } else { t.fg(t.ok) };
            spans.push(Span::styled(mark, style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        Span::styled("    less ", t.dim()),
        Span::raw("· ░ ▒ ▓ █"),
        Span::styled(" more", t.dim()),
    ]));
    f.render_widget(Paragraph::new(lines), area);
}
