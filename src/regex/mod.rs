//! A small regex engine for the crate's own tables: the patterns are parsed
//! and compiled to a Thompson NFA when a pattern is made (tens of
//! microseconds each, no tables to build), and searched by a lazy DFA that
//! each thread fills in as text asks for its states.
//!
//! Why not the `regex` crate: it was nearly half of the wasm (171 KB of 388 KB
//! gzipped), and building its meta regexes, with their literal prefilters
//! and strategies, was most of what a cold first call paid. The crate's
//! patterns need only a fraction of it: byte-wise ASCII matching, match
//! bounds (no captures), leftmost-first semantics, searches anchored at the
//! starts [`crate::pattern`]'s shared scan finds. The tests check this
//! engine against `regex-automata` (a dev-dependency only) on every pattern
//! of the crate, over every fixture page and generated texts.
//!
//! Matching is linear in the text: a DFA step per byte, each new DFA state
//! made once per thread from the NFA (a cache with a cap, cleared when full).
//! A match's end is found by a forward search and its start, where it is not
//! known, by a search backwards from that end with the pattern reversed,
//! as the regex crate does it.

mod dfa;
mod literals;
mod parse;

use crate::statements::FastMap;
use parse::Node;
pub(crate) use parse::{Look, SyntaxError};
use std::ops::Range;
use std::sync::OnceLock;

/// A compiled pattern (see the module docs). Searches take bytes; offsets are byte offsets.
pub(crate) struct Regex {
    nfa: Nfa,
    /// The parsed pattern, for `rev`.
    tree: Node,
    /// The reversed pattern, every match reported: a search backwards from
    /// a match's end finds its leftmost start. Compiled on the first
    /// unanchored `find` (most patterns are only tried anchored).
    rev: OnceLock<Nfa>,
    /// Its lazy DFAs' caches, per thread ([`dfa::with_cache`]): `id` for
    /// `nfa`, `id + 1` for `rev`.
    id: usize,
}

impl Regex {
    pub fn new(pattern: &str) -> Result<Regex, SyntaxError> {
        let tree = parse::parse(pattern)?;
        Ok(Regex {
            nfa: Nfa::compile(&tree, false)?,
            tree,
            rev: OnceLock::new(),
            id: dfa::new_id(),
        })
    }

    /// Whether the pattern matches anywhere in `hay`.
    pub fn is_match(&self, hay: &[u8]) -> bool {
        let nfa = &self.nfa;
        dfa::with_cache(self.id, nfa, |c| match nfa.prefilter {
            Prefilter::None => dfa::search(nfa, c, hay, 0, nfa.start_anchored, true).is_some(),
            _ => nfa.find_by_starts(c, hay, 0, true).is_some(),
        })
    }

    /// The leftmost-first match that starts at or after `at` (the text
    /// before `at` is seen by `\b` and `^`, as in `regex`'s `Input::range`).
    pub fn find_at(&self, hay: &[u8], at: usize) -> Option<Range<usize>> {
        if self.nfa.start_anchored {
            // `^…`: only at the haystack's start.
            return if at == 0 {
                self.find_anchored(hay, 0)
            } else {
                None
            };
        }
        if !matches!(self.nfa.prefilter, Prefilter::None) {
            return dfa::with_cache(self.id, &self.nfa, |c| {
                self.nfa.find_by_starts(c, hay, at, false)
            });
        }
        // The end of the leftmost-first match; then, backwards from it, the
        // leftmost start of a match that ends there, which is that match's.
        let end = dfa::with_cache(self.id, &self.nfa, |c| {
            dfa::search(&self.nfa, c, hay, at, false, false)
        })?;
        // The forward NFA compiled, so does the reversed one (the same size).
        let rev = self
            .rev
            .get_or_init(|| Nfa::compile(&self.tree, true).expect("compiled forward"));
        let start = dfa::with_cache(self.id + 1, rev, |c| dfa::search_rev(rev, c, hay, at, end));
        // A match ends there, so the reversed pattern matches back from it.
        Some(start.unwrap_or(at)..end)
    }

    /// The match that starts exactly at `at`, if any (leftmost-first: the one
    /// an unanchored search finds if no match starts before `at`).
    pub fn find_anchored(&self, hay: &[u8], at: usize) -> Option<Range<usize>> {
        self.find_anchored_first(hay, &mut std::iter::once(at))
    }

