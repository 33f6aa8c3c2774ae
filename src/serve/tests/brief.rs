use super::fixture::*;
use crate::journal::Journal;
use crate::model::{Birthday, NeedStatus};
use crate::serve::{Balance, KnownSince, brief};

fn zoe_journal() -> Journal {
    let mut zoe = person("zoe", "Zoë Müller");
    zoe.role = Some("Product designer".into());
    zoe.met = Some("Berlin Design Week 2023: shared a table".into());
    zoe.birthday = born(1991, 12, 3);
    zoe.keep_in_touch_days = Some(30);
    zoe.can_help_with = vec!["UI design".into()];
    zoe.needs = vec![
        need(2, "Feedback on her portfolio case studies", d(2026, 10, 1)),
        need(1, "A full-time job as a product designer", d(2026, 9, 20)),
        {
            let mut n = need(3, "A flat", d(2026, 1, 1));
            n.status = NeedStatus::Met;
            n
        },
    ];
    zoe.follow_ups = vec![
        promise(1, "Send Nadia's contact", Some(d(2026, 11, 26))),
        promise(2, "Return her book", Some(d(2026, 11, 20))),
        promise(3, "Some day: visit the studio", None),
        {
            let mut f = promise(4, "Done already", Some(d(2026, 11, 1)));
            f.done = true;
            f
        },
    ];
    let mut nadia = person("nadia", "Nadia");
    nadia.can_help_with = vec!["hiring product designers".into()];
    let mut ruth = person("ruth", "Ruth");
    ruth.can_help_with = vec!["portfolio reviews".into()];
    let entries = vec![
        // Exactly 365 days before today: outside the year.
        gave(
            entry("2025-11-24T10:00:00+01:00", &["zoe"], "Old times"),
            "Lent a book",
        ),
        asked(
            entry("2025-11-25T10:00:00+01:00", &["zoe"], "Coffee"),
            "Asked for a font tip",
        ),
        entry("2026-05-07T12:30:00+02:00", &["zoe"], "Lunch."),
        gave(
            entry("2026-09-19T12:00:00+02:00", &["zoe"], "Before the need"),
            "Designer advice",
        ),
        entry("2026-09-20T11:00:00+02:00", &["zoe"], "She was laid off."),
        gave(
            entry(
                "2026-10-02T12:00:00+02:00",
                &["zoe", "ruth"],
                "Portfolio evening with Ruth.",
            ),
            "Reviewed her case studies",
        ),
        gave(
            entry(
                "2026-11-14T12:30:00+01:00",
                &["zoe"],
                "Lunch. Talked about the job hunt.",
            ),
            "Sent two designer job posts",
        ),
        asked(
            entry("2026-11-20T09:00:00+01:00", &["zoe"], "Quick call"),
            "Asked her to test my app",
        ),
    ];
    journal(vec![zoe, nadia, ruth], entries)
}

#[test]
fn who_they_are() {
    let j = zoe_journal();
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 24)).unwrap();
    // The year in `met` is earlier than the first entry (2025-11-24).
    assert_eq!(b.known_since, Some(KnownSince::Year(2023)));
    assert_eq!(b.known_since.unwrap().years(d(2026, 11, 24)), 3);
    assert_eq!(b.last_spoke, Some(d(2026, 11, 20)));
    assert_eq!(b.days_since, Some(4));
    // Gaps of 6, 43, 12, 1, 122, 163 and 1 days: the median is 12 days, two weeks.
    assert_eq!(b.usual_weeks, Some(2));
    let bd = b.birthday.unwrap();
    assert_eq!(
        (bd.date, bd.days_until, bd.turning),
        (d(2026, 12, 3), 9, Some(35))
    );
    // 35 days ahead is outside the brief's 30.
    let later = brief(&j, j.ix("zoe").unwrap(), d(2026, 10, 29)).unwrap();
    assert_eq!(later.birthday, None);
}

#[test]
fn known_since_the_first_entry_without_a_year_in_met() {
    let mut j = zoe_journal();
    let ix = j.ix("zoe").unwrap();
    let mut zoe = j.contacts()[ix].clone();
    zoe.met = Some("at a party".into());
    j.upsert_contact(zoe);
    let b = brief(&j, ix, d(2026, 11, 24)).unwrap();
    assert_eq!(b.known_since, Some(KnownSince::Date(d(2025, 11, 24))));
    assert_eq!(b.known_since.unwrap().years(d(2026, 11, 24)), 1);
    assert_eq!(b.known_since.unwrap().years(d(2026, 11, 23)), 0);
}

