//! Merging a contact file two machines both changed: the store's three-way merge
//! (`merge_document`, the one `$EDITOR` edits and undo use) with lists as sets. A key changed
//! on one side only is taken from it; lists (tags, aliases, emails) keep what either side
//! added and lose what either removed; needs and follow-ups are matched by number, and the
//! same new number on both sides is renumbered on one; comments and keys rolo does not know
//! travel with the side they are on. The same value changed to two different ones is a clash,
//! settled by `on_clash`. Pure: no files, no git.
//!
//! Nothing in the journal names a need or a follow-up by its number from another file (an
//! intro marks the need met in the contact file itself), so a renumbered one has no
//! references elsewhere to follow.

use super::{Clash, Merged, Side};
use crate::store::{Lists, Style, decode, merge_document_with};
use std::path::Path;
use toml_edit::DocumentMut;

/// Merge `ours` and `theirs`, both changed from `base` (`None`: added on both). `Err` says
/// why the file cannot be merged key by key (a side does not read as TOML).
pub fn merge(
    rel: &str,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    on_clash: Side,
) -> Result<Merged, String> {
    let parse = |t: &str, side: &str| -> Result<DocumentMut, String> {
        t.trim_start_matches('\u{feff}')
            .parse()
            .map_err(|_| format!("{rel} does not read {side}, so it cannot be merged key by key"))
    };
    let base = parse(base.unwrap_or(""), "as it was")?;
    let (ours_doc, theirs_doc) = (parse(ours, "here")?, parse(theirs, "there")?);
    // The kept side is the document merged into: a clash leaves its value.
    let (mut out, other) = match on_clash {
        Side::Ours => (ours_doc, theirs_doc),
        Side::Theirs => (theirs_doc, ours_doc),
    };
    let outcome = merge_document_with(&base, &other, &mut out, Lists::Sets);
    let clashes = outcome
        .conflicts
        .into_iter()
        .map(|c| {
            let (ours, theirs) = match on_clash {
                Side::Ours => (c.theirs, c.mine),
                Side::Theirs => (c.mine, c.theirs),
            };
            Clash {
                what: String::new(),
                key: c.key,
                ours,
                theirs,
            }
        })
        .collect();
    let moved = match on_clash {
        Side::Ours => "there",
        Side::Theirs => "here",
    };
    let renumbered = outcome
        .renumbered
        .into_iter()
        .map(|r| format!("{} #{} added {moved} is now #{}", r.key, r.from, r.to))
        .collect();
    let style = Style::of(ours);
    let text = style.lines(&out.to_string()).into_owned();
    let id = Path::new(rel)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    decode::contact(id, Path::new(rel), &text)
        .map_err(|p| format!("merging {rel} would leave it unreadable ({p})"))?;
    Ok(Merged {
        bytes: style.bytes(&text),
        clashes,
        renumbered,
    })
}

/// Whether `rel` is a contact file: `contacts/ID.toml`.
pub fn is_contact(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    matches!(parts.as_slice(), [c, name] if *c == crate::store::paths::CONTACTS && name.ends_with(".toml"))
}

/// The person's name in a contact file's text, for messages (`None`: none that reads).
pub fn name_in(text: &str) -> Option<String> {
    let doc: DocumentMut = text.trim_start_matches('\u{feff}').parse().ok()?;
    doc.get("name")?.as_str().map(str::to_string)
}

#[cfg(test)]
#[path = "contact_tests.rs"]
mod tests;
