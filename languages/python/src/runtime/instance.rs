//! Attributes of instances of user classes: maps, slots and the lookup cache.
//!
//! An instance is a heap object with a map (framework/src/object/maps.rs):
//! the map names the attributes, the instance holds their values. `obj.name`
//! asks the [`AttrCache`](super::cache::AttrCache) what `name` means for
//! instances of that map, and on a miss computes it once ([`compute`]):
//!
//! 1. A *data descriptor* on the class (an object whose class has `__set__`,
//!    like a `property`) wins: its `__get__` runs.
//! 2. Then the instance's own attribute, read from its slot.
//! 3. Then the class attribute: a function becomes a bound method (or, for
//!    `obj.name(...)` compiled to `CallMethod`, is called directly with
//!    `obj` first, and no bound method is made); another descriptor's
//!    `__get__` runs; anything else is returned as it is.
//! 4. Then `__getattr__`; then an AttributeError.
//!
//! `obj.name = value` overwrites the slot, or moves the instance to the
//! map with one more attribute (the transition is cached too).
//!
//! An instance gets a real dict only when a program asks for it
//! (`obj.__dict__`, `vars(obj)`, `del obj.name`): it then moves to its
//! class's dict-mode map for good, and the rules above run uncached on the
//! dict ([`dict_getattr`], [`dict_setattr`]).

use super::cache::{self, AttrInfo, ClassAttr, SetPlan};
use super::objects::{
    bind, class, class_of, field, instance_class, lookup_str, lookup_text, new_dict, no_attribute, py, py_mut, py_str,
};
use super::types as T;
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{MapId, ObjRef, TypeId, Value};
use workbench_framework::space::standard::{collections, Vm};
use workbench_framework::space::OpError;

fn name_text(vm: &Vm, name: Value) -> String {
    vm.space.str_of(name).unwrap_or("?").to_string()
}

/// True if the value is a guest function or a native (both bind as methods).
fn is_function(vm: &Vm, v: Value) -> bool {
    matches!(vm.space.type_of(v), TypeId::FUNCTION | TypeId::NATIVE)
}

/// Runs `attr.__get__(obj, cls)` if `attr`'s class defines it.
pub fn descriptor_get(vm: &mut Vm, attr: Value, obj: Value, cls: Value) -> Result<Option<Value>, OpError> {
    if vm.space.type_of(attr) != T::INSTANCE {
        return Ok(None);
    }
    let attr_cls = class_of(vm, attr);
    match lookup_str(vm, attr_cls, "__get__")? {
        Some(get) => Ok(Some(vm.call_value(get, &[attr, obj, cls])?)),
        None => Ok(None),
    }
}

/// What a class attribute is, for the lookup rules.
fn classify(vm: &mut Vm, attr: Option<Value>) -> Result<ClassAttr, OpError> {
    let Some(attr) = attr else {
        return Ok(ClassAttr::Absent);
    };
    if is_function(vm, attr) {
        return Ok(ClassAttr::Function(attr));
    }
    if vm.space.type_of(attr) != T::INSTANCE {
        return Ok(ClassAttr::Plain(attr));
    }
    let attr_cls = class_of(vm, attr);
    if lookup_str(vm, attr_cls, "__set__")?.is_some() {
        return Ok(ClassAttr::DataDescriptor(attr));
    }
    if lookup_str(vm, attr_cls, "__get__")?.is_some() {
        return Ok(ClassAttr::Descriptor(attr));
    }
    Ok(ClassAttr::Plain(attr))
}

/// Computes what `name` means for instances of `map` (a cache miss).
fn compute(vm: &mut Vm, map: MapId, name: Value) -> Result<AttrInfo, OpError> {
    let (cls, len, dict_mode) = {
        let m = vm.space.heap.maps.get(map);
        (m.owner, m.len(), m.is_dict_mode())
    };
    let text = name_text(vm, name);
    let slow = dict_mode || text == "__class__" || text == "__dict__";
    let slot = vm.space.heap.maps.index_of(map, &text).map(|i| i as u32);
    let class_attr = classify(vm, lookup_text(&vm.space, cls, &text))?;
    let set = if slow || matches!(class_attr, ClassAttr::DataDescriptor(_)) {
        SetPlan::Slow
    } else if let Some(i) = slot {
        SetPlan::Slot(i)
    } else if slot_allowed(vm, cls, name)? {
        SetPlan::Add(vm.space.heap.maps.with_attribute(map, &text))
    } else {
        SetPlan::Slow
    };
    Ok(AttrInfo {
        slot,
        len: len as u32,
        class_attr,
        set,
        slow,
    })
}

/// The cached [`AttrInfo`] for instances of `map` and `name`.
#[inline]
pub fn attr_info(vm: &mut Vm, map: MapId, name: Value) -> Result<AttrInfo, OpError> {
    let collections = vm.space.heap.stats().collections;
    let state = py(vm);
    let epoch = cache::epoch_of(collections, state);
    if let Some(info) = state.attr_cache.get(map.0, name, epoch) {
        return Ok(info);
    }
    let info = compute(vm, map, name)?;
    // `compute` may run guest code (`__slots__` membership); the epoch it saw is the one to record.
    py_mut(vm).attr_cache.put(map.0, name, epoch, info);
    Ok(info)
}

