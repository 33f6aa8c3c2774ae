//! The statistics screen and the weekly review in a real terminal (tmux), on the demo: `S`
//! opens the charts, `tab` turns the page, `esc` closes; `W` opens the review. Skipped with a
//! notice when tmux is missing, unless CI=true.

use crate::tmux::{Tmux, demo_dir, have_tmux};

#[test]
fn statistics_and_the_weekly_review() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("stats");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.keys(&["S"]);
    t.wait_for("Interactions per month");
    let screen = t.screen();
    assert!(
        screen.contains("By kind") && screen.contains('█'),
        "{screen}"
    );
    t.keys(&["Tab"]);
    t.wait_for("Days with someone");
    t.wait_for("Most time with");
    t.keys(&["Tab"]);
    t.wait_for("Within their rhythm now");
    t.keys(&["Escape"]);
    t.wait("the statistics to close", |t| {
        !t.screen().contains("Statistics ·")
    });
    t.keys(&["W"]);
    t.wait_for("Weekly review");
    t.wait_for("The coming week");
    t.keys(&["Escape"]);
    t.wait("the review to close", |t| {
        !t.screen().contains("Weekly review")
    });
}
