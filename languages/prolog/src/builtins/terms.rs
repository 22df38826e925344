//! Type tests, comparison, and term construction and inspection
//! (`functor/3`, `arg/3`, `=../2`, `copy_term/2`, `term_variables/2`).

use crate::runtime::errors;
use crate::runtime::state::pl;
use crate::runtime::terms::{self as t, compound, deref, is_var, new_compound, new_var};
use std::cmp::Ordering;
use workbench_framework::object::Value;
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

type R = Result<Value, OpError>;

fn arg0(vm: &Vm, a: &[Value]) -> Value {
    deref(&vm.space, a[0])
}

/// `var/1`
pub fn var(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(is_var(&vm.space, arg0(vm, a))))
}
/// `nonvar/1`
pub fn nonvar(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(!is_var(&vm.space, arg0(vm, a))))
}
/// `atom/1`
pub fn atom(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::is_atom(&vm.space, arg0(vm, a))))
}
/// `number/1`
pub fn number(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::is_number(&vm.space, arg0(vm, a))))
}
/// `integer/1`
pub fn integer(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::is_integer(&vm.space, arg0(vm, a))))
}
/// `float/1`
pub fn float(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::is_float(&vm.space, arg0(vm, a))))
}
/// `atomic/1`
pub fn atomic(vm: &mut Vm, a: &[Value]) -> R {
    let v = arg0(vm, a);
    Ok(Value::bool(t::is_atom(&vm.space, v) || t::is_number(&vm.space, v)))
}
/// `compound/1`
pub fn compound_p(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::is_compound(&vm.space, arg0(vm, a))))
}
/// `callable/1`
pub fn callable(vm: &mut Vm, a: &[Value]) -> R {
    let v = arg0(vm, a);
    Ok(Value::bool(t::is_atom(&vm.space, v) || t::is_compound(&vm.space, v)))
}
/// `is_list/1`
pub fn is_list(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(t::list_items(&vm.space, a[0]).is_some()))
}
/// `ground/1`
pub fn ground(vm: &mut Vm, a: &[Value]) -> R {
    let mut vars = Vec::new();
    t::term_vars(&vm.space, a[0], &mut vars);
    Ok(Value::bool(vars.is_empty()))
}

fn cmp(vm: &Vm, a: &[Value]) -> Ordering {
    t::compare(&vm.space, a[0], a[1])
}
/// `==/2`
pub fn eq(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) == Ordering::Equal))
}
/// `\==/2`
pub fn neq(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) != Ordering::Equal))
}
/// `@</2`
pub fn lt(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) == Ordering::Less))
}
/// `@>/2`
pub fn gt(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) == Ordering::Greater))
}
/// `@=</2`
pub fn le(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) != Ordering::Greater))
}
/// `@>=/2`
pub fn ge(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(cmp(vm, a) != Ordering::Less))
}

/// `compare/3`
pub fn compare(vm: &mut Vm, a: &[Value]) -> R {
    let o = deref(&vm.space, a[0]);
    if !is_var(&vm.space, o) {
        match t::atom_text(&vm.space, o) {
            Some("<") | Some(">") | Some("=") => {}
            Some(_) => return Err(errors::domain_error(vm, "compare/3", "order", o)),
            None => return Err(errors::type_error(vm, "compare/3", "atom", o)),
        }
    }
    let sym = match t::compare(&vm.space, a[1], a[2]) {
        Ordering::Less => "<",
        Ordering::Equal => "=",
        Ordering::Greater => ">",
    };
    let s = t::atom(&mut vm.space, sym)?;
    Ok(Value::bool(t::unify(&mut vm.space, o, s)))
}

/// `\=/2`
pub fn not_unify(vm: &mut Vm, a: &[Value]) -> R {
    let m = t::mark(&vm.space);
    let ok = t::unify(&mut vm.space, a[0], a[1]);
    t::undo(&mut vm.space, m);
    Ok(Value::bool(!ok))
}