    /// The match that starts at the first of `starts` (ascending offsets) where
    /// one does ([`Regex::find_anchored`] at each, with this thread's DFA
    /// looked up once for them all).
    /// (One copy of the search for both: `starts` is a trait object.)
    pub fn find_anchored_first(
        &self,
        hay: &[u8],
        starts: &mut dyn Iterator<Item = usize>,
    ) -> Option<Range<usize>> {
        let nfa = &self.nfa;
        let mut starts = starts
            .filter(|&at| at >= hay.len() || nfa.first_bytes.contains(hay[at]) || nfa.nullable)
            .peekable();
        starts.peek()?;
        dfa::with_cache(self.id, nfa, |c| {
            starts.find_map(|at| dfa::search(nfa, c, hay, at, true, false).map(|e| at..e))
        })
    }

    /// Every match, left to right, none overlapping.
    pub fn find_iter<'a>(&'a self, hay: &'a [u8]) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            if at > hay.len() {
                return None;
            }
            let m = self.find_at(hay, at)?;
            at = if m.is_empty() { m.end + 1 } else { m.end };
            Some(m)
        })
    }

    /// Byte strings every match starts with one of (lowercased, at least
    /// `min` and at most `max` bytes long, ascending, each once), if there
    /// is such a set of a useful size: for [`crate::pattern`]'s shared scan.
    pub fn prefixes(&self, min: usize, max: usize) -> Option<Vec<Vec<u8>>> {
        literals::prefixes(&self.nfa, min, max)
    }
}

/// A set of bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    pub const fn empty() -> Self {
        ByteSet([0; 4])
    }

    pub const fn full() -> Self {
        ByteSet([u64::MAX; 4])
    }

    pub fn one(b: u8) -> Self {
        let mut s = Self::empty();
        s.insert(b);
        s
    }

    pub fn range(lo: u8, hi: u8) -> Self {
        let mut s = Self::empty();
        for b in lo..=hi {
            s.insert(b);
        }
        s
    }

    /// `\w`: `[0-9A-Za-z_]`.
    pub fn word() -> Self {
        let mut s = Self::range(b'0', b'9');
        s.union(&Self::range(b'a', b'z'));
        s.union(&Self::range(b'A', b'Z'));
        s.insert(b'_');
        s
    }

    /// `\s`: `[\t\n\v\f\r ]`.
    pub fn space() -> Self {
        let mut s = Self::range(b'\t', b'\r');
        s.insert(b' ');
        s
    }

    pub fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    pub fn remove(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] &= !(1 << (b & 63));
    }

    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    pub fn union(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    pub fn complement(self) -> Self {
        ByteSet(self.0.map(|w| !w))
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The bytes of the set, ascending.
    pub fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros();
                    w &= w - 1;
                    (i as u32 * 64 + b) as u8
                })
            })
        })
    }

    /// The one byte of a set of one.
    pub fn single(&self) -> Option<u8> {
        (self.len() == 1).then(|| self.bytes().next()).flatten()
    }

    /// Add the other case of every ASCII letter in the set.
    pub fn fold_case(&mut self) {
        // Letters are bytes 64-127 (word 1): `A`-`Z` at bits 1-26, `a`-`z` 32 bits higher.
        let letters = self.0[1] & (LETTER_BITS | LETTER_BITS << 32);
        self.0[1] |= letters.rotate_right(32);
    }

    /// The set with every ASCII letter lowercased.
    pub fn lowercased(&self) -> Self {
        let mut s = *self;
        let upper = s.0[1] & LETTER_BITS;
        s.0[1] = (s.0[1] & !LETTER_BITS) | upper << 32;
        s
    }
}

/// `A`-`Z` as bits of the second word of a [`ByteSet`] (`a`-`z` are 32 bits higher).
const LETTER_BITS: u64 = ((1 << 26) - 1) << 1;

/// One instruction of the NFA.
#[derive(Clone, Copy, Debug)]
enum Inst {
    /// A byte of `sets[set]`, then `next`.
    Byte {
        set: u32,
        next: u32,
    },
    /// Either way, `first` preferred.
    Split {
        first: u32,
        second: u32,
    },
    /// Go on to `next` where the assertion holds.
    Look {
        look: Look,
        next: u32,
    },
    Match,
}

