//! Needs on the in-memory store: recorded, marked met or dropped only while open and as
//! shown, reworded, and a number that is not there; what each writes and says.

use super::tests::{AIKO, day, file, store};
use super::*;
use crate::model::NeedStatus;
use crate::store::paths;

#[test]
fn a_need_is_numbered_after_the_others_and_said_both_ways() {
    let store = store();
    let done = AddNeed::new(" a job ", day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(done.line, "need #3 recorded for Aiko Tanaka");
    assert_eq!(done.status, "need recorded");
    let need = done.contact.need(3).unwrap();
    assert_eq!((need.what.as_str(), need.since), ("a job", day(3)));
    assert!(file(&store).starts_with("# kept\n"), "{}", file(&store));
}

#[test]
fn met_keeps_how_and_the_day_dropped_clears_the_day() {
    let store = store();
    let met = SetNeed::met(2, Some("intro to Sofia".into()), day(3))
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(
        met.line,
        "need #2 of Aiko Tanaka marked met: intro to Sofia"
    );
    assert_eq!(met.status, "need marked met");
    let n = met.contact.need(2).unwrap();
    assert_eq!(n.status, NeedStatus::Met);
    assert_eq!(n.met_on, Some(day(3)));
    assert_eq!(n.how.as_deref(), Some("intro to Sofia"));
    // A blank how is no how.
    AddNeed::new("a desk", day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    let blank = SetNeed::met(3, Some("  ".into()), day(4))
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(blank.contact.need(3).unwrap().how, None);
    assert_eq!(blank.line, "need #3 of Aiko Tanaka marked met");
    AddNeed::new("a bike", day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    let dropped = SetNeed::dropped(4, day(5)).apply(&store, "aiko").unwrap();
    assert_eq!(dropped.line, "need #4 of Aiko Tanaka marked dropped");
    let n = dropped.contact.need(4).unwrap();
    assert_eq!((n.status, n.met_on), (NeedStatus::Dropped, None));
}

/// A need met or dropped is not marked again, as the screen and `rolo intro` refuse: a met
/// need dropped would lose the day it was met, and a repeated command would say it did
/// something. The file is left as it was.
#[test]
fn a_need_no_longer_open_is_not_marked_again() {
    let store = store();
    SetNeed::met(2, Some("intro to Sofia".into()), day(3))
        .apply(&store, "aiko")
        .unwrap();
    AddNeed::new("a bike", day(3))
        .unwrap()
        .apply(&store, "aiko")
        .unwrap();
    SetNeed::dropped(3, day(3)).apply(&store, "aiko").unwrap();
    let before = file(&store);
    let met = "need #2 of Aiko Tanaka is already met (on 3 Dec 2026)";
    let dropped = "need #3 of Aiko Tanaka is already dropped";
    let refused = [
        (SetNeed::met(2, Some("again".into()), day(4)), met),
        (SetNeed::met(2, None, day(4)), met),
        (SetNeed::dropped(2, day(4)), met),
        (SetNeed::met(3, None, day(4)), dropped),
        (SetNeed::dropped(3, day(4)), dropped),
    ];
    for (op, why) in refused {
        let e = op.apply(&store, "aiko").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{why}; nothing was written (`rolo edit` changes it by hand)")
        );
    }
    assert_eq!(file(&store), before, "a refused change writes nothing");
}

#[test]
fn a_need_chosen_on_screen_changes_only_while_it_is_what_was_shown() {
    let store = store();
    // Another terminal reworded need #2 since the screen showed it as "a flat".
    let reworded = AIKO.replace("what = \"a flat\"", "what = \"a flat near the Spree\"");
    store
        .fs()
        .write_atomic(&paths::contact("aiko"), reworded.as_bytes())
        .unwrap();
    let before = file(&store);
    let refused = [
        SetNeed::met(2, Some("intro to Sofia".into()), day(3))
            .as_shown("a flat")
            .apply(&store, "aiko"),
        SetNeed::dropped(2, day(3))
            .as_shown("a flat")
            .apply(&store, "aiko"),
        RewordNeed::new(2, "a flat with a balcony")
            .unwrap()
            .as_shown("a flat")
            .apply(&store, "aiko"),
    ];
    for e in refused {
        let e = e.unwrap_err();
        assert_eq!(
            e.changed_need().as_deref(),
            Some("need #2 changed meanwhile")
        );
        assert_eq!(
            e.to_string(),
            "need #2 of Aiko Tanaka changed since it was shown and now reads \"a flat near the Spree\"; nothing was written"
        );
        assert_eq!(
            e.status(),
            "need #2 changed meanwhile and now reads \"a flat near the Spree\"; nothing was written"
        );
    }
    assert_eq!(file(&store), before, "a refused change writes nothing");
    // The words as they are now: the change is made.
    let met = SetNeed::met(2, None, day(3))
        .as_shown("a flat near the Spree")
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(met.contact.need(2).unwrap().status, NeedStatus::Met);
    // Marked met (here by the line above, as a second terminal would): the same words no
    // longer make it the open need that was chosen, to mark or to drop.
    let met_file = file(&store);
    for op in [
        SetNeed::met(2, Some("again".into()), day(4)),
        SetNeed::dropped(2, day(4)),
    ] {
        let e = op
            .as_shown("a flat near the Spree")
            .apply(&store, "aiko")
            .unwrap_err();
        assert_eq!(
            e.status(),
            "need #2 changed meanwhile and is met already; nothing was written"
        );
    }
    assert_eq!(file(&store), met_file);
    // Rewording looks at the words only: a met need can be put in new words.
    let done = RewordNeed::new(2, "a flat, found")
        .unwrap()
        .as_shown("a flat near the Spree")
        .apply(&store, "aiko")
        .unwrap();
    assert_eq!(done.contact.need(2).unwrap().what, "a flat, found");
    // Words changed under a met need: the words are what is said, not its status.
    let e = RewordNeed::new(2, "a flat, with a view")
        .unwrap()
        .as_shown("a flat near the Spree")
        .apply(&store, "aiko")
        .unwrap_err();
    assert_eq!(
        e.status(),
        "need #2 changed meanwhile and now reads \"a flat, found\"; nothing was written"
    );
    // Gone altogether: said as gone, and also a need no longer as chosen.
    let e = SetNeed::dropped(9, day(3))
        .as_shown("a flat")
        .apply(&store, "aiko")
        .unwrap_err();
    assert!(matches!(e, OpError::NoNeed { need: 9, .. }));
    assert_eq!(
        e.changed_need().as_deref(),
        Some("need #9 is gone from the file")
    );
}

#[test]
fn a_missing_number_is_typed_and_worded_for_each_door() {
    let store = store();
    let before = file(&store);
    let e = SetNeed::dropped(9, day(3))
        .apply(&store, "aiko")
        .unwrap_err();
    assert!(matches!(e, OpError::NoNeed { need: 9, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "Aiko Tanaka has no need #9 (see `rolo show aiko`)"
    );
    assert_eq!(e.status(), "need #9 is gone from the file");
    let e = FollowUpDone { id: 4 }.apply(&store, "aiko").unwrap_err();
    assert_eq!(e.to_string(), "Aiko Tanaka has no follow-up #4");
    assert_eq!(e.status(), "follow-up #4 is gone from the file");
    assert_eq!(file(&store), before, "a refused change writes nothing");
    let gone = AddNeed::new("x", day(3)).unwrap().apply(&store, "nobody");
    assert!(gone.unwrap_err().is_not_found());
}
