//! The engine against `regex-automata` (the engine of the `regex` crate), configured as
//! this crate's patterns were: byte-wise, ASCII, leftmost-first.

use super::Regex;
use regex_automata::{meta, util::syntax, Anchored, Input};

pub(crate) fn oracle(p: &str) -> meta::Regex {
    meta::Builder::new()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .configure(meta::Config::new().utf8_empty(false))
        .build(p)
        .expect("the oracle reads it")
}

/// The fixture pages' texts, in name order.
pub(crate) fn fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("a fixture"))
        .collect();
    texts.sort();
    texts
}

/// Every match and every anchored match at each of a text's positions, as both engines find them.
pub(crate) fn assert_same(p: &str, texts: &[&[u8]]) {
    let ours = Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e:?}"));
    let theirs = oracle(p);
    for hay in texts {
        let want: Vec<_> = theirs.find_iter(*hay).map(|m| m.range()).collect();
        let got: Vec<_> = ours.find_iter(hay).collect();
        assert_eq!(
            got,
            want,
            "{p} on {:?}",
            String::from_utf8_lossy(&hay[..hay.len().min(200)])
        );
        assert_eq!(ours.is_match(hay), !want.is_empty(), "{p}");
    }
}

pub(crate) fn assert_same_anchored(p: &str, hay: &[u8]) {
    let ours = Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e:?}"));
    let theirs = oracle(p);
    for at in 0..=hay.len() {
        let want = theirs
            .find(Input::new(hay).range(at..).anchored(Anchored::Yes))
            .map(|m| m.range());
        assert_eq!(ours.find_anchored(hay, at), want, "{p} at {at}");
        let want = theirs.find(Input::new(hay).range(at..)).map(|m| m.range());
        assert_eq!(ours.find_at(hay, at), want, "{p} from {at}");
        // The first anchored match from every third offset on, in one look-up.
        let starts = (at..=hay.len()).step_by(3);
        let want = starts.clone().find_map(|s| {
            theirs
                .find(Input::new(hay).range(s..).anchored(Anchored::Yes))
                .map(|m| m.range())
        });
        assert_eq!(
            ours.find_anchored_first(hay, &mut starts.clone()),
            want,
            "{p} first from {at}"
        );
    }
}

/// Texts of the pattern's own words (in either case, cut short at times), glued by
/// spaces and punctuation: where a pattern's edges are.
pub(crate) fn generated(p: &str, n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut seed = seed | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // The pattern's words, its escapes (`\b`, `\w`, `\x80`) taken out.
    let mut plain = String::new();
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if chars.next() == Some('x') {
                    chars.nth(1);
                }
                plain.push(' ');
            }
            c => plain.push(c),
        }
    }
    let mut words: Vec<String> = plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words.extend(["a", "x", "we", "the", "9", "é"].map(String::from));
    const GLUE: &[&str] = &[
        " ", " ", " ", "  ", ".", ". ", ";", ",", "\n", "\t", "’", "'s ", "“", "”", "\"", "-", "/",
        "@", ":", "_", "", "(at)", "[dot]", "\u{80}",
    ];
    let re = Regex::new(p).expect("compiles");
    (0..n)
        .map(|_| {
            let len = 1 + next() % 14;
            let mut t = String::new();
            for _ in 0..len {
                if next() % 3 == 0 {
                    // A string of the pattern's own, cut or not.
                    let mut s = sample(&re.nfa, &mut next);
                    if next() % 4 == 0 {
                        s.truncate(next() as usize % (s.len() + 1));
                    }
                    t.push_str(&String::from_utf8_lossy(&s));
                    t.push_str(GLUE[next() as usize % GLUE.len()]);
                    continue;
                }
                let mut w = words[next() as usize % words.len()].clone();
                match next() % 6 {
                    0 => w = w.to_ascii_uppercase(),
                    1 if w.is_ascii() => w.truncate(1 + next() as usize % w.len()),
                    _ => {}
                }
                t.push_str(&w);
                t.push_str(GLUE[next() as usize % GLUE.len()]);
            }
            t.into_bytes()
        })
        .collect()
}

