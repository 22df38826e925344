//! Lists, tuples, dicts, sets, slices and iterators of the standard space.
//!
//! These are the containers most languages share, registered as multimethods
//! like everything else: `getitem(list, int)`, `getitem(list, slice)`,
//! `iter(dict)`, `len(str)`, ... Languages add their own methods (a Python
//! list's `append`) and their own printing on top.
//!
//! Hashing and equality of keys are multimethods too, so a dict lookup first
//! tries a fast answer for the common key types (same object, ints, strings)
//! and only then dispatches `eq`, which may run guest code.

use super::{call_mm, CoreOps, Registry, StandardSpace, Vm};
use crate::bytecode::BinOp;
use crate::multimethod::{Fail, Returns};
use crate::object::dict::DictTable;
use crate::object::{Body, TypeId, Value};
use crate::space::{BuildKind, ErrorKind, OpError, Space};
use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

type S = Vm;

// ---- construction ----------------------------------------------------------

/// A new list.
pub fn new_list(space: &mut StandardSpace, items: Vec<Value>) -> Result<Value, OpError> {
    space.heap.alloc(TypeId::LIST, Body::List(items))
}

/// A new tuple.
pub fn new_tuple(space: &mut StandardSpace, items: Vec<Value>) -> Result<Value, OpError> {
    space.heap.alloc(TypeId::TUPLE, Body::Fields(items.into_boxed_slice()))
}

/// Builds a container for the `Build` instruction.
pub fn build(vm: &mut Vm, kind: BuildKind, items: &[Value]) -> Result<Value, OpError> {
    match kind {
        BuildKind::List => new_list(&mut vm.space, items.to_vec()),
        BuildKind::Tuple => new_tuple(&mut vm.space, items.to_vec()),
        BuildKind::Slice => vm
            .space
            .heap
            .alloc(TypeId::SLICE, Body::Fields(items.to_vec().into_boxed_slice())),
        BuildKind::Set => {
            let set = vm.space.heap.alloc(TypeId::SET, Body::Dict(Box::default()))?;
            for &k in items {
                dict_set(vm, set, k, Value::NONE)?;
            }
            Ok(set)
        }
        BuildKind::Dict => {
            let dict = vm.space.heap.alloc(TypeId::DICT, Body::Dict(Box::default()))?;
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    dict_set(vm, dict, *k, *v)?;
                }
            }
            Ok(dict)
        }
    }
}

// ---- reading containers ------------------------------------------------------

/// The items of a list or tuple (a copy).
pub fn seq_items(space: &StandardSpace, v: Value) -> Option<Vec<Value>> {
    match &space.heap.get(v.as_ref()?).body {
        Body::List(items) => Some(items.clone()),
        Body::Fields(items) if matches!(space.type_of(v), TypeId::TUPLE) => Some(items.to_vec()),
        _ => None,
    }
}

fn seq_len(space: &StandardSpace, v: Value) -> usize {
    match v.as_ref().map(|r| &space.heap.get(r).body) {
        Some(Body::List(items)) => items.len(),
        Some(Body::Fields(items)) => items.len(),
        _ => 0,
    }
}

fn seq_get(space: &StandardSpace, v: Value, i: usize) -> Option<Value> {
    match &space.heap.get(v.as_ref()?).body {
        Body::List(items) => items.get(i).copied(),
        Body::Fields(items) => items.get(i).copied(),
        _ => None,
    }
}

/// The dict table of a dict or set.
pub fn table(space: &StandardSpace, v: Value) -> Option<&DictTable> {
    match &space.heap.get(v.as_ref()?).body {
        Body::Dict(t) => Some(t),
        _ => None,
    }
}

fn table_mut(space: &mut StandardSpace, v: Value) -> Option<&mut DictTable> {
    match &mut space.heap.get_mut(v.as_ref()?).body {
        Body::Dict(t) => Some(t),
        _ => None,
    }
}

