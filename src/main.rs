use clap::Parser;
use rolo::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return rolo::app_main::usage_error(e),
    };
    match rolo::app_main::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rolo: {}", rolo::sanitize::inert_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
