//! `x` and `d` say which need they are about, and ask when several are open (issue 11, item 5).

use super::*;
use crate::app::state::PickNeed;

/// Marco's second need in the demo, as the screen shows it.
const CATERING: &str = "Catering for the January meetup on a tiny budget";

fn prompt(s: &AppState) -> String {
    match &s.popup {
        Some(Popup::Input(i)) => i.prompt.clone(),
        Some(Popup::Confirm { text, .. }) => text.clone(),
        other => panic!("no question open: {other:?}"),
    }
}

#[test]
fn with_several_open_needs_met_asks_which_first() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "marco");
    assert_eq!(s.focus, Pane::Contacts);
    assert!(run(&mut s, &mut j, [MeetNeed]).is_empty());
    assert_eq!(
        s.popup,
        Some(Popup::PickNeed(PickNeed {
            contact: "marco-rossi".into(),
            needs: vec![1, 2],
            sel: 0,
            met: true,
            error: None,
        }))
    );
    run(&mut s, &mut j, [Down, Down, Submit]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(i)) if i.ask == Ask::MetHow { contact: "marco-rossi".into(), need: 2, shown: CATERING.into() })
    );
    assert_eq!(
        prompt(&s),
        "Mark met: #2 Catering for the January meetup on… — how?"
    );
    run(&mut s, &mut j, typed("Pizza from Lina"));
    assert_eq!(
        run(&mut s, &mut j, [Submit]),
        vec![Effect::SetNeed {
            contact: "marco-rossi".into(),
            need: 2,
            status: NeedStatus::Met,
            how: Some("Pizza from Lina".into()),
            on: today(),
            shown: CATERING.into(),
        }]
    );
}

#[test]
fn the_number_picks_and_esc_cancels() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "marco");
    run(&mut s, &mut j, [DropNeed, Type('7')]);
    let Some(Popup::PickNeed(pick)) = &s.popup else {
        panic!("{:?}", s.popup)
    };
    assert_eq!(pick.error.as_deref(), Some("no open need #7 here"));
    run(&mut s, &mut j, [Type('2')]);
    assert_eq!(prompt(&s), format!("Drop need #2 \"{CATERING}\"?"));
    assert_eq!(
        run(&mut s, &mut j, [Yes]),
        vec![Effect::SetNeed {
            contact: "marco-rossi".into(),
            need: 2,
            status: NeedStatus::Dropped,
            how: None,
            on: today(),
            shown: CATERING.into(),
        }]
    );
    run(&mut s, &mut j, [MeetNeed, Back]);
    assert!(s.popup.is_none(), "esc closes the picker");
}

#[test]
fn the_picker_holds_need_numbers_not_places() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "marco");
    run(&mut s, &mut j, [MeetNeed]);
    // Need #1 is met elsewhere (the CLI, a second terminal) while the picker is open.
    let mut marco = j.by_id("marco-rossi").unwrap().clone();
    marco.need_mut(1).unwrap().status = NeedStatus::Met;
    j.upsert_contact(marco);
    let effects = run(&mut s, &mut j, [Submit]);
    assert!(effects.is_empty());
    assert!(s.popup.is_none(), "nothing asked about another need");
    let status = s.status.as_ref().unwrap().text.clone();
    assert_eq!(status, "need #1 is already met");
}

#[test]
fn one_open_need_is_named_without_asking_which() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "aiko");
    run(&mut s, &mut j, [MeetNeed]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(crate::app::state::Input { ask: Ask::MetHow { contact, need: 2, .. }, .. })) if contact == "aiko-tanaka")
    );
    assert!(prompt(&s).starts_with("Mark met: #2 "), "{}", prompt(&s));
}

#[test]
fn the_need_selected_in_the_needs_pane_is_the_one() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "marco");
    run(&mut s, &mut j, [NextPane, NextPane, Down, MeetNeed]);
    assert!(
        prompt(&s).starts_with("Mark met: #2 Catering"),
        "{}",
        prompt(&s)
    );
}

#[test]
fn no_open_need_is_said() {
    let (mut s, mut j) = demo();
    let mut marco = j.by_id("marco-rossi").unwrap().clone();
    marco
        .needs
        .iter_mut()
        .for_each(|n| n.status = NeedStatus::Met);
    j.upsert_contact(marco);
    select(&mut s, &mut j, "marco");
    run(&mut s, &mut j, [MeetNeed]);
    assert!(s.popup.is_none());
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "Marco Rossi has no open needs"
    );
}
