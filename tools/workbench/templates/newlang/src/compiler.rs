//! Code generation: the AST to framework bytecode.
//!
//! After this pass only framework [`Instr`]uctions remain; the shared main
//! loop, the object spaces and the tools take over from here. The whole
//! program is one [`Code`] object.
//!
//! - **Variables are global slots** (`LoadGlobal`/`StoreGlobal`), so a REPL
//!   input sees the variables of the inputs before it. (calc shows the faster
//!   alternative: locals in registers.) Reading or assigning a variable that
//!   no `let` declared is a compile-time error.
//! - **Expressions** are compiled into a destination register, borrowing
//!   temporaries above it and handing them back (the builder's mark/reset).
//! - **Operators** are one `Binary` instruction each; what `+` *means* is the
//!   object space's business, not the compiler's.
//! - **`while`** is a forward `JumpIfFalse` out of the loop and a `JumpBack`
//!   to its test: the back-edge is where the main loop checks budgets and
//!   collects garbage.
//! - **`print`** calls the `print` builtin ([`crate::builtins`]).

use crate::ast::{Expr, ExprKind, Ident, Stmt, StmtKind};
use workbench_framework::bytecode::builder::{BuildError, CodeBuilder};
use workbench_framework::bytecode::{Code, CodeId, Const, GlobalId, Globals, Instr, Label, Module, Reg, UnOp};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::Mode;
use workbench_framework::span::Span;

/// Compiles a program into a module whose `main` is its only code object.
pub fn compile(program: &[Stmt], whole: Span, globals: &mut Globals, mode: Mode) -> Result<Module, Vec<Diagnostic>> {
    let mut c = Compiler {
        b: CodeBuilder::new("<module>", 0, whole),
        globals,
    };
    c.program(program, whole, mode).map_err(|d| vec![d])?;
    let code: Code = c.b.finish();
    Ok(Module {
        codes: vec![code],
        main: Some(CodeId(0)),
    })
}

struct Compiler<'g> {
    b: CodeBuilder,
    /// Global slot names, shared by every input of a REPL session.
    globals: &'g mut Globals,
}

type R<T> = Result<T, Diagnostic>;

impl Compiler<'_> {
    fn program(&mut self, program: &[Stmt], whole: Span, mode: Mode) -> R<()> {
        for (i, s) in program.iter().enumerate() {
            let last = i + 1 == program.len();
            match &s.kind {
                // The REPL shows the value of a final expression statement.
                StmtKind::Expr(e) if mode == Mode::Repl && last => self.print(e, s.span)?,
                _ => self.stmt(s)?,
            }
        }
        let end = Span::new(whole.file, whole.end as usize, whole.end as usize);
        let r = self.alloc(end)?;
        self.load_const(Const::None, r, end)?;
        self.b.emit(Instr::Return { src: r }, end);
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        match &s.kind {
            StmtKind::Let(name, value) => self.assign(name, value, true, s.span),
            StmtKind::Assign(name, value) => self.assign(name, value, false, s.span),
            StmtKind::Print(value) => self.print(value, s.span),
            StmtKind::While(cond, body) => {
                let head = self.b.here();
                let mark = self.b.reg_mark();
                let r = self.alloc(cond.span)?;
                self.expr(cond, r)?;
                let exit = self.b.emit(
                    Instr::JumpIfFalse {
                        cond: r,
                        target: Label(0),
                    },
                    cond.span,
                );
                self.b.reset_regs(mark);
                for s in body {
                    self.stmt(s)?;
                }
                self.b.emit(Instr::JumpBack { target: head }, s.span);
                let after = self.b.here();
                self.b.patch(exit, after);
                Ok(())
            }
            StmtKind::Expr(e) => {
                let mark = self.b.reg_mark();
                let r = self.alloc(e.span)?;
                self.expr(e, r)?;
                self.b.reset_regs(mark);
                Ok(())
            }
        }
    }

    /// `let name = value;` (`declare`) or `name = value;`. The value is
    /// compiled first, so `let x = x;` is an error when `x` is new.
    fn assign(&mut self, name: &Ident, value: &Expr, declare: bool, span: Span) -> R<()> {
        let mark = self.b.reg_mark();
        let r = self.alloc(span)?;
        self.expr(value, r)?;
        let g = if declare {
            self.globals.intern(&name.name)
        } else {
            self.declared(name)?
        };
        self.b.emit(Instr::StoreGlobal { g, src: r }, span);
        self.b.reset_regs(mark);
        Ok(())
    }

    /// `print(value)`: the callee, then its argument in the register above it.
    fn print(&mut self, value: &Expr, span: Span) -> R<()> {
        let mark = self.b.reg_mark();
        let f = self.alloc(span)?;
        let g = self.globals.intern("print");
        self.b.emit(Instr::LoadGlobal { dst: f, g }, span);
        let arg = self.alloc(span)?;
        self.expr(value, arg)?;
        self.b.emit(
            Instr::Call {
                dst: f,
                f,
                args: arg,
                argc: 1,
            },
            span,
        );
        self.b.reset_regs(mark);
        Ok(())
    }

    /// Compiles `e` so that its value ends up in register `dst`.
    fn expr(&mut self, e: &Expr, dst: Reg) -> R<()> {
        match &e.kind {
            ExprKind::Int(digits) => {
                // Too big for 64 bits: a big integer (the standard space has them).
                let c = digits
                    .parse::<i64>()
                    .map(Const::Int)
                    .unwrap_or_else(|_| Const::BigInt(digits.clone()));
                self.load_const(c, dst, e.span)
            }
            ExprKind::Var(name) => {
                let ident = Ident {
                    name: name.clone(),
                    span: e.span,
                };
                let g = self.declared(&ident)?;
                self.b.emit(Instr::LoadGlobal { dst, g }, e.span);
                Ok(())
            }
            ExprKind::Binary(op, a, b) => {
                let mark = self.b.reg_mark();
                self.expr(a, dst)?;
                let rb = self.alloc(b.span)?;
                self.expr(b, rb)?;
                self.b.emit(
                    Instr::Binary {
                        op: *op,
                        dst,
                        a: dst,
                        b: rb,
                    },
                    e.span,
                );
                self.b.reset_regs(mark);
                Ok(())
            }
            ExprKind::Neg(a) => {
                self.expr(a, dst)?;
                self.b.emit(
                    Instr::Unary {
                        op: UnOp::Neg,
                        dst,
                        a: dst,
                    },
                    e.span,
                );
                Ok(())
            }
        }
    }

    // ---- small helpers ----------------------------------------------------------

    /// The slot of a variable some `let` declared (in this input or an earlier one).
    fn declared(&mut self, name: &Ident) -> R<GlobalId> {
        self.globals.lookup(&name.name).ok_or_else(|| {
            Diagnostic::new("NameError", format!("`{}` is not declared", name.name), Some(name.span))
                .with_label("unknown variable")
                .with_note(format!("declare it first: `let {} = ...;`", name.name))
        })
    }

    fn alloc(&mut self, span: Span) -> R<Reg> {
        self.b.alloc_reg().map_err(|e| limit(e, span))
    }

    fn load_const(&mut self, c: Const, dst: Reg, span: Span) -> R<()> {
        let k = self.b.constant(c).map_err(|e| limit(e, span))?;
        self.b.emit(Instr::LoadConst { dst, k }, span);
        Ok(())
    }
}

fn limit(e: BuildError, span: Span) -> Diagnostic {
    Diagnostic::new("SyntaxError", e.to_string(), Some(span)).with_label("limit exceeded here")
}
