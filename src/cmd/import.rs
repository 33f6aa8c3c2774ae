//! `rolo import FILE...`: read the address books, show the plan, and write it only when the
//! person says so (`--yes`, or `y` at the question on a terminal).

use super::{CliError, CliResult, Ctx};
use crate::cli::ImportArgs;
use crate::interchange::{self, Read, preview};
use crate::ops::{Import, Invalid};
use crate::sanitize::inert_line;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

/// A file to import: how it is named in messages, and where it is.
struct Source {
    name: String,
    path: PathBuf,
}

/// Below this many bytes (about a thousand cards) an import is over before a bar would show.
const BAR_FROM_BYTES: u64 = 256 << 10;

pub fn run(ctx: &mut Ctx, args: ImportArgs) -> CliResult {
    let sources = sources(&args.files)?;
    let mut texts = Vec::with_capacity(sources.len());
    for s in &sources {
        let bytes = std::fs::read(&s.path).map_err(|e| {
            Invalid(format!(
                "cannot read {}: {e}; nothing was imported",
                inert_line(&s.name)
            ))
        })?;
        texts.push(bytes);
    }
    let total: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let reading = reading_bar(total);
    let mut read = Read::default();
    for (s, bytes) in sources.iter().zip(&texts) {
        read.extend(interchange::read(&s.name, bytes));
        reading.inc(bytes.len() as u64);
    }
    reading.finish_and_clear();
    let j = &ctx.journal;
    let plan = preview::plan(j.contacts(), |ix| j.broken(ix).map(|p| ctx.shown(p)), read);
    let names: Vec<String> = sources.into_iter().map(|s| s.name).collect();
    let op = Import::new(plan, names);
    ctx.out.write_all(preview::words(op.plan()).as_bytes())?;
    if !op.plan().writes() {
        let done = op.apply(ctx.store)?;
        writeln!(ctx.out, "{}", done.line)?;
        return Ok(());
    }
    let (new, updates) = (op.plan().new.len(), op.plan().update_count());
    let question = format!("\nImport {new} new, update {updates}? [y/N] ");
    match confirm(ctx, args.yes, &question)? {
        Answer::Yes => {
            let spinner = writing_spinner(total);
            let done = op.apply(ctx.store)?;
            spinner.finish_and_clear();
            writeln!(ctx.out, "{}", done.line)?;
        }
        Answer::No => writeln!(ctx.out, "nothing was written")?,
        Answer::NotATerminal => writeln!(
            ctx.out,
            "\nnothing was written (not a terminal): run again with --yes to import {new} new and update {updates}"
        )?,
    }
    Ok(())
}

pub(super) enum Answer {
    Yes,
    No,
    NotATerminal,
}

/// `--yes`, or the person's answer on a terminal; off a terminal rolo cannot ask, and a
/// script that wants the write says `--yes`.
pub(super) fn confirm(ctx: &mut Ctx, yes: bool, question: &str) -> Result<Answer, CliError> {
    if yes {
        return Ok(Answer::Yes);
    }
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Ok(Answer::NotATerminal);
    }
    ctx.out.write_all(question.as_bytes())?;
    ctx.out.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(if answer == "y" || answer == "yes" {
        Answer::Yes
    } else {
        Answer::No
    })
}

/// A progress bar on stderr while a large import is read, on a terminal only: indicatif
/// draws nothing when stderr is not one, and redraws at most 20 times a second.
fn reading_bar(total: u64) -> ProgressBar {
    if total < BAR_FROM_BYTES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} {wide_bar} {percent}%") {
        bar.set_style(style);
    }
    bar.set_message("reading the cards");
    bar
}

/// While a large import writes (one call, flushed once at the end): a spinner, so a second
/// or two of quiet does not look like a hang.
fn writing_spinner(total: u64) -> ProgressBar {
    if total < BAR_FROM_BYTES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        spinner.set_style(style);
    }
    spinner.set_message("writing the contact files…");
    spinner.enable_steady_tick(std::time::Duration::from_millis(100));
    spinner
}

/// The files named, a folder standing for the `.vcf` files in it (khard and Apple export a
/// folder of one card per file), in name order so every run reads them alike.
fn sources(paths: &[PathBuf]) -> Result<Vec<Source>, CliError> {
    let mut out = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        if path.is_dir() {
            let listing = std::fs::read_dir(path).map_err(|e| {
                Invalid(format!(
                    "cannot read the folder {}: {e}; nothing was imported",
                    inert_line(&name)
                ))
            })?;
            let mut cards: Vec<PathBuf> = listing
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && has_vcard_extension(p))
                .collect();
            if cards.is_empty() {
                return Err(Invalid(format!(
                    "the folder {} holds no .vcf file; nothing was imported",
                    inert_line(&name)
                ))
                .into());
            }
            cards.sort();
            out.extend(cards.into_iter().map(|p| Source {
                name: p.display().to_string(),
                path: p,
            }));
        } else {
            out.push(Source {
                name,
                path: path.clone(),
            });
        }
    }
    Ok(out)
}

fn has_vcard_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("vcf") || e.eq_ignore_ascii_case("vcard"))
}
