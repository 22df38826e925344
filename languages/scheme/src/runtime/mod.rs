//! Scheme's values in the standard space: types, their registration, and
//! the helpers every builtin uses.
//!
//! Representation (no new layouts, only new types over the heap's menu):
//! - `'()` is the framework's none value (so `Const::None` loads it), the
//!   unspecified value is the framework's `UNSPECIFIED` immediate, booleans
//!   and characters are the framework's immediates;
//! - numbers are the framework's int → bigint → float tower, plus exact
//!   rationals ([`numbers`]) registered with delegators into it;
//! - strings are the framework's `str` (a string literal and `string-copy`
//!   make new objects; `string-set!` replaces the text in place);
//! - a pair is `Fields[car, cdr]`, a vector `List`, a bytevector `List` of
//!   small ints, a symbol an interned `Str`, a record `Fields[type, fields...]`;
//! - procedures are framework closures and natives.

pub mod builtins;
pub mod control;
pub mod lists;
pub mod numbers;
pub mod printer;
pub mod text;

use std::collections::HashMap;
use workbench_framework::language::{Arity, Builtin};
use workbench_framework::object::{Body, TypeId, Value};
use workbench_framework::space::standard::{Registry, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError};

/// Scheme's implementation classes, registered right after the core ones.
pub mod types {
    use workbench_framework::object::TypeId;
    const fn t(i: u16) -> TypeId {
        TypeId(TypeId::CORE_COUNT + i)
    }
    /// `Fields[car, cdr]`
    pub const PAIR: TypeId = t(0);
    /// An interned `Str`.
    pub const SYMBOL: TypeId = t(1);
    /// `List` of values.
    pub const VECTOR: TypeId = t(2);
    /// `List` of small ints 0..=255.
    pub const BYTEVECTOR: TypeId = t(3);
    /// `Fields[record type, field ...]`
    pub const RECORD: TypeId = t(4);
    /// `Fields[name symbol, field names list]`
    pub const RECORD_TYPE: TypeId = t(5);
    /// `Fields[value ...]`: several values in flight (`values` with other than one).
    pub const VALUES: TypeId = t(6);
    /// `Fields[kind str, message, irritants list]`: an error object.
    pub const CONDITION: TypeId = t(7);
    /// `Fields[numerator, denominator]`, in lowest terms, denominator > 1.
    pub const RATIONAL: TypeId = t(8);
    /// `Fields[]`: the end-of-file object.
    pub const EOF: TypeId = t(9);
    /// `Fields[values list]`: what a resumed continuation delivers to `call/cc`.
    pub const RESUMED: TypeId = t(10);
    /// `Fields[status]`: a request to exit, travelling as an exception.
    pub const EXIT: TypeId = t(11);
    /// `Fields[kind, text]`: an output port (kind 1 stdout, 2 stderr, 3 a string port).
    pub const PORT: TypeId = t(12);
    /// Names, in registration order.
    pub const NAMES: [&str; 13] = [
        "pair",
        "symbol",
        "vector",
        "bytevector",
        "record",
        "record-type",
        "values",
        "condition",
        "rational",
        "eof-object",
        "resumed",
        "exit",
        "port",
    ];
}

use types as T;

/// Scheme's run-time state, kept in the standard space's `ext`.
#[derive(Default)]
pub struct SchemeState {
    /// The symbol table: every symbol is made once.
    pub symbols: HashMap<String, Value>,
}

/// The Scheme state of a running interpreter.
pub fn state(vm: &mut Vm) -> &mut SchemeState {
    if vm.space.ext.is_none() {
        vm.space.ext = Some(Box::new(SchemeState::default()));
    }
    vm.space
        .ext
        .as_mut()
        .and_then(|e| e.downcast_mut::<SchemeState>())
        .expect("the Scheme state")
}

