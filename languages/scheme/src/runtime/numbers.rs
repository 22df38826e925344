//! Numbers: the framework's tower plus exact rationals, and the numeric builtins.
//!
//! Exact integers and inexact reals are the framework's own int → bigint →
//! float tower, so `(+ a b)` compiled to a `Binary` instruction takes the
//! same inline fast path and the same registered kernels as Python's `a + b`.
//! Scheme adds one class, `rational` (`Fields[num, den]` in lowest terms,
//! den > 1), registered with delegators int → rational, bigint → rational
//! and rational → float, so the tower extends itself:
//!
//! ```text
//! bool → int → bigint → float
//!          ↘      ↘       ↗
//!            rational
//! ```
//!
//! `rational × rational` implements the arithmetic and comparisons; an int
//! meeting a rational is delegated to rational, a rational meeting a float to
//! float. Results that come out whole are ints again. Builtins that the
//! registry does not cover (`quotient`, `expt`, `exact`, ...) compute on [`N`],
//! a plain Rust view of any Scheme number.

use super::types as T;
use super::{alloc, fields_of, list, wrong_type, Native};
use crate::reader::Num;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use workbench_framework::bytecode::BinOp;
use workbench_framework::language::Arity;
use workbench_framework::multimethod::{Fail, Returns};
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// A Scheme number seen from Rust.
#[derive(Clone, Debug, PartialEq)]
pub enum N {
    /// An exact integer.
    I(BigInt),
    /// An exact rational `num/den`, lowest terms, den > 1.
    Q(BigInt, BigInt),
    /// An inexact real.
    F(f64),
}

/// `num/den` in lowest terms (an integer if den divides num); `None` for den = 0.
pub fn make_q(num: BigInt, den: BigInt) -> Option<N> {
    if den.is_zero() {
        return None;
    }
    let g = num.gcd(&den);
    let (mut n, mut d) = (num / &g, den / &g);
    if d.is_negative() {
        n = -n;
        d = -d;
    }
    Some(if d.is_one() { N::I(n) } else { N::Q(n, d) })
}

/// The reader's rational literal.
pub fn make_rational_num(num: BigInt, den: BigInt) -> Option<Num> {
    Some(n_to_num(make_q(num, den)?))
}

fn n_to_num(n: N) -> Num {
    match n {
        N::I(b) => match b.to_i64() {
            Some(i) => Num::Int(i),
            None => Num::Big(b.to_string()),
        },
        N::Q(a, b) => Num::Rational(a.to_string(), b.to_string()),
        N::F(x) => Num::Float(x),
    }
}

fn num_to_n(n: &Num) -> Option<N> {
    Some(match n {
        Num::Int(i) => N::I(BigInt::from(*i)),
        Num::Big(d) => N::I(d.parse().ok()?),
        Num::Rational(a, b) => N::Q(a.parse().ok()?, b.parse().ok()?),
        Num::Float(x) => N::F(*x),
    })
}

/// A literal's value as a double (for `#i`).
pub fn num_to_f64(n: &Num) -> f64 {
    num_to_n(n).map_or(f64::NAN, |n| to_f64(&n))
}

/// A literal made exact (for `#e`).
pub fn exact_of_num(n: &Num) -> Option<Num> {
    Some(n_to_num(exact(num_to_n(n)?)?))
}

