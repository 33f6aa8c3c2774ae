//! Effects that wait on git (undo, redo, a person's history) run here, each on a thread of
//! its own, so the loop keeps drawing and taking keys while git works. Each hands back its
//! `Done` like any effect; the loop takes the finished ones in (`finished`) before it
//! draws, so `update::on_done` stays the one place where the state and the journal change.
//!
//! The threads are scoped to the loop: they borrow the store, and when the loop ends it waits
//! for them (`rest`), so an undo under way is never cut off half-written.

use super::effects;
use super::update::{Done, Effect};
use crate::history::History;
use crate::store::Store;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::Scope;

/// Whether the effect wrote journal files, and what it came to (`None`: it panicked).
type Answer = (bool, Option<Done>);

pub struct Behind<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    store: &'env Store,
    history: Option<History>,
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    /// Effects started and not yet answered.
    running: usize,
    /// Of those, the ones that write journal files (undo, redo).
    writing: usize,
}

impl<'scope, 'env> Behind<'scope, 'env> {
    pub fn new(
        scope: &'scope Scope<'scope, 'env>,
        store: &'env Store,
        history: Option<History>,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        Behind {
            scope,
            store,
            history,
            tx,
            rx,
            running: 0,
            writing: 0,
        }
    }

    /// Start `effect` on a thread; when no thread can be had, carry it out here and now
    /// (slower to answer, never lost): its `Done` is then ready at once.
    pub fn start(&mut self, effect: Effect) -> Option<Done> {
        let writes = effect.writes_behind();
        let (store, history, tx) = (self.store, self.history.clone(), self.tx.clone());
        let here = effect.clone();
        let spawned = std::thread::Builder::new()
            .name("rolo-behind".into())
            .spawn_scoped(self.scope, move || {
                // Answered even if it panics, so the loop never waits for it forever.
                let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    effects::behind(effect, store, history.as_ref())
                }));
                let _ = tx.send((writes, done.ok().flatten()));
            });
        match spawned {
            Ok(_) => {
                self.running += 1;
                self.writing += usize::from(writes);
                None
            }
            Err(_) => effects::behind(here, self.store, self.history.as_ref()),
        }
    }

    /// Whether anything is still under way.
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    /// Whether an undo or a redo is under way (it writes journal files).
    pub fn writing(&self) -> bool {
        self.writing > 0
    }

    /// What has finished since the last look, in the order it finished.
    pub fn finished(&mut self) -> Vec<Done> {
        let mut done = Vec::new();
        while let Ok(answer) = self.rx.try_recv() {
            done.extend(self.answered(answer));
        }
        done
    }

    /// Wait for everything under way (the loop's end, or a test that settles each event).
    pub fn rest(&mut self) -> Vec<Done> {
        let mut done = Vec::new();
        while self.running > 0 {
            match self.rx.recv() {
                Ok(answer) => done.extend(self.answered(answer)),
                Err(_) => break,
            }
        }
        done
    }

    fn answered(&mut self, (writes, done): Answer) -> Option<Done> {
        self.running = self.running.saturating_sub(1);
        if writes {
            self.writing = self.writing.saturating_sub(1);
        }
        // A panicked undo still ends as one (the next `u` is not refused as "under way").
        done.or_else(|| {
            writes.then(|| Done::TakenBack {
                redo: false,
                result: Err(crate::history::undo::HistoryError::Failed(
                    "the undo or redo stopped unexpectedly; `rolo log` shows what was committed"
                        .into(),
                )),
            })
        })
    }
}
