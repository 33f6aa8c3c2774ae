//! After every step: the folder on disk and what the TUI shows must both be the model.

use super::disk;
use super::model::{Card, FollowUp, Model, Need};
use rolo::app::AppState;
use rolo::journal::Journal;
use rolo::model::NeedStatus;

/// The folder on disk, read independently, against the model.
pub fn disk(root: &std::path::Path, model: &Model) -> Result<(), String> {
    let found = disk::read(root)?;
    match disk::diff(&found, &disk::expected(model)) {
        None => Ok(()),
        Some(d) => Err(format!("the folder is not what was written:\n  {d}")),
    }
}

fn card_of(c: &rolo::model::Contact) -> Card {
    let mut needs: Vec<Need> = c
        .needs
        .iter()
        .map(|n| Need {
            id: n.id,
            what: n.what.clone(),
            open: n.status == NeedStatus::Open,
        })
        .collect();
    needs.sort();
    let mut follow_ups: Vec<FollowUp> = c
        .follow_ups
        .iter()
        .map(|f| FollowUp {
            id: f.id,
            what: f.what.clone(),
            due: f.due,
            done: f.done,
        })
        .collect();
    follow_ups.sort();
    Card {
        name: c.name.clone(),
        aliases: c.aliases.clone(),
        needs,
        follow_ups,
    }
}

/// What the TUI holds and lists after a refresh tick, against the model: everyone listed
/// (a broken file's person too, a deleted one not), every card, every entry.
pub fn tui(state: &AppState, journal: &Journal, model: &Model) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut listed: Vec<String> = state
        .rows
        .iter()
        .filter_map(|r| journal.contact(r.ix).map(|c| c.id.clone()))
        .collect();
    listed.sort();
    let want: Vec<String> = model.ids();
    if listed != want {
        let extra: Vec<_> = listed.iter().filter(|i| !want.contains(i)).collect();
        let missing: Vec<_> = want.iter().filter(|i| !listed.contains(i)).collect();
        problems.push(format!(
            "the contact list shows {extra:?} that should be gone and lacks {missing:?}"
        ));
    }
    for (id, p) in &model.people {
        if p.broken.is_some() {
            continue;
        }
        let mut card = p.card.clone();
        card.needs.sort();
        card.follow_ups.sort();
        match journal.by_id(id) {
            None => problems.push(format!("{id}: not in the TUI")),
            Some(c) if card_of(c) != card => problems.push(format!(
                "{id}: the TUI shows {:?}\n   expected {card:?}",
                card_of(c)
            )),
            _ => {}
        }
    }
    let mut entries: Vec<(Vec<String>, String)> = journal
        .timeline()
        .map(|e| (e.with.clone(), e.note.clone()))
        .collect();
    entries.sort();
    let want = model.entries_sorted();
    if entries != want {
        let extra: Vec<_> = entries.iter().filter(|e| !want.contains(e)).collect();
        let lost: Vec<_> = want.iter().filter(|e| !entries.contains(e)).collect();
        problems.push(format!(
            "the TUI's entries: unexpected {extra:?}; missing {lost:?}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("the TUI disagrees:\n  {}", problems.join("\n  ")))
    }
}
