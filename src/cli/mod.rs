//! The command line: arguments, reading inputs, and the ways of output (a
//! readable summary, JSON on stdout, a folder of JSON reports, and for
//! corpus studies a table of totals and a CSV of one row per input).

mod corpus;
mod csv;
mod html;
mod summary;
mod totals;

use indicatif::{ProgressBar, ProgressStyle};
use policylens::{analyze_page, Page, Report};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: policylens [--json] FILE
       policylens --out DIR FILE...
       policylens --summary [--csv FILE] [--top N] [--jobs N] DIR|FILE...
       policylens --csv FILE [--jobs N] DIR|FILE...

Reads a privacy policy (.txt, .md or .html; - for stdin) and reports whether the
site sells your data, how it tracks you, and how to opt out.

  FILE            print a readable summary
  --json FILE     print the report as JSON
  --out DIR F...  write DIR/<name>.json for each input (carries on past bad files)

Corpus studies (a DIR stands for its .txt, .md and .html files, sorted):
  --summary       print a table over all inputs: verdict counts, each tracking
                  flag's share, Do Not Track stances, the most common services
                  and opt-out mechanisms, what opt-out requests must carry,
                  pages that are not policies, errors
  --csv FILE      write one row per input with the labelled fields
                  (selling.verdict, tracking.cookies, ..., lists joined with ;);
                  - for stdout (without --summary)
  --top N         list the N most common services and mechanisms (default 10)
  --jobs N        analyze on N threads (default: the number of CPUs)
  Bad inputs are error rows; the run carries on and exits 1 at the end.
  A progress bar is shown on stderr when it is a terminal.

  -h, --help      show this help
  -V, --version   show the version";

/// Inputs larger than this are refused before reading (the analysis itself reads at most 1 MiB of text).
const MAX_INPUT_BYTES: u64 = 64 << 20;

/// How many services and mechanisms `--summary` lists unless `--top` says.
const DEFAULT_TOP: usize = 10;

enum Mode {
    Summary(String),
    Json(String),
    Out(PathBuf, Vec<String>),
    Corpus(Corpus),
}

/// A corpus run: what to print and write.
struct Corpus {
    inputs: Vec<String>,
    summary: bool,
    csv: Option<PathBuf>,
    top: usize,
    jobs: usize,
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match parse_args(&args) {
        Ok(Some(mode)) => mode,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("policylens: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match mode {
        Mode::Summary(input) => match report_for(&input) {
            Ok(report) => print_out(&summary::render(&display_name(&input), &report)),
            Err(e) => fail(&input, &e),
        },
        Mode::Json(input) => match report_for(&input) {
            Ok(report) => print_out(&(to_json(&report) + "\n")),
            Err(e) => fail(&input, &e),
        },
        Mode::Out(dir, inputs) => write_all(&dir, &inputs),
        Mode::Corpus(run) => run_corpus(&run),
    }
}

fn parse_args(args: &[String]) -> Result<Option<Mode>, String> {
    let mut json = false;
    let mut out: Option<PathBuf> = None;
    let mut summary = false;
    let mut csv: Option<PathBuf> = None;
    let mut top: Option<usize> = None;
    let mut jobs: Option<usize> = None;
    let mut inputs = Vec::new();
    let mut iter = args.iter();
    let number = |flag: &str, value: Option<&String>| -> Result<usize, String> {
        value
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&n| n > 0)
            .ok_or(format!("{flag} needs a number above 0"))
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!(
                    "policylens {} (report schema {})",
                    env!("CARGO_PKG_VERSION"),
                    policylens::SCHEMA_VERSION
                );
                return Ok(None);
            }
            "--json" => json = true,
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a folder")?)),
            "--summary" => summary = true,
            "--csv" => csv = Some(PathBuf::from(iter.next().ok_or("--csv needs a file")?)),
            "--top" => top = Some(number("--top", iter.next())?),
            "--jobs" | "-j" => jobs = Some(number("--jobs", iter.next())?),
            "-" => inputs.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ => inputs.push(arg.clone()),
        }
    }
    if inputs.is_empty() {
        return Err("no input file".into());
    }
    if summary || csv.is_some() {
        if json || out.is_some() {
            return Err("--summary and --csv do not go with --json or --out".into());
        }
        if summary && csv.as_deref() == Some(Path::new("-")) {
            return Err("--summary prints to stdout: write the CSV to a file".into());
        }
        if inputs.iter().filter(|i| *i == "-").count() > 1 {
            return Err("stdin (-) can be read only once".into());
        }
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        return Ok(Some(Mode::Corpus(Corpus {
            inputs,
            summary,
            csv,
            top: top.unwrap_or(DEFAULT_TOP),
            jobs: jobs.unwrap_or(cpus),
        })));
    }
    if top.is_some() || jobs.is_some() {
        return Err("--top and --jobs go with --summary or --csv".into());
    }
    match (out, json, inputs.len()) {
        (Some(dir), false, _) => Ok(Some(Mode::Out(dir, inputs))),
        (Some(_), true, _) => Err("--json and --out do not go together".into()),
        (None, true, 1) => Ok(Some(Mode::Json(inputs.remove(0)))),
        (None, false, 1) => Ok(Some(Mode::Summary(inputs.remove(0)))),
        (None, _, _) => Err("several files need --out DIR (or --summary, --csv)".into()),
    }
}