/// Normalizes a Python-style index against `len`; `None` if out of range.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// The `(start, stop, step)` a slice selects from a sequence of `len` items,
/// clamped like CPython's `PySlice_AdjustIndices`.
pub fn slice_indices(vm: &mut Vm, slice: Value, len: usize) -> Result<(i64, i64, i64), OpError> {
    // A slice is `Fields` of its own class, which `seq_items` does not read.
    let parts: Vec<Value> = match slice.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Fields(f)) => f.to_vec(),
        _ => Vec::new(),
    };
    let get = |vm: &Vm, i: usize| -> Result<Option<i64>, OpError> {
        match parts.get(i).copied() {
            None | Some(Value::NONE) => Ok(None),
            Some(v) => match vm.space.int_of(v).or_else(|| (v == Value::TRUE).then_some(1)) {
                Some(n) => Ok(Some(n)),
                None if v == Value::FALSE => Ok(Some(0)),
                None => Err(OpError::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let step = get(vm, 2)?.unwrap_or(1);
    if step == 0 {
        return Err(OpError::new(ErrorKind::Value, "slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => {
                let y = x + len;
                if y < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    y
                }
            }
            Some(x) if x >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(x) => x,
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(get(vm, 0)?, 0), clamp(get(vm, 1)?, len))
    } else {
        (clamp(get(vm, 0)?, len - 1), clamp(get(vm, 1)?, -1))
    };
    Ok((start, stop, step))
}

/// The positions a slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        let more = if step > 0 { i < stop } else { i > stop };
        if more {
            let here = i as usize;
            i += step;
            Some(here)
        } else {
            None
        }
    })
}

// ---- hashing and equality ------------------------------------------------------

/// The modulus CPython reduces integer hashes by.
const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of an integer, so that equal ints and floats hash alike.
pub fn hash_i64(i: i64) -> u64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    (if h == -1 { -2 } else { h }) as u64
}

/// CPython's hash of a big integer (consistent with [`hash_i64`]).
pub fn hash_bigint(b: &BigInt) -> u64 {
    let m = (b.magnitude() % HASH_MODULUS).to_i64().unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -m } else { m };
    (if h == -1 { -2 } else { h }) as u64
}

/// Hash of a key; dispatches `hash` for anything not built in.
pub fn hash_of(vm: &mut Vm, key: Value) -> Result<u64, OpError> {
    if let Some(i) = key.as_small_int() {
        return Ok(hash_i64(i));
    }
    // A labelled key hashes like its plain value (in the taint space).
    let key = if vm.space.taint_enabled() {
        vm.space.untaint(key)
    } else {
        key
    };
    match vm.space.type_of(key) {
        TypeId::INT => return Ok(hash_i64(vm.space.int_of(key).unwrap_or(0))),
        TypeId::BOOL => return Ok((key == Value::TRUE) as u64),
        TypeId::STR => {
            let text = vm.space.str_of(key).unwrap_or("");
            return Ok(fnv1a(text.as_bytes()));
        }
        TypeId::FLOAT => {
            let x = vm.space.float_of(key).unwrap_or(0.0);
            if x.fract() == 0.0 && x.abs() < 9.2e18 {
                return Ok(hash_i64(x as i64));
            }
            // A larger integral float equals a bigint, so it must hash like one.
            if let Some(b) = (x.fract() == 0.0).then(|| BigInt::from_f64(x)).flatten() {
                return Ok(hash_bigint(&b));
            }
            return Ok(x.to_bits());
        }
        TypeId::BIGINT => {
            if let Some(b) = vm.space.bigint_of(key) {
                return Ok(hash_bigint(b));
            }
        }
        _ => {}
    }
    let hash = vm.space.ops.hash;
    match descend(vm, "while hashing", |vm| call_mm(vm, hash, &[key]))? {
        Some(h) => Ok(vm.space.int_of(h).unwrap_or(0) as u64),
        None => Err(OpError::type_error(format!(
            "unhashable type: '{}'",
            vm.space.type_name_of(key)
        ))),
    }
}

