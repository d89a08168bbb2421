//! Compiled patterns over policy text.
//!
//! A pattern is written as one regex (the tables stay readable), but a wide
//! bounded gap such as `[^.;]{0,120}?` is not left to the automaton: a lazy
//! DFA counts it out state by state, so the few patterns with such gaps cost
//! more to warm up on the first page than all the others together. The gap is
//! split out instead and matched in code: the parts before and after it are
//! small automata, and the gap is a byte scan (see [`Branch`]).
//!
//! The patterns searched over a whole document ([`text_pattern`]) share one
//! scan of it: every literal their matches can start with, in one
//! Aho-Corasick automaton ([`TextIndex`]), and each regex then runs anchored
//! only where one of its own literals starts. Each regex searching the whole
//! text on its own would step through all of it: about thirty scans a page.
//!
//! The regexes are the crate's own engine's ([`crate::regex`]): compiled when
//! a pattern is made, matched by a lazy DFA.

use std::ops::Range;
use std::sync::{Mutex, OnceLock};

use crate::regex::Regex;
use crate::text::Document;

/// A compiled pattern over policy text, matched byte-wise in ASCII mode: `\b`,
/// `\w` and `\s` are ASCII, `[^.;]` is any byte but those. Text is matched
/// lowercased (see [`Document::lower`](crate::text::Document::lower)), so
/// patterns are written in lower case. ASCII mode keeps the automata small
/// (fast to build on the first call, in the browser too) and the lazy DFA fast
/// on text full of curly quotes. Matches start and end on ASCII, so their
/// offsets are char boundaries.
pub(crate) struct Pattern(Matcher);

enum Matcher {
    /// One automaton for the whole pattern.
    Whole(Box<Head>),
    /// The pattern's top-level alternatives: the plain ones together in one
    /// automaton (searched first), then each one with a wide gap, in order.
    Branches(Vec<Branch>),
}

/// One alternative: `head`, then each step's gap and what follows it
/// (`head[^.;]{0,60}?piece`). A plain alternative has no steps.
///
/// Each gap is tried as the regex tries it (shortest first, or longest),
/// and each later start of the head and of every piece, but a head or piece
/// that could end in more than one place at one start ("block cookies" and
/// "block cookies cookies" for `block (?:\w+ ){0,2}?cookies`) is taken at its
/// preferred end only: there the one regex may find a match this misses. The
/// crate's tables give the same reports on every dev and bulk page either way.
struct Branch {
    head: Head,
    steps: Vec<Step>,
}

/// A regex a match starts with, and its slot in the shared scan if it has
/// one (a [`text_pattern`]'s, with literals the scan can look for).
struct Head {
    re: Regex,
    slot: Option<usize>,
}

/// A gap of at most `max` bytes, none of them one of `stops`, then `piece`.
struct Step {
    /// By byte: whether it is one of the stops (a table: a search of the
    /// list for every byte of the gap was 1 M instructions a pass).
    stops: [bool; 256],
    max: usize,
    /// `{0,n}?`: the shortest gap first; `{0,n}`: the longest.
    lazy: bool,
    piece: Regex,
}

/// Gaps at least this wide are matched in code (narrower ones cost the
/// automaton little).
const MIN_GAP: usize = 20;

/// How far past the gap a piece may run: pieces are a few words, and the
/// search for one stops here (at a non-word byte) however long the clause.
const MAX_PIECE: usize = 200;

impl Pattern {
    /// Compile a pattern of this crate's own tables.
    pub fn new(p: &str) -> Self {
        Self::build(p, false)
    }

    fn build(p: &str, indexed: bool) -> Self {
        let p = ascii_classes(p);
        let head = |p: &str| {
            let re = compile(p);
            let slot = if indexed { register(&re) } else { None };
            Head { re, slot }
        };
        Pattern(match split(&p, &head) {
            Some(branches) => Matcher::Branches(branches),
            None => Matcher::Whole(Box::new(head(&p))),
        })
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.is_match_with(s.as_bytes(), None)
    }

    pub fn find(&self, s: &str) -> Option<Range<usize>> {
        self.find_iter(s).next()
    }

