//! Python's builtins: the functions, the methods of built-in types, string
//! formatting and the small standard modules.
//!
//! The object model (classes, attributes, the dunder protocol) lives in
//! [`crate::runtime`]; this module fills it with behaviour. Everything is a
//! native function or a multimethod implementation, installed in two steps:
//!
//! - [`register`] runs once per space, while the registry is built: it adds
//!   the implementation classes the builtins need (`frozenset`, the dict
//!   views and their iterator, `enumerate`, `zip`, `map`, `filter`,
//!   `reversed`) and the multimethods (`str % x`, set algebra,
//!   `int * str`, dict `==` and `|`, list slice assignment, range slicing
//!   and equality, printing of the new classes, attributes like `int.real`,
//!   `slice.start` and `range.step`).
//! - [`install`] runs once per interpreter, after `runtime::start::start`
//!   and before the prelude: it binds the builtin functions, the methods of
//!   built-in types, the constructors of the built-in classes, and the
//!   modules (`math`, `time`, `random`, `sys`; `functools`, `itertools`,
//!   `operator`, `string` and `sys.exit` are Python source in the prelude,
//!   bound into modules through `__wb_fill_module__`).
//!
//! The unit tests (`tests*.rs`) call the natives with arguments written as
//! Python literals; their expected values were produced by CPython 3.11.
//!
//! Hidden builtins the compiler and the prelude call are named `__wb_...`:
//! see [`functions::HIDDEN`].

pub mod constructors;
pub mod dunders;
pub mod flows;
pub mod format;
pub mod formatting;
pub mod functions;
pub mod functions2;
pub mod iterators;
pub mod methods_containers;
pub mod methods_misc;
pub mod methods_sets;
pub mod methods_str;
pub mod methods_str2;
pub mod modules;
pub mod modules_math;
pub mod sequences;
pub mod support;
pub mod views;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_containers;
#[cfg(test)]
mod tests_format;
#[cfg(test)]
mod tests_format_float;
#[cfg(test)]
mod tests_format_float2;
#[cfg(test)]
mod tests_format_int;
#[cfg(test)]
mod tests_functions;
#[cfg(test)]
mod tests_math;
#[cfg(test)]
mod tests_methods;
#[cfg(test)]
mod tests_modules;

use crate::runtime::objects::{new_class, new_dict, py, py_mut};
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::{Arity, NativeFn};
use workbench_framework::object::TypeId;
use workbench_framework::space::standard::{CoreOps, Registry, StandardSpace, Vm};
use workbench_framework::space::OpError;

/// The implementation classes the builtins add, right after the runtime's.
pub mod types {
    use workbench_framework::object::TypeId;
    const BASE: u16 = TypeId::CORE_COUNT + crate::runtime::types::NAMES.len() as u16;
    /// `frozenset` (a subclass of set in the registry, so set operations apply).
    pub const FROZENSET: TypeId = TypeId(BASE);
    /// `dict.keys()` views: `Fields [dict]`.
    pub const DICT_KEYS: TypeId = TypeId(BASE + 1);
    /// `dict.values()` views: `Fields [dict]`.
    pub const DICT_VALUES: TypeId = TypeId(BASE + 2);
    /// `dict.items()` views: `Fields [dict]`.
    pub const DICT_ITEMS: TypeId = TypeId(BASE + 3);
    /// Iterators over views: `Fields [dict, position, kind, size]`.
    pub const DICT_ITER: TypeId = TypeId(BASE + 4);
    /// `enumerate` objects (see [`super::iterators`] for all five layouts).
    pub const ENUMERATE: TypeId = TypeId(BASE + 5);
    /// `zip` objects.
    pub const ZIP: TypeId = TypeId(BASE + 6);
    /// `map` objects.
    pub const MAP: TypeId = TypeId(BASE + 7);
    /// `filter` objects.
    pub const FILTER: TypeId = TypeId(BASE + 8);
    /// `reversed` objects.
    pub const REVERSED: TypeId = TypeId(BASE + 9);
    /// Names and registry bases, in registration order.
    pub const TABLE: [(&str, TypeId); 10] = [
        ("frozenset", TypeId::SET),
        ("dict_keys", TypeId::OBJECT),
        ("dict_values", TypeId::OBJECT),
        ("dict_items", TypeId::OBJECT),
        ("dict_iterator", TypeId::OBJECT),
        ("enumerate", TypeId::OBJECT),
        ("zip", TypeId::OBJECT),
        ("map", TypeId::OBJECT),
        ("filter", TypeId::OBJECT),
        ("reversed", TypeId::OBJECT),
    ];
}

