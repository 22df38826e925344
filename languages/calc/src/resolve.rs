//! Scope analysis: which variables nested functions capture, and the static errors.
//!
//! The register machine keeps locals in registers, but a variable that a
//! nested function uses must outlive its frame and be shared with the
//! closure, so it lives in a heap *cell*. The compiler has to know this when
//! it reaches the declaration (it emits `NewCell` right after the initial
//! value), yet the use that forces it comes later in the text. So before
//! generating code we walk the tree once with the same scope rules as the
//! compiler and record every captured declaration. (CPython's `symtable.c`
//! and Lua's `lparser.c` do the same job; Lua does it in one pass by patching,
//! we keep the two concerns apart because it reads better.)
//!
//! The walk is also the natural place for the errors that need scopes but no
//! code: assigning an undeclared variable, `break`/`continue` outside a loop,
//! `return` outside a function, duplicate parameters.
//!
//! Scope rules (the compiler follows the same ones):
//! - `let` and `fn` directly in the program's outermost statement list declare
//!   **globals**; everywhere else they declare block-scoped **locals**.
//! - A function's parameters and the top of its body share one scope; every
//!   `{ }` block opens a new one; a `catch` variable is local to its handler.
//! - `let x = e;` evaluates `e` before `x` is in scope; `fn f() {..}` is in
//!   scope inside its own body, so local functions can recurse.
//! - A name found nowhere is a global, looked up at run time (NameError if unbound).

use crate::ast::{Block, Expr, ExprKind, Function, Ident, Program, Stmt, StmtKind};
use std::collections::HashSet;
use workbench_framework::bytecode::Globals;
use workbench_framework::diagnostic::Diagnostic;

/// What the compiler needs to know in advance.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Declarations captured by a nested function, keyed by the byte offset of
    /// the declared name (unique per declaration in one input).
    pub captured: HashSet<u32>,
}

impl Analysis {
    /// True if the variable declared by `name` must live in a cell.
    pub fn is_captured(&self, name: &Ident) -> bool {
        self.captured.contains(&name.span.start)
    }
}

/// Walks a program; returns the captured set or every static error found.
pub fn analyze(program: &Program, globals: &Globals) -> Result<Analysis, Vec<Diagnostic>> {
    let mut declared = HashSet::new();
    for s in &program.stmts {
        match &s.kind {
            StmtKind::Let(name, _) => {
                declared.insert(name.name.clone());
            }
            StmtKind::FnDecl(Function { name: Some(name), .. }) => {
                declared.insert(name.name.clone());
            }
            _ => {}
        }
    }
    let mut r = Resolver {
        funcs: vec![Scopes {
            scopes: Vec::new(),
            loops: 0,
            is_module: true,
        }],
        declared_globals: declared,
        globals,
        analysis: Analysis::default(),
        errors: Vec::new(),
    };
    for s in &program.stmts {
        r.stmt(s);
    }
    if r.errors.is_empty() {
        Ok(r.analysis)
    } else {
        Err(r.errors)
    }
}

/// The scopes of one function being walked.
struct Scopes {
    /// Innermost last; each holds `(name, declaration offset)`.
    scopes: Vec<Vec<(String, u32)>>,
    /// How many loops enclose the current statement (within this function).
    loops: u32,
    /// True for the program's own code.
    is_module: bool,
}

struct Resolver<'a> {
    funcs: Vec<Scopes>,
    declared_globals: HashSet<String>,
    globals: &'a Globals,
    analysis: Analysis,
    errors: Vec<Diagnostic>,
}