    pub fn find_iter<'a>(&'a self, s: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.iter(s.as_bytes(), None)
    }

    /// Whether the pattern matches the document's lowercased text (through
    /// the shared scan, for a [`text_pattern`]).
    pub fn is_match_in(&self, doc: &Document) -> bool {
        self.is_match_with(doc.lower.as_bytes(), Some(Scope::whole(doc.index())))
    }

    /// The matches in the document's lowercased text (through the shared
    /// scan, for a [`text_pattern`]): the same as `find_iter(&doc.lower)`.
    pub fn find_in<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = Range<usize>> + 'a {
        self.iter(doc.lower.as_bytes(), Some(Scope::whole(doc.index())))
    }

    /// The matches in `doc.lower[span]`, searched as a text of its own (`\b`
    /// and `^` at its edges), with offsets in it: the same as
    /// `find_iter(&doc.lower[span])`, through the shared scan for a
    /// [`text_pattern`] (a span without a start of its literals is not
    /// searched at all).
    pub fn find_in_span<'a>(
        &'a self,
        doc: &'a Document,
        span: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let scope = Scope {
            index: doc.index(),
            base: span.start,
            end: span.end,
        };
        self.iter(&doc.lower.as_bytes()[span], Some(scope))
    }

    /// Whether the pattern matches `doc.lower[span]` ([`Pattern::find_in_span`]).
    pub fn is_match_in_span(&self, doc: &Document, span: Range<usize>) -> bool {
        let scope = Scope {
            index: doc.index(),
            base: span.start,
            end: span.end,
        };
        self.is_match_with(&doc.lower.as_bytes()[span], Some(scope))
    }

    /// The matches in `hay`, the lowercased text `index` was made of or the
    /// text itself (same offsets; for a case-blind pattern, the same
    /// matches), through the shared scan: before there is a [`Document`].
    pub fn find_indexed<'a>(
        &'a self,
        hay: &'a str,
        index: &'a TextIndex,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        self.iter(hay.as_bytes(), Some(Scope::whole(index)))
    }

    /// [`Pattern::find_in`] over the document's own text: for a pattern that
    /// tells case apart ("Do Not Track", "DNT").
    pub fn find_in_text<'a>(
        &'a self,
        doc: &'a Document,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        self.iter(doc.text.as_bytes(), Some(Scope::whole(doc.index())))
    }

    fn is_match_with(&self, hay: &[u8], index: Option<Scope>) -> bool {
        match &self.0 {
            Matcher::Whole(h) => match index.and_then(|x| x.starts(h.slot)) {
                Some(starts) => h.find_from(hay, 0, starts).is_some(),
                None => h.re.is_match(hay),
            },
            Matcher::Branches(bs) => bs.iter().any(|b| b.find_at(hay, 0, index).is_some()),
        }
    }

    fn iter<'a>(
        &'a self,
        hay: &'a [u8],
        index: Option<Scope<'a>>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let (whole, branches) = match &self.0 {
            Matcher::Whole(h) => (Some(h), &[][..]),
            Matcher::Branches(bs) => (None, &bs[..]),
        };
        let starts = whole.and_then(|h| index.and_then(|x| x.starts(h.slot)));
        let mut plain = match (whole, starts) {
            (Some(h), None) => Some(h.re.find_iter(hay)),
            _ => None,
        };
        let mut gapped = Leftmost {
            hay,
            branches,
            index,
            next: vec![None; branches.len()],
            at: 0,
        };
        let mut at = 0;
        std::iter::from_fn(move || {
            if let Some(it) = plain.as_mut() {
                return it.next();
            }
            let (Some(h), Some(starts)) = (whole, starts) else {
                return gapped.next();
            };
            let m = h.find_from(hay, at, starts)?;
            // Never empty (see `register`), but step on regardless.
            at = m.end.max(m.start + 1);
            Some(m)
        })
    }
}

/// Compile a pattern that is searched over whole documents
/// ([`Pattern::find_in`], [`Pattern::is_match_in`]): its regexes take part
/// in the shared scan.
pub(crate) fn text_pattern(p: &str) -> Pattern {
    Pattern::build(p, true)
}

/// Each regex is compiled here, once, when its pattern is made.
fn compile(p: &str) -> Regex {
    #[cfg(test)]
    SOURCES.lock().expect("not poisoned").push(p.to_owned());
    // The crate's own tables: the tests compile every one of them.
    Regex::new(p).unwrap_or_else(|e| panic!("pattern {p:?}: {} at byte {}", e.what, e.at))
}

impl Head {
    /// The leftmost match at or after `at`, tried only at `starts` (where
    /// one of the regex's literals begins): the first start it matches at is
    /// the leftmost match, and anchored there it ends where the unanchored
    /// search would end it.
    fn find_from(&self, hay: &[u8], at: usize, starts: Starts) -> Option<Range<usize>> {
        let first = starts
            .at
            .partition_point(|&s| (s as usize) < starts.base + at);
        let mut at = starts.at[first..].iter().map(|&s| s as usize - starts.base);
        self.re.find_anchored_first(hay, &mut at)
    }

    /// The leftmost match at or after `at`, through the shared scan if `index` has this regex.
    fn find_at(&self, hay: &[u8], at: usize, index: Option<Scope>) -> Option<Range<usize>> {
        match index.and_then(|x| x.starts(self.slot)) {
            Some(starts) => self.find_from(hay, at, starts),
            None => self.re.find_at(hay, at),
        }
    }
}

/// Literals shorter than this would flood the shared scan with starts ("a",
/// "n"): a regex with one keeps its own literal search. ("we" and "us" are
/// frequent, but a regex starting with them stops there anyway.)
const MIN_LITERAL: usize = 2;

/// How much of a literal the scan looks for: 8 bytes made the smallest
/// automaton that did not cost more per byte (callgrind over the fixtures:
/// the first pass cheapest at 8, the steady one 2% dearer than with whole
/// literals, which make an automaton of 24 KB of literals).
const MAX_LITERAL: usize = 8;

/// The text patterns' literals: each with the slot of the regex it starts
/// (slots are handed out in order, each with at least one literal).
static LITERALS: Mutex<Vec<(Vec<u8>, usize)>> = Mutex::new(Vec::new());

/// How many slots `literals` hand out.
fn slot_count(literals: &[(Vec<u8>, usize)]) -> usize {
    literals.last().map_or(0, |&(_, slot)| slot + 1)
}

