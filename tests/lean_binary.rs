//! The real binary, each command run as is and with `--full-load` on the same folder: the
//! same stdout and exit code, and on stderr the same warning but for the files counted where
//! a command reads only the cards its entries name (`loads::named_only_for`).

use crate::lean_reads::{DATES, first_contact, generated};
use assert_cmd::Command;
use rolo::journal::Journal;
use rolo::store::Store;
use std::path::Path;
use tempfile::TempDir;

/// stdout, stderr and exit code of `rolo --dir ROOT ARGS` at `now`.
pub(crate) type Ran = (String, String, Option<i32>);

pub(crate) fn binary(root: &Path, home: &Path, args: &[&str], now: &str) -> Ran {
    let out = Command::cargo_bin("rolo")
        .expect("binary")
        .arg("--dir")
        .arg(root)
        .args(args)
        .env("HOME", home)
        .env("ROLO_NOW", now)
        .env_remove("ROLO_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("COLUMNS")
        .output()
        .expect("run rolo");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// `args` run the lean way and with `--full-load`, on the same folder.
pub(crate) fn both_ways(root: &Path, home: &Path, args: &[&str], now: &str) -> (Ran, Ran) {
    let mut full_args = vec!["--full-load"];
    full_args.extend(args);
    (
        binary(root, home, args, now),
        binary(root, home, &full_args, now),
    )
}

#[test]
fn the_binary_answers_the_same_both_ways_with_broken_files() {
    let dir = generated();
    let home = TempDir::new().expect("home");
    let who = first_contact(dir.path());
    // Someone with no open need, whose brief reads only the cards it names (not the second
    // person, whose newest entry names the broken card).
    let ids = Store::on_disk(dir.path()).contact_ids().expect("ids");
    let full = Journal::new(Store::on_disk(dir.path()).load().expect("load"));
    let calm = full
        .contacts()
        .iter()
        .find(|c| c.id != ids[1] && c.open_needs().next().is_none() && c.id != "broken-person")
        .map(|c| c.id.clone())
        .expect("someone with no open need");
    // With the files each counts: the broken month and card; `timeline`, `show ID` and
    // `brief ID` with no open need read only the cards their entries name (the newest entry
    // names the broken card, `who`'s and `calm`'s do not), so their warning counts the month
    // alone, or both.
    let both = "2 files could not be read and were skipped; run `rolo check`";
    let month = "1 file could not be read and was skipped; run `rolo check`";
    let runs: [(&[&str], &str); 18] = [
        (&["brief", &calm], month),
        (&["brief", "--json", &calm], month),
        (&["brief", "--markdown", &calm], month),
        (&["show", "--json", &who], month),
        (&["list"], both),
        (&["list", "--due"], both),
        (&["due"], both),
        (&["today"], both),
        (&["brief", &who], both),
        (&["show", &who], month),
        (&["show", "broken-person"], both),
        (&["timeline", &who, "-n", "4"], month),
        (&["timeline", "broken-person"], both),
        (&["timeline", "-n", "4"], both),
        (&["timeline", "--json", "-n", "1"], both),
        (&["timeline", "nobody-at-all"], both),
        (&["brief", "nobody-at-all"], both),
        (&["brief", "broken-person"], both),
    ];
    for (args, counted) in runs {
        for now in [DATES[1], DATES[3]] {
            let (lean, full) = both_ways(dir.path(), home.path(), args, now);
            assert_eq!(
                (&lean.0, lean.2),
                (&full.0, full.2),
                "rolo {}",
                args.join(" ")
            );
            assert_eq!(
                lean.1,
                full.1.replace(both, counted),
                "rolo {}",
                args.join(" ")
            );
            assert!(full.1.contains(both), "{args:?}: {}", full.1);
        }
    }
}
