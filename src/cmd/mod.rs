//! The command-line subcommands. Each writes its output to a `Write`, so tests capture it,
//! and every piece of text from the files passes through `sanitize` on the way out.

pub(crate) mod brief_cache;
mod brief_text;
pub(crate) mod cards_key;
mod doc;
mod edit;
mod error;
mod export;
mod history;
mod import;
mod json;
mod lifecycle;
mod read;
mod review;
mod search;
mod serve;
mod shell;
pub mod stats;
mod sync;
mod today_cache;
mod write;

use crate::cli::Command;
use crate::journal::{Ix, Journal, Resolution};
use crate::sanitize::inert_line;
use crate::store::Severity;
use crate::store::Store;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::io::Write;

pub use error::{CliError, Worded};

pub type CliResult = Result<(), CliError>;

/// What every read says on a journal with no one in it (a folder that exists; one that does
/// not is an error, see `app_main::run`).
pub const NO_CONTACTS: &str = "no contacts yet (add one with `rolo add NAME`)";

pub struct Ctx<'a> {
    pub store: &'a Store,
    /// The journal's history (`undo`, `redo`, `log`); `None` where there is none to read.
    pub history: Option<&'a crate::history::History>,
    pub journal: Journal,
    pub now: DateTime<FixedOffset>,
    pub out: &'a mut dyn Write,
}

impl Ctx<'_> {
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// Resolve the person a write is for, or explain why not (listing candidates when
    /// several fit, close names when no one does); the message says nothing was written.
    pub fn who(&self, query: &str) -> Result<Ix, CliError> {
        self.resolve(query, true)
    }

    /// Resolve the person a read is about, with the same rules and messages as a write.
    pub fn who_to_read(&self, query: &str) -> Result<Ix, CliError> {
        self.resolve(query, false)
    }

    fn resolve(&self, query: &str, write: bool) -> Result<Ix, CliError> {
        let named = |ixs: &[Ix]| -> Vec<String> {
            ixs.iter()
                .filter_map(|&ix| self.journal.contact(ix))
                .map(|c| format!("{} ({})", inert_line(&c.name), inert_line(&c.id)))
                .collect()
        };
        match self.journal.resolve(query) {
            Resolution::One(ix) => Ok(ix),
            Resolution::None => {
                Err(self
                    .broken_contact(query)
                    .unwrap_or_else(|| CliError::NoMatch {
                        query: query.to_string(),
                        close: named(&self.journal.close_names(query)),
                        write,
                    }))
            }
            Resolution::Ambiguous(ixs) => Err(CliError::Ambiguous {
                query: query.to_string(),
                candidates: named(&ixs),
                write,
            }),
        }
    }

    /// When the person asked for has a file that does not load, say so instead of "no one
    /// matches": the file is the reason, and the person can fix it.
    fn broken_contact(&self, query: &str) -> Option<CliError> {
        let ids = [query.trim().to_string(), crate::slug::slugify(query)];
        let problem = self.journal.problems.iter().find(|p| {
            p.severity == Severity::Error
                && ids
                    .iter()
                    .any(|id| p.path == crate::store::paths::contact(id))
        })?;
        Some(CliError::BrokenContact {
            shown: self.shown(problem),
        })
    }

    /// A problem as the person sees it: with the full path, so it can be opened at once.
    pub fn shown(&self, problem: &crate::store::Problem) -> String {
        let shown = crate::store::Problem {
            path: self.store.display(&problem.path),
            ..problem.clone()
        };
        inert_line(&shown.to_string()).into_owned()
    }

    /// The id of the person `query` names, for a change to their contact file: refused, with
    /// where and how to fix it, when that file does not load (rolo never writes over a file it
    /// could not read). Never another person.
    pub fn writable(&self, query: &str) -> Result<String, CliError> {
        let ix = self.who(query)?;
        match self.journal.broken(ix) {
            Some(p) => Err(CliError::Unwritable {
                shown: self.shown(p),
                name: self
                    .journal
                    .contact(ix)
                    .map_or(String::new(), |c| c.name.clone()),
            }),
            None => Ok(self.id_of(ix)),
        }
    }

    /// After an entry is written with people whose file does not load: the entry lives in a
    /// month file and names them by id, so it is safe (and a note is not lost to a typo in
    /// someone's card); their own file still needs fixing, and now is when they come to mind.
    pub fn warn_broken(&self, with: &[String]) {
        for id in with {
            if let Some(p) = self.journal.broken_by_id(id) {
                eprintln!(
                    "rolo: warning: {} ({}'s file does not load; the entry is saved, fix the file in an editor)",
                    self.shown(p),
                    inert_line(self.journal.name_of(id))
                );
            }
        }
    }

    pub fn id_of(&self, ix: Ix) -> String {
        self.journal
            .contact(ix)
            .map(|c| c.id.clone())
            .unwrap_or_default()
    }
}

