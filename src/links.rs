//! Finding URLs and e-mail addresses in policy text, as real pages write them:
//! `text <url>`, `[text](url)`, bare `www.` hosts, URLs glued to the next word
//! after a lost line break ("…personalized-adsAdditionally,"), trailing
//! punctuation, and obfuscated addresses ("art [at] example.com").

use crate::text::{find_around, text_pattern, Pattern, TextIndex};
use std::ops::Range;
use std::sync::LazyLock;

/// A URL found in the text (or given as a page link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundUrl {
    /// The URL as written, cleaned of glued words and trailing punctuation.
    pub url: String,
    /// Where it stands in the text (for page links: where its anchor text stands, if found).
    pub span: Option<Range<usize>>,
    /// The words that name it: `text` of `text <url>` / `[text](url)`, or a page link's text.
    pub anchor: Option<String>,
}

/// An e-mail address found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundEmail {
    pub address: String,
    pub span: Range<usize>,
}

/// Characters that end a URL written in running text.
/// (ASCII only: a curly quote or any other non-ASCII character ends a URL written in prose.)
const URL_BODY: &str = r#"[^\s<>"'()\[\]{}|\\^`\x80-\xff]"#;

/// Scheme URLs and bare `www.` hosts: their literal prefixes take part in the
/// shared scan (in wasm, where the regex engine's own literal search has no
/// SIMD, that search over the whole text cost a twentieth of a pass).
static URL: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(&format!(
        r"(?i)https?://{URL_BODY}+|(?-u:\b)www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+{URL_BODY}*"
    ))
});

/// Bare hosts with a path ("youradchoices.com/appchoices"): only with a path,
/// so that a shop's name ("CaliJewelz.com") is not taken for a link.
static BARE_URL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)(?-u:\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|info|net|io|co|eu|us|uk|de|fr|ca)/{URL_BODY}*"
    ))
});

/// The opt-out and cookie-help sites, also when written as a bare domain
/// ("visit allaboutcookies.org"): these are links whatever their form.
const TOOL_HOSTS: &[&str] = &[
    "allaboutcookies.org",
    "aboutcookies.org",
    "optout.aboutads.info",
    "aboutads.info",
    "networkadvertising.org",
    "youronlinechoices.com",
    "youronlinechoices.eu",
    "youradchoices.com",
    "youradchoices.ca",
];

/// [`TOOL_HOSTS`] as one pattern over lower-cased text, through the shared
/// scan (a regex with `(?i)` and word boundaries of its own cost a tenth of
/// the whole analysis; an Aho-Corasick search of its own, in wasm, a
/// twentieth). Longest first, so that the leftmost-first alternation finds
/// what leftmost-longest would.
static TOOL_HOST: LazyLock<Pattern> = LazyLock::new(|| {
    let mut hosts = TOOL_HOSTS.to_vec();
    hosts.sort_by_key(|h| std::cmp::Reverse(h.len()));
    let escaped: Vec<String> = hosts.iter().map(|h| crate::regex::escape(h)).collect();
    text_pattern(&escaped.join("|"))
});

/// Where [`BARE_URL`] matches in `text`. A match holds no white space and
/// has a '/', so only the white-space-free runs with a '/' are searched (the
/// pattern has no literal prefix to skip ahead by).
fn bare_urls(text: &str) -> std::vec::IntoIter<Range<usize>> {
    find_around(
        &BARE_URL,
        text,
        memchr::memchr_iter(b'/', text.as_bytes()),
        is_space,
    )
    .into_iter()
}

/// White space as the patterns' `\s` reads it: what separates the runs
/// [`find_around`] searches for a URL or an address.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Where the tool hosts stand in `lower` (lower-cased text), as whole words.
fn tool_hosts<'a>(lower: &'a str, index: &'a TextIndex) -> impl Iterator<Item = Range<usize>> + 'a {
    let b = lower.as_bytes();
    TOOL_HOST.find_indexed(lower, index).filter(move |r| {
        let edge = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        edge(r.start.checked_sub(1).and_then(|p| b.get(p))) && edge(b.get(r.end))
    })
}

/// Plain addresses (searched around their "@": see [`emails_in_text`]).
static EMAIL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+"));

