//! Work shared out over a few threads with results kept in order: used by the store's loads
//! and by the core's wider scans (filtering, today's list), so it sits below both. The one
//! place rolo starts threads for work (the filter had its own copy of `map_chunks`).
//!
//! Hand-written over `std::thread::scope` rather than rayon, on measurement (2026-12-03,
//! large set, PERFORMANCE.md "Hand-written pieces against crates"). rayon's pool was no
//! faster: CPU time of a load and of `rolo today` equal within 3%, wall times within the
//! noise of a shared 2-core machine, filter keystrokes likewise. But it keeps its threads for
//! the life of the process, and the TUI's first start on the large set (the run that writes
//! the cache) then peaked at 123-125 MB against 117-119 MB with these threads, which end with
//! their work (most likely their allocator arenas are then reused by the thread that loads the
//! older months, rather than added to). The target is 120 MB, so these stay.

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

/// `f` over `items` cut into pieces of `chunk`, a thread for each piece; the pieces' results
/// one after another, in `items` order. For a scan whose pieces cost about the same (the
/// filter scoring a few thousand people per thread).
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    chunk: usize,
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let chunk = chunk.max(1);
    if items.len() <= chunk {
        return f(items);
    }
    let f = &f;
    thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|piece| s.spawn(move || f(piece)))
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for part in parts {
            match part.join() {
                Ok(found) => all.extend(found),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    })
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

    #[test]
    fn whole_results_and_pieces_come_in_item_order() {
        for len in [0, 1, 2, 1_000, 10_007] {
            let items: Vec<usize> = (0..len).collect();
            let expected: Vec<usize> = items.iter().map(|i| i * 3).collect();
            for threads in [1, 2, 8] {
                assert_eq!(map_in_order(&items, threads, |&i| i * 3), expected);
            }
            for chunk in [len / 3 + 1, 2_000] {
                let pieces = map_chunks(&items, chunk, |p| p.iter().map(|i| i * 3).collect());
                assert_eq!(pieces, expected, "{len} items in pieces of {chunk}");
            }
        }
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let result = std::panic::catch_unwind(|| {
            for_each_in_order(&items, 2, |&i| assert!(i != 57, "item 57"), |_| {})
        });
        assert!(result.is_err());
        let result = std::panic::catch_unwind(|| {
            map_chunks(&items, 30, |p| {
                assert!(!p.contains(&57), "item 57");
                p.to_vec()
            })
        });
        assert!(result.is_err());
    }
}
