//! The crate's own patterns, compiled ahead of time: the NFA of every regex
//! the crate makes, as the compiler makes it, in one table built into the
//! binary (`automata.bin`). Making a regex of the crate's tables is then a
//! look-up and a short decode, with no parsing and no compiling: in a browser
//! that has just started the extension's worker, building the patterns was
//! most of what `prepare()` cost. (The reversed NFA, which only a few
//! searches need, is compiled from the stored pattern when one does.)
//!
//! The table is generated: `POLICYLENS_WRITE_AUTOMATA=1 cargo test --lib
//! stored` writes it, and the same test without the variable fails while it
//! differs from what the compiler makes of the crate's patterns now (so CI
//! stops a pattern changed without it). A pattern not in the table (one
//! changed but not yet written, or a test's own) is parsed and compiled as
//! before.
//!
//! The format (all integers LEB128): a version byte; the byte sets of more
//! than one byte, each once (32 bytes of bits each, after their number);
//! the number of patterns, then for each, ascending, its bytes and its NFA's
//! encoding, each after its length. An NFA: its instructions (an integer
//! each, `payload << 3 | kind`, and for some a target after it: the signed
//! distance back from the instruction), its byte sets (a single byte, or an
//! index into the shared ones), its two starts, the first byte of each byte
//! class, the bytes a match can start with, its flags and its prefilter's
//! bytes. The byte classes' table and a word-start prefilter's table are
//! rebuilt from those.

use super::{ByteSet, Inst, Look, Nfa, Prefilter};
use std::sync::OnceLock;

/// The table (see the module docs).
static AUTOMATA: &[u8] = include_bytes!("automata.bin");

/// The format's version: a table of another is not read.
const VERSION: u8 = 2;

/// An instruction's kind (its integer's low three bits).
const BYTE_NEXT: usize = 0; // `Byte` going on to the instruction before it
const BYTE: usize = 1; // `Byte`, its target after it
const SPLIT: usize = 2; // `Split`: the first target in the payload, the second after it
const LOOK_NEXT: usize = 3;
const LOOK: usize = 4;
const MATCH: usize = 5;

/// The table read: its shared byte sets and its patterns with their NFAs' encodings.
struct Table {
    sets: Vec<ByteSet>,
    entries: Vec<(&'static [u8], &'static [u8])>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        read_table(AUTOMATA).unwrap_or(Table {
            sets: Vec::new(),
            entries: Vec::new(),
        })
    })
}

/// A pattern's stored NFA, with the pattern as the table holds it, if the table has it.
pub(super) fn find(pattern: &str) -> Option<(Nfa, &'static str)> {
    let t = table();
    let i = t
        .entries
        .binary_search_by(|(p, _)| (*p).cmp(pattern.as_bytes()))
        .ok()?;
    let (key, encoded) = t.entries[i];
    Some((decode(encoded, &t.sets)?, std::str::from_utf8(key).ok()?))
}

/// The table, or `None` if it is not one of this version.
fn read_table(bytes: &'static [u8]) -> Option<Table> {
    let mut r = Reader(bytes);
    if r.byte()? != VERSION {
        return None;
    }
    let n_sets = r.int()?;
    let mut sets = Vec::with_capacity(n_sets.min(bytes.len()));
    for _ in 0..n_sets {
        sets.push(r.bits()?);
    }
    let n = r.int()?;
    let mut entries = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        entries.push((r.bytes()?, r.bytes()?));
    }
    r.0.is_empty().then_some(Table { sets, entries })
}

/// A reader of an encoding: every read is `None` past its end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        (n <= self.0.len()).then(|| {
            let (taken, rest) = self.0.split_at(n);
            self.0 = rest;
            taken
        })
    }

    /// An unsigned LEB128 integer of at most 32 bits.
    #[inline]
    fn int(&mut self) -> Option<usize> {
        let b = self.byte()?;
        if b < 0x80 {
            return Some(usize::from(b));
        }
        let mut v = u32::from(b & 0x7f);
        for shift in [7, 14, 21, 28] {
            let b = self.byte()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v as usize);
            }
        }
        None
    }

    /// A length, then that many bytes.
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.int()?;
        self.take(n)
    }

    /// A byte set as 32 bytes of bits.
    fn bits(&mut self) -> Option<ByteSet> {
        let mut words = [0u64; 4];
        for w in &mut words {
            *w = u64::from_le_bytes(self.take(8)?.try_into().ok()?);
        }
        Some(ByteSet(words))
    }
}

/// The instruction `pc - distance`, `distance` zigzag-encoded, if it is below `len`.
#[inline]
fn target(z: usize, pc: usize, len: usize) -> Option<u32> {
    let distance = (z >> 1) as isize ^ -((z & 1) as isize);
    let t = (pc as isize).checked_sub(distance)?;
    (0..len as isize).contains(&t).then_some(t as u32)
}

const LOOKS: [Look; 4] = [
    Look::Start,
    Look::End,
    Look::WordBoundary,
    Look::NotWordBoundary,
];

