//! A cache an older rolo wrote. Format 1 kept in each record the content hash of its day (a
//! hand-written mix; xxh3 since format 2). Such a record must never be used: the store would
//! remember a hash today's function never gives, and the next save would take the file for
//! one changed outside rolo. So an older file reads as absent, and the load parses instead.

use super::codec::HEADER;
use super::months;
use super::shards::{Shard, encode_record, shard_of, shard_path};
use crate::store::{Store, decode};
use std::path::Path;
use std::time::Duration;

/// The content hash of format 1, only to make a file as an older rolo made it.
fn hash_v1(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut h = mix(0, bytes.len() as u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = mix(h, u64::from_le_bytes(b));
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    mix(h, u64::from_le_bytes(tail))
}

/// A framed file of today's format, framed again as format 1: its version number and its
/// checksum (after the magic: version, kind, length, checksum).
fn as_format_1(mut file: Vec<u8>) -> Vec<u8> {
    let sum = hash_v1(&file[HEADER..]);
    file[8..12].copy_from_slice(&1u32.to_le_bytes());
    file[21..29].copy_from_slice(&sum.to_le_bytes());
    file
}

const ADA: &str = "name = \"Ada Lovelace\"\n";
const MONTH: &str = "[[entry]]\nid = \"e1\"\nat = 2026-11-24T10:00:00+01:00\nwith = [\"ada\"]\nkind = \"coffee\"\nnote = \"tea\"\n";

#[test]
fn a_cache_an_older_rolo_wrote_is_stale_and_its_hashes_are_never_remembered() {
    let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::create_dir_all(data.path().join("contacts")).unwrap();
    std::fs::create_dir_all(data.path().join("journal/2026")).unwrap();
    let (contact, month) = (
        Path::new("contacts/ada.toml"),
        Path::new("journal/2026/2026-11.toml"),
    );
    std::fs::write(data.path().join(contact), ADA).unwrap();
    std::fs::write(data.path().join(month), MONTH).unwrap();
    let open = || {
        Store::on_disk(data.path())
            .with_cache(cache.path())
            .cache_settle_after(Duration::ZERO)
    };
    let plain = Store::on_disk(data.path()).load().unwrap();

    // What an older rolo left: both files decoded, stamped as they are now, each record with
    // the format-1 hash of its file's bytes.
    let store = open();
    let stamp = |rel: &Path| store.fs().stamp(rel).unwrap();
    let ada = decode::contact("ada", contact, ADA).unwrap();
    let record = encode_record("ada", &stamp(contact), hash_v1(ADA.as_bytes()), &ada);
    let shard = Shard::default().rewrite(|_| true, &[("ada".to_string(), record)]);
    let shard_file = shard_path(cache.path(), shard_of("ada"));
    std::fs::create_dir_all(shard_file.parent().unwrap()).unwrap();
    std::fs::write(&shard_file, as_format_1(shard)).unwrap();
    let entries = decode::month(month, MONTH).unwrap();
    let month_file = months::month_path(cache.path(), (2026, 11));
    std::fs::create_dir_all(month_file.parent().unwrap()).unwrap();
    let encoded = months::encode(&stamp(month), hash_v1(MONTH.as_bytes()), &entries);
    std::fs::write(&month_file, as_format_1(encoded)).unwrap();

    let loaded = store.load().unwrap();
    assert_eq!(loaded.contacts, plain.contacts);
    assert_eq!(loaded.entries, plain.entries);
    let stats = store.cache_stats().unwrap();
    assert_eq!((stats.hits, stats.misses), (0, 2), "an older file was used");
    // Rewritten in today's format, and used from then on.
    store.flush_cache().unwrap();
    let again = open();
    assert_eq!(again.load().unwrap().entries, plain.entries);
    let stats = again.cache_stats().unwrap();
    assert_eq!((stats.hits, stats.misses), (2, 0));

    // The hashes remembered are today's, so nothing looks changed outside rolo.
    let saved = store
        .update_contact("ada", |c| {
            c.role = Some("CTO".into());
            Ok(())
        })
        .unwrap();
    assert!(!saved.changed_outside);
    let edited = store
        .update_entry("e1", (2026, 11), |e| {
            e.note = "green tea".into();
            Ok(())
        })
        .unwrap();
    assert!(!edited.changed_outside);
}
