//! What each command loads. A full load is always correct; a command reads less only where
//! its output is proven the same (`tests/lean_reads.rs` runs every such command both ways).

use crate::cli::Command;
use crate::fasthash::FastSet;
use crate::journal::{Journal, Resolution};
use crate::model::Contact;
use crate::store::{ByName, ContactFiles, Guessed, KeptNames, MonthsRead, Store, StoreError};
use chrono::{DateTime, FixedOffset};

mod brief_kept;
mod named;

pub use named::{Named, named_only_for};
use named::{named_by_id, named_for, named_only};

/// How much of the folder a command needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needs {
    /// Commands that read only the history (`undo`, `redo`, `log`).
    Nothing,
    /// Commands that change contacts or append one entry without looking at others.
    Contacts,
    /// Contacts and who was seen when, plus every file that did not load.
    Touches,
    /// Contacts and every entry with the person this query names.
    OnePerson(String),
    /// What `brief` reads: as `OnePerson`, but when the query is an id whose card has no open
    /// need, only the cards its entries name (helpers are ranked only for open needs, and
    /// against everyone); and when the helpers for its open needs are kept under every card
    /// as it is, only those cards, the helpers' and its own (`brief_kept.rs`).
    Brief(String),
    /// The `count` newest entries (with the person the query names, if any), read through
    /// the month index (`store/speed/newest.rs`): what `timeline -n N` shows, and with every
    /// entry, `show`. Both print nothing about anyone but the people of those entries, so
    /// with no query, or a query that is an id, only those people's files are read; a name
    /// to resolve needs everyone's.
    Newest {
        who: Option<String>,
        count: usize,
    },
    /// Contacts and every entry from this moment on, with each person's last day before it:
    /// what `stats` reads for a period ending today (`Journal::from_since`).
    Since(DateTime<FixedOffset>),
    Everything,
}

/// What `command` needs, run at `now` (the statistics' period ends today).
pub fn needs(command: &Command, now: DateTime<FixedOffset>) -> Needs {
    use Command as C;
    match command {
        C::Add(_)
        | C::Note(_)
        | C::Need { .. }
        | C::Met { .. }
        | C::Drop { .. }
        | C::Followup { .. }
        | C::Done { .. }
        | C::Edit(_)
        // An import matches against contacts and writes contacts; `__ids` lists them.
        | C::Import(_)
        | C::Archive { .. }
        | C::Unarchive { .. }
        | C::Rename { .. }
        | C::Ids
        | C::Log { who: Some(_), .. } => Needs::Contacts,
        C::Undo { .. }
        | C::Redo
        | C::Log { who: None, .. }
        | C::Sync(_)
        | C::Clone { .. }
        | C::MergeDriver { .. } => Needs::Nothing,
        // `intro` writes one entry; it reads the journal only for the count of unreadable files.
        C::List { .. } | C::Due { .. } | C::Today { .. } | C::Intro { .. } => Needs::Touches,
        C::Brief { who, .. } => Needs::Brief(who.clone()),
        C::Show { who, .. } => Needs::Newest {
            who: Some(who.clone()),
            count: usize::MAX,
        },
        C::Timeline { who, count, .. } => Needs::Newest {
            who: who.clone(),
            count: *count,
        },
        // One person's figures read only their entries.
        C::Stats { who: Some(who), .. } => Needs::OnePerson(who.clone()),
        C::Stats {
            who: None, since, ..
        } => stats_needs(since.as_deref(), now),
        // Anything not listed (check, the whole timeline, merge, which counts the entries
        // that move in its preview, new commands) loads everything.
        _ => Needs::Everything,
    }
}

/// The entries `rolo stats` reads: from the oldest day of its period, less a day (a day is
/// in each entry's own offset, up to 14 hours ahead of UTC). A `--since` that does not read
/// loads everything: the command then says what is wrong with it.
fn stats_needs(since: Option<&str>, now: DateTime<FixedOffset>) -> Needs {
    let since = match since.map(|t| crate::when::parse_when(t, now.naive_local())) {
        None => None,
        Some(Ok(when)) => Some(when.date()),
        Some(Err(_)) => return Needs::Everything,
    };
    let oldest = crate::stats::oldest_read(now.date_naive(), since);
    let from = oldest
        .pred_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().fixed_offset());
    match from {
        Some(from) => Needs::Since(from),
        None => Needs::Everything,
    }
}

