//! policylens reads a shop's privacy policy and answers three questions, each
//! with the sentences that decided it: does the site sell (or share for
//! others' marketing) your personal data, how does it track you, and how can
//! you opt out.
//!
//! ```
//! let report = policylens::analyze(
//!     "Privacy Policy. We collect personal information when you order. \
//!      We do not sell, rent or trade your personal information. \
//!      We use cookies and Google Analytics to understand how our site is used. \
//!      You can refuse cookies in your browser settings. Questions about this \
//!      privacy policy? Write to privacy@example.com.",
//! ).unwrap();
//! assert_eq!(report.selling.verdict, policylens::SellingVerdict::DoesNotSell);
//! assert!(report.tracking.cookies);
//! assert_eq!(report.tracking.services, ["Google Analytics"]);
//! assert_eq!(report.opt_out.emails, ["privacy@example.com"]);
//! ```
//!
//! The analysis is pure Rust over `&str`; `src/wasm.rs` is the only file
//! that knows about JavaScript.

/// Build the given lazy statics now (each module's `prepare`).
macro_rules! force {
    [$($table:ident),+ $(,)?] => {
        $(std::sync::LazyLock::force(&$table);)+
    };
}

mod error;
mod links;
mod opt_out;
mod pattern;
mod policy;
mod regex;
mod report;
mod requests;
mod selling;
mod statements;
mod text;
mod tracking;
mod vendors;
/// The JavaScript API (wasm32 only): `analyzePage`, `analyzeText`, `prepare`, `warmUp`, `version`.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm_api {
    pub use crate::wasm::{analyze_page, analyze_text, prepare, version, warm_up};
}
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use report::{
    DoNotTrack, DocumentInfo, Finding, Mechanism, OptOut, OptOutEvidence, Quote, ReasonCode,
    Report, Selling, SellingVerdict, StatementReport, Tracking, TrackingEvidence, SCHEMA_VERSION,
};
pub use requests::{OptOutRequest, RequestItem};
pub use statements::{Act, Actor, Data, Kind, Modality, Polarity, Purpose, Recipient, Strength};

/// Make the reader ready now instead of during the first analysis: build
/// every pattern and table, then read a short policy of our own words
/// (`src/warm_up.txt`), so that the patterns' lazy automata hold the states most text
/// needs and, in a browser, the engine has compiled (and begun to optimize)
/// the code an analysis runs. The extension calls it when it learns a policy
/// is on its way, so that this runs while the page fetches the policy rather
/// than after; in a fresh worker the first real analysis of the largest
/// policy then takes a fraction of its cold time (see the README's
/// Performance). Cheap once done; reports are the same either way.
pub fn prepare() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        // The shared scan's automaton, after (and so with) every pattern.
        pattern::prepare();
        // One reading of the sample (a test checks its report).
        let _ = warm_up(1);
    });
}

/// Read the built-in policy of [`prepare`] again, `repeats` times over in one
/// text (1 to [`MAX_WARM_UP_REPEATS`]), and give its report. In a browser,
/// the JavaScript engine optimizes a function of the wasm once it has run
/// enough of it, so what counts is how much text the warm-up reads, not how
/// varied it is: in the extension's restarted worker, the first analysis of
/// the largest policy took about 10 ms after readings of about 120 KB in all
/// (a real 46 KB policy read three times did no better), against about 20 ms
/// after ten readings of the 1.8 KB sample alone (README, Performance;
/// docs/performance-history.md, session 12). The extension calls it a few
/// times after `prepare`, one reading per task, while it waits for a policy
/// (see `extension/src/warm-up.js`); natively it only costs time.
pub fn warm_up(repeats: usize) -> Option<Report> {
    let text = vec![WARM_UP; repeats.clamp(1, MAX_WARM_UP_REPEATS)].join("\n");
    // Never an error: the text is ours.
    analyze(&text).ok()
}

/// The most times over [`warm_up`] reads the sample (1.8 KB) in one text.
pub const MAX_WARM_UP_REPEATS: usize = 32;

/// A short privacy policy written for [`prepare`]: a sentence of each kind the
/// reader handles (selling and sharing, a list with its lead-in, cookies and
/// pixels, named services, Do Not Track, opt-out links, e-mail and request).
const WARM_UP: &str = include_str!("warm_up.txt");

/// Every module's patterns and tables (the shared scan needs them all before it is built).
pub(crate) fn prepare_patterns() {
    links::prepare();
    opt_out::prepare();
    policy::prepare();
    requests::prepare();
    selling::prepare();
    statements::prepare();
    tracking::prepare();
}