/// Looks up a string key without running any guest code (the key is a
/// string, so hashing and equality are the built-in ones).
pub fn dict_get_str(space: &StandardSpace, dict: Value, key: &str) -> Option<Value> {
    let t = table(space, dict)?;
    let mut probe = t.probe(fnv1a(key.as_bytes()));
    while let Some((index, candidate)) = t.next_candidate(&mut probe) {
        if space.str_of(candidate) == Some(key) {
            return t.entry(index).map(|e| e.value);
        }
    }
    None
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// `a == b` for keys: a fast answer for the common types, `eq` otherwise.
pub fn keys_equal(vm: &mut Vm, a: Value, b: Value) -> Result<bool, OpError> {
    if a == b {
        return Ok(true);
    }
    if let (Some(x), Some(y)) = (vm.space.str_of(a), vm.space.str_of(b)) {
        return Ok(x == y);
    }
    descend(vm, "in comparison", |vm| {
        let eq = <StandardSpace as Space>::binary(vm, BinOp::Eq, a, b)?;
        <StandardSpace as Space>::truth(vm, &eq)
    })
}

/// How deep comparisons and hashes may recurse through nested containers in
/// Rust (CPython's default recursion limit is the same).
const MAX_CONTAINER_DEPTH: u32 = 1000;

/// Runs one level of a comparison or hash that recurses into the items of a
/// container: a `RecursionError` past [`MAX_CONTAINER_DEPTH`] levels, so that a
/// deeply nested or self-containing structure cannot overflow the Rust stack.
fn descend<T>(vm: &mut Vm, what: &str, f: impl FnOnce(&mut Vm) -> Result<T, OpError>) -> Result<T, OpError> {
    if vm.space.container_depth >= MAX_CONTAINER_DEPTH {
        return Err(OpError::new(
            ErrorKind::Recursion,
            format!("maximum recursion depth exceeded {what}"),
        ));
    }
    vm.space.container_depth += 1;
    let result = f(vm);
    vm.space.container_depth -= 1;
    result
}

/// Finds `key` in a dict or set: the entry index, if present.
pub fn dict_find(vm: &mut Vm, dict: Value, key: Value) -> Result<Option<usize>, OpError> {
    let hash = hash_of(vm, key)?;
    let Some(t) = table(&vm.space, dict) else {
        return Ok(None);
    };
    let mut probe = t.probe(hash);
    loop {
        let Some(t) = table(&vm.space, dict) else {
            return Ok(None);
        };
        let Some((index, candidate)) = t.next_candidate(&mut probe) else {
            return Ok(None);
        };
        if keys_equal(vm, candidate, key)? {
            return Ok(Some(index));
        }
    }
}

/// `dict[key]`, if present.
pub fn dict_get(vm: &mut Vm, dict: Value, key: Value) -> Result<Option<Value>, OpError> {
    Ok(match dict_find(vm, dict, key)? {
        Some(i) => table(&vm.space, dict).and_then(|t| t.entry(i)).map(|e| e.value),
        None => None,
    })
}

/// `dict[key] = value` (for sets, `value` is ignored).
pub fn dict_set(vm: &mut Vm, dict: Value, key: Value, value: Value) -> Result<(), OpError> {
    match dict_find(vm, dict, key)? {
        Some(i) => {
            if let Some(t) = table_mut(&mut vm.space, dict) {
                t.set_value(i, value);
            }
        }
        None => {
            let hash = hash_of(vm, key)?;
            vm.space.heap.grew(48)?;
            if let Some(t) = table_mut(&mut vm.space, dict) {
                t.insert_new(hash, key, value);
            }
        }
    }
    Ok(())
}

/// Removes `key`; returns its value if it was present.
pub fn dict_remove(vm: &mut Vm, dict: Value, key: Value) -> Result<Option<Value>, OpError> {
    match dict_find(vm, dict, key)? {
        Some(i) => Ok(table_mut(&mut vm.space, dict)
            .and_then(|t| t.remove(i))
            .map(|e| e.value)),
        None => Ok(None),
    }
}

/// A KeyError naming the key the way the language prints it.
pub fn key_error(vm: &mut Vm, key: Value) -> OpError {
    if let Some(hook) = vm.space.hooks.key_error {
        return hook(vm, key);
    }
    let text = <StandardSpace as Space>::repr(vm, &key).unwrap_or_else(|_| "?".into());
    OpError::new(ErrorKind::Key, text)
}

/// `list.append(item)`, or `set.add(item)`.
pub fn append(vm: &mut Vm, list: Value, item: Value) -> Result<(), OpError> {
    match vm.space.type_of(list) {
        TypeId::LIST => {
            vm.space.heap.grew(8)?;
            if let Some(r) = list.as_ref() {
                if let Body::List(items) = &mut vm.space.heap.get_mut(r).body {
                    items.push(item);
                }
            }
            Ok(())
        }
        TypeId::SET => dict_set(vm, list, item, Value::NONE),
        _ => Err(OpError::type_error(format!(
            "cannot append to '{}'",
            vm.space.type_name_of(list)
        ))),
    }
}

// ---- membership --------------------------------------------------------------------

/// `item in container`: `contains` if registered, else a walk with `iter`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> Result<Value, OpError> {
    let mm = vm.space.ops.binary[BinOp::In as usize];
    if let Some(v) = call_mm(vm, mm, &[container, item])? {
        return Ok(v);
    }
    let it = match <StandardSpace as Space>::iter(vm, container) {
        Ok(it) => it,
        Err(e) if e.kind == ErrorKind::Type => {
            return Err(OpError::type_error(format!(
                "argument of type '{}' is not iterable",
                vm.space.type_name_of(container)
            )))
        }
        Err(e) => return Err(e),
    };
    vm.keep_alive(it);
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        if keys_equal(vm, x, item)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

// ---- implementations ------------------------------------------------------------

fn index_arg(s: &S, key: Value) -> i64 {
    s.space.int_of(key).unwrap_or((key == Value::TRUE) as i64)
}

fn seq_getitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let len = seq_len(&s.space, a[0]);
    match normalize_index(index_arg(s, a[1]), len) {
        Some(i) => Ok(seq_get(&s.space, a[0], i).unwrap_or(Value::NONE)),
        None => Err(Fail::Error(OpError::new(
            ErrorKind::Index,
            format!("{} index out of range", s.space.type_name_of(a[0])),
        ))),
    }
}

