//! Work shared out over a few threads with results kept in order: used by the store's loads
//! and by the core's wider scans (filtering, today's list), so it sits below both.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

/// Threads for a load: the machine's cores, at most four (past that the disk, not parsing,
/// is the limit for a personal journal).
pub fn default_threads() -> usize {
    thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// `f` over `items` on up to `threads` threads, with `take` getting the results in `items`
/// order on this thread as soon as each one's turn comes: a result is put away (and its memory
/// freed for the next) while later items are still being worked on, instead of every result
/// living at once. Workers take the next few items as they finish, so a few big month files
/// cannot leave one thread with all the work.
pub fn for_each_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(R),
) {
    let threads = threads.min(items.len());
    if threads <= 1 {
        items.iter().map(f).for_each(take);
        return;
    }
    // About 64 batches a thread: one item at a time for a hundred month files, dozens at a
    // time for ten thousand contacts, where a hand-over per item (a thread wake-up each) cost
    // more than reading the contact from the cache.
    let batch = (items.len() / (threads * 64)).max(1);
    let next = AtomicUsize::new(0);
    let (next, f) = (&next, &f);
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let tx = tx.clone();
                s.spawn(move || {
                    loop {
                        let start = next.fetch_add(batch, Ordering::Relaxed);
                        let Some(some) = items.get(start..(start + batch).min(items.len())) else {
                            break;
                        };
                        if some.is_empty() {
                            break;
                        }
                        let results: Vec<R> = some.iter().map(f).collect();
                        // The receiver only goes away if this thread's caller panicked.
                        if tx.send((start, results)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        // Batches that came in before their turn; a handful, since workers pick them in order.
        let mut early = BTreeMap::new();
        let mut due = 0;
        for (start, results) in rx {
            early.insert(start, results);
            while let Some(results) = early.remove(&due) {
                due += results.len();
                results.into_iter().for_each(&mut take);
            }
        }
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

/// `f` over `items` on up to `threads` threads; every result, in `items` order.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let mut all = Vec::with_capacity(items.len());
    for_each_in_order(items, threads, f, |r| all.push(r));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small lists go one item at a time, long ones in batches: both hand results over in
    /// order, each exactly once.
    #[test]
    fn results_come_in_item_order_whatever_the_batching() {
        for len in [0, 1, 2, 127, 128, 129, 1_000, 10_007] {
            let items: Vec<usize> = (0..len).collect();
            for threads in [1, 2, 3, 8] {
                let mut seen = Vec::new();
                for_each_in_order(&items, threads, |&i| i * 3, |r| seen.push(r));
                let expected: Vec<usize> = items.iter().map(|i| i * 3).collect();
                assert_eq!(seen, expected, "{len} items on {threads} threads");
            }
        }
    }
}