/// Registers the builtins' classes and multimethods. Call it right after the
/// runtime has added its classes (the ids in [`types`] follow theirs).
pub fn register(reg: &mut Registry) {
    for (i, (name, base)) in types::TABLE.iter().enumerate() {
        let t = reg.add_type(name, Some(*base));
        assert_eq!(
            t,
            TypeId(types::FROZENSET.0 + i as u16),
            "builtins::register must run right after the runtime's classes are added"
        );
    }
    let ops = CoreOps::of(reg);
    formatting::register(reg, &ops);
    methods_sets::register(reg, &ops);
    views::register(reg, &ops);
    iterators::register(reg, &ops);
    methods_misc::register(reg, &ops);
    sequences::register(reg, &ops);
}

/// One native: name, arity, function.
pub type Entry = (&'static str, Arity, NativeFn<StandardSpace>);

/// Binds natives as builtins (rooted for the whole run).
pub fn bind_all(vm: &mut Vm, entries: &[Entry]) -> Result<(), OpError> {
    for &(name, arity, func) in entries {
        let f = vm.make_native_fn(name, arity, func)?;
        vm.space.roots.push(f);
        vm.set_global_in(BUILTINS, name, f);
    }
    Ok(())
}

/// Adds native methods of built-in types (`self` comes first).
pub fn add_methods(vm: &mut Vm, t: TypeId, entries: &[Entry]) -> Result<(), OpError> {
    for &(name, arity, func) in entries {
        crate::runtime::start::add_method(vm, t, name, arity, func)?;
    }
    Ok(())
}

/// Makes the class object standing for one of the builtins' own types.
fn add_class(vm: &mut Vm, name: &str, t: TypeId, bind: bool) -> Result<(), OpError> {
    let object = py(vm).object_class;
    let dict = new_dict(vm)?;
    vm.space.roots.push(dict);
    let cls = new_class(vm, name, vec![object], dict, Some(t))?;
    vm.space.roots.push(cls);
    py_mut(vm).builtin_classes.insert(t, cls);
    if bind {
        vm.set_global_in(BUILTINS, name, cls);
    }
    Ok(())
}

/// Installs the builtins in a started interpreter (before the prelude runs).
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    add_class(vm, "frozenset", types::FROZENSET, true)?;
    add_class(vm, "dict_keys", types::DICT_KEYS, false)?;
    add_class(vm, "dict_values", types::DICT_VALUES, false)?;
    add_class(vm, "dict_items", types::DICT_ITEMS, false)?;
    add_class(vm, "dict_iterator", types::DICT_ITER, false)?;
    for (name, t) in [
        ("enumerate", types::ENUMERATE),
        ("zip", types::ZIP),
        ("map", types::MAP),
        ("filter", types::FILTER),
        ("reversed", types::REVERSED),
    ] {
        add_class(vm, name, t, true)?;
    }
    // Framework iterators the runtime gives no class of their own.
    for (name, t) in [
        ("list_iterator", TypeId::SEQ_ITER),
        ("dict_keyiterator", TypeId::KEY_ITER),
        ("range_iterator", crate::runtime::types::RANGE_ITER),
    ] {
        if !py(vm).builtin_classes.contains_key(&t) {
            add_class(vm, name, t, false)?;
        }
    }
    functions::install(vm)?;
    functions2::install(vm)?;
    constructors::install(vm)?;
    formatting::install(vm)?;
    methods_str::install(vm)?;
    methods_str2::install(vm)?;
    methods_containers::install(vm)?;
    methods_sets::install(vm)?;
    methods_misc::install(vm)?;
    views::install(vm)?;
    iterators::install(vm)?;
    modules::install(vm)?;
    modules_math::install(vm)?;
    dunders::install(vm)?;
    sequences::install(vm)?;
    Ok(())
}