/// NFAs larger than this are refused (the crate's largest has a few hundred instructions).
const MAX_INSTS: usize = 100_000;

/// A Thompson NFA over bytes, with what its lazy DFA needs to know of it.
struct Nfa {
    insts: Vec<Inst>,
    /// The byte sets of `Byte` instructions, each once.
    sets: Vec<ByteSet>,
    /// Where an anchored search starts.
    anchored: u32,
    /// Where an unanchored one starts: a lazy `(?s:.)*?` loop before `anchored`.
    unanchored: u32,
    /// Each byte's class: bytes of a class are in the same sets, and all
    /// word bytes or none.
    classes: [u8; 256],
    /// A byte of each class.
    reps: Vec<u8>,
    /// The bytes a match can start with.
    first_bytes: ByteSet,
    /// Whether a match can be empty (then it can start anywhere).
    nullable: bool,
    /// How an unanchored search finds where a match may start, if it can
    /// do better than the DFA stepping through every byte.
    prefilter: Prefilter,
    /// Whether every match starts at the haystack's start (`^…`).
    start_anchored: bool,
    /// Whether the DFA must know if the byte before was a word byte (`\b`, `\B`).
    word_looks: bool,
    /// Whether it must know if it is at the haystack's start (`^`).
    start_looks: bool,
    /// The pattern reversed, every match reported (a search backwards for
    /// a match's leftmost start): no thread is dropped for a match before it.
    all_matches: bool,
}

impl Nfa {
    /// The NFA of `root`, or with `reversed`, of `root` read backwards
    /// (each string it matches, reversed) with every match reported.
    fn compile(root: &Node, reversed: bool) -> Result<Nfa, SyntaxError> {
        let mut c = Compiler {
            insts: Vec::new(),
            sets: Vec::new(),
            set_ids: FastMap::default(),
            single_ids: [0; 256],
            reversed,
        };
        let m = c.push(Inst::Match);
        let anchored = c.emit(root, m);
        let lp = c.push(Inst::Match); // the loop's split, set below
        let any = c.set_id(ByteSet::full());
        let step = c.push(Inst::Byte { set: any, next: lp });
        c.insts[lp as usize] = Inst::Split {
            first: anchored,
            second: step,
        };
        if c.insts.len() > MAX_INSTS {
            return Err(SyntaxError {
                at: 0,
                what: "a pattern too large to compile",
            });
        }
        let word_looks = c.insts.iter().any(|i| {
            matches!(
                i,
                Inst::Look {
                    look: Look::WordBoundary | Look::NotWordBoundary,
                    ..
                }
            )
        });
        let start_looks = c.insts.iter().any(|i| {
            matches!(
                i,
                Inst::Look {
                    look: Look::Start,
                    ..
                }
            )
        });
        let (classes, reps) = byte_classes(&c.sets, word_looks);
        let mut nfa = Nfa {
            insts: c.insts,
            sets: c.sets,
            anchored,
            unanchored: lp,
            classes,
            reps,
            first_bytes: ByteSet::empty(),
            nullable: false,
            prefilter: Prefilter::None,
            start_anchored: false,
            word_looks,
            start_looks,
            all_matches: reversed,
        };
        let word_start;
        (
            nfa.first_bytes,
            nfa.nullable,
            nfa.start_anchored,
            word_start,
        ) = nfa.starts();
        nfa.prefilter = Prefilter::new(&nfa, word_start);
        Ok(nfa)
    }

    /// The bytes the anchored start can take first, whether it can match
    /// empty (assertions taken as holding: a superset), whether every way
    /// from it passes `^` before anything else, and whether every way passes
    /// `\b` before its first byte, a word byte.
    fn starts(&self) -> (ByteSet, bool, bool, bool) {
        let mut first = ByteSet::empty();
        let mut nullable = false;
        let mut anchored = true;
        let mut word_start = true;
        // Each with whether a `^` and a `\b` were passed on the way (seen
        // apart: `^a|a`, `\ba|a`).
        let mut seen = vec![[false; 4]; self.insts.len()];
        let mut stack = vec![(self.anchored, false, false)];
        while let Some((pc, caret, boundary)) = stack.pop() {
            let k = usize::from(caret) | usize::from(boundary) << 1;
            if std::mem::replace(&mut seen[pc as usize][k], true) {
                continue;
            }
            match self.insts[pc as usize] {
                Inst::Byte { set, .. } => {
                    first.union(&self.sets[set as usize]);
                    anchored &= caret;
                    word_start &= boundary;
                }
                Inst::Split { first, second } => {
                    stack.extend([(second, caret, boundary), (first, caret, boundary)]);
                }
                Inst::Look { look, next } => stack.push((
                    next,
                    caret || look == Look::Start,
                    boundary || look == Look::WordBoundary,
                )),
                Inst::Match => {
                    nullable = true;
                    anchored &= caret;
                }
            }
        }
        word_start &= !nullable && first.bytes().all(is_word);
        (first, nullable, anchored, word_start)
    }
}