fn big_to_f64(b: &BigInt) -> f64 {
    b.to_f64().unwrap_or(if b.is_negative() {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// The value as a double.
pub fn to_f64(n: &N) -> f64 {
    match n {
        N::I(b) => big_to_f64(b),
        N::Q(a, b) => {
            let (x, y) = (big_to_f64(a), big_to_f64(b));
            if x.is_finite() && y.is_finite() {
                x / y
            } else {
                // Scale both down so the quotient survives.
                let shift = a.bits().max(b.bits()).saturating_sub(1000);
                big_to_f64(&(a >> shift)) / big_to_f64(&(b >> shift))
            }
        }
        N::F(x) => *x,
    }
}

/// The exact number equal to `n` (`None` for infinities and NaN).
pub fn exact(n: N) -> Option<N> {
    match n {
        N::F(x) => {
            if !x.is_finite() {
                return None;
            }
            if x.fract() == 0.0 && x.abs() < 9.0e15 {
                return Some(N::I(BigInt::from(x as i64)));
            }
            let bits = x.to_bits();
            let sign = if bits >> 63 == 1 { -1 } else { 1 };
            let exp = ((bits >> 52) & 0x7ff) as i64;
            let frac = bits & ((1u64 << 52) - 1);
            let (mant, e) = if exp == 0 {
                (frac, -1074)
            } else {
                (frac | (1u64 << 52), exp - 1075)
            };
            let m = BigInt::from(mant) * sign;
            if e >= 0 {
                Some(N::I(m << e as usize))
            } else {
                make_q(m, BigInt::one() << (-e) as usize)
            }
        }
        other => Some(other),
    }
}

/// The Rust view of a value, if it is a number.
pub fn to_n(space: &StandardSpace, v: Value) -> Option<N> {
    if let Some(i) = v.as_small_int() {
        return Some(N::I(BigInt::from(i)));
    }
    match space.type_of(v) {
        TypeId::INT => space.int_of(v).map(|i| N::I(BigInt::from(i))),
        TypeId::BIGINT => space.bigint_of(v).map(|b| N::I(b.clone())),
        TypeId::FLOAT => space.float_of(v).map(N::F),
        T::RATIONAL => {
            let f = fields_of(space, v, T::RATIONAL)?;
            let a = to_n(space, f[0])?;
            let b = to_n(space, f[1])?;
            match (a, b) {
                (N::I(a), N::I(b)) => Some(N::Q(a, b)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A value for a Rust number.
pub fn from_n(vm: &mut Vm, n: N) -> Result<Value, OpError> {
    match n {
        N::I(b) => vm.space.bigint_value(b),
        N::F(x) => vm.space.float_value(x),
        N::Q(a, b) => {
            let a = vm.space.bigint_value(a)?;
            let b = vm.space.bigint_value(b)?;
            alloc(vm, T::RATIONAL, Body::Fields(Box::new([a, b])))
        }
    }
}

/// True if `v` is a number.
pub fn is_number(space: &StandardSpace, v: Value) -> bool {
    v.as_small_int().is_some()
        || matches!(
            space.type_of(v),
            TypeId::INT | TypeId::BIGINT | TypeId::FLOAT | T::RATIONAL
        )
}

/// How a number prints in `radix`; `None` if `v` is not a number.
pub fn number_text(space: &StandardSpace, v: Value, radix: u32) -> Option<String> {
    if let Some(i) = v.as_small_int() {
        return Some(if radix == 10 {
            i.to_string()
        } else {
            BigInt::from(i).to_str_radix(radix)
        });
    }
    if !is_number(space, v) {
        return None;
    }
    Some(match to_n(space, v)? {
        N::I(b) => b.to_str_radix(radix),
        N::Q(a, b) => format!("{}/{}", a.to_str_radix(radix), b.to_str_radix(radix)),
        N::F(x) => super::printer::float_text(x),
    })
}

fn rank(n: &N) -> u8 {
    match n {
        N::I(_) => 0,
        N::Q(..) => 1,
        N::F(_) => 2,
    }
}

fn as_q(n: &N) -> (BigInt, BigInt) {
    match n {
        N::I(a) => (a.clone(), BigInt::one()),
        N::Q(a, b) => (a.clone(), b.clone()),
        N::F(_) => (BigInt::zero(), BigInt::one()),
    }
}

/// `a op b` for the four operations; `None` for an exact division by zero.
pub fn arith(op: BinOp, a: &N, b: &N) -> Option<N> {
    if rank(a).max(rank(b)) == 2 {
        let (x, y) = (to_f64(a), to_f64(b));
        return Some(N::F(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            _ => x / y,
        }));
    }
    let ((an, ad), (bn, bd)) = (as_q(a), as_q(b));
    match op {
        BinOp::Add => make_q(&an * &bd + &bn * &ad, &ad * &bd),
        BinOp::Sub => make_q(&an * &bd - &bn * &ad, &ad * &bd),
        BinOp::Mul => make_q(&an * &bn, &ad * &bd),
        _ => make_q(&an * &bd, &ad * &bn),
    }
}

/// Numeric comparison (`None` when a NaN is involved).
pub fn compare(a: &N, b: &N) -> Option<Ordering> {
    if rank(a).max(rank(b)) == 2 {
        return to_f64(a).partial_cmp(&to_f64(b));
    }
    let ((an, ad), (bn, bd)) = (as_q(a), as_q(b));
    Some((an * bd).cmp(&(bn * ad)))
}

// ---- registration: rationals in the tower ----------------------------------

fn int_to_rational(vm: &mut Vm, v: Value) -> Result<Value, OpError> {
    // An int seen as a rational: n/1. (Only ever compared or combined, never stored.)
    let one = Value::small_int(1).expect("1 is small");
    alloc(vm, T::RATIONAL, Body::Fields(Box::new([v, one])))
}

fn rational_to_float(vm: &mut Vm, v: Value) -> Result<Value, OpError> {
    let x = to_n(&vm.space, v).map_or(f64::NAN, |n| to_f64(&n));
    vm.space.float_value(x)
}

/// An exact operand of a rational operation: a rational, an int or a bigint.
fn q_of(space: &StandardSpace, v: Value) -> Option<N> {
    match to_n(space, v)? {
        N::F(_) => None,
        N::Q(a, b) => make_q(a, b),
        n => Some(n),
    }
}

fn q_binary(vm: &mut Vm, args: &[Value], op: BinOp) -> Result<Value, Fail> {
    let (Some(a), Some(b)) = (q_of(&vm.space, args[0]), q_of(&vm.space, args[1])) else {
        return Err(Fail::NotImplemented);
    };
    if op.is_comparison() {
        let ord = compare(&a, &b);
        let r = match op {
            BinOp::Eq => ord == Some(Ordering::Equal),
            BinOp::Ne => ord != Some(Ordering::Equal),
            BinOp::Lt => ord == Some(Ordering::Less),
            BinOp::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
            BinOp::Gt => ord == Some(Ordering::Greater),
            _ => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
        };
        return Ok(Value::bool(r));
    }
    match arith(op, &a, &b) {
        Some(n) => from_n(vm, n).map_err(Fail::Error),
        None => Err(Fail::Error(OpError::new(
            ErrorKind::ZeroDivision,
            "/: division by zero",
        ))),
    }
}

macro_rules! q_op {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value]) -> Result<Value, Fail> {
            q_binary(vm, args, $op)
        }
    };
}
q_op!(q_add, BinOp::Add);
q_op!(q_sub, BinOp::Sub);
q_op!(q_mul, BinOp::Mul);
q_op!(q_div, BinOp::Div);
q_op!(q_eq, BinOp::Eq);
q_op!(q_ne, BinOp::Ne);
q_op!(q_lt, BinOp::Lt);
q_op!(q_le, BinOp::Le);
q_op!(q_gt, BinOp::Gt);
q_op!(q_ge, BinOp::Ge);

fn q_neg(vm: &mut Vm, args: &[Value]) -> Result<Value, Fail> {
    match q_of(&vm.space, args[0]) {
        Some(N::Q(a, b)) => from_n(vm, N::Q(-a, b)).map_err(Fail::Error),
        Some(n) => from_n(vm, n).map_err(Fail::Error),
        None => Err(Fail::NotImplemented),
    }
}

/// Registers `rational` and its delegators.
pub fn register(reg: &mut Registry) {
    let ops = CoreOps::of(reg);
    reg.delegate(TypeId::INT, T::RATIONAL, "int->rational", int_to_rational);
    reg.delegate(TypeId::BIGINT, T::RATIONAL, "bigint->rational", int_to_rational);
    reg.delegate(T::RATIONAL, TypeId::FLOAT, "rational->float", rational_to_float);
    // The delegators reach rational after float (registration order), so an
    // exact integer meeting a rational gets explicit signatures, tried first.
    let sigs = [
        [T::RATIONAL, T::RATIONAL],
        [TypeId::INT, T::RATIONAL],
        [T::RATIONAL, TypeId::INT],
        [TypeId::BIGINT, T::RATIONAL],
        [T::RATIONAL, TypeId::BIGINT],
    ];
    let table: [(BinOp, &'static str, workbench_framework::multimethod::ImplFn<Vm>); 10] = [
        (BinOp::Add, "rational+rational", q_add),
        (BinOp::Sub, "rational-rational", q_sub),
        (BinOp::Mul, "rational*rational", q_mul),
        (BinOp::Div, "rational/rational", q_div),
        (BinOp::Eq, "rational==rational", q_eq),
        (BinOp::Ne, "rational!=rational", q_ne),
        (BinOp::Lt, "rational<rational", q_lt),
        (BinOp::Le, "rational<=rational", q_le),
        (BinOp::Gt, "rational>rational", q_gt),
        (BinOp::Ge, "rational>=rational", q_ge),
    ];
    // Typed results (for the annotation space): an exact number, or a boolean.
    const EXACT: &[TypeId] = &[TypeId::INT, TypeId::BIGINT, T::RATIONAL];
    for sig in &sigs {
        for (op, name, f) in table {
            let result = if op.is_comparison() {
                Returns::Class(TypeId::BOOL)
            } else {
                Returns::Classes(EXACT)
            };
            // A float operand declines (the float implementations take it).
            reg.register(ops.binary[op as usize], sig, name, f)
                .returns(result)
                .may_decline();
        }
    }
    reg.register(ops.neg, &[T::RATIONAL], "-rational", q_neg)
        .returns(Returns::Classes(EXACT))
        .may_decline();
}

// ---- builtins ------------------------------------------------------------------

fn num_arg(vm: &mut Vm, who: &str, pos: usize, v: Value) -> Result<N, OpError> {
    match to_n(&vm.space, v) {
        Some(n) => Ok(n),
        None => Err(wrong_type(vm, who, pos, "number", v)),
    }
}

fn int_arg(vm: &mut Vm, who: &str, pos: usize, v: Value) -> Result<BigInt, OpError> {
    match to_n(&vm.space, v) {
        Some(N::I(b)) => Ok(b),
        Some(N::F(x)) if x.fract() == 0.0 && x.is_finite() => Ok(BigInt::from(x as i64)),
        _ => Err(wrong_type(vm, who, pos, "integer", v)),
    }
}

fn any_inexact(vm: &Vm, args: &[Value]) -> bool {
    args.iter().any(|a| vm.space.type_of(*a) == TypeId::FLOAT)
}

fn fold(vm: &mut Vm, who: &str, op: BinOp, args: &[Value], unit: i64) -> Result<Value, OpError> {
    if args.is_empty() {
        return vm.space.int_value(unit);
    }
    for (i, a) in args.iter().enumerate() {
        if !is_number(&vm.space, *a) {
            return Err(wrong_type(vm, who, i + 1, "number", *a));
        }
    }
    if args.len() == 1 {
        return match op {
            BinOp::Sub => Space::unary(vm, workbench_framework::bytecode::UnOp::Neg, args[0]),
            BinOp::Div => {
                let one = vm.space.int_value(1)?;
                divide(vm, &[one, args[0]])
            }
            _ => Ok(args[0]),
        };
    }
    let mut acc = args[0];
    for b in &args[1..] {
        acc = if op == BinOp::Div {
            divide(vm, &[acc, *b])?
        } else {
            <StandardSpace as Space>::binary(vm, op, acc, *b)?
        };
    }
    Ok(acc)
}

fn divide(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let a = num_arg(vm, "/", 1, args[0])?;
    let b = num_arg(vm, "/", 2, args[1])?;
    match arith(BinOp::Div, &a, &b) {
        Some(n) => from_n(vm, n),
        None => Err(OpError::new(ErrorKind::ZeroDivision, "/: division by zero")),
    }
}

fn add(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    fold(vm, "+", BinOp::Add, a, 0)
}
fn sub(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    fold(vm, "-", BinOp::Sub, a, 0)
}
fn mul(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    fold(vm, "*", BinOp::Mul, a, 1)
}
fn div(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    fold(vm, "/", BinOp::Div, a, 1)
}

fn chain(vm: &mut Vm, who: &str, args: &[Value], ok: fn(Ordering) -> bool) -> Result<Value, OpError> {
    let mut ns = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        ns.push(num_arg(vm, who, i + 1, *a)?);
    }
    Ok(Value::bool(
        ns.windows(2).all(|w| compare(&w[0], &w[1]).is_some_and(ok)),
    ))
}

fn num_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    chain(vm, "=", a, |o| o == Ordering::Equal)
}
fn num_lt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    chain(vm, "<", a, |o| o == Ordering::Less)
}
fn num_gt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    chain(vm, ">", a, |o| o == Ordering::Greater)
}
fn num_le(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    chain(vm, "<=", a, |o| o != Ordering::Greater)
}
fn num_ge(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    chain(vm, ">=", a, |o| o != Ordering::Less)
}

fn is_num(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(is_number(&vm.space, a[0])))
}

