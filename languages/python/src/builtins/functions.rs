//! Builtin functions about single values: `print`, `input`, `len`, `repr`,
//! `ascii`, `abs`, `round`, `divmod`, `pow`, `hash`, `id`, `callable`,
//! `chr`/`ord`, `hex`/`bin`/`oct`, `isinstance`/`issubclass`.
//!
//! Functions over iterables, attributes and the hidden helpers are in
//! [`super::functions2`].

use super::constructors::float_to_big;
use super::support::{
    big_index, big_of, big_value, display, index_of, keywords, new_str, raise_msg, repr, text_of, tname, tuple, R,
};
use crate::runtime::attrs::has_special;
use crate::runtime::objects::{class_name, is_class, is_instance, is_subclass};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use workbench_framework::bytecode::{BinOp, UnOp};
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// Hidden builtins, for the compiler and the prelude:
///
/// - `__wb_format__(value, spec)`: an f-string field `{value:spec}`;
/// - `__wb_convert__(value, conv)`: `!r`, `!s`, `!a` (`conv` is `"r"`, `"s"`, `"a"`);
/// - `__wb_concat__(*parts)`: joins the pieces of an f-string;
/// - `__wb_inplace__(op, a, b)`: `a op= b` (`op` is `"+="`, `"|="`, ...), in
///   place for lists, sets, dicts and instances with `__iadd__` and friends;
/// - `__wb_fill_module__(name, dict)`, `__wb_module__(name)`: modules written
///   in the prelude;
/// - `__wb_write__(s)`, `__wb_write_err__(s)`: `sys.stdout` / `sys.stderr`.
///
/// `iter(f, sentinel)` calls the prelude's `_wb_callable_iter`.
pub const HIDDEN: [&str; 8] = [
    "__wb_format__",
    "__wb_convert__",
    "__wb_concat__",
    "__wb_inplace__",
    "__wb_fill_module__",
    "__wb_module__",
    "__wb_write__",
    "__wb_write_err__",
];

fn value_error(msg: impl Into<String>) -> OpError {
    OpError::new(ErrorKind::Value, msg)
}

// ---- output and input ------------------------------------------------------------

fn print(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "print", &["sep", "end", "file", "flush"])?;
    let text_arg = |vm: &Vm, v: Option<Value>, what: &str, default: &str| -> Result<String, OpError> {
        match v {
            None | Some(Value::NONE) => Ok(default.to_string()),
            Some(v) => match vm.space.str_of(v) {
                Some(s) => Ok(s.to_string()),
                None => Err(OpError::type_error(format!(
                    "{what} must be None or a string, not {}",
                    tname(vm, v)
                ))),
            },
        }
    };
    let sep = text_arg(vm, kw[0], "sep", " ")?;
    let end = text_arg(vm, kw[1], "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.space.str_of(*a) {
            Some(s) => out.push_str(s),
            None => out.push_str(&display(vm, *a)?),
        }
    }
    out.push_str(&end);
    match kw[2] {
        None | Some(Value::NONE) => vm.write_out(&out, args)?,
        Some(file) => {
            let name = new_str(vm, "write")?;
            vm.keep_alive(name);
            let write = <StandardSpace as Space>::get_attr(vm, file, &name)?;
            vm.keep_alive(write);
            let text = new_str(vm, &out)?;
            // In the taint space the text keeps the labels of what it was made from.
            let labels = vm.space.labels_read(args);
            let text = vm.space.with_labels(text, labels)?;
            vm.keep_alive(text);
            vm.call_value(write, &[text])?;
        }
    }
    if kw[3].is_some() {
        vm.flush();
    }
    Ok(Value::NONE)
}

/// `__wb_write__(s)`: program output (what `sys.stdout.write` does).
fn wb_write(vm: &mut Vm, args: &[Value]) -> R {
    let s = display(vm, args[0])?;
    vm.write_out(&s, args)?;
    let n = s.chars().count() as i64;
    vm.space.int_value(n)
}

/// `__wb_write_err__(s)`: error output (`sys.stderr.write`).
fn wb_write_err(vm: &mut Vm, args: &[Value]) -> R {
    let s = display(vm, args[0])?;
    // Error output is output too (the taint space refuses labelled text).
    vm.space.check_output(args)?;
    vm.flush();
    eprint!("{s}");
    let n = s.chars().count() as i64;
    vm.space.int_value(n)
}

