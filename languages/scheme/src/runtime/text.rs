//! Characters, strings and symbols.
//!
//! Strings are the framework's `str` objects. Scheme strings are mutable
//! (`string-set!`, `string-fill!`); since the heap names objects by index,
//! mutation replaces the text inside the same object, and every reference
//! sees it. Indices count characters, not bytes.

use super::types as T;
use super::{index_arg, intern, list, list_items, out_of_range, symbol_name, wrong_type, Native};
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

fn str_arg(vm: &mut Vm, who: &str, pos: usize, v: Value) -> Result<String, OpError> {
    match super::string_text(&vm.space, v) {
        Some(s) => Ok(s.to_string()),
        None => Err(wrong_type(vm, who, pos, "string", v)),
    }
}

fn char_arg(vm: &mut Vm, who: &str, pos: usize, v: Value) -> Result<char, OpError> {
    match v.as_char() {
        Some(c) => Ok(c),
        None => Err(wrong_type(vm, who, pos, "character", v)),
    }
}

fn new_str(vm: &mut Vm, s: &str) -> Result<Value, OpError> {
    vm.space.str_value(s)
}

/// Optional `start`/`end` arguments at `args[from..]`, checked against `len`.
fn range(vm: &mut Vm, who: &str, args: &[Value], from: usize, len: usize) -> Result<(usize, usize), OpError> {
    let start = match args.get(from) {
        Some(v) => index_arg(vm, who, from + 1, *v)?,
        None => 0,
    };
    let end = match args.get(from + 1) {
        Some(v) => index_arg(vm, who, from + 2, *v)?,
        None => len,
    };
    if end > len {
        return Err(out_of_range(vm, who, from + 2, args[from + 1]));
    }
    if start > end {
        return Err(out_of_range(vm, who, from + 1, args[from]));
    }
    Ok((start, end))
}

fn is_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(super::string_text(&vm.space, a[0]).is_some()))
}

fn is_char(_: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(a[0].as_char().is_some()))
}

fn is_symbol(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(symbol_name(&vm.space, a[0]).is_some()))
}

fn make_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = index_arg(vm, "make-string", 1, a[0])?;
    let c = match a.get(1) {
        Some(v) => char_arg(vm, "make-string", 2, *v)?,
        None => ' ',
    };
    new_str(vm, &c.to_string().repeat(n))
}

fn string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut s = String::new();
    for (i, v) in a.iter().enumerate() {
        s.push(char_arg(vm, "string", i + 1, *v)?);
    }
    new_str(vm, &s)
}

fn string_length(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = match super::string_text(&vm.space, a[0]) {
        Some(s) if s.is_ascii() => s.len(),
        Some(s) => s.chars().count(),
        None => return Err(wrong_type(vm, "string-length", 1, "string", a[0])),
    };
    vm.space.int_value(n as i64)
}

fn string_ref(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let k = index_arg(vm, "string-ref", 2, a[1])?;
    let c = match super::string_text(&vm.space, a[0]) {
        Some(s) if s.is_ascii() => s.as_bytes().get(k).map(|b| *b as char),
        Some(s) => s.chars().nth(k),
        None => return Err(wrong_type(vm, "string-ref", 1, "string", a[0])),
    };
    match c {
        Some(c) => Ok(Value::char(c)),
        None => Err(out_of_range(vm, "string-ref", 2, a[1])),
    }
}

fn replace_text(vm: &mut Vm, v: Value, text: String) {
    if let Some(r) = v.as_ref() {
        if let Body::Str(s) = &mut vm.space.heap.get_mut(r).body {
            *s = text.into_boxed_str();
        }
    }
}

fn string_set(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string-set!", 1, a[0])?;
    let k = index_arg(vm, "string-set!", 2, a[1])?;
    let c = char_arg(vm, "string-set!", 3, a[2])?;
    let mut chars: Vec<char> = s.chars().collect();
    if k >= chars.len() {
        return Err(out_of_range(vm, "string-set!", 2, a[1]));
    }
    chars[k] = c;
    replace_text(vm, a[0], chars.into_iter().collect());
    Ok(Value::UNSPECIFIED)
}

