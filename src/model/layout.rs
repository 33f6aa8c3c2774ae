//! Where each record lives, relative to the data folder (`contacts/ID.toml`,
//! `journal/YYYY/YYYY-MM.toml`, `drafts/NAME`): part of the file format, so the core can tell
//! which person a problem's file belongs to without asking the store.

use std::path::{Path, PathBuf};

pub const CONTACTS: &str = "contacts";
pub const JOURNAL: &str = "journal";
pub const DRAFTS: &str = "drafts";

pub fn contact(id: &str) -> PathBuf {
    Path::new(CONTACTS).join(contact_file_name(id))
}

/// The name of `id`'s card in the contacts folder.
pub fn contact_file_name(id: &str) -> String {
    format!("{id}.toml")
}

pub fn month((year, month): (i32, u32)) -> PathBuf {
    Path::new(JOURNAL)
        .join(format!("{year:04}"))
        .join(format!("{year:04}-{month:02}.toml"))
}

pub fn draft(file_name: &str) -> PathBuf {
    Path::new(DRAFTS).join(file_name)
}
