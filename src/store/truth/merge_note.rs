//! The explanation put above the text when the editor reopens after a conflict, and its
//! removal before the text is read: lines starting `# rolo:` at the very top.

use super::merge3::Conflict;

pub const MARK: &str = "# rolo:";

/// The `# rolo:` lines naming each key both sides changed, with both values.
pub fn note(conflicts: &[Conflict]) -> String {
    let mut lines = vec![
        "The file changed while you were editing it. Everything else you changed is saved."
            .to_string(),
        "These were changed both here and in the file, so the file keeps its value for now:"
            .to_string(),
    ];
    for c in conflicts {
        let said = format!("  {}: yours {}, the file's {}", c.key, c.mine, c.theirs);
        // A value over several lines stays inside the comment, line by line.
        lines.extend(said.lines().map(str::to_string));
    }
    lines.push(
        "To keep yours, change it below and save; to keep the file's, quit unchanged.".into(),
    );
    lines.push("These \"# rolo:\" lines are removed when you save.".into());
    lines
        .iter()
        .map(|l| format!("{MARK} {}\n", l.replace('\r', " ")))
        .collect()
}

/// The text without the note at its top (a text without one is returned as it is).
pub fn strip(text: &str) -> &str {
    // An editor that saves with a byte-order mark of its own (vim's `bomb`, old Notepad): the
    // text was shown without one, and the file keeps the BOM it had (`Style`).
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    while rest.starts_with(MARK) {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_names_each_key_and_comes_off_whole() {
        let conflicts = [Conflict {
            key: "notes".into(),
            mine: "\"two\nlines\"".into(),
            theirs: "\"one\"".into(),
        }];
        let note = note(&conflicts);
        assert!(note.lines().all(|l| l.starts_with(MARK)), "{note}");
        assert!(note.contains("notes: yours \"two"), "{note}");
        let text = "name = \"Ada\"\n";
        assert_eq!(strip(&format!("{note}{text}")), text);
        assert_eq!(strip(text), text);
        assert_eq!(strip("# rolo: only"), "");
        // A BOM the editor saved, before the note or before the text, comes off too.
        assert_eq!(strip(&format!("\u{feff}{note}{text}")), text);
        assert_eq!(strip(&format!("\u{feff}{text}")), text);
    }
}
