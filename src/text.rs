//! The text pipeline: a policy's text cut into blocks (lines), headings and
//! sentences, with byte offsets into the original input kept throughout.
//!
//! Nothing here rewrites the input. Real pages lose their line breaks
//! ("Privacy PolicyThis Privacy Policy…", "DO NOT TRACKPlease note…",
//! "…gaoptout.Finally, …"), so sentence boundaries are also found inside such
//! glued runs; the matching modules then work on spans of the untouched text,
//! and every quote they return is a slice of it.

use crate::report::Quote;
use std::ops::Range;

/// A sentence (or a heading, or a list item) of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte range in the input, trimmed of white space and list markers.
    pub span: Range<usize>,
    /// The heading this sentence stands under, if any (index into `sentences`).
    pub heading: Option<usize>,
    /// Whether this sentence looks like a heading itself.
    pub is_heading: bool,
}

/// The input text, its ASCII-lowercased twin (same byte offsets), and its sentences.
pub(crate) struct Document<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lowercased: byte offsets are identical.
    pub lower: String,
    pub sentences: Vec<Sentence>,
    /// Where the text patterns can match in `lower`, found on first use.
    index: std::cell::OnceCell<TextIndex>,
}

pub(crate) use crate::pattern::TextIndex;
pub(crate) use crate::pattern::{find_around, find_in_lines, pattern, text_pattern, Pattern};

/// Words that start a sentence, used to find boundaries where a line break was
/// lost ("Privacy PolicyThis Privacy Policy…"). Only words that are not the
/// tail of common camel-case names ("LinkedIn", "YouTube") belong here.
const GLUED_STARTERS: &[&str] = &[
    "This",
    "These",
    "The",
    "We",
    "Our",
    "You",
    "Your",
    "If",
    "When",
    "Please",
    "Personal",
    "For",
    "To",
    "Additionally",
    "Finally",
    "However",
    "Some",
    "By",
    "Any",
    "Information",
    "Cookies",
    "Note",
    "Under",
    "Most",
    "All",
    "Such",
    "Where",
    "Each",
    "Unless",
    "Because",
    "Although",
    "While",
    "Those",
    "They",
    "Users",
    "Customers",
    "Last",
    "Effective",
    "Updated",
    "What",
    "How",
    "Why",
    "Who",
    "Do",
    "Learn",
    "Visit",
];

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "co", "corp", "ltd", "llc", "u.s", "u.k", "no", "st", "mr", "mrs",
    "ms", "dr", "vs", "approx", "dept", "cal", "civ", "sec", "seq", "et al", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "art",
];

/// The longest sentence kept whole (see `bounded`).
pub(crate) const MAX_SENTENCE_BYTES: usize = 2_000;

/// A heading is a short line without closing punctuation.
const HEADING_MAX_WORDS: usize = 12;

impl<'a> Document<'a> {
    /// Cut `text` into sentences; `protected` ranges (URLs, e-mail addresses)
    /// are never split.
    #[cfg(test)]
    pub fn new(text: &'a str, protected: &[Range<usize>]) -> Self {
        Self::with_lower(text, text.to_ascii_lowercase(), None, protected)
    }

    /// [`Document::new`] with `text`'s ASCII-lowercased copy and its index
    /// (see [`Document::index`]) already made.
    #[inline(never)]
    pub fn with_lower(
        text: &'a str,
        lower: String,
        index: Option<TextIndex>,
        protected: &[Range<usize>],
    ) -> Self {
        debug_assert_eq!(lower.len(), text.len());
        let mut protected = protected.to_vec();
        protected.sort_unstable_by_key(|r| r.start);
        let glued = glued_boundaries(text, &protected);
        // Room for a sentence in 128 bytes (the fixtures have one in about 100).
        let mut sentences = Vec::with_capacity(text.len() / 128);
        let mut heading: Option<usize> = None;
        let mut next_glued = 0;
        // Each line's sentences, in a buffer made once.
        let mut pieces = Vec::new();
        for range in blocks(text) {
            let first = next_glued;
            while next_glued < glued.len() && glued[next_glued] < range.end {
                next_glued += 1;
            }
            split_line(
                text,
                range,
                &protected,
                &glued[first..next_glued],
                &mut pieces,
            );
            let single = pieces.len() == 1;
            for span in pieces.drain(..) {
                let is_heading = looks_like_heading(&text[span.clone()], single);
                let index = sentences.len();
                sentences.push(Sentence {
                    span,
                    heading,
                    is_heading,
                });
                if is_heading {
                    heading = Some(index);
                }
            }
        }
        Document {
            text,
            lower,
            sentences,
            index: index.map_or_else(std::cell::OnceCell::new, std::cell::OnceCell::from),
        }
    }

