//! The parser: tokens to an AST, and parse failures to helpful diagnostics.
//!
//! The grammar itself lives in `grammar.lalrpop`; lalrpop generates an LR(1)
//! parser from it at build time. The generated parser is table driven: it
//! keeps its stack on the heap, so deep input cannot overflow the native stack
//! while parsing, and the height limit of [`crate::ast`] keeps the tree that
//! comes out safe for the recursive passes after it.
//!
//! What this module adds is the translation of lalrpop's errors, which speak
//! in grammar terminals (`"\";\""`), into messages for people: "missing `;`"
//! pointing after the statement that lacks it, "`{` is never closed"
//! pointing at the bracket, "expected an expression" rather than a list of
//! eleven tokens.

use crate::ast::{Expr, ExprKind, Program, Stmt, StmtKind, TooDeep, MAX_HEIGHT};
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

/// Lexes and parses a whole input.
///
/// With `repl` set, a final statement may omit its `;` (typing `1 + 2` at
/// the prompt should just work): if the input ends where a `;` is expected,
/// it is parsed again with one added.
pub fn parse(file: FileId, source: &str, repl: bool) -> Result<Program, Vec<Diagnostic>> {
    let mut tokens = lexer::lex(file, source)?;
    let mut result = parse_tokens(file, &tokens);
    if repl {
        if let Err(ParseError::UnrecognizedEof { expected, .. }) = &result {
            if expected.iter().any(|e| e == "\";\"") {
                tokens.push((source.len(), Token::Semi, source.len()));
                result = parse_tokens(file, &tokens);
            }
        }
    }
    match result {
        Ok(stmts) => Ok(Program {
            stmts,
            span: Span::new(file, 0, source.len()),
        }),
        Err(e) => Err(vec![diagnose(file, &tokens, e)]),
    }
}

fn parse_tokens<'s>(file: FileId, tokens: &[Spanned<'s>]) -> Result<Vec<Stmt>, Error<'s>> {
    let input = tokens.iter().cloned().map(Ok::<Spanned<'s>, TooDeep>);
    grammar::ProgramParser::new().parse(file, input)
}

// ---- helpers called by the grammar's actions --------------------------------

/// The span `l..r` in `file`.
pub(crate) fn sp(file: FileId, l: usize, r: usize) -> Span {
    Span::new(file, l, r)
}

/// An expression node, or the "too deep" parse error.
pub(crate) fn expr<'s>(kind: ExprKind, span: Span) -> Result<Expr, Error<'s>> {
    Expr::new(kind, span).map_err(|error| ParseError::User { error })
}

/// The value of a float literal. The lexer's regexes admit only valid float
/// syntax, which `parse` always accepts (too large becomes infinity), so the
/// fallback is never used.
pub(crate) fn float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// A binary-operator node.
pub(crate) fn binary<'s>(op: BinOp, a: Expr, b: Expr, span: Span) -> Result<Expr, Error<'s>> {
    expr(ExprKind::Binary(op, Box::new(a), Box::new(b)), span)
}

/// A statement node, or the "too deep" parse error.
pub(crate) fn stmt<'s>(kind: StmtKind, span: Span) -> Result<Stmt, Error<'s>> {
    Stmt::new(kind, span).map_err(|error| ParseError::User { error })
}

// ---- turning lalrpop's errors into diagnostics --------------------------------

fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new("SyntaxError", message, Some(span))
}

