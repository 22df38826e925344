//! Dict views: `d.keys()`, `d.values()`, `d.items()`.
//!
//! A view is `Fields [dict]`: it reads the dict each time, so it sees later
//! changes (`keys = d.keys(); d["x"] = 1; "x" in keys`). Iterating a view
//! gives a `dict_iterator` (`Fields [dict, position, kind, size]`) that
//! raises `RuntimeError` if the dict changes size while it runs, like
//! CPython. Key and item views support the set operators (`d.keys() & s`)
//! and compare equal to sets.

use super::support::{hold, raise_msg, release, repr};
use super::types::{DICT_ITEMS, DICT_ITER, DICT_KEYS, DICT_VALUES};
use crate::runtime::objects::{field, new_fields, py, set_field};
use workbench_framework::bytecode::BinOp;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, Vm};
use workbench_framework::space::OpError;

const KEYS: i64 = 0;
const VALUES: i64 = 1;
const ITEMS: i64 = 2;

fn kind_of(vm: &Vm, view: Value) -> i64 {
    match vm.space.type_of(view) {
        DICT_VALUES => VALUES,
        DICT_ITEMS => ITEMS,
        _ => KEYS,
    }
}

fn dict_of(vm: &Vm, view: Value) -> Value {
    field(&vm.space, view, 0)
}

fn size(vm: &Vm, d: Value) -> usize {
    collections::table(&vm.space, d).map_or(0, |t| t.len())
}

fn small(i: i64) -> Value {
    Value::small_int(i).unwrap_or(Value::NONE)
}

fn view_iter(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let d = dict_of(vm, a[0]);
    let n = size(vm, d) as i64;
    let kind = kind_of(vm, a[0]);
    Ok(new_fields(
        &mut vm.space,
        DICT_ITER,
        vec![d, small(0), small(kind), small(n)],
    )?)
}

fn iter_next(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let it = a[0];
    let d = field(&vm.space, it, 0);
    let pos = field(&vm.space, it, 1).as_small_int().unwrap_or(0) as usize;
    let kind = field(&vm.space, it, 2).as_small_int().unwrap_or(0);
    let expected = field(&vm.space, it, 3).as_small_int().unwrap_or(0);
    if size(vm, d) as i64 != expected {
        set_field(&mut vm.space, it, 3, small(-1));
        return Err(Fail::Error(raise_msg(
            vm,
            "RuntimeError",
            "dictionary changed size during iteration",
        )));
    }
    let next = collections::table(&vm.space, d).and_then(|t| t.entry_from(pos));
    let Some((entry, after)) = next else {
        return Ok(Value::EXHAUSTED);
    };
    set_field(&mut vm.space, it, 1, small(after as i64));
    Ok(match kind {
        KEYS => entry.key,
        VALUES => entry.value,
        _ => collections::new_tuple(&mut vm.space, vec![entry.key, entry.value])?,
    })
}

fn self_iter(_: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}

fn view_len(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let d = dict_of(vm, a[0]);
    Ok(vm.space.int_value(size(vm, d) as i64)?)
}

fn view_truth(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let d = dict_of(vm, a[0]);
    Ok(Value::bool(size(vm, d) > 0))
}

fn view_contains(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (view, x) = (a[0], a[1]);
    let d = dict_of(vm, view);
    match kind_of(vm, view) {
        KEYS => Ok(Value::bool(collections::dict_find(vm, d, x)?.is_some())),
        VALUES => {
            let values: Vec<Value> = collections::table(&vm.space, d)
                .map(|t| t.iter().map(|e| e.value).collect())
                .unwrap_or_default();
            for v in values {
                if collections::keys_equal(vm, v, x)? {
                    return Ok(Value::TRUE);
                }
            }
            Ok(Value::FALSE)
        }
        _ => {
            let pair = match collections::seq_items(&vm.space, x) {
                Some(p) if p.len() == 2 && vm.space.type_of(x) == TypeId::TUPLE => p,
                _ => return Ok(Value::FALSE),
            };
            match collections::dict_get(vm, d, pair[0])? {
                Some(v) => Ok(Value::bool(collections::keys_equal(vm, v, pair[1])?)),
                None => Ok(Value::FALSE),
            }
        }
    }
}

fn view_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let d = dict_of(vm, a[0]);
    let kind = kind_of(vm, a[0]);
    let entries: Vec<(Value, Value)> = collections::table(&vm.space, d)
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    let mut parts = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        parts.push(match kind {
            KEYS => repr(vm, k)?,
            VALUES => repr(vm, v)?,
            _ => format!("({}, {})", repr(vm, k)?, repr(vm, v)?),
        });
    }
    let name = ["dict_keys", "dict_values", "dict_items"][kind as usize];
    let text = format!("{name}([{}])", parts.join(", "));
    Ok(vm.space.str_value(&text)?)
}

/// A set of the view's keys (or `(key, value)` pairs), held by the caller.
fn view_as_set(vm: &mut Vm, view: Value) -> Result<Value, OpError> {
    let d = dict_of(vm, view);
    if kind_of(vm, view) == KEYS {
        let table = match d.as_ref().map(|r| &vm.space.heap.get(r).body) {
            Some(Body::Dict(t)) => t.clone(),
            _ => Box::default(),
        };
        let set = vm.space.heap.alloc(TypeId::SET, Body::Dict(table))?;
        hold(vm, set);
        return Ok(set);
    }
    let set = vm.space.heap.alloc(TypeId::SET, Body::Dict(Box::default()))?;
    hold(vm, set);
    let entries: Vec<(Value, Value)> = collections::table(&vm.space, d)
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    for (k, v) in entries {
        let pair = collections::new_tuple(&mut vm.space, vec![k, v]);
        let r = pair.and_then(|p| collections::dict_set(vm, set, p, Value::NONE));
        if let Err(e) = r {
            release(vm, set);
            return Err(e);
        }
    }
    Ok(set)
}

