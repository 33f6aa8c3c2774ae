//! An import planned before anything is written, and said in words: who is new, who is
//! already here and what they gain, and what was skipped and why.

use super::matching::{Found, How, Index, Target, add_missing, gained};
use super::{Origin, Read, Skipped};
use crate::model::Contact;
use crate::sanitize::inert_line;

/// A person the import adds, and the cards they came from (several, when one file or two
/// describe them twice).
#[derive(Debug, Clone)]
pub struct Newcomer {
    pub contact: Contact,
    pub from: Vec<Origin>,
}

/// A person already here whom cards matched.
#[derive(Debug, Clone)]
pub struct Matched {
    /// Their position in the contacts the plan was made from.
    pub ix: usize,
    pub id: String,
    pub name: String,
    pub how: How,
    /// The cards, in file order, to apply with `add_missing` to their file as it is then.
    pub cards: Vec<Contact>,
    /// What their record gains, in words; empty when it holds everything already.
    pub gains: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub cards: usize,
    pub new: Vec<Newcomer>,
    pub matched: Vec<Matched>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    /// Matched people whose record gains something.
    pub fn updates(&self) -> impl Iterator<Item = &Matched> {
        self.matched.iter().filter(|m| !m.gains.is_empty())
    }

    pub fn update_count(&self) -> usize {
        self.updates().count()
    }

    /// Whether applying the plan would write anything.
    pub fn writes(&self) -> bool {
        !self.new.is_empty() || self.update_count() > 0
    }
}

/// Plan the import of `read` into a journal holding `contacts`. `broken` says, for a
/// position, where that person's file fails to load: they cannot be added to, so a card
/// that is them is skipped with that reason.
pub fn plan(contacts: &[Contact], broken: impl Fn(usize) -> Option<String>, read: Read) -> Plan {
    let mut index = Index::new(contacts);
    let mut plan = Plan {
        cards: read.cards.len(),
        skipped: read.skipped,
        ..Plan::default()
    };
    // Positions of matched people in `plan.matched`, and their record as it would become.
    let mut matched_at: std::collections::HashMap<usize, (usize, Contact)> = Default::default();
    let named = |c: &Contact| format!("{} ({})", inert_line(&c.name), inert_line(&c.id));
    for card in read.cards {
        match index.find(&card.contact) {
            Found::Nobody => {
                let k = plan.new.len();
                index.add(Target::New(k), &card.contact);
                plan.new.push(Newcomer {
                    contact: card.contact,
                    from: vec![card.at],
                });
            }
            Found::One(Target::New(k), _) => {
                let person = &mut plan.new[k];
                add_missing(&mut person.contact, &card.contact);
                person.from.push(card.at);
                index.add(Target::New(k), &plan.new[k].contact);
            }
            Found::One(Target::Here(ix), how) => {
                let Some(here) = contacts.get(ix) else {
                    continue;
                };
                if let Some(why) = broken(ix) {
                    plan.skipped.push(Skipped {
                        at: card.at,
                        reason: format!(
                            "is {} by {}, whose file does not load ({why}); fix it first, then import again",
                            named(here),
                            how.as_str()
                        ),
                    });
                    continue;
                }
                let (at, now) = matched_at.entry(ix).or_insert_with(|| {
                    plan.matched.push(Matched {
                        ix,
                        id: here.id.clone(),
                        name: here.name.clone(),
                        how,
                        cards: Vec::new(),
                        gains: Vec::new(),
                    });
                    (plan.matched.len() - 1, here.clone())
                });
                add_missing(now, &card.contact);
                let m = &mut plan.matched[*at];
                m.cards.push(card.contact);
                m.gains = gained(here, now);
                index.add(Target::Here(ix), now);
            }
            Found::Several(targets, how) => {
                let who: Vec<String> = targets
                    .iter()
                    .map(|t| match *t {
                        Target::Here(ix) => contacts.get(ix).map(named).unwrap_or_default(),
                        Target::New(k) => format!(
                            "{} (new, from {})",
                            inert_line(&plan.new[k].contact.name),
                            plan.new[k]
                                .from
                                .first()
                                .map(|o| o.to_string())
                                .unwrap_or_default()
                        ),
                    })
                    .collect();
                plan.skipped.push(Skipped {
                    at: card.at,
                    reason: format!(
                        "fits several people by {}: {}; skipped rather than guessed (add it to one of them by hand)",
                        how.as_str(),
                        who.join(", ")
                    ),
                });
            }
        }
    }
    plan.skipped
        .sort_by(|a, b| (&a.at.file, a.at.line).cmp(&(&b.at.file, b.at.line)));
    plan
}

/// How many new people a preview names one by one; the rest are counted.
const NEW_SHOWN: usize = 20;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The preview, as the command line prints it before asking.
pub fn words(plan: &Plan) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let updates = plan.update_count();
    let current = plan.matched.len() - updates;
    line(format!(
        "{} read: {} new, {} already here ({} to update, {} up to date), {} skipped",
        plural(plan.cards, "card", "cards"),
        plan.new.len(),
        plan.matched.len(),
        updates,
        current,
        plan.skipped.len()
    ));
    if !plan.new.is_empty() {
        line("\nNew".into());
        for n in plan.new.iter().take(NEW_SHOWN) {
            let mut facts = Vec::new();
            if let Some(c) = &n.contact.company {
                facts.push(inert_line(c).into_owned());
            }
            if let Some(e) = n.contact.email.first() {
                facts.push(inert_line(e).into_owned());
            }
            let facts = if facts.is_empty() {
                String::new()
            } else {
                format!(" — {}", facts.join(", "))
            };
            line(format!("  {}{facts}", inert_line(&n.contact.name)));
        }
        if plan.new.len() > NEW_SHOWN {
            line(format!("  … and {} more", plan.new.len() - NEW_SHOWN));
        }
    }
    if updates > 0 {
        line("\nAlready here, gaining what they lack (nothing of yours changes)".into());
        for m in plan.updates() {
            line(format!(
                "  {} ({}), by {}: + {}",
                inert_line(&m.name),
                inert_line(&m.id),
                m.how.as_str(),
                m.gains.join(", ")
            ));
        }
    }
    if !plan.skipped.is_empty() {
        line("\nSkipped".into());
        for s in &plan.skipped {
            line(format!(
                "  {}: {}",
                inert_line(&s.at.to_string()),
                inert_line(&s.reason)
            ));
        }
    }
    out
}
