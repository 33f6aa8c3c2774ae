//! The integration tests are one binary (`tests/all.rs`) and Cargo.toml sets
//! `autotests = false`, so a test file that `tests/all.rs` does not name as a module is never
//! built nor run, silently. These fail on such a file, and on the things that belonged to a
//! test file but lost it: a proptest regressions file or an insta snapshot whose test module
//! is not in the binary (insta names snapshots `all__<module>__<name>.snap`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Folders of tests/ that hold data, not code.
const DATA: [&str; 2] = ["fixtures", "snapshots"];

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The modules `tests/all.rs` declares, one `mod name;` a line (attributes on their own).
fn declared() -> BTreeSet<String> {
    let root = fs::read_to_string(tests_dir().join("all.rs")).unwrap_or_default();
    root.lines()
        .filter_map(|l| l.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

/// The names in `dir`, sorted, each with whether it is a folder.
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, e.file_type().is_ok_and(|t| t.is_dir()))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Every problem found in tests/, one line each; none when every file is linked.
fn forgotten(declared: &BTreeSet<String>, tests: &Path, snapshots: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, is_dir) in entries(tests) {
        if is_dir {
            if !DATA.contains(&name.as_str()) && !declared.contains(&name) {
                problems.push(format!(
                    "tests/{name}/ is not a module of the test binary: add `mod {name};` to \
                     tests/all.rs, or add it to DATA in tests/no_file_forgotten.rs if it holds \
                     only data"
                ));
            }
        } else if let Some(stem) = name.strip_suffix(".rs") {
            if stem != "all" && !declared.contains(stem) {
                problems.push(format!(
                    "tests/{name} is not a module of the test binary, so it never runs: add \
                     `mod {stem};` to tests/all.rs"
                ));
            }
        } else if let Some(stem) = name.strip_suffix(".proptest-regressions")
            && !declared.contains(stem)
        {
            problems.push(format!(
                "tests/{name} belongs to no test module: it must sit beside the file its \
                 property tests are in, under the same name"
            ));
        }
    }
    for (name, _) in entries(snapshots) {
        if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
            problems.push(format!(
                "tests/snapshots/{name} is a pending snapshot: review it with `cargo insta review`"
            ));
            continue;
        }
        let module = name
            .strip_prefix("all__")
            .and_then(|rest| rest.split_once("__"))
            .map(|(module, _)| module);
        if !module.is_some_and(|m| declared.contains(m)) {
            problems.push(format!(
                "tests/snapshots/{name} is named for no test module of the binary (insta looks \
                 for all__<module>__<name>.snap), so no test checks it"
            ));
        }
    }
    problems
}

#[test]
fn every_test_file_is_a_module_of_the_one_test_binary() {
    let declared = declared();
    assert!(
        declared.contains("no_file_forgotten"),
        "tests/all.rs could not be read or declares no modules"
    );
    let tests = tests_dir();
    let problems = forgotten(&declared, &tests, &tests.join("snapshots"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_file_left_out_of_the_binary_is_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let tests = dir.path();
    let snapshots = tests.join("snapshots");
    for sub in ["fixtures", "support", "helpers"] {
        fs::create_dir_all(tests.join(sub)).unwrap_or_else(|e| panic!("{sub}: {e}"));
    }
    fs::create_dir_all(&snapshots).unwrap_or_else(|e| panic!("snapshots: {e}"));
    for file in [
        "all.rs",
        "linked.rs",
        "stray.rs",
        "linked.proptest-regressions",
        "gone.proptest-regressions",
        "snapshots/all__linked__screen.snap",
        "snapshots/stray__screen.snap",
        "snapshots/all__linked__screen.snap.new",
    ] {
        fs::write(tests.join(file), "").unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let declared: BTreeSet<String> = ["linked", "support"].map(String::from).into();
    let problems = forgotten(&declared, tests, &snapshots);
    let named: Vec<&str> = problems
        .iter()
        .map(|p| p.split_whitespace().next().unwrap_or_default())
        .collect();
    assert_eq!(
        named,
        [
            "tests/gone.proptest-regressions",
            "tests/helpers/",
            "tests/stray.rs",
            "tests/snapshots/all__linked__screen.snap.new",
            "tests/snapshots/stray__screen.snap",
        ],
        "{problems:#?}"
    );
}
