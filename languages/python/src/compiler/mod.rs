//! The compiler: Python AST to framework bytecode.
//!
//! One [`FnCompiler`] per code object (module, function, lambda,
//! comprehension, class body). [`scope`] has decided beforehand where every
//! name lives; this module turns names into registers, cells, free variables
//! or globals, and statements and expressions into instructions (`stmt.rs`,
//! `expr.rs`).
//!
//! Python semantics that the framework does not know are delegated to hidden
//! builtins whose names start with `__wb_` (building a class, matching an
//! `except` clause, importing, formatting an f-string field), so the opcode
//! table stays language-neutral.

mod expr;
pub mod scope;
mod stmt;

use crate::ast;
use rustc_hash::{FxHashMap, FxHashSet};
use scope::{Place, ScopeInfo, ScopeKind, Scopes};
use workbench_framework::bytecode::builder::{BuildError, CodeBuilder};
use workbench_framework::bytecode::{Capture, Code, CodeId, Const, Globals, Instr, Label, LocalVar, Module, Reg};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::Mode;
use workbench_framework::span::Span;

/// A compile error on its way out (boxed: it travels through every frame).
pub type CResult<T> = Result<T, Box<Diagnostic>>;

fn syntax_error(message: impl Into<String>, span: Span) -> Box<Diagnostic> {
    Box::new(Diagnostic::new("SyntaxError", message, Some(span)))
}

fn build_error(e: BuildError, span: Span) -> Box<Diagnostic> {
    syntax_error(e.to_string(), span)
}

/// Compiles a parsed module. Global names are interned in `globals`.
pub fn compile(module: &ast::Module, globals: &mut Globals, mode: Mode) -> Result<Module, Vec<Diagnostic>> {
    let scopes = Scopes::analyze(&module.body, module.span)?;
    let mut unit = Unit {
        scopes,
        codes: Vec::new(),
        globals,
        mode,
    };
    let info = unit.scopes.module().clone();
    let mut f = FnCompiler::new("<module>", info, module.span, 0);
    let result = (|| -> CResult<()> {
        f.prologue()?;
        let n = module.body.len();
        for (i, s) in module.body.iter().enumerate() {
            let echo = unit.mode == Mode::Repl && i + 1 == n;
            match (&s.kind, echo) {
                (ast::StmtKind::Expr(e), true) => {
                    let mark = f.b.reg_mark();
                    let v = f.expr(&mut unit, e)?;
                    f.call_helper(&mut unit, "__wb_echo__", &[v], s.span)?;
                    f.b.reset_regs(mark);
                }
                _ => f.stmt(&mut unit, s)?,
            }
        }
        let none = f.constant(Const::None, module.span)?;
        f.b.emit(Instr::Return { src: none }, module.span);
        Ok(())
    })();
    if let Err(d) = result {
        return Err(vec![*d]);
    }
    let code = f.finish();
    unit.codes.push(code);
    let main = CodeId((unit.codes.len() - 1) as u32);
    Ok(Module {
        codes: unit.codes,
        main: Some(main),
    })
}

/// What all code objects of one module share.
pub struct Unit<'g> {
    scopes: Scopes,
    codes: Vec<Code>,
    globals: &'g mut Globals,
    mode: Mode,
}

impl Unit<'_> {
    fn scope(&self, span: Span, kind: ScopeKind) -> CResult<ScopeInfo> {
        self.scopes
            .get(span, kind)
            .cloned()
            .ok_or_else(|| syntax_error("internal error: scope not analysed", span))
    }

    fn add_code(&mut self, code: Code) -> CodeId {
        self.codes.push(code);
        CodeId((self.codes.len() - 1) as u32)
    }
}

/// Code that runs when control leaves a protected block early.
#[derive(Clone)]
enum Finally {
    /// A `finally` clause's body.
    Body(Vec<ast::Stmt>),
    /// A `with` block: call `__exit__(None, None, None)` (in this register).
    Exit(Reg),
}

/// A loop being compiled: where `continue` and `break` go.
struct LoopCtx {
    continue_to: Label,
    breaks: Vec<Label>,
    /// How many `finally` blocks were open when the loop started.
    finally_depth: usize,
}

/// Compiles one code object.
pub struct FnCompiler {
    b: CodeBuilder,
    info: ScopeInfo,
    /// Registers of locals and cells.
    vars: FxHashMap<String, Reg>,
    loops: Vec<LoopCtx>,
    /// What must run on the way out of the enclosing `try`/`with` blocks, innermost last.
    finally: Vec<Finally>,
    /// Registers holding the exceptions being handled (for a bare `raise`).
    handling: Vec<Reg>,
    /// In a class body: the register of the namespace dict.
    class_dict: Option<Reg>,
    /// Plain locals certainly assigned at the point being compiled (on every path
    /// that reaches it). A read of any other local is checked (`CheckBound`), so
    /// that reading it before assignment is an `UnboundLocalError`, not a `None`.
    assigned: FxHashSet<String>,
    /// True once a read was checked: the code's locals then start unbound.
    checks_reads: bool,
}

