use chrono::{Datelike, NaiveDate};

/// A person in the journal. The id is the file name (`contacts/ID.toml`) and never changes,
/// even when the person is renamed, because entries point at it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub tags: Vec<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub email: Vec<String>,
    pub phone: Vec<String>,
    /// Web addresses (a site, a profile); `url` in the file, one or a list like `email`.
    pub urls: Vec<String>,
    pub birthday: Option<Birthday>,
    pub met: Option<String>,
    pub keep_in_touch_days: Option<u32>,
    pub can_help_with: Vec<String>,
    pub notes: Option<String>,
    pub needs: Vec<Need>,
    pub follow_ups: Vec<FollowUp>,
    /// Out of the lists, reconnect and today, still in timelines, search and `show`:
    /// `archived = true`, or the day it was archived, in the file.
    pub archived: Option<Archived>,
}

/// A person set aside (`rolo archive`): `archived = true` typed by hand, or the day rolo
/// archived them. `archived = false`, like no key at all, is not archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Archived {
    Yes,
    Since(NaiveDate),
}

impl Contact {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Contact {
            id: id.into(),
            name: name.into(),
            ..Contact::default()
        }
    }

    pub fn open_needs(&self) -> impl Iterator<Item = &Need> {
        self.needs.iter().filter(|n| n.status == NeedStatus::Open)
    }

    pub fn need(&self, id: u32) -> Option<&Need> {
        self.needs.iter().find(|n| n.id == id)
    }

    pub fn need_mut(&mut self, id: u32) -> Option<&mut Need> {
        self.needs.iter_mut().find(|n| n.id == id)
    }

    pub fn follow_up_mut(&mut self, id: u32) -> Option<&mut FollowUp> {
        self.follow_ups.iter_mut().find(|f| f.id == id)
    }

    /// Next free need id: one past the highest, so ids are never reused after a hand deletion
    /// of the last need would otherwise hand the same number to a different need.
    pub fn next_need_id(&self) -> u32 {
        self.needs
            .iter()
            .map(|n| n.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    pub fn next_follow_up_id(&self) -> u32 {
        self.follow_ups
            .iter()
            .map(|f| f.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    pub fn is_archived(&self) -> bool {
        self.archived.is_some()
    }

    /// First name, for compact labels ("Needs · Ada").
    pub fn short_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

/// A birthday, with or without the year (people often know only the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Birthday {
    Full(NaiveDate),
    /// Month and day; validated on load (02-29 allowed).
    MonthDay(u32, u32),
}

impl Birthday {
    pub fn month_day(&self) -> (u32, u32) {
        match self {
            Birthday::Full(d) => (d.month(), d.day()),
            Birthday::MonthDay(m, d) => (*m, *d),
        }
    }

    pub fn year(&self) -> Option<i32> {
        match self {
            Birthday::Full(d) => Some(d.year()),
            Birthday::MonthDay(..) => None,
        }
    }

    /// The date of the birthday in `year`; Feb 29 falls on Feb 28 in common years, which is
    /// when most people born that day celebrate.
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        let (m, d) = self.month_day();
        NaiveDate::from_ymd_opt(year, m, d).or_else(|| {
            if (m, d) == (2, 29) {
                NaiveDate::from_ymd_opt(year, 2, 28)
            } else {
                None
            }
        })
    }

    /// The next celebration on or after `today`.
    pub fn next_on_or_after(&self, today: NaiveDate) -> Option<NaiveDate> {
        let this_year = self.in_year(today.year())?;
        if this_year >= today {
            Some(this_year)
        } else {
            self.in_year(today.year() + 1)
        }
    }

    /// Age reached on the given birthday date, when the year is known.
    pub fn age_on(&self, date: NaiveDate) -> Option<i32> {
        self.year().map(|y| date.year() - y)
    }

    pub fn parse_month_day(s: &str) -> Option<Birthday> {
        let s = s.trim().trim_start_matches("--");
        let (m, d) = s.split_once('-')?;
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year, so this accepts 02-29 and rejects 02-30.
        NaiveDate::from_ymd_opt(2000, m, d).map(|_| Birthday::MonthDay(m, d))
    }
}

impl std::fmt::Display for Birthday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Birthday::Full(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Birthday::MonthDay(m, d) => write!(f, "{m:02}-{d:02}"),
        }
    }
}

