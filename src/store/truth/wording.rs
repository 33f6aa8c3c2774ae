//! The TOML parser's complaints, reworded for a person who hand-edited a file. The parser
//! speaks of "basic strings" and "sequences"; a person wants to know which key is wrong and
//! what to type instead. Messages this does not recognise pass through unchanged.

/// Where a merge left conflict markers (`<<<<<<<` at the start of a line), by byte: a file
/// merged by a plain `git pull` without rolo's merges. Said as what it is, with the way out,
/// rather than as the parse error the markers cause.
pub fn conflict_markers(text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("<<<<<<<") {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// What a file with conflict markers is, and how out.
pub const CONFLICT_MARKERS: &str = "a git merge left conflict markers here (<<<<<<<, =======, >>>>>>>), so the file holds two versions and rolo will not read or change it: keep the lines you want and delete the marker lines (or take one side whole: `git checkout --ours FILE` or `--theirs FILE`), then `git add FILE` and `git commit`; `rolo sync` merges key by key and never leaves markers";

/// A reworded message for the parser's `message` about the text at byte `at`.
pub fn reword(message: &str, text: &str, at: usize) -> String {
    let next = text.get(at..).and_then(|rest| rest.chars().next());
    if let Some(kind) = message.strip_prefix("invalid ")
        && let Some(quote) = string_quote(kind.split(',').next().unwrap_or(kind))
    {
        return match next {
            None | Some('\n' | '\r') => {
                format!("this string is never closed; add the closing `{quote}`")
            }
            Some(c) if c.is_control() => format!(
                "a control character (U+{:04X}) cannot be typed inside a string; write it as \\u{:04X}",
                u32::from(c),
                u32::from(c)
            ),
            Some(_) => message.to_string(),
        };
    }
    if message.starts_with("missing escaped value") {
        return match next {
            Some(c) if !c.is_whitespace() && !c.is_control() => format!(
                "`\\{c}` is not a known escape; write `\\\\` for a backslash (known: \\n \\t \\\" \\\\ \\uXXXX)"
            ),
            _ => "a backslash at the end of a string; write `\\\\` for a backslash".to_string(),
        };
    }
    if message == "duplicate key" {
        return duplicate(text, at);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return wrong_type(rest, text, at).unwrap_or_else(|| message.to_string());
    }
    if let Some(rest) = message.strip_prefix("invalid date, ") {
        return format!("{} is not a real date ({rest})", token(text, at));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("missing {field}");
    }
    message.to_string()
}

fn string_quote(kind: &str) -> Option<&'static str> {
    match kind {
        "basic string" => Some("\""),
        "literal string" => Some("'"),
        "multi-line basic string" => Some("\"\"\""),
        "multi-line literal string" => Some("'''"),
        _ => None,
    }
}

/// The line holding byte `at`, and the part of it before `at`.
fn line_around(text: &str, at: usize) -> (&str, &str) {
    let at = floor_boundary(text, at);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (&text[start..end], &text[start..at])
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The word starting at `at`: a key, a table name or a bare value such as a date.
fn token(text: &str, at: usize) -> &str {
    let at = floor_boundary(text, at);
    let rest = &text[at..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '=' | ']' | '[' | ',' | '#' | '.'))
        .unwrap_or(rest.len());
    rest[..end].trim_matches('"')
}

fn duplicate(text: &str, at: usize) -> String {
    let (line, _) = line_around(text, at);
    let key = token(text, at);
    let header = line.trim_start();
    if header.starts_with("[[") {
        format!(
            "`{key}` is already a single value or table above; it cannot also be a [[{key}]] list"
        )
    } else if header.starts_with('[') {
        format!(
            "[{key}] is already defined above; a table can appear only once (use [[{key}]] for a list)"
        )
    } else {
        format!("`{key}` is set twice; keep only one")
    }
}

/// `string "often", expected i64` at a value -> "`keep_in_touch_days` must be ...".
fn wrong_type(rest: &str, text: &str, at: usize) -> Option<String> {
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let wanted = match expected {
        "i64" | "u32" | "u64" | "i32" | "an integer" => "a whole number",
        "a sequence" => "a list like [\"a\", \"b\"]",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        other => other,
    };
    let found = match found.split_once(' ') {
        Some(("string", s)) => format!("the text {s}"),
        Some(("integer" | "float", n)) => format!("the number {}", n.trim_matches('`')),
        Some(("boolean", b)) => b.trim_matches('`').to_string(),
        _ => found.to_string(),
    };
    let (_, before) = line_around(text, at);
    let key = before
        .trim_end()
        .strip_suffix('=')
        .map(|k| k.trim().trim_matches('"'))
        .filter(|k| !k.is_empty());
    Some(match key {
        Some(k) => format!("`{k}` must be {wanted}, not {found}"),
        None => format!("expected {wanted} here, not {found}"),
    })
}

#[cfg(test)]
mod tests {
    use super::{conflict_markers, reword};

    #[test]
    fn conflict_markers_are_found_at_the_start_of_a_line_only() {
        let text = "name = \"Ada\"\n<<<<<<< HEAD\nrole = \"a\"\n=======\nrole = \"b\"\n>>>>>>> x\n";
        assert_eq!(conflict_markers(text), Some(13));
        assert_eq!(conflict_markers("note = \"<<<<<<< in a note\"\n"), None);
    }

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).expect("needle")
    }

    #[test]
    fn wrong_types_name_the_key() {
        let t = "name = \"A\"\nkeep_in_touch_days = \"often\"\n";
        assert_eq!(
            reword(
                "invalid type: string \"often\", expected i64",
                t,
                at(t, "\"often")
            ),
            "`keep_in_touch_days` must be a whole number, not the text \"often\""
        );
    }

    #[test]
    fn unknown_messages_pass_through() {
        assert_eq!(reword("something new", "", 0), "something new");
        assert_eq!(reword("invalid type: ", "x", 5), "invalid type: ");
    }
}
