//! Work on many files across cores, results consumed in the files' order as soon as each is
//! ready. Workers take files in order, and none runs more than a small window ahead of the
//! consumer, so at most that window of results waits in memory however large the run — one slow
//! file holds the others back instead of letting finished results pile up.
//!
//! Files are drawn and handed over in runs of consecutive files (up to [`CHUNK`]), not one by
//! one: when the results come from the cache a file takes a few microseconds, and waking the
//! consumer for each of them cost more than the work. How far ahead the workers may run depends
//! on what the work is: [`window`] files, four times as many (drawn four times as many at
//! once) while the work is quick and the results waiting for the consumer weigh less than
//! [`LIGHT`] — results recalled from the cache are small, many and quick; freshly linted
//! drafts fewer, slower and heavier; memory must stay flat for both. The pace changes only
//! the speed, never the results or their order.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Files drawn and handed over at once, at most.
pub const CHUNK: usize = 32;
/// The weight of waiting results below which the workers may run [`window`] × 4 files ahead.
pub const LIGHT: usize = 1 << 20;

/// How far (in files) the workers may always run ahead of the consumer.
pub fn window(threads: usize) -> usize {
    threads.max(1) * 4 * 8
}

/// The weight of waiting results at which the workers go on only with the file the consumer
/// waits for. The window in files bounds the results' number, not their size: once linting
/// got faster than writing, up to 64 freshly linted long drafts waited at once, and peak memory
/// on the 555 MB tree rose from 94.7 to 101.8 MiB in a cold run with the cache (94.6 MiB with
/// this bound; 4 MiB saved less than half of it). The time is the same: the writer sets it.
pub const HEAVY: usize = 1 << 20;

/// The first item not yet to be worked on, `done` items having been taken.
fn reach(done: usize, threads: usize, pace: &Pace) -> usize {
    let pending = pace.pending.load(Ordering::SeqCst);
    if pending >= HEAVY {
        return done + 1;
    }
    let light = pace.quick.load(Ordering::SeqCst) && pending < LIGHT;
    done + window(threads) * if light { 4 } else { 1 }
}

/// What decides how far ahead the workers may run.
struct Pace {
    /// The weight of results sent and not yet taken.
    pending: AtomicUsize,
    /// The last run of work was quick (under [`QUICK`] an item: results from the cache).
    quick: AtomicBool,
}

/// Work faster than this per item is quick: files answered from the cache, not linted.
const QUICK: std::time::Duration = std::time::Duration::from_micros(200);

/// How many files to draw at once: a quarter of a thread's share of the window, 8 or 32 (a
/// worker must not take so much of it that the others wait on its results).
fn run_length(done: usize, threads: usize, pace: &Pace) -> usize {
    ((reach(done, threads, pace) - done) / (4 * threads.max(1))).clamp(1, CHUNK)
}

/// `work(item)` for every item of `items` on up to `threads` threads; `take` receives the
/// results in the items' order on the calling thread. Items are drawn from the iterator only as
/// the window allows — in files, and in the results' `weight` (bytes held) — so a lazily
/// produced sequence (a directory walk) is never held whole. The first error from `take` stops
/// the work and is returned.
pub fn map_in_order<I: Send, T: Send, E>(
    items: impl Iterator<Item = I> + Send,
    threads: usize,
    work: impl Fn(I) -> T + Sync,
    weight: impl Fn(&T) -> usize + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let threads = threads.max(1);
    if threads == 1 {
        for item in items {
            take(work(item))?;
        }
        return Ok(());
    }
    // The items and how many have been drawn, behind one lock so that each draw gets its place.
    let source = Mutex::new((items, 0usize));
    let stop = AtomicBool::new(false);
    let pace = Pace { pending: AtomicUsize::new(0), quick: AtomicBool::new(false) };
    // How many results the consumer has taken: a worker waits while its file is a window ahead.
    let taken = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Vec<std::thread::Result<T>>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (source, stop, taken, work, weight, pace) = (&source, &stop, &taken, &work, &weight, &pace);
            scope.spawn(move || {
                loop {
                    // Wait while the next item would run a window ahead of the consumer; then
                    // draw a run of consecutive items, as many as the window leaves room for
                    // (counted under both locks, so two workers cannot both take the room).
                    let (first, run) = {
                        let mut done = taken.0.lock().unwrap_or_else(|e| e.into_inner());
                        loop {
                            if stop.load(Ordering::SeqCst) {
                                break (0, Vec::new());
                            }
                            let mut source = source.lock().unwrap_or_else(|e| e.into_inner());
                            let first = source.1;
                            let end = reach(*done, threads, pace);
                            if first < end {
                                let room = (end - first).min(run_length(*done, threads, pace));
                                let run: Vec<I> = source.0.by_ref().take(room).collect();
                                source.1 += run.len();
                                break (first, run);
                            }
                            drop(source);
                            done = taken.1.wait(done).unwrap_or_else(|e| e.into_inner());
                        }
                    };
                    if run.is_empty() {
                        break;
                    }
                    // A panic is carried to the consumer and raised there: a worker that died
                    // would leave a gap in the order that the others wait on for ever.
                    // Results are handed over as the run ends, or earlier once they weigh an
                    // eighth of LIGHT: a run of long drafts must not pile up in a worker.
                    let (mut at, mut results, mut held) = (first, Vec::new(), 0);
                    let started = std::time::Instant::now();
                    let mut gone = false;
                    let count = run.len();
                    for (i, item) in run.into_iter().enumerate() {
                        let result = std::panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                        let w = result.as_ref().map_or(0, weight);
                        held += w;
                        pace.pending.fetch_add(w, Ordering::SeqCst);
                        results.push(result);
                        if held >= LIGHT / 8 || i + 1 == count {
                            let segment = std::mem::take(&mut results);
                            let n = segment.len();
                            if tx.send((at, segment)).is_err() {
                                gone = true;
                                break;
                            }
                            at += n;
                            held = 0;
                            // Too far ahead now, go on only with the file the consumer waits for
                            // (or nothing would ever be taken).
                            let mut done = taken.0.lock().unwrap_or_else(|e| e.into_inner());
                            while !stop.load(Ordering::SeqCst)
                                && at >= reach(*done, threads, pace)
                                && at > *done
                                && at < first + count
                            {
                                done = taken.1.wait(done).unwrap_or_else(|e| e.into_inner());
                            }
                        }
                    }
                    if gone {
                        break;
                    }
                    let quick = started.elapsed() < QUICK * u32::try_from(count).unwrap_or(u32::MAX);
                    pace.quick.store(quick, Ordering::SeqCst);
                }
            });
        }
        drop(tx);
        // However the consumer leaves — done, an error, or a panic while writing — the workers
        // must be told to stop and woken, or the scope would wait for them for ever.
        let _stop = StopOnDrop { stop: &stop, taken: &taken };
        let mut waiting = BTreeMap::new();
        let mut want = 0usize;
        let mut outcome = Ok(());
        for (first, results) in rx {
            waiting.insert(first, results);
            while let Some(results) = waiting.remove(&want) {
                want += results.len();
                for result in results {
                    let result = result.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    pace.pending.fetch_sub(weight(&result), Ordering::SeqCst);
                    if outcome.is_ok()
                        && let Err(e) = take(result)
                    {
                        outcome = Err(e);
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                *taken.0.lock().unwrap_or_else(|e| e.into_inner()) = want;
                taken.1.notify_all();
            }
        }
        outcome
    })
}

