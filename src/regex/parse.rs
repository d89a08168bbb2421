//! The pattern syntax the crate's tables are written in, parsed into a tree.
//!
//! A subset of the `regex` crate's syntax, read as that crate reads it with
//! Unicode off (`unicode(false)`, `utf8(false)`): patterns match bytes, `\w`,
//! `\s`, `\d` and `\b` are ASCII, a negated class takes every other byte
//! (0x80-0xff too), `.` is any byte but `\n`, `(?i)` folds ASCII letters
//! only. What it reads: literals (a non-ASCII character is its UTF-8 bytes),
//! escapes of punctuation and `\xHH`, classes with ranges and `\w \s \d` (and
//! their negations) inside, `.`, `^`, `$`, `\b`, `\B`, groups (capturing ones
//! are read as plain groups: nothing asks for captures), alternation, the
//! quantifiers `* + ? {n} {n,} {n,m}` and their lazy forms, and the flags
//! `i` and `x` (`u` may be turned off, which it already is). Anything else is
//! an error naming where it is, so a table cannot silently mean something
//! the oracle (`regex-automata`, in the tests) reads otherwise.

use super::ByteSet;

/// A parsed pattern.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
    /// Matches the empty string.
    Empty,
    /// One byte of the set.
    Byte(ByteSet),
    /// A zero-width assertion.
    Look(Look),
    Concat(Vec<Node>),
    /// Alternatives in order of preference.
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        /// `None`: unbounded.
        max: Option<u32>,
        greedy: bool,
    },
}

/// Zero-width assertions, ASCII and over the whole haystack (no multi-line mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Look {
    /// `^`: the start of the haystack.
    Start,
    /// `$`: the end of the haystack.
    End,
    /// `\b`: a word byte (`[0-9A-Za-z_]`) on one side only.
    WordBoundary,
    /// `\B`: word bytes on both sides or neither.
    NotWordBoundary,
}

/// Why a pattern could not be read: the byte offset and what was wrong there.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub what: &'static str,
}

/// Counted repetitions above this are refused: each copy is compiled out.
const MAX_COUNT: u32 = 1000;

#[derive(Clone, Copy, Default)]
struct Flags {
    /// `i`: ASCII letters match either case.
    fold: bool,
    /// `x`: white space and `#` comments are ignored (but for `\ ` and in escapes).
    verbose: bool,
}

struct Parser<'a> {
    p: &'a [u8],
    at: usize,
    flags: Flags,
}

