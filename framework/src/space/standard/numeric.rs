//! The numeric tower of the standard space, built from delegators.
//!
//! ```text
//!   bool ──> int (i64) ──> bigint ──> float
//!               └──────────────────────^      (a direct int -> float, for speed)
//! ```
//!
//! Each class implements the arithmetic multimethods only for its own pair
//! (`int × int`, `bigint × bigint`, `float × float`). Mixed operations find an
//! implementation through delegation: `bool + float` converts the bool to an
//! int and the int to a float. The chain bool → int → bigint → float is
//! assembled by the dispatcher; nobody registers it.
//!
//! Overflow is a *decline*, not an error. `int × int` addition returns
//! [`Fail::NotImplemented`] when the `i64` sum overflows, and the dispatcher
//! moves on to the next candidate, `bigint × bigint` (both arguments
//! delegated). Bigint results that fit in an `i64` come back as ints.
//!
//! The order of candidates for `int + int` is therefore:
//! 1. `add(int, int)`: checked `i64` addition; declines on overflow.
//! 2. `add(bigint, bigint)`: both delegated int → bigint; never overflows.
//! 3. `add(float, float)`: both delegated int → float (never reached for add).
//!
//! Messages follow CPython's wording.

use super::{CoreOps, Registry, StandardSpace};
use crate::bytecode::BinOp;
use crate::interp::Interp;
use crate::multimethod::{Fail, MmId, Returns};
use crate::object::floatfmt::python_repr;
use crate::object::{TypeId, Value};
use crate::space::{ErrorKind, OpError};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Integer kernels shared by the fast path and the registry. `None` means
/// "not in i64": zero divisors and overflow both decline to the next candidate.
pub mod int_ops {
    /// `x // y` rounded towards negative infinity.
    #[inline]
    pub fn floordiv(x: i64, y: i64) -> Option<i64> {
        if y == 0 {
            return None;
        }
        let q = x.checked_div(y)?;
        if (x % y != 0) && ((x < 0) != (y < 0)) {
            Some(q - 1)
        } else {
            Some(q)
        }
    }

    /// `x << y`; `None` for negative counts (an error) and overflow (a bigint).
    #[inline]
    pub fn shl(x: i64, y: i64) -> Option<i64> {
        if !(0..64).contains(&y) {
            return if y >= 64 && x == 0 { Some(0) } else { None };
        }
        let r = x.checked_shl(y as u32)?;
        if r >> y == x {
            Some(r)
        } else {
            None
        }
    }

    /// `x >> y` (arithmetic); `None` for negative counts.
    #[inline]
    pub fn shr(x: i64, y: i64) -> Option<i64> {
        if y < 0 {
            None
        } else {
            Some(x >> y.min(63))
        }
    }

    /// `x % y` with the sign of `y`.
    #[inline]
    pub fn modulo(x: i64, y: i64) -> Option<i64> {
        if y == 0 {
            return None;
        }
        let r = x.checked_rem(y)?;
        if r != 0 && ((r < 0) != (y < 0)) {
            Some(r + y)
        } else {
            Some(r)
        }
    }
}

/// Float kernels shared by the fast path and the registry.
pub mod float_ops {
    use crate::bytecode::BinOp;

    /// A fast-path result.
    pub enum Fast {
        /// An arithmetic result.
        Float(f64),
        /// A comparison result.
        Bool(bool),
    }

    /// The operations that cannot fail; `None` sends the rest to the registry.
    #[inline]
    pub fn fast(op: BinOp, x: f64, y: f64) -> Option<Fast> {
        Some(match op {
            BinOp::Add | BinOp::InPlaceAdd => Fast::Float(x + y),
            BinOp::Sub => Fast::Float(x - y),
            BinOp::Mul => Fast::Float(x * y),
            BinOp::Div if y != 0.0 => Fast::Float(x / y),
            BinOp::Lt => Fast::Bool(x < y),
            BinOp::Le => Fast::Bool(x <= y),
            BinOp::Gt => Fast::Bool(x > y),
            BinOp::Ge => Fast::Bool(x >= y),
            BinOp::Eq => Fast::Bool(x == y),
            BinOp::Ne => Fast::Bool(x != y),
            _ => return None,
        })
    }

