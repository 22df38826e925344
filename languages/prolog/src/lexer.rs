//! Prolog tokens, over [`logos`].
//!
//! Prolog's lexical level has three context-sensitive corners that a plain
//! regular lexer cannot decide alone, so the token list carries what the
//! reader needs to decide them:
//! - `foo(` is a compound only when no layout separates the name from the
//!   parenthesis, so every token records whether layout preceded it;
//! - `.` ends a clause only when layout, `%` or the end of input follows it;
//! - quoted atoms, strings and `0'c` character codes have escapes, scanned by
//!   hand in logos callbacks.

use logos::{Lexer, Logos};
use workbench_framework::span::{FileId, Span};

/// A Prolog token.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(skip r"[ \t\r\n\f]+")]
#[logos(skip r"%[^\n]*")]
pub enum Tok {
    /// A variable: `X`, `_Foo`, `_`.
    #[regex(r"[_A-Z][A-Za-z0-9_]*", |l| l.slice().to_string())]
    Var(String),
    /// A letter atom: `foo`, `nil`.
    #[regex(r"[a-z][A-Za-z0-9_]*", |l| l.slice().to_string())]
    Name(String),
    /// A symbol-char atom: `+`, `=..`, `:-` (the reader turns a lone `.` before layout into [`Tok::End`]).
    #[regex(r"[+\-*/\\^<>=~:.?@#&$]+", |l| l.slice().to_string())]
    Symbol(String),
    /// A quoted atom `'...'`, unescaped.
    #[token("'", |l| quoted(l, '\''))]
    Quoted(String),
    /// A double-quoted string, unescaped (a code list under double_quotes=codes).
    #[token("\"", |l| quoted(l, '"'))]
    Str(String),
    /// A back-quoted string (a code list).
    #[token("`", |l| quoted(l, '`'))]
    BackQuoted(String),
    /// A decimal, `0x`, `0o`, `0b` or `0'c` integer, as text of its value.
    #[regex(r"[0-9][0-9_]*", |l| digits(l))]
    #[regex(r"0x[0-9a-fA-F]+", |l| radix(l.slice(), 16))]
    #[regex(r"0o[0-7]+", |l| radix(l.slice(), 8))]
    #[regex(r"0b[01]+", |l| radix(l.slice(), 2))]
    Int(String),
    /// A float: `1.5`, `2.0e10`, `1e5`.
    #[regex(r"[0-9]+\.[0-9]+([eE][+-]?[0-9]+)?", |l| l.slice().parse::<f64>().ok())]
    #[regex(r"[0-9]+[eE][+-]?[0-9]+", |l| l.slice().parse::<f64>().ok())]
    #[regex(r"[0-9]+\.[0-9]+Inf", |_| Some(f64::INFINITY))]
    #[regex(r"[0-9]+\.[0-9]+NaN", |_| Some(f64::NAN))]
    Float(f64),
    /// `!`
    #[token("!")]
    Cut,
    /// `;`
    #[token(";")]
    Semi,
    /// `,`
    #[token(",")]
    Comma,
    /// `|`
    #[token("|")]
    Bar,
    /// `(`
    #[token("(")]
    Open,
    /// `)`
    #[token(")")]
    Close,
    /// `[`
    #[token("[")]
    OpenList,
    /// `]`
    #[token("]")]
    CloseList,
    /// `{`
    #[token("{")]
    OpenCurly,
    /// `}`
    #[token("}")]
    CloseCurly,
    /// The end of a clause: `.` followed by layout, `%` or the end of input.
    End,
}

/// Reads one escape sequence after a backslash; returns the character and the bytes used.
/// `None` for `\` + newline (a continuation) as `Some(None)`; an invalid escape is `None`.
fn escape(rest: &str) -> Option<(Option<char>, usize)> {
    let mut chars = rest.chars();
    let c = chars.next()?;
    let simple = match c {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'v' => Some('\x0b'),
        '0'..='7' | 'x' => None,
        'e' => Some('\x1b'),
        's' => Some(' '),
        'z' => return None,
        '\\' | '\'' | '"' | '`' => Some(c),
        '\n' => return Some((None, 1)),
        _ => return None,
    };
    if let Some(ch) = simple {
        return Some((Some(ch), c.len_utf8()));
    }
    // Octal `\123\` or hex `\x41\`: digits then a closing backslash.
    let (start, radix) = if c == 'x' { (1, 16) } else { (0, 8) };
    let body = &rest[start..];
    let end = body.find(|ch: char| !ch.is_digit(radix)).unwrap_or(body.len());
    let code = u32::from_str_radix(&body[..end], radix).ok()?;
    let mut used = start + end;
    if body[end..].starts_with('\\') {
        used += 1;
    }
    Some((Some(char::from_u32(code)?), used))
}

