//! `undo`, `redo` and `log`: the journal's history, read from git (`crate::history`).

use super::{CliError, CliResult, Ctx};
use crate::history::log::Person;
use crate::history::undo::{HistoryError, Listed};
use crate::history::{History, Off};
use crate::sanitize::inert_line;

/// The history, or why there is none: with no history handed in (a test's context), the
/// answer is the one for a journal that has none yet.
fn history<'a>(ctx: &Ctx<'a>, verb: &'static str) -> Result<&'a History, CliError> {
    ctx.history.ok_or(CliError::History(HistoryError::Off {
        verb,
        off: Off::NotYet,
    }))
}

pub fn undo(ctx: &mut Ctx, place: Option<usize>, list: bool, count: usize) -> CliResult {
    let history = history(ctx, "undo")?;
    if list {
        let listed = history.undoable(count)?;
        print(ctx, &listed)?;
        return Ok(());
    }
    let line = match place {
        None => history.undo(ctx.store)?,
        Some(n) => history.undo_at(ctx.store, n)?,
    };
    writeln!(ctx.out, "undid: {line}")?;
    Ok(())
}

pub fn redo(ctx: &mut Ctx) -> CliResult {
    let history = history(ctx, "redo")?;
    let line = history.redo(ctx.store)?;
    writeln!(ctx.out, "redid: {line}")?;
    Ok(())
}

pub fn log(ctx: &mut Ctx, who: Option<&str>, count: usize) -> CliResult {
    let history = history(ctx, "show")?;
    let person = match who {
        None => None,
        Some(query) => {
            let ix = ctx.who_to_read(query)?;
            let c = ctx.journal.contact(ix).ok_or(CliError::Vanished)?;
            Some(Person {
                id: c.id.clone(),
                name: c.name.clone(),
            })
        }
    };
    let listed = history.log(person.as_ref(), count)?;
    if listed.is_empty() {
        match &person {
            Some(p) => writeln!(
                ctx.out,
                "no changes about {} in the history yet",
                inert_line(&p.name)
            )?,
            None => writeln!(ctx.out, "no changes in the history yet")?,
        }
        return Ok(());
    }
    print(ctx, &listed)
}

fn print(ctx: &mut Ctx, listed: &[Listed]) -> CliResult {
    for l in listed {
        writeln!(ctx.out, "{}  {}", l.date, l.line)?;
    }
    Ok(())
}