fn is_integer(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(match to_n(&vm.space, a[0]) {
        Some(N::I(_)) => true,
        Some(N::F(x)) => x.is_finite() && x.fract() == 0.0,
        _ => false,
    }))
}

fn is_rational(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(match to_n(&vm.space, a[0]) {
        Some(N::F(x)) => x.is_finite(),
        Some(_) => true,
        None => false,
    }))
}

fn is_exact(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match num_arg(vm, "exact?", 1, a[0])? {
        N::F(_) => Ok(Value::FALSE),
        _ => Ok(Value::TRUE),
    }
}

fn is_inexact(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match num_arg(vm, "inexact?", 1, a[0])? {
        N::F(_) => Ok(Value::TRUE),
        _ => Ok(Value::FALSE),
    }
}

fn is_exact_integer(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(matches!(to_n(&vm.space, a[0]), Some(N::I(_)))))
}

fn float_pred(vm: &mut Vm, who: &str, v: Value, f: fn(f64) -> bool) -> Result<Value, OpError> {
    let n = num_arg(vm, who, 1, v)?;
    Ok(Value::bool(match n {
        N::F(x) => f(x),
        _ => f(1.0),
    }))
}

fn is_nan(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_pred(vm, "nan?", a[0], f64::is_nan)
}
fn is_infinite(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_pred(vm, "infinite?", a[0], f64::is_infinite)
}
fn is_finite(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_pred(vm, "finite?", a[0], f64::is_finite)
}

