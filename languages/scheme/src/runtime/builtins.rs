//! Vectors, bytevectors, records, output, and the small rest of (scheme base).

use super::printer::{display_string, write_string};
use super::types as T;
use super::{alloc, fields_mut, fields_of, index_arg, intern, items_mut, items_of, list, list_items, out_of_range};
use super::{wrong_type, Native};
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

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

fn items(vm: &mut Vm, who: &str, pos: usize, v: Value, t: TypeId) -> Result<Vec<Value>, OpError> {
    match items_of(&vm.space, v, t) {
        Some(i) => Ok(i.clone()),
        None => Err(wrong_type(
            vm,
            who,
            pos,
            if t == T::VECTOR { "vector" } else { "bytevector" },
            v,
        )),
    }
}

// ---- vectors ---------------------------------------------------------------------

fn is_vector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(vm.space.type_of(a[0]) == T::VECTOR))
}
fn make_vector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = index_arg(vm, "make-vector", 1, a[0])?;
    let fill = a.get(1).copied().unwrap_or(Value::FALSE);
    alloc(vm, T::VECTOR, Body::List(vec![fill; n]))
}
fn vector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    alloc(vm, T::VECTOR, Body::List(a.to_vec()))
}
fn vector_length(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match items_of(&vm.space, a[0], T::VECTOR) {
        Some(i) => {
            let n = i.len() as i64;
            vm.space.int_value(n)
        }
        None => Err(wrong_type(vm, "vector-length", 1, "vector", a[0])),
    }
}
fn vector_ref(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let k = a[1].as_small_int();
    match (items_of(&vm.space, a[0], T::VECTOR), k) {
        (Some(i), Some(k)) if k >= 0 && (k as usize) < i.len() => Ok(i[k as usize]),
        (Some(_), Some(_)) => Err(out_of_range(vm, "vector-ref", 2, a[1])),
        (Some(_), None) => Err(wrong_type(vm, "vector-ref", 2, "exact integer", a[1])),
        (None, _) => Err(wrong_type(vm, "vector-ref", 1, "vector", a[0])),
    }
}
fn vector_set(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let k = a[1].as_small_int();
    match (items_mut(&mut vm.space, a[0], T::VECTOR), k) {
        (Some(i), Some(k)) if k >= 0 && (k as usize) < i.len() => {
            i[k as usize] = a[2];
            Ok(Value::UNSPECIFIED)
        }
        (Some(_), Some(_)) => Err(out_of_range(vm, "vector-set!", 2, a[1])),
        (Some(_), None) => Err(wrong_type(vm, "vector-set!", 2, "exact integer", a[1])),
        (None, _) => Err(wrong_type(vm, "vector-set!", 1, "vector", a[0])),
    }
}
fn vector_to_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = items(vm, "vector->list", 1, a[0], T::VECTOR)?;
    let (s, e) = range(vm, "vector->list", a, 1, v.len())?;
    list(vm, &v[s..e], Value::NONE)
}
fn list_to_vector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = list_items(vm, "list->vector", 1, a[0])?;
    alloc(vm, T::VECTOR, Body::List(v))
}
fn vector_fill(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let len = items(vm, "vector-fill!", 1, a[0], T::VECTOR)?.len();
    let (s, e) = range(vm, "vector-fill!", a, 2, len)?;
    if let Some(i) = items_mut(&mut vm.space, a[0], T::VECTOR) {
        for x in &mut i[s..e] {
            *x = a[1];
        }
    }
    Ok(Value::UNSPECIFIED)
}
fn vector_copy(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = items(vm, "vector-copy", 1, a[0], T::VECTOR)?;
    let (s, e) = range(vm, "vector-copy", a, 1, v.len())?;
    alloc(vm, T::VECTOR, Body::List(v[s..e].to_vec()))
}
fn copy_into(vm: &mut Vm, who: &str, a: &[Value], t: TypeId) -> Result<Value, OpError> {
    let to_len = items(vm, who, 1, a[0], t)?.len();
    let at = index_arg(vm, who, 2, a[1])?;
    let from = items(vm, who, 3, a[2], t)?;
    let (s, e) = range(vm, who, a, 3, from.len())?;
    if at > to_len || e - s > to_len - at {
        return Err(out_of_range(vm, who, 2, a[1]));
    }
    if let Some(dst) = items_mut(&mut vm.space, a[0], t) {
        dst[at..at + (e - s)].copy_from_slice(&from[s..e]);
    }
    Ok(Value::UNSPECIFIED)
}
fn vector_copy_into(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    copy_into(vm, "vector-copy!", a, T::VECTOR)
}
fn vector_append(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut out = Vec::new();
    for (i, v) in a.iter().enumerate() {
        out.extend(items(vm, "vector-append", i + 1, *v, T::VECTOR)?);
    }
    alloc(vm, T::VECTOR, Body::List(out))
}

