//! Pairs and lists, and the three equivalence predicates.
//!
//! All of these are natives that never call guest code, so a continuation
//! can be captured and resumed around them freely. The higher-order list
//! procedures (`map`, `for-each`, `member` with a predicate) are written in
//! Scheme in the prelude for exactly that reason.

use super::types as T;
use super::{cons, index_arg, list, list_items, out_of_range, pair_of, wrong_type, Native};
use super::{fields_mut, items_of};
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::{BuildKind, OpError, Space};

fn car(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match pair_of(&vm.space, a[0]) {
        Some((x, _)) => Ok(x),
        None => Err(wrong_type(vm, "car", 1, "pair", a[0])),
    }
}

fn cdr(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match pair_of(&vm.space, a[0]) {
        Some((_, d)) => Ok(d),
        None => Err(wrong_type(vm, "cdr", 1, "pair", a[0])),
    }
}

/// `c[ad]+r`: applies the letters right to left.
fn cxr(vm: &mut Vm, name: &str, path: &str, v: Value) -> Result<Value, OpError> {
    let mut cur = v;
    for step in path.chars().rev() {
        match pair_of(&vm.space, cur) {
            Some((a, d)) => cur = if step == 'a' { a } else { d },
            None => return Err(wrong_type(vm, name, 1, "pair", v)),
        }
    }
    Ok(cur)
}

macro_rules! cxrs {
    ($($f:ident $name:literal $path:literal),*) => {
        $(fn $f(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> { cxr(vm, $name, $path, a[0]) })*
        const CXRS: &[Native] = &[$(($name, Arity::Exact(1), $f)),*];
    };
}
cxrs!(caar "caar" "aa", cadr "cadr" "ad", cdar "cdar" "da", cddr "cddr" "dd",
      caaar "caaar" "aaa", caadr "caadr" "aad", cadar "cadar" "ada", caddr "caddr" "add",
      cdaar "cdaar" "daa", cdadr "cdadr" "dad", cddar "cddar" "dda", cdddr "cdddr" "ddd",
      cadddr "cadddr" "addd", cddddr "cddddr" "dddd");

fn cons_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    cons(vm, a[0], a[1])
}

fn set_car(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match fields_mut(&mut vm.space, a[0], T::PAIR) {
        Some(f) => {
            f[0] = a[1];
            Ok(Value::UNSPECIFIED)
        }
        None => Err(wrong_type(vm, "set-car!", 1, "pair", a[0])),
    }
}

fn set_cdr(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match fields_mut(&mut vm.space, a[0], T::PAIR) {
        Some(f) => {
            f[1] = a[1];
            Ok(Value::UNSPECIFIED)
        }
        None => Err(wrong_type(vm, "set-cdr!", 1, "pair", a[0])),
    }
}

fn list_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    list(vm, a, Value::NONE)
}

/// `(%list* a b ... tail)`: a list of the items ending in `tail`.
fn list_star(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let (tail, items) = a.split_last().expect("arity checked");
    list(vm, items, *tail)
}

fn is_pair(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(pair_of(&vm.space, a[0]).is_some()))
}

fn is_null(_: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(a[0] == Value::NONE))
}

/// Length of a proper list, `None` for an improper or circular one.
fn proper_length(vm: &Vm, v: Value) -> Option<usize> {
    let (mut slow, mut fast) = (v, v);
    let mut n = 0;
    loop {
        if fast == Value::NONE {
            return Some(n);
        }
        let (_, d) = pair_of(&vm.space, fast)?;
        n += 1;
        if d == Value::NONE {
            return Some(n);
        }
        let (_, d2) = pair_of(&vm.space, d)?;
        n += 1;
        fast = d2;
        slow = pair_of(&vm.space, slow)?.1;
        if slow == fast {
            return None;
        }
    }
}

fn is_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(proper_length(vm, a[0]).is_some()))
}

fn length(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match proper_length(vm, a[0]) {
        Some(n) => vm.space.int_value(n as i64),
        None => Err(wrong_type(vm, "length", 1, "list", a[0])),
    }
}

fn append(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some((&last, init)) = a.split_last() else {
        return Ok(Value::NONE);
    };
    let mut acc = last;
    for (i, l) in init.iter().enumerate().rev() {
        let items = list_items(vm, "append", i + 1, *l)?;
        acc = list(vm, &items, acc)?;
    }
    Ok(acc)
}

