//! Turning lalrpop's parse errors into CPython's messages.
//!
//! An LR parser fails at a token with a list of the terminals it would have
//! accepted; that list is precise but unreadable ("expected one of 47
//! terminals"). CPython 3.11 instead names the likely mistake. The rules
//! here recognize the common cases from the failing token, the expected set
//! and the tokens around it, and fall back to CPython's plain
//! "invalid syntax" pointing at the token:
//!
//! | situation | message |
//! |---|---|
//! | an `INDENT` where a statement starts | `IndentationError: unexpected indent` |
//! | a block header not followed by an indented line | `IndentationError: expected an indented block after 'if' statement on line 3` |
//! | a line ends where `:` is expected | `expected ':'` |
//! | `if x = 1:` | `invalid syntax. Maybe you meant '==' or ':=' instead of '='?` |
//! | two expressions side by side inside brackets | `invalid syntax. Perhaps you forgot a comma?` |
//! | `print "hi"` | `Missing parentheses in call to 'print'. Did you mean print(...)?` |
//! | `except A, B:` | `multiple exception types must be parenthesized` |
//! | `async`, `await`, `match` | `'await' is not supported` (or a note for `match`) |

use super::actions::PError;
use crate::lexer::{self, line_of, Spanned, Token};
use lalrpop_util::ParseError;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// How a parse error ranks against a lexical error later in the file (see
/// `choose` in the parent module).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Rank {
    /// CPython reports it as it is (an unexpected indent).
    Final,
    /// A tokenizer error anywhere later wins, and so does an unclosed
    /// bracket opened on an earlier line.
    Normal,
    /// As `Normal`, and an unclosed bracket wins: for `a b`, CPython's
    /// error rules parse the expression `b`, and here that runs into the
    /// end of the input.
    ReadsAhead,
}

/// A parse error: the diagnostic, its rank, and the offset of the token
/// the parser failed at (which can differ from where the message points).
pub(super) struct Diagnosed {
    pub(super) diagnostic: Diagnostic,
    pub(super) rank: Rank,
    pub(super) at: usize,
}

/// The diagnostic for a parse error at some point of `tokens`.
pub(super) fn diagnose(file: FileId, source: &str, tokens: &[Spanned<'_>], e: PError<'_>) -> Diagnosed {
    let cx = Context { file, source, tokens };
    let d = match e {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken {
            token: (l, token, r),
            expected,
        } => {
            let i = tokens
                .iter()
                .position(|(tl, t, tr)| *tl == l && *tr == r && *t == token)
                .unwrap_or_else(|| tokens.partition_point(|t| t.0 < l));
            let diagnostic = cx.unexpected(i, &token, &expected);
            let rank = if matches!(token, Token::Indent) {
                Rank::Final
            } else if cx.juxtaposed(i) && cx.runs_to_the_end(i) {
                Rank::ReadsAhead
            } else {
                Rank::Normal
            };
            return Diagnosed {
                diagnostic,
                rank,
                at: l,
            };
        }
        ParseError::UnrecognizedEof { location, expected } => {
            if expects(&expected, "INDENT") {
                cx.expected_block(tokens.len())
            } else {
                cx.syntax("unexpected EOF while parsing", location, location)
            }
        }
        ParseError::ExtraToken { token: (l, _, r) } => cx.syntax("invalid syntax", l, r),
        ParseError::InvalidToken { location } => cx.syntax("invalid syntax", location, location + 1),
    };
    let at = d.span.map_or(0, |s| s.start as usize);
    Diagnosed {
        diagnostic: d,
        rank: Rank::Normal,
        at,
    }
}

/// Whether lalrpop's expected list (quoted terminal names) contains `terminal`.
fn expects(expected: &[String], terminal: &str) -> bool {
    expected.iter().any(|e| e.trim_matches('"') == terminal)
}

struct Context<'a, 's> {
    file: FileId,
    source: &'a str,
    tokens: &'a [Spanned<'s>],
}

impl Context<'_, '_> {
    /// A span for `l..r` that covers at least one character where possible
    /// (layout tokens are zero-width).
    fn span(&self, l: usize, r: usize) -> Span {
        if l < r {
            return Span::new(self.file, l, r);
        }
        let width = self
            .source
            .get(l..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(self.file, l, l + width)
    }

    fn syntax(&self, message: impl Into<String>, l: usize, r: usize) -> Diagnostic {
        Diagnostic::new("SyntaxError", message, Some(self.span(l, r)))
    }

    fn token(&self, i: usize) -> Option<&Token<'_>> {
        self.tokens.get(i).map(|t| &t.1)
    }

