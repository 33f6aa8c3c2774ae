//! Every figure on hand-made journals, with the edges that break calendars: the last hour of
//! a year in one offset being the first of the next in another, months of different lengths,
//! people with no entries, an empty and a one-entry journal.

use super::*;
use crate::model::{Entry, Kind, NeedStatus};
use crate::serve::tests::fixture::{asked, d, entry, gave, journal, need, person};

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

fn kind(mut e: Entry, k: Kind) -> Entry {
    e.kind = k;
    e
}

fn row(s: &Stats, m: YearMonth) -> &MonthRow {
    s.months
        .iter()
        .find(|r| r.month == m)
        .expect("month in the table")
}

/// Sunday 10 January 2027: a new year a few days old.
fn today() -> NaiveDate {
    d(2027, 1, 10)
}

#[test]
fn an_empty_journal_has_zeroes_and_no_one() {
    let j = journal(vec![], vec![]);
    let s = stats(&j, today(), None);
    assert!(s.is_empty());
    assert_eq!(s.months.len(), MONTHS);
    assert_eq!(s.months[0].month, ym(2025, 2));
    assert_eq!(s.months[MONTHS - 1].month, ym(2027, 1));
    assert!(s.months.iter().all(|r| r.total == 0 && r.in_rhythm.of == 0));
    assert_eq!(s.heat.max(), 0);
    assert!(s.top.is_empty());
    assert_eq!(s.rhythm_now, Share::default());
    assert_eq!(s.rhythm_now.percent(), None);
    assert_eq!(of_person(&j, 0, today(), None), None);
}

#[test]
fn one_entry_counts_once_everywhere_and_has_no_usual_gap() {
    let j = journal(
        vec![person("ada", "Ada")],
        vec![entry("2026-11-24T14:05:00+01:00", &["ada"], "Coffee")],
    );
    let s = stats(&j, today(), None);
    assert!(!s.is_empty());
    assert_eq!(s.entries, 1);
    assert_eq!(row(&s, ym(2026, 11)).total, 1);
    assert_eq!(
        row(&s, ym(2026, 11)).kinds[1],
        1,
        "coffee is the second kind"
    );
    assert_eq!(s.heat.max(), 1);
    assert_eq!(s.heat.active_days(), 1);
    // Last year's coffee is not this year's time together.
    assert!(s.top.is_empty());
    let p = of_person(&j, 0, today(), None).unwrap();
    assert_eq!(p.total, 1);
    assert_eq!(p.usual_weeks, None);
    assert_eq!(p.months.len(), 12);
    assert_eq!(p.months.iter().map(|m| m.1).sum::<u32>(), 1);
}

#[test]
fn a_day_is_the_date_in_the_entrys_own_offset_across_the_year_end() {
    let j = journal(
        vec![person("ada", "Ada"), person("bo", "Bo")],
        vec![
            // New Year's Eve in New York; already 1 January in UTC.
            entry("2026-12-31T23:30:00-05:00", &["ada"], "Call on the eve"),
            // New Year's morning in Tokyo; still 31 December in UTC.
            entry("2027-01-01T00:30:00+09:00", &["bo"], "Greetings"),
        ],
    );
    let s = stats(&j, today(), None);
    assert_eq!(row(&s, ym(2026, 12)).total, 1);
    assert_eq!(row(&s, ym(2027, 1)).total, 1);
    // The heat map starts on a Monday, and each cell is that entry's own day.
    assert!(calendar::is_monday(s.heat.start));
    assert_eq!(s.heat.start, d(2026, 1, 5));
    let cell = |day: NaiveDate| s.heat.days[(day - s.heat.start).num_days() as usize];
    assert_eq!(cell(d(2026, 12, 31)), 1);
    assert_eq!(cell(d(2027, 1, 1)), 1);
    assert_eq!(
        s.heat.days.len() as i64,
        (today() - s.heat.start).num_days() + 1
    );
    // This year: only Bo.
    assert_eq!(s.top_from, d(2027, 1, 1));
    assert_eq!(s.top, vec![Top { ix: 1, entries: 1 }]);
}

