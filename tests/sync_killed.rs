//! Syncs killed part way (issue 17): where a killed `rolo sync` leaves a machine, whether
//! by hand (a merge left half-way) or by a real `kill -9` at moments spread over its run, the
//! next sync finishes it: nothing lost, files private, both machines agreeing. The machines
//! are `sync.rs`'s.

use crate::sync::{ADA, DEC, Two, text};

#[test]
fn a_sync_killed_half_way_through_its_merge_is_caught_up_by_the_next() {
    let t = Two::new();
    t.a.ok(&["edit", "ada", "--set", "role=CEO"]);
    t.a.ok(&["sync"]);
    t.b.ok(&["note", "ada", "On B"]);
    // Where a killed sync leaves B: in the middle of its merge, its notes beside it.
    let who = ["-c", "user.name=B", "-c", "user.email=b@example.org"];
    t.b.git(&["fetch", "-q", "origin"]);
    let branch = t.b.git(&["rev-parse", "--abbrev-ref", "HEAD"]);
    let there = format!("origin/{}", branch.trim());
    t.b.git(&[
        who[0],
        who[1],
        who[2],
        who[3],
        "merge",
        "--no-commit",
        "--no-ff",
        &there,
    ]);
    std::fs::create_dir_all(t.b.data.join(".git/rolo/sync/merging")).unwrap();
    assert!(t.b.data.join(".git/MERGE_HEAD").exists());
    t.b.ok(&["sync"]);
    t.a.ok(&["sync"]);
    t.agree();
    assert!(text(&t.a, ADA).contains("role = \"CEO\""));
    assert!(text(&t.a, DEC).contains("On B"));
}

/// `kill -9` of a real `rolo sync` at moments spread over its run (committing, fetching,
/// merging, pushing: where it lands differs from run to run, so each delay is a new try),
/// then a rerun: the rerun finishes, nothing is lost, and both machines agree.
#[test]
fn a_sync_killed_with_kill_9_at_any_moment_is_caught_up_by_the_next() {
    let t = Two::new();
    let mut notes = Vec::new();
    for (round, delay) in [0u64, 10, 25, 50, 80, 120, 180, 260]
        .into_iter()
        .enumerate()
    {
        t.a.ok(&["edit", "ada", "--set", &format!("role=Role {round}")]);
        t.a.ok(&["sync"]);
        let note = format!("Written on B, round {round}");
        t.b.ok(&[
            "note",
            "ada",
            &note,
            "--at",
            &format!("2026-12-02 1{round}:00"),
        ]);
        notes.push(note);
        let mut child = t.b.cmd(&["sync"]).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL: no handler runs
        let _ = child.wait();
        // git processes the killed rolo started may still be finishing; the rerun waits
        // for their locks or finds their work done.
        let out = t.b.run(&["sync"]);
        assert!(
            out.status.success(),
            "round {round} (killed after {delay} ms): the rerun failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        t.a.ok(&["sync"]);
        t.agree();
        let month = text(&t.a, "journal/2026/2026-12.toml");
        for n in &notes {
            assert!(month.contains(n.as_str()), "round {round}: {n} lost");
        }
        assert!(text(&t.b, ADA).contains(&format!("role = \"Role {round}\"")));
    }
}
