//! What an operation refuses or fails with, kept typed until a front door words it.

use crate::sanitize::inert_line;
use crate::store::{Problem, StoreError};
use std::fmt;

/// Input an operation refuses before anything is read or written; the message is for the
/// person and says nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

/// An operation that reached the store and did not happen.
#[derive(Debug)]
pub enum OpError {
    Store(StoreError),
    /// The person's file holds no need with that number (any more).
    NoNeed {
        name: String,
        contact: String,
        need: u32,
    },
    /// The need under that number is no longer the one the person chose on screen.
    NeedChanged(NeedChanged),
    /// The person's file holds no follow-up with that number (any more).
    NoFollowUp {
        name: String,
        follow_up: u32,
    },
    /// The file as it is now refuses the change (archiving someone archived, a merge of
    /// one person with themselves); the message is the person's and says nothing was written.
    Refused(Invalid),
    /// A person of that name (or alias) is here already: `rolo add` refuses a second one
    /// unless told (`--force`).
    Exists {
        name: String,
        id: String,
    },
    /// A text edited in `$EDITOR` does not read as a record: the problem points into that
    /// text (its line and column), not into a file, and nothing was written.
    Unparsed(Problem),
}

/// A need as the file holds it now, when that is not what the screen showed: other words
/// under its number, or no longer open (another terminal or a hand edit changed it since).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedChanged {
    name: String,
    need: u32,
    now: String,
    /// Its status, when that is what is no longer as shown.
    closed: Option<crate::model::NeedStatus>,
}

impl NeedChanged {
    /// `need` of the person named `name`, whose words are not those shown any more.
    pub fn words(name: &str, need: &crate::model::Need) -> NeedChanged {
        NeedChanged {
            name: name.to_string(),
            need: need.id,
            now: need.what.clone(),
            closed: None,
        }
    }

    /// `need` of the person named `name`, as it is now: open in other words, or no longer
    /// open (marked met or dropped meanwhile).
    pub fn of_open(name: &str, need: &crate::model::Need) -> NeedChanged {
        NeedChanged {
            closed: (need.status != crate::model::NeedStatus::Open).then_some(need.status),
            ..NeedChanged::words(name, need)
        }
    }

    /// What it is now, in the person's words.
    fn now(&self) -> String {
        match self.closed {
            None => format!("now reads \"{}\"", inert_line(&self.now)),
            Some(status) => format!("is {} already", status.as_str()),
        }
    }
}

impl OpError {
    /// The person's file is gone (deleted or renamed outside rolo).
    pub fn is_not_found(&self) -> bool {
        matches!(self, OpError::Store(StoreError::NotFound(_)))
    }

    /// The need chosen on screen is gone from the file, or is not what was shown any more:
    /// said in a few words (the screen shows it as it is now).
    pub fn changed_need(&self) -> Option<String> {
        match self {
            OpError::NoNeed { need, .. } => Some(format!("need #{need} is gone from the file")),
            OpError::NeedChanged(c) => Some(format!("need #{} changed meanwhile", c.need)),
            _ => None,
        }
    }

    /// The TUI's words for it: the number was picked on screen, so "gone" is the news.
    pub fn status(&self) -> String {
        match self {
            OpError::Store(e) => e.to_string(),
            OpError::NoNeed { need, .. } => format!("need #{need} is gone from the file"),
            OpError::NeedChanged(c) => format!(
                "need #{} changed meanwhile and {}; nothing was written",
                c.need,
                c.now()
            ),
            OpError::NoFollowUp { follow_up, .. } => {
                format!("follow-up #{follow_up} is gone from the file")
            }
            OpError::Unparsed(p) => at_line(p),
            OpError::Refused(why) => why.0.clone(),
            OpError::Exists { name, .. } => {
                format!("{} is here already; nothing was written", inert_line(name))
            }
        }
    }
}

/// The command line's words for it: the number was typed, so where to look it up.
impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpError::Store(e) => e.fmt(f),
            OpError::NoNeed {
                name,
                contact,
                need,
            } => write!(
                f,
                "{} has no need #{need} (see `rolo show {}`)",
                inert_line(name),
                inert_line(contact)
            ),
            OpError::NeedChanged(c) => write!(
                f,
                "need #{} of {} changed since it was shown and {}; nothing was written",
                c.need,
                inert_line(&c.name),
                c.now()
            ),
            OpError::NoFollowUp { name, follow_up } => {
                write!(f, "{} has no follow-up #{follow_up}", inert_line(name))
            }
            OpError::Unparsed(p) => f.write_str(&at_line(p)),
            OpError::Refused(why) => f.write_str(&why.0),
            OpError::Exists { name, id } => write!(
                f,
                "{} is here already (see `rolo show {}`); nothing was written. \
                 To add a second person of that name, run it again with --force",
                inert_line(name),
                inert_line(id)
            ),
        }
    }
}

impl std::error::Error for OpError {}

/// A problem in an edited text, by its place in that text: the text is not a file yet, so a
/// line and a column say more than a path. Not made inert here: each door does that where
/// it shows text (the command line's edge, the TUI's widgets).
fn at_line(p: &Problem) -> String {
    format!("line {}, column {}: {}", p.line, p.col, p.message)
}

impl From<StoreError> for OpError {
    fn from(e: StoreError) -> Self {
        OpError::Store(e)
    }
}