impl FnCompiler {
    fn new(name: &str, info: ScopeInfo, span: Span, arity: u16) -> FnCompiler {
        FnCompiler {
            b: CodeBuilder::new(name, arity, span),
            info,
            vars: FxHashMap::default(),
            loops: Vec::new(),
            finally: Vec::new(),
            handling: Vec::new(),
            class_dict: None,
            assigned: FxHashSet::default(),
            checks_reads: false,
        }
    }

    /// Allocates registers for locals and turns captured ones into cells.
    fn prologue(&mut self) -> CResult<()> {
        let span = self.b_span();
        for (i, p) in self.info.params.clone().iter().enumerate() {
            self.vars.insert(p.clone(), Reg(i as u16));
            self.assigned.insert(p.clone());
        }
        for name in self.info.bound.clone() {
            if self.vars.contains_key(&name) {
                continue;
            }
            let local = matches!(self.info.place(&name), Place::Local | Place::Cell);
            if local {
                let r = self.b.alloc_reg().map_err(|e| build_error(e, span))?;
                self.vars.insert(name, r);
            }
        }
        let mut cells: Vec<String> = self.info.cells.iter().cloned().collect();
        cells.sort();
        for name in cells {
            if !matches!(self.info.place(&name), Place::Cell) {
                continue;
            }
            let r = match self.vars.get(&name) {
                Some(&r) => r,
                None => {
                    let r = self.b.alloc_reg().map_err(|e| build_error(e, span))?;
                    self.vars.insert(name.clone(), r);
                    r
                }
            };
            let is_param = self.info.params.contains(&name);
            if !is_param {
                let k = self.b.constant(Const::None).map_err(|e| build_error(e, span))?;
                self.b.emit(Instr::LoadConst { dst: r, k }, span);
            }
            self.b.emit(Instr::NewCell { dst: r, src: r }, span);
        }
        Ok(())
    }

    fn b_span(&self) -> Span {
        Span::default()
    }

    fn finish(mut self) -> Code {
        if self.checks_reads {
            self.b.set_unbound_locals();
        }
        // Debug information for tools that show variables by name (the annotation space).
        let mut names: Vec<(&String, &Reg)> = self.vars.iter().collect();
        names.sort_by_key(|(_, r)| **r);
        let start = Label(0);
        let named: Vec<(String, Reg)> = names.into_iter().map(|(n, r)| (n.clone(), *r)).collect();
        let mut code = self.b.finish();
        let end = Label(code.instrs.len() as u32);
        code.locals = named
            .into_iter()
            .map(|(name, reg)| LocalVar { name, reg, start, end })
            .collect();
        code.generator = self.info.generator;
        code
    }

    /// The register of a local or cell (the scope pass allocated one for every such name).
    fn var(&self, name: &str, span: Span) -> CResult<Reg> {
        self.vars
            .get(name)
            .copied()
            .ok_or_else(|| syntax_error(format!("internal error: no register for '{name}'"), span))
    }

    fn temp(&mut self, span: Span) -> CResult<Reg> {
        self.b.alloc_reg().map_err(|e| build_error(e, span))
    }

    fn constant(&mut self, c: Const, span: Span) -> CResult<Reg> {
        let r = self.temp(span)?;
        let k = self.b.constant(c).map_err(|e| build_error(e, span))?;
        self.b.emit(Instr::LoadConst { dst: r, k }, span);
        Ok(r)
    }

    fn const_id(&mut self, c: Const, span: Span) -> CResult<workbench_framework::bytecode::ConstId> {
        self.b.constant(c).map_err(|e| build_error(e, span))
    }

    // ---- names ------------------------------------------------------------

    fn free_index(&self, name: &str) -> u16 {
        self.info.frees.iter().position(|f| f == name).unwrap_or(0) as u16
    }

    /// Loads a variable into `dst`.
    fn load_name(&mut self, unit: &mut Unit, name: &str, dst: Reg, span: Span) -> CResult<()> {
        match self.info.place(name) {
            Place::Local => {
                let r = self.var(name, span)?;
                self.check_bound(name, r, span)?;
                if r != dst {
                    self.b.emit(Instr::Move { dst, src: r }, span);
                }
            }
            Place::Cell => {
                let cell = self.var(name, span)?;
                self.b.emit(Instr::LoadCell { dst, cell }, span);
            }
            Place::Free => {
                let idx = self.free_index(name);
                self.b.emit(Instr::LoadFree { dst, idx }, span);
            }
            Place::Global => {
                let g = unit.globals.intern(name);
                self.b.emit(Instr::LoadGlobal { dst, g }, span);
            }
            Place::ClassLocal => {
                let dict = self.class_dict.unwrap_or(Reg(0));
                let mark = self.b.reg_mark();
                let key = self.constant(Const::Str(name.into()), span)?;
                self.b.emit(Instr::GetItem { dst, obj: dict, key }, span);
                self.b.reset_regs(mark);
            }
        }
        Ok(())
    }

