//! The natives compiled code calls for control: terms in head unification,
//! the trail, cut markers, meta-calls, catch/throw, and the top-level hooks.
//!
//! These are the "instructions" of Prolog that the framework does not have;
//! each is a native function (a global named `$...`) so that the main loop
//! stays language-neutral. The JIT sees them as calls to known natives.

use super::errors;
use super::state::{pl, pl_mut};
use super::terms::{self, compound, deref, is_var, new_compound, new_var};
use workbench_framework::interp::{BUILTINS, MAIN};
use workbench_framework::object::{Body, Value};
use workbench_framework::space::standard::{collections, Vm};
use workbench_framework::space::OpError;

/// `$new_var()`: a fresh variable.
pub fn new_var_fn(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    new_var(&mut vm.space)
}

/// `$mk(Name, Args...)`: a compound term.
pub fn mk(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    new_compound(&mut vm.space, a[0], &a[1..])
}

/// `$unify(A, B)`
pub fn unify(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(terms::unify(&mut vm.space, a[0], a[1])))
}

/// `$get_struct(X, Name, A1, ..., An)`: head unification of one compound
/// argument. If X is a compound `Name/n`, each `Ai` that is not `none` is
/// unified with its argument; if X is unbound, X is bound to `Name(A1..An)`
/// with fresh variables where `Ai` is `none`. Returns the compound, or false.
pub fn get_struct(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let x = deref(&vm.space, a[0]);
    let (name, known) = (a[1], &a[2..]);
    if let Some((xname, xargs)) = compound(&vm.space, x) {
        let same = xargs.len() == known.len() && (xname == name || vm.space.str_of(xname) == vm.space.str_of(name));
        if !same {
            return Ok(Value::FALSE);
        }
        let pairs: Vec<(Value, Value)> = xargs
            .iter()
            .zip(known)
            .filter(|(_, k)| **k != Value::NONE)
            .map(|(x, k)| (*x, *k))
            .collect();
        for (sub, k) in pairs {
            if !terms::unify(&mut vm.space, sub, k) {
                return Ok(Value::FALSE);
            }
        }
        return Ok(x);
    }
    if is_var(&vm.space, x) {
        let mut args = Vec::with_capacity(known.len());
        for k in known {
            args.push(if *k == Value::NONE { new_var(&mut vm.space)? } else { *k });
        }
        let t = new_compound(&mut vm.space, name, &args)?;
        terms::bind(&mut vm.space, x, t);
        return Ok(t);
    }
    Ok(Value::FALSE)
}

/// `$key(X)`: the first-argument index key: none for a variable, the name of a
/// compound, the value itself for atomic terms.
pub fn key(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let x = deref(&vm.space, a[0]);
    if is_var(&vm.space, x) {
        return Ok(Value::NONE);
    }
    if let Some((name, _)) = compound(&vm.space, x) {
        return Ok(name);
    }
    Ok(x)
}

/// `$switch(X, Key2, Key3, ...)`: first-argument indexing, returning
/// `trail mark * 256 + set` where the set is 0 when X is unbound, `i` when X's
/// key (the name of a compound, the value of an atomic term) equals `Key<i>`,
/// and 1 when none does.
pub fn switch(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let set = switch_set(vm, a);
    let mark = terms::mark(&vm.space) as i64;
    vm.space.int_value(mark * 256 + set)
}

/// `$undo_switched(M)`: undo to the mark that `$switch` encoded in M.
pub fn undo_switched(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let m = vm.space.int_of(a[0]).unwrap_or(0) / 256;
    terms::undo(&mut vm.space, m as usize);
    Ok(Value::NONE)
}

fn switch_set(vm: &Vm, a: &[Value]) -> i64 {
    let s = &vm.space;
    let x = deref(s, a[0]);
    if is_var(s, x) {
        return 0;
    }
    let key = compound(s, x).map_or(x, |(name, _)| name);
    let text = s.str_of(key);
    for (i, k) in a[1..].iter().enumerate() {
        let hit = *k == key
            || match text {
                Some(t) => s.str_of(*k) == Some(t),
                None => s.identical(*k, key) && s.type_of(*k) == s.type_of(key),
            };
        if hit {
            return i as i64 + 2;
        }
    }
    1
}

/// `$mark()`: the trail mark.
pub fn mark(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.space.int_value(terms::mark(&vm.space) as i64)
}

/// `$undo(Mark)`: undoes the bindings made since the mark.
pub fn undo(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let m = vm.space.int_of(a[0]).unwrap_or(0) as usize;
    terms::undo(&mut vm.space, m);
    Ok(Value::NONE)
}

/// `$depth()`: the calling frame's depth, its cut marker.
pub fn depth(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.space.int_value(vm.frame_depth() as i64)
}