/// Obfuscated addresses: "name [at] host [dot] tld", "name (at) host.tld".
static OBFUSCATED_EMAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)[a-z0-9._%+-]+\s?(?:\[at\]|\(at\)|\{at\})\s?[a-z0-9-]+(?:(?:\s?(?:\[dot\]|\(dot\)|\{dot\})\s?|\.)[a-z0-9-]+)+",
    )
});

/// The matches of the patterns (and `more`) in order of position, without
/// overlaps (the earlier and longer wins).
fn merged(
    text: &str,
    patterns: &[&Pattern],
    more: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = patterns
        .iter()
        .flat_map(|p| p.find_iter(text))
        .chain(more)
        .collect();
    all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for m in all {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

/// Words that open a sentence, seen glued to the end of a URL when a line
/// break was lost ("…personalized-adsAdditionally, you can…").
static GLUED_WORD_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"[a-z0-9](?:Additionally|Also|Finally|However|Further|Furthermore|This|These|The|To|We|You|Your|If|For|Please|Click|See|Learn|Visit|Our|Some|Note)[,.;:]?$|[a-z][A-Z]{2,}[A-Z-]*$",
    )
});

/// Find every URL written in `text`, in order.
/// `lower` is `text` lower-cased and `index` its shared scan.
#[inline(never)]
pub(crate) fn urls_in_text(text: &str, lower: &str, index: &TextIndex) -> Vec<FoundUrl> {
    let mut out = Vec::new();
    let found = URL
        .find_indexed(text, index)
        .chain(bare_urls(text))
        .chain(tool_hosts(lower, index));
    for m in merged(text, &[], found) {
        // Skip a host that is the tail of an e-mail address or of a longer URL.
        if m.start > 0 {
            let prev = text.as_bytes()[m.start - 1];
            if prev == b'@' || prev == b'/' || prev == b'.' {
                continue;
            }
        }
        let Some(len) = clean_url_len(&text[m.clone()]) else {
            continue;
        };
        let mut start = m.start;
        let mut raw = &text[start..start + len];
        // A broken relative link: "https://host/some-page/www.other.org/path".
        if let Some(p) = raw.find("/www.").filter(|&p| p > 8) {
            start += p + 1;
            raw = &text[start..start + len - p - 1];
        }
        out.push(FoundUrl {
            url: raw.to_string(),
            span: Some(start..start + raw.len()),
            anchor: anchor_before(text, m.start),
        });
    }
    out
}