/// Something a person is looking for. Open until met (or dropped).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Need {
    pub id: u32,
    pub what: String,
    pub since: NaiveDate,
    pub status: NeedStatus,
    pub met_on: Option<NaiveDate>,
    pub how: Option<String>,
    /// People (contact ids) marked "not a fit" for this need: never suggested for it again.
    /// Written `not_a_fit = ["klaus-weber"]` under the need; a person may edit it by hand.
    pub not_a_fit: Vec<String>,
}

impl Need {
    /// Mark `who` (a contact id) not a fit for this need, or take the mark back; whether
    /// anything changed (marking twice, or unmarking someone not marked, changes nothing).
    pub fn set_not_a_fit(&mut self, who: &str, not_a_fit: bool) -> bool {
        let at = self.not_a_fit.iter().position(|w| w == who);
        match (not_a_fit, at) {
            (true, None) => {
                self.not_a_fit.push(who.to_string());
                true
            }
            (false, Some(i)) => {
                self.not_a_fit.remove(i);
                true
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NeedStatus {
    Open,
    Met,
    Dropped,
}

impl NeedStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::Met => "met",
            NeedStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<NeedStatus> {
        match s {
            "open" => Some(NeedStatus::Open),
            "met" => Some(NeedStatus::Met),
            "dropped" => Some(NeedStatus::Dropped),
            _ => None,
        }
    }
}

/// A promise: one you made to a person, or one they made you ("they'll send me the deck").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub id: u32,
    pub what: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    /// Who made it; `by = "them"` in the file, absent for yours.
    pub by: By,
}

impl FollowUp {
    pub fn is_theirs(&self) -> bool {
        self.by == By::Them
    }
}

/// Who made a promise. Yours are the default, so files written before this field read as
/// they always did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum By {
    #[default]
    Me,
    Them,
}

impl By {
    /// The word in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            By::Me => "me",
            By::Them => "them",
        }
    }

    pub fn parse(s: &str) -> Option<By> {
        match s {
            "me" => Some(By::Me),
            "them" => Some(By::Them),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn leap_day_birthday_is_celebrated_on_feb_28_in_common_years() {
        let b = Birthday::MonthDay(2, 29);
        assert_eq!(b.next_on_or_after(d(2026, 11, 24)), Some(d(2027, 2, 28)));
        assert_eq!(b.next_on_or_after(d(2027, 3, 1)), Some(d(2028, 2, 29)));
    }

    #[test]
    fn birthday_today_counts_as_next() {
        let b = Birthday::Full(d(1990, 11, 24));
        assert_eq!(b.next_on_or_after(d(2026, 11, 24)), Some(d(2026, 11, 24)));
        assert_eq!(b.age_on(d(2026, 11, 24)), Some(36));
    }

    #[test]
    fn birthday_across_year_end() {
        let b = Birthday::MonthDay(1, 3);
        assert_eq!(b.next_on_or_after(d(2026, 12, 30)), Some(d(2027, 1, 3)));
    }

    #[test]
    fn month_day_parsing_validates() {
        assert_eq!(
            Birthday::parse_month_day("02-29"),
            Some(Birthday::MonthDay(2, 29))
        );
        assert_eq!(Birthday::parse_month_day("02-30"), None);
        assert_eq!(Birthday::parse_month_day("13-01"), None);
        assert_eq!(Birthday::parse_month_day("december"), None);
    }

    #[test]
    fn ids_are_never_reused() {
        let mut c = Contact::new("a", "A");
        assert_eq!(c.next_need_id(), 1);
        c.needs.push(Need {
            id: 7,
            what: "x".into(),
            since: d(2026, 1, 1),
            status: NeedStatus::Met,
            met_on: None,
            how: None,
            not_a_fit: Vec::new(),
        });
        assert_eq!(c.next_need_id(), 8);
    }
}
