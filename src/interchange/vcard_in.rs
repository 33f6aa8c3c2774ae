//! vCard 2.1, 3.0 and 4.0 into cards, through calcard (which unfolds lines, decodes
//! quoted-printable and base64, and honours `CHARSET`).
//!
//! This file only finds where each card begins and ends (`BEGIN:VCARD` … `END:VCARD`, lines
//! that are never folded), so that each card is read on its own: a broken card is reported at
//! its line and the others still import. What is inside a card is calcard's to read.

use super::mapping::{
    birthday_from_parts, birthday_from_text, clean, email_key, name_from_parts, push_phone,
    push_unique, text_key,
};
use super::{Card, Origin, Read, Skipped};
use crate::model::Contact;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue};

/// rolo's own fields, written by `export::vcard` as extension properties so that an export
/// imports back unchanged; other address books keep them and show nothing.
pub const X_MET: &str = "X-ROLO-MET";
pub const X_HELPS_WITH: &str = "X-ROLO-HELPS-WITH";
pub const X_EVERY: &str = "X-ROLO-EVERY";

/// The longest keep-in-touch rhythm a contact file may hold, as the loader checks.
const MAX_EVERY_DAYS: u32 = 36_500;

/// One card's text and the line its `BEGIN:VCARD` is on.
struct Chunk<'a> {
    line: usize,
    text: &'a str,
}

pub fn read(file: &str, text: &str) -> Read {
    let at = |line| Origin {
        file: file.to_string(),
        line,
    };
    let (chunks, mut skipped) = chunks(text);
    let mut out = Read::default();
    for (line, why) in skipped.drain(..) {
        out.skipped.push(Skipped {
            at: at(line),
            reason: why,
        });
    }
    for chunk in chunks {
        match card(chunk.text) {
            Ok(contact) => out.cards.push(Card {
                at: at(chunk.line),
                contact,
            }),
            Err(reason) => out.skipped.push(Skipped {
                at: at(chunk.line),
                reason,
            }),
        }
    }
    out.skipped.sort_by_key(|s| s.at.line);
    out
}

fn is_line(line: &str, what: &str) -> bool {
    // A folded line starts with a space or a tab: it continues the one before.
    !line.starts_with([' ', '\t'])
        && line
            .trim()
            .trim_start_matches('\u{feff}')
            .eq_ignore_ascii_case(what)
}

/// Each card's text, and the lines that belong to no card (reported once per run of them).
fn chunks(text: &str) -> (Vec<Chunk<'_>>, Vec<(usize, String)>) {
    let mut chunks = Vec::new();
    let mut problems = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut stray: Option<usize> = None;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let n = i + 1;
        let start = offset;
        offset += line.len();
        if is_line(line, "BEGIN:VCARD") {
            if let Some((at, _)) = open {
                problems.push((
                    at,
                    format!(
                        "card not closed (no END:VCARD before the next card, line {n}); skipped"
                    ),
                ));
            }
            open = Some((n, start));
            stray = None;
        } else if is_line(line, "END:VCARD") {
            match open.take() {
                Some((at, from)) => chunks.push(Chunk {
                    line: at,
                    text: &text[from..offset],
                }),
                None => {
                    problems.push((n, "END:VCARD with no BEGIN:VCARD before it; ignored".into()))
                }
            }
        } else if open.is_none()
            && !line.trim().trim_start_matches('\u{feff}').is_empty()
            && stray.is_none()
        {
            stray = Some(n);
            problems.push((
                n,
                "text outside any card (not between BEGIN:VCARD and END:VCARD); ignored".into(),
            ));
        }
    }
    if let Some((at, _)) = open {
        problems.push((
            at,
            "card not closed (the file ends before END:VCARD); skipped".into(),
        ));
    }
    (chunks, problems)
}

/// The text of a value: a structured one joined by spaces, a URI as written.
fn value_text(v: &VCardValue) -> Option<String> {
    match v {
        VCardValue::Text(s) => Some(s.clone()),
        VCardValue::Component(parts) => Some(parts.join(" ")),
        VCardValue::Binary(d) if d.content_type.is_none() || d.data.is_ascii() => {
            String::from_utf8(d.data.clone()).ok()
        }
        _ => None,
    }
}

/// Every text value of an entry (NICKNAME and CATEGORIES hold several, comma-separated).
fn texts(e: &VCardEntry) -> Vec<String> {
    e.values
        .iter()
        .flat_map(|v| match v {
            VCardValue::Component(parts) => parts.clone(),
            other => value_text(other).into_iter().collect(),
        })
        .collect()
}

/// The first text of an entry, cleaned.
fn first(e: &VCardEntry) -> Option<String> {
    e.values.iter().find_map(value_text).and_then(|t| clean(&t))
}

/// Structured values (`N`, `ORG`) as their `;`-separated parts.
fn parts(e: &VCardEntry) -> Vec<String> {
    e.values
        .iter()
        .map(|v| value_text(v).unwrap_or_default())
        .collect()
}