/// The heap reference and map of an instance.
#[inline]
fn instance_parts(vm: &Vm, obj: Value) -> Option<(ObjRef, MapId)> {
    let r = obj.as_ref()?;
    Some((r, vm.space.heap.instance_map(r)?))
}

/// The standard space's `get_attr_fast` hook: an instance attribute read from
/// its slot, or a method bound, when the cache already knows the answer;
/// everything else goes to the registry ([`instance_getattr`]).
#[inline]
pub fn get_attr_fast(vm: &mut Vm, obj: Value, name: Value) -> Option<Result<Value, OpError>> {
    let (r, map) = instance_parts(vm, obj)?;
    let info = cached_info(vm, map, name)?;
    if info.slow || matches!(info.class_attr, ClassAttr::DataDescriptor(_)) {
        return None;
    }
    match (info.slot, info.class_attr) {
        (Some(i), _) => Some(Ok(vm.space.heap.instance_slot(r, info.len as usize, i as usize))),
        (None, ClassAttr::Function(f)) => Some(bind(vm, f, obj)),
        (None, ClassAttr::Plain(v)) => Some(Ok(v)),
        _ => None,
    }
}

/// The standard space's `set_attr_fast` hook: a planned assignment (overwrite
/// a slot, or move to the next map); `false` leaves it to the registry.
#[inline]
pub fn set_attr_fast(vm: &mut Vm, obj: Value, name: Value, value: Value) -> Result<bool, OpError> {
    let Some((r, map)) = instance_parts(vm, obj) else {
        return Ok(false);
    };
    let Some(info) = cached_info(vm, map, name) else {
        return Ok(false);
    };
    match info.set {
        SetPlan::Slot(i) => vm.space.heap.set_instance_slot(r, info.len as usize, i as usize, value),
        SetPlan::Add(to) => vm.space.heap.add_instance_slot(r, info.len as usize, to, value)?,
        SetPlan::Slow => return Ok(false),
    }
    Ok(true)
}

/// The cached [`AttrInfo`], if the cache has it (never computes).
#[inline]
fn cached_info(vm: &Vm, map: MapId, name: Value) -> Option<AttrInfo> {
    let collections = vm.space.heap.stats().collections;
    let state = py(vm);
    state.attr_cache.get(map.0, name, cache::epoch_of(collections, state))
}

/// `getattr(instance, str)`.
pub fn instance_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name) = (a[0], a[1]);
    let Some((r, map)) = instance_parts(vm, obj) else {
        return Err(Fail::NotImplemented);
    };
    let info = attr_info(vm, map, name)?;
    if info.slow {
        return Ok(slow_getattr(vm, obj, name, info)?);
    }
    if let ClassAttr::DataDescriptor(attr) = info.class_attr {
        let cls = instance_class(&vm.space, obj);
        if let Some(v) = descriptor_get(vm, attr, obj, cls)? {
            return Ok(v);
        }
    }
    if let Some(i) = info.slot {
        return Ok(vm.space.heap.instance_slot(r, info.len as usize, i as usize));
    }
    Ok(class_attr_value(vm, obj, name, info.class_attr)?)
}

/// Step 3 and 4 of the rules: the class attribute, `__getattr__`, or an error.
fn class_attr_value(vm: &mut Vm, obj: Value, name: Value, attr: ClassAttr) -> Result<Value, OpError> {
    let cls = instance_class(&vm.space, obj);
    match attr {
        ClassAttr::Function(f) => bind(vm, f, obj),
        ClassAttr::Descriptor(d) | ClassAttr::DataDescriptor(d) => match descriptor_get(vm, d, obj, cls)? {
            Some(v) => Ok(v),
            None => Ok(d),
        },
        ClassAttr::Plain(v) => Ok(v),
        ClassAttr::Absent => {
            if let Some(hook) = lookup_str(vm, cls, "__getattr__")? {
                return vm.call_value(hook, &[obj, name]);
            }
            Err(no_attribute(vm, obj, &name_text(vm, name)))
        }
    }
}

/// `obj.__class__`, `obj.__dict__`, and every attribute of a dict-mode instance.
fn slow_getattr(vm: &mut Vm, obj: Value, name: Value, info: AttrInfo) -> Result<Value, OpError> {
    let cls = instance_class(&vm.space, obj);
    match vm.space.str_of(name) {
        Some("__class__") => return Ok(cls),
        Some("__dict__") => {
            // Instances of fully slotted classes have no __dict__.
            if slot_allowed(vm, cls, name)? {
                return instance_dict(vm, obj);
            }
            return Err(no_attribute(vm, obj, "__dict__"));
        }
        _ => {}
    }
    let dict = instance_dict(vm, obj)?;
    if let ClassAttr::DataDescriptor(attr) = info.class_attr {
        if let Some(v) = descriptor_get(vm, attr, obj, cls)? {
            return Ok(v);
        }
    }
    if let Some(v) = collections::dict_get(vm, dict, name)? {
        return Ok(v);
    }
    class_attr_value(vm, obj, name, info.class_attr)
}

