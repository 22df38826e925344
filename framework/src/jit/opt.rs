//! The trace optimizer: loop peeling, then one forward pass of folding and
//! guard removal, then dead-code removal.
//!
//! **Peeling.** A recorded iteration becomes `preamble; header; body`: the
//! preamble is the iteration as recorded, the body a copy whose loads of
//! registers the loop writes are replaced by the header's parameters. A
//! register the loop only reads keeps the value the preamble loaded, so its
//! load and its type guard run once, not once per iteration: that is the
//! loop-invariant code motion. Ints and floats cross the back edge unboxed.
//!
//! **Forward pass.** Facts about SSA values never change, and the preamble
//! dominates the body, so one pass in order can use everything it learned so
//! far: constants fold, a guard whose fact is already known disappears,
//! `unbox(box(x))` is `x`.
//!
//! **Dead code.** Pure operations whose values nobody uses (no operation and
//! no exit that may be taken) are dropped.

use super::ir::{Entry, FloatOp, Kind, Op, SnapId, Snapshot, Trace, Vid};
use crate::object::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Turns a recorded iteration into `preamble; LoopHeader; Param*; body; Jump`.
///
/// `end` holds every slot the iteration wrote with its value at the end;
/// `clobbered` the slots helpers overwrote in memory (never loop invariant).
pub fn peel(rec: Trace, end: &[(u32, Vid, Kind)], clobbered: &BTreeSet<u32>, header_pc: u32) -> Trace {
    let mut t = Trace {
        ops: Vec::new(),
        snaps: rec.snaps.clone(),
        next_vid: rec.next_vid,
        slots: rec.slots,
        length: rec.length,
        ending: None,
    };
    t.ops.extend(rec.ops.iter().cloned());
    let params: Vec<(u32, Kind)> = end.iter().map(|(s, _, k)| (*s, *k)).collect();
    t.push(Op::LoopHeader {
        params: params.clone(),
        entry: end.iter().map(|(_, v, _)| *v).collect(),
    });
    let mut param_of: HashMap<u32, (Vid, Kind)> = HashMap::new();
    for (i, (slot, kind)) in params.iter().enumerate() {
        let p = t.push(Op::Param {
            index: i as u32,
            slot: *slot,
            kind: *kind,
        });
        param_of.insert(*slot, (p, *kind));
    }
    // The safepoint exit at the header: everything carried, resume at the loop's top.
    let header_code = rec.snaps.first().map(|s| s.code).unwrap_or(crate::bytecode::CodeId(0));
    let header_snap = t.snapshot(Snapshot {
        pc: header_pc,
        code: header_code,
        depth: 0,
        writes: params.iter().map(|(s, _)| (*s, param_of[s].0)).collect(),
        executed: rec.length,
    });
    t.push(Op::Safepoint { snap: header_snap });
    let mut map: HashMap<Vid, Vid> = HashMap::new();
    let mut snap_map: HashMap<SnapId, SnapId> = HashMap::new();
    for e in &rec.ops {
        let mut op = e.op.clone();
        if let Op::LoadSlot { slot } = op {
            if let Some(&(p, kind)) = param_of.get(&slot) {
                let v = match kind {
                    Kind::Boxed => p,
                    Kind::Int => t.push(Op::BoxInt { v: p }),
                    Kind::Float => t.push(Op::BoxFloat { v: p }),
                    Kind::Bool => t.push(Op::BoxBool { v: p }),
                };
                map.insert(e.id, v);
                continue;
            }
            if !clobbered.contains(&slot) {
                // Loop invariant: the preamble's load stands for every iteration.
                map.insert(e.id, e.id);
                continue;
            }
        }
        op.map_uses(|v| *map.get(&v).unwrap_or(&v));
        if let Some(s) = op.snap_mut() {
            let old = *s;
            let new = *snap_map.entry(old).or_insert_with(|| {
                let src = &rec.snaps[old.0 as usize];
                let mut writes: Vec<(u32, Vid)> = src
                    .writes
                    .iter()
                    .map(|(slot, v)| (*slot, *map.get(v).unwrap_or(v)))
                    .collect();
                for (slot, (p, _)) in &param_of {
                    if !src.writes.iter().any(|(w, _)| w == slot) {
                        writes.push((*slot, *p));
                    }
                }
                writes.sort_by_key(|(w, _)| *w);
                t.snaps.push(Snapshot { writes, ..src.clone() });
                SnapId(t.snaps.len() as u32 - 1)
            });
            *s = new;
        }
        let id = t.push(op);
        map.insert(e.id, id);
    }
    let args = end.iter().map(|(_, v, _)| *map.get(v).unwrap_or(v)).collect();
    t.push(Op::Jump { args });
    // Snapshots made while mapping may reference values defined after them
    // only through `map`, which is complete now.
    t
}

/// Runs the forward pass and dead-code removal.
pub fn optimize(t: &mut Trace) {
    forward(t);
    dead_code(t);
}

