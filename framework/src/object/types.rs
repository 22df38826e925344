//! Type ids: the classes multimethods dispatch on.
//!
//! A type id names an *implementation class* (how a value is represented and
//! which multimethod implementations apply), like PyPy's W_IntObject. The
//! core types every language shares have fixed ids below; languages register
//! more in the [`Registry`](crate::space::standard::Registry).

use std::fmt;

/// An implementation class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u16);

impl fmt::Display for TypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "type{}", self.0)
    }
}

impl TypeId {
    /// The "no value" value.
    pub const NONE: TypeId = TypeId(0);
    /// Booleans (delegate to int).
    pub const BOOL: TypeId = TypeId(1);
    /// Machine integers, inline or boxed (delegate to bigint and float).
    pub const INT: TypeId = TypeId(2);
    /// Arbitrary-precision integers (delegate to float).
    pub const BIGINT: TypeId = TypeId(3);
    /// Doubles.
    pub const FLOAT: TypeId = TypeId(4);
    /// Unicode strings.
    pub const STR: TypeId = TypeId(5);
    /// Guest closures.
    pub const FUNCTION: TypeId = TypeId(6);
    /// Native functions.
    pub const NATIVE: TypeId = TypeId(7);
    /// Mutable cells holding a captured variable.
    pub const CELL: TypeId = TypeId(8);
    /// Characters.
    pub const CHAR: TypeId = TypeId(9);
    /// The empty list immediate.
    pub const EMPTY: TypeId = TypeId(10);
    /// The unspecified immediate.
    pub const UNSPECIFIED: TypeId = TypeId(11);
    /// The root class: every class without another base inherits from it.
    pub const OBJECT: TypeId = TypeId(12);
    /// Growable sequences (`List` layout).
    pub const LIST: TypeId = TypeId(13);
    /// Immutable sequences (`Fields` layout).
    pub const TUPLE: TypeId = TypeId(14);
    /// Insertion-ordered hash maps (`Dict` layout).
    pub const DICT: TypeId = TypeId(15);
    /// Hash sets (`Dict` layout, values unused).
    pub const SET: TypeId = TypeId(16);
    /// `start:stop:step` (`Fields` of three).
    pub const SLICE: TypeId = TypeId(17);
    /// An iterator over a list, tuple or string (`Fields`: sequence, next index).
    pub const SEQ_ITER: TypeId = TypeId(18);
    /// An iterator over a dict's or set's keys (`Fields`: table, next entry).
    pub const KEY_ITER: TypeId = TypeId(19);
    /// A suspended guest frame made by calling a generator function.
    pub const GENERATOR: TypeId = TypeId(20);
    /// A value with taint labels (`Tainted` layout; only the taint space makes them).
    pub const TAINTED: TypeId = TypeId(21);
    /// Number of core types; languages' types start here.
    pub const CORE_COUNT: u16 = 22;

    /// Names of the core types, indexed by id.
    pub const CORE_NAMES: [&'static str; 22] = [
        "none",
        "bool",
        "int",
        "bigint",
        "float",
        "str",
        "function",
        "builtin",
        "cell",
        "char",
        "empty",
        "unspecified",
        "object",
        "list",
        "tuple",
        "dict",
        "set",
        "slice",
        "iterator",
        "dict_keyiterator",
        "generator",
        "tainted",
    ];
}