fn string_fill(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string-fill!", 1, a[0])?;
    let c = char_arg(vm, "string-fill!", 2, a[1])?;
    let mut chars: Vec<char> = s.chars().collect();
    let (start, end) = range(vm, "string-fill!", a, 2, chars.len())?;
    for x in &mut chars[start..end] {
        *x = c;
    }
    replace_text(vm, a[0], chars.into_iter().collect());
    Ok(Value::UNSPECIFIED)
}

fn substring(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "substring", 1, a[0])?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range(vm, "substring", a, 1, chars.len())?;
    let t: String = chars[start..end].iter().collect();
    new_str(vm, &t)
}

fn string_copy(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string-copy", 1, a[0])?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range(vm, "string-copy", a, 1, chars.len())?;
    let t: String = chars[start..end].iter().collect();
    new_str(vm, &t)
}

fn string_copy_into(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let to = str_arg(vm, "string-copy!", 1, a[0])?;
    let at = index_arg(vm, "string-copy!", 2, a[1])?;
    let from = str_arg(vm, "string-copy!", 3, a[2])?;
    let src: Vec<char> = from.chars().collect();
    let (start, end) = range(vm, "string-copy!", a, 3, src.len())?;
    let mut dst: Vec<char> = to.chars().collect();
    if at + (end - start) > dst.len() {
        return Err(out_of_range(vm, "string-copy!", 2, a[1]));
    }
    dst[at..at + (end - start)].copy_from_slice(&src[start..end]);
    replace_text(vm, a[0], dst.into_iter().collect());
    Ok(Value::UNSPECIFIED)
}

fn string_append(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut s = String::new();
    for (i, v) in a.iter().enumerate() {
        match super::string_text(&vm.space, *v) {
            Some(t) => s.push_str(t),
            None => return Err(wrong_type(vm, "string-append", i + 1, "string", *v)),
        }
    }
    new_str(vm, &s)
}

fn string_to_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string->list", 1, a[0])?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range(vm, "string->list", a, 1, chars.len())?;
    let items: Vec<Value> = chars[start..end].iter().map(|c| Value::char(*c)).collect();
    list(vm, &items, Value::NONE)
}

fn list_to_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let items = list_items(vm, "list->string", 1, a[0])?;
    let mut s = String::new();
    for v in items {
        s.push(char_arg(vm, "list->string", 1, v)?);
    }
    new_str(vm, &s)
}

fn string_to_vector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string->vector", 1, a[0])?;
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = range(vm, "string->vector", a, 1, chars.len())?;
    let items: Vec<Value> = chars[start..end].iter().map(|c| Value::char(*c)).collect();
    super::alloc(vm, T::VECTOR, Body::List(items))
}

fn vector_to_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(items) = super::items_of(&vm.space, a[0], T::VECTOR).cloned() else {
        return Err(wrong_type(vm, "vector->string", 1, "vector", a[0]));
    };
    let (start, end) = range(vm, "vector->string", a, 1, items.len())?;
    let mut s = String::new();
    for v in &items[start..end] {
        s.push(char_arg(vm, "vector->string", 1, *v)?);
    }
    new_str(vm, &s)
}

fn string_to_symbol(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let s = str_arg(vm, "string->symbol", 1, a[0])?;
    intern(vm, &s)
}

fn symbol_to_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match symbol_name(&vm.space, a[0]).map(str::to_string) {
        Some(s) => new_str(vm, &s),
        None => Err(wrong_type(vm, "symbol->string", 1, "symbol", a[0])),
    }
}

fn symbol_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    for (i, v) in a.iter().enumerate() {
        if symbol_name(&vm.space, *v).is_none() {
            return Err(wrong_type(vm, "symbol=?", i + 1, "symbol", *v));
        }
    }
    Ok(Value::bool(a.windows(2).all(|w| w[0] == w[1])))
}

