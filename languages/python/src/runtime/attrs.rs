//! Attribute access, Python's way.
//!
//! For an instance, `obj.name` looks along the class's MRO first: a *data
//! descriptor* found there (an object whose class has `__set__`, like a
//! `property`) wins; then the instance dict; then the class attribute, where
//! a function becomes a bound method and any other descriptor's `__get__`
//! runs; then `__getattr__`. Classes, modules and built-in values have
//! simpler rules, each below. Every rule is a multimethod implementation on
//! `getattr(<class>, str)`.

use super::objects::{
    bind, class, class_core, class_name, class_of, field, is_class, lookup_in_mro, lookup_str, no_attribute, py, py_str,
};
use super::types as T;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{Callee, OpError, Space};

fn name_text(vm: &Vm, name: Value) -> String {
    vm.space.str_of(name).unwrap_or("?").to_string()
}

/// True if the value is a guest function or a native (both bind as methods).
fn is_function(vm: &Vm, v: Value) -> bool {
    matches!(vm.space.type_of(v), TypeId::FUNCTION | TypeId::NATIVE)
}

/// Runs `attr.__get__(obj, cls)` if `attr`'s class defines it.
fn descriptor_get(vm: &mut Vm, attr: Value, obj: Value, cls: Value) -> Result<Option<Value>, OpError> {
    let attr_cls = class_of(vm, attr);
    if vm.space.type_of(attr) != T::INSTANCE {
        return Ok(None);
    }
    match lookup_str(vm, attr_cls, "__get__")? {
        Some(get) => Ok(Some(vm.call_value(get, &[attr, obj, cls])?)),
        None => Ok(None),
    }
}

fn is_data_descriptor(vm: &mut Vm, attr: Value) -> Result<bool, OpError> {
    if vm.space.type_of(attr) != T::INSTANCE {
        return Ok(false);
    }
    let attr_cls = class_of(vm, attr);
    Ok(lookup_str(vm, attr_cls, "__set__")?.is_some())
}

fn instance_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name) = (a[0], a[1]);
    let cls = field(&vm.space, obj, 0);
    let dict = field(&vm.space, obj, 1);
    match vm.space.str_of(name) {
        Some("__class__") => return Ok(cls),
        Some("__dict__") => {
            // Instances of fully slotted classes have no __dict__.
            if slot_allowed(vm, cls, name)? {
                return Ok(dict);
            }
            return Err(Fail::Error(no_attribute(vm, obj, "__dict__")));
        }
        _ => {}
    }
    // The instance dict first: the common case, and cheap. (CPython gives a
    // data descriptor on the class priority; the two only meet when a
    // program writes into `obj.__dict__` under a property's name.)
    if let Some(text) = vm.space.str_of(name) {
        if let Some(v) = collections::dict_get_str(&vm.space, dict, text) {
            return Ok(v);
        }
    }
    let class_attr = lookup_in_mro(vm, cls, name)?;
    if let Some(attr) = class_attr {
        if is_data_descriptor(vm, attr)? {
            if let Some(v) = descriptor_get(vm, attr, obj, cls)? {
                return Ok(v);
            }
        }
    }
    if let Some(attr) = class_attr {
        if is_function(vm, attr) {
            return Ok(bind(vm, attr, obj)?);
        }
        if let Some(v) = descriptor_get(vm, attr, obj, cls)? {
            return Ok(v);
        }
        return Ok(attr);
    }
    if let Some(hook) = lookup_str(vm, cls, "__getattr__")? {
        return Ok(vm.call_value(hook, &[obj, name])?);
    }
    Err(Fail::Error(no_attribute(vm, obj, &name_text(vm, name))))
}

fn instance_setattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name, value) = (a[0], a[1], a[2]);
    let cls = field(&vm.space, obj, 0);
    if let Some(attr) = lookup_in_mro(vm, cls, name)? {
        if vm.space.type_of(attr) == T::INSTANCE {
            let attr_cls = class_of(vm, attr);
            if let Some(set) = lookup_str(vm, attr_cls, "__set__")? {
                vm.call_value(set, &[attr, obj, value])?;
                return Ok(Value::NONE);
            }
        }
    }
    let dict = field(&vm.space, obj, 1);
    // An attribute the instance already has was allowed when it was first set.
    let exists = vm
        .space
        .str_of(name)
        .and_then(|t| collections::dict_get_str(&vm.space, dict, t))
        .is_some();
    if !exists && !slot_allowed(vm, cls, name)? {
        return Err(Fail::Error(no_attribute(vm, obj, &name_text(vm, name))));
    }
    collections::dict_set(vm, dict, name, value)?;
    Ok(Value::NONE)
}

