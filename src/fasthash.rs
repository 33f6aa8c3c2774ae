//! The hasher for the maps and sets of load-time checks and indexes, which look up hundreds of
//! thousands of short ids. std's SipHash guards a server against crafted keys; rolo hashes the
//! person's own files, where that protection buys nothing and SipHash was a tenth of a large
//! load. foldhash is hashbrown's own default hasher (already in the tree through it); its
//! fixed seed keeps every run's map order the same, as rolo's hand-written hasher did before
//! it (measured equal or faster: PERFORMANCE.md, "Hand-written pieces against crates").

pub type FastBuild = foldhash::fast::FixedState;
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;
pub type FastSet<K> = std::collections::HashSet<K, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_what_was_put_in_and_nothing_else() {
        let ids: Vec<String> = (0..5_000)
            .map(|i| format!("2026-11-24-{i:04}-ada"))
            .collect();
        let set: FastSet<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(set.len(), ids.len());
        assert!(ids.iter().all(|id| set.contains(id.as_str())));
        assert!(!set.contains("2026-11-24-5000-ada"));
        assert!(!set.contains(""));
    }
}
