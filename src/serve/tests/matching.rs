use super::fixture::*;
use crate::serve::{Source, helpers, helpers_for_text};

fn ids(j: &crate::journal::Journal, list: &[crate::serve::Helper]) -> Vec<String> {
    list.iter().map(|h| j.contacts()[h.ix].id.clone()).collect()
}

fn meetup_network() -> crate::journal::Journal {
    let mut ana = person("ana", "Ana");
    ana.needs.push(need(
        1,
        "Looking for a venue for the January meetup, about 60 people",
        d(2026, 11, 10),
    ));
    ana.can_help_with = vec!["event venue in Kreuzberg".into()];
    let mut priya = person("priya", "Priya");
    priya.can_help_with = vec![
        "hiring rust engineers".into(),
        "event venue in Friedrichshain".into(),
    ];
    let mut bob = person("bob", "Bob");
    bob.tags = vec!["meetup".into(), "meetups-organiser".into()];
    let mut klaus = person("klaus", "Klaus");
    klaus.can_help_with = vec!["heat pump installation".into()];
    klaus.notes = Some("Plumber. Runs a meetup in January every year.\nLikes tea.".into());
    let mut yusuf = person("yusuf", "Yusuf");
    yusuf.can_help_with = vec!["catering for events".into()];
    journal(vec![ana, priya, bob, klaus, yusuf], vec![])
}

#[test]
fn a_strong_can_help_with_phrase_ranks_first_with_highlight_positions() {
    let j = meetup_network();
    let ana = j.ix("ana").unwrap();
    let list = helpers(&j, ana, &j.contacts()[ana].needs[0]);
    // The owner is never suggested; Yusuf (catering) has nothing to do with a venue; Bob is
    // only tagged "meetup" (tags break ties, they are no reason); Klaus runs a meetup in
    // January, which says nothing of a venue (a month is no reason either).
    assert_eq!(ids(&j, &list), vec!["priya"]);
    let priya = &list[0];
    assert!(priya.strong);
    assert_eq!(priya.reasons.len(), 1);
    let r = &priya.reasons[0];
    assert_eq!(r.source, Source::CanHelpWith);
    assert_eq!(r.phrase, "event venue in Friedrichshain");
    // "event" is a related term of "meetup" (the vocabulary), "venue" the word itself.
    assert_eq!(r.keywords, vec!["venue", "meetup"]);
    assert_eq!(r.positions, vec![0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
}

#[test]
fn two_words_of_the_need_in_a_sentence_of_notes_are_a_reason() {
    let mut j = meetup_network();
    let ix = j.ix("klaus").unwrap();
    let mut klaus = j.contacts()[ix].clone();
    klaus.notes = Some("Plumber. Knows a venue for every meetup in town.\nLikes tea.".into());
    j.upsert_contact(klaus);
    let ana = j.ix("ana").unwrap();
    let list = helpers(&j, ana, &j.contacts()[ana].needs[0]);
    assert_eq!(ids(&j, &list), vec!["priya", "klaus"]);
    let klaus = &list[1];
    assert!(!klaus.strong);
    assert_eq!(klaus.reasons[0].source, Source::Notes);
    assert_eq!(
        klaus.reasons[0].phrase,
        "Knows a venue for every meetup in town"
    );
    assert_eq!(klaus.reasons[0].keywords, vec!["venue", "meetup"]);
    assert_eq!(
        klaus.reasons[0].positions,
        vec![8, 9, 10, 11, 12, 24, 25, 26, 27, 28, 29]
    );
    assert!(list[0].score > klaus.score);
}

#[test]
fn a_need_with_no_match_gives_an_empty_list() {
    let mut daniel = person("daniel", "Daniel");
    daniel.needs.push(need(
        1,
        "Sponsors for the spring founder dinner series",
        d(2026, 9, 3),
    ));
    daniel.can_help_with = vec!["founder dinners".into()];
    let mut jonas = person("jonas", "Jonas");
    jonas.tags = vec!["founders".into()];
    jonas.notes = Some("Team moves to Berlin in spring 2027.".into());
    let j = journal(vec![daniel, jonas], vec![]);
    let ix = j.ix("daniel").unwrap();
    assert!(helpers(&j, ix, &j.contacts()[ix].needs[0]).is_empty());
    // Only framing words: nothing to match on at all.
    assert!(helpers_for_text(&j, None, "looking for someone to help with the").is_empty());
}

#[test]
fn a_shared_stem_matches_but_is_never_strong() {
    let mut priya = person("priya", "Priya");
    priya.can_help_with = vec!["engineering management".into()];
    let j = journal(vec![priya], vec![]);
    let list = helpers_for_text(&j, None, "A data engineer to clean a dataset");
    assert_eq!(list.len(), 1);
    assert!(!list[0].strong);
    // The whole word is highlighted: "engineering" and "engineer" share their stem.
    assert_eq!(list[0].reasons[0].positions, (0..11).collect::<Vec<_>>());
}

#[test]
fn a_word_many_people_share_does_not_make_a_strong_match() {
    let mut people: Vec<_> = (0..3)
        .map(|i| {
            let mut c = person(&format!("p{i}"), &format!("P{i}"));
            c.can_help_with = vec!["climate policy".into()];
            c
        })
        .collect();
    let j = journal(people.clone(), vec![]);
    let list = helpers_for_text(&j, None, "Someone who knows climate");
    assert_eq!(list.len(), 3);
    assert!(list.iter().all(|h| !h.strong));
    // The same phrase held by one person singles them out.
    people.truncate(1);
    let j = journal(people, vec![]);
    let list = helpers_for_text(&j, None, "Someone who knows climate");
    assert!(list[0].strong);
}

#[test]
fn plurals_and_capitalised_places_do_not_weaken_a_match() {
    let mut klaus = person("klaus", "Klaus");
    klaus.can_help_with = vec!["heating installers in Brandenburg".into()];
    let mut sofia = person("sofia", "Sofia");
    sofia.can_help_with = vec!["Blue Card applications".into(), "settlement permits".into()];
    let j = journal(vec![klaus, sofia], vec![]);
    let list = helpers_for_text(&j, None, "Beta testers among heating installers");
    assert_eq!(ids(&j, &list), vec!["klaus"]);
    assert!(list[0].strong);
    let list = helpers_for_text(
        &j,
        None,
        "Advice on moving from a Blue Card to a settlement permit",
    );
    assert_eq!(ids(&j, &list), vec!["sofia"]);
    assert!(list[0].strong);
    // Strong reasons first; both phrases are reasons.
    assert_eq!(list[0].reasons.len(), 2);
}
