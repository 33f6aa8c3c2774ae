use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn doc(text: &str) -> DocumentMut {
    text.parse().unwrap()
}

/// Merge three texts; the merged text and what the merge reported.
fn merge(base: &str, mine: &str, theirs: &str) -> (String, Outcome) {
    let mut out = doc(theirs);
    let outcome = merge_document(&doc(base), &doc(mine), &mut out);
    (out.to_string(), outcome)
}

fn meaning_of(text: &str) -> toml::Table {
    toml::from_str(text).unwrap()
}

const BASE: &str = "\
# Ada, by hand
name = \"Ada\"
company = \"Engines\"  # since 1843

[[need]]
id = 1
what = \"a publisher\"
status = \"open\"
";

#[test]
fn a_change_on_each_side_keeps_both_with_their_comments() {
    let mine = BASE.replace("\"Engines\"", "\"Babbage & Co\"");
    let theirs = format!("{BASE}\n[[need]]\nid = 2\nwhat = \"need two\"\nstatus = \"open\"\n");
    let (merged, outcome) = merge(BASE, &mine, &theirs);
    assert_eq!(outcome, Outcome::default());
    assert_eq!(merged, theirs.replace("\"Engines\"", "\"Babbage & Co\""));
    assert!(merged.contains("company = \"Babbage & Co\"  # since 1843"));
}

#[test]
fn the_same_key_changed_on_both_sides_keeps_theirs_and_says_so() {
    let mine = BASE.replace("status = \"open\"", "status = \"dropped\"");
    let theirs = BASE.replace(
        "status = \"open\"",
        "status = \"met\"\nhow = \"via Murray\"",
    );
    let (merged, outcome) = merge(BASE, &mine, &theirs);
    assert_eq!(merged, theirs);
    assert_eq!(
        outcome.conflicts,
        vec![Conflict {
            key: "need #1 status".into(),
            mine: "\"dropped\"".into(),
            theirs: "\"met\"".into(),
        }]
    );
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let mine = BASE.replace("\"Ada\"", "'Ada Lovelace'");
    let theirs = BASE.replace("\"Ada\"", "\"Ada Lovelace\"");
    let (merged, outcome) = merge(BASE, &mine, &theirs);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(merged, mine, "the person's way of writing it");
}

