//! The lazy iterator classes: `enumerate`, `zip`, `map`, `filter`,
//! `reversed`. Each is an implementation class with a `next` multimethod,
//! so a `for` loop over `enumerate(xs)` runs no guest code of its own, and
//! `type(zip())` and `repr(map(f, xs))` look as in CPython.
//!
//! ```text
//! enumerate  Fields [iterator, count]
//! zip        Fields [tuple of iterators, strict]
//! map        Fields [function, tuple of iterators]
//! filter     Fields [function or None, iterator]
//! reversed   Fields [sequence, next index]
//! ```
//!
//! `next` may run guest code (a generator being zipped, the function being
//! mapped), so items gathered from several iterators are kept in a held
//! tuple until the result is complete.

use super::support::{hold, keywords, release, truth, R};
use super::types::{ENUMERATE, FILTER, MAP, REVERSED, ZIP};
use crate::runtime::objects::{field, new_fields, set_field};
use workbench_framework::bytecode::BinOp;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

type S = StandardSpace;

fn iter_of(vm: &mut Vm, v: Value) -> Result<Value, OpError> {
    <S as Space>::iter(vm, v)
}

/// A tuple of iterators over `iterables` (kept alive by the running native).
fn iterators(vm: &mut Vm, iterables: &[Value]) -> Result<Value, OpError> {
    let tuple = collections::new_tuple(&mut vm.space, vec![Value::NONE; iterables.len()])?;
    vm.keep_alive(tuple);
    for (i, &x) in iterables.iter().enumerate() {
        let it = iter_of(vm, x)?;
        set_field(&mut vm.space, tuple, i, it);
    }
    Ok(tuple)
}

fn enumerate_new(vm: &mut Vm, a: &[Value]) -> R {
    let kw = keywords(vm, "enumerate", &["iterable", "start"])?;
    let iterable = a
        .first()
        .copied()
        .or(kw[0])
        .ok_or_else(|| OpError::type_error("enumerate() missing required argument 'iterable'"))?;
    let start = a
        .get(1)
        .copied()
        .or(kw[1])
        .unwrap_or(Value::small_int(0).unwrap_or(Value::NONE));
    if !super::support::is_int(vm, start) {
        return Err(OpError::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            super::support::tname(vm, start)
        )));
    }
    let start = match start {
        Value::TRUE => Value::small_int(1).unwrap_or(Value::NONE),
        Value::FALSE => Value::small_int(0).unwrap_or(Value::NONE),
        other => other,
    };
    let it = iter_of(vm, iterable)?;
    vm.keep_alive(it);
    new_fields(&mut vm.space, ENUMERATE, vec![it, start])
}

fn enumerate_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (it, n) = (field(&vm.space, a[0], 0), field(&vm.space, a[0], 1));
    let Some(x) = <S as Space>::next(vm, it)? else {
        return Ok(Value::EXHAUSTED);
    };
    let pair = collections::new_tuple(&mut vm.space, vec![n, x])?;
    hold(vm, pair);
    let one = Value::small_int(1).unwrap_or(Value::NONE);
    let next = <S as Space>::binary(vm, BinOp::Add, n, one);
    release(vm, pair);
    set_field(&mut vm.space, a[0], 1, next?);
    Ok(pair)
}

fn zip_new(vm: &mut Vm, a: &[Value]) -> R {
    let kw = keywords(vm, "zip", &["strict"])?;
    let strict = match kw[0] {
        Some(v) => truth(vm, v)?,
        None => false,
    };
    let its = iterators(vm, a)?;
    new_fields(&mut vm.space, ZIP, vec![its, Value::bool(strict)])
}

/// The next item of every iterator in `its` as a tuple, or None when one
/// is exhausted (with `strict`, an error unless all are).
fn gather(vm: &mut Vm, its: Value, strict: bool) -> Result<Option<Value>, OpError> {
    let iters = collections::seq_items(&vm.space, its).unwrap_or_default();
    if iters.is_empty() {
        return Ok(None);
    }
    let out = collections::new_tuple(&mut vm.space, vec![Value::NONE; iters.len()])?;
    hold(vm, out);
    let result = (|| {
        for (i, &it) in iters.iter().enumerate() {
            match <S as Space>::next(vm, it)? {
                Some(x) => set_field(&mut vm.space, out, i, x),
                None => {
                    if strict {
                        strict_check(vm, &iters, i)?;
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(out))
    })();
    release(vm, out);
    result
}

fn strict_check(vm: &mut Vm, iters: &[Value], stopped: usize) -> Result<(), OpError> {
    let plural = |i: usize| if i == 1 { " " } else { "s 1-" };
    if stopped > 0 {
        return Err(OpError::new(
            ErrorKind::Value,
            format!(
                "zip() argument {} is shorter than argument{}{}",
                stopped + 1,
                plural(stopped),
                stopped
            ),
        ));
    }
    for (j, &it) in iters.iter().enumerate().skip(1) {
        if <S as Space>::next(vm, it)?.is_some() {
            return Err(OpError::new(
                ErrorKind::Value,
                format!("zip() argument {} is longer than argument{}{}", j + 1, plural(j), j),
            ));
        }
    }
    Ok(())
}

fn zip_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (its, strict) = (field(&vm.space, a[0], 0), field(&vm.space, a[0], 1) == Value::TRUE);
    Ok(gather(vm, its, strict)?.unwrap_or(Value::EXHAUSTED))
}

fn map_new(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() < 2 {
        return Err(OpError::type_error("map() must have at least two arguments."));
    }
    let its = iterators(vm, &a[1..])?;
    new_fields(&mut vm.space, MAP, vec![a[0], its])
}

fn map_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (f, its) = (field(&vm.space, a[0], 0), field(&vm.space, a[0], 1));
    if let Some([it]) = collections::seq_items(&vm.space, its).as_deref() {
        let Some(x) = <S as Space>::next(vm, *it)? else {
            return Ok(Value::EXHAUSTED);
        };
        return Ok(vm.call_value(f, &[x])?);
    }
    let Some(args) = gather(vm, its, false)? else {
        return Ok(Value::EXHAUSTED);
    };
    let args = collections::seq_items(&vm.space, args).unwrap_or_default();
    Ok(vm.call_value(f, &args)?)
}

fn filter_new(vm: &mut Vm, a: &[Value]) -> R {
    super::support::check_count("filter", a.len(), 2, 2)?;
    let it = iter_of(vm, a[1])?;
    vm.keep_alive(it);
    new_fields(&mut vm.space, FILTER, vec![a[0], it])
}

fn filter_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (f, it) = (field(&vm.space, a[0], 0), field(&vm.space, a[0], 1));
    loop {
        let Some(x) = <S as Space>::next(vm, it)? else {
            return Ok(Value::EXHAUSTED);
        };
        hold(vm, x);
        let keep = if f == Value::NONE {
            truth(vm, x)
        } else {
            vm.call_value(f, &[x]).and_then(|r| truth(vm, r))
        };
        release(vm, x);
        if keep? {
            return Ok(x);
        }
    }
}