/// `setattr(instance, str, object)`.
pub fn instance_setattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let (obj, name, value) = (a[0], a[1], a[2]);
    let Some((r, map)) = instance_parts(vm, obj) else {
        return Err(Fail::NotImplemented);
    };
    let info = attr_info(vm, map, name)?;
    match info.set {
        SetPlan::Slot(i) => vm.space.heap.set_instance_slot(r, info.len as usize, i as usize, value),
        SetPlan::Add(to) => vm.space.heap.add_instance_slot(r, info.len as usize, to, value)?,
        SetPlan::Slow => slow_setattr(vm, obj, name, value, info)?,
    }
    Ok(Value::NONE)
}

/// Assignments the cache does not plan: descriptors, refusals, dict mode.
fn slow_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value, info: AttrInfo) -> Result<(), OpError> {
    let cls = instance_class(&vm.space, obj);
    if let ClassAttr::DataDescriptor(attr) = info.class_attr {
        let attr_cls = class_of(vm, attr);
        if let Some(set) = lookup_str(vm, attr_cls, "__set__")? {
            vm.call_value(set, &[attr, obj, value])?;
            return Ok(());
        }
    }
    let Some((r, map)) = instance_parts(vm, obj) else {
        return Ok(());
    };
    if vm.space.heap.maps.get(map).is_dict_mode() {
        let dict = instance_dict(vm, obj)?;
        // An attribute the instance already has was allowed when it was first set.
        let exists = collections::dict_get(vm, dict, name)?.is_some();
        if !exists && !slot_allowed(vm, cls, name)? {
            return Err(no_attribute(vm, obj, &name_text(vm, name)));
        }
        collections::dict_set(vm, dict, name, value)?;
        return Ok(());
    }
    if let Some(i) = info.slot {
        vm.space.heap.set_instance_slot(r, info.len as usize, i as usize, value);
        return Ok(());
    }
    if !slot_allowed(vm, cls, name)? {
        return Err(no_attribute(vm, obj, &name_text(vm, name)));
    }
    let text = name_text(vm, name);
    let to = vm.space.heap.maps.with_attribute(map, &text);
    vm.space.heap.add_instance_slot(r, info.len as usize, to, value)
}

/// `delattr(instance, str)`: the instance moves to dict mode, then loses the key.
pub fn instance_delattr(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let dict = instance_dict(vm, a[0])?;
    match collections::dict_remove(vm, dict, a[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(Fail::Error(no_attribute(vm, a[0], &name_text(vm, a[1])))),
    }
}

/// The instance's `__dict__`: made from its slots on first request, after
/// which the instance keeps its attributes there (dict mode).
pub fn instance_dict(vm: &mut Vm, obj: Value) -> Result<Value, OpError> {
    let Some((r, map)) = instance_parts(vm, obj) else {
        return Err(OpError::type_error("not an instance"));
    };
    let m = vm.space.heap.maps.get(map);
    if m.is_dict_mode() {
        return Ok(vm.space.heap.instance_slot(r, 1, 0));
    }
    let names: Vec<String> = m.names().map(str::to_string).collect();
    let values = vm.space.heap.instance_values(r, names.len());
    vm.keep_alive(obj);
    let dict = new_dict(vm)?;
    vm.keep_alive(dict);
    for (n, v) in names.iter().zip(values) {
        let key = py_str(vm, n)?;
        collections::dict_set(vm, dict, key, v)?;
    }
    let dict_map = vm.space.heap.maps.dict_map(map);
    vm.space.heap.instance_to_dict_mode(r, dict_map, dict);
    Ok(dict)
}

/// The attribute names of an instance, in the order they were set (for `dir`).
pub fn attribute_names(vm: &mut Vm, obj: Value) -> Result<Vec<String>, OpError> {
    let Some((_, map)) = instance_parts(vm, obj) else {
        return Ok(Vec::new());
    };
    let m = vm.space.heap.maps.get(map);
    if !m.is_dict_mode() {
        return Ok(m.names().map(str::to_string).collect());
    }
    let dict = instance_dict(vm, obj)?;
    Ok(collections::table(&vm.space, dict)
        .map(|t| {
            t.iter()
                .filter_map(|e| vm.space.str_of(e.key).map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// For `obj.name(...)`: the function to call with `obj` first, if `name` is
/// a plain method of the instance's class (no bound method is made); `None`
/// means "get the attribute and call it".
#[inline]
pub fn instance_method(vm: &mut Vm, obj: Value, name: Value) -> Result<Option<Value>, OpError> {
    let Some((_, map)) = instance_parts(vm, obj) else {
        return Ok(None);
    };
    let info = attr_info(vm, map, name)?;
    match info.class_attr {
        ClassAttr::Function(f) if info.slot.is_none() && !info.slow => Ok(Some(f)),
        _ => Ok(None),
    }
}

/// With `__slots__` on every class of the MRO (but `object`), only the
/// names they list may be set on an instance.
pub fn slot_allowed(vm: &mut Vm, cls: Value, name: Value) -> Result<bool, OpError> {
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
