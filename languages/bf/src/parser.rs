//! The parser: tokens to a flat list of folded operations, with the brackets matched.
//!
//! bf needs no grammar generator. Its only structure is bracket nesting, and
//! a hand-written matcher with a stack of open `[` does that in one pass, so
//! this crate does not use lalrpop (calc shows the lalrpop route). The
//! matcher never recurses: a program nested a million brackets deep is just
//! a deep `Vec`, not a deep native stack.
//!
//! While it walks the tokens the parser also *folds*: a run of `+` and `-`
//! becomes one [`OpKind::Add`] of the net amount modulo 256, a run of `>` and
//! `<` one [`OpKind::Move`] of the net distance (runs that cancel out vanish),
//! and the idiom `[-]` (or `[+]`) becomes [`OpKind::Clear`]. Folding is what
//! every serious bf implementation does first; here it also keeps the
//! bytecode listing readable. One consequence is documented in the crate
//! tour: the pointer is checked after each folded run of moves, so `<>` at
//! cell 0 is not an error.

use crate::lexer::{self, Token};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// At most this many bracket errors are reported for one program.
const MAX_ERRORS: usize = 5;

/// One operation after folding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    /// `cell := (cell + n) % 256`, from a run of `+` and `-` (n in 1..=255).
    Add(u8),
    /// `pointer := pointer + n`, from a run of `>` and `<` (n is never 0).
    Move(i64),
    /// `[-]` or `[+]`: `cell := 0`.
    Clear,
    /// `.`: write the cell as one byte.
    Output,
    /// `,`: read one byte into the cell (at end of input the cell is unchanged).
    Input,
    /// `[`: if the cell is zero, continue after the `Close` at index `close`.
    Open {
        /// Index of the matching [`OpKind::Close`] in the op list.
        close: usize,
    },
    /// `]`: go back to the `Open` at index `open`.
    Close {
        /// Index of the matching [`OpKind::Open`] in the op list.
        open: usize,
    },
}

/// An operation with the source it came from (for a run: first to last token).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Op {
    /// What to do.
    pub kind: OpKind,
    /// Where it was written.
    pub span: Span,
}

/// Parses a program: folds runs, matches brackets, recognizes `[-]`.
///
/// Unbalanced brackets are syntax errors: an unmatched `]` is reported where
/// it stands, an unclosed `[` likewise (up to five errors at once).
pub fn parse(file: FileId, source: &str) -> Result<Vec<Op>, Vec<Diagnostic>> {
    let tokens = lexer::lex(file, source);
    let mut ops: Vec<Op> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut errors = Vec::new();
    for (token, span) in tokens {
        match token {
            Token::Plus | Token::Minus => {
                let delta: u8 = if token == Token::Plus { 1 } else { 255 };
                add(&mut ops, delta, span);
            }
            Token::Right | Token::Left => {
                let delta: i64 = if token == Token::Right { 1 } else { -1 };
                step(&mut ops, delta, span);
            }
            Token::Output => ops.push(Op {
                kind: OpKind::Output,
                span,
            }),
            Token::Input => ops.push(Op {
                kind: OpKind::Input,
                span,
            }),
            Token::Open => {
                open.push(ops.len());
                ops.push(Op {
                    kind: OpKind::Open { close: 0 },
                    span,
                });
            }
            Token::Close => match open.pop() {
                Some(at) => close(&mut ops, at, span),
                None => errors.push(
                    Diagnostic::new("SyntaxError", "unmatched `]`", Some(span)).with_label("no `[` opens this loop"),
                ),
            },
        }
    }
    for at in open.into_iter().rev() {
        errors.push(
            Diagnostic::new("SyntaxError", "unclosed `[`", Some(ops[at].span)).with_label("this `[` is never closed"),
        );
    }
    if errors.is_empty() {
        Ok(ops)
    } else {
        errors.sort_by_key(|d| d.span.map(|s| s.start));
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

/// Folds a `+` (1) or `-` (255) into a preceding `Add`, dropping it if the run cancels out.
fn add(ops: &mut Vec<Op>, delta: u8, span: Span) {
    if let Some(last) = ops.last_mut() {
        if let OpKind::Add(n) = last.kind {
            let sum = n.wrapping_add(delta);
            if sum == 0 {
                ops.pop();
            } else {
                last.kind = OpKind::Add(sum);
                last.span = last.span.to(span);
            }
            return;
        }
    }
    ops.push(Op {
        kind: OpKind::Add(delta),
        span,
    });
}

/// Folds a `>` (1) or `<` (-1) into a preceding `Move`, dropping it if the run cancels out.
fn step(ops: &mut Vec<Op>, delta: i64, span: Span) {
    if let Some(last) = ops.last_mut() {
        if let OpKind::Move(n) = last.kind {
            let sum = n.saturating_add(delta);
            if sum == 0 {
                ops.pop();
            } else {
                last.kind = OpKind::Move(sum);
                last.span = last.span.to(span);
            }
            return;
        }
    }
    ops.push(Op {
        kind: OpKind::Move(delta),
        span,
    });
}

/// Closes the loop opened at `at`: either the `[-]` idiom, or a matched pair.
fn close(ops: &mut Vec<Op>, at: usize, span: Span) {
    let clear = ops.len() == at + 2 && matches!(ops[at + 1].kind, OpKind::Add(1 | 255));
    if clear {
        let whole = ops[at].span.to(span);
        ops.truncate(at);
        ops.push(Op {
            kind: OpKind::Clear,
            span: whole,
        });
        return;
    }
    let here = ops.len();
    ops[at].kind = OpKind::Open { close: here };
    ops.push(Op {
        kind: OpKind::Close { open: at },
        span,
    });
}
