//! The database (`assert/1` and friends over dynamic predicates), findall's
//! collector, sorting, `length/2`, `op/3`, flags and global variables.

use crate::ops::OpType;
use crate::runtime::control::{ensure_dynamic, pi_term};
use crate::runtime::errors;
use crate::runtime::state::{keep, pl, pl_mut};
use crate::runtime::terms::{self as t, compound, deref, is_var, new_compound};
use std::cmp::Ordering;
use workbench_framework::object::{Body, Value};
use workbench_framework::space::standard::{collections, Vm};
use workbench_framework::space::OpError;

type R = Result<Value, OpError>;

fn list_mut(vm: &mut Vm, list: Value) -> Option<&mut Vec<Value>> {
    match &mut vm.space.heap.get_mut(list.as_ref()?).body {
        Body::List(items) => Some(items),
        _ => None,
    }
}

fn list_get(vm: &Vm, list: Value) -> Vec<Value> {
    match list.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::List(items)) => items.clone(),
        _ => Vec::new(),
    }
}

/// Splits a clause into head and body, checking the head.
fn clause_parts(vm: &mut Vm, c: Value, ctx: &str) -> Result<(Value, Value, String, usize), OpError> {
    let c = errors::bound(vm, ctx, c)?;
    let (head, body) = match compound(&vm.space, c) {
        Some((n, args)) if args.len() == 2 && vm.space.str_of(n) == Some(":-") => (args[0], args[1]),
        _ => (c, pl(&vm.space).atoms.true_),
    };
    let head = errors::bound(vm, ctx, head)?;
    let Some((name, arity)) = t::functor_of(&vm.space, head).map(|(n, a)| (n.to_string(), a)) else {
        return Err(errors::type_error(vm, ctx, "callable", head));
    };
    let body = deref(&vm.space, body);
    if t::is_number(&vm.space, body) {
        return Err(errors::type_error(vm, ctx, "callable", body));
    }
    Ok((head, body, name, arity))
}

fn add(vm: &mut Vm, a: &[Value], front: bool, ctx: &str) -> R {
    let (head, body, name, arity) = clause_parts(vm, a[0], ctx)?;
    let list = ensure_dynamic(vm, &name, arity, ctx)?;
    let neck = pl(&vm.space).atoms.neck;
    let c = new_compound(&mut vm.space, neck, &[head, body])?;
    let c = t::copy_term(&mut vm.space, c)?;
    if let Some(items) = list_mut(vm, list) {
        if front {
            items.insert(0, c);
        } else {
            items.push(c);
        }
    }
    Ok(Value::TRUE)
}

/// `assertz/1`
pub fn assertz(vm: &mut Vm, a: &[Value]) -> R {
    add(vm, a, false, "assertz/1")
}

/// `asserta/1`
pub fn asserta(vm: &mut Vm, a: &[Value]) -> R {
    add(vm, a, true, "asserta/1")
}

