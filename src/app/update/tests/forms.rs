//! Questions, confirmations, edits and drafts.

use super::*;

#[test]
fn new_need_asks_and_records() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewNeed]);
    assert!(
        matches!(&s.popup, Some(Popup::Input(i)) if i.ask == Ask::NewNeed { contact: "oliver-brandt".into() })
    );
    assert!(
        run(&mut s, &mut j, [Submit]).is_empty(),
        "an empty answer is refused"
    );
    run(&mut s, &mut j, typed("A flat"));
    run(
        &mut s,
        &mut j,
        [
            Home,
            Delete,
            Type('a'),
            End,
            Left,
            Right,
            Backspace,
            Type('t'),
        ],
    );
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::AddNeed {
            contact: "oliver-brandt".into(),
            what: "a flat".into(),
            since: today()
        }]
    );
    assert!(s.popup.is_none());
    run(&mut s, &mut j, [NewNeed, Back]);
    assert!(s.popup.is_none());
}

#[test]
fn meeting_and_dropping_the_selected_need() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "aiko");
    run(&mut s, &mut j, [NextPane, NextPane, MeetNeed]);
    let contact = "aiko-tanaka".to_string();
    let shown = j.by_id(&contact).unwrap().need(2).unwrap().what.clone();
    assert!(
        matches!(&s.popup, Some(Popup::Input(i)) if i.ask == Ask::MetHow { contact: contact.clone(), need: 2, shown: shown.clone() })
    );
    run(&mut s, &mut j, typed("intro to Sofia"));
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::SetNeed {
            contact: contact.clone(),
            need: 2,
            status: NeedStatus::Met,
            how: Some("intro to Sofia".into()),
            on: today(),
            shown: shown.clone(),
        }]
    );
    let effects = run(&mut s, &mut j, [DropNeed, Yes]);
    assert!(matches!(
        &effects[..],
        [Effect::SetNeed {
            status: NeedStatus::Dropped,
            need: 2,
            shown: dropped,
            ..
        }] if *dropped == shown
    ));
    // The second need of Aiko is already met: nothing to do.
    run(&mut s, &mut j, [Down, MeetNeed]);
    assert!(s.popup.is_none());
    assert!(s.status.as_ref().unwrap().text.contains("already met"));
}

#[test]
fn follow_up_asks_what_then_when() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewFollowUp]);
    run(&mut s, &mut j, typed("Send the plan"));
    run(&mut s, &mut j, [Submit]);
    run(&mut s, &mut j, typed("never-ish"));
    assert!(run(&mut s, &mut j, [Submit]).is_empty());
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert!(i.error.is_some(), "a date that does not parse is explained");
    // The first key that changes the text takes the error away (it was about the old
    // text): the prompt shows what the new text reads as instead.
    run(&mut s, &mut j, [Backspace]);
    let Some(Popup::Input(i)) = &s.popup else {
        panic!()
    };
    assert_eq!(i.error, None, "a stale error after the text changed");
    for _ in 0..8 {
        run(&mut s, &mut j, [Backspace]);
    }
    run(&mut s, &mut j, typed("2026-12-01"));
    let effects = run(&mut s, &mut j, [Submit]);
    assert_eq!(
        effects,
        vec![Effect::AddFollowUp {
            contact: "oliver-brandt".into(),
            what: "Send the plan".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            by: crate::model::By::Me,
        }]
    );
}

#[test]
fn add_contact_asks_for_a_name() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [AddContact]);
    run(&mut s, &mut j, typed(" Ada Lovelace "));
    assert_eq!(
        run(&mut s, &mut j, [Submit]),
        vec![Effect::AddContact {
            name: "Ada Lovelace".into()
        }]
    );
}

/// `a` with a name that is here already (case and accents aside, or an alias) asks first, as
/// `rolo add` refuses without `--force`: yes adds a second person, no adds nothing.
#[test]
fn add_contact_of_a_name_that_is_here_asks_first() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [AddContact]);
    run(&mut s, &mut j, typed("zoe muller"));
    assert!(run(&mut s, &mut j, [Submit]).is_empty());
    let Some(Popup::Confirm { question, text }) = s.popup.clone() else {
        panic!("no question: {:?}", s.popup);
    };
    assert_eq!(
        text,
        "Zoë Müller is here already (zoe-muller). Add a second person named zoe muller?"
    );
    assert_eq!(
        run(&mut s, &mut j, [Yes]),
        vec![Effect::AddContact {
            name: "zoe muller".into()
        }]
    );
    s.popup = Some(Popup::Confirm { question, text });
    assert!(run(&mut s, &mut j, [No]).is_empty());
    assert_eq!(s.popup, None);
    assert_eq!(
        s.status.as_ref().map(|st| st.text.as_str()),
        Some("nothing added")
    );
}

