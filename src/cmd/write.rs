//! Subcommands that change the journal.

use super::{CliError, CliResult, Ctx};
use crate::cli::{AddArgs, NoteArgs};
use crate::model::{Birthday, Contact, Entry, FollowUp, Kind, Need, NeedStatus};
use crate::sanitize::inert_line;
use crate::when::{When, parse_due, parse_when};
use chrono::{NaiveDate, NaiveTime, TimeZone};

/// The longest keep-in-touch rhythm a contact file may hold (a century), as the loader checks.
const MAX_EVERY_DAYS: u32 = 36_500;

fn non_empty(text: &str, what: &str) -> Result<String, CliError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(CliError(format!("{what} is empty; nothing was written")));
    }
    Ok(t.to_string())
}

pub fn add(ctx: &mut Ctx, a: AddArgs) -> CliResult {
    let name = non_empty(&a.name, "the name")?;
    let birthday = match &a.birthday {
        Some(b) => Some(
            Birthday::parse_month_day(b)
                .or_else(|| NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").ok().map(Birthday::Full))
                .ok_or_else(|| CliError(format!("cannot read birthday \"{}\"; write 1990-12-10, or 12-10 when the year is unknown", inert_line(b))))?,
        ),
        None => None,
    };
    if a.every.is_some_and(|d| !(1..=MAX_EVERY_DAYS).contains(&d)) {
        return Err(CliError(format!(
            "--every needs a number of days from 1 to {MAX_EVERY_DAYS}; nothing was written"
        )));
    }
    let contact = Contact {
        name,
        tags: a.tags,
        company: a.company,
        role: a.role,
        keep_in_touch_days: a.every,
        email: a.email,
        phone: a.phone,
        birthday,
        met: a.met,
        can_help_with: a.helps_with,
        ..Contact::default()
    };
    let saved = ctx.store.create_contact(contact)?;
    writeln!(ctx.out, "added {} ({})", inert_line(&saved.name), saved.id)?;
    Ok(())
}

pub fn note(ctx: &mut Ctx, a: NoteArgs) -> CliResult {
    let text = non_empty(&a.text, "the note")?;
    let mut with = Vec::new();
    for who in &a.who {
        // Anyone, even with a file that does not load: the entry goes to a month file.
        let id = ctx.id_of(ctx.who(who)?);
        if !with.contains(&id) {
            with.push(id);
        }
    }
    let at = match &a.at {
        None => ctx.now,
        Some(s) => {
            let when = parse_when(s, ctx.now.naive_local()).map_err(|e| CliError(e.to_string()))?;
            // A bare date is logged at noon, so it stays on that day in any time zone.
            let naive = when.at_or(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
            ctx.now
                .offset()
                .from_local_datetime(&naive)
                .single()
                .ok_or_else(|| CliError(format!("cannot place \"{}\" in time", inert_line(s))))?
        }
    };
    let entry = Entry {
        id: Entry::make_id(&at, &with),
        at,
        with,
        kind: Kind::parse(&a.kind),
        note: text,
        gave: a.gave.filter(|g| !g.trim().is_empty()),
        asked: a.asked.filter(|g| !g.trim().is_empty()),
    };
    let saved = ctx.store.append_entry(entry)?.value;
    let names: Vec<String> = saved
        .with
        .iter()
        .map(|w| inert_line(ctx.journal.name_of(w)).into_owned())
        .collect();
    writeln!(
        ctx.out,
        "logged {} with {} on {} ({})",
        saved.kind,
        names.join(", "),
        saved.at.format("%Y-%m-%d %H:%M"),
        inert_line(&saved.id)
    )?;
    ctx.warn_broken(&saved.with);
    Ok(())
}

pub fn need(ctx: &mut Ctx, who: &str, text: &str) -> CliResult {
    let what = non_empty(text, "the need")?;
    let id = ctx.writable(who)?;
    let today = ctx.today();
    let mut number = 0;
    let saved = ctx.store.update_contact(&id, |c| {
        number = c.next_need_id();
        c.needs.push(Need {
            id: number,
            what,
            since: today,
            status: NeedStatus::Open,
            met_on: None,
            how: None,
        });
        Ok(())
    })?;
    writeln!(
        ctx.out,
        "need #{number} recorded for {}",
        inert_line(&saved.value.name)
    )?;
    Ok(())
}

fn set_need_status(
    ctx: &mut Ctx,
    who: &str,
    need_id: u32,
    status: NeedStatus,
    how: Option<String>,
) -> CliResult {
    let id = ctx.writable(who)?;
    let today = ctx.today();
    let saved = ctx.store.update_contact(&id, |c| {
        let (name, cid) = (c.name.clone(), c.id.clone());
        let need = c.need_mut(need_id).ok_or_else(|| {
            format!(
                "{} has no need #{need_id} (see `rolo show {}`)",
                inert_line(&name),
                inert_line(&cid)
            )
        })?;
        need.status = status;
        need.met_on = (status == NeedStatus::Met).then_some(today);
        need.how = how.filter(|h| !h.trim().is_empty()).or(need.how.take());
        Ok(())
    })?;
    writeln!(
        ctx.out,
        "need #{need_id} of {} marked {}",
        inert_line(&saved.value.name),
        status.as_str()
    )?;
    Ok(())
}

pub fn met(ctx: &mut Ctx, who: &str, need_id: u32, how: Option<String>) -> CliResult {
    set_need_status(ctx, who, need_id, NeedStatus::Met, how)
}

pub fn drop_need(ctx: &mut Ctx, who: &str, need_id: u32) -> CliResult {
    set_need_status(ctx, who, need_id, NeedStatus::Dropped, None)
}

pub fn follow_up(ctx: &mut Ctx, who: &str, text: &str, due: &str) -> CliResult {
    let what = non_empty(text, "the follow-up")?;
    let due = match parse_due(due, ctx.now.naive_local()).map_err(|e| CliError(e.to_string()))? {
        When::Date(d) => d,
        When::DateTime(dt) => dt.date(),
    };
    let id = ctx.writable(who)?;
    let mut number = 0;
    let saved = ctx.store.update_contact(&id, |c| {
        number = c.next_follow_up_id();
        c.follow_ups.push(FollowUp {
            id: number,
            what,
            due: Some(due),
            done: false,
        });
        Ok(())
    })?;
    // Said back as the file now holds it, so what is printed is what is stored.
    let due = saved
        .value
        .follow_ups
        .iter()
        .rev()
        .find(|f| f.id == number)
        .and_then(|f| f.due)
        .unwrap_or(due);
    writeln!(
        ctx.out,
        "follow-up #{number} for {} due {} ({})",
        inert_line(&saved.value.name),
        due.format("%Y-%m-%d"),
        crate::when::say_day(due, ctx.today())
    )?;
    Ok(())
}

pub fn done(ctx: &mut Ctx, who: &str, follow_up_id: u32) -> CliResult {
    let id = ctx.writable(who)?;
    let saved = ctx.store.update_contact(&id, |c| {
        let name = c.name.clone();
        let f = c
            .follow_up_mut(follow_up_id)
            .ok_or_else(|| format!("{} has no follow-up #{follow_up_id}", inert_line(&name)))?;
        f.done = true;
        Ok(())
    })?;
    writeln!(
        ctx.out,
        "follow-up #{follow_up_id} of {} done",
        inert_line(&saved.value.name)
    )?;
    Ok(())
}
