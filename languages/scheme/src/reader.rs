//! The reader: tokens to data (`Syn`), each with its source span.
//!
//! Scheme programs are data, so the reader produces the same tree the
//! program could build with `quote`: lists, vectors, symbols, numbers,
//! strings, characters. Every node keeps its span, which is how an error in
//! an expanded macro or a failing `(car 1)` still points at the source.
//!
//! The reader is a hand-written recursive descent over the logos tokens;
//! nesting deeper than [`MAX_DEPTH`] is a syntax error rather than a stack
//! overflow. Symbols carry a *mark* (0 in source text) that the macro
//! expander uses for hygiene (see [`crate::expand`]).

use crate::lexer::{lex, Token};
use std::sync::Arc;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// Deepest nesting of lists the reader accepts.
pub const MAX_DEPTH: usize = 10_000;

/// An identifier: its name, and the renaming mark the expander gave it
/// (0 for identifiers written in the source).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    /// The name as written.
    pub name: Arc<str>,
    /// 0, or the alias number of a macro-introduced identifier.
    pub mark: u32,
}

impl Ident {
    /// An identifier from source text.
    pub fn plain(name: &str) -> Ident {
        Ident {
            name: name.into(),
            mark: 0,
        }
    }
}

/// A number literal.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// An exact integer that fits in `i64`.
    Int(i64),
    /// An exact integer that does not, as decimal digits.
    Big(String),
    /// An exact rational `num/den` in lowest terms, as decimal digits.
    Rational(String, String),
    /// An inexact real.
    Float(f64),
}

/// A datum.
#[derive(Clone, Debug, PartialEq)]
pub enum Datum {
    /// A number.
    Num(Num),
    /// A string.
    Str(Arc<str>),
    /// A character.
    Char(char),
    /// `#t` or `#f`.
    Bool(bool),
    /// A symbol (an identifier when the datum is code).
    Sym(Ident),
    /// A proper list `(a b c)`, or an improper one `(a b . c)` with its tail.
    List(Vec<Syn>, Option<Box<Syn>>),
    /// `#(a b c)`
    Vector(Vec<Syn>),
    /// `#u8(1 2 3)`
    Bytes(Vec<u8>),
}

/// A datum with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Syn {
    /// What it is.
    pub datum: Datum,
    /// Where it came from.
    pub span: Span,
}

impl Syn {
    /// A datum at a span.
    pub fn new(datum: Datum, span: Span) -> Syn {
        Syn { datum, span }
    }

    /// A symbol.
    pub fn sym(name: &str, span: Span) -> Syn {
        Syn::new(Datum::Sym(Ident::plain(name)), span)
    }

    /// A proper list.
    pub fn list(items: Vec<Syn>, span: Span) -> Syn {
        Syn::new(Datum::List(items, None), span)
    }

    /// The identifier, if this is a symbol.
    pub fn ident(&self) -> Option<&Ident> {
        match &self.datum {
            Datum::Sym(id) => Some(id),
            _ => None,
        }
    }

    /// The items of a proper list.
    pub fn items(&self) -> Option<&[Syn]> {
        match &self.datum {
            Datum::List(items, None) => Some(items),
            _ => None,
        }
    }
}

/// Parses a number in Scheme syntax (with `#x`/`#e`-style prefixes); `None` if it is not one.
pub fn parse_number(text: &str) -> Option<Num> {
    let mut radix = 10;
    let mut exact: Option<bool> = None;
    let mut s = text;
    while s.len() >= 2 && s.starts_with('#') {
        match s.as_bytes()[1].to_ascii_lowercase() {
            b'x' => radix = 16,
            b'b' => radix = 2,
            b'o' => radix = 8,
            b'd' => radix = 10,
            b'e' => exact = Some(true),
            b'i' => exact = Some(false),
            _ => return None,
        }
        s = &s[2..];
    }
    let n = parse_real(s, radix)?;
    match exact {
        None => Some(n),
        Some(false) => Some(Num::Float(crate::runtime::numbers::num_to_f64(&n))),
        Some(true) => crate::runtime::numbers::exact_of_num(&n),
    }
}

