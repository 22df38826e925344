//! The parser: tokens to an AST, and parse failures to helpful diagnostics.
//!
//! The grammar lives in `grammar.lalrpop`; lalrpop turns it into a
//! table-driven LR(1) parser at build time. That parser keeps its stack on
//! the heap, so no input can overflow the native stack while parsing; the
//! height limit of [`crate::ast`] keeps the tree that comes out safe for the
//! recursive passes after it, and the lexer's bracket and indentation limits
//! keep nesting in check before parsing even starts.
//!
//! This module is the entry point ([`parse`]) and holds the code the
//! grammar calls: `parser/actions.rs` builds nodes and checks what LR(1)
//! cannot, `parser/fstring.rs` joins string literals and parses f-string
//! fields, and `parser/errors.rs` translates lalrpop's errors, which speak
//! in grammar terminals, into CPython's messages: "expected ':'",
//! "unexpected indent", "expected an indented block after 'if' statement on
//! line 3", "invalid syntax. Perhaps you forgot a comma?".
//!
//! When a program has several errors, the one reported is the one CPython
//! 3.11 reports (see `choose`): CPython tokenizes lazily as it parses, and
//! after a parse error it tokenizes the rest of the file, preferring a
//! tokenizer error found there.

pub(crate) mod actions;
mod errors;
mod fstring;

use crate::ast::{Module, StmtKind};
use crate::lexer::{self, Phase, Spanned, Token};
use actions::PError;
use errors::{Diagnosed, Rank};
use lalrpop_util::ParseError;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

lalrpop_util::lalrpop_mod!(
    #[allow(missing_docs, unused_imports, unused_parens, clippy::all, clippy::pedantic)]
    grammar
);

/// Parses a whole Python module (a file, or one REPL input: the grammar is
/// the same, and the compiler decides whether to echo a final expression
/// statement). Returns the first syntax error found; its kind is
/// `SyntaxError`, `IndentationError` or `TabError`, as in CPython.
///
/// ```
/// use workbench_python::{ast, parser};
/// use workbench_framework::span::FileId;
///
/// let module = parser::parse(FileId(0), "x = -2 ** 2\n").expect("parses");
/// assert_eq!(ast::dump(&module), "assign x = (- (** 2 2))\n");
/// let errors = parser::parse(FileId(0), "if x\n    pass\n").expect_err("no colon");
/// assert_eq!(errors[0].message, "expected ':'");
/// ```
pub fn parse(file: FileId, source: &str) -> Result<Module, Vec<Diagnostic>> {
    let mut lexed = lexer::lex(file, source);
    lexed.tokens.truncate(lexed.prefix);
    unparenthesize_with_items(&mut lexed.tokens);
    let tokens = &lexed.tokens[..];
    let truncated = !lexed.errors.is_empty();
    let parse_error = match run(file, source, tokens) {
        Ok(body) if !truncated => {
            return Ok(Module {
                body,
                span: Span::new(file, 0, source.len()),
            })
        }
        // The parser read all it was given without error: the lexical
        // error comes first.
        Ok(_) => None,
        Err(ParseError::UnrecognizedEof { .. }) if truncated => None,
        Err(e) => Some(errors::diagnose(file, source, tokens, e)),
    };
    Err(vec![choose(source, parse_error, lexed.errors)])
}

