//! Exact comparisons between integers and floats.
//!
//! The numeric tower answers `int < float` by delegation: the int becomes a
//! float, then `float < float` runs. That is right for arithmetic, but not
//! for comparisons: `2**53 + 1 == 2.0**53` would be true (the conversion
//! rounds), and `10**400 > 1e308` would fail (the conversion overflows).
//! Python compares the mathematical values, so these implementations, one
//! per comparison and orientation, are registered on `(int, float)`,
//! `(bigint, float)` and the reverse pairs, where dispatch finds them before
//! any delegation (rule 1: no conversion beats a conversion).

use super::{CoreOps, Registry, StandardSpace};
use crate::bytecode::BinOp;
use crate::interp::Interp;
use crate::multimethod::{Fail, ImplFn, Returns};
use crate::object::{TypeId, Value};
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::cmp::Ordering;

type S = Interp<StandardSpace>;

/// How the integer `int` compares with `x`; `None` when `x` is NaN.
fn int_float_order(s: &S, int: Value, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    let small = s.space.int_of(int);
    if let Some(i) = small {
        // Every integer up to 2**53 is exactly a double.
        if i.unsigned_abs() <= 1 << 53 {
            return (i as f64).partial_cmp(&x);
        }
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let big = match small {
        Some(i) => BigInt::from(i),
        None => s.space.bigint_of(int)?.clone(),
    };
    // A finite double's integer part is exactly an integer; its fraction breaks ties.
    let whole = x.trunc();
    let order = big.cmp(&BigInt::from_f64(whole)?);
    Some(order.then_with(|| 0.0.partial_cmp(&(x - whole)).unwrap_or(Ordering::Equal)))
}

fn verdict(op: u8, order: Option<Ordering>) -> Value {
    let Some(o) = order else {
        return Value::bool(op == BinOp::Ne as u8);
    };
    Value::bool(match op {
        x if x == BinOp::Eq as u8 => o == Ordering::Equal,
        x if x == BinOp::Ne as u8 => o != Ordering::Equal,
        x if x == BinOp::Lt as u8 => o == Ordering::Less,
        x if x == BinOp::Le as u8 => o != Ordering::Greater,
        x if x == BinOp::Gt as u8 => o == Ordering::Greater,
        _ => o != Ordering::Less,
    })
}

/// `int op float` (also for bigints).
fn int_float<const OP: u8>(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.float_of(a[1]).ok_or(Fail::NotImplemented)?;
    Ok(verdict(OP, int_float_order(s, a[0], x)))
}

/// `float op int`: the same order, seen from the other side.
fn float_int<const OP: u8>(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.float_of(a[0]).ok_or(Fail::NotImplemented)?;
    Ok(verdict(OP, int_float_order(s, a[1], x).map(Ordering::reverse)))
}

type Row = (BinOp, ImplFn<S>, ImplFn<S>);

/// Registers the twelve comparisons on each of the four mixed pairs.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    const EQ: u8 = BinOp::Eq as u8;
    const NE: u8 = BinOp::Ne as u8;
    const LT: u8 = BinOp::Lt as u8;
    const LE: u8 = BinOp::Le as u8;
    const GT: u8 = BinOp::Gt as u8;
    const GE: u8 = BinOp::Ge as u8;
    let rows: [Row; 6] = [
        (BinOp::Eq, int_float::<EQ>, float_int::<EQ>),
        (BinOp::Ne, int_float::<NE>, float_int::<NE>),
        (BinOp::Lt, int_float::<LT>, float_int::<LT>),
        (BinOp::Le, int_float::<LE>, float_int::<LE>),
        (BinOp::Gt, int_float::<GT>, float_int::<GT>),
        (BinOp::Ge, int_float::<GE>, float_int::<GE>),
    ];
    for (op, left, right) in rows {
        let mm = ops.binary[op as usize];
        for int in [TypeId::INT, TypeId::BIGINT] {
            let boolean = Returns::Class(TypeId::BOOL);
            reg.register(mm, &[int, TypeId::FLOAT], "int?float (exact)", left)
                .returns(boolean)
                .may_decline();
            reg.register(mm, &[TypeId::FLOAT, int], "float?int (exact)", right)
                .returns(boolean)
                .may_decline();
        }
    }
}
