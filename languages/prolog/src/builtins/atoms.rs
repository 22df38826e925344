//! Atoms and text: `atom_codes/2`, `atom_chars/2`, `char_code/2`,
//! `atom_length/2`, `atom_concat/3` (the deterministic mode), `sub_atom/5`
//! (all matches, enumerated by the prelude), number conversions, `term_to_atom/2`.

use crate::lexer::{lex, Tok};
use crate::reader::Reader;
use crate::runtime::errors;
use crate::runtime::state::pl;
use crate::runtime::terms::{self as t, deref, is_var};
use crate::runtime::write::{format_float, format_term, WriteOpts};
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

type R = Result<Value, OpError>;

/// The text of an atomic term (atoms, numbers), as `atom_length/2` and friends see it.
pub fn text_of(vm: &Vm, v: Value) -> Option<String> {
    let s = &vm.space;
    let v = deref(s, v);
    if let Some(a) = t::atom_text(s, v) {
        return Some(a.to_string());
    }
    match s.type_of(v) {
        TypeId::INT => s.int_of(v).map(|i| i.to_string()),
        TypeId::BIGINT => s.bigint_of(v).map(|b| b.to_string()),
        TypeId::FLOAT => s.float_of(v).map(format_float),
        _ => None,
    }
}

fn text_arg(vm: &mut Vm, pred: &str, v: Value) -> Result<String, OpError> {
    text_arg_as(vm, pred, v, "atomic")
}

/// The text of an atomic argument; anything else is a type error naming `ty`.
fn text_arg_as(vm: &mut Vm, pred: &str, v: Value, ty: &str) -> Result<String, OpError> {
    let v = errors::bound(vm, pred, v)?;
    match text_of(vm, v) {
        Some(s) => Ok(s),
        None => Err(errors::type_error(vm, pred, ty, v)),
    }
}

/// Parses a number the way `number_codes/2` does (leading layout allowed, a sign, one number token).
pub fn parse_number(text: &str) -> Option<crate::reader::Term> {
    let trimmed = text.trim_start();
    let (neg, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let toks = lex(workbench_framework::span::FileId(0), body).ok()?;
    if toks.len() != 1 || toks[0].span.start != 0 {
        return None;
    }
    match &toks[0].tok {
        Tok::Int(d) => Some(crate::reader::int_term(&if neg { format!("-{d}") } else { d.clone() })),
        Tok::Float(f) => Some(crate::reader::Term::Float(if neg { -f } else { *f })),
        _ => None,
    }
}

fn number_value(vm: &mut Vm, text: &str, pred: &str) -> R {
    match parse_number(text) {
        Some(term) => t::from_ast(&mut vm.space, &term, &mut Vec::new()),
        None => Err(errors::syntax_error(vm, pred, "illegal_number")),
    }
}

fn codes_list(vm: &mut Vm, s: &str) -> R {
    let mut items = Vec::new();
    for c in s.chars() {
        items.push(vm.space.int_value(c as i64)?);
    }
    t::list_of(&mut vm.space, &items)
}

fn chars_list(vm: &mut Vm, s: &str) -> R {
    let mut items = Vec::new();
    for c in s.chars() {
        items.push(t::atom(&mut vm.space, &c.to_string())?);
    }
    t::list_of(&mut vm.space, &items)
}

/// Reads a list of codes or chars back into a string (`chars`: only one-char
/// atoms are accepted, `codes`: only codes, neither: both).
fn list_text(vm: &mut Vm, pred: &str, l: Value) -> Result<String, OpError> {
    list_text_as(vm, pred, l, None)
}

fn list_text_as(vm: &mut Vm, pred: &str, l: Value, chars: Option<bool>) -> Result<String, OpError> {
    let Some(items) = t::list_items(&vm.space, l) else {
        return Err(errors::instantiation(vm, pred));
    };
    let mut out = String::new();
    for x in items {
        let x = errors::bound(vm, pred, x)?;
        if chars == Some(true) && t::atom_text(&vm.space, x).is_none() {
            return Err(errors::type_error(vm, pred, "character", x));
        }
        if chars == Some(false) && vm.space.int_of(x).is_none() {
            return Err(errors::type_error(vm, pred, "character_code", x));
        }
        if let Some(i) = vm.space.int_of(x) {
            match char::from_u32(i as u32) {
                Some(c) if i >= 0 => out.push(c),
                _ => return Err(errors::representation_error(vm, pred, "character_code")),
            }
        } else if let Some(a) = t::atom_text(&vm.space, x) {
            let mut cs = a.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => out.push(c),
                _ => return Err(errors::type_error(vm, pred, "character", x)),
            }
        } else {
            return Err(errors::type_error(vm, pred, "character_code", x));
        }
    }
    Ok(out)
}