/// `seq[i]` for a list or tuple and a small int index in range: the inline
/// fast path of `getitem` (`None`: ask the registry, which also reports errors).
#[inline]
pub fn seq_index_fast(space: &StandardSpace, seq: Value, key: Value) -> Option<Value> {
    let i = key.as_small_int()?;
    let obj = space.heap.get(seq.as_ref()?);
    let items: &[Value] = match (&obj.body, obj.class) {
        (Body::List(items), TypeId::LIST) => items,
        (Body::Fields(items), TypeId::TUPLE) => items,
        _ => return None,
    };
    normalize_index(i, items.len()).map(|j| items[j])
}

fn seq_getslice(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let len = seq_len(&s.space, a[0]);
    let (start, stop, step) = slice_indices(s, a[1], len)?;
    let picked: Vec<Value> = {
        let items: &[Value] = match a[0].as_ref().map(|r| &s.space.heap.get(r).body) {
            Some(Body::List(items)) => items,
            Some(Body::Fields(items)) => items,
            _ => &[],
        };
        slice_positions(start, stop, step)
            .filter_map(|i| items.get(i).copied())
            .collect()
    };
    let class = s.space.type_of(a[0]);
    Ok(if class == TypeId::TUPLE {
        new_tuple(&mut s.space, picked)?
    } else {
        new_list(&mut s.space, picked)?
    })
}

fn list_setitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let len = seq_len(&s.space, a[0]);
    let i = normalize_index(index_arg(s, a[1]), len)
        .ok_or_else(|| Fail::Error(OpError::new(ErrorKind::Index, "list assignment index out of range")))?;
    if let Some(r) = a[0].as_ref() {
        if let Body::List(items) = &mut s.space.heap.get_mut(r).body {
            items[i] = a[2];
        }
    }
    Ok(Value::NONE)
}

fn list_delitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let len = seq_len(&s.space, a[0]);
    let i = normalize_index(index_arg(s, a[1]), len)
        .ok_or_else(|| Fail::Error(OpError::new(ErrorKind::Index, "list assignment index out of range")))?;
    if let Some(r) = a[0].as_ref() {
        if let Body::List(items) = &mut s.space.heap.get_mut(r).body {
            items.remove(i);
        }
    }
    Ok(Value::NONE)
}

