//! `str` methods that search and cut: `find`/`rfind`/`index`/`rindex`,
//! `count`, `startswith`/`endswith`, `split`/`rsplit`/`splitlines`, `join`,
//! `strip`/`lstrip`/`rstrip`, `replace`, `partition`/`rpartition`,
//! `removeprefix`/`removesuffix`.
//!
//! Positions are in code points, as in Python; strings are UTF-8 here, so
//! positions are converted to byte offsets (for free on ASCII text).
//! Case conversion, predicates and padding are in [`super::methods_str2`].

use super::constructors::is_space;
use super::support::{collect, keywords, list, new_str, opt_index, text_of, tname, tuple, R};
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, Vm};
use workbench_framework::space::{ErrorKind, OpError};

fn value_error(msg: impl Into<String>) -> OpError {
    OpError::new(ErrorKind::Value, msg)
}

/// The text of `self`.
pub fn this(vm: &Vm, v: Value) -> String {
    vm.space.str_of(v).unwrap_or("").to_string()
}

/// A str argument, or a TypeError worded like CPython's.
pub fn str_arg(vm: &Vm, v: Value, what: &str) -> Result<String, OpError> {
    text_of(vm, v).ok_or_else(|| OpError::type_error(format!("{what} must be str, not {}", tname(vm, v))))
}

/// Number of code points.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `ci` (clamped to the end).
pub fn byte_at(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        ci.min(s.len())
    } else {
        s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
    }
}

