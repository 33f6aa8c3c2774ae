//! The terminal UI: state, the pure `update`, the loop that carries out effects, and the
//! real terminal around it.

mod anchors;
mod behind;
pub mod config;
mod edit_session;
pub mod editor;
mod effects;
pub mod found;
pub mod hits;
pub mod lists;
pub mod mentions;
pub mod needs_pane;
pub mod people;
pub mod popup;
pub mod run;
pub mod signals;
pub mod state;
pub mod stats_view;
mod sync_effects;
pub mod sync_view;
mod synced;
pub mod terminal;
pub mod update;

pub use run::{Host, run_app, run_app_with};
pub use state::AppState;
pub use update::{Effect, update};
