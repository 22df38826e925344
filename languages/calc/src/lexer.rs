//! The lexer: source text to tokens, with every mistake turned into a diagnostic.
//!
//! calc's tokens are described declaratively with [`logos`]: one attribute per
//! token, and logos generates a single state machine from all of them. The
//! parser ([`crate::parser`]) never sees text, only the [`Token`]s and byte
//! offsets produced here.
//!
//! The lexer also guards the rest of the front end. It runs over the *whole*
//! input before parsing starts, and it counts bracket nesting as it goes: a
//! program opening more than [`MAX_NESTING`] brackets is refused here, before
//! any recursive pass (the compiler, or simply dropping a deep tree) could
//! overflow the native stack. The AST keeps its own height limit for
//! operator chains that need no brackets (see [`crate::ast::MAX_HEIGHT`]).

use logos::{Lexer, Logos};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// Deepest bracket nesting (`(`, `{` together) a program may use.
pub const MAX_NESTING: usize = 200;

/// A token with its byte range, in the shape lalrpop's external-lexer interface wants.
pub type Spanned<'s> = (usize, Token<'s>, usize);

/// What can go wrong inside one token. The span comes from the lexer.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LexError {
    /// A character that starts no token (logos reports this as the default error).
    #[default]
    UnexpectedChar,
    /// A `"` with no closing `"` before the end of the input.
    UnterminatedString,
    /// A backslash escape calc does not know; `offset` is the backslash's byte offset.
    BadEscape {
        /// Byte offset of the backslash in the source.
        offset: usize,
        /// The character after the backslash.
        escape: char,
    },
}

/// calc's tokens. Keywords win over identifiers because logos prefers a
/// `token` over a `regex` of the same length.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\r\n\f]+")]
#[logos(skip r"//[^\n]*")]
pub enum Token<'s> {
    // ---- keywords ----
    /// `let`
    #[token("let")]
    Let,
    /// `fn`
    #[token("fn")]
    Fn,
    /// `if`
    #[token("if")]
    If,
    /// `else`
    #[token("else")]
    Else,
    /// `while`
    #[token("while")]
    While,
    /// `break`
    #[token("break")]
    Break,
    /// `continue`
    #[token("continue")]
    Continue,
    /// `return`
    #[token("return")]
    Return,
    /// `try`
    #[token("try")]
    Try,
    /// `catch`
    #[token("catch")]
    Catch,
    /// `raise`
    #[token("raise")]
    Raise,
    /// `true`
    #[token("true")]
    True,
    /// `false`
    #[token("false")]
    False,
    /// `nil`
    #[token("nil")]
    Nil,
    /// `and`
    #[token("and")]
    And,
    /// `or`
    #[token("or")]
    Or,
    /// `not`
    #[token("not")]
    Not,

    // ---- literals and names ----
    /// A name: `fib`, `_tmp2`.
    #[regex("[A-Za-z_][A-Za-z0-9_]*", |lex| lex.slice())]
    Ident(&'s str),
    /// Decimal digits; the compiler decides between `Int` and `BigInt` constants.
    #[regex("[0-9]+", |lex| lex.slice())]
    Int(&'s str),
    /// `1.5`, `2e10`, `1.0e-3`, as written (the parser converts it; too
    /// large a literal becomes infinity, as in Python).
    #[regex(r"[0-9]+\.[0-9]+([eE][+-]?[0-9]+)?", |lex| lex.slice())]
    #[regex(r"[0-9]+[eE][+-]?[0-9]+", |lex| lex.slice())]
    Float(&'s str),
    /// A string literal, escapes already decoded.
    #[token("\"", string)]
    Str(String),

    // ---- punctuation ----
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
    /// `,`
    #[token(",")]
    Comma,
    /// `;`
    #[token(";")]
    Semi,
    /// `=`
    #[token("=")]
    Assign,
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
    /// `~/`: floor division (Python's `//`). calc spells it as Dart does,
    /// because `//` already starts a comment.
    #[token("~/")]
    TildeSlash,
    /// `%`
    #[token("%")]
    Percent,
    /// `**`
    #[token("**")]
    StarStar,
}

/// Scans a string literal after its opening quote, decoding escapes.
fn string<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<String, LexError> {
    let rest = lex.remainder();
    let base = lex.span().end;
    let mut out = String::new();
    let mut error = None;
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                lex.bump(i + 1);
                return match error {
                    Some(e) => Err(e),
                    None => Ok(out),
                };
            }
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, '"')) => out.push('"'),
                Some((_, escape)) => {
                    error.get_or_insert(LexError::BadEscape {
                        offset: base + i,
                        escape,
                    });
                }
                None => break,
            },
            c => out.push(c),
        }
    }
    lex.bump(rest.len());
    Err(LexError::UnterminatedString)
}

