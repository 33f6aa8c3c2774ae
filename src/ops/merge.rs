//! Two people made one (`rolo merge A B`, the TUI's merge key): B's entries, needs,
//! follow-ups, aliases and fields move to A, and B's file goes, as one change (one history
//! commit, one undo). The store does the files (`Store::merge_people`); this says what A
//! becomes (`combine`), what the merge will do before it does it (`Preview`), and words it.
//!
//! What A becomes: A's own value wins wherever both have one (a field of B's that loses is
//! named in the preview, and stays in the history); lists are sets (A's first, then what B
//! adds, compared without case); B's name and aliases become A's aliases; B's needs and
//! follow-ups are numbered after A's, in their order; notes are both kept, A's first.
//! Nothing in the journal refers to a need or a follow-up by its number from outside its
//! person's file, so the renumbering has nothing else to follow; people named "not a fit"
//! follow the merge (B becomes A, and no one is a poor fit for their own need).

use super::{Invalid, OpError, finish};
use crate::fold;
use crate::model::Contact;
use crate::sanitize::inert_line;
use crate::store::{PeopleMerged, Store};

/// A merge of `gone` into `keep` (contact ids), checked: two different people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    keep: String,
    gone: String,
}

/// What a merge wrote, and what to say about it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub written: PeopleMerged,
    /// "merged Priya R. into Priya Raman: 3 entries, 1 need"
    pub line: String,
    pub status: String,
}

impl Merge {
    pub fn new(keep: &str, gone: &str) -> Result<Merge, Invalid> {
        if keep == gone {
            return Err(Invalid(format!(
                "both name {}: a person cannot be merged into themselves; nothing was written",
                inert_line(keep)
            )));
        }
        Ok(Merge {
            keep: keep.to_string(),
            gone: gone.to_string(),
        })
    }

    pub fn apply(self, store: &Store) -> Result<Merged, OpError> {
        let written = store.merge_people(&self.keep, &self.gone, combine)?;
        let line = line(&written);
        finish(store, &line);
        Ok(Merged {
            status: line.clone(),
            line,
            written,
        })
    }
}

/// "merged Priya R. into Priya Raman: 3 entries, 1 need, 2 follow-ups"
fn line(m: &PeopleMerged) -> String {
    let moved = counts(m.entries, m.gone.needs.len(), m.gone.follow_ups.len());
    let head = format!(
        "merged {} into {}",
        inert_line(&m.gone.name),
        inert_line(&m.kept.name)
    );
    if moved.is_empty() {
        head
    } else {
        format!("{head}: {moved}")
    }
}

