//! The lexer: bf source to command tokens.
//!
//! bf has eight one-character commands; every other character is a comment.
//! That is one [`logos`] enum with eight `#[token]`s and one `skip` rule for
//! "anything else", so the same tool that lexes calc lexes bf, and a student
//! can compare the two. There is nothing to reject at this level: any text
//! is a sequence of bf tokens.

use logos::Logos;
use workbench_framework::span::{FileId, Span};

/// A bf command. Everything that is not one of these eight characters is a
/// comment and never reaches the parser.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[^+\-<>.,\[\]]+")]
pub enum Token {
    /// `+`: add one to the current cell.
    #[token("+")]
    Plus,
    /// `-`: subtract one from the current cell.
    #[token("-")]
    Minus,
    /// `>`: move the pointer one cell right.
    #[token(">")]
    Right,
    /// `<`: move the pointer one cell left.
    #[token("<")]
    Left,
    /// `.`: write the current cell as a byte.
    #[token(".")]
    Output,
    /// `,`: read a byte into the current cell.
    #[token(",")]
    Input,
    /// `[`: skip past the matching `]` if the current cell is zero.
    #[token("[")]
    Open,
    /// `]`: go back to the matching `[`.
    #[token("]")]
    Close,
}

/// Lexes a whole input into tokens with their spans. Never fails: logos can
/// only report an error for text no rule matches, and the skip rule matches
/// everything the eight tokens do not.
pub fn lex(file: FileId, source: &str) -> Vec<(Token, Span)> {
    let mut lexer = Token::lexer(source);
    let mut tokens = Vec::new();
    while let Some(result) = lexer.next() {
        if let Ok(token) = result {
            let range = lexer.span();
            tokens.push((token, Span::new(file, range.start, range.end)));
        }
    }
    tokens
}

/// For the REPL: false while a `[` is still open, so that a loop can be typed
/// over several lines. Too many `]` counts as complete (the parser reports it).
pub fn input_complete(source: &str) -> bool {
    let mut depth = 0i64;
    for token in Token::lexer(source).flatten() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}