#[test]
fn month_ends_of_every_length_land_in_their_month() {
    let j = journal(
        vec![person("ada", "Ada")],
        vec![
            entry("2024-02-29T23:59:00+00:00", &["ada"], "leap"),
            entry("2025-02-28T23:59:59+14:00", &["ada"], "far east"),
            entry("2025-03-01T00:00:00-12:00", &["ada"], "far west"),
            entry("2026-04-30T23:00:00+02:00", &["ada"], "april"),
        ],
    );
    let s = stats(&j, d(2026, 5, 1), Some(d(2024, 1, 15)));
    assert_eq!(s.months[0].month, ym(2024, 1));
    assert_eq!(s.months.last().unwrap().month, ym(2026, 5));
    assert_eq!(row(&s, ym(2024, 2)).total, 1);
    assert_eq!(row(&s, ym(2025, 2)).total, 1);
    assert_eq!(row(&s, ym(2025, 3)).total, 1);
    assert_eq!(row(&s, ym(2026, 4)).total, 1);
    assert_eq!(s.entries, 4);
    // `--since` also starts the "most time with" count.
    assert_eq!(s.top_from, d(2024, 1, 15));
    assert_eq!(s.top[0].entries, 4);
}

#[test]
fn entries_after_today_and_before_the_range_are_not_counted() {
    let j = journal(
        vec![person("ada", "Ada")],
        vec![
            entry("2020-06-01T10:00:00+00:00", &["ada"], "long ago"),
            entry("2027-01-09T10:00:00+00:00", &["ada"], "yesterday"),
            entry("2027-01-11T10:00:00+00:00", &["ada"], "tomorrow, planned"),
        ],
    );
    let s = stats(&j, today(), None);
    assert_eq!(s.entries, 1);
    assert_eq!(s.heat.days.iter().sum::<u32>(), 1);
    let p = of_person(&j, 0, today(), None).unwrap();
    assert_eq!(
        p.total, 2,
        "a person's total is their whole history up to today"
    );
    assert_eq!(p.last, Some(d(2027, 1, 9)));
    assert_eq!(p.first, Some(d(2020, 6, 1)));
}

#[test]
fn kinds_intros_and_give_and_ask_by_the_briefs_rule() {
    let j = journal(
        vec![person("ada", "Ada"), person("bo", "Bo")],
        vec![
            kind(
                entry("2026-12-01T10:00:00+00:00", &["ada", "bo"], "intro"),
                Kind::Intro,
            ),
            kind(
                entry("2026-12-02T10:00:00+00:00", &["ada"], "brunch"),
                Kind::Other("brunch".into()),
            ),
            gave(
                entry("2026-12-03T10:00:00+00:00", &["ada"], "helped"),
                "A tip",
            ),
            // Blank text records nothing given, as in the brief's balance.
            gave(entry("2026-12-04T10:00:00+00:00", &["ada"], "blank"), "   "),
            asked(
                entry("2026-12-05T10:00:00+00:00", &["bo"], "favour"),
                "A lift",
            ),
        ],
    );
    let s = stats(&j, today(), None);
    let dec = row(&s, ym(2026, 12));
    assert_eq!(dec.total, 5, "an entry with two people is one interaction");
    assert_eq!(dec.intros, 1);
    assert_eq!(dec.kinds[7], 1, "intro");
    assert_eq!(dec.kinds[9], 1, "other");
    assert_eq!(dec.kinds[1], 3, "coffee");
    assert_eq!(dec.gave, 1);
    assert_eq!(dec.asked, 1);
}

#[test]
fn needs_are_opened_and_met_in_their_own_months() {
    let mut ada = person("ada", "Ada");
    let mut met = need(2, "A flat", d(2026, 10, 31));
    met.status = NeedStatus::Met;
    met.met_on = Some(d(2026, 11, 1));
    let mut dropped = need(3, "A bike", d(2026, 11, 30));
    dropped.status = NeedStatus::Dropped;
    ada.needs = vec![need(1, "A publisher", d(2026, 11, 2)), met, dropped];
    let j = journal(vec![ada], vec![]);
    let s = stats(&j, today(), None);
    assert_eq!(row(&s, ym(2026, 10)).needs_opened, 1);
    assert_eq!(row(&s, ym(2026, 11)).needs_opened, 2);
    assert_eq!(row(&s, ym(2026, 11)).needs_met, 1);
    assert_eq!(row(&s, ym(2026, 10)).needs_met, 0);
    assert!(s.is_empty(), "needs alone are no interactions to chart");
}

