//! `rolo search TEXT [--who W] [-n N] [--json]`: search in everything, as the TUI's search
//! does (`find`), one hit a line: when, whose, where, and the text around what matched.

use super::{CliError, CliResult, Ctx};
use crate::find::{Finder, Found, Hit, Place, snippet, text_at};
use crate::interchange::export::json::{self as schema, SCHEMA, to_text};
use crate::ops::Invalid;
use crate::sanitize::inert_line;
use chrono::NaiveDate;
use serde_json::{Value, json};

/// Columns of a hit's text on its line.
const SNIPPET: usize = 100;

pub fn run(ctx: &mut Ctx, text: &str, who: Option<&str>, count: usize, json: bool) -> CliResult {
    let person = match who {
        Some(w) => Some(ctx.id_of(ctx.who_to_read(w)?)),
        None => None,
    };
    // The command line has nothing else to do: the index is built here, at once.
    let found = Finder::inline().search(&ctx.journal, text, count, person.as_deref());
    if found.words.is_empty() {
        return Err(CliError::Invalid(Invalid(
            "nothing to search for: give a word, such as `rolo search visa`".into(),
        )));
    }
    if json {
        return write_json(ctx, text, person.as_deref(), &found);
    }
    if found.hits.is_empty() {
        let whose = person
            .as_deref()
            .map(|id| format!(" about {}", inert_line(ctx.journal.name_of(id))))
            .unwrap_or_default();
        writeln!(
            ctx.out,
            "nothing found for \"{}\"{whose} (every word must be found, at the start of a word)",
            inert_line(text.trim())
        )?;
        return Ok(());
    }
    let j = &ctx.journal;
    let today = ctx.now.date_naive();
    let rows: Vec<[String; 4]> = found
        .hits
        .iter()
        .map(|hit| {
            let who = hit.person.as_deref();
            let name = who.map_or(String::new(), |id| inert_line(j.name_of(id)).into_owned());
            let text = text_at(j, who, &hit.place).unwrap_or_default();
            let cut = snippet(&text, &found.words, SNIPPET);
            let day = date_of(j, hit).map_or(String::new(), |d| d.format("%Y-%m-%d").to_string());
            [
                day,
                name,
                place_label(j, hit, today),
                fit(&cut.text, SNIPPET),
            ]
        })
        .collect();
    let widest = |i: usize, most: usize| {
        rows.iter()
            .map(|r| crate::columns::width(&r[i]))
            .max()
            .unwrap_or(0)
            .min(most)
    };
    let (name_w, where_w) = (widest(1, 24), widest(2, 18));
    for [day, name, place, text] in &rows {
        let name = pad(name, name_w);
        let place = pad(place, where_w);
        writeln!(ctx.out, "{day:<10}  {name}  {place}  {text}")?;
    }
    if found.total > found.hits.len() {
        writeln!(
            ctx.out,
            "… {} more (-n {} shows them all)",
            found.total - found.hits.len(),
            found.total
        )?;
    }
    Ok(())
}

/// Where, as the line says it: the field, or the kind of entry (its date is in its column).
fn place_label(j: &crate::journal::Journal, hit: &Hit, today: NaiveDate) -> String {
    match &hit.place {
        Place::Entry { at, id } => j
            .entry_at(*at, id)
            .map_or("entry".into(), |e| inert_line(e.kind.as_str()).into_owned()),
        other => other.label(j, hit.person.as_deref(), today),
    }
}

/// The day a hit is dated: an entry's, a need's since, a promise's due day.
fn date_of(j: &crate::journal::Journal, hit: &Hit) -> Option<NaiveDate> {
    let card = || hit.person.as_deref().and_then(|id| j.by_id(id));
    match &hit.place {
        Place::Entry { at, .. } => Some(at.date_naive()),
        Place::Need(n) => card()?
            .need(*n)
            .map(|n| n.since)
            .filter(|d| *d != NaiveDate::MIN),
        Place::Promise(n) => card()?.follow_ups.iter().find(|f| f.id == *n)?.due,
        _ => None,
    }
}

/// `s` in `width` columns: cut with `…`, or padded with spaces.
fn pad(s: &str, width: usize) -> String {
    let mut out = String::new();
    crate::columns::pad(&mut out, &fit(s, width), width);
    out
}

fn fit(s: &str, width: usize) -> String {
    crate::columns::fit(s, width)
}

/// The field of `rolo/1` a hit is in.
fn field(place: &Place) -> &'static str {
    match place {
        Place::Name => "name",
        Place::Alias(_) => "aliases",
        Place::Tag(_) => "tags",
        Place::Company => "company",
        Place::Role => "role",
        Place::Email(_) => "email",
        Place::Phone(_) => "phone",
        Place::CanHelp(_) => "can_help_with",
        Place::Need(_) => "needs",
        Place::Promise(_) => "follow_ups",
        Place::Notes => "notes",
        Place::Met => "met",
        Place::Entry { .. } => "entries",
    }
}

fn write_json(ctx: &mut Ctx, query: &str, person: Option<&str>, found: &Found) -> CliResult {
    let j = &ctx.journal;
    let today = ctx.now.date_naive();
    let hits: Vec<Value> = found
        .hits
        .iter()
        .map(|hit| {
            let who = hit.person.as_deref();
            let text = text_at(j, who, &hit.place).unwrap_or_default();
            let mut value = json!({
                "person": who,
                "field": field(&hit.place),
                "where": hit.place.label(j, who, today),
                "date": date_of(j, hit).map(|d| d.format("%Y-%m-%d").to_string()),
                "snippet": snippet(&text, &found.words, SNIPPET).text,
            });
            let card = who.and_then(|id| j.by_id(id));
            let piece = match &hit.place {
                Place::Entry { at, id } => j
                    .entry_at(*at, id)
                    .map(|e| ("entry", json!(schema::entry(e)))),
                Place::Need(n) => card
                    .and_then(|c| c.need(*n))
                    .map(|n| ("need", json!(schema::need(n)))),
                Place::Promise(n) => card
                    .and_then(|c| c.follow_ups.iter().find(|f| f.id == *n))
                    .map(|f| ("follow_up", json!(schema::follow_up(f)))),
                _ => Some(("text", json!(text))),
            };
            if let (Some((key, piece)), Some(map)) = (piece, value.as_object_mut()) {
                map.insert(key.to_string(), piece);
            }
            value
        })
        .collect();
    let value = json!({
        "schema": SCHEMA,
        "query": query,
        "person": person,
        "total": found.total,
        "hits": hits,
    });
    ctx.out.write_all(to_text(&value).as_bytes())?;
    Ok(())
}
