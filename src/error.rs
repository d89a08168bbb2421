//! The one error type: input that is not text to analyze at all.

use std::fmt;

/// Why a page could not be analyzed. Text that is merely not a privacy
/// policy is not an error: the report says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// The page has no text (empty or only white space).
    Empty,
    /// The input is binary data (NUL bytes or many control characters), not text.
    NotText,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::Empty => "the page has no text to read",
            Error::NotText => "the input is binary data, not text",
        })
    }
}

impl std::error::Error for Error {}