fn sign_pred(vm: &mut Vm, who: &str, v: Value, want: Ordering) -> Result<Value, OpError> {
    let n = num_arg(vm, who, 1, v)?;
    Ok(Value::bool(compare(&n, &N::I(BigInt::zero())) == Some(want)))
}
fn is_zero(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    sign_pred(vm, "zero?", a[0], Ordering::Equal)
}
fn is_positive(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    sign_pred(vm, "positive?", a[0], Ordering::Greater)
}
fn is_negative(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    sign_pred(vm, "negative?", a[0], Ordering::Less)
}

fn is_odd(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if let Some(i) = a[0].as_small_int() {
        return Ok(Value::bool(i & 1 == 1));
    }
    let b = int_arg(vm, "odd?", 1, a[0])?;
    Ok(Value::bool(b.is_odd()))
}
fn is_even(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if let Some(i) = a[0].as_small_int() {
        return Ok(Value::bool(i & 1 == 0));
    }
    let b = int_arg(vm, "even?", 1, a[0])?;
    Ok(Value::bool(b.is_even()))
}

fn extremum(vm: &mut Vm, who: &str, args: &[Value], want: Ordering) -> Result<Value, OpError> {
    let mut best = num_arg(vm, who, 1, args[0])?;
    for (i, a) in args.iter().enumerate().skip(1) {
        let n = num_arg(vm, who, i + 1, *a)?;
        if compare(&n, &best) == Some(want) || matches!(n, N::F(x) if x.is_nan()) {
            best = n;
        }
    }
    if any_inexact(vm, args) {
        best = N::F(to_f64(&best));
    }
    from_n(vm, best)
}
fn max(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    extremum(vm, "max", a, Ordering::Greater)
}
fn min(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    extremum(vm, "min", a, Ordering::Less)
}

