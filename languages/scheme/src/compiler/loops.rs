//! Named `let` and `do` as loops in the enclosing code.
//!
//! `(let loop ((i 0)) (if (< i n) (loop (+ i 1)) i))` expands to a `letrec`
//! binding `loop` to a lambda, called once. When `loop` is only ever *called*,
//! always in tail position of its own body, with the right number of
//! arguments, and never captured by an inner lambda, no closure is needed:
//! the parameters become registers of the enclosing frame, the first call
//! fills them, and every other call assigns them and jumps back to the head
//! (`JumpBack`, the framework's loop header — a GC safepoint and, for the
//! JIT, a hot-loop counter). Anything else keeps the general closure path,
//! which is still a proper tail call.

use super::{Compiler, Target, R};
use crate::core::{Core, Lambda, Node, VarId, Vars};
use workbench_framework::bytecode::{Instr, Label, Reg};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::Span;

/// A loop being compiled: its variable, head, and parameter registers.
pub(super) struct LoopInfo {
    var: VarId,
    head: Label,
    params: Vec<Reg>,
}

/// The pieces of a `letrec` that can be compiled as a loop.
pub(super) struct InlineLoop<'n> {
    var: VarId,
    lambda: &'n Lambda,
    args: &'n [Node],
}

/// If `(letrec ((v (lambda ...))) (v args ...))` qualifies as a loop, its pieces.
pub(super) fn inline_loop<'n>(vars: &Vars, bindings: &'n [(VarId, Node)], body: &'n Node) -> Option<InlineLoop<'n>> {
    let [(v, init)] = bindings else { return None };
    let Core::Lambda(l) = &init.core else { return None };
    let Core::Call(f, args) = &body.core else { return None };
    if !matches!(f.core, Core::Local(x) if x == *v) || l.rest.is_some() || args.len() != l.params.len() {
        return None;
    }
    let _ = vars;
    if args.iter().any(|a| mentions(a, *v)) {
        return None;
    }
    if !tail_only(&l.body, *v, l.params.len(), true) {
        return None;
    }
    Some(InlineLoop {
        var: *v,
        lambda: l,
        args,
    })
}

/// Decides which named lets become loops, then recomputes which variables are
/// captured: a loop's body is part of the enclosing function, so a variable it
/// shares with that function stays in a register instead of a cell.
pub(super) fn plan_loops(nodes: &[Node], vars: &mut Vars) {
    for v in &mut vars.vars {
        v.captured = false;
    }
    for n in nodes {
        owners(n, vars, 0);
    }
}

/// Walks `n` inside (effective) function `f`: binds owners, marks captures.
fn owners(n: &Node, vars: &mut Vars, f: u32) {
    let touch = |vars: &mut Vars, v: VarId| {
        if vars.get(v).owner != f {
            vars.get_mut(v).captured = true;
        }
    };
    match &n.core {
        Core::Local(v) => touch(vars, *v),
        Core::SetLocal(v, e) => {
            touch(vars, *v);
            owners(e, vars, f);
        }
        Core::Quote(_) | Core::Unspecified | Core::Global(_) => {}
        Core::SetGlobal(_, e) | Core::DefGlobal(_, e) => owners(e, vars, f),
        Core::If(c, t, e) => {
            owners(c, vars, f);
            owners(t, vars, f);
            owners(e, vars, f);
        }
        Core::Lambda(l) => lambda_owners(l, vars, l.id),
        Core::Seq(ns) => ns.iter().for_each(|x| owners(x, vars, f)),
        Core::Call(g, args) => {
            owners(g, vars, f);
            args.iter().for_each(|a| owners(a, vars, f));
        }
        Core::Prim(_, args) => args.iter().for_each(|a| owners(a, vars, f)),
        Core::Let(bs, body) => {
            for (v, e) in bs {
                owners(e, vars, f);
                vars.get_mut(*v).owner = f;
            }
            owners(body, vars, f);
        }
        Core::Letrec(bs, body) => {
            for (v, _) in bs {
                vars.get_mut(*v).owner = f;
            }
            if let Some(l) = inline_loop(vars, bs, body) {
                // The loop's lambda runs in this frame: its parameters are ours.
                l.args.iter().for_each(|a| owners(a, vars, f));
                lambda_owners(l.lambda, vars, f);
                return;
            }
            bs.iter().for_each(|(_, e)| owners(e, vars, f));
            owners(body, vars, f);
        }
        Core::Apply(a, b) | Core::Try(a, b) => {
            owners(a, vars, f);
            owners(b, vars, f);
        }
    }
}

fn lambda_owners(l: &Lambda, vars: &mut Vars, f: u32) {
    for v in l.params.iter().chain(l.rest.iter()) {
        vars.get_mut(*v).owner = f;
    }
    owners(&l.body, vars, f);
}