/// Where a pattern's matches may start, found without its DFA: a match's
/// first byte is one of a few (a `memchr` search for them), or a word's
/// first byte (a byte scan). An unanchored search then runs anchored at
/// each such place in turn, and the first that matches is the leftmost
/// match (every match starts at one), found without the reversed DFA.
///
/// Why: an unanchored DFA search steps every byte of a sentence through a
/// chain of dependent table look-ups; over the dev pages half of the bytes
/// the DFAs stepped were in such searches, 2,300 of them.
enum Prefilter {
    /// The DFA steps through every byte.
    None,
    /// A match starts with one of these bytes (at most three; repeats pad),
    /// and with `word_start`, at a word's first byte.
    Bytes { bytes: [u8; 3], word_start: bool },
    /// A match starts at a word's first byte, one of [`Nfa::first_bytes`]:
    /// by byte, 0 for a byte of no word, 1 for a word byte, 2 for a word
    /// byte a match can start with.
    WordStarts(Box<[u8; 256]>),
}

impl Prefilter {
    /// `word_start`: every match starts with a word byte after a `\b`, at a
    /// word's first byte (assertions other than `\b` taken as holding).
    fn new(nfa: &Nfa, word_start: bool) -> Self {
        if nfa.nullable || nfa.start_anchored {
            return Prefilter::None;
        }
        let first: Vec<u8> = nfa.first_bytes.bytes().collect();
        match *first.as_slice() {
            [a] => Prefilter::Bytes {
                bytes: [a, a, a],
                word_start,
            },
            [a, b] => Prefilter::Bytes {
                bytes: [a, b, b],
                word_start,
            },
            [a, b, c] => Prefilter::Bytes {
                bytes: [a, b, c],
                word_start,
            },
            _ if word_start => {
                let mut kinds = [0u8; 256];
                for b in 0..=255u8 {
                    kinds[usize::from(b)] = match (is_word(b), nfa.first_bytes.contains(b)) {
                        (false, _) => 0,
                        (true, false) => 1,
                        (true, true) => 2,
                    };
                }
                Prefilter::WordStarts(Box::new(kinds))
            }
            _ => Prefilter::None,
        }
    }
}

impl Nfa {
    /// The first offset from `at` where a match may start ([`Prefilter`]).
    fn next_start(&self, hay: &[u8], mut at: usize) -> Option<usize> {
        match self.prefilter {
            Prefilter::None => (at <= hay.len()).then_some(at),
            Prefilter::Bytes {
                bytes: [a, b, c],
                word_start,
            } => loop {
                let s = at + memchr::memchr3(a, b, c, hay.get(at..)?)?;
                if !word_start || s == 0 || !is_word(hay[s - 1]) {
                    return Some(s);
                }
                at = s + 1;
            },
            Prefilter::WordStarts(ref kinds) => {
                let mut before = at > 0 && hay.get(at - 1).is_some_and(|&b| is_word(b));
                for (s, &b) in hay.iter().enumerate().skip(at) {
                    let kind = kinds[usize::from(b)];
                    if kind == 2 && !before {
                        return Some(s);
                    }
                    before = kind != 0;
                }
                None
            }
        }
    }

    /// The leftmost match from `at` by [`Prefilter`]: the first place where
    /// a match may start and one does (its end; with `earliest`, the end of
    /// the first match seen from there).
    fn find_by_starts(
        &self,
        c: &mut dfa::Cache,
        hay: &[u8],
        mut at: usize,
        earliest: bool,
    ) -> Option<Range<usize>> {
        while let Some(s) = self.next_start(hay, at) {
            if let Some(e) = dfa::search(self, c, hay, s, true, earliest) {
                return Some(s..e);
            }
            at = s + 1;
        }
        None
    }
}