/// How a token is named in messages: ``expected `;` ``.
pub fn describe(token: &Token<'_>) -> String {
    match token {
        Token::Ident(name) => format!("identifier `{name}`"),
        Token::Int(text) | Token::Float(text) => format!("number `{text}`"),
        Token::Str(_) => "a string".to_string(),
        other => format!("`{}`", spelling(other)),
    }
}

/// The source spelling of a fixed token (keywords and punctuation).
pub fn spelling(token: &Token<'_>) -> &'static str {
    match token {
        Token::Let => "let",
        Token::Fn => "fn",
        Token::If => "if",
        Token::Else => "else",
        Token::While => "while",
        Token::Break => "break",
        Token::Continue => "continue",
        Token::Return => "return",
        Token::Try => "try",
        Token::Catch => "catch",
        Token::Raise => "raise",
        Token::True => "true",
        Token::False => "false",
        Token::Nil => "nil",
        Token::And => "and",
        Token::Or => "or",
        Token::Not => "not",
        Token::Ident(_) => "identifier",
        Token::Int(_) | Token::Float(_) => "number",
        Token::Str(_) => "string",
        Token::LParen => "(",
        Token::RParen => ")",
        Token::LBrace => "{",
        Token::RBrace => "}",
        Token::Comma => ",",
        Token::Semi => ";",
        Token::Assign => "=",
        Token::EqEq => "==",
        Token::NotEq => "!=",
        Token::Lt => "<",
        Token::Le => "<=",
        Token::Gt => ">",
        Token::Ge => ">=",
        Token::Plus => "+",
        Token::Minus => "-",
        Token::Star => "*",
        Token::Slash => "/",
        Token::TildeSlash => "~/",
        Token::Percent => "%",
        Token::StarStar => "**",
    }
}

/// Lexes the whole input. Collects every lexical error (up to a handful) so
/// that one run reports them together; refuses nesting beyond [`MAX_NESTING`].
pub fn lex(file: FileId, source: &str) -> Result<Vec<Spanned<'_>>, Vec<Diagnostic>> {
    let mut tokens = Vec::new();
    let mut errors = Vec::new();
    let mut depth = 0usize;
    let mut lexer = Token::lexer(source);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(file, range.start, range.end);
        match result {
            Ok(token) => {
                match token {
                    Token::LParen | Token::LBrace => {
                        depth += 1;
                        if depth > MAX_NESTING {
                            errors.push(
                                Diagnostic::new(
                                    "SyntaxError",
                                    format!("brackets nested more than {MAX_NESTING} deep"),
                                    Some(span),
                                )
                                .with_label("too deeply nested"),
                            );
                            return Err(errors);
                        }
                    }
                    Token::RParen | Token::RBrace => depth = depth.saturating_sub(1),
                    _ => {}
                }
                tokens.push((range.start, token, range.end));
            }
            Err(e) => {
                errors.push(lex_error(file, source, span, e));
                if errors.len() >= 5 {
                    break;
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(tokens)
    } else {
        Err(errors)
    }
}

fn lex_error(file: FileId, source: &str, span: Span, e: LexError) -> Diagnostic {
    match e {
        LexError::UnexpectedChar => {
            let text = source.get(span.start as usize..span.end as usize).unwrap_or("?");
            Diagnostic::new("SyntaxError", format!("unexpected character {text:?}"), Some(span))
                .with_label("calc has no token starting here")
        }
        LexError::UnterminatedString => {
            let start = Span::new(file, span.start as usize, span.start as usize + 1);
            Diagnostic::new("SyntaxError", "unterminated string", Some(start)).with_label("this string is never closed")
        }
        LexError::BadEscape { offset, escape } => {
            let at = Span::new(file, offset, offset + 1 + escape.len_utf8());
            Diagnostic::new("SyntaxError", format!("unknown escape sequence `\\{escape}`"), Some(at))
                .with_label("unknown escape")
                .with_note("calc knows \\n \\t \\r \\\\ and \\\"")
        }
    }
}

/// For the REPL: is `source` finished, or should another line be read?
/// Unfinished means an open bracket or an unterminated string; any other
/// problem counts as finished so that the compiler can report it.
pub fn input_complete(source: &str) -> bool {
    let mut depth = 0i64;
    for result in Token::lexer(source) {
        match result {
            Ok(Token::LParen | Token::LBrace) => depth += 1,
            Ok(Token::RParen | Token::RBrace) => depth -= 1,
            Err(LexError::UnterminatedString) => return false,
            _ => {}
        }
    }
    depth <= 0
}