fn abs(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = num_arg(vm, "abs", 1, a[0])?;
    from_n(
        vm,
        match n {
            N::I(b) => N::I(b.abs()),
            N::Q(x, y) => N::Q(x.abs(), y),
            N::F(x) => N::F(x.abs()),
        },
    )
}

/// Integer division in the three flavours R7RS names.
#[derive(Clone, Copy)]
enum Div {
    Truncate,
    Floor,
}

fn int_div(vm: &mut Vm, who: &str, args: &[Value], kind: Div) -> Result<(N, N), OpError> {
    let inexact = any_inexact(vm, args);
    let a = int_arg(vm, who, 1, args[0])?;
    let b = int_arg(vm, who, 2, args[1])?;
    if b.is_zero() {
        return Err(OpError::new(
            ErrorKind::ZeroDivision,
            format!("{who}: division by zero"),
        ));
    }
    let (q, r) = match kind {
        Div::Truncate => (&a / &b, &a % &b),
        Div::Floor => a.div_mod_floor(&b),
    };
    Ok(if inexact {
        (N::F(big_to_f64(&q)), N::F(big_to_f64(&r)))
    } else {
        (N::I(q), N::I(r))
    })
}

fn quotient(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if let (Some(x), Some(y)) = (a[0].as_small_int(), a[1].as_small_int()) {
        if y != 0 {
            return vm.space.int_value(x / y);
        }
    }
    let (q, _) = int_div(vm, "quotient", a, Div::Truncate)?;
    from_n(vm, q)
}
fn remainder(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if let (Some(x), Some(y)) = (a[0].as_small_int(), a[1].as_small_int()) {
        if y != 0 {
            return vm.space.int_value(x % y);
        }
    }
    let (_, r) = int_div(vm, "remainder", a, Div::Truncate)?;
    from_n(vm, r)
}
fn modulo(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if let (Some(x), Some(y)) = (a[0].as_small_int(), a[1].as_small_int()) {
        if y != 0 {
            let r = x % y;
            return vm.space.int_value(if r != 0 && (r < 0) != (y < 0) { r + y } else { r });
        }
    }
    let (_, r) = int_div(vm, "modulo", a, Div::Floor)?;
    from_n(vm, r)
}
fn floor_quotient(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let (q, _) = int_div(vm, "floor-quotient", a, Div::Floor)?;
    from_n(vm, q)
}
fn values_of(vm: &mut Vm, items: Vec<Value>) -> Result<Value, OpError> {
    alloc(vm, T::VALUES, Body::Fields(items.into_boxed_slice()))
}
fn floor_div(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let (q, r) = int_div(vm, "floor/", a, Div::Floor)?;
    let (q, r) = (from_n(vm, q)?, from_n(vm, r)?);
    values_of(vm, vec![q, r])
}
fn truncate_div(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let (q, r) = int_div(vm, "truncate/", a, Div::Truncate)?;
    let (q, r) = (from_n(vm, q)?, from_n(vm, r)?);
    values_of(vm, vec![q, r])
}