/// Give `re` a slot in the shared scan, if every match of it starts with one
/// of a small set of literals, none shorter than [`MIN_LITERAL`].
fn register(re: &Regex) -> Option<usize> {
    // A start is all the scan looks for: the first bytes of each literal find
    // it (the regex then checks the rest there), and a literal that another
    // one of the same regex begins adds nothing. Lowercased, as the scanned
    // text is: where a literal starts in a text, its lowercased self starts
    // in the lowercased text ([`Pattern::find_in_text`]).
    let mut prefixes = re.prefixes(MIN_LITERAL, MAX_LITERAL)?;
    if prefixes.is_empty() {
        return None;
    }
    // Ascending, so a literal follows the ones it begins with.
    prefixes.dedup_by(|longer, shorter| longer.starts_with(shorter));
    let mut all = LITERALS.lock().expect("not poisoned");
    let slot = slot_count(&all);
    all.extend(prefixes.into_iter().map(|l| (l, slot)));
    Some(slot)
}

/// One Aho-Corasick automaton over every text pattern's literals, as a plain
/// table over byte classes of the literals' bytes, its match states
/// numbered last: a step is two loads and a compare (aho-corasick's own DFA
/// adds a bounds check and a special-state test a byte, and builds slower).
/// For the crate's 463 literals (50 regexes), 1,530 states by 40 classes of
/// `u32`: 240 KB, within a core's second-level cache.
struct Scanner {
    /// Each byte's column: one per byte some literal holds, 0 for all others
    /// (a byte no literal holds leads every state to the start).
    class: [u8; 256],
    /// `trans[state + class]`: the next state, states premultiplied by the
    /// row length. Two bytes an entry: the crate's 455 literals make 1,515
    /// states of 40 classes, 121 KB (242 KB in four bytes), and the scan,
    /// four chains of dependent loads from it, waits on fewer cache misses.
    /// Their largest offset, 60,560, leaves 7% of `u16` to spare: past it,
    /// the first call (and so every test run) stops with a message.
    trans: Vec<u16>,
    /// The length of a state's row: the number of classes.
    row: usize,
    /// The start state.
    start: u32,
    /// States from this one on are match states.
    first_match: u32,
    /// By match state (`(state - first_match) / row`): its range of `ends`.
    match_ends: Vec<Range<u32>>,
    /// What ends at a match state: the literal's length and its regex's slot.
    ends: Vec<(u32, u32)>,
    /// Slots it covers: a regex registered after it was built (none of the
    /// crate's own: it is built after [`crate::prepare_patterns`]) is
    /// searched on its own.
    slots: usize,
}

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        crate::prepare_patterns();
        Scanner::new(&LITERALS.lock().expect("not poisoned"))
    })
}

impl Scanner {
    /// The Aho-Corasick automaton of `literals`, as a table: the trie of
    /// the literals, each missing transition taken from the state's failure
    /// (the longest proper suffix of it in the trie), each state's ends with
    /// its failure's (Standard match kind: every literal ending at a byte is
    /// reported there).
    fn new(literals: &[(Vec<u8>, usize)]) -> Self {
        let mut class = [0u8; 256];
        let mut classes = 1;
        for (l, _) in literals {
            for &b in l {
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = classes;
                    classes += 1;
                }
            }
        }
        let row = usize::from(classes);
        const NONE: u32 = u32::MAX;
        // The trie, state 0 its root, by state and class (NONE: no literal goes on).
        let mut next: Vec<u32> = vec![NONE; row];
        let mut ends: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        for (l, slot) in literals {
            let mut s = 0;
            for &b in l {
                let t = s * row + usize::from(class[usize::from(b)]);
                if next[t] == NONE {
                    next[t] = ends.len() as u32;
                    next.resize(next.len() + row, NONE);
                    ends.push(Vec::new());
                }
                s = next[t] as usize;
            }
            ends[s].push((l.len() as u32, *slot as u32));
        }
        // Breadth first: a state's failure is shallower, so done before it.
        let mut fail = vec![0usize; ends.len()];
        let mut queue = Vec::with_capacity(ends.len());
        for t in &mut next[..row] {
            if *t == NONE {
                *t = 0;
            } else {
                queue.push(*t as usize);
            }
        }
        let mut k = 0;
        while k < queue.len() {
            let s = queue[k];
            k += 1;
            let f = fail[s];
            let inherited = ends[f].clone();
            ends[s].extend(inherited);
            for c in 0..row {
                let t = next[s * row + c];
                if t == NONE {
                    next[s * row + c] = next[f * row + c];
                } else {
                    fail[t as usize] = next[f * row + c] as usize;
                    queue.push(t as usize);
                }
            }
        }
        // Renumbered, the match states last (the root is none: no literal is empty).
        let mut order: Vec<usize> = (0..ends.len()).collect();
        order.sort_by_key(|&s| !ends[s].is_empty());
        let mut number = vec![0u16; ends.len()];
        for (i, &s) in order.iter().enumerate() {
            number[s] = u16::try_from(i * row).expect("the literal scanner's table fits u16");
        }
        let trans = order
            .iter()
            .flat_map(|&s| {
                next[s * row..(s + 1) * row]
                    .iter()
                    .map(|&t| number[t as usize])
            })
            .collect();
        let mut match_ends = Vec::new();
        let mut flat = Vec::new();
        for &s in order.iter().filter(|&&s| !ends[s].is_empty()) {
            let from = flat.len() as u32;
            flat.extend_from_slice(&ends[s]);
            match_ends.push(from..flat.len() as u32);
        }
        Scanner {
            class,
            trans,
            row,
            start: u32::from(number[0]),
            first_match: ((ends.len() - match_ends.len()) * row) as u32,
            match_ends,
            ends: flat,
            slots: slot_count(literals),
        }
    }
}

