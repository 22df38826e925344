//! Methods and attributes of numbers, slices and generators, and a few
//! operator implementations that complete the core ones:
//!
//! - `int.bit_length()`, `int.bit_count()`, `float.is_integer()`,
//!   `as_integer_ratio()`, `conjugate()`; the attributes `real`, `imag`,
//!   `numerator`, `denominator` (a `getattr(int, str)` implementation that
//!   declines every other name, so methods are still found);
//! - `slice.start`/`.stop`/`.step`, `slice.indices(n)`, `repr(slice)`;
//! - `generator.send(v)`, `.close()`, `.throw(exc)` (see the note on `close`);
//! - `int * str`, `int * list`, `int * tuple` (the reflected repetitions);
//! - CPython's wording for `str + 1`, `[] + 1`, `() + 1`.

use super::support::{big_of, big_value, display, repr, tname, tuple, R};
use crate::runtime::types as T;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};
use workbench_framework::bytecode::BinOp;
use workbench_framework::language::Arity;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, GenStatus, OpError, Space};

// ---- numbers ----------------------------------------------------------------------

fn bit_length(vm: &mut Vm, a: &[Value]) -> R {
    let n = big_of(vm, a[0]).unwrap_or_default();
    vm.space.int_value(n.abs().bits() as i64)
}

fn bit_count(vm: &mut Vm, a: &[Value]) -> R {
    let n = big_of(vm, a[0]).unwrap_or_default();
    let ones: u32 = n.abs().to_u64_digits().1.iter().map(|d| d.count_ones()).sum();
    vm.space.int_value(ones as i64)
}

fn int_conjugate(vm: &mut Vm, a: &[Value]) -> R {
    let n = big_of(vm, a[0]).unwrap_or_default();
    big_value(vm, n)
}

fn int_ratio(vm: &mut Vm, a: &[Value]) -> R {
    let n = big_of(vm, a[0]).unwrap_or_default();
    let n = big_value(vm, n)?;
    tuple(vm, vec![n, Value::small_int(1).unwrap_or(Value::NONE)])
}

fn is_integer(vm: &mut Vm, a: &[Value]) -> R {
    let x = vm.space.float_of(a[0]).unwrap_or(0.0);
    Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(_: &mut Vm, a: &[Value]) -> R {
    Ok(a[0])
}

fn float_ratio(vm: &mut Vm, a: &[Value]) -> R {
    let x = vm.space.float_of(a[0]).unwrap_or(0.0);
    if x.is_nan() {
        return Err(OpError::new(
            workbench_framework::space::ErrorKind::Value,
            "cannot convert NaN to integer ratio",
        ));
    }
    if x.is_infinite() {
        return Err(OpError::new(
            workbench_framework::space::ErrorKind::Overflow,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    while m != 0 && m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if x < 0.0 {
        num = -num;
    }
    if num.is_zero() {
        den = BigInt::one();
    }
    let n = big_value(vm, num)?;
    let d = big_value(vm, den)?;
    tuple(vm, vec![n, d])
}

/// `int.real`, `.imag`, `.numerator`, `.denominator`; other names decline.
fn int_attr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let n = || Value::small_int(0).unwrap_or(Value::NONE);
    match vm.space.str_of(a[1]) {
        Some("real" | "numerator") => {
            let b = big_of(vm, a[0]).unwrap_or_default();
            Ok(big_value(vm, b)?)
        }
        Some("imag") => Ok(n()),
        Some("denominator") => Ok(Value::small_int(1).unwrap_or(Value::NONE)),
        _ => Err(Fail::NotImplemented),
    }
}

fn float_attr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    match vm.space.str_of(a[1]) {
        Some("real") => Ok(a[0]),
        Some("imag") => Ok(vm.space.float_value(0.0)?),
        _ => Err(Fail::NotImplemented),
    }
}

// ---- slices ---------------------------------------------------------------------------

fn slice_parts(vm: &Vm, s: Value) -> Vec<Value> {
    match s.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Fields(f)) => f.to_vec(),
        _ => vec![Value::NONE; 3],
    }
}

