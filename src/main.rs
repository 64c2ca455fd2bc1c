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
    // clap's help, version and usage errors, with their English labels in Chinese.
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => {
            let text = cli::zh_help::translate(&err.render().to_string());
            if err.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("gwlint: {message}");
            ExitCode::from(2)
        }
    }
}
