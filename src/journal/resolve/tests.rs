//! The resolver against the demo journal and against names in many scripts.

use super::*;
use crate::model::Contact;
use crate::name_fit::resolve_keys;
use crate::store::Loaded;
use proptest::prelude::*;

fn journal(people: &[(&str, &str, &[&str])]) -> Journal {
    let contacts = people
        .iter()
        .map(|(id, name, aliases)| {
            let mut c = Contact::new(*id, *name);
            c.aliases = aliases.iter().map(|a| a.to_string()).collect();
            c
        })
        .collect();
    Journal::new(Loaded {
        contacts,
        ..Loaded::default()
    })
}

fn demo() -> Journal {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::install(dir.path()).unwrap();
    Journal::new(crate::store::Store::on_disk(dir.path()).load().unwrap())
}

/// The id the query resolves to, "?a,b" when ambiguous, "-" when no one.
fn who(j: &Journal, query: &str) -> String {
    let id = |ix: Ix| j.contact(ix).unwrap().id.clone();
    match j.resolve(query) {
        Resolution::One(ix) => id(ix),
        Resolution::Ambiguous(ixs) => {
            format!("?{}", ixs.into_iter().map(id).collect::<Vec<_>>().join(","))
        }
        Resolution::None => "-".into(),
    }
}

#[test]
fn letters_in_tags_company_or_skills_never_resolve() {
    let j = demo();
    // "sarah" is in "West African fintech" letter by letter; "peter" in Aiko's profile.
    assert_eq!(who(&j, "sarah"), "-");
    assert_eq!(who(&j, "peter"), "-");
    assert_eq!(who(&j, "fintech"), "-");
    assert_eq!(who(&j, "Sika Pay"), "-");
    assert_eq!(who(&j, "design"), "-");
    assert_eq!(who(&j, "kwm"), "-");
}

#[test]
fn ids_names_aliases_and_word_prefixes_resolve() {
    let j = demo();
    assert_eq!(who(&j, "kwame-asante"), "kwame-asante");
    assert_eq!(who(&j, "Kwame Asante"), "kwame-asante");
    assert_eq!(who(&j, "kwame"), "kwame-asante");
    assert_eq!(who(&j, "kwa"), "kwame-asante");
    assert_eq!(who(&j, "kw as"), "kwame-asante");
    assert_eq!(who(&j, "asante kwame"), "kwame-asante");
    assert_eq!(who(&j, "Mum"), "renate-fischer");
    assert_eq!(who(&j, "田中愛子"), "aiko-tanaka");
    assert_eq!(who(&j, "lukasz"), "lukasz-nowak");
    assert_eq!(who(&j, "ZOE MULLER"), "zoe-muller");
    assert_eq!(who(&j, "ines"), "ines-moreau");
    assert_eq!(who(&j, "fischer"), "?lena-fischer,renate-fischer");
    assert_eq!(who(&j, "lena fischer"), "lena-fischer");
}

#[test]
fn whole_words_come_before_prefixes() {
    let j = journal(&[
        ("ada-lovelace", "Ada Lovelace", &[]),
        ("adam-smith", "Adam Smith", &[]),
        ("ada-byron", "Ada Byron", &[]),
    ]);
    assert_eq!(who(&j, "ada"), "?ada-byron,ada-lovelace");
    assert_eq!(who(&j, "ada love"), "ada-lovelace");
    assert_eq!(who(&j, "adam"), "adam-smith");
    assert_eq!(who(&j, "ad"), "?ada-byron,ada-lovelace,adam-smith");
    // Each query word needs a word of its own, in the same name.
    assert_eq!(who(&j, "ada ada"), "-");
    assert_eq!(who(&j, "ada smith"), "adam-smith");
    assert_eq!(who(&j, "lovelace smith"), "-");
    // A prefix of a word, not letters from the middle of one.
    assert_eq!(who(&j, "velace"), "-");
}

#[test]
fn an_exact_name_beats_a_longer_one() {
    let j = journal(&[("ann", "Ann", &[]), ("ann-lee", "Ann Lee", &[])]);
    assert_eq!(who(&j, "ann"), "ann");
    assert_eq!(who(&j, "ANN LEE"), "ann-lee");
    assert_eq!(who(&j, "an"), "?ann,ann-lee");
}

