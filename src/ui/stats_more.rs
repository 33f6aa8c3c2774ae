//! The statistics screen's last two pages: the share of people within their rhythm (a line
//! `Chart` over the months), and needs opened and met, intros, give and ask (`Sparkline`s,
//! each month a few columns wide, pairs on one scale so they compare).

use super::Theme;
use super::stats::sentence;
use crate::stats::Stats;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Sparkline};

/// Within their rhythm now, and month by month.
pub fn rhythm_page(f: &mut Frame, area: Rect, s: &Stats, t: &Theme) {
    let Some(now) = s.rhythm_now.percent() else {
        sentence(
            f,
            area,
            "No one has a keep-in-touch rhythm yet. Give someone one (keep_in_touch_days on \
             their card, or rolo add --every) and this page shows how you keep it.",
            t,
        );
        return;
    };
    let [head, chart] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let r = s.rhythm_now;
    f.render_widget(
        Paragraph::new(vec![
            Line::styled(
                format!("Within their rhythm now: {} of {} ({now}%)", r.within, r.of),
                t.heading(),
            ),
            Line::styled(
                "Below, at each month's end, among the people you had met by then.",
                t.dim(),
            ),
        ]),
        head,
    );
    let points: Vec<(f64, f64)> = s
        .months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.in_rhythm.percent().map(|p| (i as f64, f64::from(p))))
        .collect();
    if points.len() < 2 {
        sentence(
            f,
            chart,
            "Too few months with anyone to draw a line yet.",
            t,
        );
        return;
    }
    let n = s.months.len();
    let label = |i: usize| {
        let m = s.months[i].month;
        Span::styled(format!("{} {}", m.short(), m.year), t.dim())
    };
    let data = [Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(t.fg(t.ok))
        .data(&points)];
    f.render_widget(
        Chart::new(data.to_vec())
            .x_axis(
                Axis::default()
                    .bounds([0.0, (n - 1) as f64])
                    .labels([label(0), label(n / 2), label(n - 1)])
                    .style(t.dim()),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 100.0])
                    .labels(["0%", "50%", "100%"].map(|l| Span::styled(l, t.dim())))
                    .style(t.dim()),
            ),
        chart,
    );
}

/// Needs opened and met, intros, gave and asked, per month.
pub fn needs_page(f: &mut Frame, area: Rect, s: &Stats, t: &Theme) {
    let col = |g: fn(&crate::stats::MonthRow) -> u32| -> Vec<u64> {
        s.months.iter().map(|r| u64::from(g(r))).collect()
    };
    let rows = [
        ("Needs opened", col(|r| r.needs_opened), 0),
        ("Needs met", col(|r| r.needs_met), 0),
        ("Intros made", col(|r| r.intros), 1),
        ("Gave", col(|r| r.gave), 2),
        ("Asked", col(|r| r.asked), 2),
    ];
    if rows.iter().all(|(_, v, _)| v.iter().all(|&n| n == 0)) {
        sentence(
            f,
            area,
            "No needs, intros, gifts or asks in these months yet. A need noted with N, or \
             what you gave with a note, shows here.",
            t,
        );
        return;
    }
    // Pairs share a scale, so "opened" and "met" (and "gave" and "asked") compare by height.
    let scale = |pair: usize| {
        rows.iter()
            .filter(|r| r.2 == pair)
            .flat_map(|r| r.1.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1)
    };
    let first = s.months[0].month;
    let last = s.months[s.months.len() - 1].month;
    let [body, axis] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let slots = Layout::vertical([Constraint::Ratio(1, 5); 5]).split(body);
    // Each month as wide as the room allows, so the months line up across the rows.
    let per = (usize::from(area.width) / s.months.len().max(1)).max(1);
    for ((name, values, pair), slot) in rows.iter().zip(slots.iter()) {
        let total: u64 = values.iter().sum();
        let wide: Vec<u64> = values
            .iter()
            .flat_map(|&v| std::iter::repeat_n(v, per))
            .collect();
        f.render_widget(
            Sparkline::default()
                .block(Block::new().title(Line::from(vec![
                    Span::styled(format!("{name} "), t.heading()),
                    Span::styled(total.to_string(), Style::new()),
                ])))
                .data(&wide)
                .max(scale(*pair))
                .style(t.fg(t.accent)),
            *slot,
        );
    }
    let left = format!("{} {}", first.short(), first.year);
    let right = format!("{} {}", last.short(), last.year);
    let span = per * s.months.len();
    let gap = span.saturating_sub(left.len() + right.len());
    f.render_widget(
        Span::styled(format!("{left}{}{right}", " ".repeat(gap)), t.dim()),
        axis,
    );
}
