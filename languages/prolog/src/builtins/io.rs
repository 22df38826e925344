//! Output (`write/1` and friends, `nl/0`, `tab/1`, `format/1,2`) and input
//! (`read_term/2`, `read/1` from standard input).

use super::atoms::text_of;
use crate::reader::Reader;
use crate::runtime::arith;
use crate::runtime::errors;
use crate::runtime::state::{pl, pl_mut};
use crate::runtime::terms::{self as t, deref, is_var};
use crate::runtime::write::{format_float, format_term, WriteOpts};
use std::io::Read;
use workbench_framework::object::Value;
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

type R = Result<Value, OpError>;

fn out(vm: &mut Vm, s: &str) -> R {
    vm.write_out(s, &[])?;
    Ok(Value::TRUE)
}

/// Writes to a stream argument: `user_error` goes to stderr, anything else to stdout.
fn out_to(vm: &mut Vm, stream: Value, s: &str) -> R {
    let stream = deref(&vm.space, stream);
    if t::atom_text(&vm.space, stream) == Some("user_error") {
        vm.flush();
        eprint!("{s}");
        return Ok(Value::TRUE);
    }
    out(vm, s)
}

/// `write/1`
pub fn write(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[0], WriteOpts::write());
    out(vm, &s)
}
/// `print/1`
pub fn print(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[0], WriteOpts::print());
    out(vm, &s)
}
/// `writeln/1`
pub fn writeln(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[0], WriteOpts::write());
    out(vm, &format!("{s}\n"))
}
/// `writeq/1`
pub fn writeq(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[0], WriteOpts::print());
    out(vm, &s)
}
/// `write_canonical/1`
pub fn write_canonical(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[0], WriteOpts::canonical());
    out(vm, &s)
}
/// `write/2`
pub fn write2(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[1], WriteOpts::write());
    out_to(vm, a[0], &s)
}
/// `writeq/2`
pub fn writeq2(vm: &mut Vm, a: &[Value]) -> R {
    let s = format_term(vm, a[1], WriteOpts::print());
    out_to(vm, a[0], &s)
}
/// `nl/1`
pub fn nl1(vm: &mut Vm, a: &[Value]) -> R {
    out_to(vm, a[0], "\n")
}

/// `write_term/2` with the options `quoted(Bool)` and `ignore_ops(Bool)`.
pub fn write_term(vm: &mut Vm, a: &[Value]) -> R {
    let mut opts = WriteOpts {
        quoted: false,
        ignore_ops: false,
        numbervars: false,
    };
    for o in t::list_items(&vm.space, a[1]).unwrap_or_default() {
        let o = deref(&vm.space, o);
        if let Some((name, args)) = t::compound(&vm.space, o) {
            let on = t::atom_text(&vm.space, deref(&vm.space, args[0])) == Some("true");
            match vm.space.str_of(name) {
                Some("quoted") => opts.quoted = on,
                Some("ignore_ops") => opts.ignore_ops = on,
                Some("numbervars") => opts.numbervars = on,
                _ => {}
            }
        }
    }
    let s = format_term(vm, a[0], opts);
    out(vm, &s)
}

/// `nl/0`
pub fn nl(vm: &mut Vm, _: &[Value]) -> R {
    out(vm, "\n")
}

/// `tab/1`
pub fn tab(vm: &mut Vm, a: &[Value]) -> R {
    let n = arith::eval(vm, a[0])?;
    let n = match n {
        arith::Num::Int(i) => num_traits::ToPrimitive::to_i64(&i).unwrap_or(0),
        arith::Num::Float(_) => {
            let v = deref(&vm.space, a[0]);
            return Err(errors::type_error(vm, "tab/1", "integer", v));
        }
    };
    out(vm, &" ".repeat(n.max(0) as usize))
}

/// `tab/2`
pub fn tab2(vm: &mut Vm, a: &[Value]) -> R {
    tab(vm, &a[1..])
}

/// `put_char/1`
pub fn put_char(vm: &mut Vm, a: &[Value]) -> R {
    let c = errors::bound(vm, "put_char/1", a[0])?;
    match t::atom_text(&vm.space, c) {
        Some(s) if s.chars().count() == 1 => {
            let s = s.to_string();
            out(vm, &s)
        }
        _ => Err(errors::type_error(vm, "put_char/1", "character", c)),
    }
}