/// The journal `needs` asks for. Its problems are a full load's where the CLI looks at them:
/// the same errors in the same order (only `check`, which loads everything, lists warnings).
pub fn journal_for(store: &Store, needs: &Needs) -> Result<Journal, StoreError> {
    Ok(match needs {
        Needs::Nothing => Journal::new(crate::model::Loaded::default()),
        Needs::Contacts => Journal::new(store.load_contacts_only()?),
        Needs::Everything => Journal::new(store.load()?),
        Needs::Since(from) => {
            let read = store.load_since(from)?;
            Journal::from_since(store.load_contacts_lean()?, read.entries, read.before)
        }
        Needs::Touches => {
            Journal::from_last_days(store.load_contacts_lean()?, store.load_last_days()?)
        }
        Needs::Newest { who, count } => person_or_newest(store, needs, who.as_deref(), *count)?,
        // Every entry with them: the months the month index says name them, and those it
        // does not know as they are now.
        Needs::Brief(query) => person_or_newest(store, needs, Some(query), usize::MAX)?,
        Needs::OnePerson(query) => {
            one_person(store, needs, query, usize::MAX, Likely::Unknown, None)?
        }
    })
}

/// What `timeline [WHO] [-n N]`, `show WHO` and `brief WHO` read: only the cards their
/// entries name when that prints the same (`named_only_for`), else everyone's.
fn person_or_newest(
    store: &Store,
    needs: &Needs,
    who: Option<&str>,
    count: usize,
) -> Result<Journal, StoreError> {
    // The contacts folder could not be listed: read as before, which says why.
    let Ok(files) = store.contact_files() else {
        return match who {
            Some(query) => one_person(store, needs, query.trim(), count, Likely::Unknown, None),
            None => Ok(Journal::new(store.load_contacts_lean()?)
                .with_entries_of_one(store.load_newest(None, count)?)),
        };
    };
    if let Some(named) = named_by_id(store, needs, &files) {
        return named_only(store, named, count);
    }
    let Some(query) = who.map(str::trim) else {
        return Ok(Journal::new(store.load_contacts_lean()?)
            .with_entries_of_one(store.load_newest(None, count)?));
    };
    // Straight to everyone's cards: an id (here, one whose brief ranks helpers against
    // everyone), a store without a cache (the names would cost a read of every card), and
    // a brief for someone the names kept say has an open need (checking the names first
    // would only add to it; a wrong guess costs time, never the answer).
    // Each with whom it most likely means, whose entries are read meanwhile: the id itself,
    // the one card the names kept give that name. A brief whose helpers are kept under the
    // cards as they are reads only the cards it names instead (`brief_kept.rs`).
    let brief = matches!(needs, Needs::Brief(_));
    if files.has(query) {
        let kept = brief
            .then(|| brief_kept::Kept::of(store, &files, query, None))
            .flatten();
        return one_person(store, needs, query, count, Likely::Id(query), kept);
    }
    if store.cache_root().is_none() {
        return one_person(store, needs, query, count, Likely::Unknown, None);
    }
    if brief && let Some((id, true)) = store.kept_open_need(&crate::fold::key(query)) {
        let kept = brief_kept::Kept::of(store, &files, &id, Some(query));
        return one_person(store, needs, query, count, Likely::Named(&id), kept);
    }
    // A name resolved by everyone's names alone (`by_names`) is then read as its id is.
    // Meanwhile what the names kept say, unchecked, is read on a second thread (`Guess`):
    // most of the time the names checked against the cards say the same, and that read is
    // the one needed.
    // The guess is made once, here: the names checked take it as the answer when every card
    // is as kept.
    let kept = store.kept_names();
    let guess = store.guess_by_name(&kept, query);
    let (found, guessed) = std::thread::scope(|s| {
        let (files, kept, guess) = (&files, &kept, &guess);
        let guessed = s.spawn(move || match guess {
            Guessed::One(id) => {
                let read = named_for(store, needs, Some(id), files)
                    .map(|named| named_only(store, named, count).map(Box::new));
                Guess::One(id.clone(), read)
            }
            Guessed::NotOne => Guess::NotOne(store.load_last_days().map(|read| read.errors)),
            Guessed::Unknown => Guess::Nothing,
        });
        let found = by_names(store, query, files, kept, guess);
        // A guess that panicked (a bug) read nothing the answer needs: the names checked
        // read it again, as if there had been no guess.
        let guessed = guessed.join().unwrap_or(Guess::Nothing);
        (found, guessed)
    });
    match found? {
        ByNames::One(id, everyone) => match named_for(store, needs, Some(&id), &files) {
            Some(named) => match guessed {
                Guess::One(guess, Some(Ok(journal))) if guess == id => Ok(*journal),
                _ => named_only(store, named, count),
            },
            // A brief that ranks helpers: everyone's cards, those read to find the name
            // when they were (in all but a race with a card added meanwhile), used as
            // `one_person` would use them; else as `one_person` reads for the name, with
            // their entries on the way, and only the cards it names when the helpers are
            // kept (`brief_kept.rs`).
            None => match everyone {
                Some(everyone) => {
                    let read = store.load_newest(Some(&id), count)?;
                    Ok(of_person(needs, everyone, &id, read))
                }
                None => {
                    let kept = brief_kept::Kept::of(store, &files, &id, None);
                    one_person(store, needs, query, count, Likely::Id(&id), kept)
                }
            },
        },
        // What `one_person` gives for a name that resolves to no one or several: the
        // message names only names and ids, and the files that did not load.
        ByNames::NotOne(names) => {
            let errors = match guessed {
                Guess::NotOne(Ok(errors)) => errors,
                _ => store.load_last_days()?.errors,
            };
            Ok(names.with_entries_of_one(MonthsRead {
                items: Vec::new(),
                errors,
            }))
        }
    }
}

