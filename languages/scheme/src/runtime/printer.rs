//! `display` and `write`: R7RS external representations.
//!
//! `write` shows data so that `read` could read it back (strings quoted and
//! escaped, characters as `#\x`); `display` shows strings and characters as
//! their text. Lists follow their cdrs iteratively, so a long list prints
//! without deep recursion; nesting through cars is bounded by [`MAX_DEPTH`].
//! Inexact numbers print like Guile's: the shortest digits that read back
//! to the same double, in positional notation within the bounds Guile uses
//! (see [`float_text`]).

use super::types as T;
use super::{fields_of, items_of, numbers, pair_of, symbol_name};
use crate::reader::{Datum, Syn, CHAR_NAMES};
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{CoreOps, Registry, Vm};

/// Nesting (through cars and vector items) beyond which output is elided.
pub const MAX_DEPTH: usize = 10_000;

/// Registers `str` and `repr` for Scheme's classes (what the framework shows
/// for a value in its own messages).
pub fn register(reg: &mut Registry) {
    let ops = CoreOps::of(reg);
    for t in (0..T::NAMES.len() as u16).map(|i| TypeId(TypeId::CORE_COUNT + i)) {
        reg.register(ops.str, &[t], "scheme display", display_impl);
        reg.register(ops.repr, &[t], "scheme write", write_impl);
    }
}

fn display_impl(vm: &mut Vm, args: &[Value]) -> Result<Value, Fail> {
    let s = display_string(vm, args[0]);
    vm.space.str_value(&s).map_err(Fail::Error)
}

fn write_impl(vm: &mut Vm, args: &[Value]) -> Result<Value, Fail> {
    let s = write_string(vm, args[0]);
    vm.space.str_value(&s).map_err(Fail::Error)
}

/// What `display` prints.
pub fn display_string(vm: &mut Vm, v: Value) -> String {
    let mut out = String::new();
    print(vm, v, false, &mut out, 0);
    out
}

/// What `write` prints.
pub fn write_string(vm: &mut Vm, v: Value) -> String {
    let mut out = String::new();
    print(vm, v, true, &mut out, 0);
    out
}

/// An inexact number as Guile prints it.
pub fn float_text(x: f64) -> String {
    if x.is_nan() {
        return "+nan.0".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+inf.0".into() } else { "-inf.0".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-trip digits and exponent, from Rust's `{:e}`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let n = digits.len() as i32;
    let sign = if x < 0.0 { "-" } else { "" };
    // The decimal point sits after `point` digits (may be <= 0 or > n).
    let point = exp + 1;
    // Guile's choice, measured: whole numbers stay positional up to 7 digits, or up to 3
    // padding zeros after the significant digits; small ones down to two leading zeros.
    let body = if point > n && point <= (n + 3).max(7) {
        format!("{digits}{}.0", "0".repeat((point - n) as usize))
    } else if point > 0 && point <= n {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{}", if b.is_empty() { "0" } else { b })
    } else if point <= 0 && -point <= 2 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let (a, b) = digits.split_at(1);
        format!("{a}.{}e{exp}", if b.is_empty() { "0" } else { b })
    };
    format!("{sign}{body}")
}

/// A character as `write` shows it.
pub fn char_text(c: char) -> String {
    let names = [
        ('\0', "nul"),
        ('\u{7}', "alarm"),
        ('\u{8}', "backspace"),
        ('\t', "tab"),
        ('\n', "newline"),
        ('\r', "return"),
        ('\u{1b}', "escape"),
        (' ', "space"),
        ('\u{7f}', "delete"),
    ];
    if let Some((_, n)) = names.iter().find(|(k, _)| *k == c) {
        return format!("#\\{n}");
    }
    if (c as u32) < 32 {
        return format!("#\\x{:x}", c as u32);
    }
    format!("#\\{c}")
}

