//! The standard space: the full semantics, with multimethods and a GC heap.
//!
//! Values are tagged words ([`Value`]); boxed ones live in the [`Heap`].
//! Every operation is a multimethod of the [`Registry`]: the core types and
//! the numeric tower are registered here (see [`numeric`] and [`text`]), and
//! each language adds its own types and implementations on top.
//!
//! Where an operation is hot enough to matter, [`StandardSpace::binary`]
//! first tries an inline fast path for two small ints or two small floats.
//! The fast path calls the *same* functions the registry's `int × int` and
//! `float × float` entries call, so it cannot disagree with them; a unit test
//! checks that running with and without it gives the same answers.

pub mod collections;
pub mod mixed;
pub mod numeric;
pub mod text;

#[cfg(test)]
mod tests;

use crate::bytecode::{BinOp, CodeId, Const, UnOp};
use crate::diagnostic::Diagnostic;
use crate::interp::Interp;
use crate::language::Language;
use crate::multimethod::{self, Dispatch, DispatchCache, MmId};
use crate::object::{Body, Heap, ObjRef, TypeId, Value};
use crate::space::{BuildKind, Callee, ErrorKind, GenState, GenStatus, NativeId, OpError, Space, Spelling};
use num_bigint::BigInt;
use std::rc::Rc;

/// The standard space's multimethod registry. Implementations run with the
/// whole interpreter as their context, so they can call back into guest code.
pub type Registry = multimethod::Registry<Interp<StandardSpace>>;

/// The interpreter over the standard space: the context of every implementation.
pub type Vm = Interp<StandardSpace>;

/// Limits and options of a standard space.
#[derive(Clone, Copy, Debug)]
pub struct StandardConfig {
    /// Heap budget in bytes.
    pub max_heap_bytes: usize,
    /// Use the inline int/float fast paths (off only to test them).
    pub fast_paths: bool,
}

impl Default for StandardConfig {
    fn default() -> Self {
        StandardConfig {
            max_heap_bytes: 2 << 30,
            fast_paths: true,
        }
    }
}

/// The multimethods the main loop calls directly, looked up once.
#[derive(Clone, Copy, Debug)]
pub struct CoreOps {
    /// One per [`BinOp`], in `BinOp::ALL` order (`In` is `contains` with its
    /// arguments swapped; `Is` is never dispatched).
    pub binary: [MmId; 21],
    /// `neg(x)`.
    pub neg: MmId,
    /// `pos(x)`.
    pub pos: MmId,
    /// `invert(x)`.
    pub invert: MmId,
    /// `getitem(obj, key)`.
    pub getitem: MmId,
    /// `setitem(obj, key, value)`.
    pub setitem: MmId,
    /// `delitem(obj, key)`.
    pub delitem: MmId,
    /// `getattr(obj, name)`.
    pub getattr: MmId,
    /// `setattr(obj, name, value)`.
    pub setattr: MmId,
    /// `delattr(obj, name)`.
    pub delattr: MmId,
    /// `iter(obj)`: an iterator.
    pub iter: MmId,
    /// `next(iterator)`: the next item or `Value::EXHAUSTED`.
    pub next: MmId,
    /// `len(obj)`: an int.
    pub len: MmId,
    /// `hash(obj)`: an int.
    pub hash: MmId,
    /// `truth(x)`: returns a bool value.
    pub truth: MmId,
    /// `str(x)`: returns a str value (what print shows).
    pub str: MmId,
    /// `repr(x)`: returns a str value (what a REPL echoes).
    pub repr: MmId,
}