impl Scanner {
    /// The match states the automaton passes over `text`, each with the offset
    /// just after the byte that led there, in order.
    ///
    /// A step waits for the load of the step before it, so one pass over
    /// the text runs at the speed of that chain of loads. The state after a
    /// byte depends only on the [`MAX_LITERAL`] bytes before (it is the
    /// longest of the literals' prefixes the text ends with), so the text is
    /// read as [`LANES`] pieces side by side, each from that many bytes
    /// before its own start: independent chains the processor runs at once.
    fn match_states(&self, text: &[u8]) -> Vec<(u32, u32)> {
        let piece = text.len().div_ceil(LANES);
        let mut lanes: [Lane; LANES] = std::array::from_fn(|k| {
            let own = (k * piece).min(text.len());
            Lane {
                at: own.saturating_sub(MAX_LITERAL),
                own,
                end: ((k + 1) * piece).min(text.len()),
                sid: self.start,
                // Room for one match in 16 bytes: the fixtures have one in 20.
                found: Vec::with_capacity(piece / 16),
            }
        });
        // Side by side while every piece has bytes left, then each to its end.
        let together = lanes.iter().map(|l| l.end - l.at).min().unwrap_or(0);
        self.side_by_side(text, &mut lanes, together);
        for lane in &mut lanes {
            self.steps(text, lane);
        }
        let mut out = Vec::with_capacity(lanes.iter().map(|l| l.found.len()).sum());
        for lane in &lanes {
            out.extend(
                lane.found
                    .iter()
                    .filter(|&&(end, _)| end as usize > lane.own),
            );
        }
        out
    }

    /// `n` steps of every lane, their states in registers. Not inlined: in a
    /// larger function they lived on the stack, a store and a load a byte.
    #[inline(never)]
    fn side_by_side(&self, text: &[u8], lanes: &mut [Lane; LANES], n: usize) {
        let (trans, class, first_match) = (&self.trans[..], &self.class, self.first_match);
        let at: [usize; LANES] = std::array::from_fn(|k| lanes[k].at);
        let mut sid: [u32; LANES] = std::array::from_fn(|k| lanes[k].sid);
        // Each lane's bytes as a slice of `n`, read in step: no bounds check a byte.
        const _: () = assert!(LANES == 4, "the zip below reads four lanes");
        let piece: [&[u8]; LANES] = std::array::from_fn(|k| &text[at[k]..at[k] + n]);
        let bytes = piece[0].iter().zip(piece[1]).zip(piece[2]).zip(piece[3]);
        for (i, (((&b0, &b1), &b2), &b3)) in bytes.enumerate() {
            for (k, b) in [b0, b1, b2, b3].into_iter().enumerate() {
                sid[k] = u32::from(trans[sid[k] as usize + usize::from(class[usize::from(b)])]);
                if sid[k] >= first_match {
                    // Text is cut at MAX_TEXT_BYTES (1 MiB): offsets fit.
                    lanes[k].found.push(((at[k] + i + 1) as u32, sid[k]));
                }
            }
        }
        for (k, lane) in lanes.iter_mut().enumerate() {
            lane.at += n;
            lane.sid = sid[k];
        }
    }

    /// The rest of one lane.
    #[inline(never)]
    fn steps(&self, text: &[u8], lane: &mut Lane) {
        let (trans, class, first_match) = (&self.trans[..], &self.class, self.first_match);
        let mut sid = lane.sid;
        for (i, &b) in text[lane.at..lane.end].iter().enumerate() {
            sid = u32::from(trans[sid as usize + usize::from(class[usize::from(b)])]);
            if sid >= first_match {
                lane.found.push(((lane.at + i + 1) as u32, sid));
            }
        }
        lane.at = lane.end;
        lane.sid = sid;
    }
}

/// How many pieces of a text [`Scanner::match_states`] reads side by side.
const LANES: usize = 4;

/// One piece of the text being read: from `at` (where its state is `sid`)
/// to `end`; matches count from `own`, where the piece before stops.
struct Lane {
    at: usize,
    own: usize,
    end: usize,
    sid: u32,
    found: Vec<(u32, u32)>,
}

/// Make every pattern and the shared scan's automaton (which needs every pattern first).
pub(crate) fn prepare() {
    scanner();
}

/// Where each text pattern's regexes can start in one document's lowercased
/// text: one scan for all of them ([`Document::index`]).
pub(crate) struct TextIndex {
    /// By slot: the byte offsets where one of its literals starts, ascending.
    starts: Vec<Vec<u32>>,
}

impl TextIndex {
    pub fn new(lower: &str) -> Self {
        let scanner = scanner();
        let found = scanner.match_states(lower.as_bytes());
        let ends = |sid: u32| {
            let state = (sid - scanner.first_match) as usize / scanner.row;
            let range = scanner.match_ends[state].clone();
            &scanner.ends[range.start as usize..range.end as usize]
        };
        // Counted first, so that each slot's list is made once at its size.
        let mut count = vec![0; scanner.slots];
        for &(_, sid) in &found {
            for &(_, slot) in ends(sid) {
                count[slot as usize] += 1;
            }
        }
        let mut starts: Vec<Vec<u32>> = count.into_iter().map(Vec::with_capacity).collect();
        for &(end, sid) in &found {
            for &(len, slot) in ends(sid) {
                starts[slot as usize].push(end - len);
            }
        }
        for s in &mut starts {
            s.sort_unstable();
            s.dedup();
        }
        TextIndex { starts }
    }
}

