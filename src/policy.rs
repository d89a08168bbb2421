//! Is this text a privacy policy at all? A product page, a page in another
//! language or garbage is reported as such, and nothing is guessed from it.
//!
//! The likelihood counts how many of the topics every privacy policy covers
//! the text speaks of (personal information, collection, third parties,
//! cookies, rights and choices, contact…), and requires English prose.
//!
//! A terms-of-service page speaks of much of that too, so it is told apart by
//! how it names itself ("these Terms", "this Agreement" against "this Privacy
//! Policy") and by whether it states any practice of its own with personal
//! data (statements of collecting, using, sharing or selling it). A Terms page
//! that only points to a separate privacy policy is no policy; one with a real
//! privacy section (practices stated) is.

use crate::report::ReasonCode;
use crate::statements::{Data, Kind, Statement, Word};
use crate::text::{text_pattern, Document, Pattern};
use std::sync::LazyLock;

/// Fewer words than this cannot hold a policy.
const MIN_WORDS: usize = 40;

/// Share of English function words in English prose is about 0.4; other
/// languages and word salad fall far below this.
const MIN_ENGLISH_SHARE: f32 = 0.12;

/// At or above this likelihood the text is taken for a privacy policy.
pub(crate) const POLICY_THRESHOLD: f32 = 0.5;

/// The topics a privacy policy speaks of; each found adds to the likelihood.
static TOPICS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    [
        r"\bprivacy (?:policy|notice|statement)\b|\bprivacy\b",
        r"\bpersonal(?:ly identifiable)? (?:information|data)\b|\byour (?:information|data)\b",
        r"\bcollect(?:s|ed|ion|ing)?\b",
        r"\bthird[- ]part(?:y|ies)\b|\bservice providers?\b|\bpartners?\b",
        r"\bcookies?\b|\btracking\b|\banalytics\b",
        r"\bopt[- ]?out\b|\bunsubscrib\w*|\byour (?:rights|choices)\b|\bdelet\w*\b",
        r"\bcontact us\b|\bquestions\b|\be-?mail\b",
        r"\bshare\b|\bdisclos\w*\b|\bsell\b",
        r"\bsecurity\b|\bprotect\w*\b|\bretain\w*|\bretention\b",
    ]
    .iter()
    .map(|p| text_pattern(p))
    .collect()
});

/// How a terms page names itself.
static SELF_TERMS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\b(?:these|this|the) (?:terms|conditions|agreement|user agreement|terms of (?:use|service|sale)|terms and conditions|terms & conditions)\b",
    )
});

/// How a privacy policy names itself.
static SELF_POLICY: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(r"\bthis (?:privacy |cookie |online privacy )?(?:policy|notice|statement)\b")
});

/// A practice with personal data, by whoever the page names as its subject
/// ("we collect …", "Stuckey’s collects only personal information …", "uses
/// cookies"): terms pages speak of their rules, policies of these.
static PRACTICE: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\b(?:collect|gather|obtain|receive|record|employ|place|store|retain|process|track|share|disclose|sell)(?:s|ed|ing)?\b[^.;:]{0,60}?\b(?:personal(?:ly identifiable)? (?:information|data)|cookies?|e-?mail address(?:es)?|ip address(?:es)?|information (?:about|from) you)\b|\b(?:we|us)\b[^.;:]{0,40}?\buse\w*\b[^.;:]{0,60}?\b(?:personal|information|data|cookies?)\b|\binformation (?:we|that we) (?:collect|gather|obtain|receive)\b",
    )
});

/// A page calling itself "these Terms" this many times, and more than
/// [`TERMS_OVER_POLICY`] times as often as "this Policy", is a terms page.
const MIN_SELF_TERMS: usize = 5;
const TERMS_OVER_POLICY: usize = 3;

