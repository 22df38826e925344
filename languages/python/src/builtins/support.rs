//! Small helpers every builtin needs: reading arguments (keywords, ints,
//! strings), raising Python exceptions by class name, walking iterables
//! safely (with the items kept alive across guest code), and integers of
//! any size.
//!
//! Natives root what they hold with `vm.keep_alive`, which lasts until the
//! native returns. Multimethod implementations are not always inside a
//! native, so they must not call it; [`hold`]/[`release`] give them a scoped
//! root instead.

use crate::runtime::exceptions::{builtin_class, pending_is};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// The result type of natives.
pub type R = Result<Value, OpError>;

// ---- keyword arguments ---------------------------------------------------------

/// Takes the call's keyword arguments, accepting only `allowed` names; the
/// result has one slot per allowed name.
pub fn keywords(vm: &mut Vm, fname: &str, allowed: &[&str]) -> Result<Vec<Option<Value>>, OpError> {
    let given = vm.take_keywords();
    let mut out = vec![None; allowed.len()];
    for (name, value) in given {
        vm.keep_alive(value);
        match allowed.iter().position(|a| *a == name) {
            Some(i) => out[i] = Some(value),
            None => {
                return Err(OpError::type_error(format!(
                    "'{name}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(out)
}

/// Positional argument `i`, or the keyword in `kw`, or None; both given is an error.
pub fn arg(args: &[Value], i: usize, kw: Option<Value>, fname: &str, name: &str) -> Result<Option<Value>, OpError> {
    match (args.get(i), kw) {
        (Some(_), Some(_)) => Err(OpError::type_error(format!(
            "argument for {fname}() given by name ('{name}') and position ({})",
            i + 1
        ))),
        (Some(v), None) => Ok(Some(*v)),
        (None, k) => Ok(k),
    }
}

/// Checks a positional-argument count the way CPython words it for builtins.
pub fn check_count(fname: &str, n: usize, min: usize, max: usize) -> Result<(), OpError> {
    if n < min {
        let want = if min == max {
            format!("{fname} expected {min} argument")
        } else {
            format!("{fname} expected at least {min} argument")
        };
        return Err(OpError::type_error(format!(
            "{want}{}, got {n}",
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        let want = if min == max {
            format!("{fname} expected {max} argument")
        } else {
            format!("{fname} expected at most {max} argument")
        };
        return Err(OpError::type_error(format!(
            "{want}{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

// ---- values ------------------------------------------------------------------

/// A new str value.
pub fn new_str(vm: &mut Vm, s: &str) -> R {
    vm.space.str_value(s)
}

/// The text of a str value (a copy).
pub fn text_of(vm: &Vm, v: Value) -> Option<String> {
    vm.space.str_of(v).map(str::to_string)
}

/// The user-visible type name.
pub fn tname(vm: &Vm, v: Value) -> String {
    if vm.space.type_of(v) == TypeId::BIGINT {
        return "int".into();
    }
    vm.space.type_name_of(v)
}

/// True for int-like values: int, bigint, bool.
pub fn is_int(vm: &Vm, v: Value) -> bool {
    matches!(vm.space.type_of(v), TypeId::INT | TypeId::BIGINT | TypeId::BOOL)
}

/// An int-like value as a big integer.
pub fn big_of(vm: &Vm, v: Value) -> Option<BigInt> {
    match vm.space.type_of(v) {
        TypeId::INT => vm.space.int_of(v).map(BigInt::from),
        TypeId::BIGINT => vm.space.bigint_of(v).cloned(),
        TypeId::BOOL => Some(BigInt::from((v == Value::TRUE) as i64)),
        _ => None,
    }
}

/// An int value from a big integer (small when it fits).
pub fn big_value(vm: &mut Vm, b: BigInt) -> R {
    vm.space.bigint_value(b)
}

/// A float from an int-like or float value.
pub fn float_of_num(vm: &Vm, v: Value) -> Option<f64> {
    match vm.space.type_of(v) {
        TypeId::FLOAT => vm.space.float_of(v),
        TypeId::INT => vm.space.int_of(v).map(|i| i as f64),
        TypeId::BOOL => Some((v == Value::TRUE) as i64 as f64),
        TypeId::BIGINT => vm.space.bigint_of(v).map(|b| b.to_f64().unwrap_or(f64::INFINITY)),
        _ => None,
    }
}

/// An index argument: an int (or bool, or an instance with `__index__`).
pub fn index_of(vm: &mut Vm, v: Value) -> Result<i64, OpError> {
    match vm.space.type_of(v) {
        TypeId::INT => return Ok(vm.space.int_of(v).unwrap_or(0)),
        TypeId::BOOL => return Ok((v == Value::TRUE) as i64),
        TypeId::BIGINT => {
            let b = vm.space.bigint_of(v).cloned().unwrap_or_default();
            return Ok(if b < BigInt::zero() { i64::MIN } else { i64::MAX });
        }
        _ => {}
    }
    if let Some(m) = crate::runtime::attrs::has_special(vm, v, "__index__")? {
        let r = vm.call_value(m, &[v])?;
        if let Some(i) = vm.space.int_of(r) {
            return Ok(i);
        }
    }
    Err(OpError::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        tname(vm, v)
    )))
}

/// An int-like value (or `__index__`) as a big integer.
pub fn big_index(vm: &mut Vm, v: Value) -> Result<BigInt, OpError> {
    if let Some(b) = big_of(vm, v) {
        return Ok(b);
    }
    index_of(vm, v).map(BigInt::from)
}

/// An optional index argument where None means "absent".
pub fn opt_index(vm: &mut Vm, v: Option<Value>) -> Result<Option<i64>, OpError> {
    match v {
        None | Some(Value::NONE) => Ok(None),
        Some(x) => index_of(vm, x).map(Some),
    }
}

// ---- exceptions ------------------------------------------------------------------

/// An error carrying an instance of the builtin exception class `class`
/// (from the prelude) made from `args`. Without the prelude (unit tests), a
/// plain error naming the class.
pub fn raise(vm: &mut Vm, class: &str, args: &[Value]) -> OpError {
    let message = match args {
        [] => String::new(),
        [one] if class == "KeyError" => <StandardSpace as Space>::repr(vm, one).unwrap_or_default(),
        [one] => <StandardSpace as Space>::display(vm, one).unwrap_or_default(),
        _ => String::new(),
    };
    let Some(cls) = builtin_class(vm, class) else {
        let kind = match class {
            "KeyError" => ErrorKind::Key,
            "IndexError" => ErrorKind::Index,
            "TypeError" => ErrorKind::Type,
            "AttributeError" => ErrorKind::Attribute,
            "OverflowError" => ErrorKind::Overflow,
            "ZeroDivisionError" => ErrorKind::ZeroDivision,
            _ => ErrorKind::Value,
        };
        let text = match (kind, message.is_empty()) {
            (ErrorKind::Value, true) => class.to_string(),
            (ErrorKind::Value, false) => format!("{class}: {message}"),
            _ => message,
        };
        return OpError::new(kind, text);
    };
    match vm.call_value(cls, args) {
        Ok(exc) => vm.raise_value(exc, message),
        Err(e) => e,
    }
}

/// [`raise`] with a message string.
pub fn raise_msg(vm: &mut Vm, class: &str, message: &str) -> OpError {
    match vm.space.str_value(message) {
        Ok(m) => {
            hold(vm, m);
            let e = raise(vm, class, &[m]);
            release(vm, m);
            e
        }
        Err(e) => e,
    }
}

/// True if `e` is the framework error `kind` or a raised instance of `class`.
pub fn error_is(vm: &Vm, e: &OpError, kind: ErrorKind, class: &str) -> bool {
    e.kind == kind || (e.kind == ErrorKind::Raised && pending_is(vm, class))
}

/// Forgets the error `e` (a raised exception is taken off the interpreter).
pub fn swallow(vm: &mut Vm, e: &OpError) {
    if e.kind == ErrorKind::Raised {
        vm.take_raised();
    }
}

// ---- rooting ---------------------------------------------------------------------

/// Roots `v` until [`release`]: for multimethod implementations, which may
/// run outside any native (so `keep_alive` would never be undone).
pub fn hold(vm: &mut Vm, v: Value) {
    vm.space.roots.push(v);
}

/// Ends a [`hold`].
pub fn release(vm: &mut Vm, v: Value) {
    if let Some(i) = vm.space.roots.iter().rposition(|r| *r == v) {
        vm.space.roots.remove(i);
    }
}

// ---- lists and iteration -----------------------------------------------------------

/// The items of a list, mutably.
pub fn list_mut(vm: &mut Vm, list: Value) -> Option<&mut Vec<Value>> {
    match &mut vm.space.heap.get_mut(list.as_ref()?).body {
        Body::List(items) => Some(items),
        _ => None,
    }
}

/// Appends to a list, charging the heap budget.
pub fn list_push(vm: &mut Vm, list: Value, v: Value) -> Result<(), OpError> {
    vm.space.heap.grew(8)?;
    if let Some(items) = list_mut(vm, list) {
        items.push(v);
    }
    Ok(())
}

/// The characters of a str as one-character str values.
pub fn str_chars(vm: &mut Vm, v: Value) -> Result<Vec<Value>, OpError> {
    let text = text_of(vm, v).unwrap_or_default();
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        out.push(vm.space.str_value(c.encode_utf8(&mut buf))?);
    }
    Ok(out)
}

/// Every item of an iterable, in a new list that the running native keeps
/// alive (so the items survive guest code run while collecting them).
/// Lists, tuples, strings, dicts and sets are read directly.
pub fn collect_list(vm: &mut Vm, iterable: Value) -> R {
    let direct = match vm.space.type_of(iterable) {
        TypeId::LIST | TypeId::TUPLE => collections::seq_items(&vm.space, iterable),
        TypeId::DICT | TypeId::SET => {
            collections::table(&vm.space, iterable).map(|t| t.iter().map(|e| e.key).collect())
        }
        t if t == super::types::FROZENSET || t == super::types::DICT_KEYS => {
            let d = if t == super::types::DICT_KEYS {
                crate::runtime::objects::field(&vm.space, iterable, 0)
            } else {
                iterable
            };
            collections::table(&vm.space, d).map(|t| t.iter().map(|e| e.key).collect())
        }
        TypeId::STR => Some(str_chars(vm, iterable)?),
        _ => None,
    };
    if let Some(items) = direct {
        vm.space.heap.reserve(items.len() * 8)?;
        let list = collections::new_list(&mut vm.space, items)?;
        vm.keep_alive(list);
        return Ok(list);
    }
    let list = collections::new_list(&mut vm.space, Vec::new())?;
    vm.keep_alive(list);
    let it = <StandardSpace as Space>::iter(vm, iterable)?;
    vm.keep_alive(it);
    while let Some(x) = <StandardSpace as Space>::next(vm, it)? {
        list_push(vm, list, x)?;
    }
    Ok(list)
}

/// Every item of an iterable (kept alive by the running native).
pub fn collect(vm: &mut Vm, iterable: Value) -> Result<Vec<Value>, OpError> {
    let list = collect_list(vm, iterable)?;
    Ok(collections::seq_items(&vm.space, list).unwrap_or_default())
}

/// `a < b` as a Rust bool (may run guest code).
pub fn less(vm: &mut Vm, a: Value, b: Value) -> Result<bool, OpError> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    let r = <StandardSpace as Space>::binary(vm, workbench_framework::bytecode::BinOp::Lt, a, b)?;
    <StandardSpace as Space>::truth(vm, &r)
}

/// `a == b` as a Rust bool (may run guest code).
pub fn equal(vm: &mut Vm, a: Value, b: Value) -> Result<bool, OpError> {
    collections::keys_equal(vm, a, b)
}

/// `str(v)` as Rust text.
pub fn display(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    <StandardSpace as Space>::display(vm, &v)
}

/// `repr(v)` as Rust text.
pub fn repr(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    <StandardSpace as Space>::repr(vm, &v)
}

/// Truth of a value (may run guest code).
pub fn truth(vm: &mut Vm, v: Value) -> Result<bool, OpError> {
    <StandardSpace as Space>::truth(vm, &v)
}

/// A new tuple.
pub fn tuple(vm: &mut Vm, items: Vec<Value>) -> R {
    collections::new_tuple(&mut vm.space, items)
}

/// A new list.
pub fn list(vm: &mut Vm, items: Vec<Value>) -> R {
    vm.space.heap.reserve(items.len() * 8)?;
    collections::new_list(&mut vm.space, items)
}

/// The number of items a sized value reports (`len`).
pub fn length(vm: &mut Vm, v: Value) -> Result<usize, OpError> {
    let mm = vm.space.ops().len;
    match workbench_framework::space::standard::call_mm(vm, mm, &[v])? {
        Some(n) => Ok(vm.space.int_of(n).unwrap_or(0).max(0) as usize),
        None => Err(OpError::type_error(format!(
            "object of type '{}' has no len()",
            tname(vm, v)
        ))),
    }
}

/// Converts a big integer to `i64`, if it fits.
pub fn small(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