fn format_error(vm: &mut Vm, msg: &str) -> OpError {
    let built = (|| -> Result<Value, OpError> {
        let f = t::atom(&mut vm.space, "format")?;
        let m = t::atom(&mut vm.space, msg)?;
        t::new_compound(&mut vm.space, f, &[m])
    })();
    match built {
        Ok(formal) => errors::error(vm, "format/2", formal),
        Err(e) => e,
    }
}

/// The text of a format string argument: an atom or a code list.
fn format_text(vm: &mut Vm, f: Value) -> Result<String, OpError> {
    let f = errors::bound(vm, "format/2", f)?;
    if let Some(s) = text_of(vm, f) {
        return Ok(s);
    }
    if let Some(items) = t::list_items(&vm.space, f) {
        let mut s = String::new();
        for x in items {
            let x = deref(&vm.space, x);
            if let Some(c) = vm.space.int_of(x).and_then(|i| char::from_u32(i as u32)) {
                s.push(c);
            } else if let Some(a) = t::atom_text(&vm.space, x) {
                s.push_str(a);
            }
        }
        return Ok(s);
    }
    Err(errors::type_error(vm, "format/2", "text", f))
}

fn int_of_num(n: &arith::Num) -> Option<num_bigint::BigInt> {
    match n {
        arith::Num::Int(i) => Some(i.clone()),
        arith::Num::Float(_) => None,
    }
}

/// Inserts thousands separators / a decimal point for `~Nd`.
fn group_digits(digits: &str, point: usize) -> String {
    let (neg, d) = match digits.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, digits),
    };
    let s = if point > 0 {
        let padded = format!("{:0>width$}", d, width = point + 1);
        let (i, f) = padded.split_at(padded.len() - point);
        format!("{i}.{f}")
    } else {
        d.to_string()
    };
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

/// `format/2`: the directives `~w ~p ~q ~a ~d ~D ~s ~e ~f ~g ~n ~c ~r ~8| ~t ~+ ~i ~*` and `~~`.
pub fn format(vm: &mut Vm, a: &[Value]) -> R {
    let text = format_string(vm, a[0], a[1])?;
    out(vm, &text)
}

/// `format/3`: to `atom(A)`, `codes(C)`, `chars(C)`, `string(S)`, `user_error` or `user_output`.
pub fn format3(vm: &mut Vm, a: &[Value]) -> R {
    let text = format_string(vm, a[1], a[2])?;
    let sink = errors::bound(vm, "format/3", a[0])?;
    if let Some((name, args)) = t::compound(&vm.space, sink) {
        let kind = vm.space.str_of(name).unwrap_or("").to_string();
        let target = args[0];
        let value = match kind.as_str() {
            "atom" | "string" => t::atom(&mut vm.space, &text)?,
            "codes" => {
                let mut items = Vec::new();
                for c in text.chars() {
                    items.push(vm.space.int_value(c as i64)?);
                }
                t::list_of(&mut vm.space, &items)?
            }
            "chars" => {
                let mut items = Vec::new();
                for c in text.chars() {
                    items.push(t::atom(&mut vm.space, &c.to_string())?);
                }
                t::list_of(&mut vm.space, &items)?
            }
            _ => return Err(errors::domain_error(vm, "format/3", "output_sink", sink)),
        };
        return Ok(Value::bool(t::unify(&mut vm.space, target, value)));
    }
    out_to(vm, sink, &text)
}