/// With `__slots__` on every class of the MRO (but `object`), only the
/// names they list may be set on an instance.
fn slot_allowed(vm: &mut Vm, cls: Value, name: Value) -> Result<bool, OpError> {
    let object = py(vm).object_class;
    let mut restricted = false;
    for c in super::objects::mro(vm, cls) {
        if c == object {
            continue;
        }
        let dict = field(&vm.space, c, class::DICT);
        match collections::dict_get_str(&vm.space, dict, "__slots__") {
            Some(slots) => {
                restricted = true;
                let listed = if vm.space.type_of(slots) == TypeId::STR {
                    slots == name || vm.space.str_of(slots) == vm.space.str_of(name)
                } else {
                    collections::contains(vm, slots, name)? == Value::TRUE
                };
                if listed {
                    return Ok(true);
                }
            }
            None => return Ok(true),
        }
    }
    Ok(!restricted)
}

fn instance_delattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let dict = field(&vm.space, a[0], 1);
    match collections::dict_remove(vm, dict, a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(Fail::Error(no_attribute(vm, a[0], &name_text(vm, a[1])))),
    }
}

fn class_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (cls, name) = (a[0], a[1]);
    match vm.space.str_of(name) {
        Some("__name__") => return Ok(field(&vm.space, cls, class::NAME)),
        Some("__bases__") => return Ok(field(&vm.space, cls, class::BASES)),
        Some("__mro__") => return Ok(field(&vm.space, cls, class::MRO)),
        Some("__dict__") => return Ok(field(&vm.space, cls, class::DICT)),
        _ => {}
    }
    if let Some(attr) = lookup_in_mro(vm, cls, name)? {
        if let Some(v) = descriptor_get(vm, attr, Value::NONE, cls)? {
            return Ok(v);
        }
        return Ok(attr);
    }
    // Methods of a built-in class, unbound: `str.upper("a")`.
    if let Some(core) = class_core(vm, cls) {
        let key = (core, name_text(vm, name));
        if let Some(&m) = py(vm).methods.get(&key) {
            return Ok(m);
        }
    }
    Err(Fail::Error(no_attribute(vm, cls, &name_text(vm, name))))
}

fn class_setattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let dict = field(&vm.space, a[0], class::DICT);
    collections::dict_set(vm, dict, a[1], a[2])?;
    Ok(Value::NONE)
}

fn module_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let ns = field(&vm.space, a[0], 1).as_small_int().unwrap_or(0);
    let name = name_text(vm, a[1]);
    if name == "__name__" {
        return Ok(field(&vm.space, a[0], 0));
    }
    match vm.global_in(workbench_framework::interp::NsId(ns as u32), &name) {
        Some(v) => Ok(*v),
        None => Err(Fail::Error(no_attribute(vm, a[0], &name))),
    }
}

fn module_setattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let ns = field(&vm.space, a[0], 1).as_small_int().unwrap_or(0);
    let name = name_text(vm, a[1]);
    vm.set_global_in(workbench_framework::interp::NsId(ns as u32), &name, a[2]);
    Ok(Value::NONE)
}

/// Attributes of built-in values: their methods, bound, and a few data attributes.
fn builtin_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name) = (a[0], a[1]);
    let t = vm.space.type_of(obj);
    let text = name_text(vm, name);
    if text == "__class__" {
        return Ok(class_of(vm, obj));
    }
    let method = py(vm).methods.get(&(t, text.clone())).copied();
    if let Some(m) = method {
        return Ok(bind(vm, m, obj)?);
    }
    if t == T::BOUND_METHOD {
        match text.as_str() {
            "__self__" => return Ok(field(&vm.space, obj, 1)),
            "__func__" => return Ok(field(&vm.space, obj, 0)),
            _ => {}
        }
    }
    if t == TypeId::BOOL {
        if let Some(&m) = py(vm).methods.get(&(TypeId::INT, text.clone())) {
            return Ok(bind(vm, m, obj)?);
        }
    }
    if matches!(t, TypeId::FUNCTION | TypeId::NATIVE) && text == "__name__" {
        let n = function_name(vm, obj);
        return Ok(py_str(vm, &n)?);
    }
    Err(Fail::Error(no_attribute(vm, obj, &text)))
}

