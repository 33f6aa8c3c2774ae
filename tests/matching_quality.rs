//! The matching benchmark of issue 20 (MATCHING.md): labelled needs over the demo journal and
//! over a journal written for the purpose (`tests/fixtures/matching/`), scored the way a person
//! reads the brief. Targets are asserted on the tuning sets; the held-out sets, which were not
//! looked at while tuning, are held to a floor and their real figures printed.
//!
//! `cargo test --test all matching_quality -- --nocapture` prints the figures.

use chrono::{DateTime, NaiveDate};
use rolo::journal::{Ix, Journal};
use rolo::model::{Contact, Entry, Kind, Loaded, Need, NeedStatus};
use rolo::serve::{Helper, Network, brief_words};
use rolo::store::Store;
use serde::Deserialize;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matching")
}

#[derive(Deserialize)]
struct Labels {
    need: Vec<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    owner: String,
    need: Option<u32>,
    what: Option<String>,
    right: Vec<String>,
    #[serde(default)]
    plausible: Vec<String>,
    trap: String,
}

fn labels(file: &str) -> Vec<Label> {
    let text = std::fs::read_to_string(dir().join(file)).expect("labels");
    let labels: Labels = toml::from_str(&text).expect("labels parse");
    labels.need
}

fn demo() -> (tempfile::TempDir, Journal) {
    let tmp = tempfile::tempdir().expect("tempdir");
    rolo::demo::install(tmp.path()).expect("demo");
    let journal = Journal::new(Store::on_disk(tmp.path()).load().expect("load"));
    (tmp, journal)
}

