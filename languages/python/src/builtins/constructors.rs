//! What calling a built-in class does: `int("ff", 16)`, `float(" 1e3 ")`,
//! `str(x)`, `list(it)`, `dict(pairs, **kw)`, `range(1, 10, 2)`, ...
//!
//! The runtime's `type.__call__` hands the arguments after the class to the
//! constructor registered here for the class's framework type. Number
//! parsing follows CPython: surrounding whitespace, a sign, underscores
//! between digits, base prefixes (`0x`, `0o`, `0b`) and `inf`/`nan`.

use super::support::{
    big_of, check_count, collect, collect_list, index_of, keywords, new_str, repr, text_of, tname, tuple, R,
};
use super::types::FROZENSET;
use crate::runtime::attrs::has_special;
use crate::runtime::objects::{class_of, is_class, new_class};
use crate::runtime::range::new_range;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Num};
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{BuildKind, ErrorKind, OpError, Space};

fn value_error(msg: impl Into<String>) -> OpError {
    OpError::new(ErrorKind::Value, msg)
}

/// Python's whitespace (`str.isspace`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// A float with its fraction dropped, as an exact integer.
pub fn float_to_big(x: f64) -> Result<BigInt, OpError> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(OpError::new(
            ErrorKind::Overflow,
            "cannot convert float infinity to integer",
        ));
    }
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_default())
}

/// Removes single underscores between digits; `None` if any is misplaced.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let before = i > 0 && chars[i - 1].is_ascii_alphanumeric();
            let after = chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if !before || !after {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `int(text, base)`; `None` if the text is not a valid literal.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim_matches(is_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.to_string())
            } else {
                if lower.len() > 1
                    && lower.starts_with('0')
                    && lower.trim_start_matches(['0', '_']).chars().next().is_some()
                {
                    return None;
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").map_or(lower.clone(), str::to_string)),
        8 => (8, lower.strip_prefix("0o").map_or(lower.clone(), str::to_string)),
        2 => (2, lower.strip_prefix("0b").map_or(lower.clone(), str::to_string)),
        b => (b, lower.clone()),
    };
    // After a prefix, one underscore may come first ("0x_ff").
    let prefixed = digits.len() < lower.len() && base != 10;
    let digits = if prefixed {
        digits.strip_prefix('_').map_or(digits.clone(), str::to_string)
    } else {
        digits
    };
    let digits = strip_underscores(&digits)?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let n = BigInt::from_str_radix(&digits, base).ok()?;
    Some(if neg { -n } else { n })
}

/// `float(text)`; `None` if the text is not a valid float.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim_matches(is_space);
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return None;
    }
    match unsigned {
        "inf" | "infinity" => {
            return Some(if lower.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(if lower.starts_with('-') { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    if !unsigned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '_' | '+' | '-'))
    {
        return None;
    }
    let clean = strip_underscores(&lower)?;
    clean.parse::<f64>().ok()
}

fn int_new(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "int", &["base"])?;
    check_count("int", args.len() + kw[0].is_some() as usize, 0, 2)?;
    let base = match args.get(1).copied().or(kw[0]) {
        None => None,
        Some(b) => {
            let b = index_of(vm, b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            Some(b as u32)
        }
    };
    let Some(&x) = args.first() else {
        return if base.is_some() {
            Err(OpError::type_error("int() missing string argument"))
        } else {
            Ok(Value::small_int(0).unwrap_or(Value::NONE))
        };
    };
    if let Some(text) = text_of(vm, x) {
        let b = base.unwrap_or(10);
        return match parse_int(&text, b) {
            Some(n) => vm.space.bigint_value(n),
            None => {
                let r = super::support::repr(vm, x)?;
                Err(value_error(format!("invalid literal for int() with base {b}: {r}")))
            }
        };
    }
    if base.is_some() {
        return Err(OpError::type_error("int() can't convert non-string with explicit base"));
    }
    match vm.space.type_of(x) {
        TypeId::INT | TypeId::BIGINT => return Ok(x),
        TypeId::BOOL => return Ok(Value::small_int((x == Value::TRUE) as i64).unwrap_or(Value::NONE)),
        TypeId::FLOAT => {
            let f = vm.space.float_of(x).unwrap_or(0.0);
            let b = float_to_big(f)?;
            return vm.space.bigint_value(b);
        }
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(m) = has_special(vm, x, name)? {
            let r = vm.call_value(m, &[x])?;
            if big_of(vm, r).is_some() {
                return Ok(r);
            }
            return Err(OpError::type_error(format!(
                "{name} returned non-int (type {})",
                tname(vm, r)
            )));
        }
    }
    Err(OpError::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tname(vm, x)
    )))
}

