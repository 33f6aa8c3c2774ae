//! The brief as readable text (or Markdown). Every string from the files goes through
//! `inert`/`inert_line` before it is placed in the document.

use super::doc::Doc;
use crate::journal::Journal;
use crate::sanitize::{inert, inert_line};
use crate::serve::wording::{day, days_ago, days_until, due, known, plural};
use crate::serve::{Brief, Helper, Reason, Source};
use chrono::NaiveDate;

pub fn render(doc: &mut Doc, j: &Journal, b: &Brief, today: NaiveDate) {
    let c = &b.contact;
    doc.title(&inert_line(&c.name));
    let work: Vec<&str> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !work.is_empty() {
        doc.text(&inert_line(&work.join(" at ")));
    }
    if let Some(m) = c.met.as_deref().filter(|m| !m.trim().is_empty()) {
        doc.text(&format!("How you met: {}", inert_line(m)));
    }
    let mut facts = Vec::new();
    if let Some(k) = b.known_since {
        facts.push(known(k, today));
    }
    match (b.last_spoke, b.days_since) {
        (Some(last), Some(days)) => facts.push(format!(
            "last spoke {} ({})",
            days_ago(days),
            day(last, today)
        )),
        _ => facts.push("nothing logged together yet".into()),
    }
    if let Some(every) = c.keep_in_touch_days {
        facts.push(format!(
            "you like to be in touch every {}",
            plural(every, "day", "days")
        ));
    }
    // A no-break space before each dot keeps it from starting a line.
    doc.text(&facts.join("\u{a0}· "));
    if let Some(bd) = &b.birthday {
        let turning = bd
            .turning
            .map(|t| format!(", turning {t}"))
            .unwrap_or_default();
        doc.text(&doc.strong(&format!(
            "Birthday {}: {}{turning}",
            days_until(bd.days_until),
            bd.date.format("%A %-d %B")
        )));
    }

    doc.heading("Open needs");
    if b.needs.is_empty() {
        doc.note("Nothing open right now. Ask what they are working on.");
    }
    for n in &b.needs {
        doc.item(&format!("#{} {}", n.need.id, inert_line(&n.need.what)));
        doc.detail(&doc.quiet(&format!(
            "open {} (since {})",
            plural(n.age_days, "day", "days"),
            day(n.need.since, today)
        )));
        for e in &n.done {
            let what = e.gave.as_deref().unwrap_or_else(|| e.first_line());
            doc.detail(&format!(
                "you already: {} {}: {}",
                day(e.at.date_naive(), today),
                inert_line(e.kind.as_str()),
                inert_line(what)
            ));
        }
        let names: Vec<String> = n
            .helpers
            .iter()
            .filter(|h| h.strong)
            .take(3)
            .filter_map(|h| j.contact(h.ix))
            .map(|c| inert_line(&c.name).into_owned())
            .collect();
        if !names.is_empty() {
            doc.detail(&format!("could help: {}", names.join(", ")));
        } else if n.helpers.is_empty() {
            doc.detail(&doc.quiet("no one in your journal matches this yet"));
        } else {
            let maybe: Vec<String> = n
                .helpers
                .iter()
                .take(3)
                .filter_map(|h| j.contact(h.ix))
                .map(|c| inert_line(&c.name).into_owned())
                .collect();
            doc.detail(&format!("might help: {}", maybe.join(", ")));
        }
    }

    doc.heading("Your promises to them");
    if b.follow_ups.is_empty() {
        doc.note("None open.");
    }
    for f in &b.follow_ups {
        let when = match (f.follow_up.due, f.days_late) {
            (Some(d), Some(late)) => format!("{} ({})", due(late), day(d, today)),
            _ => "no date".into(),
        };
        let line = format!("{} — {when}", inert_line(&f.follow_up.what));
        doc.item(&if f.days_late.is_some_and(|l| l > 0) {
            doc.strong(&line)
        } else {
            line
        });
    }

    if !b.meet.is_empty() {
        doc.heading("People they may want to meet");
        for s in &b.meet {
            doc.item(&format!(
                "{} (for #{})",
                helper_line(doc, j, &s.helper),
                s.need_id
            ));
        }
    }

    if !c.can_help_with.is_empty() {
        doc.heading("They can help others with");
        let list: Vec<String> = c
            .can_help_with
            .iter()
            .map(|s| inert_line(s).into_owned())
            .collect();
        doc.note(&list.join(", "));
    }

    doc.heading("Give and ask, last 12 months");
    let bal = &b.balance;
    let gave = match &bal.latest_gave {
        Some((d, what)) => format!(
            "You gave {}; latest {}: {}",
            plural(bal.gave as i64, "time", "times"),
            day(*d, today),
            inert_line(what)
        ),
        None => "Nothing given logged in the last year.".into(),
    };
    doc.item(&gave);
    let asked = match &bal.latest_asked {
        Some((d, what)) => format!(
            "You asked {}; latest {}: {}",
            plural(bal.asked as i64, "time", "times"),
            day(*d, today),
            inert_line(what)
        ),
        None => "Nothing asked in the last year.".into(),
    };
    doc.item(&asked);

    doc.heading(&format!(
        "Last {} together",
        plural(b.recent.len() as i64, "time", "times")
    ));
    if b.recent.is_empty() {
        doc.note("Nothing logged yet.");
    }
    for e in &b.recent {
        let others: Vec<String> = e
            .with
            .iter()
            .filter(|w| **w != c.id)
            .map(|w| inert_line(j.name_of(w)).into_owned())
            .collect();
        let with = if others.is_empty() {
            String::new()
        } else {
            format!(" with {}", others.join(", "))
        };
        doc.item(&doc.strong(&format!(
            "{} · {}{with}",
            day(e.at.date_naive(), today),
            inert_line(e.kind.as_str())
        )));
        doc.body(&inert(&e.note));
        if let Some(g) = e.gave.as_deref().filter(|g| !g.trim().is_empty()) {
            doc.detail(&format!("gave: {}", inert_line(g)));
        }
        if let Some(a) = e.asked.as_deref().filter(|a| !a.trim().is_empty()) {
            doc.detail(&format!("asked: {}", inert_line(a)));
        }
    }
}

/// "Nadia Petrova: can help with “hiring product designers”".
pub fn helper_line(doc: &Doc, j: &Journal, h: &Helper) -> String {
    let name = j.contact(h.ix).map(|c| c.name.as_str()).unwrap_or("?");
    let why = h
        .reasons
        .first()
        .map(|r| reason(doc, r))
        .unwrap_or_default();
    format!("{}: {why}", doc.strong(&inert_line(name)))
}

pub fn reason(doc: &Doc, r: &Reason) -> String {
    // Sanitising swaps one char for one char, so the positions still line up.
    let phrase = doc.highlight(&inert_line(&r.phrase), &r.positions);
    match r.source {
        Source::CanHelpWith => format!("can help with “{phrase}”"),
        Source::Tag => format!("tagged {phrase}"),
        Source::Notes => format!("notes: “{phrase}”"),
    }
}
