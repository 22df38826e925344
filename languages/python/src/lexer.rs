//! The lexer: source text to tokens, with every mistake turned into a diagnostic.
//!
//! Python's lexical structure has two layers, and so does this module:
//!
//! 1. **Tokens** ([`Token`]): keywords, names, numbers, strings, operators,
//!    described declaratively with [`logos`]. Strings are scanned by hand in
//!    `lexer/strings.rs` (prefixes, triple quotes, escapes, and the inside of
//!    f-strings); numbers are checked and converted here.
//! 2. **Layout** (`lexer/layout.rs`): the indentation rules. Python blocks
//!    have no braces; the tokenizer turns line structure into `NEWLINE`,
//!    `INDENT` and `DEDENT` tokens, so that the grammar can treat a block
//!    like a braced block. Newlines inside brackets, blank lines and
//!    comments produce nothing; a backslash at the end of a line joins it
//!    with the next.
//!
//! The whole input is tokenized before parsing starts. That is also where
//! the front end defends itself: brackets nested deeper than
//! [`MAX_NESTING`] and indentation deeper than [`MAX_INDENT`] are refused
//! here (as CPython's tokenizer does), before any recursive pass could
//! overflow the native stack, and unbalanced brackets are reported with
//! CPython's messages ("'(' was never closed"). Each error records whether
//! CPython would find it in its tokenizer or later in its parser (escape
//! sequences, f-strings), because that decides which of several errors is
//! reported.

use logos::{Lexer, Logos};

mod layout;
mod strings;

pub(crate) use layout::{lex, line_of, tokenize_for_repl, tokenize_fstring_expr, Failure, Phase};
pub use layout::{tokenize, MAX_INDENT, MAX_NESTING};
pub use strings::{FField, FPiece, StrLit};

/// A token with its byte range, in the shape lalrpop's external-lexer interface wants.
pub type Spanned<'s> = (usize, Token<'s>, usize);

/// An integer literal's value.
#[derive(Clone, Debug, PartialEq)]
pub enum IntValue {
    /// Fits in `i64`.
    Small(i64),
    /// Does not: decimal digits, whatever base the literal was written in.
    Big(String),
}

