//! The layers of the crate and the arrows allowed between them, checked against the source.
//! This table is the source of truth; ARCHITECTURE.md describes it for people.
//!
//! Every path in `src/` that names another module (`use crate::…`, an inline `crate::x::y`,
//! a `super::` that climbs out of its layer) is an arrow from the file's layer to the layer
//! of what it names. An arrow the table does not allow fails the test with file, line and
//! rule. Test code (`#[cfg(test)]`) may reach further — a core test may load the demo folder
//! through the store — and is not checked.

mod scan;

use Layer::*;
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    /// Plain data: contacts, entries, needs, drafts, problems found in a file.
    Model,
    /// Small helpers with no state: clock, folding, slugs, sanitising, dates, hashing, threads.
    Leaf,
    /// The only code that touches the data folder.
    Store,
    /// The journal's history in git: commits, undo and redo, through the store's writes.
    History,
    /// The pure core: the index, filtering, search, serve-first views, keys and actions.
    Core,
    /// Changes to the journal through the store, described once for both front doors.
    Ops,
    /// The view state the screen is drawn from (owned by `app`, read by `ui`).
    View,
    /// Drawing: borrows state, never mutates.
    Ui,
    /// The TUI front door: update, effects, the loop, the terminal.
    App,
    /// The command-line front door: clap definitions and the commands.
    Cmd,
    /// What wires the binary together: picks a front door, loads, reports.
    Entry,
}

/// Which layer a module belongs to: the longest matching prefix wins. A module not listed
/// fails the test, so a new top-level module has to be placed on purpose.
const LAYERS: &[(&str, Layer)] = &[
    ("model", Model),
    ("clock", Leaf),
    ("fold", Leaf),
    ("name_fit", Leaf),
    ("slug", Leaf),
    ("sanitize", Leaf),
    ("when", Leaf),
    ("fasthash", Leaf),
    ("columns", Leaf),
    ("threads", Leaf),
    ("store", Store),
    ("history", History),
    ("journal", Core),
    ("filter", Core),
    ("find", Core),
    ("search", Core),
    ("serve", Core),
    ("keymap", Core),
    ("action", Core),
    ("interchange", Core),
    ("stats", Core),
    ("ops", Ops),
    ("refresh", Ops),
    ("journal_lean", Ops),
    ("app::state", View),
    ("app::popup", View),
    ("app::lists", View),
    ("app::mentions", View),
    ("app::editor", View),
    ("app::found", View),
    ("app::people", View),
    ("app::hits", View),
    ("app::needs_pane", View),
    ("app::stats_view", View),
    ("app::sync_view", View),
    ("ui", Ui),
    ("app", App),
    ("cmd", Cmd),
    ("cli", Cmd),
    ("app_main", Entry),
    ("loads", Entry),
    ("demo", Entry),
    ("demo_dates", Entry),
    ("quiet_pipe", Entry),
];

/// The arrows: what each layer may use besides itself, and why it stops there.
const MAY_USE: &[(Layer, &[Layer], &str)] = &[
    (Model, &[], "plain data depends on nothing"),
    (Leaf, &[Model], "leaf helpers sit just above the data"),
    (
        Store,
        &[Model, Leaf],
        "the store knows files, not what is drawn or decided",
    ),
    (
        History,
        &[Model, Leaf, Store],
        "the history knows files and git, not what is shown or decided",
    ),
    (
        Core,
        &[Model, Leaf],
        "the core is pure: no files, no screen, no front door",
    ),
    (
        Ops,
        &[Model, Leaf, Store, Core],
        "operations sit below both front doors",
    ),
    (
        View,
        &[Model, Leaf, Core],
        "view state is what the screen shows, nothing that runs it",
    ),
    (
        Ui,
        &[Model, Leaf, Core, View],
        "ui draws view state; it never reaches the store or app",
    ),
    (
        App,
        &[Model, Leaf, Store, History, Core, Ops, View, Ui],
        "the TUI does not borrow the CLI's parts",
    ),
    (
        Cmd,
        &[Model, Leaf, Store, History, Core, Ops],
        "the CLI does not borrow the TUI's parts",
    ),
    (
        Entry,
        &[Model, Leaf, Store, History, Core, Ops, View, Ui, App, Cmd],
        "",
    ),
];

/// Arrows that break the rules today, each with its reason: the debt, visible and counted.
/// An entry no longer needed fails the test, so the list only shrinks.
/// (file, target module prefix, why)
const ALLOWED_FOR_NOW: &[(&str, &str, &str)] = &[];

fn layer_of(module: &[String]) -> Option<Layer> {
    if module.is_empty() {
        return Some(Entry); // lib.rs: the crate root
    }
    let joined = module.join("::");
    LAYERS
        .iter()
        .filter(|(prefix, _)| joined == *prefix || joined.starts_with(&format!("{prefix}::")))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|&(_, layer)| layer)
}