struct Compiler {
    insts: Vec<Inst>,
    sets: Vec<ByteSet>,
    set_ids: FastMap<ByteSet, u32>,
    /// The ids of sets of one byte (most of them), by byte: 0 for none yet, else id + 1.
    single_ids: [u32; 256],
    /// Emit the pattern read backwards.
    reversed: bool,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> u32 {
        self.insts.push(inst);
        (self.insts.len() - 1) as u32
    }

    fn set_id(&mut self, set: ByteSet) -> u32 {
        if let Some(b) = set.single() {
            let id = &mut self.single_ids[usize::from(b)];
            if *id == 0 {
                self.sets.push(set);
                *id = self.sets.len() as u32;
            }
            return *id - 1;
        }
        *self.set_ids.entry(set).or_insert_with(|| {
            self.sets.push(set);
            (self.sets.len() - 1) as u32
        })
    }

    /// Emit `node` so that it goes on to `next`; its entry.
    fn emit(&mut self, node: &Node, next: u32) -> u32 {
        if self.insts.len() > MAX_INSTS {
            return next; // refused by the caller
        }
        match node {
            Node::Empty => next,
            Node::Byte(set) => {
                let set = self.set_id(*set);
                self.push(Inst::Byte { set, next })
            }
            Node::Look(look) => {
                let look = match (self.reversed, look) {
                    (true, Look::Start) => Look::End,
                    (true, Look::End) => Look::Start,
                    (_, look) => *look,
                };
                self.push(Inst::Look { look, next })
            }
            // Emitted last item first, so that each knows what follows it.
            Node::Concat(items) if self.reversed => {
                items.iter().fold(next, |next, item| self.emit(item, next))
            }
            Node::Concat(items) => items
                .iter()
                .rev()
                .fold(next, |next, item| self.emit(item, next)),
            Node::Alt(alts) => {
                let entries: Vec<u32> = alts.iter().map(|a| self.emit(a, next)).collect();
                let mut entry = *entries.last().unwrap_or(&next);
                for &e in entries.iter().rev().skip(1) {
                    entry = self.push(Inst::Split {
                        first: e,
                        second: entry,
                    });
                }
                entry
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                let split = |body, skip| match greedy {
                    true => Inst::Split {
                        first: body,
                        second: skip,
                    },
                    false => Inst::Split {
                        first: skip,
                        second: body,
                    },
                };
                let mut entry = match max {
                    None => {
                        let lp = self.push(Inst::Match); // set below
                        let body = self.emit(node, lp);
                        self.insts[lp as usize] = split(body, next);
                        lp
                    }
                    // `x{0,3}` as `(?:x(?:x(?:x)?)?)?`.
                    Some(max) => (*min..*max).fold(next, |inner, _| {
                        let body = self.emit(node, inner);
                        self.push(split(body, next))
                    }),
                };
                for _ in 0..*min {
                    entry = self.emit(node, entry);
                }
                entry
            }
        }
    }
}

/// Split the 256 bytes into classes no set and no word test tells apart
/// (runs of bytes between the sets' edges); each class's first byte.
fn byte_classes(sets: &[ByteSet], word: bool) -> ([u8; 256], Vec<u8>) {
    let mut edge = [false; 256];
    let word_set = ByteSet::word();
    let all = sets.iter().chain(word.then_some(&word_set));
    for set in all {
        // Bit b of `change`: byte b is in the set and b + 1 is not, or the other way.
        for (i, &w) in set.0.iter().enumerate() {
            let after = w >> 1 | set.0.get(i + 1).map_or(0, |n| (n & 1) << 63);
            let mut change = w ^ after;
            if i == 3 {
                change &= !(1 << 63);
            }
            while change != 0 {
                edge[i * 64 + change.trailing_zeros() as usize] = true;
                change &= change - 1;
            }
        }
    }
    let mut classes = [0u8; 256];
    let mut reps = vec![0u8];
    let mut class = 0u8;
    for b in 0..=255u8 {
        classes[usize::from(b)] = class;
        if edge[usize::from(b)] && b < 255 {
            class += 1;
            reps.push(b + 1);
        }
    }
    (classes, reps)
}

/// `\w` as `\b` reads it.
#[inline]
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A pattern's literal text, with every character that means something in a pattern escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
