//! Expressions: each one leaves its value in a register.
//!
//! `expr` may return the register a local already lives in (no copy);
//! `expr_to` evaluates into a given register; `expr_temp` always into a
//! fresh temporary (needed for call arguments, which must be the highest
//! live registers).

use super::scope::ScopeKind;
use super::{syntax_error, CResult, FnCompiler, Unit};
use crate::ast::{self, BoolOp, CmpOp, Comprehension, Expr, ExprKind, FStringPart, UnaryOp};
use workbench_framework::bytecode::{BinOp, BuildKind, CallSite, Const, Instr, Params, Reg, UnOp};
use workbench_framework::span::Span;

/// The framework operator for a Python binary operator.
pub fn binop(op: ast::BinOp, span: Span) -> CResult<BinOp> {
    Ok(match op {
        ast::BinOp::Add => BinOp::Add,
        ast::BinOp::Sub => BinOp::Sub,
        ast::BinOp::Mult => BinOp::Mul,
        ast::BinOp::Div => BinOp::Div,
        ast::BinOp::FloorDiv => BinOp::FloorDiv,
        ast::BinOp::Mod => BinOp::Mod,
        ast::BinOp::Pow => BinOp::Pow,
        ast::BinOp::LShift => BinOp::Shl,
        ast::BinOp::RShift => BinOp::Shr,
        ast::BinOp::BitOr => BinOp::BitOr,
        ast::BinOp::BitXor => BinOp::BitXor,
        ast::BinOp::BitAnd => BinOp::BitAnd,
        ast::BinOp::MatMult => return Err(syntax_error("the @ operator is not supported", span)),
    })
}

impl FnCompiler {
    /// Evaluates `e`; the result may be a local's own register (read only).
    pub(super) fn expr(&mut self, unit: &mut Unit, e: &Expr) -> CResult<Reg> {
        if let ExprKind::Name(n) = &e.kind {
            if let Some(r) = self.local_reg(n) {
                return Ok(r);
            }
        }
        let dst = self.temp(e.span)?;
        self.expr_to(unit, e, dst)?;
        Ok(dst)
    }

    /// Evaluates `e` into a fresh temporary.
    pub(super) fn expr_temp(&mut self, unit: &mut Unit, e: &Expr) -> CResult<Reg> {
        let dst = self.temp(e.span)?;
        self.expr_to(unit, e, dst)?;
        Ok(dst)
    }

    fn load_const(&mut self, c: Const, dst: Reg, span: Span) -> CResult<()> {
        let k = self.const_id(c, span)?;
        self.b.emit(Instr::LoadConst { dst, k }, span);
        Ok(())
    }

