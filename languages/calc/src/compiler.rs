//! Code generation: the AST to framework bytecode.
//!
//! This is where calc stops being calc: after this pass only framework
//! [`Instr`]uctions remain, and the shared main loop, tools and (later) JIT
//! take over. The compiler is a single recursive walk that emits into one
//! [`CodeBuilder`] per function.
//!
//! Register discipline (Lua style). Registers are handed out like a stack:
//! a block's locals sit at the bottom, in declaration order, and every
//! expression borrows temporaries above them and gives them back (the
//! builder's mark/reset) when it is done. So at each call the callee and its
//! arguments are the topmost live registers, which is what the main loop's
//! calling convention requires. A local that is not captured is read straight
//! from its register (no `Move`); a captured one lives in a cell
//! ([`crate::resolve`] decided which).
//!
//! Variable access, innermost first:
//! - a local of the running function: its register, or `LoadCell`/`StoreCell`;
//! - a local of an enclosing function: `LoadFree`/`StoreFree`, after recording
//!   the capture on every function in between (`Capture::Local` in the one
//!   just inside the owner, `Capture::Free` further in);
//! - anything else: a global slot (`LoadGlobal`/`StoreGlobal`).
//!
//! Control flow uses forward jumps patched later, `JumpBack` for loop
//! back-edges, and a handler table entry per `try`. A `return f(x);` becomes a
//! `TailCall` unless it sits inside a `try` body (the handler must stay active
//! while `f` runs, so that frame has to stay).

use crate::ast::{Block, Expr, ExprKind, Function, Ident, Program, Stmt, StmtKind};
use crate::resolve::{self, Analysis};
use workbench_framework::bytecode::builder::{BuildError, CodeBuilder};
use workbench_framework::bytecode::{
    Capture, Code, CodeId, Const, GlobalId, Globals, Handler, Instr, Label, Module, Reg, UnOp,
};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::Mode;
use workbench_framework::span::Span;

/// The hidden builtin a REPL input's trailing expression is passed to.
pub const ECHO: &str = "__echo__";

/// Compiles a parsed program into a module whose `main` is the top-level code.
pub fn compile(program: &Program, globals: &mut Globals, mode: Mode) -> Result<Module, Vec<Diagnostic>> {
    let analysis = resolve::analyze(program, globals)?;
    let mut c = Compiler {
        globals,
        analysis: &analysis,
        funcs: Vec::new(),
        codes: vec![None],
    };
    c.module(program, mode).map_err(|d| vec![*d])?;
    let codes = c.codes.into_iter().map(Option::unwrap_or_default).collect();
    Ok(Module {
        codes,
        main: Some(CodeId(0)),
    })
}

/// Internal results carry one boxed diagnostic (the first error ends compilation).
type R<T> = Result<T, Box<Diagnostic>>;

/// Turns a builder limit into a diagnostic at `span`.
fn limit<T>(r: Result<T, BuildError>, span: Span) -> R<T> {
    r.map_err(|e| Box::new(Diagnostic::new("SyntaxError", e.to_string(), Some(span)).with_label("limit exceeded here")))
}

/// A local variable in scope.
struct Local {
    name: String,
    reg: Reg,
    /// True if the register holds a cell (the variable is captured).
    cell: bool,
}

/// An enclosing `while`.
struct Loop {
    start: Label,
    breaks: Vec<Label>,
}

/// One function being compiled.
struct FuncState {
    builder: CodeBuilder,
    /// Block scopes, innermost last. Empty only in the program's outermost list.
    scopes: Vec<Vec<Local>>,
    loops: Vec<Loop>,
    /// How many `try` bodies enclose the current statement (no tail calls there).
    try_depth: u32,
}

/// Where a variable lives, as seen from the running function.
enum Place {
    Register(Reg),
    Cell(Reg),
    Free(u16),
    Global(GlobalId),
}

struct Compiler<'a> {
    globals: &'a mut Globals,
    analysis: &'a Analysis,
    /// The function being compiled is last; the program's code is first.
    funcs: Vec<FuncState>,
    /// `Module.codes` under construction; a slot is reserved when a function starts.
    codes: Vec<Option<Code>>,
}

