//! The lexer: Scheme source to tokens with spans.
//!
//! Scheme's lexical syntax is small: parentheses, a few prefix marks (`'`,
//! `` ` ``, `,`, `,@`, `#(`, `#u8(`), strings, characters, and *atoms* — runs
//! of characters that are either numbers or identifiers. Whether an atom is a
//! number is decided by the reader ([`crate::reader`]), because Scheme's
//! number syntax (`1/2`, `#x1F`, `-inf.0`, `1e3`) overlaps with identifiers
//! (`-`, `...`, `1+`) in ways a regular expression states badly.

use logos::{Lexer, Logos};
use workbench_framework::span::{FileId, Span};

/// Skips a nested `#| ... |#` block comment; false if it never closes.
fn block_comment(lex: &mut Lexer<Token>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut depth = 1;
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == b'|' && rest.get(i + 1) == Some(&b'#') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                lex.bump(i);
                return true;
            }
        } else if rest[i] == b'#' && rest.get(i + 1) == Some(&b'|') {
            depth += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// A token. Comments and whitespace never reach the reader, except `#;`,
/// which comments out the next datum and so needs the reader.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r\n\f]+")]
#[logos(skip r";[^\n]*")]
pub enum Token {
    /// `(` or `[`.
    #[token("(")]
    #[token("[")]
    Open,
    /// `)` or `]`.
    #[token(")")]
    #[token("]")]
    Close,
    /// `#(`: a vector.
    #[token("#(")]
    VectorOpen,
    /// `#u8(`: a bytevector.
    #[token("#u8(")]
    BytesOpen,
    /// `'`
    #[token("'")]
    Quote,
    /// `` ` ``
    #[token("`")]
    Quasiquote,
    /// `,`
    #[token(",")]
    Unquote,
    /// `,@`
    #[token(",@")]
    UnquoteSplicing,
    /// `#;`: the next datum is a comment.
    #[token("#;")]
    DatumComment,
    /// `#|`: a block comment (skipped by its callback).
    #[token("#|", block_comment)]
    BlockComment,
    /// `#t`, `#true`, `#f`, `#false`.
    #[regex(r"#(t|f|true|false)")]
    Boolean,
    /// `#\a`, `#\space`, `#\x41`.
    #[regex(r"#\\(.|[a-zA-Z][a-zA-Z0-9]*)")]
    Char,
    /// A string literal, escapes still in it.
    #[regex(r#""([^"\\]|\\(.|\n))*""#)]
    Str,
    /// `|an identifier with spaces|`
    #[regex(r"\|[^|]*\|")]
    BarSymbol,
    /// A number or an identifier (also `#x1F`, `#e1.5`).
    #[regex(r#"[^ \t\r\n\f()\[\]";'`,|#][^ \t\r\n\f()\[\]";'`,|]*"#)]
    #[regex(r#"#[xXbBoOdDeEiI][^ \t\r\n\f()\[\]";'`,|]*"#)]
    Atom,
}

/// A lexing error: text no rule matches, with its span.
#[derive(Clone, Copy, Debug)]
pub struct LexError(pub Span);

/// Lexes a whole input into tokens with their spans.
pub fn lex(file: FileId, source: &str) -> Result<Vec<(Token, Span)>, LexError> {
    let mut lexer = Token::lexer(source);
    let mut tokens = Vec::new();
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(file, range.start, range.end);
        match result {
            Ok(Token::BlockComment) => {}
            Ok(token) => tokens.push((token, span)),
            Err(()) => return Err(LexError(span)),
        }
    }
    Ok(tokens)
}
