//! An independent reading of the data folder with the `toml` crate (not rolo's store), in the
//! same shape as the model, so the two can be compared after every step.

use super::model::{Card, EntryView, FollowUp, Model, Need};
use std::collections::BTreeMap;
use std::path::Path;
use toml::{Table, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileView {
    Card(Card),
    /// The file does not parse; its bytes.
    Broken(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    pub people: BTreeMap<String, FileView>,
    pub entries: Vec<EntryView>,
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

fn list(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn tables<'a>(t: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    t.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table)
}

fn date(v: Option<&Value>) -> Option<chrono::NaiveDate> {
    let d = v?.as_datetime()?.date?;
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

pub fn card(t: &Table) -> Card {
    let mut needs: Vec<Need> = tables(t, "need")
        .map(|n| Need {
            id: n.get("id").and_then(Value::as_integer).unwrap_or(-1) as u32,
            what: text(n.get("what")),
            open: text(n.get("status")) == "open",
        })
        .collect();
    needs.sort();
    let mut follow_ups: Vec<FollowUp> = tables(t, "follow_up")
        .map(|f| FollowUp {
            id: f.get("id").and_then(Value::as_integer).unwrap_or(-1) as u32,
            what: text(f.get("what")),
            due: date(f.get("due")),
            done: f.get("done").and_then(Value::as_bool).unwrap_or(false),
        })
        .collect();
    follow_ups.sort();
    Card {
        name: text(t.get("name")),
        aliases: list(t.get("aliases")),
        needs,
        follow_ups,
    }
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Read the folder. A month file that does not parse is an error: only contacts are broken.
pub fn read(root: &Path) -> Result<Folder, String> {
    let mut people = BTreeMap::new();
    for path in files(&root.join("contacts")) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(id) = name
            .strip_suffix(".toml")
            .filter(|_| !name.starts_with('.'))
        else {
            continue;
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.parse::<Table>().ok());
        let view = match parsed {
            Some(t) => FileView::Card(card(&t)),
            None => FileView::Broken(bytes),
        };
        people.insert(id.to_string(), view);
    }
    let mut entries = Vec::new();
    for year in files(&root.join("journal")) {
        for month in files(&year) {
            if month.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let s =
                std::fs::read_to_string(&month).map_err(|e| format!("{}: {e}", month.display()))?;
            let t: Table = s
                .parse()
                .map_err(|e| format!("{} does not parse: {e}", month.display()))?;
            for e in tables(&t, "entry") {
                entries.push((list(e.get("with")), text(e.get("note"))));
            }
        }
    }
    entries.sort();
    Ok(Folder { people, entries })
}

/// The folder the model says there should be.
pub fn expected(model: &Model) -> Folder {
    let people = model
        .people
        .iter()
        .map(|(id, p)| {
            let view = match &p.broken {
                Some((bytes, _)) => FileView::Broken(bytes.clone()),
                None => {
                    let mut c = p.card.clone();
                    c.needs.sort();
                    c.follow_ups.sort();
                    FileView::Card(c)
                }
            };
            (id.clone(), view)
        })
        .collect();
    Folder {
        people,
        entries: model.entries_sorted(),
    }
}

/// Where the folder on disk and the model disagree, in words; `None` when they agree.
pub fn diff(found: &Folder, want: &Folder) -> Option<String> {
    let mut out = Vec::new();
    for (id, w) in &want.people {
        match found.people.get(id) {
            None => out.push(format!("{id}: file missing, expected {w:?}")),
            Some(f) if f != w => out.push(format!("{id}: on disk {f:?}\n   expected {w:?}")),
            _ => {}
        }
    }
    for (id, f) in &found.people {
        if !want.people.contains_key(id) {
            out.push(format!("{id}: unexpected file {f:?}"));
        }
    }
    if found.entries != want.entries {
        let extra: Vec<_> = found
            .entries
            .iter()
            .filter(|e| !want.entries.contains(e))
            .collect();
        let lost: Vec<_> = want
            .entries
            .iter()
            .filter(|e| !found.entries.contains(e))
            .collect();
        out.push(format!("entries: unexpected {extra:?}; missing {lost:?}"));
    }
    (!out.is_empty()).then(|| out.join("\n  "))
}
