//! The `policylens` command, run as a user would: summary, --json, --out with
//! a bad file among good ones, stdin, HTML input, and bad input.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, runs the CLI

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_policylens");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("policylens-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn summary_shows_verdicts_quotes_and_links() {
    let out = run(&[&fixture("crypjama.com.txt")], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Data selling: SELLS"), "{text}");
    assert!(
        text.contains("IN A TRADITIONAL SENSE"),
        "the deciding quote is shown"
    );
    assert!(text.contains("services: Google Analytics, Shopify Analytics"));
    assert!(text.contains("Do Not Track: not honored"));
    assert!(text.contains("link:   https://tools.google.com/dlpage/gaoptout"));
    assert!(text.contains("e-mail: contact@crypjama.com"));
}

#[test]
fn json_is_the_report() {
    let out = run(&["--json", &fixture("calijewelz.com.txt")], None);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["selling"]["verdict"], "sells");
    // Each deciding quote carries its reading, and the statements are listed.
    let reading = report["selling"]["evidence"][1]["reading"]
        .as_str()
        .unwrap();
    assert!(
        reading.starts_with("shared for others' marketing:"),
        "{reading}"
    );
    let statements = report["statements"].as_array().unwrap();
    assert!(statements
        .iter()
        .any(|s| s["kind"] == "marketing_disclosure"
            && s["actor"] == "third_party"
            && s["polarity"] == "affirmed"));
    assert_eq!(report["opt_out"]["emails"][0], "CaliJewelz@gmail.com");
    let quote = &report["selling"]["evidence"][0];
    let text = std::fs::read_to_string(fixture("calijewelz.com.txt")).unwrap();
    let (start, end) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], quote["text"].as_str().unwrap());
}

