//! Attribute access, Python's way.
//!
//! Instances of user classes have their own module ([`super::instance`]:
//! maps, slots and the lookup cache). Classes, modules and built-in values
//! have simpler rules, each below. Every rule is a multimethod
//! implementation on `getattr(<class>, str)`.

use super::cache::{self, builtin_key, AttrInfo, ClassAttr, SetPlan};
use super::instance::{descriptor_get, instance_delattr, instance_getattr, instance_setattr};
use super::objects::{
    bind, class, class_core, class_name, class_of, field, instance_class, is_class, lookup_in_mro, lookup_str,
    no_attribute, py, py_mut, py_str,
};
use super::types as T;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::{Callee, OpError, Space};

fn name_text(vm: &Vm, name: Value) -> String {
    vm.space.str_of(name).unwrap_or("?").to_string()
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
    cache::bump_class_version(vm);
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

/// The method of built-in type `t` called `name` (a native taking `self`
/// first), found through the attribute cache.
pub fn builtin_method(vm: &mut Vm, t: TypeId, name: Value) -> Option<Value> {
    let key = builtin_key(t);
    let collections = vm.space.heap.stats().collections;
    let state = py(vm);
    let epoch = cache::epoch_of(collections, state);
    if let Some(info) = state.attr_cache.get(key, name, epoch) {
        return match info.class_attr {
            ClassAttr::Function(f) => Some(f),
            _ => None,
        };
    }
    let text = name_text(vm, name);
    let state = py(vm);
    let found = state
        .methods
        .get(&(t, text.clone()))
        .or_else(|| {
            if t == TypeId::BOOL {
                state.methods.get(&(TypeId::INT, text))
            } else {
                None
            }
        })
        .copied();
    let info = AttrInfo {
        slot: None,
        len: 0,
        class_attr: found.map_or(ClassAttr::Absent, ClassAttr::Function),
        set: SetPlan::Slow,
        slow: false,
    };
    py_mut(vm).attr_cache.put(key, name, epoch, info);
    found
}

/// The standard space's `get_method` hook (for `obj.name(...)`): a plain
/// method of an instance's class or of a built-in type is called with `obj`
/// first, without making a bound method.
pub fn get_method_hook(vm: &mut Vm, obj: Value, name: Value) -> Result<Option<Value>, OpError> {
    match vm.space.type_of(obj) {
        T::INSTANCE => super::instance::instance_method(vm, obj, name),
        T::TYPE | T::MODULE | T::SUPER => Ok(None),
        _ if vm.space.type_of(name) != TypeId::STR => Ok(None),
        t => Ok(builtin_method(vm, t, name)),
    }
}

/// Attributes of built-in values: their methods, bound, and a few data attributes.
fn builtin_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name) = (a[0], a[1]);
    let t = vm.space.type_of(obj);
    if let Some(m) = builtin_method(vm, t, name) {
        return Ok(bind(vm, m, obj)?);
    }
    let text = name_text(vm, name);
    if text == "__class__" {
        return Ok(class_of(vm, obj));
    }
    if t == T::BOUND_METHOD {
        match text.as_str() {
            "__self__" => return Ok(field(&vm.space, obj, 1)),
            "__func__" => return Ok(field(&vm.space, obj, 0)),
            _ => {}
        }
    }
    if matches!(t, TypeId::FUNCTION | TypeId::NATIVE) && text == "__name__" {
        let n = function_name(vm, obj);
        return Ok(py_str(vm, &n)?);
    }
    if t == TypeId::FUNCTION {
        if text == "__dict__" {
            return Ok(function_dict(vm, obj)?);
        }
        if let Some(&dict) = py(vm).func_attrs.get(&obj.bits()) {
            if let Some(v) = collections::dict_get(vm, dict, name)? {
                return Ok(v);
            }
        }
        if text == "__doc__" {
            return Ok(Value::NONE);
        }
    }
    Err(Fail::Error(no_attribute(vm, obj, &text)))
}

/// The attribute dict of a guest function, made (and rooted, with the
/// function) on first use.
pub fn function_dict(vm: &mut Vm, f: Value) -> Result<Value, OpError> {
    if let Some(&dict) = py(vm).func_attrs.get(&f.bits()) {
        return Ok(dict);
    }
    let dict = super::objects::new_dict(vm)?;
    vm.space.roots.extend([f, dict]);
    py_mut(vm).func_attrs.insert(f.bits(), dict);
    Ok(dict)
}

/// `f.name = value` on a guest function.
fn function_setattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let dict = function_dict(vm, a[0])?;
    collections::dict_set(vm, dict, a[1], a[2])?;
    Ok(Value::NONE)
}

/// `__wb_set_doc__(f, text)`: a function's docstring, set where it is defined.
pub fn set_doc(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let key = py_str(vm, "__doc__")?;
    vm.keep_alive(key);
    function_setattr(vm, &[args[0], key, args[1]]).map_err(|e| match e {
        Fail::Error(e) => e,
        Fail::NotImplemented => OpError::type_error("cannot set __doc__"),
    })?;
    Ok(Value::NONE)
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
        let cls = instance_class(space, f);
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
            let cls = instance_class(space, v);
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
    reg.register(
        ops.setattr,
        &[TypeId::FUNCTION, TypeId::STR, TypeId::OBJECT],
        "function.attr=",
        function_setattr,
    );
}

/// True if an instance's class (not the instance) defines `name`.
pub fn has_special(vm: &mut Vm, obj: Value, name: &str) -> Result<Option<Value>, OpError> {
    if vm.space.type_of(obj) != T::INSTANCE {
        return Ok(None);
    }
    let cls = instance_class(&vm.space, obj);
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