    /// CPython's float `divmod`: (floor quotient, remainder with the sign of `y`).
    pub fn divmod(x: f64, y: f64) -> (f64, f64) {
        let mut m = x % y;
        let mut div = (x - m) / y;
        if m != 0.0 {
            if (y < 0.0) != (m < 0.0) {
                m += y;
                div -= 1.0;
            }
        } else {
            m = 0.0f64.copysign(y);
        }
        let floordiv = if div != 0.0 {
            let f = div.floor();
            if div - f > 0.5 {
                f + 1.0
            } else {
                f
            }
        } else {
            0.0f64.copysign(x / y)
        };
        (floordiv, m)
    }
}

/// Implementations run with the whole interpreter as context.
type S = Interp<StandardSpace>;

fn zero_div(msg: &str) -> Fail {
    Fail::Error(OpError::new(ErrorKind::ZeroDivision, msg))
}

fn int2(s: &S, a: &[Value]) -> (i64, i64) {
    (s.space.int_of(a[0]).unwrap_or(0), s.space.int_of(a[1]).unwrap_or(0))
}

fn big2(s: &S, a: &[Value]) -> (BigInt, BigInt) {
    let get = |v| s.space.bigint_of(v).cloned().unwrap_or_default();
    (get(a[0]), get(a[1]))
}

fn flt2(s: &S, a: &[Value]) -> (f64, f64) {
    (
        s.space.float_of(a[0]).unwrap_or(0.0),
        s.space.float_of(a[1]).unwrap_or(0.0),
    )
}

// ---- delegators -------------------------------------------------------------

// ANCHOR: bool_to_int
fn bool_to_int(_: &mut S, v: Value) -> Result<Value, OpError> {
    Ok(Value::small_int((v == Value::TRUE) as i64).unwrap_or(v))
}
// ANCHOR_END: bool_to_int

fn int_to_bigint(s: &mut S, v: Value) -> Result<Value, OpError> {
    let i = s.space.int_of(v).unwrap_or(0);
    s.space
        .heap
        .alloc(TypeId::BIGINT, crate::object::Body::BigInt(Box::new(BigInt::from(i))))
}

fn int_to_float(s: &mut S, v: Value) -> Result<Value, OpError> {
    let i = s.space.int_of(v).unwrap_or(0);
    s.space.float_value(i as f64)
}

fn bigint_to_float(s: &mut S, v: Value) -> Result<Value, OpError> {
    let x = s.space.bigint_of(v).and_then(|b| b.to_f64()).unwrap_or(f64::INFINITY);
    if x.is_infinite() {
        return Err(OpError::new(ErrorKind::Overflow, "int too large to convert to float"));
    }
    s.space.float_value(x)
}

// ---- int × int ----------------------------------------------------------------

