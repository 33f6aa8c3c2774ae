//! A command run in this process as the binary runs it: the journal its reads load
//! (`loads::journal_for`), the command on it, and the cache flushed once the output is
//! written. For the tests that compare a command's lean reads with a full load.

use chrono::{DateTime, FixedOffset};
use clap::Parser;
use rolo::cli::{Cli, Command};
use rolo::cmd::{self, Ctx};
use rolo::loads::{self, Needs};
use rolo::store::{Severity, Store};

/// What a command did.
#[derive(Debug, PartialEq)]
pub struct Ran {
    /// What it printed.
    pub out: String,
    /// How it ended (the error's message).
    pub result: Result<(), String>,
    /// The files that did not load, as the binary would count them.
    pub errors: Vec<String>,
    /// How many cards its journal held.
    pub cards: usize,
}

/// `rolo ARGS` parsed; the test's own arguments, so a typo fails the test at once.
pub fn parse(args: &[&str]) -> Command {
    Cli::try_parse_from(std::iter::once("rolo").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"))
        .command
        .unwrap_or_else(|| panic!("{args:?}: no command"))
}

/// `rolo ARGS` on `store`, reading what `needs` says, at `now`.
pub fn run(store: &Store, args: &[&str], needs: &Needs, now: DateTime<FixedOffset>) -> Ran {
    let journal = loads::journal_for(store, needs).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let cards = journal.contacts().len();
    let errors = journal
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    let mut out = Vec::new();
    let mut ctx = Ctx {
        store,
        history: None,
        journal,
        now,
        out: &mut out,
    };
    let result = cmd::run(parse(args), &mut ctx).map_err(|e| e.0);
    let _ = store.flush_cache();
    Ran {
        out: String::from_utf8(out).unwrap_or_else(|e| panic!("{args:?}: {e}")),
        result,
        errors,
        cards,
    }
}