/// The value of the first `name` line of a card as written (after its first `:`), for the
/// one case where calcard's reading loses part of it (see `BDAY`). Dates are never folded.
fn written_value(card: &str, name: &str) -> Option<String> {
    card.lines().find_map(|line| {
        let (head, value) = line.split_once(':')?;
        let prop = head.split(';').next()?;
        let prop = prop.rsplit('.').next()?;
        prop.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

/// `KIND:group` (4.0) or Apple's `X-ADDRESSBOOKSERVER-KIND:group`: a list of people.
fn is_group(e: &VCardEntry) -> bool {
    first(e).is_some_and(|k| k.eq_ignore_ascii_case("group"))
}

fn other_is(e: &VCardEntry, name: &str) -> bool {
    matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case(name))
}

fn card(text: &str) -> Result<Contact, String> {
    let vcard = VCard::parse(text).map_err(|e| format!("not a readable vCard ({e:?}); skipped"))?;
    let mut c = Contact::default();
    let mut structured = None;
    // TITLE is what people mean by a role ("CTO"); ROLE ("Project leader") when it is alone.
    let (mut title, mut job) = (None, None);
    for e in &vcard.entries {
        match &e.name {
            VCardProperty::Fn if c.name.is_empty() => c.name = first(e).unwrap_or_default(),
            VCardProperty::N => structured = Some(parts(e)),
            VCardProperty::Nickname => {
                for n in texts(e) {
                    push_unique(&mut c.aliases, &n, text_key);
                }
            }
            VCardProperty::Org => {
                let org: Vec<String> = parts(e).iter().filter_map(|p| clean(p)).collect();
                if c.company.is_none() && !org.is_empty() {
                    c.company = Some(org.join(", "));
                }
            }
            VCardProperty::Title => title = title.take().or_else(|| first(e)),
            VCardProperty::Role => job = job.take().or_else(|| first(e)),
            VCardProperty::Email => {
                if let Some(m) = first(e) {
                    push_unique(&mut c.email, m.trim_start_matches("mailto:"), email_key);
                }
            }
            VCardProperty::Tel => {
                if let Some(t) = first(e) {
                    push_phone(&mut c.phone, t.trim_start_matches("tel:"));
                }
            }
            VCardProperty::Url => {
                if let Some(u) = first(e) {
                    push_unique(&mut c.urls, &u, text_key);
                }
            }
            VCardProperty::Bday => {
                c.birthday = e
                    .values
                    .iter()
                    .find_map(|v| match v {
                        VCardValue::PartialDateTime(p) => {
                            birthday_from_parts(p.year, p.month, p.day)
                        }
                        other => value_text(other).and_then(|t| birthday_from_text(&t)),
                    })
                    // calcard reads the extended forms Google and others write (`--12-26`
                    // in 3.0, `1815-12-10` in 4.0) as a month without its day: the line as
                    // written says the rest.
                    .or_else(|| written_value(text, "BDAY").and_then(|t| birthday_from_text(&t)));
            }
            VCardProperty::Note => {
                if let Some(n) = first(e) {
                    c.notes = Some(match c.notes.take() {
                        Some(before) => format!("{before}\n\n{n}"),
                        None => n,
                    });
                }
            }
            VCardProperty::Categories => {
                for t in texts(e) {
                    // Google's "all my contacts" group says nothing about anyone.
                    if !t.trim().eq_ignore_ascii_case("myContacts") {
                        push_unique(&mut c.tags, &t, text_key);
                    }
                }
            }
            VCardProperty::Kind if is_group(e) => {
                return Err("a group of contacts, not a person; skipped".into());
            }
            _ if other_is(e, "X-ADDRESSBOOKSERVER-KIND") && is_group(e) => {
                return Err("a group of contacts, not a person; skipped".into());
            }
            _ if other_is(e, X_MET) => c.met = first(e),
            _ if other_is(e, X_HELPS_WITH) => {
                for h in texts(e) {
                    push_unique(&mut c.can_help_with, &h, text_key);
                }
            }
            _ if other_is(e, X_EVERY) => {
                c.keep_in_touch_days = first(e)
                    .and_then(|d| d.parse().ok())
                    .filter(|d| (1..=MAX_EVERY_DAYS).contains(d));
            }
            // A photo, an address, a time zone, a sound: rolo has no place for them.
            _ => {}
        }
    }
    c.role = title.or(job);
    if c.name.trim().is_empty()
        && let Some(p) = &structured
    {
        let at = |i: usize| p.get(i).map(String::as_str).unwrap_or("");
        c.name = name_from_parts(at(0), at(1), at(2), at(3), at(4));
    }
    if c.name.trim().is_empty() {
        // A card for a company (Outlook, Apple) names only the organisation.
        c.name = c.company.clone().unwrap_or_default();
    }
    c.name = clean(&c.name.replace('\n', " ")).unwrap_or_default();
    if c.name.is_empty() {
        return Err("no name (FN, N and ORG are all empty); skipped".into());
    }
    c.aliases.retain(|a| text_key(a) != text_key(&c.name));
    Ok(c)
}
