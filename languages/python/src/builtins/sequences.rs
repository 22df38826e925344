//! What the core containers leave to the language: slice assignment and
//! deletion on lists (`xs[1:3] = it`, `del xs[::2]`), and the rest of
//! `range` (`.start`/`.stop`/`.step`, slicing to a new range, equality by
//! contents, hashing, `index`, `count`) and `slice` equality.
//!
//! Slice assignment may iterate a user iterable, which runs guest code; it
//! is a multimethod implementation (perhaps outside any native), so the
//! items are held with [`hold`]/[`release`] while they are gathered.

use super::support::{hold, list_mut, release, R};
use crate::runtime::objects::field;
use crate::runtime::range::{length, new_range, parts};
use crate::runtime::types as T;
use workbench_framework::bytecode::BinOp;
use workbench_framework::language::Arity;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// The items of `value` for a slice assignment (a copy; the list is held
/// while an iterator runs, and released before returning).
fn assigned_items(vm: &mut Vm, value: Value) -> Result<Vec<Value>, OpError> {
    match vm.space.type_of(value) {
        TypeId::LIST | TypeId::TUPLE => return Ok(collections::seq_items(&vm.space, value).unwrap_or_default()),
        TypeId::STR => return super::support::str_chars(vm, value),
        _ => {}
    }
    let it = match <StandardSpace as Space>::iter(vm, value) {
        Ok(it) => it,
        Err(e) if e.kind == ErrorKind::Type => return Err(OpError::type_error("can only assign an iterable")),
        Err(e) => return Err(e),
    };
    let holder = collections::new_list(&mut vm.space, vec![it])?;
    hold(vm, holder);
    let result = (|| {
        while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
            super::support::list_push(vm, holder, x)?;
        }
        Ok(collections::seq_items(&vm.space, holder).unwrap_or_default()[1..].to_vec())
    })();
    release(vm, holder);
    result
}

fn list_len(vm: &Vm, list: Value) -> usize {
    collections::seq_items(&vm.space, list).map_or(0, |v| v.len())
}

fn list_setslice(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (list, slice, value) = (a[0], a[1], a[2]);
    let items = assigned_items(vm, value)?;
    let len = list_len(vm, list);
    let (start, stop, step) = collections::slice_indices(vm, slice, len)?;
    if step == 1 {
        let (start, stop) = (start as usize, (stop.max(start)) as usize);
        vm.space.heap.grew(items.len() * 8)?;
        if let Some(v) = list_mut(vm, list) {
            v.splice(start..stop, items);
        }
        return Ok(Value::NONE);
    }
    let positions: Vec<usize> = collections::slice_positions(start, stop, step).collect();
    if positions.len() != items.len() {
        return Err(Fail::Error(OpError::new(
            ErrorKind::Value,
            format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                positions.len()
            ),
        )));
    }
    if let Some(v) = list_mut(vm, list) {
        for (p, x) in positions.into_iter().zip(items) {
            v[p] = x;
        }
    }
    Ok(Value::NONE)
}

fn list_delslice(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let len = list_len(vm, a[0]);
    let (start, stop, step) = collections::slice_indices(vm, a[1], len)?;
    let mut positions: Vec<usize> = collections::slice_positions(start, stop, step).collect();
    positions.sort_unstable();
    if let Some(v) = list_mut(vm, a[0]) {
        for p in positions.into_iter().rev() {
            v.remove(p);
        }
    }
    Ok(Value::NONE)
}

// ---- range ----------------------------------------------------------------------------

fn range_attr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let i = match vm.space.str_of(a[1]) {
        Some("start") => 0,
        Some("stop") => 1,
        Some("step") => 2,
        _ => return Err(Fail::NotImplemented),
    };
    Ok(field(&vm.space, a[0], i))
}

fn range_slice(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = parts(vm, a[0]);
    let n = length(start, stop, step) as usize;
    let (i, j, k) = collections::slice_indices(vm, a[1], n)?;
    Ok(new_range(vm, start + i * step, start + j * step, step * k)?)
}

/// The elements a range stands for, as `(first, len, step)`.
fn shape(vm: &Vm, r: Value) -> (i64, i64, i64) {
    let (start, stop, step) = parts(vm, r);
    (start, length(start, stop, step), step)
}