/// `$cutres(R)`: what a clause-choice loop makes of a call's result R.
/// `false` means "try the next clause": a plain failure, a failure after a cut
/// that ended in the callee (`none`), or the marker of a cut owned by the
/// callee's own frame (deeper than this one). This frame's own marker becomes
/// `none`: a failure that skips the remaining clauses. A shallower marker and
/// `true` (stop) pass through.
pub fn cutres(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let r = a[0];
    if r == Value::NONE {
        return Ok(Value::FALSE);
    }
    if let Some(m) = r.as_small_int() {
        let here = vm.frame_depth() as i64;
        return Ok(if m > here {
            // The owner was the callee itself: the call failed; try the next clause.
            Value::FALSE
        } else if m == here {
            // This frame owns the cut: fail without trying more clauses.
            Value::NONE
        } else {
            r
        });
    }
    Ok(r)
}

/// `$succeed()`: the outermost continuation: stop with success.
pub fn succeed(_: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    Ok(Value::TRUE)
}

/// The predicate closure for `name/arity`, or an existence error.
pub fn lookup_pred(vm: &mut Vm, name: &str, arity: usize, ctx: &str) -> Result<Value, OpError> {
    let key = format!("{name}/{arity}");
    if let Some(v) = pl(&vm.space).pred_cache.get(&key) {
        return Ok(*v);
    }
    let found = vm
        .global_in(MAIN, &key)
        .or_else(|| vm.global_in(BUILTINS, &key))
        .copied();
    match found {
        Some(f) => {
            pl_mut(&mut vm.space).pred_cache.insert(key, f);
            Ok(f)
        }
        None => {
            let pi = terms::atom(&mut vm.space, name)?;
            let n = vm.space.int_value(arity as i64)?;
            let slash = pl(&vm.space).atoms.slash;
            let t = new_compound(&mut vm.space, slash, &[pi, n])?;
            Err(errors::existence_error(vm, ctx, "procedure", t))
        }
    }
}

/// `$pred_of(G)`: the predicate a goal calls.
pub fn pred_of(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let g = deref(&vm.space, a[0]);
    if is_var(&vm.space, g) {
        return Err(errors::instantiation(vm, "call/1"));
    }
    let Some((name, arity)) = terms::functor_of(&vm.space, g).map(|(n, a)| (n.to_string(), a)) else {
        return Err(errors::type_error(vm, "call/1", "callable", g));
    };
    lookup_pred(vm, &name, arity, "call/1")
}

/// `$args_of(G)`: a goal's arguments as a tuple (spread into the call).
pub fn args_of(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let g = deref(&vm.space, a[0]);
    let args = compound(&vm.space, g).map(|(_, xs)| xs.to_vec()).unwrap_or_default();
    collections::new_tuple(&mut vm.space, args)
}

/// True for the ball `halt/1` raises (catch/3 never catches it).
pub fn is_halt(vm: &Vm, ball: Value) -> Option<i32> {
    let ball = deref(&vm.space, ball);
    let (name, args) = compound(&vm.space, ball)?;
    if vm.space.str_of(name) != Some("$halt") || args.len() != 1 {
        return None;
    }
    vm.space.int_of(deref(&vm.space, args[0])).map(|i| i as i32)
}

/// `$catch_unify(Catcher, Ball)`: does the catcher accept the ball?
pub fn catch_unify(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if is_halt(vm, a[1]).is_some() {
        return Ok(Value::FALSE);
    }
    let m = terms::mark(&vm.space);
    if terms::unify(&mut vm.space, a[0], a[1]) {
        Ok(Value::TRUE)
    } else {
        terms::undo(&mut vm.space, m);
        Ok(Value::FALSE)
    }
}

/// `throw(Ball)`
pub fn throw(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let b = deref(&vm.space, a[0]);
    if is_var(&vm.space, b) {
        return Err(errors::instantiation(vm, "throw/1"));
    }
    Err(errors::throw(vm, b))
}

fn halt_with(vm: &mut Vm, code: i64) -> OpError {
    let built = (|| -> Result<Value, OpError> {
        let n = terms::atom(&mut vm.space, "$halt")?;
        let c = vm.space.int_value(code)?;
        new_compound(&mut vm.space, n, &[c])
    })();
    match built {
        Ok(t) => vm.raise_value(t, "halt".into()),
        Err(e) => e,
    }
}

/// `halt/0`
pub fn halt0(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    let code = if pl(&vm.space).had_error { 1 } else { 0 };
    Err(halt_with(vm, code))
}

/// `halt/1`
pub fn halt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = errors::bound(vm, "halt/1", a[0])?;
    let Some(code) = vm.space.int_of(v) else {
        return Err(errors::type_error(vm, "halt/1", "integer", v));
    };
    Err(halt_with(vm, code))
}

