//! When commits are made: now, before the operation returns (the command line), or behind,
//! on a thread of its own fed by a queue (the TUI: a save writes its TOML and returns; git
//! runs meanwhile). Behind, a commit that fails stays in the queue and is tried again a
//! little later and with every change after it, so nothing waits on git and nothing is
//! lost to it.

use super::commit::Change;
use super::engine::describe_intent;
use super::{Live, Shared, WAIT_FOR_OTHER, commit_changes};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a failed commit waits before it is tried again, behind.
const RETRY: Duration = Duration::from_secs(10);

pub(super) enum Committer {
    Now,
    Behind(Mutex<Sender<Job>>),
}

pub(super) enum Job {
    Change(Arc<Live>, Change),
    CatchUp(Arc<Live>),
    /// Answer on the sender once nothing is waiting (or everything left failed).
    Flush(Sender<()>),
}

impl Committer {
    pub fn now() -> Committer {
        Committer::Now
    }

    pub fn behind(shared: Arc<Shared>) -> Committer {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("rolo-history".into())
            .spawn(move || run(&shared, &rx));
        match spawned {
            Ok(_) => Committer::Behind(Mutex::new(tx)),
            // No thread: commit in the caller's, as the command line does.
            Err(_) => Committer::Now,
        }
    }

    pub fn submit(&self, shared: &Shared, live: &Arc<Live>, change: Change) {
        match self {
            Committer::Now => {
                let _ = commit_changes(shared, live, &[change], WAIT_FOR_OTHER);
            }
            Committer::Behind(tx) => {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(Job::Change(live.clone(), change));
                }
            }
        }
    }

    /// Commit what is pending (a killed rolo's changes, outside edits): now, or behind
    /// (the TUI's first frame does not wait for it).
    pub fn catch_up(&self, shared: &Shared, live: &Arc<Live>) {
        match self {
            Committer::Now => {
                let _ = commit_changes(shared, live, &[], WAIT_FOR_OTHER);
            }
            Committer::Behind(tx) => {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(Job::CatchUp(live.clone()));
                }
            }
        }
    }

    /// Wait, at most `wait`, until the queue is empty.
    pub fn flush(&self, wait: Duration) {
        if let Committer::Behind(tx) = self {
            let (done_tx, done_rx) = mpsc::channel();
            if let Ok(tx) = tx.lock()
                && tx.send(Job::Flush(done_tx)).is_ok()
            {
                let _ = done_rx.recv_timeout(wait);
            }
        }
    }
}

/// The committer's thread: gather what came, commit it in one go, answer flushes.
fn run(shared: &Shared, rx: &Receiver<Job>) {
    let mut queue: Vec<Change> = Vec::new();
    let mut live: Option<Arc<Live>> = None;
    let mut catch_up = false;
    let mut flushes: Vec<Sender<()>> = Vec::new();
    let mut failed = false;
    loop {
        let job = if queue.is_empty() && !catch_up {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else if failed {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv_timeout(Duration::ZERO)
        };
        let mut closing = false;
        let mut take = |job: Job| match job {
            Job::Change(l, mut c) => {
                describe_intent(&l, &mut c);
                live = Some(l);
                queue.push(c);
            }
            Job::CatchUp(l) => {
                live = Some(l);
                catch_up = true;
            }
            Job::Flush(tx) => flushes.push(tx),
        };
        match job {
            Ok(job) => take(job),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => closing = true,
        }
        while let Ok(job) = rx.try_recv() {
            take(job);
        }
        if let Some(l) = &live
            && (!queue.is_empty() || catch_up)
        {
            match commit_changes(shared, l, &queue, WAIT_FOR_OTHER) {
                Ok(()) => {
                    queue.clear();
                    catch_up = false;
                    failed = false;
                }
                Err(_) => failed = true,
            }
        }
        // A flush is answered when nothing waits, or when what waits cannot be committed now
        // (its notes stay for a later rolo).
        if queue.is_empty() || failed {
            for tx in flushes.drain(..) {
                let _ = tx.send(());
            }
        }
        if closing {
            return;
        }
    }
}