fn forward(t: &mut Trace) {
    let mut subst: HashMap<Vid, Vid> = HashMap::new();
    let mut consts: HashMap<Vid, (u64, Kind)> = HashMap::new();
    let mut defs: HashMap<Vid, Op> = HashMap::new();
    let mut known_int: HashSet<Vid> = HashSet::new();
    let mut known_float: HashSet<Vid> = HashSet::new();
    let mut known_bits: HashMap<Vid, u64> = HashMap::new();
    let mut cse: HashMap<String, Vid> = HashMap::new();
    let mut out: Vec<Entry> = Vec::with_capacity(t.ops.len());
    let mut const_cache: HashMap<(u64, Kind), Vid> = HashMap::new();
    let mut next = t.next_vid;
    let mut constant = |bits: u64, kind: Kind, out: &mut Vec<Entry>, consts: &mut HashMap<Vid, (u64, Kind)>| -> Vid {
        if let Some(v) = const_cache.get(&(bits, kind)) {
            return *v;
        }
        let id = Vid(next);
        next += 1;
        out.push(Entry {
            id,
            op: Op::Const { bits, kind },
        });
        consts.insert(id, (bits, kind));
        const_cache.insert((bits, kind), id);
        id
    };
    for e in std::mem::take(&mut t.ops) {
        let mut op = e.op;
        op.map_uses(|v| *subst.get(&v).unwrap_or(&v));
        let c = |v: &Vid| consts.get(v).copied();
        let mut replace: Option<Vid> = None;
        let mut drop = false;
        match &op {
            Op::Const { bits, kind } => {
                // Constants are placed where first needed; later duplicates reuse them.
                let v = constant(*bits, *kind, &mut out, &mut consts);
                replace = Some(v);
            }
            Op::GuardInt { v, .. } => {
                if known_int.contains(v) || c(v).is_some_and(|(b, _)| b & 1 == 1) {
                    drop = true;
                } else {
                    known_int.insert(*v);
                }
            }
            Op::GuardFloat { v, .. } => {
                if known_float.contains(v) || c(v).is_some_and(|(b, _)| b & 7 == 4) {
                    drop = true;
                } else {
                    known_float.insert(*v);
                }
            }
            Op::GuardBits { v, bits, .. } => {
                if known_bits.get(v) == Some(bits) || c(v) == Some((*bits, Kind::Boxed)) {
                    drop = true;
                } else {
                    known_bits.insert(*v, *bits);
                }
            }
            Op::GuardNotBits { v, bits, .. } => {
                if let Some((b, Kind::Boxed)) = c(v) {
                    drop = b != *bits;
                } else if known_bits.get(v).is_some_and(|b| b != bits) || known_int.contains(v) {
                    drop = true;
                }
            }
            Op::GuardBool { v, expect, .. } if c(v) == Some((*expect as u64, Kind::Bool)) => {
                drop = true;
            }
            Op::UnboxInt { v } => {
                if let Some(Op::BoxInt { v: x }) = defs.get(v) {
                    replace = Some(*x);
                } else if let Some((b, Kind::Boxed)) = c(v) {
                    replace = Some(constant(((b as i64) >> 1) as u64, Kind::Int, &mut out, &mut consts));
                }
            }
            Op::BoxInt { v } => {
                if let Some(Op::UnboxInt { v: b }) = defs.get(v) {
                    replace = Some(*b);
                } else if let Some((x, Kind::Int)) = c(v) {
                    let bits = ((x as i64 as u64) << 1) | 1;
                    replace = Some(constant(bits, Kind::Boxed, &mut out, &mut consts));
                }
            }
            Op::UnboxFloat { v } => {
                if let Some(Op::BoxFloat { v: x }) = defs.get(v) {
                    replace = Some(*x);
                } else if let Some((b, Kind::Boxed)) = c(v) {
                    if let Some(f) = Value::from_bits(b).as_small_float() {
                        replace = Some(constant(f.to_bits(), Kind::Float, &mut out, &mut consts));
                    }
                }
            }
            Op::BoxFloat { v } => {
                if let Some(Op::UnboxFloat { v: b }) = defs.get(v) {
                    replace = Some(*b);
                } else if let Some((x, Kind::Float)) = c(v) {
                    if let Some(boxed) = Value::small_float(f64::from_bits(x)) {
                        replace = Some(constant(boxed.bits(), Kind::Boxed, &mut out, &mut consts));
                    }
                }
            }
            Op::BoxBool { v } => {
                if let Some((x, Kind::Bool)) = c(v) {
                    let bits = Value::bool(x != 0).bits();
                    replace = Some(constant(bits, Kind::Boxed, &mut out, &mut consts));
                }
            }
            Op::Not { v } => {
                if let Some((x, Kind::Bool)) = c(v) {
                    replace = Some(constant((x == 0) as u64, Kind::Bool, &mut out, &mut consts));
                } else if let Some(Op::Not { v: inner }) = defs.get(v) {
                    replace = Some(*inner);
                }
            }
            Op::Int { op: iop, a, b, .. } => {
                if let (Some((x, Kind::Int)), Some((y, Kind::Int))) = (c(a), c(b)) {
                    if let Some(r) = iop.fold(x as i64, y as i64) {
                        let kind = if iop.is_comparison() { Kind::Bool } else { Kind::Int };
                        replace = Some(constant(r as u64, kind, &mut out, &mut consts));
                    }
                }
            }
            Op::Float { op: fop, a, b, .. } => {
                if let (Some((x, Kind::Float)), Some((y, Kind::Float))) = (c(a), c(b)) {
                    let (x, y) = (f64::from_bits(x), f64::from_bits(y));
                    let folded = match fop {
                        FloatOp::Add => Some((x + y).to_bits()),
                        FloatOp::Sub => Some((x - y).to_bits()),
                        FloatOp::Mul => Some((x * y).to_bits()),
                        FloatOp::Div if y != 0.0 => Some((x / y).to_bits()),
                        FloatOp::Div => None,
                        FloatOp::Lt => Some((x < y) as u64),
                        FloatOp::Le => Some((x <= y) as u64),
                        FloatOp::Gt => Some((x > y) as u64),
                        FloatOp::Ge => Some((x >= y) as u64),
                        FloatOp::Eq => Some((x == y) as u64),
                        FloatOp::Ne => Some((x != y) as u64),
                    };
                    if let Some(r) = folded {
                        let kind = if fop.is_comparison() { Kind::Bool } else { Kind::Float };
                        replace = Some(constant(r, kind, &mut out, &mut consts));
                    }
                }
            }
            _ => {}
        }
        if replace.is_none()
            && op.is_pure()
            && !matches!(op, Op::LoadSlot { .. } | Op::ReloadSlot { .. } | Op::Const { .. })
        {
            let key = format!("{op:?}");
            if let Some(prev) = cse.get(&key) {
                replace = Some(*prev);
            } else {
                cse.insert(key, e.id);
            }
        }
        if let Some(r) = replace {
            subst.insert(e.id, r);
            continue;
        }
        if drop {
            continue;
        }
        match &op {
            Op::BoxInt { .. } => {
                known_int.insert(e.id);
            }
            Op::BoxFloat { .. } => {
                known_float.insert(e.id);
            }
            _ => {}
        }
        defs.insert(e.id, op.clone());
        out.push(Entry { id: e.id, op });
    }
    t.next_vid = next;
    t.ops = out;
    for s in &mut t.snaps {
        for (_, v) in &mut s.writes {
            *v = *subst.get(v).unwrap_or(v);
        }
    }
}

