//! Prolog terms on the framework heap: variables, compounds, the trail and unification.
//!
//! Prolog adds two implementation classes to the standard space and reuses
//! the core ones for the rest:
//!
//! | Prolog | framework value |
//! |---|---|
//! | atom | a `str` (the name) |
//! | integer | `int` inline or boxed, `bigint` beyond 64 bits |
//! | float | `float` |
//! | variable | [`types::VAR`]: a `Cell` holding its binding, or [`UNBOUND`] |
//! | compound | a `tuple` ([`types::COMPOUND`]): `Fields [name, arg1, ..., argN]` |
//!
//! Binding a variable records it on the **trail**; backtracking undoes every
//! binding made since a mark. The trail lives at the end of the standard
//! space's `roots`, so it is a GC root for free and a mark is just its
//! length: variables on it stay alive (and their slots are never reused)
//! until the bindings are undone.

use crate::reader::Term;
use crate::runtime::state::pl;
use num_bigint::BigInt;
use std::cmp::Ordering;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{StandardSpace, Vm};
use workbench_framework::space::OpError;

/// Prolog's implementation classes, registered right after the core ones.
pub mod types {
    use workbench_framework::object::TypeId;
    /// A logic variable: `Cell(binding)`.
    pub const VAR: TypeId = TypeId(TypeId::CORE_COUNT);
    /// A compound term: a framework tuple `(name, args...)`, so that compiled
    /// code reads arguments with `GetItem` on the tuple fast path.
    pub const COMPOUND: TypeId = TypeId::TUPLE;
    /// Names in registration order.
    pub const NAMES: [&str; 1] = ["var"];
}

/// What an unbound variable's cell holds.
pub const UNBOUND: Value = Value::NONE;

/// Follows variable bindings to the term a value stands for.
#[inline]
pub fn deref(space: &StandardSpace, mut v: Value) -> Value {
    while let Some(r) = v.as_ref() {
        let obj = space.heap.get(r);
        match obj.body {
            Body::Cell(b) if obj.class == types::VAR && b != UNBOUND => v = b,
            _ => break,
        }
    }
    v
}

/// True for an unbound variable (after [`deref`]).
#[inline]
pub fn is_var(space: &StandardSpace, v: Value) -> bool {
    v.as_ref().is_some_and(|r| space.heap.class_of(r) == types::VAR)
}

/// True for a compound term.
#[inline]
pub fn is_compound(space: &StandardSpace, v: Value) -> bool {
    v.as_ref().is_some_and(|r| space.heap.class_of(r) == types::COMPOUND)
}

/// True for an atom.
#[inline]
pub fn is_atom(space: &StandardSpace, v: Value) -> bool {
    v.as_ref().is_some_and(|r| space.heap.class_of(r) == TypeId::STR)
}

/// True for an integer (small or big).
pub fn is_integer(space: &StandardSpace, v: Value) -> bool {
    matches!(space.type_of(v), TypeId::INT | TypeId::BIGINT)
}

/// True for a float.
pub fn is_float(space: &StandardSpace, v: Value) -> bool {
    space.type_of(v) == TypeId::FLOAT
}

/// True for any number.
pub fn is_number(space: &StandardSpace, v: Value) -> bool {
    matches!(space.type_of(v), TypeId::INT | TypeId::BIGINT | TypeId::FLOAT)
}

/// A fresh unbound variable.
pub fn new_var(space: &mut StandardSpace) -> Result<Value, OpError> {
    space.heap.alloc(types::VAR, Body::Cell(UNBOUND))
}

/// A compound term `name(args...)`.
pub fn new_compound(space: &mut StandardSpace, name: Value, args: &[Value]) -> Result<Value, OpError> {
    let mut fields = Vec::with_capacity(args.len() + 1);
    fields.push(name);
    fields.extend_from_slice(args);
    space
        .heap
        .alloc(types::COMPOUND, Body::Fields(fields.into_boxed_slice()))
}

/// The name and arguments of a compound (after [`deref`]).
#[inline]
pub fn compound(space: &StandardSpace, v: Value) -> Option<(Value, &[Value])> {
    let r = v.as_ref()?;
    let obj = space.heap.get(r);
    match &obj.body {
        Body::Fields(f) if obj.class == types::COMPOUND => Some((f[0], &f[1..])),
        _ => None,
    }
}

/// The text of an atom.
#[inline]
pub fn atom_text(space: &StandardSpace, v: Value) -> Option<&str> {
    if is_atom(space, v) {
        space.str_of(v)
    } else {
        None
    }
}

/// An atom value (a fresh string; atoms compare by text).
pub fn atom(space: &mut StandardSpace, name: &str) -> Result<Value, OpError> {
    space.str_value(name)
}