fn unify_atom(vm: &mut Vm, v: Value, s: &str) -> R {
    let a = t::atom(&mut vm.space, s)?;
    Ok(Value::bool(t::unify(&mut vm.space, v, a)))
}

/// `atom_codes/2`
pub fn atom_codes(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if !is_var(&vm.space, x) {
        let s = text_arg_as(vm, "atom_codes/2", x, "atom")?;
        let l = codes_list(vm, &s)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[1], l)));
    }
    let s = list_text_as(vm, "atom_codes/2", a[1], Some(false))?;
    unify_atom(vm, x, &s)
}

/// `atom_chars/2`
pub fn atom_chars(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if !is_var(&vm.space, x) {
        let s = text_arg_as(vm, "atom_chars/2", x, "atom")?;
        let l = chars_list(vm, &s)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[1], l)));
    }
    let s = list_text_as(vm, "atom_chars/2", a[1], Some(true))?;
    unify_atom(vm, x, &s)
}

/// `char_code/2`
pub fn char_code(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if let Some(s) = t::atom_text(&vm.space, x) {
        if s.chars().count() != 1 {
            return Err(errors::type_error(vm, "char_code/2", "character", x));
        }
        let c = s.chars().next().map_or(0, |c| c as i64);
        let v = vm.space.int_value(c)?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[1], v)));
    }
    if !is_var(&vm.space, x) {
        return Err(errors::type_error(vm, "char_code/2", "character", x));
    }
    let code = errors::bound(vm, "char_code/2", a[1])?;
    let Some(c) = vm
        .space
        .int_of(code)
        .filter(|i| *i >= 0)
        .and_then(|i| char::from_u32(i as u32))
    else {
        return Err(errors::type_error(vm, "char_code/2", "character_code", code));
    };
    unify_atom(vm, x, &c.to_string())
}

/// `atom_length/2`
pub fn atom_length(vm: &mut Vm, a: &[Value]) -> R {
    let x = errors::bound(vm, "atom_length/2", a[0])?;
    let Some(s) = text_of(vm, x) else {
        return Err(errors::type_error(vm, "atom_length/2", "text", x));
    };
    let l = deref(&vm.space, a[1]);
    if !is_var(&vm.space, l) && vm.space.int_of(l).is_none() {
        return Err(errors::type_error(vm, "atom_length/2", "integer", l));
    }
    let n = vm.space.int_value(s.chars().count() as i64)?;
    Ok(Value::bool(t::unify(&mut vm.space, l, n)))
}

/// `$atom_concat_det(A, B, C)`: C is the concatenation of atomic A and B.
pub fn atom_concat_det(vm: &mut Vm, a: &[Value]) -> R {
    let x = text_arg(vm, "atom_concat/3", a[0])?;
    let y = text_arg(vm, "atom_concat/3", a[1])?;
    unify_atom(vm, a[2], &format!("{x}{y}"))
}

/// `$atom_splits(C, L)`: every `A-B` with `atom_concat(A, B, C)`.
pub fn atom_splits(vm: &mut Vm, a: &[Value]) -> R {
    let c = text_arg(vm, "atom_concat/3", a[0])?;
    let minus = pl(&vm.space).atoms.minus;
    let mut items = Vec::new();
    let idx: Vec<usize> = c
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(c.len()))
        .collect();
    for i in idx {
        let x = t::atom(&mut vm.space, &c[..i])?;
        let y = t::atom(&mut vm.space, &c[i..])?;
        items.push(t::new_compound(&mut vm.space, minus, &[x, y])?);
    }
    let l = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], l)))
}