/// What can go wrong inside one token. Offsets are absolute (the lexer's
/// `extras` hold the offset of the text being lexed within the source).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LexError {
    /// A character that starts no token (logos reports this as the default error).
    #[default]
    Unexpected,
    /// A string with no closing quote; the token span starts at the string.
    Unterminated {
        /// Triple-quoted (then the input ended inside it).
        triple: bool,
    },
    /// `1j`.
    Complex,
    /// A malformed number: the message, for the whole token.
    BadNumber(&'static str),
    /// A backslash that is the last character of the input.
    ContinuationAtEof,
    /// A backslash followed by something other than a newline.
    Continuation,
    /// A malformed escape sequence or f-string, or a bytes literal: errors
    /// that CPython finds in its parser, when it reaches the string, rather
    /// than in its tokenizer. The message and the absolute byte range.
    InString {
        /// What went wrong.
        message: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// Anything else: the message and the absolute byte range it is about.
    At {
        /// What went wrong.
        message: String,
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
}

/// Python's tokens. Keywords win over names because logos prefers a
/// `token` over a `regex` of the same length. `NEWLINE` is produced by logos
/// for every physical line break; the layout pass keeps only those that end
/// a logical line, and adds `INDENT` and `DEDENT`.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(extras = usize)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip r"#[^\r\n]*")]
#[logos(skip r"\\(\r\n|\n|\r)")]
pub enum Token<'s> {
    // ---- keywords (Python 3.11) ----
    /// `False`
    #[token("False")]
    False,
    /// `None`
    #[token("None")]
    None,
    /// `True`
    #[token("True")]
    True,
    /// `and`
    #[token("and")]
    And,
    /// `as`
    #[token("as")]
    As,
    /// `assert`
    #[token("assert")]
    Assert,
    /// `async` (recognized so it can be refused clearly)
    #[token("async")]
    Async,
    /// `await` (recognized so it can be refused clearly)
    #[token("await")]
    Await,
    /// `break`
    #[token("break")]
    Break,
    /// `class`
    #[token("class")]
    Class,
    /// `continue`
    #[token("continue")]
    Continue,
    /// `def`
    #[token("def")]
    Def,
    /// `del`
    #[token("del")]
    Del,
    /// `elif`
    #[token("elif")]
    Elif,
    /// `else`
    #[token("else")]
    Else,
    /// `except`
    #[token("except")]
    Except,
    /// `finally`
    #[token("finally")]
    Finally,
    /// `for`
    #[token("for")]
    For,
    /// `from`
    #[token("from")]
    From,
    /// `global`
    #[token("global")]
    Global,
    /// `if`
    #[token("if")]
    If,
    /// `import`
    #[token("import")]
    Import,
    /// `in`
    #[token("in")]
    In,
    /// `is`
    #[token("is")]
    Is,
    /// `lambda`
    #[token("lambda")]
    Lambda,
    /// `nonlocal`
    #[token("nonlocal")]
    Nonlocal,
    /// `not`
    #[token("not")]
    Not,
    /// `or`
    #[token("or")]
    Or,
    /// `pass`
    #[token("pass")]
    Pass,
    /// `raise`
    #[token("raise")]
    Raise,
    /// `return`
    #[token("return")]
    Return,
    /// `try`
    #[token("try")]
    Try,
    /// `while`
    #[token("while")]
    While,
    /// `with`
    #[token("with")]
    With,
    /// `yield`
    #[token("yield")]
    Yield,

    // ---- names and literals ----
    /// A name: `x`, `_tmp2`, `élan`. (`match`, `case` and `_` are names too.)
    #[regex(r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*", name)]
    Name(&'s str),
    /// An integer: `42`, `1_000`, `0xff`, `0o17`, `0b101`.
    #[regex("[0-9][0-9_]*", |lex| int(lex, 10, 0))]
    #[regex("0[xX][0-9a-fA-F_]*", |lex| int(lex, 16, 2))]
    #[regex("0[oO][0-9_]*", |lex| int(lex, 8, 2))]
    #[regex("0[bB][0-9_]*", |lex| int(lex, 2, 2))]
    Int(IntValue),
    /// A float: `1.5`, `1.`, `.5`, `1e-3`, `1_0.0_1`.
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]+)?", float)]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?", float)]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9_]+", float)]
    #[regex(r"[0-9][0-9_]*[jJ]", imaginary)]
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]+)?[jJ]", imaginary)]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?[jJ]", imaginary)]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9_]+[jJ]", imaginary)]
    Float(f64),
    /// A string or f-string literal, with any prefix (`r`, `f`, `rf`, `u`; `b` is refused).
    #[regex(r#"[rRuUbBfF]?['"]"#, strings::string)]
    #[regex(r#"([rR][bBfF]|[bBfF][rR])['"]"#, strings::string)]
    Str(StrLit),

    // ---- operators ----
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `**`
    #[token("**")]
    StarStar,
    /// `/`
    #[token("/")]
    Slash,
    /// `//`
    #[token("//")]
    SlashSlash,
    /// `%`
    #[token("%")]
    Percent,
    /// `@` (decorators and matrix multiplication)
    #[token("@")]
    At,
    /// `<<`
    #[token("<<")]
    LShift,
    /// `>>`
    #[token(">>")]
    RShift,
    /// `&`
    #[token("&")]
    Amp,
    /// `|`
    #[token("|")]
    Pipe,
    /// `^`
    #[token("^")]
    Caret,
    /// `~`
    #[token("~")]
    Tilde,
    /// `:=`
    #[token(":=")]
    ColonEq,
    /// `<`
    #[token("<")]
    Lt,
    /// `>`
    #[token(">")]
    Gt,
    /// `<=`
    #[token("<=")]
    Le,
    /// `>=`
    #[token(">=")]
    Ge,
    /// `==`
    #[token("==")]
    EqEq,
    /// `!=`
    #[token("!=")]
    NotEq,

    // ---- delimiters ----
    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `[`
    #[token("[")]
    LBracket,
    /// `]`
    #[token("]")]
    RBracket,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `,`
    #[token(",")]
    Comma,
    /// `:`
    #[token(":")]
    Colon,
    /// `.`
    #[token(".")]
    Dot,
    /// `...`
    #[token("...")]
    Ellipsis,
    /// `;`
    #[token(";")]
    Semi,
    /// `=`
    #[token("=")]
    Eq,
    /// `->`
    #[token("->")]
    Arrow,
    /// `+=`
    #[token("+=")]
    PlusEq,
    /// `-=`
    #[token("-=")]
    MinusEq,
    /// `*=`
    #[token("*=")]
    StarEq,
    /// `/=`
    #[token("/=")]
    SlashEq,
    /// `//=`
    #[token("//=")]
    SlashSlashEq,
    /// `%=`
    #[token("%=")]
    PercentEq,
    /// `@=`
    #[token("@=")]
    AtEq,
    /// `&=`
    #[token("&=")]
    AmpEq,
    /// `|=`
    #[token("|=")]
    PipeEq,
    /// `^=`
    #[token("^=")]
    CaretEq,
    /// `>>=`
    #[token(">>=")]
    RShiftEq,
    /// `<<=`
    #[token("<<=")]
    LShiftEq,
    /// `**=`
    #[token("**=")]
    StarStarEq,
    /// A backslash not followed by a line break: always an error.
    #[token("\\", continuation)]
    Backslash,

    // ---- layout ----
    /// The end of a logical line (logos yields every physical line break;
    /// the layout pass keeps the ones that matter).
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// The start of a more deeply indented block (made by the layout pass).
    Indent,
    /// The end of an indented block (made by the layout pass).
    Dedent,
}