/// Rewrites `with (a as b, c as d,):` (Python 3.10's parenthesized context
/// managers) to `with a as b, c as d:`. An LR(1) parser cannot tell these
/// parentheses from those of a tuple until it sees the `as`, too late; here
/// they are recognized by looking ahead: a `(` right after `with`, whose
/// matching `)` is followed by `:`, with an `as` directly inside.
fn unparenthesize_with_items(tokens: &mut Vec<Spanned<'_>>) {
    let mut drop = Vec::new();
    for i in 0..tokens.len().saturating_sub(1) {
        if tokens[i].1 != Token::With || tokens[i + 1].1 != Token::LParen {
            continue;
        }
        let (mut depth, mut has_as) = (0usize, false);
        for j in i + 1..tokens.len() {
            match tokens[j].1 {
                Token::LParen | Token::LBracket | Token::LBrace => depth += 1,
                Token::RParen | Token::RBracket | Token::RBrace => depth = depth.saturating_sub(1),
                Token::As if depth == 1 => has_as = true,
                _ => {}
            }
            if depth == 0 {
                if has_as && tokens.get(j + 1).is_some_and(|t| t.1 == Token::Colon) {
                    drop.push(i + 1);
                    if tokens[j - 1].1 == Token::Comma {
                        drop.push(j - 1);
                    }
                    drop.push(j);
                }
                break;
            }
        }
    }
    drop.sort_unstable();
    drop.dedup();
    for index in drop.into_iter().rev() {
        tokens.remove(index);
    }
}

/// Picks the error CPython 3.11 would report. Its parser meets errors in
/// source order, with the tokenizer running just ahead of it; after an
/// error found by the *parser*, it tokenizes the rest of the file and
/// reports a tokenizer error found there instead, or an unclosed bracket
/// opened on an earlier line than the parser's error.
fn choose(source: &str, parse_error: Option<Diagnosed>, mut lexical: Vec<lexer::Failure>) -> Diagnostic {
    let (first, phase, rank, at) = match parse_error {
        Some(d) => (d.diagnostic, Phase::Parser, d.rank, d.at),
        None if !lexical.is_empty() => {
            let f = lexical.remove(0);
            let at = f.diagnostic.span.map_or(0, |s| s.start as usize);
            (f.diagnostic, f.phase, Rank::Normal, at)
        }
        None => return Diagnostic::new("SyntaxError", "invalid syntax", None),
    };
    if phase != Phase::Parser || rank == Rank::Final {
        return first;
    }
    let first_line = lexer::line_of(source, at);
    match lexical.pop() {
        Some(f) if f.phase == Phase::Tokenizer => f.diagnostic,
        Some(lexer::Failure {
            diagnostic,
            phase: Phase::Unclosed { line },
            ..
        }) if first_line > line || rank == Rank::ReadsAhead => diagnostic,
        _ => first,
    }
}

fn run<'s>(file: FileId, source: &'s str, tokens: &[Spanned<'s>]) -> Result<Vec<crate::ast::Stmt>, PError<'s>> {
    let input = tokens.iter().cloned().map(Ok::<Spanned<'s>, Diagnostic>);
    grammar::ModuleParser::new().parse(file, source, input)
}

/// Parses the expression of an f-string field, `source[start..end]`, as
/// CPython 3.11 does: as if it were written in parentheses. Errors are
/// prefixed with `f-string: `.
pub(crate) fn parse_fstring_expr(
    file: FileId,
    source: &str,
    start: usize,
    end: usize,
) -> Result<crate::ast::Expr, Diagnostic> {
    let prefix = |mut d: Diagnostic| {
        if !d.message.starts_with("f-string") {
            d.message = format!("f-string: {}", d.message);
        }
        d
    };
    let tokens = lexer::tokenize_fstring_expr(file, source, start, end).map_err(prefix)?;
    let mut body = match run(file, source, &tokens) {
        Ok(body) => body,
        Err(e) => return Err(prefix(errors::diagnose(file, source, &tokens, e).diagnostic)),
    };
    match (body.pop(), body.is_empty()) {
        (Some(stmt), true) => match stmt.kind {
            StmtKind::Expr(e) => Ok(e),
            _ => Err(prefix(invalid(file, start, end))),
        },
        _ => Err(prefix(invalid(file, start, end))),
    }
}

fn invalid(file: FileId, start: usize, end: usize) -> Diagnostic {
    Diagnostic::new("SyntaxError", "invalid syntax", Some(Span::new(file, start, end)))
}
