//! How Python's natives move taint labels (see `space::standard::taint`).
//!
//! By default a native *derives* its result from its arguments: in the taint
//! space the result carries the union of their labels. The natives listed
//! here differ: the ones that store an argument in a container keep the
//! element's labels on the element (so the list stays clean), the formatting
//! natives follow the space's formatting rule, and `input()` is an input. The
//! tables are declared once per interpreter; outside the taint space they are
//! not consulted.

use crate::runtime::objects::py;
use workbench_framework::object::TypeId;
use workbench_framework::space::standard::taint::{self, Flow};
use workbench_framework::space::standard::Vm;

/// Methods of built-in types whose flow is not `Derives`.
const METHODS: &[(TypeId, &str, Flow)] = &[
    (TypeId::LIST, "append", Flow::Stores { from: 1 }),
    (TypeId::LIST, "insert", Flow::Stores { from: 1 }),
    (TypeId::LIST, "extend", Flow::Stores { from: 1 }),
    (TypeId::DICT, "setdefault", Flow::Stores { from: 1 }),
    (TypeId::DICT, "update", Flow::Stores { from: 1 }),
    (TypeId::DICT, "fromkeys", Flow::Stores { from: 1 }),
    (TypeId::SET, "add", Flow::Stores { from: 1 }),
    (TypeId::SET, "update", Flow::Stores { from: 1 }),
    (TypeId::STR, "format", Flow::Formats { template: 0 }),
    (TypeId::STR, "format_map", Flow::Formats { template: 0 }),
];

/// Builtin functions whose flow is not `Derives`.
const BUILTINS: &[(&str, Flow)] = &[
    ("input", Flow::Reads("stdin")),
    ("isinstance", Flow::Inspects),
    ("callable", Flow::Inspects),
    ("format", Flow::Formats { template: 1 }),
    ("__wb_format__", Flow::Formats { template: 1 }),
];

/// Declares the flows above (nothing outside the taint space).
pub fn declare(vm: &mut Vm) {
    if !vm.space.taint_enabled() {
        return;
    }
    for &(t, name, flow) in METHODS {
        if let Some(&f) = py(vm).methods.get(&(t, name.to_string())) {
            taint::declare_flow(vm, f, flow);
        }
    }
    taint::declare_builtin_flows(vm, BUILTINS);
    // Calling a class runs one native, `type_call`, which hands its arguments
    // on to the class's constructor (a native of its own, with its own flow) or
    // to a guest `__init__`, which stores them: it passes them as they are, so
    // `Account(taint(100, "balance"))` is a clean instance with a labelled
    // attribute. `type(x)` asks only for a type.
    let type_call = py(vm).type_call;
    taint::declare_flow(vm, type_call, Flow::Stores { from: 0 });
    if let Some(&type_new) = py(vm).constructors.get(&crate::runtime::types::TYPE) {
        taint::declare_flow(vm, type_new, Flow::Inspects);
    }
}
