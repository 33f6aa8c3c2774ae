//! Taking a change back in a contact file that has changed since: the store's three-way merge
//! (`merge_document`, the one `$EDITOR` edits use) applied backwards. What the change did,
//! from the file it left (`after`) to the file before it (`before`), is applied key by key to
//! the file as it is now, so a later edit of another key, need or follow-up is kept, and so
//! are comments. A key the change set that a later change set again is a conflict: nothing
//! is written.

use super::reverse::Blocker;
use crate::store::{Style, decode, merge_document};
use std::path::Path;
use toml_edit::DocumentMut;

/// `now` with the change from `before` to `after` taken back, or what stands in the way.
pub fn reverse(rel: &str, after: &str, before: &str, now_raw: &str) -> Result<Vec<u8>, Blocker> {
    let strip = |t: &str| t.trim_start_matches('\u{feff}').to_string();
    let style = Style::of(now_raw);
    let parse = |t: &str| -> Option<DocumentMut> { strip(t).parse().ok() };
    let (Some(after), Some(before)) = (parse(after), parse(before)) else {
        return Err(Blocker::File);
    };
    let Some(mut out) = parse(now_raw) else {
        return Err(Blocker::Unreadable(format!("{rel} does not read now")));
    };
    let outcome = merge_document(&after, &before, &mut out);
    if !outcome.conflicts.is_empty() {
        return Err(Blocker::Keys(
            outcome.conflicts.into_iter().map(|c| c.key).collect(),
        ));
    }
    if !outcome.renumbered.is_empty() {
        // Putting a need back under another number would change what its number means.
        return Err(Blocker::Keys(
            outcome
                .renumbered
                .into_iter()
                .map(|r| format!("{} #{}", r.key, r.from))
                .collect(),
        ));
    }
    let text = style.lines(&out.to_string()).into_owned();
    let id = Path::new(rel)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    decode::contact(id, Path::new(rel), &text).map_err(|p| {
        Blocker::Unreadable(format!("taking it back would leave {rel} unreadable ({p})"))
    })?;
    Ok(style.bytes(&text))
}

/// The conflicts the file `state` has with taking the change back: what a later change that
/// touched the same key changes (compared between a commit and its parent).
pub fn conflicts_at(after: &str, before: &str, state: Option<&str>) -> Vec<String> {
    let parse = |t: &str| -> Option<DocumentMut> { t.trim_start_matches('\u{feff}').parse().ok() };
    let (Some(after), Some(before)) = (parse(after), parse(before)) else {
        return Vec::new();
    };
    let Some(mut theirs) = state.and_then(parse) else {
        return vec!["(the file)".into()];
    };
    merge_document(&after, &before, &mut theirs)
        .conflicts
        .into_iter()
        .map(|c| format!("{}={}", c.key, c.theirs))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEFORE: &str = "name = \"Aiko Tanaka\" # a friend\n\n[[need]]\nid = 2\nwhat = \"a flat\"\nsince = 2026-11-01\nstatus = \"open\"\n";

    fn met(how: &str) -> String {
        BEFORE.replace(
            "status = \"open\"\n",
            &format!("status = \"met\"\nmet_on = 2026-12-03\nhow = \"{how}\"\n"),
        )
    }

    #[test]
    fn a_later_edit_of_another_key_is_kept() {
        let after = met("intro to Sofia");
        let now = after.replace("name = \"Aiko Tanaka\"", "name = \"Aiko T.\"");
        let back = reverse("contacts/aiko.toml", &after, BEFORE, &now).unwrap();
        let want = BEFORE.replace("name = \"Aiko Tanaka\"", "name = \"Aiko T.\"");
        assert_eq!(String::from_utf8(back).unwrap(), want);
    }

    #[test]
    fn a_later_change_of_the_same_need_blocks() {
        let after = met("intro to Sofia");
        let now = met("dinner with Ken");
        let Err(Blocker::Keys(keys)) = reverse("contacts/aiko.toml", &after, BEFORE, &now) else {
            panic!("should conflict");
        };
        assert_eq!(keys, ["need #2 how"]);
    }

    #[test]
    fn crlf_and_bom_stay() {
        let after = met("x");
        let now = format!("\u{feff}{}", after.replace('\n', "\r\n"));
        let now = now.replace("name = \"Aiko Tanaka\"", "name = \"Aiko\"");
        let back = String::from_utf8(reverse("contacts/aiko.toml", &after, BEFORE, &now).unwrap())
            .unwrap();
        assert!(back.starts_with('\u{feff}'));
        assert!(!back.replace("\r\n", "").contains('\n'), "{back:?}");
        assert!(back.contains("status = \"open\"\r\n"));
    }
}
