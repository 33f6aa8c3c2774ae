//! No bytes in a cache file can make rolo panic: arbitrary bytes, arbitrary payloads inside a
//! valid frame (so the record decoders are reached), and good files with bytes changed or cut
//! (re-framed with a correct checksum, as a bug in an older writer might leave them).

use super::codec::{FileKind, frame};
use super::months::{self, Cached};
use super::shards::{Shard, encode_record};
use crate::model::{Birthday, Contact, FollowUp, Need, NeedStatus};
use crate::store::Stamp;
use crate::store::decode;
use proptest::prelude::*;
use std::path::Path;

const STAMP: Stamp = Stamp {
    size: 1,
    mtime_ns: 2,
    ctime_ns: 3,
    inode: 4,
    device: 5,
};

/// Everything a shard or month can say, read the ways a load reads it.
fn read_all(file: &[u8]) {
    if let Some(shard) = Shard::parse(file.to_vec()) {
        for id in ["ada", "bob", ""] {
            let _ = shard.get(id, &STAMP);
        }
        let _ = shard.rewrite(|_| true, &[]);
    }
    if let Some(month) = Cached::parse(file.to_vec(), &STAMP) {
        let _ = month.touches();
        let _ = month.entries(|_| true);
        let _ = month.entries(|t| t.with.iter().any(|w| w == "ada"));
    }
}

fn good_payloads() -> (Vec<u8>, Vec<u8>) {
    let mut ada = Contact::new("ada", "Ada");
    ada.birthday = Some(Birthday::MonthDay(2, 29));
    ada.keep_in_touch_days = Some(30);
    ada.archived = Some(crate::model::Archived::Since(chrono::NaiveDate::MIN));
    ada.needs.push(Need {
        id: 1,
        what: "x".into(),
        since: chrono::NaiveDate::MIN,
        status: NeedStatus::Met,
        met_on: None,
        how: Some("y".into()),
        not_a_fit: vec!["bo".into()],
    });
    ada.follow_ups.push(FollowUp {
        id: 2,
        what: "z".into(),
        due: None,
        done: true,
        by: crate::model::By::Them,
    });
    let shard = Shard::default().rewrite(
        |_| true,
        &[("ada".into(), encode_record("ada", &STAMP, 9, &ada))],
    );
    let text = "[[entry]]\nid = \"a\"\nat = 2026-01-01T10:00:00+01:00\nwith = [\"ada\", \"bob\"]\nkind = \"tea\"\nnote = \"n\"\ngave = \"g\"\n\n[[entry]]\nid = \"b\"\nat = 2026-01-02T10:00:00Z\nwith = [\"bob\"]\n";
    let entries = decode::month(Path::new("m.toml"), text).expect("parses");
    let month = months::encode(&STAMP, 7, &entries);
    // Sanity: both read back before being damaged.
    assert!(Shard::parse(shard.clone()).is_some_and(|s| s.get("ada", &STAMP).is_some()));
    assert!(Cached::parse(month.clone(), &STAMP).is_some_and(|m| m.entries(|_| true).is_some()));
    (shard, month)
}

/// The payload of a framed file (everything after the 29-byte header).
fn payload(file: &[u8]) -> Vec<u8> {
    file[29..].to_vec()
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        read_all(&bytes);
        read_all(&frame(FileKind::Contacts, &bytes));
        read_all(&frame(FileKind::Month, &bytes));
        // A month payload that gets past the zone and stamp checks.
        let mut head = super::codec::Writer::default();
        head.fixed64(months::zone());
        head.stamp(&STAMP);
        head.buf.extend_from_slice(&bytes);
        read_all(&frame(FileKind::Month, &head.buf));
    }

    #[test]
    fn damaged_good_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let (shard, month) = good_payloads();
        for (kind, file) in [(FileKind::Contacts, shard), (FileKind::Month, month)] {
            let mut p = payload(&file);
            for (at, byte) in &edits {
                let i = at.index(p.len());
                p[i] = *byte;
            }
            read_all(&frame(kind, &p));
            p.truncate(cut.index(p.len() + 1));
            read_all(&frame(kind, &p));
        }
    }
}
