//! Property tests: the filter, keystroke by keystroke, against a plain search written the
//! way it was before any of the speed work (skim on each folded field, every person, a full
//! sort by score then name).

use super::Filter;
use crate::journal::{Ix, Journal};
use crate::model::Contact;
use crate::store::Loaded;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;

fn folded(text: &str) -> String {
    text.chars().map(crate::fold::base_letter).collect()
}

/// The reference: every word must match inside one field (name +20), scores summed.
fn reference(contacts: &[Contact], query: &str) -> Vec<(Ix, i64)> {
    let words: Vec<String> = query.split_whitespace().map(folded).collect();
    let mut found: Vec<(Ix, i64)> = contacts
        .iter()
        .enumerate()
        .filter_map(|(ix, c)| {
            let fields: Vec<String> = std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.tags)
                .chain(c.company.iter())
                .chain(&c.can_help_with)
                .map(|f| folded(f))
                .collect();
            let mut total = 0;
            for word in &words {
                total += fields
                    .iter()
                    .enumerate()
                    .filter_map(|(i, field)| {
                        // A new matcher per call: skim's reused matrix leaks state between calls.
                        let score = SkimMatcherV2::default()
                            .ignore_case()
                            .fuzzy_match(field, word)?;
                        Some(if i == 0 { score + 20 } else { score })
                    })
                    .max()?;
            }
            Some((ix, total))
        })
        .collect();
    found.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| contacts[a.0].name.cmp(&contacts[b.0].name))
            .then(a.0.cmp(&b.0))
    });
    found
}

const FIRST: [&str; 10] = [
    "Maria", "María", "Mario", "Zoë", "Ana", "Anna", "Łukasz", "Tomás", "Jean-Luc", "MARTA",
];
const LAST: [&str; 8] = [
    "Schmidt",
    "Müller",
    "O'Brien",
    "García",
    "van der Berg",
    "Smith",
    "Nakamura",
    "Aaron",
];
const WORDS: [&str; 10] = [
    "berlin",
    "Mentoring",
    "seed fundraising",
    "café ufer",
    "music",
    "law",
    "São Paulo",
    "EU climate policy",
    "ssa",
    "mamma",
];

/// Indexes into the tables above: first name, last name, tags, company, skills.
type Person = (usize, usize, Vec<usize>, Option<usize>, Vec<usize>);

fn contact() -> impl Strategy<Value = Person> {
    (
        0..FIRST.len(),
        0..LAST.len(),
        prop::collection::vec(0..WORDS.len(), 0..3),
        prop::option::of(0..WORDS.len()),
        prop::collection::vec(0..WORDS.len(), 0..3),
    )
}

fn journal(people: &[Person]) -> Journal {
    let words = |ids: &[usize]| ids.iter().map(|&i| WORDS[i].to_string()).collect();
    let contacts = people
        .iter()
        .enumerate()
        .map(|(n, (first, last, tags, company, skills))| {
            let mut c = Contact::new(
                format!("c{n}"),
                format!("{} {}", FIRST[*first], LAST[*last]),
            );
            c.tags = words(tags);
            c.company = company.map(|i| WORDS[i].to_string());
            c.can_help_with = words(skills);
            c
        })
        .collect();
    Journal::new(Loaded {
        contacts,
        ..Loaded::default()
    })
}

/// A key: a letter, an accented letter, an uppercase one, a space, or a backspace (None).
fn keys() -> impl Strategy<Value = Vec<Option<char>>> {
    let key = prop_oneof![
        4 => prop::sample::select(vec!['m', 'a', 'r', 'i', 's', 'o', 'n', 'e', 'l', 'u']).prop_map(Some),
        1 => prop::sample::select(vec!['í', 'ü', 'ë', 'ł', 'M', 'A', 'Ü', '\'', '-']).prop_map(Some),
        1 => Just(Some(' ')),
        2 => Just(None),
    ];
    prop::collection::vec(key, 1..24)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn typing_and_backspacing_equals_the_reference(
        people in prop::collection::vec(contact(), 0..40),
        keys in keys(),
    ) {
        let j = journal(&people);
        let (mut ranking, mut searching) = (Filter::new(), Filter::new());
        ranking.prepare(&j);
        let mut query = String::new();
        for key in keys {
            match key {
                Some(c) => query.push(c),
                None => {
                    query.pop();
                }
            }
            let expected = reference(j.contacts(), &query);
            prop_assert_eq!(ranking.rank(&j, &query), expected.as_slice(), "query {:?}", query);
            let searched = searching.search(&j, &query);
            prop_assert_eq!(&searched, &j.search(&query), "query {:?}", query);
            let scores: Vec<(Ix, i64)> = searched.iter().map(|(ix, h)| (*ix, h.score)).collect();
            prop_assert_eq!(scores, expected, "query {:?}", query);
        }
    }
}