    /// The shared scan of `lower` for the text patterns (see [`Pattern::find_in`]).
    pub fn index(&self) -> &TextIndex {
        self.index.get_or_init(|| TextIndex::new(&self.lower))
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &'a str {
        &self.text[self.sentences[i].span.clone()]
    }

    /// The lowercased text of sentence `i`.
    pub fn lower_sentence(&self, i: usize) -> &str {
        &self.lower[self.sentences[i].span.clone()]
    }

    /// The index of the sentence holding byte `pos` (or the nearest before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        Some(i.saturating_sub(1))
    }

    /// Sentence `i` as a quote: its exact text and byte offsets.
    pub fn quote(&self, i: usize) -> Quote {
        let span = self.sentences[i].span.clone();
        Quote {
            text: self.text[span.clone()].to_string(),
            start: span.start,
            end: span.end,
            reading: String::new(),
        }
    }

    /// Sentences `indices` as quotes, in order, at most `max`; a sentence
    /// repeated word for word (policies repeat whole sections) is quoted once.
    pub fn quotes(&self, indices: impl IntoIterator<Item = usize>, max: usize) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        for i in indices {
            if out.len() == max {
                break;
            }
            let text = self.sentence(i);
            if !out.iter().any(|q| q.text == text) {
                out.push(self.quote(i));
            }
        }
        out
    }

    /// The lowercased heading of sentence `i`, or "".
    pub fn heading_of(&self, i: usize) -> &str {
        match self.sentences[i].heading {
            Some(h) => self.lower_sentence(h),
            None => "",
        }
    }
}

