//! The arguments of the subcommands that have many (`add`, `edit`, `note`, `sync`,
//! `import`, `export`) and `review --week`'s choice, for `cli.rs`'s `Command`.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Sync with this remote from now on (sets `origin`)
    #[arg(long, value_name = "URL")]
    pub remote: Option<String>,
    /// Into an empty data folder: clone this remote (as `rolo clone URL`)
    #[arg(long, value_name = "URL", conflicts_with_all = ["remote", "ours", "theirs"])]
    pub from: Option<String>,
    /// Settle the conflict in PATH with this machine's values (after editing it, yours)
    #[arg(long, value_name = "PATH", conflicts_with = "theirs")]
    pub ours: Option<PathBuf>,
    /// Settle the conflict in PATH with the other machine's values
    #[arg(long, value_name = "PATH")]
    pub theirs: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// vCard files (.vcf), folders of them, LinkedIn or Google Contacts CSV files
    #[arg(required = true, num_args = 1.., value_name = "FILE", value_hint = clap::ValueHint::AnyPath)]
    pub files: Vec<PathBuf>,
    /// Write without asking (for scripts); without it, off a terminal only the preview prints
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// vCard 4.0, for address books
    Vcard,
    /// Everything, schema rolo/1 (see the README)
    Json,
    /// A readable archive: one section per person with their timeline
    Markdown,
    /// iCalendar: birthdays (yearly) and open promises with a due date
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub format: ExportFormat,
    /// Write to FILE (replaced atomically) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Only this person (repeatable; id, name or part of it)
    #[arg(long = "who", value_name = "WHO")]
    pub who: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Full name
    pub name: String,
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub company: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    /// Keep in touch every DAYS days
    #[arg(long, value_name = "DAYS")]
    pub every: Option<u32>,
    #[arg(long)]
    pub email: Vec<String>,
    #[arg(long)]
    pub phone: Vec<String>,
    /// 1990-12-10, or 12-10 when the year is unknown
    #[arg(long)]
    pub birthday: Option<String>,
    /// How and where you met
    #[arg(long)]
    pub met: Option<String>,
    /// Something they can help others with (repeatable)
    #[arg(long = "helps-with", value_name = "SKILL")]
    pub helps_with: Vec<String>,
    /// Add them even when someone of that name (or alias) is here already
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Who (id, name or part of it)
    pub who: String,
    /// Set a field without an editor (repeatable): name, role, company, email, phone,
    /// birthday, met, keep_in_touch_days. An empty value removes the field; email and phone
    /// take several values split by commas
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// One or more people (id, name or part of it), then the note text
    #[arg(required = true, num_args = 1.., value_name = "WHO")]
    pub who: Vec<String>,
    /// What happened
    pub text: String,
    /// note, coffee, call, message, email, meeting, event, intro, gift
    #[arg(long, default_value = "note")]
    pub kind: String,
    /// When it happened: yesterday, friday (the last one; today if it is friday),
    /// "last friday", "3 days ago", 2026-11-20, "2026-11-20 14:00"
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// What you gave (an intro, advice, a referral)
    #[arg(long)]
    pub gave: Option<String>,
    /// What you asked for
    #[arg(long)]
    pub asked: Option<String>,
}

/// `rolo review --week`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewWeek {
    This,
    Last,
}