/// Registers Scheme's classes and multimethods.
pub fn register(reg: &mut Registry) {
    for (i, name) in T::NAMES.iter().enumerate() {
        let t = reg.add_type(name, Some(TypeId::OBJECT));
        assert_eq!(
            t.0,
            TypeId::CORE_COUNT + i as u16,
            "scheme types come right after the core ones"
        );
    }
    for (t, name) in [
        (TypeId::NONE, "null"),
        (TypeId::BOOL, "boolean"),
        (TypeId::INT, "integer"),
        (TypeId::BIGINT, "integer"),
        (TypeId::FLOAT, "real"),
        (TypeId::STR, "string"),
        (TypeId::FUNCTION, "procedure"),
        (TypeId::NATIVE, "procedure"),
        (TypeId::CHAR, "char"),
    ] {
        reg.rename_type(t, name);
    }
    numbers::register(reg);
    printer::register(reg);
}

// ---- helpers -------------------------------------------------------------

/// Guile's wording: "car: wrong type argument in position 1 (expecting pair): 1".
pub fn wrong_type(vm: &mut Vm, proc_name: &str, position: usize, expecting: &str, v: Value) -> OpError {
    let shown = printer::write_string(vm, v);
    OpError::type_error(format!(
        "{proc_name}: wrong type argument in position {position} (expecting {expecting}): {shown}"
    ))
}

/// "vector-ref: index out of range in position 2: 10".
pub fn out_of_range(vm: &mut Vm, proc_name: &str, position: usize, v: Value) -> OpError {
    let shown = printer::write_string(vm, v);
    OpError::new(
        ErrorKind::Index,
        format!("{proc_name}: argument out of range in position {position}: {shown}"),
    )
}

/// Allocates an object of Scheme class `t`.
pub fn alloc(vm: &mut Vm, t: TypeId, body: Body) -> Result<Value, OpError> {
    vm.space.heap.alloc(t, body)
}

/// A new pair.
#[inline]
pub fn cons(vm: &mut Vm, car: Value, cdr: Value) -> Result<Value, OpError> {
    vm.space.heap.alloc(T::PAIR, Body::Fields(Box::new([car, cdr])))
}

/// The car and cdr of a pair.
#[inline]
pub fn pair_of(space: &StandardSpace, v: Value) -> Option<(Value, Value)> {
    let r = v.as_ref()?;
    let obj = space.heap.get(r);
    if obj.class != T::PAIR {
        return None;
    }
    match &obj.body {
        Body::Fields(f) => Some((f[0], f[1])),
        _ => None,
    }
}

/// The fields of an object of class `t`.
pub fn fields_of(space: &StandardSpace, v: Value, t: TypeId) -> Option<&[Value]> {
    let r = v.as_ref()?;
    let obj = space.heap.get(r);
    if obj.class != t {
        return None;
    }
    match &obj.body {
        Body::Fields(f) => Some(f),
        _ => None,
    }
}

/// Mutable fields of an object of class `t`.
pub fn fields_mut(space: &mut StandardSpace, v: Value, t: TypeId) -> Option<&mut [Value]> {
    let r = v.as_ref()?;
    let obj = space.heap.get_mut(r);
    if obj.class != t {
        return None;
    }
    match &mut obj.body {
        Body::Fields(f) => Some(f),
        _ => None,
    }
}

/// The items of a vector (or bytevector) of class `t`.
pub fn items_of(space: &StandardSpace, v: Value, t: TypeId) -> Option<&Vec<Value>> {
    let r = v.as_ref()?;
    let obj = space.heap.get(r);
    if obj.class != t {
        return None;
    }
    match &obj.body {
        Body::List(items) => Some(items),
        _ => None,
    }
}

/// Mutable items of a vector (or bytevector).
pub fn items_mut(space: &mut StandardSpace, v: Value, t: TypeId) -> Option<&mut Vec<Value>> {
    let r = v.as_ref()?;
    let obj = space.heap.get_mut(r);
    if obj.class != t {
        return None;
    }
    match &mut obj.body {
        Body::List(items) => Some(items),
        _ => None,
    }
}

/// The text of a string (not of a symbol, which shares the layout).
pub fn string_text(space: &StandardSpace, v: Value) -> Option<&str> {
    if space.type_of(v) != TypeId::STR {
        return None;
    }
    space.str_of(v)
}