/// The name of a guest function or native.
pub fn function_name(vm: &mut Vm, f: Value) -> String {
    match vm.space.callee(&f) {
        Ok(Callee::Guest(code)) => vm.code(code).name.clone(),
        Ok(Callee::Native(id)) => vm.native_name(id).to_string(),
        _ => "?".into(),
    }
}

/// What calling a Python object means (the standard space's callee hook).
pub fn callee_hook(space: &StandardSpace, f: Value) -> Option<Callee<Value>> {
    let t = space.type_of(f);
    if t == T::BOUND_METHOD {
        let items = super::objects::fields(space, f);
        return Some(Callee::Bound {
            func: items[0],
            receiver: items[1],
        });
    }
    let state: &super::PyState = space.ext.as_ref()?.downcast_ref()?;
    if t == T::TYPE {
        return Some(Callee::Bound {
            func: state.type_call,
            receiver: f,
        });
    }
    if t == T::INSTANCE {
        // `obj(...)` runs `type(obj).__call__(obj, ...)`.
        let cls = field(space, f, 0);
        let mro = collections::seq_items(space, field(space, cls, class::MRO)).unwrap_or_default();
        for c in mro {
            if let Some(call) = collections::dict_get_str(space, field(space, c, class::DICT), "__call__") {
                return Some(Callee::Bound {
                    func: call,
                    receiver: f,
                });
            }
        }
    }
    None
}

/// Instances are named after their class in messages (`'Point' object ...`).
pub fn type_name_hook(space: &StandardSpace, v: Value) -> Option<String> {
    match space.type_of(v) {
        T::INSTANCE => {
            let cls = field(space, v, 0);
            space.str_of(field(space, cls, class::NAME)).map(str::to_string)
        }
        T::TYPE => Some("type".into()),
        _ => None,
    }
}

/// Registers attribute access for every kind of value.
pub fn register(reg: &mut Registry, ops: &CoreOps) {
    reg.register(
        ops.getattr,
        &[T::INSTANCE, TypeId::STR],
        "instance.attr",
        instance_getattr,
    );
    reg.register(
        ops.setattr,
        &[T::INSTANCE, TypeId::STR, TypeId::OBJECT],
        "instance.attr=",
        instance_setattr,
    );
    reg.register(
        ops.delattr,
        &[T::INSTANCE, TypeId::STR],
        "del instance.attr",
        instance_delattr,
    );
    reg.register(ops.getattr, &[T::TYPE, TypeId::STR], "class.attr", class_getattr);
    reg.register(
        ops.setattr,
        &[T::TYPE, TypeId::STR, TypeId::OBJECT],
        "class.attr=",
        class_setattr,
    );
    reg.register(ops.getattr, &[T::MODULE, TypeId::STR], "module.attr", module_getattr);
    reg.register(
        ops.setattr,
        &[T::MODULE, TypeId::STR, TypeId::OBJECT],
        "module.attr=",
        module_setattr,
    );
    reg.register(
        ops.getattr,
        &[TypeId::OBJECT, TypeId::STR],
        "value.method",
        builtin_getattr,
    );
}

/// True if an instance's class (not the instance) defines `name`.
pub fn has_special(vm: &mut Vm, obj: Value, name: &str) -> Result<Option<Value>, OpError> {
    if vm.space.type_of(obj) != T::INSTANCE {
        return Ok(None);
    }
    let cls = field(&vm.space, obj, 0);
    lookup_str(vm, cls, name)
}

/// True for class objects (re-exported for natives).
pub fn is_class_value(vm: &Vm, v: Value) -> bool {
    is_class(vm, v)
}

/// The name of a class (re-exported for natives).
pub fn name_of_class(vm: &Vm, cls: Value) -> String {
    class_name(vm, cls)
}
