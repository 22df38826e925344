//! The lexer: source text to tokens.
//!
//! Tokens are declared with [`logos`]: one attribute per token, and logos
//! builds one state machine from all of them. The parser never sees text,
//! only these tokens and their byte offsets. Keywords win over identifiers
//! because logos prefers a `#[token]` over a `#[regex]` of the same length.
//!
//! **To add a token** (an operator, a keyword): add a variant here, give it a
//! spelling in [`describe`], and name it in the `extern` block of
//! `grammar.lalrpop` so that grammar rules can use it.

use logos::Logos;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// Deepest nesting of `(` and `{` a program may use. The passes after the
/// parser are recursive; this limit (with the tree height limit in
/// [`crate::ast`]) keeps every input from overflowing the native stack.
pub const MAX_NESTING: usize = 100;

/// A token with its byte range, in the shape lalrpop's external lexer interface wants.
pub type Spanned<'s> = (usize, Token<'s>, usize);

/// The tokens of {{name}}. Spaces, newlines and `#` comments are skipped.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(skip r"[ \t\r\n\f]+")]
#[logos(skip r"#[^\n]*")]
pub enum Token<'s> {
    /// `let`
    #[token("let")]
    Let,
    /// `print`
    #[token("print")]
    Print,
    /// `while`
    #[token("while")]
    While,
    /// A name: `x`, `total_2`.
    #[regex("[A-Za-z_][A-Za-z0-9_]*", |lex| lex.slice())]
    Ident(&'s str),
    /// Decimal digits.
    #[regex("[0-9]+", |lex| lex.slice())]
    Int(&'s str),
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `/`
    #[token("/")]
    Slash,
    /// `==`
    #[token("==")]
    EqEq,
    /// `!=`
    #[token("!=")]
    NotEq,
    /// `<`
    #[token("<")]
    Lt,
    /// `<=`
    #[token("<=")]
    Le,
    /// `>`
    #[token(">")]
    Gt,
    /// `>=`
    #[token(">=")]
    Ge,
    /// `=`
    #[token("=")]
    Assign,
    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `;`
    #[token(";")]
    Semi,
}

/// How a token is named in error messages.
pub fn describe(token: &Token<'_>) -> String {
    let fixed = match token {
        Token::Ident(name) => return format!("name `{name}`"),
        Token::Int(digits) => return format!("number `{digits}`"),
        Token::Let => "let",
        Token::Print => "print",
        Token::While => "while",
        Token::Plus => "+",
        Token::Minus => "-",
        Token::Star => "*",
        Token::Slash => "/",
        Token::EqEq => "==",
        Token::NotEq => "!=",
        Token::Lt => "<",
        Token::Le => "<=",
        Token::Gt => ">",
        Token::Ge => ">=",
        Token::Assign => "=",
        Token::LParen => "(",
        Token::RParen => ")",
        Token::LBrace => "{",
        Token::RBrace => "}",
        Token::Semi => ";",
    };
    format!("`{fixed}`")
}

/// Lexes a whole input, or explains the first character that starts no token.
pub fn lex(file: FileId, source: &str) -> Result<Vec<Spanned<'_>>, Vec<Diagnostic>> {
    let mut tokens = Vec::new();
    let mut depth = 0usize;
    let mut lexer = Token::lexer(source);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(file, range.start, range.end);
        let Ok(token) = result else {
            let text = source.get(range.clone()).unwrap_or("?");
            let d = Diagnostic::new("SyntaxError", format!("unexpected character {text:?}"), Some(span))
                .with_label("no {{name}} token starts here");
            return Err(vec![d]);
        };
        match token {
            Token::LParen | Token::LBrace => {
                depth += 1;
                if depth > MAX_NESTING {
                    let d = Diagnostic::new("SyntaxError", "brackets nested too deeply", Some(span))
                        .with_label(format!("more than {MAX_NESTING} levels deep"));
                    return Err(vec![d]);
                }
            }
            Token::RParen | Token::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
        tokens.push((range.start, token, range.end));
    }
    Ok(tokens)
}

/// For the REPL: false while a `(` or `{` is still open (read another line).
pub fn input_complete(source: &str) -> bool {
    let mut depth = 0i64;
    for token in Token::lexer(source).flatten() {
        match token {
            Token::LParen | Token::LBrace => depth += 1,
            Token::RParen | Token::RBrace => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}