/// The exit-status hook: `halt/1` ends the run with its code.
pub fn exit_status(vm: &mut Vm, ball: &Value) -> Option<i32> {
    is_halt(vm, *ball)
}

/// The hook describing an exception that escaped everything.
pub fn describe(vm: &mut Vm, ball: &Value) -> (String, String) {
    let prefix = errors::context_prefix(vm, *ball);
    let m = errors::message(vm, *ball);
    ("error".into(), format!("{prefix}{m}"))
}

/// `$register_stub(N, Closure)`: remembers the dynamic-predicate stub of arity N.
pub fn register_stub(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = vm.space.int_of(a[0]).unwrap_or(0) as usize;
    let stubs = &mut pl_mut(&mut vm.space).stubs;
    if stubs.len() <= n {
        stubs.resize(n + 1, Value::NONE);
    }
    stubs[n] = a[1];
    vm.space.roots.push(a[1]);
    super::state::start_trail(&mut vm.space);
    Ok(Value::NONE)
}

/// `$loaded()`: a unit finished loading; forget cached predicate lookups.
pub fn loaded(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    pl_mut(&mut vm.space).pred_cache.clear();
    Ok(Value::NONE)
}

/// Makes `name/arity` a dynamic predicate if it is not one yet. Fails with a
/// permission error for a static (compiled) predicate.
pub fn ensure_dynamic(vm: &mut Vm, name: &str, arity: usize, ctx: &str) -> Result<Value, OpError> {
    let key = format!("{name}/{arity}");
    if let Some(d) = pl_mut(&mut vm.space).dynamic.get_mut(&key) {
        d.abolished = false;
        return Ok(d.clauses);
    }
    let defined = vm
        .global_in(MAIN, &key)
        .or_else(|| vm.global_in(BUILTINS, &key))
        .is_some();
    if defined || crate::compiler::normalize::inline_native(name, arity).is_some() || is_control(name, arity) {
        let pi = pi_term(vm, name, arity)?;
        return Err(errors::permission_error(vm, ctx, "modify", "static_procedure", pi));
    }
    let Some(stub) = pl(&vm.space).stubs.get(arity).copied() else {
        return Err(errors::representation_error(vm, ctx, "max_arity"));
    };
    let code = match vm.space.heap.get(stub.as_ref().expect("a closure")).body {
        Body::Closure { code, .. } => code,
        _ => return Err(OpError::type_error("dynamic stub is not a closure")),
    };
    let n = terms::atom(&mut vm.space, name)?;
    let cell = vm
        .space
        .heap
        .alloc(workbench_framework::object::TypeId::CELL, Body::Cell(n))?;
    let closure = workbench_framework::space::Space::make_closure(&mut vm.space, code, name, vec![cell])?;
    let list = collections::new_list(&mut vm.space, Vec::new())?;
    super::state::keep(&mut vm.space, list);
    super::state::keep(&mut vm.space, closure);
    vm.set_global_in(MAIN, &key, closure);
    let st = pl_mut(&mut vm.space);
    st.dynamic.insert(
        key,
        super::state::DynPred {
            clauses: list,
            abolished: false,
        },
    );
    st.pred_cache.clear();
    Ok(list)
}

fn is_control(name: &str, arity: usize) -> bool {
    matches!(
        (name, arity),
        (",", 2) | (";", 2) | ("->", 2) | ("!", 0) | ("call", _) | ("\\+", 1)
    )
}

/// `Name/Arity` as a term.
pub fn pi_term(vm: &mut Vm, name: &str, arity: usize) -> Result<Value, OpError> {
    let n = terms::atom(&mut vm.space, name)?;
    let a = vm.space.int_value(arity as i64)?;
    let slash = pl(&vm.space).atoms.slash;
    new_compound(&mut vm.space, slash, &[n, a])
}

fn program_name(vm: &Vm) -> String {
    vm.program_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "user".into())
}

/// `$print_uncaught(Goal, Error, Kind)`: SWI's report of an error that escaped a
/// directive (`Kind` is `directive`, `initialization` or `query`), and the goal.
pub fn print_uncaught(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    vm.flush();
    let prefix = errors::context_prefix(vm, a[1]);
    let m = errors::message(vm, a[1]);
    let goal = super::write::format_term(vm, a[0], super::write::WriteOpts::print());
    let kind = terms::atom_text(&vm.space, deref(&vm.space, a[2]))
        .unwrap_or("")
        .to_string();
    match kind.as_str() {
        "initialization" => eprintln!("ERROR: {}: Initialization goal raised exception:", program_name(vm)),
        "directive" => eprintln!("ERROR: {}: Goal (directive) raised exception:", program_name(vm)),
        _ => {}
    }
    eprintln!("ERROR: {prefix}{m}");
    if kind != "query" {
        eprintln!("ERROR:   goal: {goal}");
        pl_mut(&mut vm.space).had_error = true;
    }
    Ok(Value::TRUE)
}

