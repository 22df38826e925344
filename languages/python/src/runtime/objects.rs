//! Layouts of Python's objects and the run-time state of the language.
//!
//! ```text
//! class object   Fields [name: str, bases: tuple, mro: tuple, dict: dict, core: int | None, map: int]
//! instance       Instance { map, slots }   (see framework/src/object/maps.rs)
//! bound method   Fields [function, self]
//! module         Fields [name: str, namespace: int]
//! range          Fields [start, stop, step]
//! ```
//!
//! `core` names the framework type a built-in class stands for (`int` stands
//! for `TypeId::INT`), so `type(1) is int` and `isinstance(x, int)` work on
//! values that are not instances at all. `map` is the root map of the
//! class's instances: a new instance starts there and moves along the
//! transitions as it gains attributes; the map's owner is the class.

use super::types as T;
use rustc_hash::FxHashMap;
use workbench_framework::object::{Body, MapId, TypeId, Value};
use workbench_framework::space::standard::StandardSpace;
use workbench_framework::space::standard::{collections, Vm};
use workbench_framework::space::{BuildKind, ErrorKind, OpError, Space};

/// Python's per-run state, kept in `StandardSpace::ext`.
#[derive(Default)]
pub struct PyState {
    /// The class object standing for each framework type.
    pub builtin_classes: FxHashMap<TypeId, Value>,
    /// `object`, the root of every class.
    pub object_class: Value,
    /// Methods of built-in types: `(type, name)` to a native taking `self` first.
    pub methods: FxHashMap<(TypeId, String), Value>,
    /// Constructors of built-in classes (what calling `int` runs).
    pub constructors: FxHashMap<TypeId, Value>,
    /// The native that calling a class runs.
    pub type_call: Value,
    /// The `NotImplemented` singleton.
    pub not_implemented: Value,
    /// Modules imported so far, by name.
    pub modules: FxHashMap<String, Value>,
    /// The front end, for `import`.
    pub compile: Option<super::import::CompileFn>,
    /// Attributes set on guest functions (`f.cache = {}`, docstrings), by
    /// function identity. A function with attributes is kept alive for the
    /// rest of the run (it is rooted with its dict), so its identity is never
    /// reused by another function.
    pub func_attrs: FxHashMap<u64, Value>,
    /// Bumped on every class mutation (see [`super::cache`]).
    pub class_version: u64,
    /// `(map, name)` to what `obj.name` means.
    pub attr_cache: super::cache::AttrCache,
    /// `(class, name)` to the MRO lookup's result.
    pub special_cache: super::cache::SpecialCache,
}

/// The language state.
///
/// # Panics
/// If Python's start-up did not run: natives are only reachable after it.
#[inline]
pub fn py(vm: &Vm) -> &PyState {
    vm.space
        .ext
        .as_ref()
        .and_then(|e| e.downcast_ref())
        .expect("python state is installed at start-up")
}

/// The language state, mutably.
pub fn py_mut(vm: &mut Vm) -> &mut PyState {
    vm.space
        .ext
        .as_mut()
        .and_then(|e| e.downcast_mut())
        .expect("python state is installed at start-up")
}

/// The fields of a `Fields` object (empty for anything else).
pub fn fields(space: &StandardSpace, v: Value) -> &[Value] {
    match v.as_ref().map(|r| &space.heap.get(r).body) {
        Some(Body::Fields(f)) => f,
        _ => &[],
    }
}

/// Field `i` of a `Fields` object, or None.
pub fn field(space: &StandardSpace, v: Value, i: usize) -> Value {
    fields(space, v).get(i).copied().unwrap_or(Value::NONE)
}

/// Replaces field `i` of a `Fields` object.
pub fn set_field(space: &mut StandardSpace, v: Value, i: usize, x: Value) {
    if let Some(r) = v.as_ref() {
        if let Body::Fields(f) = &mut space.heap.get_mut(r).body {
            if let Some(slot) = f.get_mut(i) {
                *slot = x;
            }
        }
    }
}

/// A new object of `class` with `fields`.
pub fn new_fields(space: &mut StandardSpace, class: TypeId, items: Vec<Value>) -> Result<Value, OpError> {
    space.heap.alloc(class, Body::Fields(items.into_boxed_slice()))
}

/// A Python `str` from Rust text.
pub fn py_str(vm: &mut Vm, text: &str) -> Result<Value, OpError> {
    vm.space.str_value(text)
}

// ---- classes ------------------------------------------------------------------

/// Class field indexes.
pub mod class {
    /// `__name__`
    pub const NAME: usize = 0;
    /// `__bases__`
    pub const BASES: usize = 1;
    /// `__mro__`
    pub const MRO: usize = 2;
    /// The class dict.
    pub const DICT: usize = 3;
    /// The framework type a built-in class stands for.
    pub const CORE: usize = 4;
    /// The root map of the class's instances.
    pub const MAP: usize = 5;
}

/// True if `v` is a class object.
pub fn is_class(vm: &Vm, v: Value) -> bool {
    vm.space.type_of(v) == T::TYPE
}