fn str_getitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = s.space.str_of(a[0]).unwrap_or("");
    let i = index_arg(s, a[1]);
    let c = if text.is_ascii() {
        normalize_index(i, text.len()).map(|j| text[j..j + 1].to_string())
    } else {
        let n = text.chars().count();
        normalize_index(i, n)
            .and_then(|j| text.chars().nth(j))
            .map(String::from)
    };
    match c {
        Some(c) => Ok(s.space.str_value(&c)?),
        None => Err(Fail::Error(OpError::new(ErrorKind::Index, "string index out of range"))),
    }
}

fn str_getslice(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let chars: Vec<char> = s.space.str_of(a[0]).unwrap_or("").chars().collect();
    let (start, stop, step) = slice_indices(s, a[1], chars.len())?;
    let picked: String = slice_positions(start, stop, step)
        .filter_map(|i| chars.get(i))
        .collect();
    Ok(s.space.str_value(&picked)?)
}

fn dict_getitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    match dict_get(s, a[0], a[1])? {
        Some(v) => Ok(v),
        None => Err(Fail::Error(key_error(s, a[1]))),
    }
}

fn dict_setitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    dict_set(s, a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    match dict_remove(s, a[0], a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(Fail::Error(key_error(s, a[1]))),
    }
}

fn len_of(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let n = match s.space.type_of(a[0]) {
        TypeId::STR => {
            let t = s.space.str_of(a[0]).unwrap_or("");
            if t.is_ascii() {
                t.len()
            } else {
                t.chars().count()
            }
        }
        TypeId::DICT | TypeId::SET => table(&s.space, a[0]).map_or(0, DictTable::len),
        _ => seq_len(&s.space, a[0]),
    };
    Ok(s.space.int_value(n as i64)?)
}

fn seq_iter(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let start = Value::small_int(0).unwrap_or(Value::NONE);
    Ok(s.space
        .heap
        .alloc(TypeId::SEQ_ITER, Body::Fields(vec![a[0], start].into_boxed_slice()))?)
}

/// An iterator over a dict's or set's keys: `[table, position, size at creation]`.
/// The size is kept so that `next` can refuse once the table grew or shrank.
fn key_iter(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let start = Value::small_int(0).unwrap_or(Value::NONE);
    let size = table(&s.space, a[0]).map_or(0, DictTable::len);
    let size = Value::small_int(size as i64).unwrap_or(Value::NONE);
    Ok(s.space.heap.alloc(
        TypeId::KEY_ITER,
        Body::Fields(vec![a[0], start, size].into_boxed_slice()),
    )?)
}

fn self_iter(_: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}

fn iter_state(s: &S, it: Value) -> (Value, usize) {
    match it.as_ref().map(|r| &s.space.heap.get(r).body) {
        Some(Body::Fields(f)) if f.len() >= 2 => (f[0], f[1].as_small_int().unwrap_or(0) as usize),
        _ => (Value::NONE, 0),
    }
}

fn set_iter_pos(s: &mut S, it: Value, pos: usize) {
    if let Some(r) = it.as_ref() {
        if let Body::Fields(f) = &mut s.space.heap.get_mut(r).body {
            f[1] = Value::small_int(pos as i64).unwrap_or(Value::NONE);
        }
    }
}

/// The next item of an iterator over a list or tuple, when there is one: the
/// inline fast path of `next` (`None`: ask the registry, which also handles
/// strings and exhaustion).
#[inline]
pub fn seq_iter_next_fast(space: &mut StandardSpace, it: Value) -> Option<Value> {
    let r = it.as_ref()?;
    let (seq, pos) = match &space.heap.get(r) {
        obj if obj.class == TypeId::SEQ_ITER => match &obj.body {
            Body::Fields(f) if f.len() == 2 => (f[0], f[1].as_small_int()?),
            _ => return None,
        },
        _ => return None,
    };
    let item = match &space.heap.get(seq.as_ref()?).body {
        Body::List(items) => *items.get(pos as usize)?,
        Body::Fields(items) if space.heap.class_of(seq.as_ref()?) == TypeId::TUPLE => *items.get(pos as usize)?,
        _ => return None,
    };
    if let Body::Fields(f) = &mut space.heap.get_mut(r).body {
        f[1] = Value::small_int(pos + 1)?;
    }
    Some(item)
}