/// The text's lines, with hard-wrapped lines joined: a line that does not end
/// a sentence (no closing `.`, `!`, `?`, `:` or `;`) continues on the next
/// line when that one starts in lower case or the first ends with a comma
/// ("Our Company does not\nsell, trade or rent…"). Crawled pages and e-mailed
/// policies are often wrapped at 80 columns; a sentence cut there would be
/// read as two.
fn blocks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // `text.split_inclusive('\n')`, with one line-break search over the
    // whole text instead of a new one per line (most lines are short).
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut at = 0;
    let mut lines = std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = breaks.next().map_or(text.len(), |i| i + 1);
        let line = &text[at..end];
        at = end;
        Some(line)
    })
    .peekable();
    let mut start = 0;
    std::iter::from_fn(move || {
        let first = lines.next()?;
        let mut end = start + first.len();
        let mut last = first;
        while let Some(next) = lines.peek() {
            if !continues(last, next) {
                break;
            }
            last = next;
            end += next.len();
            lines.next();
        }
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// Whether `next` continues the sentence that `line` leaves open.
fn continues(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    let next = next.trim_start();
    let Some(last) = line.chars().last() else {
        return false;
    };
    let Some(first) = next.chars().next() else {
        return false;
    };
    let open = !matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | '"' | '\u{201D}' | ')' | '|'
    );
    let bullet = matches!(first, '*' | '-' | '\u{2022}' | '>' | '#');
    open && !bullet && (first.is_ascii_lowercase() || (last == ',' && first.is_alphanumeric()))
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Whether `pos` falls strictly inside one of the sorted `protected` ranges.
fn inside_any(protected: &[Range<usize>], pos: usize) -> bool {
    let i = protected.partition_point(|p| p.start < pos);
    protected[..i].iter().rev().take(4).any(|p| pos < p.end)
}

/// Sentence boundaries lost with line breaks, over the whole text in one
/// byte scan: "…policy.When" (no space after a full stop), "TRACKPlease" (an
/// all-caps heading glued to the next sentence), "PolicyThis" (a heading
/// glued to a sentence starter, see [`GLUED_STARTERS`]).
fn glued_boundaries(text: &str, protected: &[Range<usize>]) -> Vec<usize> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    let end = b.len().saturating_sub(1);
    let mut i = 2;
    while i < end {
        // Only a capital can start a glued sentence: skip to the next one.
        i = skip_unmarked(b, i, end, ascii_capitals);
        if i >= end {
            break;
        }
        if !b[i].is_ascii_uppercase() {
            i += 1;
            continue;
        }
        let (p1, p2, next) = (b[i - 1], b[i - 2], b[i + 1]);
        // The capital's word, read only where a rule asks for it (a page
        // in capitals has one at every byte).
        let starter = || {
            let word_len = b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let word = &b[i..i + word_len];
            let after = b.get(i + word_len).copied().unwrap_or(b' ');
            (
                word_len,
                !after.is_ascii_alphanumeric()
                    && GLUED_STARTERS.iter().any(|w| w.as_bytes() == word),
            )
        };
        let after_stop = matches!(p1, b'.' | b'!' | b'?')
            && (p2.is_ascii_lowercase() || p2.is_ascii_digit() || p2 == b')' || p2 == b']')
            && next.is_ascii_alphabetic();
        // "TRACKPlease", "RIGHTSIf", but not a brand's tail ("TRUSTe's").
        let after_caps = || {
            i >= 3
                && next.is_ascii_lowercase()
                && b[i - 3..i].iter().all(u8::is_ascii_uppercase)
                && {
                    let (len, starts) = starter();
                    len >= 3 || starts
                }
        };
        let after_lower = || p1.is_ascii_lowercase() && p2.is_ascii_lowercase() && starter().1;
        if (after_stop || after_caps() || after_lower()) && !inside_any(protected, i) {
            cuts.push(i);
        }
        i += 1;
    }
    cuts
}

/// The first offset from `i` on that `marks` marks in a run of eight bytes
/// before `end`, skipping eight bytes at a time past runs it marks none of
/// (`marks` sets the high bit of each byte it marks, exact for the lowest
/// one). Within the last eight bytes, `i` as it stands: the caller reads
/// those byte by byte.
fn skip_unmarked(b: &[u8], i: usize, end: usize, marks: fn(u64) -> u64) -> usize {
    let Some(rest) = b.get(i..end) else {
        return i;
    };
    // As exact chunks: no bounds check a run (0.4 M instructions a pass over
    // the fixtures fewer than indexing each run).
    let mut at = i;
    for chunk in rest.chunks_exact(8) {
        let found = marks(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if found != 0 {
            return at + found.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at
}

/// The high bit of each byte of `chunk` that is an ASCII capital (`A`–`Z`).
fn ascii_capitals(chunk: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // With each byte's high bit cleared no addition carries into the next
    // byte: `+ 0x3f` sets the high bit from 'A' up, `+ 0x25` from '[' up.
    let low = chunk & !HIGH;
    let from_a = low.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = low.wrapping_add(0x2525_2525_2525_2525);
    from_a & !past_z & !chunk & HIGH
}

/// The high bit of each byte of `chunk` that is `.`, `!`, `?` or `;` (exact
/// for the lowest such byte, which is all the callers read).
fn stops(chunk: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LOW) & !x & HIGH;
    zero(chunk ^ (LOW * u64::from(b'.')))
        | zero(chunk ^ (LOW * u64::from(b'!')))
        | zero(chunk ^ (LOW * u64::from(b'?')))
        | zero(chunk ^ (LOW * u64::from(b';')))
}

/// Split one line into trimmed sentence spans, pushed onto `out`.
fn split_line(
    text: &str,
    line: Range<usize>,
    protected: &[Range<usize>],
    glued: &[usize],
    out: &mut Vec<Range<usize>>,
) {
    let s = &text[line.clone()];
    let mut cuts = Vec::new();
    let inside = |pos: usize| inside_any(protected, pos);

    // Ordinary boundaries: [.!?] (and closing quotes) then white space then a capital, digit or quote.
    let sb = s.as_bytes();
    let mut i = 0;
    while i < sb.len() {
        i = skip_unmarked(sb, i, sb.len(), stops);
        if i >= sb.len() {
            break;
        }
        let c = sb[i];
        if c == b'.' || c == b'!' || c == b'?' || c == b';' {
            let mut j = i + 1;
            while j < sb.len() && matches!(sb[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            // closing curly quotes
            while sb[j..].starts_with("\u{201D}".as_bytes())
                || sb[j..].starts_with("\u{2019}".as_bytes())
            {
                j += 3;
            }
            let ws_start = j;
            loop {
                if j < sb.len() && (sb[j] == b' ' || sb[j] == b'\t') {
                    j += 1;
                } else if sb[j..].starts_with("\u{00A0}".as_bytes()) {
                    j += 2;
                } else {
                    break;
                }
            }
            let next_ok = j < sb.len()
                && (sb[j].is_ascii_uppercase()
                    || sb[j].is_ascii_digit()
                    || matches!(sb[j], b'"' | b'(' | b'*' | b'-')
                    || sb[j..].starts_with("\u{201C}".as_bytes()));
            let is_semicolon = c == b';';
            if j > ws_start && next_ok && !is_semicolon && !is_abbreviation(s, i) {
                let pos = line.start + ws_start;
                if !inside(pos) {
                    cuts.push(pos);
                }
            }
        }
        i += 1;
    }
    cuts.extend_from_slice(glued);
    cuts.sort_unstable();
    cuts.dedup();

    let mut start = line.start;
    for cut in cuts.into_iter().chain(std::iter::once(line.end)) {
        bounded(text, start..cut, |piece| {
            if let Some(span) = trim_span(text, piece) {
                out.push(span);
            }
        });
        start = cut;
    }
}

/// Cut a run longer than [`MAX_SENTENCE_BYTES`] at white space (or, lacking
/// any, at a char boundary): no real sentence is that long, and bounded
/// sentences keep every per-sentence step linear on pathological pages.
/// Each piece goes to `each`, in order.
fn bounded(text: &str, r: Range<usize>, mut each: impl FnMut(Range<usize>)) {
    if r.len() <= MAX_SENTENCE_BYTES {
        return each(r);
    }
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_BYTES {
        let mut end = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = text[start..end]
            .rfind(char::is_whitespace)
            .filter(|&p| p > MAX_SENTENCE_BYTES / 2)
            .map_or(end, |p| start + p);
        each(start..cut);
        start = cut;
    }
    each(start..r.end);
}

/// Whether the period at `dot` (an index into `s`) ends an abbreviation.
fn is_abbreviation(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic() {
        return true; // an initial: "J. Smith", "U.S."
    }
    let at_line_start = before[..word_start]
        .trim_start_matches(['*', '-', '>'])
        .trim()
        .is_empty();
    if at_line_start && (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) {
        return true; // a list number: "1. Second item"
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Trim white space, bullets and list numbers from both ends; `None` if nothing is left.
fn trim_span(text: &str, mut r: Range<usize>) -> Option<Range<usize>> {
    loop {
        let s = &text[r.clone()];
        let trimmed = s.trim_start();
        let mut advance = s.len() - trimmed.len();
        let t = trimmed;
        if let Some(rest) = t
            .strip_prefix('*')
            .or_else(|| t.strip_prefix('\u{2022}'))
            .or_else(|| t.strip_prefix("- "))
            .or_else(|| t.strip_prefix('>'))
        {
            advance += t.len() - rest.len();
        } else {
            // "1.  ", "(a) ", "a) "
            let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && digits < 4 && t[digits..].starts_with(". ") {
                advance += digits + 1;
            }
        }
        if advance == 0 {
            break;
        }
        r.start += advance;
        if r.start >= r.end {
            return None;
        }
    }
    let s = &text[r.clone()];
    let trimmed = s.trim_end();
    r.end = r.start + trimmed.len();
    if r.start < r.end && text[r.clone()].chars().any(|c| c.is_alphanumeric()) {
        Some(r)
    } else {
        None
    }
}

/// A heading: few words, no closing punctuation (a lone line), or an all-caps run.
fn looks_like_heading(s: &str, whole_line: bool) -> bool {
    if s.is_ascii() {
        return looks_like_heading_ascii(s.as_bytes(), whole_line);
    }
    let last = s.trim_end().chars().last().unwrap_or('.');
    let open_line = whole_line && !matches!(last, '.' | ',' | ';' | '!' | '"' | '\u{201D}');
    // As for ASCII, the cheap test first: a closed line must be all capitals,
    // and most are prose with a lower-case letter ("we’re" makes a sentence
    // non-ASCII, not a heading).
    if !open_line && s.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let words = s.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    if words == 0 || words > HEADING_MAX_WORDS {
        return false;
    }
    let (mut letters, mut upper) = (0, 0);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    let all_caps = letters >= 3 && upper == letters;
    // A line of links or addresses is no heading.
    let link_line = s.contains("://") || s.contains('@') || s.contains("www.");
    !link_line && (open_line || all_caps)
}

/// [`looks_like_heading`] for ASCII text, byte by byte, the cheap tests
/// first: most sentences are prose that ends in a full stop or sits among
/// others on its line, so the first lower-case letter settles them, and the
/// words are counted only for the rest (stopping at the thirteenth).
fn looks_like_heading_ascii(s: &[u8], whole_line: bool) -> bool {
    // `char::is_whitespace` on ASCII.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let Some(&last) = s.iter().rev().find(|&&b| !space(b)) else {
        return false; // no words
    };
    // A lone line without closing punctuation; anything else must be in capitals.
    let open_line = whole_line && !matches!(last, b'.' | b',' | b';' | b'!' | b'"');
    if !open_line {
        if s.iter().any(u8::is_ascii_lowercase) {
            return false;
        }
        if s.iter().filter(|b| b.is_ascii_uppercase()).count() < 3 {
            return false;
        }
    }
    let mut words = 0;
    let mut in_word = false;
    for &b in s {
        let word = !space(b);
        if word && !in_word {
            words += 1;
            if words > HEADING_MAX_WORDS {
                return false;
            }
        }
        in_word = word;
    }
    // A line of links or addresses ("://", "@", "www.") is no heading. The
    // line is short: one pass over it costs less than setting up a search.
    !s.iter().enumerate().any(|(i, &b)| match b {
        b'@' => true,
        b':' => s[i + 1..].starts_with(b"//"),
        b'w' => s[i + 1..].starts_with(b"ww."),
        _ => false,
    })
}

/// Whether the words just before `pos` in `lower` (within its clause) negate
/// what follows: "we do not sell", "we will never share", "not be sold".
/// A clause ends at ';', ':' and at words that open a new clause ("but",
/// "however", "that", "which", "although"…), so in "while we do not sell …,
/// we do share … that may be considered a sale" the "sale" is not negated.
pub(crate) fn negated_before(lower: &str, sentence_start: usize, pos: usize) -> bool {
    const WINDOW: usize = 70;
    let from = pos.saturating_sub(WINDOW).max(sentence_start);
    let window = &lower.as_bytes()[from..pos.max(from)];
    // Read the words left to right: a clause break forgets, a negation marks.
    let mut negated = false;
    let mut word_start = None;
    for (k, &b) in window.iter().chain(std::iter::once(&b' ')).enumerate() {
        let in_word = b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80;
        if in_word {
            word_start.get_or_insert(k);
            continue;
        }
        if let Some(start) = word_start.take() {
            let word = &window[start..k];
            if CLAUSE_WORDS.contains(&word) {
                negated = false;
            } else if NEGATIONS.contains(&word)
                || word.ends_with(b"n't")
                || word.ends_with("n\u{2019}t".as_bytes())
            {
                negated = true;
            }
        }
        if matches!(b, b';' | b':' | b'.') {
            negated = false;
        }
    }
    negated
}

/// Words that open a new clause, ending the reach of a negation before them.
const CLAUSE_WORDS: &[&[u8]] = &[
    b"but",
    b"however",
    b"although",
    b"though",
    b"whereas",
    b"that",
    b"which",
    b"who",
    b"unless",
    b"except",
    b"instead",
    b"rather",
];

/// Words that negate what follows in their clause ("n't" is read from the word's end).
const NEGATIONS: &[&[u8]] = &[b"not", b"never", b"neither", b"nor", b"no"];

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte tricks agree with byte-by-byte tests on every byte value, in
    /// every lane, beside every other value (carries between lanes included).
    #[test]
    fn eight_byte_scans_find_the_first_byte_they_look_for() {
        let first = |chunk: [u8; 8], hit: fn(u8) -> bool| chunk.iter().position(|&b| hit(b));
        let lane = |bits: u64| (bits != 0).then(|| bits.trailing_zeros() as usize / 8);
        for a in 0..=255u8 {
            for b in (0..=255u8).step_by(3) {
                for at in 0..7 {
                    let mut chunk = [b' '; 8];
                    chunk[at] = a;
                    chunk[at + 1] = b;
                    let x = u64::from_le_bytes(chunk);
                    assert_eq!(
                        lane(ascii_capitals(x)),
                        first(chunk, |c| c.is_ascii_uppercase())
                    );
                    assert_eq!(
                        lane(stops(x)),
                        first(chunk, |c| matches!(c, b'.' | b'!' | b'?' | b';'))
                    );
                    // Exact in every lane, not just the first.
                    let caps = ascii_capitals(x);
                    for (k, c) in chunk.iter().enumerate() {
                        assert_eq!(caps >> (8 * k + 7) & 1 == 1, c.is_ascii_uppercase());
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_headings_read_as_the_general_rule_reads_them() {
        for s in [
            "Cookies And Tracking",
            "HOW WE USE COOKIES.",
            "We use cookies.",
            "Contact us: privacy@example.com",
            "one two three four five six seven eight nine ten eleven twelve",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "   ",
            "Visit www.example.com",
            "Last updated\x0b2024",
            "Your choices,",
        ] {
            for whole in [true, false] {
                let general = {
                    // The rule as written for any text (the ASCII path skipped).
                    let words = s.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
                    let last = s.trim_end().chars().last().unwrap_or('.');
                    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
                    let upper = s.chars().filter(|c| c.is_uppercase()).count();
                    let link = s.contains("://") || s.contains('@') || s.contains("www.");
                    words > 0
                        && words <= HEADING_MAX_WORDS
                        && !link
                        && ((whole && !matches!(last, '.' | ',' | ';' | '!' | '"'))
                            || (letters >= 3 && upper == letters))
                };
                assert_eq!(
                    looks_like_heading_ascii(s.as_bytes(), whole),
                    general,
                    "{s:?}"
                );
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text, &[]);
        (0..doc.sentences.len()).map(|i| doc.sentence(i)).collect()
    }

    #[test]
    fn splits_on_full_stops_but_not_abbreviations() {
        assert_eq!(
            sentences(
                "We use cookies, e.g. session cookies. We do not sell data. U.S. law applies."
            ),
            vec![
                "We use cookies, e.g. session cookies.",
                "We do not sell data.",
                "U.S. law applies."
            ]
        );
    }

    #[test]
    fn finds_boundaries_lost_with_line_breaks() {
        assert_eq!(
            sentences("Privacy PolicyThis Privacy Policy describes it."),
            vec!["Privacy Policy", "This Privacy Policy describes it."]
        );
        assert_eq!(
            sentences("DO NOT TRACKPlease note that we do not alter it.YOUR RIGHTSIf you are."),
            vec![
                "DO NOT TRACK",
                "Please note that we do not alter it.",
                "YOUR RIGHTS",
                "If you are."
            ]
        );
        assert_eq!(
            sentences("Follow LinkedIn now"),
            vec!["Follow LinkedIn now"]
        );
    }

    #[test]
    fn overlong_runs_are_cut_into_bounded_sentences() {
        let line = "word ".repeat(3_000);
        let doc = Document::new(&line, &[]);
        assert!(doc.sentences.len() >= 8);
        assert!(doc
            .sentences
            .iter()
            .all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
        let glued = "é".repeat(5_000);
        let doc = Document::new(&glued, &[]);
        assert!(doc
            .sentences
            .iter()
            .all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn protected_spans_are_not_split() {
        let text = "Write to Customer.Service@payless.com now.";
        let at = text.find("Customer").unwrap();
        let protected = [std::ops::Range {
            start: at,
            end: at + 28,
        }];
        let doc = Document::new(text, &protected);
        assert_eq!(doc.sentences.len(), 1);
    }

    #[test]
    fn strips_bullets_and_tracks_headings() {
        let doc = Document::new(
            "Do Not Track\n*   We do not respond to DNT.\n1. Second item.",
            &[],
        );
        assert_eq!(doc.sentence(0), "Do Not Track");
        assert!(doc.sentences[0].is_heading);
        assert_eq!(doc.sentence(1), "We do not respond to DNT.");
        assert_eq!(doc.heading_of(1), "do not track");
        assert_eq!(doc.sentence(2), "Second item.");
    }

    #[test]
    fn negation_stays_inside_its_clause() {
        let s = "while we do not sell data in a traditional sense, we share data that may be considered a sale";
        let sale = s.rfind("sale").unwrap();
        assert!(!negated_before(s, 0, sale));
        let sell = s.find("sell").unwrap();
        assert!(negated_before(s, 0, sell));
        let s2 = "we do not sell, trade, or rent your information";
        assert!(negated_before(s2, 0, s2.find("rent").unwrap()));
    }
}