/// Checks a name: Python identifiers are `XID_Start XID_Continue*` (plus
/// `_`). The regex admits any non-ASCII character so that a stray `€` or
/// non-breaking space gets CPython's precise message.
fn name<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<&'s str, LexError> {
    let text = lex.slice();
    let start = lex.extras + lex.span().start;
    for (i, c) in text.char_indices() {
        let ok = if i == 0 {
            c == '_' || unicode_ident::is_xid_start(c)
        } else {
            unicode_ident::is_xid_continue(c)
        };
        if !ok {
            return Err(LexError::At {
                message: bad_char_message(c),
                start: start + i,
                end: start + i + c.len_utf8(),
            });
        }
    }
    Ok(text)
}

/// CPython's message for a character that cannot appear in source.
pub(crate) fn bad_char_message(c: char) -> String {
    let printable = !c.is_control() && !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}');
    if c == '\0' {
        "source code cannot contain null bytes".to_string()
    } else if !printable {
        format!("invalid non-printable character U+{:04X}", c as u32)
    } else {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    }
}

fn continuation<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<(), LexError> {
    if lex.remainder().is_empty() {
        Err(LexError::ContinuationAtEof)
    } else {
        Err(LexError::Continuation)
    }
}

/// Checks that every `_` in `digits` sits between two digits (`1_000`, not `1__0` or `1_`).
fn underscores_ok(digits: &str) -> bool {
    !digits.starts_with('_') && !digits.ends_with('_') && !digits.contains("__")
}

/// CPython's `verify_end_of_number`: a number may not run into a name
/// (`1abc`, `0x1g`), except into the keywords that can follow a number in
/// valid code (`1if x else 2`, `[0x1for x in y]`), which CPython accepts
/// with a warning.
fn end_of_number<'s>(lex: &Lexer<'s, Token<'s>>, message: &'static str) -> Result<(), LexError> {
    let rest = lex.remainder();
    let Some(c) = rest.chars().next() else {
        return Ok(());
    };
    let keyword = ["and", "else", "for", "if", "in", "is", "or", "not"]
        .iter()
        .any(|k| rest.starts_with(k));
    if !keyword && (c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()) {
        return Err(LexError::BadNumber(message));
    }
    Ok(())
}

/// An integer literal in `radix`, after a prefix of `skip` bytes (`0x`).
fn int<'s>(lex: &mut Lexer<'s, Token<'s>>, radix: u32, skip: usize) -> Result<IntValue, LexError> {
    let text = lex.slice();
    let digits = &text[skip..];
    let (kind, name) = match radix {
        16 => ("invalid hexadecimal literal", "hexadecimal"),
        8 => ("invalid octal literal", "octal"),
        2 => ("invalid binary literal", "binary"),
        _ => ("invalid decimal literal", "decimal"),
    };
    // `0x_ff` is fine: one underscore may follow the prefix.
    let body = if skip > 0 {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    if body.is_empty() || !underscores_ok(body) {
        return Err(LexError::BadNumber(kind));
    }
    if let Some(bad) = body.chars().find(|c| *c != '_' && !c.is_digit(radix)) {
        let start = lex.extras + lex.span().start + skip + body.find(bad).unwrap_or(0);
        return Err(LexError::At {
            message: format!("invalid digit '{bad}' in {name} literal"),
            start,
            end: start + 1,
        });
    }
    end_of_number(lex, kind)?;
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    if radix == 10 && clean.len() > 1 && clean.starts_with('0') {
        if clean.bytes().all(|b| b == b'0') {
            return Ok(IntValue::Small(0));
        }
        return Err(LexError::BadNumber(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        ));
    }
    Ok(match i64::from_str_radix(&clean, radix) {
        Ok(v) => IntValue::Small(v),
        Err(_) => IntValue::Big(to_decimal(&clean, radix)),
    })
}