/// `$clauses(Head, L)`: a snapshot of the clauses of Head's predicate (the logical update view).
pub fn clauses(vm: &mut Vm, a: &[Value]) -> R {
    let h = errors::bound(vm, "clause/2", a[0])?;
    let Some((name, arity)) = t::functor_of(&vm.space, h).map(|(n, a)| (n.to_string(), a)) else {
        return Err(errors::type_error(vm, "clause/2", "callable", h));
    };
    let key = format!("{name}/{arity}");
    let items = match pl(&vm.space).dynamic.get(&key) {
        Some(d) => list_get(vm, d.clauses),
        None => Vec::new(),
    };
    let l = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

/// `$dyn_clauses(Goal, L)`: the clauses a call of a dynamic predicate tries;
/// an existence error once the predicate was abolished.
pub fn dyn_clauses(vm: &mut Vm, a: &[Value]) -> R {
    let h = deref(&vm.space, a[0]);
    if let Some((name, arity)) = t::functor_of(&vm.space, h).map(|(n, a)| (n.to_string(), a)) {
        let key = format!("{name}/{arity}");
        if pl(&vm.space).dynamic.get(&key).is_some_and(|d| d.abolished) {
            let pi = pi_term(vm, &name, arity)?;
            return Err(errors::existence_error(vm, "", "procedure", pi));
        }
    }
    clauses(vm, a)
}

/// `$retract_clause(Head, Clause)`: removes that stored clause (by identity).
pub fn retract_clause(vm: &mut Vm, a: &[Value]) -> R {
    let h = deref(&vm.space, a[0]);
    let Some((name, arity)) = t::functor_of(&vm.space, h).map(|(n, a)| (n.to_string(), a)) else {
        return Ok(Value::FALSE);
    };
    let key = format!("{name}/{arity}");
    let Some(list) = pl(&vm.space).dynamic.get(&key).map(|d| d.clauses) else {
        return Ok(Value::FALSE);
    };
    let target = deref(&vm.space, a[1]);
    if let Some(items) = list_mut(vm, list) {
        if let Some(i) = items.iter().position(|c| *c == target) {
            items.remove(i);
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// `$ensure_dynamic(Head)`: makes Head's predicate dynamic (retract/retractall on an unknown one).
pub fn ensure_dynamic_fn(vm: &mut Vm, a: &[Value]) -> R {
    let h = errors::bound(vm, "retract/1", a[0])?;
    let Some((name, arity)) = t::functor_of(&vm.space, h).map(|(n, a)| (n.to_string(), a)) else {
        return Err(errors::type_error(vm, "retract/1", "callable", h));
    };
    ensure_dynamic(vm, &name, arity, "retract/1")?;
    Ok(Value::TRUE)
}

fn specs(vm: &mut Vm, v: Value, out: &mut Vec<(String, usize)>, ctx: &str) -> Result<(), OpError> {
    let v = errors::bound(vm, ctx, v)?;
    if let Some((n, args)) = compound(&vm.space, v) {
        let n = vm.space.str_of(n).unwrap_or("").to_string();
        let args = args.to_vec();
        if (n == "," || n == ".") && args.len() == 2 {
            specs(vm, args[0], out, ctx)?;
            if t::atom_text(&vm.space, deref(&vm.space, args[1])) != Some("[]") {
                specs(vm, args[1], out, ctx)?;
            }
            return Ok(());
        }
        if n == "/" && args.len() == 2 {
            let name = errors::bound(vm, ctx, args[0])?;
            let arity = errors::bound(vm, ctx, args[1])?;
            if let (Some(na), Some(ar)) = (t::atom_text(&vm.space, name), vm.space.int_of(arity)) {
                out.push((na.to_string(), ar as usize));
                return Ok(());
            }
        }
    }
    if t::atom_text(&vm.space, v) == Some("[]") {
        return Ok(());
    }
    Err(errors::type_error(vm, ctx, "predicate_indicator", v))
}

/// `dynamic/1`
pub fn dynamic(vm: &mut Vm, a: &[Value]) -> R {
    let mut out = Vec::new();
    specs(vm, a[0], &mut out, "dynamic/1")?;
    for (n, ar) in out {
        ensure_dynamic(vm, &n, ar, "dynamic/1")?;
    }
    Ok(Value::TRUE)
}

/// `discontiguous/1`: accepted (clauses of a predicate are collected from the whole file anyway).
pub fn discontiguous(_: &mut Vm, _: &[Value]) -> R {
    Ok(Value::TRUE)
}

/// `abolish/1`
pub fn abolish(vm: &mut Vm, a: &[Value]) -> R {
    let mut out = Vec::new();
    specs(vm, a[0], &mut out, "abolish/1")?;
    for (n, ar) in out {
        let key = format!("{n}/{ar}");
        match pl(&vm.space).dynamic.get(&key).map(|d| d.clauses) {
            Some(list) => {
                if let Some(items) = list_mut(vm, list) {
                    items.clear();
                }
                if let Some(d) = pl_mut(&mut vm.space).dynamic.get_mut(&key) {
                    d.abolished = true;
                }
            }
            None => {
                if vm.global_in(workbench_framework::interp::MAIN, &key).is_some() {
                    let pi = pi_term(vm, &n, ar)?;
                    return Err(errors::permission_error(
                        vm,
                        "abolish/1",
                        "modify",
                        "static_procedure",
                        pi,
                    ));
                }
            }
        }
    }
    Ok(Value::TRUE)
}

/// `$fa_new(B)`: a fresh findall collector.
pub fn fa_new(vm: &mut Vm, a: &[Value]) -> R {
    let l = collections::new_list(&mut vm.space, Vec::new())?;
    Ok(Value::bool(t::unify(&mut vm.space, a[0], l)))
}

/// `$fa_add(B, T)`: records a copy of T.
pub fn fa_add(vm: &mut Vm, a: &[Value]) -> R {
    let b = deref(&vm.space, a[0]);
    let c = t::copy_term(&mut vm.space, a[1])?;
    if let Some(items) = list_mut(vm, b) {
        items.push(c);
    }
    Ok(Value::TRUE)
}

/// `$fa_take(B, L)`: the recorded terms as a list.
pub fn fa_take(vm: &mut Vm, a: &[Value]) -> R {
    let b = deref(&vm.space, a[0]);
    let items = list_get(vm, b);
    let l = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

fn proper_list(vm: &mut Vm, v: Value, ctx: &str) -> Result<Vec<Value>, OpError> {
    match t::list_items(&vm.space, v) {
        Some(items) => Ok(items),
        None => {
            // A partial list is an instantiation error; anything else a type error.
            let mut x = deref(&vm.space, v);
            loop {
                if is_var(&vm.space, x) {
                    return Err(errors::instantiation(vm, ctx));
                }
                match compound(&vm.space, x) {
                    Some((n, args)) if args.len() == 2 && vm.space.str_of(n) == Some(".") => {
                        x = deref(&vm.space, args[1]);
                    }
                    _ => return Err(errors::type_error(vm, ctx, "list", v)),
                }
            }
        }
    }
}

fn sorted(vm: &mut Vm, a: &[Value], dedup: bool, ctx: &str) -> R {
    let mut items = proper_list(vm, a[0], ctx)?;
    items.sort_by(|x, y| t::compare(&vm.space, *x, *y));
    if dedup {
        items.dedup_by(|x, y| t::compare(&vm.space, *x, *y) == Ordering::Equal);
    }
    let l = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

/// `msort/2`
pub fn msort(vm: &mut Vm, a: &[Value]) -> R {
    sorted(vm, a, false, "msort/2")
}

/// `sort/2`
pub fn sort(vm: &mut Vm, a: &[Value]) -> R {
    sorted(vm, a, true, "sort/2")
}

/// `sort/4`: `sort(Key, Order, List, Sorted)` with Key 0 for the whole term.
pub fn sort4(vm: &mut Vm, a: &[Value]) -> R {
    let key = errors::bound(vm, "sort/4", a[0])?;
    let Some(k) = vm.space.int_of(key) else {
        return Err(errors::type_error(vm, "sort/4", "integer", key));
    };
    let order = errors::bound(vm, "sort/4", a[1])?;
    let order = t::atom_text(&vm.space, order).unwrap_or("").to_string();
    if !matches!(order.as_str(), "@<" | "@>" | "@=<" | "@>=") {
        let o = deref(&vm.space, a[1]);
        return Err(errors::domain_error(vm, "sort/4", "order", o));
    }
    let items = proper_list(vm, a[2], "sort/4")?;
    let mut keyed = Vec::with_capacity(items.len());
    for x in items {
        let kv = if k == 0 {
            x
        } else {
            let xd = deref(&vm.space, x);
            match compound(&vm.space, xd) {
                Some((_, args)) if (k as usize) <= args.len() => args[k as usize - 1],
                _ => return Err(errors::type_error(vm, "sort/4", "compound", xd)),
            }
        };
        keyed.push((kv, x));
    }
    let desc = order.starts_with("@>");
    keyed.sort_by(|x, y| {
        let o = t::compare(&vm.space, x.0, y.0);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    if !order.contains('=') {
        keyed.dedup_by(|x, y| t::compare(&vm.space, x.0, y.0) == Ordering::Equal);
    }
    let out: Vec<Value> = keyed.into_iter().map(|(_, x)| x).collect();
    let l = t::list_of(&mut vm.space, &out)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[3], l)))
}

/// `keysort/2`
pub fn keysort(vm: &mut Vm, a: &[Value]) -> R {
    let items = proper_list(vm, a[0], "keysort/2")?;
    let mut pairs = Vec::with_capacity(items.len());
    for x in items {
        let xd = errors::bound(vm, "keysort/2", x)?;
        match compound(&vm.space, xd) {
            Some((n, args)) if args.len() == 2 && vm.space.str_of(n) == Some("-") => pairs.push((args[0], xd)),
            _ => {
                let pair = t::atom(&mut vm.space, "pair")?;
                let _ = pair;
                return Err(errors::type_error(vm, "keysort/2", "pair", xd));
            }
        }
    }
    pairs.sort_by(|x, y| t::compare(&vm.space, x.0, y.0));
    let out: Vec<Value> = pairs.into_iter().map(|(_, x)| x).collect();
    let l = t::list_of(&mut vm.space, &out)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

/// `$length(L, N)`: the deterministic modes of length/2 (a proper list, or a
/// partial list with N bound).
pub fn length(vm: &mut Vm, a: &[Value]) -> R {
    let n = deref(&vm.space, a[1]);
    if !is_var(&vm.space, n) {
        let Some(k) = vm.space.int_of(n) else {
            return Err(errors::type_error(vm, "length/2", "integer", n));
        };
        if k < 0 {
            return Err(errors::domain_error(vm, "length/2", "not_less_than_zero", n));
        }
        let mut vars = Vec::new();
        for _ in 0..k {
            vars.push(t::new_var(&mut vm.space)?);
        }
        let l = t::list_of(&mut vm.space, &vars)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[0], l)));
    }
    match t::list_items(&vm.space, a[0]) {
        Some(items) => {
            let k = vm.space.int_value(items.len() as i64)?;
            Ok(Value::bool(t::unify(&mut vm.space, n, k)))
        }
        None => {
            // Not a proper list; a partial one was handled by the prelude.
            let mut x = deref(&vm.space, a[0]);
            loop {
                match compound(&vm.space, x) {
                    Some((n, args)) if args.len() == 2 && vm.space.str_of(n) == Some(".") => {
                        x = deref(&vm.space, args[1]);
                    }
                    _ => break,
                }
            }
            if is_var(&vm.space, x) {
                return Ok(Value::FALSE);
            }
            let l = deref(&vm.space, a[0]);
            Err(errors::type_error(vm, "length/2", "list", l))
        }
    }
}

/// `$partial_list(L, K, Tail)`: L is a partial list of K elements ending in the unbound Tail.
pub fn partial_list(vm: &mut Vm, a: &[Value]) -> R {
    let mut x = deref(&vm.space, a[0]);
    let mut k = 0i64;
    loop {
        if is_var(&vm.space, x) {
            let kv = vm.space.int_value(k)?;
            return Ok(Value::bool(
                t::unify(&mut vm.space, a[1], kv) && t::unify(&mut vm.space, a[2], x),
            ));
        }
        match compound(&vm.space, x) {
            Some((n, args)) if args.len() == 2 && vm.space.str_of(n) == Some(".") => {
                x = deref(&vm.space, args[1]);
                k += 1;
            }
            _ => return Ok(Value::FALSE),
        }
    }
}

/// `op/3`
pub fn op(vm: &mut Vm, a: &[Value]) -> R {
    let p = errors::bound(vm, "op/3", a[0])?;
    let ty = errors::bound(vm, "op/3", a[1])?;
    let Some(pri) = vm.space.int_of(p) else {
        return Err(errors::type_error(vm, "op/3", "integer", p));
    };
    if !(0..=1200).contains(&pri) {
        return Err(errors::domain_error(vm, "op/3", "operator_priority", p));
    }
    let Some(kind) = t::atom_text(&vm.space, ty).and_then(OpType::parse) else {
        return Err(errors::domain_error(vm, "op/3", "operator_specifier", ty));
    };
    let names = deref(&vm.space, a[2]);
    let list = match t::list_items(&vm.space, names) {
        Some(items) if !t::is_atom(&vm.space, names) => items,
        _ => vec![names],
    };
    for n in list {
        let n = errors::bound(vm, "op/3", n)?;
        let Some(name) = t::atom_text(&vm.space, n).map(str::to_string) else {
            return Err(errors::type_error(vm, "op/3", "atom", n));
        };
        if name == "," {
            return Err(errors::permission_error(vm, "op/3", "modify", "operator", n));
        }
        pl_mut(&mut vm.space).ops.add(&name, pri as u16, kind);
    }
    Ok(Value::TRUE)
}

/// `$current_op(L)`: every operator as `op(P, T, N)`.
pub fn current_op(vm: &mut Vm, a: &[Value]) -> R {
    let all = pl(&vm.space).ops.all();
    let op = t::atom(&mut vm.space, "op")?;
    let mut items = Vec::new();
    for (name, def) in all {
        let p = vm.space.int_value(def.priority as i64)?;
        let ty = t::atom(&mut vm.space, def.kind.name())?;
        let n = t::atom(&mut vm.space, &name)?;
        items.push(new_compound(&mut vm.space, op, &[p, ty, n])?);
    }
    let l = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[0], l)))
}

