use clap::Parser;
use rolo::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return rolo::app_main::usage_error(e),
    };
    rolo::app_main::exit(rolo::app_main::run(cli))
}
