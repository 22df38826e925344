//! The layout pass: from physical lines to `NEWLINE`, `INDENT` and `DEDENT`.
//!
//! This is CPython's tokenizer algorithm (Python Language Reference §2.1):
//! a stack of indentation columns, starting with 0. At the first token of
//! each logical line, a deeper column pushes and emits `INDENT`; a
//! shallower one pops, emitting one `DEDENT` per level, and must land
//! exactly on a column seen before ("unindent does not match any outer
//! indentation level"). Tabs advance to the next multiple of 8; a second
//! column computed with tabs counting 1 must order lines the same way,
//! otherwise the indentation depends on the tab size ("inconsistent use of
//! tabs and spaces", a `TabError`).
//!
//! Inside brackets, line breaks and indentation mean nothing (implicit line
//! joining). Blank and comment-only lines produce nothing. The bracket stack
//! doubles as the nesting guard ([`MAX_NESTING`]) and as the source of
//! CPython's bracket messages.

use super::{bad_char_message, LexError, Spanned, Token};
use logos::Logos;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// Deepest bracket nesting a program may use (CPython's tokenizer: 200).
pub const MAX_NESTING: usize = 200;

/// Most indentation levels a program may use (CPython's tokenizer: 100).
pub const MAX_INDENT: usize = 100;

/// Where CPython would find an error. CPython tokenizes lazily, while the
/// parser runs, and after a parse error it tokenizes the rest of the file
/// and prefers any tokenizer error found there
/// (`_PyPegen_tokenize_full_source_to_check_for_errors`). To report the
/// same error, the front end needs to know which errors are which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    /// A tokenizer error (bad character, number, indentation, bracket, an
    /// unterminated string): it wins over any error of the parser.
    Tokenizer,
    /// An error CPython's parser raises when it reaches the token (string
    /// escapes, f-strings; our refusals of bytes and complex literals).
    Parser,
    /// A bracket still open at the end of the input, opened on `line`: it
    /// wins over a parser error on a later line.
    Unclosed {
        /// The line of the innermost open bracket.
        line: usize,
    },
}

/// A lexical error, with when CPython would see it and whether it only
/// means "the input stopped too early" (an open bracket or triple-quoted
/// string, a final backslash), in which case a REPL should read on.
pub(crate) struct Failure {
    pub(crate) diagnostic: Diagnostic,
    pub(crate) incomplete: bool,
    pub(crate) phase: Phase,
}

/// Everything the lexer found in a source.
pub(crate) struct Lexed<'s> {
    /// The tokens. After a parser-phase error lexing goes on (to find any
    /// tokenizer error later in the file); after a tokenizer error it stops.
    pub(crate) tokens: Vec<Spanned<'s>>,
    /// How many tokens come before the first error (all, if none): what
    /// the parser may see.
    pub(crate) prefix: usize,
    /// The errors in source order: parser-phase ones, then at most one
    /// tokenizer or unclosed-bracket error.
    pub(crate) errors: Vec<Failure>,
    /// How many indented blocks were open at the end of the input.
    pub(crate) open_blocks: usize,
}

/// Tokenizes a whole program, layout tokens included. The result always
/// ends with a `NEWLINE` (unless empty) and with the `DEDENT`s that close
/// the blocks still open. Fails with the first error.
pub fn tokenize(file: FileId, source: &str) -> Result<Vec<Spanned<'_>>, Diagnostic> {
    let mut lexed = lex(file, source);
    if lexed.errors.is_empty() {
        Ok(lexed.tokens)
    } else {
        Err(lexed.errors.swap_remove(0).diagnostic)
    }
}

/// [`tokenize`] for the REPL's completeness check: also says how many
/// indentation levels were open at the end of the input.
pub(crate) fn tokenize_for_repl(source: &str) -> Result<(Vec<Spanned<'_>>, usize), Failure> {
    let mut lexed = lex(FileId(0), source);
    if lexed.errors.is_empty() {
        Ok((lexed.tokens, lexed.open_blocks))
    } else {
        Err(lexed.errors.swap_remove(0))
    }
}

/// Tokenizes `source`, recording errors rather than stopping at the first.
pub(crate) fn lex(file: FileId, source: &str) -> Lexed<'_> {
    let mut layout = Layout {
        file,
        source,
        out: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        line_start: Some(0),
        last_end: 0,
        errors: Vec::new(),
        prefix: None,
    };
    let open_blocks = match layout.run() {
        Ok(open_blocks) => open_blocks,
        Err(failure) => {
            layout.prefix.get_or_insert(layout.out.len());
            layout.errors.push(failure);
            0
        }
    };
    Lexed {
        prefix: layout.prefix.unwrap_or(layout.out.len()),
        tokens: layout.out,
        errors: layout.errors,
        open_blocks,
    }
}