struct StopOnDrop<'a> {
    stop: &'a AtomicBool,
    taken: &'a (Mutex<usize>, Condvar),
}

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        let _held = self.taken.0.lock().unwrap_or_else(|e| e.into_inner());
        self.stop.store(true, Ordering::SeqCst);
        self.taken.1.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_and_never_far_ahead() {
        let taken = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        let mut seen = Vec::new();
        map_in_order(
            0..2000usize,
            4,
            |i| {
                // Early files are slow: the others must wait rather than pile up.
                if i % 50 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                let lead = i.saturating_sub(taken.load(Ordering::SeqCst));
                ahead.fetch_max(lead, Ordering::SeqCst);
                i * 2
            },
            |_| 0,
            |r| {
                seen.push(r);
                taken.fetch_add(1, Ordering::SeqCst);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..2000).map(|i| i * 2).collect::<Vec<_>>());
        assert!(ahead.load(Ordering::SeqCst) <= 4 * window(4), "ran {} files ahead", ahead.load(Ordering::SeqCst));
    }

    /// The most results worked on and not yet taken at once, over 3 000 quick items weighing
    /// `weight` each on 4 threads, with a consumer slower than the work.
    fn most_waiting(weight: usize) -> usize {
        let (waiting, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        map_in_order(
            0..3000usize,
            4,
            |i| {
                most.fetch_max(waiting.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                i
            },
            |_| weight,
            |_| {
                std::thread::sleep(std::time::Duration::from_micros(50));
                waiting.fetch_sub(1, Ordering::SeqCst);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        most.load(Ordering::SeqCst)
    }

    #[test]
    fn heavy_results_hold_the_workers_back() {
        // Each result weighs a tenth of LIGHT: the workers run only the plain window ahead (and
        // each may be finishing a segment).
        let most = most_waiting(LIGHT / 10);
        assert!(most <= window(4) + 4 * 2, "{most} results waited at once");
        // Results of an eighth of HEAVY each: about eight wait, whatever the window in files
        // (each of the four workers may finish the file it holds).
        let most = most_waiting(HEAVY / 8);
        assert!(most <= 8 + 2 * 4, "{most} heavy results waited at once");
        // Light results: up to four windows ahead.
        let most = most_waiting(1);
        assert!(most > window(4) && most <= 4 * window(4) + 4, "{most} light results waited at once");
    }

    #[test]
    fn a_panic_while_taking_results_ends_the_run_instead_of_hanging() {
        let run = std::panic::catch_unwind(|| {
            map_in_order(
                0..10_000usize,
                2,
                |i| i,
                |_| 0,
                |i| if i == 5 { panic!("rendering failed") } else { Ok::<(), ()>(()) },
            )
        });
        assert!(run.is_err(), "the panic reaches the caller");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller_instead_of_hanging() {
        let run = std::panic::catch_unwind(|| {
            map_in_order(
                0..10_000usize,
                2,
                |i| if i == 77 { panic!("lint failed") } else { i },
                |_| 0,
                |_| Ok::<(), ()>(()),
            )
        });
        assert!(run.is_err(), "the panic reaches the caller");
    }

    #[test]
    fn the_first_error_stops_the_run() {
        let mut seen = 0;
        let r = map_in_order(
            0..1000usize,
            2,
            |i| i,
            |_| 0,
            |i| {
                seen += 1;
                if i == 10 { Err(i) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(seen, 11);
    }
}
