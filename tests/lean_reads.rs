//! Commands that read less than the whole journal (`rolo::loads`) must print exactly what
//! they print after a full load. Every such command runs both ways, on the demo journal and
//! on a generated one with awkward files added (a broken month, a broken contact, an unknown
//! person, a misfiled entry, a person named twice in one entry, two entries tied in time and
//! id), at several dates: in-process for breadth, through the real binary (`--full-load`
//! against the default) for stdout, stderr and exit code.
//!
//! One difference is by design: `timeline` (and `timeline WHO`, `show WHO`, `brief WHO` for
//! someone with no open need, WHO an id or a name that names one person) reads only the
//! contact files of the people its entries name, so the files it counts as not loading are
//! the month files and those cards, not every card (`loads::named_only_for`).

#[allow(dead_code)]
use crate::generator;

use crate::lean_binary::binary;
use chrono::DateTime;
use clap::Parser;
use rolo::cli::Cli;
use rolo::cmd::{self, Ctx};
use rolo::journal::Journal;
use rolo::loads::{self, Needs};
use rolo::store::{Severity, Store};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use tempfile::TempDir;

/// Before most entries (days since are negative), the demo's day, past every rhythm.
pub(crate) const DATES: [&str; 4] = [
    "2023-02-14T09:00:00+00:00",
    "2026-11-24T12:00:00+01:00",
    "2027-03-01T18:30:00-05:00",
    "2031-07-01T00:00:00+00:00",
];

pub(crate) fn put(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

pub(crate) fn private(root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(root, fs::Permissions::from_mode(0o700)).expect("chmod");
}

pub(crate) fn demo() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    copy_dir(&src, tmp.path());
    private(tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for item in fs::read_dir(from).expect("read_dir") {
        let item = item.expect("item");
        let target = to.join(item.file_name());
        if item.file_type().expect("type").is_dir() {
            copy_dir(&item.path(), &target);
        } else {
            fs::copy(item.path(), target).expect("copy");
        }
    }
}

/// 300 people, 5,000 entries over four years, and the awkward files.
pub(crate) fn generated() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    let options = generator::Options {
        contacts: 300,
        entries: 5_000,
        needs: None,
        years: 4,
        seed: 42,
    };
    generator::generate(&options, tmp.path()).expect("generate");
    private(tmp.path());
    let who = first_contact(tmp.path());
    add_awkward_files(tmp.path(), &who);
    tmp
}

pub(crate) fn first_contact(root: &Path) -> String {
    Store::on_disk(root).contact_ids().expect("ids")[0].clone()
}

fn add_awkward_files(root: &Path, who: &str) {
    let other = Store::on_disk(root).contact_ids().expect("ids")[1].clone();
    put(root, "journal/2024/2024-05.toml", "[[entry]]\nid = \n");
    put(root, "contacts/broken-person.toml", "name = \n");
    let entry = |id: &str, at: &str, with: &str, note: &str| {
        format!(
            "[[entry]]\nid = \"{id}\"\nat = {at}\nwith = [{with}]\nkind = \"call\"\nnote = \"{note}\"\ngave = \"advice\"\n\n"
        )
    };
    let tie = "2026-11-20T10:00:00+01:00";
    let mut late = fs::read_to_string(root.join("journal/2026/2026-11.toml")).unwrap_or_default();
    late.push('\n');
    late += &entry(
        "tie",
        tie,
        &format!("\"{who}\", \"ghost\""),
        "first of the tie",
    );
    late += &entry("tie", tie, &format!("\"{who}\""), "second of the tie");
    // The newest entry names the person whose card does not load: a timeline that reads
    // only the cards its entries name reads that one.
    late += &entry(
        "newest",
        "2026-11-23T23:00:00+01:00",
        &format!("\"{other}\", \"broken-person\""),
        "with the broken card",
    );
    late += &entry(
        "twice",
        "2026-11-21T10:00:00+01:00",
        &format!("\"{who}\", \"{who}\""),
        "named twice",
    );
    put(root, "journal/2026/2026-11.toml", &late);
    // Misfiled into an older month, tied with the two above.
    put(
        root,
        "journal/2019/2019-01.toml",
        &entry("tie", tie, &format!("\"{who}\""), "misfiled"),
    );
}

/// What a command printed, how it ended, and how many unreadable files the CLI would count.
#[derive(Debug, PartialEq)]
struct Outcome {
    out: String,
    result: Result<(), String>,
    /// Each as its file (relative) and as printed.
    errors: Vec<(String, String)>,
}

