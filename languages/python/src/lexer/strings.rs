//! String literals: finding their end, decoding escapes, and splitting
//! f-strings into literal text and replacement fields.
//!
//! A regular expression cannot say where a Python string ends (triple
//! quotes, backslashes, prefixes that change the rules), so logos hands over
//! to [`string`] right after the prefix and opening quote, and it scans by
//! hand. An f-string is split here too, as CPython 3.11 does it: the literal
//! is first found like any other string, then its text is cut at `{` and
//! `}` into [`FPiece`]s. The expressions inside the braces are *not* parsed
//! here; a field only records where its expression is in the source, and
//! the parser later runs the full grammar over exactly that range, so the
//! expression's nodes get their true spans.

use super::{LexError, Token};
use logos::Lexer;

/// A string literal token's value.
#[derive(Clone, Debug, PartialEq)]
pub enum StrLit {
    /// A plain string, escapes decoded.
    Plain(String),
    /// An f-string, split into pieces.
    Format(Vec<FPiece>),
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPiece {
    /// Text with escapes decoded and `{{`, `}}` undoubled.
    Literal(String),
    /// A replacement field `{expr=!c:spec}`.
    Field(Box<FField>),
}

/// A replacement field, with absolute byte offsets into the source.
#[derive(Clone, Debug, PartialEq)]
pub struct FField {
    /// Where the expression's text is.
    pub expr: (usize, usize),
    /// For `{x = }`: the text `x = ` that the field prints before the value.
    pub debug: Option<String>,
    /// `s`, `r` or `a`; `r` is filled in for a self-documenting field
    /// without conversion and spec, as CPython does.
    pub conversion: Option<char>,
    /// The format spec after `:`, itself split into pieces.
    pub spec: Option<Vec<FPiece>>,
    /// The position of the `{`.
    pub start: usize,
    /// One past the `}`.
    pub end: usize,
}

/// Replacement fields may nest inside format specs this deep (CPython: 2).
const MAX_FIELD_NESTING: u32 = 2;

/// Scans a string literal; logos has matched the prefix and the opening quote.
pub(super) fn string<'s>(lex: &mut Lexer<'s, Token<'s>>) -> Result<StrLit, LexError> {
    let head = lex.slice();
    let token_start = lex.extras + lex.span().start;
    let quote = head.as_bytes()[head.len() - 1];
    let prefix = head[..head.len() - 1].to_ascii_lowercase();
    let (raw, bytes, format) = (prefix.contains('r'), prefix.contains('b'), prefix.contains('f'));
    let rest = lex.remainder();
    let abs = lex.extras + lex.span().end;
    let b = rest.as_bytes();
    let triple = b.len() >= 2 && b[0] == quote && b[1] == quote;
    let body_start = if triple { 2 } else { 0 };
    let mut i = body_start;
    // UTF-8 continuation bytes never equal a quote, a backslash or a line
    // break, so scanning bytes is safe.
    let (body_end, close) = loop {
        match b.get(i) {
            None => {
                lex.bump(rest.len());
                return Err(LexError::Unterminated { triple });
            }
            Some(b'\\') => {
                i += if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                };
            }
            Some(&c) if c == quote => {
                if !triple {
                    break (i, 1);
                }
                if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                    break (i, 3);
                }
                i += 1;
            }
            Some(b'\n' | b'\r') if !triple => {
                lex.bump(i);
                return Err(LexError::Unterminated { triple });
            }
            Some(_) => i += 1,
        }
    };
    lex.bump((body_end + close).min(rest.len()));
    if bytes {
        return Err(LexError::InString {
            message: "bytes literals are not supported".to_string(),
            start: token_start,
            end: abs + body_end + close,
        });
    }
    let body = rest.get(body_start..body_end).unwrap_or("");
    let body_abs = abs + body_start;
    if format {
        let mut scanner = FScanner {
            text: body,
            abs: body_abs,
            raw,
            pos: 0,
        };
        scanner.pieces(0, false).map(StrLit::Format)
    } else {
        let mut out = String::new();
        let mut pos = 0;
        while pos < body.len() {
            pos = decode_char(body, pos, body_abs, raw, &mut out)?;
        }
        Ok(StrLit::Plain(out))
    }
}

