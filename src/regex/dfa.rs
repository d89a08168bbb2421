//! The lazy DFA: each state is the NFA threads (in order of preference) a
//! search can be in before a byte, and whether the byte before was a word
//! byte and whether this is the haystack's start, which the assertions need.
//! A transition is made the first time it is taken: the threads' epsilon
//! closure, the assertions read with the next byte known, is stepped over
//! the byte. Leftmost-first: a closure that reaches a match drops every
//! thread after it, and the transition says a match ends before the byte.

use super::{is_word, Inst, Look, Nfa};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A transition's flag: a match ends before the byte it reads.
const MATCH: u32 = 1 << 15;
/// A transition not made yet.
const UNKNOWN: u32 = 0xFFFF;
/// The state with no threads: its row leads back to it, with no match.
const DEAD: u32 = 0;
/// A cache past this many transition entries is cleared and filled again.
/// A transition is stored in two bytes (a state's row offset below
/// [`MATCH`], with that flag): all the crate's tables together are half
/// the size they were with four, and a search, a chain of dependent loads
/// from tables most of which are not in the first-level cache, waits on
/// fewer misses. The largest any pattern made over the 2,000 `bulk/` pages
/// was 31,278 entries (802 states); past the cap it is cleared, as the
/// regex crate's lazy DFA does at its 2 MiB.
const MAX_ENTRIES: usize = MATCH as usize - 1;

/// State flags: the byte before is a word byte; the haystack starts here.
const PREV_WORD: u32 = 1;
const AT_START: u32 = 2;

/// One regex's DFA as far as one thread has made it.
pub(super) struct Cache {
    /// `trans[state + class]`: the next state (premultiplied by the row
    /// length) with [`MATCH`], or [`UNKNOWN`] (see [`MAX_ENTRIES`]).
    trans: Vec<u16>,
    /// By state number (`state / stride`).
    states: Vec<State>,
    /// State numbers by key (flags, then threads).
    ids: HashMap<Box<[u32]>, u32, BuildHasherDefault<KeyHasher>>,
    /// Start states by [`start`]'s index (anchored, flags), or [`UNKNOWN`].
    starts: [u32; 8],
    stride: usize,
    /// How many times it was cleared.
    clears: usize,
    // Scratch space for making a transition.
    stack: Vec<u32>,
    seen: Vec<u32>,
    /// Marks the NFA states already in `next`.
    queued: Vec<u32>,
    generation: u32,
    next: Vec<u32>,
}

struct State {
    /// Its flags, then its threads in order.
    key: Box<[u32]>,
    /// Its epsilon closure when the next byte is not a word byte, is one,
    /// and at the end (by [`Context`]), made when first needed: a state's
    /// transitions on every byte class share it.
    closures: [Option<Closure>; 3],
}

/// The byte instructions a state's threads reach before the next byte, in
/// order, and whether a match was reached (the threads after it dropped).
struct Closure {
    bytes: Box<[u32]>,
    matched: bool,
}

/// What the assertions know of the next byte: [`Closure`]s by it.
#[derive(Clone, Copy)]
enum Context {
    NotWord = 0,
    Word = 1,
    End = 2,
}

impl Cache {
    fn new(nfa: &Nfa) -> Self {
        let stride = nfa.reps.len() + 1;
        let mut c = Cache {
            trans: Vec::new(),
            states: Vec::new(),
            ids: HashMap::default(),
            starts: [UNKNOWN; 8],
            stride,
            clears: 0,
            stack: Vec::new(),
            seen: vec![0; nfa.insts.len()],
            queued: vec![0; nfa.insts.len()],
            generation: 0,
            next: Vec::new(),
        };
        c.clear();
        c
    }

    /// Forget every state but the dead one.
    fn clear(&mut self) {
        self.trans.clear();
        self.states.clear();
        self.ids.clear();
        self.starts = [UNKNOWN; 8];
        self.trans.resize(self.stride, DEAD as u16);
        self.states.push(State {
            key: Box::new([]),
            closures: [None, None, None],
        });
    }

    /// The state whose key is `key` (flags, then threads), made if new.
    fn state(&mut self, key: &[u32]) -> u32 {
        if key.len() <= 1 {
            return DEAD;
        }
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        if self.trans.len() + self.stride > MAX_ENTRIES {
            self.clear();
            self.clears += 1;
        }
        let id = self.trans.len() as u32;
        self.trans
            .resize(self.trans.len() + self.stride, UNKNOWN as u16);
        let key: Box<[u32]> = key.into();
        self.states.push(State {
            key: key.clone(),
            closures: [None, None, None],
        });
        self.ids.insert(key, id);
        id
    }

