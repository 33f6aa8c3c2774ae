//! The years a date may fall in. A date far outside a life's span is a typo or a runaway
//! "in 3000000 days", and beyond year 9999 TOML cannot even write it (it used to be clamped,
//! so what rolo printed was not what it stored, in a folder no load ever looked at). Dates are
//! refused outside this range wherever they come in: typed (`when.rs`) or read from a file.

use chrono::{Datelike, NaiveDate};

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Whether rolo keeps a date on this day.
pub fn in_years(day: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&day.year())
}

/// The end of a message about a date outside the range.
pub fn outside_years() -> String {
    format!("outside the years {FIRST_YEAR} to {LAST_YEAR} that rolo keeps dates in")
}