/// Code-point index of byte offset `b`.
pub fn char_at(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// CPython's `ADJUST_INDICES`: `start`/`end` of a search, in code points
/// (`start` may exceed the length, meaning "nothing to search").
pub fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// `(self, sub, start, end)` of the search methods.
fn search_args(vm: &mut Vm, args: &[Value], fname: &str) -> Result<(String, String, i64, i64), OpError> {
    if args.len() < 2 || args.len() > 4 {
        return Err(OpError::type_error(format!(
            "{fname}() takes from 1 to 3 arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let s = this(vm, args[0]);
    let sub =
        text_of(vm, args[1]).ok_or_else(|| OpError::type_error(format!("must be str, not {}", tname(vm, args[1]))))?;
    let start = opt_index(vm, args.get(2).copied())?;
    let end = opt_index(vm, args.get(3).copied())?;
    let (a, b) = adjust(char_len(&s), start, end);
    Ok((s, sub, a, b))
}

/// Finds `sub` in `s[start:end]` (code points); from the right if `rev`.
fn find_in(s: &str, sub: &str, start: i64, end: i64, rev: bool) -> i64 {
    if end - start < char_len(sub) as i64 || start > char_len(s) as i64 {
        return -1;
    }
    let (bs, be) = (byte_at(s, start as usize), byte_at(s, end as usize));
    let hay = &s[bs..be];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        Some(b) => start + char_at(hay, b) as i64,
        None => -1,
    }
}

fn find_common(vm: &mut Vm, args: &[Value], fname: &str, rev: bool, raise: bool) -> R {
    let (s, sub, a, b) = search_args(vm, args, fname)?;
    let i = find_in(&s, &sub, a, b, rev);
    if i < 0 && raise {
        return Err(value_error("substring not found"));
    }
    vm.space.int_value(i)
}

fn find(vm: &mut Vm, args: &[Value]) -> R {
    find_common(vm, args, "find", false, false)
}
fn rfind(vm: &mut Vm, args: &[Value]) -> R {
    find_common(vm, args, "rfind", true, false)
}
fn index(vm: &mut Vm, args: &[Value]) -> R {
    find_common(vm, args, "index", false, true)
}
fn rindex(vm: &mut Vm, args: &[Value]) -> R {
    find_common(vm, args, "rindex", true, true)
}

fn count(vm: &mut Vm, args: &[Value]) -> R {
    let (s, sub, a, b) = search_args(vm, args, "count")?;
    if b - a < char_len(&sub) as i64 || a > char_len(&s) as i64 {
        return vm.space.int_value(0);
    }
    let n = if sub.is_empty() {
        (b - a + 1) as usize
    } else {
        s[byte_at(&s, a as usize)..byte_at(&s, b as usize)]
            .matches(sub.as_str())
            .count()
    };
    vm.space.int_value(n as i64)
}

fn starts_ends(vm: &mut Vm, args: &[Value], fname: &str, ends: bool) -> R {
    if args.len() < 2 || args.len() > 4 {
        return Err(OpError::type_error(format!(
            "{fname}() takes from 1 to 3 arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let s = this(vm, args[0]);
    let start = opt_index(vm, args.get(2).copied())?;
    let end = opt_index(vm, args.get(3).copied())?;
    let (a, b) = adjust(char_len(&s), start, end);
    let is_tuple = vm.space.type_of(args[1]) == TypeId::TUPLE;
    let candidates = if is_tuple {
        collections::seq_items(&vm.space, args[1]).unwrap_or_default()
    } else {
        vec![args[1]]
    };
    for c in candidates {
        let Some(p) = text_of(vm, c) else {
            let what = if ends { "endswith" } else { "startswith" };
            let t = tname(vm, c);
            return Err(OpError::type_error(if is_tuple {
                format!("tuple for {what} must only contain str, not {t}")
            } else {
                format!("{what} first arg must be str or a tuple of str, not {t}")
            }));
        };
        if a > char_len(&s) as i64 {
            continue;
        }
        let hay = if b >= a {
            &s[byte_at(&s, a as usize)..byte_at(&s, b as usize)]
        } else {
            ""
        };
        if b - a < char_len(&p) as i64 {
            continue;
        }
        if (ends && hay.ends_with(&p)) || (!ends && hay.starts_with(&p)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: &[Value]) -> R {
    starts_ends(vm, args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[Value]) -> R {
    starts_ends(vm, args, "endswith", true)
}

/// Splits on runs of whitespace, at most `max` times (negative: no limit).
pub fn split_whitespace(s: &str, max: i64, from_right: bool) -> Vec<String> {
    let mut out = Vec::new();
    if from_right {
        let chars: Vec<char> = s.chars().collect();
        let mut end = chars.len();
        let mut splits = 0;
        loop {
            while end > 0 && is_space(chars[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if max >= 0 && splits >= max {
                out.push(chars[..end].iter().collect());
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(chars[start - 1]) {
                start -= 1;
            }
            out.push(chars[start..end].iter().collect());
            splits += 1;
            end = start;
        }
        out.reverse();
        return out;
    }
    let mut rest = s.trim_start_matches(is_space);
    let mut splits = 0;
    while !rest.is_empty() {
        if max >= 0 && splits >= max {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        splits += 1;
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

fn split_common(vm: &mut Vm, args: &[Value], fname: &str, from_right: bool) -> R {
    let kw = keywords(vm, fname, &["sep", "maxsplit"])?;
    if args.len() > 3 {
        return Err(OpError::type_error(format!(
            "{fname}() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let s = this(vm, args[0]);
    let sep = args.get(1).copied().or(kw[0]).filter(|v| *v != Value::NONE);
    let max = match args.get(2).copied().or(kw[1]) {
        Some(m) => super::support::index_of(vm, m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        None => split_whitespace(&s, max, from_right),
        Some(sep) => {
            let sep = str_arg(vm, sep, "must be str or None,")
                .map_err(|_| OpError::type_error(format!("must be str or None, not {}", tname(vm, sep))))?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let parts: Vec<String> = match (max < 0, from_right) {
                (true, _) => s.split(sep.as_str()).map(str::to_string).collect(),
                (false, false) => s.splitn(max as usize + 1, sep.as_str()).map(str::to_string).collect(),
                (false, true) => {
                    let mut p: Vec<String> = s.rsplitn(max as usize + 1, sep.as_str()).map(str::to_string).collect();
                    p.reverse();
                    p
                }
            };
            parts
        }
    };
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        items.push(new_str(vm, &p)?);
    }
    list(vm, items)
}

fn split(vm: &mut Vm, args: &[Value]) -> R {
    split_common(vm, args, "split", false)
}
fn rsplit(vm: &mut Vm, args: &[Value]) -> R {
    split_common(vm, args, "rsplit", true)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn splitlines(vm: &mut Vm, args: &[Value]) -> R {
    let kw = keywords(vm, "splitlines", &["keepends"])?;
    let keep = match args.get(1).copied().or(kw[0]) {
        Some(v) => super::support::truth(vm, v)?,
        None => false,
    };
    let s = this(vm, args[0]);
    let chars: Vec<char> = s.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if is_line_break(chars[i]) {
            let mut end = i + 1;
            if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let stop = if keep { end } else { i };
            lines.push(chars[start..stop].iter().collect::<String>());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        lines.push(chars[start..].iter().collect());
    }
    let mut items = Vec::with_capacity(lines.len());
    for l in lines {
        items.push(new_str(vm, &l)?);
    }
    list(vm, items)
}

fn join(vm: &mut Vm, args: &[Value]) -> R {
    let sep = this(vm, args[0]);
    let items = match collect(vm, args[1]) {
        Err(e) if e.kind == ErrorKind::Type && e.message.ends_with("is not iterable") => {
            return Err(OpError::type_error("can only join an iterable"))
        }
        other => other?,
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Some(t) = vm.space.str_of(*item) else {
            return Err(OpError::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                tname(vm, *item)
            )));
        };
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(t);
    }
    vm.space.heap.reserve(out.len())?;
    new_str(vm, &out)
}

fn strip_common(vm: &mut Vm, args: &[Value], fname: &str, left: bool, right: bool) -> R {
    if args.len() > 2 {
        return Err(OpError::type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let s = this(vm, args[0]);
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(&Value::NONE) => None,
        Some(&c) => Some(
            text_of(vm, c)
                .ok_or_else(|| OpError::type_error(format!("{fname} arg must be None or str")))?
                .chars()
                .collect(),
        ),
    };
    let pred = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    if t.len() == s.len() {
        return Ok(args[0]);
    }
    new_str(vm, t)
}

fn strip(vm: &mut Vm, args: &[Value]) -> R {
    strip_common(vm, args, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value]) -> R {
    strip_common(vm, args, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value]) -> R {
    strip_common(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value]) -> R {
    if args.len() < 3 || args.len() > 4 {
        return Err(OpError::type_error(format!(
            "replace expected at least 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let s = this(vm, args[0]);
    let old = str_arg(vm, args[1], "replace() argument 1")?;
    let new = str_arg(vm, args[2], "replace() argument 2")?;
    let n = match args.get(3) {
        Some(&c) => super::support::index_of(vm, c)?,
        None => -1,
    };
    let out = if n < 0 {
        s.replace(&old, &new)
    } else {
        s.replacen(&old, &new, n as usize)
    };
    vm.space.heap.reserve(out.len())?;
    new_str(vm, &out)
}

fn partition_common(vm: &mut Vm, args: &[Value], rev: bool) -> R {
    let s = this(vm, args[0]);
    let sep =
        text_of(vm, args[1]).ok_or_else(|| OpError::type_error(format!("must be str, not {}", tname(vm, args[1]))))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { s.rfind(&sep) } else { s.find(&sep) };
    let (a, b, c) = match found {
        Some(i) => (&s[..i], sep.as_str(), &s[i + sep.len()..]),
        None if rev => ("", "", s.as_str()),
        None => (s.as_str(), "", ""),
    };
    let items = vec![new_str(vm, a)?, new_str(vm, b)?, new_str(vm, c)?];
    tuple(vm, items)
}

fn partition(vm: &mut Vm, args: &[Value]) -> R {
    partition_common(vm, args, false)
}
fn rpartition(vm: &mut Vm, args: &[Value]) -> R {
    partition_common(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: &[Value]) -> R {
    let s = this(vm, args[0]);
    let p = str_arg(vm, args[1], "removeprefix() argument")?;
    match s.strip_prefix(p.as_str()) {
        Some(rest) if !p.is_empty() => new_str(vm, rest),
        _ => Ok(args[0]),
    }
}

fn removesuffix(vm: &mut Vm, args: &[Value]) -> R {
    let s = this(vm, args[0]);
    let p = str_arg(vm, args[1], "removesuffix() argument")?;
    match s.strip_suffix(p.as_str()) {
        Some(rest) if !p.is_empty() => new_str(vm, rest),
        _ => Ok(args[0]),
    }
}

/// Installs the methods of this file.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    super::add_methods(
        vm,
        TypeId::STR,
        &[
            ("find", Arity::AtLeast(1), find),
            ("rfind", Arity::AtLeast(1), rfind),
            ("index", Arity::AtLeast(1), index),
            ("rindex", Arity::AtLeast(1), rindex),
            ("count", Arity::AtLeast(1), count),
            ("startswith", Arity::AtLeast(1), startswith),
            ("endswith", Arity::AtLeast(1), endswith),
            ("split", Arity::AtLeast(1), split),
            ("rsplit", Arity::AtLeast(1), rsplit),
            ("splitlines", Arity::AtLeast(1), splitlines),
            ("join", Arity::Exact(2), join),
            ("strip", Arity::AtLeast(1), strip),
            ("lstrip", Arity::AtLeast(1), lstrip),
            ("rstrip", Arity::AtLeast(1), rstrip),
            ("replace", Arity::AtLeast(1), replace),
            ("partition", Arity::Exact(2), partition),
            ("rpartition", Arity::Exact(2), rpartition),
            ("removeprefix", Arity::Exact(2), removeprefix),
            ("removesuffix", Arity::Exact(2), removesuffix),
        ],
    )
}
