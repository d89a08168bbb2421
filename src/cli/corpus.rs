//! Corpus runs (`--summary`, `--csv`): many inputs read in parallel, each
//! reduced to the labelled fields of its report (a [`Row`]), in input order
//! whatever the threads did.

use policylens::{DoNotTrack, Report, RequestItem, SellingVerdict};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// File kinds a folder is read for (others in it, like a `SOURCES.tsv`, are left alone).
const EXTENSIONS: &[&str] = &["txt", "md", "html"];

/// What one input gave: the labelled fields of its report, or why there is none.
pub struct Row {
    /// The input as named on the command line (a folder's files as `DIR/name`).
    pub input: String,
    pub result: Result<Facts, String>,
}

/// The fields of `LABELS.md` (and the request a policy asks for) of one report.
pub struct Facts {
    pub is_policy: bool,
    /// Why the page is not taken for a policy (empty when it is).
    pub reason: String,
    pub verdict: SellingVerdict,
    pub cookies: bool,
    pub web_beacons: bool,
    pub analytics: bool,
    pub targeted_advertising: bool,
    pub services: Vec<String>,
    pub do_not_track: DoNotTrack,
    pub urls: Vec<String>,
    pub emails: Vec<String>,
    pub mechanisms: Vec<&'static str>,
    pub subject: Option<String>,
    pub include: Vec<RequestItem>,
}

impl Facts {
    fn of(r: &Report) -> Facts {
        let t = &r.tracking;
        let o = &r.opt_out;
        Facts {
            is_policy: r.document.is_policy,
            reason: r.document.reason.clone(),
            verdict: r.selling.verdict,
            cookies: t.cookies,
            web_beacons: t.web_beacons,
            analytics: t.analytics,
            targeted_advertising: t.targeted_advertising,
            services: t.services.clone(),
            do_not_track: t.do_not_track,
            urls: o.urls.clone(),
            emails: o.emails.clone(),
            mechanisms: o.mechanisms.iter().map(|m| m.name()).collect(),
            subject: o.request.as_ref().and_then(|q| q.subject.clone()),
            include: o
                .request
                .as_ref()
                .map(|q| q.include.clone())
                .unwrap_or_default(),
        }
    }
}

/// The inputs that `args` name: a folder stands for its `.txt`, `.md` and
/// `.html` files (not its sub-folders), sorted by name; anything else is
/// taken as a file. A folder that cannot be listed is an error row.
pub fn expand(args: &[String]) -> Vec<Result<String, (String, String)>> {
    let mut out = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if arg == "-" || !path.is_dir() {
            out.push(Ok(arg.clone()));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && has_extension(p))
                    .collect();
                files.sort();
                out.extend(
                    files
                        .into_iter()
                        .map(|p| Ok(p.to_string_lossy().into_owned())),
                );
            }
            Err(e) => out.push(Err((arg.clone(), format!("cannot read folder: {e}")))),
        }
    }
    out
}

fn has_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Analyze every input on `jobs` threads; rows come back in input order.
/// `on_done` is called once per input as it finishes (for the progress bar).
pub fn run(
    inputs: &[Result<String, (String, String)>],
    jobs: usize,
    analyze: impl Fn(&str) -> Result<Report, String> + Sync,
    on_done: impl Fn(&str) + Sync,
) -> Vec<Row> {
    let next = AtomicUsize::new(0);
    let jobs = jobs.clamp(1, inputs.len().max(1));
    // Each thread takes the next input not yet taken, so a slow page holds
    // up one thread only; the rows are put back in order at the end.
    let mut done: Vec<(usize, Row)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut rows = Vec::new();
                    loop {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(n) else { break };
                        let row = match input {
                            Ok(name) => Row {
                                input: name.clone(),
                                // The analysis never panics on input (tests/never_panics.rs);
                                // should it, that input is an error row, not a lost run.
                                result: std::panic::catch_unwind(AssertUnwindSafe(|| {
                                    analyze(name)
                                }))
                                .unwrap_or_else(|_| {
                                    Err("internal error: the analysis panicked".into())
                                })
                                .map(|r| Facts::of(&r)),
                            },
                            Err((name, e)) => Row {
                                input: name.clone(),
                                result: Err(e.clone()),
                            },
                        };
                        on_done(&row.input);
                        rows.push((n, row));
                    }
                    rows
                })
            })
            .collect();
        workers
            .into_iter()
            // (A worker cannot panic: see above. Were one lost anyway, its
            // inputs would be error rows below.)
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(n, _)| *n);
    let mut rows: Vec<Row> = Vec::with_capacity(inputs.len());
    let mut done = done.into_iter().peekable();
    for (n, input) in inputs.iter().enumerate() {
        match done.next_if(|(k, _)| *k == n) {
            Some((_, row)) => rows.push(row),
            None => rows.push(Row {
                input: match input {
                    Ok(name) | Err((name, _)) => name.clone(),
                },
                result: Err("the analysis failed unexpectedly".into()),
            }),
        }
    }
    rows
}
