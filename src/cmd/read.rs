//! Subcommands that only read.

use super::{CliError, CliResult, Ctx, ago};
use crate::columns;
use crate::model::{Entry, NeedStatus};
use crate::sanitize::{inert, inert_line};
use crate::store::Severity;
use std::borrow::Cow;
use std::fmt::Write as _;

/// What `list` shows, and in which order: everyone not archived by name (only those archived
/// with `archived`), or those past their rhythm, the most pressing first; `tag` narrows either.
pub(super) fn list_rows(
    j: &crate::journal::Journal,
    tag: Option<&str>,
    due: bool,
    archived: bool,
    today: chrono::NaiveDate,
) -> Vec<usize> {
    let shown = |ix: usize| {
        j.contact(ix).is_some_and(|c| {
            c.is_archived() == archived
                && tag.is_none_or(|t| c.tags.iter().any(|ct| ct.eq_ignore_ascii_case(t)))
        })
    };
    if due {
        // No one archived is ever past their rhythm (`Journal::overdue_by`).
        j.overdue(today)
            .iter()
            .map(|o| o.ix)
            .filter(|&ix| shown(ix))
            .collect()
    } else {
        // Folding a name allocates, so each is folded once, not at every comparison.
        let mut rows: Vec<usize> = (0..j.contacts().len()).filter(|&ix| shown(ix)).collect();
        rows.sort_by_cached_key(|&ix| crate::search::fold(&j.contacts()[ix].name));
        rows
    }
}