#[test]
fn scripts_stay_apart_and_fold_their_own_accents() {
    let j = journal(&[
        ("anna", "Анна", &[]),
        ("boris", "Борис", &[]),
        ("athena", "Ἀθηνᾶ", &[]),
        ("li-lei", "李雷", &[]),
        ("han-meimei", "韩梅梅", &[]),
        ("sarah", "שרה לוי", &[]),
        ("muhammad", "محمد علي", &[]),
        ("alena", "Алёна", &[]),
    ]);
    assert_eq!(who(&j, "Борис"), "boris");
    assert_eq!(who(&j, "борис"), "boris");
    assert_eq!(who(&j, "Анна"), "anna");
    assert_eq!(who(&j, "АННА"), "anna");
    assert_eq!(who(&j, "Αθηνα"), "athena");
    assert_eq!(who(&j, "ΑΘΗΝΑ"), "athena");
    assert_eq!(who(&j, "李雷"), "li-lei");
    assert_eq!(who(&j, "韩梅梅"), "han-meimei");
    assert_eq!(who(&j, "שָׂרָה"), "sarah");
    assert_eq!(who(&j, "مُحَمَّد"), "muhammad");
    assert_eq!(who(&j, "Алена"), "alena");
    // Another name in the same script, or a transliteration, is no one.
    assert_eq!(who(&j, "Вера"), "-");
    assert_eq!(who(&j, "Anna"), "-");
    assert_eq!(who(&j, "王芳"), "-");
}

#[test]
fn close_names_are_offered_by_name_only() {
    let j = demo();
    let names = |q: &str| -> Vec<String> {
        j.close_names(q)
            .into_iter()
            .map(|ix| j.contact(ix).unwrap().id.clone())
            .collect()
    };
    assert_eq!(
        names("petrov").first().map(String::as_str),
        Some("nadia-petrova")
    );
    assert_eq!(
        names("kwami").first().map(String::as_str),
        Some("kwame-asante")
    );
    assert!(names("fintech").is_empty());

    assert!(names("zzzzzz").is_empty());
    assert!(names("a").len() <= CLOSE_NAMES);
}

/// A name in another script is offered for its Latin spelling, and anyone for an id typed
/// nearly right; neither is taken as the person.
#[test]
fn close_names_include_latin_spellings_and_ids() {
    let j = journal(&[
        ("olga-petrova", "Ольга Петрова", &[]),
        ("zoe-muller", "Zoë Müller", &["Зоя"]),
        ("aiko", "Aiko Tanaka", &["田中愛子"]),
    ]);
    let names = |q: &str| -> Vec<String> {
        j.close_names(q)
            .into_iter()
            .filter_map(|ix| j.contact(ix).map(|c| c.id.clone()))
            .collect()
    };
    assert_eq!(names("olga"), ["olga-petrova"]);
    assert_eq!(names("Olga Petrov"), ["olga-petrova"]);
    assert_eq!(names("olga-petrov"), ["olga-petrova"]);
    assert_eq!(names("zoya"), ["zoe-muller"]);
    assert_eq!(names("aiko-tanak"), ["aiko"]);
    assert!(names("brandenburg").is_empty());
    for q in ["olga", "olga-petrov", "zoya"] {
        assert_eq!(who(&j, q), "-", "{q} is offered, not taken");
    }
}

