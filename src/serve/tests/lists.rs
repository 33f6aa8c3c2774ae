use super::fixture::*;
use crate::journal::Journal;
use crate::model::Birthday;
use crate::serve::{birthdays, follow_ups, reconnect, today};

fn rhythm(id: &str, name: &str, days: u32) -> crate::model::Contact {
    let mut c = person(id, name);
    c.keep_in_touch_days = Some(days);
    c
}

fn names(j: &Journal, ixs: impl IntoIterator<Item = usize>) -> Vec<String> {
    ixs.into_iter()
        .map(|ix| j.contacts()[ix].name.clone())
        .collect()
}

fn reconnect_network() -> Journal {
    let mut ada = rhythm("ada", "Ada", 30);
    ada.needs.push(need(1, "A publisher", d(2026, 11, 1)));
    let contacts = vec![
        ada,
        rhythm("bea", "Bea", 14), // never contacted: one full rhythm past
        rhythm("cem", "Cem", 30), // 84 days: 54 past
        rhythm("dan", "Dan", 60), // 23 days: within
        person("eve", "Eve"),     // no rhythm
        rhythm("fay", "Fay", 7),  // 10 days: 3 past
        rhythm("gus", "Gus", 7),  // 10 days: 3 past, same as Fay
        rhythm("hal", "Hal", 1),  // 31 days: 30 past
    ];
    let entries = vec![
        entry("2026-10-01T10:00:00+02:00", &["ada"], "x"),
        entry("2026-09-01T10:00:00+02:00", &["cem"], "x"),
        entry("2026-11-01T10:00:00+01:00", &["dan"], "x"),
        entry("2026-01-01T10:00:00+01:00", &["eve"], "x"),
        entry("2026-11-14T10:00:00+01:00", &["fay", "gus"], "x"),
        entry("2026-10-24T10:00:00+02:00", &["hal"], "x"),
    ];
    journal(contacts, entries)
}

#[test]
fn reconnect_puts_open_needs_first_then_most_overdue() {
    let j = reconnect_network();
    let list = reconnect(&j, d(2026, 11, 24));
    assert_eq!(
        names(&j, list.iter().map(|o| o.ix)),
        vec!["Ada", "Cem", "Hal", "Bea", "Fay", "Gus"]
    );
    let ada = &list[0];
    assert_eq!(
        (ada.days_since, ada.days_over, ada.open_needs),
        (Some(54), 24, 1)
    );
    assert_eq!((list[3].days_since, list[3].days_over), (None, 14));
}

#[test]
fn any_entry_resets_the_clock() {
    let mut j = reconnect_network();
    j.add_entry(entry(
        "2026-11-23T10:00:00+01:00",
        &["cem", "bea"],
        "Dinner",
    ));
    let list = reconnect(&j, d(2026, 11, 24));
    assert_eq!(
        names(&j, list.iter().map(|o| o.ix)),
        vec!["Ada", "Hal", "Fay", "Gus"]
    );
}

#[test]
fn follow_ups_due_within_a_window_across_a_month_end() {
    let mut a = person("a", "A");
    a.follow_ups = vec![
        promise(1, "late", Some(d(2026, 11, 1))),
        promise(2, "today", Some(d(2026, 11, 30))),
        promise(3, "tomorrow", Some(d(2026, 12, 1))),
        promise(4, "in a week", Some(d(2026, 12, 7))),
        promise(5, "in eight days", Some(d(2026, 12, 8))),
        promise(6, "undated", None),
        {
            let mut f = promise(7, "done", Some(d(2026, 10, 1)));
            f.done = true;
            f
        },
    ];
    let mut b = person("b", "B");
    b.follow_ups = vec![promise(1, "also today", Some(d(2026, 11, 30)))];
    let j = journal(vec![a, b], vec![]);
    let got: Vec<(String, i64)> = follow_ups(&j, d(2026, 11, 30), 7)
        .into_iter()
        .map(|f| (f.what, f.days_late))
        .collect();
    let want = [
        ("late", 29),
        ("today", 0),
        ("also today", 0),
        ("tomorrow", -1),
        ("in a week", -7),
    ];
    assert_eq!(got, want.map(|(w, n)| (w.to_string(), n)).to_vec());
    assert_eq!(follow_ups(&j, d(2026, 11, 30), 0).len(), 3);
}

