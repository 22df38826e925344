//! `str` methods that change case, test characters, and pad: `upper`,
//! `lower`, `casefold`, `swapcase`, `title`, `capitalize`, the `is...`
//! predicates, `zfill`, `center`/`ljust`/`rjust`, `expandtabs`, `translate`
//! and `str.maketrans`, `encode` (UTF-8 only, as a list of byte values is
//! not a `bytes`: unsupported).
//!
//! Rust's Unicode tables stand in for CPython's: `is_alphabetic` for
//! letters, `is_numeric` for numerics; decimal digits are recognised by
//! their block (ASCII, and the common scripts' digit runs).

use super::constructors::is_space;
use super::methods_str::{char_len, this};
use super::support::{index_of, new_str, text_of, tname, R};
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{BuildKind, OpError, Space};

fn map_text(vm: &mut Vm, v: Value, f: impl Fn(&str) -> String) -> R {
    let s = this(vm, v);
    let out = f(&s);
    if out == s {
        return Ok(v);
    }
    new_str(vm, &out)
}

fn upper(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| s.to_uppercase())
}
fn lower(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| s.to_lowercase())
}
fn casefold(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| s.to_lowercase().replace('ß', "ss").replace('ς', "σ"))
}

fn swapcase(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

/// Has case (an upper- or lower-case letter).
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// Title case of one character (`ǆ` has its own; others use upper case).
fn to_title(c: char, out: &mut String) {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => out.push('ǅ'),
        'ǉ' | 'ǈ' | 'Ǉ' => out.push('ǈ'),
        'ǌ' | 'ǋ' | 'Ǌ' => out.push('ǋ'),
        'ǳ' | 'ǲ' | 'Ǳ' => out.push('ǲ'),
        _ => out.extend(c.to_uppercase()),
    }
}

fn title(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                to_title(c, &mut out);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn capitalize(vm: &mut Vm, a: &[Value]) -> R {
    map_text(vm, a[0], |s| {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars();
        if let Some(c) = chars.next() {
            to_title(c, &mut out);
        }
        for c in chars {
            out.extend(c.to_lowercase());
        }
        out
    })
}

/// Unicode decimal digits (category Nd): ASCII and the common scripts' runs of ten.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii_digit() {
        return true;
    }
    const STARTS: [u32; 24] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
        0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    ];
    let n = c as u32;
    STARTS.iter().any(|&s| (s..s + 10).contains(&n))
}

/// Digits (`isdigit`): decimals plus superscripts and similar.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || matches!(c, '²' | '³' | '¹' | '⁰' | '⁴'..='⁹' | '₀'..='₉' | '①'..='⑨')
}

fn predicate(vm: &mut Vm, v: Value, empty: bool, f: impl Fn(char) -> bool) -> R {
    let s = this(vm, v);
    if s.is_empty() {
        return Ok(Value::bool(empty));
    }
    Ok(Value::bool(s.chars().all(f)))
}

fn isdigit(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, is_digit)
}
fn isdecimal(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, is_decimal)
}
fn isnumeric(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, |c| c.is_numeric())
}
fn isalpha(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, char::is_alphabetic)
}
fn isalnum(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, char::is_alphanumeric)
}
fn isspace(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], false, is_space)
}
fn isascii(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], true, |c| c.is_ascii())
}
fn isprintable(vm: &mut Vm, a: &[Value]) -> R {
    predicate(vm, a[0], true, workbench_framework::space::standard::text::is_printable)
}

fn isupper(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    Ok(Value::bool(
        s.chars().any(is_cased) && !s.chars().any(char::is_lowercase),
    ))
}

fn islower(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    Ok(Value::bool(
        s.chars().any(is_cased) && !s.chars().any(char::is_uppercase),
    ))
}

fn istitle(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isidentifier(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => chars.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    };
    Ok(Value::bool(ok))
}

fn fill_arg(vm: &Vm, a: &[Value]) -> Result<char, OpError> {
    match a.get(2) {
        None => Ok(' '),
        Some(&f) => {
            let Some(t) = text_of(vm, f) else {
                return Err(OpError::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    tname(vm, f)
                )));
            };
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(OpError::type_error(
                    "The fill character must be exactly one character long",
                )),
            }
        }
    }
}