    /// Evaluates `e` into `dst`.
    pub(super) fn expr_to(&mut self, unit: &mut Unit, e: &Expr, dst: Reg) -> CResult<()> {
        let span = e.span;
        let mark = self.b.reg_mark();
        match &e.kind {
            ExprKind::Name(n) => self.load_name(unit, n, dst, span)?,
            ExprKind::Int(i) => self.load_const(Const::Int(*i), dst, span)?,
            ExprKind::BigInt(s) => self.load_const(Const::BigInt(s.clone()), dst, span)?,
            ExprKind::Float(x) => self.load_const(Const::Float(*x), dst, span)?,
            ExprKind::Str(s) => self.load_const(Const::Str(s.as_str().into()), dst, span)?,
            ExprKind::Bool(b) => self.load_const(Const::Bool(*b), dst, span)?,
            ExprKind::None => self.load_const(Const::None, dst, span)?,
            ExprKind::Ellipsis => {
                let g = unit.globals.intern("Ellipsis");
                self.b.emit(Instr::LoadGlobal { dst, g }, span);
            }
            ExprKind::FString(parts) => self.fstring(unit, parts, dst, span)?,
            ExprKind::Tuple(items) => self.sequence(unit, BuildKind::Tuple, items, dst, span)?,
            ExprKind::List(items) => self.sequence(unit, BuildKind::List, items, dst, span)?,
            ExprKind::Set(items) => self.sequence(unit, BuildKind::Set, items, dst, span)?,
            ExprKind::Dict(items) => self.dict(unit, items, dst, span)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(unit, e, Comp::List(elt), generators, dst)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(unit, e, Comp::Set(elt), generators, dst)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(unit, e, Comp::Dict(key, value), generators, dst)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(unit, e, Comp::Gen(elt), generators, dst)?
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(unit, value)?;
                let name = self.const_id(Const::Str(attr.name.as_str().into()), span)?;
                self.b.emit(Instr::GetAttr { dst, obj, name }, span);
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(unit, value)?;
                let key = self.expr(unit, index)?;
                self.b.emit(Instr::GetItem { dst, obj, key }, span);
            }
            ExprKind::Slice { lower, upper, step } => {
                let first = self.temp(span)?;
                let second = self.temp(span)?;
                let third = self.temp(span)?;
                for (part, r) in [(lower, first), (upper, second), (step, third)] {
                    match part {
                        Some(p) => self.expr_to(unit, p, r)?,
                        None => self.load_const(Const::None, r, span)?,
                    }
                }
                self.b.emit(
                    Instr::Build {
                        kind: BuildKind::Slice,
                        dst,
                        first,
                        count: 3,
                    },
                    span,
                );
            }
            ExprKind::Call { func, args, keywords } => self.call(unit, func, args, keywords, dst, span)?,
            ExprKind::Starred(_) => return Err(syntax_error("can't use starred expression here", span)),
            ExprKind::Unary { op, operand } => {
                // Fold negative literals so that `-5` is one constant.
                match (op, &operand.kind) {
                    (UnaryOp::USub, ExprKind::Int(i)) => self.load_const(Const::Int(-*i), dst, span)?,
                    (UnaryOp::USub, ExprKind::Float(x)) => self.load_const(Const::Float(-*x), dst, span)?,
                    _ => {
                        let a = self.expr(unit, operand)?;
                        let op = match op {
                            UnaryOp::Not => UnOp::Not,
                            UnaryOp::USub => UnOp::Neg,
                            UnaryOp::UAdd => UnOp::Pos,
                            UnaryOp::Invert => UnOp::Invert,
                        };
                        self.b.emit(Instr::Unary { op, dst, a }, span);
                    }
                }
            }
            ExprKind::Binary { op, left, right } => {
                let a = self.expr(unit, left)?;
                let b = self.expr(unit, right)?;
                let op = binop(*op, span)?;
                self.b.emit(Instr::Binary { op, dst, a, b }, span);
            }
            ExprKind::BoolOp { op, values } => {
                let mut ends = Vec::new();
                let before = self.assigned.clone();
                for (i, v) in values.iter().enumerate() {
                    self.expr_to(unit, v, dst)?;
                    if i == 0 {
                        // Only the first operand certainly runs.
                        self.assigned = before.clone();
                    }
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => self.b.emit(
                                Instr::JumpIfFalse {
                                    cond: dst,
                                    target: workbench_framework::bytecode::Label(0),
                                },
                                span,
                            ),
                            BoolOp::Or => self.b.emit(
                                Instr::JumpIfTrue {
                                    cond: dst,
                                    target: workbench_framework::bytecode::Label(0),
                                },
                                span,
                            ),
                        };
                        ends.push(j);
                    }
                }
                let end = self.b.here();
                for j in ends {
                    self.b.patch(j, end);
                }
                self.assigned = before;
            }
            ExprKind::Compare { left, rest } => self.compare(unit, left, rest, dst, span)?,
            ExprKind::IfExp { test, body, orelse } => {
                let c = self.expr(unit, test)?;
                let jf = self.b.emit(
                    Instr::JumpIfFalse {
                        cond: c,
                        target: workbench_framework::bytecode::Label(0),
                    },
                    span,
                );
                self.maybe_runs(|me| me.expr_to(unit, body, dst))?;
                let jend = self.b.emit(
                    Instr::Jump {
                        target: workbench_framework::bytecode::Label(0),
                    },
                    span,
                );
                let here = self.b.here();
                self.b.patch(jf, here);
                self.maybe_runs(|me| me.expr_to(unit, orelse, dst))?;
                let end = self.b.here();
                self.b.patch(jend, end);
            }
            ExprKind::Lambda { params, body } => {
                let info = unit.scope(span, ScopeKind::Function)?;
                let mut child = FnCompiler::new("<lambda>", info, span, 0);
                let fdst = self.temp(span)?;
                self.function_params(unit, &mut child, params, fdst, span)?;
                child.prologue()?;
                let v = child.expr(unit, body)?;
                child.b.emit(Instr::Return { src: v }, span);
                self.make_closure(unit, child, fdst, span)?;
                self.b.emit(Instr::Move { dst, src: fdst }, span);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr_to(unit, value, dst)?;
                self.store_name(unit, &target.name, dst, span)?;
            }
            ExprKind::Yield(v) => {
                let src = match v {
                    Some(v) => self.expr(unit, v)?,
                    None => {
                        let r = self.temp(span)?;
                        self.load_const(Const::None, r, span)?;
                        r
                    }
                };
                self.b.emit(Instr::Yield { dst, src }, span);
            }
            ExprKind::YieldFrom(v) => {
                // Re-yield every item of the inner iterable; the value of the
                // expression is None (send() is not forwarded).
                let it = self.temp(span)?;
                let item = self.temp(span)?;
                let src = self.expr(unit, v)?;
                self.b.emit(Instr::GetIter { dst: it, src }, span);
                let top = self.b.here();
                let next = self.b.emit(
                    Instr::ForIter {
                        iter: it,
                        target: workbench_framework::bytecode::Label(0),
                    },
                    span,
                );
                let sent = self.temp(span)?;
                self.b.emit(Instr::Yield { dst: sent, src: item }, span);
                self.b.emit(Instr::JumpBack { target: top }, span);
                let end = self.b.here();
                self.b.patch(next, end);
                let result = self.call_helper(unit, "__wb_gen_result__", &[it], span)?;
                self.b.emit(Instr::Move { dst, src: result }, span);
            }
        }
        self.b.reset_regs(mark);
        Ok(())
    }

    /// `a < b < c`: each comparison short-circuits the rest; `b` is evaluated once.
    fn compare(&mut self, unit: &mut Unit, left: &Expr, rest: &[(CmpOp, Expr)], dst: Reg, span: Span) -> CResult<()> {
        let mut a = self.expr(unit, left)?;
        let mut exits = Vec::new();
        for (i, (op, right)) in rest.iter().enumerate() {
            let b = self.expr_temp(unit, right)?;
            let (bop, negate) = match op {
                CmpOp::Eq => (BinOp::Eq, false),
                CmpOp::NotEq => (BinOp::Ne, false),
                CmpOp::Lt => (BinOp::Lt, false),
                CmpOp::LtE => (BinOp::Le, false),
                CmpOp::Gt => (BinOp::Gt, false),
                CmpOp::GtE => (BinOp::Ge, false),
                CmpOp::Is => (BinOp::Is, false),
                CmpOp::IsNot => (BinOp::Is, true),
                CmpOp::In => (BinOp::In, false),
                CmpOp::NotIn => (BinOp::In, true),
            };
            self.b.emit(Instr::Binary { op: bop, dst, a, b }, span);
            if negate {
                self.b.emit(
                    Instr::Unary {
                        op: UnOp::Not,
                        dst,
                        a: dst,
                    },
                    span,
                );
            }
            if i + 1 < rest.len() {
                exits.push(self.b.emit(
                    Instr::JumpIfFalse {
                        cond: dst,
                        target: workbench_framework::bytecode::Label(0),
                    },
                    span,
                ));
            }
            a = b;
        }
        let end = self.b.here();
        for j in exits {
            self.b.patch(j, end);
        }
        Ok(())
    }

    /// Tuples, lists and sets; `*x` elements are spread through a list.
    fn sequence(&mut self, unit: &mut Unit, kind: BuildKind, items: &[Expr], dst: Reg, span: Span) -> CResult<()> {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !starred {
            let first = Reg(self.b.reg_mark() as u16);
            for it in items {
                self.expr_temp(unit, it)?;
            }
            self.b.emit(
                Instr::Build {
                    kind,
                    dst,
                    first,
                    count: items.len() as u16,
                },
                span,
            );
            return Ok(());
        }
        let list = self.temp(span)?;
        self.b.emit(
            Instr::Build {
                kind: BuildKind::List,
                dst: list,
                first: list,
                count: 0,
            },
            span,
        );
        for it in items {
            match &it.kind {
                ExprKind::Starred(inner) => {
                    let v = self.expr(unit, inner)?;
                    self.call_helper(unit, "__wb_list_extend__", &[list, v], span)?;
                }
                _ => {
                    let v = self.expr(unit, it)?;
                    self.b.emit(Instr::Append { list, src: v }, span);
                }
            }
        }
        let result = match kind {
            BuildKind::List => {
                self.b.emit(Instr::Move { dst, src: list }, span);
                return Ok(());
            }
            BuildKind::Tuple => self.call_global(unit, "tuple", &[list], span)?,
            _ => self.call_global(unit, "set", &[list], span)?,
        };
        self.b.emit(Instr::Move { dst, src: result }, span);
        Ok(())
    }

    fn call_global(&mut self, unit: &mut Unit, name: &str, args: &[Reg], span: Span) -> CResult<Reg> {
        self.call_helper(unit, name, args, span)
    }

    fn dict(&mut self, unit: &mut Unit, items: &[ast::DictItem], dst: Reg, span: Span) -> CResult<()> {
        if items.iter().all(|i| i.key.is_some()) {
            let first = Reg(self.b.reg_mark() as u16);
            for it in items {
                if let Some(k) = &it.key {
                    self.expr_temp(unit, k)?;
                }
                self.expr_temp(unit, &it.value)?;
            }
            self.b.emit(
                Instr::Build {
                    kind: BuildKind::Dict,
                    dst,
                    first,
                    count: (items.len() * 2) as u16,
                },
                span,
            );
            return Ok(());
        }
        self.b.emit(
            Instr::Build {
                kind: BuildKind::Dict,
                dst,
                first: dst,
                count: 0,
            },
            span,
        );
        for it in items {
            match &it.key {
                Some(k) => {
                    let key = self.expr(unit, k)?;
                    let v = self.expr(unit, &it.value)?;
                    self.b.emit(Instr::SetItem { obj: dst, key, src: v }, span);
                }
                None => {
                    let m = self.expr(unit, &it.value)?;
                    self.call_helper(unit, "__wb_dict_update__", &[dst, m], span)?;
                }
            }
        }
        Ok(())
    }

    /// f-strings: literal parts and formatted fields joined with `+`.
    fn fstring(&mut self, unit: &mut Unit, parts: &[FStringPart], dst: Reg, span: Span) -> CResult<()> {
        self.load_const(Const::Str("".into()), dst, span)?;
        for p in parts {
            let mark = self.b.reg_mark();
            let piece = match p {
                FStringPart::Literal(s) => {
                    let r = self.temp(span)?;
                    self.load_const(Const::Str(s.as_str().into()), r, span)?;
                    r
                }
                FStringPart::Field(f) => {
                    let mut v = self.expr(unit, &f.value)?;
                    if let Some(conv) = f.conversion {
                        let code = match conv {
                            ast::Conversion::Str => "s",
                            ast::Conversion::Repr => "r",
                            ast::Conversion::Ascii => "a",
                        };
                        let c = self.temp(f.span)?;
                        self.load_const(Const::Str(code.into()), c, f.span)?;
                        v = self.call_helper(unit, "__wb_convert__", &[v, c], f.span)?;
                    }
                    let spec = self.temp(f.span)?;
                    self.fstring(unit, &f.spec, spec, f.span)?;
                    self.call_helper(unit, "__wb_format__", &[v, spec], f.span)?
                }
            };
            self.b.emit(
                Instr::Binary {
                    op: BinOp::Add,
                    dst,
                    a: dst,
                    b: piece,
                },
                span,
            );
            self.b.reset_regs(mark);
        }
        Ok(())
    }

    /// A call: plain positional calls use `Call`; anything else `CallEx`.
    pub(super) fn call(
        &mut self,
        unit: &mut Unit,
        func: &Expr,
        args: &[Expr],
        keywords: &[ast::Keyword],
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        // `super()` inside a method: `super(__class__, <first argument>)`.
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && keywords.is_empty() && self.info.uses_super {
                let Some(first) = self.info.params.first().cloned() else {
                    return Err(syntax_error("super(): no arguments", span));
                };
                let f = self.temp(span)?;
                self.load_name(unit, "super", f, span)?;
                let a = self.temp(span)?;
                self.load_name(unit, "__class__", a, span)?;
                let b = self.temp(span)?;
                self.load_name(unit, &first, b, span)?;
                self.b.emit(
                    Instr::Call {
                        dst,
                        f,
                        args: a,
                        argc: 2,
                    },
                    span,
                );
                return Ok(());
            }
        }
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if !starred && keywords.is_empty() && args.len() < 255 {
                // `obj.name(args)`: LoadMethod before the arguments, CallMethod after them;
                // a plain method is called with `obj` first and no bound method is made.
                let flag = self.temp(span)?;
                let f = self.temp(span)?;
                let receiver = self.expr_temp(unit, value)?;
                if receiver.0 != f.0 + 1 {
                    return Err(syntax_error("internal error: method call registers", span));
                }
                let name = self.const_id(Const::Str(attr.name.as_str().into()), func.span)?;
                self.b.emit(Instr::LoadMethod { flag, f, name }, func.span);
                for a in args {
                    self.expr_temp(unit, a)?;
                }
                self.b.emit(
                    Instr::CallMethod {
                        dst,
                        flag,
                        f,
                        argc: args.len() as u8,
                    },
                    span,
                );
                return Ok(());
            }
        }
        let f = self.expr_temp(unit, func)?;
        let star_star = keywords.iter().any(|k| k.name.is_none());
        if !starred && keywords.is_empty() {
            if args.len() > 255 {
                return Err(syntax_error("more than 255 arguments", span));
            }
            let first = Reg(self.b.reg_mark() as u16);
            for a in args {
                self.expr_temp(unit, a)?;
            }
            self.b.emit(
                Instr::Call {
                    dst,
                    f,
                    args: first,
                    argc: args.len() as u8,
                },
                span,
            );
            return Ok(());
        }
        let first = Reg(self.b.reg_mark() as u16);
        let mut site = CallSite {
            dst,
            f,
            args: first,
            ..CallSite::default()
        };
        if starred {
            let list = self.temp(span)?;
            self.b.emit(
                Instr::Build {
                    kind: BuildKind::List,
                    dst: list,
                    first: list,
                    count: 0,
                },
                span,
            );
            let mark = self.b.reg_mark();
            for a in args {
                match &a.kind {
                    ExprKind::Starred(inner) => {
                        let v = self.expr(unit, inner)?;
                        self.call_helper(unit, "__wb_list_extend__", &[list, v], span)?;
                    }
                    _ => {
                        let v = self.expr(unit, a)?;
                        self.b.emit(Instr::Append { list, src: v }, span);
                    }
                }
                self.b.reset_regs(mark);
            }
            site.star = true;
        } else {
            for a in args {
                self.expr_temp(unit, a)?;
            }
            site.positional = args.len() as u8;
        }
        if star_star {
            let d = self.temp(span)?;
            self.b.emit(
                Instr::Build {
                    kind: BuildKind::Dict,
                    dst: d,
                    first: d,
                    count: 0,
                },
                span,
            );
            let mark = self.b.reg_mark();
            for k in keywords {
                match &k.name {
                    Some(name) => {
                        let key = self.temp(k.span)?;
                        self.load_const(Const::Str(name.name.as_str().into()), key, k.span)?;
                        let v = self.expr(unit, &k.value)?;
                        self.call_helper(unit, "__wb_kwarg__", &[d, key, v], k.span)?;
                    }
                    None => {
                        let m = self.expr(unit, &k.value)?;
                        self.call_helper(unit, "__wb_kwargs_merge__", &[d, m], k.span)?;
                    }
                }
                self.b.reset_regs(mark);
            }
            site.star_star = true;
        } else {
            for k in keywords {
                self.expr_temp(unit, &k.value)?;
                site.keywords
                    .push(k.name.as_ref().map(|n| n.name.clone()).unwrap_or_default());
            }
        }
        let id = self.b.add_call_site(site);
        self.b.emit(Instr::CallEx { site: id }, span);
        Ok(())
    }

    /// Declares `child`'s parameters and evaluates their defaults into the
    /// registers after `dst` (where `MakeClosure` expects them).
    pub(super) fn function_params(
        &mut self,
        unit: &mut Unit,
        child: &mut FnCompiler,
        p: &ast::Parameters,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let mut params = Params::default();
        let mut defaults = Vec::new();
        for (i, param) in p.posonly.iter().chain(&p.args).chain(&p.kwonly).enumerate() {
            params.names.push(param.name.name.clone());
            if let Some(d) = &param.default {
                params.defaults.push(i as u16);
                defaults.push(d);
            }
        }
        params.posonly = p.posonly.len() as u16;
        params.positional = (p.posonly.len() + p.args.len()) as u16;
        params.kwonly = p.kwonly.len() as u16;
        params.varargs = p.vararg.is_some();
        params.varkw = p.kwarg.is_some();
        // The scope lists parameters in source order: posonly, args, vararg, kwonly, kwarg;
        // registers follow the framework's order: positional, kwonly, *args, **kwargs.
        let mut order: Vec<String> = params.names.clone();
        if let Some(v) = &p.vararg {
            order.push(v.name.name.clone());
        }
        if let Some(k) = &p.kwarg {
            order.push(k.name.name.clone());
        }
        child.info.params = order;
        child.b.set_params(params);
        for (j, d) in defaults.iter().enumerate() {
            let r = Reg(dst.0 + 1 + j as u16);
            while (self.b.reg_mark() as u16) <= r.0 {
                self.temp(span)?;
            }
            self.expr_to(unit, d, r)?;
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        unit: &mut Unit,
        e: &Expr,
        kind: Comp,
        generators: &[Comprehension],
        dst: Reg,
    ) -> CResult<()> {
        let span = e.span;
        let info = unit.scope(span, ScopeKind::Comprehension)?;
        let name = match kind {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let mut child = FnCompiler::new(name, info, span, 1);
        child.b.set_params(Params {
            names: vec![".0".into()],
            positional: 1,
            ..Params::default()
        });
        child.prologue()?;
        let result = child.temp(span)?;
        match kind {
            Comp::List(_) => child.b.emit(
                Instr::Build {
                    kind: BuildKind::List,
                    dst: result,
                    first: result,
                    count: 0,
                },
                span,
            ),
            Comp::Set(_) => child.b.emit(
                Instr::Build {
                    kind: BuildKind::Set,
                    dst: result,
                    first: result,
                    count: 0,
                },
                span,
            ),
            Comp::Dict(..) => child.b.emit(
                Instr::Build {
                    kind: BuildKind::Dict,
                    dst: result,
                    first: result,
                    count: 0,
                },
                span,
            ),
            Comp::Gen(_) => child.b.emit(
                Instr::Move {
                    dst: result,
                    src: result,
                },
                span,
            ),
        };
        child.comp_loop(unit, generators, 0, Reg(0), &kind, result, span)?;
        if matches!(kind, Comp::Gen(_)) {
            child.load_const(Const::None, result, span)?;
        }
        child.b.emit(Instr::Return { src: result }, span);
        // The first iterable is evaluated here, in the enclosing scope.
        let f = self.temp(span)?;
        let it = self.temp(span)?;
        let first = generators
            .first()
            .ok_or_else(|| syntax_error("empty comprehension", span))?;
        let src = self.expr(unit, &first.iter)?;
        self.b.emit(Instr::GetIter { dst: it, src }, span);
        self.make_closure(unit, child, f, span)?;
        self.b.emit(
            Instr::Call {
                dst,
                f,
                args: it,
                argc: 1,
            },
            span,
        );
        Ok(())
    }

    /// One `for` clause of a comprehension, with the next ones nested inside.
    #[allow(clippy::too_many_arguments)]
    fn comp_loop(
        &mut self,
        unit: &mut Unit,
        generators: &[Comprehension],
        level: usize,
        first_iter: Reg,
        kind: &Comp,
        result: Reg,
        span: Span,
    ) -> CResult<()> {
        let Some(g) = generators.get(level) else {
            match kind {
                Comp::List(elt) | Comp::Set(elt) => {
                    let v = self.expr(unit, elt)?;
                    self.b.emit(Instr::Append { list: result, src: v }, span);
                }
                Comp::Dict(k, v) => {
                    let key = self.expr(unit, k)?;
                    let val = self.expr(unit, v)?;
                    self.b.emit(
                        Instr::SetItem {
                            obj: result,
                            key,
                            src: val,
                        },
                        span,
                    );
                }
                Comp::Gen(elt) => {
                    let v = self.expr(unit, elt)?;
                    let sent = self.temp(span)?;
                    self.b.emit(Instr::Yield { dst: sent, src: v }, span);
                }
            }
            return Ok(());
        };
        let mark = self.b.reg_mark();
        let it = self.temp(g.span)?;
        let item = self.temp(g.span)?;
        if level == 0 {
            self.b.emit(
                Instr::Move {
                    dst: it,
                    src: first_iter,
                },
                g.span,
            );
        } else {
            let src = self.expr(unit, &g.iter)?;
            self.b.emit(Instr::GetIter { dst: it, src }, g.span);
        }
        let top = self.b.here();
        let next = self.b.emit(
            Instr::ForIter {
                iter: it,
                target: workbench_framework::bytecode::Label(0),
            },
            g.span,
        );
        self.assign(unit, &g.target, item)?;
        let mut skips = Vec::new();
        for c in &g.ifs {
            let v = self.expr(unit, c)?;
            skips.push(self.b.emit(
                Instr::JumpIfFalse {
                    cond: v,
                    target: workbench_framework::bytecode::Label(0),
                },
                c.span,
            ));
        }
        self.comp_loop(unit, generators, level + 1, first_iter, kind, result, span)?;
        let cont = self.b.here();
        for s in skips {
            self.b.patch(s, cont);
        }
        self.b.emit(Instr::JumpBack { target: top }, g.span);
        let end = self.b.here();
        self.b.patch(next, end);
        self.b.reset_regs(mark);
        Ok(())
    }
}

/// What a comprehension builds.
pub(super) enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
