//! Which person already here a card is, and what their record gains from it.
//!
//! A card is the same person as a contact when they share an email (case aside), a phone
//! number (its digits, see `mapping::phone_key`) or the exact name or an alias (case and
//! accents aside, `fold::key`), tried in that order: an email is the surest sign, a name the weakest. A card
//! that fits several people by its surest sign is not guessed at.
//!
//! A record only ever gains: what it lacks is filled in, lists take what they do not hold
//! yet, and nothing the person wrote is changed or removed. So a second import of the same
//! file finds nothing to add.

use super::mapping::{email_key, phone_key, phones_may_match, push_phone, push_unique, text_key};
use crate::fold;
use crate::model::{Birthday, Contact};
use std::collections::HashMap;

/// A person a card may be: one already in the journal (by position) or one this import
/// adds (by its place in the plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Here(usize),
    New(usize),
}

/// What a card was matched by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Email,
    Phone,
    Name,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Email => "email",
            How::Phone => "phone",
            How::Name => "name",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Nobody,
    One(Target, How),
    Several(Vec<Target>, How),
}

/// People by one kind of key.
type Keyed = HashMap<String, Vec<Target>>;

/// The people an import may match, by each key.
#[derive(Debug, Default)]
pub struct Index {
    by_email: HashMap<String, Vec<Target>>,
    by_phone: HashMap<String, Vec<Target>>,
    by_name: HashMap<String, Vec<Target>>,
    /// Each one's numbers as written, to tell two numbers with the same last digits apart
    /// by their country codes (`mapping::phones_may_match`).
    numbers: HashMap<Target, Vec<String>>,
}

fn put(map: &mut HashMap<String, Vec<Target>>, key: String, t: Target) {
    let list = map.entry(key).or_default();
    if !list.contains(&t) {
        list.push(t);
    }
}

impl Index {
    pub fn new(contacts: &[Contact]) -> Index {
        let mut index = Index::default();
        for (ix, c) in contacts.iter().enumerate() {
            index.add(Target::Here(ix), c);
        }
        index
    }

    /// Index `c` under `t`; call again after it gains an email or a phone.
    pub fn add(&mut self, t: Target, c: &Contact) {
        for e in &c.email {
            put(&mut self.by_email, email_key(e), t);
        }
        for p in &c.phone {
            if let Some(k) = phone_key(p) {
                put(&mut self.by_phone, k, t);
            }
            let numbers = self.numbers.entry(t).or_default();
            if !numbers.contains(p) {
                numbers.push(p.clone());
            }
        }
        // An alias is a name they go by: a card under it is them, as `rolo show Anya` is.
        for name in std::iter::once(&c.name).chain(&c.aliases) {
            let name = fold::key(name);
            if !name.is_empty() {
                put(&mut self.by_name, name, t);
            }
        }
    }

    pub fn find(&self, card: &Contact) -> Found {
        let emails: Vec<String> = card.email.iter().map(|e| email_key(e)).collect();
        let phones: Vec<String> = card.phone.iter().filter_map(|p| phone_key(p)).collect();
        let name = [fold::key(&card.name)];
        let tries: [(&Keyed, &[String], How); 3] = [
            (&self.by_email, &emails, How::Email),
            (&self.by_phone, &phones, How::Phone),
            (&self.by_name, &name, How::Name),
        ];
        // By phone, only someone with a number that may be the card's own: the last nine
        // digits alike, and not two country codes that differ.
        let same_number = |t: &Target| {
            let theirs = self.numbers.get(t).map(Vec::as_slice).unwrap_or_default();
            card.phone.iter().any(|mine| {
                theirs
                    .iter()
                    .any(|p| phone_key(p) == phone_key(mine) && phones_may_match(p, mine))
            })
        };
        for (map, keys, how) in tries {
            let mut found: Vec<Target> = keys
                .iter()
                .filter(|k| !k.is_empty())
                .filter_map(|k| map.get(k))
                .flatten()
                .copied()
                .filter(|t| how != How::Phone || same_number(t))
                .collect();
            found.sort();
            found.dedup();
            match found.len() {
                0 => continue,
                1 => return Found::One(found[0], how),
                _ => return Found::Several(found, how),
            }
        }
        Found::Nobody
    }
}

