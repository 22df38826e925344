//! Exceptions: framework errors become Python exception instances, and back.
//!
//! The exception classes themselves are ordinary Python classes, defined in
//! the prelude (`prelude.py`). When an operation fails inside the framework
//! (a division by zero in `int // int`), the standard space asks this
//! module's [`error_value`] hook for the guest value a handler receives: an
//! instance of the class named after the error (`ZeroDivisionError`). When an
//! exception escapes the program, [`describe`] gives the last line of the
//! traceback: `ZeroDivisionError: division by zero`.

use super::objects::{class_name, class_of, is_class, is_instance, py_str};
use workbench_framework::interp::BUILTINS;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

/// The builtin class called `name` (an exception class from the prelude).
pub fn builtin_class(vm: &Vm, name: &str) -> Option<Value> {
    vm.global_in(BUILTINS, name).copied()
}

/// The Python class for a framework error kind.
fn class_for(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Unsupported => "NotImplementedError",
        ErrorKind::Raised => "Exception",
        ErrorKind::Budget(_) => "MemoryError",
        ErrorKind::Taint => "TaintError",
        other => other.name(),
    }
}

/// The standard-space hook: an exception instance for a framework error.
pub fn error_value(vm: &mut Vm, e: &OpError) -> Result<Value, OpError> {
    let Some(cls) = builtin_class(vm, class_for(e.kind)) else {
        return vm.space.str_value(&e.to_string());
    };
    let message = py_str(vm, &e.message)?;
    vm.keep_alive(message);
    let exc = vm.call_value(cls, &[message])?;
    if e.kind == ErrorKind::Key {
        // The framework hands over the key's repr; keep it as the text.
        let attr = py_str(vm, "_wb_message")?;
        <StandardSpace as Space>::set_attr(vm, exc, &attr, message)?;
    }
    Ok(exc)
}

/// The standard-space hook: `KeyError(key)` carrying the key object itself.
pub fn key_error(vm: &mut Vm, key: Value) -> OpError {
    let text = <StandardSpace as Space>::repr(vm, &key).unwrap_or_else(|_| "?".into());
    let Some(cls) = builtin_class(vm, "KeyError") else {
        return OpError::new(ErrorKind::Key, text);
    };
    vm.keep_alive(key);
    match vm.call_value(cls, &[key]) {
        Ok(exc) => vm.raise_value(exc, text),
        Err(e) => e,
    }
}

/// The standard-space hook: `(class name, str(exc))` for an uncaught exception.
pub fn describe(vm: &mut Vm, exc: &Value) -> (String, String) {
    let cls = class_of(vm, *exc);
    let name = if is_class(vm, cls) {
        class_name(vm, cls)
    } else {
        vm.space.type_name_of(*exc)
    };
    let text = <StandardSpace as Space>::display(vm, exc).unwrap_or_else(|e| e.to_string());
    (name, text)
}

/// The standard-space hook: an uncaught `SystemExit` ends the program with
/// its code (None: 0; an int: that; anything else is printed, status 1).
pub fn exit_status(vm: &mut Vm, exc: &Value) -> Option<i32> {
    let cls = builtin_class(vm, "SystemExit")?;
    if !is_instance(vm, *exc, cls) {
        return None;
    }
    let name = py_str(vm, "code").ok()?;
    let code = <StandardSpace as Space>::get_attr(vm, *exc, &name).unwrap_or(Value::NONE);
    if code == Value::NONE {
        return Some(0);
    }
    if let Some(i) = vm.space.int_of(code) {
        return Some(i as i32);
    }
    let text = <StandardSpace as Space>::display(vm, &code).unwrap_or_default();
    vm.flush();
    eprintln!("{text}");
    Some(1)
}

/// True if the exception crossing a native is an instance of the builtin class `name`.
pub fn pending_is(vm: &Vm, name: &str) -> bool {
    match (vm.raised().copied(), builtin_class(vm, name)) {
        (Some(exc), Some(cls)) => is_instance(vm, exc, cls),
        _ => false,
    }
}

/// `__wb_exc__(x)`: what `raise x` raises — a class is instantiated, an
/// instance of a `BaseException` subclass is raised as it is.
pub fn normalize(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let x = args.first().copied().unwrap_or(Value::NONE);
    let base = builtin_class(vm, "BaseException").unwrap_or(Value::NONE);
    if is_class(vm, x) {
        if !super::objects::is_subclass(vm, x, base) {
            return Err(OpError::type_error("exceptions must derive from BaseException"));
        }
        return vm.call_value(x, &[]);
    }
    if !is_instance(vm, x, base) {
        return Err(OpError::type_error("exceptions must derive from BaseException"));
    }
    Ok(x)
}

/// `__wb_exc_match__(exc, cls)`: does an `except cls:` clause catch `exc`?
/// `cls` may be a tuple of classes.
pub fn matches(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let (exc, spec) = (args[0], args[1]);
    let classes = if vm.space.type_of(spec) == TypeId::TUPLE {
        collections::seq_items(&vm.space, spec).unwrap_or_default()
    } else {
        vec![spec]
    };
    for cls in classes {
        if !is_class(vm, cls) {
            return Err(OpError::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        if is_instance(vm, exc, cls) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