pub fn list(ctx: &mut Ctx, tag: Option<&str>, due: bool, archived: bool) -> CliResult {
    let today = ctx.today();
    let j = &ctx.journal;
    let rows = list_rows(j, tag, due, archived, today);
    if rows.is_empty() {
        writeln!(ctx.out, "{}", why_no_one_listed(j, tag, due, archived))?;
        return Ok(());
    }
    // Each name made inert once: it sets the column's width and is printed. One line is
    // built at a time in one buffer; on 10,000 people the formatting was a fifth of `list`.
    let names: Vec<(usize, Cow<str>)> = rows
        .into_iter()
        .map(|ix| (ix, inert_line(&j.contacts()[ix].name)))
        .collect();
    // In columns, as the terminal shows them: 田中 愛子 takes nine, not five.
    let width = names
        .iter()
        .map(|(_, name)| columns::width(name))
        .max()
        .unwrap_or(4)
        .min(32);
    let mut line = String::with_capacity(256);
    for (ix, name) in names {
        let c = &j.contacts()[ix];
        line.clear();
        // Cut to the column and padded to it, in columns (a wide character is never split).
        columns::pad(&mut line, &name[..columns::cut_at(&name, width)], width);
        line.push_str("  ");
        columns::pad(&mut line, &ago(j.days_since(ix, today)), 14);
        line.push_str("  ");
        columns::pad(&mut line, &inert_line(&c.id), 24);
        line.push_str("  ");
        let mut sep = "";
        let mut extra = |line: &mut String| {
            line.push_str(sep);
            sep = "  ";
        };
        if let Some(a) = c.archived {
            extra(&mut line);
            match a {
                crate::model::Archived::Yes => line.push_str("archived"),
                crate::model::Archived::Since(d) => {
                    let _ = write!(line, "archived {}", d.format("%Y-%m-%d"));
                }
            }
        }
        if let Some(p) = j.broken(ix) {
            // Short here (the folder is the one listed); `show` and `check` give the full path.
            extra(&mut line);
            let _ = write!(
                line,
                "⚠ {}:{}:{} does not load (see `rolo check`)",
                inert_line(&p.path.display().to_string()),
                p.line,
                p.col
            );
        }
        if let Some(over) = j.overdue_by(ix, today) {
            extra(&mut line);
            let every = c.keep_in_touch_days.unwrap_or(0);
            // Someone never seen is due from the start; by how much is nothing to count
            // (`rolo due` says the same).
            let _ = match j.last_contact(ix) {
                Some(_) => write!(line, "reconnect ({over}d past every {every}d)"),
                None => write!(line, "reconnect (nothing logged yet, every {every}d)"),
            };
        }
        let needs = c.open_needs().count();
        if needs > 0 {
            extra(&mut line);
            let s = if needs == 1 { "" } else { "s" };
            let _ = write!(line, "{needs} open need{s}");
        }
        if !c.tags.is_empty() {
            extra(&mut line);
            for (i, t) in c.tags.iter().enumerate() {
                line.push_str(if i == 0 { "#" } else { " #" });
                line.push_str(&inert_line(t));
            }
        }
        line.push('\n');
        ctx.out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Why `list` shows no one: an empty journal, everyone archived (or no one), a tag no one
/// has, or no one past their rhythm.
fn why_no_one_listed(
    j: &crate::journal::Journal,
    tag: Option<&str>,
    due: bool,
    archived: bool,
) -> String {
    let contacts = j.contacts();
    if contacts.is_empty() {
        return super::NO_CONTACTS.into();
    }
    let set_aside = contacts.iter().filter(|c| c.is_archived()).count();
    if archived && tag.is_none() && !due {
        return "no one is archived (`rolo archive WHO` sets someone aside)".into();
    }
    if !archived && tag.is_none() && !due && set_aside == contacts.len() {
        return format!("everyone is archived ({set_aside}); `rolo list --archived` shows them");
    }
    let tagged = |t: &str| {
        contacts
            .iter()
            .any(|c| c.tags.iter().any(|ct| ct.eq_ignore_ascii_case(t)))
    };
    match tag {
        Some(t) if !tagged(t) => {
            let mut in_use: Vec<String> = contacts
                .iter()
                .flat_map(|c| c.tags.iter().map(|t| t.to_lowercase()))
                .collect();
            in_use.sort();
            in_use.dedup();
            let known = if in_use.is_empty() {
                "no one has a tag yet".to_string()
            } else {
                format!("tags in use: {}", inert_line(&in_use.join(", ")))
            };
            format!("no one tagged {} ({known})", inert_line(t))
        }
        Some(t) if due => format!(
            "no one tagged {} is past their keep-in-touch rhythm",
            inert_line(t)
        ),
        _ if contacts.iter().all(|c| c.keep_in_touch_days.is_none()) => {
            "no one is past their keep-in-touch rhythm (no one has one yet: \
             `keep_in_touch_days = 30` in a contact file, or `rolo add NAME --every 30`)"
                .into()
        }
        _ => "no one is past their keep-in-touch rhythm".into(),
    }
}

fn write_entry(ctx: &mut Ctx, e: &Entry, except: Option<&str>, full: bool) -> CliResult {
    let others: Vec<String> = e
        .with
        .iter()
        .filter(|w| Some(w.as_str()) != except)
        .map(|w| inert_line(ctx.journal.name_of(w)).into_owned())
        .collect();
    let with = if others.is_empty() {
        String::new()
    } else {
        format!(" with {}", others.join(", "))
    };
    writeln!(
        ctx.out,
        "{}  {}{}",
        e.at.format("%Y-%m-%d %H:%M"),
        inert_line(e.kind.as_str()),
        with
    )?;
    let body = if full {
        inert(&e.note).into_owned()
    } else {
        inert_line(e.first_line()).into_owned()
    };
    for line in body.lines() {
        writeln!(ctx.out, "    {line}")?;
    }
    if let Some(g) = &e.gave {
        writeln!(ctx.out, "    gave: {}", inert_line(g))?;
    }
    if let Some(a) = &e.asked {
        writeln!(ctx.out, "    asked: {}", inert_line(a))?;
    }
    Ok(())
}

pub fn show(ctx: &mut Ctx, who: &str) -> CliResult {
    let ix = ctx.who_to_read(who)?;
    let today = ctx.today();
    let c = ctx.journal.contact(ix).cloned().ok_or(CliError::Vanished)?;
    let broken = ctx.journal.broken(ix).map(|p| ctx.shown(p));
    let out = &mut ctx.out;
    writeln!(out, "{}  ({})", inert_line(&c.name), inert_line(&c.id))?;
    if let Some(p) = &broken {
        writeln!(out, "  ⚠ {p}")?;
        writeln!(
            out,
            "  this file does not load: below is only what could be read, and rolo will not change it until it is fixed (edit it, then `rolo check`)"
        )?;
    }
    let work: Vec<&str> = [c.role.as_deref(), c.company.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !work.is_empty() {
        writeln!(out, "  {}", inert_line(&work.join(" at ")))?;
    }
    if !c.aliases.is_empty() {
        writeln!(out, "  also known as {}", inert_line(&c.aliases.join(", ")))?;
    }
    if !c.tags.is_empty() {
        writeln!(out, "  tags: {}", inert_line(&c.tags.join(", ")))?;
    }
    for e in &c.email {
        writeln!(out, "  email: {}", inert_line(e))?;
    }
    for p in &c.phone {
        writeln!(out, "  phone: {}", inert_line(p))?;
    }
    for u in &c.urls {
        writeln!(out, "  url: {}", inert_line(u))?;
    }
    if let Some(b) = c.birthday {
        writeln!(out, "  birthday: {b}")?;
    }
    if let Some(m) = &c.met {
        writeln!(out, "  met: {}", inert_line(m))?;
    }
    let last = ago(ctx.journal.days_since(ix, today));
    match c.keep_in_touch_days {
        Some(d) => writeln!(out, "  last contact: {last} (keep in touch every {d} days)")?,
        None => writeln!(out, "  last contact: {last}")?,
    }
    if !c.can_help_with.is_empty() {
        writeln!(
            out,
            "  can help with: {}",
            inert_line(&c.can_help_with.join(", "))
        )?;
    }
    if let Some(n) = c.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        writeln!(out, "\nNotes")?;
        for line in inert(n).lines() {
            writeln!(out, "  {line}")?;
        }
    }
    if !c.needs.is_empty() {
        writeln!(out, "\nNeeds")?;
        let mut needs = c.needs.clone();
        needs.sort_by_key(|n| (n.status, n.since));
        for n in &needs {
            let state = match n.status {
                NeedStatus::Open => format!("open since {}", n.since.format("%Y-%m-%d")),
                NeedStatus::Met => match &n.how {
                    Some(how) => format!("met: {}", inert_line(how)),
                    None => "met".to_string(),
                },
                NeedStatus::Dropped => "dropped".to_string(),
            };
            writeln!(out, "  #{} {}  ({state})", n.id, inert_line(&n.what))?;
        }
    }
    // Yours, then theirs under a heading of their own: the two are never mixed up.
    let (theirs, mine): (Vec<_>, Vec<_>) = c
        .follow_ups
        .iter()
        .filter(|f| !f.done)
        .partition(|f| f.is_theirs());
    for (heading, open) in [("Follow-ups", mine), ("Their promises to you", theirs)] {
        if open.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}")?;
        for f in open {
            let due = f
                .due
                .map(|d| format!("due {}", d.format("%Y-%m-%d")))
                .unwrap_or_else(|| "no date".into());
            let late = if f.due.is_some_and(|d| d < today) {
                ", overdue"
            } else {
                ""
            };
            writeln!(out, "  #{} {}  ({due}{late})", f.id, inert_line(&f.what))?;
        }
    }
    let recent: Vec<Entry> = ctx.journal.timeline_of(ix).take(5).cloned().collect();
    if !recent.is_empty() {
        writeln!(ctx.out, "\nRecent")?;
        for e in &recent {
            write_entry(ctx, e, Some(&c.id), false)?;
        }
    }
    Ok(())
}

pub fn timeline(ctx: &mut Ctx, who: Option<&str>, count: usize) -> CliResult {
    let (entries, except): (Vec<Entry>, Option<String>) = match who {
        Some(w) => {
            let ix = ctx.who_to_read(w)?;
            (
                ctx.journal.timeline_of(ix).take(count).cloned().collect(),
                Some(ctx.id_of(ix)),
            )
        }
        None => (ctx.journal.timeline().take(count).cloned().collect(), None),
    };
    if entries.is_empty() {
        let why = match &except {
            Some(id) => format!(
                "no entries with {} yet (log one with `rolo note {} TEXT`)",
                inert_line(ctx.journal.name_of(id)),
                inert_line(id)
            ),
            None => "no entries yet (log one with `rolo note WHO TEXT`)".into(),
        };
        writeln!(ctx.out, "{why}")?;
    }
    for e in &entries {
        write_entry(ctx, e, except.as_deref(), true)?;
    }
    Ok(())
}

pub fn check(ctx: &mut Ctx) -> CliResult {
    let problems = ctx.journal.problems.clone();
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    for p in &problems {
        let shown = crate::store::Problem {
            path: ctx.store.display(&p.path),
            ..p.clone()
        };
        writeln!(ctx.out, "{}", inert_line(&shown.to_string()))?;
    }
    // Links are read through but never written through: a write would refuse each of them.
    // A link already reported (one to nowhere, say) is not named twice.
    let links: Vec<_> = ctx
        .store
        .links_inside()
        .into_iter()
        .filter(|(link, _)| {
            let shown = ctx.store.display(link);
            !problems.iter().any(|p| ctx.store.display(&p.path) == shown)
        })
        .collect();
    for (link, to) in &links {
        writeln!(
            ctx.out,
            "{}: a link to {}; rolo reads through it but never writes through a link (replace it with a real {})",
            inert_line(&ctx.store.display(link).display().to_string()),
            inert_line(&to.display().to_string()),
            if ctx.store.is_folder(link) {
                "folder"
            } else {
                "file"
            }
        )?;
    }
    let errors = errors + links.len();
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "{}, {}: {}, {}",
        count(ctx.journal.contacts().len(), "contact", "contacts"),
        count(ctx.journal.entry_count(), "entry", "entries"),
        count(errors, "error", "errors"),
        count(problems.len() + links.len() - errors, "warning", "warnings"),
    );
    if errors > 0 {
        return Err(CliError::Check(format!(
            "{summary}; files with errors are not loaded and rolo will not change them until they are fixed{}",
            if links.is_empty() {
                ""
            } else {
                "; rolo never writes through a link"
            }
        )));
    }
    writeln!(ctx.out, "{summary}")?;
    Ok(())
}
