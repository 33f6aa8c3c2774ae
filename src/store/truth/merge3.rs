//! Three-way merge of TOML tables, for an edit made in `$EDITOR` while something else wrote
//! the same file: `base` is the text the editor opened with, `mine` what the person saved,
//! `theirs` the file as it is now. What the person changed is applied to `theirs` key by key;
//! arrays of tables (`[[need]]`, `[[follow_up]]`) are merged item by item, matched by `id`.
//! A key both sides changed to different values keeps `theirs` and is reported as a conflict,
//! so nothing written outside during the edit is ever lost. Pure: no files, no clock.
//!
//! Comments and formatting travel with the value they sit on (toml_edit's decor): a key only
//! the person touched is written exactly as they typed it, one nobody touched stays as it is.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Key, Table, Value};

/// A key changed on both sides to different values: the file keeps `theirs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Where, as a person reads it: `gave`, `need #2 status`, `place.city`.
    pub key: String,
    /// The value as the person wrote it in the editor, or a phrase such as "(removed)".
    pub mine: String,
    pub theirs: String,
}

/// An item both sides added under the same number: the person's one got the next free number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    pub key: String,
    pub from: i64,
    pub to: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub conflicts: Vec<Conflict>,
    pub renumbered: Vec<Renumbered>,
}

/// How arrays of plain values (`tags`, `email`, a need's `not_a_fit`) both sides changed are
/// merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lists {
    /// As one value: changed to two different lists is a conflict (an `$EDITOR` edit, an
    /// undo: the person sees what they typed).
    Whole,
    /// As sets: what each side added is kept, what each side removed goes (a sync between
    /// two machines, where both added a tag).
    Sets,
}

/// Merge a whole document (a contact file) into `theirs`.
pub fn merge_document(base: &DocumentMut, mine: &DocumentMut, theirs: &mut DocumentMut) -> Outcome {
    merge_document_with(base, mine, theirs, Lists::Whole)
}

/// `merge_document`, with lists merged as `lists` says.
pub fn merge_document_with(
    base: &DocumentMut,
    mine: &DocumentMut,
    theirs: &mut DocumentMut,
    lists: Lists,
) -> Outcome {
    let mut out = Outcome::default();
    merge_into(
        base.as_table(),
        mine.as_table(),
        theirs.as_table_mut(),
        "",
        &mut Run {
            out: &mut out,
            lists,
        },
    );
    if mine.trailing() != base.trailing() {
        let trailing = mine.trailing().as_str().unwrap_or("").to_string();
        theirs.set_trailing(trailing);
    }
    out
}

/// Merge one table (an `[[entry]]`) into `theirs`.
pub fn merge_table(base: &Table, mine: &Table, theirs: &mut Table) -> Outcome {
    let mut out = Outcome::default();
    merge_into(
        base,
        mine,
        theirs,
        "",
        &mut Run {
            out: &mut out,
            lists: Lists::Whole,
        },
    );
    out
}

/// One merge under way: what it found so far, and its rule for lists.
struct Run<'a> {
    out: &'a mut Outcome,
    lists: Lists,
}

/// Put a table at `position` in its document and let the tables under it follow it: toml_edit
/// orders tables by position, and one carried over from another document could otherwise land
/// after a later table and be read as part of it. `None` renders right after the table before.
pub fn place(table: &mut Table, position: Option<isize>) {
    table.set_position(position);
    for (_, item) in table.iter_mut() {
        place_item(item, None);
    }
}

fn place_item(item: &mut Item, position: Option<isize>) {
    match item {
        Item::Table(t) => place(t, position),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(|t| place(t, None)),
        _ => {}
    }
}

fn label(path: &str, key: &str) -> String {
    match path {
        "" => key.to_string(),
        p if p.contains('#') => format!("{p} {key}"),
        p => format!("{p}.{key}"),
    }
}

fn present<'a>(kv: Option<(&'a Key, &'a Item)>) -> Option<(&'a Key, &'a Item)> {
    kv.filter(|(_, i)| !i.is_none())
}

/// The key and its item exactly as written (comments included), positions aside.
fn text(kv: Option<(&Key, &Item)>) -> Option<String> {
    let (key, item) = present(kv)?;
    let mut item = item.clone();
    place_item(&mut item, None);
    let mut doc = DocumentMut::new();
    doc.insert_formatted(key, item);
    Some(doc.to_string())
}

/// What the key holds, however it is written; the text itself if it does not read back.
fn meaning(kv: Option<(&Key, &Item)>) -> Option<Result<toml::Value, String>> {
    let written = text(kv)?;
    let key = kv.map(|(k, _)| k.get()).unwrap_or_default();
    Some(
        toml::from_str::<toml::Table>(&written)
            .ok()
            .and_then(|mut t| t.remove(key))
            .ok_or(written),
    )
}

