//! Control: multiple values, error objects, raising, continuations, exit,
//! and the standard-space hooks that connect them to the main loop.
//!
//! Only the primitive steps are natives; the protocols are Scheme in the
//! prelude. `call/cc` is `%capture` (the framework's
//! `Interp::capture_continuation`) plus a closure that calls `%reinstate`;
//! `dynamic-wind` keeps a list of winders that `call/cc` walks;
//! `with-exception-handler` keeps a list of handlers that `raise` calls, and
//! one framework handler region (`%try`) so that errors raised by natives —
//! `(car 1)` — reach the Scheme handlers too.

use super::printer::{display_string, write_string};
use super::types as T;
use super::{alloc, fields_of, list, list_items, wrong_type, Native};
use workbench_framework::language::Arity;
use workbench_framework::object::{Body, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

fn values(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    if a.len() == 1 {
        return Ok(a[0]);
    }
    alloc(vm, T::VALUES, Body::Fields(a.to_vec().into_boxed_slice()))
}

/// `(%values->list v)`: the values `v` stands for.
fn values_to_list(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    match fields_of(&vm.space, a[0], T::VALUES).map(<[Value]>::to_vec) {
        Some(items) => list(vm, &items, Value::NONE),
        None => list(vm, &a[..1], Value::NONE),
    }
}

/// An error object: kind (a string), message, irritants.
pub fn make_condition(vm: &mut Vm, kind: &str, message: Value, irritants: Value) -> Result<Value, OpError> {
    let kind = vm.space.str_value(kind)?;
    alloc(vm, T::CONDITION, Body::Fields(Box::new([kind, message, irritants])))
}

fn make_error(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    make_condition(vm, "Error", a[0], a[1])
}

fn is_error_object(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(fields_of(&vm.space, a[0], T::CONDITION).is_some()))
}

fn condition_field(vm: &mut Vm, who: &str, v: Value, i: usize) -> Result<Value, OpError> {
    match fields_of(&vm.space, v, T::CONDITION) {
        Some(f) => Ok(f[i]),
        None => Err(wrong_type(vm, who, 1, "error object", v)),
    }
}

fn error_object_message(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    condition_field(vm, "error-object-message", a[0], 1)
}

fn error_object_irritants(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    condition_field(vm, "error-object-irritants", a[0], 2)
}

fn kind_is(vm: &mut Vm, v: Value, kinds: &[&str]) -> bool {
    fields_of(&vm.space, v, T::CONDITION)
        .and_then(|f| super::string_text(&vm.space, f[0]))
        .is_some_and(|k| kinds.contains(&k))
}

fn is_file_error(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(kind_is(vm, a[0], &["FileError"])))
}

fn is_read_error(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(kind_is(vm, a[0], &["ReadError"])))
}

/// `(%throw obj)`: unwinds to the nearest framework handler region with `obj`.
fn throw(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let text = write_string(vm, a[0]);
    Err(vm.raise_value(a[0], text))
}

fn capture(vm: &mut Vm, _: &[Value]) -> Result<Value, OpError> {
    vm.capture_continuation()
}

/// `(%reinstate k vals)`: the `call/cc` that captured `k` returns `vals` (wrapped).
fn reinstate(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let resumed = alloc(vm, T::RESUMED, Body::Fields(Box::new([a[1]])))?;
    Err(vm.resume_continuation(&a[0], resumed))
}

fn is_resumed(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(fields_of(&vm.space, a[0], T::RESUMED).is_some()))
}

fn resumed_values(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(fields_of(&vm.space, a[0], T::RESUMED).map_or(Value::NONE, |f| f[0]))
}

fn exit_status_of(v: Option<&Value>) -> i64 {
    match v {
        None | Some(&Value::TRUE) => 0,
        Some(&Value::FALSE) => 1,
        Some(v) => v.as_small_int().map_or(1, |i| i & 0xff),
    }
}

/// `(%exit [status])`: a request to exit, travelling like an exception.
fn exit(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let code = Value::small_int(exit_status_of(a.first())).expect("small");
    let obj = alloc(vm, T::EXIT, Body::Fields(Box::new([code])))?;
    Err(vm.raise_value(obj, "exit".into()))
}

fn emergency_exit(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    vm.flush();
    std::process::exit(exit_status_of(a.first()) as i32)
}

fn is_exit_object(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    Ok(Value::bool(fields_of(&vm.space, a[0], T::EXIT).is_some()))
}

// ---- hooks ----------------------------------------------------------------------

/// A native's error, caught by a handler region, becomes an error object.
pub fn error_value(vm: &mut Vm, e: &OpError) -> Result<Value, OpError> {
    let message = vm.space.str_value(&e.message)?;
    make_condition(vm, e.kind.name(), message, Value::NONE)
}

/// How an uncaught raise is reported.
pub fn describe(vm: &mut Vm, w: &Value) -> (String, String) {
    // A raise nobody handled travels in the prelude's `%thrown` box.
    if let Some(f) = fields_of(&vm.space, *w, T::RECORD).map(<[Value]>::to_vec) {
        let name = fields_of(&vm.space, f[0], T::RECORD_TYPE).map(|t| t[0]);
        if name.and_then(|n| super::symbol_name(&vm.space, n)) == Some("%thrown-box") {
            return describe(vm, &f[1]);
        }
    }
    if let Some(f) = fields_of(&vm.space, *w, T::CONDITION).map(<[Value]>::to_vec) {
        let kind = super::string_text(&vm.space, f[0]).unwrap_or("Error").to_string();
        let mut text = display_string(vm, f[1]);
        let irritants = list_items(vm, "error", 1, f[2]).unwrap_or_default();
        for i in irritants {
            text.push(' ');
            text.push_str(&write_string(vm, i));
        }
        return (kind, text);
    }
    let shown = write_string(vm, *w);
    ("Error".into(), format!("uncaught exception: {shown}"))
}

/// `(exit n)` ends the run with status n.
pub fn exit_status(vm: &mut Vm, w: &Value) -> Option<i32> {
    fields_of(&vm.space, *w, T::EXIT)
        .and_then(|f| f[0].as_small_int())
        .map(|i| i as i32)
}

/// Control natives.
pub const NATIVES: &[Native] = &[
    ("values", Arity::AtLeast(0), values),
    ("%values->list", Arity::Exact(1), values_to_list),
    ("%make-error", Arity::Exact(2), make_error),
    ("error-object?", Arity::Exact(1), is_error_object),
    ("error-object-message", Arity::Exact(1), error_object_message),
    ("error-object-irritants", Arity::Exact(1), error_object_irritants),
    ("file-error?", Arity::Exact(1), is_file_error),
    ("read-error?", Arity::Exact(1), is_read_error),
    ("%throw", Arity::Exact(1), throw),
    ("%capture", Arity::Exact(0), capture),
    ("%reinstate", Arity::Exact(2), reinstate),
    ("%resumed?", Arity::Exact(1), is_resumed),
    ("%resumed-values", Arity::Exact(1), resumed_values),
    ("%exit", Arity::AtLeast(0), exit),
    ("emergency-exit", Arity::AtLeast(0), emergency_exit),
    ("%exit-object?", Arity::Exact(1), is_exit_object),
];