/// True if `v` appears only as the callee of tail calls with `arity` arguments.
fn tail_only(n: &Node, v: VarId, arity: usize, tail: bool) -> bool {
    match &n.core {
        Core::Local(x) => *x != v,
        Core::Quote(_) | Core::Unspecified | Core::Global(_) => true,
        Core::SetLocal(x, e) => *x != v && tail_only(e, v, arity, false),
        Core::SetGlobal(_, e) | Core::DefGlobal(_, e) => tail_only(e, v, arity, false),
        Core::If(c, t, e) => {
            tail_only(c, v, arity, false) && tail_only(t, v, arity, tail) && tail_only(e, v, arity, tail)
        }
        Core::Lambda(l) => !mentions(&l.body, v),
        Core::Seq(ns) => {
            let (last, init) = ns.split_last().expect("non-empty");
            init.iter().all(|x| tail_only(x, v, arity, false)) && tail_only(last, v, arity, tail)
        }
        Core::Call(f, args) => {
            let self_call = matches!(f.core, Core::Local(x) if x == v);
            if self_call && !(tail && args.len() == arity) {
                return false;
            }
            (self_call || tail_only(f, v, arity, false)) && args.iter().all(|a| tail_only(a, v, arity, false))
        }
        Core::Prim(_, args) => args.iter().all(|a| tail_only(a, v, arity, false)),
        Core::Let(bs, body) | Core::Letrec(bs, body) => {
            bs.iter().all(|(_, e)| tail_only(e, v, arity, false)) && tail_only(body, v, arity, tail)
        }
        Core::Apply(f, l) | Core::Try(f, l) => tail_only(f, v, arity, false) && tail_only(l, v, arity, false),
    }
}

/// True if `v` appears anywhere in `n`.
fn mentions(n: &Node, v: VarId) -> bool {
    match &n.core {
        Core::Local(x) => *x == v,
        Core::Quote(_) | Core::Unspecified | Core::Global(_) => false,
        Core::SetLocal(x, e) => *x == v || mentions(e, v),
        Core::SetGlobal(_, e) | Core::DefGlobal(_, e) => mentions(e, v),
        Core::If(c, t, e) => mentions(c, v) || mentions(t, v) || mentions(e, v),
        Core::Lambda(l) => mentions(&l.body, v),
        Core::Seq(ns) => ns.iter().any(|x| mentions(x, v)),
        Core::Call(f, args) => mentions(f, v) || args.iter().any(|a| mentions(a, v)),
        Core::Prim(_, args) => args.iter().any(|a| mentions(a, v)),
        Core::Let(bs, body) | Core::Letrec(bs, body) => {
            bs.iter().any(|(x, e)| *x == v || mentions(e, v)) || mentions(body, v)
        }
        Core::Apply(f, l) | Core::Try(f, l) => mentions(f, v) || mentions(l, v),
    }
}

impl Compiler<'_> {
    pub(super) fn is_loop_var(&mut self, v: VarId) -> bool {
        self.cur().loops.iter().any(|l| l.var == v)
    }

    /// Compiles a qualifying named `let` as a loop.
    pub(super) fn named_loop(&mut self, l: InlineLoop<'_>, target: Target, span: Span) -> R<()> {
        let mark = self.mark();
        let mut params = Vec::new();
        for a in l.args {
            let r = self.reg(span)?;
            let m = self.mark();
            self.expr(a, Target::Into(r))?;
            self.reset(m);
            params.push(r);
        }
        let head = self.here();
        for (v, r) in l.lambda.params.iter().zip(&params) {
            self.bind(*v, *r, span);
        }
        self.cur().loops.push(LoopInfo {
            var: l.var,
            head,
            params,
        });
        let result = self.expr(&l.lambda.body, target);
        self.cur().loops.pop();
        result?;
        self.reset(mark);
        Ok(())
    }

    /// A call of the innermost loop with this variable: assign the parameters and jump back.
    pub(super) fn loop_jump(&mut self, v: VarId, args: &[Node], span: Span) -> R<()> {
        let Some(pos) = self.cur().loops.iter().rposition(|l| l.var == v) else {
            return Err(Diagnostic::new(
                "SyntaxError",
                "internal: loop call outside its loop",
                Some(span),
            ));
        };
        let (head, params) = {
            let info = &self.cur().loops[pos];
            (info.head, info.params.clone())
        };
        let mark = self.mark();
        let mut temps = Vec::new();
        for a in args {
            let r = self.operand(a)?;
            temps.push(r);
        }
        // Parallel assignment: every new value was computed before any parameter changes.
        // A temp that *is* a parameter register is read before it could be overwritten
        // only if no earlier move targets it; copy such ones first.
        let mut staged = Vec::new();
        for (i, t) in temps.iter().enumerate() {
            if params.iter().enumerate().any(|(j, p)| p == t && j != i) {
                let r = self.reg(span)?;
                self.emit(Instr::Move { dst: r, src: *t }, span);
                staged.push(r);
            } else {
                staged.push(*t);
            }
        }
        for (p, t) in params.iter().zip(staged) {
            if *p != t {
                self.emit(Instr::Move { dst: *p, src: t }, span);
            }
        }
        self.emit(Instr::JumpBack { target: head }, span);
        self.reset(mark);
        Ok(())
    }
}
