//! rolo: a terminal journal for the people in your life.
//!
//! The pure core (`model`, `journal`, `search`) knows nothing of files or terminals; `store`
//! is the only code that touches the data folder; `cmd` is the command line.

pub mod action;
pub mod app;
pub mod app_main;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod columns;
pub mod demo;
mod demo_dates;
pub(crate) mod fasthash;
pub mod filter;
pub mod find;
pub mod fold;
pub mod history;
pub mod interchange;
pub mod journal;
mod journal_lean;
pub mod keymap;
#[cfg(test)]
mod layers_test;
pub mod loads;
pub mod model;
pub mod name_fit;
pub mod ops;
mod quiet_pipe;
pub mod refresh;
pub mod sanitize;
pub mod search;
pub mod serve;
pub mod slug;
pub mod stats;
pub mod store;
pub(crate) mod threads;
pub mod ui;
pub mod when;
