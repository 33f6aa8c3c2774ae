//! The brief as readable text (or Markdown). Every string from the files goes through
//! `inert`/`inert_line` before it is placed in the document.

use super::doc::Doc;
use crate::journal::Journal;
use crate::sanitize::{inert, inert_line};
use crate::serve::brief_words as words;
use crate::serve::{Brief, Helper, Reason};
use chrono::NaiveDate;

pub fn render(doc: &mut Doc, j: &Journal, b: &Brief, today: NaiveDate) {
    let c = &b.contact;
    doc.title(&inert_line(&c.name));
    if let Some(work) = words::work(c) {
        doc.text(&work);
    }
    if let Some(reach) = words::reach(c) {
        doc.text(&reach);
    }
    if let Some(m) = c.met.as_deref().filter(|m| !m.trim().is_empty()) {
        doc.text(&format!("How you met: {}", inert_line(m)));
    }
    doc.text(&words::facts(b, today));
    if let Some(bd) = &b.birthday {
        doc.text(&doc.strong(&words::birthday(bd)));
    }
    for line in words::notes(c).iter().filter(|l| !l.trim().is_empty()) {
        doc.text(line);
    }

    doc.heading("Open needs");
    if b.needs.is_empty() {
        doc.note("Nothing open right now. Ask what they are working on.");
    }
    for n in &b.needs {
        doc.item(&words::need_title(n));
        doc.detail(&doc.quiet(&words::need_age(n, today)));
        for e in &n.done {
            doc.detail(&words::already(e, today));
        }
        match words::helpers(j, n) {
            (text, true) => doc.detail(&doc.quiet(&text)),
            (text, false) => doc.detail(&text),
        }
    }

    doc.heading("Your promises to them");
    if b.follow_ups.is_empty() {
        doc.note("None open.");
    }
    for f in &b.follow_ups {
        let (line, late) = words::promise(f, today);
        doc.item(&if late { doc.strong(&line) } else { line });
    }
    if !b.theirs.is_empty() {
        doc.heading("Their promises to you");
        for f in &b.theirs {
            let (line, late) = words::promise(f, today);
            doc.item(&if late { doc.strong(&line) } else { line });
        }
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
    for line in words::balance(&b.balance, today) {
        doc.item(&line);
    }

    doc.heading(&words::recent_heading(b));
    if b.recent.is_empty() {
        doc.note("Nothing logged yet.");
    }
    for e in &b.recent {
        doc.item(&doc.strong(&words::recent_title(j, c, e, today)));
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
    let (lead, close) = r.source.frame();
    format!("{lead}{phrase}{close}")
}