    /// Index of the first token of the logical line that token `i` is on.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i.min(self.tokens.len());
        while j > 0 && !matches!(self.tokens[j - 1].1, Token::Newline | Token::Indent | Token::Dedent) {
            j -= 1;
        }
        j
    }

    /// How many brackets are open just before token `i`.
    fn bracket_depth(&self, i: usize) -> usize {
        let mut depth = 0usize;
        for (_, t, _) in &self.tokens[..i.min(self.tokens.len())] {
            match t {
                Token::LParen | Token::LBracket | Token::LBrace => depth += 1,
                Token::RParen | Token::RBracket | Token::RBrace => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        depth
    }

    fn unexpected(&self, i: usize, token: &Token<'_>, expected: &[String]) -> Diagnostic {
        let (l, r) = self.tokens.get(i).map_or((0, 0), |t| (t.0, t.2));
        let first = self.token(self.line_start(i));
        if matches!(token, Token::Async | Token::Await) {
            return self
                .syntax(format!("'{}' is not supported", lexer::spelling(token)), l, r)
                .with_label("coroutines are not implemented")
                .with_note("async def, async for, async with and await are not supported by this implementation");
        }
        if matches!(token, Token::Indent) {
            let (nl, nr) = self.tokens.get(i + 1).map_or((l, r), |t| (t.0, t.2));
            return Diagnostic::new("IndentationError", "unexpected indent", Some(self.span(nl, nr)))
                .with_label("this line is indented more than the block it is in");
        }
        if expects(expected, "INDENT") {
            return self.expected_block(i);
        }
        if matches!(first, Some(Token::Name("match" | "case"))) {
            return self
                .syntax("invalid syntax", l, r)
                .with_note("the match statement is not supported by this implementation");
        }
        if expects(expected, ":") && self.bracket_depth(i) == 0 && forced_colon(first, token) {
            return self.syntax("expected ':'", l, r).with_label("a ':' is needed here");
        }
        let start = self.line_start(i);
        if matches!(first, Some(Token::Def)) && i == start + 2 && expects(expected, "(") {
            return self
                .syntax("expected '('", l, r)
                .with_label("a parameter list is needed here");
        }
        if expects(expected, "else") && !expects(expected, "NAME") {
            return self
                .syntax("expected 'else' after 'if' expression", l, r)
                .with_label("a conditional expression needs an 'else'");
        }
        // Where CPython's grammar has a `named_expression`: in brackets and
        // in `if`/`elif`/`while` conditions.
        let named = self.bracket_depth(i) > 0 || matches!(first, Some(Token::If | Token::Elif | Token::While));
        let bare_name = i > 0
            && matches!(self.tokens[i - 1].1, Token::Name(_))
            && (i < 2 || starts_expression_after(&self.tokens[i - 2].1));
        if matches!(token, Token::Eq) && bare_name && named {
            return self
                .syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", l, r)
                .with_label("'=' assigns; '==' compares");
        }
        if matches!(first, Some(Token::Name("print"))) && i == start + 1 && starts_operand(token) {
            let end = self.tokens[i..]
                .iter()
                .take_while(|t| !matches!(t.1, Token::Newline))
                .last()
                .map_or(r, |t| t.2);
            return self
                .syntax(
                    "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    self.tokens[start].0,
                    end,
                )
                .with_note("in Python 3, print is a function");
        }
        if matches!(token, Token::Comma) && matches!(first, Some(Token::Except)) && self.bracket_depth(i) == 0 {
            return self.syntax("multiple exception types must be parenthesized", l, r);
        }
        // CPython makes no guess for a name followed by a string: probably
        // a misspelt string prefix.
        let name_string = i > 0
            && matches!((&self.tokens[i - 1].1, token), (Token::Name(_), Token::Str(_)))
            && (i < 2 || starts_expression_after(&self.tokens[i - 2].1));
        if expects(expected, "or") && self.juxtaposed(i) && !name_string && self.bracket_depth(i) > 0 {
            let pl = self.tokens[i - 1].0;
            return self
                .syntax("invalid syntax. Perhaps you forgot a comma?", pl, r)
                .with_label("two expressions side by side");
        }
        self.syntax("invalid syntax", l, r)
            .with_label(format!("unexpected {}", lexer::describe(token)))
    }

    /// Whether an expression starting at token `i` would run to the end of
    /// the input: no bracket open before it closes afterwards.
    fn runs_to_the_end(&self, i: usize) -> bool {
        let mut depth = 0i64;
        for (_, t, _) in &self.tokens[i..] {
            match t {
                Token::LParen | Token::LBracket | Token::LBrace => depth += 1,
                Token::RParen | Token::RBracket | Token::RBrace => depth -= 1,
                Token::Newline if depth <= 0 => return false,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        true
    }

    /// Whether token `i` starts an operand right after one ended (`a b`).
    fn juxtaposed(&self, i: usize) -> bool {
        i > 0 && ends_operand(&self.tokens[i - 1].1) && self.token(i).is_some_and(starts_operand)
    }

    /// "expected an indented block after 'if' statement on line N", for a
    /// failure at token `i` (the first token of the line that should have
    /// been indented, or the end of the input).
    fn expected_block(&self, i: usize) -> Diagnostic {
        let header = self.line_start(i.saturating_sub(1));
        let (what, line) = match self.tokens.get(header) {
            Some((at, token, _)) => {
                let what = match token {
                    Token::Def => "function definition".to_string(),
                    Token::Class => "class definition".to_string(),
                    other => format!("'{}' statement", lexer::spelling(other)),
                };
                (what, line_of(self.source, *at))
            }
            None => ("':'".to_string(), 1),
        };
        // Point at the first real token after the header line or, at the
        // end of the input, just after the header (as CPython does).
        let layout = |t: &&Spanned<'_>| matches!(t.1, Token::Newline | Token::Indent | Token::Dedent);
        let at = match self.tokens[i.min(self.tokens.len())..].iter().find(|t| !layout(t)) {
            Some(t) => (t.0, t.2),
            None => {
                let end = self.tokens.iter().rev().find(|t| !layout(t)).map_or(0, |t| t.2);
                (end, end)
            }
        };
        let message = format!("expected an indented block after {what} on line {line}");
        Diagnostic::new("IndentationError", message, Some(self.span(at.0, at.1)))
            .with_label("this line should be indented")
    }
}

/// Whether CPython insists on a `:` here: at the end of a block header's
/// line, and anywhere after the header of a `def`, `try`, `finally` or
/// `else` (its grammar's forced `&&':'`).
fn forced_colon(first: Option<&Token<'_>>, token: &Token<'_>) -> bool {
    let header = matches!(
        first,
        Some(
            Token::If
                | Token::Elif
                | Token::While
                | Token::With
                | Token::Except
                | Token::Class
                | Token::Def
                | Token::For
                | Token::Try
                | Token::Finally
                | Token::Else
        )
    );
    let forced = matches!(first, Some(Token::Def | Token::Try | Token::Finally | Token::Else));
    header && (forced || matches!(token, Token::Newline))
}

/// Whether an expression starts after this token (so a name after it is a
/// whole operand, not the tail of `a.b` or `x * y`).
fn starts_expression_after(t: &Token<'_>) -> bool {
    matches!(
        t,
        Token::LParen
            | Token::LBracket
            | Token::LBrace
            | Token::Comma
            | Token::Colon
            | Token::Eq
            | Token::Semi
            | Token::Newline
            | Token::Indent
            | Token::Dedent
            | Token::Return
            | Token::Yield
            | Token::In
            | Token::If
            | Token::Elif
            | Token::While
            | Token::Else
            | Token::Assert
            | Token::Del
            | Token::Not
            | Token::And
            | Token::Or
    )
}

/// Tokens that can end an expression.
fn ends_operand(t: &Token<'_>) -> bool {
    matches!(
        t,
        Token::Name(_)
            | Token::Int(_)
            | Token::Float(_)
            | Token::Str(_)
            | Token::RParen
            | Token::RBracket
            | Token::RBrace
            | Token::True
            | Token::False
            | Token::None
            | Token::Ellipsis
    )
}

/// Tokens that can only start an expression (not continue one).
fn starts_operand(t: &Token<'_>) -> bool {
    matches!(
        t,
        Token::Name(_)
            | Token::Int(_)
            | Token::Float(_)
            | Token::Str(_)
            | Token::LParen
            | Token::LBracket
            | Token::LBrace
            | Token::True
            | Token::False
            | Token::None
            | Token::Lambda
            | Token::Tilde
    )
}
