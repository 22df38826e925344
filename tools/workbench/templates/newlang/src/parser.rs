//! The parser: tokens to an AST, and lalrpop's errors to diagnostics.
//!
//! The grammar lives in `grammar.lalrpop`; lalrpop generates an LR(1) parser
//! from it at build time (see `build.rs`). This module runs the lexer, feeds
//! the tokens to the generated parser, and rewrites its errors (which speak in
//! grammar terminals such as `"\";\""`) into messages with a span.

use crate::ast::{Expr, ExprKind, Stmt, TooDeep, MAX_HEIGHT};
use crate::lexer::{self, Spanned, Token};
use lalrpop_util::ParseError;
use workbench_framework::bytecode::BinOp;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

lalrpop_util::lalrpop_mod!(
    #[allow(missing_docs, unused_imports, clippy::all)]
    grammar
);

/// A parse error as lalrpop reports it.
pub type Error<'s> = ParseError<usize, Token<'s>, TooDeep>;

/// Lexes and parses a whole input into its statements.
pub fn parse(file: FileId, source: &str) -> Result<Vec<Stmt>, Vec<Diagnostic>> {
    let tokens = lexer::lex(file, source)?;
    let input = tokens.iter().cloned().map(Ok::<Spanned<'_>, TooDeep>);
    grammar::ProgramParser::new()
        .parse(file, input)
        .map_err(|e| vec![diagnose(file, source, e)])
}

// ---- helpers the grammar's actions call -----------------------------------------

/// The span `l..r` in `file`.
pub(crate) fn sp(file: FileId, l: usize, r: usize) -> Span {
    Span::new(file, l, r)
}

/// An expression node, or the "too deep" parse error.
pub(crate) fn node<'s>(kind: ExprKind, span: Span) -> Result<Expr, Error<'s>> {
    Expr::new(kind, span).map_err(|error| ParseError::User { error })
}

/// A binary operator node.
pub(crate) fn binary<'s>(op: BinOp, a: Expr, b: Expr, span: Span) -> Result<Expr, Error<'s>> {
    node(ExprKind::Binary(op, Box::new(a), Box::new(b)), span)
}

// ---- errors ---------------------------------------------------------------------

fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new("SyntaxError", message, Some(span))
}

/// lalrpop's list of expected terminals, for a person: "`;` or `+`".
fn expected(list: &[String]) -> String {
    let mut names: Vec<String> = list
        .iter()
        .map(|t| {
            let t = t.trim_matches('"');
            match t {
                "identifier" => "a name".to_string(),
                "integer" => "a number".to_string(),
                other => format!("`{other}`"),
            }
        })
        .collect();
    match names.pop() {
        None => "something else".to_string(),
        Some(last) if names.is_empty() => last,
        Some(last) => format!("{} or {last}", names.join(", ")),
    }
}

fn diagnose(file: FileId, source: &str, e: Error<'_>) -> Diagnostic {
    match e {
        ParseError::UnrecognizedToken {
            token: (l, token, r),
            expected: list,
        } => syntax(format!("unexpected {}", lexer::describe(&token)), Span::new(file, l, r))
            .with_label(format!("expected {}", expected(&list))),
        ParseError::UnrecognizedEof {
            location,
            expected: list,
        } => {
            let at = Span::new(file, location.saturating_sub(1), location.min(source.len()));
            syntax("unexpected end of input", at).with_label(format!("expected {} after this", expected(&list)))
        }
        ParseError::ExtraToken { token: (l, token, r) } => {
            syntax(format!("unexpected {}", lexer::describe(&token)), Span::new(file, l, r))
        }
        ParseError::InvalidToken { location } => syntax("invalid token", Span::new(file, location, location + 1)),
        ParseError::User { error: TooDeep(span) } => syntax("expression nested too deeply", span)
            .with_label(format!("more than {MAX_HEIGHT} levels deep"))
            .with_note("split it with `let` temporaries"),
    }
}
