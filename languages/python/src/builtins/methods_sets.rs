//! Sets and frozensets: their methods, the operators `| & - ^`, the
//! comparisons `== != < <= > >=`, and dict `==` and `|` (registered here
//! too, since they are the same table walks).
//!
//! `frozenset` is its own implementation class with `set` as its registry
//! base, so every set multimethod applies to it; only the mutating methods
//! are missing. Operators keep the class of the left operand, like CPython
//! (`frozenset | set` is a frozenset).
//!
//! The operators are multimethod implementations that may run outside any
//! native, so they hand their work to the method natives (where the new set
//! can be kept alive while a user `__eq__`/`__hash__` runs).

use super::constructors::new_set;
use super::methods_containers::copy_table;
use super::support::{collect, hold, release, R};
use super::types::FROZENSET;
use crate::runtime::objects::py;
use workbench_framework::bytecode::BinOp;
use workbench_framework::language::Arity;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, Vm};
use workbench_framework::space::OpError;

fn keys(vm: &Vm, s: Value) -> Vec<Value> {
    collections::table(&vm.space, s)
        .map(|t| t.iter().map(|e| e.key).collect())
        .unwrap_or_default()
}

fn is_setlike(vm: &Vm, v: Value) -> bool {
    let t = vm.space.type_of(v);
    t == TypeId::SET || t == FROZENSET
}

/// The keys of a set argument, or the items of any iterable.
fn operand(vm: &mut Vm, v: Value) -> Result<Vec<Value>, OpError> {
    if is_setlike(vm, v) || vm.space.type_of(v) == TypeId::DICT {
        Ok(keys(vm, v))
    } else {
        collect(vm, v)
    }
}

fn contains(vm: &mut Vm, s: Value, k: Value) -> Result<bool, OpError> {
    Ok(collections::dict_find(vm, s, k)?.is_some())
}

fn class_of_set(vm: &Vm, s: Value) -> TypeId {
    if vm.space.type_of(s) == FROZENSET {
        FROZENSET
    } else {
        TypeId::SET
    }
}

// ---- methods --------------------------------------------------------------------------

fn add(vm: &mut Vm, a: &[Value]) -> R {
    collections::dict_set(vm, a[0], a[1], Value::NONE)?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, a: &[Value]) -> R {
    collections::dict_remove(vm, a[0], a[1])?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, a: &[Value]) -> R {
    match collections::dict_remove(vm, a[0], a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(super::support::raise(vm, "KeyError", &[a[1]])),
    }
}

fn pop(vm: &mut Vm, a: &[Value]) -> R {
    let Some(&k) = keys(vm, a[0]).first() else {
        return Err(super::support::raise_msg(vm, "KeyError", "pop from an empty set"));
    };
    collections::dict_remove(vm, a[0], k)?;
    Ok(k)
}

fn clear(vm: &mut Vm, a: &[Value]) -> R {
    if let Some(r) = a[0].as_ref() {
        if let Body::Dict(t) = &mut vm.space.heap.get_mut(r).body {
            t.clear();
        }
    }
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, a: &[Value]) -> R {
    let t = class_of_set(vm, a[0]);
    if t == FROZENSET {
        return Ok(a[0]);
    }
    copy_table(vm, a[0], t)
}

fn union(vm: &mut Vm, a: &[Value]) -> R {
    let t = class_of_set(vm, a[0]);
    let out = copy_table(vm, a[0], t)?;
    vm.keep_alive(out);
    for &other in &a[1..] {
        for k in operand(vm, other)? {
            collections::dict_set(vm, out, k, Value::NONE)?;
        }
    }
    Ok(out)
}

fn intersection(vm: &mut Vm, a: &[Value]) -> R {
    let mut current = keys(vm, a[0]);
    for &other in &a[1..] {
        let probe = if is_setlike(vm, other) {
            other
        } else {
            let items = collect(vm, other)?;
            new_set(vm, TypeId::SET, &items)?
        };
        let mut kept = Vec::new();
        for k in current {
            if contains(vm, probe, k)? {
                kept.push(k);
            }
        }
        current = kept;
    }
    let t = class_of_set(vm, a[0]);
    new_set(vm, t, &current)
}

fn difference(vm: &mut Vm, a: &[Value]) -> R {
    let t = class_of_set(vm, a[0]);
    let out = copy_table(vm, a[0], t)?;
    vm.keep_alive(out);
    for &other in &a[1..] {
        for k in operand(vm, other)? {
            collections::dict_remove(vm, out, k)?;
        }
    }
    Ok(out)
}

fn symmetric_difference(vm: &mut Vm, a: &[Value]) -> R {
    let t = class_of_set(vm, a[0]);
    let out = copy_table(vm, a[0], t)?;
    vm.keep_alive(out);
    let other = operand(vm, a[1])?;
    let other_set = new_set(vm, TypeId::SET, &other)?;
    for k in keys(vm, other_set) {
        if collections::dict_remove(vm, out, k)?.is_none() {
            collections::dict_set(vm, out, k, Value::NONE)?;
        }
    }
    Ok(out)
}