/// Tokenizes the expression of an f-string field, `source[start..end]`, as
/// if it were written `(expr)` on a line of its own: the result is
/// `( tokens ) NEWLINE` with zero-width parentheses, so the grammar parses
/// it exactly as CPython 3.11 does (which wraps it in parentheses too).
pub(crate) fn tokenize_fstring_expr(
    file: FileId,
    source: &str,
    start: usize,
    end: usize,
) -> Result<Vec<Spanned<'_>>, Diagnostic> {
    let text = source.get(start..end).unwrap_or("");
    let mut out = vec![(start, Token::LParen, start)];
    let mut lexer = Token::lexer_with_extras(text, start);
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let (l, r) = (start + range.start, start + range.end);
        match result {
            Ok(Token::Newline) => {}
            Ok(token) => out.push((l, token, r)),
            Err(e) => return Err(lex_error(file, source, e, l, r).diagnostic),
        }
    }
    out.push((end, Token::RParen, end));
    out.push((end, Token::Newline, end));
    Ok(out)
}

/// The closing bracket for an opening one.
pub(crate) fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

struct Layout<'s> {
    file: FileId,
    source: &'s str,
    out: Vec<Spanned<'s>>,
    /// Indentation columns of the open blocks: (tabs to multiples of 8, tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets with the offset of each.
    brackets: Vec<(char, usize)>,
    /// Set while no token of the current logical line has been seen: the
    /// offset where the current physical line starts.
    line_start: Option<usize>,
    /// End of the last token emitted (layout tokens are placed there).
    last_end: usize,
    /// Parser-phase errors met so far.
    errors: Vec<Failure>,
    /// Number of tokens before the first error.
    prefix: Option<usize>,
}

impl<'s> Layout<'s> {
    /// Runs the lexer over the whole source, filling `self.out`; returns
    /// how many blocks were open at the end.
    fn run(&mut self) -> Result<usize, Failure> {
        let (file, source) = (self.file, self.source);
        let mut lexer = Token::lexer_with_extras(source, 0);
        while let Some(result) = lexer.next() {
            let range = lexer.span();
            match result {
                Err(e) => {
                    let failure = lex_error(file, source, e, range.start, range.end);
                    if failure.phase != Phase::Parser {
                        return Err(failure);
                    }
                    // Keep lexing as if the token were fine, to find any
                    // tokenizer error further on.
                    self.prefix.get_or_insert(self.out.len());
                    self.errors.push(failure);
                    if let Some(line_start) = self.line_start.take() {
                        self.indent(line_start, range.start)?;
                    }
                    self.last_end = range.end;
                }
                Ok(Token::Newline) => {
                    if self.brackets.is_empty() {
                        if self.line_start.is_none() {
                            self.push_layout(Token::Newline);
                        }
                        self.line_start = Some(range.end);
                    }
                }
                Ok(token) => {
                    if let Some(line_start) = self.line_start.take() {
                        self.indent(line_start, range.start)?;
                    }
                    self.bracket(&token, range.start)?;
                    self.out.push((range.start, token, range.end));
                    self.last_end = range.end;
                }
            }
        }
        if let Some(&(open, at)) = self.brackets.last() {
            let span = Span::new(file, at, at + 1);
            return Err(Failure {
                diagnostic: Diagnostic::new("SyntaxError", format!("'{open}' was never closed"), Some(span))
                    .with_label("this bracket is never closed"),
                incomplete: true,
                phase: Phase::Unclosed {
                    line: line_of(source, at),
                },
            });
        }
        if self.line_start.is_none() {
            self.push_layout(Token::Newline);
        }
        let open_blocks = self.indents.len() - 1;
        for _ in 0..open_blocks {
            self.push_layout(Token::Dedent);
        }
        Ok(open_blocks)
    }

    /// Emits a zero-width layout token at the end of the previous token, so
    /// that a statement's span ends at its last real token.
    fn push_layout(&mut self, token: Token<'s>) {
        self.out.push((self.last_end, token, self.last_end));
    }

    fn fail(&self, kind: &str, message: impl Into<String>, start: usize, end: usize) -> Failure {
        Failure {
            diagnostic: Diagnostic::new(kind, message, Some(Span::new(self.file, start, end))),
            incomplete: false,
            phase: Phase::Tokenizer,
        }
    }

    fn tab_error(&self, at: usize, end: usize) -> Failure {
        self.fail(
            "TabError",
            "inconsistent use of tabs and spaces in indentation",
            at,
            end,
        )
        .with_label("the indentation of this line depends on the tab size")
    }