/// Behaviour a language adds to the standard space where the core cannot know it.
#[derive(Clone, Copy, Default)]
pub struct Hooks {
    /// What calling a value of a language-defined class means (a class, a bound method).
    pub callee: Option<fn(&StandardSpace, Value) -> Option<Callee<Value>>>,
    /// The guest value a handler receives for an operation's error (an exception instance).
    pub error_value: Option<fn(&mut Vm, &OpError) -> Result<Value, OpError>>,
    /// `(kind, message)` for an uncaught guest exception.
    pub describe_exception: Option<fn(&mut Vm, &Value) -> (String, String)>,
    /// The exit status an uncaught exception asks for, if it is a request to exit.
    pub exit_status: Option<fn(&mut Vm, &Value) -> Option<i32>>,
    /// The error for a missing dict key (a language may want the key object itself in it).
    pub key_error: Option<fn(&mut Vm, Value) -> OpError>,
    /// The user-visible type name of a value, where the class is not the whole story
    /// (instances of user classes are named after their class).
    pub type_name: Option<fn(&StandardSpace, Value) -> Option<String>>,
    /// `Space::get_method`: the function `obj.name(...)` may call with `obj` first.
    pub get_method: Option<fn(&mut Vm, Value, Value) -> Result<Option<Value>, OpError>>,
    /// A fast path for `obj.name` tried before the `getattr` multimethod (like the small-int
    /// fast path of `binary`): `None` means "ask the registry". It must agree with the
    /// registered implementations; it is skipped when `StandardConfig::fast_paths` is off.
    pub get_attr_fast: Option<fn(&mut Vm, Value, Value) -> Option<Result<Value, OpError>>>,
    /// The same for `obj.name = value`: `false` means "ask the registry".
    pub set_attr_fast: Option<fn(&mut Vm, Value, Value, Value) -> Result<bool, OpError>>,
    /// The same for the next item of one of the language's iterators (a Python `range`
    /// iterator): `None` means "ask the registry" (which also reports exhaustion).
    pub next_fast: Option<fn(&mut Vm, Value) -> Option<Value>>,
}

/// The standard object space.
pub struct StandardSpace {
    /// The garbage-collected heap.
    pub heap: Heap,
    registry: Rc<Registry>,
    cache: DispatchCache<Vm>,
    ops: CoreOps,
    /// How none, true and false print.
    pub spelling: Spelling,
    /// Language hooks.
    pub hooks: Hooks,
    /// Values a language keeps alive for the whole run (its class objects, say).
    pub roots: Vec<Value>,
    /// The language's own run-time state (type ids, caches), if it has any.
    pub ext: Option<Box<dyn std::any::Any>>,
    config: StandardConfig,
    /// How deep comparisons and hashes of nested containers are recursing in
    /// Rust right now (see `collections::descend`).
    container_depth: u32,
}

impl Dispatch for Vm {
    type V = Value;

    #[inline]
    fn type_of(&self, v: Value) -> TypeId {
        self.space.type_of(v)
    }
}

impl StandardSpace {
    /// The implementation class of a value.
    #[inline]
    pub fn type_of(&self, v: Value) -> TypeId {
        if v.as_small_int().is_some() {
            TypeId::INT
        } else if let Some(r) = v.as_ref() {
            self.heap.class_of(r)
        } else if v.as_small_float().is_some() {
            TypeId::FLOAT
        } else if v.as_char().is_some() {
            TypeId::CHAR
        } else {
            match v {
                Value::NONE => TypeId::NONE,
                Value::TRUE | Value::FALSE => TypeId::BOOL,
                Value::EMPTY => TypeId::EMPTY,
                _ => TypeId::UNSPECIFIED,
            }
        }
    }
}

/// Calls multimethod `mm`. `Ok(None)` if no implementation accepted the arguments.
pub fn call_mm(vm: &mut Vm, mm: MmId, args: &[Value]) -> Result<Option<Value>, OpError> {
    let mut types = [TypeId::NONE; multimethod::MAX_ARITY];
    for (t, &a) in types.iter_mut().zip(args) {
        *t = vm.space.type_of(a);
    }
    let space = &mut vm.space;
    // The common case: the most specific candidate needs no conversion and accepts.
    let mut skip = 0;
    if let Some(f) = space.cache.direct(&space.registry, mm, &types[..args.len()]) {
        match f(vm, args) {
            Ok(v) => return Ok(Some(v)),
            Err(multimethod::Fail::Error(e)) => return Err(e),
            Err(multimethod::Fail::NotImplemented) => skip = 1,
        }
    }
    let space = &mut vm.space;
    let plan = space.cache.plan(&space.registry, mm, &types[..args.len()]);
    multimethod::run_plan_from(vm, &plan, skip, args)
}

