//! The model in the cache's byte format: a contact, an entry's touch (id, when, with) and the
//! rest of an entry (kind, texts, the places `lint_months` points at).

use super::codec::{Reader, Writer};
use crate::model::{Archived, Birthday, By, Contact, Entry, FollowUp, Kind, Need, NeedStatus};
use crate::store::speed::touch::Touch;
use crate::store::truth::gather::{MonthLocs, SmallLoc};
use crate::store::{Loc, LocatedEntry};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

fn put_date(w: &mut Writer, d: NaiveDate) {
    w.i64(i64::from(d.num_days_from_ce()));
}

fn get_date(r: &mut Reader) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(r.i64()?).ok()?)
}

fn put_opt_date(w: &mut Writer, d: Option<NaiveDate>) {
    match d {
        None => w.u8(0),
        Some(d) => {
            w.u8(1);
            put_date(w, d);
        }
    }
}

fn get_opt_date(r: &mut Reader) -> Option<Option<NaiveDate>> {
    match r.u8()? {
        0 => Some(None),
        1 => get_date(r).map(Some),
        _ => None,
    }
}

/// Everything but the id, which is the file name and is kept beside the record.
pub fn put_contact(w: &mut Writer, c: &Contact) {
    w.str(&c.name);
    w.strs(&c.aliases);
    w.strs(&c.tags);
    w.opt_str(c.company.as_deref());
    w.opt_str(c.role.as_deref());
    w.strs(&c.email);
    w.strs(&c.phone);
    w.strs(&c.urls);
    match c.birthday {
        None => w.u8(0),
        Some(Birthday::Full(d)) => {
            w.u8(1);
            put_date(w, d);
        }
        Some(Birthday::MonthDay(m, d)) => {
            w.u8(2);
            w.u64(m.into());
            w.u64(d.into());
        }
    }
    w.opt_str(c.met.as_deref());
    match c.keep_in_touch_days {
        None => w.u8(0),
        Some(days) => {
            w.u8(1);
            w.u64(days.into());
        }
    }
    w.strs(&c.can_help_with);
    w.opt_str(c.notes.as_deref());
    w.usize(c.needs.len());
    for n in &c.needs {
        w.u64(n.id.into());
        w.str(&n.what);
        put_date(w, n.since);
        w.u8(match n.status {
            NeedStatus::Open => 0,
            NeedStatus::Met => 1,
            NeedStatus::Dropped => 2,
        });
        put_opt_date(w, n.met_on);
        w.opt_str(n.how.as_deref());
        w.strs(&n.not_a_fit);
    }
    w.usize(c.follow_ups.len());
    for f in &c.follow_ups {
        w.u64(f.id.into());
        w.str(&f.what);
        put_opt_date(w, f.due);
        // Two flags in one byte: done, and a promise they made.
        w.u8(u8::from(f.done) | (u8::from(f.is_theirs()) << 1));
    }
    match c.archived {
        None => w.u8(0),
        Some(Archived::Yes) => w.u8(1),
        Some(Archived::Since(d)) => {
            w.u8(2);
            put_date(w, d);
        }
    }
}

pub fn get_contact(id: &str, r: &mut Reader) -> Option<Contact> {
    Some(Contact {
        id: id.to_string(),
        name: r.string()?,
        aliases: r.strings()?,
        tags: r.strings()?,
        company: r.opt_string()?,
        role: r.opt_string()?,
        email: r.strings()?,
        phone: r.strings()?,
        urls: r.strings()?,
        birthday: match r.u8()? {
            0 => None,
            1 => Some(Birthday::Full(get_date(r)?)),
            2 => Some(Birthday::MonthDay(r.u32()?, r.u32()?)),
            _ => return None,
        },
        met: r.opt_string()?,
        keep_in_touch_days: match r.u8()? {
            0 => None,
            1 => Some(r.u32()?),
            _ => return None,
        },
        can_help_with: r.strings()?,
        notes: r.opt_string()?,
        needs: r.items(|r| {
            Some(Need {
                id: r.u32()?,
                what: r.string()?,
                since: get_date(r)?,
                status: match r.u8()? {
                    0 => NeedStatus::Open,
                    1 => NeedStatus::Met,
                    2 => NeedStatus::Dropped,
                    _ => return None,
                },
                met_on: get_opt_date(r)?,
                how: r.opt_string()?,
                not_a_fit: r.strings()?,
            })
        })?,
        follow_ups: r.items(|r| {
            let (id, what, due) = (r.u32()?, r.string()?, get_opt_date(r)?);
            // Two flags in one byte: done, and a promise they made.
            let flags = r.u8()?;
            (flags <= 3).then_some(FollowUp {
                id,
                what,
                due,
                done: flags & 1 == 1,
                by: if flags & 2 == 2 { By::Them } else { By::Me },
            })
        })?,
        archived: match r.u8()? {
            0 => None,
            1 => Some(Archived::Yes),
            2 => Some(Archived::Since(get_date(r)?)),
            _ => return None,
        },
    })
}

