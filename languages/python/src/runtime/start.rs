//! Registering Python in the standard space, and starting a run.
//!
//! [`register`] runs once per space: it adds Python's implementation classes
//! in a fixed order (so their ids are the constants in [`super::types`]),
//! renames a few core classes to Python's spelling, and registers the
//! object model's multimethods. [`start`] runs once per interpreter: it makes
//! the class objects (`object`, `int`, `str`, ...), installs the hooks and the
//! hidden helpers the compiler calls, and leaves the rest (builtins written
//! in Python, the exception hierarchy) to the prelude.

use super::objects::{self, class, field, new_class, new_dict, new_fields, py, py_mut, PyState};
use super::types as T;
use super::{attrs, dunder, exceptions, printing, range};
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, CoreOps, Hooks, Registry, Vm};
use workbench_framework::space::OpError;

/// Registers Python's classes and multimethods.
pub fn register(reg: &mut Registry) {
    for (i, name) in T::NAMES.iter().enumerate() {
        let t = reg.add_type(name, Some(TypeId::OBJECT));
        assert_eq!(
            t.0,
            TypeId::CORE_COUNT + i as u16,
            "python types are registered right after the core ones"
        );
    }
    for (t, name) in [
        (TypeId::NONE, "NoneType"),
        (TypeId::NATIVE, "builtin_function_or_method"),
        (TypeId::SEQ_ITER, "iterator"),
        (TypeId::BIGINT, "int"),
    ] {
        reg.rename_type(t, name);
    }
    let ops = CoreOps::of(reg);
    attrs::register(reg, &ops);
    dunder::register(reg, &ops);
    printing::register(reg, &ops);
    range::register(reg, &ops);
    super_register(reg, &ops);
}

/// The built-in classes: Python name, the framework type they stand for, base.
const BUILTIN_CLASSES: [(&str, TypeId); 14] = [
    ("int", TypeId::INT),
    ("float", TypeId::FLOAT),
    ("str", TypeId::STR),
    ("list", TypeId::LIST),
    ("tuple", TypeId::TUPLE),
    ("dict", TypeId::DICT),
    ("set", TypeId::SET),
    ("range", T::RANGE),
    ("type", T::TYPE),
    ("NoneType", TypeId::NONE),
    ("function", TypeId::FUNCTION),
    ("builtin_function_or_method", TypeId::NATIVE),
    ("generator", TypeId::GENERATOR),
    ("slice", TypeId::SLICE),
];