fn seq_iter_next(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (seq, pos) = iter_state(s, a[0]);
    if s.space.type_of(seq) == TypeId::STR {
        let text = s.space.str_of(seq).unwrap_or("");
        let Some(c) = text[pos.min(text.len())..].chars().next() else {
            return Ok(Value::EXHAUSTED);
        };
        set_iter_pos(s, a[0], pos + c.len_utf8());
        return Ok(s.space.str_value(c.encode_utf8(&mut [0; 4]))?);
    }
    match seq_get(&s.space, seq, pos) {
        Some(v) => {
            set_iter_pos(s, a[0], pos + 1);
            Ok(v)
        }
        None => Ok(Value::EXHAUSTED),
    }
}

fn key_iter_next(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (dict, pos) = iter_state(s, a[0]);
    let size = match a[0].as_ref().map(|r| &s.space.heap.get(r).body) {
        Some(Body::Fields(f)) if f.len() == 3 => f[2].as_small_int(),
        _ => None,
    };
    let now = table(&s.space, dict).map_or(0, DictTable::len);
    if size.is_some_and(|n| n as usize != now) {
        let what = if s.space.type_of(dict) == TypeId::SET {
            "Set"
        } else {
            "dictionary"
        };
        return Err(Fail::Error(OpError::new(
            ErrorKind::Runtime,
            format!("{what} changed size during iteration"),
        )));
    }
    let next = table(&s.space, dict).and_then(|t| t.entry_from(pos));
    match next {
        Some((e, after)) => {
            set_iter_pos(s, a[0], after);
            Ok(e.key)
        }
        None => Ok(Value::EXHAUSTED),
    }
}

