//! Statements: control flow, assignment targets, functions, classes,
//! exceptions and `with`.
//!
//! `finally` bodies are compiled inline on every way out of their `try`
//! (falling through, `return`, `break`, `continue`) and once more in the
//! handler that re-raises, which is how CPython does it too.

use super::expr::binop;
use super::scope::{Place, ScopeKind};
use super::Finally;
use super::{syntax_error, CResult, FnCompiler, LoopCtx, Unit};
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use workbench_framework::bytecode::{BuildKind, Const, Handler, Instr, Label, Reg};
use workbench_framework::span::Span;

const PENDING: Label = Label(0);

impl FnCompiler {
    pub(super) fn block(&mut self, unit: &mut Unit, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(unit, s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, unit: &mut Unit, s: &Stmt) -> CResult<()> {
        let span = s.span;
        let mark = self.b.reg_mark();
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(unit, e)?;
            }
            StmtKind::Assign { targets, value } => 'assign: {
                // `x = <expr>` for a plain local: the expression writes the local's
                // register itself when its code writes the destination once, last.
                if let [target] = targets.as_slice() {
                    if let ExprKind::Name(n) = &target.kind {
                        if let Some(r) = self.local_target(n) {
                            if writes_destination_last(value) {
                                self.expr_to(unit, value, r)?;
                                self.mark_assigned(n);
                                break 'assign;
                            }
                        }
                    }
                }
                // A local's own register can be the source (no copy first).
                let v = if matches!(value.kind, ExprKind::Name(_)) {
                    self.expr(unit, value)?
                } else {
                    self.expr_temp(unit, value)?
                };
                for t in targets {
                    self.assign(unit, t, v)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(unit, target, *op, value, span)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    let r = self.expr_temp(unit, v)?;
                    self.assign(unit, target, r)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(unit, t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(depth) = self.loops.last().map(|l| l.finally_depth) else {
                    let what = if is_break {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(syntax_error(what, span));
                };
                self.run_finally_down_to(unit, depth)?;
                if is_break {
                    let j = self.b.emit(Instr::Jump { target: PENDING }, span);
                    if let Some(l) = self.loops.last_mut() {
                        l.breaks.push(j);
                    }
                } else {
                    let target = self.loops.last().map(|l| l.continue_to).unwrap_or(PENDING);
                    self.b.emit(Instr::JumpBack { target }, span);
                }
            }
            StmtKind::Return(v) => {
                if matches!(self.info.kind, ScopeKind::Module | ScopeKind::Class) {
                    return Err(syntax_error("'return' outside function", span));
                }
                let r = match v {
                    // With no `finally` to run first, a local is returned from its own register.
                    Some(v) if self.finally.is_empty() => self.expr(unit, v)?,
                    Some(v) => self.expr_temp(unit, v)?,
                    None => self.constant(Const::None, span)?,
                };
                self.run_finally_down_to(unit, 0)?;
                self.b.emit(Instr::Return { src: r }, span);
            }
            StmtKind::Raise { exc, cause } => self.raise(unit, exc.as_ref(), cause.as_ref(), span)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert { test, msg } => {
                let t = self.expr(unit, test)?;
                let ok = self.b.emit(
                    Instr::JumpIfTrue {
                        cond: t,
                        target: PENDING,
                    },
                    span,
                );
                let cls = self.temp(span)?;
                self.load_name(unit, "AssertionError", cls, span)?;
                let args: Vec<Reg> = match msg {
                    Some(m) => vec![self.expr(unit, m)?],
                    None => vec![],
                };
                let exc = self.call_reg(cls, &args, span)?;
                self.b.emit(Instr::Raise { src: exc }, span);
                let here = self.b.here();
                self.b.patch(ok, here);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = self.constant(Const::Str(a.name.name.as_str().into()), a.name.span)?;
                    let m = self.call_helper(unit, "__wb_import__", &[name], a.name.span)?;
                    let local = match &a.asname {
                        Some(n) => n.name.clone(),
                        None => a.name.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.store_name(unit, &local, m, a.name.span)?;
                }
            }
            StmtKind::ImportFrom { module, level, names } => {
                if *level > 0 {
                    return Err(syntax_error("relative imports are not supported", span));
                }
                let Some(module) = module else {
                    return Err(syntax_error("relative imports are not supported", span));
                };
                let name = self.constant(Const::Str(module.name.as_str().into()), module.span)?;
                let m = self.call_helper(unit, "__wb_import__", &[name], module.span)?;
                for a in names {
                    if a.name.name == "*" {
                        return Err(syntax_error("'from ... import *' is not supported", a.name.span));
                    }
                    let k = self.const_id(Const::Str(a.name.name.as_str().into()), a.name.span)?;
                    let v = self.temp(a.name.span)?;
                    self.b.emit(
                        Instr::GetAttr {
                            dst: v,
                            obj: m,
                            name: k,
                        },
                        a.name.span,
                    );
                    let local = a.asname.as_ref().unwrap_or(&a.name).name.clone();
                    self.store_name(unit, &local, v, a.name.span)?;
                }
            }
            StmtKind::If { branches, orelse } => {
                let mut ends = Vec::new();
                // What is certainly assigned where each branch ends (branches that
                // end in `return`, `raise`, `break` or `continue` do not reach the end).
                let mut certain = Vec::new();
                for (test, body) in branches {
                    let m = self.b.reg_mark();
                    let c = self.expr(unit, test)?;
                    self.b.reset_regs(m);
                    let skip = self.b.emit(
                        Instr::JumpIfFalse {
                            cond: c,
                            target: PENDING,
                        },
                        test.span,
                    );
                    let at_end = self.maybe_runs(|me| me.block(unit, body))?;
                    if !ends_abruptly(body) {
                        certain.push(at_end);
                    }
                    ends.push(self.b.emit(Instr::Jump { target: PENDING }, span));
                    let here = self.b.here();
                    self.b.patch(skip, here);
                }
                let at_end = self.maybe_runs(|me| me.block(unit, orelse))?;
                if !ends_abruptly(orelse) {
                    certain.push(at_end);
                }
                if let Some((first, rest)) = certain.split_first() {
                    self.assigned = first
                        .iter()
                        .filter(|n| rest.iter().all(|s| s.contains(*n)))
                        .cloned()
                        .collect();
                }
                let end = self.b.here();
                for j in ends {
                    self.b.patch(j, end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.b.here();
                let m = self.b.reg_mark();
                let c = self.expr(unit, test)?;
                self.b.reset_regs(m);
                let exit = self.b.emit(
                    Instr::JumpIfFalse {
                        cond: c,
                        target: PENDING,
                    },
                    test.span,
                );
                self.loops.push(LoopCtx {
                    continue_to: top,
                    breaks: Vec::new(),
                    finally_depth: self.finally.len(),
                });
                self.maybe_runs(|me| me.block(unit, body))?;
                let ctx = self.loops.pop().expect("pushed above");
                self.b.emit(Instr::JumpBack { target: top }, span);
                let here = self.b.here();
                self.b.patch(exit, here);
                self.maybe_runs(|me| me.block(unit, orelse))?;
                let end = self.b.here();
                for j in ctx.breaks {
                    self.b.patch(j, end);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let it = self.temp(span)?;
                let item = self.temp(span)?;
                let src = self.expr(unit, iter)?;
                self.b.emit(Instr::GetIter { dst: it, src }, iter.span);
                let top = self.b.here();
                let next = self.b.emit(
                    Instr::ForIter {
                        iter: it,
                        target: PENDING,
                    },
                    iter.span,
                );
                self.loops.push(LoopCtx {
                    continue_to: top,
                    breaks: Vec::new(),
                    finally_depth: self.finally.len(),
                });
                self.maybe_runs(|me| {
                    me.assign(unit, target, item)?;
                    me.block(unit, body)
                })?;
                let ctx = self.loops.pop().expect("pushed above");
                self.b.emit(Instr::JumpBack { target: top }, span);
                let here = self.b.here();
                self.b.patch(next, here);
                self.maybe_runs(|me| me.block(unit, orelse))?;
                let end = self.b.here();
                for j in ctx.breaks {
                    self.b.patch(j, end);
                }
            }
            StmtKind::With { items, body } => self.with(unit, items, body, span)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(unit, body, handlers, orelse, span)?;
                } else {
                    self.try_finally(unit, body, handlers, orelse, finalbody, span)?;
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(unit, f, span)?,
            StmtKind::ClassDef(c) => self.class_def(unit, c, span)?,
        }
        self.b.reset_regs(mark);
        Ok(())
    }

    /// Calls the callable in register `f` with `args`; returns the result register.
    pub(super) fn call_reg(&mut self, f: Reg, args: &[Reg], span: Span) -> CResult<Reg> {
        let dst = self.temp(span)?;
        let m = self.b.reg_mark();
        let callee = self.temp(span)?;
        self.b.emit(Instr::Move { dst: callee, src: f }, span);
        let first = Reg(self.b.reg_mark() as u16);
        for &a in args {
            let r = self.temp(span)?;
            self.b.emit(Instr::Move { dst: r, src: a }, span);
        }
        self.b.emit(
            Instr::Call {
                dst,
                f: callee,
                args: first,
                argc: args.len() as u8,
            },
            span,
        );
        self.b.reset_regs(m);
        Ok(dst)
    }

    /// Assigns the value in `src` to a target.
    pub(super) fn assign(&mut self, unit: &mut Unit, target: &Expr, src: Reg) -> CResult<()> {
        let span = target.span;
        let mark = self.b.reg_mark();
        match &target.kind {
            ExprKind::Name(n) => self.store_name(unit, n, src, span)?,
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(unit, value)?;
                let name = self.const_id(Const::Str(attr.name.as_str().into()), attr.span)?;
                self.b.emit(Instr::SetAttr { obj, name, src }, span);
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(unit, value)?;
                let key = self.expr(unit, index)?;
                self.b.emit(Instr::SetItem { obj, key, src }, span);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|i| matches!(i.kind, ExprKind::Starred(_)));
                let source = match star {
                    None => src,
                    Some(pos) => {
                        let before = self.constant(Const::Int(pos as i64), span)?;
                        let after = self.constant(Const::Int((items.len() - pos - 1) as i64), span)?;
                        self.call_helper(unit, "__wb_unpack_star__", &[src, before, after], span)?
                    }
                };
                let first = Reg(self.b.reg_mark() as u16);
                for _ in items {
                    self.temp(span)?;
                }
                self.b.emit(
                    Instr::Unpack {
                        first,
                        src: source,
                        count: items.len() as u16,
                    },
                    span,
                );
                for (i, item) in items.iter().enumerate() {
                    let t = match &item.kind {
                        ExprKind::Starred(inner) => inner,
                        _ => item,
                    };
                    self.assign(unit, t, Reg(first.0 + i as u16))?;
                }
            }
            _ => return Err(syntax_error("cannot assign to expression", span)),
        }
        self.b.reset_regs(mark);
        Ok(())
    }

    fn delete(&mut self, unit: &mut Unit, target: &Expr) -> CResult<()> {
        let span = target.span;
        match &target.kind {
            ExprKind::Name(n) => match self.info.place(n) {
                Place::Global => {
                    let g = unit.globals.intern(n);
                    self.b.emit(Instr::DelGlobal { g }, span);
                }
                Place::ClassLocal => {
                    let dict = self.class_dict.unwrap_or(Reg(0));
                    let key = self.constant(Const::Str(n.as_str().into()), span)?;
                    self.b.emit(Instr::DelItem { obj: dict, key }, span);
                }
                Place::Local => {
                    // Deleting an unbound local is an error too; afterwards it is unbound.
                    let r = self.var(n, span)?;
                    self.check_bound(n, r, span)?;
                    self.b.emit(Instr::Unbind { reg: r }, span);
                    self.assigned.remove(n.as_str());
                    self.checks_reads = true;
                }
                // A deleted cell or free variable reads as None afterwards (CPython: NameError).
                _ => {
                    let none = self.constant(Const::None, span)?;
                    self.store_name(unit, n, none, span)?;
                }
            },
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(unit, value)?;
                let name = self.const_id(Const::Str(attr.name.as_str().into()), attr.span)?;
                self.b.emit(Instr::DelAttr { obj, name }, span);
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(unit, value)?;
                let key = self.expr(unit, index)?;
                self.b.emit(Instr::DelItem { obj, key }, span);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(unit, i)?;
                }
            }
            _ => return Err(syntax_error("cannot delete expression", span)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, unit: &mut Unit, target: &Expr, op: ast::BinOp, value: &Expr, span: Span) -> CResult<()> {
        // `+=` has an in-place form (a list is extended, not replaced).
        let op = match binop(op, span)? {
            workbench_framework::bytecode::BinOp::Add => workbench_framework::bytecode::BinOp::InPlaceAdd,
            other => other,
        };
        match &target.kind {
            ExprKind::Name(n) => {
                if let Some(r) = self.local_reg(n) {
                    let v = self.expr(unit, value)?;
                    self.b.emit(Instr::Binary { op, dst: r, a: r, b: v }, span);
                } else {
                    let cur = self.temp(span)?;
                    self.load_name(unit, n, cur, span)?;
                    let v = self.expr(unit, value)?;
                    self.b.emit(
                        Instr::Binary {
                            op,
                            dst: cur,
                            a: cur,
                            b: v,
                        },
                        span,
                    );
                    self.store_name(unit, n, cur, span)?;
                }
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.expr(unit, obj)?;
                let name = self.const_id(Const::Str(attr.name.as_str().into()), attr.span)?;
                let cur = self.temp(span)?;
                self.b.emit(Instr::GetAttr { dst: cur, obj: o, name }, span);
                let v = self.expr(unit, value)?;
                self.b.emit(
                    Instr::Binary {
                        op,
                        dst: cur,
                        a: cur,
                        b: v,
                    },
                    span,
                );
                self.b.emit(Instr::SetAttr { obj: o, name, src: cur }, span);
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.expr(unit, obj)?;
                let key = self.expr(unit, index)?;
                let cur = self.temp(span)?;
                self.b.emit(Instr::GetItem { dst: cur, obj: o, key }, span);
                let v = self.expr(unit, value)?;
                self.b.emit(
                    Instr::Binary {
                        op,
                        dst: cur,
                        a: cur,
                        b: v,
                    },
                    span,
                );
                self.b.emit(Instr::SetItem { obj: o, key, src: cur }, span);
            }
            _ => return Err(syntax_error("illegal expression for augmented assignment", span)),
        }
        Ok(())
    }

    fn raise(&mut self, unit: &mut Unit, exc: Option<&Expr>, cause: Option<&Expr>, span: Span) -> CResult<()> {
        let Some(exc) = exc else {
            if let Some(&current) = self.handling.last() {
                self.b.emit(Instr::Raise { src: current }, span);
            } else {
                let cls = self.temp(span)?;
                self.load_name(unit, "RuntimeError", cls, span)?;
                let msg = self.constant(Const::Str("No active exception to reraise".into()), span)?;
                let e = self.call_reg(cls, &[msg], span)?;
                self.b.emit(Instr::Raise { src: e }, span);
            }
            return Ok(());
        };
        let x = self.expr(unit, exc)?;
        let e = self.call_helper(unit, "__wb_exc__", &[x], span)?;
        if let Some(&handled) = self.handling.last() {
            // Inside an `except` block: the exception being handled becomes the context.
            self.call_helper(unit, "__wb_set_context__", &[e, handled], span)?;
        }
        if let Some(c) = cause {
            let cv = self.expr(unit, c)?;
            self.call_helper(unit, "__wb_set_cause__", &[e, cv], span)?;
        }
        self.b.emit(Instr::Raise { src: e }, span);
        Ok(())
    }

    /// Emits the bodies of the open `finally` clauses above `depth`, innermost first.
    fn run_finally_down_to(&mut self, unit: &mut Unit, depth: usize) -> CResult<()> {
        let mut pending = Vec::new();
        while self.finally.len() > depth {
            pending.push(self.finally.pop().expect("checked"));
        }
        for f in &pending {
            match f {
                Finally::Body(body) => self.block(unit, body)?,
                Finally::Exit(exit) => {
                    let none = self.constant(Const::None, Span::default())?;
                    self.call_reg(*exit, &[none, none, none], Span::default())?;
                }
            }
        }
        while let Some(b) = pending.pop() {
            self.finally.push(b);
        }
        Ok(())
    }

    fn try_except(
        &mut self,
        unit: &mut Unit,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        span: Span,
    ) -> CResult<()> {
        let exc = self.temp(span)?;
        let start = self.b.here();
        // A handler may start anywhere in the body: only what was certain before it is.
        let before = self.assigned.clone();
        self.block(unit, body)?;
        let end = self.b.here();
        self.b.add_handler(Handler {
            start,
            end,
            target: PENDING,
            dst: exc,
        });
        let handler_index = self.b_handlers_len() - 1;
        self.block(unit, orelse)?;
        let mut certain = Vec::new();
        if !ends_abruptly(body) && !ends_abruptly(orelse) {
            certain.push(self.assigned.clone());
        }
        let mut exits = vec![self.b.emit(Instr::Jump { target: PENDING }, span)];
        let target = self.b.here();
        self.set_handler_target(handler_index, target);
        self.handling.push(exc);
        for h in handlers {
            self.assigned = before.clone();
            let skip = match &h.kind {
                Some(k) => {
                    let m = self.b.reg_mark();
                    let cls = self.expr(unit, k)?;
                    let ok = self.call_helper(unit, "__wb_exc_match__", &[exc, cls], h.span)?;
                    self.b.reset_regs(m);
                    Some(self.b.emit(
                        Instr::JumpIfFalse {
                            cond: ok,
                            target: PENDING,
                        },
                        h.span,
                    ))
                }
                None => None,
            };
            if let Some(n) = &h.name {
                self.store_name(unit, &n.name, exc, n.span)?;
            }
            self.block(unit, &h.body)?;
            // Like CPython, the `as` name is unbound when the handler ends.
            if let Some(n) = &h.name {
                let target = Expr {
                    kind: ExprKind::Name(n.name.clone()),
                    span: n.span,
                    height: 1,
                };
                self.delete(unit, &target)?;
            }
            if !ends_abruptly(&h.body) {
                certain.push(self.assigned.clone());
            }
            exits.push(self.b.emit(Instr::Jump { target: PENDING }, h.span));
            if let Some(j) = skip {
                let here = self.b.here();
                self.b.patch(j, here);
            }
        }
        // No clause matched: re-raise.
        self.b.emit(Instr::Raise { src: exc }, span);
        self.handling.pop();
        self.assigned = match certain.split_first() {
            Some((first, rest)) => first
                .iter()
                .filter(|n| rest.iter().all(|s| s.contains(*n)))
                .cloned()
                .collect(),
            None => before,
        };
        let end = self.b.here();
        for j in exits {
            self.b.patch(j, end);
        }
        Ok(())
    }

    fn try_finally(
        &mut self,
        unit: &mut Unit,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        span: Span,
    ) -> CResult<()> {
        let exc = self.temp(span)?;
        let start = self.b.here();
        let before = self.assigned.clone();
        self.finally.push(Finally::Body(finalbody.to_vec()));
        if handlers.is_empty() {
            self.block(unit, body)?;
        } else {
            self.try_except(unit, body, handlers, orelse, span)?;
        }
        self.finally.pop();
        let end = self.b.here();
        self.b.add_handler(Handler {
            start,
            end,
            target: PENDING,
            dst: exc,
        });
        let handler_index = self.b_handlers_len() - 1;
        self.block(unit, finalbody)?;
        let after = std::mem::replace(&mut self.assigned, before);
        let done = self.b.emit(Instr::Jump { target: PENDING }, span);
        let target = self.b.here();
        self.set_handler_target(handler_index, target);
        self.handling.push(exc);
        // The exception path: the body may have stopped anywhere.
        self.block(unit, finalbody)?;
        self.handling.pop();
        self.assigned = after;
        self.b.emit(Instr::Raise { src: exc }, span);
        let here = self.b.here();
        self.b.patch(done, here);
        Ok(())
    }

    fn with(&mut self, unit: &mut Unit, items: &[ast::WithItem], body: &[Stmt], span: Span) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.block(unit, body);
        };
        let mgr = self.expr_temp(unit, &item.context)?;
        let exit_name = self.const_id(Const::Str("__exit__".into()), span)?;
        let exit = self.temp(span)?;
        self.b.emit(
            Instr::GetAttr {
                dst: exit,
                obj: mgr,
                name: exit_name,
            },
            span,
        );
        let enter_name = self.const_id(Const::Str("__enter__".into()), span)?;
        let enter = self.temp(span)?;
        self.b.emit(
            Instr::GetAttr {
                dst: enter,
                obj: mgr,
                name: enter_name,
            },
            span,
        );
        let value = self.call_reg(enter, &[], span)?;
        if let Some(t) = &item.target {
            self.assign(unit, t, value)?;
        }
        let exc = self.temp(span)?;
        let start = self.b.here();
        self.finally.push(Finally::Exit(exit));
        // `__exit__` may suppress an exception from anywhere in the body.
        self.maybe_runs(|me| me.with(unit, rest, body, span))?;
        self.finally.pop();
        let end = self.b.here();
        self.b.add_handler(Handler {
            start,
            end,
            target: PENDING,
            dst: exc,
        });
        let handler_index = self.b_handlers_len() - 1;
        let none = self.constant(Const::None, span)?;
        self.call_reg(exit, &[none, none, none], span)?;
        let done = self.b.emit(Instr::Jump { target: PENDING }, span);
        let target = self.b.here();
        self.set_handler_target(handler_index, target);
        let ty = self.call_helper(unit, "type", &[exc], span)?;
        let suppress = self.call_reg(exit, &[ty, exc, none], span)?;
        let keep = self.b.emit(
            Instr::JumpIfTrue {
                cond: suppress,
                target: PENDING,
            },
            span,
        );
        self.b.emit(Instr::Raise { src: exc }, span);
        let here = self.b.here();
        self.b.patch(done, here);
        self.b.patch(keep, here);
        Ok(())
    }

