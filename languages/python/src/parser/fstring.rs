//! String literals in the tree: implicit concatenation and f-string fields.
//!
//! Adjacent literals (`"a" 'b'`, `"x" f"{y}"`) are one expression in
//! Python. The grammar collects them; [`strings`] joins them into a single
//! [`ExprKind::Str`], or into an [`ExprKind::FString`] if any part has a
//! replacement field.
//!
//! The lexer split each f-string into pieces, recording for every field
//! only *where* its expression is. Here each such range is parsed with the
//! full grammar (see [`super::parse_fstring_expr`]), so `f"{a + b!r:>{w}}"`
//! yields real `Binary` and `Name` nodes whose spans point into the
//! original source. Recursion is bounded: in Python 3.11 an expression
//! inside an f-string can neither contain a backslash nor the quote that
//! ends the string around it, so f-strings nest at most four deep, and
//! format specs nest at most two deep (the lexer enforces both).

use super::actions::{expr, PError, PResult};
use crate::ast::{Conversion, ExprKind, FStringPart, FormattedValue};
use crate::lexer::{FPiece, StrLit};
use lalrpop_util::ParseError;
use workbench_framework::span::{FileId, Span};

/// Joins adjacent string literals (`parts` with their token ranges) into one expression.
pub(crate) fn strings<'s>(
    file: FileId,
    source: &'s str,
    parts: Vec<(usize, StrLit, usize)>,
    l: usize,
    r: usize,
) -> PResult<'s, crate::ast::Expr> {
    let span = Span::new(file, l, r);
    let mut out: Vec<FStringPart> = Vec::new();
    for (_, lit, _) in parts {
        match lit {
            StrLit::Plain(text) => push_literal(&mut out, text),
            StrLit::Format(pieces) => {
                for piece in pieces {
                    convert(file, source, piece, &mut out)?;
                }
            }
        }
    }
    let all_literal = out.iter().all(|p| matches!(p, FStringPart::Literal(_)));
    if all_literal {
        let text = out
            .into_iter()
            .map(|p| match p {
                FStringPart::Literal(s) => s,
                FStringPart::Field(_) => String::new(),
            })
            .collect();
        return expr(ExprKind::Str(text), span);
    }
    expr(ExprKind::FString(out), span)
}

/// Appends literal text, merging it with a literal just before.
fn push_literal(out: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = out.last_mut() {
        last.push_str(&text);
    } else {
        out.push(FStringPart::Literal(text));
    }
}

/// Converts one lexer piece into tree parts, parsing a field's expression.
fn convert<'s>(file: FileId, source: &'s str, piece: FPiece, out: &mut Vec<FStringPart>) -> PResult<'s, ()> {
    let field = match piece {
        FPiece::Literal(text) => {
            push_literal(out, text);
            return Ok(());
        }
        FPiece::Field(field) => field,
    };
    if let Some(text) = field.debug {
        push_literal(out, text);
    }
    let value = super::parse_fstring_expr(file, source, field.expr.0, field.expr.1)
        .map_err(|error| -> PError<'s> { ParseError::User { error } })?;
    let mut spec = Vec::new();
    for piece in field.spec.into_iter().flatten() {
        convert(file, source, piece, &mut spec)?;
    }
    let conversion = match field.conversion {
        Some('s') => Some(Conversion::Str),
        Some('r') => Some(Conversion::Repr),
        Some('a') => Some(Conversion::Ascii),
        _ => None,
    };
    out.push(FStringPart::Field(FormattedValue {
        value: Box::new(value),
        conversion,
        spec,
        span: Span::new(file, field.start, field.end),
    }));
    Ok(())
}
