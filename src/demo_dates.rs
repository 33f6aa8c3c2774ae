//! The bundled demo is written as of `DEMO_TODAY`. Tried later as is, everyone in it would be
//! months overdue and every need a year old; so the copy is moved forward by whole weeks (the
//! weekdays in its notes stay true) to land its "today" on the real one. Only the dates that
//! mean a moment move: entry times (and the dates in entry ids), needs' `since` and `met_on`,
//! promises' `due`, and birthdays, since notes celebrate them ("Happy birthday to Inès") and
//! must still fall on them. The one birthday on 29 February stays, to show how rolo treats it.
//! Entries move into the month files of their new dates.

use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

/// The day the demo's files describe.
pub const DEMO_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 24) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// Whole weeks from the demo's day to `today` (negative before it).
pub fn shift_for(today: NaiveDate) -> Duration {
    Duration::weeks((today - DEMO_TODAY).num_days().div_euclid(7))
}

/// The demo files moved by `shift`: the same contacts, and the same entries in the month
/// files of their new dates. With no shift, the files are returned exactly as they are.
pub fn shifted(files: &[(&str, &str)], shift: Duration) -> Vec<(String, String)> {
    if shift.is_zero() {
        return files
            .iter()
            .map(|(rel, text)| (rel.to_string(), text.to_string()))
            .collect();
    }
    let mut out = Vec::new();
    let mut months: BTreeMap<String, String> = BTreeMap::new();
    for (rel, text) in files {
        if rel.starts_with("journal/") {
            for block in entry_blocks(text) {
                let block = shift_lines(block, shift, &["at", "id"]);
                let Some(month) = month_of(&block) else {
                    continue;
                };
                let file = months.entry(month).or_default();
                if !file.is_empty() {
                    file.push('\n');
                }
                file.push_str(&block);
            }
        } else {
            let text = shift_lines(text, shift, &["since", "met_on", "due", "birthday"]);
            out.push((rel.to_string(), shift_month_days(&text, shift)));
        }
    }
    out.extend(months);
    out
}

/// A month file's `[[entry]]` blocks, each up to the next one (blank lines trimmed).
fn entry_blocks(text: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = text.match_indices("[[entry]]").map(|(i, _)| i).collect();
    starts.push(text.len());
    starts
        .windows(2)
        .map(|w| text[w[0]..w[1]].trim_end())
        .collect()
}

/// `journal/YYYY/YYYY-MM.toml` for a block, from its (already moved) `at` line.
fn month_of(block: &str) -> Option<String> {
    let at = block.lines().find_map(|l| l.strip_prefix("at = "))?;
    let (year, month) = (at.get(0..4)?, at.get(5..7)?);
    Some(format!("journal/{year}/{year}-{month}.toml"))
}

/// `text` with the date at the start of the value of each `key = ` line moved by `shift`
/// (quoted or not: ids are strings that start with their date).
fn shift_lines(text: &str, shift: Duration, keys: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let moved = keys.iter().find_map(|key| {
            let value = line.strip_prefix(key)?.strip_prefix(" = ")?;
            let quote = if value.starts_with('"') { "\"" } else { "" };
            let date = value.get(quote.len()..quote.len() + 10)?;
            let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()? + shift;
            let rest = &value[quote.len() + 10..];
            Some(format!("{key} = {quote}{}{rest}", day.format("%Y-%m-%d")))
        });
        out.push_str(moved.as_deref().unwrap_or(line));
    }
    out
}

/// `text` with a birthday written without a year (`birthday = "12-07"`) moved by `shift`,
/// counted in a year without 29 February; a 29 February birthday stays.
fn shift_month_days(text: &str, shift: Duration) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let moved = line
            .strip_prefix("birthday = \"")
            .and_then(|v| v.get(..5).zip(v.get(5..)))
            .filter(|(md, rest)| *md != "02-29" && rest.starts_with('"'))
            .and_then(|(md, rest)| {
                let day = NaiveDate::parse_from_str(&format!("2001-{md}"), "%Y-%m-%d").ok()?;
                Some(format!(
                    "birthday = \"{}{rest}",
                    (day + shift).format("%m-%d")
                ))
            });
        out.push_str(moved.as_deref().unwrap_or(line));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_weeks_only() {
        assert_eq!(shift_for(DEMO_TODAY), Duration::zero());
        assert_eq!(shift_for(DEMO_TODAY + Duration::days(6)), Duration::zero());
        assert_eq!(
            shift_for(DEMO_TODAY + Duration::days(7)),
            Duration::weeks(1)
        );
        assert_eq!(
            shift_for(DEMO_TODAY - Duration::days(1)),
            Duration::weeks(-1)
        );
    }

    #[test]
    fn entries_move_to_the_month_of_their_new_date() {
        let month = "[[entry]]\nid = \"2026-11-20-0900-ana\"\nat = 2026-11-20T09:00:00+01:00\nwith = [\"ana\"]\nnote = \"at = 2020-01-01 stays\"\n\n[[entry]]\nid = \"2026-11-02-0900-bo\"\nat = 2026-11-02T09:00:00+01:00\nwith = [\"bo\"]\n";
        let contact = "name = \"Ana\"\nbirthday = 1990-11-20\n\n[[needs]]\nid = 1\nwhat = \"a flat\"\nsince = 2026-11-01\n";
        let leap = "name = \"Bo\"\nbirthday = \"02-29\"\n";
        let no_year = "name = \"Cy\"\nbirthday = \"12-25\"\n";
        let files = [
            ("journal/2026/2026-11.toml", month),
            ("contacts/ana.toml", contact),
            ("contacts/bo.toml", leap),
            ("contacts/cy.toml", no_year),
        ];
        let moved = shifted(&files, Duration::weeks(2));
        let get = |rel: &str| {
            moved
                .iter()
                .find(|(r, _)| r == rel)
                .map(|(_, t)| t.as_str())
                .unwrap_or_else(|| panic!("{rel} in {moved:?}"))
        };
        assert_eq!(
            get("contacts/ana.toml"),
            contact
                .replace("since = 2026-11-01", "since = 2026-11-15")
                .replace("birthday = 1990-11-20", "birthday = 1990-12-04")
        );
        assert_eq!(get("contacts/bo.toml"), leap);
        assert_eq!(get("contacts/cy.toml"), no_year.replace("12-25", "01-08"));
        assert_eq!(
            get("journal/2026/2026-12.toml"),
            "[[entry]]\nid = \"2026-12-04-0900-ana\"\nat = 2026-12-04T09:00:00+01:00\nwith = [\"ana\"]\nnote = \"at = 2020-01-01 stays\""
        );
        assert_eq!(
            get("journal/2026/2026-11.toml"),
            "[[entry]]\nid = \"2026-11-16-0900-bo\"\nat = 2026-11-16T09:00:00+01:00\nwith = [\"bo\"]"
        );
        assert_eq!(moved.len(), 5);
    }

    #[test]
    fn no_shift_gives_the_files_as_they_are() {
        let files = [(
            "journal/2026/2026-11.toml",
            "[[entry]]\nat = 2026-11-20T09:00:00+01:00\n\n\n",
        )];
        assert_eq!(
            shifted(&files, Duration::zero()),
            vec![(files[0].0.to_string(), files[0].1.to_string())]
        );
    }
}