#[test]
fn rhythm_now_and_month_by_month() {
    let mut ada = person("ada", "Ada");
    ada.keep_in_touch_days = Some(30);
    let mut bo = person("bo", "Bo");
    bo.keep_in_touch_days = Some(14);
    // A rhythm and no entry: outside it today, and in no month's count.
    let mut cy = person("cy", "Cy");
    cy.keep_in_touch_days = Some(7);
    // No rhythm: not counted at all.
    let dee = person("dee", "Dee");
    let j = journal(
        vec![ada, bo, cy, dee],
        vec![
            entry("2026-11-20T10:00:00+01:00", &["ada", "dee"], "x"),
            entry("2026-12-20T10:00:00+01:00", &["ada"], "x"),
            entry("2026-12-30T10:00:00+01:00", &["bo"], "x"),
        ],
    );
    let s = stats(&j, today(), None);
    // Ada 21 days of 30: within. Bo 11 of 14: within. Cy never: outside.
    assert_eq!(s.rhythm_now, Share { within: 2, of: 3 });
    assert_eq!(s.rhythm_now.percent(), Some(67));
    // End of October: no one seen yet.
    assert_eq!(row(&s, ym(2026, 10)).in_rhythm, Share::default());
    // End of November: only Ada seen, 10 days before.
    assert_eq!(row(&s, ym(2026, 11)).in_rhythm, Share { within: 1, of: 1 });
    // End of December: Ada 11 days, Bo 1 day.
    assert_eq!(row(&s, ym(2026, 12)).in_rhythm, Share { within: 2, of: 2 });
    // This month ends today.
    assert_eq!(row(&s, ym(2027, 1)).in_rhythm, Share { within: 2, of: 2 });
}

#[test]
fn a_rhythm_lapses_at_a_months_end() {
    let mut ada = person("ada", "Ada");
    ada.keep_in_touch_days = Some(10);
    let j = journal(
        vec![ada],
        vec![entry("2026-09-20T10:00:00+02:00", &["ada"], "x")],
    );
    let s = stats(&j, today(), None);
    assert_eq!(row(&s, ym(2026, 9)).in_rhythm, Share { within: 1, of: 1 });
    assert_eq!(row(&s, ym(2026, 10)).in_rhythm, Share { within: 0, of: 1 });
}

#[test]
fn top_people_this_year_most_first_then_by_name() {
    let j = journal(
        vec![
            person("cy", "Cy"),
            person("ada", "Ada"),
            person("bo", "Bo"),
            person("nil", "Nil"),
        ],
        vec![
            entry("2027-01-02T10:00:00+01:00", &["bo", "cy"], "x"),
            entry("2027-01-03T10:00:00+01:00", &["ada"], "x"),
            entry("2027-01-04T10:00:00+01:00", &["bo"], "x"),
            entry(
                "2027-01-05T10:00:00+01:00",
                &["gone"],
                "someone without a file",
            ),
        ],
    );
    let s = stats(&j, today(), None);
    let names: Vec<(&str, u32)> = s
        .top
        .iter()
        .map(|t| (j.contact(t.ix).unwrap().name.as_str(), t.entries))
        .collect();
    assert_eq!(names, vec![("Bo", 2), ("Ada", 1), ("Cy", 1)]);
    assert_eq!(s.people, 4);
}

