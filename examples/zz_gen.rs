fn main() {
    use clap::CommandFactory;
    let shell: clap_complete::Shell = std::env::args().nth(1).unwrap().parse().unwrap();
    clap_complete::generate(
        shell,
        &mut rolo::cli::Cli::command(),
        "rolo",
        &mut std::io::stdout(),
    );
}