fn may_use(from: Layer, to: Layer) -> Result<(), String> {
    let (_, allowed, why) = MAY_USE
        .iter()
        .find(|(l, _, _)| *l == from)
        .ok_or_else(|| format!("{from:?} has no row in MAY_USE"))?;
    if from == to || allowed.contains(&to) {
        return Ok(());
    }
    let names: Vec<String> = allowed.iter().map(|l| format!("{l:?}")).collect();
    Err(format!(
        "{from:?} may use only {} ({why})",
        if names.is_empty() {
            "itself".to_string()
        } else {
            names.join(", ")
        }
    ))
}

/// Every forbidden arrow in non-test code, as `file:line: message`, and the allow-list
/// entries that matched one.
fn violations(files: &[scan::File]) -> (Vec<String>, BTreeSet<usize>) {
    let (mut found, mut used) = (Vec::new(), BTreeSet::new());
    for file in files {
        for r in file.refs.iter().filter(|r| !r.test) {
            let (Some(from), Some(to)) = (layer_of(&r.from), layer_of(&r.target)) else {
                found.push(format!(
                    "{}:{}: `{}` or `{}` is in no layer: add it to LAYERS",
                    file.rel,
                    r.line,
                    r.from.join("::"),
                    r.target.join("::")
                ));
                continue;
            };
            let Err(rule) = may_use(from, to) else {
                continue;
            };
            let target = r.target.join("::");
            let allowed = ALLOWED_FOR_NOW.iter().position(|(f, prefix, _)| {
                *f == file.rel && (target == *prefix || target.starts_with(&format!("{prefix}::")))
            });
            match allowed {
                Some(k) => {
                    used.insert(k);
                }
                None => found.push(format!(
                    "{}:{}: {} uses crate::{target} ({to:?}): {rule}",
                    file.rel,
                    r.line,
                    r.from.join("::")
                )),
            }
        }
    }
    found.dedup();
    (found, used)
}

#[test]
fn every_arrow_between_modules_is_allowed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = scan::crate_files(root).unwrap_or_else(|e| panic!("reading src/: {e}"));
    let (found, used) = violations(&files);
    let stale: Vec<_> = (0..ALLOWED_FOR_NOW.len())
        .filter(|k| !used.contains(k))
        .map(|k| format!("{:?}", ALLOWED_FOR_NOW[k]))
        .collect();
    println!(
        "layers: {} files, {} forbidden arrows, {} allowed for now",
        files.len(),
        found.len(),
        used.len()
    );
    assert!(
        found.is_empty() && stale.is_empty(),
        "{} forbidden arrows between layers (see src/layers_test/mod.rs):\n{}\n\
         allow-list entries no longer needed: {stale:?}",
        found.len(),
        found.join("\n")
    );
}

/// The store's two halves: `truth/` (the correctness core) and `speed/` (cache, parallel and
/// lean loads, shortcuts). The speed half may use the truth half, never the other way round,
/// so the core can be read, tested and trusted without the machinery. Both halves add methods
/// to `Store`, so a call in `truth/` to a method `speed/` defines is an arrow as much as a
/// path is, and so is reading a field of `Store` whose type is the speed half's. From
/// `truth/` the facade (`store/mod.rs`) may be named only for what it defines itself: any
/// other name there is a re-export, and could be the speed half's.
const TRUTH: &str = "src/store/truth/";
const SPEED: &str = "src/store/speed/";
const FACADE_OWN: &[&str] = &["Store", "Saved", "Edited"];

/// Every arrow from the truth half to the speed half in non-test code, as `file:line: message`,
/// in file and line order.
fn store_halves(files: &[scan::File]) -> Vec<String> {
    let speed_methods: BTreeSet<&str> = files
        .iter()
        .filter(|f| f.rel.starts_with(SPEED))
        .flat_map(|f| f.store_methods.iter().map(String::as_str))
        .collect();
    let speed_fields: BTreeSet<&str> = files
        .iter()
        .flat_map(|f| f.speed_fields.iter().map(String::as_str))
        .collect();
    let mut found = Vec::new();
    for file in files.iter().filter(|f| f.rel.starts_with(TRUTH)) {
        for r in file.refs.iter().filter(|r| !r.test) {
            let target: Vec<&str> = r.target.iter().map(String::as_str).collect();
            let to_speed = match target.as_slice() {
                ["store", "truth", ..] => false,
                ["store", name, ..] => !FACADE_OWN.contains(name),
                _ => false,
            };
            if to_speed {
                found.push(format!(
                    "{}:{}: the store's truth half uses crate::{} (only the speed half may use \
                     the other; name truth items by their path in store::truth)",
                    file.rel,
                    r.line,
                    target.join("::")
                ));
            }
        }
        for (line, name) in &file.fields {
            if speed_fields.contains(name.as_str()) {
                found.push(format!(
                    "{}:{line}: the store's truth half reads Store's field `{name}`, whose type \
                     is the speed half's (plug it in through a trait the truth half owns)",
                    file.rel
                ));
            }
        }
        for (line, name) in &file.calls {
            if speed_methods.contains(name.as_str()) {
                found.push(format!(
                    "{}:{line}: the store's truth half calls Store::{name}, which the speed half \
                     defines (plug the speed half in through a trait the truth half owns)",
                    file.rel
                ));
            }
        }
    }
    found.sort_by_key(|f| {
        let mut parts = f.splitn(3, ':');
        let file = parts.next().unwrap_or_default().to_string();
        (file, parts.next().and_then(|l| l.parse::<usize>().ok()))
    });
    found
}

