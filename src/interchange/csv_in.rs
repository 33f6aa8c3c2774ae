//! CSV address books into cards, through the csv crate: LinkedIn's `Connections.csv` (a few
//! lines of notes before its header), Google Contacts' export (the current columns and the
//! older ones) and, by the same column names, Outlook's.
//!
//! Columns are found by name, never by position, so a column added or moved by the service
//! changes nothing. Several values in one cell are separated by ` ::: ` (Google's way).

use super::mapping::{
    birthday_from_text, clean, email_key, name_from_parts, push_phone, push_unique, text_key,
};
use super::{Card, Origin, Read, Skipped};
use crate::model::Contact;
use chrono::NaiveDate;

/// Header cells that mark the header line (what comes before it is a preamble).
const NAME_COLUMNS: &[&str] = &[
    "first name",
    "given name",
    "name",
    "last name",
    "family name",
];

/// How far down a header may be: LinkedIn's notes take three or four lines.
const HEADER_WITHIN: usize = 30;

pub fn read(file: &str, text: &str) -> Read {
    let at = |line| Origin {
        file: file.to_string(),
        line,
    };
    let mut out = Read::default();
    let Some((header_line, offset)) = header(text) else {
        out.skipped.push(Skipped {
            at: at(1),
            reason: "neither a vCard file nor a CSV with a name column (LinkedIn's \
                     Connections.csv, a Google Contacts or Outlook export); nothing imported"
                .into(),
        });
        return out;
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(&text.as_bytes()[offset..]);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
        Err(e) => {
            out.skipped.push(Skipped {
                at: at(header_line),
                reason: format!("the header cannot be read as CSV ({e}); nothing imported"),
            });
            return out;
        }
    };
    let columns = Columns { headers };
    let linkedin = columns.index("connected on").is_some();
    for record in reader.records() {
        match record {
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.skipped.push(Skipped {
                    at: at(header_line + line.saturating_sub(1)),
                    reason: format!("cannot be read as CSV ({e}); skipped"),
                });
            }
            Ok(row) => {
                let line = header_line + row.position().map_or(1, |p| p.line() as usize) - 1;
                if row.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let row = Row {
                    columns: &columns,
                    cells: row.iter().collect(),
                };
                match contact(&row, linkedin) {
                    Ok(contact) => out.cards.push(Card {
                        at: at(line),
                        contact,
                    }),
                    Err(reason) => out.skipped.push(Skipped {
                        at: at(line),
                        reason,
                    }),
                }
            }
        }
    }
    out
}

/// The header's line number and byte offset: the first line within `HEADER_WITHIN` whose
/// cells name a name column.
fn header(text: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate().take(HEADER_WITHIN) {
        let mut cells = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.trim_start_matches('\u{feff}').as_bytes());
        let found = cells
            .records()
            .next()
            .and_then(Result::ok)
            .is_some_and(|r| {
                r.len() > 1
                    && r.iter()
                        .any(|c| NAME_COLUMNS.contains(&c.trim().to_lowercase().as_str()))
            });
        if found {
            let bom = if i == 0 && line.starts_with('\u{feff}') {
                3
            } else {
                0
            };
            return Some((i + 1, offset + bom));
        }
        offset += line.len();
    }
    None
}

struct Columns {
    headers: Vec<String>,
}

impl Columns {
    fn index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }
}

struct Row<'a> {
    columns: &'a Columns,
    cells: Vec<&'a str>,
}

impl Row<'_> {
    /// The first of `names` that is a column with something in it.
    fn get(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|n| {
            let i = self.columns.index(n)?;
            clean(self.cells.get(i)?)
        })
    }

    fn text(&self, names: &[&str]) -> String {
        self.get(names).unwrap_or_default()
    }

    /// Every value in columns whose name starts with one of `prefixes` and ends with one of
    /// `suffixes` ("E-mail 2 - Value"), or is one of `exact`, each cell split at ` ::: `.
    fn all(&self, exact: &[&str], prefixes: &[&str], suffix: &str) -> Vec<String> {
        let headers = &self.columns.headers;
        headers
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                exact.contains(&h.as_str())
                    || prefixes
                        .iter()
                        .any(|p| h.starts_with(p) && h.ends_with(suffix))
            })
            .filter_map(|(i, _)| self.cells.get(i))
            .flat_map(|cell| cell.split(":::").map(str::trim).map(str::to_string))
            .filter(|v| !v.is_empty())
            .collect()
    }
}

fn contact(row: &Row, linkedin: bool) -> Result<Contact, String> {
    let name = row.get(&["name", "display name"]).unwrap_or_else(|| {
        name_from_parts(
            &row.text(&["last name", "family name"]),
            &row.text(&["first name", "given name"]),
            &row.text(&["middle name", "additional name"]),
            &row.text(&["name prefix"]),
            &row.text(&["name suffix", "suffix"]),
        )
    });
    let mut c = Contact {
        name,
        ..Contact::default()
    };
    c.company = row.get(&["company", "organization name", "organization 1 - name"]);
    c.role = row.get(&[
        "position",
        "organization title",
        "organization 1 - title",
        "job title",
    ]);
    for n in row.all(&["nickname"], &[], "") {
        push_unique(&mut c.aliases, &n, text_key);
    }
    for e in row.all(
        &["email address", "e-mail address"],
        &["e-mail ", "email "],
        " - value",
    ) {
        push_unique(&mut c.email, &e, email_key);
    }
    for e in row.all(&["e-mail 2 address", "e-mail 3 address"], &[], "") {
        push_unique(&mut c.email, &e, email_key);
    }
    let phones = row.all(
        &[
            "mobile phone",
            "business phone",
            "home phone",
            "primary phone",
            "other phone",
        ],
        &["phone "],
        " - value",
    );
    for p in phones {
        push_phone(&mut c.phone, &p);
    }
    for u in row.all(&["url", "web page"], &["website "], " - value") {
        push_unique(&mut c.urls, &u, text_key);
    }
    c.birthday = row.get(&["birthday"]).and_then(|b| birthday_from_text(&b));
    c.notes = row.get(&["notes"]);
    for label in row.all(&["labels", "group membership", "categories"], &[], "") {
        // Google marks its own groups with a star: "* myContacts", "* starred".
        if !label.starts_with('*') {
            push_unique(&mut c.tags, &label, text_key);
        }
    }
    if linkedin {
        c.met =
            row.get(&["connected on"])
                .map(|on| match NaiveDate::parse_from_str(&on, "%d %b %Y") {
                    Ok(day) => format!("LinkedIn, connected {}", day.format("%Y-%m-%d")),
                    Err(_) => format!("LinkedIn, connected {on}"),
                });
    }
    c.name = clean(&c.name.replace('\n', " ")).unwrap_or_default();
    if c.name.is_empty() && !linkedin {
        // An address book's card for a company names only the organisation.
        c.name = c.company.clone().unwrap_or_default();
    }
    if c.name.is_empty() {
        return Err("no name (the name columns are empty); skipped".into());
    }
    c.aliases.retain(|a| text_key(a) != text_key(&c.name));
    Ok(c)
}