fn map_case(vm: &mut Vm, who: &str, a: &[Value], upper: bool) -> Result<Value, OpError> {
    let s = str_arg(vm, who, 1, a[0])?;
    let t = if upper { s.to_uppercase() } else { s.to_lowercase() };
    new_str(vm, &t)
}
fn string_upcase(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    map_case(vm, "string-upcase", a, true)
}
fn string_downcase(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    map_case(vm, "string-downcase", a, false)
}

fn compare_strings(
    vm: &mut Vm,
    who: &str,
    a: &[Value],
    fold: bool,
    ok: fn(std::cmp::Ordering) -> bool,
) -> Result<Value, OpError> {
    if !fold && a.len() == 2 {
        // The common case compares in place, without copying the texts.
        let space = &vm.space;
        if let (Some(x), Some(y)) = (super::string_text(space, a[0]), super::string_text(space, a[1])) {
            return Ok(Value::bool(ok(x.cmp(y))));
        }
    }
    let mut texts = Vec::with_capacity(a.len());
    for (i, v) in a.iter().enumerate() {
        let s = str_arg(vm, who, i + 1, *v)?;
        texts.push(if fold { s.to_lowercase() } else { s });
    }
    Ok(Value::bool(texts.windows(2).all(|w| ok(w[0].cmp(&w[1])))))
}

fn compare_chars(
    vm: &mut Vm,
    who: &str,
    a: &[Value],
    fold: bool,
    ok: fn(std::cmp::Ordering) -> bool,
) -> Result<Value, OpError> {
    let mut cs = Vec::with_capacity(a.len());
    for (i, v) in a.iter().enumerate() {
        let c = char_arg(vm, who, i + 1, *v)?;
        cs.push(if fold { c.to_lowercase().next().unwrap_or(c) } else { c });
    }
    Ok(Value::bool(cs.windows(2).all(|w| ok(w[0].cmp(&w[1])))))
}

macro_rules! comparisons {
    ($table:ident, $cmp:ident, $($f:ident $name:literal $fold:literal $ok:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> { $cmp(vm, $name, a, $fold, $ok) })*
        const $table: &[Native] = &[$(($name, Arity::AtLeast(1), $f)),*];
    };
}
use std::cmp::Ordering as O;
comparisons!(STRING_CMP, compare_strings,
    s_eq "string=?" false |o| o == O::Equal, s_lt "string<?" false |o| o == O::Less,
    s_gt "string>?" false |o| o == O::Greater, s_le "string<=?" false |o| o != O::Greater,
    s_ge "string>=?" false |o| o != O::Less, s_ci_eq "string-ci=?" true |o| o == O::Equal,
    s_ci_lt "string-ci<?" true |o| o == O::Less, s_ci_gt "string-ci>?" true |o| o == O::Greater);
comparisons!(CHAR_CMP, compare_chars,
    c_eq "char=?" false |o| o == O::Equal, c_lt "char<?" false |o| o == O::Less,
    c_gt "char>?" false |o| o == O::Greater, c_le "char<=?" false |o| o != O::Greater,
    c_ge "char>=?" false |o| o != O::Less, c_ci_eq "char-ci=?" true |o| o == O::Equal);

