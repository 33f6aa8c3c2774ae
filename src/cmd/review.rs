//! `rolo review [--week this|last]`: the weekly review's lines (`stats::review_words`, the
//! same the TUI shows), as text.

use super::{CliResult, Ctx};
use crate::cli::ReviewWeek;
use crate::serve::Network;
use crate::stats::review::{Week, review};
use crate::stats::review_words::{Line, lines};

pub fn run(ctx: &mut Ctx, week: ReviewWeek) -> CliResult {
    let week = match week {
        ReviewWeek::This => Week::This,
        ReviewWeek::Last => Week::Last,
    };
    let net = Network::new(&ctx.journal);
    let r = review(&ctx.journal, &net, ctx.today(), week);
    let mut text = String::new();
    for line in lines(&ctx.journal, &r) {
        let indent = match line {
            Line::Item(_) | Line::Quiet(_) => "  ",
            _ => "",
        };
        text.push_str(indent);
        // No-break spaces keep a date whole on screen; a file gets plain spaces.
        text.push_str(&line.text().replace('\u{a0}', " "));
        text.push('\n');
    }
    ctx.out.write_all(text.as_bytes())?;
    Ok(())
}
