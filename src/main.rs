//! The `gwlint` command line: arguments → library calls → exit code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("gwlint: {message}");
            ExitCode::from(2)
        }
    }
}