#[test]
fn the_stores_truth_half_never_uses_its_speed_half() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = scan::crate_files(root).unwrap_or_else(|e| panic!("reading src/: {e}"));
    let halves = |prefix: &str| files.iter().filter(|f| f.rel.starts_with(prefix)).count();
    // The rule is empty if the folders move: make sure both halves are where it looks.
    assert!(
        halves(TRUTH) > 10 && halves(SPEED) > 3,
        "store halves not found"
    );
    let found = store_halves(&files);
    assert!(
        found.is_empty(),
        "{} arrows from the store's truth half to its speed half:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn a_speed_import_or_call_in_the_truth_half_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("store/truth")).unwrap();
    std::fs::create_dir_all(src.join("store/speed")).unwrap();
    let files = [
        ("lib.rs", "pub mod store;\n"),
        (
            "store/mod.rs",
            "mod speed;\nmod truth;\npub use speed::Quick;\n\
             pub struct Store {\n    fs: Box<dyn Fs>,\n    memo: Option<speed::Memo>,\n}\n",
        ),
        (
            "store/speed/mod.rs",
            "impl Store {\n    fn cached(&self) {}\n}\n",
        ),
        (
            "store/truth/mod.rs",
            "use crate::store::{Store, Quick};\nuse super::speed::x;\n\
             impl Store {\n    fn load(&self) { self.cached(); self.fs.read(); }\n\
             fn kept(&self) -> bool { self.memo.is_some() }\n}\n\
             #[cfg(test)]\nmod t { fn f(s: Store) { s.cached(); } }\n",
        ),
    ];
    for (rel, text) in files {
        std::fs::write(src.join(rel), text).unwrap();
    }
    let found = store_halves(&scan::crate_files(dir.path()).unwrap());
    let lines: Vec<&str> = found.iter().filter_map(|f| f.split(": ").next()).collect();
    assert_eq!(
        lines,
        [
            "src/store/truth/mod.rs:1",
            "src/store/truth/mod.rs:2",
            "src/store/truth/mod.rs:4",
            "src/store/truth/mod.rs:5"
        ],
        "{found:#?}"
    );
    assert!(found[0].contains("crate::store::Quick"), "{}", found[0]);
    assert!(found[2].contains("Store::cached"), "{}", found[2]);
    assert!(found[3].contains("field `memo`"), "{}", found[3]);
}

#[test]
fn every_source_file_is_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = scan::crate_files(root).unwrap_or_else(|e| panic!("reading src/: {e}"));
    let read: BTreeSet<String> = files.iter().map(|f| f.rel.clone()).collect();
    let mut missing = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let rel = rel.to_string_lossy().replace('\\', "/");
                // main.rs is the binary's crate: it reaches the library as `rolo::`.
                if rel != "src/main.rs" && !read.contains(&rel) {
                    missing.push(rel);
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not reached from src/lib.rs: {missing:?}"
    );
}

#[test]
fn the_scanner_sees_imports_and_skips_comments_and_strings() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("ui")).unwrap();
    std::fs::write(
        src.join("lib.rs"),
        "pub mod ui;\n#[cfg(test)]\nmod t { use crate::store::X; }\n",
    )
    .unwrap();
    std::fs::write(
        src.join("ui/mod.rs"),
        "//! uses crate::store::Doc\nuse crate::{model::A, app::{state::S, run}};\n\
         fn f() { let s = \"crate::store::y\"; let c = '{'; crate::store::Z::new(); }\n\
         use super::super_is_root;\n",
    )
    .unwrap();
    let files = scan::crate_files(dir.path()).unwrap();
    let refs: Vec<(usize, String, bool)> = files
        .iter()
        .flat_map(|f| f.refs.iter().map(|r| (r.line, r.target.join("::"), r.test)))
        .collect();
    assert_eq!(
        refs,
        [
            (3, "store::X".to_string(), true),
            (2, "model::A".to_string(), false),
            (2, "app::state::S".to_string(), false),
            (2, "app::run".to_string(), false),
            (3, "store::Z::new".to_string(), false),
            (4, "super_is_root".to_string(), false),
        ]
    );
    let (found, _) = violations(&files);
    assert_eq!(found.len(), 3, "{found:#?}"); // app::run, store::Z, an unknown root item
    assert!(
        found[0].starts_with("src/ui/mod.rs:2: ui uses crate::app::run (App)"),
        "{}",
        found[0]
    );
}
