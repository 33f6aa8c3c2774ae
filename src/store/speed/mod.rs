//! The store's speed half: what makes a large folder quick, none of it needed for being right.
//! A derived cache of decoded files outside the data folder (`cache`), loads spread over a few
//! threads and in two stages for the TUI (`parallel`), lean loads for commands that need less
//! than the whole journal (`lean_load`, `touch`, `named`, `names`), the start's sweep of temp files without listing 10,000
//! names (`sweep`), and the month texts already proven to take
//! an appended entry (`appendable`). Each is tested equal to the plain path in `truth/`.
//!
//! This half may use the correctness half; never the other way round.

pub mod appendable;
pub mod as_kept;
pub mod cache;
pub mod lean_load;
pub mod named;
pub mod names;
pub mod newest;
pub mod parallel;
pub mod since;
pub mod sweep;
pub mod touch;
