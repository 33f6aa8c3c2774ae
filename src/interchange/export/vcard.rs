//! vCard 4.0 (RFC 6350), built from calcard's types and written by calcard's writer, so the
//! folding, escaping and date forms are the crate's, not rolo's.
//!
//! Every field rolo imports is written where an address book looks for it; what only rolo
//! has (where you met, what they can help with, the rhythm) goes in `X-ROLO-*` properties,
//! which other address books keep and do not show, so an export imports back into rolo
//! unchanged. Needs, promises and the journal are not address-book data: the JSON and
//! Markdown exports carry those.

use super::People;
use crate::interchange::vcard_in::{X_EVERY, X_HELPS_WITH, X_MET};
use crate::journal::Journal;
use crate::model::{Birthday, Contact};
use calcard::common::PartialDateTime;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};
use sha2::{Digest, Sha256};

pub fn render(j: &Journal, people: People) -> String {
    let mut out = String::new();
    for c in people.iter().filter_map(|&ix| j.contact(ix)) {
        // Writing into a String cannot fail.
        let _ = card(c).write_to(&mut out, VCardVersion::V4_0);
    }
    out
}

fn text(name: VCardProperty, value: &str) -> VCardEntry {
    VCardEntry::new(name).with_value(VCardValue::Text(value.to_string()))
}

fn other(name: &str) -> VCardProperty {
    VCardProperty::Other(name.to_string())
}

/// A stable UID for the person, so that an address book importing again updates the card
/// rather than adding a second one: a name-based UUID made from the id (which never changes).
pub fn uid(id: &str) -> String {
    let hash = Sha256::digest(format!("rolo:{id}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    // Version 8 ("custom"), RFC 4122 variant: a valid UUID that no generator will repeat.
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

pub fn card(c: &Contact) -> VCard {
    let mut e = vec![
        text(VCardProperty::Uid, &uid(&c.id)),
        text(VCardProperty::Fn, &c.name),
    ];
    if !c.aliases.is_empty() {
        e.push(
            VCardEntry::new(VCardProperty::Nickname)
                .with_values(c.aliases.iter().cloned().map(VCardValue::Text).collect()),
        );
    }
    if let Some(org) = &c.company {
        e.push(text(VCardProperty::Org, org));
    }
    if let Some(role) = &c.role {
        e.push(text(VCardProperty::Title, role));
    }
    e.extend(c.email.iter().map(|m| text(VCardProperty::Email, m)));
    e.extend(c.phone.iter().map(|p| text(VCardProperty::Tel, p)));
    e.extend(c.urls.iter().map(|u| text(VCardProperty::Url, u)));
    if let Some(b) = c.birthday {
        e.push(
            VCardEntry::new(VCardProperty::Bday)
                .with_value(VCardValue::PartialDateTime(birthday(b))),
        );
    }
    if !c.tags.is_empty() {
        e.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(c.tags.iter().cloned().map(VCardValue::Text).collect()),
        );
    }
    if let Some(n) = &c.notes {
        e.push(text(VCardProperty::Note, n));
    }
    if let Some(m) = &c.met {
        e.push(text(other(X_MET), m));
    }
    // One property for each: an unknown property's values are one text to a reader (rolo's
    // own included), so several in one came back as a single "a;b;c".
    for h in &c.can_help_with {
        e.push(text(other(X_HELPS_WITH), h));
    }
    if let Some(d) = c.keep_in_touch_days {
        e.push(text(other(X_EVERY), &d.to_string()));
    }
    VCard { entries: e }
}

/// `1815-12-10` as `18151210`; a birthday without a year as `--1210` (RFC 6350's reduced
/// form), which address books read as "no year".
fn birthday(b: Birthday) -> PartialDateTime {
    let (m, d) = b.month_day();
    PartialDateTime {
        year: b.year().and_then(|y| u16::try_from(y).ok()),
        month: u8::try_from(m).ok(),
        day: u8::try_from(d).ok(),
        ..PartialDateTime::default()
    }
}