/// `--summary` and `--csv`: analyze every input, print the table, write the CSV.
fn run_corpus(run: &Corpus) -> ExitCode {
    let started = Instant::now();
    let inputs = corpus::expand(&run.inputs);
    let bar = progress(inputs.len());
    let rows = corpus::run(&inputs, run.jobs, report_for, |_| bar.inc(1));
    bar.finish_and_clear();
    let failed = rows.iter().filter(|r| r.result.is_err()).count();

    let mut status = ExitCode::SUCCESS;
    if let Some(path) = &run.csv {
        let written = if path == Path::new("-") {
            csv::write(&mut std::io::stdout().lock(), &rows)
        } else {
            std::fs::File::create(path)
                .map(std::io::BufWriter::new)
                .and_then(|mut file| csv::write(&mut file, &rows))
        };
        match written {
            Ok(()) => {}
            // A closed pipe (`--csv - | head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => {
                eprintln!("policylens: {}: cannot write: {e}", path.display());
                status = ExitCode::FAILURE;
            }
        }
    }
    if run.summary {
        print_out(&totals::render(&rows, run.top));
    }
    eprintln!(
        "policylens: {} inputs in {:.1} s ({} failed)",
        rows.len(),
        started.elapsed().as_secs_f64(),
        failed
    );
    if failed > 0 {
        status = ExitCode::FAILURE;
    }
    status
}

/// A progress bar on stderr for `len` inputs; hidden when stderr is not a
/// terminal (a log, a pipe, a test) or for a single input.
fn progress(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    // The template is a constant of this file: it parses, else the default style stays.
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} (eta {eta})") {
        bar.set_style(style);
    }
    bar
}

/// Read and analyze one input; any problem becomes a one-line message.
fn report_for(input: &str) -> Result<Report, String> {
    let page = read_page(input)?;
    analyze_page(&page).map_err(|e| e.to_string())
}

fn read_page(input: &str) -> Result<Page, String> {
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        let file =
            std::fs::File::open(input).map_err(|e| format!("cannot read: {}", io_message(&e)))?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err("is a folder, not a file".into());
        }
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!("larger than {} MiB", MAX_INPUT_BYTES >> 20));
    }
    // Binary input is the library's call (`Error::NotText`): a few stray NULs
    // from a crawler do not make a page binary.
    // Policies saved in a legacy encoding still read; stray bytes become U+FFFD.
    // (Valid UTF-8, nearly every file, is checked by the fast validator and not copied.)
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let ext = Path::new(input)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let looks_html = matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || (input == "-" && {
            let head = text
                .trim_start()
                .get(..15)
                .unwrap_or("")
                .to_ascii_lowercase();
            head.starts_with("<!doctype html") || head.starts_with("<html")
        });
    if looks_html {
        Ok(html::page_from_html(&text))
    } else {
        Ok(Page::from_text(text))
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn to_json(report: &Report) -> String {
    // A Report is plain data (strings, numbers, booleans): serializing it cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn write_all(dir: &Path, inputs: &[String]) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("policylens: {}: cannot create folder: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let bar = progress(inputs.len());
    let mut failed = Vec::new();
    for input in inputs {
        let result = report_for(input).and_then(|report| {
            let path = dir.join(format!("{}.json", stem(input)));
            std::fs::write(&path, to_json(&report) + "\n")
                .map_err(|e| format!("cannot write {}: {e}", path.display()))
        });
        if let Err(e) = result {
            bar.suspend(|| eprintln!("policylens: {input}: {e}"));
            failed.push(input.clone());
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let ok = inputs.len() - failed.len();
    eprintln!(
        "policylens: {ok} of {} analyzed into {}",
        inputs.len(),
        dir.display()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("policylens: failed: {}", failed.join(", "));
        ExitCode::FAILURE
    }
}

/// "dev/crypjama.com.txt" → "crypjama.com"; stdin → "stdin".
fn stem(input: &str) -> String {
    if input == "-" {
        return "stdin".into();
    }
    Path::new(input)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into())
}

fn display_name(input: &str) -> String {
    if input == "-" {
        "stdin".into()
    } else {
        Path::new(input)
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| input.to_string())
    }
}

fn print_out(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`policylens f | head`) is not an error worth a message.
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
    ExitCode::SUCCESS
}

fn fail(input: &str, message: &str) -> ExitCode {
    eprintln!("policylens: {}: {message}", display_name(input));
    ExitCode::FAILURE
}
