//! `rolo stats [WHO] [--since DATE] [--json]`: the statistics screen's figures as text. On a
//! terminal the series are small block charts (▁▂▃▄▅▆▇█); with `NO_COLOR`, or when the output
//! goes to a file or a pipe, they are plain digits, so a script or a screen reader gets
//! numbers rather than pictures.

use super::{CliError, CliResult, Ctx};
use crate::columns;
use crate::interchange::export::json::{SCHEMA, to_text};
use crate::journal::Journal;
use crate::sanitize::inert_line;
use crate::serve::wording::{day, plural};
use crate::stats::{self, KINDS, PersonStats, Stats, YearMonth, blocks};
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::io::IsTerminal;

/// Block charts on a terminal without `NO_COLOR`; plain digits anywhere else.
pub fn charts_here() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn run(ctx: &mut Ctx, who: Option<&str>, since: Option<&str>, json: bool) -> CliResult {
    let today = ctx.today();
    let since = match since {
        Some(text) => Some(since_day(text, ctx)?),
        None => None,
    };
    let text = match who {
        Some(who) => {
            let ix = ctx.who_to_read(who)?;
            let p = stats::of_person(&ctx.journal, ix, today, since).ok_or(CliError::Vanished)?;
            if json {
                to_text(&person_json(ctx, &p))
            } else {
                person_text(&ctx.journal, ctx.today(), &p, charts_here())
            }
        }
        None => {
            let s = stats::stats(&ctx.journal, today, since);
            if json {
                to_text(&stats_json(ctx, &s))
            } else {
                stats_text(&ctx.journal, &s, charts_here())
            }
        }
    };
    ctx.out.write_all(text.as_bytes())?;
    Ok(())
}

fn since_day(text: &str, ctx: &Ctx) -> Result<NaiveDate, CliError> {
    let invalid = |why: String| CliError::Invalid(crate::ops::Invalid(format!("--since: {why}")));
    let day = crate::when::parse_when(text, ctx.now.naive_local())
        .map(|w| w.date())
        .map_err(|e| invalid(e.to_string()))?;
    // A day to come counts nothing; it was taken as no `--since` at all, without a word.
    if day > ctx.today() {
        return Err(invalid(format!(
            "{} is still to come; the figures count from a day that has been",
            day.format("%a %-d %b %Y")
        )));
    }
    Ok(day)
}

/// A series as a chart or as digits, with its range said once.
fn series(values: &[u32], charts: bool) -> String {
    if charts {
        format!("│{}│", blocks(values, ' '))
    } else {
        let shown: Vec<String> = values.iter().map(u32::to_string).collect();
        shown.join(" ")
    }
}

fn month_name(m: YearMonth) -> String {
    format!("{} {}", m.short(), m.year)
}

pub fn stats_text(j: &Journal, s: &Stats, charts: bool) -> String {
    let mut t = String::new();
    let (first, last) = (s.months[0].month, s.months[s.months.len() - 1].month);
    let _ = writeln!(
        t,
        "Statistics as of {}: {} to {}",
        s.today.format("%A %-d %B %Y"),
        month_name(first),
        month_name(last)
    );
    if s.is_empty() {
        let _ = writeln!(
            t,
            "\nNo entries in these months yet. Once you note a coffee or a call, this is \
             where you will see it grow."
        );
    }
    let col = |f: fn(&stats::MonthRow) -> u32| -> Vec<u32> { s.months.iter().map(f).collect() };
    let _ = writeln!(t, "\nInteractions per month: {} in all", s.entries);
    if charts {
        let _ = writeln!(t, "  {}", series(&col(|r| r.total), true));
        let _ = writeln!(t, "  {} → {}", month_name(first), month_name(last));
    } else {
        month_table(&mut t, s);
    }
    let kinds: Vec<String> = (0..KINDS.len())
        .map(|k| (KINDS[k], s.months.iter().map(|r| r.kinds[k]).sum::<u32>()))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    if !kinds.is_empty() {
        let _ = writeln!(t, "  by kind: {}", kinds.join(", "));
    }
    heat_text(&mut t, s, charts);
    let _ = writeln!(
        t,
        "\nMost time with, since {}",
        day(s.top_from, s.today).replace('\u{a0}', " ")
    );
    if s.top.is_empty() {
        let _ = writeln!(t, "  no one yet");
    }
    let width = s
        .top
        .iter()
        .map(|p| {
            j.contact(p.ix)
                .map_or(0, |c| columns::width(&inert_line(&c.name)))
        })
        .max()
        .unwrap_or(0)
        .min(30);
    let most = s.top.first().map_or(1, |p| p.entries.max(1));
    for p in &s.top {
        // Cut and padded in terminal columns: a name in Japanese takes two a character.
        let mut name = String::new();
        if let Some(c) = j.contact(p.ix) {
            let shown = inert_line(&c.name);
            columns::pad(&mut name, &shown[..columns::cut_at(&shown, 30)], width);
        }
        let bar = if charts {
            let len = (p.entries as usize * 20).div_ceil(most as usize);
            format!("  {}", "█".repeat(len))
        } else {
            String::new()
        };
        let _ = writeln!(t, "  {name}  {:>4}{bar}", p.entries);
    }
    let now = s.rhythm_now;
    match now.percent() {
        Some(pct) => {
            let _ = writeln!(
                t,
                "\nWithin their rhythm now: {} of {} ({pct}%)",
                now.within,
                plural(now.of, "person", "people")
            );
            let shares: Vec<u32> = s
                .months
                .iter()
                .map(|r| r.in_rhythm.percent().unwrap_or(0))
                .collect();
            let _ = writeln!(t, "  by month, in percent: {}", series(&shares, charts));
        }
        None => {
            let _ = writeln!(
                t,
                "\nNo one has a keep-in-touch rhythm yet (keep_in_touch_days on a card)."
            );
        }
    }
    if charts {
        let _ = writeln!(t);
        for (label, values) in [
            ("Needs opened", col(|r| r.needs_opened)),
            ("Needs met   ", col(|r| r.needs_met)),
            ("Intros      ", col(|r| r.intros)),
            ("Gave        ", col(|r| r.gave)),
            ("Asked       ", col(|r| r.asked)),
        ] {
            let total: u32 = values.iter().sum();
            let _ = writeln!(t, "{label}  {} {total}", series(&values, true));
        }
    }
    t
}