fn slice_attr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let parts = slice_parts(vm, a[0]);
    let i = match vm.space.str_of(a[1]) {
        Some("start") => 0,
        Some("stop") => 1,
        Some("step") => 2,
        _ => return Err(Fail::NotImplemented),
    };
    Ok(parts.get(i).copied().unwrap_or(Value::NONE))
}

fn slice_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let parts = slice_parts(vm, a[0]);
    let mut texts = Vec::with_capacity(3);
    for p in parts {
        texts.push(repr(vm, p)?);
    }
    let text = format!("slice({})", texts.join(", "));
    Ok(vm.space.str_value(&text)?)
}

fn slice_indices(vm: &mut Vm, a: &[Value]) -> R {
    let n = super::support::index_of(vm, a[1])?;
    if n < 0 {
        return Err(OpError::new(
            workbench_framework::space::ErrorKind::Value,
            "length should not be negative",
        ));
    }
    let (start, stop, step) = collections::slice_indices(vm, a[0], n as usize)?;
    let items = vec![
        vm.space.int_value(start)?,
        vm.space.int_value(stop)?,
        vm.space.int_value(step)?,
    ];
    tuple(vm, items)
}

// ---- generators ------------------------------------------------------------------------

fn status(vm: &Vm, g: Value) -> Option<GenStatus> {
    match &vm.space.heap.get(g.as_ref()?).body {
        Body::Generator(s) => Some(s.status),
        _ => None,
    }
}

fn send(vm: &mut Vm, a: &[Value]) -> R {
    let (g, v) = (a[0], a[1]);
    let st = status(vm, g);
    if st == Some(GenStatus::Created) && v != Value::NONE {
        return Err(OpError::type_error(
            "can't send non-None value to a just-started generator",
        ));
    }
    match vm.resume_generator(g, v)? {
        Some(x) => Ok(x),
        None => Err(stop_iteration(vm, g, st != Some(GenStatus::Finished))),
    }
}

/// The `StopIteration` a generator's end raises: carrying what it returned if
/// it `just_finished` (a generator that had finished before returns nothing).
fn stop_iteration(vm: &mut Vm, g: Value, just_finished: bool) -> OpError {
    let result = match g.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Generator(s)) if just_finished => s.result,
        _ => Value::NONE,
    };
    let args: Vec<Value> = if result == Value::NONE {
        Vec::new()
    } else {
        vec![result]
    };
    super::support::raise(vm, "StopIteration", &args)
}

/// `generator.close()`: raises `GeneratorExit` where the generator is
/// suspended, so its `finally` blocks and handlers run; a generator that
/// yields again instead of finishing is a `RuntimeError`.
fn close(vm: &mut Vm, a: &[Value]) -> R {
    let exit = super::support::raise(vm, "GeneratorExit", &[]);
    match vm.throw_into_generator(a[0], exit) {
        Ok(None) => Ok(Value::NONE),
        Ok(Some(_)) => Err(OpError::new(ErrorKind::Runtime, "generator ignored GeneratorExit")),
        Err(e) => {
            let raised = vm.take_raised();
            let quiet = raised.is_some_and(|exc| {
                ["GeneratorExit", "StopIteration"]
                    .iter()
                    .any(|name| is_exception(vm, exc, name))
            });
            match raised {
                Some(_) if quiet => Ok(Value::NONE),
                Some(exc) => {
                    let text = e.message.clone();
                    Err(vm.raise_value(exc, text))
                }
                None => Err(e),
            }
        }
    }
}