    fn function_def(&mut self, unit: &mut Unit, f: &ast::FunctionDef, span: Span) -> CResult<()> {
        let mut decorators = Vec::new();
        for d in &f.decorators {
            decorators.push(self.expr_temp(unit, d)?);
        }
        let info = unit.scope(span, ScopeKind::Function)?;
        let mut child = FnCompiler::new(&f.name.name, info, span, 0);
        let fdst = self.temp(span)?;
        self.function_params(unit, &mut child, &f.params, fdst, span)?;
        child.prologue()?;
        child.block(unit, &f.body)?;
        let none = child.constant(Const::None, span)?;
        child.b.emit(Instr::Return { src: none }, span);
        self.make_closure(unit, child, fdst, span)?;
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Str(doc),
                    span: doc_span,
                    ..
                }),
            ..
        }) = f.body.first()
        {
            let text = self.constant(Const::Str(doc.as_str().into()), *doc_span)?;
            self.call_helper(unit, "__wb_set_doc__", &[fdst, text], span)?;
        }
        let mut value = fdst;
        for d in decorators.iter().rev() {
            value = self.call_reg(*d, &[value], span)?;
        }
        self.store_name(unit, &f.name.name, value, f.name.span)
    }

    fn class_def(&mut self, unit: &mut Unit, c: &ast::ClassDef, span: Span) -> CResult<()> {
        let mut decorators = Vec::new();
        for d in &c.decorators {
            decorators.push(self.expr_temp(unit, d)?);
        }
        let info = unit.scope(span, ScopeKind::Class)?;
        let provides_cell = info.provides_class_cell;
        let mut child = FnCompiler::new(&c.name.name, info, span, 0);
        let dict = child.temp(span)?;
        child.b.emit(
            Instr::Build {
                kind: BuildKind::Dict,
                dst: dict,
                first: dict,
                count: 0,
            },
            span,
        );
        child.class_dict = Some(dict);
        child.prologue()?;
        child.block(unit, &c.body)?;
        let result = if provides_cell && matches!(child.info.place("__class__"), Place::Cell) {
            let cell = child.var("__class__", span)?;
            let first = child.temp(span)?;
            child.b.emit(Instr::Move { dst: first, src: dict }, span);
            let second = child.temp(span)?;
            child.b.emit(Instr::Move { dst: second, src: cell }, span);
            let t = child.temp(span)?;
            child.b.emit(
                Instr::Build {
                    kind: BuildKind::Tuple,
                    dst: t,
                    first,
                    count: 2,
                },
                span,
            );
            t
        } else {
            dict
        };
        child.b.emit(Instr::Return { src: result }, span);
        let body_fn = self.temp(span)?;
        self.make_closure(unit, child, body_fn, span)?;
        // __wb_build_class__(body, name, *bases)
        let name = self.constant(Const::Str(c.name.name.as_str().into()), c.name.span)?;
        let f = self.temp(span)?;
        self.load_name(unit, "__wb_build_class__", f, span)?;
        let first = Reg(self.b.reg_mark() as u16);
        let a0 = self.temp(span)?;
        self.b.emit(Instr::Move { dst: a0, src: body_fn }, span);
        let a1 = self.temp(span)?;
        self.b.emit(Instr::Move { dst: a1, src: name }, span);
        for base in &c.bases {
            if matches!(base.kind, ExprKind::Starred(_)) {
                return Err(syntax_error("starred base classes are not supported", base.span));
            }
            self.expr_temp(unit, base)?;
        }
        let cls = self.temp(span)?;
        self.b.emit(
            Instr::Call {
                dst: cls,
                f,
                args: first,
                argc: (2 + c.bases.len()) as u8,
            },
            span,
        );
        let mut value = cls;
        for d in decorators.iter().rev() {
            value = self.call_reg(*d, &[value], span)?;
        }
        self.store_name(unit, &c.name.name, value, c.name.span)
    }

    fn b_handlers_len(&self) -> usize {
        self.b.handlers_len()
    }

    fn set_handler_target(&mut self, index: usize, target: Label) {
        self.b.set_handler_target(index, target);
    }
}

/// True if compiling `e` into a register writes that register only with its
/// last instruction (so that the register may be a variable the expression
/// reads, and an error midway leaves it untouched). `a or b` and `x if c
/// else y`, which write their destination on each branch, are not.
fn writes_destination_last(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Attribute { .. }
        | ExprKind::Subscript { .. }
        | ExprKind::Binary { .. }
        | ExprKind::Unary { .. } => true,
        ExprKind::Call { args, keywords, .. } => {
            keywords.is_empty() && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))),
        _ => false,
    }
}

/// True if a block certainly does not fall through to what follows it.
fn ends_abruptly(body: &[Stmt]) -> bool {
    matches!(
        body.last().map(|s| &s.kind),
        Some(StmtKind::Return(_) | StmtKind::Raise { .. } | StmtKind::Break | StmtKind::Continue)
    )
}
