//! The compiler: core nodes to framework bytecode.
//!
//! One [`CodeBuilder`] per lambda. Locals live in registers; a local that an
//! inner lambda captures lives in a cell (`NewCell`, `LoadCell`), and the
//! inner lambda reaches it through its closure (`LoadFree`). So does a local
//! assigned with `set!`: a resumed continuation restores registers, and must
//! not restore an assigned variable's old value. Every call in
//! tail position is a `TailCall`, so Scheme's proper tail calls are the
//! framework's; a named `let` (or `do`) whose name is only ever called in
//! tail position inside its own body is compiled to a loop in the enclosing
//! code (`JumpBack`) instead of a closure — see [`loops`].
//!
//! Scheme's only false value is `#f`, while the framework's truth test
//! follows the space (0 and "" are false in the standard space for Python),
//! so a test on an arbitrary value compares with `#f` (`Is`); comparisons,
//! which yield booleans, branch directly.
//!
//! Quoted data other than numbers, strings and booleans (symbols, chars,
//! lists, vectors) is built once, before the program runs, by a hidden
//! `<quotes>` function, and kept in hidden globals: `'(a b)` is one object
//! every time it is evaluated, as Scheme requires.

mod loops;
mod quotes;

use crate::core::{Core, Lambda, Node, Prim, VarId, Vars};
use crate::reader::{Datum, Num, Syn};
use std::collections::HashMap;
use workbench_framework::bytecode::builder::{BuildError, CodeBuilder};
use workbench_framework::bytecode::{
    BinOp, CallSite, Capture, Code, CodeId, Const, GlobalId, Globals, Handler, Instr, Label, Module, Params, Reg, UnOp,
};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::Mode;
use workbench_framework::span::Span;

/// Where a variable lives, seen from one function.
#[derive(Clone, Copy, Debug)]
enum Loc {
    /// In a register of this frame.
    Reg(Reg),
    /// In a cell held by a register of this frame.
    Cell(Reg),
    /// In a cell captured by this closure (`F[i]`).
    Free(u16),
}

/// Where an expression's value goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    /// Return it from the function (tail position).
    Return,
    /// Into this register.
    Into(Reg),
}

struct FnState {
    b: CodeBuilder,
    id: u32,
    code_index: usize,
    locs: HashMap<VarId, Loc>,
    loops: Vec<loops::LoopInfo>,
}

/// The compiler of one unit.
pub struct Compiler<'g> {
    globals: &'g mut Globals,
    vars: Vars,
    codes: Vec<Option<Code>>,
    fns: Vec<FnState>,
    hoisted: Vec<(GlobalId, Syn)>,
}

type R<T> = Result<T, Diagnostic>;

fn build_error(e: BuildError, span: Span) -> Diagnostic {
    Diagnostic::new("SyntaxError", e.to_string(), Some(span))
}