/// The length of the real URL at the start of `raw`, or `None` if nothing is left.
fn clean_url_len(raw: &str) -> Option<usize> {
    let mut s = raw;
    // "…/gaoptout.Finally," and "…aboutads.info/.DO NOT": a full stop then a
    // capital, with no more URL syntax after it, ends the URL.
    if let Some(host_end) = s.find("//").map(|p| p + 2).or(Some(0)) {
        let bytes = s.as_bytes();
        for i in host_end..bytes.len().saturating_sub(1) {
            if bytes[i] == b'.'
                && bytes[i + 1].is_ascii_uppercase()
                && !s[i..].contains(['/', '?', '=', '&', '#'])
            {
                s = &s[..i];
                break;
            }
        }
    }
    loop {
        let before = s.len();
        s = s.trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '-', '*', '>',
        ]);
        if let Some(m) = GLUED_WORD_TAIL.find(s) {
            s = &s[..m.start + 1];
            // "…/how-to-delete-cookies/AnalyticsWe": the heading glued after the
            // URL's last slash goes with the sentence that follows.
            if let Some(slash) = s.rfind('/') {
                let segment = &s[slash + 1..];
                if segment.len() > 2
                    && segment.starts_with(|c: char| c.is_ascii_uppercase())
                    && segment[1..].bytes().all(|b| b.is_ascii_lowercase())
                {
                    s = &s[..slash + 1];
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    let lower = s.to_ascii_lowercase();
    let host = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    // A scheme with no host ("http://`") is no URL.
    if host.len() < 4 || !host.contains('.') {
        return None;
    }
    Some(s.len())
}

/// The anchor text of `text <url>` or `[text](url)`, if the URL is written so.
fn anchor_before(text: &str, start: usize) -> Option<String> {
    let before = &text[..start];
    let anchor = if let Some(head) = before.strip_suffix("](") {
        &head[head.rfind('[')? + 1..]
    } else if let Some(head) = before.strip_suffix('<') {
        // The words just before "<": up to six, within the sentence.
        let head = head.trim_end();
        let from = head
            .rfind(['.', ':', ';', '\n', '>', '('])
            .map_or(0, |p| p + 1);
        let words: Vec<&str> = head[from..].split_whitespace().collect();
        return Some(words[words.len().saturating_sub(6)..].join(" ")).filter(|s| !s.is_empty());
    } else {
        return None;
    };
    Some(anchor.trim().to_string()).filter(|s| !s.is_empty())
}

/// Find every e-mail address in `text`, in order, de-obfuscated and cleaned.
#[inline(never)]
pub(crate) fn emails_in_text(text: &str, lower: &str) -> Vec<FoundEmail> {
    // An obfuscated address holds "[at]", "(at)" or "{at}": most texts have
    // none, and the pattern (no literal to skip ahead by) is slow to search for.
    let patterns: &[&Pattern] = if ["[at]", "(at)", "{at}"]
        .iter()
        .any(|a| memchr::memmem::find(lower.as_bytes(), a.as_bytes()).is_some())
    {
        &[&OBFUSCATED_EMAIL]
    } else {
        &[]
    };
    // A plain address holds an '@' and no white space: only the runs
    // without white space that hold an '@' are searched.
    let plain = find_around(
        &EMAIL,
        text,
        memchr::memchr_iter(b'@', text.as_bytes()),
        is_space,
    );
    merged(text, patterns, plain.into_iter())
        .into_iter()
        .filter_map(|m| {
            let raw = &text[m.clone()];
            let address = clean_email(raw)?;
            // Cleaning only ever shortens plain addresses; keep the span honest.
            let end = if raw.contains('@') {
                m.start + address.len()
            } else {
                m.end
            };
            Some(FoundEmail {
                address,
                span: m.start..end,
            })
        })
        .collect()
}

/// Normalise an address: "[at]"/"[dot]" undone, a word glued after the
/// top-level domain cut ("privacy@shop.com.NOTICE", "help@shop.comIf").
pub(crate) fn clean_email(raw: &str) -> Option<String> {
    let mut s = raw.to_string();
    if !s.contains('@') {
        for (from, to) in [
            ("[at]", "@"),
            ("(at)", "@"),
            ("{at}", "@"),
            ("[dot]", "."),
            ("(dot)", "."),
            ("{dot}", "."),
            ("[AT]", "@"),
            ("(AT)", "@"),
            ("[DOT]", "."),
            ("(DOT)", "."),
        ] {
            s = s.replace(from, to);
        }
        s.retain(|c| !c.is_whitespace());
    }
    let (local, domain) = s.split_once('@')?;
    let local = local.trim_start_matches('.');
    let mut labels: Vec<&str> = Vec::new();
    for label in domain.split('.') {
        if labels.len() >= 2 {
            let prev = labels[labels.len() - 1];
            let glued = label.starts_with(|c: char| c.is_ascii_uppercase())
                && prev.chars().all(|c| !c.is_ascii_uppercase());
            if glued {
                break;
            }
        }
        labels.push(label);
    }
    // "comIf": cut a capitalised word glued to the top-level domain.
    let last = labels.pop()?;
    let cut = last
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c.is_ascii_uppercase() && last[..i].chars().all(|p| p.is_ascii_lowercase()))
        .map_or(last.len(), |(i, _)| i);
    let tld = &last[..cut];
    if labels.is_empty() || tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // "logo@2x.png" and the like are file names, not addresses.
    const FILE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "js", "css"];
    if FILE_EXTENSIONS.contains(&tld.to_ascii_lowercase().as_str()) || local.is_empty() {
        return None;
    }
    labels.push(tld);
    Some(format!("{local}@{}", labels.join(".")))
}

