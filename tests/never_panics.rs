//! The analysis never panics, whatever the text: any string (including
//! control characters and every script), policy words in random order,
//! glued URLs and e-mails, very long lines and multi-megabyte pages.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, runs the CLI

use proptest::prelude::*;

const WORDS: &[&str] = &[
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
    "Google Analytics",
    "PolicyThis",
    "TRACKPlease",
    "gaoptout.Finally",
];

fn phrase_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..400).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_string(s in any::<String>()) {
        let _ = policylens::analyze(&s);
    }

    #[test]
    fn policy_words_in_any_order(s in phrase_soup()) {
        if let Ok(report) = policylens::analyze(&s) {
            for q in &report.selling.evidence {
                prop_assert_eq!(&s[q.start..q.end], q.text.as_str());
            }
        }
    }

    #[test]
    fn glued_text_without_spaces(s in "[a-zA-Z0-9.@/:\\[\\]()<>“”’-]{0,3000}") {
        let _ = policylens::analyze(&s);
    }
}

#[test]
fn huge_and_repetitive_pages() {
    let policy = include_str!("fixtures/crypjama.com.txt");
    // Ten megabytes: read up to the cap, and says so.
    let big = policy.repeat(10 * 1024 * 1024 / policy.len() + 1);
    let r = policylens::analyze(&big).unwrap();
    assert!(r.document.truncated);
    assert_eq!(r.document.bytes_read, policylens::MAX_TEXT_BYTES);
    // One enormous line with no break at all.
    let line = "we do not sell ".repeat(100_000);
    let _ = policylens::analyze(&line);
    // Thousands of URLs and e-mail-like strings.
    let links: String = (0..20_000)
        .map(|i| format!("https://x{i}.example/opt-out a{i}@b{i}.com "))
        .collect();
    let _ = policylens::analyze(&links);
}
