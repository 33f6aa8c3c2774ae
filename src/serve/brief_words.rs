//! The sentences of a brief, shared by the command line (`rolo brief`) and the TUI (`b`), so
//! the two can only differ in styling. Every piece of file text is made inert here.

use super::brief::{Balance, FollowUpBrief, NeedBrief};
use super::wording::{day, days_ago, days_until, due, known, plural};
use super::{Brief, Helper};
use crate::journal::{Journal, UpcomingBirthday};
use crate::model::{Contact, Entry};
use crate::sanitize::inert_line;
use chrono::NaiveDate;

/// "Known for 3 years (since 2023) · last spoke 10 days ago (Sat 14 Nov) · you like to be in
/// touch every 30 days".
pub fn facts(b: &Brief, today: NaiveDate) -> String {
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
    match b.usual_weeks {
        Some(1) => facts.push("you usually see them every week".into()),
        Some(n) => facts.push(format!("you usually see them every {n} weeks")),
        None => {}
    }
    if let Some(every) = b.contact.keep_in_touch_days {
        facts.push(format!(
            "you like to be in touch every {}",
            plural(every, "day", "days")
        ));
    }
    // A no-break space before each dot keeps it from starting a line.
    facts.join("\u{a0}· ")
}

/// "Birthday in 9 days: Thursday 3 December, turning 35".
pub fn birthday(bd: &UpcomingBirthday) -> String {
    let turning = bd
        .turning
        .map(|t| format!(", turning {t}"))
        .unwrap_or_default();
    format!(
        "Birthday {}: {}{turning}",
        days_until(bd.days_until),
        bd.date.format("%A %-d %B")
    )
}

/// "#1 A full-time job as a product designer".
pub fn need_title(n: &NeedBrief) -> String {
    format!("#{} {}", n.need.id, inert_line(&n.need.what))
}

/// "open 65 days (since Sun 20 Sep)".
pub fn need_age(n: &NeedBrief, today: NaiveDate) -> String {
    format!(
        "open {} (since {})",
        plural(n.age_days, "day", "days"),
        day(n.need.since, today)
    )
}

/// "you already: Sat 14 Nov coffee: Reviewed her portfolio".
pub fn already(e: &Entry, today: NaiveDate) -> String {
    let what = e.gave.as_deref().unwrap_or_else(|| e.first_line());
    format!(
        "you already: {} {}: {}",
        day(e.at.date_naive(), today),
        inert_line(e.kind.as_str()),
        inert_line(what)
    )
}

/// Who could help with a need, and whether the line is only a hint (shown quietly).
pub fn helpers(j: &Journal, n: &NeedBrief) -> (String, bool) {
    // Each with why, as `today` says it: a name alone gives nothing to open with.
    let names = |hs: Vec<&Helper>| {
        let list: Vec<String> = hs
            .iter()
            .filter_map(|h| {
                let name = inert_line(&j.contact(h.ix)?.name).into_owned();
                Some(match h.reasons.first() {
                    Some(r) => {
                        let (lead, close) = r.source.frame();
                        format!("{name} ({lead}{}{close})", inert_line(&r.phrase))
                    }
                    None => name,
                })
            })
            .collect();
        list.join(", ")
    };
    let named = named(&n.helpers);
    if named.is_empty() {
        ("no one in your journal matches this yet".into(), true)
    } else if named.iter().any(|h| h.strong) {
        (format!("could help: {}", names(named)), false)
    } else {
        (format!("might help: {}", names(named)), false)
    }
}

/// The helpers the brief names for a need, at most three: the strong ones, and others only
/// while they match nearly as well as the best (at least 65 %: a related word where the best
/// has the very word is 60 %, and a distant third is noise, not an idea).
pub fn named(helpers: &[Helper]) -> Vec<&Helper> {
    let best = helpers.iter().map(|h| h.score).max().unwrap_or(0);
    helpers
        .iter()
        .filter(|h| h.strong || h.score * 20 >= best * 13)
        .take(3)
        .collect()
}

/// "#1 Send Zoë Nadia's contact — due in 2 days (Thu 26 Nov)", and whether it is late. The
/// number is the one `rolo done` takes.
pub fn promise(f: &FollowUpBrief, today: NaiveDate) -> (String, bool) {
    let when = match (f.follow_up.due, f.days_late) {
        (Some(d), Some(late)) => format!("{} ({})", due(late), day(d, today)),
        _ => "no date".into(),
    };
    let late = f.days_late.is_some_and(|l| l > 0);
    let (id, what) = (f.follow_up.id, inert_line(&f.follow_up.what));
    (format!("#{id} {what} — {when}"), late)
}

/// "Senior engineer at Wärmeplan".
pub fn work(c: &Contact) -> Option<String> {
    let work: Vec<&str> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!work.is_empty()).then(|| inert_line(&work.join(" at ")).into_owned())
}

/// "ada@example.org · +44 20 7946 0000 · https://ada.example · #math #london": how to reach
/// them, and their tags.
pub fn reach(c: &Contact) -> Option<String> {
    let mut all: Vec<String> = c
        .email
        .iter()
        .chain(&c.phone)
        .chain(&c.urls)
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| inert_line(s).into_owned())
        .collect();
    let tags: Vec<String> = c
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(|t| format!("#{}", inert_line(t)))
        .collect();
    if !tags.is_empty() {
        all.push(tags.join(" "));
    }
    // A no-break space before each dot keeps it from starting a line.
    (!all.is_empty()).then(|| all.join("\u{a0}· "))
}

/// Their notes, line by line as written, the first one led by "Notes: "; blank lines at the
/// ends dropped, each line inert.
pub fn notes(c: &Contact) -> Vec<String> {
    let mut lines: Vec<String> = c
        .notes
        .as_deref()
        .unwrap_or("")
        .trim()
        .lines()
        .map(|l| inert_line(l.trim_end()).replace('\t', "    "))
        .collect();
    if let Some(first) = lines.first_mut() {
        *first = format!("Notes: {first}");
    }
    lines
}

/// The give and the ask lines of the balance.
pub fn balance(bal: &Balance, today: NaiveDate) -> [String; 2] {
    let line =
        |verb: &str, count: usize, latest: &Option<(NaiveDate, String)>, none: &str| match latest {
            Some((d, what)) => format!(
                "You {verb} {}; latest {}: {}",
                plural(count as i64, "time", "times"),
                day(*d, today),
                inert_line(what)
            ),
            None => none.to_string(),
        };
    [
        line(
            "gave",
            bal.gave,
            &bal.latest_gave,
            "Nothing given logged in the last year.",
        ),
        line(
            "asked",
            bal.asked,
            &bal.latest_asked,
            "Nothing asked in the last year.",
        ),
    ]
}

/// "Last 5 times together", "Last time together" for one ("Last 1 time" reads as a count
/// for its own sake); "Times together" when there are none ("Last 0 times" reads as a
/// count that failed).
pub fn recent_heading(b: &Brief) -> String {
    match b.recent.len() {
        0 => "Times together".to_string(),
        1 => "Last time together".to_string(),
        n => format!("Last {n} times together"),
    }
}

/// "Thu 9 Jul · coffee with Aiko Tanaka": the others besides the person briefed.
pub fn recent_title(j: &Journal, c: &Contact, e: &Entry, today: NaiveDate) -> String {
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
    format!(
        "{} · {}{with}",
        day(e.at.date_naive(), today),
        inert_line(e.kind.as_str())
    )
}
