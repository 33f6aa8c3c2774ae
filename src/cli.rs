//! Command-line definitions. `rolo` alone opens the TUI; subcommands work without it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod args;
pub use args::{
    AddArgs, EditArgs, ExportArgs, ExportFormat, ImportArgs, NoteArgs, ReviewWeek, SyncArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "rolo",
    version,
    about = "A terminal journal for the people in your life",
    long_about = "A terminal journal for the people in your life: contacts, a timeline of \
                  interactions, what people need and can help with, follow-ups and \
                  keep-in-touch rhythms, all in plain TOML files you own.\n\n\
                  Run `rolo` with no command to open the journal in the terminal UI."
)]
pub struct Cli {
    /// Data folder (default: $ROLO_DIR, $XDG_DATA_HOME/rolo, ~/.local/share/rolo)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Run on a fresh copy of the bundled demo journal; your own data is never touched
    #[arg(long, global = true, conflicts_with = "dir")]
    pub demo: bool,

    /// Read every file afresh and write no cache (also: ROLO_NO_CACHE=1)
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Draw the first frame of the TUI and exit (for measuring start-up)
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    /// Load the whole journal even for a command that needs less (for tests and measuring)
    #[arg(long, global = true, hide = true)]
    pub full_load: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a person
    Add(AddArgs),
    /// Log an interaction with one or more people
    #[command(
        after_help = "Examples:\n  rolo note ada \"Coffee at Oslo Kaffebar, she is looking for a publisher\" --kind coffee\n  rolo note ada charles \"Dinner together\" --at yesterday"
    )]
    Note(NoteArgs),
    /// Record something a person is looking for
    Need {
        /// Who (id, name or part of it)
        who: String,
        /// What they need
        text: String,
    },
    /// Mark a need as met
    Met {
        who: String,
        /// The need's number, as shown by `rolo show`
        need_id: u32,
        /// How it was met
        #[arg(long)]
        how: Option<String>,
    },
    /// Mark a need as dropped (no longer relevant)
    Drop { who: String, need_id: u32 },
    /// Promise a follow-up to a person, or note one they promised you (--theirs)
    #[command(
        after_help = "Examples:\n  rolo followup ada \"Send her the Menabrea translation\" --due friday\n  \
                      rolo followup ada \"Send me the deck\" --due \"in 2 weeks\" --theirs"
    )]
    Followup {
        who: String,
        /// What was promised
        text: String,
        /// When it is due: friday (the coming one; today if it is friday), tomorrow,
        /// "next monday", "in 2 weeks", 2026-12-24
        #[arg(long, value_name = "WHEN")]
        due: String,
        /// They promised it to you ("they'll send me the deck"); kept apart from yours
        #[arg(long)]
        theirs: bool,
    },
    /// Mark a follow-up as done
    Done { who: String, follow_up_id: u32 },
    /// Edit a person's card in $VISUAL or $EDITOR, or set fields with --set
    #[command(
        after_help = "Without --set, the card opens in $VISUAL, $EDITOR or vi, as its file has it \
                      (comments and keys rolo does not know too); what you change is saved into \
                      the file as it is then, so a change made meanwhile is kept. A text that \
                      does not read is shown with its line: edit it again, or it is kept in a \
                      file whose path is printed.\n\n\
                      Examples:\n  rolo edit ada\n  rolo edit ada --set role=CTO --set \"email=ada@example.org\"\n  \
                      rolo edit ada --set birthday=12-10 --set company="
    )]
    Edit(EditArgs),
    /// List people
    List {
        /// Only people with this tag
        #[arg(long)]
        tag: Option<String>,
        /// Only people past their keep-in-touch rhythm
        #[arg(long, conflicts_with = "archived")]
        due: bool,
        /// Only the people archived (`rolo archive`), who are otherwise left out
        #[arg(long)]
        archived: bool,
        /// JSON (schema rolo/1, see the README) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Show a person: profile, needs, follow-ups and recent entries
    Show {
        who: String,
        /// JSON (schema rolo/1): the person and every entry with them, newest first
        #[arg(long)]
        json: bool,
    },
    /// Show the timeline of everyone, or of one person
    Timeline {
        who: Option<String>,
        /// How many entries, newest first (1 or more)
        #[arg(short = 'n', long = "count", default_value_t = 20, value_parser = entry_count)]
        count: usize,
        /// JSON (schema rolo/1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Search names, notes, needs, promises and every field of a card
    #[command(
        after_help = "Every word must be found, each at the start of a word (\"chen\" finds \
                      Chennai); case and accents do not matter. A word may also be the name of \
                      the person something is about: `rolo search priya chennai` finds the note \
                      about Chennai with Priya in it.\n\n\
                      Examples:\n  rolo search visa\n  rolo search flat berlin --who kwame\n  \
                      rolo search chennai --json"
    )]
    Search {
        /// What to look for; several words must each be found
        #[arg(required = true, num_args = 1.., value_name = "TEXT")]
        text: Vec<String>,
        /// Only what is about this person (id, name or part of it)
        #[arg(long, value_name = "WHO")]
        who: Option<String>,
        /// How many hits, best first (1 or more)
        #[arg(short = 'n', long = "count", default_value_t = 20, value_parser = hit_count)]
        count: usize,
        /// JSON (schema rolo/1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Check every file and report problems as path:line:col: message
    Check,
    /// What to read before meeting someone: needs, promises, who they may want to meet
    Brief {
        /// Who (id, name or part of it)
        who: String,
        /// Markdown, for pasting into notes
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
        /// JSON (schema rolo/1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Log an introduction of A to B, optionally for one of A's needs (marked met)
    #[command(
        after_help = "Examples:\n  rolo intro zoe nadia --for 1\n  rolo intro kwame sofia --note \"Email intro, both in cc\""
    )]
    Intro {
        /// The person being helped
        a: String,
        /// The person they are introduced to
        b: String,
        /// The number of A's open need this intro is for (see `rolo brief A`)
        #[arg(long = "for", value_name = "NEED_ID")]
        need: Option<u32>,
        /// What happened, in your words
        #[arg(long)]
        note: Option<String>,
    },
    /// People to reconnect with, promises due, birthdays in the next 30 days
    Due {
        /// JSON (schema rolo/1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Today: promises due, birthdays this week, who to reconnect with, needs you could help with
    Today {
        /// JSON (schema rolo/1) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Statistics: interactions by month, a year of days, who you saw most, rhythm, needs,
    /// intros, give and ask; or one person's
    #[command(
        after_help = "Charts are small blocks on a terminal; with NO_COLOR, or into a file or a \
                      pipe, plain digits.\n\
                      Examples:\n  rolo stats\n  rolo stats --since 2025-01-01\n  rolo stats ada\n  \
                      rolo stats --json"
    )]
    Stats {
        /// Only this person (id, name or part of it)
        who: Option<String>,
        /// From this day (a date, or words like \"3 months ago\"); the default is the last
        /// 24 months
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// JSON (schema rolo/1, see the README) instead of text
        #[arg(long)]
        json: bool,
    },
    /// The weekly review: who you saw, gave, asked, promises, needs met, intros; then the
    /// coming week
    Review {
        /// The week to look back at: this one (Monday to today) or last (Monday to Sunday)
        #[arg(long, value_enum, default_value_t = ReviewWeek::This)]
        week: ReviewWeek,
    },
    /// Take back the last change (a new commit in the history; works after a restart)
    #[command(
        after_help = "Every change rolo makes is a commit in the data folder's git history; an undo \
                      is a new commit that takes one back (edits made outside rolo too).\n\
                      Examples:\n  rolo undo\n  rolo undo --list\n  rolo undo 3"
    )]
    Undo {
        /// Undo the change at this place in `rolo undo --list` (1, the newest, is the
        /// default); the changes after it stay, unless one of them touched the same thing
        #[arg(value_name = "NUMBER", value_parser = list_place)]
        place: Option<usize>,
        /// List what can be undone, newest first, instead of undoing
        #[arg(long, conflicts_with = "place")]
        list: bool,
        /// With --list: how many (1 or more)
        #[arg(short = 'n', long = "count", default_value_t = 20, value_parser = change_count, requires = "list")]
        count: usize,
    },
    /// Put back the last change undone
    Redo,
    /// The history of changes, newest first: all of them, or those about one person
    Log {
        /// Who (id, name or part of it)
        who: Option<String>,
        /// How many changes (1 or more)
        #[arg(short = 'n', long = "count", default_value_t = 20, value_parser = change_count)]
        count: usize,
    },
    /// Share the journal through a git remote you own: commit, fetch, merge, push
    #[command(
        long_about = "Share the journal between machines through a git remote you own (any git \
                      server, a bare repository on a USB stick or a NAS): commit what is \
                      pending, fetch, merge, push. Never forced; what was pushed is never \
                      rewritten. Month files merge entry by entry and contact files key by key; \
                      the same value changed on two machines stops the sync with both values \
                      shown, and nothing is merged until you pick.",
        after_help = "Examples:\n  rolo sync --remote git@example.org:me/journal.git   (once)\n  rolo sync\n  rolo sync --ours contacts/ada.toml     (keep this machine's values)\n  rolo sync --theirs contacts/ada.toml   (take the other machine's)\n\nExit codes: 0 synced, 75 offline or the remote did not answer (nothing lost; try later), 1 anything else, a conflict included."
    )]
    Sync(SyncArgs),
    /// Make this machine's journal a copy of one shared with `rolo sync`
    #[command(
        after_help = "Examples:\n  rolo clone git@example.org:me/journal.git\n  rolo clone /media/usb/journal.git ~/journal"
    )]
    Clone {
        /// The remote the other machine syncs with
        url: String,
        /// Where to put the journal (as `git clone URL DIR`); the data folder when left out
        folder: Option<PathBuf>,
    },
    /// git's merge driver for the journal's files (registered by rolo; not for people)
    #[command(name = "merge-driver", hide = true)]
    MergeDriver {
        /// month or contact
        kind: String,
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository
        path: String,
    },
    /// Import people from address books: vCard (.vcf files, or folders of them), LinkedIn's
    /// Connections.csv, a Google Contacts CSV
    #[command(
        long_about = "Import people from the address books you already have: vCard 2.1, 3.0 and \
                      4.0 files (Google, Apple, Outlook, khard; a file of many cards, or a folder \
                      of .vcf files), LinkedIn's Connections.csv and Google Contacts CSV.\n\n\
                      rolo first shows what it would do: who is new, who is here already \
                      (matched by email, phone or exact name) and what their record gains, \
                      and what is skipped and why (file:line). Nothing you wrote is ever \
                      changed or removed; importing the same file twice changes nothing. \
                      On a terminal it asks before writing; elsewhere it writes only with --yes.",
        after_help = "Examples:\n  rolo import contacts.vcf\n  rolo import ~/Downloads/Connections.csv --yes\n  rolo import ~/.local/share/khard/contacts/"
    )]
    Import(ImportArgs),
    /// Make two people one: B's entries, needs, follow-ups, aliases and fields move to A
    #[command(
        long_about = "Make two people one, as after an import that brought someone in twice. \
                      B's entries, needs, follow-ups, aliases and fields move to A: where both \
                      have a value A's own stays (the preview names what is dropped), lists are \
                      joined, B's name becomes an alias of A, B's needs and follow-ups are \
                      numbered after A's, and every entry with B is with A instead. B's file is \
                      removed. One change: `rolo undo` takes all of it back.\n\n\
                      rolo shows what will happen first; on a terminal it asks, elsewhere it \
                      writes only with --yes.",
        after_help = "Examples:\n  rolo merge priya-raman \"Priya R.\"\n  rolo merge ada ada-2 --yes"
    )]
    Merge {
        /// A: who stays (id, name or part of it)
        into: String,
        /// B: who is merged into A, and whose file goes
        from: String,
        /// Merge without asking (for scripts)
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Set a person aside: out of `list`, reconnect and today, still in timelines and search
    Archive {
        /// Who (id, name or part of it)
        who: String,
    },
    /// Bring an archived person back into the lists
    Unarchive {
        /// Who (id, name or part of it)
        who: String,
    },
    /// Give a person a new name; their id (the file name) stays, the old name becomes an alias
    Rename {
        /// Who (id, name or part of it)
        who: String,
        /// The new name
        name: String,
        /// Do not keep the old name as an alias
        #[arg(long)]
        no_alias: bool,
        /// Use the name even when someone else has it
        #[arg(long)]
        force: bool,
    },
    /// Export everyone (or --who) as vCard, JSON, Markdown or iCalendar, to stdout or -o FILE
    #[command(
        after_help = "Examples:\n  rolo export vcard -o contacts.vcf\n  rolo export json > backup.json\n  rolo export ics --who ada -o ada.ics\n  rolo export markdown -o archive.md"
    )]
    Export(ExportArgs),
    /// Print a completion script for a shell (see the README to install it)
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print rolo's manual page (roff; see the README to install it)
    Man,
    /// Everyone's id, one a line: what the completion scripts offer for WHO
    #[command(name = "__ids", hide = true)]
    Ids,
}

/// A place in `rolo undo --list`, counted from 1.
fn list_place(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("give the change's place in `rolo undo --list`: 1 for the newest, 2 for the one before, …".into()),
    }
}

/// `-n 0` would list nothing, which reads as an empty history; it is refused instead.
fn change_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("0 changes would show nothing; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("give a number of changes, 1 or more".into()),
    }
}

/// `-n 0` would print nothing, which reads as an empty journal; it is refused instead.
fn entry_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("0 entries would show nothing; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("give a number of entries, 1 or more".into()),
    }
}

/// `-n 0` would print nothing, which reads as nothing found; it is refused instead.
fn hit_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("0 hits would show nothing; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("give a number of hits, 1 or more".into()),
    }
}