// ---- bytevectors ---------------------------------------------------------------------

fn byte(vm: &mut Vm, who: &str, pos: usize, v: Value) -> Result<Value, OpError> {
    match v.as_small_int() {
        Some(b) if (0..=255).contains(&b) => Ok(v),
        _ => Err(wrong_type(vm, who, pos, "byte", v)),
    }
}
fn is_bytevector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(vm.space.type_of(a[0]) == T::BYTEVECTOR))
}
fn make_bytevector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = index_arg(vm, "make-bytevector", 1, a[0])?;
    let fill = match a.get(1) {
        Some(v) => byte(vm, "make-bytevector", 2, *v)?,
        None => Value::small_int(0).expect("small"),
    };
    alloc(vm, T::BYTEVECTOR, Body::List(vec![fill; n]))
}
fn bytevector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    for (i, v) in a.iter().enumerate() {
        byte(vm, "bytevector", i + 1, *v)?;
    }
    alloc(vm, T::BYTEVECTOR, Body::List(a.to_vec()))
}
fn list_to_bytevector(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = list_items(vm, "list->bytevector", 1, a[0])?;
    bytevector(vm, &v)
}
fn bytevector_length(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let n = items(vm, "bytevector-length", 1, a[0], T::BYTEVECTOR)?.len();
    vm.space.int_value(n as i64)
}
fn bytevector_ref(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = items(vm, "bytevector-u8-ref", 1, a[0], T::BYTEVECTOR)?;
    let k = index_arg(vm, "bytevector-u8-ref", 2, a[1])?;
    match v.get(k) {
        Some(x) => Ok(*x),
        None => Err(out_of_range(vm, "bytevector-u8-ref", 2, a[1])),
    }
}
fn bytevector_set(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let len = items(vm, "bytevector-u8-set!", 1, a[0], T::BYTEVECTOR)?.len();
    let k = index_arg(vm, "bytevector-u8-set!", 2, a[1])?;
    let b = byte(vm, "bytevector-u8-set!", 3, a[2])?;
    if k >= len {
        return Err(out_of_range(vm, "bytevector-u8-set!", 2, a[1]));
    }
    if let Some(i) = items_mut(&mut vm.space, a[0], T::BYTEVECTOR) {
        i[k] = b;
    }
    Ok(Value::UNSPECIFIED)
}
fn bytevector_copy(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = items(vm, "bytevector-copy", 1, a[0], T::BYTEVECTOR)?;
    let (s, e) = range(vm, "bytevector-copy", a, 1, v.len())?;
    alloc(vm, T::BYTEVECTOR, Body::List(v[s..e].to_vec()))
}
fn bytevector_copy_into(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    copy_into(vm, "bytevector-copy!", a, T::BYTEVECTOR)
}
fn bytevector_append(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let mut out = Vec::new();
    for (i, v) in a.iter().enumerate() {
        out.extend(items(vm, "bytevector-append", i + 1, *v, T::BYTEVECTOR)?);
    }
    alloc(vm, T::BYTEVECTOR, Body::List(out))
}
fn utf8_to_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = items(vm, "utf8->string", 1, a[0], T::BYTEVECTOR)?;
    let (s, e) = range(vm, "utf8->string", a, 1, v.len())?;
    let bytes: Vec<u8> = v[s..e].iter().map(|b| b.as_small_int().unwrap_or(0) as u8).collect();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    vm.space.str_value(&text)
}
fn string_to_utf8(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(s) = super::string_text(&vm.space, a[0]).map(str::to_string) else {
        return Err(wrong_type(vm, "string->utf8", 1, "string", a[0]));
    };
    let bytes: Vec<Value> = s.bytes().map(|b| Value::small_int(b as i64).expect("small")).collect();
    alloc(vm, T::BYTEVECTOR, Body::List(bytes))
}

