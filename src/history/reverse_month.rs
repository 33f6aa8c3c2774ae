//! Taking a change back in a month file that has changed since: the entries are a set, each
//! known by its id. An entry the change added goes (if no one changed it since), one it
//! changed gets its earlier text back, one it removed comes back near where it was. Entries
//! the change did not touch, and entries added since, stay as they are. An entry the change
//! touched that was changed again since is a conflict: nothing is written.

use super::reverse::Blocker;
use crate::store::{Style, decode, place};
use std::collections::BTreeMap;
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// A month document's entries by id, in order, each with its text as written.
pub(super) struct Entries {
    pub(super) order: Vec<String>,
    pub(super) by_id: BTreeMap<String, (String, Table)>,
}

fn entry_id(t: &Table) -> Option<String> {
    t.get("id").and_then(Item::as_str).map(str::to_string)
}

/// One entry table as a block of its own, positions aside (what it says, not where it is).
fn text_of(table: &Table) -> String {
    let mut table = table.clone();
    place(&mut table, None);
    let mut array = ArrayOfTables::new();
    array.push(table);
    let mut doc = DocumentMut::new();
    doc.insert("entry", Item::ArrayOfTables(array));
    doc.to_string().trim_start_matches(['\n', '\r']).to_string()
}

pub(super) fn entries(doc: &DocumentMut) -> Result<Entries, Blocker> {
    let mut e = Entries {
        order: Vec::new(),
        by_id: BTreeMap::new(),
    };
    let Some(item) = doc.get("entry") else {
        return Ok(e);
    };
    let Item::ArrayOfTables(array) = item else {
        return Err(Blocker::File);
    };
    for table in array.iter() {
        // An entry without an id, or a second with the same id, cannot be told apart.
        let Some(id) = entry_id(table) else {
            return Err(Blocker::File);
        };
        if e.by_id.contains_key(&id) {
            return Err(Blocker::File);
        }
        e.order.push(id.clone());
        e.by_id.insert(id, (text_of(table), table.clone()));
    }
    Ok(e)
}

/// Everything in the file but its entries (comments and keys above them).
pub(super) fn rest_of(doc: &DocumentMut) -> String {
    let mut rest = doc.clone();
    rest.remove("entry");
    rest.to_string()
}

pub(super) fn parse(text: Option<&str>) -> Option<DocumentMut> {
    match text {
        None => Some(DocumentMut::new()),
        Some(t) => t.trim_start_matches('\u{feff}').parse().ok(),
    }
}