// ANCHOR: int_add
fn int_add(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x.checked_add(y).ok_or(Fail::NotImplemented)?)?)
}
// ANCHOR_END: int_add
fn int_sub(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x.checked_sub(y).ok_or(Fail::NotImplemented)?)?)
}
fn int_mul(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x.checked_mul(y).ok_or(Fail::NotImplemented)?)?)
}
fn int_truediv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    if y == 0 {
        return Err(zero_div("division by zero"));
    }
    Ok(s.space.float_value(x as f64 / y as f64)?)
}
fn int_floordiv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    if y == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(s.space
        .int_value(int_ops::floordiv(x, y).ok_or(Fail::NotImplemented)?)?)
}
fn int_mod(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    if y == 0 {
        return Err(zero_div("integer modulo by zero"));
    }
    Ok(s.space.int_value(int_ops::modulo(x, y).ok_or(Fail::NotImplemented)?)?)
}
fn int_pow(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    if y < 0 {
        if x == 0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(s.space.float_value((x as f64).powf(y as f64))?);
    }
    let y = u32::try_from(y).map_err(|_| Fail::NotImplemented)?;
    Ok(s.space.int_value(x.checked_pow(y).ok_or(Fail::NotImplemented)?)?)
}
fn negative_shift() -> Fail {
    Fail::Error(OpError::new(ErrorKind::Value, "negative shift count"))
}
fn int_and(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x & y)?)
}
fn int_or(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x | y)?)
}
fn int_xor(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(x ^ y)?)
}
fn int_shl(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    if y < 0 {
        return Err(negative_shift());
    }
    Ok(s.space.int_value(int_ops::shl(x, y).ok_or(Fail::NotImplemented)?)?)
}
fn int_shr(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = int2(s, a);
    Ok(s.space.int_value(int_ops::shr(x, y).ok_or_else(negative_shift)?)?)
}
fn int_invert(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.int_of(a[0]).unwrap_or(0);
    Ok(s.space.int_value(!x)?)
}
fn int_pos(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.int_of(a[0]).unwrap_or(0);
    Ok(s.space.int_value(x)?)
}
fn big_and(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    Ok(s.space.bigint_value(x & y)?)
}
fn big_or(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    Ok(s.space.bigint_value(x | y)?)
}
fn big_xor(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    Ok(s.space.bigint_value(x ^ y)?)
}
fn big_shl(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_negative() {
        return Err(negative_shift());
    }
    let n = y.to_u64().filter(|n| *n < (1 << 32)).ok_or(Fail::Error(OpError::new(
        ErrorKind::Overflow,
        "too many digits in integer",
    )))?;
    check_bits(s, x.bits() + n)?;
    Ok(s.space.bigint_value(x << n)?)
}
fn big_shr(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_negative() {
        return Err(negative_shift());
    }
    let n = y.to_u64().unwrap_or(u64::MAX).min(x.bits() + 1);
    Ok(s.space.bigint_value(x >> n)?)
}
fn big_invert(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.bigint_of(a[0]).cloned().unwrap_or_default();
    Ok(s.space.bigint_value(-x - 1)?)
}
fn float_pos(_: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}
fn bool_logic(s: &mut S, a: &[Value], op: BinOp) -> Result<Value, Fail> {
    let (x, y) = (a[0] == Value::TRUE, a[1] == Value::TRUE);
    let _ = s;
    Ok(Value::bool(match op {
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        _ => x ^ y,
    }))
}
fn bool_and(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    bool_logic(s, a, BinOp::BitAnd)
}
fn bool_or(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    bool_logic(s, a, BinOp::BitOr)
}
fn bool_xor(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    bool_logic(s, a, BinOp::BitXor)
}

fn int_neg(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.int_of(a[0]).unwrap_or(0);
    Ok(s.space.int_value(x.checked_neg().ok_or(Fail::NotImplemented)?)?)
}
fn int_truth(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(s.space.int_of(a[0]) != Some(0)))
}
fn int_str(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = s.space.int_of(a[0]).unwrap_or(0).to_string();
    Ok(s.space.str_value(&text)?)
}

// ---- bigint × bigint -------------------------------------------------------------

/// Refuses results whose size alone would blow the heap budget.
fn check_bits(s: &S, bits: u64) -> Result<(), Fail> {
    s.space.heap.reserve((bits / 8) as usize).map_err(Fail::Error)
}