/// Name and arity of a callable term.
pub fn functor_of(space: &StandardSpace, v: Value) -> Option<(&str, usize)> {
    if let Some((name, args)) = compound(space, v) {
        return Some((space.str_of(name)?, args.len()));
    }
    atom_text(space, v).map(|a| (a, 0))
}

/// The trail mark: where undoing will stop.
#[inline]
pub fn mark(space: &StandardSpace) -> usize {
    space.roots.len()
}

/// Binds an unbound variable and records it on the trail.
#[inline]
pub fn bind(space: &mut StandardSpace, var: Value, value: Value) {
    if let Some(r) = var.as_ref() {
        space.heap.get_mut(r).body = Body::Cell(value);
    }
    space.roots.push(var);
}

/// Undoes every binding made since `mark`.
pub fn undo(space: &mut StandardSpace, mark: usize) {
    let base = pl(space).trail_base;
    let mark = mark.max(base);
    while space.roots.len() > mark {
        if let Some(var) = space.roots.pop() {
            if let Some(r) = var.as_ref() {
                space.heap.get_mut(r).body = Body::Cell(UNBOUND);
            }
        }
    }
}

fn same_atomic(space: &StandardSpace, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (ta, tb) = (space.type_of(a), space.type_of(b));
    if ta != tb {
        return false;
    }
    match ta {
        TypeId::STR => space.str_of(a) == space.str_of(b),
        TypeId::INT => space.int_of(a) == space.int_of(b),
        TypeId::BIGINT => space.bigint_of(a) == space.bigint_of(b),
        TypeId::FLOAT => space.float_of(a).map(f64::to_bits) == space.float_of(b).map(f64::to_bits),
        _ => false,
    }
}

/// Unifies two terms, binding (and trailing) variables. On failure some
/// bindings may remain: the caller undoes to its mark.
pub fn unify(space: &mut StandardSpace, a: Value, b: Value) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        let a = deref(space, a);
        let b = deref(space, b);
        if a == b {
            continue;
        }
        if is_var(space, a) {
            // Bind the younger variable to the older one, so chains point to older cells.
            if is_var(space, b) && a.as_ref() < b.as_ref() {
                bind(space, b, a);
            } else {
                bind(space, a, b);
            }
            continue;
        }
        if is_var(space, b) {
            bind(space, b, a);
            continue;
        }
        match (compound(space, a), compound(space, b)) {
            (Some((fa, xa)), Some((fb, xb))) => {
                if xa.len() != xb.len() || !same_atomic(space, fa, fb) {
                    return false;
                }
                for (x, y) in xa.iter().zip(xb).rev() {
                    stack.push((*x, *y));
                }
            }
            (None, None) => {
                if !same_atomic(space, a, b) {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}

fn type_rank(space: &StandardSpace, v: Value) -> u8 {
    match space.type_of(v) {
        types::VAR => 0,
        TypeId::INT | TypeId::BIGINT | TypeId::FLOAT => 1,
        TypeId::STR => 3,
        _ => 4,
    }
}

/// Compares two numbers by value; equal values order float before int.
pub fn compare_numbers(space: &StandardSpace, a: Value, b: Value) -> Ordering {
    let fa = space.float_of(a);
    let fb = space.float_of(b);
    match (fa, fb) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(x), None) => {
            let y = big(space, b);
            cmp_float_big(x, &y).then(Ordering::Less)
        }
        (None, Some(y)) => cmp_float_big(y, &big(space, a)).reverse().then(Ordering::Greater),
        (None, None) => big(space, a).cmp(&big(space, b)),
    }
}

fn cmp_float_big(x: f64, y: &BigInt) -> Ordering {
    use num_traits::ToPrimitive;
    x.partial_cmp(&y.to_f64().unwrap_or(f64::INFINITY))
        .unwrap_or(Ordering::Equal)
}

/// An integer value as a big integer.
pub fn big(space: &StandardSpace, v: Value) -> BigInt {
    match space.int_of(v) {
        Some(i) => BigInt::from(i),
        None => space.bigint_of(v).cloned().unwrap_or_default(),
    }
}

