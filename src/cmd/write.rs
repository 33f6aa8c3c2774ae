//! Subcommands that change the journal: each reads its arguments, resolves the people, and
//! hands the change to `crate::ops`, which validates, writes and words it.

use super::{CliError, CliResult, Ctx};
use crate::cli::{AddArgs, NoteArgs};
use crate::model::{By, Kind};
use crate::ops::{self, AddFollowUp, AddNeed, AddPerson, FollowUpDone, NoteFields, SetNeed};
use crate::when::happened_at_noon;
use chrono::TimeZone;

pub fn add(ctx: &mut Ctx, a: AddArgs) -> CliResult {
    let op = AddPerson::new(ops::PersonFields {
        name: a.name,
        tags: a.tags,
        company: a.company,
        role: a.role,
        every: a.every,
        email: a.email,
        phone: a.phone,
        birthday: a.birthday,
        met: a.met,
        helps_with: a.helps_with,
    })?;
    if !a.force {
        // A file that does not load names no one yet (its stand-in is named after the id).
        let j = &ctx.journal;
        let people = (0..j.contacts().len())
            .filter(|&ix| j.broken(ix).is_none())
            .filter_map(|ix| j.contact(ix));
        op.check_new(people)?;
    }
    let added = op.apply(ctx.store)?;
    writeln!(ctx.out, "{}", added.line)?;
    Ok(())
}

pub fn note(ctx: &mut Ctx, a: NoteArgs) -> CliResult {
    // The text is checked before anyone is looked up, as it always was.
    ops::non_empty(&a.text, "the note")?;
    // A kind rolo does not know is kept when a file has one, with a warning from `rolo
    // check`; the command line does not write one (`--kind cofee`, `--kind ""`).
    if let Kind::Other(kind) = Kind::parse(&a.kind) {
        let known: Vec<&str> = Kind::CYCLE.iter().map(Kind::as_str).collect();
        return Err(CliError::from(ops::Invalid(format!(
            "--kind \"{}\" is not a kind rolo knows ({}); nothing was written",
            crate::sanitize::inert_line(&kind),
            known.join(", ")
        ))));
    }
    let mut with = Vec::new();
    for who in &a.who {
        // Anyone, even with a file that does not load: the entry goes to a month file.
        with.push(ctx.id_of(ctx.who(who)?));
    }
    let at = match &a.at {
        None => ctx.now,
        Some(s) => {
            let naive = happened_at_noon(s, ctx.now.naive_local())?;
            ctx.now
                .offset()
                .from_local_datetime(&naive)
                .single()
                .ok_or_else(|| CliError::CannotPlace(s.clone()))?
        }
    };
    let entry = ops::note::entry(NoteFields {
        with,
        at,
        kind: Kind::parse(&a.kind),
        text: a.text,
        gave: a.gave,
        asked: a.asked,
    })?;
    let saved = ops::note::save(ctx.store, entry)?;
    writeln!(
        ctx.out,
        "{}",
        saved.line(|id| ctx.journal.name_of(id).to_string())
    )?;
    ctx.warn_broken(&saved.entry.with);
    Ok(())
}

pub fn need(ctx: &mut Ctx, who: &str, text: &str) -> CliResult {
    let op = AddNeed::new(text, ctx.today())?;
    let id = ctx.writable(who)?;
    writeln!(ctx.out, "{}", op.apply(ctx.store, &id)?.line)?;
    Ok(())
}

pub fn met(ctx: &mut Ctx, who: &str, need_id: u32, how: Option<String>) -> CliResult {
    let id = ctx.writable(who)?;
    let done = SetNeed::met(need_id, how, ctx.today()).apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}

pub fn drop_need(ctx: &mut Ctx, who: &str, need_id: u32) -> CliResult {
    let id = ctx.writable(who)?;
    let done = SetNeed::dropped(need_id, ctx.today()).apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}

pub fn follow_up(ctx: &mut Ctx, who: &str, text: &str, due: &str, theirs: bool) -> CliResult {
    // Text, then the day, then the person: the first thing wrong is the one reported.
    ops::non_empty(text, "the follow-up")?;
    let due = ops::follow_ups::due_day(due, ctx.now.naive_local())?;
    let by = if theirs { By::Them } else { By::Me };
    let op = AddFollowUp::new(text, due, ctx.today())?.by(by);
    let id = ctx.writable(who)?;
    writeln!(ctx.out, "{}", op.apply(ctx.store, &id)?.line)?;
    Ok(())
}

pub fn done(ctx: &mut Ctx, who: &str, follow_up_id: u32) -> CliResult {
    let id = ctx.writable(who)?;
    let done = FollowUpDone { id: follow_up_id }.apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}
