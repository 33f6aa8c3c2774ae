//! Every integration test, linked as one binary: rolo and its dependencies are linked once,
//! not once per file. Each file (and helper folder) in tests/ is a module here; Cargo.toml
//! sets `autotests = false`, so a file not named here would never be built, and
//! `no_file_forgotten` fails on one. One file's tests: `cargo test --test all cli_writes::`.

// Helpers the test files share (`use crate::support;`). `tui_support` first and with
// `macro_use`: its `script!` macro is then in scope in every test module below.
#[macro_use]
mod tui_support;
// The demo-data generator of `examples/gen`; the tests do not read the summary it returns.
#[allow(dead_code)]
#[path = "../examples/gen/generator.rs"]
mod generator;
mod history_support;
mod model_support;
mod safety_support;
mod support;

// The tests, one module per file.
mod append;
mod brief_cache;
mod brief_kept;
mod broken_contact;
mod broken_writes;
mod cache;
mod cache_cli;
mod cards_kept_random;
mod cli_dates;
mod cli_edit;
mod cli_edit_terminal;
mod cli_empty;
mod cli_errors;
mod cli_reads;
mod cli_resolve;
mod cli_search;
mod cli_serve;
mod cli_stats;
mod cli_writes;
mod concurrency;
mod crash;
mod demo_dates;
mod drafts_owner;
mod far_dates;
mod file_style;
mod fixtures_contacts;
mod fixtures_hostile;
mod fixtures_months;
mod history_safety;
mod history_setup;
mod history_undo;
mod interchange_cli;
mod interchange_more;
mod interchange_read;
mod journal_edits;
mod kept_start;
mod lean_binary;
mod lean_cards;
mod lean_reads;
mod lifecycle;
mod matching_quality;
mod model_based;
mod newest_reads;
mod no_file_forgotten;
mod no_panic;
mod not_a_fit;
mod privacy;
mod promises_theirs;
mod related_config;
mod roundtrip;
mod staged_load;
mod stays_inside;
mod store;
mod sync;
mod sync_killed;
mod tmux;
mod tmux_journeys;
mod tmux_kept;
mod tmux_lifecycle;
mod tmux_restore;
mod tmux_screens;
mod tmux_stats;
mod tmux_sync;
mod tmux_undo;
mod today_cache;
mod tui_broken;
mod tui_changed_need;
mod tui_cli;
mod tui_dates;
mod tui_drafts;
mod tui_drafts_kept;
mod tui_edit_merge;
mod tui_entry_editor;
mod tui_find;
mod tui_gone_typed;
mod tui_history;
mod tui_in_place;
mod tui_journeys;
mod tui_kept_start;
mod tui_lifecycle;
mod tui_lifecycle_undo;
mod tui_mentions;
mod tui_not_a_fit;
mod tui_outside;
mod tui_screens;
mod tui_serve_journeys;
mod tui_snapshots;
mod tui_staged;
mod tui_stats;
mod tui_sync;
mod tui_watch;
mod tui_when;
mod url_field;
