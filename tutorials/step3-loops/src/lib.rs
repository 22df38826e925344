//! # Tutorial step 3: comparisons and while loops
//!
//! Step 2's language plus comparisons (`== != < <= > >=`, whose values are
//! the space's booleans) and `while CONDITION { STATEMENTS }`:
//!
//! ```text
//! let n = 1;
//! while n <= 5 {
//!     print n * n;
//!     n = n + 1;
//! }
//! ```
//!
//! A loop compiles to a forward `JumpIfFalse` past the body and a `JumpBack`
//! to the condition. The `JumpBack` is where the main loop checks the
//! instruction budget and may collect garbage, so an endless loop is stopped
//! with an error instead of hanging. The book includes the pieces between the
//! `ANCHOR` comments.
#![warn(missing_docs)]

use logos::Logos;
use workbench_framework::bytecode::builder::CodeBuilder;
use workbench_framework::bytecode::{BinOp, CodeId, Const, GlobalId, Globals, Instr, Label, Module, Reg};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::Interp;
use workbench_framework::language::{Arity, Builtin, Language, Mode};
use workbench_framework::space::{OpError, Space, Spelling};
use workbench_framework::span::{FileId, Span};

// ANCHOR: tokens
/// The tokens. Spaces and newlines are skipped.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(skip r"[ \t\r\n]+")]
pub enum Token<'s> {
    /// `print`
    #[token("print")]
    Print,
    /// `let`
    #[token("let")]
    Let,
    /// `while`
    #[token("while")]
    While,
    /// A name. Keywords win over it: logos prefers a token to a regex of the same length.
    #[regex("[A-Za-z_][A-Za-z0-9_]*", |lex| lex.slice())]
    Ident(&'s str),
    /// Decimal digits.
    #[regex("[0-9]+", |lex| lex.slice())]
    Int(&'s str),
    /// `+`
    #[token("+")]
    Plus,
    /// `-`
    #[token("-")]
    Minus,
    /// `*`
    #[token("*")]
    Star,
    /// `/`
    #[token("/")]
    Slash,
    /// `(`
    #[token("(")]
    LParen,
    /// `)`
    #[token(")")]
    RParen,
    /// `=`
    #[token("=")]
    Assign,
    /// `==`
    #[token("==")]
    EqEq,
    /// `!=`
    #[token("!=")]
    NotEq,
    /// `<`
    #[token("<")]
    Lt,
    /// `<=`
    #[token("<=")]
    Le,
    /// `>`
    #[token(">")]
    Gt,
    /// `>=`
    #[token(">=")]
    Ge,
    /// `{`
    #[token("{")]
    LBrace,
    /// `}`
    #[token("}")]
    RBrace,
    /// `;`
    #[token(";")]
    Semi,
}
// ANCHOR_END: tokens

// ANCHOR: ast
/// A statement, with the span of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Where it was written.
    pub span: Span,
}

/// The kinds of statements. A name comes with the span where it is written.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `print EXPR;`
    Print(Expr),
    /// `let NAME = EXPR;`
    Let((String, Span), Expr),
    /// `NAME = EXPR;`
    Assign((String, Span), Expr),
    /// `while EXPR { STATEMENTS }`
    While(Expr, Vec<Stmt>),
}

/// An expression, with the span of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
    /// Height of the tree below (leaves are 1).
    pub height: u32,
}

/// The kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal, as written.
    Int(String),
    /// A variable read.
    Var(String),
    /// `a op b`, with the framework's own operator type.
    Binary(BinOp, Box<Expr>, Box<Expr>),
}
// ANCHOR_END: ast

// ANCHOR: height
/// The highest expression tree we build. The compiler below is recursive, so
/// a tree of a million nodes would overflow the native stack: refusing it
/// here turns a crash into a syntax error.
pub const MAX_HEIGHT: u32 = 500;

/// "This expression is too deep", at its span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooDeep(pub Span);