fn birthday_network() -> Journal {
    let mut leap = person("leila", "Leila");
    leap.birthday = Some(Birthday::MonthDay(2, 29));
    let mut full_leap = person("lars", "Lars");
    full_leap.birthday = born(2000, 2, 29);
    let mut jan = person("jan", "Jan");
    jan.birthday = Some(Birthday::MonthDay(1, 3));
    let mut nye = person("nye", "Nye");
    nye.birthday = born(1990, 12, 31);
    journal(vec![leap, full_leap, jan, nye], vec![])
}

#[test]
fn birthdays_across_the_year_end_with_and_without_a_year() {
    let j = birthday_network();
    let got: Vec<_> = birthdays(&j, d(2026, 12, 31), 30)
        .into_iter()
        .map(|b| {
            (
                j.contacts()[b.ix].id.clone(),
                b.date,
                b.days_until,
                b.turning,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("nye".to_string(), d(2026, 12, 31), 0, Some(36)),
            ("jan".to_string(), d(2027, 1, 3), 3, None),
        ]
    );
}

#[test]
fn feb_29_birthdays_fall_on_feb_28_in_2027_and_feb_29_in_2028() {
    let j = birthday_network();
    let in_2027: Vec<_> = birthdays(&j, d(2027, 2, 20), 30)
        .into_iter()
        .map(|b| {
            (
                j.contacts()[b.ix].id.clone(),
                b.date,
                b.days_until,
                b.turning,
            )
        })
        .collect();
    assert_eq!(
        in_2027,
        vec![
            ("leila".to_string(), d(2027, 2, 28), 8, None),
            ("lars".to_string(), d(2027, 2, 28), 8, Some(27)),
        ]
    );
    let in_2028: Vec<_> = birthdays(&j, d(2028, 2, 20), 30)
        .into_iter()
        .map(|b| (j.contacts()[b.ix].id.clone(), b.date, b.days_until))
        .collect();
    assert_eq!(
        in_2028,
        vec![
            ("leila".to_string(), d(2028, 2, 29), 9),
            ("lars".to_string(), d(2028, 2, 29), 9)
        ]
    );
    // The 30-day window ends exactly at 30 days.
    assert_eq!(birthdays(&j, d(2027, 1, 29), 30).len(), 2);
    assert_eq!(birthdays(&j, d(2027, 1, 28), 30).len(), 0);
}

#[test]
fn today_gathers_what_is_due_now() {
    let mut j = reconnect_network();
    let mut ada = j.contacts()[j.ix("ada").unwrap()].clone();
    ada.follow_ups = vec![
        promise(1, "Send the draft", Some(d(2026, 11, 24))),
        promise(2, "Next week", Some(d(2026, 11, 25))),
    ];
    ada.birthday = Some(Birthday::MonthDay(12, 1));
    j.upsert_contact(ada);
    let mut cem = j.contacts()[j.ix("cem").unwrap()].clone();
    cem.birthday = Some(Birthday::MonthDay(12, 2));
    cem.can_help_with = vec!["book publishers".into()];
    j.upsert_contact(cem);
    let t = today(&j, d(2026, 11, 24));
    assert_eq!(t.follow_ups.len(), 1);
    assert_eq!(t.follow_ups[0].what, "Send the draft");
    // Dec 1 is 7 days away (this week); Dec 2 is 8.
    assert_eq!(names(&j, t.birthdays.iter().map(|b| b.ix)), vec!["Ada"]);
    assert_eq!(
        names(&j, t.reconnect.iter().map(|o| o.ix)),
        vec!["Ada", "Cem", "Hal", "Bea", "Fay"]
    );
    assert_eq!(t.reconnect_total, 6);
    assert_eq!(t.needs.len(), 1);
    assert_eq!(t.needs[0].need.what, "A publisher");
    assert_eq!(t.needs[0].age_days, 23);
    assert_eq!(
        names(&j, t.needs[0].helpers.iter().map(|h| h.ix)),
        vec!["Cem"]
    );
}