/// Parse `pattern` into a tree.
pub(super) fn parse(pattern: &str) -> Result<Node, SyntaxError> {
    let mut parser = Parser {
        p: pattern.as_bytes(),
        at: 0,
        flags: Flags::default(),
    };
    let node = parser.alternation()?;
    if parser.at < parser.p.len() {
        return Err(parser.error("an unopened ')'"));
    }
    Ok(node)
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError { at: self.at, what }
    }

    fn peek(&self) -> Option<u8> {
        self.p.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let yes = self.peek() == Some(b);
        self.at += usize::from(yes);
        yes
    }

    /// In verbose mode, step over white space and comments.
    fn skip_space(&mut self) {
        if !self.flags.verbose {
            return;
        }
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.at += 1;
            } else if b == b'#' {
                while self.peek().is_some_and(|b| b != b'\n') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Alternatives up to the end of the group (a `)` left unread) or the pattern.
    /// Flags set inside (`(?x)`) hold to the group's end.
    fn alternation(&mut self) -> Result<Node, SyntaxError> {
        let outer = self.flags;
        let mut alts = vec![self.concat()?];
        while self.eat(b'|') {
            alts.push(self.concat()?);
        }
        self.flags = outer;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            let Some(b) = self.peek() else { break };
            let atom = match b {
                b'|' | b')' => break,
                b'(' => match self.group()? {
                    Some(node) => node,
                    None => continue, // a flag group: flags changed, nothing to match
                },
                b'[' => Node::Byte(self.class()?),
                b'.' => {
                    self.at += 1;
                    let mut set = ByteSet::full();
                    set.remove(b'\n');
                    Node::Byte(set)
                }
                b'^' => {
                    self.at += 1;
                    Node::Look(Look::Start)
                }
                b'$' => {
                    self.at += 1;
                    Node::Look(Look::End)
                }
                b'*' | b'+' | b'?' | b'{' => return Err(self.error("a repetition of nothing")),
                b'\\' => self.escape()?,
                _ => {
                    // A character: its bytes (one for ASCII).
                    let len = utf8_len(b);
                    let Some(bytes) = self.p.get(self.at..self.at + len) else {
                        return Err(self.error("a cut character"));
                    };
                    self.at += len;
                    if len == 1 {
                        Node::Byte(self.literal(b))
                    } else {
                        Node::Concat(bytes.iter().map(|&b| Node::Byte(ByteSet::one(b))).collect())
                    }
                }
            };
            let atom = self.repetition(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// A byte as a literal under the current flags.
    fn literal(&self, b: u8) -> ByteSet {
        let mut set = ByteSet::one(b);
        if self.flags.fold {
            set.fold_case();
        }
        set
    }

    /// The quantifier after an atom, if any.
    fn repetition(&mut self, atom: Node) -> Result<Node, SyntaxError> {
        self.skip_space();
        let (min, max) = match self.peek() {
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'?') => (0, Some(1)),
            Some(b'{') => return self.counted(atom),
            _ => return Ok(atom),
        };
        self.at += 1;
        self.finish_repetition(atom, min, max)
    }

    fn finish_repetition(
        &mut self,
        atom: Node,
        min: u32,
        max: Option<u32>,
    ) -> Result<Node, SyntaxError> {
        if matches!(atom, Node::Look(_)) {
            return Err(self.error("a repetition of an assertion"));
        }
        let greedy = !self.eat(b'?');
        self.skip_space();
        if matches!(self.peek(), Some(b'*' | b'+' | b'?')) {
            return Err(self.error("a repetition of a repetition"));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// `{n}`, `{n,}` or `{n,m}`, the `{` next.
    fn counted(&mut self, atom: Node) -> Result<Node, SyntaxError> {
        self.at += 1;
        let min = self.number()?;
        let max = if self.eat(b',') {
            if self.peek() == Some(b'}') {
                None
            } else {
                Some(self.number()?)
            }
        } else {
            Some(min)
        };
        if !self.eat(b'}') {
            return Err(self.error("an unclosed '{'"));
        }
        if max.is_some_and(|m| m < min) {
            return Err(self.error("a count whose maximum is below its minimum"));
        }
        self.finish_repetition(atom, min, max)
    }

    fn number(&mut self) -> Result<u32, SyntaxError> {
        let from = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.p[from..self.at])
            .ok()
            .and_then(|s| s.parse().ok())
            .filter(|&n| n <= MAX_COUNT)
            .ok_or_else(|| self.error("a count that is not a number up to 1000"))
    }

    /// A group, the `(` next: its tree, or `None` for a flag group `(?x)`.
    fn group(&mut self) -> Result<Option<Node>, SyntaxError> {
        self.at += 1;
        let outer = self.flags;
        if self.eat(b'?') {
            let mut on = true;
            loop {
                match self.peek() {
                    Some(b'i') => self.flags.fold = on,
                    Some(b'x') => self.flags.verbose = on,
                    // Unicode is off already; turning it on is not supported.
                    Some(b'u') if !on => {}
                    Some(b'-') if on => on = false,
                    Some(b':') => {
                        self.at += 1;
                        break;
                    }
                    Some(b')') => {
                        // The flags hold to the end of the enclosing group.
                        self.at += 1;
                        return Ok(None);
                    }
                    _ => return Err(self.error("an unsupported group or flag")),
                }
                self.at += 1;
            }
        }
        let node = self.alternation()?;
        if !self.eat(b')') {
            return Err(self.error("an unclosed '('"));
        }
        self.flags = outer;
        Ok(Some(node))
    }

    /// An escape outside a class, the `\` next.
    fn escape(&mut self) -> Result<Node, SyntaxError> {
        match self.p.get(self.at + 1) {
            Some(b'b') => {
                self.at += 2;
                Ok(Node::Look(Look::WordBoundary))
            }
            Some(b'B') => {
                self.at += 2;
                Ok(Node::Look(Look::NotWordBoundary))
            }
            _ => {
                let mut set = self.class_escape()?;
                if self.flags.fold {
                    set.fold_case();
                }
                Ok(Node::Byte(set))
            }
        }
    }

    /// An escape that stands for bytes (`\w`, `\.`, `\x80`), the `\` next
    /// (case folded by the caller).
    fn class_escape(&mut self) -> Result<ByteSet, SyntaxError> {
        let Some(&c) = self.p.get(self.at + 1) else {
            return Err(self.error("a '\\' at the end"));
        };
        self.at += 2;
        let set = match c {
            b'w' => ByteSet::word(),
            b'W' => ByteSet::word().complement(),
            b's' => ByteSet::space(),
            b'S' => ByteSet::space().complement(),
            b'd' => ByteSet::range(b'0', b'9'),
            b'D' => ByteSet::range(b'0', b'9').complement(),
            b'n' => ByteSet::one(b'\n'),
            b't' => ByteSet::one(b'\t'),
            b'r' => ByteSet::one(b'\r'),
            b'f' => ByteSet::one(0x0c),
            b'v' => ByteSet::one(0x0b),
            b'x' => {
                let hex = self.p.get(self.at..self.at + 2).unwrap_or_default();
                let byte = std::str::from_utf8(hex)
                    .ok()
                    .filter(|h| h.len() == 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| self.error("\\x without two hex digits"))?;
                self.at += 2;
                ByteSet::one(byte)
            }
            // As the regex crate: any other ASCII but letters, digits, `<` and `>`
            // (white space too: `\ ` in verbose mode).
            c if c.is_ascii() && !c.is_ascii_alphanumeric() && c != b'<' && c != b'>' => {
                ByteSet::one(c)
            }
            _ => {
                self.at -= 2;
                return Err(self.error("an unsupported escape"));
            }
        };
        Ok(set)
    }

    /// A bracketed class, the `[` next.
    fn class(&mut self) -> Result<ByteSet, SyntaxError> {
        self.at += 1;
        let negated = self.eat(b'^');
        let mut set = ByteSet::empty();
        let mut first = true;
        loop {
            self.skip_space();
            let Some(b) = self.peek() else {
                return Err(self.error("an unclosed '['"));
            };
            if b == b']' && !first {
                self.at += 1;
                break;
            }
            if b == b'[' {
                return Err(self.error("a nested class"));
            }
            first = false;
            let lo = match self.class_item()? {
                Item::Byte(lo) => lo,
                Item::Set(s) => {
                    set.union(&s);
                    continue;
                }
            };
            // A range, unless the '-' is the class's last byte.
            self.skip_space();
            if self.peek() == Some(b'-') && self.p.get(self.at + 1) != Some(&b']') {
                self.at += 1;
                self.skip_space();
                let Item::Byte(hi) = self.class_item()? else {
                    return Err(self.error("a range ending in a class"));
                };
                if hi < lo {
                    return Err(self.error("a range whose end is before its start"));
                }
                set.union(&ByteSet::range(lo, hi));
            } else {
                set.union(&ByteSet::one(lo));
            }
        }
        if self.flags.fold {
            set.fold_case();
        }
        Ok(if negated { set.complement() } else { set })
    }

    fn class_item(&mut self) -> Result<Item, SyntaxError> {
        let b = self.peek().ok_or_else(|| self.error("an unclosed '['"))?;
        if b == b'\\' {
            let set = self.class_escape()?;
            // A single byte may start or end a range.
            return Ok(match set.single() {
                Some(b) => Item::Byte(b),
                None => Item::Set(set),
            });
        }
        if !b.is_ascii() {
            return Err(self.error("a non-ASCII character in a class"));
        }
        self.at += 1;
        Ok(Item::Byte(b))
    }
}

enum Item {
    Byte(u8),
    Set(ByteSet),
}

/// The length of the UTF-8 sequence a byte starts (1 for anything else).
fn utf8_len(b: u8) -> usize {
    match b {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}