/// `set_prolog_flag/2` (remembered; only double_quotes is looked at by the reader at compile time).
pub fn set_flag(vm: &mut Vm, a: &[Value]) -> R {
    let f = errors::bound(vm, "set_prolog_flag/2", a[0])?;
    let v = errors::bound(vm, "set_prolog_flag/2", a[1])?;
    let Some(name) = t::atom_text(&vm.space, f).map(str::to_string) else {
        return Err(errors::type_error(vm, "set_prolog_flag/2", "atom", f));
    };
    keep(&mut vm.space, v);
    pl_mut(&mut vm.space).flags.insert(name, v);
    Ok(Value::TRUE)
}

/// `current_prolog_flag/2` for a bound flag name.
pub fn get_flag(vm: &mut Vm, a: &[Value]) -> R {
    let f = errors::bound(vm, "current_prolog_flag/2", a[0])?;
    let name = t::atom_text(&vm.space, f).unwrap_or("").to_string();
    let v = match pl(&vm.space).flags.get(&name) {
        Some(v) => *v,
        None => match name.as_str() {
            "bounded" => t::atom(&mut vm.space, "false")?,
            "max_integer" => vm.space.int_value(i64::MAX)?,
            "min_integer" => vm.space.int_value(i64::MIN)?,
            "double_quotes" => t::atom(&mut vm.space, "codes")?,
            _ => return Ok(Value::FALSE),
        },
    };
    Ok(Value::bool(t::unify(&mut vm.space, a[1], v)))
}