/// A string the NFA matches (or starts to: assertions are not checked), by a random walk.
fn sample(nfa: &super::Nfa, next: &mut impl FnMut() -> u64) -> Vec<u8> {
    use super::Inst;
    let mut out = Vec::new();
    let mut pc = nfa.anchored;
    for _ in 0..400 {
        match nfa.insts[pc as usize] {
            Inst::Match => break,
            Inst::Look { next: n, .. } => pc = n,
            Inst::Split { first, second } => pc = if next() % 3 == 0 { second } else { first },
            Inst::Byte { set, next: n } => {
                let bytes: Vec<u8> = nfa.sets[set as usize].bytes().collect();
                let printable: Vec<u8> = bytes
                    .iter()
                    .copied()
                    .filter(|b| b.is_ascii_graphic() || *b == b' ')
                    .collect();
                let pool = if printable.is_empty() || next() % 10 == 0 {
                    &bytes
                } else {
                    &printable
                };
                out.push(pool[next() as usize % pool.len()]);
                pc = n;
            }
        }
    }
    out
}

/// Every regex the crate's patterns compile to, on every fixture page as written and
/// lowercased (as the patterns search it).
#[test]
fn every_pattern_of_the_crate_matches_as_the_regex_crate_does_on_the_fixtures() {
    let sources = crate::pattern::compiled_sources();
    assert!(
        sources.len() > 100,
        "the crate's patterns: {}",
        sources.len()
    );
    let texts = fixtures();
    assert!(texts.len() > 40, "the fixture pages are there");
    let lower: Vec<String> = texts.iter().map(|t| t.to_ascii_lowercase()).collect();
    let all: Vec<&[u8]> = texts.iter().chain(&lower).map(|t| t.as_bytes()).collect();
    for p in &sources {
        assert_same(p, &all);
    }
}

/// Every regex of the crate on texts made of its own strings, cut and glued: all
/// matches, and at every offset the anchored match and the next one.
#[test]
fn every_pattern_of_the_crate_matches_as_the_regex_crate_does_on_generated_texts() {
    for (i, p) in crate::pattern::compiled_sources().iter().enumerate() {
        let texts = generated(p, 200, i as u64 + 7);
        let refs: Vec<&[u8]> = texts.iter().map(|t| &t[..]).collect();
        assert_same(p, &refs);
        let re = Regex::new(p).expect("compiles");
        let matched = texts.iter().filter(|t| re.is_match(t)).count();
        assert!(matched > 0, "{p}: no generated text matches");
        for t in texts.iter().take(25) {
            assert_same_anchored(p, t);
        }
    }
}

/// The syntax the tables use, in the shapes the crate's patterns do not all have.
#[test]
fn syntax_reads_as_the_regex_crate_reads_it() {
    let patterns = [
        r"(?x) a b # a comment
            | c\ d [\ -] e",
        r"(?i)abc|[d-f]x|\x41",
        r"(?i:a)b",
        r"a(?i)b(?-i)c",
        r"[^\s.;]{2,3}?x|y{2}|z{1,}?",
        r"[]a]|[a-]|[\w\-.]+",
        r"\bword\b|\Bor\B|^st|nd$",
        r"a.b|\d\D\S\W",
        r"(a|b)+?c|((x))",
        r"\x80-\xff|[\x80-\xff]+",
        r"a{0}b|c{0,0}d",
    ];
    let texts: Vec<&[u8]> = vec![
        b"a b c d  e c d-e abc ABC dx Ex A abB aBc",
        b"word  sword words word. or for ore st start end nd",
        b"aXb a\nb 1x.y a_b",
        b"don't don\xe2\x80\x99t ababcbbac xx",
        b"\x80-\xff \x80\xff\xc3\xa9 yyy zzz zzzzz b d",
        b"]a a- -a w-.x y",
        b"",
    ];
    for p in patterns {
        assert_same(p, &texts);
        for t in &texts {
            assert_same_anchored(p, t);
        }
    }
}