/// Converts digits in `radix` (2 to 16, validated) to decimal digits, by
/// schoolbook arithmetic on base-10⁹ limbs (least significant first).
fn to_decimal(digits: &str, radix: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % LIMB;
            carry = v / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    out
}

/// A float literal. The regexes admit only float syntax apart from the
/// placement of underscores, which is checked here.
fn float<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<f64, LexError> {
    let text = lex.slice();
    let ok = text
        .split(['.', 'e', 'E', '+', '-'])
        .all(|part| part.is_empty() || underscores_ok(part));
    if !ok {
        return Err(LexError::BadNumber("invalid decimal literal"));
    }
    end_of_number(lex, "invalid decimal literal")?;
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    clean
        .parse()
        .map_err(|_| LexError::BadNumber("invalid decimal literal"))
}

/// An imaginary literal (`1j`, `2.5e3J`): the workbench has no complex numbers.
fn imaginary<'s>(_: &mut Lexer<'s, Token<'s>>) -> Result<f64, LexError> {
    Err(LexError::Complex)
}

/// How a token is named in messages: "'('", "name 'x'", "a string".
pub fn describe(token: &Token<'_>) -> String {
    match token {
        Token::Name(name) => format!("name '{name}'"),
        Token::Int(_) | Token::Float(_) => "a number".to_string(),
        Token::Str(_) => "a string".to_string(),
        Token::Newline => "the end of the line".to_string(),
        Token::Indent => "an indent".to_string(),
        Token::Dedent => "a dedent".to_string(),
        other => format!("'{}'", spelling(other)),
    }
}

/// The source spelling of a token (for names, numbers and strings, what kind it is).
pub fn spelling(token: &Token<'_>) -> &'static str {
    match token {
        Token::False => "False",
        Token::None => "None",
        Token::True => "True",
        Token::And => "and",
        Token::As => "as",
        Token::Assert => "assert",
        Token::Async => "async",
        Token::Await => "await",
        Token::Break => "break",
        Token::Class => "class",
        Token::Continue => "continue",
        Token::Def => "def",
        Token::Del => "del",
        Token::Elif => "elif",
        Token::Else => "else",
        Token::Except => "except",
        Token::Finally => "finally",
        Token::For => "for",
        Token::From => "from",
        Token::Global => "global",
        Token::If => "if",
        Token::Import => "import",
        Token::In => "in",
        Token::Is => "is",
        Token::Lambda => "lambda",
        Token::Nonlocal => "nonlocal",
        Token::Not => "not",
        Token::Or => "or",
        Token::Pass => "pass",
        Token::Raise => "raise",
        Token::Return => "return",
        Token::Try => "try",
        Token::While => "while",
        Token::With => "with",
        Token::Yield => "yield",
        Token::Name(_) => "name",
        Token::Int(_) | Token::Float(_) => "number",
        Token::Str(_) => "string",
        Token::Plus => "+",
        Token::Minus => "-",
        Token::Star => "*",
        Token::StarStar => "**",
        Token::Slash => "/",
        Token::SlashSlash => "//",
        Token::Percent => "%",
        Token::At => "@",
        Token::LShift => "<<",
        Token::RShift => ">>",
        Token::Amp => "&",
        Token::Pipe => "|",
        Token::Caret => "^",
        Token::Tilde => "~",
        Token::ColonEq => ":=",
        Token::Lt => "<",
        Token::Gt => ">",
        Token::Le => "<=",
        Token::Ge => ">=",
        Token::EqEq => "==",
        Token::NotEq => "!=",
        Token::LParen => "(",
        Token::RParen => ")",
        Token::LBracket => "[",
        Token::RBracket => "]",
        Token::LBrace => "{",
        Token::RBrace => "}",
        Token::Comma => ",",
        Token::Colon => ":",
        Token::Dot => ".",
        Token::Ellipsis => "...",
        Token::Semi => ";",
        Token::Eq => "=",
        Token::Arrow => "->",
        Token::PlusEq => "+=",
        Token::MinusEq => "-=",
        Token::StarEq => "*=",
        Token::SlashEq => "/=",
        Token::SlashSlashEq => "//=",
        Token::PercentEq => "%=",
        Token::AtEq => "@=",
        Token::AmpEq => "&=",
        Token::PipeEq => "|=",
        Token::CaretEq => "^=",
        Token::RShiftEq => ">>=",
        Token::LShiftEq => "<<=",
        Token::StarStarEq => "**=",
        Token::Backslash => "\\",
        Token::Newline => "NEWLINE",
        Token::Indent => "INDENT",
        Token::Dedent => "DEDENT",
    }
}
