//! "Now" is an input. Read once at start-up; tests pin it with `ROLO_NOW`.

use chrono::{DateTime, FixedOffset, Local};

/// The current time, or `ROLO_NOW` (RFC 3339) when set, so tests and demos are repeatable.
pub fn now() -> DateTime<FixedOffset> {
    std::env::var("ROLO_NOW")
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .unwrap_or_else(|| Local::now().fixed_offset())
}
