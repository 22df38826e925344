//! Strings and the catch-all implementations on the root class `object`.
//!
//! Strings concatenate with `+` and compare by code point. Every class falls
//! back to `object` (see the dispatch rules in [`crate::multimethod`]): two
//! objects are equal only if they are the same object, and anything prints
//! as `<type object>` unless its class registers something better.

use super::{CoreOps, Registry, StandardSpace};
use crate::bytecode::BinOp;
use crate::interp::Interp;
use crate::multimethod::{Fail, Returns};
use crate::object::{TypeId, Value};

/// Implementations run with the whole interpreter as context.
type S = Interp<StandardSpace>;

fn strs(s: &S, a: &[Value]) -> (String, String) {
    let get = |v| s.space.str_of(v).unwrap_or("").to_string();
    (get(a[0]), get(a[1]))
}

fn str_add(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let (x, y) = (s.space.str_of(a[0]).unwrap_or(""), s.space.str_of(a[1]).unwrap_or(""));
    s.space.heap.reserve(x.len() + y.len()).map_err(Fail::Error)?;
    let joined = format!("{x}{y}");
    Ok(s.space.str_value(&joined)?)
}

macro_rules! str_comparisons {
    ($($name:ident => $op:tt),*) => {
        $(fn $name(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
            let (x, y) = strs(s, a);
            Ok(Value::bool(x $op y))
        })*
    };
}
str_comparisons!(str_eq => ==, str_ne => !=, str_lt => <, str_le => <=, str_gt => >, str_ge => >=);

fn str_truth(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(!s.space.str_of(a[0]).unwrap_or("").is_empty()))
}

fn str_str(_: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(a[0])
}

/// Python's `repr` of a string: single quotes unless only double quotes avoid escaping.
pub fn quote(text: &str) -> String {
    let q = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(q);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(q);
    out
}

/// Python's `str.isprintable` for one character: false for the Unicode
/// categories "Other" (control, format, private use, noncharacters) and
/// "Separator" (except the ASCII space). `repr` escapes exactly these.
///
/// The table lists every control, format, separator and private-use code
/// point; of the unassigned ones (category Cn) it knows only the
/// noncharacters, because the full list changes with each Unicode version.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        return true;
    }
    !matches!(n,
        0x00..=0x1f | 0x7f..=0xa0 | 0xad
        | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2
        | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xd800..=0xf8ff | 0xfdd0..=0xfdef | 0xfeff | 0xfff9..=0xfffb
        | 0x110bd | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a
        | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..=0x10ffff)
        && (n & 0xfffe) != 0xfffe
}

fn str_repr(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = quote(s.space.str_of(a[0]).unwrap_or(""));
    Ok(s.space.str_value(&text)?)
}

fn object_eq(_: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(a[0] == a[1]))
}

fn object_ne(_: &mut S, a: &[Value]) -> Result<Value, Fail> {
    Ok(Value::bool(a[0] != a[1]))
}

fn object_str(s: &mut S, a: &[Value]) -> Result<Value, Fail> {
    let text = format!("<{} object>", s.space.type_name_of(a[0]));
    Ok(s.space.str_value(&text)?)
}

/// Registers strings and the `object` fallbacks.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    use TypeId as T;
    let b = |op: BinOp| ops.binary[op as usize];
    let str2 = [T::STR, T::STR];
    reg.register(b(BinOp::Add), &str2, "str+str", str_add)
        .returns(Returns::Class(T::STR));
    reg.register(b(BinOp::Eq), &str2, "str==str", str_eq)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Ne), &str2, "str!=str", str_ne)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Lt), &str2, "str<str", str_lt)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Le), &str2, "str<=str", str_le)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Gt), &str2, "str>str", str_gt)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Ge), &str2, "str>=str", str_ge)
        .returns(Returns::Class(T::BOOL));
    reg.register(ops.truth, &[T::STR], "truth(str)", str_truth)
        .returns(Returns::Class(T::BOOL));
    reg.register(ops.str, &[T::STR], "str(str)", str_str)
        .returns(Returns::Class(T::STR));
    reg.register(ops.repr, &[T::STR], "repr(str)", str_repr)
        .returns(Returns::Class(T::STR));

    let obj2 = [T::OBJECT, T::OBJECT];
    reg.register(b(BinOp::Eq), &obj2, "object==object", object_eq)
        .returns(Returns::Class(T::BOOL));
    reg.register(b(BinOp::Ne), &obj2, "object!=object", object_ne)
        .returns(Returns::Class(T::BOOL));
    reg.register(ops.str, &[T::OBJECT], "str(object)", object_str)
        .returns(Returns::Class(T::STR));
    reg.register(ops.repr, &[T::OBJECT], "repr(object)", object_str)
        .returns(Returns::Class(T::STR));
}
