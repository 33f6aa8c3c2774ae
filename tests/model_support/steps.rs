//! The steps a case is made of, and how proptest draws them. A step names people by a small
//! number read against the model when it runs (wrapping over who is there), so any
//! subsequence of steps is still a valid case: that is what lets proptest shrink by dropping
//! steps.

use super::model::{Expect, Model, fold};
use super::roster::{DUES, NEWCOMERS, SEEDS, STRANGERS};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// How a CLI command names the person meant.
#[derive(Debug, Clone)]
pub enum Who {
    Id,
    /// The name or an alias as written, in another case, or without its accents.
    Exact(usize),
    /// A unique whole-word prefix.
    Prefix(usize),
    /// A prefix two or more people share.
    Ambiguous(usize),
    /// A name nobody has.
    Stranger(usize),
}

#[derive(Debug, Clone)]
pub enum Write {
    Note,
    Need,
    /// `--due` one of `DUES`.
    FollowUp(usize),
    /// Mark one of the person's open needs met.
    Met(usize),
    /// Mark one of the person's open follow-ups done.
    Done(usize),
}

#[derive(Debug, Clone)]
pub enum Step {
    Cli {
        write: Write,
        target: usize,
        who: Who,
    },
    Add(usize),
    /// Select the person in the TUI and make the write there (`Done` is CLI only).
    Tui {
        write: Write,
        target: usize,
    },
    /// Rewrite a contact file with a changed name, by a new file renamed over it.
    Rewrite(usize),
    /// The same, in place (nano, VS Code): same inode, the folder's time does not move.
    EditInPlace(usize),
    /// Append an entry with two people to the current month file, in place.
    Append(usize, usize),
    Delete(usize),
    Break(usize),
    Fix(usize),
    Commit,
    Checkout(usize),
    Restart,
}

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![
        3 => Just(Who::Id),
        3 => (0..6usize).prop_map(Who::Exact),
        3 => (0..8usize).prop_map(Who::Prefix),
        2 => (0..8usize).prop_map(Who::Ambiguous),
        2 => (0..STRANGERS.len()).prop_map(Who::Stranger),
    ]
}

fn write(tui: bool) -> BoxedStrategy<Write> {
    let common = prop_oneof![
        2 => Just(Write::Note),
        2 => Just(Write::Need),
        2 => (0..DUES.len()).prop_map(Write::FollowUp),
        1 => (0..4usize).prop_map(Write::Met),
    ];
    if tui {
        // Promises are marked done from the CLI only.
        common.boxed()
    } else {
        prop_oneof![6 => common, 1 => (0..4usize).prop_map(Write::Done)].boxed()
    }
}

const PEOPLE: usize = 16;

pub fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (write(false), 0..PEOPLE, who())
            .prop_map(|(write, target, who)| Step::Cli { write, target, who }),
        1 => (0..NEWCOMERS.len()).prop_map(Step::Add),
        5 => (write(true), 0..PEOPLE).prop_map(|(write, target)| Step::Tui { write, target }),
        1 => (0..PEOPLE).prop_map(Step::Rewrite),
        1 => (0..PEOPLE).prop_map(Step::EditInPlace),
        1 => (0..PEOPLE, 0..PEOPLE).prop_map(|(a, b)| Step::Append(a, b)),
        1 => (0..PEOPLE).prop_map(Step::Delete),
        1 => (0..PEOPLE).prop_map(Step::Break),
        1 => (0..PEOPLE).prop_map(Step::Fix),
        1 => Just(Step::Commit),
        1 => (0..4usize).prop_map(Step::Checkout),
        1 => Just(Step::Restart),
    ]
}

/// Prefixes (from the first letter, three or more letters, whole words so far) of a name.
fn prefixes(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    (3..chars.len())
        .map(|n| chars[..n].iter().collect::<String>())
        .filter(|p| !p.ends_with(' '))
        .collect()
}

fn exact_anywhere(model: &Model, q: &str) -> bool {
    model.people.contains_key(q)
        || model.people.values().any(|p| {
            std::iter::once(&p.card.name)
                .chain(&p.card.aliases)
                .any(|n| fold(n) == fold(q))
        })
}

/// The WHO text for `who`, aimed at `target`. Falls back to the id when the wanted kind of
/// query does not exist in this model (no unique prefix of a CJK name, say).
pub fn who_text(model: &Model, target: &str, who: &Who) -> String {
    let Some(p) = model.people.get(target) else {
        return target.to_string();
    };
    let card = &p.card;
    let names: Vec<&String> = std::iter::once(&card.name).chain(&card.aliases).collect();
    let pick = |options: Vec<String>, k: usize| -> Option<String> {
        (!options.is_empty()).then(|| options[k % options.len()].clone())
    };
    let found = match who {
        Who::Id => None,
        Who::Exact(k) => {
            let mut options: Vec<String> = Vec::new();
            for n in &names {
                options.extend([n.to_string(), n.to_lowercase(), n.to_uppercase()]);
            }
            let seeded = SEEDS.iter().flat_map(|s| s.folds.iter());
            options.extend(
                seeded
                    .filter(|f| names.iter().any(|n| fold(n) == fold(f)))
                    .map(|f| f.to_string()),
            );
            pick(options, *k)
        }
        Who::Prefix(k) => {
            let options = names
                .iter()
                .flat_map(|n| prefixes(n))
                .filter(|q| !exact_anywhere(model, q))
                .filter(|q| model.prefix_matches(q) == Some(BTreeSet::from([target.to_string()])))
                .collect();
            pick(options, *k)
        }
        Who::Ambiguous(k) => {
            let options = model
                .people
                .values()
                .flat_map(|p| prefixes(&p.card.name))
                .filter(|q| !exact_anywhere(model, q))
                .filter(|q| model.prefix_matches(q).is_some_and(|m| m.len() >= 2))
                .collect::<BTreeSet<String>>();
            pick(options.into_iter().collect(), *k)
        }
        Who::Stranger(k) => {
            let q = STRANGERS[k % STRANGERS.len()].to_string();
            Some(q)
        }
    };
    found.unwrap_or_else(|| target.to_string())
}

/// What a write naming `query` must do.
pub fn expect(model: &Model, query: &str, write: &Write) -> Expect {
    model.resolve(query, !matches!(write, Write::Note))
}
