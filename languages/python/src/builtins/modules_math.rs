//! The `math` module.
//!
//! Float functions take any real number (int, bool, float, or an object
//! with `__float__`) and follow CPython's error rules: a NaN result from a
//! non-NaN argument is `ValueError: math domain error`, an infinite result
//! from finite arguments is `OverflowError: math range error`. Integer
//! functions (`gcd`, `lcm`, `factorial`, `comb`, `perm`, `isqrt`) work on
//! integers of any size; `floor`/`ceil`/`trunc` return ints; `fsum` is
//! exact (Shewchuk's algorithm, as in CPython).

use super::constructors::float_to_big;
use super::modules::{bind_in, module, namespace};
use super::support::{big_index, big_of, big_value, collect, keywords, tname, tuple, R};
use crate::runtime::attrs::has_special;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::{ErrorKind, OpError};

fn domain() -> OpError {
    OpError::new(ErrorKind::Value, "math domain error")
}

fn range() -> OpError {
    OpError::new(ErrorKind::Overflow, "math range error")
}

/// A real argument as a float.
pub fn real(vm: &mut Vm, v: Value) -> Result<f64, OpError> {
    match vm.space.type_of(v) {
        TypeId::FLOAT => return Ok(vm.space.float_of(v).unwrap_or(0.0)),
        TypeId::INT => return Ok(vm.space.int_of(v).unwrap_or(0) as f64),
        TypeId::BOOL => return Ok((v == Value::TRUE) as i64 as f64),
        TypeId::BIGINT => {
            return match vm.space.bigint_of(v).and_then(|b| b.to_f64()).filter(|f| f.is_finite()) {
                Some(f) => Ok(f),
                None => Err(OpError::new(ErrorKind::Overflow, "int too large to convert to float")),
            }
        }
        _ => {}
    }
    if let Some(m) = has_special(vm, v, "__float__")? {
        let r = vm.call_value(m, &[v])?;
        if let Some(f) = vm.space.float_of(r) {
            return Ok(f);
        }
    }
    Err(OpError::type_error(format!(
        "must be real number, not {}",
        tname(vm, v)
    )))
}

/// Checks a result against its argument (domain and range errors).
fn checked(x: f64, r: f64) -> Result<f64, OpError> {
    if r.is_nan() && !x.is_nan() {
        Err(domain())
    } else if r.is_infinite() && x.is_finite() {
        Err(range())
    } else {
        Ok(r)
    }
}

macro_rules! unary_math {
    ($($name:ident => $f:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value]) -> R {
                let x = real(vm, a[0])?;
                let f: fn(f64) -> f64 = $f;
                let r = checked(x, f(x))?;
                vm.space.float_value(r)
            }
        )*
    };
}

unary_math! {
    sqrt => f64::sqrt;
    exp => f64::exp;
    expm1 => f64::exp_m1;
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    asin => f64::asin;
    acos => f64::acos;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    asinh => f64::asinh;
    acosh => f64::acosh;
    atanh => |x| if x.abs() == 1.0 { f64::NAN } else { x.atanh() };
    fabs => f64::abs;
    degrees => f64::to_degrees;
    radians => f64::to_radians;
    log1p => |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() };
}

/// `(m, e)` with `n = m * 2**e` and `0.5 <= m < 1`, for a positive int.
fn frexp_big(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    let top = if bits > 64 {
        (b >> (bits - 64) as usize).to_u64().unwrap_or(0)
    } else {
        b.to_u64().unwrap_or(0) << (64 - bits)
    };
    (top as f64 / 18446744073709551616.0, bits as i64)
}

