//! Lists as sets, for the three-way merge of a sync (`Lists::Sets`): two machines that each
//! added a tag both keep theirs.

use toml_edit::{Item, Key, Table, Value};

/// A value as a set member: what it says, however it is written.
fn member(v: &Value) -> String {
    let mut v = v.clone();
    v.decor_mut().clear();
    v.to_string()
}

/// Both sides changed an array of plain values: `theirs` keeps its own, loses what `mine`
/// removed and gains what `mine` added, in `mine`'s order after its own. `false` (nothing
/// done) when any side holds something else than such an array.
pub(super) fn merge_set(
    base: Option<(&Key, &Item)>,
    mine: Option<(&Key, &Item)>,
    theirs: &mut Table,
    key: &str,
) -> bool {
    let values = |x: Option<(&Key, &Item)>| -> Option<Vec<String>> {
        match x.map(|(_, i)| i) {
            None => Some(Vec::new()),
            Some(Item::Value(Value::Array(a))) => Some(a.iter().map(member).collect()),
            Some(_) => None,
        }
    };
    let Some(b) = values(base) else {
        return false;
    };
    let Some((_, Item::Value(Value::Array(m)))) = mine else {
        return false;
    };
    let Some(Item::Value(Value::Array(t))) = theirs.get_mut(key) else {
        return false;
    };
    let m_members: Vec<String> = m.iter().map(member).collect();
    let before = t.len();
    let mut changed = false;
    // What `mine` removed goes; the rest of theirs stays where it is.
    let mut i = 0;
    while i < t.len() {
        let gone = t
            .get(i)
            .map(member)
            .is_some_and(|v| b.contains(&v) && !m_members.contains(&v));
        if gone {
            t.remove(i);
            changed = true;
        } else {
            i += 1;
        }
    }
    for (v, text) in m.iter().zip(&m_members) {
        let there = t.iter().any(|x| member(x) == *text);
        if !b.contains(text) && !there {
            let mut v = v.clone();
            v.decor_mut().clear();
            t.push_formatted(v);
        }
    }
    if changed || t.len() != before {
        // Written the usual way (`["a", "b"]`): a removed first item or an added last one
        // would otherwise leave odd spaces.
        t.fmt();
    }
    true
}
