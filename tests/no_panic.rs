//! Guarantee: no bytes in a file, no command-line argument and no date text makes rolo panic.
//! Errors are fine (and expected for most of this input); a panic fails the test.
//! `PROPTEST_CASES=N` runs more cases than the default 256 per property.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use clap::Parser;
use proptest::prelude::*;
use proptest::sample::select;
use rolo::cli::Cli;
use rolo::cmd::{self, Ctx};
use rolo::journal::Journal;
use rolo::model::{Contact, Entry, Kind};
use rolo::store::{Fs, MemFs, Store, decode};
use rolo::when::parse_when;
use std::path::Path;

const CONTACT: &str = r#"name = "Ada Lovelace"
aliases = ["Countess of Lovelace"]
tags = ["math", "london"]
email = ["ada@example.org"]
birthday = 1815-12-10
keep_in_touch_days = 30
notes = """
Prefers tea.
"""

[[need]]
id = 1
what = "An introduction to a publisher"
since = 2026-11-02
status = "open"

[[follow_up]]
id = 1
what = "Send her the translation"
due = 2026-11-30
done = false
"#;

const MONTH: &str = r#"[[entry]]
id = "2026-11-24-1405-ada"
at = 2026-11-24T14:05:00+01:00
with = ["ada-lovelace", "charles-babbage"]
kind = "coffee"
note = """
Talked about the Engine's funding.
"""
gave = "Offered an intro"
"#;

/// Valid text with random bytes changed, inserted or removed: reaches deep into the decoder,
/// where fully random bytes stop at the first line.
fn mutated(template: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), 0u8..3, any::<u8>());
    prop::collection::vec(edit, 0..8).prop_map(move |edits| {
        let mut bytes = template.as_bytes().to_vec();
        for (at, op, byte) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(i, byte),
                1 if i < bytes.len() => bytes[i] = byte,
                _ if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => {}
            }
        }
        bytes
    })
}

fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        "[a-z_=\\[\\]\"'{}.,0-9:T+ \\n#-]{0,300}".prop_map(String::into_bytes),
        mutated(CONTACT),
        mutated(MONTH),
    ]
}

fn file_path() -> impl Strategy<Value = String> {
    prop_oneof![
        "contacts/[a-z.-]{0,8}\\.toml",
        "journal/[0-9]{4}/[0-9]{4}-[0-9]{2}\\.toml",
        Just("journal/2026/2026-11.toml".to_string()),
        Just("contacts/ada-lovelace.toml".to_string()),
        "drafts/[a-z0-9-]{1,8}\\.toml",
        "[a-z./]{0,20}",
    ]
}

/// A time anywhere chrono can represent, with weight on the very ends.
fn any_naive_now() -> impl Strategy<Value = NaiveDateTime> {
    let (min, max) = (
        NaiveDateTime::MIN.and_utc().timestamp(),
        NaiveDateTime::MAX.and_utc().timestamp(),
    );
    prop_oneof![
        Just(NaiveDateTime::MIN),
        Just(NaiveDateTime::MAX),
        (min..=max).prop_filter_map("in range", |s| DateTime::from_timestamp(s, 0)
            .map(|d| d.naive_utc())),
        (-62_135_596_800i64..253_402_300_799).prop_filter_map("in range", |s| {
            DateTime::from_timestamp(s, 0).map(|d| d.naive_utc())
        }),
    ]
}

/// A "now" in years 1 to 9999 in any offset, as `ROLO_NOW` could set it.
fn any_now() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (-62_135_596_800i64..253_402_300_799, -86_399i32..86_400).prop_filter_map(
        "in range",
        |(secs, offset)| {
            Some(DateTime::from_timestamp(secs, 0)?.with_timezone(&FixedOffset::east_opt(offset)?))
        },
    )
}

const DATE_WORDS: &[&str] = &[
    "last",
    "next",
    "this",
    "in",
    "ago",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "friday",
    "monday",
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "0",
    "1",
    "4294967295",
    "99999999999",
    "2026-02-30",
    "2026-11-20",
    "9999-12-31",
    "0000-01-01",
    "12:00",
    "23:59:59",
    "24:00",
    "2026-11-20t14:00",
    ":",
    "-",
    "t",
];

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(select(DATE_WORDS), 1..5).prop_map(|w| w.join(" ")),
    ]
}