/// Compiles expanded top-level nodes into a module.
pub fn compile(nodes: Vec<Node>, mut vars: Vars, globals: &mut Globals, mode: Mode, span: Span) -> R<Module> {
    loops::plan_loops(&nodes, &mut vars);
    let mut c = Compiler {
        globals,
        vars,
        codes: Vec::new(),
        fns: Vec::new(),
        hoisted: Vec::new(),
    };
    let main = c.reserve_code();
    let quotes = c.reserve_code();
    c.fns.push(FnState {
        b: CodeBuilder::new("<module>", 0, span),
        id: 0,
        code_index: main,
        locs: HashMap::new(),
        loops: Vec::new(),
    });
    // Build the quoted data first.
    let qf = c.reg(span)?;
    c.emit(
        Instr::MakeClosure {
            dst: qf,
            code: CodeId(quotes as u32),
        },
        span,
    );
    let qa = c.reg(span)?;
    c.emit(
        Instr::Call {
            dst: qf,
            f: qf,
            args: qa,
            argc: 0,
        },
        span,
    );
    c.fns[0].b.reset_regs(0);
    let n = nodes.len();
    let result = c.reg(span)?;
    // Each top-level form is its own evaluation, as in a REPL or Guile's loader: a
    // continuation captured in form 3 and resumed from form 7 finishes form 3 and then
    // goes on with form 8. `%top` holds the furthest form started; a form at or below
    // it is skipped.
    let top_name = format!("%top{}", c.globals.len());
    let top = c.global(&top_name);
    c.load_const(Const::Int(-1), result, span)?;
    c.emit(Instr::StoreGlobal { g: top, src: result }, span);
    for (i, node) in nodes.into_iter().enumerate() {
        let mark = c.mark();
        let (t, k) = (c.reg(span)?, c.reg(span)?);
        c.emit(Instr::LoadGlobal { dst: t, g: top }, node.span);
        c.load_const(Const::Int(i as i64), k, node.span)?;
        c.emit(
            Instr::Binary {
                op: BinOp::Lt,
                dst: t,
                a: t,
                b: k,
            },
            node.span,
        );
        let skip = c.emit(
            Instr::JumpIfFalse {
                cond: t,
                target: Label(0),
            },
            node.span,
        );
        c.emit(Instr::StoreGlobal { g: top, src: k }, node.span);
        c.reset(mark);
        if mode == Mode::Repl && i + 1 == n {
            let f = c.reg(span)?;
            let g = c.global("%repl-print");
            c.emit(Instr::LoadGlobal { dst: f, g }, node.span);
            let a = c.reg(span)?;
            c.expr(&node, Target::Into(a))?;
            c.emit(
                Instr::Call {
                    dst: result,
                    f,
                    args: a,
                    argc: 1,
                },
                node.span,
            );
        } else {
            c.expr(&node, Target::Into(result))?;
        }
        c.reset(mark);
        let next = c.here();
        c.cur().b.patch(skip, next);
    }
    c.emit(Instr::Return { src: result }, span);
    let state = c.fns.pop().expect("main function");
    c.codes[main] = Some(state.b.finish());
    c.build_quotes(quotes, span)?;
    Ok(Module {
        codes: c.codes.into_iter().map(|x| x.unwrap_or_default()).collect(),
        main: Some(CodeId(main as u32)),
    })
}

