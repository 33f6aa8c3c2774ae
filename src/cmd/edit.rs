//! `rolo edit WHO`: a person's card in their own editor, as the TUI's `e` opens it, or fields
//! set with `--set KEY=VALUE` and no editor. Both save through `crate::ops::edit`, and print
//! the operation's line ("edited Aiko Tanaka: role, email").

use super::{CliError, CliResult, Ctx};
use crate::cli::EditArgs;
use crate::ops::EditPerson;
use crate::ops::edit::{
    EditCopy, EditorError, SetFields, kept_words, open_editor, renumbered_words,
};
use crate::sanitize::inert_line;
use crate::store::{Conflict, StoreError, merge_note, paths};
use std::io::{BufRead, IsTerminal};

pub fn edit(ctx: &mut Ctx, a: EditArgs) -> CliResult {
    if !a.set.is_empty() {
        // The fields first, then the person: the first thing wrong is the one reported.
        let op = SetFields::parse(&a.set)?;
        let id = ctx.writable(&a.who)?;
        writeln!(ctx.out, "{}", op.apply(ctx.store, &id)?.line)?;
        return Ok(());
    }
    // Anyone, a person whose file does not load too: the editor is how that file gets fixed.
    let id = ctx.id_of(ctx.who(&a.who)?);
    in_editor(ctx, &id)
}

/// The editor round, and again while the person wants it.
fn in_editor(ctx: &mut Ctx, id: &str) -> CliResult {
    let original = ctx.store.read_file(&paths::contact(id))?.ok_or_else(|| {
        StoreError::NotFound(crate::store::error::Missing::Contact { id: id.to_string() })
    })?;
    // `base` is what the person's changes are measured from: the text the editor first
    // showed, or after a conflict the file as then written.
    let (mut base, mut start) = (original.clone(), original);
    let mut kept: Vec<Conflict> = Vec::new();
    loop {
        let copy = EditCopy::new(ctx.store, &start)?;
        if let Err(e) = open_editor(copy.path()) {
            // The editor may have saved before it failed: what it saved is kept.
            let why = EditorError::Editor(e);
            return match copy.read() {
                Ok(Some(text)) if text != start => Err(kept_in(copy, why.to_string())),
                _ => Err(why.into()),
            };
        }
        let Some(edited) = copy.read()? else {
            return Err(kept_in(copy, "the edited file is not UTF-8 text".into()));
        };
        let mine = merge_note::strip(&edited);
        let done = match EditPerson::new(id, &base, mine).apply(ctx.store) {
            Ok(done) => done,
            Err(e) => {
                let why = e.to_string();
                if ask_again(&why) {
                    // The same base: the next try is still measured from what was first shown.
                    start = edited;
                    continue;
                }
                return Err(kept_in(copy, why));
            }
        };
        if done.contact.is_none() {
            // Closed without a change; after a conflict, that keeps the file's values.
            let said = match kept.is_empty() {
                true => done.line,
                false => kept_words(&kept),
            };
            writeln!(ctx.out, "{said}")?;
            return Ok(());
        }
        writeln!(ctx.out, "{}{}", done.line, renumbered_words(&done.merge))?;
        if done.merge.conflicts.is_empty() {
            return Ok(());
        }
        // Keys changed both here and in the file kept the file's value: the editor reopens
        // on the file as now written, with both values named at the top.
        start = format!("{}{}", merge_note::note(&done.merge.conflicts), done.text);
        base = done.text;
        kept = done.merge.conflicts;
    }
}

/// Keep the copy for the person; if even that fails, the reason is still told.
fn kept_in(copy: EditCopy, why: String) -> CliError {
    match copy.keep() {
        Ok(path) => CliError::EditKept { why, path },
        Err(e) => CliError::Editor(e),
    }
}

/// At a terminal: show why, and ask. Anywhere else (a script, a pipe) there is no one to
/// ask, so the text is kept and the command fails.
fn ask_again(why: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprintln!("rolo: {}", inert_line(why));
    eprint!("Edit again? [Y/n] ");
    let mut answer = String::new();
    match std::io::stdin().lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => means_yes(&answer),
    }
}

/// Enter or anything but a "n" or "no" is yes: the safe answer edits again.
fn means_yes(answer: &str) -> bool {
    !matches!(answer.trim().to_lowercase().as_str(), "n" | "no")
}

#[cfg(test)]
mod tests {
    use super::means_yes;

    #[test]
    fn only_no_means_no() {
        for yes in ["", "\n", "y", "Y\n", "yes", " oui "] {
            assert!(means_yes(yes), "{yes:?}");
        }
        for no in ["n", "N\n", "no", " No "] {
            assert!(!means_yes(no), "{no:?}");
        }
    }
}