/// Plain digits: one row per month, every figure a column.
fn month_table(t: &mut String, s: &Stats) {
    let kinds: Vec<usize> = (0..KINDS.len())
        .filter(|&k| s.months.iter().any(|r| r.kinds[k] > 0))
        .collect();
    let _ = write!(t, "  month    total");
    for &k in &kinds {
        let _ = write!(t, " {:>7}", KINDS[k]);
    }
    let _ = writeln!(t, "  opened    met intros   gave  asked rhythm");
    for r in &s.months {
        let _ = write!(t, "  {}  {:>5}", r.month.label(), r.total);
        for &k in &kinds {
            let _ = write!(t, " {:>7}", r.kinds[k]);
        }
        let rhythm = r
            .in_rhythm
            .percent()
            .map_or("-".to_string(), |p| format!("{p}%"));
        let _ = writeln!(
            t,
            "  {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            r.needs_opened, r.needs_met, r.intros, r.gave, r.asked, rhythm
        );
    }
}

/// The last twelve months day by day: a row per weekday, a column per week, like a
/// contributions graph. Shades on a terminal; digits (9 for nine or more) elsewhere.
fn heat_text(t: &mut String, s: &Stats, charts: bool) {
    let heat = &s.heat;
    let _ = writeln!(
        t,
        "\nDays with someone, {} to {}: {} of {}; most in a day {}",
        day(heat.start, s.today).replace('\u{a0}', " "),
        day(s.today, s.today).replace('\u{a0}', " "),
        heat.active_days(),
        heat.days.len(),
        heat.max()
    );
    if heat.max() == 0 {
        return;
    }
    let max = heat.max();
    let weeks = heat.days.len().div_ceil(7);
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("  {name} ");
        for w in 0..weeks {
            let cell = match heat.days.get(w * 7 + row) {
                None => ' ',
                Some(0) if charts => '·',
                Some(&n) if charts => {
                    ['░', '▒', '▓', '█'][((n * 4).div_ceil(max) as usize).clamp(1, 4) - 1]
                }
                Some(&n) => char::from_digit(n.min(9), 10).unwrap_or('9'),
            };
            line.push(cell);
        }
        let _ = writeln!(t, "{}", line.trim_end());
    }
    if charts {
        let _ = writeln!(
            t,
            "  a column is a week, from the left: {}",
            heat.start.format("%b %Y")
        );
    }
}

