//! The terminal UI: state, the pure `update`, the loop that carries out effects, and the
//! real terminal around it.

mod anchors;
mod behind;
mod edit_session;
pub mod editor;
mod effects;
pub mod lists;
pub mod mentions;
pub mod run;
pub mod signals;
pub mod state;
pub mod terminal;
pub mod update;

pub use run::{Host, run_app};
pub use state::AppState;
pub use update::{Effect, update};