/// `functor/3`
pub fn functor(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if !is_var(&vm.space, x) {
        let (name, arity) = match compound(&vm.space, x) {
            Some((n, args)) => (n, args.len()),
            None => (x, 0),
        };
        let ar = vm.space.int_value(arity as i64)?;
        return Ok(Value::bool(
            t::unify(&mut vm.space, a[1], name) && t::unify(&mut vm.space, a[2], ar),
        ));
    }
    let name = errors::bound(vm, "functor/3", a[1])?;
    let arity = errors::bound(vm, "functor/3", a[2])?;
    let Some(n) = vm.space.int_of(arity) else {
        return Err(errors::type_error(vm, "functor/3", "integer", arity));
    };
    if n < 0 {
        return Err(errors::domain_error(vm, "functor/3", "not_less_than_zero", arity));
    }
    if n == 0 {
        if t::is_compound(&vm.space, name) {
            return Err(errors::type_error(vm, "functor/3", "atomic", name));
        }
        return Ok(Value::bool(t::unify(&mut vm.space, x, name)));
    }
    if !t::is_atom(&vm.space, name) {
        let what = if t::is_compound(&vm.space, name) {
            "atomic"
        } else {
            "atom"
        };
        return Err(errors::type_error(vm, "functor/3", what, name));
    }
    let mut args = Vec::with_capacity(n as usize);
    for _ in 0..n {
        args.push(new_var(&mut vm.space)?);
    }
    let term = new_compound(&mut vm.space, name, &args)?;
    Ok(Value::bool(t::unify(&mut vm.space, x, term)))
}

/// `$arg(N, T, A)`: arg/3 with N bound.
pub fn arg(vm: &mut Vm, a: &[Value]) -> R {
    let n = errors::bound(vm, "arg/3", a[0])?;
    let term = errors::bound(vm, "arg/3", a[1])?;
    let Some(i) = vm.space.int_of(n) else {
        return Err(errors::type_error(vm, "arg/3", "integer", n));
    };
    let Some((_, args)) = compound(&vm.space, term) else {
        return Err(errors::type_error(vm, "arg/3", "compound", term));
    };
    if i < 1 || i as usize > args.len() {
        return Ok(Value::FALSE);
    }
    let x = args[i as usize - 1];
    Ok(Value::bool(t::unify(&mut vm.space, a[2], x)))
}

/// `=../2`
pub fn univ(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if !is_var(&vm.space, x) {
        let items = match compound(&vm.space, x) {
            Some((n, args)) => {
                let mut v = vec![n];
                v.extend_from_slice(args);
                v
            }
            None => vec![x],
        };
        let l = t::list_of(&mut vm.space, &items)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[1], l)));
    }
    let l = errors::bound(vm, "=../2", a[1])?;
    if let Some((n, args)) = compound(&vm.space, l) {
        if vm.space.str_of(n) == Some(".") && args.len() == 2 {
            let (head, rest) = (deref(&vm.space, args[0]), deref(&vm.space, args[1]));
            let more = !matches!(t::atom_text(&vm.space, rest), Some("[]"));
            if more && !is_var(&vm.space, head) && !t::is_atom(&vm.space, head) {
                return Err(errors::type_error(vm, "=../2", "atom", head));
            }
        }
    }
    let Some(items) = t::list_items(&vm.space, l) else {
        let mut tail = l;
        while let Some((n, args)) = compound(&vm.space, tail) {
            if args.len() != 2 || vm.space.str_of(n) != Some(".") {
                break;
            }
            tail = deref(&vm.space, args[1]);
        }
        if is_var(&vm.space, tail) {
            return Err(errors::instantiation(vm, "=../2"));
        }
        return Err(errors::type_error(vm, "=../2", "list", tail));
    };
    if items.is_empty() {
        return Err(errors::domain_error(vm, "=../2", "non_empty_list", l));
    }
    let head = errors::bound(vm, "=../2", items[0])?;
    let term = if items.len() == 1 {
        head
    } else {
        if !t::is_atom(&vm.space, head) {
            let what = if t::is_compound(&vm.space, head) {
                "atomic"
            } else {
                "atom"
            };
            return Err(errors::type_error(vm, "=../2", what, head));
        }
        new_compound(&mut vm.space, head, &items[1..])?
    };
    Ok(Value::bool(t::unify(&mut vm.space, x, term)))
}

/// `copy_term/2`
pub fn copy_term(vm: &mut Vm, a: &[Value]) -> R {
    let c = t::copy_term(&mut vm.space, a[0])?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], c)))
}