fn parse_real(s: &str, radix: u32) -> Option<Num> {
    use num_bigint::BigInt;
    match s {
        "+inf.0" => return Some(Num::Float(f64::INFINITY)),
        "-inf.0" => return Some(Num::Float(f64::NEG_INFINITY)),
        "+nan.0" | "-nan.0" => return Some(Num::Float(f64::NAN)),
        _ => {}
    }
    let digits_ok = |d: &str| {
        let d = d.strip_prefix(['+', '-']).unwrap_or(d);
        !d.is_empty() && d.chars().all(|c| c.is_digit(radix))
    };
    if let Some((a, b)) = s.split_once('/') {
        if !digits_ok(a) || !digits_ok(b) || b.starts_with(['+', '-']) {
            return None;
        }
        let num = BigInt::parse_bytes(a.as_bytes(), radix)?;
        let den = BigInt::parse_bytes(b.as_bytes(), radix)?;
        return crate::runtime::numbers::make_rational_num(num, den);
    }
    if digits_ok(s) {
        let b = BigInt::parse_bytes(s.trim_start_matches('+').as_bytes(), radix)?;
        return Some(match i64::try_from(&b) {
            Ok(i) => Num::Int(i),
            Err(_) => Num::Big(b.to_string()),
        });
    }
    if radix != 10 {
        return None;
    }
    // A decimal: digits with one point and/or an exponent.
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let first = body.chars().next()?;
    if !(first.is_ascii_digit() || first == '.') || body == "." {
        return None;
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    s.parse::<f64>().ok().map(Num::Float)
}

/// Character names of R7RS.
pub const CHAR_NAMES: [(&str, char); 11] = [
    ("space", ' '),
    ("newline", '\n'),
    ("tab", '\t'),
    ("nul", '\0'),
    ("null", '\0'),
    ("alarm", '\u{7}'),
    ("backspace", '\u{8}'),
    ("delete", '\u{7f}'),
    ("escape", '\u{1b}'),
    ("return", '\r'),
    ("linefeed", '\n'),
];

fn parse_char(text: &str) -> Option<char> {
    let body = &text[2..];
    let mut chars = body.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return Some(first);
    }
    if let Some((_, c)) = CHAR_NAMES.iter().find(|(n, _)| *n == body) {
        return Some(*c);
    }
    let hex = body.strip_prefix(['x', 'X'])?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

fn parse_string(text: &str) -> Result<String, String> {
    let inner = &text[1..text.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\u{7}'),
            Some('b') => out.push('\u{8}'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some('|') => out.push('|'),
            Some('x') | Some('X') => {
                let mut hex = String::new();
                for d in chars.by_ref() {
                    if d == ';' {
                        break;
                    }
                    hex.push(d);
                }
                let c = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad hex escape \\x{hex};"))?;
                out.push(c);
            }
            Some(c) if c == '\n' || c == ' ' || c == '\t' => {
                // \<intraline whitespace><newline><intraline whitespace>: a line continuation.
                let mut seen_newline = c == '\n';
                while let Some(&w) = chars.peek() {
                    if w == '\n' && !seen_newline {
                        seen_newline = true;
                    } else if w != ' ' && w != '\t' {
                        break;
                    }
                    chars.next();
                }
            }
            Some(other) => return Err(format!("unknown string escape \\{other}")),
            None => return Err("string ends with a backslash".into()),
        }
    }
    Ok(out)
}

struct Reader<'a> {
    source: &'a str,
    tokens: Vec<(Token, Span)>,
    pos: usize,
    file: FileId,
}

fn error(message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new("SyntaxError", message, Some(span))
}

