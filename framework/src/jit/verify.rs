//! The trace verifier: checks the IR's invariants after recording and after
//! optimizing (in debug builds, and always before compiling).
//!
//! A broken trace would become wrong machine code, which no test of the
//! interpreter could explain, so every rule is checked here and reported in
//! words: each value is defined once before it is used, with the kind its
//! user expects; each exit exists and writes only defined values; a loop has
//! exactly one header, parameters right after it, and ends in a jump that
//! passes one value of the right kind per parameter.

use super::ir::{Kind, Op, Trace, Vid};
use std::collections::HashMap;

/// Checks `t`; the error names the first broken rule.
pub fn verify(t: &Trace) -> Result<(), String> {
    let mut kinds: HashMap<Vid, Kind> = HashMap::new();
    let mut params: Option<Vec<(u32, Kind)>> = None;
    let mut headers = 0;
    let expect = |kinds: &HashMap<Vid, Kind>, v: Vid, want: Kind, at: usize| -> Result<(), String> {
        match kinds.get(&v) {
            None => Err(format!("op {at}: {v} is used before it is defined")),
            Some(k) if *k != want => Err(format!("op {at}: {v} is {k:?}, expected {want:?}")),
            Some(_) => Ok(()),
        }
    };
    for (at, e) in t.ops.iter().enumerate() {
        let op = &e.op;
        if let Some(s) = op.snap() {
            let snap = t
                .snaps
                .get(s.0 as usize)
                .ok_or_else(|| format!("op {at}: exit{} does not exist", s.0))?;
            for (slot, v) in &snap.writes {
                if !kinds.contains_key(v) {
                    return Err(format!(
                        "op {at}: exit{} writes {v} to s{slot} before it is defined",
                        s.0
                    ));
                }
            }
            if snap.executed > t.length {
                return Err(format!(
                    "op {at}: exit{} claims more instructions than the trace has",
                    s.0
                ));
            }
        }
        match op {
            Op::StoreSlot { v, .. } | Op::GuardInt { v, .. } | Op::GuardFloat { v, .. } => {
                expect(&kinds, *v, Kind::Boxed, at)?
            }
            Op::GuardBits { v, .. } | Op::GuardNotBits { v, .. } | Op::UnboxInt { v } | Op::UnboxFloat { v } => {
                expect(&kinds, *v, Kind::Boxed, at)?
            }
            Op::GuardBool { v, .. } | Op::BoxBool { v } | Op::Not { v } => expect(&kinds, *v, Kind::Bool, at)?,
            Op::BoxInt { v } => expect(&kinds, *v, Kind::Int, at)?,
            Op::BoxFloat { v } => expect(&kinds, *v, Kind::Float, at)?,
            Op::Int { a, b, op: iop, snap } => {
                expect(&kinds, *a, Kind::Int, at)?;
                expect(&kinds, *b, Kind::Int, at)?;
                if iop.can_fail() && snap.is_none() {
                    return Err(format!("op {at}: int {iop:?} can fail but has no exit"));
                }
            }
            Op::Float { a, b, .. } => {
                expect(&kinds, *a, Kind::Float, at)?;
                expect(&kinds, *b, Kind::Float, at)?;
            }
            Op::Call { helper, args, .. } => {
                for a in args {
                    expect(&kinds, *a, Kind::Boxed, at)?;
                }
                if args.len() > 3 {
                    return Err(format!("op {at}: {helper:?} takes at most three values"));
                }
            }
            Op::LoopHeader { params: ps, entry } => {
                headers += 1;
                if headers > 1 {
                    return Err(format!("op {at}: a second loop header"));
                }
                if ps.len() != entry.len() {
                    return Err(format!(
                        "op {at}: {} parameters but {} entry values",
                        ps.len(),
                        entry.len()
                    ));
                }
                for (v, (_, k)) in entry.iter().zip(ps) {
                    expect(&kinds, *v, *k, at)?;
                }
                params = Some(ps.clone());
            }
            Op::Param { index, kind, slot } => {
                let ps = params
                    .as_ref()
                    .ok_or_else(|| format!("op {at}: a parameter outside a loop"))?;
                if ps.get(*index as usize) != Some(&(*slot, *kind)) {
                    return Err(format!("op {at}: parameter #{index} does not match the header"));
                }
            }
            Op::Jump { args } => {
                let ps = params
                    .as_ref()
                    .ok_or_else(|| format!("op {at}: a jump without a loop header"))?;
                if ps.len() != args.len() {
                    return Err(format!(
                        "op {at}: jump passes {} values for {} parameters",
                        args.len(),
                        ps.len()
                    ));
                }
                for (v, (_, k)) in args.iter().zip(ps) {
                    expect(&kinds, *v, *k, at)?;
                }
                if at + 1 != t.ops.len() {
                    return Err(format!("op {at}: operations after the loop's jump"));
                }
            }
            Op::Finish { .. } => {
                if at + 1 != t.ops.len() {
                    return Err(format!("op {at}: operations after finish"));
                }
            }
            Op::LoadSlot { .. } | Op::ReloadSlot { .. } | Op::Const { .. } | Op::Safepoint { .. } => {}
        }
        if let Some(k) = op.result() {
            if kinds.insert(e.id, k).is_some() {
                return Err(format!("op {at}: {} is defined twice", e.id));
            }
        }
    }
    match t.ops.last().map(|e| &e.op) {
        Some(Op::Jump { .. }) | Some(Op::Finish { .. }) => Ok(()),
        _ => Err("the trace does not end in a jump or a finish".into()),
    }
}
