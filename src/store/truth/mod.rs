//! The store's correctness half: what must be right for rolo never to lose a word. Reading
//! and decoding every file with each problem located (`load`, `decode`), writing that keeps
//! comments, unknown keys, BOM and line endings (`encode`, `file_text`), the changes to a
//! record (`edit`, `append`, `contact_text`, `entry_text`, merging an edit made in `$EDITOR`
//! with `merge3`), the checks before a write and the atomic, private write itself
//! (`writable`, `disk`), the folder lock, drafts, noticing outside edits (`watch`), and why a
//! call failed (`error`).
//!
//! Nothing here names the speed half (`store/speed/`); the layer test holds it to that. Where
//! a shortcut may save work, this half asks a trait it owns (`shortcuts`).

pub mod append;
pub mod batch;
pub mod contact_text;
pub mod decode;
mod decode_month;
pub mod disk;
pub mod drafts;
pub mod edit;
pub mod encode;
pub mod entry_text;
pub mod error;
pub mod file_text;
pub mod fs;
pub mod gather;
pub mod links;
pub mod load;
pub mod mem;
pub mod merge3;
pub mod merge_note;
pub mod moment;
pub mod month_lint;
pub mod paths;
pub mod people_merge;
pub mod problem;
pub mod shortcuts;
pub mod stand_in;
pub mod watch;
pub mod wording;
pub mod writable;