/// `term_variables/2`
pub fn term_variables(vm: &mut Vm, a: &[Value]) -> R {
    let mut vars = Vec::new();
    t::term_vars(&vm.space, a[0], &mut vars);
    let l = t::list_of(&mut vm.space, &vars)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

/// `numbervars/3`
pub fn numbervars(vm: &mut Vm, a: &[Value]) -> R {
    let start = errors::bound(vm, "numbervars/3", a[1])?;
    let Some(mut n) = vm.space.int_of(start) else {
        return Err(errors::type_error(vm, "numbervars/3", "integer", start));
    };
    let mut vars = Vec::new();
    t::term_vars(&vm.space, a[0], &mut vars);
    let name = t::atom(&mut vm.space, "$VAR")?;
    for v in vars {
        let i = vm.space.int_value(n)?;
        let c = new_compound(&mut vm.space, name, &[i])?;
        t::bind(&mut vm.space, v, c);
        n += 1;
    }
    let end = vm.space.int_value(n)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[2], end)))
}

/// True if two terms are variants (equal up to a consistent renaming of variables).
pub fn variant(vm: &Vm, a: Value, b: Value) -> bool {
    let s = &vm.space;
    let mut map: Vec<(Value, Value)> = Vec::new();
    let mut stack = vec![(a, b)];
    while let Some((x, y)) = stack.pop() {
        let x = deref(s, x);
        let y = deref(s, y);
        match (is_var(s, x), is_var(s, y)) {
            (true, true) => {
                let fwd = map.iter().find(|(p, _)| *p == x).map(|(_, q)| *q);
                let back = map.iter().find(|(_, q)| *q == y).map(|(p, _)| *p);
                match (fwd, back) {
                    (None, None) => map.push((x, y)),
                    (Some(q), Some(p)) if q == y && p == x => {}
                    _ => return false,
                }
            }
            (false, false) => match (compound(s, x), compound(s, y)) {
                (Some((fx, ax)), Some((fy, ay))) => {
                    if ax.len() != ay.len() || s.str_of(fx) != s.str_of(fy) {
                        return false;
                    }
                    stack.extend(ax.iter().copied().zip(ay.iter().copied()));
                }
                (None, None) => {
                    if t::compare(s, x, y) != Ordering::Equal {
                        return false;
                    }
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    true
}

/// `$bagof_prep(T, G, W, G1)`: strips `V^` from G into G1 and makes the
/// witness W: `'$w'(Free...)` of G1's variables not in T or any V (the atom `'$w'` if none).
pub fn bagof_prep(vm: &mut Vm, a: &[Value]) -> R {
    let mut g = deref(&vm.space, a[1]);
    let mut bound = Vec::new();
    t::term_vars(&vm.space, a[0], &mut bound);
    while let Some((name, args)) = compound(&vm.space, g) {
        if vm.space.str_of(name) != Some("^") || args.len() != 2 {
            break;
        }
        let (v, inner) = (args[0], args[1]);
        t::term_vars(&vm.space, v, &mut bound);
        g = deref(&vm.space, inner);
    }
    let mut goal_vars = Vec::new();
    t::term_vars(&vm.space, g, &mut goal_vars);
    let free: Vec<Value> = goal_vars.into_iter().filter(|v| !bound.contains(v)).collect();
    let w_name = t::atom(&mut vm.space, "$w")?;
    let w = if free.is_empty() {
        w_name
    } else {
        new_compound(&mut vm.space, w_name, &free)?
    };
    Ok(Value::bool(
        t::unify(&mut vm.space, a[2], w) && t::unify(&mut vm.space, a[3], g),
    ))
}

/// `$bagof_groups(Pairs, Groups)`: `W-T` pairs sorted by witness and grouped
/// by variant witnesses into `W-[T...]`.
pub fn bagof_groups(vm: &mut Vm, a: &[Value]) -> R {
    let items = t::list_items(&vm.space, a[0]).unwrap_or_default();
    let mut pairs: Vec<(Value, Value)> = items
        .iter()
        .filter_map(|p| {
            let p = deref(&vm.space, *p);
            compound(&vm.space, p).map(|(_, xs)| (xs[0], xs[1]))
        })
        .collect();
    pairs.sort_by(|x, y| t::compare(&vm.space, x.0, y.0));
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    for (w, item) in pairs {
        match groups.iter_mut().find(|(gw, _)| variant(vm, *gw, w)) {
            Some((gw, items)) => {
                // Unify the witnesses so variables shared between solutions stay shared.
                let gw = *gw;
                t::unify(&mut vm.space, gw, w);
                items.push(item);
            }
            None => groups.push((w, vec![item])),
        }
    }
    let minus = pl(&vm.space).atoms.minus;
    let mut out = Vec::new();
    for (w, items) in groups {
        let l = t::list_of(&mut vm.space, &items)?;
        out.push(new_compound(&mut vm.space, minus, &[w, l])?);
    }
    let l = t::list_of(&mut vm.space, &out)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}
