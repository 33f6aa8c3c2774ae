//! The key of an answer that depends only on the cards, the related terms and rolo itself
//! (the helpers ranked for a need read no entry): kept between runs under it, such an answer
//! is used again only while none of those changed (`today_cache.rs`, `brief_cache.rs`). Of
//! each card, only what the ranking reads counts (`Contact::ranked_on`): a promise kept, a
//! birthday or an email changed leaves the answer as kept.

use super::Ctx;
use crate::serve;
use crate::store::{CardsDigest, Store};

/// The key of the answer `format` for the cards of `ctx`'s journal, which must be every card
/// (not `Journal::holds_only_some`); `None` when it cannot be told (no cache, or the running
/// binary cannot be looked at), and then nothing is kept.
pub fn of_cards(ctx: &Ctx, format: &[u8]) -> Option<String> {
    let mut digest = CardsDigest::default();
    for c in ctx.journal.contacts() {
        // A card read from the file or from the cache has its hash, and counts by what the
        // ranking reads of it; one that could not be read at all (a link to nowhere) is there
        // by its id alone.
        let read = ctx.store.seen_hash(&crate::store::paths::contact(&c.id));
        digest.card(&c.id, read.map(|_| c.ranked_on()));
    }
    of_digest(ctx.store, format, digest.finish())
}

/// `format` (what the kept answer is), the running binary's stamp, the vocabulary's
/// fingerprint and the `CardsDigest` of every card, hashed.
pub fn of_digest(store: &Store, format: &[u8], digest: u64) -> Option<String> {
    store.cache_root()?;
    let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(format);
    {
        use std::os::unix::fs::MetadataExt;
        for n in [exe.size(), exe.ino(), exe.dev()] {
            h.update(&n.to_le_bytes());
        }
        for n in [exe.mtime(), exe.mtime_nsec(), exe.ctime(), exe.ctime_nsec()] {
            h.update(&n.to_le_bytes());
        }
    }
    h.update(&serve::vocabulary::fingerprint().to_le_bytes());
    h.update(&digest.to_le_bytes());
    Some(format!("{:016x}", h.digest()))
}

/// `ROLO_DEBUG_CACHE=1` says where a kept answer came from, on stderr.
pub fn debug(what: &str) {
    if std::env::var_os("ROLO_DEBUG_CACHE").is_some_and(|v| !v.is_empty()) {
        eprintln!("rolo: cache: {what}");
    }
}
