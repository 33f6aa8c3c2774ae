use chrono::{DateTime, FixedOffset};

/// One interaction in the timeline; it may involve several people and is stored once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable, unique in the journal: `2026-11-24-1405-ada`.
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub with: Vec<String>,
    pub kind: Kind,
    pub note: String,
    pub gave: Option<String>,
    pub asked: Option<String>,
}

impl Entry {
    pub fn first_line(&self) -> &str {
        self.note
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
    }

    /// A readable, stable id: date, time and the first person's first name (`2026-11-24-1405-ada`).
    pub fn make_id(at: &DateTime<FixedOffset>, with: &[String]) -> String {
        // Only letters and digits of the first id: a contact file named by hand may hold
        // anything (a control character, say), and an entry id is printed and stored.
        let who: String = with
            .first()
            .and_then(|w| w.split('-').next())
            .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect())
            .filter(|w: &String| !w.is_empty())
            .unwrap_or_else(|| "note".into());
        format!("{}-{}", at.format("%Y-%m-%d-%H%M"), who)
    }

    /// The month file this entry belongs in, by the date as written in its own offset.
    pub fn month(&self) -> (i32, u32) {
        use chrono::Datelike;
        let d = self.at.date_naive();
        (d.year(), d.month())
    }

    pub fn involves(&self, contact: &str) -> bool {
        self.with.iter().any(|w| w == contact)
    }
}

/// What kind of interaction. The set is open: a kind typed by hand is kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    Note,
    Coffee,
    Call,
    Message,
    Email,
    Meeting,
    Event,
    Intro,
    Gift,
    Other(String),
}

impl Kind {
    /// The kinds offered when cycling with Tab while capturing.
    pub const CYCLE: [Kind; 9] = [
        Kind::Note,
        Kind::Coffee,
        Kind::Call,
        Kind::Message,
        Kind::Email,
        Kind::Meeting,
        Kind::Event,
        Kind::Intro,
        Kind::Gift,
    ];

    pub fn parse(s: &str) -> Kind {
        // Every known kind is ASCII: the common case needs no lowercased copy.
        if s.is_ascii() {
            let s = s.trim();
            return Kind::CYCLE
                .iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(s))
                .cloned()
                .unwrap_or(Kind::Other(s.to_string()));
        }
        let lower = s.trim().to_lowercase();
        Kind::CYCLE
            .iter()
            .find(|k| k.as_str() == lower)
            .cloned()
            .unwrap_or(Kind::Other(s.trim().to_string()))
    }

    pub fn as_str(&self) -> &str {
        match self {
            Kind::Note => "note",
            Kind::Coffee => "coffee",
            Kind::Call => "call",
            Kind::Message => "message",
            Kind::Email => "email",
            Kind::Meeting => "meeting",
            Kind::Event => "event",
            Kind::Intro => "intro",
            Kind::Gift => "gift",
            Kind::Other(s) => s,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Kind::Other(_))
    }

    /// The next kind in the Tab cycle; an unknown kind starts the cycle over.
    pub fn cycled(&self) -> Kind {
        let pos = Kind::CYCLE.iter().position(|k| k == self);
        match pos {
            Some(i) => Kind::CYCLE[(i + 1) % Kind::CYCLE.len()].clone(),
            None => Kind::Note,
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_case_insensitively_and_keep_unknown_text() {
        assert_eq!(Kind::parse("Coffee"), Kind::Coffee);
        assert_eq!(Kind::parse("brunch"), Kind::Other("brunch".into()));
        assert_eq!(Kind::parse("brunch").as_str(), "brunch");
        assert_eq!(Kind::parse(" CALL \n"), Kind::Call);
        assert_eq!(Kind::parse(" Brunch "), Kind::Other("Brunch".into()));
        assert_eq!(Kind::parse("Kaffee ☕"), Kind::Other("Kaffee ☕".into()));
    }

    #[test]
    fn kind_cycle_wraps() {
        assert_eq!(Kind::Gift.cycled(), Kind::Note);
        assert_eq!(Kind::Note.cycled(), Kind::Coffee);
        assert_eq!(Kind::Other("x".into()).cycled(), Kind::Note);
    }
}