fn gcd(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut g = BigInt::zero();
    for (i, v) in a.iter().enumerate() {
        g = g.gcd(&int_arg(vm, "gcd", i + 1, *v)?);
    }
    from_n(vm, N::I(g))
}
fn lcm(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut l = BigInt::one();
    for (i, v) in a.iter().enumerate() {
        let x = int_arg(vm, "lcm", i + 1, *v)?;
        if x.is_zero() {
            return from_n(vm, N::I(BigInt::zero()));
        }
        l = l.lcm(&x);
    }
    from_n(vm, N::I(l))
}

fn numerator(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match num_arg(vm, "numerator", 1, a[0])? {
        N::Q(x, _) => from_n(vm, N::I(x)),
        N::F(x) => match exact(N::F(x)) {
            Some(N::Q(n, _)) => from_n(vm, N::F(big_to_f64(&n))),
            _ => from_n(vm, N::F(x)),
        },
        n => from_n(vm, n),
    }
}
fn denominator(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match num_arg(vm, "denominator", 1, a[0])? {
        N::Q(_, y) => from_n(vm, N::I(y)),
        N::F(x) => match exact(N::F(x)) {
            Some(N::Q(_, d)) => from_n(vm, N::F(big_to_f64(&d))),
            _ => from_n(vm, N::F(1.0)),
        },
        _ => from_n(vm, N::I(BigInt::one())),
    }
}

fn rounding(
    vm: &mut Vm,
    who: &str,
    v: Value,
    f: fn(f64) -> f64,
    q: fn(&BigInt, &BigInt) -> BigInt,
) -> Result<Value, OpError> {
    match num_arg(vm, who, 1, v)? {
        N::F(x) => from_n(vm, N::F(f(x))),
        N::Q(a, b) => from_n(vm, N::I(q(&a, &b))),
        n => from_n(vm, n),
    }
}
fn round_half_even(a: &BigInt, b: &BigInt) -> BigInt {
    let (fl, r) = a.div_mod_floor(b);
    let twice: BigInt = &r * 2;
    match twice.cmp(b) {
        Ordering::Less => fl,
        Ordering::Greater => fl + 1,
        Ordering::Equal => {
            if fl.is_even() {
                fl
            } else {
                fl + 1
            }
        }
    }
}
fn floor(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    rounding(vm, "floor", a[0], f64::floor, |a, b| a.div_floor(b))
}
fn ceiling(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    rounding(vm, "ceiling", a[0], f64::ceil, |a, b| -((-a).div_floor(b)))
}
fn truncate(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    rounding(vm, "truncate", a[0], f64::trunc, |a, b| a / b)
}
fn round(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    rounding(vm, "round", a[0], f64::round_ties_even, round_half_even)
}

fn float_fn(vm: &mut Vm, who: &str, v: Value, f: fn(f64) -> f64) -> Result<Value, OpError> {
    let x = to_f64(&num_arg(vm, who, 1, v)?);
    from_n(vm, N::F(f(x)))
}
fn exp(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "exp", a[0], f64::exp)
}
fn log(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if a.len() == 2 {
        let x = to_f64(&num_arg(vm, "log", 1, a[0])?);
        let b = to_f64(&num_arg(vm, "log", 2, a[1])?);
        return from_n(vm, N::F(x.ln() / b.ln()));
    }
    float_fn(vm, "log", a[0], f64::ln)
}
fn sin(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "sin", a[0], f64::sin)
}
fn cos(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "cos", a[0], f64::cos)
}
fn tan(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "tan", a[0], f64::tan)
}
fn asin(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "asin", a[0], f64::asin)
}
fn acos(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    float_fn(vm, "acos", a[0], f64::acos)
}
fn atan(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if a.len() == 2 {
        let y = to_f64(&num_arg(vm, "atan", 1, a[0])?);
        let x = to_f64(&num_arg(vm, "atan", 2, a[1])?);
        return from_n(vm, N::F(y.atan2(x)));
    }
    float_fn(vm, "atan", a[0], f64::atan)
}