/// `generator.throw(exc)`: raises `exc` where the generator is suspended; the
/// value it yields next is the result, and its return ends in `StopIteration`.
fn throw(vm: &mut Vm, a: &[Value]) -> R {
    let before = status(vm, a[0]);
    let normalize = vm
        .global_in(workbench_framework::interp::BUILTINS, "__wb_exc__")
        .copied();
    let exc = match normalize {
        Some(f) => vm.call_value(f, &a[1..2])?,
        None => a[1],
    };
    let text = display(vm, exc).unwrap_or_default();
    if before == Some(GenStatus::Finished) {
        return Err(vm.raise_value(exc, text));
    }
    let err = vm.raise_value(exc, text);
    match vm.throw_into_generator(a[0], err)? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm, a[0], true)),
    }
}

/// Is `exc` an instance of the builtin exception class `name` (or a subclass)?
fn is_exception(vm: &mut Vm, exc: Value, name: &str) -> bool {
    let Some(cls) = vm.global_in(workbench_framework::interp::BUILTINS, name).copied() else {
        return false;
    };
    crate::runtime::objects::is_instance(vm, exc, cls)
}

// ---- operators ---------------------------------------------------------------------------

/// `n * seq`: the repetition with the operands swapped.
fn int_times_seq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(<StandardSpace as Space>::binary(vm, BinOp::Mul, a[1], a[0])?)
}

fn concat_error(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    if vm.space.type_of(a[1]) == T::INSTANCE {
        return Err(Fail::NotImplemented);
    }
    let (what, other) = (tname(vm, a[0]), tname(vm, a[1]));
    Err(Fail::Error(OpError::type_error(format!(
        "can only concatenate {what} (not \"{other}\") to {what}"
    ))))
}

/// Registers the attribute, printing and operator implementations.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    for t in [TypeId::INT, TypeId::BIGINT, TypeId::BOOL] {
        reg.register(ops.getattr, &[t, TypeId::STR], "int.attr", int_attr);
    }
    reg.register(ops.getattr, &[TypeId::FLOAT, TypeId::STR], "float.attr", float_attr);
    reg.register(ops.getattr, &[TypeId::SLICE, TypeId::STR], "slice.attr", slice_attr);
    reg.register(ops.repr, &[TypeId::SLICE], "repr(slice)", slice_repr);
    reg.register(ops.str, &[TypeId::SLICE], "str(slice)", slice_repr);
    let mul = ops.binary[BinOp::Mul as usize];
    for seq in [TypeId::STR, TypeId::LIST, TypeId::TUPLE] {
        reg.register(mul, &[TypeId::INT, seq], "int*seq", int_times_seq);
        reg.register(
            ops.binary[BinOp::Add as usize],
            &[seq, TypeId::OBJECT],
            "seq+x",
            concat_error,
        )
        .returns(workbench_framework::multimethod::Returns::Raises)
        .may_decline();
    }
}

/// Installs the number, slice and generator methods.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let int_methods: [super::Entry; 4] = [
        ("bit_length", Arity::Exact(1), bit_length),
        ("bit_count", Arity::Exact(1), bit_count),
        ("conjugate", Arity::Exact(1), int_conjugate),
        ("as_integer_ratio", Arity::Exact(1), int_ratio),
    ];
    super::add_methods(vm, TypeId::INT, &int_methods)?;
    super::add_methods(vm, TypeId::BIGINT, &int_methods)?;
    super::add_methods(
        vm,
        TypeId::FLOAT,
        &[
            ("is_integer", Arity::Exact(1), is_integer),
            ("conjugate", Arity::Exact(1), float_conjugate),
            ("as_integer_ratio", Arity::Exact(1), float_ratio),
        ],
    )?;
    super::add_methods(vm, TypeId::SLICE, &[("indices", Arity::Exact(2), slice_indices)])?;
    super::add_methods(
        vm,
        TypeId::GENERATOR,
        &[
            ("send", Arity::Exact(2), send),
            ("close", Arity::Exact(1), close),
            ("throw", Arity::AtLeast(2), throw),
        ],
    )
}
