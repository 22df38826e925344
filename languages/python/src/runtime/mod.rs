//! Python's object model, registered in the standard space.
//!
//! The framework gives every language the same containers, numbers and
//! strings. Python adds classes and instances, attribute lookup with
//! descriptors, bound methods, modules, `range`, and the dunder protocol
//! that lets user classes overload operators — all as multimethod
//! implementations and standard-space hooks, never by touching the main loop.
//!
//! - [`objects`]: layouts of classes, instances, bound methods, modules; the
//!   run-time state ([`PyState`]).
//! - [`attrs`]: `getattr`/`setattr`/`delattr` for every kind of value.
//! - [`dunder`]: operators on instances (`__add__`, `__radd__`, `__eq__`, ...),
//!   where a `NotImplemented` result is a multimethod *decline*.
//! - [`printing`]: `str` and `repr` of Python values.
//! - [`exceptions`]: turning framework errors into exception instances and back.
//! - [`import`]: modules beside the program.
//! - [`range`]: the `range` type.
//! - [`signatures`]: what the annotation space knows about the builtins.
//! - [`start`]: registration in the registry and start-up of a run.

pub mod attrs;
pub mod cache;
pub mod dunder;
pub mod exceptions;
pub mod helpers;
pub mod import;
pub mod instance;
pub mod objects;
pub mod printing;
pub mod range;
pub mod signatures;
pub mod start;

pub use objects::{py, py_mut, PyState};
pub use signatures::signatures;

use workbench_framework::object::TypeId;

/// Python's own implementation classes, registered right after the core ones.
pub mod types {
    use super::TypeId;
    const BASE: u16 = TypeId::CORE_COUNT;
    /// Class objects (`type` instances).
    pub const TYPE: TypeId = TypeId(BASE);
    /// Instances of user classes.
    pub const INSTANCE: TypeId = TypeId(BASE + 1);
    /// A function bound to its first argument.
    pub const BOUND_METHOD: TypeId = TypeId(BASE + 2);
    /// Modules.
    pub const MODULE: TypeId = TypeId(BASE + 3);
    /// `range` objects.
    pub const RANGE: TypeId = TypeId(BASE + 4);
    /// Iterators over a range.
    pub const RANGE_ITER: TypeId = TypeId(BASE + 5);
    /// The `NotImplemented` singleton.
    pub const NOT_IMPLEMENTED: TypeId = TypeId(BASE + 6);
    /// `super(...)` proxies.
    pub const SUPER: TypeId = TypeId(BASE + 7);
    /// Names, in registration order.
    pub const NAMES: [&str; 8] = [
        "type",
        "instance",
        "method",
        "module",
        "range",
        "range_iterator",
        "NotImplementedType",
        "super",
    ];
}
