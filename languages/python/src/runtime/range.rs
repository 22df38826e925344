//! `range`: an immutable arithmetic sequence, iterated without a list.

use super::objects::{field, new_fields, set_field};
use super::types as T;
use workbench_framework::multimethod::{Fail, Returns};
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, Vm};
use workbench_framework::space::{ErrorKind, OpError};

/// `(start, stop, step)` of a range object.
pub fn parts(vm: &Vm, r: Value) -> (i64, i64, i64) {
    let get = |i| vm.space.int_of(field(&vm.space, r, i)).unwrap_or(0);
    (get(0), get(1), get(2))
}

/// Number of items of a range.
pub fn length(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// A new range; `step` must not be zero.
pub fn new_range(vm: &mut Vm, start: i64, stop: i64, step: i64) -> Result<Value, OpError> {
    if step == 0 {
        return Err(OpError::new(ErrorKind::Value, "range() arg 3 must not be zero"));
    }
    let items = vec![
        vm.space.int_value(start)?,
        vm.space.int_value(stop)?,
        vm.space.int_value(step)?,
    ];
    new_fields(&mut vm.space, T::RANGE, items)
}

fn range_iter(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = parts(vm, a[0]);
    let items = vec![
        vm.space.int_value(start)?,
        vm.space.int_value(stop)?,
        vm.space.int_value(step)?,
    ];
    Ok(new_fields(&mut vm.space, T::RANGE_ITER, items)?)
}

/// The standard space's `next_fast` hook: the next int of a range iterator
/// over small ints (`None`: exhausted or big, the registry's `range_next` decides).
#[inline]
pub fn range_next_fast(vm: &mut Vm, it: Value) -> Option<Value> {
    let r = it.as_ref()?;
    let obj = vm.space.heap.get_mut(r);
    if obj.class != T::RANGE_ITER {
        return None;
    }
    let Body::Fields(f) = &mut obj.body else {
        return None;
    };
    let (cur, stop, step) = (
        f.first()?.as_small_int()?,
        f.get(1)?.as_small_int()?,
        f.get(2)?.as_small_int()?,
    );
    let more = if step > 0 { cur < stop } else { cur > stop };
    if !more {
        return None;
    }
    f[0] = Value::small_int(cur.checked_add(step)?)?;
    Value::small_int(cur)
}

fn range_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (cur, stop, step) = parts(vm, a[0]);
    let more = if step > 0 { cur < stop } else { cur > stop };
    if !more {
        return Ok(Value::EXHAUSTED);
    }
    let next = vm.space.int_value(cur.saturating_add(step))?;
    set_field(&mut vm.space, a[0], 0, next);
    Ok(vm.space.int_value(cur)?)
}

fn range_len(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = parts(vm, a[0]);
    Ok(vm.space.int_value(length(start, stop, step))?)
}

fn range_getitem(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = parts(vm, a[0]);
    let n = length(start, stop, step);
    let i = vm.space.int_of(a[1]).unwrap_or(0);
    match collections::normalize_index(i, n as usize) {
        Some(j) => Ok(vm.space.int_value(start + j as i64 * step)?),
        None => Err(Fail::Error(OpError::new(
            ErrorKind::Index,
            "range object index out of range",
        ))),
    }
}

fn range_contains(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let Some(x) = vm.space.int_of(a[1]) else {
        return Err(Fail::NotImplemented);
    };
    let (start, stop, step) = parts(vm, a[0]);
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    Ok(Value::bool(inside && (x - start) % step == 0))
}

fn range_truth(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = parts(vm, a[0]);
    Ok(Value::bool(length(start, stop, step) > 0))
}

fn self_iter(_: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}

/// Registers `range`.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    reg.register(ops.iter, &[T::RANGE], "iter(range)", range_iter)
        .returns(Returns::Class(T::RANGE_ITER));
    reg.register(ops.iter, &[T::RANGE_ITER], "iter(range_iterator)", self_iter)
        .returns(Returns::Arg(0));
    reg.register(ops.next, &[T::RANGE_ITER], "next(range_iterator)", range_next)
        .returns(Returns::Class(TypeId::INT));
    reg.register(ops.len, &[T::RANGE], "len(range)", range_len)
        .returns(Returns::Class(TypeId::INT));
    reg.register(ops.getitem, &[T::RANGE, TypeId::INT], "range[int]", range_getitem)
        .returns(Returns::Class(TypeId::INT));
    reg.register(
        ops.binary[workbench_framework::bytecode::BinOp::In as usize],
        &[T::RANGE, TypeId::OBJECT],
        "range contains",
        range_contains,
    );
    reg.register(ops.truth, &[T::RANGE], "truth(range)", range_truth)
        .returns(Returns::Class(TypeId::BOOL));
}
