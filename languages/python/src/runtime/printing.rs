//! `str` and `repr` of Python values, CPython's spelling.
//!
//! The framework prints numbers and strings the way Python does already;
//! this adds containers (`[1, 'a']`, `(1,)`, `{'k': 2}`, `set()`), classes
//! (`<class 'int'>`), functions, modules and the default `<__main__.C
//! object at 0x...>`. Nested elements are printed with `repr`, which may run
//! a user's `__repr__`.

use super::attrs::function_name;
use super::objects::{class, class_core, class_name, field, py};
use super::types as T;
use workbench_framework::multimethod::{Fail, Returns};
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{OpError, Space};

/// Nesting depth at which container printing gives up (a list inside itself).
const MAX_DEPTH: usize = 200;

fn repr_of(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    <StandardSpace as Space>::repr(vm, &v)
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> Result<String, OpError> {
    let mut parts = Vec::with_capacity(items.len());
    for &x in items {
        parts.push(repr_of(vm, x)?);
    }
    Ok(parts.join(", "))
}

thread_local! {
    /// The containers being printed right now (a list that contains itself prints `[...]`).
    static PRINTING: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Prints `obj` with `f`, or `fallback` if `obj` is already being printed
/// further out (or the nesting is absurdly deep).
fn nested<T>(obj: Value, f: impl FnOnce() -> Result<T, OpError>, fallback: T) -> Result<T, OpError> {
    let seen = PRINTING.with(|p| {
        let p = p.borrow();
        p.contains(&obj) || p.len() > MAX_DEPTH
    });
    if seen {
        return Ok(fallback);
    }
    PRINTING.with(|p| p.borrow_mut().push(obj));
    let r = f();
    PRINTING.with(|p| p.borrow_mut().pop());
    r
}

fn list_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let items = collections::seq_items(&vm.space, a[0]).unwrap_or_default();
    let text = nested(
        a[0],
        || Ok(format!("[{}]", join_reprs(vm, &items)?)),
        "[...]".to_string(),
    )?;
    Ok(vm.space.str_value(&text)?)
}

fn tuple_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let items = collections::seq_items(&vm.space, a[0]).unwrap_or_default();
    let text = nested(
        a[0],
        || {
            let inner = join_reprs(vm, &items)?;
            Ok(if items.len() == 1 {
                format!("({inner},)")
            } else {
                format!("({inner})")
            })
        },
        "(...)".to_string(),
    )?;
    Ok(vm.space.str_value(&text)?)
}

fn dict_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let entries: Vec<(Value, Value)> = collections::table(&vm.space, a[0])
        .map(|t| t.iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    let text = nested(
        a[0],
        || {
            let mut parts = Vec::with_capacity(entries.len());
            for (k, v) in &entries {
                parts.push(format!("{}: {}", repr_of(vm, *k)?, repr_of(vm, *v)?));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        },
        "{...}".to_string(),
    )?;
    Ok(vm.space.str_value(&text)?)
}

fn set_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let keys: Vec<Value> = collections::table(&vm.space, a[0])
        .map(|t| t.iter().map(|e| e.key).collect())
        .unwrap_or_default();
    let text = if keys.is_empty() {
        "set()".to_string()
    } else {
        nested(
            a[0],
            || Ok(format!("{{{}}}", join_reprs(vm, &keys)?)),
            "{...}".to_string(),
        )?
    };
    Ok(vm.space.str_value(&text)?)
}

fn range_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (start, stop, step) = (
        field(&vm.space, a[0], 0),
        field(&vm.space, a[0], 1),
        field(&vm.space, a[0], 2),
    );
    let (x, y, z) = (repr_of(vm, start)?, repr_of(vm, stop)?, repr_of(vm, step)?);
    let text = if z == "1" {
        format!("range({x}, {y})")
    } else {
        format!("range({x}, {y}, {z})")
    };
    Ok(vm.space.str_value(&text)?)
}

fn class_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let name = class_name(vm, a[0]);
    let text = if class_core(vm, a[0]).is_some() || field(&vm.space, a[0], class::CORE) != Value::NONE {
        format!("<class '{name}'>")
    } else {
        format!("<class '__main__.{name}'>")
    };
    Ok(vm.space.str_value(&text)?)
}

fn function_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let name = function_name(vm, a[0]);
    let text = if vm.space.type_of(a[0]) == TypeId::NATIVE {
        format!("<built-in function {name}>")
    } else {
        format!("<function {name} at {:#x}>", address(a[0]))
    };
    Ok(vm.space.str_value(&text)?)
}

fn method_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let f = field(&vm.space, a[0], 0);
    let name = function_name(vm, f);
    let text = format!("<bound method {name}>");
    Ok(vm.space.str_value(&text)?)
}

fn module_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let name = vm.space.str_of(field(&vm.space, a[0], 0)).unwrap_or("?").to_string();
    Ok(vm.space.str_value(&format!("<module '{name}'>"))?)
}

fn not_implemented_repr(vm: &mut Vm, _: &[Value]) -> Result<Value, Fail> {
    Ok(vm.space.str_value("NotImplemented")?)
}

fn generator_repr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let text = format!("<generator object at {:#x}>", address(a[0]));
    Ok(vm.space.str_value(&text)?)
}

fn address(v: Value) -> u64 {
    0x7f00_0000_0000 + (v.bits() & 0xffff_fff8)
}

/// `<__main__.C object at 0x...>`.
pub fn default_repr(vm: &Vm, obj: Value) -> String {
    let cls = super::objects::class_of(vm, obj);
    format!("<__main__.{} object at {:#x}>", class_name(vm, cls), address(obj))
}

/// Registers printing of Python's values.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    for mm in [ops.str, ops.repr] {
        reg.register(mm, &[TypeId::LIST], "repr(list)", list_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::TUPLE], "repr(tuple)", tuple_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::DICT], "repr(dict)", dict_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::SET], "repr(set)", set_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[T::RANGE], "repr(range)", range_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[T::TYPE], "repr(class)", class_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::FUNCTION], "repr(function)", function_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::NATIVE], "repr(builtin)", function_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[T::BOUND_METHOD], "repr(method)", method_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[T::MODULE], "repr(module)", module_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[T::NOT_IMPLEMENTED], "repr(NotImplemented)", not_implemented_repr)
            .returns(Returns::Class(TypeId::STR));
        reg.register(mm, &[TypeId::GENERATOR], "repr(generator)", generator_repr)
            .returns(Returns::Class(TypeId::STR));
    }
    let _ = py;
}