fn input(vm: &mut Vm, args: &[Value]) -> R {
    super::support::check_count("input", args.len(), 0, 1)?;
    if let Some(&p) = args.first() {
        let prompt = display(vm, p)?;
        vm.write_out(&prompt, args)?;
    }
    vm.flush();
    let mut line = String::new();
    let n = std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| OpError::new(ErrorKind::Value, format!("cannot read input: {e}")))?;
    if n == 0 {
        return Err(raise_msg(vm, "EOFError", "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
    }
    new_str(vm, &line)
}

// ---- single values ----------------------------------------------------------------

fn len(vm: &mut Vm, args: &[Value]) -> R {
    let n = super::support::length(vm, args[0])?;
    vm.space.int_value(n as i64)
}

fn repr_builtin(vm: &mut Vm, args: &[Value]) -> R {
    let s = repr(vm, args[0])?;
    new_str(vm, &s)
}

fn ascii(vm: &mut Vm, args: &[Value]) -> R {
    let s = super::formatting::ascii_text(vm, args[0])?;
    new_str(vm, &s)
}

fn abs(vm: &mut Vm, args: &[Value]) -> R {
    let x = args[0];
    match vm.space.type_of(x) {
        TypeId::INT => {
            let i = vm.space.int_of(x).unwrap_or(0);
            match i.checked_abs() {
                Some(a) => vm.space.int_value(a),
                None => big_value(vm, BigInt::from(i).abs()),
            }
        }
        TypeId::BIGINT => {
            let b = vm.space.bigint_of(x).cloned().unwrap_or_default();
            big_value(vm, b.abs())
        }
        TypeId::BOOL => vm.space.int_value((x == Value::TRUE) as i64),
        TypeId::FLOAT => {
            let f = vm.space.float_of(x).unwrap_or(0.0);
            vm.space.float_value(f.abs())
        }
        _ => match has_special(vm, x, "__abs__")? {
            Some(m) => vm.call_value(m, &[x]),
            None => Err(OpError::type_error(format!(
                "bad operand type for abs(): '{}'",
                tname(vm, x)
            ))),
        },
    }
}

/// `num / den` rounded half to even (`den > 0`).
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (mut q, r) = (num.abs() / den, num.abs() % den);
    let twice: BigInt = &r * 2;
    if twice > *den || (twice == *den && (&q % 2u32) == BigInt::one()) {
        q += 1;
    }
    if num.is_negative() {
        -q
    } else {
        q
    }
}

/// The exact value of a finite float as `mantissa * 2^exp`.
fn decompose(x: f64) -> (BigInt, i32) {
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    (BigInt::from(m) * sign, e)
}

/// `round(x, ndigits)` for a float, correctly rounded like CPython.
pub fn round_float(x: f64, nd: i64) -> Result<f64, OpError> {
    if !x.is_finite() || x == 0.0 || nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    let y: f64 = if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let (m, e) = decompose(x);
        let unit = BigInt::from(10u32).pow((-nd) as u32);
        let q = if e >= 0 {
            div_round_half_even(&(m << e as usize), &unit)
        } else {
            div_round_half_even(&m, &(&unit << (-e) as usize))
        };
        let v = q * unit;
        let s = v.to_string();
        let y: f64 = s.parse().unwrap_or(x);
        if y == 0.0 && x < 0.0 {
            -0.0
        } else {
            y
        }
    };
    if y.is_infinite() {
        return Err(OpError::new(
            ErrorKind::Overflow,
            "rounded value too large to represent",
        ));
    }
    Ok(y)
}

