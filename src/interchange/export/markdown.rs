//! Markdown, as an archive a person reads: one section per person with their card, needs,
//! promises and notes, then their timeline, newest first. Meant for reading and keeping,
//! not for reading back in (the JSON export is for that).

use super::People;
use crate::journal::Journal;
use crate::model::{Contact, Entry, NeedStatus};
use chrono::NaiveDate;

/// Text placed inside a Markdown line: characters that would start markup at the beginning
/// of a line or inside it are escaped, so a note reads as it was written.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A multi-line text as a block quote, each line escaped.
fn quoted(out: &mut String, text: &str) {
    for line in text.trim_end().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str(&format!("> {}\n", plain(line)));
        }
    }
}

pub fn render(j: &Journal, people: People, today: NaiveDate) -> String {
    let mut out = format!(
        "# rolo: {} {}\n\nExported {}.\n",
        people.len(),
        if people.len() == 1 {
            "person"
        } else {
            "people"
        },
        today.format("%Y-%m-%d")
    );
    for &ix in people {
        if let Some(c) = j.contact(ix) {
            person(&mut out, j, ix, c);
        }
    }
    out
}

fn fact(out: &mut String, label: &str, value: &str) {
    out.push_str(&format!("- {label}: {}\n", plain(value)));
}

fn person(out: &mut String, j: &Journal, ix: usize, c: &Contact) {
    out.push_str(&format!("\n## {}\n\n", plain(&c.name)));
    out.push_str(&format!("- id: `{}`\n", c.id.replace('`', "'")));
    if let Some(p) = j.broken(ix) {
        fact(out, "⚠ file does not load", &p.to_string());
    }
    let work: Vec<&str> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !work.is_empty() {
        fact(out, "work", &work.join(" at "));
    }
    let lists = [
        ("also known as", &c.aliases),
        ("tags", &c.tags),
        ("email", &c.email),
        ("phone", &c.phone),
        ("web", &c.urls),
        ("can help with", &c.can_help_with),
    ];
    for (label, items) in lists {
        if !items.is_empty() {
            fact(out, label, &items.join(", "));
        }
    }
    if let Some(b) = c.birthday {
        fact(out, "birthday", &b.to_string());
    }
    if let Some(m) = &c.met {
        fact(out, "met", m);
    }
    if let Some(d) = c.keep_in_touch_days {
        fact(out, "keep in touch", &format!("every {d} days"));
    }
    if let Some(last) = j.last_contact(ix) {
        fact(out, "last contact", &last.format("%Y-%m-%d").to_string());
    }
    if let Some(n) = c.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push_str("\n### Notes\n\n");
        quoted(out, n);
    }
    if !c.needs.is_empty() {
        out.push_str("\n### Needs\n\n");
        for n in &c.needs {
            let state = match n.status {
                NeedStatus::Open if n.since != NaiveDate::MIN => {
                    format!("open since {}", n.since.format("%Y-%m-%d"))
                }
                NeedStatus::Open => "open".to_string(),
                NeedStatus::Met => {
                    let on = n.met_on.map(|d| format!(" {}", d.format("%Y-%m-%d")));
                    let how = n.how.as_deref().map(|h| format!(": {}", plain(h)));
                    format!("met{}{}", on.unwrap_or_default(), how.unwrap_or_default())
                }
                NeedStatus::Dropped => "dropped".to_string(),
            };
            out.push_str(&format!("- #{} {} ({state})\n", n.id, plain(&n.what)));
        }
    }
    // Yours and theirs apart, as the brief has them: one they made you is not yours to keep.
    for (theirs, heading) in [
        (false, "Your promises to them"),
        (true, "Their promises to you"),
    ] {
        let mut promises = c.follow_ups.iter().filter(|f| f.is_theirs() == theirs);
        let Some(first) = promises.next() else {
            continue;
        };
        out.push_str(&format!("\n### {heading}\n\n"));
        for f in std::iter::once(first).chain(promises) {
            let due = f
                .due
                .map(|d| format!(" (due {})", d.format("%Y-%m-%d")))
                .unwrap_or_default();
            let mark = if f.done { "x" } else { " " };
            out.push_str(&format!("- [{mark}] #{} {}{due}\n", f.id, plain(&f.what)));
        }
    }
    let entries: Vec<&Entry> = j.timeline_of(ix).collect();
    if !entries.is_empty() {
        out.push_str("\n### Timeline\n");
        for e in entries {
            entry(out, j, e, &c.id);
        }
    }
}

fn entry(out: &mut String, j: &Journal, e: &Entry, except: &str) {
    let others: Vec<String> = e
        .with
        .iter()
        .filter(|w| w.as_str() != except)
        .map(|w| plain(j.name_of(w)))
        .collect();
    let with = if others.is_empty() {
        String::new()
    } else {
        format!(" with {}", others.join(", "))
    };
    out.push_str(&format!(
        "\n**{}** {}{with}\n\n",
        e.at.format("%Y-%m-%d %H:%M"),
        plain(e.kind.as_str())
    ));
    quoted(out, &e.note);
    if let Some(g) = &e.gave {
        out.push_str(&format!("\n- gave: {}\n", plain(g)));
    }
    if let Some(a) = &e.asked {
        out.push_str(&format!(
            "{}- asked: {}\n",
            if e.gave.is_some() { "" } else { "\n" },
            plain(a)
        ));
    }
}