/// `view op other`: the set method `name` on the view's set and `other`.
fn set_op(vm: &mut Vm, view: Value, other: Value, name: &str, swap: bool) -> Result<Value, Fail> {
    let f = py(vm).methods.get(&(TypeId::SET, name.to_string())).copied();
    let Some(f) = f else { return Err(Fail::NotImplemented) };
    let t = vm.space.type_of(other);
    let other_is_set = t == TypeId::SET || t == super::types::FROZENSET || t == DICT_KEYS || t == DICT_ITEMS;
    if swap && !other_is_set && name == "difference" {
        return Err(Fail::NotImplemented);
    }
    let swap = swap && other_is_set;
    let set = view_as_set(vm, view)?;
    let other_set = if matches!(vm.space.type_of(other), DICT_KEYS | DICT_ITEMS) {
        view_as_set(vm, other).map(Some)
    } else {
        Ok(None)
    };
    let result = match other_set {
        Ok(o) => {
            let rhs = o.unwrap_or(other);
            let r = if swap {
                vm.call_value(f, &[rhs, set])
            } else {
                vm.call_value(f, &[set, rhs])
            };
            if let Some(o) = o {
                release(vm, o);
            }
            r
        }
        Err(e) => Err(e),
    };
    release(vm, set);
    Ok(result?)
}

macro_rules! view_ops {
    ($($left:ident, $right:ident => $name:literal;)*) => {
        $(
            fn $left(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
                set_op(vm, a[0], a[1], $name, false)
            }
            fn $right(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
                set_op(vm, a[1], a[0], $name, true)
            }
        )*
    };
}

view_ops! {
    and_l, and_r => "intersection";
    or_l, or_r => "union";
    sub_l, sub_r => "difference";
    xor_l, xor_r => "symmetric_difference";
}

fn view_eq_bool(vm: &mut Vm, a: &[Value]) -> Result<bool, Fail> {
    let other = a[1];
    let t = vm.space.type_of(other);
    if !(t == TypeId::SET || t == super::types::FROZENSET || t == DICT_KEYS || t == DICT_ITEMS) {
        return Err(Fail::NotImplemented);
    }
    let eq = vm.space.ops().binary[BinOp::Eq as usize];
    let set = view_as_set(vm, a[0])?;
    let other_set = if t == DICT_KEYS || t == DICT_ITEMS {
        Some(view_as_set(vm, other))
    } else {
        None
    };
    let r = match other_set {
        Some(Err(e)) => Err(e),
        Some(Ok(o)) => {
            let r = workbench_framework::space::standard::call_mm(vm, eq, &[set, o]);
            release(vm, o);
            r
        }
        None => workbench_framework::space::standard::call_mm(vm, eq, &[set, other]),
    };
    release(vm, set);
    Ok(r? == Some(Value::TRUE))
}

fn view_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(view_eq_bool(vm, a)?))
}

fn view_ne(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(!view_eq_bool(vm, a)?))
}

/// Registers the views and their iterator.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    let b = |op: BinOp| ops.binary[op as usize];
    for v in [DICT_KEYS, DICT_VALUES, DICT_ITEMS] {
        reg.register(ops.iter, &[v], "iter(view)", view_iter);
        reg.register(ops.len, &[v], "len(view)", view_len);
        reg.register(ops.truth, &[v], "truth(view)", view_truth);
        reg.register(b(BinOp::In), &[v, TypeId::OBJECT], "view contains", view_contains);
        reg.register(ops.repr, &[v], "repr(view)", view_repr);
        reg.register(ops.str, &[v], "str(view)", view_repr);
    }
    for v in [DICT_KEYS, DICT_ITEMS] {
        let o = TypeId::OBJECT;
        reg.register(b(BinOp::BitAnd), &[v, o], "view & x", and_l);
        reg.register(b(BinOp::BitAnd), &[o, v], "x & view", and_r);
        reg.register(b(BinOp::BitOr), &[v, o], "view | x", or_l);
        reg.register(b(BinOp::BitOr), &[o, v], "x | view", or_r);
        reg.register(b(BinOp::Sub), &[v, o], "view - x", sub_l);
        reg.register(b(BinOp::Sub), &[o, v], "x - view", sub_r);
        reg.register(b(BinOp::BitXor), &[v, o], "view ^ x", xor_l);
        reg.register(b(BinOp::BitXor), &[o, v], "x ^ view", xor_r);
        reg.register(b(BinOp::Eq), &[v, o], "view == x", view_eq);
        reg.register(b(BinOp::Ne), &[v, o], "view != x", view_ne);
    }
    reg.register(ops.iter, &[DICT_ITER], "iter(dict_iterator)", self_iter);
    reg.register(ops.next, &[DICT_ITER], "next(dict_iterator)", iter_next);
}

/// Nothing to install: views are made by `dict.keys()` and friends.
pub fn install(_vm: &mut Vm) -> Result<(), OpError> {
    Ok(())
}
