//! Shared by the benchmarks: the seeded data sets, created on first use so `cargo bench`
//! works from a fresh clone. Each set lives in `.bench-data/` (git-ignored) under a name that
//! spells out its parameters, so changing a parameter can never reuse stale files.
#![allow(dead_code)] // each bench uses a different part of this module

pub mod plain;
pub mod run_env;

#[allow(dead_code)]
#[path = "../../examples/gen/generator.rs"]
mod generator;

use generator::{Options, generate};
use std::path::{Path, PathBuf};
use std::{env, fs, process};

/// The data's "today" (the generator writes entries up to the day before).
pub const TODAY: &str = "2026-11-24T12:00:00+01:00";

#[derive(Debug, Clone, Copy)]
pub struct DataSet {
    pub name: &'static str,
    pub options: Options,
}

/// 2,000 contacts, 20,000 entries over 11 years.
pub const MEDIUM: DataSet = DataSet {
    name: "medium",
    options: Options {
        contacts: 2_000,
        entries: 20_000,
        needs: None,
        years: 11,
        seed: 42,
    },
};

/// 10,000 contacts, 200,000 entries, 5,000 needs over 11 years.
pub const LARGE: DataSet = DataSet {
    name: "large",
    options: Options {
        contacts: 10_000,
        entries: 200_000,
        needs: Some(5_000),
        years: 11,
        seed: 42,
    },
};

/// 100,000 contacts and no journal: for the search keystroke at scale.
pub const PEOPLE_100K: DataSet = DataSet {
    name: "people-100k",
    options: Options {
        contacts: 100_000,
        entries: 0,
        needs: None,
        years: 11,
        seed: 42,
    },
};

fn base() -> PathBuf {
    match env::var_os("ROLO_BENCH_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join(".bench-data"),
    }
}

impl DataSet {
    pub fn dir(&self) -> PathBuf {
        let o = &self.options;
        base().join(format!(
            "{}-c{}-e{}-n{}-y{}-s{}",
            self.name,
            o.contacts,
            o.entries,
            o.needs.map_or("auto".to_string(), |n| n.to_string()),
            o.years,
            o.seed
        ))
    }

    /// The folder, generated first if it is not there yet. Generation goes to a scratch
    /// folder that is renamed into place only when complete, so an interrupted run never
    /// leaves half a data set behind.
    pub fn ensure(&self) -> PathBuf {
        let dir = self.dir();
        if dir.is_dir() {
            return dir;
        }
        let scratch = base().join(format!(".partial-{}-{}", self.name, process::id()));
        let _ = fs::remove_dir_all(&scratch);
        if let Err(e) = fs::create_dir_all(&scratch) {
            panic!("cannot create {}: {e}", scratch.display());
        }
        eprintln!("generating {} data in {} ...", self.name, dir.display());
        if let Err(e) = generate(&self.options, &scratch) {
            panic!("generating {} failed: {e}", self.name);
        }
        if let Err(e) = fs::rename(&scratch, &dir) {
            // Another bench may have won the race; its copy is identical.
            let _ = fs::remove_dir_all(&scratch);
            assert!(dir.is_dir(), "cannot move data into {}: {e}", dir.display());
        }
        dir
    }

    /// A private, writable copy (for benches that write), removed when dropped.
    pub fn scratch_copy(&self) -> tempfile::TempDir {
        let src = self.ensure();
        let tmp = tempfile::tempdir().expect("temp dir");
        copy_tree(&src, tmp.path());
        tmp
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create copy folder");
    for item in fs::read_dir(from).expect("read data folder") {
        let item = item.expect("read folder entry");
        let target = to.join(item.file_name());
        if item.file_type().expect("file type").is_dir() {
            copy_tree(&item.path(), &target);
        } else {
            fs::copy(item.path(), &target).expect("copy data file");
        }
    }
}