/// CPython's `loghelper`: `func` of a positive real; ints too large for a
/// float go through `frexp` (`func(m) + func(2) * e`).
fn loghelper(vm: &mut Vm, v: Value, func: fn(f64) -> f64) -> Result<f64, OpError> {
    if let Some(b) = big_of(vm, v) {
        if !b.is_positive() {
            return Err(domain());
        }
        return Ok(match b.to_f64().filter(|f| f.is_finite()) {
            Some(x) => func(x),
            None => {
                let (m, e) = frexp_big(&b);
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = real(vm, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(func(x))
}

fn log(vm: &mut Vm, a: &[Value]) -> R {
    if a.is_empty() || a.len() > 2 {
        return Err(OpError::type_error(format!(
            "log expected 1 or 2 arguments, got {}",
            a.len()
        )));
    }
    let num = loghelper(vm, a[0], f64::ln)?;
    let r = match a.get(1) {
        None => num,
        Some(&b) => {
            let den = loghelper(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(OpError::new(ErrorKind::ZeroDivision, "float division by zero"));
            }
            num / den
        }
    };
    vm.space.float_value(r)
}

fn log2(vm: &mut Vm, a: &[Value]) -> R {
    let r = loghelper(vm, a[0], f64::log2)?;
    vm.space.float_value(r)
}

fn log10(vm: &mut Vm, a: &[Value]) -> R {
    let r = loghelper(vm, a[0], f64::log10)?;
    vm.space.float_value(r)
}

fn pow(vm: &mut Vm, a: &[Value]) -> R {
    let (x, y) = (real(vm, a[0])?, real(vm, a[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    vm.space.float_value(r)
}

fn atan2(vm: &mut Vm, a: &[Value]) -> R {
    let (y, x) = (real(vm, a[0])?, real(vm, a[1])?);
    vm.space.float_value(y.atan2(x))
}

fn copysign(vm: &mut Vm, a: &[Value]) -> R {
    let (x, y) = (real(vm, a[0])?, real(vm, a[1])?);
    vm.space.float_value(x.copysign(y))
}

fn fmod(vm: &mut Vm, a: &[Value]) -> R {
    let (x, y) = (real(vm, a[0])?, real(vm, a[1])?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() {
        return Err(domain());
    }
    vm.space.float_value(x % y)
}

fn hypot(vm: &mut Vm, a: &[Value]) -> R {
    let mut acc = 0.0f64;
    for &v in a {
        acc = acc.hypot(real(vm, v)?);
    }
    vm.space.float_value(acc)
}

fn dist(vm: &mut Vm, a: &[Value]) -> R {
    let (p, q) = (collect(vm, a[0])?, collect(vm, a[1])?);
    if p.len() != q.len() {
        return Err(OpError::new(
            ErrorKind::Value,
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    for (x, y) in p.into_iter().zip(q) {
        acc = acc.hypot(real(vm, x)? - real(vm, y)?);
    }
    vm.space.float_value(acc)
}

fn modf(vm: &mut Vm, a: &[Value]) -> R {
    let x = real(vm, a[0])?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    let items = vec![vm.space.float_value(f)?, vm.space.float_value(i)?];
    tuple(vm, items)
}

/// `(m, e)` with `x = m * 2**e`, `0.5 <= |m| < 1` (subnormals included).
fn frexp_f64(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp_f64(x * 2f64.powi(54));
        return (m, e - 54);
    }
    (f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52)), exp - 1022)
}

fn frexp(vm: &mut Vm, a: &[Value]) -> R {
    let x = real(vm, a[0])?;
    let (m, e) = frexp_f64(x);
    let items = vec![vm.space.float_value(m)?, vm.space.int_value(e as i64)?];
    tuple(vm, items)
}

fn ldexp(vm: &mut Vm, a: &[Value]) -> R {
    let mut x = real(vm, a[0])?;
    let mut e = super::support::index_of(vm, a[1])?.clamp(-5000, 5000);
    let finite = x.is_finite();
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    let r = x * 2f64.powi(e as i32);
    if r.is_infinite() && finite {
        return Err(range());
    }
    vm.space.float_value(r)
}

fn round_to_int(vm: &mut Vm, v: Value, how: &str, f: fn(f64) -> f64) -> R {
    if big_of(vm, v).is_some() {
        let b = big_of(vm, v).unwrap_or_default();
        return big_value(vm, b);
    }
    if vm.space.type_of(v) != TypeId::FLOAT {
        if let Some(m) = has_special(vm, v, how)? {
            return vm.call_value(m, &[v]);
        }
    }
    let x = real(vm, v)?;
    let b = float_to_big(f(x))?;
    big_value(vm, b)
}

fn floor(vm: &mut Vm, a: &[Value]) -> R {
    round_to_int(vm, a[0], "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, a: &[Value]) -> R {
    round_to_int(vm, a[0], "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, a: &[Value]) -> R {
    round_to_int(vm, a[0], "__trunc__", f64::trunc)
}

fn isclose(vm: &mut Vm, a: &[Value]) -> R {
    let kw = keywords(vm, "isclose", &["rel_tol", "abs_tol"])?;
    if a.len() != 2 {
        return Err(OpError::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.len()
        )));
    }
    let (x, y) = (real(vm, a[0])?, real(vm, a[1])?);
    let rel = match kw[0] {
        Some(v) => real(vm, v)?,
        None => 1e-9,
    };
    let abs = match kw[1] {
        Some(v) => real(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(OpError::new(ErrorKind::Value, "tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

fn isinf(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(real(vm, a[0])?.is_infinite()))
}
fn isnan(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(real(vm, a[0])?.is_nan()))
}
fn isfinite(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(real(vm, a[0])?.is_finite()))
}

fn gcd2(mut a: BigInt, mut b: BigInt) -> BigInt {
    a = a.abs();
    b = b.abs();
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn gcd(vm: &mut Vm, a: &[Value]) -> R {
    let mut g = BigInt::zero();
    for &v in a {
        let n = big_index(vm, v)?;
        g = gcd2(g, n);
    }
    big_value(vm, g)
}

fn lcm(vm: &mut Vm, a: &[Value]) -> R {
    let mut l = BigInt::one();
    for &v in a {
        let n = big_index(vm, v)?;
        if n.is_zero() {
            return big_value(vm, BigInt::zero());
        }
        let g = gcd2(l.clone(), n.clone());
        l = (&l / g * n).abs();
    }
    big_value(vm, l)
}

fn product(lo: u64, hi: u64) -> BigInt {
    // Binary splitting keeps the operands balanced.
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        for i in lo..=hi {
            acc *= i;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

fn factorial(vm: &mut Vm, a: &[Value]) -> R {
    if vm.space.type_of(a[0]) == TypeId::FLOAT {
        return Err(OpError::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = super::support::index_of(vm, a[0])?;
    if n < 0 {
        return Err(OpError::new(
            ErrorKind::Value,
            "factorial() not defined for negative values",
        ));
    }
    if n > 200_000 {
        return Err(OpError::new(
            ErrorKind::Overflow,
            "factorial() argument should not exceed 200000",
        ));
    }
    let r = if n < 2 { BigInt::one() } else { product(2, n as u64) };
    big_value(vm, r)
}

fn nonneg(vm: &mut Vm, v: Value, what: &str) -> Result<BigInt, OpError> {
    let n = big_index(vm, v)?;
    if n.is_negative() {
        return Err(OpError::new(
            ErrorKind::Value,
            format!("{what} must be a non-negative integer"),
        ));
    }
    Ok(n)
}

fn comb(vm: &mut Vm, a: &[Value]) -> R {
    let n = nonneg(vm, a[0], "n")?;
    let k = nonneg(vm, a[1], "k")?;
    if k > n {
        return big_value(vm, BigInt::zero());
    }
    let k = std::cmp::min(k.clone(), &n - &k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    big_value(vm, r)
}

fn perm(vm: &mut Vm, a: &[Value]) -> R {
    let n = nonneg(vm, a[0], "n")?;
    let k = match a.get(1).filter(|v| **v != Value::NONE) {
        Some(&k) => nonneg(vm, k, "k")?,
        None => n.clone(),
    };
    if k > n {
        return big_value(vm, BigInt::zero());
    }
    let mut r = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        r *= &n - i;
    }
    big_value(vm, r)
}

fn isqrt(vm: &mut Vm, a: &[Value]) -> R {
    let n = big_index(vm, a[0])?;
    if n.is_negative() {
        return Err(OpError::new(ErrorKind::Value, "isqrt() argument must be nonnegative"));
    }
    big_value(vm, n.sqrt())
}

/// `fsum(iterable)`: the correctly rounded sum (CPython's `math_fsum`).
fn fsum(vm: &mut Vm, a: &[Value]) -> R {
    let items = collect(vm, a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for v in items {
        let mut x = real(vm, v)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(OpError::new(ErrorKind::Value, "-inf + inf in fsum"));
        }
        return vm.space.float_value(special);
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    vm.space.float_value(hi)
}

fn prod(vm: &mut Vm, a: &[Value]) -> R {
    let kw = keywords(vm, "prod", &["start"])?;
    let items = collect(vm, a[0])?;
    let mut acc = kw[0].unwrap_or(Value::small_int(1).unwrap_or(Value::NONE));
    for x in items {
        acc = <workbench_framework::space::standard::StandardSpace as workbench_framework::space::Space>::binary(
            vm,
            workbench_framework::bytecode::BinOp::Mul,
            acc,
            x,
        )?;
        vm.keep_alive(acc);
    }
    Ok(acc)
}

/// Installs `math`.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let m = module(vm, "math")?;
    let ns = namespace(vm, m);
    for (name, x) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let v = vm.space.float_value(x)?;
        vm.space.roots.push(v);
        vm.set_global_in(ns, name, v);
    }
    bind_in(
        vm,
        ns,
        &[
            ("sqrt", Arity::Exact(1), sqrt),
            ("exp", Arity::Exact(1), exp),
            ("expm1", Arity::Exact(1), expm1),
            ("log", Arity::AtLeast(1), log),
            ("log2", Arity::Exact(1), log2),
            ("log10", Arity::Exact(1), log10),
            ("log1p", Arity::Exact(1), log1p),
            ("pow", Arity::Exact(2), pow),
            ("sin", Arity::Exact(1), sin),
            ("cos", Arity::Exact(1), cos),
            ("tan", Arity::Exact(1), tan),
            ("asin", Arity::Exact(1), asin),
            ("acos", Arity::Exact(1), acos),
            ("atan", Arity::Exact(1), atan),
            ("atan2", Arity::Exact(2), atan2),
            ("sinh", Arity::Exact(1), sinh),
            ("cosh", Arity::Exact(1), cosh),
            ("tanh", Arity::Exact(1), tanh),
            ("asinh", Arity::Exact(1), asinh),
            ("acosh", Arity::Exact(1), acosh),
            ("atanh", Arity::Exact(1), atanh),
            ("hypot", Arity::AtLeast(0), hypot),
            ("dist", Arity::Exact(2), dist),
            ("degrees", Arity::Exact(1), degrees),
            ("radians", Arity::Exact(1), radians),
            ("fabs", Arity::Exact(1), fabs),
            ("copysign", Arity::Exact(2), copysign),
            ("fmod", Arity::Exact(2), fmod),
            ("modf", Arity::Exact(1), modf),
            ("frexp", Arity::Exact(1), frexp),
            ("ldexp", Arity::Exact(2), ldexp),
            ("floor", Arity::Exact(1), floor),
            ("ceil", Arity::Exact(1), ceil),
            ("trunc", Arity::Exact(1), trunc),
            ("isclose", Arity::AtLeast(0), isclose),
            ("isinf", Arity::Exact(1), isinf),
            ("isnan", Arity::Exact(1), isnan),
            ("isfinite", Arity::Exact(1), isfinite),
            ("gcd", Arity::AtLeast(0), gcd),
            ("lcm", Arity::AtLeast(0), lcm),
            ("factorial", Arity::Exact(1), factorial),
            ("comb", Arity::Exact(2), comb),
            ("perm", Arity::AtLeast(1), perm),
            ("isqrt", Arity::Exact(1), isqrt),
            ("fsum", Arity::Exact(1), fsum),
            ("prod", Arity::AtLeast(1), prod),
        ],
    )
}