/// "3 entries, 1 need", the counts that are not zero; "" when all are.
pub fn counts(entries: usize, needs: usize, follow_ups: usize) -> String {
    let one = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    [
        one(entries, "entry", "entries"),
        one(needs, "need", "needs"),
        one(follow_ups, "follow-up", "follow-ups"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// A with what B adds (see the module doc). Pure: the preview and the store use the same.
pub fn combine(a: &Contact, b: &Contact) -> Contact {
    let mut c = a.clone();
    let names: Vec<String> = std::iter::once(&b.name)
        .chain(&b.aliases)
        .cloned()
        .collect();
    for name in names {
        let taken = fold::key(&name) == fold::key(&c.name)
            || c.aliases.iter().any(|x| fold::key(x) == fold::key(&name));
        if !taken && !name.trim().is_empty() {
            c.aliases.push(name);
        }
    }
    union(&mut c.tags, &b.tags);
    union(&mut c.email, &b.email);
    union(&mut c.phone, &b.phone);
    union(&mut c.urls, &b.urls);
    union(&mut c.can_help_with, &b.can_help_with);
    c.company = c.company.or_else(|| b.company.clone());
    c.role = c.role.or_else(|| b.role.clone());
    c.birthday = c.birthday.or(b.birthday);
    c.met = c.met.or_else(|| b.met.clone());
    c.keep_in_touch_days = c.keep_in_touch_days.or(b.keep_in_touch_days);
    c.notes = match (&a.notes, &b.notes) {
        (Some(x), Some(y)) if x.trim() != y.trim() && !y.trim().is_empty() => {
            Some(format!("{}\n\n{}", x.trim_end(), y.trim_start()))
        }
        (Some(x), _) => Some(x.clone()),
        (None, y) => y.clone(),
    };
    let mut next_need = a.next_need_id();
    for n in &b.needs {
        let mut n = n.clone();
        n.id = next_need;
        next_need = next_need.saturating_add(1);
        c.needs.push(n);
    }
    let mut next_follow_up = a.next_follow_up_id();
    for f in &b.follow_ups {
        let mut f = f.clone();
        f.id = next_follow_up;
        next_follow_up = next_follow_up.saturating_add(1);
        c.follow_ups.push(f);
    }
    // B in any of the needs' "not a fit" is A now; no one is a poor fit for their own need.
    for n in &mut c.needs {
        n.not_a_fit.retain(|w| w != &a.id && w != &b.id);
    }
    c
}

/// `into` with each of `more` it lacks (compared trimmed, without case), in order.
fn union(into: &mut Vec<String>, more: &[String]) {
    for m in more {
        let key = m.trim().to_lowercase();
        if !into.iter().any(|x| x.trim().to_lowercase() == key) {
            into.push(m.clone());
        }
    }
}

/// What a merge will do, before it does it: for the command line's question and the TUI's
/// confirmation screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub keep_name: String,
    pub keep_id: String,
    pub gone_name: String,
    pub gone_id: String,
    /// Entries with B (the journal as loaded): they will name A.
    pub entries: usize,
    pub needs: usize,
    pub follow_ups: usize,
    /// What A gains: `alias "Priya R."`, `email priya@example.org`.
    pub gains: Vec<String>,
    /// B's values that A's own outweigh: `role "CTO" (A keeps "CEO")`.
    pub loses: Vec<String>,
}

impl Preview {
    pub fn new(a: &Contact, b: &Contact, entries: usize) -> Preview {
        let c = combine(a, b);
        let mut gains = Vec::new();
        let added = |gains: &mut Vec<String>, what: &str, old: &[String], new: &[String]| {
            for x in new.iter().skip(old.len()) {
                gains.push(format!("{what} \"{}\"", inert_line(x)));
            }
        };
        added(&mut gains, "alias", &a.aliases, &c.aliases);
        added(&mut gains, "tag", &a.tags, &c.tags);
        added(&mut gains, "email", &a.email, &c.email);
        added(&mut gains, "phone", &a.phone, &c.phone);
        added(&mut gains, "url", &a.urls, &c.urls);
        added(
            &mut gains,
            "can help with",
            &a.can_help_with,
            &c.can_help_with,
        );
        let mut loses = Vec::new();
        let mut field =
            |what: &str, mine: Option<String>, theirs: Option<String>| match (mine, theirs) {
                (None, Some(t)) => gains.push(format!("{what} \"{}\"", inert_line(&t))),
                (Some(m), Some(t)) if m != t => loses.push(format!(
                    "{what} \"{}\" ({} keeps \"{}\")",
                    inert_line(&t),
                    inert_line(&a.name),
                    inert_line(&m)
                )),
                _ => {}
            };
        field("company", a.company.clone(), b.company.clone());
        field("role", a.role.clone(), b.role.clone());
        field(
            "birthday",
            a.birthday.map(|d| d.to_string()),
            b.birthday.map(|d| d.to_string()),
        );
        field("met", a.met.clone(), b.met.clone());
        field(
            "keep in touch every",
            a.keep_in_touch_days.map(|d| format!("{d} days")),
            b.keep_in_touch_days.map(|d| format!("{d} days")),
        );
        if b.notes.as_deref().is_some_and(|n| !n.trim().is_empty()) && c.notes != a.notes {
            gains.push("notes (after their own)".into());
        }
        Preview {
            keep_name: a.name.clone(),
            keep_id: a.id.clone(),
            gone_name: b.name.clone(),
            gone_id: b.id.clone(),
            entries,
            needs: b.needs.len(),
            follow_ups: b.follow_ups.len(),
            gains,
            loses,
        }
    }

    /// The preview as lines, already inert: what the command line prints, and the TUI shows.
    pub fn lines(&self) -> Vec<String> {
        let (a, b) = (inert_line(&self.keep_name), inert_line(&self.gone_name));
        let mut out = vec![format!(
            "Merge {b} ({}) into {a} ({}):",
            inert_line(&self.gone_id),
            inert_line(&self.keep_id)
        )];
        let moved = counts(self.entries, self.needs, self.follow_ups);
        if !moved.is_empty() {
            out.push(format!("  moves to {a}: {moved}"));
        }
        for g in &self.gains {
            out.push(format!("  {a} gains {g}"));
        }
        for l in &self.loses {
            out.push(format!("  dropped: {b}'s {l}"));
        }
        out.push(format!(
            "  {}'s file is removed; `rolo undo` brings it back",
            inert_line(&self.gone_id)
        ));
        out
    }
}
