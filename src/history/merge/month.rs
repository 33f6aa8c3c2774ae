//! Merging a month file two machines both changed: its entries are a set, each known by its
//! id. An entry one side added, changed or removed, and the other left alone, is taken as that
//! side has it; both sides' new entries are kept, the other side's placed by their time among
//! this side's. The same entry changed differently on both sides (or changed on one and
//! removed on the other) is a clash, settled by `on_clash`. Comments and keys above the
//! entries follow the side that changed them. Pure: no files, no git.

use super::{Clash, Merged, Side};
use crate::history::reverse_month::{Entries, entries, parse, rest_of};
use crate::store::{Style, decode, place};
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// Merge `ours` and `theirs`, both changed from `base` (`None`: the file is new on both).
/// `Err` says why the file cannot be merged entry by entry (it does not read, an entry has
/// no id); then git's own rules decide.
pub fn merge(
    rel: &str,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    on_clash: Side,
) -> Result<Merged, String> {
    let unreadable =
        |side: &str| format!("{rel} does not read {side}, so it cannot be merged entry by entry");
    let base_doc = parse(base).ok_or_else(|| unreadable("as it was"))?;
    let ours_doc = parse(Some(ours)).ok_or_else(|| unreadable("here"))?;
    let theirs_doc = parse(Some(theirs)).ok_or_else(|| unreadable("there"))?;
    let each = |doc: &DocumentMut, side: &str| {
        entries(doc).map_err(|_| {
            format!("{rel} {side} has an entry without an id or two with the same, so it cannot be merged entry by entry")
        })
    };
    let (b, o, t) = (
        each(&base_doc, "as it was")?,
        each(&ours_doc, "here")?,
        each(&theirs_doc, "there")?,
    );
    let mut clashes = Vec::new();
    // What is not an entry (comments, keys above them) as a whole: the side that changed it.
    let (rb, ro, rt) = (rest_of(&base_doc), rest_of(&ours_doc), rest_of(&theirs_doc));
    let mut doc = if ro == rt || rt == rb {
        ours_doc.clone()
    } else if ro == rb {
        theirs_doc.clone()
    } else {
        clashes.push(Clash {
            what: "the lines above the entries".into(),
            key: String::new(),
            ours: ro.trim().to_string(),
            theirs: rt.trim().to_string(),
        });
        match on_clash {
            Side::Ours => ours_doc.clone(),
            Side::Theirs => theirs_doc.clone(),
        }
    };
    let text = |e: &Entries, id: &str| e.by_id.get(id).map(|(t, _)| t.clone());
    let table = |e: &Entries, id: &str| e.by_id.get(id).map(|(_, t)| t.clone());
    // Ours in its order, each as the merge wants it (`None`: removed).
    let mut kept: Vec<Table> = Vec::new();
    for id in &o.order {
        let (bt, ot, tt) = (text(&b, id), text(&o, id), text(&t, id));
        let chosen = if ot == tt || tt == bt {
            table(&o, id)
        } else if ot == bt {
            table(&t, id)
        } else {
            clashes.push(entry_clash(
                id,
                table(&o, id).as_ref(),
                table(&t, id).as_ref(),
            ));
            match on_clash {
                Side::Ours => table(&o, id),
                Side::Theirs => table(&t, id),
            }
        };
        kept.extend(chosen);
    }
    // Theirs that ours does not have: new there, or removed here.
    for id in &t.order {
        if o.by_id.contains_key(id) {
            continue;
        }
        let (bt, tt) = (text(&b, id), text(&t, id));
        let bring = match bt {
            // Removed here, left alone there: it stays removed.
            Some(bt) if Some(&bt) == tt.as_ref() => false,
            Some(_) => {
                clashes.push(entry_clash(id, None, table(&t, id).as_ref()));
                on_clash == Side::Theirs
            }
            None => true,
        };
        if let Some(new) = table(&t, id).filter(|_| bring) {
            insert_by_time(&mut kept, new);
        }
    }
    let first = doc
        .get("entry")
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.get(0))
        .and_then(Table::position);
    let mut array = ArrayOfTables::new();
    for (i, mut entry) in kept.into_iter().enumerate() {
        // In the array's order: the first where the file had its first, the rest after it.
        place(&mut entry, if i == 0 { first } else { None });
        // An entry that was first in its file had no blank line above it; it gets one here.
        let bare = entry
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .is_none_or(str::is_empty);
        if i > 0 && bare {
            entry.decor_mut().set_prefix("\n");
        }
        array.push(entry);
    }
    if array.is_empty() {
        doc.remove("entry");
    } else {
        doc.insert("entry", Item::ArrayOfTables(array));
    }
    let style = Style::of(ours);
    let text = style.lines(&doc.to_string()).into_owned();
    decode::month(Path::new(rel), &text)
        .map_err(|p| format!("merging {rel} would leave it unreadable ({p})"))?;
    Ok(Merged {
        bytes: style.bytes(&text),
        clashes,
        renumbered: Vec::new(),
    })
}

/// The entry's time as written, for ordering: `None` when it has none that reads.
fn time_of(t: &Table) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let at = t.get("at")?.as_value()?;
    let Value::Datetime(d) = at else {
        return None;
    };
    chrono::DateTime::parse_from_rfc3339(&d.value().to_string()).ok()
}

/// Put `new` after the last entry that is not later than it (at the end when no time reads).
fn insert_by_time(kept: &mut Vec<Table>, new: Table) {
    let Some(when) = time_of(&new) else {
        kept.push(new);
        return;
    };
    let at = kept
        .iter()
        .rposition(|e| time_of(e).is_some_and(|t| t <= when))
        .map_or_else(
            // Nothing earlier: before the first entry with a later time, or at the end.
            || {
                kept.iter()
                    .position(|e| time_of(e).is_some())
                    .unwrap_or(kept.len())
            },
            |i| i + 1,
        );
    kept.insert(at, new);
}

/// An entry both sides changed: what differs, each side's value.
fn entry_clash(id: &str, ours: Option<&Table>, theirs: Option<&Table>) -> Clash {
    let (key, ours_said, theirs_said) = match (ours, theirs) {
        (Some(o), Some(t)) => {
            let differs = o
                .iter()
                .map(|(k, _)| k.to_string())
                .chain(t.iter().map(|(k, _)| k.to_string()))
                .find(|k| shown(o.get(k)) != shown(t.get(k)))
                .unwrap_or_default();
            let (a, b) = (shown(o.get(&differs)), shown(t.get(&differs)));
            (differs, a, b)
        }
        (Some(o), None) => ("note".into(), shown(o.get("note")), "(removed)".into()),
        (None, Some(t)) => ("note".into(), "(removed)".into(), shown(t.get("note"))),
        (None, None) => (String::new(), "(removed)".into(), "(removed)".into()),
    };
    Clash {
        what: format!("entry {id}"),
        key,
        ours: ours_said,
        theirs: theirs_said,
    }
}

/// A value as a person reads it (`(none)` when the key is not there).
fn shown(item: Option<&Item>) -> String {
    match item.and_then(Item::as_value) {
        None => "(none)".into(),
        Some(v) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string()
        }
    }
}

/// Whether `rel` is a month file: `journal/YYYY/YYYY-MM.toml`.
pub fn is_month(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    matches!(parts.as_slice(), [j, _, name] if *j == crate::store::paths::JOURNAL && name.ends_with(".toml"))
}

#[cfg(test)]
#[path = "month_tests.rs"]
mod tests;
