//! String formatting: `str.format`, `str.format_map`, `format()`, printf-style
//! `str % args`, and the hidden helpers f-strings compile to.
//!
//! - `__wb_format__(value, spec)`: `format(value, spec)` (an f-string field
//!   `{x:spec}`; the spec is a str, possibly built at run time).
//! - `__wb_convert__(value, conv)`: the `!r` / `!s` / `!a` conversion, `conv`
//!   being `"r"`, `"s"` or `"a"`.
//! - `__wb_concat__(*parts)`: joins the pieces of an f-string (all str).
//!
//! `str % x` is the multimethod `mod(str, object)`; the spec mini-language
//! itself is in [`super::format`].

use super::format::{exponent, fixed, format_value, general, group_digits};
use super::support::{big_of, display, new_str, raise, repr, text_of, tname, R};
use crate::runtime::attrs::has_special;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use workbench_framework::bytecode::BinOp;
use workbench_framework::language::Arity;
use workbench_framework::multimethod::{Fail, Returns};
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

fn value_error(msg: impl Into<String>) -> OpError {
    OpError::new(ErrorKind::Value, msg)
}

/// `ascii(v)`: the repr with non-ASCII characters escaped.
pub fn ascii_text(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    let r = repr(vm, v)?;
    Ok(escape_non_ascii(&r))
}

/// Escapes non-ASCII characters the way `ascii()` does.
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// Applies a `!r`/`!s`/`!a` conversion.
fn convert(vm: &mut Vm, v: Value, conv: char) -> Result<Value, OpError> {
    let text = match conv {
        'r' => repr(vm, v)?,
        's' => display(vm, v)?,
        'a' => ascii_text(vm, v)?,
        c => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    let s = new_str(vm, &text)?;
    vm.keep_alive(s);
    Ok(s)
}

// ---- str.format ----------------------------------------------------------------------

/// Arguments of a `str.format` call.
struct FormatArgs<'a> {
    positional: &'a [Value],
    keywords: &'a [(String, Value)],
    mapping: Option<Value>,
    auto: Option<usize>,
    manual: bool,
}