    /// The register a local lives in, to read it without a copy: only for a plain
    /// local that is certainly assigned here (other reads go through `load_name`,
    /// which checks them).
    fn local_reg(&self, name: &str) -> Option<Reg> {
        match self.info.place(name) {
            Place::Local if self.assigned.contains(name) => self.vars.get(name).copied(),
            _ => None,
        }
    }

    /// The register of a plain local, to assign it in place (then call `mark_assigned`).
    fn local_target(&self, name: &str) -> Option<Reg> {
        match self.info.place(name) {
            Place::Local => self.vars.get(name).copied(),
            _ => None,
        }
    }

    /// Records that a plain local now certainly holds a value.
    fn mark_assigned(&mut self, name: &str) {
        if !self.assigned.contains(name) {
            self.assigned.insert(name.to_string());
        }
    }

    /// Before reading local `name` (in `r`): checks that it is bound, unless it
    /// certainly is. After the check it is, on this path.
    fn check_bound(&mut self, name: &str, r: Reg, span: Span) -> CResult<()> {
        if self.assigned.contains(name) {
            return Ok(());
        }
        let k = self.const_id(Const::Str(name.into()), span)?;
        self.b.emit(Instr::CheckBound { reg: r, name: k }, span);
        self.checks_reads = true;
        self.mark_assigned(name);
        Ok(())
    }

    /// Compiles `f` on a path that may not run (a branch, a loop body): what it
    /// assigns is not certain afterwards. Returns what was certain at its end.
    fn maybe_runs(&mut self, f: impl FnOnce(&mut Self) -> CResult<()>) -> CResult<FxHashSet<String>> {
        let before = self.assigned.clone();
        f(self)?;
        Ok(std::mem::replace(&mut self.assigned, before))
    }

    /// Stores `src` into a variable.
    fn store_name(&mut self, unit: &mut Unit, name: &str, src: Reg, span: Span) -> CResult<()> {
        match self.info.place(name) {
            Place::Local => {
                let r = self.var(name, span)?;
                if r != src {
                    self.b.emit(Instr::Move { dst: r, src }, span);
                }
                self.mark_assigned(name);
            }
            Place::Cell => {
                let cell = self.var(name, span)?;
                self.b.emit(Instr::StoreCell { cell, src }, span);
            }
            Place::Free => {
                let idx = self.free_index(name);
                self.b.emit(Instr::StoreFree { idx, src }, span);
            }
            Place::Global => {
                let g = unit.globals.intern(name);
                self.b.emit(Instr::StoreGlobal { g, src }, span);
            }
            Place::ClassLocal => {
                let dict = self.class_dict.unwrap_or(Reg(0));
                let mark = self.b.reg_mark();
                let key = self.constant(Const::Str(name.into()), span)?;
                self.b.emit(Instr::SetItem { obj: dict, key, src }, span);
                self.b.reset_regs(mark);
            }
        }
        Ok(())
    }

    /// Calls a hidden builtin with arguments already in registers; returns the result register.
    fn call_helper(&mut self, unit: &mut Unit, name: &str, args: &[Reg], span: Span) -> CResult<Reg> {
        let dst = self.temp(span)?;
        let mark = self.b.reg_mark();
        let f = self.temp(span)?;
        let g = unit.globals.intern(name);
        self.b.emit(Instr::LoadGlobal { dst: f, g }, span);
        let first = self.b.reg_mark() as u16;
        for &a in args {
            let r = self.temp(span)?;
            self.b.emit(Instr::Move { dst: r, src: a }, span);
        }
        self.b.emit(
            Instr::Call {
                dst,
                f,
                args: Reg(first),
                argc: args.len() as u8,
            },
            span,
        );
        self.b.reset_regs(mark);
        Ok(dst)
    }

    /// Compiles a nested function-like scope and emits `MakeClosure` into `dst`;
    /// default values must already be in the registers after `dst`.
    fn make_closure(&mut self, unit: &mut Unit, child: FnCompiler, dst: Reg, span: Span) -> CResult<()> {
        let frees = child.info.frees.clone();
        let mut code = child.finish();
        let mut captures = Vec::new();
        for name in &frees {
            let cap = match self.info.place(name) {
                Place::Cell => Capture::Local(self.var(name, span)?),
                Place::Free => Capture::Free(self.free_index(name)),
                _ => return Err(syntax_error(format!("internal error: cannot capture '{name}'"), span)),
            };
            captures.push(cap);
        }
        code.captures = captures;
        let id = unit.add_code(code);
        self.b.emit(Instr::MakeClosure { dst, code: id }, span);
        Ok(())
    }
}