/// Decodes the character (or escape sequence) at `pos` of `text` into
/// `out`, returning the position after it. `abs` is the offset of `text` in
/// the source, for error spans. Line breaks become `\n`.
fn decode_char(text: &str, pos: usize, abs: usize, raw: bool, out: &mut String) -> Result<usize, LexError> {
    let rest = text.get(pos..).unwrap_or("");
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return Ok(text.len());
    };
    match c {
        '\r' => {
            out.push('\n');
            Ok(pos + if rest.starts_with("\r\n") { 2 } else { 1 })
        }
        '\\' if !raw => escape(text, pos, abs, out),
        c => {
            out.push(c);
            Ok(pos + c.len_utf8())
        }
    }
}

/// Decodes the escape sequence whose backslash is at `pos`.
fn escape(text: &str, pos: usize, abs: usize, out: &mut String) -> Result<usize, LexError> {
    let after = pos + 1;
    let Some(c) = text.get(after..).and_then(|s| s.chars().next()) else {
        out.push('\\');
        return Ok(after);
    };
    let simple = match c {
        '\n' => Some(None),
        '\r' => {
            let skip = if text[after..].starts_with("\r\n") { 2 } else { 1 };
            return Ok(after + skip);
        }
        '\\' => Some(Some('\\')),
        '\'' => Some(Some('\'')),
        '"' => Some(Some('"')),
        'a' => Some(Some('\x07')),
        'b' => Some(Some('\x08')),
        'f' => Some(Some('\x0c')),
        'n' => Some(Some('\n')),
        'r' => Some(Some('\r')),
        't' => Some(Some('\t')),
        'v' => Some(Some('\x0b')),
        _ => None,
    };
    if let Some(decoded) = simple {
        out.extend(decoded);
        return Ok(after + 1);
    }
    let error = |message: String, end: usize| LexError::InString {
        message,
        start: abs + pos,
        end: abs + end,
    };
    match c {
        '0'..='7' => {
            let digits: String = text[after..].chars().take(3).take_while(|d| d.is_digit(8)).collect();
            let value = u32::from_str_radix(&digits, 8).unwrap_or(0);
            out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            Ok(after + digits.len())
        }
        'x' | 'u' | 'U' => {
            let (width, name) = match c {
                'x' => (2, "\\xXX"),
                'u' => (4, "\\uXXXX"),
                _ => (8, "\\UXXXXXXXX"),
            };
            let digits: String = text[after + 1..]
                .chars()
                .take(width)
                .take_while(|d| d.is_ascii_hexdigit())
                .collect();
            let end = after + 1 + digits.len();
            if digits.len() < width {
                return Err(error(format!("(unicode error) truncated {name} escape"), end));
            }
            let value = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
            match char::from_u32(value) {
                Some(ch) => {
                    out.push(ch);
                    Ok(end)
                }
                None if value > 0x10ffff => Err(error("(unicode error) illegal Unicode character".to_string(), end)),
                None => Err(error(
                    format!("(unicode error) lone surrogate \\{c}{digits} is not supported"),
                    end,
                )),
            }
        }
        'N' => Err(error(
            "(unicode error) \\N{...} escapes are not supported".to_string(),
            after + 1,
        )),
        _ => {
            // An unknown escape keeps its backslash (CPython warns); the
            // character after it is decoded on its own, so `\{` in an
            // f-string still opens a field.
            out.push('\\');
            Ok(after)
        }
    }
}

/// Splits the text of an f-string into pieces.
struct FScanner<'t> {
    text: &'t str,
    abs: usize,
    raw: bool,
    pos: usize,
}