/// How much text is read. Real policies run to 80 KB; a page beyond this is
/// cut here (and `document.truncated` says so), which bounds the time a
/// pathological page can cost.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// How many page links are read (a shop page can carry thousands).
pub const MAX_LINKS: usize = 5_000;

/// A page to analyze: its visible text and, where known, its links, URL and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The visible text (as a browser's `innerText` gives it).
    pub text: String,
    /// The page's hyperlinks.
    pub links: Vec<Link>,
    /// The page's URL.
    pub url: Option<String>,
    /// The page's title.
    pub title: Option<String>,
}

/// A hyperlink of the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    /// Where it points (absolute; only `http(s):` and `mailto:` are used).
    pub href: String,
    /// Its visible text.
    pub text: String,
}

impl Page {
    /// A page of text alone.
    pub fn from_text(text: impl Into<String>) -> Self {
        Page {
            text: text.into(),
            ..Page::default()
        }
    }
}

/// Analyze a policy's text. See [`analyze_page`] for pages with links.
pub fn analyze(text: &str) -> Result<Report, Error> {
    analyze_page(&Page::from_text(text))
}

/// Analyze a page: its text, and its links where known.
///
/// Errors only on input that is no text at all (empty, or binary); text that
/// is not a privacy policy gives a report whose `document.is_policy` is false
/// and whose answers are left empty rather than guessed.
pub fn analyze_page(page: &Page) -> Result<Report, Error> {
    let full = page.text.as_str();
    if full.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(full) {
        return Err(Error::NotText);
    }
    let (text, truncated) = cap(full, MAX_TEXT_BYTES);

    // Each stage below is a function of its own (`#[inline(never)]`): inlined
    // into this one they cost 1.2 M more instructions a pass over the fixtures
    // (callgrind), and a profile could not tell them apart.

    // One lower-cased copy (same byte offsets) for every case-blind search.
    let lower = text.to_ascii_lowercase();
    // The shared scan of it for the text patterns, the URLs' among them.
    let index = text::TextIndex::new(&lower);
    let found_urls = links::urls_in_text(text, &lower, &index);
    let found_emails = links::emails_in_text(text, &lower);
    let protected: Vec<_> = found_urls
        .iter()
        .filter_map(|u| u.span.clone())
        .chain(found_emails.iter().map(|e| e.span.clone()))
        .collect();
    let doc = text::Document::with_lower(text, lower, Some(index), &protected);
    let words = statements::index(&doc);
    let statements = statements::read(&doc, &words);
    let assessment = policy::assess(&doc, &words, &statements);

    let document = DocumentInfo {
        is_policy: assessment.is_policy,
        policy_likelihood: assessment.likelihood,
        reason: assessment.reason,
        reason_code: assessment.code,
        url: page.url.clone(),
        title: page.title.clone(),
        bytes_read: text.len(),
        truncated,
    };
    if !document.is_policy {
        return Ok(empty_report(document));
    }

    let page_links = &page.links[..page.links.len().min(MAX_LINKS)];
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        document,
        selling: selling::assess(&doc, &statements),
        tracking: tracking::assess(&doc, &words, site_host(page).as_deref()),
        opt_out: opt_out::assess(&doc, &found_urls, &found_emails, page_links),
        statements: statement_reports(&doc, &statements),
    })
}

