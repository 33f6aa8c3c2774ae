//! Contacts, cached in a fixed number of shard files by a hash of the id, so one changed
//! contact rewrites one small file, and a load opens a few dozen files instead of thousands.

use super::codec::{FileKind, HEADER, Reader, Writer, frame, unframe};
use super::records;
use crate::model::Contact;
use crate::store::Stamp;
use crate::store::truth::file_text::content_hash;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub const SHARDS: usize = 32;

/// Which shard an id lives in: the content hash of the id (a hand-written FNV-1a before
/// format 2). Part of the format: changing it needs a new `codec::VERSION`.
pub fn shard_of(id: &str) -> usize {
    (content_hash(id.as_bytes()) % SHARDS as u64) as usize
}

pub fn shard_path(root: &Path, shard: usize) -> PathBuf {
    root.join("contacts").join(format!("{shard:02}.bin"))
}

struct Record {
    stamp: Stamp,
    hash: u64,
    /// The whole record in `Shard::payload` (copied as is when the shard is rewritten).
    all: Range<usize>,
    /// The contact's own bytes inside it.
    body: Range<usize>,
}

/// One shard file as read, or empty when there was none (or it was not a valid one).
#[derive(Default)]
pub struct Shard {
    /// The whole file; record ranges index into it.
    file: Vec<u8>,
    records: HashMap<String, Record>,
    /// A file was there but could not be used: write a good one even if nothing else changes.
    pub unreadable: bool,
}

/// A record ready to be written: `(id, stamp, content hash, contact)` in the shard's format.
pub fn encode_record(id: &str, stamp: &Stamp, hash: u64, contact: &Contact) -> Vec<u8> {
    let mut body = Writer::default();
    records::put_contact(&mut body, contact);
    let mut w = Writer::default();
    w.str(id);
    w.stamp(stamp);
    w.fixed64(hash);
    w.usize(body.buf.len());
    w.buf.extend_from_slice(&body.buf);
    w.buf
}

impl Shard {
    pub fn read(path: &Path) -> Shard {
        match std::fs::read(path) {
            Ok(file) => Shard::parse(file).unwrap_or(Shard {
                unreadable: true,
                ..Shard::default()
            }),
            Err(_) => Shard::default(),
        }
    }

    pub fn parse(file: Vec<u8>) -> Option<Shard> {
        let payload = unframe(FileKind::Contacts, &file)?;
        let mut r = Reader::new(payload);
        let n = r.count()?;
        let mut records = HashMap::with_capacity(n);
        for _ in 0..n {
            let start = r.pos();
            let id = r.string()?;
            let stamp = r.stamp()?;
            let hash = r.fixed64()?;
            let len = r.usize()?;
            let body_start = r.pos();
            r.take(len)?;
            let end = r.pos();
            let record = Record {
                stamp,
                hash,
                all: HEADER + start..HEADER + end,
                body: HEADER + body_start..HEADER + end,
            };
            records.insert(id, record);
        }
        r.is_done().then_some(Shard {
            file,
            records,
            unreadable: false,
        })
    }

    /// The cached contact and its file's content hash, when the file still has this stamp.
    pub fn get(&self, id: &str, stamp: &Stamp) -> Option<(Contact, u64)> {
        let rec = self.records.get(id).filter(|r| r.stamp == *stamp)?;
        let mut r = Reader::new(self.file.get(rec.body.clone())?);
        let contact = records::get_contact(id, &mut r)?;
        r.is_done().then_some((contact, rec.hash))
    }

    /// The cached contact, its file's content hash and the stamp that file had when it was
    /// cached, whatever stamp it has now.
    pub fn get_kept(&self, id: &str) -> Option<(Contact, u64, Stamp)> {
        let rec = self.records.get(id)?;
        let mut r = Reader::new(self.file.get(rec.body.clone())?);
        let contact = records::get_contact(id, &mut r)?;
        r.is_done().then_some((contact, rec.hash, rec.stamp))
    }

    pub fn has(&self, id: &str) -> bool {
        self.records.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// The file to write: the old records `keep` accepts, then the new ones, by id order so
    /// the same contents always give the same bytes.
    pub fn rewrite(&self, keep: impl Fn(&str) -> bool, new: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut all: Vec<(&str, &[u8])> = self
            .records
            .iter()
            .filter(|(id, _)| keep(id) && !new.iter().any(|(n, _)| n == *id))
            .filter_map(|(id, r)| Some((id.as_str(), self.file.get(r.all.clone())?)))
            .collect();
        all.extend(
            new.iter()
                .map(|(id, bytes)| (id.as_str(), bytes.as_slice())),
        );
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut w = Writer::default();
        w.usize(all.len());
        for (_, bytes) in all {
            w.buf.extend_from_slice(bytes);
        }
        frame(FileKind::Contacts, &w.buf)
    }

    /// How many old records `keep` accepts (to tell whether a rewrite changes anything).
    pub fn kept(&self, keep: impl Fn(&str) -> bool) -> usize {
        self.records.keys().filter(|id| keep(id)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(n: u64) -> Stamp {
        Stamp {
            size: n,
            mtime_ns: 1,
            ctime_ns: 2,
            inode: 3,
            device: 4,
        }
    }

    #[test]
    fn a_rewritten_shard_reads_back_and_checks_the_stamp() {
        let ada = Contact::new("ada", "Ada Lovelace");
        let file = Shard::default().rewrite(
            |_| true,
            &[("ada".into(), encode_record("ada", &stamp(1), 42, &ada))],
        );
        let shard = Shard::parse(file).unwrap();
        assert_eq!(shard.get("ada", &stamp(1)), Some((ada.clone(), 42)));
        assert_eq!(shard.get("ada", &stamp(2)), None);
        assert_eq!(shard.get("bob", &stamp(1)), None);
        // Old records survive a rewrite that adds another, unless `keep` drops them.
        let bob = Contact::new("bob", "Bob");
        let new = [("bob".into(), encode_record("bob", &stamp(5), 7, &bob))];
        let both = Shard::parse(shard.rewrite(|_| true, &new)).unwrap();
        assert_eq!(both.get("ada", &stamp(1)), Some((ada, 42)));
        assert_eq!(both.get("bob", &stamp(5)), Some((bob, 7)));
        let only_bob = Shard::parse(shard.rewrite(|id| id != "ada", &new)).unwrap();
        assert_eq!(only_bob.len(), 1);
    }

    #[test]
    fn shards_spread_ids() {
        let used: std::collections::HashSet<usize> = (0..1000)
            .map(|i| shard_of(&format!("person-{i}")))
            .collect();
        assert_eq!(used.len(), SHARDS);
    }
}