/// The commands that need no journal (completion scripts, the manual), run on stdout;
/// `None` for every other command.
pub fn without_journal(command: &Command, out: &mut dyn Write) -> Option<CliResult> {
    match command {
        Command::Completions { shell } => Some(shell::write_completions(out, *shell)),
        Command::Man => Some(shell::write_man(out)),
        Command::MergeDriver {
            kind,
            base,
            ours,
            theirs,
            path,
        } => Some(sync::merge_driver(kind, base, ours, theirs, path)),
        _ => None,
    }
}

/// The commands that make the data folder (`clone`, `sync --from`), run before anything
/// looks into it; `None` for every other command.
pub fn making_the_folder(
    command: &Command,
    dir: &std::path::Path,
    out: &mut dyn Write,
) -> Option<CliResult> {
    match command {
        Command::Clone { url, folder } => Some(match folder {
            Some(f) => sync::clone(f, url, out, true),
            None => sync::clone(dir, url, out, false),
        }),
        Command::Sync(args) => args
            .from
            .as_ref()
            .map(|url| sync::clone(dir, url, out, false)),
        _ => None,
    }
}

/// Run a command, its error worded: for callers that compare outcomes as text.
pub fn run(command: Command, ctx: &mut Ctx) -> Result<(), Worded> {
    dispatch(command, ctx).map_err(Worded::from)
}

/// Run a command, its error typed to the edge (`app_main` words it and picks the exit code).
pub fn dispatch(command: Command, ctx: &mut Ctx) -> CliResult {
    match command {
        Command::Add(args) => write::add(ctx, args),
        Command::Note(args) => write::note(ctx, args),
        Command::Need { who, text } => write::need(ctx, &who, &text),
        Command::Met { who, need_id, how } => write::met(ctx, &who, need_id, how),
        Command::Drop { who, need_id } => write::drop_need(ctx, &who, need_id),
        Command::Followup {
            who,
            text,
            due,
            theirs,
        } => write::follow_up(ctx, &who, &text, &due, theirs),
        Command::Done { who, follow_up_id } => write::done(ctx, &who, follow_up_id),
        Command::Edit(args) => edit::edit(ctx, args),
        Command::List {
            tag,
            due,
            archived,
            json: true,
        } => json::list(ctx, tag.as_deref(), due, archived),
        Command::List {
            tag, due, archived, ..
        } => read::list(ctx, tag.as_deref(), due, archived),
        Command::Show { who, json: true } => json::show(ctx, &who),
        Command::Show { who, .. } => read::show(ctx, &who),
        Command::Timeline {
            who,
            count,
            json: true,
        } => json::timeline(ctx, who.as_deref(), count),
        Command::Timeline { who, count, .. } => read::timeline(ctx, who.as_deref(), count),
        Command::Search {
            text,
            who,
            count,
            json,
        } => search::run(ctx, &text.join(" "), who.as_deref(), count, json),
        Command::Check => read::check(ctx),
        Command::Brief {
            who, json: true, ..
        } => json::brief(ctx, &who),
        Command::Brief { who, markdown, .. } => serve::brief(ctx, &who, markdown),
        Command::Intro { a, b, need, note } => serve::intro(ctx, &a, &b, need, note.as_deref()),
        Command::Due { json: true } => json::due(ctx),
        Command::Due { .. } => serve::due_lists(ctx),
        Command::Today { json: true } => json::today(ctx),
        Command::Today { .. } => serve::today(ctx),
        Command::Stats { who, since, json } => {
            stats::run(ctx, who.as_deref(), since.as_deref(), json)
        }
        Command::Review { week } => review::run(ctx, week),
        Command::Import(args) => import::run(ctx, args),
        Command::Merge { into, from, yes } => lifecycle::merge(ctx, &into, &from, yes),
        Command::Archive { who } => lifecycle::archive(ctx, &who),
        Command::Unarchive { who } => lifecycle::unarchive(ctx, &who),
        Command::Rename {
            who,
            name,
            no_alias,
            force,
        } => lifecycle::rename(ctx, &who, &name, no_alias, force),
        Command::Export(args) => export::run(ctx, args),
        Command::Completions { shell } => shell::completions(ctx, shell),
        Command::Man => shell::man(ctx),
        Command::Ids => shell::ids(ctx),
        Command::Undo { place, list, count } => history::undo(ctx, place, list, count),
        Command::Redo => history::redo(ctx),
        Command::Log { who, count } => history::log(ctx, who.as_deref(), count),
        Command::Sync(args) => sync::sync(ctx, args),
        // Run before a journal is loaded (`without_journal`, `making_the_folder`).
        Command::Clone { .. } | Command::MergeDriver { .. } => Ok(()),
    }
}

/// "today", "yesterday", "3 days ago", "never".
pub fn ago(days: Option<i64>) -> String {
    match days {
        None => "never".into(),
        Some(0) => "today".into(),
        Some(1) => "yesterday".into(),
        Some(d) if d < 0 => format!("in {} days", -d),
        Some(d) => format!("{d} days ago"),
    }
}
