//! Shared by the integration tests that run the real binary: a data folder for the bad-input
//! corpus (`folder`) and a temporary HOME for the command tests (`home`).
#![allow(dead_code)] // each test crate uses its own share of these

pub mod folder;
pub mod home;
pub mod in_process;
pub mod script;

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