fn name_key(text: &str) -> String {
    fold::key(text)
}

/// Fill in what `into` lacks from `card`, never changing what it has. A card under another
/// name (matched by email or phone) leaves that name as an alias, so it finds them too.
pub fn add_missing(into: &mut Contact, card: &Contact) {
    let own = name_key(&into.name);
    let names = |c: &Contact| -> Vec<String> {
        std::iter::once(&card.name)
            .chain(&card.aliases)
            .filter(|n| name_key(n) != own && !c.aliases.iter().any(|a| name_key(a) == name_key(n)))
            .cloned()
            .collect()
    };
    for alias in names(into) {
        if !into.aliases.iter().any(|a| name_key(a) == name_key(&alias)) {
            into.aliases.push(alias);
        }
    }
    fill(&mut into.company, &card.company);
    fill(&mut into.role, &card.role);
    fill(&mut into.met, &card.met);
    fill(&mut into.keep_in_touch_days, &card.keep_in_touch_days);
    for t in &card.tags {
        push_unique(&mut into.tags, t, text_key);
    }
    for e in &card.email {
        push_unique(&mut into.email, e, email_key);
    }
    for p in &card.phone {
        push_phone(&mut into.phone, p);
    }
    for u in &card.urls {
        push_unique(&mut into.urls, u, text_key);
    }
    for h in &card.can_help_with {
        push_unique(&mut into.can_help_with, h, text_key);
    }
    into.birthday = match (into.birthday, card.birthday) {
        (None, b) => b,
        // The card knows the year of the day already written: the year is what was missing.
        (Some(Birthday::MonthDay(m, d)), Some(full @ Birthday::Full(_)))
            if full.month_day() == (m, d) =>
        {
            Some(full)
        }
        (mine, _) => mine,
    };
    if let Some(theirs) = card
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        into.notes = match into.notes.take() {
            None => Some(theirs.to_string()),
            Some(mine) if mine.contains(theirs) => Some(mine),
            // Both wrote something: the card's note goes after the person's own.
            Some(mine) => Some(format!("{}\n\n{theirs}", mine.trim_end())),
        };
    }
}

fn fill<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
    if mine.is_none() {
        mine.clone_from(theirs);
    }
}

/// What `after` holds that `before` did not, in words: "2 emails", "a birthday".
pub fn gained(before: &Contact, after: &Contact) -> Vec<String> {
    let mut out = Vec::new();
    let mut count = |n: usize, one: &str, many: &str| match n {
        0 => {}
        1 => out.push(one.to_string()),
        n => out.push(format!("{n} {many}")),
    };
    let more = |a: &[String], b: &[String]| b.len().saturating_sub(a.len());
    count(more(&before.email, &after.email), "an email", "emails");
    count(more(&before.phone, &after.phone), "a phone", "phones");
    count(
        more(&before.urls, &after.urls),
        "a web address",
        "web addresses",
    );
    count(more(&before.aliases, &after.aliases), "an alias", "aliases");
    count(more(&before.tags, &after.tags), "a tag", "tags");
    count(
        more(&before.can_help_with, &after.can_help_with),
        "something they can help with",
        "things they can help with",
    );
    let became = |a: bool, b: bool| !a && b;
    if became(before.company.is_some(), after.company.is_some()) {
        out.push("a company".into());
    }
    if became(before.role.is_some(), after.role.is_some()) {
        out.push("a role".into());
    }
    if before.birthday != after.birthday {
        out.push(if before.birthday.is_some() {
            "the year of their birthday".into()
        } else {
            "a birthday".into()
        });
    }
    if became(before.met.is_some(), after.met.is_some()) {
        out.push("where you met".into());
    }
    if became(
        before.keep_in_touch_days.is_some(),
        after.keep_in_touch_days.is_some(),
    ) {
        out.push("a keep-in-touch rhythm".into());
    }
    if before.notes != after.notes {
        out.push("notes".into());
    }
    out
}