/// A haystack's view of a [`TextIndex`]: the whole text it was made of, or
/// the span `base..end` of it searched as a text of its own.
#[derive(Clone, Copy)]
struct Scope<'a> {
    index: &'a TextIndex,
    base: usize,
    end: usize,
}

/// The starts of one regex's literals in a [`Scope`]: offsets in the text,
/// `base` where the haystack begins.
#[derive(Clone, Copy)]
struct Starts<'a> {
    at: &'a [u32],
    base: usize,
}

impl<'a> Scope<'a> {
    fn whole(index: &'a TextIndex) -> Self {
        Scope {
            index,
            base: 0,
            end: usize::MAX,
        }
    }

    /// The starts of the regex in `slot`, if the index has it, that lie in the scope.
    fn starts(&self, slot: Option<usize>) -> Option<Starts<'a>> {
        let all = self.index.starts.get(slot?)?;
        if self.base == 0 && self.end == usize::MAX {
            return Some(Starts { at: all, base: 0 });
        }
        let from = all.partition_point(|&s| (s as usize) < self.base);
        let to = from + all[from..].partition_point(|&s| (s as usize) < self.end);
        Some(Starts {
            at: &all[from..to],
            base: self.base,
        })
    }
}

/// Every regex compiled so far: the tests check each against the regex crate's engine.
#[cfg(test)]
static SOURCES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The regexes behind every pattern of the crate.
#[cfg(test)]
pub(crate) fn compiled_sources() -> Vec<String> {
    crate::prepare();
    SOURCES.lock().expect("not poisoned").clone()
}

impl Branch {
    /// The leftmost match of this alternative that starts at or after `from`.
    fn find_at(&self, hay: &[u8], from: usize, index: Option<Scope>) -> Option<Range<usize>> {
        let mut at = from;
        while at <= hay.len() {
            let m = self.head.find_at(hay, at, index)?;
            if let Some(end) = self.rest(hay, m.end, 0) {
                return Some(m.start..end);
            }
            // A later start may yet go on: the regex would try it too.
            at = m.start + 1;
        }
        None
    }

    /// Where `steps[k..]` end, their first gap starting at `from`; tried in
    /// the order the regex tries them (shortest or longest gap first).
    fn rest(&self, hay: &[u8], from: usize, k: usize) -> Option<usize> {
        let Some(step) = self.steps.get(k) else {
            return Some(from);
        };
        // The gap may hold no stop byte, and pieces none either (nor are
        // they long): a piece starts by `last_start` and ends by `cut`, both
        // at most MAX_PIECE bytes past the gap, so a long text with no stop
        // in it is not scanned to its end for every head. `cut` is a stop
        // or another non-word byte: `\b` reads the cut text as the whole.
        let window = (from + step.max + MAX_PIECE).min(hay.len());
        let (last_start, cut) = match hay[from..window]
            .iter()
            .position(|&b| step.stops[usize::from(b)])
        {
            Some(p) => ((from + p).min(from + step.max), from + p),
            None => {
                let cut = hay[window..]
                    .iter()
                    .take(MAX_PIECE)
                    .position(|b| !b.is_ascii_alphanumeric() && *b != b'_')
                    .map_or((window + MAX_PIECE).min(hay.len()), |p| window + p);
                ((from + step.max).min(hay.len()), cut)
            }
        };
        let hay_k = &hay[..cut];
        let mut starts = Vec::new();
        let mut at = from;
        while at <= hay_k.len() {
            let Some(m) = step.piece.find_at(hay_k, at) else {
                break;
            };
            if m.start > last_start {
                break;
            }
            if step.lazy {
                if let Some(end) = self.rest(hay, m.end, k + 1) {
                    return Some(end);
                }
            } else {
                starts.push(m.end);
            }
            at = m.start + 1;
        }
        starts
            .into_iter()
            .rev()
            .find_map(|end| self.rest(hay, end, k + 1))
    }
}

/// Leftmost-first over the branches, as the one regex would match: the
/// earliest start wins, and at equal starts the earlier alternative.
struct Leftmost<'a> {
    hay: &'a [u8],
    branches: &'a [Branch],
    index: Option<Scope<'a>>,
    /// Each branch's next match as last found, valid while it starts at or
    /// after `at` (so that a long text is not searched again for each match).
    next: Vec<Option<Option<Range<usize>>>>,
    at: usize,
}

impl Iterator for Leftmost<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.at > self.hay.len() {
            return None;
        }
        let mut best: Option<Range<usize>> = None;
        for (b, next) in self.branches.iter().zip(self.next.iter_mut()) {
            let stale = match next {
                None => true,
                Some(Some(m)) => m.start < self.at,
                Some(None) => false,
            };
            if stale {
                *next = Some(b.find_at(self.hay, self.at, self.index));
            }
            if let Some(Some(m)) = next {
                if best.as_ref().is_none_or(|x| m.start < x.start) {
                    best = Some(m.clone());
                }
            }
        }
        let m = best?;
        // Matches are never empty (the tables have none that can be), but
        // step on regardless, as the regex does.
        self.at = if m.end > m.start { m.end } else { m.end + 1 };
        Some(m)
    }
}