#[test]
fn a_need_added_on_both_sides_under_one_number_renumbers_the_editors() {
    let added = |what: &str| format!("{BASE}\n[[need]]\nid = 2\nwhat = \"{what}\"\n");
    let (merged, outcome) = merge(BASE, &added("beta readers"), &added("need two"));
    assert_eq!(
        outcome.renumbered,
        vec![Renumbered {
            key: "need".into(),
            from: 2,
            to: 3
        }]
    );
    assert!(outcome.conflicts.is_empty());
    let needs = meaning_of(&merged)["need"].as_array().unwrap().clone();
    let pairs: Vec<(i64, String)> = needs
        .iter()
        .map(|n| {
            (
                n["id"].as_integer().unwrap(),
                n["what"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            (1, "a publisher".into()),
            (2, "need two".into()),
            (3, "beta readers".into())
        ]
    );
}

#[test]
fn a_removal_against_a_change_keeps_the_change() {
    let mine = "# Ada, by hand\nname = \"Ada\"\ncompany = \"Engines\"  # since 1843\n";
    let theirs = BASE.replace("a publisher", "a publisher in London");
    let (merged, outcome) = merge(BASE, mine, &theirs);
    assert_eq!(merged, theirs);
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.conflicts[0].key, "need #1");
    assert_eq!(outcome.conflicts[0].mine, "(removed)");
    // And the other way round: removed outside, changed in the editor.
    let (merged, outcome) = merge(BASE, &theirs, mine);
    assert_eq!(merged, mine);
    assert_eq!(outcome.conflicts[0].theirs, "(removed)");
}

#[test]
fn an_unchanged_removal_goes_through() {
    let mine = "# Ada, by hand\nname = \"Ada\"\ncompany = \"Engines\"  # since 1843\n";
    let theirs = BASE.replace("\"Ada\"", "\"Ada L\"");
    let (merged, outcome) = merge(BASE, mine, &theirs);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(merged, mine.replace("\"Ada\"", "\"Ada L\""));
}

#[test]
fn an_entry_table_with_a_sub_table_merges_inside_it() {
    let base = "[[entry]]\nid = \"e\"\nnote = \"n\"\n[entry.place]\ncity = \"Oslo\"\n";
    let mine = base.replace("Oslo", "Bergen");
    let theirs = base.replace("note = \"n\"", "note = \"n2\"");
    let first = |d: &DocumentMut| {
        d["entry"]
            .as_array_of_tables()
            .unwrap()
            .get(0)
            .unwrap()
            .clone()
    };
    let mut out = first(&doc(&theirs));
    let outcome = merge_table(&first(&doc(base)), &first(&doc(&mine)), &mut out);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(out.get("note").unwrap().as_str(), Some("n2"));
    assert_eq!(out["place"]["city"].as_str(), Some("Bergen"));
}

// ---- properties, over contact-like files ----

const KEYS: [&str; 5] = ["name", "company", "role", "notes", "mood"];

#[derive(Debug, Clone, PartialEq)]
struct Card {
    keys: BTreeMap<&'static str, String>,
    needs: BTreeMap<i64, (String, String)>,
}

impl Card {
    fn render(&self) -> String {
        let mut out = String::from("# by hand\n");
        for (k, v) in &self.keys {
            out.push_str(&format!("{k} = {v:?}  # about {k}\n"));
        }
        for (id, (what, status)) in &self.needs {
            out.push_str(&format!(
                "\n[[need]]\nid = {id}\nwhat = {what:?}\nstatus = {status:?}\n"
            ));
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Key(usize),
    Need(i64),
}

#[derive(Debug, Clone)]
enum Op {
    Set(usize, String),
    Remove(usize),
    What(i64, String),
    Status(i64, String),
    Drop(i64),
    Add(String),
    /// An `Add` as it landed on its side, with the number it got there.
    AddAt(i64, String),
}

impl Op {
    fn slot(&self) -> Option<Slot> {
        match self {
            Op::Set(k, _) | Op::Remove(k) => Some(Slot::Key(*k)),
            Op::What(n, _) | Op::Status(n, _) | Op::Drop(n) => Some(Slot::Need(*n)),
            Op::Add(_) | Op::AddAt(..) => None,
        }
    }

    fn apply(&self, card: &mut Card) {
        match self {
            Op::Set(k, v) => {
                card.keys.insert(KEYS[*k], v.clone());
            }
            Op::Remove(k) => {
                card.keys.remove(KEYS[*k]);
            }
            Op::What(n, w) => {
                if let Some(need) = card.needs.get_mut(n) {
                    need.0 = w.clone();
                }
            }
            Op::Status(n, s) => {
                if let Some(need) = card.needs.get_mut(n) {
                    need.1 = s.clone();
                }
            }
            Op::Drop(n) => {
                card.needs.remove(n);
            }
            Op::Add(w) => {
                let id = card.needs.keys().max().copied().unwrap_or(0) + 1;
                card.needs.insert(id, (w.clone(), "open".into()));
            }
            Op::AddAt(id, w) => {
                card.needs.insert(*id, (w.clone(), "open".into()));
            }
        }
    }
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c", "d\ne", "é \"q\""]).prop_map(String::from)
}

fn card() -> impl Strategy<Value = Card> {
    (
        prop::collection::btree_map(prop::sample::select(KEYS.to_vec()), word(), 0..5),
        prop::collection::btree_map(1i64..5, (word(), word()), 0..4),
    )
        .prop_map(|(keys, needs)| Card { keys, needs })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..KEYS.len(), word()).prop_map(|(k, v)| Op::Set(k, v)),
        (0..KEYS.len()).prop_map(Op::Remove),
        (1i64..5, word()).prop_map(|(n, w)| Op::What(n, w)),
        (1i64..5, word()).prop_map(|(n, s)| Op::Status(n, s)),
        (1i64..5).prop_map(Op::Drop),
        word().prop_map(Op::Add),
    ]
}

fn edited(base: &Card, ops: &[Op]) -> Card {
    let mut card = base.clone();
    ops.iter().for_each(|o| o.apply(&mut card));
    card
}

fn sides() -> impl Strategy<Value = (Card, Vec<Op>, Vec<Op>)> {
    (
        card(),
        prop::collection::vec(op(), 0..6),
        prop::collection::vec(op(), 0..6),
    )
}