    /// Handles the indentation of a logical line whose first token is at `at`.
    fn indent(&mut self, line_start: usize, at: usize) -> Result<(), Failure> {
        let (mut col, mut alt) = (0usize, 0usize);
        for c in self.source.get(line_start..at).unwrap_or("").chars() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' | '\n' | '\r' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let token_end = at + self.source[at..].chars().next().map_or(0, char::len_utf8);
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col > top {
            if alt <= top_alt {
                return Err(self.tab_error(at, token_end));
            }
            if self.indents.len() > MAX_INDENT {
                return Err(self.fail("IndentationError", "too many levels of indentation", at, token_end));
            }
            self.indents.push((col, alt));
            self.out.push((at, Token::Indent, at));
            return Ok(());
        }
        while col < self.indents.last().map_or(0, |i| i.0) {
            self.indents.pop();
            self.push_layout(Token::Dedent);
        }
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col != top {
            let message = "unindent does not match any outer indentation level";
            return Err(self
                .fail("IndentationError", message, at, token_end)
                .with_label("this line's indentation matches no enclosing block"));
        }
        if alt != top_alt {
            return Err(self.tab_error(at, token_end));
        }
        Ok(())
    }

    /// Tracks bracket nesting for the token at `at`.
    fn bracket(&mut self, token: &Token<'_>, at: usize) -> Result<(), Failure> {
        let c = match token {
            Token::LParen => '(',
            Token::LBracket => '[',
            Token::LBrace => '{',
            Token::RParen => ')',
            Token::RBracket => ']',
            Token::RBrace => '}',
            _ => return Ok(()),
        };
        if matches!(c, '(' | '[' | '{') {
            if self.brackets.len() >= MAX_NESTING {
                return Err(self
                    .fail("SyntaxError", "too many nested parentheses", at, at + 1)
                    .with_label(format!("more than {MAX_NESTING} brackets are open here")));
            }
            self.brackets.push((c, at));
            return Ok(());
        }
        match self.brackets.pop() {
            None => Err(self.fail("SyntaxError", format!("unmatched '{c}'"), at, at + 1)),
            Some((open, open_at)) if closer(open) != c => {
                let mut message = format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'");
                let open_line = line_of(self.source, open_at);
                if open_line != line_of(self.source, at) {
                    message.push_str(&format!(" on line {open_line}"));
                }
                Err(self.fail("SyntaxError", message, at, at + 1))
            }
            Some(_) => Ok(()),
        }
    }
}

impl Failure {
    fn with_label(mut self, label: impl Into<String>) -> Failure {
        self.diagnostic = self.diagnostic.with_label(label);
        self
    }
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(source: &str, offset: usize) -> usize {
    let offset = offset.min(source.len());
    source.as_bytes()[..offset].iter().filter(|b| **b == b'\n').count() + 1
}

/// Turns a token error at `start..end` into a diagnostic.
fn lex_error(file: FileId, source: &str, e: LexError, start: usize, end: usize) -> Failure {
    let at = |s: usize, e: usize| Some(Span::new(file, s, e.max(s)));
    let syntax = |message: String, s: usize, e: usize| Diagnostic::new("SyntaxError", message, at(s, e));
    let mut incomplete = false;
    let mut phase = Phase::Tokenizer;
    let diagnostic = match e {
        LexError::Unexpected => {
            let c = source.get(start..).and_then(|s| s.chars().next()).unwrap_or('?');
            let end = start + c.len_utf8();
            if c.is_ascii_graphic() {
                syntax("invalid syntax".to_string(), start, end).with_label(format!("'{c}' starts no Python token"))
            } else {
                syntax(bad_char_message(c), start, end)
            }
        }
        LexError::Unterminated { triple: false } => {
            let line = line_of(source, start);
            syntax(
                format!("unterminated string literal (detected at line {line})"),
                start,
                start + 1,
            )
            .with_label("this string is never closed")
        }
        LexError::Unterminated { triple: true } => {
            incomplete = true;
            // CPython counts the lines the tokenizer has read.
            let line = line_of(source, source.len()) - usize::from(source.ends_with('\n'));
            let message = format!("unterminated triple-quoted string literal (detected at line {line})");
            syntax(message, start, start + 1).with_label("this string is never closed")
        }
        LexError::Complex => {
            syntax("complex numbers are not supported".to_string(), start, end).with_label("an imaginary literal")
        }
        LexError::BadNumber(message) => syntax(message.to_string(), start, end),
        LexError::ContinuationAtEof => {
            incomplete = true;
            syntax("unexpected EOF while parsing".to_string(), start, end)
                .with_label("a line continuation needs a next line")
        }
        LexError::Continuation => syntax(
            "unexpected character after line continuation character".to_string(),
            start,
            end,
        )
        .with_label("a backslash outside a string must end its line"),
        LexError::InString { message, start, end } => {
            phase = Phase::Parser;
            syntax(message, start, end)
        }
        LexError::At { message, start, end } => syntax(message, start, end),
    };
    Failure {
        diagnostic,
        incomplete,
        phase,
    }
}