fn call_text(vm: &mut Vm, mm: MmId, v: Value) -> Result<String, OpError> {
    match call_mm(vm, mm, &[v])? {
        Some(s) => match vm.space.str_of(s) {
            Some(text) => Ok(text.to_string()),
            None => Err(OpError::type_error("__str__ returned non-string")),
        },
        None => Ok(format!("<{} object>", vm.space.type_name_of(v))),
    }
}

impl CoreOps {
    /// The core multimethod ids of a registry made by [`core_registry`]
    /// (for languages, whose registration hook only sees the registry).
    pub fn of(reg: &Registry) -> CoreOps {
        let get = |name: &str| reg.lookup(name).expect("core multimethods are registered first");
        CoreOps {
            binary: BinOp::ALL.map(|op| get(op.name())),
            neg: get("neg"),
            pos: get("pos"),
            invert: get("invert"),
            getitem: get("getitem"),
            setitem: get("setitem"),
            delitem: get("delitem"),
            getattr: get("getattr"),
            setattr: get("setattr"),
            delattr: get("delattr"),
            iter: get("iter"),
            next: get("next"),
            len: get("len"),
            hash: get("hash"),
            truth: get("truth"),
            str: get("str"),
            repr: get("repr"),
        }
    }
}

/// Builds the registry with the core types and their multimethods.
pub fn core_registry() -> (Registry, CoreOps) {
    let mut reg = Registry::new();
    let object = TypeId::OBJECT;
    for (i, name) in TypeId::CORE_NAMES.iter().enumerate() {
        let base = if i as u16 == object.0 { None } else { Some(object) };
        let id = reg.add_type(name, base);
        debug_assert_eq!(id.0 as usize, i);
    }
    let binary = BinOp::ALL.map(|op| reg.multimethod(op.name(), 2));
    let ops = CoreOps {
        binary,
        neg: reg.multimethod("neg", 1),
        pos: reg.multimethod("pos", 1),
        invert: reg.multimethod("invert", 1),
        getitem: reg.multimethod("getitem", 2),
        setitem: reg.multimethod("setitem", 3),
        delitem: reg.multimethod("delitem", 2),
        getattr: reg.multimethod("getattr", 2),
        setattr: reg.multimethod("setattr", 3),
        delattr: reg.multimethod("delattr", 2),
        iter: reg.multimethod("iter", 1),
        next: reg.multimethod("next", 1),
        len: reg.multimethod("len", 1),
        hash: reg.multimethod("hash", 1),
        truth: reg.multimethod("truth", 1),
        str: reg.multimethod("str", 1),
        repr: reg.multimethod("repr", 1),
    };
    numeric::register(&mut reg, &ops);
    mixed::register(&mut reg, &ops);
    text::register(&mut reg, &ops);
    collections::register(&mut reg, &ops);
    (reg, ops)
}

impl StandardSpace {
    /// A space with the core registrations plus whatever `extend` adds.
    pub fn new(config: StandardConfig, spelling: Spelling, extend: impl FnOnce(&mut Registry)) -> StandardSpace {
        let (mut reg, ops) = core_registry();
        extend(&mut reg);
        StandardSpace {
            heap: Heap::new(config.max_heap_bytes),
            registry: Rc::new(reg),
            cache: DispatchCache::default(),
            ops,
            spelling,
            hooks: Hooks::default(),
            roots: Vec::new(),
            ext: None,
            config,
            container_depth: 0,
        }
    }

    /// The registry (read only once the space runs).
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The space's options.
    pub fn config(&self) -> StandardConfig {
        self.config
    }

    /// The core multimethod ids.
    pub fn ops(&self) -> &CoreOps {
        &self.ops
    }

