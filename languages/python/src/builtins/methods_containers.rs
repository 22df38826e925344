//! Methods of `list`, `tuple` and `dict`.
//!
//! Lists are mutated in place through the heap (`Body::List`); equality
//! with items (`remove`, `index`, `count`) may run a user `__eq__`, so the
//! list is re-read after each comparison rather than trusted across it.
//! `dict.keys()`/`values()`/`items()` return live views ([`super::views`]).

use super::constructors::dict_merge;
use super::support::{collect, equal, index_of, list, list_mut, new_str, raise, repr, tuple, R};
use super::types;
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{BuildKind, ErrorKind, OpError, Space};

fn items_of(vm: &Vm, v: Value) -> Vec<Value> {
    collections::seq_items(&vm.space, v).unwrap_or_default()
}

// ---- list ------------------------------------------------------------------------

fn append(vm: &mut Vm, a: &[Value]) -> R {
    super::support::list_push(vm, a[0], a[1])?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, a: &[Value]) -> R {
    let items = collect(vm, a[1])?;
    vm.space.heap.grew(items.len() * 8)?;
    if let Some(v) = list_mut(vm, a[0]) {
        v.extend(items);
    }
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, a: &[Value]) -> R {
    let i = index_of(vm, a[1])?;
    let len = items_of(vm, a[0]).len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    vm.space.heap.grew(8)?;
    if let Some(v) = list_mut(vm, a[0]) {
        v.insert(pos, a[2]);
    }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() > 2 {
        return Err(OpError::type_error(format!(
            "pop expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let len = items_of(vm, a[0]).len();
    if len == 0 {
        return Err(OpError::new(ErrorKind::Index, "pop from empty list"));
    }
    let i = match a.get(1) {
        Some(&i) => index_of(vm, i)?,
        None => -1,
    };
    let Some(pos) = collections::normalize_index(i, len) else {
        return Err(OpError::new(ErrorKind::Index, "pop index out of range"));
    };
    Ok(list_mut(vm, a[0]).map_or(Value::NONE, |v| v.remove(pos)))
}

/// The position of the first item equal to `x` in `seq[start:stop]`.
fn position(vm: &mut Vm, seq: Value, x: Value, start: i64, stop: i64) -> Result<Option<usize>, OpError> {
    let mut i = start.max(0) as usize;
    loop {
        let items = items_of(vm, seq);
        if i >= items.len() || i as i64 >= stop {
            return Ok(None);
        }
        if equal(vm, items[i], x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, a: &[Value]) -> R {
    match position(vm, a[0], a[1], 0, i64::MAX)? {
        Some(i) => {
            if let Some(v) = list_mut(vm, a[0]) {
                if i < v.len() {
                    v.remove(i);
                }
            }
            Ok(Value::NONE)
        }
        None => Err(OpError::new(ErrorKind::Value, "list.remove(x): x not in list")),
    }
}

fn seq_index(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() < 2 || a.len() > 4 {
        return Err(OpError::type_error(format!(
            "index expected at least 1 argument, got {}",
            a.len() - 1
        )));
    }
    let len = items_of(vm, a[0]).len() as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = match a.get(2) {
        Some(&s) => norm(index_of(vm, s)?),
        None => 0,
    };
    let stop = match a.get(3) {
        Some(&s) => norm(index_of(vm, s)?),
        None => i64::MAX,
    };
    match position(vm, a[0], a[1], start, stop)? {
        Some(i) => vm.space.int_value(i as i64),
        None if vm.space.type_of(a[0]) == TypeId::TUPLE => {
            Err(OpError::new(ErrorKind::Value, "tuple.index(x): x not in tuple"))
        }
        None => {
            let r = repr(vm, a[1])?;
            Err(OpError::new(ErrorKind::Value, format!("{r} is not in list")))
        }
    }
}

fn seq_count(vm: &mut Vm, a: &[Value]) -> R {
    let mut n = 0;
    let mut i = 0;
    loop {
        let items = items_of(vm, a[0]);
        let Some(&x) = items.get(i) else { break };
        if equal(vm, x, a[1])? {
            n += 1;
        }
        i += 1;
    }
    vm.space.int_value(n)
}

fn reverse(vm: &mut Vm, a: &[Value]) -> R {
    if let Some(v) = list_mut(vm, a[0]) {
        v.reverse();
    }
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, a: &[Value]) -> R {
    let items = items_of(vm, a[0]);
    list(vm, items)
}

fn list_clear(vm: &mut Vm, a: &[Value]) -> R {
    if let Some(v) = list_mut(vm, a[0]) {
        v.clear();
    }
    Ok(Value::NONE)
}

// ---- dict --------------------------------------------------------------------------

fn entries(vm: &Vm, d: Value) -> Vec<(Value, Value)> {
    collections::table(&vm.space, d)
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default()
}

fn get(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() < 2 {
        return Err(OpError::type_error("get expected at least 1 argument, got 0"));
    }
    if a.len() > 3 {
        return Err(OpError::type_error(format!(
            "get expected at most 2 arguments, got {}",
            a.len() - 1
        )));
    }
    Ok(collections::dict_get(vm, a[0], a[1])?.unwrap_or(a.get(2).copied().unwrap_or(Value::NONE)))
}

fn setdefault(vm: &mut Vm, a: &[Value]) -> R {
    if let Some(v) = collections::dict_get(vm, a[0], a[1])? {
        return Ok(v);
    }
    let d = a.get(2).copied().unwrap_or(Value::NONE);
    collections::dict_set(vm, a[0], a[1], d)?;
    Ok(d)
}

fn dict_pop(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() > 3 {
        return Err(OpError::type_error(format!(
            "pop expected at most 2 arguments, got {}",
            a.len() - 1
        )));
    }
    match collections::dict_remove(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(&d) => Ok(d),
            None => Err(raise(vm, "KeyError", &[a[1]])),
        },
    }
}

fn popitem(vm: &mut Vm, a: &[Value]) -> R {
    let Some(&(k, v)) = entries(vm, a[0]).last() else {
        return Err(raise_key_message(vm, "popitem(): dictionary is empty"));
    };
    collections::dict_remove(vm, a[0], k)?;
    tuple(vm, vec![k, v])
}

/// A KeyError whose text is `message` (not a key's repr).
fn raise_key_message(vm: &mut Vm, message: &str) -> OpError {
    match new_str(vm, message) {
        Ok(m) => {
            vm.keep_alive(m);
            raise(vm, "KeyError", &[m])
        }
        Err(e) => e,
    }
}

fn view(vm: &mut Vm, d: Value, t: TypeId) -> R {
    crate::runtime::objects::new_fields(&mut vm.space, t, vec![d])
}

fn keys(vm: &mut Vm, a: &[Value]) -> R {
    view(vm, a[0], types::DICT_KEYS)
}
fn values(vm: &mut Vm, a: &[Value]) -> R {
    view(vm, a[0], types::DICT_VALUES)
}
fn items(vm: &mut Vm, a: &[Value]) -> R {
    view(vm, a[0], types::DICT_ITEMS)
}

fn update(vm: &mut Vm, a: &[Value]) -> R {
    let kw = vm.take_keywords();
    for (_, v) in &kw {
        vm.keep_alive(*v);
    }
    if a.len() > 2 {
        return Err(OpError::type_error(format!(
            "update expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    if let Some(&src) = a.get(1) {
        dict_merge(vm, a[0], src)?;
    }
    for (k, v) in kw {
        let key = new_str(vm, &k)?;
        collections::dict_set(vm, a[0], key, v)?;
    }
    Ok(Value::NONE)
}

/// A shallow copy of a dict (or set: the same table).
pub fn copy_table(vm: &mut Vm, d: Value, t: TypeId) -> R {
    let table = match d.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Dict(t)) => t.clone(),
        _ => Box::default(),
    };
    vm.space.heap.alloc(t, Body::Dict(table))
}

fn dict_copy(vm: &mut Vm, a: &[Value]) -> R {
    copy_table(vm, a[0], TypeId::DICT)
}

fn dict_clear(vm: &mut Vm, a: &[Value]) -> R {
    if let Some(r) = a[0].as_ref() {
        if let Body::Dict(t) = &mut vm.space.heap.get_mut(r).body {
            t.clear();
        }
    }
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)` (reached through the class).
fn fromkeys(vm: &mut Vm, a: &[Value]) -> R {
    if a.len() > 2 {
        return Err(OpError::type_error(format!(
            "fromkeys expected at most 2 arguments, got {}",
            a.len()
        )));
    }
    let keys = collect(vm, a[0])?;
    let value = a.get(1).copied().unwrap_or(Value::NONE);
    let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])?;
    vm.keep_alive(dict);
    for k in keys {
        collections::dict_set(vm, dict, k, value)?;
    }
    Ok(dict)
}

/// Installs the methods of this file.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::add_methods(
        vm,
        TypeId::LIST,
        &[
            ("append", Arity::Exact(2), append),
            ("extend", Arity::Exact(2), extend),
            ("insert", Arity::Exact(3), insert),
            ("pop", Arity::AtLeast(1), pop),
            ("remove", Arity::Exact(2), remove),
            ("index", Arity::AtLeast(2), seq_index),
            ("count", Arity::Exact(2), seq_count),
            ("sort", Arity::AtLeast(1), super::functions2::list_sort),
            ("reverse", Arity::Exact(1), reverse),
            ("copy", Arity::Exact(1), list_copy),
            ("clear", Arity::Exact(1), list_clear),
        ],
    )?;
    super::add_methods(
        vm,
        TypeId::TUPLE,
        &[
            ("index", Arity::AtLeast(2), seq_index),
            ("count", Arity::Exact(2), seq_count),
        ],
    )?;
    super::add_methods(
        vm,
        TypeId::DICT,
        &[
            ("get", Arity::AtLeast(1), get),
            ("setdefault", Arity::AtLeast(2), setdefault),
            ("pop", Arity::AtLeast(2), dict_pop),
            ("popitem", Arity::Exact(1), popitem),
            ("keys", Arity::Exact(1), keys),
            ("values", Arity::Exact(1), values),
            ("items", Arity::Exact(1), items),
            ("update", Arity::AtLeast(1), update),
            ("copy", Arity::Exact(1), dict_copy),
            ("clear", Arity::Exact(1), dict_clear),
            ("fromkeys", Arity::AtLeast(1), fromkeys),
        ],
    )
}