/// A terms page that states at least this many data practices has a real
/// privacy section, and is read as a policy. Terms pages mention one or two in
/// passing ("you agree that we may use your e-mail address to contact you");
/// the privacy sections seen in real terms pages state three or more.
const MIN_PRACTICES: usize = 3;

/// How many topics make a text fully policy-like.
const TOPICS_FOR_CERTAINTY: f32 = 7.0;

/// English function words: their share of all words tells English prose.
/// (They are in the statement reader's lexicon, so a word is told one with
/// the look-up the reader makes of it anyway.)
pub(crate) const FUNCTION_WORDS: [&str; 31] = [
    "the", "and", "to", "of", "we", "you", "your", "our", "in", "for", "is", "with", "that", "or",
    "by", "this", "may", "are", "be", "as", "on", "it", "if", "not", "us", "any", "from", "will",
    "can", "a", "an",
];

/// Counting words over the first 200 KB says enough about the language.
const SAMPLE_BYTES: usize = 200 * 1024;

/// (words, function words) among the document's words (`words`, its index)
/// in the first [`SAMPLE_BYTES`]: the words that start with a letter (a
/// number is no word).
fn count_words(words: &[Word]) -> (usize, usize) {
    let (mut all, mut function) = (0, 0);
    // (The index is in text order.)
    let sample = words.partition_point(|w| w.at() < SAMPLE_BYTES);
    for w in &words[..sample] {
        if w.w.as_bytes()[0].is_ascii_lowercase() {
            all += 1;
            function += usize::from(w.lex.function);
        }
    }
    (all, function)
}

/// The verdict on the text, and why.
pub(crate) struct Assessment {
    pub is_policy: bool,
    pub likelihood: f32,
    pub reason: String,
    pub code: Option<ReasonCode>,
}

/// Decide whether `doc` reads as a privacy policy; `words` is its word index
/// and `statements` are what it says about personal data (see `statements.rs`).
#[inline(never)]
pub(crate) fn assess(doc: &Document, words: &[Word], statements: &[Statement]) -> Assessment {
    let (words, function_words) = count_words(words);
    let english = if words == 0 {
        0.0
    } else {
        function_words as f32 / words as f32
    };
    let topics = TOPICS.iter().filter(|t| t.is_match_in(doc)).count() as f32;
    let likelihood =
        (topics / TOPICS_FOR_CERTAINTY).min(1.0) * (english / MIN_ENGLISH_SHARE).min(1.0);
    let likelihood = (likelihood * 100.0).round() / 100.0;

    let code = if words < MIN_WORDS {
        Some(ReasonCode::TooLittleText)
    } else if english < MIN_ENGLISH_SHARE {
        Some(ReasonCode::NotEnglish)
    } else if terms_page(doc, statements) {
        Some(ReasonCode::TermsPage)
    } else if likelihood < POLICY_THRESHOLD {
        Some(ReasonCode::NotAboutPrivacy)
    } else {
        None
    };
    let reason = match code {
        None => String::new(),
        Some(ReasonCode::TooLittleText) => {
            format!("too little text to be a privacy policy ({words} words)")
        }
        Some(ReasonCode::NotEnglish) => {
            "the text is not English prose (policylens reads English policies)".to_string()
        }
        Some(ReasonCode::TermsPage) => {
            "this is a terms page that points to a separate privacy policy, not a privacy policy itself".to_string()
        }
        Some(ReasonCode::NotAboutPrivacy) => {
            "the text does not speak of personal information, cookies or third parties as a privacy policy does".to_string()
        }
    };
    Assessment {
        is_policy: code.is_none(),
        likelihood,
        reason,
        code,
    }
}