    /// How many dispatch plans were computed (cache misses).
    pub fn dispatch_misses(&self) -> usize {
        self.cache.misses()
    }

    /// Identity (`is`): the same object, or equal immediates. Boxed ints and
    /// floats compare by value, since their boxes are an implementation detail.
    pub fn identical(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        match (self.type_of(a), self.type_of(b)) {
            (TypeId::INT, TypeId::INT) => self.int_of(a) == self.int_of(b),
            (TypeId::FLOAT, TypeId::FLOAT) => self.float_of(a).map(f64::to_bits) == self.float_of(b).map(f64::to_bits),
            _ => false,
        }
    }

    /// The user-visible name of a value's type.
    pub fn type_name_of(&self, v: Value) -> String {
        if let Some(hook) = self.hooks.type_name {
            if let Some(name) = hook(self, v) {
                return name;
            }
        }
        self.registry.type_name(self.type_of(v)).to_string()
    }

    // ---- boxing and unboxing -------------------------------------------

    /// An int value: inline if it fits, boxed otherwise.
    #[inline]
    pub fn int_value(&mut self, i: i64) -> Result<Value, OpError> {
        match Value::small_int(i) {
            Some(v) => Ok(v),
            None => self.heap.alloc(TypeId::INT, Body::Int(i)),
        }
    }

    /// A float value: inline if it fits, boxed otherwise.
    #[inline]
    pub fn float_value(&mut self, x: f64) -> Result<Value, OpError> {
        match Value::small_float(x) {
            Some(v) => Ok(v),
            None => self.heap.alloc(TypeId::FLOAT, Body::Float(x)),
        }
    }

    /// An integer of any size: an int if it fits in `i64`, a bigint otherwise.
    pub fn bigint_value(&mut self, b: BigInt) -> Result<Value, OpError> {
        match i64::try_from(&b) {
            Ok(i) => self.int_value(i),
            Err(_) => self.heap.alloc(TypeId::BIGINT, Body::BigInt(Box::new(b))),
        }
    }

    /// A string value.
    pub fn str_value(&mut self, s: &str) -> Result<Value, OpError> {
        self.heap.alloc(TypeId::STR, Body::Str(s.into()))
    }

    /// The `i64` inside an int value (inline or boxed).
    #[inline]
    pub fn int_of(&self, v: Value) -> Option<i64> {
        if let Some(i) = v.as_small_int() {
            return Some(i);
        }
        match &self.heap.get(v.as_ref()?).body {
            Body::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The `f64` inside a float value.
    #[inline]
    pub fn float_of(&self, v: Value) -> Option<f64> {
        if let Some(x) = v.as_small_float() {
            return Some(x);
        }
        match &self.heap.get(v.as_ref()?).body {
            Body::Float(x) => Some(*x),
            _ => None,
        }
    }

    /// The big integer inside a bigint value.
    pub fn bigint_of(&self, v: Value) -> Option<&BigInt> {
        match &self.heap.get(v.as_ref()?).body {
            Body::BigInt(b) => Some(b),
            _ => None,
        }
    }

    /// The text of a str value.
    pub fn str_of(&self, v: Value) -> Option<&str> {
        match &self.heap.get(v.as_ref()?).body {
            Body::Str(s) => Some(s),
            _ => None,
        }
    }

    #[inline]
    fn object(&self, v: Value) -> Option<(ObjRef, &Body)> {
        let r = v.as_ref()?;
        Some((r, &self.heap.get(r).body))
    }

    /// The inline fast path for two small ints; `None` means "ask the registry".
    #[inline]
    fn small_int_fast(&mut self, op: BinOp, x: i64, y: i64) -> Option<Result<Value, OpError>> {
        use numeric::int_ops as k;
        let r = match op {
            BinOp::Add => x.checked_add(y)?,
            BinOp::Sub => x.checked_sub(y)?,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::FloorDiv => k::floordiv(x, y)?,
            BinOp::Mod => k::modulo(x, y)?,
            BinOp::Lt => return Some(Ok(Value::bool(x < y))),
            BinOp::Le => return Some(Ok(Value::bool(x <= y))),
            BinOp::Gt => return Some(Ok(Value::bool(x > y))),
            BinOp::Ge => return Some(Ok(Value::bool(x >= y))),
            BinOp::Eq => return Some(Ok(Value::bool(x == y))),
            BinOp::Ne => return Some(Ok(Value::bool(x != y))),
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::Shl => k::shl(x, y)?,
            BinOp::Shr => k::shr(x, y)?,
            BinOp::Is => return Some(Ok(Value::bool(x == y))),
            BinOp::InPlaceAdd => x.checked_add(y)?,
            BinOp::Div | BinOp::Pow | BinOp::In => return None,
        };
        Some(self.int_value(r))
    }
}

fn not_supported(vm: &Vm, obj: Value, key: Value, what: &str, _key_kind: &str) -> OpError {
    let _ = key;
    OpError::type_error(format!("'{}' {what}", vm.space.type_name_of(obj)))
}

fn no_attribute(vm: &Vm, obj: Value, name: Value) -> OpError {
    let name = vm.space.str_of(name).unwrap_or("?");
    OpError::new(
        ErrorKind::Attribute,
        format!("'{}' object has no attribute '{name}'", vm.space.type_name_of(obj)),
    )
}

fn no_match_binary(space: &StandardSpace, op: BinOp, a: Value, b: Value) -> OpError {
    let (ta, tb) = (space.type_name_of(a), space.type_name_of(b));
    if op.is_comparison() {
        OpError::type_error(format!(
            "'{}' not supported between instances of '{ta}' and '{tb}'",
            op.symbol()
        ))
    } else {
        OpError::type_error(format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        ))
    }
}

impl Space for StandardSpace {
    type W = Value;