/// The standard order of terms: Var < Number < Atom < Compound; compounds by
/// arity, then name, then arguments left to right.
pub fn compare(space: &StandardSpace, a: Value, b: Value) -> Ordering {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        let a = deref(space, a);
        let b = deref(space, b);
        if a == b {
            continue;
        }
        let (ra, rb) = (type_rank(space, a), type_rank(space, b));
        if ra != rb {
            return ra.cmp(&rb);
        }
        let o = match ra {
            0 => a.as_ref().cmp(&b.as_ref()),
            1 => compare_numbers(space, a, b),
            3 => space.str_of(a).cmp(&space.str_of(b)),
            _ => {
                let (fa, xa) = compound(space, a).expect("rank 4 is compound");
                let (fb, xb) = compound(space, b).expect("rank 4 is compound");
                let o = xa.len().cmp(&xb.len()).then(space.str_of(fa).cmp(&space.str_of(fb)));
                if o == Ordering::Equal {
                    for (x, y) in xa.iter().zip(xb).rev() {
                        stack.push((*x, *y));
                    }
                }
                o
            }
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// A copy of a term with fresh variables (`map` remembers the renaming, so
/// shared variables stay shared; callers may pass a map already filled).
pub fn copy_with(space: &mut StandardSpace, v: Value, map: &mut Vec<(Value, Value)>) -> Result<Value, OpError> {
    let v = deref(space, v);
    if is_var(space, v) {
        if let Some((_, n)) = map.iter().find(|(o, _)| *o == v) {
            return Ok(*n);
        }
        let n = new_var(space)?;
        map.push((v, n));
        return Ok(n);
    }
    let Some((name, args)) = compound(space, v) else {
        return Ok(v);
    };
    let args = args.to_vec();
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(copy_with(space, a, map)?);
    }
    new_compound(space, name, &out)
}

/// A copy of a term with fresh variables.
pub fn copy_term(space: &mut StandardSpace, v: Value) -> Result<Value, OpError> {
    copy_with(space, v, &mut Vec::new())
}

/// The unbound variables of a term, in depth-first left-to-right order, without repeats.
pub fn term_vars(space: &StandardSpace, v: Value, out: &mut Vec<Value>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        let v = deref(space, v);
        if is_var(space, v) {
            if !out.contains(&v) {
                out.push(v);
            }
        } else if let Some((_, args)) = compound(space, v) {
            stack.extend(args.iter().rev());
        }
    }
}

/// The items of a proper list, or `None` (a partial list, or not a list).
pub fn list_items(space: &StandardSpace, mut v: Value) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        v = deref(space, v);
        if let Some((name, args)) = compound(space, v) {
            if args.len() == 2 && space.str_of(name) == Some(".") {
                out.push(args[0]);
                v = args[1];
                continue;
            }
            return None;
        }
        return (atom_text(space, v) == Some("[]")).then_some(out);
    }
}

/// The list of `items` ending in `tail`.
pub fn make_list(space: &mut StandardSpace, items: &[Value], tail: Value) -> Result<Value, OpError> {
    let dot = pl(space).atoms.dot;
    let mut list = tail;
    for x in items.iter().rev() {
        list = new_compound(space, dot, &[*x, list])?;
    }
    Ok(list)
}

/// A proper list of `items`.
pub fn list_of(space: &mut StandardSpace, items: &[Value]) -> Result<Value, OpError> {
    let nil = pl(space).atoms.nil;
    make_list(space, items, nil)
}

/// Turns a read term into a heap term; `vars[i]` is the value of variable `i`
/// (made fresh where the slot is missing).
pub fn from_ast(space: &mut StandardSpace, t: &Term, vars: &mut Vec<Value>) -> Result<Value, OpError> {
    Ok(match t {
        Term::Var(i) => {
            while vars.len() <= *i {
                let v = new_var(space)?;
                vars.push(v);
            }
            vars[*i]
        }
        Term::Atom(a) => atom(space, a)?,
        Term::Int(i) => space.int_value(*i)?,
        Term::BigInt(b) => space.bigint_value(b.clone())?,
        Term::Float(f) => space.float_value(*f)?,
        Term::Compound(name, args) => {
            let mut xs = Vec::with_capacity(args.len());
            for a in args {
                xs.push(from_ast(space, a, vars)?);
            }
            let n = atom(space, name)?;
            new_compound(space, n, &xs)?
        }
    })
}

/// Turns a heap term back into a read term (variables numbered in order of appearance).
pub fn to_ast(space: &StandardSpace, v: Value, vars: &mut Vec<Value>) -> Term {
    let v = deref(space, v);
    if is_var(space, v) {
        let i = vars.iter().position(|x| *x == v).unwrap_or_else(|| {
            vars.push(v);
            vars.len() - 1
        });
        return Term::Var(i);
    }
    if let Some((name, args)) = compound(space, v) {
        let name = space.str_of(name).unwrap_or("?").to_string();
        let args = args.to_vec();
        return Term::Compound(name, args.into_iter().map(|a| to_ast(space, a, vars)).collect());
    }
    if let Some(a) = atom_text(space, v) {
        return Term::Atom(a.to_string());
    }
    if let Some(i) = space.int_of(v) {
        return Term::Int(i);
    }
    if let Some(b) = space.bigint_of(v) {
        return Term::BigInt(b.clone());
    }
    Term::Float(space.float_of(v).unwrap_or(0.0))
}

/// Unifies and reports the outcome as a framework bool (what natives return).
pub fn unify_value(vm: &mut Vm, a: Value, b: Value) -> Value {
    Value::bool(unify(&mut vm.space, a, b))
}