fn diagnose(file: FileId, tokens: &[Spanned<'_>], e: Error<'_>) -> Diagnostic {
    match e {
        ParseError::UnrecognizedToken {
            token: (l, token, r),
            expected,
        } => {
            let span = Span::new(file, l, r);
            let expected = Expected::new(&expected);
            if expected.semicolon {
                if let Some(prev) = previous_token(file, tokens, l) {
                    return syntax(format!("missing `;` before {}", lexer::describe(&token)), prev)
                        .with_label("expected `;` after this");
                }
            }
            let d = syntax(format!("unexpected {}", lexer::describe(&token)), span)
                .with_label(format!("expected {}", expected.text()));
            let comparison = matches!(
                token,
                Token::EqEq | Token::NotEq | Token::Lt | Token::Le | Token::Gt | Token::Ge
            );
            if comparison && !expected.others.iter().any(|o| o == lexer::spelling(&token)) {
                return d.with_note("comparisons do not chain: write `a < b and b < c`");
            }
            d
        }
        ParseError::UnrecognizedEof { location, expected } => {
            if let Some(open) = unclosed_bracket(file, tokens) {
                return syntax("unexpected end of input", open.0)
                    .with_label(format!("this `{}` is never closed", open.1));
            }
            let expected = Expected::new(&expected);
            let at = tokens
                .last()
                .map(|(l, _, r)| Span::new(file, *l, *r))
                .unwrap_or_else(|| Span::new(file, location, location));
            if expected.semicolon {
                return syntax("missing `;` at end of input", at).with_label("expected `;` after this");
            }
            syntax("unexpected end of input", at).with_label(format!("expected {} after this", expected.text()))
        }
        ParseError::ExtraToken { token: (l, token, r) } => {
            syntax(format!("unexpected {}", lexer::describe(&token)), Span::new(file, l, r))
                .with_label("expected the end of input")
        }
        ParseError::InvalidToken { location } => {
            syntax("invalid token", Span::new(file, location, location + 1)).with_label("not a calc token")
        }
        ParseError::User { error: TooDeep(span) } => syntax("program nested too deeply", span)
            .with_label(format!("this is more than {MAX_HEIGHT} levels deep"))
            .with_note("split the expression with `let` temporaries"),
    }
}

/// The token that ends just before offset `at`.
fn previous_token(file: FileId, tokens: &[Spanned<'_>], at: usize) -> Option<Span> {
    let i = tokens.partition_point(|(l, _, _)| *l < at);
    i.checked_sub(1).map(|i| Span::new(file, tokens[i].0, tokens[i].2))
}

/// The innermost bracket left open at the end of the input.
fn unclosed_bracket(file: FileId, tokens: &[Spanned<'_>]) -> Option<(Span, &'static str)> {
    let mut stack = Vec::new();
    for (l, token, r) in tokens {
        match token {
            Token::LParen => stack.push((Span::new(file, *l, *r), "(")),
            Token::LBrace => stack.push((Span::new(file, *l, *r), "{")),
            Token::RParen | Token::RBrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// lalrpop's expected-terminal list, summarized for a person.
struct Expected {
    semicolon: bool,
    statement: bool,
    expression: bool,
    others: Vec<String>,
}

/// Terminals that can continue an expression; left out of "expected" lists
/// when something more telling (a `{`, a `)`) is also expected.
const CONTINUATIONS: &[&str] = &[
    "+", "-", "*", "/", "~/", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or", "(",
];

/// Terminals that can start an expression.
const EXPRESSION_STARTS: &[&str] = &[
    "integer",
    "float",
    "string",
    "identifier",
    "true",
    "false",
    "nil",
    "(",
    "-",
    "not",
    "fn",
];

/// Keywords that can only start a statement.
const STATEMENT_STARTS: &[&str] = &["let", "if", "while", "break", "continue", "return", "try", "raise"];

impl Expected {
    fn new(expected: &[String]) -> Expected {
        let names: Vec<String> = expected.iter().map(|s| s.trim_matches('"').to_string()).collect();
        let has = |t: &str| names.iter().any(|n| n == t);
        let statement = STATEMENT_STARTS.iter().any(|t| has(t));
        let expression = has("integer");
        let mut others: Vec<String> = names
            .iter()
            .filter(|n| !(expression && EXPRESSION_STARTS.contains(&n.as_str())))
            .filter(|n| !(statement && STATEMENT_STARTS.contains(&n.as_str())))
            .cloned()
            .collect();
        if others.iter().any(|n| !CONTINUATIONS.contains(&n.as_str())) {
            others.retain(|n| !CONTINUATIONS.contains(&n.as_str()));
        } else if !others.is_empty() {
            others = vec!["an operator".to_string()];
        }
        Expected {
            semicolon: has(";"),
            statement,
            expression,
            others,
        }
    }

    fn text(&self) -> String {
        let mut parts = Vec::new();
        if self.statement {
            parts.push("a statement".to_string());
        } else if self.expression {
            parts.push("an expression".to_string());
        }
        for n in &self.others {
            match n.as_str() {
                "an operator" => parts.push(n.clone()),
                "identifier" => parts.push("a name".to_string()),
                other => parts.push(format!("`{other}`")),
            }
        }
        match parts.len() {
            0 => "something else".to_string(),
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{} or {last}", parts.join(", "))
            }
        }
    }
}