/// `$warn_failed(Goal, Kind)`
pub fn warn_failed(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    vm.flush();
    let goal = super::write::format_term(vm, a[0], super::write::WriteOpts::print());
    let kind = terms::atom_text(&vm.space, deref(&vm.space, a[1]))
        .unwrap_or("")
        .to_string();
    if kind == "initialization" {
        eprintln!("Warning: {}: Initialization goal failed", program_name(vm));
    } else {
        eprintln!("Warning: {}: Goal (directive) failed: user:{goal}", program_name(vm));
    }
    pl_mut(&mut vm.space).had_error = true;
    Ok(Value::TRUE)
}

/// `$finish()`: the end of a program file; a directive that failed or raised makes the exit status 1.
pub fn finish(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    if pl(&vm.space).had_error {
        return Err(halt_with(vm, 1));
    }
    Ok(Value::NONE)
}

/// `$add_args(G, Extra, G2)`: `call/N`'s goal with the extra arguments appended.
pub fn add_args(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let g = deref(&vm.space, a[0]);
    if is_var(&vm.space, g) {
        return Err(errors::instantiation(vm, "call/2"));
    }
    let extra = terms::list_items(&vm.space, a[1]).unwrap_or_default();
    let (name, mut args) = match compound(&vm.space, g) {
        Some((n, xs)) => (n, xs.to_vec()),
        None if terms::is_atom(&vm.space, g) => (g, Vec::new()),
        None => return Err(errors::type_error(vm, "call/2", "callable", g)),
    };
    args.extend(extra);
    let g2 = if args.is_empty() {
        name
    } else {
        new_compound(&mut vm.space, name, &args)?
    };
    Ok(Value::bool(terms::unify(&mut vm.space, a[2], g2)))
}

/// `$check_body(G)`: before `call/1` runs a goal, ISO checks that every goal
/// position of its control structure is callable; a type error names the whole goal.
pub fn check_body(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let g = deref(&vm.space, a[0]);
    if is_var(&vm.space, g) {
        return Err(errors::instantiation(vm, "call/1"));
    }
    let mut stack = vec![g];
    while let Some(x) = stack.pop() {
        let x = deref(&vm.space, x);
        if is_var(&vm.space, x) {
            continue;
        }
        if let Some((n, args)) = compound(&vm.space, x) {
            let control = matches!(
                (vm.space.str_of(n), args.len()),
                (Some(","), 2) | (Some(";"), 2) | (Some("->"), 2) | (Some("*->"), 2) | (Some("\\+"), 1)
            );
            if control {
                stack.extend_from_slice(args);
            }
            continue;
        }
        if !terms::is_atom(&vm.space, x) {
            return Err(errors::type_error(vm, "call/1", "callable", g));
        }
    }
    Ok(Value::TRUE)
}

/// `$check_callable(G)`: a type error unless G is callable (an instantiation error if unbound).
pub fn check_callable(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let g = errors::bound(vm, "call/1", a[0])?;
    if terms::functor_of(&vm.space, g).is_none() {
        return Err(errors::type_error(vm, "call/1", "callable", g));
    }
    Ok(Value::TRUE)
}

/// `$warn_singletons(Line, Names)`: SWI's warning for variables that occur once in a clause.
pub fn warn_singletons(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let line = vm.space.int_of(a[0]).unwrap_or(0);
    let names: Vec<String> = terms::list_items(&vm.space, a[1])
        .unwrap_or_default()
        .into_iter()
        .filter_map(|n| terms::atom_text(&vm.space, n).map(str::to_string))
        .collect();
    vm.flush();
    eprintln!("Warning: {}:{line}:", program_name(vm));
    eprintln!("Warning:    Singleton variables: [{}]", names.join(","));
    Ok(Value::TRUE)
}

/// `print_message(Kind, Term)`: errors and warnings go to stderr in SWI's words; other kinds are silent.
pub fn print_message(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let kind = terms::atom_text(&vm.space, deref(&vm.space, a[0]))
        .unwrap_or("")
        .to_string();
    let label = match kind.as_str() {
        "error" => "ERROR",
        "warning" => "Warning",
        _ => return Ok(Value::TRUE),
    };
    vm.flush();
    let prefix = errors::context_prefix(vm, a[1]);
    let m = errors::message(vm, a[1]);
    eprintln!("{label}: {prefix}{m}");
    Ok(Value::TRUE)
}
