//! Where the speed half plugs into this one. The truth half never names `store/speed/`: it
//! asks these two traits, which it owns, and the facade (`store/mod.rs`) hands it the speed
//! half's implementations (`Store::decodes`, `Store::appends`). Every answer may be "don't
//! know": a store with no cache, or a text never seen, takes the full path, which is the
//! path every shortcut is tested equal to.

use super::decode::LocatedEntry;
use super::fs::Stamp;
use super::gather::MonthLocs;
use super::load::Month;
use super::problem::Problem;
use crate::fasthash::FastSet;
use crate::model::{Contact, Entry};
use crate::store::Store;
use std::io;
use std::path::Path;

/// Decodes kept outside the data folder (the derived cache), each keyed on the stamp of the
/// file it came from: a load asks before it parses, and hands over what it parsed.
pub(crate) trait DecodeMemo: Sync {
    /// The contact `id` as decoded from a file with `stamp`, and that file's content hash.
    fn contact(&self, id: &str, stamp: &Stamp) -> Option<(Contact, u64)>;
    /// What parsing the contact file with `stamp` and content `hash` gave, to keep or not.
    fn contact_parsed(
        &self,
        id: &str,
        stamp: &Stamp,
        hash: u64,
        parsed: &Result<(Contact, Vec<Problem>), Problem>,
    );
    /// Every contact id there is, so what is kept for others can go.
    fn contacts_listed(&self, ids: &[String]);
    /// Every month file there is, likewise.
    fn months_listed(&self, months: &[Month]);
    /// The month as decoded from a file with `stamp`, every entry with its places; and the
    /// file's content hash.
    fn month(&self, month: Month, stamp: &Stamp) -> Option<(Vec<LocatedEntry>, u64)>;
    /// The same, with places kept small and `is_known` asked of each person named (see
    /// `gather::split_located`, which it must equal).
    fn month_small(
        &self,
        month: Month,
        stamp: &Stamp,
        is_known: &dyn Fn(&str) -> bool,
    ) -> Option<((Vec<Entry>, MonthLocs), u64)>;
    /// What parsing the month file with `stamp` and content `hash` gave, to keep or not.
    fn month_parsed(
        &self,
        month: Month,
        stamp: &Stamp,
        hash: u64,
        parsed: &Result<Vec<LocatedEntry>, Problem>,
    );
}

/// Month texts already proven to take a new `[[entry]]` at their end, by content hash: an
/// append to one of them parses only its own block (see `append.rs`).
pub(crate) trait AppendMemo: Sync {
    /// The entry ids of the text of `rel` with content `hash`, when it is known to take one.
    fn ids(&self, rel: &Path, hash: u64) -> Option<FastSet<String>>;
    /// The text of `rel` with content `hash` takes an entry at its end; these are its ids.
    fn record(&self, rel: &Path, hash: u64, ids: FastSet<String>);
}

/// How a load asks the memo, when the store has one (`Store::decodes`): each of these is a
/// no-op, or `None`, without one.
impl Store {
    /// The file's bytes, and its stamp taken before reading when a memo will want it.
    pub(in crate::store) fn read_for_memo(
        &self,
        rel: &Path,
    ) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        if self.decodes().is_some() {
            self.fs.read_stamped(rel)
        } else {
            Ok(self.fs.read(rel)?.map(|b| (b, None)))
        }
    }

    /// The contact as the memo has it, when it has the file as it is now (`stamp`, asked
    /// only when there is a memo).
    pub(in crate::store) fn remembered_contact(
        &self,
        id: &str,
        rel: &Path,
        stamp: impl FnOnce() -> Option<Stamp>,
    ) -> Option<Contact> {
        let memo = self.decodes()?;
        let (contact, hash) = memo.contact(id, &stamp()?)?;
        self.remember(rel, hash);
        Some(contact)
    }

    /// The month as the memo has it, every entry with its places.
    pub(in crate::store) fn remembered_month(
        &self,
        month: Month,
        rel: &Path,
    ) -> Option<Vec<LocatedEntry>> {
        let (entries, hash) = self.decodes()?.month(month, &self.fs.stamp(rel)?)?;
        self.remember(rel, hash);
        Some(entries)
    }

    /// The month as the memo has it, places kept small (see `DecodeMemo::month_small`).
    pub(in crate::store) fn remembered_month_small(
        &self,
        month: Month,
        rel: &Path,
        is_known: &dyn Fn(&str) -> bool,
    ) -> Option<(Vec<Entry>, MonthLocs)> {
        let memo = self.decodes()?;
        let (found, hash) = memo.month_small(month, &self.fs.stamp(rel)?, is_known)?;
        self.remember(rel, hash);
        Some(found)
    }

    pub(in crate::store) fn contact_parsed(
        &self,
        id: &str,
        stamp: Option<Stamp>,
        hash: u64,
        parsed: &Result<(Contact, Vec<Problem>), Problem>,
    ) {
        if let (Some(memo), Some(stamp)) = (self.decodes(), stamp) {
            memo.contact_parsed(id, &stamp, hash, parsed);
        }
    }

    pub(in crate::store) fn month_parsed(
        &self,
        month: Month,
        stamp: Option<Stamp>,
        hash: u64,
        parsed: &Result<Vec<LocatedEntry>, Problem>,
    ) {
        if let (Some(memo), Some(stamp)) = (self.decodes(), stamp) {
            memo.month_parsed(month, &stamp, hash, parsed);
        }
    }

    /// Every contact id there is, for the memo to drop what it keeps for others.
    pub(in crate::store) fn contacts_listed(&self, ids: &[String]) {
        if let Some(memo) = self.decodes() {
            memo.contacts_listed(ids);
        }
    }

    pub(in crate::store) fn months_listed(&self, months: &[Month]) {
        if let Some(memo) = self.decodes() {
            memo.months_listed(months);
        }
    }
}
