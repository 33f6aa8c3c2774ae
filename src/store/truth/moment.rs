//! The moment of an entry, read straight from the file's text when it is written the usual way.
//!
//! Through serde, toml hands a datetime over by printing it to a string that the receiving
//! type parses again: a tenth of a large one-thread load. An entry's `at` is instead taken as
//! a place in the text; the common form `2026-11-24T14:05:00+01:00` (or `...Z`) is read from
//! there directly, and anything else goes the general way (`decode::moment`), so both give the
//! same moment and the same complaints.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;
use toml::value::{Offset, Value};

/// The moment a value written in TOML stands for, or `None` when it is not a date and time.
/// Offset datetimes are kept as written; a local datetime or bare date typed by hand is read in
/// this machine's time zone (a bare date at noon, so it stays on its day anywhere).
pub(in crate::store) fn read(written: &str) -> Option<DateTime<FixedOffset>> {
    if let Some(at) = usual(written) {
        return Some(at);
    }
    let value = toml::de::ValueDeserializer::parse(written)
        .and_then(Value::deserialize)
        .ok()?;
    let Value::Datetime(dt) = value else {
        return None;
    };
    let date = super::decode::datetime_date(&dt)?;
    let time = match dt.time {
        Some(t) => NaiveTime::from_hms_nano_opt(
            t.hour.into(),
            t.minute.into(),
            t.second.unwrap_or(0).into(),
            t.nanosecond.unwrap_or(0),
        )?,
        None => NaiveTime::from_hms_opt(12, 0, 0)?,
    };
    let naive = date.and_time(time);
    match dt.offset {
        Some(Offset::Z) => Some(FixedOffset::east_opt(0)?.from_utc_datetime(&naive)),
        Some(Offset::Custom { minutes }) => FixedOffset::east_opt(i32::from(minutes) * 60)?
            .from_local_datetime(&naive)
            .single(),
        None => Local
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.fixed_offset()),
    }
}

/// Any value, not read: only where it is written matters (see the module notes).
pub(in crate::store) struct Unread;

impl<'de> Deserialize<'de> for Unread {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Skip)
    }
}

struct Skip;

impl<'de> Visitor<'de> for Skip {
    type Value = Unread;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }

    /// A datetime arrives as a one-key map whose value is the printed datetime: taking the key
    /// only never prints it. (An inline table also ends here; the general way then refuses it.)
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unread, A::Error> {
        map.next_key::<IgnoredAny>()?;
        Ok(Unread)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Unread, A::Error> {
        Ok(Unread)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Unread, E> {
        Ok(Unread)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Unread, E> {
        Ok(Unread)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Unread, E> {
        Ok(Unread)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Unread, E> {
        Ok(Unread)
    }

    fn visit_str<E>(self, _: &str) -> Result<Unread, E> {
        Ok(Unread)
    }
}

/// `YYYY-MM-DDTHH:MM:SS` then `Z` or `+HH:MM`/`-HH:MM`, exactly; `None` for any other form
/// (fractions, a space or lowercase `t`, no offset) and for anything out of range.
fn usual(text: &str) -> Option<DateTime<FixedOffset>> {
    let b = text.as_bytes();
    let num = |at: usize, len: usize| -> Option<u32> {
        let digits = b.get(at..at + len)?;
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let punct = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if punct.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
        return None;
    }
    let year = i32::try_from(num(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, num(5, 2)?, num(8, 2)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 2)?, num(14, 2)?, num(17, 2)?)?;
    let naive = date.and_time(time);
    match (b.len(), b.get(19)) {
        (20, Some(b'Z')) => Some(FixedOffset::east_opt(0)?.from_utc_datetime(&naive)),
        (25, Some(&sign @ (b'+' | b'-'))) if b.get(22) == Some(&b':') => {
            let (hours, minutes) = (num(20, 2)?, num(23, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let east = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            let east = if sign == b'-' { -east } else { east };
            FixedOffset::east_opt(east)?
                .from_local_datetime(&naive)
                .single()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{read, usual};

    #[test]
    fn the_usual_forms_are_read_and_others_left_to_the_general_way() {
        let read = |s: &str| usual(s).map(|d| d.to_rfc3339());
        assert_eq!(
            read("2026-11-24T14:05:00+01:00").as_deref(),
            Some("2026-11-24T14:05:00+01:00")
        );
        assert_eq!(
            read("2026-11-24T23:30:00-05:30").as_deref(),
            Some("2026-11-24T23:30:00-05:30")
        );
        assert_eq!(
            read("2026-11-24T14:05:00Z").as_deref(),
            Some("2026-11-24T14:05:00+00:00")
        );
        for other in [
            "2026-11-24 14:05:00+01:00",
            "2026-11-24t14:05:00Z",
            "2026-11-24T14:05:00.5+01:00",
            "2026-11-24T14:05:00",
            "2026-11-24T14:05+01:00",
            "2026-11-24",
            "2026-02-30T14:05:00Z",
            "2026-11-24T24:00:00Z",
            "2026-11-24T23:59:60Z",
            "2026-11-24T14:05:00+24:00",
            "2026-11-24T14:05:00+01:60",
            "2026-11-24T14:05:00+0100",
            "2026-11-24T14:05:00z",
            "+026-11-24T14:05:00Z",
            "\"2026-11-24T14:05:00Z\"",
            "",
        ] {
            assert_eq!(read(other), None, "{other}");
        }
    }

    #[test]
    fn other_forms_read_the_general_way() {
        let read = |s: &str| read(s).map(|d| d.to_rfc3339());
        assert_eq!(
            read("2026-11-24 14:05:00.5+01:00").as_deref(),
            Some("2026-11-24T14:05:00.500+01:00")
        );
        assert_eq!(
            read("2026-11-24t14:05:00z").as_deref(),
            Some("2026-11-24T14:05:00+00:00")
        );
        assert!(read("2026-11-24T14:05:00").is_some(), "local time");
        assert!(read("2026-11-24").is_some(), "a bare date, at noon");
        for not_a_moment in [
            "\"2026-11-24T14:05:00Z\"",
            "12",
            "{ a = 1 }",
            "[1]",
            "nope",
            "",
        ] {
            assert_eq!(read(not_a_moment), None, "{not_a_moment}");
        }
    }
}
