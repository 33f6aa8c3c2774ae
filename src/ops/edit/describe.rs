//! What an edit changed, in words: the decoded record before and after, compared key by key.
//! These lines are the edit's description (the command line's output, a history message, an
//! undo label), so they name what changed rather than repeat the values.

use crate::model::{Contact, Entry};
use crate::sanitize::inert_line;
use crate::store::{Conflict, MergeOutcome};

/// What the description says when the text changed but no key rolo reads did.
const ONLY_TEXT: &str = "comments or keys rolo does not know";

/// "edited Aiko Tanaka: role, email, 1 need". `before` is the card as it was (`None`: it did
/// not load, and the edit fixed it); `written` is false when the file was left as it was.
pub fn person_line(before: Option<&Contact>, after: &Contact, written: bool) -> String {
    let name = inert_line(&after.name).into_owned();
    if !written {
        return format!("no change to {name}");
    }
    let Some(before) = before else {
        return format!("edited {name}: fixed the file");
    };
    let who = if before.name == after.name {
        name
    } else {
        format!("{name} (was {})", inert_line(&before.name))
    };
    format!("edited {who}: {}", listed(person_changes(before, after)))
}

/// "entry of 2 Dec 2026 with Aiko Tanaka edited: note"; `name` turns an id into a name.
pub fn entry_line(
    before: &Entry,
    after: &Entry,
    written: bool,
    name: &dyn Fn(&str) -> String,
) -> String {
    let which = entry_named(before, name);
    if !written {
        return format!("no change to the {which}");
    }
    format!("{which} edited: {}", listed(entry_changes(before, after)))
}

/// "entry of 2 Dec 2026 with Aiko Tanaka, Ben Carter".
pub fn entry_named(entry: &Entry, name: &dyn Fn(&str) -> String) -> String {
    let names: Vec<String> = entry
        .with
        .iter()
        .map(|id| inert_line(&name(id)).into_owned())
        .collect();
    format!(
        "entry of {} with {}",
        entry.at.format("%-d %b %Y"),
        names.join(", ")
    )
}

fn listed(changes: Vec<String>) -> String {
    if changes.is_empty() {
        ONLY_TEXT.to_string()
    } else {
        changes.join(", ")
    }
}

/// The card's keys that differ, in the order a contact file lists them; needs and follow-ups
/// are counted ("2 needs"), matched by number.
pub fn person_changes(a: &Contact, b: &Contact) -> Vec<String> {
    let mut out = Vec::new();
    let keys = [
        ("name", a.name != b.name),
        ("aliases", a.aliases != b.aliases),
        ("tags", a.tags != b.tags),
        ("company", a.company != b.company),
        ("role", a.role != b.role),
        ("email", a.email != b.email),
        ("phone", a.phone != b.phone),
        ("birthday", a.birthday != b.birthday),
        ("met", a.met != b.met),
        (
            "keep_in_touch_days",
            a.keep_in_touch_days != b.keep_in_touch_days,
        ),
        ("can_help_with", a.can_help_with != b.can_help_with),
        ("notes", a.notes != b.notes),
    ];
    out.extend(keys.iter().filter(|(_, d)| *d).map(|(k, _)| k.to_string()));
    let needs = numbered_changes(&a.needs, &b.needs, |n| n.id);
    if needs > 0 {
        out.push(counted(needs, "need", "needs"));
    }
    let follow_ups = numbered_changes(&a.follow_ups, &b.follow_ups, |f| f.id);
    if follow_ups > 0 {
        out.push(counted(follow_ups, "follow-up", "follow-ups"));
    }
    out
}

/// The entry's keys that differ, in the order a month file lists them.
pub fn entry_changes(a: &Entry, b: &Entry) -> Vec<String> {
    [
        ("at", a.at != b.at),
        ("with", a.with != b.with),
        ("kind", a.kind != b.kind),
        ("note", a.note != b.note),
        ("gave", a.gave != b.gave),
        ("asked", a.asked != b.asked),
    ]
    .iter()
    .filter(|(_, d)| *d)
    .map(|(k, _)| k.to_string())
    .collect()
}

/// How many numbers name a need (or follow-up) that was added, removed or changed. Items
/// sharing a number (a hand edit) count once, as the file pairs them by number too.
fn numbered_changes<T: PartialEq>(a: &[T], b: &[T], id: impl Fn(&T) -> u32) -> usize {
    let mut ids: Vec<u32> = a.iter().chain(b).map(&id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter(|&n| {
            let mut left = a.iter().filter(|x| id(x) == n);
            let mut right = b.iter().filter(|x| id(x) == n);
            // Paired in order, as the file pairs items that share a number.
            loop {
                match (left.next(), right.next()) {
                    (None, None) => break false,
                    (Some(x), Some(y)) if x == y => continue,
                    _ => break true,
                }
            }
        })
        .count()
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// After an edit that kept the file's value of keys both sides changed: which ones.
pub fn kept_words(kept: &[Conflict]) -> String {
    let keys: Vec<String> = kept
        .iter()
        .map(|c| inert_line(&c.key).into_owned())
        .collect();
    format!(
        "kept the file's {} (changed outside while you edited)",
        keys.join(", ")
    )
}

/// After an edit whose new need or follow-up took a number added meanwhile: its new number.
pub fn renumbered_words(merge: &MergeOutcome) -> String {
    merge
        .renumbered
        .iter()
        .map(|r| {
            let key = inert_line(&r.key);
            format!(
                "; your {key} #{} is now #{} (#{} was added meanwhile)",
                r.from, r.to, r.from
            )
        })
        .collect()
}