/// Prepares an interpreter to run Python: state, hooks, class objects and helpers.
pub fn start(vm: &mut Vm) -> Result<(), OpError> {
    vm.space.ext = Some(Box::new(PyState::default()));
    vm.space.hooks = Hooks {
        callee: Some(attrs::callee_hook),
        error_value: Some(exceptions::error_value),
        describe_exception: Some(exceptions::describe),
        type_name: Some(attrs::type_name_hook),
        key_error: Some(exceptions::key_error),
        exit_status: Some(exceptions::exit_status),
        get_method: Some(attrs::get_method_hook),
        get_attr_fast: Some(super::instance::get_attr_fast),
        set_attr_fast: Some(super::instance::set_attr_fast),
        next_fast: Some(range::range_next_fast),
    };
    let type_call = vm.make_native_fn("type.__call__", Arity::AtLeast(1), objects::type_call)?;
    py_mut(vm).type_call = type_call;
    let not_implemented = new_fields(&mut vm.space, T::NOT_IMPLEMENTED, Vec::new())?;
    py_mut(vm).not_implemented = not_implemented;
    vm.space.roots.extend([type_call, not_implemented]);
    vm.set_global_in(BUILTINS, "NotImplemented", not_implemented);

    let object_dict = new_dict(vm)?;
    vm.space.roots.push(object_dict);
    let init = vm.make_native_fn("__init__", Arity::AtLeast(1), object_init)?;
    vm.space.roots.push(init);
    let init_name = objects::py_str(vm, "__init__")?;
    collections::dict_set(vm, object_dict, init_name, init)?;
    let new = vm.make_native_fn("__new__", Arity::AtLeast(1), objects::object_new)?;
    vm.space.roots.push(new);
    let new_name = objects::py_str(vm, "__new__")?;
    collections::dict_set(vm, object_dict, new_name, new)?;
    let object = new_class(vm, "object", Vec::new(), object_dict, None)?;
    vm.space.roots.push(object);
    py_mut(vm).object_class = object;
    vm.set_global_in(BUILTINS, "object", object);
    let mut int_class = Value::NONE;
    for (name, core) in BUILTIN_CLASSES {
        let dict = new_dict(vm)?;
        vm.space.roots.push(dict);
        let cls = new_class(vm, name, vec![object], dict, Some(core))?;
        vm.space.roots.push(cls);
        py_mut(vm).builtin_classes.insert(core, cls);
        vm.set_global_in(BUILTINS, name, cls);
        if core == TypeId::INT {
            int_class = cls;
        }
    }
    let bool_dict = new_dict(vm)?;
    vm.space.roots.push(bool_dict);
    let bool_class = new_class(vm, "bool", vec![int_class], bool_dict, Some(TypeId::BOOL))?;
    vm.space.roots.push(bool_class);
    py_mut(vm).builtin_classes.insert(TypeId::BOOL, bool_class);
    vm.set_global_in(BUILTINS, "bool", bool_class);
    // Values whose framework type has no Python class of its own.
    py_mut(vm).builtin_classes.insert(TypeId::BIGINT, int_class);
    // The module class exists (`type(m).__name__`) but has no builtin name.
    let module_dict = new_dict(vm)?;
    vm.space.roots.push(module_dict);
    let module_class = new_class(vm, "module", vec![object], module_dict, Some(T::MODULE))?;
    vm.space.roots.push(module_class);
    py_mut(vm).builtin_classes.insert(T::MODULE, module_class);

    let helpers: [(&'static str, Arity, workbench_framework::language::NativeFn<_>); 16] = [
        ("__wb_set_doc__", Arity::Exact(2), attrs::set_doc),
        ("__wb_gen_result__", Arity::Exact(1), super::helpers::gen_result),
        ("__wb_import__", Arity::Exact(1), super::import::import),
        ("__wb_echo__", Arity::Exact(1), super::helpers::echo),
        ("__wb_list_extend__", Arity::Exact(2), super::helpers::list_extend),
        ("__wb_dict_update__", Arity::Exact(2), super::helpers::dict_update),
        ("__wb_kwarg__", Arity::Exact(3), super::helpers::kwarg),
        ("__wb_kwargs_merge__", Arity::Exact(2), super::helpers::kwargs_merge),
        ("__wb_unpack_star__", Arity::Exact(3), super::helpers::unpack_star),
        ("__wb_set_cause__", Arity::Exact(2), super::helpers::set_cause),
        ("__wb_set_context__", Arity::Exact(2), super::helpers::set_context),
        ("__wb_exc__", Arity::Exact(1), exceptions::normalize),
        ("__wb_exc_match__", Arity::Exact(2), exceptions::matches),
        ("__wb_build_class__", Arity::AtLeast(2), build_class),
        ("super", Arity::Exact(2), make_super),
        ("__wb_bind__", Arity::Exact(2), bind_native),
    ];
    for (name, arity, func) in helpers {
        let f = vm.make_native_fn(name, arity, func)?;
        vm.space.roots.push(f);
        vm.set_global_in(BUILTINS, name, f);
    }
    Ok(())
}

/// `object.__init__(self, ...)`: nothing to do (extra arguments are refused
/// by `type.__call__` for classes that define no `__init__`).
fn object_init(vm: &mut Vm, _args: &[Value]) -> Result<Value, OpError> {
    let _ = vm.take_keywords();
    Ok(Value::NONE)
}

/// `__wb_build_class__(body, name, *bases)`: runs the class body (a function
/// returning its namespace as a dict) and makes the class.
fn build_class(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let _ = vm.take_keywords(); // `metaclass=` and friends are accepted and ignored
    let (body, name, bases) = (args[0], args[1], args[2..].to_vec());
    // The body returns its namespace, or (namespace, __class__ cell) when a
    // method uses super(); the cell receives the new class.
    let result = vm.call_value(body, &[])?;
    vm.keep_alive(result);
    let (dict, cell) = if vm.space.type_of(result) == TypeId::TUPLE {
        let items = collections::seq_items(&vm.space, result).unwrap_or_default();
        (items.first().copied().unwrap_or(Value::NONE), items.get(1).copied())
    } else {
        (result, None)
    };
    if vm.space.type_of(dict) != TypeId::DICT {
        return Err(OpError::type_error("class body did not produce a namespace"));
    }
    let name = vm.space.str_of(name).unwrap_or("?").to_string();
    let cls = new_class(vm, &name, bases, dict, None)?;
    if let Some(cell) = cell {
        use workbench_framework::space::Space;
        vm.space.cell_set(&cell, cls);
    }
    Ok(cls)
}

/// `__wb_bind__(f, obj)`: a method bound to `obj` (used by `classmethod`).
fn bind_native(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    objects::bind(vm, args[0], args[1])
}

/// `super(cls, obj)`: the compiler fills in both arguments for `super()`.
fn make_super(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    new_fields(&mut vm.space, T::SUPER, vec![args[0], args[1]])
}

/// `super(cls, obj).name`: look along `type(obj)`'s MRO *after* `cls`.
fn super_getattr(vm: &mut Vm, a: &[Value]) -> Result<Value, workbench_framework::multimethod::Fail> {
    let (cls, obj) = (field(&vm.space, a[0], 0), field(&vm.space, a[0], 1));
    let start = if objects::is_class(vm, obj) {
        obj
    } else {
        objects::class_of(vm, obj)
    };
    let order = objects::mro(vm, start);
    let after = order.iter().position(|c| *c == cls).map_or(0, |i| i + 1);
    for c in order.into_iter().skip(after) {
        let dict = field(&vm.space, c, class::DICT);
        if let Some(v) = collections::dict_get(vm, dict, a[1])? {
            let t = vm.space.type_of(v);
            if matches!(t, TypeId::FUNCTION | TypeId::NATIVE) && !objects::is_class(vm, obj) {
                return Ok(objects::bind(vm, v, obj)?);
            }
            return Ok(v);
        }
    }
    let name = vm.space.str_of(a[1]).unwrap_or("?").to_string();
    Err(workbench_framework::multimethod::Fail::Error(OpError::new(
        workbench_framework::space::ErrorKind::Attribute,
        format!("'super' object has no attribute '{name}'"),
    )))
}

fn super_register(reg: &mut Registry, ops: &CoreOps) {
    reg.register(ops.getattr, &[T::SUPER, TypeId::STR], "super.attr", super_getattr);
}

/// Installs native methods of a built-in type: `(type, name) -> native`.
pub fn add_method(
    vm: &mut Vm,
    t: TypeId,
    name: &'static str,
    arity: Arity,
    func: workbench_framework::language::NativeFn<workbench_framework::space::standard::StandardSpace>,
) -> Result<(), OpError> {
    let f = vm.make_native_fn(name, arity, func)?;
    vm.space.roots.push(f);
    py_mut(vm).methods.insert((t, name.to_string()), f);
    Ok(())
}

/// Sets the constructor a built-in class runs when called (`int("12")`).
pub fn set_constructor(
    vm: &mut Vm,
    t: TypeId,
    name: &'static str,
    func: workbench_framework::language::NativeFn<workbench_framework::space::standard::StandardSpace>,
) -> Result<(), OpError> {
    let f = vm.make_native_fn(name, Arity::AtLeast(0), func)?;
    vm.space.roots.push(f);
    py_mut(vm).constructors.insert(t, f);
    let _ = py(vm);
    Ok(())
}