impl Compiler<'_> {
    // ---- small helpers ------------------------------------------------------

    fn f(&mut self) -> &mut FuncState {
        let n = self.funcs.len() - 1;
        &mut self.funcs[n]
    }

    fn b(&mut self) -> &mut CodeBuilder {
        &mut self.f().builder
    }

    fn emit(&mut self, instr: Instr, span: Span) -> Label {
        self.b().emit(instr, span)
    }

    fn here(&mut self) -> Label {
        self.b().here()
    }

    fn alloc(&mut self, span: Span) -> R<Reg> {
        limit(self.b().alloc_reg(), span)
    }

    fn mark(&mut self) -> u32 {
        self.b().reg_mark()
    }

    fn reset(&mut self, mark: u32) {
        self.b().reset_regs(mark)
    }

    fn load_const(&mut self, c: Const, dst: Reg, span: Span) -> R<()> {
        let k = limit(self.b().constant(c), span)?;
        self.emit(Instr::LoadConst { dst, k }, span);
        Ok(())
    }

    fn at_top_level(&self) -> bool {
        self.funcs.len() == 1 && self.funcs[0].scopes.is_empty()
    }

    fn internal(&self, what: &str, span: Span) -> Box<Diagnostic> {
        Box::new(Diagnostic::new(
            "InternalError",
            format!("calc compiler: {what}"),
            Some(span),
        ))
    }

    // ---- variables ----------------------------------------------------------

    /// Brings a new local into the innermost scope; boxes it if it is captured.
    fn declare(&mut self, name: &Ident, reg: Reg, span: Span) {
        let cell = self.analysis.is_captured(name);
        if cell {
            self.emit(Instr::NewCell { dst: reg, src: reg }, span);
        }
        let local = Local {
            name: name.name.clone(),
            reg,
            cell,
        };
        if let Some(scope) = self.f().scopes.last_mut() {
            scope.push(local);
            self.f().builder.name_local(&name.name, reg);
        }
    }

    /// Leaves the innermost block scope (its locals' registers are free again).
    fn pop_scope(&mut self) {
        let func = self.f();
        if let Some(scope) = func.scopes.pop() {
            for l in scope {
                func.builder.end_local(l.reg);
            }
        }
    }

    /// True if `reg` holds a variable in scope.
    fn is_variable(&mut self, reg: Reg) -> bool {
        self.f().scopes.iter().any(|scope| scope.iter().any(|l| l.reg == reg))
    }

    fn find_local(func: &FuncState, name: &str) -> Option<(Reg, bool)> {
        func.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.iter().rev().find(|l| l.name == name).map(|l| (l.reg, l.cell)))
    }

    fn place(&mut self, name: &str, span: Span) -> R<Place> {
        let here = self.funcs.len() - 1;
        if let Some((reg, cell)) = Self::find_local(&self.funcs[here], name) {
            return Ok(if cell { Place::Cell(reg) } else { Place::Register(reg) });
        }
        match self.free(here, name, span)? {
            Some(idx) => Ok(Place::Free(idx)),
            None => Ok(Place::Global(self.globals.intern(name))),
        }
    }

    /// The free index of `name` in function `level`, recording captures on the way.
    fn free(&mut self, level: usize, name: &str, span: Span) -> R<Option<u16>> {
        if level == 0 {
            return Ok(None);
        }
        let capture = match Self::find_local(&self.funcs[level - 1], name) {
            Some((reg, true)) => Capture::Local(reg),
            Some((_, false)) => return Err(self.internal(&format!("`{name}` captured but not a cell"), span)),
            None => match self.free(level - 1, name, span)? {
                Some(idx) => Capture::Free(idx),
                None => return Ok(None),
            },
        };
        Ok(Some(self.funcs[level].builder.add_capture(capture)))
    }

    /// `dst := name`
    fn read(&mut self, name: &str, dst: Reg, span: Span) -> R<()> {
        match self.place(name, span)? {
            Place::Register(reg) if reg == dst => {}
            Place::Register(reg) => {
                self.emit(Instr::Move { dst, src: reg }, span);
            }
            Place::Cell(cell) => {
                self.emit(Instr::LoadCell { dst, cell }, span);
            }
            Place::Free(idx) => {
                self.emit(Instr::LoadFree { dst, idx }, span);
            }
            Place::Global(g) => {
                self.emit(Instr::LoadGlobal { dst, g }, span);
            }
        }
        Ok(())
    }

    /// `name := src`
    fn write(&mut self, name: &str, src: Reg, span: Span) -> R<()> {
        match self.place(name, span)? {
            Place::Register(reg) if reg == src => {}
            Place::Register(reg) => {
                self.emit(Instr::Move { dst: reg, src }, span);
            }
            Place::Cell(cell) => {
                self.emit(Instr::StoreCell { cell, src }, span);
            }
            Place::Free(idx) => {
                self.emit(Instr::StoreFree { idx, src }, span);
            }
            Place::Global(g) => {
                self.emit(Instr::StoreGlobal { g, src }, span);
            }
        }
        Ok(())
    }

    // ---- the program and functions --------------------------------------------

    fn module(&mut self, program: &Program, mode: Mode) -> R<()> {
        let builder = CodeBuilder::new("<module>", 0, program.span);
        self.funcs.push(FuncState {
            builder,
            scopes: Vec::new(),
            loops: Vec::new(),
            try_depth: 0,
        });
        let last = program.stmts.len().checked_sub(1);
        for (i, s) in program.stmts.iter().enumerate() {
            match &s.kind {
                StmtKind::Expr(e) if mode == Mode::Repl && Some(i) == last => self.echo(e, s.span)?,
                _ => self.stmt(s)?,
            }
        }
        let end = Span::new(program.span.file, program.span.end as usize, program.span.end as usize);
        let r = self.alloc(end)?;
        self.load_const(Const::None, r, end)?;
        self.emit(Instr::Return { src: r }, end);
        let main = self.funcs.pop().map(|f| f.builder.finish());
        self.codes[0] = main;
        Ok(())
    }

    /// REPL: `__echo__(e)`, which shows the value unless it is nil.
    fn echo(&mut self, e: &Expr, span: Span) -> R<()> {
        let mark = self.mark();
        let f = self.alloc(span)?;
        let g = self.globals.intern(ECHO);
        self.emit(Instr::LoadGlobal { dst: f, g }, span);
        let arg = self.alloc(span)?;
        self.expr_to(e, arg)?;
        self.emit(
            Instr::Call {
                dst: f,
                f,
                args: arg,
                argc: 1,
            },
            span,
        );
        self.reset(mark);
        Ok(())
    }

    /// Compiles a function body into a new code object and emits `MakeClosure` into `dst`.
    fn function(&mut self, func: &Function, hint: Option<&str>, dst: Reg) -> R<()> {
        let id = CodeId(self.codes.len() as u32);
        self.codes.push(None);
        let name = match (&func.name, hint) {
            (Some(n), _) => n.name.clone(),
            (None, Some(h)) => h.to_string(),
            (None, None) => "<anonymous>".to_string(),
        };
        let arity = u16::try_from(func.params.len()).map_err(|_| self.internal("too many parameters", func.span))?;
        let builder = CodeBuilder::new(name, arity, func.span);
        self.funcs.push(FuncState {
            builder,
            scopes: vec![Vec::new()],
            loops: Vec::new(),
            try_depth: 0,
        });
        for (i, p) in func.params.iter().enumerate() {
            self.declare(p, Reg(i as u16), p.span);
        }
        for s in &func.body {
            self.stmt(s)?;
        }
        if !matches!(
            func.body.last(),
            Some(Stmt {
                kind: StmtKind::Return(_),
                ..
            })
        ) {
            let end = Span::new(
                func.span.file,
                func.span.end.saturating_sub(1) as usize,
                func.span.end as usize,
            );
            let r = self.alloc(end)?;
            self.load_const(Const::None, r, end)?;
            self.emit(Instr::Return { src: r }, end);
        }
        let code = self.funcs.pop().map(|f| f.builder.finish());
        self.codes[id.0 as usize] = code;
        self.emit(Instr::MakeClosure { dst, code: id }, func.span);
        Ok(())
    }

    // ---- statements ------------------------------------------------------------

    fn block(&mut self, block: &Block) -> R<()> {
        let mark = self.mark();
        self.f().scopes.push(Vec::new());
        for s in block {
            self.stmt(s)?;
        }
        self.pop_scope();
        self.reset(mark);
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        let mark = self.mark();
        match &s.kind {
            StmtKind::Let(name, e) if self.at_top_level() => {
                let r = self.alloc(s.span)?;
                self.value_to(e, Some(&name.name), r)?;
                let g = self.globals.intern(&name.name);
                self.emit(Instr::StoreGlobal { g, src: r }, s.span);
                self.reset(mark);
            }
            StmtKind::Let(name, e) => {
                let r = self.alloc(s.span)?;
                self.value_to(e, Some(&name.name), r)?;
                self.declare(name, r, s.span);
            }
            StmtKind::Assign(name, e) => {
                // A plain local is computed in place (`Binary r1, r1 + r2`), except
                // for `and`/`or`, which write their target before they are done.
                let in_place = !matches!(e.kind, ExprKind::And(..) | ExprKind::Or(..));
                match self.place(&name.name, s.span)? {
                    Place::Register(reg) if in_place => self.value_to(e, Some(&name.name), reg)?,
                    _ => {
                        let r = self.alloc(s.span)?;
                        self.value_to(e, Some(&name.name), r)?;
                        self.write(&name.name, r, s.span)?;
                    }
                }
                self.reset(mark);
            }
            StmtKind::FnDecl(f) => self.fn_decl(f, s.span)?,
            StmtKind::If(arms, els) => self.if_chain(arms, els.as_ref(), s.span)?,
            StmtKind::While(cond, body) => {
                let start = self.here();
                let c = self.expr_reg(cond)?;
                let exit = self.emit(Instr::JumpIfFalse { cond: c, target: start }, cond.span);
                self.reset(mark);
                self.f().loops.push(Loop {
                    start,
                    breaks: Vec::new(),
                });
                self.block(body)?;
                self.emit(Instr::JumpBack { target: start }, s.span);
                let end = self.here();
                self.b().patch(exit, end);
                if let Some(lp) = self.f().loops.pop() {
                    for j in lp.breaks {
                        self.b().patch(j, end);
                    }
                }
            }
            StmtKind::Break => {
                let j = self.emit(Instr::Jump { target: Label(0) }, s.span);
                match self.f().loops.last_mut() {
                    Some(lp) => lp.breaks.push(j),
                    None => return Err(self.internal("`break` outside a loop", s.span)),
                }
            }
            StmtKind::Continue => match self.f().loops.last().map(|lp| lp.start) {
                Some(target) => {
                    self.emit(Instr::JumpBack { target }, s.span);
                }
                None => return Err(self.internal("`continue` outside a loop", s.span)),
            },
            StmtKind::Return(value) => self.ret(value.as_ref(), s.span)?,
            StmtKind::Try(body, var, handler) => self.try_catch(body, var, handler, s.span)?,
            StmtKind::Raise(e) => {
                let r = self.expr_reg(e)?;
                self.emit(Instr::Raise { src: r }, s.span);
                self.reset(mark);
            }
            StmtKind::Expr(e) => {
                self.expr_reg(e)?;
                self.reset(mark);
            }
        }
        Ok(())
    }

    /// `let`'s and assignment's right-hand side: a function literal takes the variable's name.
    fn value_to(&mut self, e: &Expr, name: Option<&str>, dst: Reg) -> R<()> {
        let mark = self.mark();
        match &e.kind {
            ExprKind::Function(f) => self.function(f, name, dst)?,
            _ => self.expr_to(e, dst)?,
        }
        self.reset(mark);
        Ok(())
    }

    fn fn_decl(&mut self, f: &Function, span: Span) -> R<()> {
        let Some(name) = &f.name else {
            return Err(self.internal("function declaration without a name", span));
        };
        let mark = self.mark();
        if self.at_top_level() {
            let r = self.alloc(span)?;
            self.function(f, None, r)?;
            let g = self.globals.intern(&name.name);
            self.emit(Instr::StoreGlobal { g, src: r }, span);
            self.reset(mark);
        } else if self.analysis.is_captured(name) {
            // The function sees itself through a cell, so the cell must exist
            // before the closure is made: nil, box it, then fill it.
            let r = self.alloc(span)?;
            self.load_const(Const::None, r, span)?;
            self.declare(name, r, span);
            let tmp = self.alloc(span)?;
            self.function(f, None, tmp)?;
            self.emit(Instr::StoreCell { cell: r, src: tmp }, span);
            self.reset(mark + 1);
        } else {
            let r = self.alloc(span)?;
            self.declare(name, r, span);
            self.function(f, None, r)?;
        }
        Ok(())
    }

    fn if_chain(&mut self, arms: &[(Expr, Block)], els: Option<&Block>, span: Span) -> R<()> {
        let mut ends = Vec::new();
        for (i, (cond, body)) in arms.iter().enumerate() {
            let mark = self.mark();
            let c = self.expr_reg(cond)?;
            let skip = self.emit(
                Instr::JumpIfFalse {
                    cond: c,
                    target: Label(0),
                },
                cond.span,
            );
            self.reset(mark);
            self.block(body)?;
            if i + 1 < arms.len() || els.is_some() {
                ends.push(self.emit(Instr::Jump { target: Label(0) }, span));
            }
            let next = self.here();
            self.b().patch(skip, next);
        }
        if let Some(body) = els {
            self.block(body)?;
        }
        let end = self.here();
        for j in ends {
            self.b().patch(j, end);
        }
        Ok(())
    }

    fn ret(&mut self, value: Option<&Expr>, span: Span) -> R<()> {
        let mark = self.mark();
        match value {
            Some(Expr {
                kind: ExprKind::Call(f, args),
                ..
            }) if self.f().try_depth == 0 => {
                let (callee, argc) = self.callee_and_args(f, args, None, span)?;
                self.emit(
                    Instr::TailCall {
                        f: callee,
                        args: Reg(callee.0 + 1),
                        argc,
                    },
                    span,
                );
            }
            Some(e) => {
                let r = self.expr_reg(e)?;
                self.emit(Instr::Return { src: r }, span);
            }
            None => {
                let r = self.alloc(span)?;
                self.load_const(Const::None, r, span)?;
                self.emit(Instr::Return { src: r }, span);
            }
        }
        self.reset(mark);
        Ok(())
    }

    fn try_catch(&mut self, body: &Block, var: &Ident, handler: &Block, span: Span) -> R<()> {
        let mark = self.mark();
        let start = self.here();
        self.f().try_depth += 1;
        self.block(body)?;
        self.f().try_depth -= 1;
        let skip = self.emit(Instr::Jump { target: Label(0) }, span);
        let target = self.here();
        let dst = self.alloc(var.span)?;
        // Pushed after the body, so handlers of `try`s nested in it come first.
        self.b().add_handler(Handler {
            start,
            end: skip,
            target,
            dst,
        });
        self.f().scopes.push(Vec::new());
        self.declare(var, dst, var.span);
        self.block(handler)?;
        self.pop_scope();
        self.reset(mark);
        let end = self.here();
        self.b().patch(skip, end);
        Ok(())
    }

    // ---- expressions -------------------------------------------------------------

    /// The register holding `e`'s value: a plain local's own register, else a new temporary.
    fn expr_reg(&mut self, e: &Expr) -> R<Reg> {
        if let ExprKind::Var(name) = &e.kind {
            if let Place::Register(reg) = self.place(name, e.span)? {
                return Ok(reg);
            }
        }
        let r = self.alloc(e.span)?;
        self.expr_to(e, r)?;
        Ok(r)
    }

    /// Evaluates `e` into `dst`. Only `and`/`or` write `dst` before the whole
    /// expression is evaluated (every other form computes its operands into
    /// temporaries first), so `dst` may be a visible variable's register
    /// unless `e` is one of those two.
    fn expr_to(&mut self, e: &Expr, dst: Reg) -> R<()> {
        let span = e.span;
        let mark = self.mark();
        match &e.kind {
            ExprKind::Int(digits) => self.load_const(int_const(digits, false), dst, span)?,
            ExprKind::Float(f) => self.load_const(Const::Float(*f), dst, span)?,
            ExprKind::Str(s) => self.load_const(Const::Str(s.as_str().into()), dst, span)?,
            ExprKind::Bool(b) => self.load_const(Const::Bool(*b), dst, span)?,
            ExprKind::Nil => self.load_const(Const::None, dst, span)?,
            ExprKind::Var(name) => self.read(name, dst, span)?,
            // Negative literals are folded: `-5` is one constant, not a negation.
            ExprKind::Unary(UnOp::Neg, a) if matches!(a.kind, ExprKind::Int(_) | ExprKind::Float(_)) => {
                let c = match &a.kind {
                    ExprKind::Int(digits) => int_const(digits, true),
                    ExprKind::Float(f) => Const::Float(-f),
                    _ => return Err(self.internal("folding a non-literal", span)),
                };
                self.load_const(c, dst, span)?;
            }
            ExprKind::Unary(op, a) => {
                let a = self.expr_reg(a)?;
                self.emit(Instr::Unary { op: *op, dst, a }, span);
            }
            ExprKind::Binary(op, a, b) => {
                let a = self.expr_reg(a)?;
                let b = self.expr_reg(b)?;
                self.emit(Instr::Binary { op: *op, dst, a, b }, span);
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                self.expr_to(a, dst)?;
                let skip = if matches!(e.kind, ExprKind::And(..)) {
                    self.emit(
                        Instr::JumpIfFalse {
                            cond: dst,
                            target: Label(0),
                        },
                        span,
                    )
                } else {
                    self.emit(
                        Instr::JumpIfTrue {
                            cond: dst,
                            target: Label(0),
                        },
                        span,
                    )
                };
                self.expr_to(b, dst)?;
                let end = self.here();
                self.b().patch(skip, end);
            }
            ExprKind::Call(f, args) => {
                // A fresh temporary at the top can hold the callee as well as the
                // result (not a variable's register: the arguments may read it).
                let fresh = dst.0 as u32 + 1 == self.mark() && !self.is_variable(dst);
                let reuse = fresh.then_some(dst);
                let (callee, argc) = self.callee_and_args(f, args, reuse, span)?;
                self.emit(
                    Instr::Call {
                        dst,
                        f: callee,
                        args: Reg(callee.0 + 1),
                        argc,
                    },
                    span,
                );
            }
            ExprKind::Function(f) => self.function(f, None, dst)?,
        }
        self.reset(mark);
        Ok(())
    }

    /// Loads the callee and the arguments into consecutive registers at the
    /// top of the frame (the callee into `reuse` if given, which must be the
    /// topmost allocated register); returns the callee's register and the count.
    fn callee_and_args(&mut self, f: &Expr, args: &[Expr], reuse: Option<Reg>, span: Span) -> R<(Reg, u8)> {
        let argc = limit(u8::try_from(args.len()).map_err(|_| BuildError::TooManyArguments), span)?;
        let callee = match reuse {
            Some(r) => r,
            None => self.alloc(f.span)?,
        };
        self.expr_to(f, callee)?;
        for a in args {
            let r = self.alloc(a.span)?;
            self.expr_to(a, r)?;
            self.reset(r.0 as u32 + 1);
        }
        Ok((callee, argc))
    }
}

/// The constant for an integer literal (negated if `negative`): `Int` if it
/// fits in 64 bits, else `BigInt` with the digits, leading zeros removed.
fn int_const(digits: &str, negative: bool) -> Const {
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
    let text = if negative {
        format!("-{trimmed}")
    } else {
        trimmed.to_string()
    };
    match text.parse::<i64>() {
        Ok(i) => Const::Int(i),
        Err(_) => Const::BigInt(text),
    }
}