#[test]
fn edits_name_their_target() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    let effects = run(&mut s, &mut j, [EditContact]);
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target: EditTarget::Contact {
                id: "oliver-brandt".into()
            },
            resume: None
        }]
    );
    let effects = run(&mut s, &mut j, [EditEntry]);
    let ix = s.selected_ix().unwrap();
    let newest = j.timeline_of(ix).next().unwrap();
    let target = EditTarget::Entry {
        id: newest.id.clone(),
        month: newest.month(),
    };
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target,
            resume: None
        }]
    );
}

#[test]
fn failed_edit_offers_again_or_revert() {
    let (mut s, mut j) = demo();
    let target = EditTarget::Contact {
        id: "oliver-brandt".into(),
    };
    let resume = EditResume {
        base: "name = \"Oliver\"\n".into(),
        text: "name = \"".into(),
    };
    let failed = Popup::EditFailed {
        target: target.clone(),
        resume: resume.clone(),
        error: "bad".into(),
    };
    s.popup = Some(failed.clone());
    let effects = run(&mut s, &mut j, [EditAgain]);
    assert_eq!(
        effects,
        vec![Effect::Edit {
            target,
            resume: Some(resume)
        }]
    );
    s.popup = Some(failed);
    assert!(run(&mut s, &mut j, [Revert]).is_empty());
    assert!(s.popup.is_none());
}

fn draft(note: &str, minute: u32) -> Draft {
    Draft {
        with: vec!["kwame-asante".into()],
        kind: Kind::Coffee,
        note: note.into(),
        started: now() - chrono::Duration::minutes(i64::from(minute)),
        file: None,
    }
}

#[test]
fn drafts_restore_discard_or_later() {
    let (mut s, mut j) = demo();
    s.popup = Some(Popup::Drafts {
        drafts: vec![draft("one", 2), draft("two", 1)],
    });
    let effects = run(&mut s, &mut j, [DiscardDraft]);
    assert_eq!(effects, vec![Effect::RemoveDraft(draft("one", 2))]);
    run(&mut s, &mut j, [RestoreDraft]);
    assert!(s.popup.is_none());
    let cap = s.capture.as_ref().unwrap();
    assert_eq!((cap.editor.text(), &cap.kind), ("two", &Kind::Coffee));
    let (mut s, mut j) = demo();
    s.popup = Some(Popup::Drafts {
        drafts: vec![draft("one", 2)],
    });
    assert!(run(&mut s, &mut j, [Later]).is_empty());
    assert!(s.popup.is_none() && s.capture.is_none());
}

#[test]
fn nothing_selected_is_explained_not_crashed() {
    let mut j = Journal::default();
    let mut s = AppState::new(&j, today());
    for a in [
        NewNote,
        NewNeed,
        NewFollowUp,
        MeetNeed,
        DropNeed,
        EditContact,
        EditEntry,
        Down,
        Bottom,
        Open,
        Resize,
    ] {
        assert!(run(&mut s, &mut j, [a.clone()]).is_empty(), "{a:?}");
    }
    run(&mut s, &mut j, [NextPane, Open]);
    assert!(s.popup.is_none());
}

/// The follow-up prompt's examples are days still to come, and `friday` is the coming one.
#[test]
fn follow_up_prompt_examples_do_what_they_show() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "oliver");
    run(&mut s, &mut j, [NewFollowUp]);
    run(&mut s, &mut j, typed("Send the plan"));
    run(&mut s, &mut j, [Submit]);
    let Some(Popup::Input(i)) = &s.popup else {
        panic!("the due date is asked")
    };
    let examples = i
        .prompt
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .unwrap();
    for example in examples.split(", ") {
        let day = crate::when::parse_due(example, now().naive_local()).map(|w| w.date());
        assert!(
            day.as_ref().is_ok_and(|d| *d >= today()),
            "{example}: {day:?}"
        );
    }
    run(&mut s, &mut j, typed("friday"));
    assert_eq!(
        run(&mut s, &mut j, [Submit]),
        vec![Effect::AddFollowUp {
            contact: "oliver-brandt".into(),
            what: "Send the plan".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            by: crate::model::By::Me,
        }]
    );
}

/// A draft restored shows at once what its `@` mentions link to, or why not: the red "no
/// one by that name" is there before any key, not only after the next one.
#[test]
fn a_restored_draft_shows_its_mentions_at_once() {
    let (mut s, mut j) = demo();
    s.popup = Some(Popup::Drafts {
        drafts: vec![draft("lunch with @sarahx and @Nadia Petrova", 2)],
    });
    run(&mut s, &mut j, [RestoreDraft]);
    let cap = s.capture.as_ref().unwrap();
    let links: Vec<&crate::app::mentions::Link> = cap.mentions.iter().map(|m| &m.link).collect();
    assert_eq!(
        links,
        [
            &crate::app::mentions::Link::NoOne,
            &crate::app::mentions::Link::Person("nadia-petrova".into())
        ]
    );
}