/// `nb_setval/2`
pub fn nb_setval(vm: &mut Vm, a: &[Value]) -> R {
    let k = errors::bound(vm, "nb_setval/2", a[0])?;
    let name = t::atom_text(&vm.space, k).unwrap_or("").to_string();
    let v = t::copy_term(&mut vm.space, a[1])?;
    keep(&mut vm.space, v);
    pl_mut(&mut vm.space).globals.insert(name, v);
    Ok(Value::TRUE)
}

/// `nb_getval/2`
pub fn nb_getval(vm: &mut Vm, a: &[Value]) -> R {
    let k = errors::bound(vm, "nb_getval/2", a[0])?;
    let name = t::atom_text(&vm.space, k).unwrap_or("").to_string();
    match pl(&vm.space).globals.get(&name).copied() {
        Some(v) => Ok(Value::bool(t::unify(&mut vm.space, a[1], v))),
        None => Err(errors::existence_error(vm, "nb_getval/2", "variable", k)),
    }
}

/// `succ/2`
pub fn succ(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if let Some(i) = vm.space.int_of(x) {
        if i < 0 {
            return Err(errors::type_error(vm, "succ/2", "not_less_than_zero", x));
        }
        let y = vm.space.int_value(i + 1)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[1], y)));
    }
    if !is_var(&vm.space, x) {
        return Err(errors::type_error(vm, "succ/2", "integer", x));
    }
    let y = errors::bound(vm, "succ/2", a[1])?;
    let Some(j) = vm.space.int_of(y) else {
        return Err(errors::type_error(vm, "succ/2", "integer", y));
    };
    if j < 0 {
        return Err(errors::type_error(vm, "succ/2", "not_less_than_zero", y));
    }
    if j == 0 {
        return Ok(Value::FALSE);
    }
    let xv = vm.space.int_value(j - 1)?;
    Ok(Value::bool(t::unify(&mut vm.space, x, xv)))
}