/// A value for the conflict note: as the person wrote it when it is a plain value.
fn describe(kv: Option<(&Key, &Item)>) -> String {
    match present(kv) {
        None => "(removed)".into(),
        Some((_, Item::Value(v))) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string()
        }
        Some(_) => match meaning(kv) {
            Some(Ok(v)) => v.to_string(),
            _ => "(changed)".into(),
        },
    }
}

fn array_of<'a>(kv: Option<(&'a Key, &'a Item)>) -> Option<&'a ArrayOfTables> {
    kv.and_then(|(_, i)| i.as_array_of_tables())
}

fn set(theirs: &mut Table, key: &str, mine: Option<(&Key, &Item)>) {
    match present(mine) {
        None => {
            theirs.remove(key);
        }
        Some((k, item)) => {
            // A table that replaces one keeps its place; a new one follows the one before it.
            let at = match theirs.get(key) {
                Some(Item::Table(t)) => t.position(),
                _ => None,
            };
            let mut item = item.clone();
            place_item(&mut item, at);
            theirs.insert_formatted(k, item);
        }
    }
}

fn merge_into(base: &Table, mine: &Table, theirs: &mut Table, path: &str, out: &mut Run) {
    if mine.decor() != base.decor() {
        *theirs.decor_mut() = mine.decor().clone();
    }
    // A key only `theirs` has was added outside and nobody here touched it: it stays.
    let mut keys: Vec<String> = base.iter().map(|(k, _)| k.to_string()).collect();
    for (k, _) in mine.iter() {
        if !base.contains_key(k) {
            keys.push(k.to_string());
        }
    }
    for key in keys {
        merge_key(base, mine, theirs, &key, &label(path, &key), out);
    }
}

fn merge_key(base: &Table, mine: &Table, theirs: &mut Table, key: &str, at: &str, out: &mut Run) {
    let b = present(base.get_key_value(key));
    let m = present(mine.get_key_value(key));
    let t_owned = present(theirs.get_key_value(key)).map(|(k, i)| (k.clone(), i.clone()));
    let t = t_owned.as_ref().map(|(k, i)| (k, i));
    let (bt, mt, tt) = (text(b), text(m), text(t));
    if mt == bt || mt == tt {
        return;
    }
    if tt == bt {
        return set(theirs, key, m);
    }
    // Both sides changed the key. Tables and arrays of tables are merged inside.
    if let (Some(Item::Table(mt)), Some(Item::Table(tt))) = (m.map(|(_, i)| i), theirs.get_mut(key))
    {
        let empty = Table::new();
        let bt = match b {
            Some((_, Item::Table(bt))) => bt,
            _ => &empty,
        };
        return merge_into(bt, mt, tt, at, out);
    }
    // Arrays of tables item by item; a side without the key has none left.
    let arrays = |x: Option<(&Key, &Item)>| x.is_none_or(|(_, i)| i.is_array_of_tables());
    let some_array = |x: Option<(&Key, &Item)>| x.is_some_and(|(_, i)| i.is_array_of_tables());
    if (some_array(m) || some_array(t)) && arrays(b) && arrays(m) && arrays(t) {
        let none = ArrayOfTables::new();
        let mut merged = array_of(t).cloned().unwrap_or_default();
        merge_array(
            array_of(b),
            array_of(m).unwrap_or(&none),
            &mut merged,
            at,
            out,
        );
        match (merged.is_empty(), theirs.get_mut(key), m) {
            (true, _, _) => {
                theirs.remove(key);
            }
            (false, Some(slot), _) => *slot = Item::ArrayOfTables(merged),
            (false, None, Some((k, _))) => {
                theirs.insert_formatted(k, Item::ArrayOfTables(merged));
            }
            (false, None, None) => {
                theirs.insert(key, Item::ArrayOfTables(merged));
            }
        }
        return;
    }
    if out.lists == Lists::Sets && sets::merge_set(b, m, theirs, key) {
        return;
    }
    let (bm, mm, tm) = (meaning(b), meaning(m), meaning(t));
    if mm == tm {
        // The same value on both sides: the person's way of writing it.
        return set(theirs, key, m);
    }
    if mm == bm {
        // The person only reworded it (a comment, quotes); the new value outside wins.
        return;
    }
    if tm == bm {
        return set(theirs, key, m);
    }
    out.out.conflicts.push(Conflict {
        key: at.to_string(),
        mine: describe(m),
        theirs: describe(t),
    });
}

/// How an item of an array of tables is recognised on the three sides.
#[derive(Debug, Clone, PartialEq)]
enum Ident {
    Number(i64),
    Name(String),
    /// No `id`: a table a person wrote by hand, known by what it holds.
    Content(String),
}