// The benchmark's own journal: contact-file keys plus `id`, entries as in month files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileJournal {
    contact: Vec<FileContact>,
    entry: Vec<FileEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileContact {
    id: String,
    name: String,
    #[serde(default)]
    tags: Vec<String>,
    role: Option<String>,
    company: Option<String>,
    #[serde(default)]
    can_help_with: Vec<String>,
    notes: Option<String>,
    #[serde(default)]
    need: Vec<FileNeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileNeed {
    id: u32,
    what: String,
    since: toml::value::Datetime,
    status: String,
    met_on: Option<toml::value::Datetime>,
    how: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    at: toml::value::Datetime,
    with: Vec<String>,
    kind: String,
    note: String,
    gave: Option<String>,
}

fn date(d: &toml::value::Datetime) -> NaiveDate {
    NaiveDate::parse_from_str(&d.to_string(), "%Y-%m-%d").expect("a date")
}

fn synthetic() -> Journal {
    let text = std::fs::read_to_string(dir().join("journal.toml")).expect("journal");
    let file: FileJournal = toml::from_str(&text).expect("journal parses");
    let contacts = file
        .contact
        .into_iter()
        .map(|c| {
            let mut out = Contact::new(c.id, c.name);
            out.tags = c.tags;
            out.role = c.role;
            out.company = c.company;
            out.can_help_with = c.can_help_with;
            out.notes = c.notes;
            out.needs = c
                .need
                .into_iter()
                .map(|n| Need {
                    id: n.id,
                    what: n.what,
                    since: date(&n.since),
                    status: NeedStatus::parse(&n.status).expect("a status"),
                    met_on: n.met_on.as_ref().map(date),
                    how: n.how,
                    not_a_fit: Vec::new(),
                })
                .collect();
            out
        })
        .collect();
    let entries = file
        .entry
        .into_iter()
        .map(|e| {
            let at = DateTime::parse_from_rfc3339(&e.at.to_string()).expect("a time");
            Entry {
                id: Entry::make_id(&at, &e.with),
                at,
                with: e.with,
                kind: Kind::parse(&e.kind),
                note: e.note,
                gave: e.gave,
                asked: None,
            }
        })
        .collect();
    Journal::new(Loaded {
        contacts,
        entries,
        problems: Vec::new(),
    })
}

/// The figures of one set of labelled needs.
#[derive(Debug, Default)]
struct Figures {
    needs: usize,
    with_right: usize,
    first_right: usize,
    right_total: usize,
    right_named: usize,
    named: usize,
    named_ok: usize,
    no_one_needs: usize,
    no_one_said: usize,
    strong: usize,
    strong_right: usize,
    /// What went wrong, one line per need (printed for tuning sets only).
    misses: Vec<String>,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

impl Figures {
    fn top1(&self) -> f64 {
        pct(self.first_right, self.with_right)
    }
    fn recall(&self) -> f64 {
        pct(self.right_named, self.right_total)
    }
    fn precision(&self) -> f64 {
        pct(self.named_ok, self.named)
    }
    fn no_one(&self) -> f64 {
        pct(self.no_one_said, self.no_one_needs)
    }
    fn strong(&self) -> f64 {
        pct(self.strong_right, self.strong)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {:.0} % ({}/{}) | {:.0} % ({}/{}) | {:.0} % ({}/{}) | {} | {:.0} % ({}/{}) | {:.0} % ({}/{}) |",
            self.needs,
            self.top1(),
            self.first_right,
            self.with_right,
            self.recall(),
            self.right_named,
            self.right_total,
            self.precision(),
            self.named_ok,
            self.named,
            self.named - self.named_ok,
            self.no_one(),
            self.no_one_said,
            self.no_one_needs,
            self.strong(),
            self.strong_right,
            self.strong,
        )
    }
}

/// `timeline`: read the timeline too (the TUI with its whole journal), or the contact files
/// only (every command line read, however little it loaded).
fn score(journal: &Journal, labels: &[Label], timeline: bool) -> Figures {
    let net = if timeline {
        Network::with_timeline(journal)
    } else {
        Network::new(journal)
    };
    let ix = |id: &str| -> Ix { journal.ix(id).unwrap_or_else(|| panic!("no contact {id}")) };
    let id = |h: &Helper| journal.contacts()[h.ix].id.clone();
    let mut f = Figures::default();
    for label in labels {
        for who in label.right.iter().chain(&label.plausible) {
            ix(who);
        }
        let owner = ix(&label.owner);
        let need = match (&label.what, label.need) {
            (Some(what), None) => Need {
                id: 0,
                what: what.clone(),
                since: NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date"),
                status: NeedStatus::Open,
                met_on: None,
                how: None,
                not_a_fit: Vec::new(),
            },
            (None, Some(n)) => journal.contacts()[owner]
                .need(n)
                .unwrap_or_else(|| panic!("{} has no need {n}", label.owner))
                .clone(),
            _ => panic!("{}: give either `need` or `what`", label.owner),
        };
        let list = net.helpers_for_need(journal, owner, &need);
        let named: Vec<String> = brief_words::named(&list).into_iter().map(id).collect();
        let ok = |who: &String| label.right.contains(who) || label.plausible.contains(who);
        f.needs += 1;
        let mut miss = Vec::new();
        if !label.right.is_empty() {
            f.with_right += 1;
            match list.first().map(id) {
                Some(first) if label.right.contains(&first) => f.first_right += 1,
                first => miss.push(format!("first {first:?}")),
            }
            f.right_total += label.right.len();
            let found = label.right.iter().filter(|r| named.contains(r)).count();
            f.right_named += found;
            if found < label.right.len() {
                miss.push("missed right".into());
            }
        }
        f.named += named.len();
        f.named_ok += named.iter().filter(|n| ok(n)).count();
        if named.iter().any(|n| !ok(n)) {
            miss.push("wrong named".into());
        }
        if label.right.is_empty() && label.plausible.is_empty() {
            f.no_one_needs += 1;
            if named.is_empty() {
                f.no_one_said += 1;
            } else {
                miss.push("no one expected".into());
            }
        }
        for h in list.iter().filter(|h| h.strong) {
            f.strong += 1;
            if label.right.contains(&id(h)) {
                f.strong_right += 1;
            } else {
                miss.push(format!("strong {}", id(h)));
            }
        }
        if !miss.is_empty() {
            let why: Vec<String> = list
                .iter()
                .take(4)
                .map(|h| {
                    let why: Vec<String> = h
                        .reasons
                        .iter()
                        .map(|r| format!("{:?} {:?} {:?}", r.source, r.phrase, r.keywords))
                        .collect();
                    let star = if h.strong { "★" } else { "" };
                    format!("{star}{} {} ({})", id(h), h.score, why.join(", "))
                })
                .collect();
            f.misses.push(format!(
                "{} {:?} [{}] {}: named {named:?}; got {}",
                label.owner,
                need.what,
                label.trap,
                miss.join(", "),
                why.join("; ")
            ));
        }
    }
    f
}

struct Run {
    demo: Figures,
    demo_held: Figures,
    synthetic: Figures,
    synthetic_held: Figures,
}

fn run(timeline: bool) -> Run {
    let (_dir, demo_journal) = demo();
    let syn = synthetic();
    let run = Run {
        demo: score(&demo_journal, &labels("demo.toml"), timeline),
        demo_held: score(&demo_journal, &labels("demo_heldout.toml"), timeline),
        synthetic: score(&syn, &labels("synthetic.toml"), timeline),
        synthetic_held: score(&syn, &labels("synthetic_heldout.toml"), timeline),
    };
    let reads = if timeline {
        "contact files and the timeline (the TUI)"
    } else {
        "contact files only (the command line)"
    };
    println!("\nReading {reads}:\n");
    println!(
        "| set | needs | first right | right named in the brief | brief's suggestions right | wrong | \"no one\" said | ★ strong right |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, f) in [
        ("demo, tuning", &run.demo),
        ("demo, held out", &run.demo_held),
        ("written journal, tuning", &run.synthetic),
        ("written journal, held out", &run.synthetic_held),
    ] {
        println!("{}", f.line(name));
    }
    // Only the tuning sets' misses: the held-out needs stay unseen.
    for m in run.demo.misses.iter().chain(&run.synthetic.misses) {
        println!("miss: {m}");
    }
    run
}

/// Issue 20's targets on the tuning sets (right helpers named is reported, not a target); on the held-out sets (one need moves a figure by
/// 5 to 10 points) a floor below what was reached, so a change that makes them clearly worse
/// fails.
fn check(run: &Run, what: &str) {
    for (name, f) in [("demo", &run.demo), ("written journal", &run.synthetic)] {
        assert!(
            f.top1() >= 90.0,
            "{what}, {name}: first right {:.1} %",
            f.top1()
        );
        assert!(
            f.precision() >= 90.0,
            "{what}, {name}: brief {:.1} %",
            f.precision()
        );
        assert!(
            f.no_one() >= 90.0,
            "{what}, {name}: no one {:.1} %",
            f.no_one()
        );
        assert!(
            f.strong() >= 95.0,
            "{what}, {name}: strong {:.1} %",
            f.strong()
        );
    }
    for (name, f) in [
        ("demo", &run.demo_held),
        ("written journal", &run.synthetic_held),
    ] {
        assert!(
            f.top1() >= 75.0,
            "{what}, {name} held out: first {:.1} %",
            f.top1()
        );
        assert!(
            f.recall() >= 75.0,
            "{what}, {name} held out: named {:.1} %",
            f.recall()
        );
        assert!(
            f.precision() >= 75.0,
            "{what}, {name} held out: brief {:.1} %",
            f.precision()
        );
        assert!(
            f.strong() >= 70.0,
            "{what}, {name} held out: strong {:.1} %",
            f.strong()
        );
    }
}

#[test]
fn matching_meets_the_targets_reading_the_timeline() {
    check(&run(true), "with the timeline");
}

#[test]
fn matching_meets_the_targets_reading_contact_files_only() {
    check(&run(false), "contact files only");
}