/// Split a pattern at its top-level alternatives and at the wide gaps in
/// them; `None` if it has no wide gap (one automaton does it all).
fn split(p: &str, make_head: &dyn Fn(&str) -> Head) -> Option<Vec<Branch>> {
    let (flags, body) = leading_flags(p);
    let verbose = flags.contains('x') && !flags.contains("-x");
    let mut out: Vec<Branch> = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    let mut any_gap = false;
    for alt in alternatives(body, verbose) {
        let Some((head, steps)) = gaps(alt, verbose) else {
            plain.push(alt);
            continue;
        };
        any_gap = true;
        out.push(Branch {
            head: make_head(&format!("{flags}{head}")),
            steps: steps
                .into_iter()
                .map(|(list, max, lazy, piece)| Step {
                    stops: std::array::from_fn(|b| list.contains(&(b as u8))),
                    max,
                    lazy,
                    piece: compile(&format!("{flags}{piece}")),
                })
                .collect(),
        });
    }
    if !any_gap {
        return None;
    }
    if !plain.is_empty() {
        // One automaton for all the plain ones, searched first: a text is
        // scanned once for them, not once per run between gapped ones. At
        // one start, a plain alternative then wins over a gapped one listed
        // before it (the reports on the dev and bulk pages are the same).
        out.insert(
            0,
            Branch {
                head: make_head(&format!("{flags}(?:{})", plain.join("|"))),
                steps: Vec::new(),
            },
        );
    }
    Some(out)
}

/// A leading flag group (`(?x)`, `(?i)`) and the rest.
fn leading_flags(p: &str) -> (&str, &str) {
    if let Some(rest) = p.strip_prefix("(?") {
        if let Some(close) = rest.find(')') {
            if rest[..close]
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-')
            {
                return p.split_at(close + 3);
            }
        }
    }
    ("", p)
}

/// The byte offsets of `p`'s top-level characters: outside groups, class
/// bodies, escapes and (in verbose mode) comments. A class's opening `[` at
/// the top level is one.
fn top_level(p: &str, verbose: bool) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let (mut depth, mut class, mut comment, mut escaped) = (0usize, false, false, false);
    for (i, c) in p.char_indices() {
        if comment {
            comment = c != '\n';
        } else if escaped {
            escaped = false;
        } else if class {
            if c == '\\' {
                escaped = true;
            } else {
                class = c != ']';
            }
        } else if c == '\\' {
            escaped = true;
        } else if c == '(' {
            depth += 1;
        } else if c == ')' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            if verbose && c == '#' {
                comment = true;
            } else {
                class = c == '[';
                out.push((i, c));
            }
        } else if c == '[' {
            class = true;
        } else if verbose && c == '#' {
            comment = true;
        }
    }
    out
}

/// `p` cut at its top-level `|`s.
fn alternatives(p: &str, verbose: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in top_level(p, verbose) {
        if c == '|' {
            out.push(&p[from..i]);
            from = i + 1;
        }
    }
    out.push(&p[from..]);
    out
}

/// A gap and the piece after it: (stop bytes, widest gap, lazy, piece).
type GapStep<'a> = (Vec<u8>, usize, bool, &'a str);