impl Resolver<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.errors.push(d);
    }

    fn current(&mut self) -> &mut Scopes {
        let n = self.funcs.len() - 1;
        &mut self.funcs[n]
    }

    fn declare(&mut self, name: &Ident) {
        let entry = (name.name.clone(), name.span.start);
        match self.current().scopes.last_mut() {
            Some(scope) => scope.push(entry),
            None => {
                self.declared_globals.insert(name.name.clone());
            }
        }
    }

    /// Looks `name` up from the innermost scope out; marks it captured if it
    /// belongs to an enclosing function. Returns false if it is a global.
    fn lookup(&mut self, name: &str) -> bool {
        let here = self.funcs.len() - 1;
        for (level, func) in self.funcs.iter().enumerate().rev() {
            for scope in func.scopes.iter().rev() {
                if let Some((_, decl)) = scope.iter().rev().find(|(n, _)| n == name) {
                    if level != here {
                        self.analysis.captured.insert(*decl);
                    }
                    return true;
                }
            }
        }
        false
    }

    fn block(&mut self, block: &Block) {
        self.current().scopes.push(Vec::new());
        for s in block {
            self.stmt(s);
        }
        self.current().scopes.pop();
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Let(name, e) => {
                self.expr(e);
                self.declare(name);
            }
            StmtKind::Assign(name, e) => {
                self.expr(e);
                let known = self.lookup(&name.name)
                    || self.declared_globals.contains(&name.name)
                    || self.globals.lookup(&name.name).is_some();
                if !known {
                    self.error(
                        Diagnostic::new(
                            "SyntaxError",
                            format!("assignment to undeclared variable `{}`", name.name),
                            Some(name.span),
                        )
                        .with_label("not declared")
                        .with_note(format!("declare it first: `let {} = ...;`", name.name)),
                    );
                }
            }
            StmtKind::FnDecl(f) => {
                if let Some(name) = &f.name {
                    self.declare(name);
                }
                self.function(f);
            }
            StmtKind::If(arms, els) => {
                for (c, b) in arms {
                    self.expr(c);
                    self.block(b);
                }
                if let Some(b) = els {
                    self.block(b);
                }
            }
            StmtKind::While(c, b) => {
                self.expr(c);
                self.current().loops += 1;
                self.block(b);
                self.current().loops -= 1;
            }
            StmtKind::Break | StmtKind::Continue => {
                if self.current().loops == 0 {
                    let word = if matches!(s.kind, StmtKind::Break) {
                        "break"
                    } else {
                        "continue"
                    };
                    self.error(
                        Diagnostic::new("SyntaxError", format!("`{word}` outside a loop"), Some(s.span))
                            .with_label(format!("`{word}` must be inside a `while` of the same function")),
                    );
                }
            }
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
                if self.current().is_module {
                    self.error(
                        Diagnostic::new("SyntaxError", "`return` outside a function", Some(s.span))
                            .with_label("only functions can return"),
                    );
                }
            }
            StmtKind::Try(body, var, handler) => {
                self.block(body);
                self.current().scopes.push(vec![(var.name.clone(), var.span.start)]);
                self.block(handler);
                self.current().scopes.pop();
            }
            StmtKind::Raise(e) | StmtKind::Expr(e) => self.expr(e),
        }
    }

    fn function(&mut self, f: &Function) {
        let mut params: Vec<(String, u32)> = Vec::new();
        for p in &f.params {
            if params.iter().any(|(n, _)| *n == p.name) {
                self.error(
                    Diagnostic::new("SyntaxError", format!("duplicate parameter `{}`", p.name), Some(p.span))
                        .with_label("already a parameter"),
                );
            }
            params.push((p.name.clone(), p.span.start));
        }
        if f.params.len() > u8::MAX as usize {
            self.error(
                Diagnostic::new("SyntaxError", "more than 255 parameters", Some(f.span))
                    .with_label("calls pass at most 255 arguments"),
            );
        }
        self.funcs.push(Scopes {
            scopes: vec![params],
            loops: 0,
            is_module: false,
        });
        for s in &f.body {
            self.stmt(s);
        }
        self.funcs.pop();
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::Nil => {}
            ExprKind::Var(name) => {
                self.lookup(name);
            }
            ExprKind::Binary(_, a, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Unary(_, a) => self.expr(a),
            ExprKind::Call(f, args) => {
                self.expr(f);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::Function(f) => self.function(f),
        }
    }
}