    fn name(&self) -> &'static str {
        "standard"
    }

    fn constant(&mut self, c: &Const) -> Result<Value, OpError> {
        match c {
            Const::None => Ok(Value::NONE),
            Const::Bool(b) => Ok(Value::bool(*b)),
            Const::Int(i) => self.int_value(*i),
            Const::BigInt(digits) => match digits.parse::<BigInt>() {
                Ok(b) => self.bigint_value(b),
                Err(_) => Err(OpError::new(
                    ErrorKind::Value,
                    format!("invalid integer literal {digits}"),
                )),
            },
            Const::Float(x) => self.float_value(*x),
            Const::Str(s) => self.str_value(s),
        }
    }

    fn none(&mut self) -> Value {
        Value::NONE
    }

    fn unbound(&mut self) -> Value {
        Value::UNBOUND
    }

    fn is_unbound(&self, w: &Value) -> bool {
        *w == Value::UNBOUND
    }

    fn bool(&mut self, b: bool) -> Value {
        Value::bool(b)
    }

    fn int(&mut self, i: i64) -> Result<Value, OpError> {
        self.int_value(i)
    }

    fn str(&mut self, s: &str) -> Result<Value, OpError> {
        self.str_value(s)
    }

    #[inline]
    fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> Result<Value, OpError> {
        if vm.space.config.fast_paths {
            if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                if let Some(r) = vm.space.small_int_fast(op, x, y) {
                    return r;
                }
            } else if let (Some(x), Some(y)) = (a.as_small_float(), b.as_small_float()) {
                if let Some(r) = numeric::float_ops::fast(op, x, y) {
                    return match r {
                        numeric::float_ops::Fast::Float(z) => vm.space.float_value(z),
                        numeric::float_ops::Fast::Bool(t) => Ok(Value::bool(t)),
                    };
                }
            }
        }
        match op {
            BinOp::Is => return Ok(Value::bool(vm.space.identical(a, b))),
            BinOp::In => return collections::contains(vm, b, a),
            _ => {}
        }
        let mm = vm.space.ops.binary[op as usize];
        if let Some(v) = call_mm(vm, mm, &[a, b])? {
            return Ok(v);
        }
        if op == BinOp::InPlaceAdd {
            // No in-place form for these classes: `a = a + b`.
            let add = vm.space.ops.binary[BinOp::Add as usize];
            if let Some(v) = call_mm(vm, add, &[a, b])? {
                return Ok(v);
            }
        }
        Err(no_match_binary(&vm.space, op, a, b))
    }

    fn unary(vm: &mut Vm, op: UnOp, a: Value) -> Result<Value, OpError> {
        match op {
            UnOp::Not => {
                let t = Self::truth(vm, &a)?;
                Ok(Value::bool(!t))
            }
            UnOp::Neg | UnOp::Pos | UnOp::Invert => {
                let ops = vm.space.ops;
                let mm = match op {
                    UnOp::Neg => ops.neg,
                    UnOp::Pos => ops.pos,
                    _ => ops.invert,
                };
                match call_mm(vm, mm, &[a])? {
                    Some(v) => Ok(v),
                    None => Err(OpError::type_error(format!(
                        "bad operand type for unary {}: '{}'",
                        op.symbol(),
                        vm.space.type_name_of(a)
                    ))),
                }
            }
        }
    }

    #[inline]
    fn truth(vm: &mut Vm, a: &Value) -> Result<bool, OpError> {
        match *a {
            Value::TRUE => return Ok(true),
            Value::FALSE | Value::NONE => return Ok(false),
            _ => {}
        }
        if let Some(i) = a.as_small_int() {
            return Ok(i != 0);
        }
        match call_mm(vm, vm.space.ops.truth, &[*a])? {
            Some(v) => Ok(v == Value::TRUE),
            None => Ok(true),
        }
    }

    fn build(vm: &mut Vm, kind: BuildKind, items: &[Value]) -> Result<Value, OpError> {
        collections::build(vm, kind, items)
    }

    #[inline]
    fn get_item(vm: &mut Vm, obj: Value, key: Value) -> Result<Value, OpError> {
        if vm.space.config.fast_paths {
            if let Some(v) = collections::seq_index_fast(&vm.space, obj, key) {
                return Ok(v);
            }
        }
        match call_mm(vm, vm.space.ops.getitem, &[obj, key])? {
            Some(v) => Ok(v),
            None => Err(not_supported(vm, obj, key, "object is not subscriptable", "indices")),
        }
    }

    fn set_item(vm: &mut Vm, obj: Value, key: Value, value: Value) -> Result<(), OpError> {
        match call_mm(vm, vm.space.ops.setitem, &[obj, key, value])? {
            Some(_) => Ok(()),
            None => Err(not_supported(
                vm,
                obj,
                key,
                "object does not support item assignment",
                "indices",
            )),
        }
    }

    fn del_item(vm: &mut Vm, obj: Value, key: Value) -> Result<(), OpError> {
        match call_mm(vm, vm.space.ops.delitem, &[obj, key])? {
            Some(_) => Ok(()),
            None => Err(not_supported(
                vm,
                obj,
                key,
                "object does not support item deletion",
                "indices",
            )),
        }
    }

    #[inline]
    fn get_attr(vm: &mut Vm, obj: Value, name: &Value) -> Result<Value, OpError> {
        if let (Some(fast), true) = (vm.space.hooks.get_attr_fast, vm.space.config.fast_paths) {
            if let Some(result) = fast(vm, obj, *name) {
                return result;
            }
        }
        match call_mm(vm, vm.space.ops.getattr, &[obj, *name])? {
            Some(v) => Ok(v),
            None => Err(no_attribute(vm, obj, *name)),
        }
    }

    #[inline]
    fn get_method(vm: &mut Vm, obj: &Value, name: &Value) -> Result<Option<Value>, OpError> {
        match vm.space.hooks.get_method {
            Some(hook) => hook(vm, *obj, *name),
            None => Ok(None),
        }
    }

    #[inline]
    fn set_attr(vm: &mut Vm, obj: Value, name: &Value, value: Value) -> Result<(), OpError> {
        if let (Some(fast), true) = (vm.space.hooks.set_attr_fast, vm.space.config.fast_paths) {
            if fast(vm, obj, *name, value)? {
                return Ok(());
            }
        }
        match call_mm(vm, vm.space.ops.setattr, &[obj, *name, value])? {
            Some(_) => Ok(()),
            None => Err(no_attribute(vm, obj, *name)),
        }
    }

    fn del_attr(vm: &mut Vm, obj: Value, name: &Value) -> Result<(), OpError> {
        match call_mm(vm, vm.space.ops.delattr, &[obj, *name])? {
            Some(_) => Ok(()),
            None => Err(no_attribute(vm, obj, *name)),
        }
    }

    fn append(vm: &mut Vm, list: Value, item: Value) -> Result<(), OpError> {
        collections::append(vm, list, item)
    }

    fn iter(vm: &mut Vm, obj: Value) -> Result<Value, OpError> {
        match call_mm(vm, vm.space.ops.iter, &[obj])? {
            Some(v) => Ok(v),
            None => Err(OpError::type_error(format!(
                "'{}' object is not iterable",
                vm.space.type_name_of(obj)
            ))),
        }
    }

    #[inline]
    fn next(vm: &mut Vm, iter: Value) -> Result<Option<Value>, OpError> {
        if vm.space.config.fast_paths {
            if let Some(v) = collections::seq_iter_next_fast(&mut vm.space, iter) {
                return Ok(Some(v));
            }
            if let Some(fast) = vm.space.hooks.next_fast {
                if let Some(v) = fast(vm, iter) {
                    return Ok(Some(v));
                }
            }
            // A generator: what `next(generator)` (registered in `collections`) does, without
            // looking the implementation up.
            if iter
                .as_ref()
                .is_some_and(|r| vm.space.heap.class_of(r) == TypeId::GENERATOR)
            {
                return vm.resume_generator(iter, Value::NONE);
            }
        }
        match call_mm(vm, vm.space.ops.next, &[iter])? {
            Some(Value::EXHAUSTED) => Ok(None),
            Some(v) => Ok(Some(v)),
            None => Err(OpError::type_error(format!(
                "'{}' object is not an iterator",
                vm.space.type_name_of(iter)
            ))),
        }
    }

    fn make_generator(vm: &mut Vm, state: GenState<Value>) -> Result<Value, OpError> {
        vm.space.heap.alloc(TypeId::GENERATOR, Body::Generator(Box::new(state)))
    }

    fn generator_take(vm: &mut Vm, gen: &Value) -> Result<Option<GenState<Value>>, OpError> {
        let Some(r) = gen.as_ref() else {
            return Err(OpError::type_error("not a generator"));
        };
        match &mut vm.space.heap.get_mut(r).body {
            Body::Generator(state) => match state.status {
                GenStatus::Finished => Ok(None),
                GenStatus::Running => Err(OpError::new(ErrorKind::Value, "generator already executing")),
                GenStatus::Created | GenStatus::Suspended => {
                    let taken = GenState {
                        regs: std::mem::take(&mut state.regs),
                        status: state.status,
                        ..(**state).clone()
                    };
                    state.status = GenStatus::Running;
                    Ok(Some(taken))
                }
            },
            _ => Err(OpError::type_error("not a generator")),
        }
    }

    fn generator_store(vm: &mut Vm, gen: &Value, state: GenState<Value>) {
        if let Some(r) = gen.as_ref() {
            if let Body::Generator(slot) = &mut vm.space.heap.get_mut(r).body {
                **slot = state;
            }
        }
    }

    fn display(vm: &mut Vm, a: &Value) -> Result<String, OpError> {
        if let Some(s) = vm.space.str_of(*a) {
            return Ok(s.to_string());
        }
        call_text(vm, vm.space.ops.str, *a)
    }

    fn repr(vm: &mut Vm, a: &Value) -> Result<String, OpError> {
        call_text(vm, vm.space.ops.repr, *a)
    }

    fn type_name(&mut self, a: &Value) -> String {
        self.type_name_of(*a)
    }

    fn as_int(&mut self, a: &Value) -> Option<i64> {
        self.int_of(*a)
    }

    fn as_str(&mut self, a: &Value) -> Option<String> {
        self.str_of(*a).map(str::to_string)
    }

    fn make_closure(&mut self, code: CodeId, _name: &str, cells: Vec<Value>) -> Result<Value, OpError> {
        self.heap.alloc(
            TypeId::FUNCTION,
            Body::Closure {
                code,
                cells: cells.into_boxed_slice(),
            },
        )
    }

    fn make_native(&mut self, id: NativeId, _name: &str) -> Result<Value, OpError> {
        self.heap.alloc(TypeId::NATIVE, Body::Native(id))
    }

    #[inline]
    fn callee(&mut self, f: &Value) -> Result<Callee<Value>, OpError> {
        match self.object(*f) {
            Some((_, Body::Closure { code, .. })) => Ok(Callee::Guest(*code)),
            Some((_, Body::Native(id))) => Ok(Callee::Native(*id)),
            _ if self.hooks.callee.is_some() => match (self.hooks.callee.expect("checked"))(self, *f) {
                Some(c) => Ok(c),
                None => Err(OpError::type_error(format!(
                    "'{}' object is not callable",
                    self.type_name_of(*f)
                ))),
            },
            _ => Err(OpError::type_error(format!(
                "'{}' object is not callable",
                self.type_name_of(*f)
            ))),
        }
    }

    fn closure_cell(&mut self, f: &Value, idx: u16) -> Value {
        match self.object(*f) {
            Some((_, Body::Closure { cells, .. })) => cells.get(idx as usize).copied().unwrap_or(Value::NONE),
            _ => Value::NONE,
        }
    }

    fn new_cell(&mut self, v: Value) -> Result<Value, OpError> {
        self.heap.alloc(TypeId::CELL, Body::Cell(v))
    }

    fn cell_get(&mut self, cell: &Value) -> Value {
        match self.object(*cell) {
            Some((_, Body::Cell(v))) => *v,
            _ => Value::NONE,
        }
    }

    fn cell_set(&mut self, cell: &Value, v: Value) {
        if let Some(r) = cell.as_ref() {
            if let Body::Cell(slot) = &mut self.heap.get_mut(r).body {
                *slot = v;
            }
        }
    }

    fn error_value(vm: &mut Vm, e: &OpError) -> Result<Value, OpError> {
        if let Some(hook) = vm.space.hooks.error_value {
            return hook(vm, e);
        }
        vm.space.str_value(&e.to_string())
    }

    fn describe_exception(vm: &mut Vm, w: &Value) -> (String, String) {
        if let Some(hook) = vm.space.hooks.describe_exception {
            return hook(vm, w);
        }
        let text = Self::display(vm, w).unwrap_or_else(|e| e.to_string());
        ("Error".to_string(), text)
    }

    fn exit_status(vm: &mut Vm, w: &Value) -> Option<i32> {
        vm.space.hooks.exit_status.and_then(|hook| hook(vm, w))
    }

    fn gc_wanted(&self) -> bool {
        self.heap.gc_wanted()
    }

    fn enable_jit(vm: &mut Vm, options: crate::jit::JitOptions) -> Result<bool, String> {
        crate::jit::enable(vm, options)?;
        Ok(true)
    }

    fn collect(&mut self, roots: &[&[Value]]) -> Result<(), OpError> {
        let own = std::mem::take(&mut self.roots);
        let result = self
            .heap
            .collect(roots.iter().copied().chain(std::iter::once(own.as_slice())));
        self.roots = own;
        result
    }

    fn start<L: Language>(vm: &mut Vm, lang: &L) -> Result<(), Diagnostic> {
        vm.install(lang.builtins())
            .map_err(|e| Diagnostic::new(e.kind.name(), e.message.clone(), None))?;
        lang.start_standard(vm)
    }

    fn live_objects(&self) -> usize {
        self.heap.stats().live_objects
    }
}