/// `$sub_atom_all(Atom, Sub, L)`: every `s(B, L, A, Sub)` of sub_atom/5 (only
/// the occurrences of Sub when it is bound).
pub fn sub_atom_all(vm: &mut Vm, a: &[Value]) -> R {
    let text = text_arg_as(vm, "sub_atom/5", a[0], "atom")?;
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let sub = deref(&vm.space, a[1]);
    let fixed = if is_var(&vm.space, sub) {
        None
    } else {
        Some(text_arg(vm, "sub_atom/5", sub)?.chars().collect::<Vec<char>>())
    };
    let s_name = t::atom(&mut vm.space, "s")?;
    let mut items = Vec::new();
    for b in 0..=n {
        for l in 0..=n - b {
            if let Some(f) = &fixed {
                if f.len() != l || chars[b..b + l] != f[..] {
                    continue;
                }
            }
            let piece: String = chars[b..b + l].iter().collect();
            let bv = vm.space.int_value(b as i64)?;
            let lv = vm.space.int_value(l as i64)?;
            let av = vm.space.int_value((n - b - l) as i64)?;
            let sv = t::atom(&mut vm.space, &piece)?;
            items.push(t::new_compound(&mut vm.space, s_name, &[bv, lv, av, sv])?);
        }
    }
    let list = t::list_of(&mut vm.space, &items)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[2], list)))
}

/// `number_codes/2`
pub fn number_codes(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    let l = deref(&vm.space, a[1]);
    if is_var(&vm.space, l) || t::list_items(&vm.space, l).is_none() {
        let x = errors::bound(vm, "number_codes/2", x)?;
        if !t::is_number(&vm.space, x) {
            return Err(errors::type_error(vm, "number_codes/2", "number", x));
        }
        let s = text_of(vm, x).unwrap_or_default();
        let codes = codes_list(vm, &s)?;
        return Ok(Value::bool(t::unify(&mut vm.space, l, codes)));
    }
    let s = list_text(vm, "number_codes/2", l)?;
    let n = number_value(vm, &s, "number_codes/2")?;
    Ok(Value::bool(t::unify(&mut vm.space, x, n)))
}

/// `number_chars/2`
pub fn number_chars(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    let l = deref(&vm.space, a[1]);
    if is_var(&vm.space, l) || t::list_items(&vm.space, l).is_none() {
        let x = errors::bound(vm, "number_chars/2", x)?;
        if !t::is_number(&vm.space, x) {
            return Err(errors::type_error(vm, "number_chars/2", "number", x));
        }
        let s = text_of(vm, x).unwrap_or_default();
        let chars = chars_list(vm, &s)?;
        return Ok(Value::bool(t::unify(&mut vm.space, l, chars)));
    }
    let s = list_text(vm, "number_chars/2", l)?;
    let n = number_value(vm, &s, "number_chars/2")?;
    Ok(Value::bool(t::unify(&mut vm.space, x, n)))
}

/// `atom_number/2`: fails (no error) when the atom is not a number.
pub fn atom_number(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if is_var(&vm.space, x) {
        let n = errors::bound(vm, "atom_number/2", a[1])?;
        let s = text_of(vm, n).unwrap_or_default();
        return unify_atom(vm, x, &s);
    }
    let s = text_arg(vm, "atom_number/2", x)?;
    match parse_number(&s) {
        Some(term) if !s.starts_with(' ') => {
            let n = t::from_ast(&mut vm.space, &term, &mut Vec::new())?;
            Ok(Value::bool(t::unify(&mut vm.space, a[1], n)))
        }
        _ => Ok(Value::FALSE),
    }
}

/// `atom_string/2` (strings are atoms here).
pub fn atom_string(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if is_var(&vm.space, x) {
        let s = text_arg(vm, "atom_string/2", a[1])?;
        return unify_atom(vm, x, &s);
    }
    let s = text_arg(vm, "atom_string/2", x)?;
    unify_atom(vm, a[1], &s)
}

/// `upcase_atom/2`
pub fn upcase_atom(vm: &mut Vm, a: &[Value]) -> R {
    let s = text_arg(vm, "upcase_atom/2", a[0])?;
    unify_atom(vm, a[1], &s.to_uppercase())
}

/// `downcase_atom/2`
pub fn downcase_atom(vm: &mut Vm, a: &[Value]) -> R {
    let s = text_arg(vm, "downcase_atom/2", a[0])?;
    unify_atom(vm, a[1], &s.to_lowercase())
}

