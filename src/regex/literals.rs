//! The literals a regex's matches start with, read off its NFA: for the
//! shared scan of [`crate::pattern`], which finds where any of them starts
//! in a text and tries the regex only there.

use super::{Inst, Nfa};
use crate::statements::FastMap;

/// A byte set wider than this (after lowercasing) ends a literal.
const MAX_BRANCH: usize = 4;

/// More literals than this for one regex: try shorter ones.
const MAX_LITERALS: usize = 128;

/// The longest literal read.
const MAX_LEN: usize = 16;

/// A literal being read: its bytes so far.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Prefix {
    bytes: [u8; MAX_LEN],
    len: u8,
}

impl Prefix {
    fn get(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// Lowercased byte strings such that every match starts with one of them
/// (its first `max` bytes, or all of a shorter match), each at least `min`
/// bytes; `None` if there is no such set of at most [`MAX_LITERALS`].
/// Assertions are taken as holding, so the set covers every match.
pub(super) fn prefixes(nfa: &Nfa, min: usize, max: usize) -> Option<Vec<Vec<u8>>> {
    for cut in (min.max(1)..=max.min(MAX_LEN)).rev() {
        match walk(nfa, min, cut) {
            Walk::Found(v) => return Some(v),
            Walk::TooShort => return None,
            Walk::TooMany => {}
        }
    }
    None
}

enum Walk {
    Found(Vec<Vec<u8>>),
    /// A match can start with fewer than `min` literal bytes.
    TooShort,
    TooMany,
}

fn walk(nfa: &Nfa, min: usize, cut: usize) -> Walk {
    let mut out: Vec<Vec<u8>> = Vec::new();
    // Sized for the usual walk (two prefixes an instruction): grown from
    // empty, its rehashing was 0.8 M of `prepare()`'s 21.8 M instructions.
    let mut seen: FastMap<(u32, Prefix), ()> =
        FastMap::with_capacity_and_hasher(nfa.insts.len() * 2, Default::default());
    let empty = Prefix {
        bytes: [0; MAX_LEN],
        len: 0,
    };
    let mut work = vec![(nfa.anchored, empty)];
    while let Some((pc, prefix)) = work.pop() {
        if seen.insert((pc, prefix), ()).is_some() {
            continue;
        }
        let ends = match nfa.insts[pc as usize] {
            Inst::Split { first, second } => {
                work.push((second, prefix));
                work.push((first, prefix));
                false
            }
            Inst::Look { next, .. } => {
                work.push((next, prefix));
                false
            }
            Inst::Match => true,
            Inst::Byte { set, next } => {
                let set = nfa.sets[set as usize].lowercased();
                let ends = usize::from(prefix.len) >= cut || set.len() > MAX_BRANCH;
                if !ends {
                    for b in set.bytes() {
                        let mut longer = prefix;
                        longer.bytes[usize::from(prefix.len)] = b;
                        longer.len += 1;
                        work.push((next, longer));
                    }
                }
                ends
            }
        };
        if ends {
            if usize::from(prefix.len) < min {
                return Walk::TooShort;
            }
            out.push(prefix.get().to_vec());
        }
        if out.len() + work.len() > 4 * MAX_LITERALS {
            return Walk::TooMany;
        }
    }
    out.sort_unstable();
    out.dedup();
    if out.len() > MAX_LITERALS {
        return Walk::TooMany;
    }
    Walk::Found(out)
}
