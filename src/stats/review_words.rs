//! The weekly review in words, once, for both doors: `rolo review` prints these lines and the
//! TUI draws them. Warm on purpose: what happened, and what you could do, never a tally of
//! what you did not ("3 people would be glad to hear from you", not "3 overdue").

use super::review::{Moment, Review};
use crate::journal::Journal;
use crate::sanitize::inert_line;
use crate::serve::wording::{day, due, plural};

/// One line of the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The review's title.
    Title(String),
    /// A section's heading.
    Heading(String),
    /// An item under a heading.
    Item(String),
    /// A sentence standing for a section with nothing in it.
    Quiet(String),
    Blank,
}

impl Line {
    pub fn text(&self) -> &str {
        match self {
            Line::Title(t) | Line::Heading(t) | Line::Item(t) | Line::Quiet(t) => t,
            Line::Blank => "",
        }
    }
}

pub fn lines(j: &Journal, r: &Review) -> Vec<Line> {
    let name = |ix| inert_line(j.contact(ix).map(|c| c.name.as_str()).unwrap_or("")).into_owned();
    let names = |ids: &[String]| {
        let shown: Vec<String> = ids
            .iter()
            .map(|id| inert_line(j.name_of(id)).into_owned())
            .collect();
        shown.join(" and ")
    };
    let when = |d| day(d, r.today);
    let moment = |m: &Moment| {
        format!(
            "{}  {}: {}",
            when(m.day),
            names(&m.with),
            inert_line(&m.what)
        )
    };
    let mut out = vec![Line::Title(format!(
        "Your week, {} to {}",
        when(r.from),
        when(r.to)
    ))];
    let seen: Vec<String> = r
        .seen
        .iter()
        .map(|s| match s.entries {
            1 => name(s.ix),
            n => format!("{} ({n} times)", name(s.ix)),
        })
        .collect();
    let lead = (!seen.is_empty()).then(|| plural(seen.len() as i64, "person", "people"));
    section(
        &mut out,
        &match lead {
            Some(l) => format!("Who you saw: {l}"),
            None => "Who you saw".into(),
        },
        seen,
        Some("A quiet week in the journal. The week ahead has a few ideas."),
    );
    section(
        &mut out,
        "What you gave",
        r.gave.iter().map(moment).collect(),
        None,
    );
    section(
        &mut out,
        "What you asked",
        r.asked.iter().map(moment).collect(),
        None,
    );
    let promise = |p: &super::review::Promise| {
        let whose = if p.follow_up.is_theirs() {
            format!("{}'s promise", name(p.ix))
        } else {
            format!("to {}", name(p.ix))
        };
        format!("{} ({whose})", inert_line(&p.follow_up.what))
    };
    let mut promises: Vec<String> = r
        .kept
        .iter()
        .map(|p| format!("✓ kept: {}", promise(p)))
        .collect();
    promises.extend(
        r.open
            .iter()
            .map(|p| format!("· still open: {}", promise(p))),
    );
    section(&mut out, "Promises", promises, None);
    let need = |m: &super::review::MetNeed| format!("{}: {}", name(m.ix), inert_line(&m.need.what));
    let mut met: Vec<String> = r
        .met_with_you
        .iter()
        .map(|m| format!("with your help, {}", need(m)))
        .collect();
    met.extend(
        r.met_without_you
            .iter()
            .map(|m| format!("met, {}", need(m))),
    );
    section(&mut out, "Needs met", met, None);
    section(
        &mut out,
        "Intros made",
        r.intros.iter().map(moment).collect(),
        None,
    );

    out.push(Line::Blank);
    out.push(Line::Title("The coming week".into()));
    let birthdays = r
        .birthdays
        .iter()
        .map(|b| match b.turning {
            Some(age) => format!("{}, {} (turning {age})", name(b.ix), when(b.date)),
            None => format!("{}, {}", name(b.ix), when(b.date)),
        })
        .collect();
    section(&mut out, "Birthdays", birthdays, None);
    let due_items = r
        .due
        .iter()
        .map(|f| {
            format!(
                "{} (to {}), {}",
                inert_line(&f.what),
                name(f.ix),
                due(f.days_late)
            )
        })
        .collect();
    section(&mut out, "Promises due", due_items, None);
    if r.drifting_total > 0 {
        let mut items: Vec<String> = r.drifting.iter().map(|o| name(o.ix)).collect();
        let more = r.drifting_total - r.drifting.len();
        if more > 0 {
            items.push(format!("and {more} more"));
        }
        let heading = match r.drifting_total {
            1 => "1 person would be glad to hear from you".to_string(),
            n => format!("{n} people would be glad to hear from you"),
        };
        section(&mut out, &heading, vec![items.join(", ")], None);
    }
    let help = r
        .can_help
        .iter()
        .map(|m| {
            let who: Vec<String> = m.helpers.iter().map(|h| name(h.ix)).collect();
            format!(
                "{}: {}; {} could help",
                name(m.ix),
                inert_line(&m.need.what),
                who.join(" or ")
            )
        })
        .collect();
    section(&mut out, "Needs you could help with now", help, None);
    if r.birthdays.is_empty() && r.due.is_empty() && r.drifting_total == 0 && r.can_help.is_empty()
    {
        out.push(Line::Quiet(
            "Nothing pressing: a good week to call someone you like.".into(),
        ));
    }
    out
}

/// A heading and its items; a section with no items is left out, or says `quiet` instead.
fn section(out: &mut Vec<Line>, heading: &str, items: Vec<String>, quiet: Option<&str>) {
    if items.is_empty() && quiet.is_none() {
        return;
    }
    out.push(Line::Blank);
    out.push(Line::Heading(heading.to_string()));
    match quiet {
        Some(q) if items.is_empty() => out.push(Line::Quiet(q.to_string())),
        _ => out.extend(items.into_iter().map(Line::Item)),
    }
}