/// Parses text as one term (with the run-time operators); variable names too.
pub fn parse_term(vm: &mut Vm, text: &str, pred: &str) -> Result<(Value, Vec<(String, Value)>), OpError> {
    let src = format!("{text} .");
    let ops = pl(&vm.space).ops.clone();
    let parsed = Reader::new(workbench_framework::span::FileId(0), &src).and_then(|mut r| {
        r.next_clause(&ops).unwrap_or(Err(crate::reader::SyntaxError {
            span: workbench_framework::span::Span::new(workbench_framework::span::FileId(0), 0, 0),
            message: "end of file".into(),
        }))
    });
    match parsed {
        Ok(c) => {
            let mut vars = Vec::new();
            let term = t::from_ast(&mut vm.space, &c.term, &mut vars)?;
            let names = c.var_names.into_iter().zip(vars).filter(|(n, _)| n != "_").collect();
            Ok((term, names))
        }
        Err(e) => Err(errors::syntax_error(vm, pred, &e.message.replace(' ', "_"))),
    }
}

/// `term_to_atom/2`
pub fn term_to_atom(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[1]);
    if !is_var(&vm.space, x) {
        let s = text_arg(vm, "term_to_atom/2", x)?;
        let (term, _) = parse_term(vm, &s, "term_to_atom/2")?;
        return Ok(Value::bool(t::unify(&mut vm.space, a[0], term)));
    }
    let s = format_term(vm, a[0], WriteOpts::print());
    unify_atom(vm, x, &s)
}

/// `atom_to_term/3`
pub fn atom_to_term(vm: &mut Vm, a: &[Value]) -> R {
    let s = text_arg(vm, "atom_to_term/3", a[0])?;
    let (term, names) = parse_term(vm, &s, "atom_to_term/3")?;
    let eq = t::atom(&mut vm.space, "=")?;
    let mut pairs = Vec::new();
    for (n, v) in names {
        let na = t::atom(&mut vm.space, &n)?;
        pairs.push(t::new_compound(&mut vm.space, eq, &[na, v])?);
    }
    let l = t::list_of(&mut vm.space, &pairs)?;
    Ok(Value::bool(
        t::unify(&mut vm.space, a[1], term) && t::unify(&mut vm.space, a[2], l),
    ))
}

/// `atomic_list_concat/2`
pub fn atomic_list_concat2(vm: &mut Vm, a: &[Value]) -> R {
    let Some(items) = t::list_items(&vm.space, a[0]) else {
        return Err(errors::instantiation(vm, "atomic_list_concat/2"));
    };
    let mut out = String::new();
    for x in items {
        out.push_str(&text_arg(vm, "atomic_list_concat/2", x)?);
    }
    unify_atom(vm, a[1], &out)
}

/// `atomic_list_concat/3` (joining, or splitting when the list is unbound).
pub fn atomic_list_concat3(vm: &mut Vm, a: &[Value]) -> R {
    let sep = text_arg(vm, "atomic_list_concat/3", a[1])?;
    if let Some(items) = t::list_items(&vm.space, a[0]) {
        if items.iter().all(|x| !is_var(&vm.space, deref(&vm.space, *x))) {
            let mut parts = Vec::new();
            for x in items {
                parts.push(text_arg(vm, "atomic_list_concat/3", x)?);
            }
            return unify_atom(vm, a[2], &parts.join(&sep));
        }
    }
    let whole = text_arg(vm, "atomic_list_concat/3", a[2])?;
    if sep.is_empty() {
        return Err(errors::domain_error(vm, "atomic_list_concat/3", "non_empty_atom", a[1]));
    }
    let mut parts = Vec::new();
    for p in whole.split(sep.as_str()) {
        parts.push(t::atom(&mut vm.space, p)?);
    }
    let l = t::list_of(&mut vm.space, &parts)?;
    Ok(Value::bool(t::unify(&mut vm.space, a[0], l)))
}

/// `number_string/2`-like conversions are not needed under double_quotes=codes; kept for `string_to_atom/2`.
pub fn string_to_atom(vm: &mut Vm, a: &[Value]) -> R {
    let x = deref(&vm.space, a[0]);
    if is_var(&vm.space, x) {
        let s = text_arg(vm, "string_to_atom/2", a[1])?;
        let l = codes_list(vm, &s)?;
        return Ok(Value::bool(t::unify(&mut vm.space, x, l)));
    }
    let s = match t::list_items(&vm.space, x) {
        Some(_) => list_text(vm, "string_to_atom/2", x)?,
        None => text_arg(vm, "string_to_atom/2", x)?,
    };
    unify_atom(vm, a[1], &s)
}