/// The text `format/2` would write.
fn format_string(vm: &mut Vm, f: Value, args: Value) -> Result<String, OpError> {
    let a = [f, args];
    let fmt = format_text(vm, a[0])?;
    let args_v = deref(&vm.space, a[1]);
    let mut args = match t::list_items(&vm.space, args_v) {
        Some(items) => items,
        None => vec![args_v],
    }
    .into_iter();
    let mut buf = String::new();
    // Column handling: text since the last column stop, and fill positions in it.
    let mut line_start = 0usize;
    let mut segment_start = 0usize;
    let mut fills: Vec<(usize, char)> = Vec::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '~' {
            buf.push(c);
            if c == '\n' {
                line_start = buf.len();
                segment_start = buf.len();
                fills.clear();
            }
            continue;
        }
        let mut numarg: Option<i64> = None;
        if chars.peek() == Some(&'*') {
            chars.next();
            let v = args.next().ok_or_else(|| format_error(vm, "not enough arguments"))?;
            numarg = vm.space.int_of(deref(&vm.space, v));
        } else if chars.peek() == Some(&'`') {
            chars.next();
            numarg = chars.next().map(|c| c as i64);
        } else {
            let mut digits = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            if !digits.is_empty() {
                numarg = digits.parse().ok();
            }
        }
        let Some(d) = chars.next() else {
            return Err(format_error(vm, "truncated format specification"));
        };
        let mut next_arg = |vm: &mut Vm| args.next().ok_or_else(|| format_error(vm, "not enough arguments"));
        match d {
            '~' => buf.push('~'),
            'n' => {
                for _ in 0..numarg.unwrap_or(1) {
                    buf.push('\n');
                }
                line_start = buf.len();
                segment_start = buf.len();
                fills.clear();
            }
            'w' => {
                let v = next_arg(vm)?;
                buf.push_str(&format_term(vm, v, WriteOpts::write()));
            }
            'p' | 'q' => {
                let v = next_arg(vm)?;
                buf.push_str(&format_term(vm, v, WriteOpts::print()));
            }
            'a' => {
                let v = next_arg(vm)?;
                let v = errors::bound(vm, "format/2", v)?;
                match text_of(vm, v) {
                    Some(s) => buf.push_str(&s),
                    None => return Err(errors::type_error(vm, "format/2", "atomic", v)),
                }
            }
            'd' | 'D' => {
                let v = next_arg(vm)?;
                let v = errors::bound(vm, "format/2", v)?;
                let n = arith::eval(vm, v)?;
                let Some(i) = int_of_num(&n) else {
                    return Err(errors::type_error(vm, "format/2", "integer", v));
                };
                let mut s = group_digits(&i.to_string(), numarg.unwrap_or(0) as usize);
                if d == 'D' {
                    let (int_part, frac) = match s.split_once('.') {
                        Some((a, b)) => (a.to_string(), format!(".{b}")),
                        None => (s.clone(), String::new()),
                    };
                    let (neg, digits) = match int_part.strip_prefix('-') {
                        Some(r) => ("-", r.to_string()),
                        None => ("", int_part),
                    };
                    let mut grouped = String::new();
                    for (k, ch) in digits.chars().enumerate() {
                        if k > 0 && (digits.len() - k) % 3 == 0 {
                            grouped.push(',');
                        }
                        grouped.push(ch);
                    }
                    s = format!("{neg}{grouped}{frac}");
                }
                buf.push_str(&s);
            }
            'f' | 'e' | 'g' => {
                let v = next_arg(vm)?;
                let n = arith::eval(vm, v)?;
                let x = match n {
                    arith::Num::Int(i) => num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::NAN),
                    arith::Num::Float(f) => f,
                };
                let p = numarg.unwrap_or(6) as usize;
                buf.push_str(&match d {
                    'f' => format!("{x:.p$}"),
                    'e' => c_exp(x, p),
                    _ => format_float(x),
                });
            }
            's' => {
                let v = next_arg(vm)?;
                buf.push_str(&format_text(vm, v)?);
            }
            'c' => {
                let v = next_arg(vm)?;
                let code = vm
                    .space
                    .int_of(deref(&vm.space, v))
                    .and_then(|i| char::from_u32(i as u32));
                let Some(ch) = code else {
                    return Err(errors::type_error(vm, "format/2", "integer", v));
                };
                for _ in 0..numarg.unwrap_or(1) {
                    buf.push(ch);
                }
            }
            'r' => {
                let v = next_arg(vm)?;
                let n = arith::eval(vm, v)?;
                let Some(i) = int_of_num(&n) else {
                    return Err(errors::type_error(vm, "format/2", "integer", v));
                };
                buf.push_str(&i.to_str_radix(numarg.unwrap_or(8) as u32));
            }
            'i' => {
                next_arg(vm)?;
            }
            't' => fills.push((buf.len(), numarg.and_then(|c| char::from_u32(c as u32)).unwrap_or(' '))),
            '|' | '+' => {
                let target = if d == '+' {
                    (segment_start - line_start) + numarg.unwrap_or(8) as usize
                } else {
                    numarg.map_or(buf.len() - line_start, |n| n as usize)
                };
                let width = buf[line_start..].chars().count();
                if width < target {
                    let pad = target - width;
                    let (at, ch) = match fills.first() {
                        Some(&(pos, ch)) => (pos, ch),
                        // No fill point: text is left-aligned for `|`, right-aligned for `+`.
                        None if d == '+' => (segment_start, ' '),
                        None => (buf.len(), ' '),
                    };
                    let padding: String = std::iter::repeat_n(ch, pad).collect();
                    buf.insert_str(at, &padding);
                }
                segment_start = buf.len();
                fills.clear();
            }
            other => return Err(format_error(vm, &format!("unknown directive ~{other}"))),
        }
    }
    if args.next().is_some() {
        return Err(format_error(vm, "too many arguments"));
    }
    Ok(buf)
}