fn who() -> BoxedStrategy<String> {
    prop_oneof![
        select(
            &[
                "ada",
                "Ada Lovelace",
                "ada-lovelace",
                "charles",
                "Charles Babbage",
                "a"
            ][..]
        )
        .prop_map(str::to_string),
        any::<String>(),
    ]
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,30}",
        Just("long ".repeat(2_000)),
        Just("\u{1b}[31m\u{202e}evil\n\r\t".to_string()),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<String> {
    prop_oneof![
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..4).prop_map(|n| n.to_string()),
        any::<String>(),
    ]
    .boxed()
}

/// `--flag value` pairs, each present or not.
fn flags(spec: Vec<(&'static str, BoxedStrategy<String>)>) -> BoxedStrategy<Vec<String>> {
    let each: Vec<BoxedStrategy<Vec<String>>> = spec
        .into_iter()
        .map(|(flag, value)| {
            prop::option::of(value)
                .prop_map(move |v| v.map(|v| vec![flag.to_string(), v]).unwrap_or_default())
                .boxed()
        })
        .collect();
    each.prop_map(|parts| parts.concat()).boxed()
}

/// A command line shaped like a real one (so it gets past clap and person lookup and reaches
/// the command's own code), with arbitrary text in every slot. Flags come first and `--`
/// before the positionals, so a value starting with `-` still reaches the command.
fn shaped_command() -> BoxedStrategy<Vec<String>> {
    let line = |sub: &'static str,
                positionals: BoxedStrategy<Vec<String>>,
                flags: BoxedStrategy<Vec<String>>| {
        (positionals, flags)
            .prop_map(move |(pos, flags)| {
                let mut argv = vec!["rolo".to_string(), sub.to_string()];
                argv.extend(flags);
                argv.push("--".into());
                argv.extend(pos);
                argv
            })
            .boxed()
    };
    let none = || Just(Vec::<String>::new()).boxed();
    prop_oneof![
        line(
            "add",
            text().prop_map(|t| vec![t]).boxed(),
            flags(vec![
                ("--tag", text()),
                ("--company", text()),
                ("--role", text()),
                ("--every", number()),
                ("--email", text()),
                ("--phone", text()),
                (
                    "--birthday",
                    prop_oneof![date_text(), "[0-9-]{0,12}"].boxed()
                ),
                ("--met", text()),
                ("--helps-with", text()),
            ]),
        ),
        line(
            "note",
            (prop::collection::vec(who(), 1..3), text())
                .prop_map(|(mut w, t)| {
                    w.push(t);
                    w
                })
                .boxed(),
            flags(vec![
                ("--kind", text()),
                ("--at", date_text().boxed()),
                ("--gave", text()),
                ("--asked", text()),
            ]),
        ),
        line(
            "need",
            (who(), text()).prop_map(|(w, t)| vec![w, t]).boxed(),
            none()
        ),
        line(
            "met",
            (who(), number()).prop_map(|(w, n)| vec![w, n]).boxed(),
            flags(vec![("--how", text())]),
        ),
        line(
            "drop",
            (who(), number()).prop_map(|(w, n)| vec![w, n]).boxed(),
            none()
        ),
        line(
            "followup",
            (who(), text()).prop_map(|(w, t)| vec![w, t]).boxed(),
            date_text()
                .prop_map(|d| vec!["--due".to_string(), d])
                .boxed(),
        ),
        line(
            "done",
            (who(), number()).prop_map(|(w, n)| vec![w, n]).boxed(),
            none()
        ),
        line("list", none(), flags(vec![("--tag", text())])),
        line("show", who().prop_map(|w| vec![w]).boxed(), none()),
        line(
            "timeline",
            prop::option::of(who())
                .prop_map(|w| w.into_iter().collect())
                .boxed(),
            flags(vec![("--count", number())]),
        ),
        line("check", none(), none()),
    ]
    .boxed()
}

const SUBCOMMANDS: &[&str] = &[
    "add", "note", "need", "met", "drop", "followup", "done", "list", "show", "timeline", "check",
];

/// Free-form tokens after a subcommand: flags in odd places, missing values, stray text.
fn loose_command() -> BoxedStrategy<Vec<String>> {
    const TOKENS: &[&str] = &[
        "--tag",
        "--every",
        "--birthday",
        "--kind",
        "--at",
        "--how",
        "--due",
        "--count",
        "-n",
        "--",
        "--dir",
        "--demo",
        "ada",
        "1",
        "0",
        "yesterday",
    ];
    let token = prop_oneof![
        any::<String>(),
        select(TOKENS).prop_map(str::to_string),
        date_text(),
    ];
    (select(SUBCOMMANDS), prop::collection::vec(token, 0..7))
        .prop_map(|(sub, rest)| {
            ["rolo".to_string(), sub.to_string()]
                .into_iter()
                .chain(rest)
                .collect()
        })
        .boxed()
}

/// Two people and an entry, so commands get past "no one matches" some of the time.
fn seeded_store() -> Store {
    let store = Store::new(Box::new(MemFs::new()));
    for name in ["Ada Lovelace", "Charles Babbage"] {
        store
            .create_contact(Contact::new("", name))
            .expect("seed contact");
    }
    let at = DateTime::parse_from_rfc3339("2026-11-24T14:05:00+01:00").expect("valid");
    let with = vec!["ada-lovelace".to_string()];
    store
        .append_entry(Entry {
            id: Entry::make_id(&at, &with),
            at,
            with,
            kind: Kind::Coffee,
            note: "seed".into(),
            gave: None,
            asked: None,
        })
        .expect("seed entry");
    store
}

/// Everything the CLI and the TUI ask of a loaded journal.
fn exercise(journal: &Journal, today: NaiveDate) {
    let _ = journal.overdue(today);
    let _ = journal.birthdays(today, 30);
    let _ = journal.follow_ups_due(today);
    let _ = journal.open_needs();
    let _ = journal.timeline().count();
    for c in journal.contacts() {
        let _ = journal.resolve(&c.name);
        let _ = journal.search(&c.name);
    }
}

proptest! {
    #[test]
    fn decoders_never_panic(bytes in file_bytes()) {
        let path = Path::new("contacts/x.toml");
        if let Ok(text) = decode::utf8(path, &bytes) {
            let _ = decode::contact("x", path, text);
            let _ = decode::month(Path::new("journal/2026/2026-11.toml"), text);
        }
    }

    #[test]
    fn loading_any_folder_never_panics(
        files in prop::collection::vec((file_path(), file_bytes()), 0..8),
        now in any_now(),
    ) {
        let fs = MemFs::new();
        for (path, bytes) in &files {
            let _ = fs.write_atomic(Path::new(path), bytes);
        }
        let store = Store::new(Box::new(fs));
        let _ = store.drafts();
        if let Ok(loaded) = store.load() {
            exercise(&Journal::new(loaded), now.date_naive());
        }
    }

    #[test]
    fn date_parsing_never_panics(text in date_text(), now in any_naive_now()) {
        let _ = parse_when(&text, now);
    }

    #[test]
    fn any_command_line_never_panics(
        argv in prop_oneof![3 => shaped_command(), 1 => loose_command()],
        now in any_now(),
    ) {
        let Ok(cli) = Cli::try_parse_from(argv) else {
            return Ok(());
        };
        let Some(command) = cli.command else {
            return Ok(());
        };
        let store = seeded_store();
        let journal = Journal::new(store.load().expect("memory store lists"));
        let mut out = Vec::new();
        let mut ctx = Ctx { store: &store, history: None, journal, now, out: &mut out };
        let _ = cmd::run(command, &mut ctx);
        // Whatever was written must still load.
        let reloaded = store.load().expect("memory store lists");
        let errors: Vec<_> = reloaded
            .problems
            .iter()
            .filter(|p| p.severity == rolo::store::Severity::Error)
            .collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
        exercise(&Journal::new(reloaded), now.date_naive());
    }
}

/// Found by `any_command_line_never_panics`: `add --every 36501` wrote a contact file that
/// the loader then refused, hiding the person. Now it is refused before anything is written.
#[test]
fn add_refuses_a_rhythm_the_loader_would_reject() {
    let store = seeded_store();
    let before = store.load().expect("lists").contacts.len();
    let cli =
        Cli::try_parse_from(["rolo", "add", "Grace Hopper", "--every", "36501"]).expect("parses");
    let journal = Journal::new(store.load().expect("lists"));
    let mut out = Vec::new();
    let now = DateTime::parse_from_rfc3339("2026-11-24T14:05:00+01:00").expect("valid");
    let mut ctx = Ctx {
        store: &store,
        history: None,
        journal,
        now,
        out: &mut out,
    };
    let err = cmd::run(cli.command.expect("a command"), &mut ctx).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "--every needs a number of days from 1 to 36500; nothing was written"
    );
    assert_eq!(store.load().expect("lists").contacts.len(), before);

    let mut too_long = Contact::new("", "Grace Hopper");
    too_long.keep_in_touch_days = Some(36_501);
    let err = store
        .create_contact(too_long)
        .expect_err("store refuses too");
    assert!(err.to_string().contains("nothing was written"), "{err}");
    assert_eq!(store.load().expect("lists").contacts.len(), before);
}