fn big_add(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    Ok(s.space.bigint_value(x + y)?)
}
fn big_sub(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    Ok(s.space.bigint_value(x - y)?)
}
fn big_mul(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    check_bits(s, x.bits() + y.bits())?;
    Ok(s.space.bigint_value(x * y)?)
}
fn big_truediv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_zero() {
        return Err(zero_div("division by zero"));
    }
    let (fx, fy) = (x.to_f64().unwrap_or(f64::NAN), y.to_f64().unwrap_or(f64::NAN));
    if fx.is_infinite() || fy.is_infinite() {
        return Err(Fail::Error(OpError::new(
            ErrorKind::Overflow,
            "integer division result too large for a float",
        )));
    }
    Ok(s.space.float_value(fx / fy)?)
}
fn big_floordiv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(s.space.bigint_value(x.div_floor(&y))?)
}
fn big_mod(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_zero() {
        return Err(zero_div("integer modulo by zero"));
    }
    Ok(s.space.bigint_value(x.mod_floor(&y))?)
}
fn big_pow(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = big2(s, a);
    if y.is_negative() {
        return Err(Fail::NotImplemented); // float × float handles negative powers
    }
    // 0, 1 and -1 stay small whatever the exponent (Python: 1 ** 2 ** 40 == 1).
    if x.magnitude() <= &num_bigint::BigUint::from(1u8) {
        let odd = y.is_odd();
        let r = if x.is_zero() && !y.is_zero() {
            0
        } else if x.is_negative() && odd {
            -1
        } else {
            1
        };
        return Ok(s.space.int_value(r)?);
    }
    let e = y.to_u32().ok_or_else(|| {
        Fail::Error(OpError::new(
            ErrorKind::Budget(crate::space::Budget::Heap),
            "exponent too large",
        ))
    })?;
    check_bits(s, x.bits().saturating_mul(e as u64))?;
    Ok(s.space.bigint_value(num_traits::pow(x, e as usize))?)
}
fn big_neg(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.bigint_of(a[0]).cloned().unwrap_or_default();
    Ok(s.space.bigint_value(-x)?)
}
fn big_truth(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(s.space.bigint_of(a[0]).is_some_and(|b| !b.is_zero())))
}
fn big_str(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = s.space.bigint_of(a[0]).map(|b| b.to_string()).unwrap_or_default();
    Ok(s.space.str_value(&text)?)
}

// ---- float × float ------------------------------------------------------------------

fn float_arith(s: &mut S, a: &[Value], op: BinOp) -> Result<Value, Fail> {
    let (x, y) = flt2(s, a);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(zero_div("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_div("float floor division by zero"));
            }
            float_ops::divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_div("float modulo"));
            }
            float_ops::divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_div("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return Err(Fail::Error(OpError::new(
                    ErrorKind::Value,
                    "negative number cannot be raised to a fractional power",
                )));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(Fail::Error(OpError::new(
                    ErrorKind::Overflow,
                    "(34, 'Numerical result out of range')",
                )));
            }
            r
        }
        _ => return Err(Fail::NotImplemented),
    };
    Ok(s.space.float_value(r)?)
}
fn float_add(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Add)
}
fn float_sub(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Sub)
}
fn float_mul(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Mul)
}
fn float_truediv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Div)
}
fn float_floordiv(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::FloorDiv)
}
fn float_mod(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Mod)
}
fn float_pow(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    float_arith(s, a, BinOp::Pow)
}
fn float_neg(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let x = s.space.float_of(a[0]).unwrap_or(0.0);
    Ok(s.space.float_value(-x)?)
}
fn float_truth(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(s.space.float_of(a[0]).is_some_and(|x| x != 0.0)))
}
fn float_str(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = python_repr(s.space.float_of(a[0]).unwrap_or(0.0));
    Ok(s.space.str_value(&text)?)
}

// ---- comparisons, one generic body per class ---------------------------------------------

macro_rules! comparisons {
    ($get:ident, $($name:ident => $op:tt),*) => {
        $(fn $name(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
            let (x, y) = $get(s, a);
            Ok(Value::bool(x $op y))
        })*
    };
}
comparisons!(int2, int_eq => ==, int_ne => !=, int_lt => <, int_le => <=, int_gt => >, int_ge => >=);
comparisons!(big2, big_eq => ==, big_ne => !=, big_lt => <, big_le => <=, big_gt => >, big_ge => >=);
comparisons!(flt2, float_eq => ==, float_ne => !=, float_lt => <, float_le => <=, float_gt => >, float_ge => >=);

// ---- none and bool printing -----------------------------------------------------------

