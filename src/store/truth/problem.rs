//! Problems are plain data (`crate::model::problem`): the journal and the screen show them
//! without reaching into the store.

pub use crate::model::{Lines, Problem, Severity, line_col};
