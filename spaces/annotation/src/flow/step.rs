//! The transfer function: what one instruction does to the frame state, and
//! which instructions come next.

use super::*;

impl<'a> Analysis<'a> {
    /// Runs instruction `pc` on `s`; returns the successor states.
    pub(super) fn step(
        &mut self,
        f: FuncId,
        pc: usize,
        code: &'a Code,
        mut s: State,
        ret: &mut Ann,
    ) -> Vec<(usize, State)> {
        let next = pc + 1;
        let r = |s: &State, reg: Reg| s.get(reg.0 as usize).cloned().unwrap_or(Ann::Object);
        match code.instrs[pc] {
            Instr::LoadConst { dst, k } => {
                let v = code.consts.get(k.0 as usize).map_or(Ann::Object, Self::constant);
                set(&mut s, dst, v);
            }
            // Reads of a Python local check it was assigned; the annotation of a
            // register that was not is `never`, so nothing more is known here.
            Instr::CheckBound { .. } => {}
            Instr::Unbind { reg } => set(&mut s, reg, Ann::Never),
            Instr::Move { dst, src } => {
                let v = r(&s, src);
                set(&mut s, dst, v);
            }
            Instr::LoadGlobal { dst, g } => set(&mut s, dst, self.load_global(g.0)),
            Instr::StoreGlobal { g, src } => self.merge_global(g.0, &r(&s, src)),
            Instr::DelGlobal { .. } | Instr::DelAttr { .. } => {}
            Instr::NewCell { dst, src } => {
                let site = self.site(f, pc);
                self.merge_cell(site, &r(&s, src));
                set(&mut s, dst, Ann::Cell([site].into_iter().collect()));
            }
            Instr::LoadCell { dst, cell } => {
                let v = self.read_cell(&r(&s, cell));
                set(&mut s, dst, v);
            }
            Instr::StoreCell { cell, src } => self.write_cell(&r(&s, cell), &r(&s, src)),
            Instr::LoadFree { dst, idx } => {
                let cell = self.free.get(&(f, idx)).cloned().unwrap_or_default();
                let v = self.read_cell(&cell);
                set(&mut s, dst, v);
            }
            Instr::StoreFree { idx, src } => {
                let cell = self.free.get(&(f, idx)).cloned().unwrap_or(Ann::Object);
                self.write_cell(&cell, &r(&s, src));
            }
            Instr::MakeClosure { dst, code: child } => {
                let child_code = self.code(child.0);
                for (i, cap) in child_code.captures.iter().enumerate() {
                    let cell = match cap {
                        Capture::Local(reg) => r(&s, *reg),
                        Capture::Free(k) => self.free.get(&(f, *k)).cloned().unwrap_or(Ann::Object),
                    };
                    self.merge_free(child.0, i as u16, &cell);
                }
                let ndefaults = child_code.params.defaults.len();
                if ndefaults > 0 {
                    let values: Vec<Ann> = (0..ndefaults).map(|j| r(&s, Reg(dst.0 + 1 + j as u16))).collect();
                    let old = self
                        .defaults
                        .get(&child.0)
                        .cloned()
                        .unwrap_or_else(|| vec![Ann::Never; ndefaults]);
                    let joined: Vec<Ann> = old.iter().zip(&values).map(|(a, b)| a.join(b).generalize()).collect();
                    if joined != old {
                        self.defaults.insert(child.0, joined);
                        self.changed = true;
                    }
                }
                set(&mut s, dst, Ann::Function(child.0));
            }
            Instr::Binary { op, dst, a, b } => {
                let v = self.binary(f, pc, op, &r(&s, a), &r(&s, b));
                set(&mut s, dst, v);
            }
            Instr::Unary { op, dst, a } => {
                let x = r(&s, a);
                let v = match op {
                    UnOp::Not => match x {
                        Ann::Never => Ann::Never,
                        _ => Ann::Bool(x.truth().map(|t| !t)),
                    },
                    _ => {
                        let mm = match op {
                            UnOp::Neg => self.ops.neg,
                            UnOp::Pos => self.ops.pos,
                            _ => self.ops.invert,
                        };
                        let out = self.apply(mm, None, std::slice::from_ref(&x));
                        if out.definite_error {
                            let msg = format!("bad operand type for unary {}: '{}'", op.symbol(), self.kind_name(&x));
                            self.error(f, pc, msg);
                        }
                        match (op, &x) {
                            (UnOp::Neg, Ann::Int(rng)) => match rng.as_constant().and_then(i64::checked_neg) {
                                Some(c) => Ann::int(c),
                                None => out.result,
                            },
                            _ => out.result,
                        }
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::Jump { target } | Instr::JumpBack { target } => return vec![(target.0 as usize, s)],
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
                let c = r(&s, cond);
                if c == Ann::Never {
                    return Vec::new();
                }
                let jump_when = matches!(code.instrs[pc], Instr::JumpIfTrue { .. });
                for m in c.members() {
                    self.protocol(m);
                }
                return match c.truth() {
                    Some(t) if t == jump_when => vec![(target.0 as usize, s)],
                    Some(_) => vec![(next, s)],
                    None => {
                        let (mut jumped, mut fell) = (s.clone(), s);
                        // `x is None` / `x is not None`: each side knows more about `x`.
                        if let Some((x, none_when_true)) = none_test(code, pc, cond, &fell) {
                            let v = fell[x.0 as usize].clone();
                            let none_on_jump = none_when_true == jump_when;
                            set(&mut jumped, x, narrow_none(&v, none_on_jump));
                            set(&mut fell, x, narrow_none(&v, !none_on_jump));
                        }
                        vec![(target.0 as usize, jumped), (next, fell)]
                    }
                };
            }
            Instr::Call {
                dst,
                f: callee,
                args,
                argc,
            } => {
                let argv: Vec<Ann> = (0..argc as u16).map(|i| r(&s, Reg(args.0 + i))).collect();
                let v = self.call(f, pc, &r(&s, callee), &argv);
                set(&mut s, dst, v);
            }
            Instr::TailCall { f: callee, args, argc } => {
                let argv: Vec<Ann> = (0..argc as u16).map(|i| r(&s, Reg(args.0 + i))).collect();
                let v = self.call(f, pc, &r(&s, callee), &argv);
                *ret = ret.join(&v);
                return Vec::new();
            }
            Instr::LoadMethod { flag, f: fr, name } => {
                let recv = r(&s, Reg(fr.0 + 1));
                let name = Self::const_str(code, name);
                let attr = match self.builtin_method(&recv, &name) {
                    Some(b) => Ann::Method(u32::MAX, Box::new(Ann::Builtin(b))),
                    None => self.get_attr(&recv, &name),
                };
                // A bound method is the function plus its receiver: call it with the receiver first.
                match &attr {
                    Ann::Method(u32::MAX, builtin) => {
                        set(&mut s, fr, (**builtin).clone());
                        set(&mut s, flag, Ann::Bool(Some(true)));
                    }
                    Ann::Method(func, _) => {
                        set(&mut s, fr, Ann::Function(*func));
                        set(&mut s, flag, Ann::Bool(Some(true)));
                    }
                    _ => {
                        set(&mut s, fr, attr);
                        set(&mut s, flag, Ann::Bool(Some(false)));
                    }
                }
            }
            Instr::CallMethod { dst, flag, f: fr, argc } => {
                let callee = r(&s, fr);
                let with_recv: Vec<Ann> = (0..=argc as u16).map(|i| r(&s, Reg(fr.0 + 1 + i))).collect();
                let v = match r(&s, flag).truth() {
                    Some(true) => self.call(f, pc, &callee, &with_recv),
                    Some(false) => {
                        if callee.members().contains(&Ann::Object) {
                            // An unknown method of the receiver: the receiver escapes too.
                            self.escape(&with_recv[0]);
                        }
                        self.call(f, pc, &callee, &with_recv[1..])
                    }
                    None => {
                        let a = self.call(f, pc, &callee, &with_recv);
                        a.join(&self.call(f, pc, &callee, &with_recv[1..]))
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::CallEx { site } => {
                let cs = &code.call_sites[site as usize];
                for i in 0..cs.registers() as u16 {
                    let a = r(&s, Reg(cs.args.0 + i));
                    self.escape(&a);
                }
                let callee = r(&s, cs.f);
                let v = match &callee {
                    Ann::Never => Ann::Never,
                    Ann::Function(_) | Ann::Method(..) => {
                        self.escape(&callee);
                        Ann::union_of(callee.members().iter().map(|m| match m {
                            Ann::Function(func) | Ann::Method(func, _) => {
                                let spec = self.escape_function(*func);
                                if self.code(*func).generator {
                                    Ann::Other(TypeId::GENERATOR)
                                } else {
                                    self.specs[spec].ret.clone()
                                }
                            }
                            _ => Ann::Object,
                        }))
                    }
                    Ann::Builtin(b) => {
                        let args: Vec<Ann> = vec![Ann::Object; cs.registers()];
                        match self.builtins[*b as usize] {
                            BuiltinSignature::ClassBuilder(..) => Ann::Object,
                            _ => self.call_builtin(f, pc, *b, &args),
                        }
                    }
                    other => {
                        self.escape(other);
                        Ann::Object
                    }
                };
                if cs.tail {
                    *ret = ret.join(&v);
                    return Vec::new();
                }
                set(&mut s, cs.dst, v);
            }
            Instr::Return { src } => {
                *ret = ret.join(&r(&s, src));
                return Vec::new();
            }
            Instr::Raise { .. } => return Vec::new(),
            Instr::Yield { dst, src } => {
                self.escape(&r(&s, src));
                set(&mut s, dst, Ann::Object);
            }
            Instr::Build {
                kind,
                dst,
                first,
                count,
            } => {
                let items: Vec<Ann> = (0..count).map(|i| r(&s, Reg(first.0 + i))).collect();
                let v = match kind {
                    BuildKind::List => {
                        let site = self.site(f, pc);
                        for it in &items {
                            self.merge_items(site, it);
                        }
                        Ann::List([site].into_iter().collect())
                    }
                    BuildKind::Dict => {
                        let site = self.site(f, pc);
                        for pair in items.chunks(2) {
                            if let [k, v] = pair {
                                self.merge_values(site, k, v);
                            }
                        }
                        Ann::Dict([site].into_iter().collect())
                    }
                    BuildKind::Tuple => Ann::Tuple(items.clone()).limit_depth(),
                    BuildKind::Set => {
                        for it in &items {
                            self.escape(it);
                        }
                        Ann::Other(TypeId::SET)
                    }
                    BuildKind::Slice => Ann::Other(TypeId::SLICE),
                };
                if items.contains(&Ann::Never) {
                    set(&mut s, dst, Ann::Never);
                } else {
                    set(&mut s, dst, v);
                }
            }
            Instr::GetItem { dst, obj, key } => {
                let (o, k) = (r(&s, obj), r(&s, key));
                let v = match (&o, &k) {
                    (Ann::Tuple(items), Ann::Int(rng)) if rng.as_constant().is_some() => {
                        let i = rng.as_constant().unwrap_or(0);
                        let idx = if i < 0 { items.len() as i64 + i } else { i };
                        match items.get(idx as usize) {
                            Some(v) if idx >= 0 => v.clone(),
                            _ => Ann::Never, // IndexError at run time
                        }
                    }
                    _ => {
                        let out = self.apply(self.ops.getitem, None, &[o.clone(), k]);
                        if out.definite_error {
                            let msg = format!("'{}' object is not subscriptable", self.kind_name(&o));
                            self.error(f, pc, msg);
                        }
                        out.result
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::SetItem { obj, key, src } => {
                let (o, k, v) = (r(&s, obj), r(&s, key), r(&s, src));
                let out = self.apply_with(self.ops.setitem, None, &[o.clone(), k.clone(), v.clone()], true);
                if out.definite_error {
                    let msg = format!("'{}' object does not support item assignment", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
                // `xs[i:j] = ys` stores the items of `ys`, `xs[i] = y` stores `y`.
                let slice = k
                    .members()
                    .iter()
                    .any(|m| matches!(m, Ann::Other(TypeId::SLICE) | Ann::Object));
                let single = k.members().iter().any(|m| !matches!(m, Ann::Other(TypeId::SLICE)));
                let mut stored = if single { v.clone() } else { Ann::Never };
                if slice {
                    stored = stored.join(&self.contents(&v, false));
                }
                for m in o.members().to_vec() {
                    match m {
                        Ann::List(sites) => {
                            for site in sites {
                                self.merge_items(site, &stored);
                            }
                        }
                        Ann::Dict(sites) => {
                            for site in sites {
                                self.merge_values(site, &k, &v);
                            }
                        }
                        _ => {
                            self.escape(&k);
                            self.escape(&v);
                        }
                    }
                }
            }
            Instr::DelItem { obj, key } => {
                let o = r(&s, obj);
                let out = self.apply(self.ops.delitem, None, &[o.clone(), r(&s, key)]);
                if out.definite_error {
                    let msg = format!("'{}' object does not support item deletion", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
            }
            Instr::GetAttr { dst, obj, name } => {
                let name = Self::const_str(code, name);
                let v = self.get_attr(&r(&s, obj), &name);
                set(&mut s, dst, v);
            }
            Instr::SetAttr { obj, name, src } => {
                let name = Self::const_str(code, name);
                self.set_attr(&r(&s, obj), &name, &r(&s, src));
            }
            Instr::GetIter { dst, src } => {
                let o = r(&s, src);
                let out = self.apply(self.ops.iter, None, std::slice::from_ref(&o));
                if out.definite_error {
                    let msg = format!("'{}' object is not iterable", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
                set(&mut s, dst, out.result);
            }
            Instr::ForIter { iter, target } => {
                let it = r(&s, iter);
                if it == Ann::Never {
                    return Vec::new();
                }
                let out = self.apply(self.ops.next, None, std::slice::from_ref(&it));
                let exhausted = s.clone();
                set(&mut s, Reg(iter.0 + 1), out.result);
                return vec![(next, s), (target.0 as usize, exhausted)];
            }
            Instr::Unpack { first, src, count } => {
                let o = r(&s, src);
                for i in 0..count {
                    let v = match &o {
                        Ann::Never => Ann::Never,
                        Ann::Tuple(items) if items.len() == count as usize => items[i as usize].clone(),
                        Ann::Tuple(_) => Ann::Never, // a ValueError at run time
                        other => self.contents(other, false),
                    };
                    set(&mut s, Reg(first.0 + i), v);
                }
            }
            Instr::Append { list, src } => {
                let (l, v) = (r(&s, list), r(&s, src));
                for m in l.members().to_vec() {
                    match m {
                        Ann::List(sites) => {
                            for site in sites {
                                self.merge_items(site, &v);
                            }
                        }
                        _ => self.escape(&v),
                    }
                }
            }
        }
        vec![(next, s)]
    }

    pub(super) fn binary(&mut self, f: FuncId, pc: usize, op: BinOp, a: &Ann, b: &Ann) -> Ann {
        match op {
            BinOp::Is => {
                if *a == Ann::Never || *b == Ann::Never {
                    return Ann::Never;
                }
                return Ann::BOOL;
            }
            BinOp::In => {
                // `a in b` is `contains(b, a)`; the standard space may fall back to
                // iteration, so it is never reported.
                let out = self.apply(self.ops.binary[op as usize], None, &[b.clone(), a.clone()]);
                return match out.result {
                    Ann::Never if *a != Ann::Never && *b != Ann::Never => Ann::BOOL,
                    r => r,
                };
            }
            _ => {}
        }
        let fallback = (op == BinOp::InPlaceAdd).then(|| self.ops.binary[BinOp::Add as usize]);
        let out = self.apply(self.ops.binary[op as usize], fallback, &[a.clone(), b.clone()]);
        if out.definite_error {
            let (ta, tb) = (self.kind_name(a), self.kind_name(b));
            let msg = if op.is_comparison() {
                format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol())
            } else {
                format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol())
            };
            self.error(f, pc, msg);
        }
        // Integer ranges refine what the registry said (an int) where both sides are ints.
        match (a, b, &out.result) {
            (Ann::Int(x), Ann::Int(y), Ann::Int(_)) => Ann::Int((crate::ranges::int_rules().binary)(op, *x, *y)),
            _ => out.result,
        }
    }
}

/// If the branch at `pc` tests `x is None` (or `not (x is None)`) computed
/// just before it, on a path with no other way in: `x`, and whether the
/// condition is true when `x` is None.
pub(super) fn none_test(code: &Code, pc: usize, cond: Reg, s: &State) -> Option<(Reg, bool)> {
    let entered_only_from_above = |at: usize| {
        !code.instrs.iter().any(|i| match i {
            Instr::Jump { target }
            | Instr::JumpBack { target }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfTrue { target, .. }
            | Instr::ForIter { target, .. } => target.0 as usize == at,
            _ => false,
        }) && !code.handlers.iter().any(|h| h.target.0 as usize == at)
    };
    let mut at = pc.checked_sub(1)?;
    let mut when_true = true;
    let mut tested = cond;
    if let Instr::Unary { op: UnOp::Not, dst, a } = code.instrs[at] {
        if dst != tested || !entered_only_from_above(pc) {
            return None;
        }
        tested = a;
        when_true = false;
        at = at.checked_sub(1)?;
    }
    let Instr::Binary {
        op: BinOp::Is,
        dst,
        a,
        b,
    } = code.instrs[at]
    else {
        return None;
    };
    if dst != tested || dst == a || dst == b || !entered_only_from_above(at + 1) || !entered_only_from_above(pc) {
        return None;
    }
    let is_none = |r: Reg| s.get(r.0 as usize) == Some(&Ann::None);
    let x = if is_none(b) {
        a
    } else if is_none(a) {
        b
    } else {
        return None;
    };
    // The Not (if any) wrote `cond`, not `x`.
    if x == cond {
        return None;
    }
    Some((x, when_true))
}

/// `v` on the side where it is None (`none` true) or is not.
pub(super) fn narrow_none(v: &Ann, none: bool) -> Ann {
    Ann::union_of(v.members().iter().map(|m| match (m, none) {
        (Ann::None, true) | (Ann::Object, true) => Ann::None,
        (Ann::None, false) => Ann::Never,
        (_, true) => Ann::Never,
        (other, false) => other.clone(),
    }))
}