fn round(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "round", &["number", "ndigits"])?;
    if args.len() > 2 {
        return Err(OpError::type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let Some(x) = args.first().copied().or(kw[0]) else {
        return Err(OpError::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let nd = match args.get(1).copied().or(kw[1]) {
        None | Some(Value::NONE) => None,
        Some(n) => Some(n),
    };
    match vm.space.type_of(x) {
        TypeId::INT | TypeId::BIGINT | TypeId::BOOL => {
            let n = big_of(vm, x).unwrap_or_default();
            let nd = match nd {
                None => return big_value(vm, n),
                Some(v) => index_of(vm, v)?,
            };
            if nd >= 0 {
                return big_value(vm, n);
            }
            let unit = BigInt::from(10u32).pow(nd.unsigned_abs().min(4000) as u32);
            let q = div_round_half_even(&n, &unit);
            big_value(vm, q * unit)
        }
        TypeId::FLOAT => {
            let f = vm.space.float_of(x).unwrap_or(0.0);
            match nd {
                None => {
                    let b = float_to_big(f.round_ties_even())?;
                    big_value(vm, b)
                }
                Some(v) => {
                    let nd = index_of(vm, v)?;
                    let y = round_float(f, nd)?;
                    vm.space.float_value(y)
                }
            }
        }
        _ => match has_special(vm, x, "__round__")? {
            Some(m) => match nd {
                None => vm.call_value(m, &[x]),
                Some(n) => vm.call_value(m, &[x, n]),
            },
            None => Err(OpError::type_error(format!(
                "type {} doesn't define __round__ method",
                tname(vm, x)
            ))),
        },
    }
}

fn is_number(vm: &Vm, v: Value) -> bool {
    matches!(
        vm.space.type_of(v),
        TypeId::INT | TypeId::BIGINT | TypeId::BOOL | TypeId::FLOAT
    )
}

fn divmod(vm: &mut Vm, args: &[Value]) -> R {
    let (a, b) = (args[0], args[1]);
    if is_number(vm, a) && is_number(vm, b) {
        if vm.space.type_of(a) == TypeId::FLOAT || vm.space.type_of(b) == TypeId::FLOAT {
            if super::support::float_of_num(vm, b) == Some(0.0) {
                return Err(OpError::new(ErrorKind::ZeroDivision, "float divmod()"));
            }
        } else if big_of(vm, b).is_some_and(|d| d.is_zero()) {
            return Err(OpError::new(
                ErrorKind::ZeroDivision,
                "integer division or modulo by zero",
            ));
        }
        let q = <StandardSpace as Space>::binary(vm, BinOp::FloorDiv, a, b)?;
        vm.keep_alive(q);
        let r = <StandardSpace as Space>::binary(vm, BinOp::Mod, a, b)?;
        return tuple(vm, vec![q, r]);
    }
    if let Some(m) = has_special(vm, a, "__divmod__")? {
        let r = vm.call_value(m, &[a, b])?;
        if r != crate::runtime::py(vm).not_implemented {
            return Ok(r);
        }
    }
    if let Some(m) = has_special(vm, b, "__rdivmod__")? {
        let r = vm.call_value(m, &[b, a])?;
        if r != crate::runtime::py(vm).not_implemented {
            return Ok(r);
        }
    }
    Err(OpError::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        tname(vm, a),
        tname(vm, b)
    )))
}

/// The inverse of `a` modulo `m` (`m > 0`), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (((a % m) + m) % m, m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if old_r.is_one() {
        Some(((old_s % m) + m) % m)
    } else {
        None
    }
}