#[test]
fn usual_gap_is_the_median_of_the_latest_gaps_with_one_meeting_a_day() {
    let j = journal(
        vec![person("ada", "Ada"), person("bo", "Bo")],
        vec![
            entry("2026-09-03T09:00:00+02:00", &["ada"], "x"),
            entry("2026-10-01T09:00:00+02:00", &["ada"], "x"),
            entry("2026-10-15T09:00:00+02:00", &["ada"], "x"),
            entry(
                "2026-10-15T18:00:00+02:00",
                &["ada"],
                "same day, one meeting",
            ),
            entry("2026-10-29T09:00:00+01:00", &["ada"], "x"),
            entry("2026-12-31T09:00:00+01:00", &["ada"], "a long gap once"),
            entry("2026-12-01T09:00:00+01:00", &["bo"], "x"),
            entry("2026-12-04T09:00:00+01:00", &["bo"], "x"),
        ],
    );
    // Gaps 63, 14, 14, 28 (newest first): sorted, the middle two are 14 and 28, so three
    // weeks; the one long gap does not make it "every nine weeks".
    assert_eq!(usual_gap_weeks(&j, 0, today()), Some(3));
    // Three days rounds to no weeks; the least said is "every week".
    assert_eq!(usual_gap_weeks(&j, 1, today()), Some(1));
    let p = of_person(&j, 0, today(), None).unwrap();
    assert_eq!(p.months.last().unwrap(), &(ym(2027, 1), 0));
    assert_eq!(p.months[10], (ym(2026, 12), 1));
    assert_eq!(p.months[8], (ym(2026, 10), 4));
    let p = of_person(&j, 0, today(), Some(d(2026, 9, 30))).unwrap();
    assert_eq!(p.months.len(), 5);
    assert_eq!(p.months[0], (ym(2026, 9), 1));
}

#[test]
fn an_even_number_of_gaps_takes_the_middle_two() {
    let j = journal(
        vec![person("ada", "Ada")],
        vec![
            entry("2026-01-01T09:00:00+01:00", &["ada"], "x"),
            entry("2026-01-08T09:00:00+01:00", &["ada"], "x"),
            entry("2026-01-29T09:00:00+01:00", &["ada"], "x"),
        ],
    );
    // Gaps 7 and 21: 14 days.
    assert_eq!(usual_gap_weeks(&j, 0, today()), Some(2));
}

#[test]
fn calendar_steps_across_years() {
    assert_eq!(ym(2027, 1).back(1), ym(2026, 12));
    assert_eq!(ym(2026, 12).back(-1), ym(2027, 1));
    assert_eq!(ym(2027, 1).since(ym(2025, 2)), 23);
    assert_eq!(ym(2024, 2).last_day(), Some(d(2024, 2, 29)));
    assert_eq!(ym(2026, 12).last_day(), Some(d(2026, 12, 31)));
    assert_eq!(calendar::monday_of(d(2027, 1, 10)), d(2027, 1, 4));
    assert_eq!(calendar::sunday_of(d(2027, 1, 4)), d(2027, 1, 10));
}

#[test]
fn a_since_after_today_or_far_back_is_held_in_range() {
    let j = journal(vec![], vec![]);
    assert_eq!(stats(&j, today(), Some(d(2030, 1, 1))).months.len(), MONTHS);
    assert_eq!(
        stats(&j, today(), Some(d(1, 1, 1))).months.len(),
        MAX_MONTHS
    );
    assert_eq!(stats(&j, today(), Some(d(2027, 1, 3))).months.len(), 1);
}

#[test]
fn archived_people_are_left_out_of_every_figure_about_people() {
    use crate::model::Archived;
    let mut ada = person("ada", "Ada");
    ada.keep_in_touch_days = Some(7);
    ada.archived = Some(Archived::Since(d(2026, 12, 1)));
    ada.needs = vec![need(1, "A publisher", d(2026, 11, 2))];
    let mut bo = person("bo", "Bo");
    bo.keep_in_touch_days = Some(30);
    let j = journal(
        vec![ada, bo],
        vec![
            entry("2027-01-02T10:00:00+01:00", &["ada"], "x"),
            entry("2027-01-03T10:00:00+01:00", &["ada", "bo"], "x"),
        ],
    );
    let s = stats(&j, today(), None);
    // Their entries happened: the month counts them.
    assert_eq!(row(&s, ym(2027, 1)).total, 2);
    assert_eq!(s.top, vec![Top { ix: 1, entries: 1 }]);
    assert_eq!(s.people, 1);
    assert_eq!(s.rhythm_now, Share { within: 1, of: 1 });
    assert_eq!(row(&s, ym(2027, 1)).in_rhythm, Share { within: 1, of: 1 });
    assert_eq!(row(&s, ym(2026, 11)).needs_opened, 0);
}
