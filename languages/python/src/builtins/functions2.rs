//! Builtin functions over iterables and attributes: `min`/`max`, `sum`,
//! `sorted`, `any`/`all`, `iter`/`next`, `getattr`/`setattr`/`hasattr`/
//! `delattr`, `vars`, `dir`, and the hidden helpers `__wb_fill_module__`,
//! `__wb_module__` and `__wb_inplace__`.
//!
//! Sorting is a stable merge sort that only ever asks `<` (like CPython's
//! `list.sort`), so user `__lt__` methods work and errors propagate; Rust's
//! own sort may panic on inconsistent comparisons and cannot fail.

use super::support::{collect, error_is, keywords, less, list_mut, new_str, raise, swallow, text_of, tname, truth, R};
use crate::runtime::objects::{class, field, is_class, mro, py};
use crate::runtime::types as T;
use workbench_framework::bytecode::BinOp;
use workbench_framework::interp::{NsId, BUILTINS};
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{BuildKind, ErrorKind, GenStatus, OpError, Space};

// ---- sorting ---------------------------------------------------------------------------

fn merge_sort(vm: &mut Vm, idx: &mut [usize], keys: &[Value], buf: &mut Vec<usize>) -> Result<(), OpError> {
    let n = idx.len();
    if n <= 8 {
        // Insertion sort: stable, moves an item left only past strictly greater ones.
        for i in 1..n {
            let cur = idx[i];
            let mut j = i;
            while j > 0 && less(vm, keys[cur], keys[idx[j - 1]])? {
                idx[j] = idx[j - 1];
                j -= 1;
            }
            idx[j] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(vm, &mut idx[..mid], keys, buf)?;
    merge_sort(vm, &mut idx[mid..], keys, buf)?;
    // Already in order: one comparison, no merge (sorted input is linear).
    if !less(vm, keys[idx[mid]], keys[idx[mid - 1]])? {
        return Ok(());
    }
    buf.clear();
    buf.extend_from_slice(&idx[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < n {
        if less(vm, keys[idx[j]], keys[buf[i]])? {
            idx[k] = idx[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < buf.len() {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

/// Sorts `items` (kept alive by the caller) by `key(item)` (or the items),
/// stably; `reverse` keeps equal items in their original order, like CPython.
pub fn sort_values(vm: &mut Vm, items: &[Value], key: Option<Value>, reverse: bool) -> Result<Vec<Value>, OpError> {
    let mut items = items.to_vec();
    if reverse {
        items.reverse();
    }
    let keys = match key.filter(|k| *k != Value::NONE) {
        None => items.clone(),
        Some(f) => {
            let holder = collections::new_list(&mut vm.space, Vec::with_capacity(items.len()))?;
            vm.keep_alive(holder);
            for &x in &items {
                let k = vm.call_value(f, &[x])?;
                super::support::list_push(vm, holder, k)?;
            }
            collections::seq_items(&vm.space, holder).unwrap_or_default()
        }
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut buf = Vec::with_capacity(items.len() / 2 + 1);
    merge_sort(vm, &mut idx, &keys, &mut buf)?;
    let mut out: Vec<Value> = idx.into_iter().map(|i| items[i]).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

fn sort_options(vm: &mut Vm, fname: &str) -> Result<(Option<Value>, bool), OpError> {
    let kw = keywords(vm, fname, &["key", "reverse"])?;
    let reverse = match kw[1] {
        Some(r) => truth(vm, r)?,
        None => false,
    };
    Ok((kw[0], reverse))
}

fn sorted(vm: &mut Vm, args: &[Value]) -> R {
    let (key, reverse) = sort_options(vm, "sort")?;
    if args.len() != 1 {
        return Err(OpError::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let items = collect(vm, args[0])?;
    let out = sort_values(vm, &items, key, reverse)?;
    super::support::list(vm, out)
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: &[Value]) -> R {
    let (key, reverse) = sort_options(vm, "sort")?;
    if args.len() > 1 {
        return Err(OpError::type_error("sort() takes no positional arguments"));
    }
    let items = collections::seq_items(&vm.space, args[0]).unwrap_or_default();
    let copy = collections::new_list(&mut vm.space, items.clone())?;
    vm.keep_alive(copy);
    let out = sort_values(vm, &items, key, reverse)?;
    if let Some(v) = list_mut(vm, args[0]) {
        *v = out;
    }
    Ok(Value::NONE)
}

// ---- min, max, sum, any, all --------------------------------------------------------------

fn min_max(vm: &mut Vm, args: &[Value], is_max: bool) -> R {
    let fname = if is_max { "max" } else { "min" };
    let kw = keywords(vm, fname, &["key", "default"])?;
    let items = match args.len() {
        0 => {
            return Err(OpError::type_error(format!(
                "{fname} expected at least 1 argument, got 0"
            )))
        }
        1 => collect(vm, args[0])?,
        _ => {
            if kw[1].is_some() {
                return Err(OpError::type_error(format!(
                    "Cannot specify a default for {fname}() with multiple positional arguments"
                )));
            }
            args.to_vec()
        }
    };
    let Some(&first) = items.first() else {
        return match kw[1] {
            Some(d) => Ok(d),
            None => Err(OpError::new(
                ErrorKind::Value,
                format!("{fname}() arg is an empty sequence"),
            )),
        };
    };
    let key = kw[0].filter(|k| *k != Value::NONE);
    let key_of = |vm: &mut Vm, x: Value| -> R {
        match key {
            Some(f) => {
                let k = vm.call_value(f, &[x])?;
                vm.keep_alive(k);
                Ok(k)
            }
            None => Ok(x),
        }
    };
    let (mut best, mut best_key) = (first, key_of(vm, first)?);
    let op = if is_max { BinOp::Gt } else { BinOp::Lt };
    for &x in &items[1..] {
        let k = key_of(vm, x)?;
        let better = match (k.as_small_int(), best_key.as_small_int()) {
            (Some(a), Some(b)) => (is_max && a > b) || (!is_max && a < b),
            _ => {
                let r = <StandardSpace as Space>::binary(vm, op, k, best_key)?;
                truth(vm, r)?
            }
        };
        if better {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

fn max(vm: &mut Vm, args: &[Value]) -> R {
    min_max(vm, args, true)
}

fn min(vm: &mut Vm, args: &[Value]) -> R {
    min_max(vm, args, false)
}

fn sum(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "sum", &["start"])?;
    if args.is_empty() || args.len() > 2 {
        return Err(OpError::type_error(format!(
            "sum() takes at least 1 positional argument ({} given)",
            args.len()
        )));
    }
    let start = args.get(1).copied().or(kw[0]);
    let mut total = start.unwrap_or(Value::small_int(0).unwrap_or(Value::NONE));
    if vm.space.type_of(total) == TypeId::STR {
        return Err(OpError::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let holder = collections::new_list(&mut vm.space, vec![total])?;
    vm.keep_alive(holder);
    let it = <StandardSpace as Space>::iter(vm, args[0])?;
    vm.keep_alive(it);
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        total = match (total.as_small_int(), x.as_small_int()) {
            (Some(a), Some(b)) if a.checked_add(b).is_some() => vm.space.int_value(a + b)?,
            _ => <StandardSpace as Space>::binary(vm, BinOp::Add, total, x)?,
        };
        if let Some(slot) = list_mut(vm, holder) {
            slot[0] = total;
        }
    }
    Ok(total)
}

fn any_all(vm: &mut Vm, v: Value, want: bool) -> R {
    let it = <StandardSpace as Space>::iter(vm, v)?;
    vm.keep_alive(it);
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        if truth(vm, x)? == want {
            return Ok(Value::bool(want));
        }
    }
    Ok(Value::bool(!want))
}

fn any(vm: &mut Vm, args: &[Value]) -> R {
    any_all(vm, args[0], true)
}

fn all(vm: &mut Vm, args: &[Value]) -> R {
    any_all(vm, args[0], false)
}

// ---- iter, next ----------------------------------------------------------------------------

fn iter(vm: &mut Vm, args: &[Value]) -> R {
    match args.len() {
        1 => <StandardSpace as Space>::iter(vm, args[0]),
        2 => {
            if vm.space.callee(&args[0]).is_err() {
                return Err(OpError::type_error("iter(v, w): v must be callable"));
            }
            let helper = vm.global_in(BUILTINS, "_wb_callable_iter").copied();
            match helper {
                Some(h) => vm.call_value(h, args),
                None => Err(OpError::unsupported(
                    "standard",
                    "iter(callable, sentinel) without the prelude",
                )),
            }
        }
        n => Err(OpError::type_error(format!(
            "iter expected at most 2 arguments, got {n}"
        ))),
    }
}

fn generator_status(vm: &Vm, g: Value) -> Option<GenStatus> {
    match &vm.space.heap.get(g.as_ref()?).body {
        Body::Generator(state) => Some(state.status),
        _ => None,
    }
}

/// The next item of an iterator, or `Err(value)` once it is exhausted
/// (`value` is a finished generator's return value, else None).
pub fn next_item(vm: &mut Vm, it: Value) -> Result<Result<Value, Value>, OpError> {
    if vm.space.type_of(it) == TypeId::GENERATOR {
        let was_finished = generator_status(vm, it) == Some(GenStatus::Finished);
        return match vm.resume_generator(it, Value::NONE)? {
            Some(v) => Ok(Ok(v)),
            None => Ok(Err(match it.as_ref().map(|r| &vm.space.heap.get(r).body) {
                Some(Body::Generator(state)) if !was_finished => state.result,
                _ => Value::NONE,
            })),
        };
    }
    match <StandardSpace as Space>::next(vm, it)? {
        Some(v) => Ok(Ok(v)),
        None => Ok(Err(Value::NONE)),
    }
}

fn next(vm: &mut Vm, args: &[Value]) -> R {
    super::support::check_count("next", args.len(), 1, 2)?;
    match next_item(vm, args[0])? {
        Ok(v) => Ok(v),
        Err(_) if args.len() == 2 => Ok(args[1]),
        Err(Value::NONE) => Err(raise(vm, "StopIteration", &[])),
        Err(result) => {
            vm.keep_alive(result);
            Err(raise(vm, "StopIteration", &[result]))
        }
    }
}

// ---- attributes --------------------------------------------------------------------------

fn attr_name(vm: &Vm, v: Value) -> Result<(), OpError> {
    if vm.space.type_of(v) == TypeId::STR {
        Ok(())
    } else {
        Err(OpError::type_error(format!(
            "attribute name must be string, not '{}'",
            tname(vm, v)
        )))
    }
}

fn getattr(vm: &mut Vm, args: &[Value]) -> R {
    super::support::check_count("getattr", args.len(), 2, 3)?;
    attr_name(vm, args[1])?;
    match <StandardSpace as Space>::get_attr(vm, args[0], &args[1]) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && error_is(vm, &e, ErrorKind::Attribute, "AttributeError") => {
            swallow(vm, &e);
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value]) -> R {
    attr_name(vm, args[1])?;
    <StandardSpace as Space>::set_attr(vm, args[0], &args[1], args[2])?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: &[Value]) -> R {
    attr_name(vm, args[1])?;
    <StandardSpace as Space>::del_attr(vm, args[0], &args[1])?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: &[Value]) -> R {
    attr_name(vm, args[1])?;
    match <StandardSpace as Space>::get_attr(vm, args[0], &args[1]) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if error_is(vm, &e, ErrorKind::Attribute, "AttributeError") => {
            swallow(vm, &e);
            Ok(Value::FALSE)
        }
        Err(e) => Err(e),
    }
}

/// The namespace of a module object.
fn module_ns(vm: &Vm, m: Value) -> NsId {
    NsId(field(&vm.space, m, 1).as_small_int().unwrap_or(0) as u32)
}

fn vars(vm: &mut Vm, args: &[Value]) -> R {
    let Some(&x) = args.first() else {
        return Err(OpError::unsupported("standard", "vars() without an argument"));
    };
    match vm.space.type_of(x) {
        T::INSTANCE => crate::runtime::instance::instance_dict(vm, x),
        T::TYPE => Ok(field(&vm.space, x, class::DICT)),
        T::MODULE => {
            let items = vm.namespace_items(module_ns(vm, x));
            let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])?;
            vm.keep_alive(dict);
            for (k, v) in items {
                let key = new_str(vm, &k)?;
                collections::dict_set(vm, dict, key, v)?;
            }
            Ok(dict)
        }
        _ => Err(OpError::type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: &[Value]) -> R {
    let Some(&x) = args.first() else {
        return Err(OpError::unsupported("standard", "dir() without an argument"));
    };
    let mut names: Vec<String> = Vec::new();
    let add_dict = |vm: &Vm, d: Value, names: &mut Vec<String>| {
        if let Some(t) = collections::table(&vm.space, d) {
            names.extend(t.iter().filter_map(|e| vm.space.str_of(e.key).map(str::to_string)));
        }
    };
    let t = vm.space.type_of(x);
    if t == T::MODULE {
        names.extend(vm.namespace_items(module_ns(vm, x)).into_iter().map(|(k, _)| k));
    } else {
        if t == T::INSTANCE {
            names.extend(crate::runtime::instance::attribute_names(vm, x)?);
        }
        let cls = if is_class(vm, x) {
            x
        } else {
            crate::runtime::objects::class_of(vm, x)
        };
        for c in mro(vm, cls) {
            add_dict(vm, field(&vm.space, c, class::DICT), &mut names);
            if let Some(core) = crate::runtime::objects::class_core(vm, c) {
                names.extend(
                    py(vm)
                        .methods
                        .keys()
                        .filter(|(ty, _)| *ty == core)
                        .map(|(_, n)| n.clone()),
                );
            }
        }
        names.push("__class__".into());
    }
    names.sort();
    names.dedup();
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        let s = new_str(vm, &n)?;
        vm.keep_alive(s);
        items.push(s);
    }
    super::support::list(vm, items)
}

// ---- hidden helpers ------------------------------------------------------------------------

/// `__wb_module__(name)`: the module called `name`, made empty if it is new.
fn wb_module(vm: &mut Vm, args: &[Value]) -> R {
    let name = text_of(vm, args[0]).ok_or_else(|| OpError::type_error("module name must be str"))?;
    super::modules::module(vm, &name)
}

/// `__wb_fill_module__(name, namespace)`: binds every entry of a dict in
/// the module `name` (made if new). The prelude writes `functools` and
/// `itertools` this way.
fn wb_fill_module(vm: &mut Vm, args: &[Value]) -> R {
    let m = wb_module(vm, &args[..1])?;
    vm.keep_alive(m);
    let ns = module_ns(vm, m);
    let entries: Vec<(Value, Value)> = collections::table(&vm.space, args[1])
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    for (k, v) in entries {
        if let Some(name) = text_of(vm, k) {
            vm.set_global_in(ns, &name, v);
        }
    }
    Ok(m)
}

/// `__wb_inplace__(op, a, b)`: `a op= b`. Lists, sets and dicts change in
/// place (`+=`, `*=`, `|=`, `&=`, `-=`, `^=`); instances use `__iadd__` and
/// friends when their class has them; everything else is `a op b`.
fn wb_inplace(vm: &mut Vm, args: &[Value]) -> R {
    let op = text_of(vm, args[0]).unwrap_or_default();
    let (a, b) = (args[1], args[2]);
    let binop = match op.trim_end_matches('=') {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "//" => BinOp::FloorDiv,
        "%" => BinOp::Mod,
        "**" => BinOp::Pow,
        "&" => BinOp::BitAnd,
        "|" => BinOp::BitOr,
        "^" => BinOp::BitXor,
        "<<" => BinOp::Shl,
        ">>" => BinOp::Shr,
        other => return Err(OpError::type_error(format!("unknown in-place operator '{other}='"))),
    };
    match vm.space.type_of(a) {
        TypeId::LIST if binop == BinOp::Add => {
            let items = collect(vm, b)?;
            vm.space.heap.grew(items.len() * 8)?;
            if let Some(v) = list_mut(vm, a) {
                v.extend(items);
            }
            return Ok(a);
        }
        TypeId::LIST if binop == BinOp::Mul => {
            let n = super::support::index_of(vm, b)?.max(0) as usize;
            let items = collections::seq_items(&vm.space, a).unwrap_or_default();
            vm.space.heap.grew(items.len() * n.saturating_sub(1) * 8)?;
            if let Some(v) = list_mut(vm, a) {
                *v = std::iter::repeat_n(items, n).flatten().collect();
            }
            return Ok(a);
        }
        TypeId::SET
            if matches!(binop, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                && (vm.space.type_of(b) == TypeId::SET || vm.space.type_of(b) == super::types::FROZENSET) =>
        {
            super::methods_sets::update_in_place(vm, a, b, binop)?;
            return Ok(a);
        }
        TypeId::DICT if binop == BinOp::BitOr && vm.space.type_of(b) == TypeId::DICT => {
            super::constructors::dict_merge(vm, a, b)?;
            return Ok(a);
        }
        T::INSTANCE => {
            let name = format!("__i{}__", dunder_stem(binop));
            if let Some(m) = crate::runtime::attrs::has_special(vm, a, &name)? {
                let r = vm.call_value(m, &[a, b])?;
                if r != py(vm).not_implemented {
                    return Ok(r);
                }
            }
        }
        _ => {}
    }
    <StandardSpace as Space>::binary(vm, binop, a, b)
}

fn dunder_stem(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::BitAnd => "and",
        BinOp::BitOr => "or",
        BinOp::BitXor => "xor",
        BinOp::Shl => "lshift",
        _ => "rshift",
    }
}

/// Installs the functions of this file.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::bind_all(
        vm,
        &[
            ("sorted", Arity::AtLeast(0), sorted),
            ("min", Arity::AtLeast(0), min),
            ("max", Arity::AtLeast(0), max),
            ("sum", Arity::AtLeast(0), sum),
            ("any", Arity::Exact(1), any),
            ("all", Arity::Exact(1), all),
            ("iter", Arity::AtLeast(1), iter),
            ("next", Arity::AtLeast(1), next),
            ("getattr", Arity::AtLeast(2), getattr),
            ("setattr", Arity::Exact(3), setattr),
            ("delattr", Arity::Exact(2), delattr),
            ("hasattr", Arity::Exact(2), hasattr),
            ("vars", Arity::AtLeast(0), vars),
            ("dir", Arity::AtLeast(0), dir),
            ("__wb_module__", Arity::Exact(1), wb_module),
            ("__wb_fill_module__", Arity::Exact(2), wb_fill_module),
            ("__wb_inplace__", Arity::Exact(3), wb_inplace),
        ],
    )
}
