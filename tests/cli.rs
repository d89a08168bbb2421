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