/// C's `%.Ne`: a two-digit (at least) exponent with a sign.
fn c_exp(x: f64, p: usize) -> String {
    let s = format!("{x:.p$e}");
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// `format/1`
pub fn format1(vm: &mut Vm, a: &[Value]) -> R {
    let nil = pl(&vm.space).atoms.nil;
    format(vm, &[a[0], nil])
}

fn stdin_text(vm: &mut Vm) -> String {
    let st = pl_mut(&mut vm.space);
    if st.input.is_none() {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        st.input = Some(s);
        st.input_pos = 0;
    }
    let pos = st.input_pos;
    st.input.as_ref().map(|s| s[pos..].to_string()).unwrap_or_default()
}

/// `read_term/2`: reads one clause term from standard input (`end_of_file` at the end).
pub fn read_term(vm: &mut Vm, a: &[Value]) -> R {
    let rest = stdin_text(vm);
    let ops = pl(&vm.space).ops.clone();
    let file = workbench_framework::span::FileId(0);
    let mut reader = match Reader::new(file, &rest) {
        Ok(r) => r,
        Err(e) => return Err(errors::syntax_error(vm, "read_term/2", &e.message.replace(' ', "_"))),
    };
    let term = match reader.next_clause(&ops) {
        None => {
            pl_mut(&mut vm.space).input_pos += rest.len();
            t::atom(&mut vm.space, "end_of_file")?
        }
        Some(Ok(c)) => {
            let consumed = c.span.end;
            pl_mut(&mut vm.space).input_pos += consumed as usize;
            let mut vars = Vec::new();
            t::from_ast(&mut vm.space, &c.term, &mut vars)?
        }
        Some(Err(e)) => {
            let skip = (e.span.end as usize).max(1).min(rest.len());
            pl_mut(&mut vm.space).input_pos += skip;
            return Err(errors::syntax_error(vm, "read_term/2", &e.message.replace(' ', "_")));
        }
    };
    Ok(Value::bool(t::unify(&mut vm.space, a[0], term)))
}

/// `read/1`
pub fn read(vm: &mut Vm, a: &[Value]) -> R {
    let nil = pl(&vm.space).atoms.nil;
    read_term(vm, &[a[0], nil])
}

/// `get_char/1`
pub fn get_char(vm: &mut Vm, a: &[Value]) -> R {
    let rest = stdin_text(vm);
    let c = match rest.chars().next() {
        Some(c) => {
            pl_mut(&mut vm.space).input_pos += c.len_utf8();
            c.to_string()
        }
        None => "end_of_file".to_string(),
    };
    let v = t::atom(&mut vm.space, &c)?;
    let x = deref(&vm.space, a[0]);
    if !is_var(&vm.space, x) && !t::is_atom(&vm.space, x) {
        return Err(errors::type_error(vm, "get_char/1", "in_character", x));
    }
    Ok(Value::bool(t::unify(&mut vm.space, x, v)))
}
