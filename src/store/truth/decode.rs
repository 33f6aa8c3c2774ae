//! TOML text -> model, with every complaint located at a line and column: the contact cards,
//! and what the month files' half (`decode_month.rs`) shares with them.

use super::problem::{Lines, Problem, line_col};
use super::wording;
use crate::model::{Archived, Birthday, By, Contact, Entry, FollowUp, Need, NeedStatus};
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;
use toml::value::{Datetime, Value};

// The month files' half, re-exported so every caller still says `decode::month`.
pub use super::decode_month::month;
pub(crate) use super::decode_month::month_entries;

#[derive(Deserialize)]
struct RawContact {
    name: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    company: Option<String>,
    role: Option<String>,
    #[serde(default)]
    email: OneOrMany,
    #[serde(default)]
    phone: OneOrMany,
    #[serde(default)]
    url: OneOrMany,
    birthday: Option<Spanned<Value>>,
    met: Option<String>,
    keep_in_touch_days: Option<Spanned<i64>>,
    #[serde(default)]
    can_help_with: Vec<String>,
    notes: Option<String>,
    #[serde(default)]
    need: Vec<RawNeed>,
    #[serde(default)]
    follow_up: Vec<RawFollowUp>,
    archived: Option<Spanned<Value>>,
}

/// People type `email = "a@b"` as often as a list; both mean the same.
#[derive(Deserialize, Default)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
struct RawNeed {
    id: Spanned<i64>,
    what: String,
    since: Option<Spanned<Value>>,
    status: Option<Spanned<String>>,
    met_on: Option<Spanned<Value>>,
    how: Option<String>,
    #[serde(default)]
    not_a_fit: Vec<String>,
}

#[derive(Deserialize)]
struct RawFollowUp {
    id: Spanned<i64>,
    what: String,
    due: Option<Spanned<Value>>,
    #[serde(default)]
    done: bool,
    /// Who made the promise: "me" (the default) or "them".
    by: Option<Spanned<String>>,
}

/// Where an entry or a reference sits in its file, for warnings found after loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub line: usize,
    pub col: usize,
}

/// An entry with the places in its file that later checks may point at.
#[derive(Debug, Clone)]
pub struct LocatedEntry {
    pub entry: Entry,
    pub id_at: Loc,
    /// One per `with` item, same order.
    pub with_at: Vec<Loc>,
    pub kind_at: Loc,
}

pub(super) struct Ctx<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
    /// Built on the first position asked for; a file without entries never needs it.
    lines: std::cell::OnceCell<Lines>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(path: &'a Path, text: &'a str) -> Ctx<'a> {
        Ctx {
            path,
            text,
            lines: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| Lines::new(self.text))
            .line_col(self.text, offset)
    }

    pub(super) fn at<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> Problem {
        Problem::error(self.path, self.line_col(spanned.span().start), message)
    }

    pub(super) fn loc<T>(&self, spanned: &Spanned<T>) -> Loc {
        let (line, col) = self.line_col(spanned.span().start);
        Loc { line, col }
    }
}

/// Turn raw bytes into text, refusing anything that is not UTF-8 with the place it breaks.
/// A byte-order mark at the start is not part of the text (a writer puts it back, see
/// `file_text.rs`), so every reader and every writer judges the same text.
pub fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Problem> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or("");
        Problem::error(
            path,
            line_col(text, text.len()),
            "the file is not valid UTF-8 text; save it as UTF-8",
        )
    })?;
    Ok(text.strip_prefix(super::file_text::BOM).unwrap_or(text))
}

/// Nothing but what TOML counts as blank: spaces, tabs and line ends. (Rust's `trim` also
/// takes a form feed or a lone CR for blank, which TOML refuses: such a file would pass as
/// empty here and then fail the first write.)
pub(crate) fn blank(text: &str) -> bool {
    text.split("\r\n")
        .all(|part| part.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n')))
}

/// The first character TOML allows nowhere unescaped: a control character other than tab and
/// a line end, or a byte-order mark after the start. Its byte offset.
fn stray(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(i, c)| {
        let next_is_lf = text.as_bytes().get(i + 1) == Some(&b'\n');
        match c {
            '\t' | '\n' => false,
            '\r' => !next_is_lf,
            '\u{feff}' => true,
            c => c.is_control(),
        }
    })
}