    /// A fresh mark for `seen` and `queued`.
    fn next_generation(&mut self) -> u32 {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.seen.fill(0);
            self.queued.fill(0);
            self.generation = 1;
        }
        self.generation
    }
}

/// A hash of state keys (slices of `u32`, hashed as bytes), eight bytes a
/// step as `rustc`'s FxHash does: a key is a few dozen numbers, and a
/// byte-at-a-time hash was a third of the cost of making a state.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.add(word);
        }
        let mut rest = [0u8; 8];
        let tail = chunks.remainder();
        rest[..tail.len()].copy_from_slice(tail);
        self.add(u64::from_le_bytes(rest) ^ tail.len() as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A new regex's number, for its caches: it takes this one and the next.
pub(super) fn new_id() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(2, Ordering::Relaxed)
}

thread_local! {
    /// By regex number: its DFA on this thread.
    static CACHES: RefCell<Vec<Option<Box<Cache>>>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` with this thread's cache for regex `id`.
pub(super) fn with_cache<R>(id: usize, nfa: &Nfa, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        if caches.len() <= id {
            caches.resize_with(id + 1, || None);
        }
        let cache = caches[id].get_or_insert_with(|| Box::new(Cache::new(nfa)));
        f(cache)
    })
}

/// How many times this thread's cache for regex `id` was cleared.
#[cfg(test)]
pub(super) fn clears(id: usize) -> usize {
    CACHES.with(|c| {
        c.borrow()
            .get(id)
            .and_then(|c| c.as_ref())
            .map_or(0, |c| c.clears)
    })
}

/// The start state of a search anchored at its first byte or not, given the
/// byte before it (`None` at the haystack's start): made if new.
fn start(nfa: &Nfa, c: &mut Cache, anchored: bool, before: Option<u8>) -> u32 {
    let mut flags = 0;
    if nfa.word_looks && before.is_some_and(is_word) {
        flags |= PREV_WORD;
    }
    if nfa.start_looks && before.is_none() {
        flags |= AT_START;
    }
    let k = usize::from(anchored) << 2 | flags as usize;
    if c.starts[k] == UNKNOWN {
        let pc = if anchored {
            nfa.anchored
        } else {
            nfa.unanchored
        };
        c.starts[k] = c.state(&[flags, pc]);
    }
    c.starts[k]
}

/// The transition of state `sid` on byte class `class`, made if new.
#[inline]
fn transition(nfa: &Nfa, c: &mut Cache, sid: u32, class: usize) -> u32 {
    match u32::from(c.trans[sid as usize + class]) {
        UNKNOWN => step(nfa, c, sid, class),
        t => t,
    }
}

/// Search `hay` from `at`: anchored there or not. Returns where the
/// leftmost-first match ends (unanchored: the match that starts first), or,
/// with `earliest`, where the first match to be seen ends.
pub(super) fn search(
    nfa: &Nfa,
    c: &mut Cache,
    hay: &[u8],
    at: usize,
    anchored: bool,
    earliest: bool,
) -> Option<usize> {
    let mut sid = start(nfa, c, anchored, at.checked_sub(1).map(|p| hay[p]));
    let mut last = None;
    let classes = &nfa.classes;
    let mut p = at;
    while p < hay.len() {
        let class = usize::from(classes[usize::from(hay[p])]);
        let mut t = u32::from(c.trans[sid as usize + class]);
        // One test for the usual step (to a live state, no match before
        // the byte): dead (0), a match (the top bit) and unknown (all ones)
        // all fail it.
        if t.wrapping_sub(1) >= MATCH - 1 {
            if t == UNKNOWN {
                t = step(nfa, c, sid, class);
            }
            if t & MATCH != 0 {
                last = Some(p);
                if earliest {
                    return last;
                }
            }
            if t & !MATCH == DEAD {
                return last;
            }
        }
        sid = t & !MATCH;
        p += 1;
    }
    if transition(nfa, c, sid, c.stride - 1) & MATCH != 0 {
        last = Some(hay.len());
    }
    last
}

/// Search `hay[at..end]` backwards from `end` with a reversed pattern's
/// NFA, anchored at `end`: the smallest start of a match that ends there.
/// The bytes beyond `at` and `end` are seen by the assertions only.
pub(super) fn search_rev(
    nfa: &Nfa,
    c: &mut Cache,
    hay: &[u8],
    at: usize,
    end: usize,
) -> Option<usize> {
    // Backwards, the byte "before" is the one after `end`, and the
    // haystack "starts" at its end.
    let mut sid = start(nfa, c, true, hay.get(end).copied());
    let mut last = None;
    let classes = &nfa.classes;
    for p in (at..end).rev() {
        let t = transition(nfa, c, sid, usize::from(classes[usize::from(hay[p])]));
        if t & MATCH != 0 {
            last = Some(p + 1);
        }
        sid = t & !MATCH;
        if sid == DEAD {
            return last;
        }
    }
    // At `at`: the haystack's real start, or a byte the assertions look at
    // (a transition on it says whether a match ends before it).
    let class = match at {
        0 => c.stride - 1,
        _ => usize::from(classes[usize::from(hay[at - 1])]),
    };
    if transition(nfa, c, sid, class) & MATCH != 0 {
        last = Some(at);
    }
    last
}

/// Make the transition of state `sid` on byte class `class` (the last
/// class: the end of the haystack).
#[cold]
fn step(nfa: &Nfa, c: &mut Cache, sid: u32, class: usize) -> u32 {
    let at_end = class == c.stride - 1;
    let byte = if at_end { 0 } else { nfa.reps[class] };
    let context = match (at_end, nfa.word_looks && is_word(byte)) {
        (true, _) => Context::End,
        (false, true) => Context::Word,
        (false, false) => Context::NotWord,
    };
    let state = sid as usize / c.stride;
    if c.states[state].closures[context as usize].is_none() {
        let closure = closure(nfa, c, state, context);
        c.states[state].closures[context as usize] = Some(closure);
    }
    let generation = c.next_generation();
    let mut next = std::mem::take(&mut c.next);
    next.clear();
    let mut matched = false;
    if let Some(closure) = &c.states[state].closures[context as usize] {
        matched = closure.matched;
        next.push(if matches!(context, Context::Word) {
            PREV_WORD
        } else {
            0
        });
        if !at_end {
            for &pc in closure.bytes.iter() {
                if let Inst::Byte { set, next: to } = nfa.insts[pc as usize] {
                    if nfa.sets[set as usize].contains(byte)
                        && std::mem::replace(&mut c.queued[to as usize], generation) != generation
                    {
                        next.push(to);
                    }
                }
            }
        }
    }
    // Making the target may clear the cache: `sid` is then no state of it,
    // and its row is made again when next met.
    let clears = c.clears;
    let target = c.state(&next);
    c.next = next;
    let t = target | if matched { MATCH } else { 0 };
    if c.clears == clears {
        c.trans[sid as usize + class] = t as u16;
    }
    t
}

/// The epsilon closure of state number `state`'s threads, in order, the
/// assertions read in `context`; a match drops what follows it, unless every
/// match is wanted.
fn closure(nfa: &Nfa, c: &mut Cache, state: usize, context: Context) -> Closure {
    let generation = c.next_generation();
    let Cache {
        states,
        stack,
        seen,
        ..
    } = c;
    let key = &states[state].key;
    let (flags, threads) = (key[0], &key[1..]);
    let next_word = matches!(context, Context::Word);
    let at_end = matches!(context, Context::End);
    let holds = |look: Look| match look {
        Look::Start => flags & AT_START != 0,
        Look::End => at_end,
        Look::WordBoundary => (flags & PREV_WORD != 0) != next_word,
        Look::NotWordBoundary => (flags & PREV_WORD != 0) == next_word,
    };
    let mut bytes = Vec::new();
    let mut matched = false;
    'threads: for &t in threads {
        stack.push(t);
        while let Some(pc) = stack.pop() {
            if std::mem::replace(&mut seen[pc as usize], generation) == generation {
                continue;
            }
            match nfa.insts[pc as usize] {
                Inst::Byte { .. } => bytes.push(pc),
                Inst::Split { first, second } => {
                    stack.push(second);
                    stack.push(first);
                }
                Inst::Look { look, next } => {
                    if holds(look) {
                        stack.push(next);
                    }
                }
                Inst::Match => {
                    matched = true;
                    if !nfa.all_matches {
                        stack.clear();
                        break 'threads;
                    }
                }
            }
        }
    }
    Closure {
        bytes: bytes.into_boxed_slice(),
        matched,
    }
}
