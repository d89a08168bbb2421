//! The `policylens` command: analyze privacy policies from files or stdin.
//!
//! ```text
//! policylens FILE                 a readable summary
//! policylens --json FILE          the report as JSON on stdout
//! policylens --out DIR FILE...    DIR/<stem>.json for each input
//! policylens --summary DIR|FILE...            a table of totals over many inputs
//! policylens --csv FILE DIR|FILE...           one CSV row per input
//! ```
//! Reads `.txt`, `.md` and `.html` (visible text and links), and `-` for stdin.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