// ---- records -----------------------------------------------------------------

fn make_record_type(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    alloc(vm, T::RECORD_TYPE, Body::Fields(Box::new([a[0], a[1]])))
}
fn make_record(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    alloc(vm, T::RECORD, Body::Fields(a.to_vec().into_boxed_slice()))
}
fn is_record(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(
        fields_of(&vm.space, a[0], T::RECORD).is_some_and(|f| f[0] == a[1]),
    ))
}
fn record_error(vm: &mut Vm, who: Value, rtd: Value, r: Value) -> OpError {
    let name = display_string(vm, who);
    let tname = fields_of(&vm.space, rtd, T::RECORD_TYPE)
        .map(|f| f[0])
        .unwrap_or(Value::NONE);
    let tname = display_string(vm, tname);
    wrong_type(vm, &name, 1, &tname, r)
}
fn record_ref(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let idx = a[2].as_small_int().unwrap_or(0) as usize;
    match fields_of(&vm.space, a[0], T::RECORD) {
        Some(f) if f[0] == a[1] && idx + 1 < f.len() => Ok(f[idx + 1]),
        _ => Err(record_error(vm, a[3], a[1], a[0])),
    }
}
fn record_set(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let idx = a[2].as_small_int().unwrap_or(0) as usize;
    match fields_mut(&mut vm.space, a[0], T::RECORD) {
        Some(f) if f[0] == a[1] && idx + 1 < f.len() => {
            f[idx + 1] = a[3];
            Ok(Value::UNSPECIFIED)
        }
        _ => Err(record_error(vm, a[4], a[1], a[0])),
    }
}

// ---- output ------------------------------------------------------------------

fn port_kind(vm: &Vm, v: Option<&Value>) -> i64 {
    match v {
        Some(p) => fields_of(&vm.space, *p, T::PORT)
            .and_then(|f| f[0].as_small_int())
            .unwrap_or(0),
        None => 1,
    }
}

/// Writes text to the given port (stdout when absent).
pub fn emit(vm: &mut Vm, text: &str, port: Option<&Value>, from: &[Value]) -> Result<Value, OpError> {
    match port_kind(vm, port) {
        1 => vm.write_out(text, from)?,
        2 => {
            // The error port is output too (the taint space refuses labelled text).
            workbench_framework::space::Space::check_output(&mut vm.space, from)?;
            vm.flush();
            eprint!("{text}");
        }
        3 => {
            let p = *port.expect("a string port");
            let old = fields_of(&vm.space, p, T::PORT).map(|f| f[1]).unwrap_or(Value::NONE);
            let joined = format!("{}{text}", super::string_text(&vm.space, old).unwrap_or(""));
            // In the taint space the port's text keeps the labels of what was written to it.
            let labels = vm.space.labels_read(&[from, &[old]].concat());
            let s = vm.space.str_value(&joined)?;
            let s = vm.space.with_labels(s, labels)?;
            if let Some(f) = fields_mut(&mut vm.space, p, T::PORT) {
                f[1] = s;
            }
        }
        _ => {
            return Err(wrong_type(
                vm,
                "write",
                2,
                "output port",
                port.copied().unwrap_or(Value::NONE),
            ))
        }
    }
    Ok(Value::UNSPECIFIED)
}