impl Compiler<'_> {
    fn reserve_code(&mut self) -> usize {
        self.codes.push(None);
        self.codes.len() - 1
    }

    fn cur(&mut self) -> &mut FnState {
        self.fns.last_mut().expect("a function is being compiled")
    }

    fn emit(&mut self, i: Instr, span: Span) -> Label {
        self.cur().b.emit(i, span)
    }

    fn here(&mut self) -> Label {
        self.cur().b.here()
    }

    fn reg(&mut self, span: Span) -> R<Reg> {
        self.cur().b.alloc_reg().map_err(|e| build_error(e, span))
    }

    fn mark(&mut self) -> u32 {
        self.cur().b.reg_mark()
    }

    fn reset(&mut self, mark: u32) {
        self.cur().b.reset_regs(mark);
    }

    fn konst(&mut self, c: Const, span: Span) -> R<workbench_framework::bytecode::ConstId> {
        self.cur().b.constant(c).map_err(|e| build_error(e, span))
    }

    fn global(&mut self, name: &str) -> GlobalId {
        self.globals.intern(name)
    }

    fn load_const(&mut self, c: Const, dst: Reg, span: Span) -> R<()> {
        let k = self.konst(c, span)?;
        self.emit(Instr::LoadConst { dst, k }, span);
        Ok(())
    }

    /// Puts the value in `r` where `target` wants it.
    fn deliver(&mut self, r: Reg, target: Target, span: Span) {
        match target {
            Target::Return => {
                self.emit(Instr::Return { src: r }, span);
            }
            Target::Into(dst) if dst != r => {
                self.emit(Instr::Move { dst, src: r }, span);
            }
            Target::Into(_) => {}
        }
    }

    /// A register to compute into for `target` (the target itself, or a temporary).
    fn dst_for(&mut self, target: Target, span: Span) -> R<Reg> {
        match target {
            Target::Into(r) => Ok(r),
            Target::Return => self.reg(span),
        }
    }

    /// Where `v` lives as seen from the current function (capturing it if needed).
    fn loc(&mut self, v: VarId, span: Span) -> R<Loc> {
        let depth = self.fns.len() - 1;
        self.loc_at(depth, v, span)
    }

    fn loc_at(&mut self, level: usize, v: VarId, span: Span) -> R<Loc> {
        if let Some(l) = self.fns[level].locs.get(&v) {
            return Ok(*l);
        }
        if level == 0 || self.fns[level].id == self.vars.get(v).owner {
            return Err(Diagnostic::new(
                "SyntaxError",
                format!("internal: variable '{}' has no location", self.vars.get(v).name),
                Some(span),
            ));
        }
        let capture = match self.loc_at(level - 1, v, span)? {
            Loc::Cell(r) => Capture::Local(r),
            Loc::Free(i) => Capture::Free(i),
            Loc::Reg(_) => {
                return Err(Diagnostic::new(
                    "SyntaxError",
                    format!(
                        "internal: captured variable '{}' is not in a cell",
                        self.vars.get(v).name
                    ),
                    Some(span),
                ))
            }
        };
        let idx = self.fns[level].b.add_capture(capture);
        self.fns[level].locs.insert(v, Loc::Free(idx));
        Ok(Loc::Free(idx))
    }

    /// Binds `v` to register `r` (wrapping the value in a cell if it is captured or assigned).
    fn bind(&mut self, v: VarId, r: Reg, span: Span) {
        let info = self.vars.get(v);
        let (name, boxed) = (info.name.clone(), info.captured || info.mutated);
        // Debug information for tools that show variables by name (the annotation space).
        self.cur().b.name_local(&name, r);
        if boxed {
            self.emit(Instr::NewCell { dst: r, src: r }, span);
            self.cur().locs.insert(v, Loc::Cell(r));
        } else {
            self.cur().locs.insert(v, Loc::Reg(r));
        }
    }

    fn store_var(&mut self, v: VarId, src: Reg, span: Span) -> R<()> {
        match self.loc(v, span)? {
            Loc::Reg(r) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src }, span);
                }
            }
            Loc::Cell(cell) => {
                self.emit(Instr::StoreCell { cell, src }, span);
            }
            Loc::Free(idx) => {
                self.emit(Instr::StoreFree { idx, src }, span);
            }
        }
        Ok(())
    }

    fn unspecified(&mut self, dst: Reg, span: Span) {
        let g = self.global("%void");
        self.emit(Instr::LoadGlobal { dst, g }, span);
    }

    /// The register already holding a plain local's value, if `node` is one.
    fn direct_reg(&mut self, node: &Node) -> Option<Reg> {
        if let Core::Local(v) = node.core {
            if let Some(Loc::Reg(r)) = self.cur().locs.get(&v) {
                return Some(*r);
            }
        }
        None
    }

    /// `node`'s value in some register: its own if it is a plain local, else a new temporary.
    fn operand(&mut self, node: &Node) -> R<Reg> {
        if let Some(r) = self.direct_reg(node) {
            return Ok(r);
        }
        let r = self.reg(node.span)?;
        self.expr(node, Target::Into(r))?;
        Ok(r)
    }

    /// Compiles `node`, putting its value where `target` says.
    fn expr(&mut self, node: &Node, target: Target) -> R<()> {
        let span = node.span;
        match &node.core {
            Core::Quote(syn) => {
                let dst = self.dst_for(target, span)?;
                self.quote(syn, dst)?;
                self.deliver(dst, target, span);
            }
            Core::Unspecified => {
                let dst = self.dst_for(target, span)?;
                self.unspecified(dst, span);
                self.deliver(dst, target, span);
            }
            Core::Local(v) => {
                let loc = self.loc(*v, span)?;
                match loc {
                    Loc::Reg(r) => self.deliver(r, target, span),
                    Loc::Cell(cell) => {
                        let dst = self.dst_for(target, span)?;
                        self.emit(Instr::LoadCell { dst, cell }, span);
                        self.deliver(dst, target, span);
                    }
                    Loc::Free(idx) => {
                        let dst = self.dst_for(target, span)?;
                        self.emit(Instr::LoadFree { dst, idx }, span);
                        self.deliver(dst, target, span);
                    }
                }
            }
            Core::SetLocal(v, value) => {
                let mark = self.mark();
                let t = self.reg(span)?;
                self.expr(value, Target::Into(t))?;
                self.store_var(*v, t, span)?;
                self.reset(mark);
                let dst = self.dst_for(target, span)?;
                self.unspecified(dst, span);
                self.deliver(dst, target, span);
            }
            Core::Global(name) => {
                let g = self.global(name);
                let dst = self.dst_for(target, span)?;
                self.emit(Instr::LoadGlobal { dst, g }, span);
                self.deliver(dst, target, span);
            }
            Core::SetGlobal(name, value) | Core::DefGlobal(name, value) => {
                let mark = self.mark();
                let t = self.reg(span)?;
                if let Core::SetGlobal(..) = node.core {
                    // `set!` of an unbound global is an error: read it first.
                    let g = self.global(name);
                    self.emit(Instr::LoadGlobal { dst: t, g }, span);
                }
                self.expr(value, Target::Into(t))?;
                let g = self.global(name);
                self.emit(Instr::StoreGlobal { g, src: t }, span);
                self.reset(mark);
                let dst = self.dst_for(target, span)?;
                if let Core::DefGlobal(..) = node.core {
                    // What the REPL echoes for a definition: nothing.
                    self.unspecified(dst, span);
                } else {
                    self.unspecified(dst, span);
                }
                self.deliver(dst, target, span);
            }
            Core::If(c, t, e) => {
                let mark = self.mark();
                let else_jumps = self.test(c)?;
                self.reset(mark);
                self.expr(t, target)?;
                let end = match target {
                    Target::Return => None,
                    Target::Into(_) => Some(self.emit(Instr::Jump { target: Label(0) }, span)),
                };
                let else_at = self.here();
                for j in else_jumps {
                    self.cur().b.patch(j, else_at);
                }
                self.expr(e, target)?;
                if let Some(end) = end {
                    let here = self.here();
                    self.cur().b.patch(end, here);
                }
            }
            Core::Lambda(l) => {
                let code = self.lambda(l)?;
                let dst = self.dst_for(target, span)?;
                self.emit(Instr::MakeClosure { dst, code }, span);
                self.deliver(dst, target, span);
            }
            Core::Seq(nodes) => {
                let (last, init) = nodes.split_last().expect("sequences are not empty");
                for n in init {
                    let mark = self.mark();
                    let t = self.reg(span)?;
                    self.expr(n, Target::Into(t))?;
                    self.reset(mark);
                }
                self.expr(last, target)?;
            }
            Core::Call(f, args) => {
                if let Core::Local(v) = f.core {
                    if self.is_loop_var(v) {
                        return self.loop_jump(v, args, span);
                    }
                }
                self.call(f, args, target, span)?;
            }
            Core::Prim(p, args) => self.prim(*p, args, target, span)?,
            Core::Let(bindings, body) => {
                let mark = self.mark();
                let mut regs = Vec::new();
                for (_, init) in bindings {
                    let r = self.reg(span)?;
                    self.expr(init, Target::Into(r))?;
                    regs.push(r);
                }
                for ((v, _), r) in bindings.iter().zip(regs) {
                    self.bind(*v, r, span);
                }
                self.expr(body, target)?;
                self.reset(mark);
            }
            Core::Letrec(bindings, body) => {
                if let Some(l) = loops::inline_loop(&self.vars, bindings, body) {
                    return self.named_loop(l, target, span);
                }
                let mark = self.mark();
                for (v, _) in bindings {
                    let r = self.reg(span)?;
                    self.unspecified(r, span);
                    self.bind(*v, r, span);
                }
                for (v, init) in bindings {
                    let m = self.mark();
                    let t = self.reg(span)?;
                    self.expr(init, Target::Into(t))?;
                    self.store_var(*v, t, span)?;
                    self.reset(m);
                }
                self.expr(body, target)?;
                self.reset(mark);
            }
            Core::Apply(f, list) => {
                let mark = self.mark();
                let fr = self.reg(span)?;
                self.expr(f, Target::Into(fr))?;
                let conv = self.reg(span)?;
                let g = self.global("%list->tuple");
                self.emit(Instr::LoadGlobal { dst: conv, g }, span);
                let arg = self.reg(span)?;
                self.expr(list, Target::Into(arg))?;
                self.emit(
                    Instr::Call {
                        dst: arg,
                        f: conv,
                        args: arg,
                        argc: 1,
                    },
                    span,
                );
                let dst = match target {
                    Target::Into(r) => r,
                    Target::Return => fr,
                };
                let site = self.cur().b.add_call_site(CallSite {
                    dst,
                    f: fr,
                    args: arg,
                    positional: 0,
                    star: true,
                    keywords: Vec::new(),
                    star_star: false,
                    tail: target == Target::Return,
                });
                self.emit(Instr::CallEx { site }, span);
                self.reset(mark);
            }
            Core::Try(thunk, handler) => {
                let mark = self.mark();
                let result = self.reg(span)?;
                let exc = self.reg(span)?;
                let f = self.reg(span)?;
                self.expr(thunk, Target::Into(f))?;
                let start = self.here();
                let args = self.reg(span)?;
                self.emit(
                    Instr::Call {
                        dst: result,
                        f,
                        args,
                        argc: 0,
                    },
                    span,
                );
                let end = self.here();
                let skip = self.emit(Instr::Jump { target: Label(0) }, span);
                let index = self.cur().b.handlers_len();
                self.cur().b.add_handler(Handler {
                    start,
                    end,
                    target: end,
                    dst: exc,
                });
                let at = self.here();
                self.cur().b.set_handler_target(index, at);
                let h = self.reg(span)?;
                self.expr(handler, Target::Into(h))?;
                let a = self.reg(span)?;
                self.emit(Instr::Move { dst: a, src: exc }, span);
                self.emit(
                    Instr::Call {
                        dst: result,
                        f: h,
                        args: a,
                        argc: 1,
                    },
                    span,
                );
                let after = self.here();
                self.cur().b.patch(skip, after);
                self.deliver(result, target, span);
                self.reset(mark);
            }
        }
        Ok(())
    }

    /// A procedure call; in tail position a `TailCall`.
    fn call(&mut self, f: &Node, args: &[Node], target: Target, span: Span) -> R<()> {
        if args.len() > 250 {
            return Err(Diagnostic::new(
                "SyntaxError",
                "a call has more than 250 arguments",
                Some(span),
            ));
        }
        let mark = self.mark();
        let fr = self.reg(span)?;
        self.expr(f, Target::Into(fr))?;
        let first = self.reg(span)?;
        self.reset(first.0 as u32);
        for a in args {
            let r = self.reg(span)?;
            let m = self.mark();
            self.expr(a, Target::Into(r))?;
            self.reset(m);
        }
        let argc = args.len() as u8;
        match target {
            Target::Return => {
                self.emit(
                    Instr::TailCall {
                        f: fr,
                        args: first,
                        argc,
                    },
                    span,
                );
            }
            Target::Into(dst) => {
                self.emit(
                    Instr::Call {
                        dst,
                        f: fr,
                        args: first,
                        argc,
                    },
                    span,
                );
            }
        }
        self.reset(mark);
        Ok(())
    }

    fn prim(&mut self, p: Prim, args: &[Node], target: Target, span: Span) -> R<()> {
        let mark = self.mark();
        let dst = self.dst_for(target, span)?;
        match p {
            Prim::Binary(op) => {
                let a = self.operand(&args[0])?;
                let b = self.operand(&args[1])?;
                self.emit(Instr::Binary { op, dst, a, b }, span);
            }
            Prim::Neg => {
                let a = self.operand(&args[0])?;
                self.emit(Instr::Unary { op: UnOp::Neg, dst, a }, span);
            }
            Prim::Not | Prim::IsNull => {
                let a = self.operand(&args[0])?;
                let k = self.reg(span)?;
                let c = if p == Prim::Not {
                    Const::Bool(false)
                } else {
                    Const::None
                };
                self.load_const(c, k, span)?;
                self.emit(
                    Instr::Binary {
                        op: BinOp::Is,
                        dst,
                        a,
                        b: k,
                    },
                    span,
                );
            }
        }
        self.deliver(dst, target, span);
        self.reset(mark);
        Ok(())
    }

    /// Compiles a test; returns the jumps to patch to the "false" branch.
    fn test(&mut self, c: &Node) -> R<Vec<Label>> {
        let span = c.span;
        match &c.core {
            Core::Prim(Prim::Binary(op), _) if op.is_comparison() || *op == BinOp::Is => {
                let r = self.reg(span)?;
                self.expr(c, Target::Into(r))?;
                Ok(vec![self.emit(
                    Instr::JumpIfFalse {
                        cond: r,
                        target: Label(0),
                    },
                    span,
                )])
            }
            Core::Prim(Prim::IsNull, _) => {
                let r = self.reg(span)?;
                self.expr(c, Target::Into(r))?;
                Ok(vec![self.emit(
                    Instr::JumpIfFalse {
                        cond: r,
                        target: Label(0),
                    },
                    span,
                )])
            }
            Core::Prim(Prim::Not, args) if is_boolean_test(&args[0]) => {
                // (not (< a b)): branch on the comparison itself.
                let r = self.reg(span)?;
                self.expr(&args[0], Target::Into(r))?;
                Ok(vec![self.emit(
                    Instr::JumpIfTrue {
                        cond: r,
                        target: Label(0),
                    },
                    span,
                )])
            }
            Core::Prim(Prim::Not, args) => {
                // (not x) is false exactly when x is not #f.
                let x = self.operand(&args[0])?;
                let k = self.reg(span)?;
                self.load_const(Const::Bool(false), k, span)?;
                let r = self.reg(span)?;
                self.emit(
                    Instr::Binary {
                        op: BinOp::Is,
                        dst: r,
                        a: x,
                        b: k,
                    },
                    span,
                );
                Ok(vec![self.emit(
                    Instr::JumpIfFalse {
                        cond: r,
                        target: Label(0),
                    },
                    span,
                )])
            }
            Core::Quote(Syn {
                datum: Datum::Bool(b), ..
            }) => {
                if *b {
                    Ok(vec![])
                } else {
                    Ok(vec![self.emit(Instr::Jump { target: Label(0) }, span)])
                }
            }
            _ => {
                let x = self.operand(c)?;
                let k = self.reg(span)?;
                self.load_const(Const::Bool(false), k, span)?;
                let r = self.reg(span)?;
                self.emit(
                    Instr::Binary {
                        op: BinOp::Is,
                        dst: r,
                        a: x,
                        b: k,
                    },
                    span,
                );
                Ok(vec![self.emit(
                    Instr::JumpIfTrue {
                        cond: r,
                        target: Label(0),
                    },
                    span,
                )])
            }
        }
    }

    /// Compiles a lambda into its own code object; returns its id.
    fn lambda(&mut self, l: &Lambda) -> R<CodeId> {
        let span = l.body.span;
        let index = self.reserve_code();
        let n = l.params.len() as u16;
        let mut b = CodeBuilder::new(l.name.clone(), n, span);
        b.set_params(Params {
            positional: n,
            varargs: l.rest.is_some(),
            ..Params::default()
        });
        self.fns.push(FnState {
            b,
            id: l.id,
            code_index: index,
            locs: HashMap::new(),
            loops: Vec::new(),
        });
        let result = (|| {
            for (i, v) in l.params.iter().enumerate() {
                self.bind(*v, Reg(i as u16), span);
            }
            if let Some(rest) = l.rest {
                // The framework collects extra arguments in a tuple; Scheme wants a list.
                let r = Reg(n);
                let mark = self.mark();
                let f = self.reg(span)?;
                let g = self.global("%tuple->list");
                self.emit(Instr::LoadGlobal { dst: f, g }, span);
                let a = self.reg(span)?;
                self.emit(Instr::Move { dst: a, src: r }, span);
                self.emit(
                    Instr::Call {
                        dst: r,
                        f,
                        args: a,
                        argc: 1,
                    },
                    span,
                );
                self.reset(mark);
                self.bind(rest, r, span);
            }
            self.expr(&l.body, Target::Return)
        })();
        let state = self.fns.pop().expect("the lambda's function");
        result?;
        let _ = state.code_index;
        self.codes[index] = Some(state.b.finish());
        Ok(CodeId(index as u32))
    }

    /// Loads a literal: numbers, strings and booleans are constants; other data is hoisted.
    fn quote(&mut self, syn: &Syn, dst: Reg) -> R<()> {
        let span = syn.span;
        let c = match &syn.datum {
            Datum::Num(Num::Int(i)) => Const::Int(*i),
            Datum::Num(Num::Big(d)) => Const::BigInt(d.clone()),
            Datum::Num(Num::Float(x)) => Const::Float(*x),
            Datum::Str(s) => Const::Str(s.to_string().into_boxed_str()),
            Datum::Bool(b) => Const::Bool(*b),
            Datum::List(items, None) if items.is_empty() => Const::None,
            _ => {
                let name = format!("%q{}", self.globals.len());
                let g = self.global(&name);
                self.hoisted.push((g, syn.clone()));
                self.emit(Instr::LoadGlobal { dst, g }, span);
                return Ok(());
            }
        };
        self.load_const(c, dst, span)
    }
}

/// True for the primitives that always yield a boolean (so a branch can test them directly).
fn is_boolean_test(n: &Node) -> bool {
    match &n.core {
        Core::Prim(Prim::Binary(op), _) => op.is_comparison() || *op == BinOp::Is,
        Core::Prim(Prim::IsNull | Prim::Not, _) => true,
        _ => false,
    }
}