/// A string as `write` shows it.
pub fn string_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\0' => out.push_str("\\x0;"),
            c if (c as u32) < 32 => out.push_str(&format!("\\x{:x};", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn symbol_text(name: &str, write: bool) -> String {
    let plain = !name.is_empty()
        && !name.chars().any(|c| c.is_whitespace() || "()[]\"';`,|".contains(c))
        && crate::reader::parse_number(name).is_none()
        && !name.starts_with('#');
    if !write || plain {
        name.to_string()
    } else {
        format!("|{}|", name.replace('|', "\\|"))
    }
}

fn print(vm: &mut Vm, v: Value, write: bool, out: &mut String, depth: usize) {
    // In the taint space an element may be labelled: print the plain value and
    // record the labels, so that the text is refused as output.
    let v = vm.space.untaint(v);
    if depth > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    match v {
        Value::NONE => return out.push_str("()"),
        Value::TRUE => return out.push_str("#t"),
        Value::FALSE => return out.push_str("#f"),
        Value::UNSPECIFIED => return out.push_str("#<unspecified>"),
        _ => {}
    }
    if let Some(c) = v.as_char() {
        if write {
            out.push_str(&char_text(c));
        } else {
            out.push(c);
        }
        return;
    }
    if let Some(text) = numbers::number_text(&vm.space, v, 10) {
        out.push_str(&text);
        return;
    }
    let t = vm.space.type_of(v);
    match t {
        TypeId::STR => {
            let s = vm.space.str_of(v).unwrap_or("");
            if write {
                out.push_str(&string_text(s));
            } else {
                out.push_str(s);
            }
        }
        T::SYMBOL => out.push_str(&symbol_text(symbol_name(&vm.space, v).unwrap_or(""), write)),
        T::PAIR => {
            out.push('(');
            let mut cur = v;
            let mut first = true;
            loop {
                match pair_of(&vm.space, cur) {
                    Some((a, d)) => {
                        if !first {
                            out.push(' ');
                        }
                        first = false;
                        print(vm, a, write, out, depth + 1);
                        cur = d;
                    }
                    None if cur == Value::NONE => break,
                    None => {
                        out.push_str(" . ");
                        print(vm, cur, write, out, depth + 1);
                        break;
                    }
                }
            }
            out.push(')');
        }
        T::VECTOR | T::BYTEVECTOR => {
            let items = items_of(&vm.space, v, t).cloned().unwrap_or_default();
            out.push_str(if t == T::VECTOR { "#(" } else { "#u8(" });
            for (i, x) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                print(vm, x, write, out, depth + 1);
            }
            out.push(')');
        }
        T::RECORD => {
            let f = fields_of(&vm.space, v, T::RECORD)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            let rtd = fields_of(&vm.space, f[0], T::RECORD_TYPE)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            let name = rtd.first().map(|n| display_string(vm, *n)).unwrap_or_default();
            let names = rtd
                .get(1)
                .and_then(|l| super::list_items(vm, "write", 1, *l).ok())
                .unwrap_or_default();
            out.push_str("#<");
            out.push_str(&name);
            for (n, x) in names.iter().zip(&f[1..]) {
                out.push(' ');
                out.push_str(&display_string(vm, *n));
                out.push_str(": ");
                print(vm, *x, write, out, depth + 1);
            }
            out.push('>');
        }
        T::RECORD_TYPE => {
            let name = fields_of(&vm.space, v, T::RECORD_TYPE)
                .map(|f| f[0])
                .unwrap_or(Value::NONE);
            out.push_str("#<record-type ");
            print(vm, name, false, out, depth + 1);
            out.push('>');
        }
        T::VALUES => {
            let f = fields_of(&vm.space, v, T::VALUES)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            for (i, x) in f.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                print(vm, x, write, out, depth + 1);
            }
        }
        T::CONDITION => {
            let f = fields_of(&vm.space, v, T::CONDITION)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            out.push_str("#<condition ");
            print(vm, f[1], false, out, depth + 1);
            out.push('>');
        }
        T::EOF => out.push_str("#<eof>"),
        TypeId::FUNCTION | TypeId::NATIVE => {
            let name = procedure_name(vm, v);
            out.push_str(&format!("#<procedure {name}>"));
        }
        _ => {
            let name = vm.space.type_name_of(v);
            out.push_str(&format!("#<{name}>"));
        }
    }
}

/// The name of a procedure, for printing and messages.
pub fn procedure_name(vm: &Vm, v: Value) -> String {
    match v.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Closure { code, .. }) => vm.code(*code).name.clone(),
        Some(Body::Native(id)) => vm.native_name(*id).to_string(),
        _ => "?".into(),
    }
}

/// Source text of a datum (for `assert` messages).
pub fn syntax_text(s: &Syn) -> String {
    match &s.datum {
        Datum::Sym(id) => id.name.to_string(),
        Datum::Str(t) => string_text(t),
        Datum::Char(c) => char_text(*c),
        Datum::Bool(b) => if *b { "#t" } else { "#f" }.into(),
        Datum::Num(n) => match n {
            crate::reader::Num::Int(i) => i.to_string(),
            crate::reader::Num::Big(d) => d.clone(),
            crate::reader::Num::Rational(a, b) => format!("{a}/{b}"),
            crate::reader::Num::Float(x) => float_text(*x),
        },
        Datum::List(items, tail) => {
            let mut parts: Vec<String> = items.iter().map(syntax_text).collect();
            if let Some(t) = tail {
                parts.push(".".into());
                parts.push(syntax_text(t));
            }
            format!("({})", parts.join(" "))
        }
        Datum::Vector(items) => format!("#({})", items.iter().map(syntax_text).collect::<Vec<_>>().join(" ")),
        Datum::Bytes(b) => format!("#u8({})", b.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")),
    }
}

/// Names of characters `#\name` accepts (re-exported for `char` builtins).
pub fn char_names() -> &'static [(&'static str, char)] {
    &CHAR_NAMES
}