#[test]
fn out_dir_carries_on_past_bad_files_and_fails_at_the_end() {
    let dir = temp_dir("out");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 255]).unwrap();
    let reports = dir.join("reports");
    let out = run(
        &[
            "--out",
            reports.to_str().unwrap(),
            &fixture("calijewelz.com.txt"),
            empty.to_str().unwrap(),
            "/no/such/file.txt",
            binary.to_str().unwrap(),
            &fixture("crypjama.com.txt"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("empty.txt: the page has no text to read"),
        "{err}"
    );
    assert!(
        err.contains("/no/such/file.txt: cannot read: no such file"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt: ") && err.contains("binary data, not text"),
        "{err}"
    );
    assert!(err.contains("2 of 5 analyzed"), "{err}");
    assert!(!err.contains("panicked"));
    for stem in ["calijewelz.com", "crypjama.com"] {
        let json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(reports.join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json["selling"]["verdict"], "sells");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_and_html_input() {
    let policy = std::fs::read(fixture("crypjama.com.txt")).unwrap();
    let out = run(&["--json", "-"], Some(&policy));
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["tracking"]["do_not_track"], "not_honored");

    let dir = temp_dir("html");
    let html = dir.join("policy.html");
    std::fs::write(
        &html,
        "<!doctype html><html><head><title>Privacy Policy</title><script>document.write('We sell data')</script></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/cart\">Cart</a></nav><main><h1>Privacy Policy</h1>\
         <p>We collect personal information when you order, and we use cookies and Google Analytics.</p>\
         <p>We do not sell, rent or trade your personal information to third parties.</p>\
         <p>To opt out of interest-based ads, visit <a href=\"https://optout.aboutads.info/\">the DAA's opt-out page</a>.</p>\
         <p>Questions about this policy? <a href=\"mailto:privacy@shop.example\">E-mail us</a>.</p></main></body></html>",
    )
    .unwrap();
    let out = run(&["--json", html.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["document"]["title"], "Privacy Policy");
    assert_eq!(report["selling"]["verdict"], "does_not_sell");
    assert_eq!(
        report["opt_out"]["urls"][0],
        "https://optout.aboutads.info/"
    );
    assert_eq!(report["opt_out"]["emails"][0], "privacy@shop.example");
    assert_eq!(report["tracking"]["services"][0], "Google Analytics");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn not_a_policy_and_usage_errors() {
    let out = run(
        &["-"],
        Some("Gold hoop earrings, 14k. Add to cart. Free shipping over $50.".as_bytes()),
    );
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("not a privacy policy"));

    let out = run(&["--bogus"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("unknown option --bogus"));

    let out = run(&["a.txt", "b.txt"], None);
    assert_eq!(out.status.code(), Some(2));

    let out = run(&["-"], Some(b""));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("stdin: the page has no text to read"));
}

/// A folder for a corpus run: copies of some fixtures (both example shops,
/// a Terms page, a policy with a subject-line requirement), an empty and a
/// binary file, and things a folder run leaves alone (a .tsv, a sub-folder).
fn corpus_dir(tag: &str) -> std::path::PathBuf {
    let dir = temp_dir(tag);
    for name in [
        "calijewelz.com.txt",
        "crypjama.com.txt",
        "bauerscandy.com.txt",
        "cafepress.com.txt",
        "worldmarket.com.txt",
    ] {
        std::fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("garbage.html"), [0u8, 1, 2, 3, 0, 255, 7, 8]).unwrap();
    std::fs::write(dir.join("notes.tsv"), "not\tread\n").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/inner.txt"), "not read either").unwrap();
    dir
}

/// The reports of the readable inputs of `dir`, as the library gives them.
fn reports_of(dir: &std::path::Path) -> Vec<policylens::Report> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| policylens::analyze(&std::fs::read_to_string(p).unwrap()).ok())
        .collect()
}

/// The count on the summary line that starts with `label`.
fn count(summary: &str, label: &str) -> usize {
    let line = summary
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in\n{summary}"));
    line[line.find(label).unwrap() + label.len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count on {line:?}"))
}

#[test]
fn summary_over_a_folder_counts_what_the_reports_say() {
    let dir = corpus_dir("summary");
    let out = run(&["--summary", "--jobs", "2", dir.to_str().unwrap()], None);
    let table = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    // Error rows do not stop the run; they make it exit 1 at the end.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let reports = reports_of(&dir);
    let policies: Vec<_> = reports.iter().filter(|r| r.document.is_policy).collect();
    assert_eq!(reports.len(), 5);
    assert!(
        table.starts_with("inputs: 7   analyzed: 5   errors: 2"),
        "{table}"
    );
    assert_eq!(count(&table, "privacy policies:"), policies.len());
    assert_eq!(count(&table, "not a policy:"), 5 - policies.len());
    for verdict in [
        policylens::SellingVerdict::Sells,
        policylens::SellingVerdict::DoesNotSell,
        policylens::SellingVerdict::NotStated,
    ] {
        let want = policies
            .iter()
            .filter(|r| r.selling.verdict == verdict)
            .count();
        assert_eq!(count(&table, verdict.name()), want, "{}", verdict.name());
    }
    // Both example shops sell (LABELS.md), and are counted so.
    assert!(count(&table, "sells") >= 2);
    let cookies = policies.iter().filter(|r| r.tracking.cookies).count();
    assert_eq!(count(&table, "cookies"), cookies);
    let ga = policies
        .iter()
        .filter(|r| r.tracking.services.iter().any(|s| s == "Google Analytics"))
        .count();
    assert!(ga >= 1, "crypjama uses Google Analytics (LABELS)");
    assert_eq!(count(&table, "Google Analytics"), ga);
    let contact = policies
        .iter()
        .filter(|r| {
            r.opt_out
                .mechanisms
                .contains(&policylens::Mechanism::ContactRequest)
        })
        .count();
    assert_eq!(count(&table, "contact_request"), contact);
    let subjects = policies
        .iter()
        .filter(|r| {
            r.opt_out
                .request
                .as_ref()
                .is_some_and(|q| q.subject.is_some())
        })
        .count();
    assert!(
        subjects >= 2,
        "cafepress and worldmarket ask for a subject line"
    );
    assert_eq!(count(&table, "asks for a subject line"), subjects);
    assert!(table.contains("My California Rights"), "{table}");
    // The Terms page and both bad files are named with their reasons.
    assert!(
        table.contains("bauerscandy.com.txt: this is a terms page"),
        "{table}"
    );
    assert!(
        table.contains("empty.txt: the page has no text to read"),
        "{table}"
    );
    assert!(table.contains("garbage.html: "), "{table}");
    assert!(!table.contains("notes.tsv") && !table.contains("inner.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_has_one_row_per_input_with_the_label_fields() {
    let dir = corpus_dir("csv");
    let csv_path = dir.join("out.csv");
    let out = run(
        &[
            "--csv",
            csv_path.to_str().unwrap(),
            &dir.join("empty.txt").to_string_lossy(),
            &fixture("calijewelz.com.txt"),
            "/no/such/file.txt",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "without --summary, stdout stays empty"
    );

    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "file",
            "error",
            "is_policy",
            "document.reason",
            "selling.verdict",
            "tracking.cookies",
            "tracking.web_beacons",
            "tracking.analytics",
            "tracking.targeted_advertising",
            "tracking.services",
            "tracking.do_not_track",
            "opt_out.urls",
            "opt_out.emails",
            "opt_out.mechanisms",
            "opt_out.request.subject",
            "opt_out.request.include",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 3 named inputs, then the folder's 7 readable-looking files (not out.csv, notes.tsv, sub/).
    assert_eq!(rows.len(), 3 + 7, "{rows:?}");
    let field = |row: &csv::StringRecord, name: &str| {
        row[header.iter().position(|h| h == name).unwrap()].to_string()
    };
    let by_file = |suffix: &str| {
        rows.iter()
            .filter(|r| field(r, "file").ends_with(suffix))
            .collect::<Vec<_>>()
    };

    // In input order: the empty file, calijewelz, the missing file, then the folder sorted.
    assert!(field(&rows[0], "file").ends_with("empty.txt"));
    assert_eq!(field(&rows[0], "error"), "the page has no text to read");
    assert_eq!(field(&rows[0], "selling.verdict"), "");
    assert_eq!(
        field(&rows[2], "error"),
        "cannot read: no such file",
        "a missing file is a row too"
    );

    let text = std::fs::read_to_string(fixture("calijewelz.com.txt")).unwrap();
    let report = policylens::analyze(&text).unwrap();
    for row in by_file("calijewelz.com.txt") {
        assert_eq!(field(row, "error"), "");
        assert_eq!(field(row, "is_policy"), "true");
        assert_eq!(field(row, "selling.verdict"), "sells");
        assert_eq!(
            field(row, "tracking.cookies"),
            report.tracking.cookies.to_string()
        );
        // Calijewelz names no service (its labels agree): an empty list is an empty field.
        let services = field(row, "tracking.services");
        let services: Vec<&str> = services.split(';').filter(|s| !s.is_empty()).collect();
        assert_eq!(services, report.tracking.services);
        assert_eq!(field(row, "opt_out.emails"), "CaliJewelz@gmail.com");
        let mechanisms: Vec<&str> = report.opt_out.mechanisms.iter().map(|m| m.name()).collect();
        assert_eq!(field(row, "opt_out.mechanisms"), mechanisms.join(";"));
    }
    assert_eq!(
        by_file("calijewelz.com.txt").len(),
        2,
        "named once, and in the folder"
    );
    let cafepress = by_file("cafepress.com.txt")[0];
    assert_eq!(
        field(cafepress, "opt_out.request.subject"),
        "My California Rights"
    );
    assert_eq!(field(cafepress, "opt_out.request.include"), "name;email");
    let terms = by_file("bauerscandy.com.txt")[0];
    assert_eq!(field(terms, "is_policy"), "false");
    assert!(field(terms, "document.reason").contains("terms page"));
    let garbage = by_file("garbage.html")[0];
    assert!(field(garbage, "error").contains("binary"), "{garbage:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_quotes_a_field_with_a_comma_a_quote_and_a_newline() {
    let dir = temp_dir("csv-quoting");
    let tricky = dir.join("shop, \"the best\"\nin town.txt");
    std::fs::copy(fixture("crypjama.com.txt"), &tricky).unwrap();
    let out = run(&["--csv", "-", tricky.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], tricky.to_str().unwrap());
    assert_eq!(&rows[0][4], "sells");
    assert_eq!(rows[0].len(), 16);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = corpus_dir("quiet");
    let out = run(&["--summary", dir.to_str().unwrap()], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}') && !err.contains('█'),
        "{err:?}"
    );
    // Only the closing line: how many inputs, how long, how many failed.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("policylens: 7 inputs in ") && err.contains("(2 failed)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corpus_usage_errors() {
    for (args, message) in [
        (&["--summary", "--json", "a.txt"][..], "do not go with"),
        (
            &["--summary", "--csv", "-", "a.txt"][..],
            "write the CSV to a file",
        ),
        (
            &["--summary", "--top", "0", "a.txt"][..],
            "--top needs a number",
        ),
        (&["--jobs", "2", "a.txt"][..], "go with --summary or --csv"),
        (&["--summary"][..], "no input file"),
        (&["--csv"][..], "--csv needs a file"),
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let help = String::from_utf8(run(&["--help"], None).stdout).unwrap();
    assert!(help.contains("--summary") && help.contains("--csv FILE"));
}

#[test]
fn the_request_a_dev_page_asks_for() {
    // California Baby asks for "Privacy Compliance" on the subject line
    // (labelled dev page, tests/fixtures/SOURCES.md).
    let out = run(&["--json", &fixture("californiababy.com.txt")], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let request = &report["opt_out"]["request"];
    assert_eq!(request["subject"], "Privacy Compliance");
    let text = std::fs::read_to_string(fixture("californiababy.com.txt")).unwrap();
    let quote = &request["quotes"][0];
    let (start, end) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], quote["text"].as_str().unwrap());
    assert!(quote["text"]
        .as_str()
        .unwrap()
        .contains("indicate on the subject line, “Privacy Compliance,”"));

    // CafePress: a subject and what to include.
    let out = run(&["--json", &fixture("cafepress.com.txt")], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let request = &report["opt_out"]["request"];
    assert_eq!(request["subject"], "My California Rights");
    assert_eq!(request["include"], serde_json::json!(["name", "email"]));

    // A policy that says nothing of it has no request at all.
    let out = run(&["--json", &fixture("calijewelz.com.txt")], None);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["opt_out"].get("request").is_none());
}