/// The host the page belongs to: its URL's, else one on the text's first line
/// (saved pages often start with their address), lower-cased without "www.".
fn site_host(page: &Page) -> Option<String> {
    let first_line = page.text.trim_start().lines().next().unwrap_or("");
    let url = page.url.as_deref().or_else(|| {
        first_line
            .trim()
            .starts_with("http")
            .then_some(first_line.trim())
    })?;
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// At most this many statements are listed in the report (a long policy makes hundreds).
const MAX_STATEMENTS: usize = 60;

/// The statements as the report lists them, each with its reading.
#[inline(never)]
fn statement_reports(
    doc: &text::Document,
    statements: &[statements::Statement],
) -> Vec<StatementReport> {
    statements
        .iter()
        .take(MAX_STATEMENTS)
        .map(|s| StatementReport {
            quote: doc.quote(s.sentence).with_reading(&s.reading()),
            lead_in: s.lead_in.map(|j| doc.quote(j)),
            actor: s.actor,
            act: s.act,
            data: s.data,
            recipient: s.recipient,
            purpose: s.purpose,
            polarity: s.polarity,
            modality: s.modality,
            kind: s.kind,
            strength: s.strength,
        })
        .collect()
}

fn empty_report(document: DocumentInfo) -> Report {
    Report {
        schema_version: SCHEMA_VERSION,
        document,
        selling: Selling {
            verdict: SellingVerdict::NotStated,
            evidence: Vec::new(),
        },
        tracking: Tracking {
            cookies: false,
            web_beacons: false,
            analytics: false,
            targeted_advertising: false,
            services: Vec::new(),
            do_not_track: DoNotTrack::NotMentioned,
            evidence: TrackingEvidence::default(),
        },
        opt_out: OptOut {
            urls: Vec::new(),
            emails: Vec::new(),
            mechanisms: Vec::new(),
            evidence: OptOutEvidence::default(),
            request: None,
        },
        statements: Vec::new(),
    }
}

/// Binary data: many control characters (NUL included). A few stray ones — a
/// crawler leaves NULs at the top of a saved page — do not make text binary.
#[inline(never)]
fn looks_binary(text: &str) -> bool {
    let sample = &text.as_bytes()[..text.len().min(64 * 1024)];
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c);
    // Eight bytes at a time: most runs of eight hold no byte below 0x20 at all.
    let mut chunks = sample.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // A byte below 0x20 has none of the bits 0x20, 0x40 and 0x80 set.
        let low = !(x | (x << 1) | (x << 2)) & HIGH;
        if low != 0 {
            count += chunk.iter().filter(|b| control(b)).count();
        }
    }
    count += chunks.remainder().iter().filter(|b| control(b)).count();
    count * BINARY_CONTROL_SHARE > sample.len()
}

/// Text is binary when more than one byte in this many is a control character.
const BINARY_CONTROL_SHARE: usize = 20;

/// `text` cut to at most `max` bytes on a character boundary, and whether it was cut.
fn cap(text: &str, max: usize) -> (&str, bool) {
    let cut = text::prefix(text, max);
    (cut, cut.len() < text.len())
}

#[cfg(test)]
mod tests {

    /// `prepare` builds every lazily built table: each module's `prepare`
    /// names each of its `static …: LazyLock` (a new one must be added there).
    #[test]
    fn prepare_forces_every_lazy_static() {
        let modules = [
            ("links", include_str!("links.rs")),
            ("opt_out", include_str!("opt_out.rs")),
            ("policy", include_str!("policy.rs")),
            ("requests", include_str!("requests.rs")),
            ("selling", include_str!("selling.rs")),
            ("statements", include_str!("statements.rs")),
            ("tracking", include_str!("tracking.rs")),
            ("text", include_str!("text.rs")),
            ("pattern", include_str!("pattern.rs")),
            ("vendors", include_str!("vendors.rs")),
            ("report", include_str!("report.rs")),
        ];
        let mut seen = 0;
        for (name, src) in modules {
            let body = src
                .find("pub(crate) fn prepare() {")
                .map(|at| &src[at..at + src[at..].find("\n}\n").unwrap_or(0)])
                .unwrap_or("");
            for (at, _) in src.match_indices("static ") {
                let rest = &src[at + "static ".len()..];
                let Some((ident, ty)) = rest.split_once(':') else {
                    continue;
                };
                if ty.trim_start().starts_with("LazyLock") {
                    seen += 1;
                    let listed = body
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .any(|w| w == ident);
                    assert!(listed, "{name}.rs: prepare() does not build {ident}");
                }
            }
        }
        assert!(seen > 60, "only {seen} lazy statics found");
        // Building them all panics on no pattern (each is built the same way on first use).
        prepare();
        prepare();
    }
    use super::*;

    /// `warm_up` reads the sample many times over in one text: the same
    /// reading, only longer (so the code it warms is that of the sample's).
    #[test]
    fn the_warm_up_text_reads_as_the_sample_does() {
        let once = analyze(WARM_UP).expect("a report");
        let long = warm_up(12).expect("a report");
        assert!(WARM_UP.len() * 12 > 20_000);
        assert!(!long.document.truncated);
        assert_eq!(long.selling.verdict, once.selling.verdict);
        assert_eq!(long.tracking.services, once.tracking.services);
        assert_eq!(long.tracking.do_not_track, once.tracking.do_not_track);
        assert_eq!(long.opt_out.urls, once.opt_out.urls);
        assert_eq!(long.opt_out.emails, once.opt_out.emails);
        assert_eq!(long.opt_out.mechanisms, once.opt_out.mechanisms);
        // Out of range: read once, or at most MAX_WARM_UP_REPEATS times over.
        assert_eq!(warm_up(0).expect("a report").selling, once.selling);
        assert!(warm_up(usize::MAX).is_some_and(|r| !r.document.truncated));
    }