fn subset_of(vm: &mut Vm, a: Value, b: Value) -> Result<bool, OpError> {
    for k in keys(vm, a) {
        if !contains(vm, b, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `other` as a set (the argument itself if it is one).
fn as_set(vm: &mut Vm, other: Value) -> R {
    if is_setlike(vm, other) {
        return Ok(other);
    }
    let items = collect(vm, other)?;
    new_set(vm, TypeId::SET, &items)
}

fn issubset(vm: &mut Vm, a: &[Value]) -> R {
    let other = as_set(vm, a[1])?;
    Ok(Value::bool(subset_of(vm, a[0], other)?))
}

fn issuperset(vm: &mut Vm, a: &[Value]) -> R {
    let other = as_set(vm, a[1])?;
    Ok(Value::bool(subset_of(vm, other, a[0])?))
}

fn isdisjoint(vm: &mut Vm, a: &[Value]) -> R {
    for k in operand(vm, a[1])? {
        if contains(vm, a[0], k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn update(vm: &mut Vm, a: &[Value]) -> R {
    for &other in &a[1..] {
        for k in operand(vm, other)? {
            collections::dict_set(vm, a[0], k, Value::NONE)?;
        }
    }
    Ok(Value::NONE)
}

fn replace_contents(vm: &mut Vm, target: Value, source: Value) {
    let table = match source.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Dict(t)) => t.clone(),
        _ => return,
    };
    if let Some(r) = target.as_ref() {
        if let Body::Dict(t) = &mut vm.space.heap.get_mut(r).body {
            *t = table;
        }
    }
}

fn intersection_update(vm: &mut Vm, a: &[Value]) -> R {
    let r = intersection(vm, a)?;
    replace_contents(vm, a[0], r);
    Ok(Value::NONE)
}

fn difference_update(vm: &mut Vm, a: &[Value]) -> R {
    for &other in &a[1..] {
        for k in operand(vm, other)? {
            collections::dict_remove(vm, a[0], k)?;
        }
    }
    Ok(Value::NONE)
}

fn symmetric_difference_update(vm: &mut Vm, a: &[Value]) -> R {
    let r = symmetric_difference(vm, a)?;
    replace_contents(vm, a[0], r);
    Ok(Value::NONE)
}

/// `a op= b` for sets, in place.
pub fn update_in_place(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> Result<(), OpError> {
    match op {
        BinOp::BitOr => update(vm, &[a, b]).map(|_| ()),
        BinOp::BitAnd => intersection_update(vm, &[a, b]).map(|_| ()),
        BinOp::Sub => difference_update(vm, &[a, b]).map(|_| ()),
        _ => symmetric_difference_update(vm, &[a, b]).map(|_| ()),
    }
}

// ---- operators ---------------------------------------------------------------------------

/// Runs the method native `(set, name)` on `a` and `b`.
fn via_method(vm: &mut Vm, name: &str, a: Value, b: Value) -> Result<Value, Fail> {
    if !is_setlike(vm, b) {
        return Err(Fail::NotImplemented);
    }
    let f = py(vm).methods.get(&(TypeId::SET, name.to_string())).copied();
    let Some(f) = f else { return Err(Fail::NotImplemented) };
    Ok(vm.call_value(f, &[a, b])?)
}

fn op_or(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    via_method(vm, "union", a[0], a[1])
}
fn op_and(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    via_method(vm, "intersection", a[0], a[1])
}
fn op_sub(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    via_method(vm, "difference", a[0], a[1])
}
fn op_xor(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    via_method(vm, "symmetric_difference", a[0], a[1])
}

fn set_len(vm: &Vm, s: Value) -> usize {
    collections::table(&vm.space, s).map_or(0, |t| t.len())
}

fn compare(vm: &mut Vm, a: &[Value], op: BinOp) -> Result<Value, Fail> {
    let (x, y) = (a[0], a[1]);
    if !is_setlike(vm, y) {
        return Err(Fail::NotImplemented);
    }
    let (m, n) = (set_len(vm, x), set_len(vm, y));
    let r = match op {
        BinOp::Eq => m == n && subset_of(vm, x, y)?,
        BinOp::Ne => !(m == n && subset_of(vm, x, y)?),
        BinOp::Le => m <= n && subset_of(vm, x, y)?,
        BinOp::Lt => m < n && subset_of(vm, x, y)?,
        BinOp::Ge => m >= n && subset_of(vm, y, x)?,
        _ => m > n && subset_of(vm, y, x)?,
    };
    Ok(Value::bool(r))
}

fn set_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Eq)
}
fn set_ne(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Ne)
}
fn set_lt(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Lt)
}
fn set_le(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Le)
}
fn set_gt(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Gt)
}
fn set_ge(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    compare(vm, a, BinOp::Ge)
}