fn pow(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "pow", &["base", "exp", "mod"])?;
    let base = args.first().copied().or(kw[0]);
    let exp = args.get(1).copied().or(kw[1]);
    let modulus = args.get(2).copied().or(kw[2]).filter(|m| *m != Value::NONE);
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(OpError::type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let Some(m) = modulus else {
        return <StandardSpace as Space>::binary(vm, BinOp::Pow, base, exp);
    };
    let (Some(b), Some(e), Some(m)) = (big_of(vm, base), big_of(vm, exp), big_of(vm, m)) else {
        return Err(OpError::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let (b, e) = if e.is_negative() {
        match mod_inverse(&b, &am) {
            Some(inv) => (inv, -e),
            None => return Err(value_error("base is not invertible for the given modulus")),
        }
    } else {
        (b, e)
    };
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    big_value(vm, r)
}

fn hash(vm: &mut Vm, args: &[Value]) -> R {
    let h = collections::hash_of(vm, args[0])? as i64;
    let h = if h == -1 { -2 } else { h };
    vm.space.int_value(h)
}

/// `id(x)`: stable and unique while `x` lives (matches the address in default reprs).
fn id(vm: &mut Vm, args: &[Value]) -> R {
    let v = args[0];
    let n = if v.as_ref().is_some() {
        0x7f00_0000_0000 + (v.bits() & 0xffff_fff8)
    } else {
        v.bits() & 0x3fff_ffff_ffff_ffff
    };
    vm.space.int_value(n as i64)
}

fn callable(vm: &mut Vm, args: &[Value]) -> R {
    Ok(Value::bool(vm.space.callee(&args[0]).is_ok()))
}

fn chr(vm: &mut Vm, args: &[Value]) -> R {
    let i = index_of(vm, args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => new_str(vm, c.encode_utf8(&mut [0; 4])),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value]) -> R {
    let Some(s) = text_of(vm, args[0]) else {
        return Err(OpError::type_error(format!(
            "ord() expected string of length 1, but {} found",
            tname(vm, args[0])
        )));
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => vm.space.int_value(c as i64),
        _ => Err(OpError::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
    }
}

fn radix_text(vm: &mut Vm, v: Value, radix: u32, prefix: &str) -> R {
    let n = big_index(vm, v)?;
    let sign = if n.sign() == Sign::Minus { "-" } else { "" };
    let s = format!("{sign}{prefix}{}", n.abs().to_str_radix(radix));
    new_str(vm, &s)
}

fn hex(vm: &mut Vm, args: &[Value]) -> R {
    radix_text(vm, args[0], 16, "0x")
}
fn bin(vm: &mut Vm, args: &[Value]) -> R {
    radix_text(vm, args[0], 2, "0b")
}
fn oct(vm: &mut Vm, args: &[Value]) -> R {
    radix_text(vm, args[0], 8, "0o")
}

/// Flattens a class spec (a class or a nested tuple of classes).
fn class_spec(vm: &Vm, spec: Value, out: &mut Vec<Value>) -> bool {
    if is_class(vm, spec) {
        out.push(spec);
        return true;
    }
    match vm.space.type_of(spec) {
        TypeId::TUPLE => collections::seq_items(&vm.space, spec)
            .unwrap_or_default()
            .into_iter()
            .all(|s| class_spec(vm, s, out)),
        _ => false,
    }
}

fn isinstance(vm: &mut Vm, args: &[Value]) -> R {
    let mut classes = Vec::new();
    if !class_spec(vm, args[1], &mut classes) {
        return Err(OpError::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    Ok(Value::bool(classes.iter().any(|c| is_instance(vm, args[0], *c))))
}

fn issubclass(vm: &mut Vm, args: &[Value]) -> R {
    if !is_class(vm, args[0]) {
        return Err(OpError::type_error("issubclass() arg 1 must be a class"));
    }
    let mut classes = Vec::new();
    if !class_spec(vm, args[1], &mut classes) {
        return Err(OpError::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    }
    Ok(Value::bool(classes.iter().any(|c| is_subclass(vm, args[0], *c))))
}

/// `-x` through the space (used by tests of the numeric helpers).
pub fn negate(vm: &mut Vm, x: Value) -> R {
    <StandardSpace as Space>::unary(vm, UnOp::Neg, x)
}

/// The name of a value's class (for messages).
pub fn class_name_of(vm: &Vm, v: Value) -> String {
    let cls = crate::runtime::objects::class_of(vm, v);
    class_name(vm, cls)
}

/// An int's float value when it must fit (`OverflowError` otherwise).
pub fn int_to_f64(b: &BigInt) -> Result<f64, OpError> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(OpError::new(ErrorKind::Overflow, "int too large to convert to float")),
    }
}

/// Installs the functions of this file.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::bind_all(
        vm,
        &[
            ("print", Arity::AtLeast(0), print),
            ("input", Arity::AtLeast(0), input),
            ("len", Arity::Exact(1), len),
            ("repr", Arity::Exact(1), repr_builtin),
            ("ascii", Arity::Exact(1), ascii),
            ("abs", Arity::Exact(1), abs),
            ("round", Arity::AtLeast(0), round),
            ("divmod", Arity::Exact(2), divmod),
            ("pow", Arity::AtLeast(0), pow),
            ("hash", Arity::Exact(1), hash),
            ("id", Arity::Exact(1), id),
            ("callable", Arity::Exact(1), callable),
            ("chr", Arity::Exact(1), chr),
            ("ord", Arity::Exact(1), ord),
            ("hex", Arity::Exact(1), hex),
            ("bin", Arity::Exact(1), bin),
            ("oct", Arity::Exact(1), oct),
            ("isinstance", Arity::Exact(2), isinstance),
            ("issubclass", Arity::Exact(2), issubclass),
            ("__wb_write__", Arity::Exact(1), wb_write),
            ("__wb_write_err__", Arity::Exact(1), wb_write_err),
        ],
    )
}