fn lookup_field(vm: &mut Vm, name: &str, fa: &mut FormatArgs) -> Result<Value, OpError> {
    // The first part: an index or a name, up to the first '.' or '['.
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let mut value = if first.is_empty() {
        if fa.manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let i = fa.auto.unwrap_or(0);
        fa.auto = Some(i + 1);
        fa.positional.get(i).copied().ok_or_else(|| {
            OpError::new(
                ErrorKind::Index,
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if fa.auto.is_some() {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        fa.manual = true;
        let i: usize = first
            .parse()
            .map_err(|_| value_error("Too many decimal digits in format string"))?;
        fa.positional.get(i).copied().ok_or_else(|| {
            OpError::new(
                ErrorKind::Index,
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?
    } else if let Some((_, v)) = fa.keywords.iter().find(|(k, _)| k == first) {
        *v
    } else if let Some(m) = fa.mapping {
        let key = new_str(vm, first)?;
        vm.keep_alive(key);
        <StandardSpace as Space>::get_item(vm, m, key)?
    } else {
        let key = new_str(vm, first)?;
        vm.keep_alive(key);
        return Err(raise(vm, "KeyError", &[key]));
    };
    while !rest.is_empty() {
        vm.keep_alive(value);
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return Err(value_error("Empty attribute in format string"));
            }
            let attr = new_str(vm, &r[..end])?;
            vm.keep_alive(attr);
            value = <StandardSpace as Space>::get_attr(vm, value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(close) = r.find(']') else {
                return Err(value_error("Missing ']' in format string"));
            };
            let key_text = &r[..close];
            if key_text.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let key = match key_text.parse::<i64>() {
                Ok(i) if key_text.chars().all(|c| c.is_ascii_digit()) => vm.space.int_value(i)?,
                _ => new_str(vm, key_text)?,
            };
            vm.keep_alive(key);
            value = <StandardSpace as Space>::get_item(vm, value, key)?;
            rest = &r[close + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

/// Expands a format string; `depth` limits nested specs.
fn expand(vm: &mut Vm, template: &str, fa: &mut FormatArgs, depth: usize) -> Result<String, OpError> {
    if depth > 2 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::with_capacity(template.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // A field: find its matching '}'.
        let mut j = i + 1;
        let mut level = 1;
        let mut bracket = false;
        while j < chars.len() {
            match chars[j] {
                '[' => bracket = true,
                ']' => bracket = false,
                '{' if !bracket => level += 1,
                '}' if !bracket => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(value_error(if level > 1 {
                "unmatched '{' in format spec"
            } else {
                "Single '{' encountered in format string"
            }));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        // Split name ! conversion : spec (brackets may hide ':' and '!').
        let mut k = 0;
        let fchars: Vec<char> = field.chars().collect();
        let mut in_bracket = false;
        while k < fchars.len() {
            match fchars[k] {
                '[' => in_bracket = true,
                ']' => in_bracket = false,
                '!' | ':' if !in_bracket => break,
                _ => {}
            }
            k += 1;
        }
        let name: String = fchars[..k].iter().collect();
        let mut conv = None;
        let mut spec = String::new();
        if k < fchars.len() && fchars[k] == '!' {
            if k + 1 >= fchars.len() {
                return Err(value_error("unmatched '{' in format spec"));
            }
            conv = Some(fchars[k + 1]);
            k += 2;
            if k < fchars.len() && fchars[k] != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
        if k < fchars.len() && fchars[k] == ':' {
            spec = fchars[k + 1..].iter().collect();
        }
        let mut value = lookup_field(vm, &name, fa)?;
        vm.keep_alive(value);
        if let Some(c) = conv {
            value = convert(vm, value, c)?;
        }
        let spec = if spec.contains('{') {
            expand(vm, &spec, fa, depth + 1)?
        } else {
            spec
        };
        out.push_str(&format_value(vm, value, &spec)?);
    }
    Ok(out)
}

/// `str.format(*args, **kwargs)`.
fn str_format(vm: &mut Vm, args: &[Value]) -> R {
    let keywords = vm.take_keywords();
    for (_, v) in &keywords {
        vm.keep_alive(*v);
    }
    let template = text_of(vm, args[0]).unwrap_or_default();
    let mut fa = FormatArgs {
        positional: &args[1..],
        keywords: &keywords,
        mapping: None,
        auto: None,
        manual: false,
    };
    let s = expand(vm, &template, &mut fa, 0)?;
    new_str(vm, &s)
}

/// `str.format_map(mapping)`.
fn str_format_map(vm: &mut Vm, args: &[Value]) -> R {
    let template = text_of(vm, args[0]).unwrap_or_default();
    let mut fa = FormatArgs {
        positional: &[],
        keywords: &[],
        mapping: Some(args[1]),
        auto: None,
        manual: false,
    };
    let s = expand(vm, &template, &mut fa, 0)?;
    new_str(vm, &s)
}

/// `format(value, spec='')`.
fn format_builtin(vm: &mut Vm, args: &[Value]) -> R {
    super::support::check_count("format", args.len(), 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(s) => match vm.space.str_of(*s) {
            Some(t) => t.to_string(),
            None => {
                return Err(OpError::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    tname(vm, *s)
                )))
            }
        },
    };
    super::format::format_to_value(vm, args[0], &spec)
}

/// `__wb_format__(value, spec)`: an f-string field.
fn wb_format(vm: &mut Vm, args: &[Value]) -> R {
    if args[1] == Value::NONE || vm.space.str_of(args[1]) == Some("") {
        if vm.space.type_of(args[0]) == TypeId::STR {
            return Ok(args[0]);
        }
        if matches!(vm.space.type_of(args[0]), TypeId::INT | TypeId::FLOAT | TypeId::BIGINT) {
            let s = display(vm, args[0])?;
            return new_str(vm, &s);
        }
    }
    format_builtin(vm, args)
}

/// `__wb_convert__(value, conv)`: `!r`, `!s`, `!a`.
fn wb_convert(vm: &mut Vm, args: &[Value]) -> R {
    let c = vm.space.str_of(args[1]).and_then(|s| s.chars().next()).unwrap_or('s');
    convert(vm, args[0], c)
}

/// `__wb_concat__(*parts)`: the pieces of an f-string, joined.
fn wb_concat(vm: &mut Vm, args: &[Value]) -> R {
    let mut out = String::new();
    for &a in args {
        match vm.space.str_of(a) {
            Some(s) => out.push_str(s),
            None => out.push_str(&display(vm, a)?),
        }
    }
    vm.space.heap.reserve(out.len())?;
    new_str(vm, &out)
}

// ---- printf-style % ----------------------------------------------------------------------

/// Pads a printf-style conversion: `-` left-justifies, `0` pads with zeros after the sign.
fn pad_printf(head: &str, body: &str, width: usize, left: bool, zero: bool) -> String {
    let len = head.chars().count() + body.chars().count();
    if len >= width {
        return format!("{head}{body}");
    }
    let n = width - len;
    if left {
        format!("{head}{body}{}", " ".repeat(n))
    } else if zero {
        format!("{head}{}{body}", "0".repeat(n))
    } else {
        format!("{}{head}{body}", " ".repeat(n))
    }
}

/// An int for `%d`/`%x`: ints as they are, floats truncated (for `%d` only).
fn printf_int(vm: &mut Vm, v: Value, ty: char) -> Result<BigInt, OpError> {
    if let Some(b) = big_of(vm, v) {
        return Ok(b);
    }
    if matches!(ty, 'd' | 'i' | 'u') {
        if let Some(x) = vm.space.float_of(v) {
            return super::constructors::float_to_big(x);
        }
        if let Some(m) = has_special(vm, v, "__int__")? {
            let r = vm.call_value(m, &[v])?;
            if let Some(b) = big_of(vm, r) {
                return Ok(b);
            }
        }
        return Err(OpError::type_error(format!(
            "%{ty} format: a real number is required, not {}",
            tname(vm, v)
        )));
    }
    if let Some(m) = has_special(vm, v, "__index__")? {
        let r = vm.call_value(m, &[v])?;
        if let Some(b) = big_of(vm, r) {
            return Ok(b);
        }
    }
    Err(OpError::type_error(format!(
        "%{ty} format: an integer is required, not {}",
        tname(vm, v)
    )))
}

fn printf_float(vm: &mut Vm, v: Value) -> Result<f64, OpError> {
    if let Some(x) = super::support::float_of_num(vm, v) {
        return Ok(x);
    }
    if let Some(m) = has_special(vm, v, "__float__")? {
        let r = vm.call_value(m, &[v])?;
        if let Some(x) = vm.space.float_of(r) {
            return Ok(x);
        }
    }
    Err(OpError::type_error(format!(
        "must be real number, not {}",
        tname(vm, v)
    )))
}

/// One `%` conversion.
struct Conv {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

fn convert_one(vm: &mut Vm, v: Value, ty: char, c: &Conv) -> Result<String, OpError> {
    let sign = |neg: bool| {
        if neg {
            "-"
        } else if c.plus {
            "+"
        } else if c.space {
            " "
        } else {
            ""
        }
    };
    match ty {
        's' | 'r' | 'a' => {
            let t = match ty {
                's' => display(vm, v)?,
                'r' => repr(vm, v)?,
                _ => ascii_text(vm, v)?,
            };
            let t: String = match c.precision {
                Some(p) => t.chars().take(p).collect(),
                None => t,
            };
            Ok(pad_printf("", &t, c.width, c.left, false))
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = printf_int(vm, v, ty)?;
            let (radix, prefix) = match ty {
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                'o' => (8, "0o"),
                _ => (10, ""),
            };
            let mut digits = n.abs().to_str_radix(radix);
            if ty == 'X' {
                digits = digits.to_uppercase();
            }
            if let Some(p) = c.precision {
                digits = group_digits(&digits, None, 3, p);
            }
            let head = format!("{}{}", sign(n.is_negative()), if c.alt { prefix } else { "" });
            Ok(pad_printf(&head, &digits, c.width, c.left, c.zero))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = printf_float(vm, v)?;
            let upper = ty.is_ascii_uppercase();
            let a = x.abs();
            let body = if !x.is_finite() {
                let t = if x.is_nan() { "nan" } else { "inf" };
                if upper {
                    t.to_uppercase()
                } else {
                    t.to_string()
                }
            } else {
                let p = c.precision.unwrap_or(6);
                match ty {
                    'e' | 'E' => exponent(a, p, upper, c.alt),
                    'f' | 'F' => fixed(a, p, c.alt),
                    _ => general(a, p, upper, c.alt, false),
                }
            };
            let neg = x.is_sign_negative() && !x.is_nan();
            Ok(pad_printf(sign(neg), &body, c.width, c.left, c.zero))
        }
        'c' => {
            let ch = if let Some(b) = big_of(vm, v) {
                match b.to_u32().and_then(char::from_u32) {
                    Some(ch) => ch,
                    None => return Err(OpError::new(ErrorKind::Overflow, "%c arg not in range(0x110000)")),
                }
            } else {
                match vm.space.str_of(v) {
                    Some(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    _ => return Err(OpError::type_error("%c requires int or char")),
                }
            };
            Ok(pad_printf("", &ch.to_string(), c.width, c.left, false))
        }
        _ => unreachable!("checked by the caller"),
    }
}

/// The positional arguments of a `%` format.
struct Cursor {
    items: Vec<Value>,
    next: usize,
}

impl Cursor {
    fn take(&mut self) -> Result<Value, OpError> {
        let v = self.items.get(self.next).copied();
        self.next = self.next.saturating_add(1);
        v.ok_or_else(|| OpError::type_error("not enough arguments for format string"))
    }

    fn star(&mut self, vm: &Vm) -> Result<i64, OpError> {
        let v = self.take()?;
        vm.space.int_of(v).ok_or_else(|| OpError::type_error("* wants int"))
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> Result<String, OpError> {
    let t = vm.space.type_of(args);
    let (items, single) = if t == TypeId::TUPLE {
        (collections::seq_items(&vm.space, args).unwrap_or_default(), false)
    } else {
        (vec![args], true)
    };
    let is_mapping = match t {
        TypeId::TUPLE | TypeId::STR => false,
        TypeId::DICT | TypeId::LIST => true,
        _ => has_special(vm, args, "__getitem__")?.is_some(),
    };
    let mut cursor = Cursor { items, next: 0 };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let mut used_key = false;
    while i < chars.len() {
        let ch = chars[i];
        if ch != '%' {
            out.push(ch);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut keyed = None;
        if chars[i] == '(' {
            if !is_mapping {
                return Err(OpError::type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            // This runs inside the `mod` multimethod, perhaps outside any
            // native: hold the key (not keep_alive) while a user
            // `__getitem__` may run. The value is used at once.
            let key: String = chars[start..i - 1].iter().collect();
            let k = new_str(vm, &key)?;
            super::support::hold(vm, k);
            let v = <StandardSpace as Space>::get_item(vm, args, k);
            super::support::release(vm, k);
            keyed = Some(v?);
            used_key = true;
            cursor.next = usize::MAX;
        }
        let mut c = Conv {
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
            width: 0,
            precision: None,
        };
        while i < chars.len() {
            match chars[i] {
                '-' => c.left = true,
                '+' => c.plus = true,
                ' ' => c.space = true,
                '#' => c.alt = true,
                '0' => c.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            let w = cursor.star(vm)?;
            if w < 0 {
                c.left = true;
            }
            c.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                c.width = c.width * 10 + chars[i].to_digit(10).unwrap_or(0) as usize;
                i += 1;
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                c.precision = Some(cursor.star(vm)?.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p * 10 + chars[i].to_digit(10).unwrap_or(0) as usize;
                    i += 1;
                }
                c.precision = Some(p);
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&ty) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        if !matches!(
            ty,
            's' | 'r' | 'a' | 'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c'
        ) {
            return Err(value_error(format!(
                "unsupported format character '{ty}' ({:#x}) at index {i}",
                ty as u32
            )));
        }
        i += 1;
        let v = match keyed {
            Some(v) => v,
            None => cursor.take()?,
        };
        if c.left {
            c.zero = false;
        }
        out.push_str(&convert_one(vm, v, ty, &c)?);
    }
    let leftover = if single {
        cursor.next == 0
    } else {
        cursor.next < cursor.items.len()
    };
    if leftover && !is_mapping && !(used_key && single) {
        return Err(OpError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn str_mod(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let fmt = text_of(vm, a[0]).unwrap_or_default();
    let s = percent_format(vm, &fmt, a[1])?;
    vm.space.heap.reserve(s.len())?;
    Ok(new_str(vm, &s)?)
}

/// Registers `str % x`.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    reg.register(
        ops.binary[BinOp::Mod as usize],
        &[TypeId::STR, TypeId::OBJECT],
        "str % x",
        str_mod,
    )
    .returns(Returns::Class(TypeId::STR));
}

/// Installs `format`, `str.format`, `str.format_map` and the f-string helpers.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::bind_all(
        vm,
        &[
            ("format", Arity::AtLeast(0), format_builtin),
            ("__wb_format__", Arity::Exact(2), wb_format),
            ("__wb_convert__", Arity::Exact(2), wb_convert),
            ("__wb_concat__", Arity::AtLeast(0), wb_concat),
        ],
    )?;
    super::add_methods(
        vm,
        TypeId::STR,
        &[
            ("format", Arity::AtLeast(1), str_format),
            ("format_map", Arity::Exact(2), str_format_map),
        ],
    )
}