/// The month file `now` with the change from `before` to `after` taken back: its bytes, or
/// `None` when the file should not exist (the change made it, and nothing else is in it).
pub fn reverse(
    rel: &str,
    after: Option<&str>,
    before: Option<&str>,
    now_raw: Option<&str>,
) -> Result<Option<Vec<u8>>, Blocker> {
    let (Some(after_doc), Some(before_doc)) = (parse(after), parse(before)) else {
        return Err(Blocker::File);
    };
    let Some(mut now_doc) = parse(now_raw) else {
        return Err(Blocker::Unreadable(format!("{rel} does not read now")));
    };
    if rest_of(&after_doc) != rest_of(&before_doc) {
        // The change touched more than entries (a hand edit above them): only the file as
        // it left it can be taken back, and that case never reaches here.
        return Err(Blocker::File);
    }
    let (a, b, n) = (
        entries(&after_doc)?,
        entries(&before_doc)?,
        entries(&now_doc)?,
    );
    let mut ids: Vec<&String> = b.order.iter().collect();
    ids.extend(a.order.iter().filter(|id| !b.by_id.contains_key(*id)));
    let text = |e: &Entries, id: &str| e.by_id.get(id).map(|(t, _)| t.clone());
    let mut todo = Vec::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (was, is, want) = (text(&a, id), text(&n, id), text(&b, id));
        if was == want || is == want {
            continue;
        }
        if is != was {
            conflicts.push(id.clone());
            continue;
        }
        todo.push(id.clone());
    }
    if !conflicts.is_empty() {
        return Err(Blocker::Entries(conflicts));
    }
    if now_doc.get("entry").is_none() {
        now_doc.insert("entry", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(Item::ArrayOfTables(array)) = now_doc.get_mut("entry") else {
        return Err(Blocker::File);
    };
    for id in &todo {
        let at = array
            .iter()
            .position(|t| entry_id(t).as_deref() == Some(id));
        let wanted = b.by_id.get(id).map(|(_, t)| t.clone());
        match (at, wanted) {
            (Some(i), None) => {
                array.remove(i);
            }
            (Some(i), Some(mut table)) => {
                let position = array.get(i).and_then(Table::position);
                place(&mut table, position);
                array.replace(i, table);
            }
            (None, Some(mut table)) => {
                // Back after the entry it followed before, when that one is still there.
                let here = b.order.iter().position(|o| o == id).unwrap_or(0);
                let after_index = b.order[..here]
                    .iter()
                    .rev()
                    .find_map(|o| array.iter().position(|t| entry_id(t).as_deref() == Some(o)));
                let index = after_index.map_or(0, |i| i + 1);
                let position = match index {
                    0 => array.get(0).and_then(Table::position),
                    _ => None,
                };
                place(&mut table, position);
                array.insert(index, table);
            }
            (None, None) => {}
        }
    }
    let empty = array.is_empty();
    if empty {
        now_doc.remove("entry");
    }
    if before.is_none() && empty && now_doc.to_string().trim().is_empty() {
        return Ok(None);
    }
    let style = now_raw.map(Style::of).unwrap_or_default();
    let text = style.lines(&now_doc.to_string()).into_owned();
    decode::month(Path::new(rel), &text).map_err(|p| {
        Blocker::Unreadable(format!("taking it back would leave {rel} unreadable ({p})"))
    })?;
    Ok(Some(style.bytes(&text)))
}

/// The text of entry `id` in a month file's text (`None`: not there, or the file does not
/// read), to tell which later change touched it.
pub fn entry_text(text: Option<&str>, id: &str) -> Option<String> {
    let doc = parse(text)?;
    let e = entries(&doc).ok()?;
    e.by_id.get(id).map(|(t, _)| t.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const E1: &str = "[[entry]]\nid = \"2026-12-01-0900-ada\"\nat = 2026-12-01T09:00:00+01:00\nwith = [\"ada\"]\nkind = \"note\"\nnote = \"one\"\n";
    const E2: &str = "\n[[entry]]\nid = \"2026-12-02-0900-ada\"\nat = 2026-12-02T09:00:00+01:00\nwith = [\"ada\"]\nkind = \"note\"\nnote = \"two\"\n";
    const E3: &str = "\n[[entry]]\nid = \"2026-12-03-0900-ada\"\nat = 2026-12-03T09:00:00+01:00\nwith = [\"ada\"]\nkind = \"coffee\"\nnote = \"three\"\n";

    fn back(after: Option<&str>, before: Option<&str>, now: Option<&str>) -> Option<String> {
        reverse("journal/2026/2026-12.toml", after, before, now)
            .unwrap()
            .map(|b| String::from_utf8(b).unwrap())
    }

    #[test]
    fn an_added_entry_goes_and_later_ones_stay() {
        let before = E1.to_string();
        let after = format!("{E1}{E2}");
        let now = format!("{E1}{E2}{E3}");
        assert_eq!(
            back(Some(&after), Some(&before), Some(&now)),
            Some(format!("{E1}{E3}"))
        );
    }

    #[test]
    fn the_first_entry_of_a_month_goes_with_its_file_unless_others_came() {
        assert_eq!(back(Some(E1), None, Some(E1)), None);
        let now = format!("{E1}{E3}");
        let out = back(Some(E1), None, Some(&now)).unwrap();
        assert!(out.contains("three") && !out.contains("one"), "{out}");
    }

    #[test]
    fn a_removed_entry_comes_back_where_it_was() {
        let before = format!("{E1}{E2}{E3}");
        let after = format!("{E1}{E3}");
        let now = after.replace("three", "three!");
        assert_eq!(
            back(Some(&after), Some(&before), Some(&now)),
            Some(before.replace("three", "three!"))
        );
        // Removed first: back at the top.
        let after = format!("{}{E3}", E2.trim_start());
        let before = format!("{E1}{E2}{E3}");
        let out = back(Some(&after), Some(&before), Some(&after)).unwrap();
        assert!(out.find("one") < out.find("two"), "{out}");
    }

    #[test]
    fn an_entry_changed_again_since_blocks() {
        let before = format!("{E1}{E2}");
        let after = before.replace("two", "two, edited");
        let now = before.replace("two", "two, edited again");
        let r = reverse(
            "journal/2026/2026-12.toml",
            Some(&after),
            Some(&before),
            Some(&now),
        );
        let Err(Blocker::Entries(ids)) = r else {
            panic!("should conflict");
        };
        assert_eq!(ids, ["2026-12-02-0900-ada"]);
    }
}
