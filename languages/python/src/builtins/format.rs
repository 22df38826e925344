//! The format-spec mini-language: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
//!
//! This is what `format(value, spec)`, `str.format` and f-strings share.
//! Numbers are formatted digit-exactly like CPython: Rust's float
//! formatting with a precision is correctly rounded (like CPython's dtoa),
//! so `'f'` and `'e'` only need the exponent spelled Python's way, and
//! `'g'` and the type-less form are built on top following CPython's
//! `format_float_short` rules. The `%`-formatting in [`super::formatting`]
//! reuses the float kernels ([`fixed`], [`exponent`], [`general`]).

use super::support::{big_of, display, new_str, tname, R};
use crate::runtime::attrs::has_special;
use crate::runtime::objects::{class_name, class_of};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use workbench_framework::object::floatfmt::python_repr;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::{ErrorKind, OpError};

/// A parsed format spec.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spec {
    /// The fill character, if given.
    pub fill: Option<char>,
    /// `<`, `>`, `=` or `^`, if given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: negative zero prints as zero.
    pub z: bool,
    /// `#`: the alternate form.
    pub alt: bool,
    /// A `0` before the width.
    pub zero: bool,
    /// Minimum width.
    pub width: usize,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Digits after the point (or significant digits, or characters for strings).
    pub precision: Option<usize>,
    /// The presentation type.
    pub ty: Option<char>,
}

fn value_error(msg: impl Into<String>) -> OpError {
    OpError::new(ErrorKind::Value, msg)
}

/// Parses a spec; `type_name` is for the error messages.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, OpError> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let digits: String = c[start..i].iter().collect();
        s.width = digits
            .parse()
            .map_err(|_| value_error("Too many decimal digits in format string"))?;
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && matches!(c[i], ',' | '_') {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        let digits: String = c[start..i].iter().collect();
        s.precision = Some(
            digits
                .parse()
                .map_err(|_| value_error("Too many decimal digits in format string"))?,
        );
    }
    if c.len() - i > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None | Some('d' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            return Err(value_error(format!(
                "Cannot specify '{g}' with '{}'.",
                s.ty.unwrap_or(' ')
            )));
        }
    }
    Ok(s)
}

// ---- padding ------------------------------------------------------------------------

/// Inserts `sep` every `group` digits from the right of `digits`, padding
/// with zeros on the left until the result is at least `min_width` long
/// (CPython's zero-padding with grouping: `format(1234, '08,')` is `0,001,234`).
pub fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        let n = digits.chars().count();
        return if n < min_width {
            format!("{}{digits}", "0".repeat(min_width - n))
        } else {
            digits.to_string()
        };
    };
    let mut rest: Vec<char> = digits.chars().collect();
    let mut out: Vec<char> = Vec::new();
    loop {
        let mut n = 0;
        while n < group {
            match rest.pop() {
                Some(d) => out.push(d),
                None => break,
            }
            n += 1;
        }
        while n < group && out.len() < min_width {
            out.push('0');
            n += 1;
        }
        if n == 0 {
            out.push('0');
        }
        if rest.is_empty() && out.len() >= min_width {
            break;
        }
        out.push(sep);
    }
    out.iter().rev().collect()
}

/// Pads `prefix` (sign, base prefix) + `body` to the spec's width.
fn pad(prefix: &str, body: &str, s: &Spec, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let align = s.align.unwrap_or(if s.zero && default_align == '>' {
        '='
    } else {
        default_align
    });
    if len >= s.width {
        return format!("{prefix}{body}");
    }
    let n = s.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{prefix}{body}{}", f(n)),
        '^' => format!("{}{prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{prefix}{}{body}", f(n)),
        _ => format!("{}{prefix}{body}", f(n)),
    }
}

/// True if numbers are zero-padded with grouping inside the padding.
fn zero_grouped(s: &Spec) -> bool {
    s.grouping.is_some()
        && s.fill.unwrap_or(if s.zero { '0' } else { ' ' }) == '0'
        && s.align.unwrap_or(if s.zero { '=' } else { '>' }) == '='
}

fn sign_text(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

// ---- strings -------------------------------------------------------------------------

/// `format(str, spec)`.
pub fn format_str(text: &str, s: &Spec) -> Result<String, OpError> {
    match s.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )))
        }
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if let Some(g) = s.grouping {
        return Err(value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    if s.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, s, '<'))
}

// ---- integers -------------------------------------------------------------------------

/// `format(int, spec)`.
pub fn format_int(n: &BigInt, s: &Spec, type_name: &str) -> Result<String, OpError> {
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = n.to_f64().unwrap_or(f64::INFINITY);
            if x.is_infinite() {
                return Err(OpError::new(ErrorKind::Overflow, "int too large to convert to float"));
            }
            return format_float(x, s);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        t => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type '{type_name}'"
            )))
        }
    }
    if s.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if s.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = n
            .to_u32()
            .and_then(char::from_u32)
            .filter(|_| n < &BigInt::from(0x110000));
        let Some(c) = c else {
            return Err(OpError::new(ErrorKind::Overflow, "%c arg not in range(0x110000)"));
        };
        return Ok(pad("", &c.to_string(), s, '>'));
    }
    let (radix, prefix, group) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = n.abs().to_str_radix(radix);
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let head = format!(
        "{}{}",
        sign_text(n.is_negative(), s.sign),
        if s.alt { prefix } else { "" }
    );
    let min = if zero_grouped(s) {
        s.width.saturating_sub(head.chars().count())
    } else {
        0
    };
    let body = if s.grouping.is_some() {
        group_digits(&digits, s.grouping, group, min)
    } else {
        digits
    };
    Ok(pad(&head, &body, s, '>'))
}

