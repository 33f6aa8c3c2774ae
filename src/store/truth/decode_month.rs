//! A month file's TOML text -> its entries, each with where its parts are written (the
//! contact cards' half, and what both share, is `decode.rs`).

use super::decode::{Ctx, Loc, LocatedEntry, blank, parse_toml};
use super::gather::{MonthLocs, SmallLoc};
use super::moment::Unread;
use super::problem::Problem;
use crate::model::{Entry, Kind};
use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
struct RawMonth {
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct RawEntry {
    id: Spanned<String>,
    /// Read from the text at this place; see `moment.rs`.
    at: Spanned<Unread>,
    #[serde(default)]
    with: Vec<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    note: String,
    gave: Option<String>,
    asked: Option<String>,
}

/// The moment written at `span` (see `moment.rs`).
fn at_moment(ctx: &Ctx, span: std::ops::Range<usize>) -> Result<DateTime<FixedOffset>, Problem> {
    let written = ctx.text.get(span.clone()).unwrap_or("");
    let at = super::moment::read(written).ok_or_else(|| {
        Problem::error(
            ctx.path,
            ctx.line_col(span.start),
            "`at` must be a date and time like 2026-11-24T14:05:00+01:00",
        )
    })?;
    if !crate::model::in_years(at.date_naive()) {
        return Err(Problem::error(
            ctx.path,
            ctx.line_col(span.start),
            format!(
                "`at` {} is {}",
                at.format("%Y-%m-%d"),
                crate::model::outside_years()
            ),
        ));
    }
    Ok(at)
}

/// Copying every note only to find no `\r` in it was a measurable part of a large load.
fn unix_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

pub fn month(path: &Path, text: &str) -> Result<Vec<LocatedEntry>, Problem> {
    let mut located = Vec::new();
    each_entry(path, text, |entry, at| {
        located.push(LocatedEntry {
            entry,
            id_at: at.id,
            with_at: at.with.iter().map(|&w| at.loc(w)).collect(),
            kind_at: at.kind(),
        })
    })?;
    Ok(located)
}

/// The entries of a month file in file order, and their places kept small (see `MonthLocs`):
/// what a whole-folder load keeps, so no per-entry location outlives the checks it serves.
/// `is_known` tells contact ids; a person it does not know is located for a warning.
pub(crate) fn month_entries(
    path: &Path,
    text: &str,
    is_known: impl Fn(&str) -> bool,
) -> Result<(Vec<Entry>, MonthLocs), Problem> {
    let mut entries = Vec::new();
    let mut locs = MonthLocs::default();
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut with_seen = 0;
    each_entry(path, text, |entry, at| {
        if !entry.kind.is_known() {
            locs.odd_kinds
                .push((small(entries.len()), SmallLoc::new(at.kind())));
        }
        locs.id.push(SmallLoc::new(at.id));
        for (who, &start) in entry.with.iter().zip(at.with) {
            if !is_known(who) {
                locs.odd_with
                    .push((small(with_seen), SmallLoc::new(at.loc(start))));
            }
            with_seen += 1;
        }
        entries.push(entry);
    })?;
    Ok((entries, locs))
}

/// Where one entry's parts are written; places other than the id's are found on request, since
/// a load needs them only for the rare warning.
struct EntryAt<'a> {
    ctx: &'a Ctx<'a>,
    id: Loc,
    kind_start: Option<usize>,
    /// Where each `with` item starts (a byte offset), same order.
    with: &'a [usize],
}

impl EntryAt<'_> {
    fn loc(&self, offset: usize) -> Loc {
        let (line, col) = self.ctx.line_col(offset);
        Loc { line, col }
    }

    /// Where the kind is written, or the id when it is not.
    fn kind(&self) -> Loc {
        self.kind_start.map_or(self.id, |k| self.loc(k))
    }
}

/// Every entry of a month file, in file order, with where its parts are written; the first
/// entry that cannot be read stops the file (it then loads as an error, whole).
fn each_entry(
    path: &Path,
    text: &str,
    mut take: impl FnMut(Entry, EntryAt<'_>),
) -> Result<(), Problem> {
    // An empty month is a diary with nothing in it yet (rolo appends to it happily), not an
    // error; an empty contact file, with no name, is. Blank as TOML means it: a form feed is
    // not blank, it is an error (see `blank`).
    if blank(text) {
        return Ok(());
    }
    let raw: RawMonth = parse_toml(path, text)?;
    let ctx = Ctx::new(path, text);
    let mut with_starts = Vec::new();
    for raw in raw.entry {
        if raw.id.get_ref().trim().is_empty() {
            return Err(ctx.at(&raw.id, "entry `id` is empty"));
        }
        let at = at_moment(&ctx, raw.at.span())?;
        with_starts.clear();
        with_starts.extend(raw.with.iter().map(|w| w.span().start));
        // Sized exactly: the list as parsed has room to spare, kept for every entry loaded.
        let mut with = Vec::with_capacity(raw.with.len());
        with.extend(raw.with.into_iter().map(Spanned::into_inner));
        let located = EntryAt {
            ctx: &ctx,
            id: ctx.loc(&raw.id),
            kind_start: raw.kind.as_ref().map(|k| k.span().start),
            with: &with_starts,
        };
        let entry = Entry {
            id: raw.id.into_inner(),
            at,
            with,
            kind: raw
                .kind
                .map(|k| Kind::parse(k.get_ref()))
                .unwrap_or(Kind::Note),
            // A file saved with Windows line endings reads the same as any other.
            note: unix_newlines(raw.note),
            gave: raw.gave.filter(|g| !g.trim().is_empty()),
            asked: raw.asked.filter(|a| !a.trim().is_empty()),
        };
        take(entry, located);
    }
    Ok(())
}
