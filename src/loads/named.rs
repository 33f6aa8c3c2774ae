//! Reads of only the cards a command's entries name (and its person's): for commands that
//! print nothing about anyone else (`timeline`, `show`, a brief that ranks no helpers).

use super::{ByNames, Needs, by_names};
use crate::journal::Journal;
use crate::model::Contact;
use crate::store::{ContactFiles, Store, StoreError};

/// A read of only the cards its entries name: for whom (an id; `None` for everyone's newest
/// entries), and the contact files there are.
pub struct Named {
    pub who: Option<String>,
    pub files: ContactFiles,
}

/// When `needs` reads only the contacts its entries name: for the newest entries of everyone,
/// and when the query names one person (an id with a file, which resolves to its person
/// whoever else there is, `Journal::resolve`, or a name that fits one person) and, for a
/// brief, their card has no open need. `None` when the query names no one or several,
/// helpers are ranked, or the contacts folder cannot be listed (the full path then says
/// why, as a full load would). A name is resolved as `person_or_newest` resolves it;
/// `journal_for` does not call this, so as not to resolve it twice.
pub fn named_only_for(store: &Store, needs: &Needs) -> Option<Named> {
    let files = store.contact_files().ok()?;
    if let Some(named) = named_by_id(store, needs, &files) {
        return Some(named);
    }
    let (Needs::Newest {
        who: Some(query), ..
    }
    | Needs::Brief(query)) = needs
    else {
        return None;
    };
    let (query, kept) = (query.trim(), store.kept_names());
    let guess = store.guess_by_name(&kept, query);
    match by_names(store, query, &files, &kept, &guess).ok()? {
        ByNames::One(id, _) => named_for(store, needs, Some(&id), &files),
        ByNames::NotOne(_) => None,
    }
}

/// `named_only_for` where no name needs resolving: everyone's newest entries, or an id with
/// a file (for a brief, one with no open need).
pub(super) fn named_by_id(store: &Store, needs: &Needs, files: &ContactFiles) -> Option<Named> {
    let query = match needs {
        Needs::Newest { who, .. } => who.as_deref().map(str::trim),
        Needs::Brief(q) => Some(q.trim()),
        _ => return None,
    };
    named_for(store, needs, query, files)
}

/// `named_by_id` for `id` (`None`: everyone's newest entries).
pub(super) fn named_for(
    store: &Store,
    needs: &Needs,
    id: Option<&str>,
    files: &ContactFiles,
) -> Option<Named> {
    let files = files.clone();
    match id {
        None => Some(Named { who: None, files }),
        Some(id) if files.has(id) => {
            let ranks_helpers = matches!(needs, Needs::Brief(_)) && !no_open_need(store, id);
            (!ranks_helpers).then(|| Named {
                who: Some(id.to_string()),
                files,
            })
        }
        Some(_) => None,
    }
}

/// Whether `id`'s card has no open need; a card that does not load, as a full load has it
/// (its stand-in).
fn no_open_need(store: &Store, id: &str) -> bool {
    let none_open = |c: &Contact| c.open_needs().next().is_none();
    match store.load_contact_or_stand_in(id) {
        Ok(c) => none_open(&c),
        Err(broken) => broken.stand_in.is_none_or(|c| none_open(&c)),
    }
}

/// The entries `load_newest` gives, with only the contacts they name and `who` (an id with a
/// file): for a command that prints nothing about anyone else. The contact files that did not
/// load are counted among those read, not all (see `Store::load_contacts_named`).
pub(super) fn named_only(store: &Store, named: Named, count: usize) -> Result<Journal, StoreError> {
    let who = named.who.as_deref();
    let read = store.load_newest(who, count)?;
    let ids = who.into_iter().chain(
        read.items
            .iter()
            .flat_map(|e| e.with.iter().map(String::as_str)),
    );
    let contacts = store.load_contacts_named(&named.files, ids)?;
    Ok(Journal::new(contacts)
        .with_entries_of_one(read)
        .holding_only_some())
}