// ---- floats ---------------------------------------------------------------------------

/// `x` (finite, not negative) with `prec` digits after the point.
pub fn fixed(x: f64, prec: usize, alt: bool) -> String {
    let mut out = format!("{x:.prec$}");
    if alt && prec == 0 {
        out.push('.');
    }
    out
}

/// `x` (finite, not negative) in scientific notation, Python's spelling (`1.5e+03`).
pub fn exponent(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    let s = format!("{x:.prec$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let dot = if alt && prec == 0 { "." } else { "" };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{dot}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `x` (finite, not negative) in `'g'` style with `prec` significant
/// digits; `dot0` is the type-less form (at least one digit after the
/// point, scientific from one digit earlier).
pub fn general(x: f64, prec: usize, upper: bool, alt: bool, dot0: bool) -> String {
    let p = prec.max(1);
    let (mut digits, exp10) = if x == 0.0 {
        ("0".to_string(), 0i32)
    } else {
        let s = format!("{:.*e}", p - 1, x);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        (m.replace('.', ""), e.parse().unwrap_or(0))
    };
    if alt {
        while digits.len() < p {
            digits.push('0');
        }
    } else {
        let trimmed = digits.trim_end_matches('0');
        digits = if trimmed.is_empty() { "0".into() } else { trimmed.into() };
    }
    let decpt = exp10 + 1;
    let limit = if dot0 { p as i32 - 1 } else { p as i32 };
    let use_exp = decpt <= -4 || decpt > limit;
    if use_exp {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 || alt {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        let e = if upper { 'E' } else { 'e' };
        return format!("{m}{e}{}{:02}", if exp10 < 0 { '-' } else { '+' }, exp10.abs());
    }
    let n = digits.len() as i32;
    let mut out = if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{digits}{}", "0".repeat((decpt - n) as usize))
    } else {
        format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    };
    if !out.contains('.') {
        if dot0 {
            out.push_str(".0");
        } else if alt {
            out.push('.');
        }
    }
    out
}

/// `format(float, spec)`.
pub fn format_float(x: f64, s: &Spec) -> Result<String, OpError> {
    let ty = s.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'float'"
            )))
        }
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if !x.is_finite() {
        let t = if x.is_nan() { "nan" } else { "inf" };
        let t = if upper { t.to_uppercase() } else { t.to_string() };
        if ty == Some('%') {
            format!("{t}%")
        } else {
            t
        }
    } else {
        match ty {
            Some('f' | 'F') => fixed(a, s.precision.unwrap_or(6), s.alt),
            Some('e' | 'E') => exponent(a, s.precision.unwrap_or(6), upper, s.alt),
            Some('g' | 'G' | 'n') => general(a, s.precision.unwrap_or(6), upper, s.alt, false),
            Some('%') => format!("{}%", fixed(a * 100.0, s.precision.unwrap_or(6), s.alt)),
            _ => match s.precision {
                Some(p) => general(a, p, false, s.alt, true),
                None => python_repr(a),
            },
        }
    };
    if s.z && negative && !body.chars().any(|c| ('1'..='9').contains(&c)) {
        negative = false;
    }
    let head = sign_text(negative, s.sign);
    if s.grouping.is_some() && x.is_finite() {
        let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(split);
        let min = if zero_grouped(s) {
            s.width.saturating_sub(head.len() + rest.chars().count())
        } else {
            0
        };
        body = format!("{}{rest}", group_digits(int_part, s.grouping, 3, min));
    }
    Ok(pad(head, &body, s, '>'))
}

// ---- any value ---------------------------------------------------------------------------

/// `format(value, spec)`: the spec mini-language for built-in values, a
/// user class's `__format__`, or `str(value)` for an empty spec.
pub fn format_value(vm: &mut Vm, v: Value, spec: &str) -> Result<String, OpError> {
    let t = vm.space.type_of(v);
    match t {
        TypeId::STR => {
            let text = vm.space.str_of(v).unwrap_or("");
            if spec.is_empty() {
                return Ok(text.to_string());
            }
            let text = text.to_string();
            format_str(&text, &parse_spec(spec, "str")?)
        }
        TypeId::INT | TypeId::BIGINT | TypeId::BOOL => {
            if spec.is_empty() {
                return display(vm, v);
            }
            let n = big_of(vm, v).unwrap_or_default();
            let name = tname(vm, v);
            format_int(&n, &parse_spec(spec, &name)?, &name)
        }
        TypeId::FLOAT => {
            let x = vm.space.float_of(v).unwrap_or(0.0);
            if spec.is_empty() {
                return Ok(python_repr(x));
            }
            format_float(x, &parse_spec(spec, "float")?)
        }
        _ => {
            if let Some(method) = has_special(vm, v, "__format__")? {
                let spec_v = new_str(vm, spec)?;
                vm.keep_alive(spec_v);
                let r = vm.call_value(method, &[v, spec_v])?;
                return match vm.space.str_of(r) {
                    Some(s) => Ok(s.to_string()),
                    None => Err(OpError::type_error(format!(
                        "__format__ must return a str, not {}",
                        tname(vm, r)
                    ))),
                };
            }
            if spec.is_empty() {
                return display(vm, v);
            }
            let cls = class_of(vm, v);
            Err(OpError::type_error(format!(
                "unsupported format string passed to {}.__format__",
                class_name(vm, cls)
            )))
        }
    }
}

/// `format(value, spec)` as a str value.
pub fn format_to_value(vm: &mut Vm, v: Value, spec: &str) -> R {
    let s = format_value(vm, v, spec)?;
    new_str(vm, &s)
}

/// True if a big integer is zero (for callers without num-traits in scope).
pub fn is_zero(b: &BigInt) -> bool {
    b.is_zero()
}
