//! The weekly review on a hand-made week: Wednesday 13 January 2027, looking back at this
//! week (Monday 11th to today) and last week (4th to 10th).

use super::review::{Week, review};
use crate::model::{By, Kind, NeedStatus};
use crate::serve::Network;
use crate::serve::tests::fixture::{asked, born, d, entry, gave, journal, need, person, promise};

fn week_journal() -> crate::journal::Journal {
    let mut ada = person("ada", "Ada");
    ada.keep_in_touch_days = Some(30);
    ada.birthday = born(1990, 1, 16);
    let mut flat = need(2, "A flat in Kreuzberg", d(2027, 1, 2));
    flat.status = NeedStatus::Met;
    flat.met_on = Some(d(2027, 1, 6));
    ada.needs = vec![
        need(1, "An introduction to a publisher", d(2026, 12, 1)),
        flat,
    ];
    let mut kept = promise(1, "Send the listing", Some(d(2027, 1, 5)));
    kept.done = true;
    ada.follow_ups = vec![
        kept,
        promise(2, "Return her book", Some(d(2027, 1, 8))),
        promise(3, "Call about Sunday", Some(d(2027, 1, 15))),
    ];
    let mut bo = person("bo", "Bo");
    let mut bike = need(1, "A bike", d(2026, 12, 20));
    bike.status = NeedStatus::Met;
    bike.met_on = Some(d(2027, 1, 7));
    bo.needs = vec![bike];
    let mut pump = promise(1, "Lend me his pump", Some(d(2027, 1, 9)));
    pump.by = By::Them;
    bo.follow_ups = vec![pump];
    let mut cy = person("cy", "Cy");
    cy.can_help_with = vec!["publisher introductions".into()];
    let mut dee = person("dee", "Dee");
    dee.keep_in_touch_days = Some(7);
    let mut intro = gave(
        entry(
            "2027-01-06T18:00:00+01:00",
            &["ada", "cy"],
            "Introduced them",
        ),
        "Introduced Ada to Cy",
    );
    intro.kind = Kind::Intro;
    journal(
        vec![ada, bo, cy, dee],
        vec![
            gave(
                entry("2027-01-05T09:00:00+01:00", &["ada"], "Coffee"),
                "A flat listing in Kreuzberg",
            ),
            intro,
            asked(
                entry("2027-01-08T19:00:00+01:00", &["bo"], "Call"),
                "His bike pump",
            ),
            entry("2027-01-12T09:00:00+01:00", &["bo"], "This week's walk"),
        ],
    )
}

#[test]
fn last_week_looked_back_at() {
    let j = week_journal();
    let r = review(&j, &Network::new(&j), d(2027, 1, 13), Week::Last);
    assert_eq!((r.from, r.to), (d(2027, 1, 4), d(2027, 1, 10)));
    let seen: Vec<(usize, u32)> = r.seen.iter().map(|s| (s.ix, s.entries)).collect();
    // Ada twice, then Bo and Cy once each, by name.
    assert_eq!(seen, vec![(0, 2), (1, 1), (2, 1)]);
    let gave: Vec<&str> = r.gave.iter().map(|m| m.what.as_str()).collect();
    assert_eq!(
        gave,
        vec!["A flat listing in Kreuzberg", "Introduced Ada to Cy"]
    );
    assert_eq!(r.asked.len(), 1);
    assert_eq!(r.asked[0].what, "His bike pump");
    assert_eq!(r.asked[0].day, d(2027, 1, 8));
    assert_eq!(r.intros.len(), 1);
    assert_eq!(r.intros[0].with, vec!["ada", "cy"]);
    let kept: Vec<&str> = r.kept.iter().map(|p| p.follow_up.what.as_str()).collect();
    assert_eq!(kept, vec!["Send the listing"]);
    let open: Vec<&str> = r.open.iter().map(|p| p.follow_up.what.as_str()).collect();
    assert_eq!(open, vec!["Return her book", "Lend me his pump"]);
    // The flat: you sent a listing about it. The bike: met without you.
    assert_eq!(r.met_with_you.len(), 1);
    assert_eq!(r.met_with_you[0].need.what, "A flat in Kreuzberg");
    assert_eq!(r.met_without_you.len(), 1);
    assert_eq!(r.met_without_you[0].ix, 1);
    // The coming week, from today.
    assert_eq!(r.birthdays.len(), 1);
    assert_eq!(r.birthdays[0].date, d(2027, 1, 16));
    let due: Vec<&str> = r.due.iter().map(|f| f.what.as_str()).collect();
    assert_eq!(due, vec!["Return her book", "Call about Sunday"]);
    assert_eq!(r.drifting_total, 1);
    assert_eq!(r.drifting[0].ix, 3);
    assert!(!r.is_quiet());
}

#[test]
fn this_week_runs_from_monday_to_today() {
    let j = week_journal();
    let r = review(&j, &Network::new(&j), d(2027, 1, 13), Week::This);
    assert_eq!((r.from, r.to), (d(2027, 1, 11), d(2027, 1, 13)));
    assert_eq!(r.seen.len(), 1);
    assert_eq!(r.seen[0].ix, 1);
    assert!(r.gave.is_empty() && r.kept.is_empty() && r.met_with_you.is_empty());
}

#[test]
fn a_monday_review_of_last_week_covers_the_whole_of_it() {
    let j = week_journal();
    let r = review(&j, &Network::new(&j), d(2027, 1, 11), Week::Last);
    assert_eq!((r.from, r.to), (d(2027, 1, 4), d(2027, 1, 10)));
    let r = review(&j, &Network::new(&j), d(2027, 1, 11), Week::This);
    assert_eq!((r.from, r.to), (d(2027, 1, 11), d(2027, 1, 11)));
}

#[test]
fn an_empty_journal_is_a_quiet_week() {
    let j = journal(vec![], vec![]);
    let r = review(&j, &Network::new(&j), d(2027, 1, 13), Week::Last);
    assert!(r.is_quiet());
}