/// The name of a class.
pub fn class_name(vm: &Vm, cls: Value) -> String {
    vm.space
        .str_of(field(&vm.space, cls, class::NAME))
        .unwrap_or("?")
        .to_string()
}

/// The method resolution order of a class (the class first).
pub fn mro(vm: &Vm, cls: Value) -> Vec<Value> {
    collections::seq_items(&vm.space, field(&vm.space, cls, class::MRO)).unwrap_or_default()
}

/// The framework type a built-in class stands for, if it is one.
pub fn class_core(vm: &Vm, cls: Value) -> Option<TypeId> {
    field(&vm.space, cls, class::CORE)
        .as_small_int()
        .map(|i| TypeId(i as u16))
}

/// The class of any value (`type(v)`).
pub fn class_of(vm: &Vm, v: Value) -> Value {
    let t = vm.space.type_of(v);
    if t == T::INSTANCE {
        return instance_class(&vm.space, v);
    }
    py(vm).builtin_classes.get(&t).copied().unwrap_or(py(vm).object_class)
}

/// The class of an instance of a user class: the owner of its map.
#[inline]
pub fn instance_class(space: &StandardSpace, inst: Value) -> Value {
    match inst.as_ref().and_then(|r| space.heap.instance_map(r)) {
        Some(map) => space.heap.maps.owner(map),
        None => Value::NONE,
    }
}

/// `issubclass(a, b)` for class objects.
pub fn is_subclass(vm: &Vm, a: Value, b: Value) -> bool {
    a == b || mro(vm, a).contains(&b)
}

/// `isinstance(v, cls)`.
pub fn is_instance(vm: &Vm, v: Value, cls: Value) -> bool {
    let c = class_of(vm, v);
    if is_subclass(vm, c, cls) {
        return true;
    }
    // bool is a subclass of int in Python; the framework keeps them apart.
    vm.space.type_of(v) == TypeId::BOOL && class_core(vm, cls) == Some(TypeId::INT)
}

/// Looks `name` up along the class's MRO: the first class dict that has it.
pub fn lookup_in_mro(vm: &mut Vm, cls: Value, name: Value) -> Result<Option<Value>, OpError> {
    if let Some(text) = vm.space.str_of(name) {
        return Ok(lookup_text(&vm.space, cls, text));
    }
    for c in mro(vm, cls) {
        let dict = field(&vm.space, c, class::DICT);
        if let Some(v) = collections::dict_get(vm, dict, name)? {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// Looks a string name up along the MRO without running any guest code or
/// allocating: the hot path of every attribute access.
pub fn lookup_text(space: &StandardSpace, cls: Value, name: &str) -> Option<Value> {
    let mro = field(space, cls, class::MRO);
    for &c in fields(space, mro) {
        if let Some(v) = collections::dict_get_str(space, field(space, c, class::DICT), name) {
            return Some(v);
        }
    }
    None
}

/// Looks up a name given as Rust text (cached: see [`super::cache`]).
pub fn lookup_str(vm: &mut Vm, cls: Value, name: &str) -> Result<Option<Value>, OpError> {
    if field(&vm.space, cls, class::MRO) != Value::NONE {
        let epoch = super::cache::epoch(vm);
        if let Some(hit) = py(vm).special_cache.get(cls, name, epoch) {
            return Ok(hit);
        }
        let found = lookup_text(&vm.space, cls, name);
        py_mut(vm).special_cache.put(cls, name, epoch, found);
        return Ok(found);
    }
    let key = py_str(vm, name)?;
    lookup_in_mro(vm, cls, key)
}

/// C3 linearization of `bases` for a new class (the class itself excluded).
pub fn c3_merge(vm: &Vm, bases: &[Value]) -> Result<Vec<Value>, OpError> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| mro(vm, *b)).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].contains(c)))
            .ok_or_else(|| {
                let names: Vec<String> = bases.iter().map(|b| class_name(vm, *b)).collect();
                OpError::type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                ))
            })?;
        out.push(candidate);
        for s in &mut seqs {
            if s.first() == Some(&candidate) {
                s.remove(0);
            }
        }
    }
}

/// Creates a class object. `dict` is the class body's namespace.
pub fn new_class(
    vm: &mut Vm,
    name: &str,
    bases: Vec<Value>,
    dict: Value,
    core: Option<TypeId>,
) -> Result<Value, OpError> {
    let name_v = py_str(vm, name)?;
    vm.keep_alive(name_v);
    let mut bases = bases;
    if bases.is_empty() && py(vm).object_class != Value::NONE {
        bases.push(py(vm).object_class);
    }
    for b in &bases {
        if !is_class(vm, *b) {
            return Err(OpError::type_error("bases must be types"));
        }
    }
    let tail = c3_merge(vm, &bases)?;
    let bases_v = collections::new_tuple(&mut vm.space, bases)?;
    vm.keep_alive(bases_v);
    let core_v = core.map_or(Value::NONE, |t| Value::small_int(t.0 as i64).unwrap_or(Value::NONE));
    let cls = new_fields(
        &mut vm.space,
        T::TYPE,
        vec![name_v, bases_v, Value::NONE, dict, core_v, Value::NONE],
    )?;
    vm.keep_alive(cls);
    let map = vm.space.heap.maps.new_root(cls);
    set_field(
        &mut vm.space,
        cls,
        class::MAP,
        Value::small_int(map.0 as i64).unwrap_or(Value::NONE),
    );
    let mut order = vec![cls];
    order.extend(tail);
    let mro_v = collections::new_tuple(&mut vm.space, order)?;
    set_field(&mut vm.space, cls, class::MRO, mro_v);
    Ok(cls)
}