impl FScanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.text.get(self.pos + ahead..).and_then(|s| s.chars().next())
    }

    fn error(&self, message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError::InString {
            message: message.into(),
            start: self.abs + start,
            end: self.abs + end.min(self.text.len()).max(start),
        }
    }

    /// Literal text and fields up to the end of the string or, inside a
    /// format spec (`in_spec`), up to the `}` that closes the field.
    fn pieces(&mut self, nest: u32, in_spec: bool) -> Result<Vec<FPiece>, LexError> {
        let mut out = Vec::new();
        let mut literal = String::new();
        while let Some(c) = self.peek() {
            match c {
                '{' if !in_spec && self.peek_at(1) == Some('{') => {
                    literal.push('{');
                    self.pos += 2;
                }
                '{' => {
                    if !literal.is_empty() {
                        out.push(FPiece::Literal(std::mem::take(&mut literal)));
                    }
                    let field = self.field(nest)?;
                    out.push(FPiece::Field(Box::new(field)));
                }
                '}' if in_spec => break,
                '}' if self.peek_at(1) == Some('}') => {
                    literal.push('}');
                    self.pos += 2;
                }
                '}' => return Err(self.error("f-string: single '}' is not allowed", self.pos, self.pos + 1)),
                _ => self.pos = decode_char(self.text, self.pos, self.abs, self.raw, &mut literal)?,
            }
        }
        if !literal.is_empty() {
            out.push(FPiece::Literal(literal));
        }
        Ok(out)
    }

    /// One replacement field; `self.pos` is at its `{`.
    fn field(&mut self, nest: u32) -> Result<FField, LexError> {
        let open = self.pos;
        if nest >= MAX_FIELD_NESTING {
            return Err(self.error("f-string: expressions nested too deeply", open, open + 1));
        }
        self.pos += 1;
        let expr_start = self.pos;
        let expr_end = self.expression_end(open)?;
        if self.text[expr_start..expr_end].trim().is_empty() {
            return Err(self.error("f-string: empty expression not allowed", open, self.pos + 1));
        }
        let mut debug = None;
        if self.peek() == Some('=') {
            self.pos += 1;
            while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r' | '\x0c')) {
                self.pos += 1;
            }
            debug = Some(self.text[expr_start..self.pos].to_string());
        }
        let mut conversion = None;
        if self.peek() == Some('!') {
            self.pos += 1;
            match self.peek() {
                Some(c @ ('s' | 'r' | 'a')) => {
                    conversion = Some(c);
                    self.pos += 1;
                }
                Some(c) if c != '}' && c != ':' => {
                    let message = "f-string: invalid conversion character: expected 's', 'r', or 'a'";
                    return Err(self.error(message, self.pos, self.pos + c.len_utf8()));
                }
                _ => return Err(self.error("f-string: missing conversion character", self.pos - 1, self.pos)),
            }
        }
        let mut spec = None;
        if self.peek() == Some(':') {
            self.pos += 1;
            spec = Some(self.pieces(nest + 1, true)?);
        }
        if self.peek() != Some('}') {
            return Err(self.error("f-string: expecting '}'", open, open + 1));
        }
        self.pos += 1;
        if debug.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        Ok(FField {
            expr: (self.abs + expr_start, self.abs + expr_end),
            debug,
            conversion,
            spec,
            start: self.abs + open,
            end: self.abs + self.pos,
        })
    }

    /// Finds the end of a field's expression, following CPython 3.11's
    /// `fstring_find_expr`: brackets and quotes nest, and at depth 0 the
    /// expression ends at `!` (not `!=`), `:`, `=` (not `==`) or `}`.
    /// Returns the end; `self.pos` is left there.
    fn expression_end(&mut self, open: usize) -> Result<usize, LexError> {
        let mut brackets: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("f-string: expecting '}'", open, open + 1));
            };
            if c == '\\' {
                let message = "f-string expression part cannot include a backslash";
                return Err(self.error(message, self.pos, self.pos + 1));
            }
            if let Some((q, triple)) = quote {
                if c == q && !triple {
                    quote = None;
                } else if c == q && self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) {
                    quote = None;
                    self.pos += 2;
                }
                self.pos += c.len_utf8();
                continue;
            }
            match c {
                '\'' | '"' => {
                    let triple = self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c);
                    quote = Some((c, triple));
                    self.pos += if triple { 3 } else { 1 };
                }
                '#' => {
                    let message = "f-string expression part cannot include '#'";
                    return Err(self.error(message, self.pos, self.pos + 1));
                }
                '(' | '[' | '{' => {
                    if brackets.len() >= super::MAX_NESTING {
                        return Err(self.error("f-string: too many nested parenthesis", self.pos, self.pos + 1));
                    }
                    brackets.push(c);
                    self.pos += 1;
                }
                ')' | ']' | '}' => {
                    let Some(opening) = brackets.pop() else {
                        if c == '}' {
                            return Ok(self.pos);
                        }
                        return Err(self.error(format!("f-string: unmatched '{c}'"), self.pos, self.pos + 1));
                    };
                    if super::layout::closer(opening) != c {
                        let message = format!(
                            "f-string: closing parenthesis '{c}' does not match opening parenthesis '{opening}'"
                        );
                        return Err(self.error(message, self.pos, self.pos + 1));
                    }
                    self.pos += 1;
                }
                '!' | ':' | '=' | '<' | '>' if brackets.is_empty() => {
                    if c != ':' && self.peek_at(1) == Some('=') {
                        self.pos += 2;
                    } else if c == '<' || c == '>' {
                        self.pos += 1;
                    } else {
                        return Ok(self.pos);
                    }
                }
                c => self.pos += c.len_utf8(),
            }
        }
    }
}