fn same_elements(vm: &Vm, x: Value, y: Value) -> bool {
    let ((a, n, s), (b, m, t)) = (shape(vm, x), shape(vm, y));
    n == m && (n == 0 || (a == b && (n == 1 || s == t)))
}

fn range_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(same_elements(vm, a[0], a[1])))
}

fn range_ne(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(!same_elements(vm, a[0], a[1])))
}

fn range_hash(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (first, n, step) = shape(vm, a[0]);
    let key = match n {
        0 => (0, 0, 0),
        1 => (1, first, 0),
        _ => (n, first, step),
    };
    let h = (key.0 as u64).wrapping_mul(1000003) ^ (key.1 as u64).wrapping_mul(69069) ^ (key.2 as u64).rotate_left(17);
    Ok(vm.space.int_value((h >> 2) as i64)?)
}

/// The position of `x` in a range, if it is there (ints only).
fn range_position(vm: &Vm, r: Value, x: Value) -> Option<i64> {
    let v = match vm.space.type_of(x) {
        TypeId::INT => vm.space.int_of(x)?,
        TypeId::BOOL => (x == Value::TRUE) as i64,
        _ => return None,
    };
    let (first, n, step) = shape(vm, r);
    let d = v.checked_sub(first)?;
    (d % step == 0 && (0..n).contains(&(d / step))).then_some(d / step)
}

fn range_index(vm: &mut Vm, a: &[Value]) -> R {
    match range_position(vm, a[0], a[1]) {
        Some(i) => vm.space.int_value(i),
        None => {
            let r = super::support::repr(vm, a[1])?;
            Err(OpError::new(ErrorKind::Value, format!("{r} is not in range")))
        }
    }
}

fn range_count(vm: &mut Vm, a: &[Value]) -> R {
    if matches!(vm.space.type_of(a[1]), TypeId::INT | TypeId::BOOL) {
        return vm.space.int_value(range_position(vm, a[0], a[1]).is_some() as i64);
    }
    let mut n = 0;
    let (first, len, step) = shape(vm, a[0]);
    for i in 0..len {
        let v = vm.space.int_value(first + i * step)?;
        if super::support::equal(vm, v, a[1])? {
            n += 1;
        }
    }
    vm.space.int_value(n)
}

// ---- slice ----------------------------------------------------------------------------------

fn slice_fields(vm: &Vm, s: Value) -> Vec<Value> {
    match s.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Fields(f)) => f.to_vec(),
        _ => Vec::new(),
    }
}

fn slice_eq_bool(vm: &mut Vm, x: Value, y: Value) -> Result<bool, OpError> {
    let (a, b) = (slice_fields(vm, x), slice_fields(vm, y));
    for (p, q) in a.into_iter().zip(b) {
        if !super::support::equal(vm, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn slice_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(slice_eq_bool(vm, a[0], a[1])?))
}

fn slice_ne(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(!slice_eq_bool(vm, a[0], a[1])?))
}

/// Registers slice assignment, and the range and slice operations.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    let b = |op: BinOp| ops.binary[op as usize];
    reg.register(
        ops.setitem,
        &[TypeId::LIST, TypeId::SLICE, TypeId::OBJECT],
        "list[slice]=",
        list_setslice,
    );
    reg.register(
        ops.delitem,
        &[TypeId::LIST, TypeId::SLICE],
        "del list[slice]",
        list_delslice,
    );
    reg.register(ops.getattr, &[T::RANGE, TypeId::STR], "range.attr", range_attr);
    reg.register(ops.getitem, &[T::RANGE, TypeId::SLICE], "range[slice]", range_slice);
    reg.register(b(BinOp::Eq), &[T::RANGE, T::RANGE], "range==range", range_eq);
    reg.register(b(BinOp::Ne), &[T::RANGE, T::RANGE], "range!=range", range_ne);
    reg.register(ops.hash, &[T::RANGE], "hash(range)", range_hash);
    reg.register(b(BinOp::Eq), &[TypeId::SLICE, TypeId::SLICE], "slice==slice", slice_eq);
    reg.register(b(BinOp::Ne), &[TypeId::SLICE, TypeId::SLICE], "slice!=slice", slice_ne);
}

/// Installs `range.index` and `range.count`.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::add_methods(
        vm,
        T::RANGE,
        &[
            ("index", Arity::Exact(2), range_index),
            ("count", Arity::Exact(2), range_count),
        ],
    )
}