fn exact_sqrt(b: &BigInt) -> Option<BigInt> {
    if b.is_negative() {
        return None;
    }
    let r = b.sqrt();
    (&r * &r == *b).then_some(r)
}

fn sqrt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = num_arg(vm, "sqrt", 1, a[0])?;
    match &n {
        N::I(b) => {
            if let Some(r) = exact_sqrt(b) {
                return from_n(vm, N::I(r));
            }
        }
        N::Q(x, y) => {
            if let (Some(p), Some(q)) = (exact_sqrt(x), exact_sqrt(y)) {
                return from_n(vm, N::Q(p, q));
            }
        }
        N::F(_) => {}
    }
    let x = to_f64(&n);
    if x < 0.0 {
        return Err(OpError::new(
            ErrorKind::Value,
            "sqrt: complex numbers are not supported",
        ));
    }
    from_n(vm, N::F(x.sqrt()))
}

fn exact_integer_sqrt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let b = match to_n(&vm.space, a[0]) {
        Some(N::I(b)) if !b.is_negative() => b,
        _ => {
            return Err(wrong_type(
                vm,
                "exact-integer-sqrt",
                1,
                "exact nonnegative integer",
                a[0],
            ))
        }
    };
    let s = b.sqrt();
    let r = &b - &s * &s;
    let (s, r) = (from_n(vm, N::I(s))?, from_n(vm, N::I(r))?);
    values_of(vm, vec![s, r])
}

fn expt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let base = num_arg(vm, "expt", 1, a[0])?;
    let e = num_arg(vm, "expt", 2, a[1])?;
    let result = match (&base, &e) {
        (N::I(_) | N::Q(..), N::I(k)) => {
            let Some(k32) = k.abs().to_u32() else {
                return Err(OpError::new(ErrorKind::Overflow, "expt: exponent too large"));
            };
            let (n, d) = as_q(&base);
            let (n, d) = (n.pow(k32), d.pow(k32));
            if k.is_negative() {
                match make_q(d, n) {
                    Some(q) => q,
                    None => return Err(OpError::new(ErrorKind::ZeroDivision, "expt: division by zero")),
                }
            } else {
                make_q(n, d).expect("nonzero denominator")
            }
        }
        (N::F(x), N::I(k)) if k.to_i32().is_some() => N::F(x.powi(k.to_i32().expect("checked"))),
        _ => N::F(to_f64(&base).powf(to_f64(&e))),
    };
    from_n(vm, result)
}

fn to_exact(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = num_arg(vm, "exact", 1, a[0])?;
    match exact(n) {
        Some(n) => from_n(vm, n),
        None => Err(wrong_type(vm, "exact", 1, "finite number", a[0])),
    }
}
fn to_inexact(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = num_arg(vm, "inexact", 1, a[0])?;
    from_n(vm, N::F(to_f64(&n)))
}

fn number_to_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let radix = match a.get(1) {
        Some(r) => match r.as_small_int() {
            Some(r @ (2 | 8 | 10 | 16)) => r as u32,
            _ => return Err(wrong_type(vm, "number->string", 2, "radix 2, 8, 10 or 16", *r)),
        },
        None => 10,
    };
    match number_text(&vm.space, a[0], radix) {
        Some(t) => vm.space.str_value(&t),
        None => Err(wrong_type(vm, "number->string", 1, "number", a[0])),
    }
}

fn string_to_number(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(text) = super::string_text(&vm.space, a[0]).map(str::to_string) else {
        return Err(wrong_type(vm, "string->number", 1, "string", a[0]));
    };
    let prefix = match a.get(1).and_then(|r| r.as_small_int()) {
        Some(2) => "#b",
        Some(8) => "#o",
        Some(16) => "#x",
        _ => "",
    };
    match crate::reader::parse_number(&format!("{prefix}{text}")).and_then(|n| num_to_n(&n)) {
        Some(n) => from_n(vm, n),
        None => Ok(Value::FALSE),
    }
}

fn square(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if !is_number(&vm.space, a[0]) {
        return Err(wrong_type(vm, "square", 1, "number", a[0]));
    }
    <StandardSpace as Space>::binary(vm, BinOp::Mul, a[0], a[0])
}