fn none_str(s: &mut S, _: &[Value]) -> Result<Value, Fail> {
    let text = s.space.spelling.none;
    Ok(s.space.str_value(text)?)
}
fn bool_str(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = if a[0] == Value::TRUE {
        s.space.spelling.true_
    } else {
        s.space.spelling.false_
    };
    Ok(s.space.str_value(text)?)
}

/// One bit operation: the op, then the int and bigint implementations.
type BitRow = (
    BinOp,
    &'static str,
    crate::multimethod::ImplFn<S>,
    &'static str,
    crate::multimethod::ImplFn<S>,
);

/// Registers the numeric tower.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    use TypeId as T;
    // ANCHOR: delegators
    reg.delegate(T::BOOL, T::INT, "bool->int", bool_to_int);
    // Order matters: an overflowing int operation must try bigint before float.
    reg.delegate(T::INT, T::BIGINT, "int->bigint", int_to_bigint);
    reg.delegate(T::INT, T::FLOAT, "int->float", int_to_float);
    reg.delegate(T::BIGINT, T::FLOAT, "bigint->float", bigint_to_float);
    // ANCHOR_END: delegators

    let b = |op: BinOp| ops.binary[op as usize];
    type Table = [(BinOp, &'static str, crate::multimethod::ImplFn<S>); 13];
    let int_table: Table = [
        (BinOp::Add, "int+int", int_add),
        (BinOp::Sub, "int-int", int_sub),
        (BinOp::Mul, "int*int", int_mul),
        (BinOp::Div, "int/int", int_truediv),
        (BinOp::FloorDiv, "int//int", int_floordiv),
        (BinOp::Mod, "int%int", int_mod),
        (BinOp::Pow, "int**int", int_pow),
        (BinOp::Eq, "int==int", int_eq),
        (BinOp::Ne, "int!=int", int_ne),
        (BinOp::Lt, "int<int", int_lt),
        (BinOp::Le, "int<=int", int_le),
        (BinOp::Gt, "int>int", int_gt),
        (BinOp::Ge, "int>=int", int_ge),
    ];
    let big_table: Table = [
        (BinOp::Add, "bigint+bigint", big_add),
        (BinOp::Sub, "bigint-bigint", big_sub),
        (BinOp::Mul, "bigint*bigint", big_mul),
        (BinOp::Div, "bigint/bigint", big_truediv),
        (BinOp::FloorDiv, "bigint//bigint", big_floordiv),
        (BinOp::Mod, "bigint%bigint", big_mod),
        (BinOp::Pow, "bigint**bigint", big_pow),
        (BinOp::Eq, "bigint==bigint", big_eq),
        (BinOp::Ne, "bigint!=bigint", big_ne),
        (BinOp::Lt, "bigint<bigint", big_lt),
        (BinOp::Le, "bigint<=bigint", big_le),
        (BinOp::Gt, "bigint>bigint", big_gt),
        (BinOp::Ge, "bigint>=bigint", big_ge),
    ];
    let float_table: Table = [
        (BinOp::Add, "float+float", float_add),
        (BinOp::Sub, "float-float", float_sub),
        (BinOp::Mul, "float*float", float_mul),
        (BinOp::Div, "float/float", float_truediv),
        (BinOp::FloorDiv, "float//float", float_floordiv),
        (BinOp::Mod, "float%float", float_mod),
        (BinOp::Pow, "float**float", float_pow),
        (BinOp::Eq, "float==float", float_eq),
        (BinOp::Ne, "float!=float", float_ne),
        (BinOp::Lt, "float<float", float_lt),
        (BinOp::Le, "float<=float", float_le),
        (BinOp::Gt, "float>float", float_gt),
        (BinOp::Ge, "float>=float", float_ge),
    ];
    // ANCHOR: same_class_pairs
    for (class, table) in [(T::INT, int_table), (T::BIGINT, big_table), (T::FLOAT, float_table)] {
        for (op, name, f) in table {
            let imp = reg.register(b(op), &[class, class], name, f);
            // The result half of the typed signature, for the annotation space.
            match op {
                _ if op.is_comparison() => imp.returns(Returns::Class(T::BOOL)),
                BinOp::Div => imp.returns(Returns::Class(T::FLOAT)),
                BinOp::Pow if class != T::FLOAT => imp.returns(Returns::Classes(&[T::INT, T::BIGINT, T::FLOAT])),
                _ => imp.returns(Returns::Class(class)),
            };
            // int × int arithmetic declines on overflow (and big_pow on negative powers).
            let arithmetic = !op.is_comparison() && op != BinOp::Div;
            if (class == T::INT && arithmetic) || (class == T::BIGINT && op == BinOp::Pow) {
                imp.may_decline();
            }
        }
    }
    // ANCHOR_END: same_class_pairs
    let bit_table: [BitRow; 5] = [
        (BinOp::BitAnd, "int&int", int_and, "bigint&bigint", big_and),
        (BinOp::BitOr, "int|int", int_or, "bigint|bigint", big_or),
        (BinOp::BitXor, "int^int", int_xor, "bigint^bigint", big_xor),
        (BinOp::Shl, "int<<int", int_shl, "bigint<<bigint", big_shl),
        (BinOp::Shr, "int>>int", int_shr, "bigint>>bigint", big_shr),
    ];
    for (op, iname, ifn, bname, bfn) in bit_table {
        let imp = reg
            .register(b(op), &[T::INT, T::INT], iname, ifn)
            .returns(Returns::Class(T::INT));
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            imp.may_decline(); // overflow, or a negative count (bigint reports it)
        }
        reg.register(b(op), &[T::BIGINT, T::BIGINT], bname, bfn)
            .returns(Returns::Class(T::BIGINT));
    }
    for (op, name, f) in [
        (BinOp::BitAnd, "bool&bool", bool_and as crate::multimethod::ImplFn<S>),
        (BinOp::BitOr, "bool|bool", bool_or),
        (BinOp::BitXor, "bool^bool", bool_xor),
    ] {
        reg.register(b(op), &[T::BOOL, T::BOOL], name, f)
            .returns(Returns::Class(T::BOOL));
    }
    let unary: [(MmId, TypeId, &'static str, crate::multimethod::ImplFn<S>); 8] = [
        (ops.invert, T::INT, "~int", int_invert),
        (ops.invert, T::BIGINT, "~bigint", big_invert),
        (ops.pos, T::INT, "+int", int_pos),
        (ops.pos, T::BIGINT, "+bigint", float_pos),
        (ops.pos, T::FLOAT, "+float", float_pos),
        (ops.neg, T::INT, "-int", int_neg),
        (ops.neg, T::BIGINT, "-bigint", big_neg),
        (ops.neg, T::FLOAT, "-float", float_neg),
    ];
    for (mm, class, name, f) in unary {
        let imp = reg.register(mm, &[class], name, f).returns(Returns::Class(class));
        if class == T::INT {
            imp.may_decline(); // -int overflows into a bigint
        }
    }
    reg.register(ops.truth, &[T::INT], "truth(int)", int_truth)
        .returns(Returns::Class(T::BOOL));
    reg.register(ops.truth, &[T::BIGINT], "truth(bigint)", big_truth)
        .returns(Returns::Class(T::BOOL));
    reg.register(ops.truth, &[T::FLOAT], "truth(float)", float_truth)
        .returns(Returns::Class(T::BOOL));
    for mm in [ops.str, ops.repr] {
        let text = Returns::Class(T::STR);
        reg.register(mm, &[T::NONE], "str(none)", none_str).returns(text);
        reg.register(mm, &[T::BOOL], "str(bool)", bool_str).returns(text);
        reg.register(mm, &[T::INT], "str(int)", int_str).returns(text);
        reg.register(mm, &[T::BIGINT], "str(bigint)", big_str).returns(text);
        reg.register(mm, &[T::FLOAT], "str(float)", float_str).returns(text);
    }
}