/// An alternative cut at its wide top-level gaps (`[^.;]{0,120}?`): its
/// head and steps, or `None` if it has none.
fn gaps(alt: &str, verbose: bool) -> Option<(&str, Vec<GapStep<'_>>)> {
    let mut found: Vec<(usize, usize, Vec<u8>, usize, bool)> = Vec::new();
    for (at, c) in top_level(alt, verbose) {
        if c == '[' {
            if let Some((len, stops, max, lazy)) = read_gap(&alt[at..]) {
                found.push((at, at + len, stops, max, lazy));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let head = &alt[..found[0].0];
    if head.trim().is_empty() {
        return None;
    }
    let mut steps = Vec::new();
    for (k, (_, end, stops, max, lazy)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(alt.len(), |f| f.0);
        let piece = &alt[*end..next];
        if piece.trim().is_empty() {
            return None;
        }
        steps.push((stops.clone(), *max, *lazy, piece));
    }
    Some((head, steps))
}

/// `[^…]{0,n}` or `[^…]{0,n}?` at the start of `s`, over a plain set of
/// ASCII punctuation, with `n` at least [`MIN_GAP`]: (its length, the set,
/// n, lazy).
fn read_gap(s: &str) -> Option<(usize, Vec<u8>, usize, bool)> {
    let body_end = s.find(']')?;
    let set = s[..body_end].strip_prefix("[^")?;
    if set.is_empty()
        || !set
            .bytes()
            .all(|b| b.is_ascii_punctuation() && !b"\\-[^".contains(&b))
    {
        return None;
    }
    let rest = &s[body_end + 1..];
    let count = rest.strip_prefix("{0,")?;
    let close = count.find('}')?;
    let max: usize = count[..close].parse().ok()?;
    if max < MIN_GAP {
        return None;
    }
    let lazy = count[close + 1..].starts_with('?');
    let len = body_end + 1 + 3 + close + 1 + usize::from(lazy);
    Some((len, set.bytes().collect(), max, lazy))
}

/// The matches of `re` in `text`, searched for only in the pieces of text
/// around `hits` (ascending byte offsets): a piece runs from the byte after
/// the `separator` before a hit to the one after it. For a pattern whose
/// matches never hold a separator and always hold a hit, these are the
/// matches of a search of the whole text (a piece's ends look to the pattern
/// as the text's ends do). Separators must be ASCII.
pub(crate) fn find_around(
    re: &Pattern,
    text: &str,
    hits: impl IntoIterator<Item = usize>,
    separator: impl Fn(u8) -> bool,
) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut piece_end = 0;
    for at in hits {
        // Each piece once, from its first hit: a long piece with many hits
        // is not scanned again for each.
        if at < piece_end {
            continue;
        }
        let start = b[..at]
            .iter()
            .rposition(|&c| separator(c))
            .map_or(0, |p| p + 1);
        piece_end = b[at..]
            .iter()
            .position(|&c| separator(c))
            .map_or(b.len(), |p| at + p);
        // Next to ASCII separators or the text's ends: char boundaries.
        let piece = &text[start..piece_end];
        out.extend(re.find_iter(piece).map(|m| start + m.start..start + m.end));
    }
    out
}

/// The matches of `re` in `text`, searched for only on the lines that hold
/// one of `needles` (see [`find_around`]: for a pattern that never matches a
/// line break, each of whose matches holds a needle).
pub(crate) fn find_in_lines(re: &Pattern, text: &str, needles: &[&str]) -> Vec<Range<usize>> {
    let mut hits: Vec<usize> = needles
        .iter()
        .flat_map(|n| memchr::memmem::find_iter(text.as_bytes(), n.as_bytes()))
        .collect();
    hits.sort_unstable();
    find_around(re, text, hits, |c| c == b'\n')
}

/// Compile a pattern (see [`Pattern`]).
pub(crate) fn pattern(p: &str) -> Pattern {
    Pattern::new(p)
}

/// ASCII mode cannot hold a character like `’` inside a class: rewrite
/// `[x'’]` as `(?:[x']|’)`, which matches the same text.
fn ascii_classes(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            out.push(c);
            if let Some((_, n)) = chars.next() {
                out.push(n);
            }
            continue;
        }
        if c != '[' {
            out.push(c);
            continue;
        }
        // Find the closing bracket (a ']' right after '[' or '[^' is literal).
        let rest = &p[i + 1..];
        let skip = if rest.starts_with("^]") {
            2
        } else {
            usize::from(rest.starts_with(']'))
        };
        let Some(close) = rest[skip..].find(']').map(|e| e + skip) else {
            out.push(c);
            continue;
        };
        let body = &rest[..close];
        let wide: Vec<char> = body.chars().filter(|ch| !ch.is_ascii()).collect();
        if wide.is_empty() || body.starts_with('^') {
            out.push('[');
            out.push_str(body);
            out.push(']');
        } else {
            let narrow: String = body.chars().filter(char::is_ascii).collect();
            out.push_str("(?:");
            if !narrow.is_empty() {
                out.push('[');
                out.push_str(&narrow);
                out.push_str("]|");
            }
            let alts: Vec<String> = wide.iter().map(char::to_string).collect();
            out.push_str(&alts.join("|"));
            out.push(')');
        }
        let end = i + 1 + close + 1;
        while chars.peek().is_some_and(|&(k, _)| k < end) {
            chars.next();
        }
    }
    out
}