/// A terms page with no privacy section of its own.
fn terms_page(doc: &Document, statements: &[Statement]) -> bool {
    let self_terms = SELF_TERMS.find_in(doc).count();
    if self_terms < MIN_SELF_TERMS {
        return false;
    }
    let self_policy = SELF_POLICY.find_in(doc).count();
    if self_terms < TERMS_OVER_POLICY * (self_policy + 1) {
        return false;
    }
    // A denial of selling personal data is a practice too ("we never sell
    // your information"); a terms page's licence grant ("… to use, sell,
    // resell …") and its boilerplate ("no part of the Site may be sold") are not.
    let denials = statements
        .iter()
        .filter(|s| {
            s.kind == Kind::GeneralDenial
                && matches!(s.data, Data::Personal | Data::Contact)
                && !SELF_TERMS.is_match(doc.lower_sentence(s.sentence))
        })
        .count();
    PRACTICE.find_in(doc).count() + denials < MIN_PRACTICES
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![TOPICS, SELF_TERMS, SELF_POLICY, PRACTICE];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn whole_text_patterns_go_through_the_shared_scan() {
        let mut all: Vec<(&str, &Pattern)> = vec![
            ("SELF_TERMS", &SELF_TERMS),
            ("SELF_POLICY", &SELF_POLICY),
            ("PRACTICE", &PRACTICE),
        ];
        all.extend(TOPICS.iter().map(|t| ("a topic", t)));
        crate::pattern::assert_scan_agrees(&all);
    }

    #[test]
    fn function_words_are_counted_among_words_that_start_with_a_letter() {
        let doc = Document::new("The cat, and THE dog; your 2nd offer of 2024 don't", &[]);
        let words = crate::statements::index(&doc);
        // the, cat, and, the, dog, your, 2nd (no), offer, of, 2024 (no), don't
        assert_eq!(count_words(&words), (9, 5));
    }

    fn assess_text(text: &str) -> Assessment {
        let doc = Document::new(text, &[]);
        let words = crate::statements::index(&doc);
        assess(&doc, &words, &crate::statements::read(&doc, &words))
    }

    #[test]
    fn a_terms_page_is_not_a_policy_unless_it_has_a_privacy_section() {
        let terms = "Terms of Service. By using this site you agree to these Terms. These Terms govern your use. \
            We may change these Terms at any time. Our products are sold as is, without warranty. \
            Your use of the site is also governed by our Privacy Policy, which explains how we handle personal information and cookies. \
            Any dispute under these Terms is settled by arbitration. You agree to indemnify us. These Terms are governed by the laws of Ohio. \
            Questions about these Terms? Contact us by e-mail. Third parties may link to the site. We protect the security of the site. "
            .repeat(2);
        let a = assess_text(&terms);
        assert!(!a.is_policy);
        assert!(a.reason.contains("terms page"), "{}", a.reason);
        assert_eq!(a.code, Some(ReasonCode::TermsPage));
        let with_section = format!(
            "{terms} Privacy. We collect your name and e-mail address when you order. We use cookies to keep your cart. \
             We use your information to ship orders. We never sell your personal information to third parties. \
             We store your data securely."
        );
        assert!(assess_text(&with_section).is_policy);
    }

    #[test]
    fn other_languages_and_product_pages_are_not_policies() {
        let german =
            "Wir erheben personenbezogene Daten, wenn Sie unsere Website besuchen. ".repeat(20);
        assert!(!assess_text(&german).is_policy);
        let product =
            "Gold hoops, 14k. Add to cart. Size guide. Shipping in 3 days. Customer reviews. "
                .repeat(10);
        let a = assess_text(&product);
        assert!(!a.is_policy);
        assert!(a.likelihood < POLICY_THRESHOLD);
    }

    #[test]
    fn a_short_policy_is_a_policy() {
        let text = "This privacy policy explains how we collect your personal information. We use cookies and analytics. \
                    We share data with service providers and do not sell it. You may opt out of marketing e-mails. \
                    We protect your data. If you have questions, contact us at privacy@example.com.";
        let a = assess_text(text);
        assert!(a.is_policy, "{}", a.reason);
        assert!(a.likelihood >= 0.9);
    }
}