fn reversed_new(vm: &mut Vm, a: &[Value]) -> R {
    super::support::check_count("reversed", a.len(), 1, 1)?;
    let seq = a[0];
    if let Some(m) = crate::runtime::attrs::has_special(vm, seq, "__reversed__")? {
        return vm.call_value(m, &[seq]);
    }
    let t = vm.space.type_of(seq);
    let seq = if t == TypeId::DICT || t == super::types::DICT_KEYS {
        super::support::collect_list(vm, seq)?
    } else {
        seq
    };
    let n = match t {
        TypeId::LIST | TypeId::TUPLE | TypeId::STR | TypeId::DICT => super::support::length(vm, seq)?,
        t if t == crate::runtime::types::RANGE || t == super::types::DICT_KEYS => super::support::length(vm, seq)?,
        _ => {
            let has = |vm: &mut Vm, name| crate::runtime::attrs::has_special(vm, seq, name).map(|m| m.is_some());
            if !(has(vm, "__getitem__")? && has(vm, "__len__")?) {
                return Err(OpError::type_error(format!(
                    "'{}' object is not reversible",
                    super::support::tname(vm, a[0])
                )));
            }
            super::support::length(vm, seq)?
        }
    };
    let start = vm.space.int_value(n as i64 - 1)?;
    new_fields(&mut vm.space, REVERSED, vec![seq, start])
}

fn reversed_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let seq = field(&vm.space, a[0], 0);
    let i = vm.space.int_of(field(&vm.space, a[0], 1)).unwrap_or(-1);
    if i < 0 {
        return Ok(Value::EXHAUSTED);
    }
    set_field(&mut vm.space, a[0], 1, Value::small_int(i - 1).unwrap_or(Value::NONE));
    if let Some(Body::List(items)) = seq.as_ref().map(|r| &vm.space.heap.get(r).body) {
        return Ok(items.get(i as usize).copied().unwrap_or(Value::EXHAUSTED));
    }
    let key = vm.space.int_value(i)?;
    match <S as Space>::get_item(vm, seq, key) {
        Ok(v) => Ok(v),
        Err(e) if super::support::error_is(vm, &e, ErrorKind::Index, "IndexError") => {
            super::support::swallow(vm, &e);
            set_field(&mut vm.space, a[0], 1, Value::small_int(-1).unwrap_or(Value::NONE));
            Ok(Value::EXHAUSTED)
        }
        Err(e) => Err(Fail::Error(e)),
    }
}

fn self_iter(_: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}

fn repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let name = vm.space.type_name_of(a[0]);
    let text = format!(
        "<{name} object at {:#x}>",
        0x7f00_0000_0000u64 + (a[0].bits() & 0xffff_fff8)
    );
    Ok(vm.space.str_value(&text)?)
}

/// Registers `iter`, `next` and printing for the iterator classes.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    type Next = workbench_framework::multimethod::ImplFn<Vm>;
    let table: [(TypeId, Next); 5] = [
        (ENUMERATE, enumerate_next),
        (ZIP, zip_next),
        (MAP, map_next),
        (FILTER, filter_next),
        (REVERSED, reversed_next),
    ];
    for (t, next) in table {
        reg.register(ops.iter, &[t], "iter(iterator)", self_iter);
        reg.register(ops.next, &[t], "next(builtin iterator)", next);
        reg.register(ops.repr, &[t], "repr(builtin iterator)", repr);
        reg.register(ops.str, &[t], "str(builtin iterator)", repr);
    }
}

/// Sets the constructors of the iterator classes.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    use crate::runtime::start::set_constructor;
    set_constructor(vm, ENUMERATE, "enumerate", enumerate_new)?;
    set_constructor(vm, ZIP, "zip", zip_new)?;
    set_constructor(vm, MAP, "map", map_new)?;
    set_constructor(vm, FILTER, "filter", filter_new)?;
    set_constructor(vm, REVERSED, "reversed", reversed_new)
}