/// The form of a URL under which two spellings count as one: lowercase, no
/// scheme, no leading `www.`, no query or fragment, no trailing `/`.
pub(crate) fn url_key(url: &str) -> String {
    let u = url.trim().to_ascii_lowercase();
    let u = u.split_once("://").map_or(u.as_str(), |(_, rest)| rest);
    let u = u.strip_prefix("www.").unwrap_or(u);
    let u = u.split(['#', '?']).next().unwrap_or(u);
    u.trim_end_matches('/').to_string()
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![
        URL,
        BARE_URL,
        TOOL_HOST,
        EMAIL,
        OBFUSCATED_EMAIL,
        GLUED_WORD_TAIL
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn url_patterns_go_through_the_shared_scan() {
        crate::pattern::assert_scan_agrees(&[("URL", &URL), ("TOOL_HOST", &TOOL_HOST)]);
    }

    fn urls(text: &str) -> Vec<String> {
        urls_in_text(
            text,
            &text.to_ascii_lowercase(),
            &TextIndex::new(&text.to_ascii_lowercase()),
        )
        .into_iter()
        .map(|u| u.url)
        .collect()
    }

    #[test]
    fn trailing_punctuation_and_glued_words_are_cut() {
        assert_eq!(
            urls("see https://advertise.bingads.microsoft.com/en-us/resources/policies/personalized-adsAdditionally, you"),
            vec!["https://advertise.bingads.microsoft.com/en-us/resources/policies/personalized-ads"]
        );
        assert_eq!(
            urls("at: http://optout.aboutads.info/.DO NOT TRACK"),
            vec!["http://optout.aboutads.info/"]
        );
        assert_eq!(
            urls("visit https://tools.google.com/dlpage/gaoptout.Finally, you"),
            vec!["https://tools.google.com/dlpage/gaoptout"]
        );
        assert_eq!(
            urls("https://www.facebook.com/settings/?tab=adsGOOGLE: https://www.google.com/settings/ads/anonymousBING"),
            vec!["https://www.facebook.com/settings/?tab=ads", "https://www.google.com/settings/ads/anonymous"]
        );
        assert_eq!(
            urls("visit http://www.aboutads.info/choices/, or (www.networkadvertising.org)."),
            vec![
                "http://www.aboutads.info/choices/",
                "www.networkadvertising.org"
            ]
        );
    }

    #[test]
    fn tool_sites_as_bare_domains_and_headings_glued_after_a_slash() {
        assert_eq!(
            urls("learn how to manage them by visiting allaboutcookies.org. Or aboutads.info"),
            vec!["allaboutcookies.org", "aboutads.info"]
        );
        assert_eq!(
            urls(
                "see https://www.example.com/blog/how-to-delete-cookies/AnalyticsWe use log files."
            ),
            vec!["https://www.example.com/blog/how-to-delete-cookies/"]
        );
    }

    #[test]
    fn camel_case_paths_are_kept() {
        assert_eq!(
            urls("submit the Form <https://www.newegg.com/d/Info/GDPRDeletionRequestForm>."),
            vec!["https://www.newegg.com/d/Info/GDPRDeletionRequestForm"]
        );
    }

    #[test]
    fn anchors_are_read_from_both_link_syntaxes() {
        let text = "adjust your Customer Communication Preferences <https://x.com/cpc>. And [Do Not Sell](https://x.com/dns)";
        let found = urls_in_text(
            text,
            &text.to_ascii_lowercase(),
            &TextIndex::new(&text.to_ascii_lowercase()),
        );
        assert_eq!(
            found[0].anchor.as_deref(),
            Some("adjust your Customer Communication Preferences")
        );
        assert_eq!(found[1].anchor.as_deref(), Some("Do Not Sell"));
    }

    #[test]
    fn bare_hosts_need_a_path_and_broken_relative_links_are_mended() {
        assert!(urls("email us at CaliJewelz.com.").is_empty());
        assert_eq!(
            urls("see youradchoices.com/appchoices."),
            vec!["youradchoices.com/appchoices"]
        );
        assert_eq!(
            urls("<https://kb.example.com/kb/privacy-o/www.networkadvertising.org/mobile-choices>"),
            vec!["www.networkadvertising.org/mobile-choices"]
        );
    }

    #[test]
    fn emails_are_cleaned_and_deobfuscated() {
        let text = "privacy@payless.com.NOTICE and Customer.Service@payless.comIf and art [at] example.com, logo@2x.png";
        let found: Vec<String> = emails_in_text(text, &text.to_ascii_lowercase())
            .into_iter()
            .map(|e| e.address)
            .collect();
        assert_eq!(
            found,
            vec![
                "privacy@payless.com",
                "Customer.Service@payless.com",
                "art@example.com"
            ]
        );
    }

    #[test]
    fn url_keys_match_the_scorer() {
        assert_eq!(
            url_key("HTTP://www.AboutAds.info/choices/?x=1#y"),
            "aboutads.info/choices"
        );
    }
}
