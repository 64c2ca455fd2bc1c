//! The `gwlint` command line: arguments → library calls → exit code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Like other Unix filters, stop quietly when the reader goes away (`gwlint … | head`).
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread or I/O starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("gwlint: {message}");
            ExitCode::from(2)
        }
    }
}