fn display(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let text = display_string(vm, a[0]);
    emit(vm, &text, a.get(1), a)
}
fn write(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let text = write_string(vm, a[0]);
    emit(vm, &text, a.get(1), a)
}
fn newline(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    emit(vm, "\n", a.first(), a)
}
fn write_char(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(c) = a[0].as_char() else {
        return Err(wrong_type(vm, "write-char", 1, "character", a[0]));
    };
    emit(vm, &c.to_string(), a.get(1), a)
}
fn write_string_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(s) = super::string_text(&vm.space, a[0]).map(str::to_string) else {
        return Err(wrong_type(vm, "write-string", 1, "string", a[0]));
    };
    emit(vm, &s, a.get(1), a)
}
fn make_port(vm: &mut Vm, kind: i64) -> Result<Value, OpError> {
    let empty = vm.space.str_value("")?;
    alloc(
        vm,
        T::PORT,
        Body::Fields(Box::new([Value::small_int(kind).expect("small"), empty])),
    )
}
fn current_output_port(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    make_port(vm, 1)
}
fn current_error_port(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    make_port(vm, 2)
}
fn open_output_string(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    make_port(vm, 3)
}
fn get_output_string(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match fields_of(&vm.space, a[0], T::PORT) {
        Some(f) if f[0].as_small_int() == Some(3) => Ok(f[1]),
        _ => Err(wrong_type(vm, "get-output-string", 1, "string output port", a[0])),
    }
}
fn flush_output_port(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.flush();
    Ok(Value::UNSPECIFIED)
}
fn repl_print(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if a[0] != Value::UNSPECIFIED {
        let text = write_string(vm, a[0]);
        vm.write_out(&format!("{text}\n"), a)?;
    }
    Ok(Value::UNSPECIFIED)
}

fn read_line(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => alloc(vm, T::EOF, Body::Fields(Box::new([]))),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            vm.space.str_value(&line)
        }
    }
}

// ---- the rest ------------------------------------------------------------------

fn is_procedure(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(matches!(
        vm.space.type_of(a[0]),
        TypeId::FUNCTION | TypeId::NATIVE
    )))
}
fn is_boolean(_: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(a[0] == Value::TRUE || a[0] == Value::FALSE))
}
fn boolean_eq(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    for (i, v) in a.iter().enumerate() {
        if *v != Value::TRUE && *v != Value::FALSE {
            return Err(wrong_type(vm, "boolean=?", i + 1, "boolean", *v));
        }
    }
    Ok(Value::bool(a.windows(2).all(|w| w[0] == w[1])))
}
fn unspecified(_: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    Ok(Value::UNSPECIFIED)
}
fn eof_object(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    alloc(vm, T::EOF, Body::Fields(Box::new([])))
}
fn is_eof_object(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(vm.space.type_of(a[0]) == T::EOF))
}
fn command_line(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    let mut args = vec![vm
        .program_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()];
    args.extend(vm.program_args.clone());
    let mut vals = Vec::new();
    for a in args {
        vals.push(vm.space.str_value(&a)?);
    }
    list(vm, &vals, Value::NONE)
}
fn get_environment_variable(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let Some(name) = super::string_text(&vm.space, a[0]).map(str::to_string) else {
        return Err(wrong_type(vm, "get-environment-variable", 1, "string", a[0]));
    };
    match std::env::var(name) {
        Ok(v) => vm.space.str_value(&v),
        Err(_) => Ok(Value::FALSE),
    }
}
fn current_jiffy(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0);
    vm.space.int_value(t)
}
fn jiffies_per_second(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.space.int_value(1_000_000)
}
fn current_second(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    vm.space.float_value(t)
}
fn features(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    let mut v = Vec::new();
    for f in ["r7rs", "exact-closed", "ratios", "full-unicode", "workbench"] {
        v.push(intern(vm, f)?);
    }
    list(vm, &v, Value::NONE)
}