fn char_test(vm: &mut Vm, who: &str, a: &[Value], f: fn(char) -> bool) -> Result<Value, OpError> {
    let c = char_arg(vm, who, 1, a[0])?;
    Ok(Value::bool(f(c)))
}
macro_rules! char_tests {
    ($($f:ident $name:literal $test:expr),*) => {
        $(fn $f(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> { char_test(vm, $name, a, $test) })*
        const CHAR_TESTS: &[Native] = &[$(($name, Arity::Exact(1), $f)),*];
    };
}
char_tests!(
    alphabetic "char-alphabetic?" char::is_alphabetic,
    numeric "char-numeric?" char::is_numeric,
    whitespace "char-whitespace?" char::is_whitespace,
    upper "char-upper-case?" char::is_uppercase,
    lower "char-lower-case?" char::is_lowercase
);

fn char_upcase(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let c = char_arg(vm, "char-upcase", 1, a[0])?;
    Ok(Value::char(c.to_uppercase().next().unwrap_or(c)))
}
fn char_downcase(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let c = char_arg(vm, "char-downcase", 1, a[0])?;
    Ok(Value::char(c.to_lowercase().next().unwrap_or(c)))
}
fn char_to_integer(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let c = char_arg(vm, "char->integer", 1, a[0])?;
    vm.space.int_value(c as i64)
}
fn integer_to_char(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match a[0]
        .as_small_int()
        .and_then(|i| u32::try_from(i).ok())
        .and_then(char::from_u32)
    {
        Some(c) => Ok(Value::char(c)),
        None => Err(wrong_type(vm, "integer->char", 1, "Unicode scalar value", a[0])),
    }
}
fn digit_value(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let c = char_arg(vm, "digit-value", 1, a[0])?;
    match c.to_digit(10) {
        Some(d) => vm.space.int_value(d as i64),
        None => Ok(Value::FALSE),
    }
}

fn string_index_of(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    // (string-search-forward pattern string start) as in MIT; used by the prelude's helpers.
    let pat = str_arg(vm, "string-search-forward", 1, a[0])?;
    let s = str_arg(vm, "string-search-forward", 2, a[1])?;
    let start = index_arg(vm, "string-search-forward", 3, a[2])?;
    let chars: Vec<char> = s.chars().collect();
    let hay: String = chars.iter().skip(start).collect();
    match hay.find(&pat) {
        Some(byte) => {
            let idx = start + hay[..byte].chars().count();
            vm.space.int_value(idx as i64)
        }
        None => Ok(Value::FALSE),
    }
}

/// Characters, strings and symbols.
pub const NATIVES: &[Native] = &[
    ("string?", Arity::Exact(1), is_string),
    ("char?", Arity::Exact(1), is_char),
    ("symbol?", Arity::Exact(1), is_symbol),
    ("make-string", Arity::AtLeast(1), make_string),
    ("string", Arity::AtLeast(0), string),
    ("string-length", Arity::Exact(1), string_length),
    ("string-ref", Arity::Exact(2), string_ref),
    ("string-set!", Arity::Exact(3), string_set),
    ("string-fill!", Arity::AtLeast(2), string_fill),
    ("substring", Arity::AtLeast(2), substring),
    ("string-copy", Arity::AtLeast(1), string_copy),
    ("string-copy!", Arity::AtLeast(3), string_copy_into),
    ("string-append", Arity::AtLeast(0), string_append),
    ("string->list", Arity::AtLeast(1), string_to_list),
    ("list->string", Arity::Exact(1), list_to_string),
    ("string->vector", Arity::AtLeast(1), string_to_vector),
    ("vector->string", Arity::AtLeast(1), vector_to_string),
    ("string->symbol", Arity::Exact(1), string_to_symbol),
    ("symbol->string", Arity::Exact(1), symbol_to_string),
    ("symbol=?", Arity::AtLeast(1), symbol_eq),
    ("string-upcase", Arity::Exact(1), string_upcase),
    ("string-downcase", Arity::Exact(1), string_downcase),
    ("string-foldcase", Arity::Exact(1), string_downcase),
    ("char-upcase", Arity::Exact(1), char_upcase),
    ("char-downcase", Arity::Exact(1), char_downcase),
    ("char-foldcase", Arity::Exact(1), char_downcase),
    ("char->integer", Arity::Exact(1), char_to_integer),
    ("integer->char", Arity::Exact(1), integer_to_char),
    ("digit-value", Arity::Exact(1), digit_value),
    ("string-search-forward", Arity::Exact(3), string_index_of),
];

/// The comparison and classification natives.
pub fn more() -> Vec<Native> {
    let mut v = STRING_CMP.to_vec();
    v.extend_from_slice(CHAR_CMP);
    v.extend_from_slice(CHAR_TESTS);
    v
}
