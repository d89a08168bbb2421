//! The lazy DFA: each state is the NFA threads (in order of preference) a
//! search can be in before a byte, and whether the byte before was a word
//! byte and whether this is the haystack's start, which the assertions need.
//! A transition is made the first time it is taken: the threads' epsilon
//! closure, the assertions read with the next byte known, is stepped over
//! the byte. Leftmost-first: a closure that reaches a match drops every
//! thread after it, and the transition says a match ends before the byte.

use super::{is_word, Inst, Look, Nfa};
use crate::statements::FastMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A transition's flag: a match ends before the byte it reads.
const MATCH: u32 = 1 << 31;
/// A transition not made yet.
const UNKNOWN: u32 = u32::MAX;
/// The state with no threads: its row leads back to it, with no match.
const DEAD: u32 = 0;
/// A cache past this many transition entries (4 bytes each) is cleared
/// and filled again: the regex crate's lazy DFA allows 2 MiB, as here.
const MAX_ENTRIES: usize = 1 << 19;

/// State flags: the byte before is a word byte; the haystack starts here.
const PREV_WORD: u32 = 1;
const AT_START: u32 = 2;

/// One regex's DFA as far as one thread has made it.
pub(super) struct Cache {
    /// `trans[state + class]`: the next state (premultiplied by the row
    /// length) with [`MATCH`], or [`UNKNOWN`].
    trans: Vec<u32>,
    /// Each state's key: its flags, then its threads in order.
    keys: Vec<Box<[u32]>>,
    ids: FastMap<Box<[u32]>, u32>,
    /// Start states by [`start_index`], or [`UNKNOWN`].
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

impl Cache {
    fn new(nfa: &Nfa) -> Self {
        let stride = nfa.reps.len() + 1;
        let mut c = Cache {
            trans: Vec::new(),
            keys: Vec::new(),
            ids: FastMap::default(),
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
        self.keys.clear();
        self.ids.clear();
        self.starts = [UNKNOWN; 8];
        self.trans.resize(self.stride, DEAD);
        self.keys.push(Box::new([]));
    }

    /// The state whose key is `key`, made if new.
    fn state(&mut self, key: Vec<u32>) -> u32 {
        if key.len() <= 1 {
            return DEAD;
        }
        if let Some(&id) = self.ids.get(&key[..]) {
            return id;
        }
        if self.trans.len() + self.stride > MAX_ENTRIES {
            self.clear();
            self.clears += 1;
        }
        let id = self.trans.len() as u32;
        self.trans.resize(self.trans.len() + self.stride, UNKNOWN);
        let key = key.into_boxed_slice();
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
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

fn start_index(anchored: bool, flags: u32) -> usize {
    usize::from(anchored) << 2 | flags as usize
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
    let mut flags = 0;
    if nfa.word_looks && at > 0 && is_word(hay[at - 1]) {
        flags |= PREV_WORD;
    }
    if nfa.start_looks && at == 0 {
        flags |= AT_START;
    }
    let k = start_index(anchored, flags);
    let mut sid = c.starts[k];
    if sid == UNKNOWN {
        let pc = if anchored {
            nfa.anchored
        } else {
            nfa.unanchored
        };
        sid = c.state(vec![flags, pc]);
        c.starts[k] = sid;
    }
    let mut last = None;
    let classes = &nfa.classes;
    let mut p = at;
    while p < hay.len() {
        let class = usize::from(classes[usize::from(hay[p])]);
        let mut t = c.trans[sid as usize + class];
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
    let eoi = c.stride - 1;
    let mut t = c.trans[sid as usize + eoi];
    if t == UNKNOWN {
        t = step(nfa, c, sid, eoi);
    }
    if t & MATCH != 0 {
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
    let mut flags = 0;
    if nfa.word_looks && end < hay.len() && is_word(hay[end]) {
        flags |= PREV_WORD;
    }
    if nfa.start_looks && end == hay.len() {
        flags |= AT_START;
    }
    let k = start_index(true, flags);
    let mut sid = c.starts[k];
    if sid == UNKNOWN {
        sid = c.state(vec![flags, nfa.anchored]);
        c.starts[k] = sid;
    }
    let mut last = None;
    let classes = &nfa.classes;
    for p in (at..end).rev() {
        let class = usize::from(classes[usize::from(hay[p])]);
        let mut t = c.trans[sid as usize + class];
        if t == UNKNOWN {
            t = step(nfa, c, sid, class);
        }
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
    let mut t = c.trans[sid as usize + class];
    if t == UNKNOWN {
        t = step(nfa, c, sid, class);
    }
    if t & MATCH != 0 {
        last = Some(at);
    }
    last
}

/// Make the transition of state `sid` on byte class `class` (the last class: the end of the haystack).
#[cold]
fn step(nfa: &Nfa, c: &mut Cache, sid: u32, class: usize) -> u32 {
    let key = c.keys[sid as usize / c.stride].clone();
    let (flags, threads) = (key[0], &key[1..]);
    let at_end = class == c.stride - 1;
    let byte = if at_end { 0 } else { nfa.reps[class] };
    let next_word = !at_end && is_word(byte);
    let holds = |look: Look| match look {
        Look::Start => flags & AT_START != 0,
        Look::End => at_end,
        Look::WordBoundary => (flags & PREV_WORD != 0) != next_word,
        Look::NotWordBoundary => (flags & PREV_WORD != 0) == next_word,
    };
    c.generation = c.generation.wrapping_add(1);
    if c.generation == 0 {
        c.seen.fill(0);
        c.queued.fill(0);
        c.generation = 1;
    }
    let generation = c.generation;
    c.next.clear();
    let mut next_flags = 0;
    if nfa.word_looks && next_word {
        next_flags |= PREV_WORD;
    }
    c.next.push(next_flags);
    let mut matched = false;
    'threads: for &t in threads {
        c.stack.push(t);
        while let Some(pc) = c.stack.pop() {
            let seen = &mut c.seen[pc as usize];
            if *seen == generation {
                continue;
            }
            *seen = generation;
            match nfa.insts[pc as usize] {
                Inst::Byte { set, next } => {
                    if !at_end
                        && nfa.sets[set as usize].contains(byte)
                        && std::mem::replace(&mut c.queued[next as usize], generation) != generation
                    {
                        c.next.push(next);
                    }
                }
                Inst::Split { first, second } => {
                    c.stack.push(second);
                    c.stack.push(first);
                }
                Inst::Look { look, next } => {
                    if holds(look) {
                        c.stack.push(next);
                    }
                }
                Inst::Match => {
                    matched = true;
                    if !nfa.all_matches {
                        c.stack.clear();
                        break 'threads;
                    }
                }
            }
        }
    }
    let next = std::mem::take(&mut c.next);
    let target = if at_end { DEAD } else { c.state(next.clone()) };
    c.next = next;
    // The state may have been cleared away with the cache: its row is made again when next met.
    let t = target | if matched { MATCH } else { 0 };
    if let Some(row) = c.keys.get(sid as usize / c.stride) {
        if row[..] == key[..] {
            c.trans[sid as usize + class] = t;
        }
    }
    t
}