pub(super) fn parse_toml<T: for<'de> Deserialize<'de>>(
    path: &Path,
    text: &str,
) -> Result<T, Problem> {
    if blank(text) {
        return Err(Problem::error(path, (1, 1), "the file is empty"));
    }
    // `utf8` took one off; the parser would silently take a second one too, and the first
    // write would then drop it: the file is not what it seems, so it is said.
    if text.starts_with(super::file_text::BOM) {
        return Err(Problem::error(
            path,
            (1, 1),
            "a second byte-order mark (U+FEFF) at the start of the file; delete it",
        ));
    }
    toml::from_str(text).map_err(|e| {
        if let Some(at) = wording::conflict_markers(text) {
            return Problem::error(path, line_col(text, at), wording::CONFLICT_MARKERS);
        }
        let start = e.span().map(|s| s.start);
        // A character the parser stumbles on only after it (a form feed alone on a line is
        // "a key with no value") is named where it is.
        if let Some((at, c)) = stray(text).filter(|(at, _)| *at < start.unwrap_or(usize::MAX)) {
            return Problem::error(path, line_col(text, at), stray_message(c));
        }
        let pos = start.map(|s| line_col(text, s)).unwrap_or((1, 1));
        // toml's message can span several lines (it quotes the source); the first line is the gist.
        let message = e.message().lines().next().unwrap_or("invalid TOML").trim();
        let message = wording::reword(message, text, start.unwrap_or(0));
        Problem::error(path, pos, message)
    })
}

fn stray_message(c: char) -> String {
    match c {
        '\u{feff}' => "a byte-order mark (U+FEFF) can only be the very first character of a file; delete this one".into(),
        '\r' => "a carriage return (U+000D) must be followed by a line feed; delete it or end the line with CRLF".into(),
        c => format!(
            "a control character (U+{:04X}) is not allowed in a TOML file; delete it (inside a string, write it as \\u{:04X})",
            u32::from(c),
            u32::from(c)
        ),
    }
}

pub fn contact(id: &str, path: &Path, text: &str) -> Result<Contact, Problem> {
    contact_with_warnings(id, path, text).map(|(c, _)| c)
}

/// Two items numbered alike, pointed at where the second one's `id` is written.
fn repeated_ids<'a>(
    ctx: &Ctx,
    ids: impl Iterator<Item = &'a Spanned<i64>>,
    what: &str,
) -> Vec<Problem> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| !seen.insert(*id.get_ref()))
        .map(|id| {
            Problem::warning(
                ctx.path,
                line_col(ctx.text, id.span().start),
                format!(
                    "two {what} have id {}; give each its own number",
                    id.get_ref()
                ),
            )
        })
        .collect()
}

/// The contact, and what looks wrong in it without stopping it from loading.
pub fn contact_with_warnings(
    id: &str,
    path: &Path,
    text: &str,
) -> Result<(Contact, Vec<Problem>), Problem> {
    let raw: RawContact = parse_toml(path, text)?;
    let ctx = Ctx::new(path, text);
    let mut warnings = repeated_ids(&ctx, raw.need.iter().map(|n| &n.id), "needs");
    warnings.extend(repeated_ids(
        &ctx,
        raw.follow_up.iter().map(|f| &f.id),
        "follow-ups",
    ));
    let name = match raw.name {
        Some(n) if !n.get_ref().trim().is_empty() => n.into_inner(),
        Some(n) => return Err(ctx.at(&n, "`name` is empty")),
        None => return Err(Problem::error(path, (1, 1), "missing `name`")),
    };
    let birthday = raw.birthday.map(|b| birthday(&ctx, &b)).transpose()?;
    let keep_in_touch_days = match raw.keep_in_touch_days {
        Some(d) if (1..=36_500).contains(d.get_ref()) => Some(*d.get_ref() as u32),
        Some(d) => {
            return Err(ctx.at(
                &d,
                "`keep_in_touch_days` must be a number of days from 1 to 36500",
            ));
        }
        None => None,
    };
    let archived = match &raw.archived {
        Some(a) => archived(&ctx, a)?,
        None => None,
    };
    let needs = raw
        .need
        .into_iter()
        .map(|n| need(&ctx, n))
        .collect::<Result<_, _>>()?;
    let follow_ups = raw
        .follow_up
        .into_iter()
        .map(|f| follow_up(&ctx, f))
        .collect::<Result<_, _>>()?;
    let contact = Contact {
        id: id.to_string(),
        name,
        aliases: raw.aliases,
        tags: raw.tags,
        company: raw.company,
        role: raw.role,
        email: raw.email.into_vec(),
        phone: raw.phone.into_vec(),
        urls: raw.url.into_vec(),
        birthday,
        met: raw.met,
        keep_in_touch_days,
        can_help_with: raw.can_help_with,
        notes: raw.notes.map(|n| n.replace("\r\n", "\n")),
        needs,
        follow_ups,
        archived,
    };
    Ok((contact, warnings))
}