pub fn put_touch(w: &mut Writer, e: &Entry) {
    w.str(&e.id);
    w.i64(e.at.timestamp());
    w.u64(e.at.timestamp_subsec_nanos().into());
    w.i64(e.at.offset().local_minus_utc().into());
    w.strs(&e.with);
}

pub fn get_touch(r: &mut Reader) -> Option<Touch> {
    let id = r.string()?;
    let (secs, nanos) = (r.i64()?, r.u32()?);
    let offset = FixedOffset::east_opt(i32::try_from(r.i64()?).ok()?)?;
    let at = DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset);
    Some(Touch {
        id,
        at,
        with: r.strings()?,
    })
}

/// A touch read in place: the day of the entry (in its own offset) and who was in it, as
/// slices of the cache file, for summaries that must not allocate per entry.
pub fn each_person_day<'a>(
    r: &mut Reader<'a>,
    mut seen: impl FnMut(&'a str, NaiveDate),
) -> Option<()> {
    r.str()?;
    let (secs, nanos) = (r.i64()?, r.u32()?);
    let offset = FixedOffset::east_opt(i32::try_from(r.i64()?).ok()?)?;
    let day = DateTime::from_timestamp(secs, nanos)?
        .with_timezone(&offset)
        .date_naive();
    for _ in 0..r.count()? {
        seen(r.str()?, day);
    }
    Some(())
}

fn put_loc(w: &mut Writer, l: Loc) {
    w.usize(l.line);
    w.usize(l.col);
}

fn get_loc(r: &mut Reader) -> Option<Loc> {
    Some(Loc {
        line: r.usize()?,
        col: r.usize()?,
    })
}

/// What an entry holds beyond its touch.
pub fn put_body(w: &mut Writer, l: &LocatedEntry) {
    match Kind::CYCLE.iter().position(|k| *k == l.entry.kind) {
        Some(i) => w.u8(i as u8),
        None => {
            w.u8(u8::MAX);
            w.str(l.entry.kind.as_str());
        }
    }
    w.str(&l.entry.note);
    w.opt_str(l.entry.gave.as_deref());
    w.opt_str(l.entry.asked.as_deref());
    put_loc(w, l.id_at);
    put_loc(w, l.kind_at);
    w.usize(l.with_at.len());
    for &loc in &l.with_at {
        put_loc(w, loc);
    }
}

pub fn get_body(touch: Touch, r: &mut Reader) -> Option<LocatedEntry> {
    let (entry, id_at, kind_at) = get_entry(touch, r)?;
    let with_at = r.items(get_loc)?;
    Some(LocatedEntry {
        entry,
        id_at,
        with_at,
        kind_at,
    })
}

/// The entry a body completes, and where its id and kind are written; the places of its
/// `with` items follow in the reader.
fn get_entry(touch: Touch, r: &mut Reader) -> Option<(Entry, Loc, Loc)> {
    let kind = match r.u8()? {
        u8::MAX => Kind::Other(r.string()?),
        i => Kind::CYCLE.get(usize::from(i))?.clone(),
    };
    let (note, gave, asked) = (r.string()?, r.opt_string()?, r.opt_string()?);
    let (id_at, kind_at) = (get_loc(r)?, get_loc(r)?);
    let entry = Entry {
        id: touch.id,
        at: touch.at,
        with: touch.with,
        kind,
        note,
        gave,
        asked,
    };
    Some((entry, id_at, kind_at))
}

/// Where a whole-folder load is in a month: the places kept small so far, and counts.
pub struct SmallPlaces<'k> {
    pub locs: MonthLocs,
    pub entries: usize,
    pub with_seen: usize,
    pub is_known: &'k dyn Fn(&str) -> bool,
}

/// `get_body` for a whole-folder load: the entry, its places made small straight away (as
/// `gather::split_located` would), with no list of places per entry.
pub fn get_entry_small(touch: Touch, r: &mut Reader, at: &mut SmallPlaces) -> Option<Entry> {
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (entry, id_at, kind_at) = get_entry(touch, r)?;
    if r.count()? != entry.with.len() {
        return None;
    }
    if !entry.kind.is_known() {
        at.locs
            .odd_kinds
            .push((small(at.entries), SmallLoc::new(kind_at)));
    }
    at.locs.id.push(SmallLoc::new(id_at));
    for who in &entry.with {
        let loc = get_loc(r)?;
        if !(at.is_known)(who) {
            at.locs
                .odd_with
                .push((small(at.with_seen), SmallLoc::new(loc)));
        }
        at.with_seen += 1;
    }
    at.entries += 1;
    Some(entry)
}