fn float_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("float", args.len(), 0, 1)?;
    let Some(&x) = args.first() else {
        return vm.space.float_value(0.0);
    };
    if let Some(text) = text_of(vm, x) {
        return match parse_float(&text) {
            Some(f) => vm.space.float_value(f),
            None => {
                let r = repr(vm, x)?;
                Err(value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    match vm.space.type_of(x) {
        TypeId::FLOAT => return Ok(x),
        TypeId::INT | TypeId::BOOL | TypeId::BIGINT => {
            let f = super::support::float_of_num(vm, x).unwrap_or(0.0);
            if f.is_infinite() {
                return Err(OpError::new(ErrorKind::Overflow, "int too large to convert to float"));
            }
            return vm.space.float_value(f);
        }
        _ => {}
    }
    for name in ["__float__", "__index__"] {
        if let Some(m) = has_special(vm, x, name)? {
            let r = vm.call_value(m, &[x])?;
            if let Some(f) = super::support::float_of_num(vm, r) {
                return vm.space.float_value(f);
            }
            return Err(OpError::type_error(format!(
                "{name} returned non-float (type {})",
                tname(vm, r)
            )));
        }
    }
    Err(OpError::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        tname(vm, x)
    )))
}

fn str_new(vm: &mut Vm, args: &[Value]) -> R {
    if args.len() > 3 {
        return Err(OpError::type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    match args.first() {
        None => new_str(vm, ""),
        Some(&x) if vm.space.type_of(x) == TypeId::STR => Ok(x),
        Some(&x) => {
            let s = super::support::display(vm, x)?;
            new_str(vm, &s)
        }
    }
}

fn bool_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("bool", args.len(), 0, 1)?;
    match args.first() {
        None => Ok(Value::FALSE),
        Some(x) => Ok(Value::bool(super::support::truth(vm, *x)?)),
    }
}

fn list_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("list", args.len(), 0, 1)?;
    match args.first() {
        None => collections::new_list(&mut vm.space, Vec::new()),
        Some(&x) => collect_list(vm, x),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("tuple", args.len(), 0, 1)?;
    match args.first() {
        None => tuple(vm, Vec::new()),
        Some(&x) if vm.space.type_of(x) == TypeId::TUPLE => Ok(x),
        Some(&x) => {
            let items = collect(vm, x)?;
            tuple(vm, items)
        }
    }
}

/// Adds the entries of `source` (a mapping or an iterable of pairs) to `dict`.
pub fn dict_merge(vm: &mut Vm, dict: Value, source: Value) -> Result<(), OpError> {
    if matches!(vm.space.type_of(source), TypeId::DICT) {
        let entries: Vec<(Value, Value)> = collections::table(&vm.space, source)
            .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
            .unwrap_or_default();
        let copy = collections::new_list(&mut vm.space, entries.iter().flat_map(|(k, v)| [*k, *v]).collect())?;
        vm.keep_alive(copy);
        for (k, v) in entries {
            collections::dict_set(vm, dict, k, v)?;
        }
        return Ok(());
    }
    let keys_name = new_str(vm, "keys")?;
    vm.keep_alive(keys_name);
    let has_keys =
        vm.space.type_of(source) == crate::runtime::types::INSTANCE && has_special(vm, source, "keys")?.is_some();
    if has_keys {
        let keys_fn = <StandardSpace as Space>::get_attr(vm, source, &keys_name)?;
        vm.keep_alive(keys_fn);
        let keys = vm.call_value(keys_fn, &[])?;
        vm.keep_alive(keys);
        for k in collect(vm, keys)? {
            let v = <StandardSpace as Space>::get_item(vm, source, k)?;
            vm.keep_alive(v);
            collections::dict_set(vm, dict, k, v)?;
        }
        return Ok(());
    }
    let items = match collect(vm, source) {
        Ok(items) => items,
        Err(e) if e.kind == ErrorKind::Type && e.message.ends_with("is not iterable") => {
            return Err(OpError::type_error(format!(
                "'{}' object is not iterable",
                tname(vm, source)
            )))
        }
        Err(e) => return Err(e),
    };
    for (i, item) in items.into_iter().enumerate() {
        let pair = match collect(vm, item) {
            Ok(p) => p,
            Err(e) if e.kind == ErrorKind::Type => {
                return Err(OpError::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        collections::dict_set(vm, dict, pair[0], pair[1])?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: &[Value]) -> R {
    let kw = vm.take_keywords();
    check_count("dict", args.len(), 0, 1)?;
    let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])?;
    vm.keep_alive(dict);
    for (_, v) in &kw {
        vm.keep_alive(*v);
    }
    if let Some(&src) = args.first() {
        dict_merge(vm, dict, src)?;
    }
    for (k, v) in kw {
        let key = new_str(vm, &k)?;
        collections::dict_set(vm, dict, key, v)?;
    }
    Ok(dict)
}

/// A new set (or frozenset) holding the items of `iterable`.
pub fn new_set(vm: &mut Vm, t: TypeId, items: &[Value]) -> R {
    let set = vm.space.heap.alloc(t, Body::Dict(Box::default()))?;
    vm.keep_alive(set);
    for &k in items {
        collections::dict_set(vm, set, k, Value::NONE)?;
    }
    Ok(set)
}

fn set_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("set", args.len(), 0, 1)?;
    let items = match args.first() {
        Some(&x) => collect(vm, x)?,
        None => Vec::new(),
    };
    new_set(vm, TypeId::SET, &items)
}

fn frozenset_new(vm: &mut Vm, args: &[Value]) -> R {
    check_count("frozenset", args.len(), 0, 1)?;
    match args.first() {
        Some(&x) if vm.space.type_of(x) == FROZENSET => Ok(x),
        Some(&x) => {
            let items = collect(vm, x)?;
            new_set(vm, FROZENSET, &items)
        }
        None => new_set(vm, FROZENSET, &[]),
    }
}

fn range_arg(vm: &mut Vm, v: Value) -> Result<i64, OpError> {
    index_of(vm, v)
}

fn range_new(vm: &mut Vm, args: &[Value]) -> R {
    match args.len() {
        0 => Err(OpError::type_error("range expected at least 1 argument, got 0")),
        1 => {
            let stop = range_arg(vm, args[0])?;
            new_range(vm, 0, stop, 1)
        }
        2 | 3 => {
            let start = range_arg(vm, args[0])?;
            let stop = range_arg(vm, args[1])?;
            let step = match args.get(2) {
                Some(&s) => range_arg(vm, s)?,
                None => 1,
            };
            new_range(vm, start, stop, step)
        }
        n => Err(OpError::type_error(format!(
            "range expected at most 3 arguments, got {n}"
        ))),
    }
}

fn slice_new(vm: &mut Vm, args: &[Value]) -> R {
    let items = match args.len() {
        1 => vec![Value::NONE, args[0], Value::NONE],
        2 => vec![args[0], args[1], Value::NONE],
        3 => args.to_vec(),
        0 => return Err(OpError::type_error("slice expected at least 1 argument, got 0")),
        n => {
            return Err(OpError::type_error(format!(
                "slice expected at most 3 arguments, got {n}"
            )))
        }
    };
    <StandardSpace as Space>::build(vm, BuildKind::Slice, &items)
}

/// `type(x)` is the class of `x`; `type(name, bases, dict)` makes a class.
fn type_new(vm: &mut Vm, args: &[Value]) -> R {
    match args.len() {
        1 => Ok(class_of(vm, args[0])),
        3 => {
            let Some(name) = text_of(vm, args[0]) else {
                return Err(OpError::type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    tname(vm, args[0])
                )));
            };
            let bases = collections::seq_items(&vm.space, args[1])
                .ok_or_else(|| OpError::type_error("type.__new__() argument 2 must be tuple"))?;
            if vm.space.type_of(args[2]) != TypeId::DICT {
                return Err(OpError::type_error("type.__new__() argument 3 must be dict"));
            }
            let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])?;
            vm.keep_alive(dict);
            dict_merge(vm, dict, args[2])?;
            for b in &bases {
                if !is_class(vm, *b) {
                    return Err(OpError::type_error("bases must be types"));
                }
            }
            new_class(vm, &name, bases, dict, None)
        }
        _ => Err(OpError::type_error("type() takes 1 or 3 arguments")),
    }
}

/// Installs the constructors of the built-in classes.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    use crate::runtime::start::set_constructor;
    use crate::runtime::types as T;
    set_constructor(vm, TypeId::INT, "int", int_new)?;
    set_constructor(vm, TypeId::FLOAT, "float", float_new)?;
    set_constructor(vm, TypeId::STR, "str", str_new)?;
    set_constructor(vm, TypeId::BOOL, "bool", bool_new)?;
    set_constructor(vm, TypeId::LIST, "list", list_new)?;
    set_constructor(vm, TypeId::TUPLE, "tuple", tuple_new)?;
    set_constructor(vm, TypeId::DICT, "dict", dict_new)?;
    set_constructor(vm, TypeId::SET, "set", set_new)?;
    set_constructor(vm, FROZENSET, "frozenset", frozenset_new)?;
    set_constructor(vm, T::RANGE, "range", range_new)?;
    set_constructor(vm, TypeId::SLICE, "slice", slice_new)?;
    set_constructor(vm, T::TYPE, "type", type_new)
}
