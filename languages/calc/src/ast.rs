//! The abstract syntax tree: what the parser builds and the compiler walks.
//!
//! The tree mirrors the surface syntax closely (an `else if` chain is one
//! [`StmtKind::If`] with several arms, not nested ifs), and every node carries
//! the [`Span`] of the source it came from, because every instruction the
//! compiler emits, and so every runtime error, points back at it.
//!
//! Each node also records its *height* (1 for a leaf). The passes over the
//! tree are recursive, so a tree that is too high would overflow the native
//! stack; the parser builds nodes bottom-up through [`Expr::new`] and
//! [`Stmt::new`], which refuse to build anything higher than [`MAX_HEIGHT`].
//! Together with the lexer's bracket limit this makes "no input can crash the
//! front end" a property of the data structure rather than of each pass.

use workbench_framework::bytecode::{BinOp, UnOp};
use workbench_framework::span::Span;

/// The highest tree the parser will build. Real programs stay far below it;
/// `1 + 1 + ... + 1` with more terms than this is refused with a diagnostic.
pub const MAX_HEIGHT: u32 = 1000;

/// Raised while building a node higher than [`MAX_HEIGHT`]; carries the node's span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooDeep(pub Span);

/// A name as written in the source, with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name.
    pub name: String,
    /// Where it appears.
    pub span: Span,
}

/// A whole program (or one REPL input): a list of statements.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The statements, in order.
    pub stmts: Vec<Stmt>,
    /// The whole input.
    pub span: Span,
}

/// A braced list of statements. Blocks delimit the scope of `let`.
pub type Block = Vec<Stmt>;

/// An expression node.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Its source: for `a + b` the whole expression.
    pub span: Span,
    /// Height of the subtree rooted here (leaves are 1).
    pub height: u32,
}

/// The kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal, as its decimal digits (the compiler picks `Int` or `BigInt`).
    Int(String),
    /// A float literal.
    Float(f64),
    /// A string literal with escapes decoded.
    Str(String),
    /// `true` or `false`.
    Bool(bool),
    /// `nil`.
    Nil,
    /// A variable read.
    Var(String),
    /// `a op b` for the arithmetic and comparison operators.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `-a` or `not a`.
    Unary(UnOp, Box<Expr>),
    /// `a and b` (short-circuit: `a` if it is falsy, else `b`).
    And(Box<Expr>, Box<Expr>),
    /// `a or b` (short-circuit: `a` if it is truthy, else `b`).
    Or(Box<Expr>, Box<Expr>),
    /// `f(args...)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `fn(params) { body }`.
    Function(Box<Function>),
}

/// A function literal or declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// The declared name (`fn fib(...)`); `None` for `fn(...) {...}` expressions.
    pub name: Option<Ident>,
    /// Parameter names.
    pub params: Vec<Ident>,
    /// The body.
    pub body: Block,
    /// From `fn` to the closing brace.
    pub span: Span,
}

/// A statement node.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Its source, including the `;`.
    pub span: Span,
    /// Height of the subtree rooted here.
    pub height: u32,
}

/// The kinds of statements.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `let name = value;`
    Let(Ident, Expr),
    /// `name = value;` (the variable must be declared).
    Assign(Ident, Expr),
    /// `fn name(params) { body }`
    FnDecl(Function),
    /// `if c1 { .. } else if c2 { .. } else { .. }`: the arms in order, then the else block.
    If(Vec<(Expr, Block)>, Option<Block>),
    /// `while cond { body }`
    While(Expr, Block),
    /// `break;`
    Break,
    /// `continue;`
    Continue,
    /// `return value;` or `return;`
    Return(Option<Expr>),
    /// `try { body } catch name { handler }`
    Try(Block, Ident, Block),
    /// `raise value;`
    Raise(Expr),
    /// `expr;`
    Expr(Expr),
}

fn block_height(block: &Block) -> u32 {
    block.iter().map(|s| s.height).max().unwrap_or(0)
}

impl Function {
    /// Height of the function's body, as seen from the expression or statement that holds it.
    pub fn height(&self) -> u32 {
        block_height(&self.body) + 1
    }
}

impl Expr {
    /// Builds a node, refusing one higher than [`MAX_HEIGHT`].
    pub fn new(kind: ExprKind, span: Span) -> Result<Expr, TooDeep> {
        let children = match &kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::Nil
            | ExprKind::Var(_) => 0,
            ExprKind::Binary(_, a, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => a.height.max(b.height),
            ExprKind::Unary(_, a) => a.height,
            ExprKind::Call(f, args) => args.iter().map(|a| a.height).fold(f.height, u32::max),
            ExprKind::Function(f) => f.height(),
        };
        let height = children + 1;
        if height > MAX_HEIGHT {
            return Err(TooDeep(span));
        }
        Ok(Expr { kind, span, height })
    }
}

impl Stmt {
    /// Builds a node, refusing one higher than [`MAX_HEIGHT`].
    pub fn new(kind: StmtKind, span: Span) -> Result<Stmt, TooDeep> {
        let children = match &kind {
            StmtKind::Let(_, e) | StmtKind::Assign(_, e) | StmtKind::Raise(e) | StmtKind::Expr(e) => e.height,
            StmtKind::Return(e) => e.as_ref().map_or(0, |e| e.height),
            StmtKind::Break | StmtKind::Continue => 0,
            StmtKind::FnDecl(f) => f.height(),
            StmtKind::If(arms, els) => arms
                .iter()
                .map(|(c, b)| c.height.max(block_height(b)))
                .fold(els.as_ref().map_or(0, block_height), u32::max),
            StmtKind::While(c, b) => c.height.max(block_height(b)),
            StmtKind::Try(body, _, handler) => block_height(body).max(block_height(handler)),
        };
        let height = children + 1;
        if height > MAX_HEIGHT {
            return Err(TooDeep(span));
        }
        Ok(Stmt { kind, span, height })
    }
}