/// What the names kept say a typed name means, unchecked, and what was read on that guess
/// (`person_or_newest`).
enum Guess {
    /// One person: their entries and the cards those name, as `named_only` reads them for
    /// the command (`None` when it reads everyone's: a brief that ranks helpers).
    One(String, Option<Result<Box<Journal>, StoreError>>),
    /// No one or several: the month files that do not load, which the command counts when
    /// it says so.
    NotOne(Result<Vec<crate::model::Problem>, StoreError>),
    /// Nothing kept to guess from, so nothing read; or its thread panicked.
    Nothing,
}

/// Who a typed name means (`by_names`).
enum ByNames {
    /// The one person's id, with everyone's whole cards when they were read to find it.
    One(String, Option<Journal>),
    /// No one or several: everyone's names, to say so from.
    NotOne(Journal),
}

/// The one person `query` names, resolved against everyone's id, name and aliases
/// (`Store::person_by_name`, which with a cache reads only the cards changed since): the
/// same person `Journal::resolve` finds on a full load, since it looks at nothing else.
fn by_names(
    store: &Store,
    query: &str,
    files: &ContactFiles,
    kept: &KeptNames,
    guessed: &Guessed,
) -> Result<ByNames, StoreError> {
    let names = match store.person_by_name(files, query, kept, guessed)? {
        ByName::One(id) => return Ok(ByNames::One(id, None)),
        ByName::Names(names) => names,
    };
    let journal = Journal::new(names.loaded);
    let id = match journal.resolve(query) {
        Resolution::One(ix) => journal.contact(ix).map(|c| c.id.clone()),
        _ => None,
    };
    Ok(match id {
        Some(id) => ByNames::One(id, names.whole.then_some(journal)),
        None => ByNames::NotOne(journal),
    })
}

/// Whether `needs`, once its person is known, prints only what the cards its entries name
/// hold: everything but a brief for someone with an open need (helpers are ranked against
/// everyone) and one person's statistics (which read everyone's).
fn only_named_cards(needs: &Needs, person: &Contact) -> bool {
    match needs {
        Needs::Newest { .. } => true,
        Needs::Brief(_) => person.open_needs().next().is_none(),
        _ => false,
    }
}

/// Whom `one_person`'s query most likely means, before everyone's cards are read.
#[derive(Clone, Copy)]
enum Likely<'a> {
    /// No guess.
    Unknown,
    /// The query is this id, which has a file.
    Id(&'a str),
    /// The names kept say the query names this id: checked against the cards as they are
    /// read (`Store::load_contacts_lean_naming`).
    Named(&'a str),
}

impl<'a> Likely<'a> {
    fn id(self) -> Option<&'a str> {
        match self {
            Likely::Unknown => None,
            Likely::Id(id) | Likely::Named(id) => Some(id),
        }
    }
}

