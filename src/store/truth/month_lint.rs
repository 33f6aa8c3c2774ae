//! Cross-file checks on the journal's months: what loads but looks wrong across files (an
//! entry id written twice). Checks within one file come with the file (`decode`).

use super::gather::MonthView;
use super::problem::Problem;
use crate::fasthash::FastBuild;
use std::hash::BuildHasher;

/// Cross-file checks on the journal, month files in file order; everything here still loads,
/// the warnings say what looks wrong. (Checks within one contact file come with the file:
/// `decode::contact_with_warnings`; whether each person named exists is checked as a month is
/// read, see `decode::month_entries`.)
pub(in crate::store) fn lint_months(months: &[MonthView<'_>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut repeated = repeated_ids(months).into_iter().peekable();
    let mut pos = 0;
    for view in months {
        let MonthView {
            path,
            month,
            entries,
            locs,
        } = view;
        let mut odd_with = locs.odd_with.iter().peekable();
        let mut with_seen = 0;
        let mut odd_kinds = locs.odd_kinds.iter().peekable();
        for (ix, e) in entries.iter().enumerate() {
            let at = locs.id.get(ix).copied().unwrap_or_default().line_col();
            if let Some((_, other)) = repeated.next_if(|(p, _)| *p == pos) {
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "entry id \"{}\" is used twice (also in {})",
                        e.id,
                        months[other].path.display()
                    ),
                ));
            }
            for who in &e.with {
                if let Some((_, loc)) = odd_with.next_if(|(i, _)| *i as usize == with_seen) {
                    problems.push(Problem::warning(
                        path,
                        loc.line_col(),
                        format!("no contact \"{who}\" (no file contacts/{who}.toml)"),
                    ));
                }
                with_seen += 1;
            }
            if let Some((_, loc)) = odd_kinds.next_if(|(i, _)| *i as usize == ix) {
                problems.push(Problem::warning(
                    path,
                    loc.line_col(),
                    format!(
                        "unknown kind \"{}\"; known kinds are note, coffee, call, message, email, meeting, event, intro, gift",
                        e.kind
                    ),
                ));
            }
            pos += 1;
            if e.month() != *month {
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "entry \"{}\" is dated {} but sits in the file for {:04}-{:02}",
                        e.id,
                        e.at.format("%Y-%m-%d"),
                        month.0,
                        month.1
                    ),
                ));
            }
        }
    }
    problems
}

/// Entries whose id an earlier entry (in file order, over all the months) has too: each one's
/// position over all the months and the month of the nearest such earlier entry, in position
/// order. Positions sorted by a 32-bit hash of their id take a third of the memory a hash map
/// of the ids needed at the peak of a large load; equal hashes are told apart by the ids.
fn repeated_ids(months: &[MonthView<'_>]) -> Vec<(usize, usize)> {
    let starts: Vec<usize> = months
        .iter()
        .scan(0, |next, m| {
            let start = *next;
            *next += m.entries.len();
            Some(start)
        })
        .collect();
    let month_of = |pos: usize| starts.partition_point(|&s| s <= pos).saturating_sub(1);
    let id_at = |pos: usize| {
        let m = month_of(pos);
        let ix = pos - starts[m];
        months[m].entries.get(ix).map_or("", |e| e.id.as_str())
    };
    let hasher = FastBuild::default();
    let mut keyed: Vec<u64> = Vec::with_capacity(months.iter().map(|m| m.entries.len()).sum());
    for (view, start) in months.iter().zip(&starts) {
        for (ix, e) in view.entries.iter().enumerate() {
            let h = hasher.hash_one(e.id.as_str());
            let h = (h ^ (h >> 32)) as u32;
            let pos = u32::try_from(start + ix).unwrap_or(u32::MAX);
            keyed.push(u64::from(h) << 32 | u64::from(pos));
        }
    }
    keyed.sort_unstable();
    let mut found = Vec::new();
    let mut same_hash = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a >> 32 == b >> 32)
        .filter(|r| r.len() > 1)
    {
        same_hash.clear();
        same_hash.extend(run.iter().map(|k| *k as u32 as usize));
        // Equal ids next to each other, oldest first: each one's nearest earlier twin precedes it.
        same_hash.sort_by(|&a, &b| id_at(a).cmp(id_at(b)).then(a.cmp(&b)));
        for pair in same_hash.windows(2) {
            if id_at(pair[0]) == id_at(pair[1]) {
                found.push((pair[1], month_of(pair[0])));
            }
        }
    }
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::repeated_ids;
    use crate::model::{Entry, Kind};
    use crate::store::truth::gather::{MonthLocs, MonthView};
    use std::path::Path;

    #[test]
    fn a_repeated_id_points_at_its_nearest_earlier_twin() {
        let entry = |id: &str| Entry {
            id: id.to_string(),
            at: chrono::DateTime::parse_from_rfc3339("2026-01-02T10:00:00+00:00").unwrap(),
            with: vec![],
            kind: Kind::Note,
            note: String::new(),
            gave: None,
            asked: None,
        };
        let months = [
            vec![entry("a"), entry("b")],
            vec![],
            vec![entry("a"), entry("c"), entry("a")],
            vec![entry("b"), entry("d")],
        ];
        let locs = MonthLocs::default();
        let views: Vec<MonthView> = months
            .iter()
            .enumerate()
            .map(|(m, entries)| MonthView {
                path: Path::new("x"),
                month: (2026, m as u32 + 1),
                entries,
                locs: &locs,
            })
            .collect();
        // Positions over all months: a0 b1 | | a2 c3 a4 | b5 d6.
        assert_eq!(repeated_ids(&views), [(2, 0), (4, 2), (5, 0)]);
        assert_eq!(repeated_ids(&views[1..2]), []);
    }
}
