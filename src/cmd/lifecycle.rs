//! People's lifecycle on the command line: `merge`, `archive`, `unarchive`, `rename`. Each
//! resolves the people with the one resolver and hands the change to its op.

use super::import::{Answer, confirm};
use super::{CliError, CliResult, Ctx};
use crate::ops::{self, Archive, Invalid, Merge, Rename, Unarchive};
use crate::sanitize::inert_line;

pub fn merge(ctx: &mut Ctx, into: &str, from: &str, yes: bool) -> CliResult {
    let keep = ctx.writable(into)?;
    let gone = ctx.writable(from)?;
    let op = Merge::new(&keep, &gone)?;
    let j = &ctx.journal;
    let (Some(a), Some(b)) = (j.by_id(&keep), j.by_id(&gone)) else {
        return Err(CliError::Vanished);
    };
    let entries = j.ix(&gone).map_or(0, |ix| j.timeline_of(ix).len());
    let preview = ops::merge::Preview::new(a, b, entries);
    for line in preview.lines() {
        writeln!(ctx.out, "{line}")?;
    }
    let question = format!(
        "\nMerge {} into {}? [y/N] ",
        inert_line(&preview.gone_name),
        inert_line(&preview.keep_name)
    );
    match confirm(ctx, yes, &question)? {
        Answer::Yes => {
            let done = op.apply(ctx.store)?;
            writeln!(ctx.out, "{}", done.line)?;
        }
        Answer::No => writeln!(ctx.out, "nothing was written")?,
        Answer::NotATerminal => writeln!(
            ctx.out,
            "\nnothing was written (not a terminal): run again with --yes to merge"
        )?,
    }
    Ok(())
}

pub fn archive(ctx: &mut Ctx, who: &str) -> CliResult {
    let id = ctx.writable(who)?;
    let done = Archive { on: ctx.today() }.apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}

pub fn unarchive(ctx: &mut Ctx, who: &str) -> CliResult {
    let id = ctx.writable(who)?;
    let done = Unarchive.apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}

pub fn rename(ctx: &mut Ctx, who: &str, name: &str, no_alias: bool, force: bool) -> CliResult {
    let op = Rename::new(name, !no_alias)?;
    let id = ctx.writable(who)?;
    if !force {
        let others = ctx.journal.contacts().iter().filter(|c| c.id != id);
        if let Some(c) = ops::person::same_name(others, name) {
            return Err(Invalid(format!(
                "{} is the name of {} already (see `rolo show {}`; `rolo merge` makes two people \
                 one); nothing was written. To use the name anyway, add --force",
                inert_line(name.trim()),
                inert_line(&c.id),
                inert_line(&c.id)
            ))
            .into());
        }
    }
    let done = op.apply(ctx.store, &id)?;
    writeln!(ctx.out, "{}", done.line)?;
    Ok(())
}
