use clap::Parser;
use rolo::cli::Cli;
use std::process::ExitCode;

// jemalloc rather than the system's malloc: on the large benchmark set a command that loads
// every card spends a sixth of its CPU in glibc's malloc and free; `list` is 14 % and a brief
// with an open need 22 % faster with jemalloc, at the same peak memory (PERFORMANCE.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return rolo::app_main::usage_error(e),
    };
    rolo::app_main::exit(rolo::app_main::run(cli))
}
