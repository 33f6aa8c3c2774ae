use super::fixture::*;
use crate::model::{Kind, NeedStatus};
use crate::serve::intro;

fn pair() -> (crate::model::Contact, crate::model::Contact) {
    let mut zoe = person("zoe-muller", "Zoë Müller");
    zoe.needs = vec![need(1, "A job as a product designer ", d(2026, 9, 20)), {
        let mut n = need(2, "A flat", d(2026, 1, 1));
        n.status = NeedStatus::Met;
        n
    }];
    (zoe, person("nadia-petrova", "Nadia Petrova"))
}

#[test]
fn intro_for_a_need_records_both_people_and_marks_the_need_met() {
    let (zoe, nadia) = pair();
    let when = at("2026-11-24T14:26:00+01:00");
    let made = intro(&zoe, &nadia, Some(1), None, when).unwrap();
    let e = &made.entry;
    assert_eq!(e.id, "2026-11-24-1426-zoe");
    assert_eq!(e.kind, Kind::Intro);
    assert_eq!(e.with, vec!["zoe-muller", "nadia-petrova"]);
    assert_eq!(
        e.gave.as_deref(),
        Some("Introduced Zoë Müller to Nadia Petrova for: A job as a product designer")
    );
    assert_eq!(
        e.note,
        "Introduced Zoë Müller to Nadia Petrova for: A job as a product designer."
    );
    let update = made.need_update.unwrap();
    assert_eq!((update.need_id, update.met_on), (1, d(2026, 11, 24)));
    assert_eq!(update.how, "introduced to Nadia Petrova");
    let mut changed = zoe.clone();
    update.apply(&mut changed).unwrap();
    let n = changed.need(1).unwrap();
    assert_eq!(
        (n.status, n.met_on, n.how.as_deref()),
        (
            NeedStatus::Met,
            Some(d(2026, 11, 24)),
            Some("introduced to Nadia Petrova")
        )
    );
    // Applying again (the file changed meanwhile) refuses rather than overwriting.
    assert_eq!(
        update.apply(&mut changed),
        Err("need #1 of Zoë Müller is already met".into())
    );
}

/// The need the intro was for, reworded elsewhere meanwhile or removed and its number
/// given to a new need: the answer to "mark it met?" marks nothing.
#[test]
fn the_need_is_marked_met_only_while_it_reads_as_the_intro_had_it() {
    let (zoe, nadia) = pair();
    let update = intro(&zoe, &nadia, Some(1), None, at("2026-11-24T14:26:00+01:00"))
        .unwrap()
        .need_update
        .unwrap();
    assert_eq!(update.what, "A job as a product designer ");
    let mut reworded = zoe.clone();
    if let Some(n) = reworded.need_mut(1) {
        n.what = "A job as a UX lead".into();
    }
    let before = reworded.clone();
    assert_eq!(
        update.apply(&mut reworded),
        Err("need #1 of Zoë Müller changed since the intro and now reads \"A job as a UX lead\"; nothing was written".into())
    );
    assert_eq!(reworded, before, "nothing changed");
    let mut renumbered = zoe.clone();
    renumbered.needs.retain(|n| n.id != 1);
    renumbered.needs.push(need(1, "A lawyer", d(2026, 11, 20)));
    assert!(update.apply(&mut renumbered).is_err());
    assert_eq!(renumbered.need(1).unwrap().status, NeedStatus::Open);
}

#[test]
fn intro_without_a_need_keeps_your_note() {
    let (zoe, nadia) = pair();
    let made = intro(
        &zoe,
        &nadia,
        None,
        Some("  Email intro, both in cc \n"),
        at("2026-12-31T23:59:00+01:00"),
    )
    .unwrap();
    assert_eq!(made.entry.note, "Email intro, both in cc");
    assert_eq!(
        made.entry.gave.as_deref(),
        Some("Introduced Zoë Müller to Nadia Petrova")
    );
    assert_eq!(made.need_update, None);
}

#[test]
fn a_wrong_need_or_the_same_person_is_refused() {
    let (zoe, nadia) = pair();
    let when = at("2026-11-24T14:26:00+01:00");
    assert_eq!(
        intro(&zoe, &nadia, Some(9), None, when),
        Err("Zoë Müller has no need #9".into())
    );
    assert_eq!(
        intro(&zoe, &nadia, Some(2), None, when),
        Err("need #2 of Zoë Müller is already met".into())
    );
    assert_eq!(
        intro(&zoe, &zoe, None, None, when),
        Err("cannot introduce Zoë Müller to themselves".into())
    );
}
