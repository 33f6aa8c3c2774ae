//! The model-based test's parts: the people, the reference model, an independent reading
//! of the folder, the world (folder, git, CLI), the TUI session, the steps and the runner.
#![allow(dead_code)]

pub mod checks;
pub mod disk;
pub mod model;
pub mod roster;
pub mod runner;
pub mod steps;
pub mod tui;
pub mod world;