fn parse(args: &[&str]) -> rolo::cli::Command {
    let cli = Cli::try_parse_from(std::iter::once("rolo").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    cli.command.expect("a command")
}

/// Output shared with the test while the command holds the writer.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The contact files a journal's entries name (and `who`'s): with the month files, what a
/// command that reads only the people its entries name counts as not loading.
fn cards_named(journal: &Journal, who: Option<&str>) -> HashSet<String> {
    journal
        .timeline()
        .flat_map(|e| e.with.iter().map(String::as_str))
        .chain(who)
        .map(|id| format!("contacts/{id}.toml"))
        .collect()
}

/// Whether a command that reads only the cards `named` counts this file's error.
fn counted(named: &HashSet<String>, path: &str) -> bool {
    path.starts_with("journal/") || named.contains(path)
}

/// `args` at each of `DATES`, on one journal loaded the lean way or in full; with the
/// errors a full load would count, when the lean way counts fewer by design.
fn run(store: &Store, args: &[&str], full: bool) -> (Vec<Outcome>, Option<HashSet<String>>) {
    let needs = if full {
        Needs::Everything
    } else {
        loads::needs(
            &parse(args),
            DateTime::parse_from_rfc3339(DATES[0]).expect("date"),
        )
    };
    let journal = loads::journal_for(store, &needs).expect("load");
    let named = loads::named_only_for(store, &needs)
        .map(|named| cards_named(&journal, named.who.as_deref()));
    let errors: Vec<(String, String)> = journal
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.path.display().to_string(), p.to_string()))
        .collect();
    let shared = Shared::default();
    let mut writer = shared.clone();
    let mut ctx = Ctx {
        store,
        history: None,
        journal,
        now: DateTime::parse_from_rfc3339(DATES[0]).expect("date"),
        out: &mut writer,
    };
    let outcomes = DATES
        .iter()
        .map(|date| {
            ctx.now = DateTime::parse_from_rfc3339(date).expect("date");
            let result = cmd::run(parse(args), &mut ctx).map_err(|e| e.0);
            let out = String::from_utf8(shared.0.take()).expect("utf-8");
            Outcome {
                out: format!("at {date}:\n{out}"),
                result,
                errors: errors.clone(),
            }
        })
        .collect();
    (outcomes, named)
}

/// The commands to compare: lists with and without filters, and people picked to cover the
/// busiest timeline, open needs, promises and birthdays, plus queries that do not resolve.
fn commands(root: &Path) -> Vec<Vec<String>> {
    let full = Journal::new(Store::on_disk(root).load().expect("load"));
    let contacts = full.contacts();
    let most_entries = (0..contacts.len())
        .max_by_key(|&ix| full.timeline_of(ix).len())
        .expect("someone");
    let mut people: Vec<usize> = vec![0, contacts.len() / 2, contacts.len() - 1, most_entries];
    people.extend(contacts.iter().position(|c| c.open_needs().count() > 0));
    people.extend(contacts.iter().position(|c| !c.follow_ups.is_empty()));
    people.extend(contacts.iter().position(|c| c.birthday.is_some()));
    let mut tags: Vec<&str> = contacts
        .iter()
        .flat_map(|c| c.tags.iter().map(String::as_str))
        .take(2)
        .collect();
    tags.push("no-such-tag");
    let mut all: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--due"],
        vec!["list", "--archived"],
        vec!["due"],
        vec!["today"],
        vec!["timeline"],
        vec!["timeline", "-n", "1"],
        vec!["timeline", "-n", "7"],
        vec!["timeline", "--json", "-n", "3"],
    ];
    for tag in &tags {
        all.push(vec!["list", "--tag", tag]);
        all.push(vec!["list", "--due", "--tag", tag]);
    }
    let first_word = contacts[0].name.split(' ').next().unwrap_or("a");
    let queries = [first_word, "nobody-at-all", "broken-person"];
    let ids: Vec<&str> = people.iter().map(|&ix| contacts[ix].id.as_str()).collect();
    // Names as a person types them: whole, in capitals, a word of it, an alias.
    let names: Vec<String> = people
        .iter()
        .flat_map(|&ix| {
            let name = &contacts[ix].name;
            [
                name.clone(),
                name.to_uppercase(),
                name.split(' ').next_back().unwrap_or(name).to_string(),
            ]
        })
        .chain(
            contacts
                .iter()
                .flat_map(|c| c.aliases.first().cloned())
                .take(2),
        )
        .collect();
    let names = names.iter().map(String::as_str);
    for who in ids.iter().copied().chain(queries).chain(names) {
        all.push(vec!["brief", who]);
        all.push(vec!["brief", who, "--markdown"]);
        all.push(vec!["show", who]);
        all.push(vec!["timeline", who]);
        all.push(vec!["timeline", who, "-n", "3"]);
    }
    all.into_iter()
        .map(|c| c.into_iter().map(String::from).collect())
        .collect()
}

/// Every command both ways, without a cache and with one (filled first, so the lean reads
/// take what they can from it).
fn compare_everything(root: &Path) -> usize {
    let cache = TempDir::new().expect("cache");
    let cached = Store::on_disk(root)
        .with_cache(cache.path())
        .cache_settle_after(std::time::Duration::ZERO);
    cached.load().expect("load");
    cached.flush_cache().expect("cache written");
    [Store::on_disk(root), cached]
        .iter()
        .map(|store| compare_everything_in(store, root))
        .sum()
}