/// Builds a node, refusing trees higher than [`MAX_HEIGHT`].
pub fn node<'s>(kind: ExprKind, span: Span) -> Result<Expr, lalrpop_util::ParseError<usize, Token<'s>, TooDeep>> {
    let height = 1 + match &kind {
        ExprKind::Int(_) | ExprKind::Var(_) => 0,
        ExprKind::Binary(_, a, b) => a.height.max(b.height),
    };
    if height > MAX_HEIGHT {
        return Err(lalrpop_util::ParseError::User { error: TooDeep(span) });
    }
    Ok(Expr { kind, span, height })
}
// ANCHOR_END: height

/// The span `l..r` in `file` (for the grammar's actions).
pub fn sp(file: FileId, l: usize, r: usize) -> Span {
    Span::new(file, l, r)
}

lalrpop_util::lalrpop_mod!(
    #[allow(missing_docs, unused_imports, clippy::all)]
    grammar
);

// ANCHOR: parse
/// Lexes and parses a program into its statements.
pub fn parse(file: FileId, source: &str) -> Result<Vec<Stmt>, Diagnostic> {
    let mut tokens = Vec::new();
    let mut lexer = Token::lexer(source);
    while let Some(token) = lexer.next() {
        let range = lexer.span();
        let span = Span::new(file, range.start, range.end);
        match token {
            Ok(token) => tokens.push(Ok((range.start, token, range.end))),
            Err(()) => return Err(Diagnostic::new("SyntaxError", "unexpected character", Some(span))),
        }
    }
    grammar::ProgramParser::new().parse(file, tokens).map_err(|e| {
        use lalrpop_util::ParseError::*;
        let (message, l, r) = match e {
            UnrecognizedToken { token: (l, _, r), .. } | ExtraToken { token: (l, _, r) } => ("unexpected token", l, r),
            UnrecognizedEof { location, .. } => ("unexpected end of input", location, location),
            InvalidToken { location } => ("invalid token", location, location),
            User { error: TooDeep(span) } => return Diagnostic::new("SyntaxError", "too deeply nested", Some(span)),
        };
        Diagnostic::new("SyntaxError", message, Some(Span::new(file, l, r)))
    })
}
// ANCHOR_END: parse

// ANCHOR: compile
/// Compiles the statements into one code object.
pub fn compile(program: &[Stmt], whole: Span, globals: &mut Globals) -> Result<Module, Diagnostic> {
    let mut b = CodeBuilder::new("<module>", 0, whole);
    for s in program {
        stmt(&mut b, globals, s)?;
    }
    let none = alloc(&mut b, whole)?;
    load(&mut b, Const::None, none, whole)?;
    b.emit(Instr::Return { src: none }, whole);
    Ok(Module {
        codes: vec![b.finish()],
        main: Some(CodeId(0)),
    })
}

fn stmt(b: &mut CodeBuilder, globals: &mut Globals, s: &Stmt) -> Result<(), Diagnostic> {
    let mark = b.reg_mark();
    match &s.kind {
        StmtKind::Print(e) => {
            let print = globals.intern("print");
            let f = alloc(b, e.span)?;
            b.emit(Instr::LoadGlobal { dst: f, g: print }, e.span);
            let arg = alloc(b, e.span)?;
            expr(b, globals, e, arg)?;
            b.emit(
                Instr::Call {
                    dst: f,
                    f,
                    args: arg,
                    argc: 1,
                },
                e.span,
            );
        }
        StmtKind::Let((name, _), e) => {
            let value = alloc(b, e.span)?;
            expr(b, globals, e, value)?;
            let g = globals.intern(name);
            b.emit(Instr::StoreGlobal { g, src: value }, s.span);
        }
        StmtKind::Assign((name, at), e) => {
            let g = declared(globals, name, *at)?;
            let value = alloc(b, e.span)?;
            expr(b, globals, e, value)?;
            b.emit(Instr::StoreGlobal { g, src: value }, s.span);
        }
        // ANCHOR: while
        StmtKind::While(condition, body) => {
            let head = b.here();
            let test = alloc(b, condition.span)?;
            expr(b, globals, condition, test)?;
            // The target is not known yet: emit a placeholder and patch it below.
            let exit = b.emit(
                Instr::JumpIfFalse {
                    cond: test,
                    target: Label(0),
                },
                condition.span,
            );
            b.reset_regs(mark);
            for s in body {
                stmt(b, globals, s)?;
            }
            b.emit(Instr::JumpBack { target: head }, s.span);
            let after = b.here();
            b.patch(exit, after);
        } // ANCHOR_END: while
    }
    b.reset_regs(mark);
    Ok(())
}