#[test]
fn open_needs_oldest_first_with_age_what_you_did_and_helpers() {
    let j = zoe_journal();
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 24)).unwrap();
    let ids: Vec<u32> = b.needs.iter().map(|n| n.need.id).collect();
    assert_eq!(ids, vec![1, 2], "open only, oldest first");
    assert_eq!((b.needs[0].age_days, b.needs[1].age_days), (65, 54));
    // Job: the entry before the need was raised does not count; the one giving job posts does.
    let done: Vec<&str> = b.needs[0].done.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(done, vec!["2026-11-14-1230-zoe"]);
    // Case studies: the portfolio evening gave "case studies".
    let done: Vec<&str> = b.needs[1].done.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(done, vec!["2026-10-02-1200-zoe"]);
    let helper = |n: usize| -> Vec<String> {
        b.needs[n]
            .helpers
            .iter()
            .map(|h| j.contacts()[h.ix].id.clone())
            .collect()
    };
    assert_eq!(helper(0), vec!["nadia"]);
    assert_eq!(helper(1), vec!["ruth"]);
    let meet: Vec<(String, u32)> = b
        .meet
        .iter()
        .map(|s| (j.contacts()[s.helper.ix].id.clone(), s.need_id))
        .collect();
    assert_eq!(meet, vec![("nadia".into(), 1), ("ruth".into(), 2)]);
}

#[test]
fn promises_overdue_first_then_by_date_then_undated() {
    let j = zoe_journal();
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 24)).unwrap();
    let got: Vec<(u32, Option<i64>)> = b
        .follow_ups
        .iter()
        .map(|f| (f.follow_up.id, f.days_late))
        .collect();
    assert_eq!(got, vec![(2, Some(4)), (1, Some(-2)), (3, None)]);
}

#[test]
fn last_five_interactions_newest_first_with_full_notes() {
    let j = zoe_journal();
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 24)).unwrap();
    let ids: Vec<&str> = b.recent.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "2026-11-20-0900-zoe",
            "2026-11-14-1230-zoe",
            "2026-10-02-1200-zoe",
            "2026-09-20-1100-zoe",
            "2026-09-19-1200-zoe"
        ]
    );
    assert_eq!(b.recent[1].note, "Lunch. Talked about the job hunt.");
    assert_eq!(b.contact.can_help_with, vec!["UI design"]);
}

#[test]
fn give_and_ask_over_the_last_365_days() {
    let j = zoe_journal();
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 24)).unwrap();
    assert_eq!(
        b.balance,
        Balance {
            gave: 3,
            asked: 2,
            latest_gave: Some((d(2026, 11, 14), "Sent two designer job posts".into())),
            latest_asked: Some((d(2026, 11, 20), "Asked her to test my app".into())),
        }
    );
    // A day later the font tip (2025-11-25) falls out of the year.
    let b = brief(&j, j.ix("zoe").unwrap(), d(2026, 11, 25)).unwrap();
    assert_eq!((b.balance.gave, b.balance.asked), (3, 1));
}

#[test]
fn balance_across_the_year_end_ignores_the_future() {
    let entries = vec![
        gave(
            entry("2026-01-01T12:00:00+01:00", &["a"], "x"),
            "out: 365 days",
        ),
        gave(
            entry("2026-01-02T12:00:00+01:00", &["a"], "x"),
            "in: 364 days",
        ),
        gave(entry("2027-01-01T08:00:00+01:00", &["a"], "x"), "in: today"),
        gave(entry("2027-01-02T08:00:00+01:00", &["a"], "x"), "future"),
    ];
    let j = journal(vec![person("a", "A")], entries);
    let b = brief(&j, 0, d(2027, 1, 1)).unwrap();
    assert_eq!(b.balance.gave, 2);
    assert_eq!(
        b.balance.latest_gave,
        Some((d(2027, 1, 1), "in: today".into()))
    );
    assert_eq!(b.balance.asked, 0);
}

#[test]
fn someone_new_has_an_almost_empty_brief() {
    let mut a = person("a", "A");
    a.birthday = Some(Birthday::MonthDay(1, 3));
    let j = journal(vec![a], vec![]);
    let b = brief(&j, 0, d(2026, 12, 31)).unwrap();
    assert_eq!(b.known_since, None);
    assert_eq!(b.days_since, None);
    assert!(
        b.needs.is_empty() && b.follow_ups.is_empty() && b.recent.is_empty() && b.meet.is_empty()
    );
    let bd = b.birthday.unwrap();
    assert_eq!(
        (bd.date, bd.days_until, bd.turning),
        (d(2027, 1, 3), 3, None)
    );
    assert!(brief(&j, 7, d(2026, 12, 31)).is_none());
}