fn reverse(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut acc = Value::NONE;
    let mut cur = a[0];
    while let Some((x, d)) = pair_of(&vm.space, cur) {
        acc = cons(vm, x, acc)?;
        cur = d;
    }
    if cur != Value::NONE {
        return Err(wrong_type(vm, "reverse", 1, "list", a[0]));
    }
    Ok(acc)
}

fn list_tail(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let k = index_arg(vm, "list-tail", 2, a[1])?;
    let mut cur = a[0];
    for _ in 0..k {
        match pair_of(&vm.space, cur) {
            Some((_, d)) => cur = d,
            None => return Err(out_of_range(vm, "list-tail", 2, a[1])),
        }
    }
    Ok(cur)
}

fn list_ref(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let tail = list_tail(vm, a)?;
    match pair_of(&vm.space, tail) {
        Some((x, _)) => Ok(x),
        None => Err(out_of_range(vm, "list-ref", 2, a[1])),
    }
}

fn list_set(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let tail = list_tail(vm, &a[..2])?;
    match fields_mut(&mut vm.space, tail, T::PAIR) {
        Some(f) => {
            f[0] = a[2];
            Ok(Value::UNSPECIFIED)
        }
        None => Err(out_of_range(vm, "list-set!", 2, a[1])),
    }
}

fn list_copy(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut items = Vec::new();
    let mut cur = a[0];
    while let Some((x, d)) = pair_of(&vm.space, cur) {
        items.push(x);
        cur = d;
    }
    list(vm, &items, cur)
}

fn make_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = index_arg(vm, "make-list", 1, a[0])?;
    let fill = a.get(1).copied().unwrap_or(Value::UNSPECIFIED);
    let items = vec![fill; n];
    list(vm, &items, Value::NONE)
}

fn last_pair(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut cur = a[0];
    while let Some((_, d)) = pair_of(&vm.space, cur) {
        if pair_of(&vm.space, d).is_none() {
            return Ok(cur);
        }
        cur = d;
    }
    Err(wrong_type(vm, "last-pair", 1, "pair", a[0]))
}

/// `eqv?`: identity, except that numbers and characters compare by value (and exactness).
pub fn eqv(vm: &Vm, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (ta, tb) = (vm.space.type_of(a), vm.space.type_of(b));
    if ta != tb {
        return false;
    }
    match ta {
        TypeId::INT | TypeId::BIGINT | T::RATIONAL => {
            super::numbers::to_n(&vm.space, a) == super::numbers::to_n(&vm.space, b)
        }
        TypeId::FLOAT => vm.space.float_of(a).map(f64::to_bits) == vm.space.float_of(b).map(f64::to_bits),
        TypeId::STR => {
            // The empty string is one object in spirit.
            super::string_text(&vm.space, a) == Some("") && super::string_text(&vm.space, b) == Some("")
        }
        _ => false,
    }
}

/// `equal?`: structural equality of pairs, vectors, strings and bytevectors.
pub fn equal(vm: &Vm, a: Value, b: Value) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((x, y)) = stack.pop() {
        if eqv(vm, x, y) {
            continue;
        }
        let (tx, ty) = (vm.space.type_of(x), vm.space.type_of(y));
        if tx != ty {
            return false;
        }
        match tx {
            T::PAIR => match (pair_of(&vm.space, x), pair_of(&vm.space, y)) {
                (Some((a1, d1)), Some((a2, d2))) => {
                    stack.push((d1, d2));
                    stack.push((a1, a2));
                }
                _ => return false,
            },
            T::VECTOR | T::BYTEVECTOR => {
                let (Some(i1), Some(i2)) = (items_of(&vm.space, x, tx), items_of(&vm.space, y, tx)) else {
                    return false;
                };
                if i1.len() != i2.len() {
                    return false;
                }
                stack.extend(i1.iter().copied().zip(i2.iter().copied()));
            }
            TypeId::STR => {
                if super::string_text(&vm.space, x) != super::string_text(&vm.space, y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

fn eq_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(
        a[0] == a[1] || (a[0].is_immediate() && vm.space.identical(a[0], a[1])),
    ))
}
fn eqv_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(eqv(vm, a[0], a[1])))
}
fn equal_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(equal(vm, a[0], a[1])))
}