/// Scans a quoted item up to its closing `q` (a doubled `q` stands for itself).
fn quoted(lex: &mut Lexer<Tok>, q: char) -> Option<String> {
    let rest = lex.remainder();
    let mut out = String::new();
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i..].chars().next()?;
        if c == q {
            if rest[i + 1..].starts_with(q) {
                out.push(q);
                i += 2;
                continue;
            }
            lex.bump(i + 1);
            return Some(out);
        }
        if c == '\\' {
            let (ch, used) = escape(&rest[i + 1..])?;
            if let Some(ch) = ch {
                out.push(ch);
            }
            i += 1 + used;
            continue;
        }
        if c == '\n' && q != '`' {
            // ISO forbids a raw newline inside a quoted item.
            return None;
        }
        out.push(c);
        i += c.len_utf8();
    }
    None
}

/// A decimal integer, or `0'c` (the code of a character).
fn digits(lex: &mut Lexer<Tok>) -> Option<String> {
    let text = lex.slice();
    if text == "0" && lex.remainder().starts_with('\'') {
        let rest = &lex.remainder()[1..];
        let c = rest.chars().next()?;
        let (code, used) = match c {
            '\\' => {
                let (ch, used) = escape(&rest[1..])?;
                (ch? as u32, 1 + used)
            }
            // `0'''` is the quote's code (ISO); SWI also reads `0''` that way.
            '\'' if rest[1..].starts_with('\'') => (39, 2),
            _ => (c as u32, c.len_utf8()),
        };
        lex.bump(1 + used);
        return Some(code.to_string());
    }
    Some(text.replace('_', ""))
}

fn radix(text: &str, radix: u32) -> Option<String> {
    let n = num_bigint::BigInt::parse_bytes(&text.as_bytes()[2..], radix)?;
    Some(n.to_string())
}

/// A token with its span and whether layout (or a comment) came right before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Where it is.
    pub span: Span,
    /// Layout preceded it (so `foo (` is not a call and `- 1` is not a negative number).
    pub layout_before: bool,
}

/// Lexes a whole source text. An unreadable character or an unterminated
/// quoted item is an error at its offset.
pub fn lex(file: FileId, source: &str) -> Result<Vec<Token>, (Span, String)> {
    let mut tokens = Vec::new();
    let mut last_end = 0usize;
    let mut offset = 0usize;
    // Block comments are cut out here: `/*` may start inside a run of symbol
    // characters, which logos would otherwise lex as one atom.
    'restart: loop {
        let mut lexer = Tok::lexer(&source[offset..]);
        while let Some(result) = lexer.next() {
            let range = lexer.span();
            let (start, end) = (range.start + offset, range.end + offset);
            if let Ok(Tok::Symbol(s)) = &result {
                if let Some(j) = s.find("/*") {
                    let comment = start + j;
                    if j > 0 {
                        tokens.push(Token {
                            tok: Tok::Symbol(s[..j].to_string()),
                            span: Span::new(file, start, comment),
                            layout_before: start > last_end || start == 0,
                        });
                    }
                    offset = match source[comment + 2..].find("*/") {
                        Some(k) => comment + 2 + k + 2,
                        None => {
                            return Err((
                                Span::new(file, comment, comment + 2),
                                "unterminated block comment".into(),
                            ))
                        }
                    };
                    last_end = usize::MAX;
                    continue 'restart;
                }
            }
            let span = Span::new(file, start, end);
            let tok = match result {
                Ok(t) => t,
                Err(()) => {
                    let what = match source[start..].chars().next() {
                        Some('\'') | Some('"') | Some('`') => "unterminated quoted item or bad escape".to_string(),
                        Some(c) => format!("illegal character `{c}`"),
                        None => "unexpected end of file".to_string(),
                    };
                    return Err((span, what));
                }
            };
            let layout_before = last_end == usize::MAX || start > last_end || start == 0;
            last_end = end;
            let ends_clause = |at: usize| {
                source[at..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '%')
            };
            match tok {
                Tok::Symbol(s) if s == "." && ends_clause(end) => tokens.push(Token {
                    tok: Tok::End,
                    span,
                    layout_before,
                }),
                tok => tokens.push(Token {
                    tok,
                    span,
                    layout_before,
                }),
            }
        }
        return Ok(tokens);
    }
}