pub fn person_text(j: &Journal, today: NaiveDate, p: &PersonStats, charts: bool) -> String {
    let name = j
        .contact(p.ix)
        .map(|c| inert_line(&c.name).into_owned())
        .unwrap_or_default();
    let mut t = String::new();
    match (p.first, p.last) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                t,
                "{name}: {} since {}, the last {}",
                plural(p.total as i64, "entry", "entries"),
                day(first, today).replace('\u{a0}', " "),
                crate::serve::wording::days_ago((today - last).num_days())
            );
        }
        _ => {
            let _ = writeln!(t, "{name}: no entries yet. A first coffee is a fine start.");
        }
    }
    if let Some(w) = p.usual_weeks {
        let _ = writeln!(t, "You usually see them {}.", every_weeks(w));
    }
    let values: Vec<u32> = p.months.iter().map(|m| m.1).collect();
    if let (Some(first), Some(last)) = (p.months.first(), p.months.last()) {
        let _ = writeln!(
            t,
            "Per month, {} to {}: {}",
            month_name(first.0),
            month_name(last.0),
            series(&values, charts)
        );
    }
    let b = &p.balance;
    let _ = writeln!(
        t,
        "Over the last year you gave {} and asked {}.",
        times(b.gave),
        times(b.asked)
    );
    t
}

/// "nothing", "once", "3 times".
fn times(n: usize) -> String {
    match n {
        0 => "nothing".into(),
        1 => "once".into(),
        n => format!("{n} times"),
    }
}

/// "every week", "every 3 weeks".
pub fn every_weeks(w: u32) -> String {
    match w {
        1 => "every week".into(),
        n => format!("every {n} weeks"),
    }
}

fn share(s: stats::Share) -> Value {
    json!({ "within": s.within, "of": s.of })
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn stats_json(ctx: &Ctx, s: &Stats) -> Value {
    let months: Vec<Value> = s
        .months
        .iter()
        .map(|r| {
            let kinds: serde_json::Map<String, Value> = KINDS
                .iter()
                .zip(r.kinds)
                .map(|(k, n)| (k.to_string(), json!(n)))
                .collect();
            json!({
                "month": r.month.label(),
                "total": r.total,
                "kinds": kinds,
                "needs_opened": r.needs_opened,
                "needs_met": r.needs_met,
                "intros": r.intros,
                "gave": r.gave,
                "asked": r.asked,
                "in_rhythm": share(r.in_rhythm),
            })
        })
        .collect();
    let top: Vec<Value> = s
        .top
        .iter()
        .map(|p| json!({ "id": ctx.id_of(p.ix), "entries": p.entries }))
        .collect();
    json!({
        "schema": SCHEMA,
        "stats": {
            "today": date(s.today),
            "entries": s.entries,
            "people": s.people,
            "months": months,
            "days": { "start": date(s.heat.start), "counts": s.heat.days },
            "top": { "since": date(s.top_from), "people": top },
            "rhythm_now": share(s.rhythm_now),
        }
    })
}

fn person_json(ctx: &Ctx, p: &PersonStats) -> Value {
    let months: Vec<Value> = p
        .months
        .iter()
        .map(|(m, n)| json!({ "month": m.label(), "entries": n }))
        .collect();
    json!({
        "schema": SCHEMA,
        "person_stats": {
            "id": ctx.id_of(p.ix),
            "entries": p.total,
            "first": p.first.map(date),
            "last": p.last.map(date),
            "usual_weeks": p.usual_weeks,
            "months": months,
            "gave": p.balance.gave,
            "asked": p.balance.asked,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::tests::fixture::{d, entry, journal, person};

    #[test]
    fn blocks_scale_to_the_largest_and_leave_zero_blank() {
        assert_eq!(blocks(&[0, 1, 2, 4, 8], ' '), " ▁▂▄█");
        assert_eq!(blocks(&[3, 3], ' '), "██");
        assert_eq!(blocks(&[], ' '), "");
        assert_eq!(blocks(&[0, 0], '·'), "··");
    }

    #[test]
    fn on_a_terminal_the_series_are_charts() {
        let j = journal(
            vec![person("ada", "Ada")],
            vec![
                entry("2026-10-02T10:00:00+02:00", &["ada"], "x"),
                entry("2026-11-02T10:00:00+01:00", &["ada"], "x"),
                entry("2026-11-03T10:00:00+01:00", &["ada"], "x"),
            ],
        );
        let today = d(2026, 11, 24);
        let s = stats::stats(&j, today, None);
        let text = stats_text(&j, &s, true);
        assert!(
            text.contains(&format!("  │{}▄█│\n", " ".repeat(22))),
            "{text}"
        );
        assert!(text.contains("  Ada     3  ████████████████████"), "{text}");
        assert!(text.contains("  Mon ·"), "{text}");
        let plain = stats_text(&j, &s, false);
        assert!(
            !plain.contains('█') && plain.contains("  2026-11      2"),
            "{plain}"
        );
        let p = stats::of_person(&j, 0, today, None).unwrap();
        let text = person_text(&j, today, &p, true);
        assert!(
            text.contains(&format!(": │{}▄█│", " ".repeat(10))),
            "{text}"
        );
        assert!(
            text.contains("you gave nothing and asked nothing"),
            "{text}"
        );
    }
}
