//! The analysis never panics and never hangs, whatever the text: any string
//! (control characters, every script), policy words in random order, glued
//! URLs and e-mails, long lines, multi-megabyte pages, thousands of links.
//!
//! CI runs a few thousand generated inputs per strategy; the long run tries a
//! million and prints the slowest input:
//! `cargo test --release --test never_panics -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))] // native: proptest

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestRunner};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// Pieces of policies and of hostile pages, to be strung together at random.
const PIECES: &[&str] = &[
    "We",
    "do",
    "not",
    "sell",
    "share",
    "your",
    "personal",
    "information",
    "with",
    "third",
    "parties",
    "cookies",
    "Do Not Track",
    "opt out",
    "https://",
    "www.",
    "aboutads.info/choices",
    "@",
    "[at]",
    ".com",
    "“sale”",
    "CCPA",
    "unsubscribe",
    "reply STOP",
    "except",
    ".",
    ",",
    ";",
    "\n",
    "*   ",
    "é",
    "\u{a0}",
    "\u{202e}",
    "<script>",
    "mailto:",
    "javascript:",
    "Google Analytics",
    "PolicyThis",
    "TRACKPlease",
    "gaoptout.Finally",
    "privacy@shop.com.NOTICE",
    "Do Not Sell My Personal Information",
    "\0",
    "\u{feff}",
];

/// What a page gives: any text, policy words in any order, URL-ish soup without spaces.
fn strategies() -> Vec<(&'static str, BoxedStrategy<String>)> {
    vec![
        ("any string", any::<String>().boxed()),
        (
            "policy pieces in any order",
            prop::collection::vec(prop::sample::select(PIECES), 0..400)
                .prop_map(|w| w.join(" "))
                .boxed(),
        ),
        (
            "glued text without spaces",
            "[a-zA-Z0-9.@/:\\[\\]()<>“”’-]{0,3000}".boxed(),
        ),
    ]
}

/// Run `cases` inputs of each strategy; return (inputs tried, slowest time, its length).
fn run_all(cases: u32) -> (u64, Duration, usize) {
    // The first full analysis builds the patterns (once per process): not an input's cost.
    let _ = policylens::analyze(include_str!("fixtures/crypjama.com.txt"));
    // The runner takes a `Fn`: keep the tallies in cells.
    let (tried, slowest) = (Cell::new(0u64), Cell::new((Duration::ZERO, 0usize)));
    for (name, strategy) in strategies() {
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |text| {
            let start = Instant::now();
            let outcome = policylens::analyze(&text);
            let took = start.elapsed();
            tried.set(tried.get() + 1);
            if took > slowest.get().0 {
                slowest.set((took, text.len()));
            }
            // Every quote is an exact slice of the input.
            if let Ok(report) = outcome {
                for q in &report.selling.evidence {
                    prop_assert_eq!(&text[q.start..q.end], q.text.as_str());
                }
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
    }
    let (took, len) = slowest.get();
    (tried.get(), took, len)
}

#[test]
fn generated_inputs_never_panic() {
    let (tried, _, _) = run_all(2_000);
    assert_eq!(tried, 6_000);
}

/// The long run: a million generated inputs (about a minute in release).
#[test]
#[ignore]
fn a_million_generated_inputs() {
    let start = Instant::now();
    let (tried, slowest, len) = run_all(333_334);
    println!(
        "never_panics: {tried} inputs in {:.1?}, slowest {slowest:.2?} ({len} bytes)",
        start.elapsed()
    );
    assert!(tried >= 1_000_000);
}

#[test]
fn huge_and_repetitive_pages() {
    let policy = include_str!("fixtures/crypjama.com.txt");
    // Ten megabytes: read up to the cap, and says so.
    let big = policy.repeat(10 * 1024 * 1024 / policy.len() + 1);
    let r = policylens::analyze(&big).unwrap();
    assert!(r.document.truncated);
    assert!(r.document.bytes_read <= policylens::MAX_TEXT_BYTES);
    assert_eq!(r.selling.verdict, policylens::SellingVerdict::Sells);
    // One enormous line with no break at all.
    let line = "we do not sell ".repeat(100_000);
    let _ = policylens::analyze(&line);
    // Thousands of URLs and e-mail-like strings.
    let links: String = (0..20_000)
        .map(|i| format!("https://x{i}.example/opt-out a{i}@b{i}.com "))
        .collect();
    let _ = policylens::analyze(&links);
    // Thousands of page links, with hostile schemes among them.
    let page = policylens::Page {
        text: policy.to_string(),
        links: (0..10_000)
            .map(|i| policylens::Link {
                href: if i % 2 == 0 {
                    format!("javascript:alert({i})")
                } else {
                    format!("https://shop.example/settings/{i}")
                },
                text: format!("Manage your privacy choices {i}"),
            })
            .collect(),
        ..Default::default()
    };
    let r = policylens::analyze_page(&page).unwrap();
    assert!(r.opt_out.urls.iter().all(|u| !u.starts_with("javascript:")));
    assert!(r
        .opt_out
        .urls
        .iter()
        .any(|u| u.starts_with("https://shop.example/settings/")));
}
