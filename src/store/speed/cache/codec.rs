//! The cache's byte format: LEB128 varints, length-prefixed UTF-8 strings, and a framed file
//! (magic, version, kind, payload length, checksum). Reading never panics: anything short,
//! long, out of range or not UTF-8 reads as `None`, and the caller treats the file as absent.

use crate::store::Stamp;
use crate::store::truth::file_text::content_hash;

const MAGIC: &[u8; 8] = b"rolo-cc\0";
/// Bump on any change to what is written, so an older rolo's files are simply ignored.
/// 2: a contact's record holds its URLs.
/// 3: the content hash (kept in each record, and each file's checksum) and the shard of an id
/// are xxh3; a record of an earlier version holds another hash of the same bytes, which would
/// make every file look changed outside rolo, so it must never be read.
/// 4: a need's record holds its "not a fit" list.
/// 5: a follow-up's record says who promised it (`by`).
/// 6: a contact's record ends with whether (and since when) they are archived.
pub const VERSION: u32 = 6;
/// Bytes before the payload.
pub const HEADER: usize = 8 + 4 + 1 + 8 + 8;

#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// Zigzag, so small negative numbers stay short.
    pub fn i64(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn fixed64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }

    pub fn strs(&mut self, items: &[String]) {
        self.usize(items.len());
        for s in items {
            self.str(s);
        }
    }

    pub fn stamp(&mut self, s: &Stamp) {
        self.u64(s.size);
        self.i64(s.mtime_ns);
        self.i64(s.ctime_ns);
        self.u64(s.inode);
        self.u64(s.device);
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    pub fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    pub fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let part = u64::from(b & 0x7f);
            // The tenth byte may only carry the top bit; more would overflow.
            if shift == 63 && part > 1 {
                return None;
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    /// A count of items that each take at least one byte: larger than what is left is a lie,
    /// and must not become a huge allocation.
    pub fn count(&mut self) -> Option<usize> {
        let n = self.usize()?;
        (n <= self.bytes.len() - self.pos).then_some(n)
    }

    pub fn i64(&mut self) -> Option<i64> {
        let z = self.u64()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    pub fn fixed64(&mut self) -> Option<u64> {
        let b: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(u64::from_le_bytes(b))
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A string's bytes, not checked to be UTF-8: for a string only compared or passed over
    /// (the frame's checksum already says the bytes are those written, and `str` wrote them).
    pub fn str_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.usize()?;
        self.take(n)
    }

    pub fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    pub fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }

    pub fn strings(&mut self) -> Option<Vec<String>> {
        self.items(Reader::string)
    }

    /// A counted list, allocated at its exact length. Collecting an iterator of `Option`s
    /// cannot know the length up front and starts at room for four: for the one or two names
    /// of a typical entry's `with` that tripled the list (12 MB on the large bench folder).
    pub fn items<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        let mut all = Vec::with_capacity(n);
        for _ in 0..n {
            all.push(item(self)?);
        }
        Some(all)
    }

    pub fn stamp(&mut self) -> Option<Stamp> {
        Some(Stamp {
            size: self.u64()?,
            mtime_ns: self.i64()?,
            ctime_ns: self.i64()?,
            inode: self.u64()?,
            device: self.u64()?,
        })
    }
}

/// What a cache file holds, so a month file can never be read as a contacts shard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Contacts = 1,
    Month = 2,
    /// `month_index.rs` (a new kind of file, not a change to the others: an older rolo never
    /// opens it, so no new `VERSION`).
    /// 3 was the same file before it began with every month's stamp and each person's last
    /// day over all months, and is read as absent.
    MonthIndex = 7,
    /// `listing.rs`: the contacts folder's names (a new kind, as `MonthIndex`).
    Listing = 4,
    /// `names.rs`: each card's name and aliases under its stamp and content hash, with their
    /// keys and the version of the fold that made them (a new kind, as `MonthIndex`; 5 was
    /// the same file before the fold's version was in it, 6 before the hash, 8 before each
    /// card's `Contact::ranked_on`, and all are read as absent).
    Names = 9,
}

/// Header + payload, with a checksum so a torn or scribbled file reads as absent.
pub fn frame(kind: FileKind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind as u8);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&content_hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a well-formed file of this kind and version; `None` for anything else.
pub fn unframe(kind: FileKind, file: &[u8]) -> Option<&[u8]> {
    let mut r = Reader::new(file);
    if r.take(8)? != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
    if version != VERSION || r.u8()? != kind as u8 {
        return None;
    }
    let len = usize::try_from(r.fixed64()?).ok()?;
    let sum = r.fixed64()?;
    let payload = file.get(HEADER..)?;
    (payload.len() == len && content_hash(payload) == sum).then_some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_strings_round_trip() {
        let mut w = Writer::default();
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            w.u64(v);
        }
        for v in [0i64, -1, 1, i64::MIN, i64::MAX] {
            w.i64(v);
        }
        w.str("zoë");
        w.str("мюллер");
        w.opt_str(None);
        w.opt_str(Some(""));
        let mut r = Reader::new(&w.buf);
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.u64(), Some(v));
        }
        for v in [0i64, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(r.i64(), Some(v));
        }
        assert_eq!(r.str(), Some("zoë"));
        assert_eq!(r.str_bytes(), Some("мюллер".as_bytes()));
        assert_eq!(r.opt_string(), Some(None));
        assert_eq!(r.opt_string(), Some(Some(String::new())));
        assert!(r.is_done());
        assert_eq!(r.u8(), None);
    }

    #[test]
    fn overlong_varints_and_lying_lengths_read_as_none() {
        assert_eq!(Reader::new(&[0xff; 11]).u64(), None);
        assert_eq!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]).u64(),
            None
        );
        assert_eq!(Reader::new(&[5, b'a']).str(), None);
        assert_eq!(Reader::new(&[200, 1]).strings(), None);
    }

    #[test]
    fn a_list_is_read_into_exactly_its_own_room() {
        let mut w = Writer::default();
        w.strs(&["ada-lovelace".to_string()]);
        w.strs(&[]);
        let mut r = Reader::new(&w.buf);
        let one = r.strings().unwrap();
        assert_eq!((one.len(), one.capacity()), (1, 1));
        assert_eq!(r.strings().unwrap().capacity(), 0);
    }

    #[test]
    fn a_frame_is_refused_when_anything_about_it_is_off() {
        let file = frame(FileKind::Month, b"payload");
        assert_eq!(unframe(FileKind::Month, &file), Some(&b"payload"[..]));
        assert_eq!(unframe(FileKind::Contacts, &file), None);
        assert_eq!(unframe(FileKind::Month, &file[..file.len() - 1]), None);
        let mut longer = file.clone();
        longer.push(0);
        assert_eq!(unframe(FileKind::Month, &longer), None);
        let mut flipped = file.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(unframe(FileKind::Month, &flipped), None);
        let mut old = file.clone();
        old[8] = old[8].wrapping_add(1);
        assert_eq!(unframe(FileKind::Month, &old), None);
        assert_eq!(unframe(FileKind::Month, b""), None);
    }
}