/// `plus/3`
pub fn plus(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    let y = deref(&vm.space, a[1]);
    let z = deref(&vm.space, a[2]);
    let (xi, yi, zi) = (vm.space.int_of(x), vm.space.int_of(y), vm.space.int_of(z));
    let (target, value) = match (xi, yi, zi) {
        (Some(p), Some(q), _) => (z, p + q),
        (Some(p), None, Some(r)) => (y, r - p),
        (None, Some(q), Some(r)) => (x, r - q),
        _ => return Err(errors::instantiation(vm, "plus/3")),
    };
    let v = vm.space.int_value(value)?;
    Ok(Value::bool(t::unify(&mut vm.space, target, v)))
}

/// `statistics/2` for runtime, cputime, walltime and inferences (approximate).
pub fn statistics(vm: &mut Vm, a: &[Value]) -> R {
    let k = errors::bound(vm, "statistics/2", a[0])?;
    let key = t::atom_text(&vm.space, k).unwrap_or("").to_string();
    thread_local!(static START: std::time::Instant = std::time::Instant::now());
    let ms = START.with(|s| s.elapsed().as_millis() as i64);
    let v = match key.as_str() {
        "runtime" | "cputime" | "walltime" | "process_cputime" | "real_time" => {
            let m = vm.space.int_value(ms)?;
            let z = vm.space.int_value(0)?;
            if key == "cputime" {
                vm.space.float_value(ms as f64 / 1000.0)?
            } else {
                t::list_of(&mut vm.space, &[m, z])?
            }
        }
        "inferences" => vm.space.int_value(vm.instructions_executed() as i64)?,
        _ => return Err(errors::domain_error(vm, "statistics/2", "statistics_key", k)),
    };
    Ok(Value::bool(t::unify(&mut vm.space, a[1], v)))
}

/// `$true` and friends: directives and options that have no effect here.
pub fn true0(_: &mut Vm, _: &[Value]) -> R {
    Ok(Value::TRUE)
}