fn small_id(ctx: &Ctx, id: &Spanned<i64>) -> Result<u32, Problem> {
    u32::try_from(*id.get_ref())
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ctx.at(id, "`id` must be a positive whole number"))
}

fn need(ctx: &Ctx, raw: RawNeed) -> Result<Need, Problem> {
    let id = small_id(ctx, &raw.id)?;
    let since = match &raw.since {
        Some(s) => date(ctx, s, "since")?,
        // A need typed by hand without a date is still a need; date it at the epoch of the file.
        None => NaiveDate::MIN,
    };
    let status = match &raw.status {
        Some(s) => NeedStatus::parse(s.get_ref().trim()).ok_or_else(|| {
            ctx.at(
                s,
                format!(
                    "unknown need status \"{}\"; use open, met or dropped",
                    s.get_ref()
                ),
            )
        })?,
        None => NeedStatus::Open,
    };
    let met_on = raw
        .met_on
        .as_ref()
        .map(|m| date(ctx, m, "met_on"))
        .transpose()?;
    Ok(Need {
        id,
        what: raw.what,
        since,
        status,
        met_on,
        how: raw.how,
        not_a_fit: raw.not_a_fit,
    })
}

fn follow_up(ctx: &Ctx, raw: RawFollowUp) -> Result<FollowUp, Problem> {
    Ok(FollowUp {
        id: small_id(ctx, &raw.id)?,
        what: raw.what,
        due: raw.due.as_ref().map(|d| date(ctx, d, "due")).transpose()?,
        done: raw.done,
        by: match &raw.by {
            Some(b) => By::parse(b.get_ref().trim()).ok_or_else(|| {
                ctx.at(
                    b,
                    format!(
                        "unknown `by` \"{}\"; use \"me\" for your promise or \"them\" for theirs",
                        b.get_ref()
                    ),
                )
            })?,
            None => By::Me,
        },
    })
}

/// `archived = true`, `false`, or the day (`2026-11-24`, quoted or not).
fn archived(ctx: &Ctx, raw: &Spanned<Value>) -> Result<Option<Archived>, Problem> {
    match raw.get_ref() {
        Value::Boolean(true) => Ok(Some(Archived::Yes)),
        Value::Boolean(false) => Ok(None),
        _ => date(ctx, raw, "archived")
            .map(|d| Some(Archived::Since(d)))
            .map_err(|_| {
                ctx.at(
                    raw,
                    "`archived` must be true, false or a date like 2026-11-24",
                )
            }),
    }
}

fn birthday(ctx: &Ctx, raw: &Spanned<Value>) -> Result<Birthday, Problem> {
    match raw.get_ref() {
        Value::Datetime(dt) if dt.time.is_none() => datetime_date(dt)
            .map(Birthday::Full)
            .ok_or_else(|| ctx.at(raw, format!("{dt} is not a real date"))),
        Value::String(s) => Birthday::parse_month_day(s)
            .or_else(|| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok().map(Birthday::Full))
            .ok_or_else(|| {
                ctx.at(raw, format!("cannot read birthday \"{s}\"; write 1990-12-10, or \"12-10\" when the year is unknown"))
            }),
        _ => Err(ctx.at(raw, "`birthday` must be a date like 1990-12-10 or \"12-10\"")),
    }
}

pub(in crate::store) fn datetime_date(dt: &Datetime) -> Option<NaiveDate> {
    let d = dt.date?;
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
}

/// A plain date; a quoted "2026-11-02" is accepted too, since people type it that way.
fn date(ctx: &Ctx, raw: &Spanned<Value>, key: &str) -> Result<NaiveDate, Problem> {
    let parsed = match raw.get_ref() {
        Value::Datetime(dt) => datetime_date(dt),
        Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        _ => None,
    };
    let day =
        parsed.ok_or_else(|| ctx.at(raw, format!("`{key}` must be a date like 2026-11-02")))?;
    if !crate::model::in_years(day) {
        return Err(ctx.at(
            raw,
            format!("`{key}` {day} is {}", crate::model::outside_years()),
        ));
    }
    Ok(day)
}