    /// `prepare` reads the warm-up sample: it must read as written, so that
    /// the code and automata it warms are those of a real analysis.
    #[test]
    fn the_warm_up_sample_reads_as_written() {
        let r = analyze(WARM_UP).expect("a report");
        assert!(r.document.is_policy);
        assert_eq!(r.selling.verdict, SellingVerdict::Sells);
        let t = &r.tracking;
        assert!(t.cookies && t.web_beacons && t.analytics && t.targeted_advertising);
        assert_eq!(
            t.services,
            ["Google Analytics", "Shopify Analytics", "Facebook"]
        );
        assert_eq!(t.do_not_track, DoNotTrack::NotHonored);
        let o = &r.opt_out;
        assert_eq!(o.urls.len(), 3, "{:?}", o.urls);
        assert_eq!(o.emails, ["privacy@example.com"]);
        for m in [
            Mechanism::BrowserSettings,
            Mechanism::UnsubscribeLink,
            Mechanism::ReplyStop,
            Mechanism::ContactRequest,
            Mechanism::AdIndustryOptout,
            Mechanism::AnalyticsOptout,
            Mechanism::DoNotSellLink,
        ] {
            assert!(o.mechanisms.contains(&m), "{m:?}");
        }
        let request = o.request.as_ref().expect("a request");
        assert_eq!(request.subject.as_deref(), Some("Privacy Request"));
        prepare();
        prepare();
    }

    #[test]
    fn control_bytes_are_counted_eight_at_a_time_as_one_by_one() {
        // One control byte in 20 is binary; the eight-byte gate must not
        // miss any, wherever it sits (a lane, a chunk's end, the remainder).
        let naive = |t: &str| {
            let b = &t.as_bytes()[..t.len().min(64 * 1024)];
            let n = b
                .iter()
                .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c))
                .count();
            n * BINARY_CONTROL_SHARE > b.len()
        };
        for len in [19, 20, 21, 39, 40, 41, 100, 1003] {
            for every in [7, 19, 20, 21] {
                for control in ['\0', '\x01', '\x1f', '\x0b', '\n', '\x0c', ' ', '\u{7f}'] {
                    let t: String = (0..len)
                        .map(|i| if i % every == 0 { control } else { 'a' })
                        .collect();
                    assert_eq!(looks_binary(&t), naive(&t), "{len} {every} {control:?}");
                }
            }
        }
    }

    #[test]
    fn empty_and_binary_input_are_errors() {
        assert_eq!(analyze(""), Err(Error::Empty));
        assert_eq!(analyze(" \n\t "), Err(Error::Empty));
        assert_eq!(analyze("abc\0def"), Err(Error::NotText));
        assert_eq!(analyze(&"\0\x01\x02".repeat(100)), Err(Error::NotText));
    }

    #[test]
    fn stray_nul_bytes_are_still_text() {
        let text = format!(
            "\0\0\0\0{}",
            "This privacy policy explains how we collect your personal information and use cookies. \
             We do not sell your personal information to third parties. Contact us with questions. "
                .repeat(10)
        );
        let report = analyze(&text).unwrap();
        assert!(report.document.is_policy, "{}", report.document.reason);
        assert_eq!(report.selling.verdict, SellingVerdict::DoesNotSell);
    }

    #[test]
    fn huge_input_is_cut_on_a_char_boundary() {
        let text = "é".repeat(MAX_TEXT_BYTES);
        let (cut, truncated) = cap(&text, MAX_TEXT_BYTES - 1);
        assert!(truncated);
        assert!(cut.len() < MAX_TEXT_BYTES);
    }

    #[test]
    fn a_product_page_is_not_a_policy() {
        let report = analyze(
            "Gold hoop earrings. $25.00. Add to cart. Free shipping over $50. Reviews (12).",
        )
        .unwrap();
        assert!(!report.document.is_policy);
        assert_eq!(report.selling.verdict, SellingVerdict::NotStated);
        assert!(!report.document.reason.is_empty());
        assert_eq!(report.document.reason_code, Some(ReasonCode::TooLittleText));
        #[cfg(not(target_arch = "wasm32"))] // serde_json is native-only
        assert_eq!(
            serde_json::to_value(&report).unwrap()["document"]["reason_code"],
            "too_little_text"
        );
    }

    #[test]
    fn a_policy_has_no_reason_code() {
        let report = analyze(include_str!("../tests/fixtures/crypjama.com.txt")).unwrap();
        assert!(report.document.is_policy);
        assert_eq!(report.document.reason_code, None);
        #[cfg(not(target_arch = "wasm32"))] // serde_json is native-only
        assert!(serde_json::to_value(&report).unwrap()["document"]
            .get("reason_code")
            .is_none());
    }
}