proptest! {
    #[test]
    fn nothing_changed_in_the_editor_gives_theirs_exactly((base, _, ops) in sides()) {
        let theirs = edited(&base, &ops).render();
        let (merged, outcome) = merge(&base.render(), &base.render(), &theirs);
        prop_assert_eq!(merged, theirs);
        prop_assert_eq!(outcome, Outcome::default());
    }

    #[test]
    fn nothing_changed_outside_gives_mine((base, ops, _) in sides()) {
        let mine = edited(&base, &ops).render();
        let (merged, outcome) = merge(&base.render(), &mine, &base.render());
        prop_assert_eq!(meaning_of(&merged), meaning_of(&mine));
        prop_assert_eq!(outcome, Outcome::default());
    }

    #[test]
    fn disjoint_changes_commute_and_both_land(
        (base, mine_ops, their_ops) in sides(),
        mine_gets in prop::collection::vec(any::<bool>(), KEYS.len() + 5),
    ) {
        // Each key and need belongs to one side; only the editor adds needs, so no number
        // is added twice (that renumbers, which depends on the order by design).
        let owns_mine = |s: Slot| match s {
            Slot::Key(k) => mine_gets[k],
            Slot::Need(n) => mine_gets[KEYS.len() + n as usize],
        };
        let mine_ops: Vec<Op> =
            mine_ops.into_iter().filter(|o| o.slot().is_none_or(owns_mine)).collect();
        let their_ops: Vec<Op> =
            their_ops.into_iter().filter(|o| o.slot().is_some_and(|s| !owns_mine(s))).collect();
        let (b, m, t) = (
            base.render(),
            edited(&base, &mine_ops).render(),
            edited(&base, &their_ops).render(),
        );
        let (one, o1) = merge(&b, &m, &t);
        let (two, o2) = merge(&b, &t, &m);
        prop_assert!(o1.conflicts.is_empty() && o2.conflicts.is_empty(), "{:?} {:?}", o1, o2);
        prop_assert_eq!(meaning_of(&one), meaning_of(&two));
        // The editor's additions keep the numbers they got in the editor.
        let mut here = base.clone();
        let landed: Vec<Op> = mine_ops.iter().map(|o| {
            let before = here.clone();
            o.apply(&mut here);
            match o {
                Op::Add(w) => {
                    let id = here.needs.keys().find(|id| !before.needs.contains_key(id));
                    Op::AddAt(id.copied().unwrap_or(0), w.clone())
                }
                other => other.clone(),
            }
        }).collect();
        let mut both = edited(&base, &their_ops);
        landed.iter().for_each(|o| o.apply(&mut both));
        prop_assert_eq!(meaning_of(&one), meaning_of(&both.render()));
    }

    /// Whatever both sides did: every key changed outside has the outside value, every key
    /// changed only in the editor has the editor's, and every need added on either side is kept.
    #[test]
    fn nothing_is_lost((base, mine_ops, their_ops) in sides()) {
        let (mine, theirs) = (edited(&base, &mine_ops), edited(&base, &their_ops));
        let (merged, outcome) = merge(&base.render(), &mine.render(), &theirs.render());
        let merged = meaning_of(&merged);
        for key in KEYS {
            let got = merged.get(key).and_then(|v| v.as_str()).map(String::from);
            let (b, m, t) = (base.keys.get(key), mine.keys.get(key), theirs.keys.get(key));
            if t != b {
                prop_assert_eq!(got.as_ref(), t, "{} changed outside", key);
            } else {
                prop_assert_eq!(got.as_ref(), m, "{} changed only in the editor", key);
            }
        }
        let needs: Vec<(i64, String, String)> = merged
            .get("need")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().map(|n| (
                n["id"].as_integer().unwrap_or(0),
                n["what"].as_str().unwrap_or("").to_string(),
                n["status"].as_str().unwrap_or("").to_string(),
            )).collect())
            .unwrap_or_default();
        for (id, (what, status)) in &theirs.needs {
            if base.needs.get(id) != Some(&(what.clone(), status.clone())) {
                // Added or changed outside: there under its own number (fields the editor
                // changed alone may differ, so only the outside fields are checked).
                let found = needs.iter().find(|n| n.0 == *id);
                prop_assert!(found.is_some(), "need #{} from outside", id);
            }
        }
        let added_here = mine.needs.iter().filter(|(id, _)| !base.needs.contains_key(id)).count();
        let added_there = theirs.needs.iter().filter(|(id, _)| !base.needs.contains_key(id)).count();
        let kept_base = needs.iter().filter(|n| base.needs.contains_key(&n.0)).count();
        prop_assert!(needs.len() >= kept_base + added_there, "{:?}", needs);
        let renumbered = outcome.renumbered.len();
        prop_assert!(renumbered <= added_here);
        let ids: Vec<i64> = needs.iter().map(|n| n.0).collect();
        let mut unique = ids.clone();
        unique.dedup();
        prop_assert_eq!(ids.len(), unique.len(), "no two needs share a number: {:?}", ids);
    }
}