/// The name of a symbol.
pub fn symbol_name(space: &StandardSpace, v: Value) -> Option<&str> {
    let r = v.as_ref()?;
    let obj = space.heap.get(r);
    match (&obj.body, obj.class == T::SYMBOL) {
        (Body::Str(s), true) => Some(s),
        _ => None,
    }
}

/// The symbol called `name` (interned: `eq?` to every other one).
pub fn intern(vm: &mut Vm, name: &str) -> Result<Value, OpError> {
    if let Some(v) = state(vm).symbols.get(name) {
        return Ok(*v);
    }
    let v = vm.space.heap.alloc(T::SYMBOL, Body::Str(name.into()))?;
    vm.space.roots.push(v);
    state(vm).symbols.insert(name.to_string(), v);
    Ok(v)
}

/// A proper list of `items`.
pub fn list(vm: &mut Vm, items: &[Value], tail: Value) -> Result<Value, OpError> {
    let mut acc = tail;
    for &x in items.iter().rev() {
        acc = cons(vm, x, acc)?;
    }
    Ok(acc)
}

/// The elements of a proper list; an error naming `who` otherwise.
pub fn list_items(vm: &mut Vm, who: &str, position: usize, mut v: Value) -> Result<Vec<Value>, OpError> {
    let start = v;
    let mut out = Vec::new();
    loop {
        if v == Value::NONE {
            return Ok(out);
        }
        match pair_of(&vm.space, v) {
            Some((a, d)) => {
                out.push(a);
                v = d;
            }
            None => return Err(wrong_type(vm, who, position, "list", start)),
        }
        if out.len() > 100_000_000 {
            return Err(wrong_type(vm, who, position, "list", start));
        }
    }
}

/// A native for Scheme: name, arity, function.
pub type Native = (&'static str, Arity, fn(&mut Vm, &[Value]) -> Result<Value, OpError>);

/// How the natives that differ from the default move taint labels (see
/// `space::standard::taint`): constructors and mutators store their elements
/// with their labels (a pair holding a labelled value is itself clean), and
/// `read-line` and `command-line` are inputs. Nothing outside the taint space.
pub fn declare_taint_flows(vm: &mut Vm) {
    use workbench_framework::space::standard::taint::{declare_builtin_flows, Flow};
    declare_builtin_flows(
        vm,
        &[
            ("cons", Flow::Stores { from: 0 }),
            ("cons*", Flow::Stores { from: 0 }),
            ("list", Flow::Stores { from: 0 }),
            ("vector", Flow::Stores { from: 0 }),
            ("make-vector", Flow::Stores { from: 1 }),
            ("make-list", Flow::Stores { from: 1 }),
            ("set-car!", Flow::Stores { from: 1 }),
            ("set-cdr!", Flow::Stores { from: 1 }),
            ("vector-set!", Flow::Stores { from: 2 }),
            ("list-set!", Flow::Stores { from: 2 }),
            ("vector-fill!", Flow::Stores { from: 1 }),
            ("read-line", Flow::Reads("stdin")),
            ("command-line", Flow::Reads("argv")),
        ],
    );
}

/// Every native builtin of Scheme.
pub fn natives() -> Vec<Builtin<StandardSpace>> {
    let mut all: Vec<Native> = Vec::new();
    all.extend_from_slice(lists::NATIVES);
    all.extend_from_slice(lists::CXR_NATIVES);
    all.extend(text::more());
    all.extend_from_slice(text::NATIVES);
    all.extend_from_slice(numbers::NATIVES);
    all.extend_from_slice(builtins::NATIVES);
    all.extend_from_slice(control::NATIVES);
    all.into_iter()
        .map(|(name, arity, func)| Builtin { name, arity, func })
        .collect()
}

/// An exact non-negative index argument.
pub fn index_arg(vm: &mut Vm, who: &str, position: usize, v: Value) -> Result<usize, OpError> {
    match v.as_small_int() {
        Some(i) if i >= 0 => Ok(i as usize),
        Some(_) => Err(out_of_range(vm, who, position, v)),
        None => Err(wrong_type(vm, who, position, "exact nonnegative integer", v)),
    }
}