/// CPython's frozenset hash: order-independent mixing of the element hashes.
fn frozenset_hash(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let mut h: u64 = 0;
    for k in keys(vm, a[0]) {
        let eh = collections::hash_of(vm, k)?;
        h ^= ((eh ^ 89869747) ^ (eh << 16)).wrapping_mul(3644798167);
    }
    h ^= (set_len(vm, a[0]) as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    Ok(vm.space.int_value((h >> 2) as i64)?)
}

fn frozenset_len(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(vm.space.int_value(set_len(vm, a[0]) as i64)?)
}

fn frozenset_truth(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(set_len(vm, a[0]) > 0))
}

fn frozenset_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let ks = keys(vm, a[0]);
    let text = if ks.is_empty() {
        "frozenset()".to_string()
    } else {
        let mut parts = Vec::with_capacity(ks.len());
        for k in ks {
            parts.push(super::support::repr(vm, k)?);
        }
        format!("frozenset({{{}}})", parts.join(", "))
    };
    Ok(vm.space.str_value(&text)?)
}

// ---- dicts ---------------------------------------------------------------------------------

fn dict_eq_bool(vm: &mut Vm, x: Value, y: Value) -> Result<bool, OpError> {
    if set_len(vm, x) != set_len(vm, y) {
        return Ok(false);
    }
    let entries: Vec<(Value, Value)> = collections::table(&vm.space, x)
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    for (k, v) in entries {
        match collections::dict_get(vm, y, k)? {
            Some(w) if super::support::equal(vm, v, w)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(dict_eq_bool(vm, a[0], a[1])?))
}

fn dict_ne(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(!dict_eq_bool(vm, a[0], a[1])?))
}

fn dict_or(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let out = copy_table(vm, a[0], TypeId::DICT)?;
    hold(vm, out);
    let r = super::constructors::dict_merge(vm, out, a[1]);
    release(vm, out);
    r?;
    Ok(out)
}

/// Registers the set and dict operators.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    let b = |op: BinOp| ops.binary[op as usize];
    let s2 = [TypeId::SET, TypeId::OBJECT];
    reg.register(b(BinOp::BitOr), &s2, "set|set", op_or);
    reg.register(b(BinOp::BitAnd), &s2, "set&set", op_and);
    reg.register(b(BinOp::Sub), &s2, "set-set", op_sub);
    reg.register(b(BinOp::BitXor), &s2, "set^set", op_xor);
    reg.register(b(BinOp::Eq), &s2, "set==set", set_eq);
    reg.register(b(BinOp::Ne), &s2, "set!=set", set_ne);
    reg.register(b(BinOp::Lt), &s2, "set<set", set_lt);
    reg.register(b(BinOp::Le), &s2, "set<=set", set_le);
    reg.register(b(BinOp::Gt), &s2, "set>set", set_gt);
    reg.register(b(BinOp::Ge), &s2, "set>=set", set_ge);
    reg.register(ops.hash, &[FROZENSET], "hash(frozenset)", frozenset_hash);
    reg.register(ops.len, &[FROZENSET], "len(frozenset)", frozenset_len);
    reg.register(ops.truth, &[FROZENSET], "truth(frozenset)", frozenset_truth);
    reg.register(ops.repr, &[FROZENSET], "repr(frozenset)", frozenset_repr);
    reg.register(ops.str, &[FROZENSET], "str(frozenset)", frozenset_repr);
    let d2 = [TypeId::DICT, TypeId::DICT];
    reg.register(b(BinOp::Eq), &d2, "dict==dict", dict_eq);
    reg.register(b(BinOp::Ne), &d2, "dict!=dict", dict_ne);
    reg.register(b(BinOp::BitOr), &d2, "dict|dict", dict_or);
}

/// Installs the set methods (frozensets get the ones that do not mutate).
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let shared: [super::Entry; 8] = [
        ("copy", Arity::Exact(1), copy),
        ("union", Arity::AtLeast(1), union),
        ("intersection", Arity::AtLeast(1), intersection),
        ("difference", Arity::AtLeast(1), difference),
        ("symmetric_difference", Arity::Exact(2), symmetric_difference),
        ("issubset", Arity::Exact(2), issubset),
        ("issuperset", Arity::Exact(2), issuperset),
        ("isdisjoint", Arity::Exact(2), isdisjoint),
    ];
    super::add_methods(vm, TypeId::SET, &shared)?;
    super::add_methods(vm, FROZENSET, &shared)?;
    super::add_methods(
        vm,
        TypeId::SET,
        &[
            ("add", Arity::Exact(2), add),
            ("discard", Arity::Exact(2), discard),
            ("remove", Arity::Exact(2), remove),
            ("pop", Arity::Exact(1), pop),
            ("clear", Arity::Exact(1), clear),
            ("update", Arity::AtLeast(1), update),
            ("intersection_update", Arity::AtLeast(1), intersection_update),
            ("difference_update", Arity::AtLeast(1), difference_update),
            (
                "symmetric_difference_update",
                Arity::Exact(2),
                symmetric_difference_update,
            ),
        ],
    )?;
    Ok(())
}