fn rational_literal(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let text = |v: Value| super::string_text(&vm.space, v).and_then(|s| s.parse::<BigInt>().ok());
    match (text(a[0]), text(a[1])) {
        (Some(n), Some(d)) => match make_q(n, d) {
            Some(q) => from_n(vm, q),
            None => Err(OpError::new(ErrorKind::ZeroDivision, "division by zero")),
        },
        _ => Err(OpError::type_error("%rational: bad literal")),
    }
}

fn exact_integer_list(vm: &mut Vm, items: &[Value]) -> Result<Value, OpError> {
    list(vm, items, Value::NONE)
}

/// The numeric natives.
pub const NATIVES: &[Native] = &[
    ("+", Arity::AtLeast(0), add),
    ("-", Arity::AtLeast(1), sub),
    ("*", Arity::AtLeast(0), mul),
    ("/", Arity::AtLeast(1), div),
    ("=", Arity::AtLeast(1), num_eq),
    ("<", Arity::AtLeast(1), num_lt),
    (">", Arity::AtLeast(1), num_gt),
    ("<=", Arity::AtLeast(1), num_le),
    (">=", Arity::AtLeast(1), num_ge),
    ("number?", Arity::Exact(1), is_num),
    ("complex?", Arity::Exact(1), is_num),
    ("real?", Arity::Exact(1), is_num),
    ("rational?", Arity::Exact(1), is_rational),
    ("integer?", Arity::Exact(1), is_integer),
    ("exact?", Arity::Exact(1), is_exact),
    ("inexact?", Arity::Exact(1), is_inexact),
    ("exact-integer?", Arity::Exact(1), is_exact_integer),
    ("exact-rational?", Arity::Exact(1), is_exact),
    ("nan?", Arity::Exact(1), is_nan),
    ("infinite?", Arity::Exact(1), is_infinite),
    ("finite?", Arity::Exact(1), is_finite),
    ("zero?", Arity::Exact(1), is_zero),
    ("positive?", Arity::Exact(1), is_positive),
    ("negative?", Arity::Exact(1), is_negative),
    ("odd?", Arity::Exact(1), is_odd),
    ("even?", Arity::Exact(1), is_even),
    ("max", Arity::AtLeast(1), max),
    ("min", Arity::AtLeast(1), min),
    ("abs", Arity::Exact(1), abs),
    ("magnitude", Arity::Exact(1), abs),
    ("quotient", Arity::Exact(2), quotient),
    ("remainder", Arity::Exact(2), remainder),
    ("modulo", Arity::Exact(2), modulo),
    ("truncate-quotient", Arity::Exact(2), quotient),
    ("truncate-remainder", Arity::Exact(2), remainder),
    ("floor-quotient", Arity::Exact(2), floor_quotient),
    ("floor-remainder", Arity::Exact(2), modulo),
    ("floor/", Arity::Exact(2), floor_div),
    ("truncate/", Arity::Exact(2), truncate_div),
    ("gcd", Arity::AtLeast(0), gcd),
    ("lcm", Arity::AtLeast(0), lcm),
    ("numerator", Arity::Exact(1), numerator),
    ("denominator", Arity::Exact(1), denominator),
    ("floor", Arity::Exact(1), floor),
    ("ceiling", Arity::Exact(1), ceiling),
    ("truncate", Arity::Exact(1), truncate),
    ("round", Arity::Exact(1), round),
    ("exp", Arity::Exact(1), exp),
    ("log", Arity::AtLeast(1), log),
    ("sin", Arity::Exact(1), sin),
    ("cos", Arity::Exact(1), cos),
    ("tan", Arity::Exact(1), tan),
    ("asin", Arity::Exact(1), asin),
    ("acos", Arity::Exact(1), acos),
    ("atan", Arity::AtLeast(1), atan),
    ("sqrt", Arity::Exact(1), sqrt),
    ("exact-integer-sqrt", Arity::Exact(1), exact_integer_sqrt),
    ("expt", Arity::Exact(2), expt),
    ("exact", Arity::Exact(1), to_exact),
    ("inexact", Arity::Exact(1), to_inexact),
    ("exact->inexact", Arity::Exact(1), to_inexact),
    ("inexact->exact", Arity::Exact(1), to_exact),
    ("number->string", Arity::AtLeast(1), number_to_string),
    ("string->number", Arity::AtLeast(1), string_to_number),
    ("square", Arity::Exact(1), square),
    ("%rational", Arity::Exact(2), rational_literal),
    ("%integers", Arity::AtLeast(0), exact_integer_list),
];