fn ident(t: &Table) -> Ident {
    match t.get("id").and_then(Item::as_value) {
        Some(Value::Integer(n)) => Ident::Number(*n.value()),
        Some(Value::String(s)) => Ident::Name(s.value().clone()),
        _ => Ident::Content(table_meaning(t)),
    }
}

fn table_meaning(t: &Table) -> String {
    let mut array = ArrayOfTables::new();
    array.push(t.clone());
    let key = Key::new("x");
    let item = Item::ArrayOfTables(array);
    match meaning(Some((&key, &item))) {
        Some(Ok(v)) => v.to_string(),
        Some(Err(written)) => written,
        None => String::new(),
    }
}

/// Each item with its ident and its occurrence among items of the same ident, so two items a
/// person gave the same number pair up first with first.
fn keyed(array: &ArrayOfTables) -> Vec<((Ident, usize), &Table)> {
    let mut seen: Vec<Ident> = Vec::new();
    array
        .iter()
        .map(|t| {
            let id = ident(t);
            let nth = seen.iter().filter(|s| **s == id).count();
            seen.push(id.clone());
            ((id, nth), t)
        })
        .collect()
}

fn find<'a>(items: &[((Ident, usize), &'a Table)], key: &(Ident, usize)) -> Option<&'a Table> {
    items.iter().find(|(k, _)| k == key).map(|(_, t)| *t)
}

fn item_label(path: &str, id: &Ident) -> String {
    match id {
        Ident::Number(n) => format!("{path} #{n}"),
        Ident::Name(s) => format!("{path} #{s:?}"),
        Ident::Content(_) => path.to_string(),
    }
}

fn merge_array(
    base: Option<&ArrayOfTables>,
    mine: &ArrayOfTables,
    theirs: &mut ArrayOfTables,
    path: &str,
    out: &mut Run,
) {
    let empty = ArrayOfTables::new();
    let base_k = keyed(base.unwrap_or(&empty));
    let mine_k = keyed(mine);
    let current = theirs.clone();
    let theirs_k = keyed(&current);
    let same = |a: &Table, b: &Table| table_meaning(a) == table_meaning(b);
    let mut result = ArrayOfTables::new();
    let mut collided: Vec<Table> = Vec::new();
    for (k, t) in &theirs_k {
        let at = item_label(path, &k.0);
        match (find(&base_k, k), find(&mine_k, k)) {
            (Some(b), Some(m)) => {
                let mut merged = (*t).clone();
                merge_into(b, m, &mut merged, &at, out);
                result.push(merged);
            }
            (Some(b), None) => {
                // Removed in the editor: gone, unless it was changed outside meanwhile.
                if !same(b, t) {
                    out.out.conflicts.push(Conflict {
                        key: at,
                        mine: "(removed)".into(),
                        theirs: table_meaning(t),
                    });
                    result.push((*t).clone());
                }
            }
            (None, Some(m)) => {
                // Added on both sides under the same id.
                if !same(m, t) {
                    match k.0 {
                        Ident::Number(_) => collided.push(m.clone()),
                        _ => out.out.conflicts.push(Conflict {
                            key: at,
                            mine: table_meaning(m),
                            theirs: table_meaning(t),
                        }),
                    }
                }
                result.push((*t).clone());
            }
            (None, None) => result.push((*t).clone()),
        }
    }
    for (k, m) in &mine_k {
        if find(&theirs_k, k).is_some() {
            continue;
        }
        match find(&base_k, k) {
            None => {
                let mut added = (*m).clone();
                place(&mut added, None);
                result.push(added);
            }
            // Removed outside: it stays removed, unless it was changed in the editor.
            Some(b) if !same(b, m) => out.out.conflicts.push(Conflict {
                key: item_label(path, &k.0),
                mine: table_meaning(m),
                theirs: "(removed)".into(),
            }),
            Some(_) => {}
        }
    }
    let highest = [&base_k, &mine_k, &theirs_k]
        .iter()
        .flat_map(|items| items.iter())
        .filter_map(|((id, _), _)| match id {
            Ident::Number(n) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut next = highest.saturating_add(1);
    for mut m in collided {
        let from = match ident(&m) {
            Ident::Number(n) => n,
            _ => continue,
        };
        let mut number = Value::from(next);
        if let Some(Item::Value(old)) = m.get("id") {
            *number.decor_mut() = old.decor().clone();
        }
        m.insert("id", Item::Value(number));
        place(&mut m, None);
        result.push(m);
        out.out.renumbered.push(Renumbered {
            key: path.to_string(),
            from,
            to: next,
        });
        next = next.saturating_add(1);
    }
    *theirs = result;
}

#[path = "merge3_sets.rs"]
mod sets;

#[cfg(test)]
#[path = "merge3_tests.rs"]
mod tests;