/// The NFA an encoding holds (its shared byte sets `shared`), or `None` if it is not a whole one.
fn decode(encoded: &[u8], shared: &[ByteSet]) -> Option<Nfa> {
    let mut r = Reader(encoded);
    let len = r.int()?;
    let mut insts = Vec::with_capacity(len.min(encoded.len()));
    for pc in 0..len {
        let h = r.int()?;
        let payload = h >> 3;
        insts.push(match h & 7 {
            BYTE_NEXT => Inst::Byte {
                set: payload as u32,
                next: target(2, pc, len)?,
            },
            BYTE => Inst::Byte {
                set: payload as u32,
                next: target(r.int()?, pc, len)?,
            },
            SPLIT => Inst::Split {
                first: target(payload, pc, len)?,
                second: target(r.int()?, pc, len)?,
            },
            LOOK_NEXT => Inst::Look {
                look: *LOOKS.get(payload)?,
                next: target(2, pc, len)?,
            },
            LOOK => Inst::Look {
                look: *LOOKS.get(payload)?,
                next: target(r.int()?, pc, len)?,
            },
            MATCH => Inst::Match,
            _ => return None,
        });
    }
    let n_sets = r.int()?;
    let mut sets = Vec::with_capacity(n_sets.min(encoded.len()));
    for _ in 0..n_sets {
        let v = r.int()?;
        sets.push(match v & 1 {
            0 => ByteSet::one(u8::try_from(v >> 1).ok()?),
            _ => *shared.get(v >> 1)?,
        });
    }
    let sets_ok = insts
        .iter()
        .all(|i| !matches!(*i, Inst::Byte { set, .. } if set as usize >= sets.len()));
    let anchored = r.int()? as u32;
    let unanchored = r.int()? as u32;
    let reps = r.bytes()?.to_vec();
    // Each class is the run of bytes from its first byte to the next class's.
    if !sets_ok || reps.first() != Some(&0) || !reps.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let mut classes = [0u8; 256];
    for (class, w) in reps.windows(2).enumerate() {
        classes[usize::from(w[1])..].fill(class as u8 + 1);
    }
    let first_bytes = r.bits()?;
    let flags = r.byte()?;
    let flag = |bit: u8| flags & (1 << bit) != 0;
    let prefilter = match flags >> 6 {
        0 => Prefilter::None,
        1 => Prefilter::Bytes {
            bytes: r.take(3)?.try_into().ok()?,
            word_start: flag(5),
        },
        2 => Prefilter::word_starts(&first_bytes),
        _ => return None,
    };
    let starts_ok = (anchored as usize) < len && (unanchored as usize) < len;
    (r.0.is_empty() && starts_ok).then_some(Nfa {
        insts,
        sets,
        anchored,
        unanchored,
        classes,
        reps,
        first_bytes,
        nullable: flag(0),
        prefilter,
        start_anchored: flag(1),
        word_looks: flag(2),
        start_looks: flag(3),
        all_matches: flag(4),
    })
}