/// Test support: check that `patterns` (a module's text patterns) take part
/// in the shared scan and that through it they find, on every fixture page,
/// just what each finds searching alone.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn assert_scan_agrees(patterns: &[(&str, &Pattern)]) {
    let slots = scanner().slots;
    let mut texts = crate::regex::tests::fixtures();
    texts.push("Cookies, DO NOT TRACK, a pixel. Do not sell! opt-out, subject: DNT".into());
    assert!(texts.len() > 40, "the fixture pages are there");
    for (name, p) in patterns {
        let heads: Vec<&Head> = match &p.0 {
            Matcher::Whole(h) => vec![h],
            Matcher::Branches(bs) => bs.iter().map(|b| &b.head).collect(),
        };
        for h in heads {
            assert!(
                h.slot.is_some_and(|s| s < slots),
                "{name}: not in the shared scan"
            );
        }
        let mut found = 0;
        for text in &texts {
            let doc = Document::new(text, &[]);
            let lower: Vec<_> = p.find_iter(&doc.lower).collect();
            assert_eq!(p.find_in(&doc).collect::<Vec<_>>(), lower, "{name}");
            assert_eq!(p.is_match_in(&doc), !lower.is_empty(), "{name}");
            let own: Vec<_> = p.find_iter(doc.text).collect();
            assert_eq!(p.find_in_text(&doc).collect::<Vec<_>>(), own, "{name}");
            found += lower.len() + own.len();
            // Each sentence, and its first and second halves, as texts of their own.
            for s in &doc.sentences {
                let mid = s.span.start + (s.span.end - s.span.start) / 2;
                let mid = (mid..s.span.end)
                    .find(|&m| doc.lower.is_char_boundary(m))
                    .unwrap_or(s.span.end);
                for span in [s.span.clone(), s.span.start..mid, mid..s.span.end] {
                    let alone: Vec<_> = p.find_iter(&doc.lower[span.clone()]).collect();
                    let through: Vec<_> = p.find_in_span(&doc, span.clone()).collect();
                    assert_eq!(through, alone, "{name} in {:?}", &doc.lower[span.clone()]);
                    assert_eq!(p.is_match_in_span(&doc, span), !alone.is_empty(), "{name}");
                }
            }
        }
        assert!(found > 0, "{name} matches somewhere in the fixtures");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared scan, its text read as pieces side by side, finds the
    /// starts a plain search for each literal finds: in texts shorter than
    /// a piece's run-in, and with literals across the pieces' seams.
    #[test]
    fn the_shared_scan_finds_every_literal_start() {
        let policy = include_str!("../tests/fixtures/crypjama.com.txt").to_ascii_lowercase();
        let mut texts = vec![
            String::new(),
            "we".into(),
            "cookies".into(),
            "opt out".into(),
            "privacy — “we don’t sell”; ünïcödé cookies\tanalytics\n".into(),
        ];
        // Every cut of a short text, so that a literal straddles each seam.
        let short = "we sell cookies; opt-out of analytics tracking pixels privacy";
        texts.extend((1..short.len()).map(|n| short[..n].to_string()));
        texts.extend((0..9).map(|k| format!("{}{short}", "x".repeat(k * 7))));
        texts.push(policy);
        let scanner = scanner();
        let literals = LITERALS.lock().expect("not poisoned").clone();
        for text in &texts {
            let index = TextIndex::new(text);
            let mut want = vec![Vec::new(); scanner.slots];
            for (l, slot) in &literals {
                for (at, w) in text.as_bytes().windows(l.len()).enumerate() {
                    if w == &l[..] {
                        want[*slot].push(at as u32);
                    }
                }
            }
            for w in &mut want {
                w.sort_unstable();
                w.dedup();
            }
            assert_eq!(index.starts, want, "{:?}", &text[..text.len().min(60)]);
        }
    }

    #[test]
    fn classes_with_curly_quotes_become_alternations() {
        assert_eq!(ascii_classes(r"n['’]t\b"), r"n(?:[']|’)t\b");
        assert_eq!(ascii_classes(r"[^.;]{0,60}[“”]"), r"[^.;]{0,60}(?:“|”)");
        assert!(pattern(r"we don['’]t sell").is_match("we don’t sell"));
    }

    #[test]
    fn wide_gaps_are_split_out_and_narrow_ones_are_not() {
        assert!(matches!(
            pattern(r"\ba\b[^.;]{0,60}?\bb\b").0,
            Matcher::Branches(_)
        ));
        assert!(matches!(
            pattern(r"\ba\b[^.;]{0,5}?\bb\b").0,
            Matcher::Whole(_)
        ));
        // Inside a group, a class of letters, or at the very end: left whole.
        assert!(matches!(
            pattern(r"(?:\ba[^.;]{0,60}b)").0,
            Matcher::Whole(_)
        ));
        assert!(matches!(pattern(r"\ba[^a-z]{0,60}b").0, Matcher::Whole(_)));
        assert!(matches!(pattern(r"\ba[^.;]{0,60}").0, Matcher::Whole(_)));
        // A comment in verbose mode hides what looks like structure.
        let (flags, body) = leading_flags("(?x)a # b|c\n|d");
        assert_eq!(flags, "(?x)");
        assert_eq!(alternatives(body, true), vec!["a # b|c\n", "d"]);
    }

    /// Patterns with wide gaps, lazy and greedy, one and two of them, beside
    /// plain alternatives (the shapes the crate's tables use), each part of
    /// which ends in one place (see [`Branch`]).
    const GAPPED: &[&str] = &[
        r"\bbrowsers?\b[^.;]{0,30}?\b(?:refuse|block|set (?:your|the))\w*\b|\bcookie settings\b|\b(?:block|clear)\w* (?:all )?cookies\b[^.;]{0,25}\bbrowser",
        r"\b(?:we|us)\b[^.;:]{0,20}?\buse\w*\b[^.;:]{0,24}?\b(?:data|cookies?)\b|\bdata we collect\b",
        r"(?x)\b(?:your|my)\ (?:online\ )?account\b[^.;]{0,30}\b(?:settings|page)\b
            | \baccount\ settings\b",
        r"\bopt[- ]?out of\b[^.;]{0,20}?[\x22“]?(?:sale|sharing)[\x22”]? of\b",
    ];

    const WORDS: &[&str] = &[
        "we",
        "us",
        "use",
        "used",
        "your",
        "my",
        "the",
        "account",
        "settings",
        "page",
        "browser",
        "browsers",
        "refuse",
        "blocking",
        "block",
        "clear",
        "cookies",
        "cookie",
        "set",
        "data",
        "collect",
        "opt",
        "out",
        "opt-out",
        "of",
        "sale",
        "sharing",
        "\u{201c}sale\u{201d}",
        "a",
        "very",
        "long",
        "word",
        "online",
        "opt out of",
        "sale of",
        ".",
        ";",
        ":",
        ",",
        "\n",
    ];

    /// The split pattern finds what the one regex finds, match for match
    /// (as the regex crate's engine finds it: natively only).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn split_patterns_match_as_the_whole_regex_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for p in GAPPED {
            let split = pattern(p);
            assert!(matches!(split.0, Matcher::Branches(_)), "{p}");
            let whole = crate::regex::tests::oracle(&ascii_classes(p));
            let mut matched = 0;
            for _ in 0..3000 {
                let n = 5 + next() % 40;
                let text: Vec<&str> = (0..n)
                    .map(|_| WORDS[next() as usize % WORDS.len()])
                    .collect();
                let text = text.join(if next() % 3 == 0 { "  " } else { " " });
                let want: Vec<_> = whole
                    .find_iter(text.as_bytes())
                    .map(|m| m.range())
                    .collect();
                let got: Vec<_> = split.find_iter(&text).collect();
                assert_eq!(got, want, "{p} on {text:?}");
                assert_eq!(split.is_match(&text), !want.is_empty());
                matched += usize::from(!want.is_empty());
            }
            assert!(matched > 30, "{p}: only {matched} texts matched");
        }
    }
}
