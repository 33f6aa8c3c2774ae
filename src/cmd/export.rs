//! `rolo export vcard|json|markdown|ics`: everyone, or the people `--who` names, to stdout
//! or to a file replaced atomically (through the store when the file is inside the data
//! folder, so the folder's rules hold: private, never through a link, never a file of rolo's).

use super::{CliError, CliResult, Ctx};
use crate::cli::{ExportArgs, ExportFormat};
use crate::interchange::export::{ics, json, markdown, vcard};
use crate::model::layout::{CONTACTS, DRAFTS, JOURNAL};
use crate::ops::Invalid;
use crate::sanitize::{inert, inert_line};
use crate::store::{StoreError, paths};
use chrono::Utc;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(ctx: &mut Ctx, a: ExportArgs) -> CliResult {
    let people = people(ctx, &a.who)?;
    let j = &ctx.journal;
    let text = match a.format {
        ExportFormat::Vcard => vcard::render(j, &people),
        ExportFormat::Json => json::to_text(&json::export(j, &people)),
        ExportFormat::Markdown => markdown::render(j, &people, ctx.today()),
        ExportFormat::Ics => ics::render(j, &people, ctx.now.with_timezone(&Utc)),
    };
    let Some(output) = a.output else {
        // Straight to a terminal, text from the files is shown inert like everything rolo
        // prints; into a pipe or a redirect it is the export, byte for byte.
        if std::io::stdout().is_terminal() {
            ctx.out.write_all(inert(&text).as_bytes())?;
        } else {
            ctx.out.write_all(text.as_bytes())?;
        }
        return Ok(());
    };
    write_file(ctx, &output, text.as_bytes())?;
    writeln!(
        ctx.out,
        "exported {} {} as {} to {}",
        people.len(),
        if people.len() == 1 {
            "person"
        } else {
            "people"
        },
        match a.format {
            ExportFormat::Vcard => "vCard",
            ExportFormat::Json => "JSON",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Ics => "iCalendar",
        },
        inert_line(&output.display().to_string())
    )?;
    Ok(())
}

/// Everyone by name, or the people named (each once, in the order given).
fn people(ctx: &Ctx, who: &[String]) -> Result<Vec<usize>, CliError> {
    let j = &ctx.journal;
    if who.is_empty() {
        let mut all: Vec<usize> = (0..j.contacts().len()).collect();
        all.sort_by_cached_key(|&ix| (crate::fold::key(&j.contacts()[ix].name), ix));
        return Ok(all);
    }
    let mut out = Vec::new();
    for w in who {
        let ix = ctx.who_to_read(w)?;
        if !out.contains(&ix) {
            out.push(ix);
        }
    }
    Ok(out)
}

/// The data folder's path relative to itself when `path` is inside it.
fn inside_data(ctx: &Ctx, path: &Path) -> Option<PathBuf> {
    let root = std::fs::canonicalize(ctx.store.root()?).ok()?;
    let path = std::path::absolute(path).ok()?;
    let parent = std::fs::canonicalize(path.parent()?).ok()?;
    let rel = parent.strip_prefix(&root).ok()?.join(path.file_name()?);
    Some(rel)
}

fn write_file(ctx: &Ctx, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if let Some(rel) = inside_data(ctx, path) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let rolos = [CONTACTS, JOURNAL, DRAFTS, paths::LOCK, paths::LEASES];
        if first.as_deref().is_some_and(|f| rolos.contains(&f)) {
            return Err(Invalid(format!(
                "{} is among rolo's own files; export somewhere else (nothing was written)",
                inert_line(&path.display().to_string())
            ))
            .into());
        }
        ctx.store
            .fs()
            .write_atomic(&rel, bytes)
            .map_err(|e| StoreError::io(ctx.store.display(&rel), e))?;
        // A file rolo wrote in the data folder is a change like any other: one commit, with
        // its own description (left undescribed, the history would take it for an
        // interrupted change and commit it later as "recovered").
        crate::ops::finish(
            ctx.store,
            &format!("exported to {}", inert_line(&rel.display().to_string())),
        );
        return Ok(());
    }
    write_outside(path, bytes).map_err(|e| StoreError::io(path.to_path_buf(), e).into())
}

/// Elsewhere: a private temp file beside the target, flushed, renamed over it, the folder
/// flushed, so a reader never sees half an export.
fn write_outside(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".rolo-export-")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    std::fs::File::open(&dir)?.sync_all()
}