#[test]
fn many_repeated_words_resolve_quickly() {
    let name = "a ".repeat(30) + "b";
    let j = journal(&[("x", &name, &[])]);
    let started = std::time::Instant::now();
    // 31 words "a" for 30 in the name: trying every assignment would never end.
    assert_eq!(who(&j, &"a ".repeat(31)), "-");
    assert_eq!(who(&j, &("a ".repeat(30) + "b")), "x");
    assert_eq!(who(&j, &("b ".to_string() + &"a ".repeat(29))), "x");
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn a_renamed_or_added_person_is_found_at_once() {
    let mut j = journal(&[("ann", "Ann", &[])]);
    assert_eq!(who(&j, "ann"), "ann");
    j.upsert_contact(Contact::new("ann", "Annika"));
    assert_eq!(who(&j, "annika"), "ann");
    j.upsert_contact(Contact::new("boris", "Борис"));
    assert_eq!(who(&j, "борис"), "boris");
    assert_eq!(who(&j, "ann"), "ann");
}

#[test]
fn nothing_typed_is_no_one() {
    let j = demo();
    for q in ["", "   ", "...", "🙂", "@"] {
        assert_eq!(who(&j, q), "-", "{q:?}");
    }
}

/// A name from a few scripts: Latin with accents, Cyrillic, Greek, Hebrew, Arabic, CJK.
/// Greek skips U+03A2, the one code point in Α..ω that is no letter (a name of it folds to
/// nothing, so only its id can reach it).
fn name() -> impl Strategy<Value = String> {
    "[a-zäéøłА-яΑ-ΡΣ-ωא-תء-ي一-龥]{1,6}( [a-zäéА-яΑ-ΡΣ-ωא-ת一-龥]{1,6}){0,2}"
}

proptest! {
    /// Whatever the names, a contact's own full name never resolves to someone whose name
    /// folds differently, and two different folded names never land on each other.
    #[test]
    fn different_folded_names_never_resolve_to_each_other(a in name(), b in name()) {
        prop_assume!(crate::fold::key(&a) != crate::fold::key(&b));
        // Ids a name cannot equal: the exact id is looked up first.
        let j = journal(&[("id-a", &a, &[]), ("id-b", &b, &[])]);
        prop_assert_eq!(who(&j, &a), "id-a");
        prop_assert_eq!(who(&j, &b), "id-b");
    }
}

/// The id `resolve_keys` gives on the journal's names folded to their keys, as the cache
/// keeps them: "-" when it says no one or several.
fn who_by_keys(j: &Journal, query: &str) -> String {
    let keys: Vec<Vec<String>> = j
        .contacts()
        .iter()
        .map(|c| crate::store::keys_of_names(&c.name, &c.aliases))
        .collect();
    let keys: Vec<Vec<&str>> = keys
        .iter()
        .map(|k| k.iter().map(String::as_str).collect())
        .collect();
    match resolve_keys(query, &keys) {
        Some(ix) => j.contact(ix).unwrap().id.clone(),
        None => "-".into(),
    }
}

/// `who`, with several people said as no one, as `resolve_keys` says it.
fn one_or_none(j: &Journal, query: &str) -> String {
    let id = who(j, query);
    if id.starts_with('?') { "-".into() } else { id }
}

#[test]
fn the_keys_resolve_every_demo_name_as_the_journal_does() {
    let j = demo();
    let mut queries = vec![String::new(), "  ".into(), "fischer".into(), "a".into()];
    for c in j.contacts() {
        for name in std::iter::once(&c.name).chain(&c.aliases) {
            queries.push(name.clone());
            queries.push(name.to_uppercase());
            queries.extend(name.split(' ').map(str::to_string));
            queries.extend(
                name.split(' ')
                    .map(|w| w.chars().take(2).collect::<String>()),
            );
        }
    }
    let mut ones = 0;
    for q in &queries {
        let want = one_or_none(&j, q);
        ones += usize::from(want != "-");
        assert_eq!(who_by_keys(&j, q), want, "{q:?}");
    }
    assert!(ones > 50, "most demo names name one person: {ones}");
}

proptest! {
    /// On any names, aliases and query, the keys resolve as the journal does: the query
    /// typed in full, a word of it, prefixes, or anything.
    #[test]
    fn the_keys_resolve_as_the_journal_does(
        people in proptest::collection::vec((name(), proptest::collection::vec(name(), 0..2)), 1..8),
        pick in 0usize..8,
        how in 0u8..4,
        typed in name(),
    ) {
        let people: Vec<(String, String, Vec<String>)> = people
            .into_iter()
            .enumerate()
            .map(|(i, (name, aliases))| (format!("id-{i}"), name, aliases))
            .collect();
        let refs: Vec<(&str, &str, Vec<&str>)> = people
            .iter()
            .map(|(id, n, a)| (id.as_str(), n.as_str(), a.iter().map(String::as_str).collect()))
            .collect();
        let table: Vec<(&str, &str, &[&str])> =
            refs.iter().map(|(id, n, a)| (*id, *n, a.as_slice())).collect();
        let j = journal(&table);
        let (_, name, _) = &people[pick % people.len()];
        let query = match how {
            0 => name.clone(),
            1 => name.split(' ').next_back().unwrap_or_default().to_string(),
            2 => name.split(' ').map(|w| w.chars().take(1).collect::<String>()).collect::<Vec<_>>().join(" "),
            _ => typed,
        };
        prop_assert_eq!(who_by_keys(&j, &query), one_or_none(&j, &query));
    }
}

/// A name noted as resolved is answered from the note while the contacts stay as they were,
/// and resolved afresh once any of them changes (or for any other text).
#[test]
fn a_noted_resolution_holds_only_for_the_contacts_it_was_made_on() {
    let mut j = journal(&[
        ("ada", "Ada Lovelace", &[]),
        ("bob", "Bob Stone", &[]),
        ("eve", "Eve Adams", &[]),
    ]);
    assert_eq!(who(&j, "Bob Stone"), "bob");
    // Noted for Eve (as if a load had found her by names kept): the note answers.
    j.note_resolved("  Bob Stone ", 2);
    assert_eq!(who(&j, "Bob Stone"), "eve");
    assert_eq!(who(&j, "ada"), "ada", "other text is resolved as ever");
    // An id is an id, whatever was noted.
    j.note_resolved("ada", 1);
    assert_eq!(who(&j, "ada"), "ada");
    // Any change to the contacts forgets the note.
    j.note_resolved("Bob Stone", 2);
    j.upsert_contact(Contact::new("max", "Max Weber"));
    assert_eq!(who(&j, "Bob Stone"), "bob");
    j.note_resolved("Bob Stone", 2);
    j.remove_contact("max");
    assert_eq!(who(&j, "Bob Stone"), "bob");
    // A place no one holds is not noted.
    j.note_resolved("Bob Stone", 9);
    assert_eq!(who(&j, "Bob Stone"), "bob");
}