/// The global slot of a variable that some `let` declared (now or in an earlier REPL input).
fn declared(globals: &Globals, name: &str, at: Span) -> Result<GlobalId, Diagnostic> {
    globals.lookup(name).ok_or_else(|| {
        Diagnostic::new("NameError", format!("`{name}` is not declared"), Some(at)).with_label("unknown variable")
    })
}

/// Compiles `e` so that its value ends up in register `dst`.
fn expr(b: &mut CodeBuilder, globals: &Globals, e: &Expr, dst: Reg) -> Result<(), Diagnostic> {
    match &e.kind {
        ExprKind::Int(digits) => {
            let c = digits
                .parse()
                .map(Const::Int)
                .unwrap_or_else(|_| Const::BigInt(digits.clone()));
            load(b, c, dst, e.span)
        }
        ExprKind::Var(name) => {
            let g = declared(globals, name, e.span)?;
            b.emit(Instr::LoadGlobal { dst, g }, e.span);
            Ok(())
        }
        ExprKind::Binary(op, left, right) => {
            let mark = b.reg_mark();
            expr(b, globals, left, dst)?;
            let tmp = alloc(b, right.span)?;
            expr(b, globals, right, tmp)?;
            b.emit(
                Instr::Binary {
                    op: *op,
                    dst,
                    a: dst,
                    b: tmp,
                },
                e.span,
            );
            b.reset_regs(mark);
            Ok(())
        }
    }
}
// ANCHOR_END: compile

fn alloc(b: &mut CodeBuilder, span: Span) -> Result<Reg, Diagnostic> {
    b.alloc_reg()
        .map_err(|e| Diagnostic::new("SyntaxError", e.to_string(), Some(span)))
}

fn load(b: &mut CodeBuilder, c: Const, dst: Reg, span: Span) -> Result<(), Diagnostic> {
    let k = b
        .constant(c)
        .map_err(|e| Diagnostic::new("SyntaxError", e.to_string(), Some(span)))?;
    b.emit(Instr::LoadConst { dst, k }, span);
    Ok(())
}

// ANCHOR: builtins
/// `print(x)`: the space displays the value; the interpreter writes it.
pub fn print<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let value = args.first().ok_or_else(|| OpError::type_error("print needs a value"))?;
    let text = format!("{}\n", interp.display(value)?);
    interp.write_out(&text, args)?;
    Ok(interp.space.none())
}
// ANCHOR_END: builtins

// ANCHOR: language
/// The language, as the framework sees it.
pub struct Sprout;

impl Language for Sprout {
    fn name(&self) -> &'static str {
        "sprout"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["sprout"]
    }
    fn description(&self) -> &'static str {
        "the tutorial's language, step 3: comparisons and while loops"
    }
    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "true",
            false_: "false",
            none: "none",
        }
    }
    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        _mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        let program = parse(file, source).map_err(|d| vec![d])?;
        compile(&program, Span::new(file, 0, source.len()), globals).map_err(|d| vec![d])
    }
    /// For the REPL: wait for more lines while a `{` is open.
    fn input_complete(&self, source: &str) -> bool {
        let mut depth = 0i64;
        for token in Token::lexer(source).flatten() {
            match token {
                Token::LBrace => depth += 1,
                Token::RBrace => depth -= 1,
                _ => {}
            }
        }
        depth <= 0
    }
    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        vec![Builtin {
            name: "print",
            arity: Arity::Exact(1),
            func: print::<S>,
        }]
    }
}
// ANCHOR_END: language
