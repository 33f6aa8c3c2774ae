//! A quick hasher for the load-time checks, which look up hundreds of thousands of short ids.
//! std's SipHash guards a server against crafted keys; rolo hashes the person's own files,
//! where that protection buys nothing and SipHash was a tenth of a large load.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const K: u64 = 0x517C_C1B7_2722_0A95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // A product's low bits see only the low bits of what went in, and hash tables pick the
        // bucket from the low bits: bring the well-mixed high bits down (ids that differ only in
        // their month or time otherwise crowd into the same buckets).
        self.0.rotate_left(26)
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;
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
