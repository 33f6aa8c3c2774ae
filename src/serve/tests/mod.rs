//! Hand-made journals with exact expectations for every serve list and brief section.

mod brief;
mod demo;
mod fingerprint;
pub(crate) mod fixture;
mod intro;
mod lists;
mod matching;
mod reading;
mod strong_only;