/// Vectors, bytevectors, records, output and the rest.
pub const NATIVES: &[Native] = &[
    ("vector?", Arity::Exact(1), is_vector),
    ("make-vector", Arity::AtLeast(1), make_vector),
    ("vector", Arity::AtLeast(0), vector),
    ("vector-length", Arity::Exact(1), vector_length),
    ("vector-ref", Arity::Exact(2), vector_ref),
    ("vector-set!", Arity::Exact(3), vector_set),
    ("vector->list", Arity::AtLeast(1), vector_to_list),
    ("list->vector", Arity::Exact(1), list_to_vector),
    ("vector-fill!", Arity::AtLeast(2), vector_fill),
    ("vector-copy", Arity::AtLeast(1), vector_copy),
    ("vector-copy!", Arity::AtLeast(3), vector_copy_into),
    ("vector-append", Arity::AtLeast(0), vector_append),
    ("bytevector?", Arity::Exact(1), is_bytevector),
    ("make-bytevector", Arity::AtLeast(1), make_bytevector),
    ("bytevector", Arity::AtLeast(0), bytevector),
    ("%list->bytevector", Arity::Exact(1), list_to_bytevector),
    ("bytevector-length", Arity::Exact(1), bytevector_length),
    ("bytevector-u8-ref", Arity::Exact(2), bytevector_ref),
    ("bytevector-u8-set!", Arity::Exact(3), bytevector_set),
    ("bytevector-copy", Arity::AtLeast(1), bytevector_copy),
    ("bytevector-copy!", Arity::AtLeast(3), bytevector_copy_into),
    ("bytevector-append", Arity::AtLeast(0), bytevector_append),
    ("utf8->string", Arity::AtLeast(1), utf8_to_string),
    ("string->utf8", Arity::Exact(1), string_to_utf8),
    ("%make-record-type", Arity::Exact(2), make_record_type),
    ("%make-record", Arity::AtLeast(1), make_record),
    ("%record?", Arity::Exact(2), is_record),
    ("%record-ref", Arity::Exact(4), record_ref),
    ("%record-set!", Arity::Exact(5), record_set),
    ("display", Arity::AtLeast(1), display),
    ("write", Arity::AtLeast(1), write),
    ("write-shared", Arity::AtLeast(1), write),
    ("write-simple", Arity::AtLeast(1), write),
    ("newline", Arity::AtLeast(0), newline),
    ("write-char", Arity::AtLeast(1), write_char),
    ("write-string", Arity::AtLeast(1), write_string_native),
    ("current-output-port", Arity::Exact(0), current_output_port),
    ("current-error-port", Arity::Exact(0), current_error_port),
    ("open-output-string", Arity::Exact(0), open_output_string),
    ("get-output-string", Arity::Exact(1), get_output_string),
    ("flush-output-port", Arity::AtLeast(0), flush_output_port),
    ("read-line", Arity::AtLeast(0), read_line),
    ("%repl-print", Arity::Exact(1), repl_print),
    ("procedure?", Arity::Exact(1), is_procedure),
    ("boolean?", Arity::Exact(1), is_boolean),
    ("boolean=?", Arity::AtLeast(1), boolean_eq),
    ("%unspecified", Arity::Exact(0), unspecified),
    ("eof-object", Arity::Exact(0), eof_object),
    ("eof-object?", Arity::Exact(1), is_eof_object),
    ("command-line", Arity::Exact(0), command_line),
    ("get-environment-variable", Arity::Exact(1), get_environment_variable),
    ("current-jiffy", Arity::Exact(0), current_jiffy),
    ("jiffies-per-second", Arity::Exact(0), jiffies_per_second),
    ("current-second", Arity::Exact(0), current_second),
    ("features", Arity::Exact(0), features),
];