fn mem(vm: &mut Vm, who: &str, a: &[Value], same: fn(&Vm, Value, Value) -> bool) -> Result<Value, OpError> {
    let mut cur = a[1];
    while let Some((x, d)) = pair_of(&vm.space, cur) {
        if same(vm, a[0], x) {
            return Ok(cur);
        }
        cur = d;
    }
    if cur != Value::NONE {
        return Err(wrong_type(vm, who, 2, "list", a[1]));
    }
    Ok(Value::FALSE)
}

fn ass(vm: &mut Vm, who: &str, a: &[Value], same: fn(&Vm, Value, Value) -> bool) -> Result<Value, OpError> {
    let mut cur = a[1];
    while let Some((entry, d)) = pair_of(&vm.space, cur) {
        match pair_of(&vm.space, entry) {
            Some((k, _)) if same(vm, a[0], k) => return Ok(entry),
            Some(_) => {}
            None => return Err(wrong_type(vm, who, 2, "association list", a[1])),
        }
        cur = d;
    }
    Ok(Value::FALSE)
}

fn same_eq(_: &Vm, a: Value, b: Value) -> bool {
    a == b
}

fn memq(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    mem(vm, "memq", a, same_eq)
}
fn memv(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    mem(vm, "memv", a, eqv)
}
fn member(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    mem(vm, "member", a, equal)
}
fn assq(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    ass(vm, "assq", a, same_eq)
}
fn assv(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    ass(vm, "assv", a, eqv)
}
fn assoc(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    ass(vm, "assoc", a, equal)
}

/// The framework collects extra arguments in a tuple: as a list.
fn tuple_to_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let items = match a[0].as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Fields(f)) => f.to_vec(),
        Some(Body::List(v)) => v.clone(),
        _ => return Err(OpError::type_error("%tuple->list: not a tuple")),
    };
    list(vm, &items, Value::NONE)
}

/// For `apply`: a list as the framework tuple a `CallEx` spreads.
fn list_to_tuple(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let items = list_items(vm, "apply", 2, a[0])?;
    <workbench_framework::space::standard::StandardSpace as Space>::build(vm, BuildKind::Tuple, &items)
}

/// Pairs, lists and equivalence.
pub const NATIVES: &[Native] = &[
    ("car", Arity::Exact(1), car),
    ("cdr", Arity::Exact(1), cdr),
    ("cons", Arity::Exact(2), cons_native),
    ("set-car!", Arity::Exact(2), set_car),
    ("set-cdr!", Arity::Exact(2), set_cdr),
    ("list", Arity::AtLeast(0), list_native),
    ("%list*", Arity::AtLeast(1), list_star),
    ("cons*", Arity::AtLeast(1), list_star),
    ("pair?", Arity::Exact(1), is_pair),
    ("null?", Arity::Exact(1), is_null),
    ("list?", Arity::Exact(1), is_list),
    ("length", Arity::Exact(1), length),
    ("append", Arity::AtLeast(0), append),
    ("reverse", Arity::Exact(1), reverse),
    ("list-tail", Arity::Exact(2), list_tail),
    ("list-ref", Arity::Exact(2), list_ref),
    ("list-set!", Arity::Exact(3), list_set),
    ("list-copy", Arity::Exact(1), list_copy),
    ("make-list", Arity::AtLeast(1), make_list),
    ("last-pair", Arity::Exact(1), last_pair),
    ("eq?", Arity::Exact(2), eq_native),
    ("eqv?", Arity::Exact(2), eqv_native),
    ("equal?", Arity::Exact(2), equal_native),
    ("memq", Arity::Exact(2), memq),
    ("memv", Arity::Exact(2), memv),
    ("%member", Arity::Exact(2), member),
    ("assq", Arity::Exact(2), assq),
    ("assv", Arity::Exact(2), assv),
    ("%assoc", Arity::Exact(2), assoc),
    ("%tuple->list", Arity::Exact(1), tuple_to_list),
    ("%list->tuple", Arity::Exact(1), list_to_tuple),
];

/// The `cxr` natives.
pub const CXR_NATIVES: &[Native] = CXRS;