fn pad_common(vm: &mut Vm, a: &[Value], how: char) -> R {
    let s = this(vm, a[0]);
    let width = index_of(vm, a[1])?;
    let fill = fill_arg(vm, a)?;
    let len = char_len(&s) as i64;
    if width <= len {
        return Ok(a[0]);
    }
    let marg = (width - len) as usize;
    let (left, right) = match how {
        '<' => (0, marg),
        '>' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let f = fill.to_string();
    vm.space.heap.reserve(s.len() + marg * f.len())?;
    let out = format!("{}{s}{}", f.repeat(left), f.repeat(right));
    new_str(vm, &out)
}

fn center(vm: &mut Vm, a: &[Value]) -> R {
    pad_common(vm, a, '^')
}
fn ljust(vm: &mut Vm, a: &[Value]) -> R {
    pad_common(vm, a, '<')
}
fn rjust(vm: &mut Vm, a: &[Value]) -> R {
    pad_common(vm, a, '>')
}

fn zfill(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    let width = index_of(vm, a[1])?;
    let len = char_len(&s) as i64;
    if width <= len {
        return Ok(a[0]);
    }
    let zeros = "0".repeat((width - len) as usize);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    new_str(vm, &out)
}

fn expandtabs(vm: &mut Vm, a: &[Value]) -> R {
    let kw = super::support::keywords(vm, "expandtabs", &["tabsize"])?;
    let size = match a.get(1).copied().or(kw[0]) {
        Some(v) => index_of(vm, v)?,
        None => 8,
    };
    let s = this(vm, a[0]);
    let mut out = String::with_capacity(s.len());
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new_str(vm, &out)
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to replacements.
fn maketrans(vm: &mut Vm, a: &[Value]) -> R {
    let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])?;
    vm.keep_alive(dict);
    match a.len() {
        1 => {
            let entries: Vec<(Value, Value)> = collections::table(&vm.space, a[0])
                .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
                .ok_or_else(|| OpError::type_error("if you give only one argument to maketrans it must be a dict"))?;
            for (k, v) in entries {
                let key = match text_of(vm, k) {
                    Some(t) if char_len(&t) == 1 => vm.space.int_value(t.chars().next().unwrap_or(' ') as i64)?,
                    Some(_) => {
                        return Err(OpError::new(
                            workbench_framework::space::ErrorKind::Value,
                            "string keys in translate table must be of length 1",
                        ))
                    }
                    None => k,
                };
                collections::dict_set(vm, dict, key, v)?;
            }
        }
        2 | 3 => {
            let (x, y) = (this(vm, a[0]), this(vm, a[1]));
            if char_len(&x) != char_len(&y) {
                return Err(OpError::new(
                    workbench_framework::space::ErrorKind::Value,
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (c, d) in x.chars().zip(y.chars()) {
                let k = vm.space.int_value(c as i64)?;
                let v = vm.space.int_value(d as i64)?;
                collections::dict_set(vm, dict, k, v)?;
            }
            if let Some(&z) = a.get(2) {
                for c in this(vm, z).chars() {
                    let k = vm.space.int_value(c as i64)?;
                    collections::dict_set(vm, dict, k, Value::NONE)?;
                }
            }
        }
        n => {
            return Err(OpError::type_error(format!(
                "maketrans() takes at most 3 arguments ({n} given)"
            )))
        }
    }
    Ok(dict)
}

fn translate(vm: &mut Vm, a: &[Value]) -> R {
    let s = this(vm, a[0]);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.space.int_value(c as i64)?;
        match <StandardSpace as Space>::get_item(vm, a[1], key) {
            Ok(Value::NONE) => {}
            Ok(v) => match vm.space.int_of(v) {
                Some(i) => out.push(u32::try_from(i).ok().and_then(char::from_u32).unwrap_or(c)),
                None => match vm.space.str_of(v) {
                    Some(t) => out.push_str(t),
                    None => {
                        return Err(OpError::type_error(
                            "character mapping must return integer, None or str",
                        ))
                    }
                },
            },
            Err(e)
                if super::support::error_is(vm, &e, workbench_framework::space::ErrorKind::Key, "LookupError")
                    || e.kind == workbench_framework::space::ErrorKind::Index =>
            {
                super::support::swallow(vm, &e);
                out.push(c)
            }
            Err(e) => return Err(e),
        }
    }
    new_str(vm, &out)
}

/// Installs the methods of this file.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::add_methods(
        vm,
        TypeId::STR,
        &[
            ("upper", Arity::Exact(1), upper),
            ("lower", Arity::Exact(1), lower),
            ("casefold", Arity::Exact(1), casefold),
            ("swapcase", Arity::Exact(1), swapcase),
            ("title", Arity::Exact(1), title),
            ("capitalize", Arity::Exact(1), capitalize),
            ("isdigit", Arity::Exact(1), isdigit),
            ("isdecimal", Arity::Exact(1), isdecimal),
            ("isnumeric", Arity::Exact(1), isnumeric),
            ("isalpha", Arity::Exact(1), isalpha),
            ("isalnum", Arity::Exact(1), isalnum),
            ("isspace", Arity::Exact(1), isspace),
            ("isascii", Arity::Exact(1), isascii),
            ("isprintable", Arity::Exact(1), isprintable),
            ("isupper", Arity::Exact(1), isupper),
            ("islower", Arity::Exact(1), islower),
            ("istitle", Arity::Exact(1), istitle),
            ("isidentifier", Arity::Exact(1), isidentifier),
            ("center", Arity::AtLeast(2), center),
            ("ljust", Arity::AtLeast(2), ljust),
            ("rjust", Arity::AtLeast(2), rjust),
            ("zfill", Arity::Exact(2), zfill),
            ("expandtabs", Arity::AtLeast(1), expandtabs),
            ("maketrans", Arity::AtLeast(1), maketrans),
            ("translate", Arity::Exact(2), translate),
        ],
    )
}