fn compare_everything_in(store: &Store, root: &Path) -> usize {
    let mut compared = 0;
    for args in commands(root) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_ne!(
            loads::needs(
                &parse(&args),
                DateTime::parse_from_rfc3339(DATES[0]).expect("date")
            ),
            Needs::Everything,
            "{args:?} should take a lean path"
        );
        let ((lean, named), (mut full, _)) = (run(store, &args, false), run(store, &args, true));
        if let Some(named) = named {
            for f in &mut full {
                f.errors.retain(|(path, _)| counted(&named, path));
            }
        }
        for (lean, full) in lean.iter().zip(&full) {
            assert_eq!(lean, full, "rolo {}", args.join(" "));
            compared += 1;
        }
    }
    compared
}

#[test]
fn lean_reads_print_what_a_full_load_prints_on_the_demo() {
    let dir = demo();
    assert!(compare_everything(dir.path()) > 100);
}

#[test]
fn lean_reads_print_what_a_full_load_prints_on_generated_data() {
    let dir = generated();
    let store = Store::on_disk(dir.path());
    // The awkward files are really there, and really awkward.
    let full = Journal::new(store.load().expect("load"));
    let errors: Vec<String> = full
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        full.problems
            .iter()
            .any(|p| p.message.contains("\"ghost\""))
    );
    let who = first_contact(dir.path());
    let ix = full.ix(&who).expect("first contact");
    let ids: Vec<&str> = full
        .timeline_of(ix)
        .take(6)
        .map(|e| e.id.as_str())
        .collect();
    assert!(ids.starts_with(&["twice"]), "{ids:?}");
    assert_eq!(ids.iter().filter(|id| **id == "tie").count(), 3, "{ids:?}");
    assert!(compare_everything(dir.path()) > 100);
}

/// A lean journal holds less; these are the questions it must not be asked. Guards the test
/// above against comparing two paths that are secretly the same.
#[test]
fn the_lean_journals_really_hold_less() {
    let dir = generated();
    let store = Store::on_disk(dir.path());
    let who = first_contact(dir.path());
    let touches = loads::journal_for(&store, &Needs::Touches).expect("touches");
    assert_eq!(touches.entry_count(), 0);
    let one = loads::journal_for(&store, &Needs::OnePerson(who.clone())).expect("one");
    let full = loads::journal_for(&store, &Needs::Everything).expect("full");
    assert!(one.entry_count() < full.entry_count() / 10);
    assert!(one.timeline().all(|e| e.involves(&who)));
    // The newest entries come with the cards they name, not all 300.
    let newest = loads::journal_for(
        &store,
        &Needs::Newest {
            who: None,
            count: 3,
        },
    )
    .expect("newest");
    assert!(newest.contacts().len() <= 6, "{}", newest.contacts().len());
    assert!(newest.contacts().len() < full.contacts().len() / 10);
}

#[test]
fn an_intro_writes_and_says_the_same_both_ways() {
    let (lean_dir, full_dir) = (generated(), generated());
    let home = TempDir::new().expect("home");
    let ids = Store::on_disk(lean_dir.path()).contact_ids().expect("ids");
    let args = [
        "intro",
        ids[1].as_str(),
        ids[2].as_str(),
        "--note",
        "Coffee",
    ];
    let lean = binary(lean_dir.path(), home.path(), &args, DATES[1]);
    let mut full_args = vec!["--full-load"];
    full_args.extend(args);
    let full = binary(full_dir.path(), home.path(), &full_args, DATES[1]);
    assert_eq!(lean, full);
    assert_eq!(lean.2, Some(0), "{lean:?}");
    let month = "journal/2026/2026-11.toml";
    assert_eq!(
        fs::read_to_string(lean_dir.path().join(month)).expect("lean month"),
        fs::read_to_string(full_dir.path().join(month)).expect("full month")
    );
}

/// The store half on its own: the same errors in the same order, every entry's who and when,
/// and one person's entries exactly as a full load holds them.
#[test]
fn the_lean_loads_hold_what_a_full_load_holds() {
    let dir = generated();
    let store = Store::on_disk(dir.path());
    let full = store.load().expect("full");
    let contacts = store.load_contacts_lean().expect("contacts");
    let touches = store.load_touches().expect("touches");
    let mut errors = contacts.problems.clone();
    errors.extend(touches.errors.iter().cloned());
    let full_errors: Vec<_> = full
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .cloned()
        .collect();
    assert_eq!(errors, full_errors);
    assert_eq!(contacts.contacts, full.contacts);
    let key = |id: &str, at: &DateTime<chrono::FixedOffset>, with: &[String]| {
        format!("{at} {id} {with:?}")
    };
    let mut lean: Vec<String> = touches
        .items
        .iter()
        .map(|t| key(&t.id, &t.at, &t.with))
        .collect();
    let mut all: Vec<String> = full
        .entries
        .iter()
        .map(|e| key(&e.id, &e.at, &e.with))
        .collect();
    lean.sort();
    all.sort();
    assert_eq!(lean, all);
    let who = first_contact(dir.path());
    let mut mine = store.load_entries_with(&who).expect("one").items;
    mine.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    let theirs: Vec<_> = full
        .entries
        .into_iter()
        .filter(|e| e.involves(&who))
        .collect();
    assert_eq!(mine, theirs);
}