fn seq_contains(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let items = seq_items(&s.space, a[0]).unwrap_or_default();
    for x in items {
        if keys_equal(s, x, a[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_contains(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let Some(needle) = s.space.str_of(a[1]) else {
        let t = s.space.type_name_of(a[1]);
        return Err(Fail::Error(OpError::type_error(format!(
            "'in <string>' requires string as left operand, not {t}"
        ))));
    };
    Ok(Value::bool(s.space.str_of(a[0]).unwrap_or("").contains(needle)))
}

fn dict_contains(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(dict_find(s, a[0], a[1])?.is_some()))
}

/// Element-wise equality of two sequences of the same class.
fn seq_eq(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    if s.space.type_of(a[0]) != s.space.type_of(a[1]) {
        return Ok(Value::FALSE);
    }
    let (x, y) = (
        seq_items(&s.space, a[0]).unwrap_or_default(),
        seq_items(&s.space, a[1]).unwrap_or_default(),
    );
    if x.len() != y.len() {
        return Ok(Value::FALSE);
    }
    for (p, q) in x.into_iter().zip(y) {
        if !keys_equal(s, p, q)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn seq_ne(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let eq = seq_eq(s, a)?;
    Ok(Value::bool(eq == Value::FALSE))
}

/// Lexicographic ordering: the first unequal pair decides, else the lengths.
fn seq_order(s: &mut S, a: &[Value], op: BinOp) -> Result<Value, Fail> {
    if s.space.type_of(a[0]) != s.space.type_of(a[1]) {
        return Err(Fail::NotImplemented);
    }
    let (x, y) = (
        seq_items(&s.space, a[0]).unwrap_or_default(),
        seq_items(&s.space, a[1]).unwrap_or_default(),
    );
    for (p, q) in x.iter().zip(&y) {
        if !keys_equal(s, *p, *q)? {
            return Ok(descend(s, "in comparison", |s| {
                <StandardSpace as Space>::binary(s, op, *p, *q)
            })?);
        }
    }
    let (m, n) = (x.len(), y.len());
    Ok(Value::bool(match op {
        BinOp::Lt => m < n,
        BinOp::Le => m <= n,
        BinOp::Gt => m > n,
        _ => m >= n,
    }))
}
fn seq_lt(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    seq_order(s, a, BinOp::Lt)
}
fn seq_le(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    seq_order(s, a, BinOp::Le)
}
fn seq_gt(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    seq_order(s, a, BinOp::Gt)
}
fn seq_ge(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    seq_order(s, a, BinOp::Ge)
}

fn seq_concat(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let class = s.space.type_of(a[0]);
    if class != s.space.type_of(a[1]) {
        return Err(Fail::NotImplemented);
    }
    let mut x = seq_items(&s.space, a[0]).unwrap_or_default();
    x.extend(seq_items(&s.space, a[1]).unwrap_or_default());
    s.space.heap.reserve(x.len() * 8)?;
    Ok(if class == TypeId::TUPLE {
        new_tuple(&mut s.space, x)?
    } else {
        new_list(&mut s.space, x)?
    })
}

fn repeat_count(s: &mut S, n: Value, unit: usize) -> Result<usize, Fail> {
    let n = s
        .space
        .int_of(n)
        .or_else(|| s.space.bigint_of(n).and_then(|b| b.to_i64()))
        .unwrap_or(i64::MAX);
    let n = n.max(0) as usize;
    s.space.heap.reserve(n.saturating_mul(unit))?;
    Ok(n)
}

fn seq_repeat(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let class = s.space.type_of(a[0]);
    let x = seq_items(&s.space, a[0]).unwrap_or_default();
    let n = repeat_count(s, a[1], x.len() * 8)?;
    let items: Vec<Value> = std::iter::repeat_n(x, n).flatten().collect();
    Ok(if class == TypeId::TUPLE {
        new_tuple(&mut s.space, items)?
    } else {
        new_list(&mut s.space, items)?
    })
}

fn str_repeat(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let unit = s.space.str_of(a[0]).unwrap_or("").len();
    let n = repeat_count(s, a[1], unit)?;
    let text = s.space.str_of(a[0]).unwrap_or("").repeat(n);
    Ok(s.space.str_value(&text)?)
}

fn seq_truth(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let n = match s.space.type_of(a[0]) {
        TypeId::DICT | TypeId::SET => table(&s.space, a[0]).map_or(0, DictTable::len),
        _ => seq_len(&s.space, a[0]),
    };
    Ok(Value::bool(n > 0))
}

fn tuple_hash(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let items = seq_items(&s.space, a[0]).unwrap_or_default();
    let mut h: u64 = 0x345678;
    for x in items {
        h = (h ^ hash_of(s, x)?).wrapping_mul(1000003);
    }
    Ok(s.space.int_value((h >> 2) as i64)?)
}

fn unhashable(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Err(Fail::Error(OpError::type_error(format!(
        "unhashable type: '{}'",
        s.space.type_name_of(a[0])
    ))))
}

fn identity_hash(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let _ = s;
    Ok(Value::small_int((a[0].bits() >> 3) as i64).unwrap_or(Value::NONE))
}

fn generator_next(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    match s.resume_generator(a[0], Value::NONE)? {
        Some(v) => Ok(v),
        None => Ok(Value::EXHAUSTED),
    }
}

/// Registers the containers.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    use TypeId as T;
    let b = |op: BinOp| ops.binary[op as usize];
    for seq in [T::LIST, T::TUPLE] {
        reg.register(ops.getitem, &[seq, T::INT], "seq[int]", seq_getitem)
            .returns(Returns::Item(0));
        reg.register(ops.getitem, &[seq, T::SLICE], "seq[slice]", seq_getslice)
            .returns(Returns::Arg(0));
        reg.register(ops.iter, &[seq], "iter(seq)", seq_iter)
            .returns(Returns::Iter(0));
        reg.register(ops.len, &[seq], "len(seq)", len_of)
            .returns(Returns::Class(T::INT));
        reg.register(b(BinOp::In), &[seq, T::OBJECT], "seq contains", seq_contains)
            .returns(Returns::Class(T::BOOL));
        reg.register(b(BinOp::Eq), &[seq, seq], "seq==seq", seq_eq)
            .returns(Returns::Class(T::BOOL));
        reg.register(b(BinOp::Ne), &[seq, seq], "seq!=seq", seq_ne)
            .returns(Returns::Class(T::BOOL));
        reg.register(b(BinOp::Lt), &[seq, seq], "seq<seq", seq_lt);
        reg.register(b(BinOp::Le), &[seq, seq], "seq<=seq", seq_le);
        reg.register(b(BinOp::Gt), &[seq, seq], "seq>seq", seq_gt);
        reg.register(b(BinOp::Ge), &[seq, seq], "seq>=seq", seq_ge);
        reg.register(b(BinOp::Add), &[seq, seq], "seq+seq", seq_concat)
            .returns(Returns::Either(0, 1))
            .may_decline();
        reg.register(b(BinOp::Mul), &[seq, T::INT], "seq*int", seq_repeat)
            .returns(Returns::Arg(0));
        reg.register(ops.truth, &[seq], "truth(seq)", seq_truth)
            .returns(Returns::Class(T::BOOL));
    }
    reg.register(ops.hash, &[T::TUPLE], "hash(tuple)", tuple_hash)
        .returns(Returns::Class(T::INT));
    reg.register(ops.setitem, &[T::LIST, T::INT, T::OBJECT], "list[int]=", list_setitem)
        .returns(Returns::Class(T::NONE));
    reg.register(ops.delitem, &[T::LIST, T::INT], "del list[int]", list_delitem)
        .returns(Returns::Class(T::NONE));
    reg.register(ops.getitem, &[T::STR, T::INT], "str[int]", str_getitem)
        .returns(Returns::Class(T::STR));
    reg.register(ops.getitem, &[T::STR, T::SLICE], "str[slice]", str_getslice)
        .returns(Returns::Class(T::STR));
    reg.register(ops.iter, &[T::STR], "iter(str)", seq_iter)
        .returns(Returns::Iter(0));
    reg.register(ops.len, &[T::STR], "len(str)", len_of)
        .returns(Returns::Class(T::INT));
    reg.register(b(BinOp::In), &[T::STR, T::OBJECT], "str contains", str_contains)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Mul), &[T::STR, T::INT], "str*int", str_repeat)
        .returns(Returns::Class(T::STR));
    for map in [T::DICT, T::SET] {
        reg.register(ops.iter, &[map], "iter(dict)", key_iter)
            .returns(Returns::Iter(0));
        reg.register(ops.len, &[map], "len(dict)", len_of)
            .returns(Returns::Class(T::INT));
        reg.register(b(BinOp::In), &[map, T::OBJECT], "dict contains", dict_contains)
            .returns(Returns::Class(T::BOOL));
        reg.register(ops.truth, &[map], "truth(dict)", seq_truth)
            .returns(Returns::Class(T::BOOL));
    }
    reg.register(ops.getitem, &[T::DICT, T::OBJECT], "dict[key]", dict_getitem)
        .returns(Returns::Value(0));
    reg.register(
        ops.setitem,
        &[T::DICT, T::OBJECT, T::OBJECT],
        "dict[key]=",
        dict_setitem,
    )
    .returns(Returns::Class(T::NONE));
    reg.register(ops.delitem, &[T::DICT, T::OBJECT], "del dict[key]", dict_delitem)
        .returns(Returns::Class(T::NONE));
    reg.register(ops.iter, &[T::SEQ_ITER], "iter(iterator)", self_iter)
        .returns(Returns::Arg(0));
    reg.register(ops.iter, &[T::GENERATOR], "iter(generator)", self_iter)
        .returns(Returns::Arg(0));
    reg.register(ops.next, &[T::GENERATOR], "next(generator)", generator_next);
    reg.register(ops.iter, &[T::KEY_ITER], "iter(iterator)", self_iter)
        .returns(Returns::Arg(0));
    reg.register(ops.next, &[T::SEQ_ITER], "next(seq iterator)", seq_iter_next)
        .returns(Returns::Item(0));
    reg.register(ops.next, &[T::KEY_ITER], "next(key iterator)", key_iter_next)
        .returns(Returns::Item(0));
    for mutable in [T::LIST, T::DICT, T::SET] {
        reg.register(ops.hash, &[mutable], "hash(mutable)", unhashable);
    }
    reg.register(ops.hash, &[T::OBJECT], "hash(object)", identity_hash)
        .returns(Returns::Class(T::INT));
}