/// The writing side, for the tests that write and check the table.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod write {
    use super::*;

    fn int(out: &mut Vec<u8>, mut v: usize) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }

    fn bytes(out: &mut Vec<u8>, b: &[u8]) {
        int(out, b.len());
        out.extend_from_slice(b);
    }

    fn bits(out: &mut Vec<u8>, s: &ByteSet) {
        for w in s.0 {
            out.extend(w.to_le_bytes());
        }
    }

    fn zigzag(pc: usize, t: u32) -> usize {
        let d = pc as isize - t as isize;
        ((d << 1) ^ (d >> (isize::BITS - 1))) as usize
    }

    /// `nfa`'s encoding, its sets of more than one byte added to `shared` as they come.
    pub fn encode(nfa: &Nfa, shared: &mut Vec<ByteSet>) -> Vec<u8> {
        let mut out = Vec::new();
        int(&mut out, nfa.insts.len());
        for (pc, inst) in nfa.insts.iter().enumerate() {
            let back = |t: u32| pc.checked_sub(1) == Some(t as usize);
            match *inst {
                Inst::Byte { set, next } if back(next) => {
                    int(&mut out, (set as usize) << 3 | BYTE_NEXT)
                }
                Inst::Byte { set, next } => {
                    int(&mut out, (set as usize) << 3 | BYTE);
                    int(&mut out, zigzag(pc, next));
                }
                Inst::Split { first, second } => {
                    int(&mut out, zigzag(pc, first) << 3 | SPLIT);
                    int(&mut out, zigzag(pc, second));
                }
                Inst::Look { look, next } => {
                    let look = LOOKS.iter().position(|&l| l == look).expect("a look");
                    if back(next) {
                        int(&mut out, look << 3 | LOOK_NEXT);
                    } else {
                        int(&mut out, look << 3 | LOOK);
                        int(&mut out, zigzag(pc, next));
                    }
                }
                Inst::Match => int(&mut out, MATCH),
            }
        }
        int(&mut out, nfa.sets.len());
        for s in &nfa.sets {
            match s.single() {
                Some(b) => int(&mut out, usize::from(b) << 1),
                None => {
                    let i = shared.iter().position(|x| x == s).unwrap_or_else(|| {
                        shared.push(*s);
                        shared.len() - 1
                    });
                    int(&mut out, i << 1 | 1);
                }
            }
        }
        int(&mut out, nfa.anchored as usize);
        int(&mut out, nfa.unanchored as usize);
        bytes(&mut out, &nfa.reps);
        bits(&mut out, &nfa.first_bytes);
        let (kind, word_start, prefix) = match nfa.prefilter {
            Prefilter::None => (0, false, None),
            Prefilter::Bytes { bytes, word_start } => (1, word_start, Some(bytes)),
            Prefilter::WordStarts(_) => (2, false, None),
        };
        let flags = [
            nfa.nullable,
            nfa.start_anchored,
            nfa.word_looks,
            nfa.start_looks,
            nfa.all_matches,
            word_start,
        ];
        out.push(kind << 6 | flags.iter().rev().fold(0, |acc, &f| acc << 1 | u8::from(f)));
        out.extend(prefix.into_iter().flatten());
        out
    }

    /// The table of `patterns` (each compiled now).
    pub fn table(patterns: &[String]) -> Vec<u8> {
        let mut patterns: Vec<&String> = patterns.iter().collect();
        patterns.sort();
        patterns.dedup();
        let mut shared = Vec::new();
        let encoded: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| {
                let re = super::super::Regex::compiled(p).expect("the crate's own pattern");
                encode(&re.nfa, &mut shared)
            })
            .collect();
        let mut out = vec![VERSION];
        int(&mut out, shared.len());
        for s in &shared {
            bits(&mut out, s);
        }
        int(&mut out, patterns.len());
        for (p, e) in patterns.iter().zip(&encoded) {
            bytes(&mut out, p.as_bytes());
            bytes(&mut out, e);
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/regex/automata.bin");

    /// The table is what the compiler makes of the crate's patterns now; with
    /// `POLICYLENS_WRITE_AUTOMATA=1` this writes it.
    #[test]
    fn stored_automata_are_the_crate_patterns_compiled_now() {
        let made = write::table(&crate::pattern::compiled_sources());
        if std::env::var_os("POLICYLENS_WRITE_AUTOMATA").is_some() {
            std::fs::write(TABLE, &made).expect("src/regex/automata.bin written");
            return;
        }
        assert!(
            made == AUTOMATA,
            "src/regex/automata.bin is not the crate's patterns as compiled now \
             ({} bytes, {} made): write it with POLICYLENS_WRITE_AUTOMATA=1 cargo test --lib stored",
            AUTOMATA.len(),
            made.len()
        );
    }

    /// Every pattern of the crate is in the table, and decodes to exactly what the compiler makes.
    #[test]
    fn stored_automata_decode_to_what_the_compiler_makes() {
        let sources = crate::pattern::compiled_sources();
        assert!(
            sources.len() > 100,
            "the crate's patterns: {}",
            sources.len()
        );
        for p in &sources {
            let (stored, key) = find(p).unwrap_or_else(|| panic!("{p:?} is not in the table"));
            let compiled = super::super::Regex::compiled(p).expect("compiles");
            assert_eq!(stored, compiled.nfa, "{p:?}");
            assert_eq!(key, p);
        }
        assert!(find("not (a pattern) of the crate").is_none());
    }

    /// A cut or damaged encoding is `None`, never a panic or an NFA that points outside itself.
    #[test]
    fn damaged_encodings_are_refused() {
        let sources = crate::pattern::compiled_sources();
        let t = table();
        let mut next = 0x9e37_79b9_7f4a_7c15u64;
        for p in sources.iter().step_by(7) {
            let i = t
                .entries
                .binary_search_by(|(k, _)| (*k).cmp(p.as_bytes()))
                .expect("stored");
            let f = t.entries[i].1;
            for cut in 0..f.len() {
                assert!(decode(&f[..cut], &t.sets).is_none(), "{p:?} cut at {cut}");
            }
            for _ in 0..200 {
                next ^= next << 13;
                next ^= next >> 7;
                next ^= next << 17;
                let mut bad = f.to_vec();
                let at = (next % bad.len() as u64) as usize;
                bad[at] ^= (next >> 32) as u8 | 1;
                if let Some(nfa) = decode(&bad, &t.sets) {
                    let len = nfa.insts.len() as u32;
                    for inst in &nfa.insts {
                        match *inst {
                            Inst::Byte { set, next } => {
                                assert!((set as usize) < nfa.sets.len() && next < len)
                            }
                            Inst::Split { first, second } => assert!(first < len && second < len),
                            Inst::Look { next, .. } => assert!(next < len),
                            Inst::Match => {}
                        }
                    }
                }
            }
        }
        assert!(
            read_table(&[VERSION + 1, 0, 0]).is_none(),
            "another version"
        );
        assert!(read_table(&[VERSION, 0, 1, 3, b'a']).is_none(), "cut");
        assert!(read_table(&[VERSION, 0, 0]).is_some(), "empty");
    }
}