/// What the tables do not use is refused with where and why, not read otherwise.
#[test]
fn unsupported_syntax_is_an_error() {
    for (p, what) in [
        ("(?u)a", "an unsupported group or flag"),
        ("(?<name>a)", "an unsupported group or flag"),
        ("(?s)a", "an unsupported group or flag"),
        ("[[:alpha:]]", "a nested class"),
        ("[’]", "a non-ASCII character in a class"),
        (r"\pL", "an unsupported escape"),
        (r"\1", "an unsupported escape"),
        ("a**", "a repetition of a repetition"),
        ("*a", "a repetition of nothing"),
        ("(a", "an unclosed '('"),
        ("a)", "an unopened ')'"),
        ("[a", "an unclosed '['"),
        ("a{2,1}", "a count whose maximum is below its minimum"),
        ("a{1001}", "a count that is not a number up to 1000"),
        (r"\b+", "a repetition of an assertion"),
        (r"[z-a]", "a range whose end is before its start"),
        ("(?:a{1000}){1000}", "a pattern too large to compile"),
    ] {
        let err = Regex::new(p)
            .err()
            .unwrap_or_else(|| panic!("{p} compiled"));
        assert_eq!(err.what, what, "{p}");
    }
}

/// A pattern whose DFA has more states than the cache holds: the cache is
/// cleared and filled again as the text goes on, and the matches stay right.
#[test]
fn a_full_cache_is_cleared_and_matches_stay_right() {
    // The 17th byte from the end is an `a`: 2^17 DFA states.
    let p = "[ab]*a[ab]{16}c";
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut text: Vec<u8> = (0..300_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if seed % 2 == 0 {
                b'a'
            } else {
                b'b'
            }
        })
        .collect();
    text.extend(b"c");
    let at = text.len() - 18;
    text[at] = b'a';
    let re = Regex::new(p).expect("compiles");
    assert!(re.is_match(&text));
    assert_eq!(re.find_at(&text, 0), Some(0..text.len()));
    assert!(super::dfa::clears(re.id) > 0, "the cache was never full");
    assert_same(p, &[&text]);
}

/// The start prefilters (a few first bytes; a word's first byte) find what
/// the DFA stepping through every byte finds, from every offset: at the
/// text's edges, after `_` (a word byte), inside words, after non-ASCII.
#[test]
fn prefiltered_searches_match_as_the_regex_crate_does() {
    use super::Prefilter;
    let kind = |p: &str| match Regex::new(p).expect("compiles").nfa.prefilter {
        Prefilter::None => "none",
        Prefilter::Bytes { .. } => "bytes",
        Prefilter::WordStarts(_) => "word starts",
    };
    let cases = [
        (r"\buse\w*\b", "bytes"),
        (r"\b(?:advertising|ad) (?:id|identifier)s?\b", "bytes"),
        (r"(?:sale|sales|selling)(?:s)? of\b|x\b", "bytes"),
        (
            r"\b(?:refuse|reject|disable|block|delete|opt)\w*",
            "word starts",
        ),
        (
            r"\b(?:refuse|reject|disable|block|delete|opt)\w*|_opt",
            "none",
        ),
        (
            r"\b(?:refuse|reject|disable|block|delete)|\bx?opt",
            "word starts",
        ),
        (r"(?:refuse|reject|disable|block|delete|opt)\b", "none"),
        (r"[a-z]+ing\b", "none"),
        (r"^(?:use|opt|reject|block)", "none"),
    ];
    let texts: [&[u8]; 4] = [
        b"use useful reuse _use x-use user's refused_use ad id adid ad identifiers bad id",
        b"refuse refused unrefuse _refuse block-delete opt-out xopt _opt sales of sale of",
        "d\u{e9}lete \u{e9}opt r\u{e9}ject block\u{2019}s use".as_bytes(),
        b"opt",
    ];
    for (p, want) in cases {
        assert_eq!(kind(p), want, "{p}");
        assert_same(p, &texts);
        for t in texts {
            assert_same_anchored(p, t);
        }
    }
}
