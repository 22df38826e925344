//! The abstract syntax tree: what the parser builds and the compiler walks.
//!
//! Every node carries the [`Span`] of its source, because every instruction
//! the compiler emits, and so every runtime error, points back at it.
//! Expressions also record their height: the compiler walks them
//! recursively, so [`Expr::new`] refuses trees higher than [`MAX_HEIGHT`]
//! (`1 + 1 + ... + 1` with thousands of terms is a syntax error, not a crash).
//!
//! Binary operators reuse the framework's [`BinOp`]: the object space
//! already knows what `Add` or `Lt` means for integers, so a new operator
//! needs no new AST variant and no new compiler code.

use workbench_framework::bytecode::BinOp;
use workbench_framework::span::Span;

/// The highest expression tree the parser builds.
pub const MAX_HEIGHT: u32 = 500;

/// The parse error for a tree higher than [`MAX_HEIGHT`], at the node's span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooDeep(pub Span);

/// An expression node.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Its source text's range.
    pub span: Span,
    /// Height of the subtree rooted here (leaves are 1).
    pub height: u32,
}

/// The kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal, as its digits.
    Int(String),
    /// A variable.
    Var(String),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `-a`.
    Neg(Box<Expr>),
}

impl Expr {
    /// A node, unless it would make the tree too high.
    pub fn new(kind: ExprKind, span: Span) -> Result<Expr, TooDeep> {
        let height = 1 + match &kind {
            ExprKind::Int(_) | ExprKind::Var(_) => 0,
            ExprKind::Binary(_, a, b) => a.height.max(b.height),
            ExprKind::Neg(a) => a.height,
        };
        if height > MAX_HEIGHT {
            return Err(TooDeep(span));
        }
        Ok(Expr { kind, span, height })
    }
}

/// A statement node.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Its source text's range.
    pub span: Span,
}

/// The kinds of statements.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `let name = value;` declares a variable.
    Let(Ident, Expr),
    /// `name = value;` assigns a declared variable.
    Assign(Ident, Expr),
    /// `print value;`
    Print(Expr),
    /// `while condition { body }`
    While(Expr, Vec<Stmt>),
    /// `value;` (in the REPL the last one is printed).
    Expr(Expr),
}

/// A name where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}