/// A journal of contacts and the `count` newest entries with the person `query` names. When
/// it names no one (or several), the command will say so; the files that did not load are
/// still counted, as after a full load. When the command prints only what the cards its
/// entries name hold (`only_named_cards`), the journal is cut down to those cards, as if
/// only they had been read (`narrowed`). The entries of `likely`, whom the query most likely
/// means, are read on a second thread while everyone's cards load, and used if it does.
/// A brief whose helpers are kept (`kept`, for the person `likely` names) first checks, while
/// those entries are read, whether it needs only the cards it names (`brief_kept.rs`).
fn one_person(
    store: &Store,
    needs: &Needs,
    query: &str,
    count: usize,
    likely: Likely,
    kept: Option<brief_kept::Kept>,
) -> Result<Journal, StoreError> {
    let guess = likely.id();
    let scoped = std::thread::scope(|s| {
        let mut guessed = guess.map(|id| s.spawn(move || store.load_newest(Some(id), count)));
        // A read that panicked (a bug) is read again below, as if there had been no guess.
        let mut join = || guessed.take().and_then(|read| read.join().ok());
        let (mut taken, mut guessed_back) = (None, None);
        if let (Some(kept), Some(id)) = (&kept, guess) {
            match kept.try_take(store, id, query, &mut join) {
                brief_kept::Tried::Taken(journal) => return Ok(Scoped::Taken(journal)),
                brief_kept::Tried::Not { stamps, entries } => {
                    (taken, guessed_back) = (stamps, entries)
                }
            }
        }
        let read = read_all(store, needs, &likely, query, taken.as_ref())?;
        let guessed = guessed_back.or_else(join);
        Ok::<_, StoreError>(Scoped::Read(read, guessed))
    })?;
    let ((loaded, named), guessed) = match scoped {
        Scoped::Taken(journal) => return Ok(*journal),
        Scoped::Read(read, guessed) => (read, guessed),
    };
    let journal = Journal::new(loaded);
    // Whom the names kept say, when every card is as they were kept under: the same person
    // resolving the name on everyone's cards finds.
    let resolved = match named.and_then(|id| journal.ix(&id)) {
        Some(ix) => Resolution::One(ix),
        None => journal.resolve(query),
    };
    let person = match resolved {
        Resolution::One(ix) => {
            // The command resolves the query again, on these same cards.
            journal.note_resolved(query, ix);
            journal.contact(ix)
        }
        _ => None,
    };
    let Some(person) = person else {
        return Ok(journal.with_entries_of_one(MonthsRead {
            items: Vec::new(),
            errors: store.load_last_days()?.errors,
        }));
    };
    let id = person.id.clone();
    let read = match guessed {
        Some(Ok(read)) if guess == Some(id.as_str()) => read,
        _ => store.load_newest(Some(&id), count)?,
    };
    Ok(of_person(needs, journal, &id, read))
}

/// What `one_person` read while the guess's entries were read beside it.
enum Scoped {
    /// A brief's journal of only the cards it names (`brief_kept.rs`).
    Taken(Box<Journal>),
    /// Everyone's cards (and whom the names kept say the query means), and the entries of
    /// whom the query most likely means.
    Read(
        (crate::model::Loaded, Option<String>),
        Option<Result<MonthsRead<crate::model::Entry>, StoreError>>,
    ),
}

/// Everyone's cards, as `one_person` reads them: a brief keeps the names of the cards it
/// read, with their hashes, so the next one can take its kept helpers without reading them
/// all (`brief_kept.rs`); `taken`, each card's stamp when it was just taken.
fn read_all(
    store: &Store,
    needs: &Needs,
    likely: &Likely,
    query: &str,
    taken: Option<&crate::store::StampsTaken>,
) -> Result<(crate::model::Loaded, Option<String>), StoreError> {
    match likely {
        Likely::Named(_) => store.load_contacts_lean_naming(Some(query), taken),
        Likely::Id(_) if matches!(needs, Needs::Brief(_)) => {
            store.load_contacts_lean_naming(None, taken)
        }
        _ => store.load_contacts_lean().map(|loaded| (loaded, None)),
    }
}

/// `journal` (everyone's cards) with `read`, `id`'s newest entries, cut down to the cards
/// those entries name when that is all `needs` prints (`only_named_cards`).
fn of_person(
    needs: &Needs,
    journal: Journal,
    id: &str,
    read: MonthsRead<crate::model::Entry>,
) -> Journal {
    let narrow = journal
        .ix(id)
        .and_then(|ix| journal.contact(ix))
        .is_some_and(|person| only_named_cards(needs, person));
    if narrow {
        narrowed(&journal, id, read)
    } else {
        journal.with_entries_of_one(read)
    }
}

/// `all` cut down to `who`'s card and the cards `read`'s entries name, with only their
/// problems: what `named_only` reads for `who`, taken from cards already read. On the large
/// set, a brief for someone with no open need, given by name, built everyone's journal for
/// nothing (147 ms against 76).
fn narrowed(all: &Journal, who: &str, read: MonthsRead<crate::model::Entry>) -> Journal {
    let named: FastSet<&str> = std::iter::once(who)
        .chain(
            read.items
                .iter()
                .flat_map(|e| e.with.iter().map(String::as_str)),
        )
        .collect();
    let card = |id: &str| crate::store::paths::contact(id);
    let cards: FastSet<std::path::PathBuf> = named.iter().map(|id| card(id)).collect();
    let loaded = crate::model::Loaded {
        contacts: all
            .contacts()
            .iter()
            .filter(|c| named.contains(c.id.as_str()))
            .cloned()
            .collect(),
        entries: Vec::new(),
        problems: all
            .problems
            .iter()
            .filter(|p| cards.contains(&p.path))
            .cloned()
            .collect(),
    };
    Journal::new(loaded)
        .with_entries_of_one(read)
        .holding_only_some()
}