/// A new, empty dict.
pub fn new_dict(vm: &mut Vm) -> Result<Value, OpError> {
    <StandardSpace as Space>::build(vm, BuildKind::Dict, &[])
}

/// A bound method.
pub fn bind(vm: &mut Vm, func: Value, receiver: Value) -> Result<Value, OpError> {
    new_fields(&mut vm.space, T::BOUND_METHOD, vec![func, receiver])
}

/// Calls a class: a built-in class runs its constructor, a user class makes
/// an instance and runs `__init__`. Natives receive the class first.
pub fn type_call(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let keywords = vm.take_keywords();
    let Some((&cls, rest)) = args.split_first() else {
        return Err(OpError::type_error("type.__call__ needs a class"));
    };
    if let Some(core) = class_core(vm, cls) {
        let ctor = py(vm).constructors.get(&core).copied();
        return match ctor {
            Some(f) => vm.call_with_keywords(f, rest, keywords),
            None => Err(OpError::type_error(format!(
                "cannot create '{}' instances",
                class_name(vm, cls)
            ))),
        };
    }
    // A user `__new__` makes the object; `__init__` runs only on an instance of `cls`.
    let new = lookup_str(vm, cls, "__new__")?.filter(|f| vm.space.type_of(*f) != TypeId::NATIVE);
    let inst = match new {
        Some(new) => {
            let mut all = Vec::with_capacity(args.len());
            all.extend_from_slice(args);
            let inst = vm.call_with_keywords(new, &all, keywords.clone())?;
            vm.keep_alive(inst);
            if !is_instance(vm, inst, cls) {
                return Ok(inst);
            }
            inst
        }
        None => new_instance(vm, cls)?,
    };
    let init = lookup_str(vm, cls, "__init__")?;
    let init = init.filter(|f| vm.space.type_of(*f) != TypeId::NATIVE || !rest.is_empty() || !keywords.is_empty());
    if let Some(init) = init {
        if vm.space.type_of(init) == TypeId::NATIVE && (!rest.is_empty() || !keywords.is_empty()) {
            return Err(OpError::type_error(format!(
                "{}() takes no arguments",
                class_name(vm, cls)
            )));
        }
        // `(inst, *rest)`, on the stack for the usual few arguments.
        let mut small = [Value::NONE; 8];
        let mut big = Vec::new();
        let all: &[Value] = if rest.len() < small.len() {
            small[0] = inst;
            small[1..=rest.len()].copy_from_slice(rest);
            &small[..=rest.len()]
        } else {
            big.push(inst);
            big.extend_from_slice(rest);
            &big
        };
        let result = vm.call_with_keywords(init, all, keywords)?;
        if result != Value::NONE {
            return Err(OpError::type_error(format!(
                "__init__() should return None, not '{}'",
                vm.space.type_name_of(result)
            )));
        }
    } else if !rest.is_empty() || !keywords.is_empty() {
        return Err(OpError::type_error(format!(
            "{}() takes no arguments",
            class_name(vm, cls)
        )));
    }
    Ok(inst)
}

/// A new, empty instance of a user class (`object.__new__(cls)`).
pub fn new_instance(vm: &mut Vm, cls: Value) -> Result<Value, OpError> {
    if !is_class(vm, cls) {
        return Err(OpError::type_error("object.__new__(X): X is not a type object"));
    }
    let map = field(&vm.space, cls, class::MAP).as_small_int().unwrap_or(0);
    let inst = vm.space.heap.new_instance(T::INSTANCE, MapId(map as u32))?;
    vm.keep_alive(inst);
    Ok(inst)
}

/// `object.__new__(cls, ...)`.
pub fn object_new(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let _ = vm.take_keywords();
    new_instance(vm, args[0])
}

/// An error for a missing attribute, worded like CPython.
pub fn no_attribute(vm: &Vm, obj: Value, name: &str) -> OpError {
    let message = if is_class(vm, obj) {
        format!("type object '{}' has no attribute '{name}'", class_name(vm, obj))
    } else if vm.space.type_of(obj) == T::MODULE {
        let m = vm.space.str_of(field(&vm.space, obj, 0)).unwrap_or("?");
        format!("module '{m}' has no attribute '{name}'")
    } else {
        format!("'{}' object has no attribute '{name}'", vm.space.type_name_of(obj))
    };
    OpError::new(ErrorKind::Attribute, message)
}