impl Reader<'_> {
    fn text(&self, span: Span) -> &str {
        &self.source[span.start as usize..span.end as usize]
    }

    fn end_span(&self) -> Span {
        let n = self.source.len();
        Span::new(self.file, n, n)
    }

    /// The next datum, or `None` at the end of input.
    fn datum(&mut self, depth: usize) -> Result<Option<Syn>, Diagnostic> {
        let Some(&(token, span)) = self.tokens.get(self.pos) else {
            return Ok(None);
        };
        if depth > MAX_DEPTH {
            return Err(error("nesting too deep", span));
        }
        self.pos += 1;
        let datum = match token {
            Token::Open => return self.list(span, depth).map(Some),
            Token::Close => return Err(error("unexpected ')'", span)),
            Token::VectorOpen | Token::BytesOpen => {
                let (items, end) = self.sequence(span, depth)?;
                let whole = span.to(end);
                if token == Token::VectorOpen {
                    return Ok(Some(Syn::new(Datum::Vector(items), whole)));
                }
                let mut bytes = Vec::with_capacity(items.len());
                for item in &items {
                    match item.datum {
                        Datum::Num(Num::Int(b)) if (0..=255).contains(&b) => bytes.push(b as u8),
                        _ => return Err(error("a bytevector holds integers 0 to 255", item.span)),
                    }
                }
                return Ok(Some(Syn::new(Datum::Bytes(bytes), whole)));
            }
            Token::Quote | Token::Quasiquote | Token::Unquote | Token::UnquoteSplicing => {
                let name = match token {
                    Token::Quote => "quote",
                    Token::Quasiquote => "quasiquote",
                    Token::Unquote => "unquote",
                    _ => "unquote-splicing",
                };
                let Some(inner) = self.datum(depth + 1)? else {
                    return Err(error(format!("nothing after {}", self.text(span)), span));
                };
                let whole = span.to(inner.span);
                return Ok(Some(Syn::list(vec![Syn::sym(name, span), inner], whole)));
            }
            Token::DatumComment => {
                if self.datum(depth + 1)?.is_none() {
                    return Err(error("nothing after #;", span));
                }
                return self.datum(depth);
            }
            Token::BlockComment => return self.datum(depth),
            Token::Boolean => Datum::Bool(self.text(span).starts_with("#t")),
            Token::Char => match parse_char(self.text(span)) {
                Some(c) => Datum::Char(c),
                None => return Err(error(format!("unknown character {}", self.text(span)), span)),
            },
            Token::Str => match parse_string(self.text(span)) {
                Ok(s) => Datum::Str(s.into()),
                Err(m) => return Err(error(m, span)),
            },
            Token::BarSymbol => {
                let t = self.text(span);
                Datum::Sym(Ident::plain(&t[1..t.len() - 1]))
            }
            Token::Atom => {
                let t = self.text(span);
                match parse_number(t) {
                    Some(n) => Datum::Num(n),
                    None if t.starts_with('#') => return Err(error(format!("bad number {t}"), span)),
                    None => Datum::Sym(Ident::plain(t)),
                }
            }
        };
        Ok(Some(Syn::new(datum, span)))
    }

    fn sequence(&mut self, open: Span, depth: usize) -> Result<(Vec<Syn>, Span), Diagnostic> {
        let mut items = Vec::new();
        loop {
            match self.tokens.get(self.pos) {
                None => return Err(error("unclosed '(': missing ')'", open)),
                Some(&(Token::Close, span)) => {
                    self.pos += 1;
                    return Ok((items, span));
                }
                _ => match self.datum(depth + 1)? {
                    Some(d) => items.push(d),
                    None => return Err(error("unclosed '(': missing ')'", open)),
                },
            }
        }
    }

    fn list(&mut self, open: Span, depth: usize) -> Result<Syn, Diagnostic> {
        let mut items = Vec::new();
        loop {
            match self.tokens.get(self.pos) {
                None => return Err(error("unclosed '(': missing ')'", open)),
                Some(&(Token::Close, span)) => {
                    self.pos += 1;
                    return Ok(Syn::new(Datum::List(items, None), open.to(span)));
                }
                Some(&(Token::Atom, span)) if self.text(span) == "." => {
                    self.pos += 1;
                    if items.is_empty() {
                        return Err(error("nothing before '.'", span));
                    }
                    let Some(tail) = self.datum(depth + 1)? else {
                        return Err(error("nothing after '.'", span));
                    };
                    match self.tokens.get(self.pos) {
                        Some(&(Token::Close, end)) => {
                            self.pos += 1;
                            return Ok(match tail.datum {
                                // `(a . (b c))` is `(a b c)`.
                                Datum::List(more, rest) => {
                                    items.extend(more);
                                    Syn::new(Datum::List(items, rest), open.to(end))
                                }
                                _ => Syn::new(Datum::List(items, Some(Box::new(tail))), open.to(end)),
                            });
                        }
                        Some(&(_, s)) => return Err(error("expected ')' after the datum following '.'", s)),
                        None => return Err(error("unclosed '(': missing ')'", open)),
                    }
                }
                _ => match self.datum(depth + 1)? {
                    Some(d) => items.push(d),
                    None => return Err(error("unclosed '(': missing ')'", open)),
                },
            }
        }
    }
}

/// Reads every datum of a source text.
pub fn read(file: FileId, source: &str) -> Result<Vec<Syn>, Diagnostic> {
    let tokens = lex(file, source).map_err(|e| {
        let text = &source[e.0.start as usize..e.0.end as usize];
        let message = if text.starts_with("#|") {
            "unclosed block comment".to_string()
        } else if text.starts_with('"') {
            "unclosed string".to_string()
        } else {
            format!("unexpected {text:?}")
        };
        error(message, e.0)
    })?;
    let mut reader = Reader {
        source,
        tokens,
        pos: 0,
        file,
    };
    let mut data = Vec::new();
    while let Some(d) = reader.datum(0)? {
        data.push(d);
    }
    let _ = reader.end_span();
    Ok(data)
}

/// For the REPL: false while a list or string is still open.
pub fn input_complete(source: &str) -> bool {
    match lex(FileId(0), source) {
        Err(e) => {
            let text = &source[e.0.start as usize..];
            !(text.starts_with('"') || text.starts_with("#|"))
        }
        Ok(tokens) => {
            let mut depth: i64 = 0;
            for (t, _) in tokens {
                match t {
                    Token::Open | Token::VectorOpen | Token::BytesOpen => depth += 1,
                    Token::Close => depth -= 1,
                    _ => {}
                }
            }
            depth <= 0
        }
    }
}