fn dead_code(t: &mut Trace) {
    let mut live: HashSet<Vid> = HashSet::new();
    for e in t.ops.iter().rev() {
        let needed = !e.op.is_pure() || live.contains(&e.id);
        if needed {
            live.extend(e.op.uses());
            if let Some(s) = e.op.snap() {
                live.extend(t.snaps[s.0 as usize].writes.iter().map(|(_, v)| *v));
            }
        }
    }
    t.ops.retain(|e| !e.op.is_pure() || live.contains(&e.id));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(t: &mut Trace) -> SnapId {
        t.snapshot(Snapshot {
            pc: 0,
            code: crate::bytecode::CodeId(0),
            depth: 0,
            writes: vec![],
            executed: 0,
        })
    }

    #[test]
    fn folding_turns_constant_arithmetic_into_a_constant() {
        let mut t = Trace::default();
        let a = t.push(Op::Const {
            bits: 2,
            kind: Kind::Int,
        });
        let b = t.push(Op::Const {
            bits: 3,
            kind: Kind::Int,
        });
        let s = snap(&mut t);
        let r = t.push(Op::Int {
            op: super::super::ir::IntOp::Add,
            a,
            b,
            snap: Some(s),
        });
        let boxed = t.push(Op::BoxInt { v: r });
        t.push(Op::StoreSlot { slot: 0, v: boxed });
        optimize(&mut t);
        let text = t.to_string();
        assert!(!text.contains("int_add"), "{text}");
        assert!(text.contains("const 0xb"), "box(5) is 0xb: {text}");
    }

    #[test]
    fn a_repeated_guard_is_removed() {
        let mut t = Trace::default();
        let v = t.push(Op::LoadSlot { slot: 0 });
        let s = snap(&mut t);
        t.push(Op::GuardInt { v, snap: s });
        t.push(Op::GuardInt { v, snap: s });
        let i = t.push(Op::UnboxInt { v });
        let b = t.push(Op::BoxInt { v: i });
        t.push(Op::StoreSlot { slot: 1, v: b });
        optimize(&mut t);
        assert_eq!(t.count(|op| matches!(op, Op::GuardInt { .. })), 1);
        // box(unbox(v)) is v itself.
        assert_eq!(t.count(|op| matches!(op, Op::BoxInt { .. } | Op::UnboxInt { .. })), 0);
    }

    #[test]
    fn unused_pure_operations_are_dropped_but_guards_stay() {
        let mut t = Trace::default();
        let v = t.push(Op::LoadSlot { slot: 0 });
        let s = snap(&mut t);
        t.push(Op::GuardInt { v, snap: s });
        let _unused = t.push(Op::UnboxInt { v });
        optimize(&mut t);
        assert_eq!(t.count(|op| matches!(op, Op::UnboxInt { .. })), 0);
        assert_eq!(t.count(|op| matches!(op, Op::GuardInt { .. })), 1);
    }
}
