//! What the matcher reads besides can-help-with (issue 20): roles, open needs, the timeline,
//! confirmed intros, related terms in two languages; and what it must not read into
//! (generic words, tags alone, someone else's need of the same kind).

use super::fixture::*;
use crate::journal::Journal;
use crate::model::NeedStatus;
use crate::serve::{Network, Source, helpers_for_text};

fn ids(j: &Journal, list: &[crate::serve::Helper]) -> Vec<String> {
    list.iter().map(|h| j.contacts()[h.ix].id.clone()).collect()
}

#[test]
fn generic_words_and_tags_alone_never_make_a_match() {
    let mut hannah = person("hannah", "Hannah");
    hannah.can_help_with = vec!["Hausverwaltung contacts".into(), "first aid".into()];
    let mut igor = person("igor", "Igor");
    igor.tags = vec!["visa".into(), "berlin".into()];
    let j = journal(vec![hannah, igor], vec![]);
    assert!(helpers_for_text(&j, None, "Someone with good contacts").is_empty());
    assert!(helpers_for_text(&j, None, "An introduction to someone who can help").is_empty());
    assert!(helpers_for_text(&j, None, "Visa paperwork in Berlin").is_empty());
}

#[test]
fn a_role_and_related_terms_in_german_find_the_helper() {
    let mut felix = person("felix", "Felix");
    felix.role = Some("Steuerberater".into());
    let mut hannah = person("hannah", "Hannah");
    hannah.can_help_with = vec!["Berlin flat hunting".into()];
    let j = journal(vec![felix, hannah], vec![]);
    let list = helpers_for_text(&j, None, "An accountant for my freelance income");
    assert_eq!(ids(&j, &list), vec!["felix"]);
    assert_eq!(list[0].reasons[0].source, Source::Role);
    assert_eq!(list[0].reasons[0].phrase, "Steuerberater");
    let list = helpers_for_text(&j, None, "Eine Wohnung in Kreuzberg");
    assert_eq!(ids(&j, &list), vec!["hannah"]);
}

#[test]
fn a_hyphen_and_its_absence_meet() {
    let mut oliver = person("oliver", "Oliver");
    oliver.can_help_with = vec!["half-marathon training".into()];
    let j = journal(vec![oliver], vec![]);
    let list = helpers_for_text(&j, None, "A plan for my first half marathon");
    assert_eq!(ids(&j, &list), vec!["oliver"]);
}

#[test]
fn an_open_need_answers_another_of_the_other_kind_only() {
    let mut zoe = person("zoe", "Zoë");
    zoe.needs.push(need(
        1,
        "Freelance clients for UI design work",
        d(2026, 10, 1),
    ));
    zoe.needs.push(need(2, "A flat in Berlin", d(2026, 10, 1)));
    let mut felix = person("felix", "Felix");
    felix.needs.push(need(
        1,
        "A UI designer for the practice website",
        d(2026, 10, 1),
    ));
    felix
        .needs
        .push(need(2, "A flat in Berlin", d(2026, 10, 1)));
    let j = journal(vec![zoe, felix], vec![]);
    let net = Network::new(&j);
    let (z, f) = (j.ix("zoe").unwrap(), j.ix("felix").unwrap());
    // Felix needs a designer: Zoë looks for exactly that work.
    let list = net.helpers_for_need(&j, f, &j.contacts()[f].needs[0]);
    assert_eq!(ids(&j, &list), vec!["zoe"]);
    assert_eq!(list[0].reasons[0].source, Source::OpenNeed);
    assert_eq!(
        list[0].reasons[0].phrase,
        "Freelance clients for UI design work"
    );
    // And the other way: Zoë's search for work finds Felix's need.
    let list = net.helpers_for_need(&j, z, &j.contacts()[z].needs[0]);
    assert_eq!(ids(&j, &list), vec!["felix"]);
    // Two people looking for a flat are no help to each other.
    assert!(
        net.helpers_for_need(&j, z, &j.contacts()[z].needs[1])
            .is_empty()
    );
}

#[test]
fn the_timeline_says_what_someone_offered_but_not_what_they_need() {
    let mut markus = person("markus", "Markus");
    markus.role = Some("CTO".into());
    let vera = person("vera", "Vera");
    let entries = vec![
        entry(
            "2026-05-12T19:00:00+02:00",
            &["markus"],
            "Beers with Markus. He offered to mentor two junior engineers from the bootcamp.",
        ),
        entry(
            "2026-07-08T09:00:00+02:00",
            &["vera"],
            "Call with Vera. She is looking for a flat in Hamburg herself.",
        ),
    ];
    let j = journal(vec![markus, vera], entries);
    let timeline = Network::with_timeline(&j);
    let list = timeline.helpers(&j, None, "A mentor for our junior engineers");
    assert_eq!(ids(&j, &list), vec!["markus"]);
    assert_eq!(list[0].reasons[0].source, Source::Timeline);
    assert!(timeline.helpers(&j, None, "A flat in Hamburg").is_empty());
    // The profile-only network (every command's, whatever it loaded) does not read entries.
    assert!(
        Network::new(&j)
            .helpers(&j, None, "A mentor for our junior engineers")
            .is_empty()
    );
}

#[test]
fn a_confirmed_intro_ranks_that_helper_first_for_a_like_need() {
    let mut anna = person("anna", "Anna Kowalski");
    anna.can_help_with = vec!["bookkeeping for freelancers".into()];
    let mut alex = person("alex", "Alex Nowak");
    alex.role = Some("Student".into());
    let mut kai = person("kai", "Kai");
    let mut met = need(1, "Bookkeeping for my studio", d(2025, 2, 1));
    met.status = NeedStatus::Met;
    met.how = Some("introduced to Alex Nowak".into());
    kai.needs.push(met);
    let j = journal(vec![anna, alex, kai], vec![]);
    let list = helpers_for_text(&j, None, "Bookkeeping for the café");
    assert_eq!(ids(&j, &list), vec!["alex", "anna"]);
    assert!(list[0].strong);
    assert_eq!(list[0].reasons[0].source, Source::Confirmed);
    assert_eq!(list[0].reasons[0].phrase, "Bookkeeping for my studio");
    // An unrelated need is not confirmed by it.
    assert!(helpers_for_text(&j, None, "A photographer for the café").is_empty());
}

#[test]
fn a_logged_intro_in_the_timeline_confirms_too() {
    let tomas = person("tomas", "Tomás");
    let felix = person("felix", "Felix");
    let mut e = entry(
        "2026-11-03T10:00:00+01:00",
        &["tomas", "felix"],
        "Introduced Tomás to Felix.",
    );
    e.kind = crate::model::Kind::Intro;
    e.gave = Some("Introduced Tomás to Felix for: his first German tax return".into());
    let j = journal(vec![tomas, felix], vec![e]);
    let list = Network::with_timeline(&j).helpers(&j, None, "A German tax return");
    assert_eq!(ids(&j, &list), vec!["felix"]);
    assert_eq!(list[0].reasons[0].source, Source::Confirmed);
}
