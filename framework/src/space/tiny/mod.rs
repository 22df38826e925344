//! The tiny space: a small-footprint subset of the standard space.
//!
//! It has ints (machine ints, no bigints: past 64 bits is an `OverflowError`),
//! strings, lists, functions (closures and natives), plus the iterators,
//! ranges and slices that walking and cutting those need. Everything else — a
//! float, a dict, a tuple, a set, a class, a generator — is refused with
//! "... is not available in the tiny space" (an `UnsupportedError`, which
//! the main loop reports with the span of the instruction or literal).
//!
//! Values are 32-bit words and objects 16-byte slots; see [`heap`] for the
//! layout and the per-object bytes. Operations are a plain `match`, as in the
//! trivial space: no registry, no delegators. The tiny space is a *subset* of
//! the standard space: wherever it answers, the answer (and the printed text,
//! and the error message for the errors both raise) is the standard space's.
//! Numeric kernels and string quoting are the standard space's own functions.
//!
//! A language adds what the core cannot know in [`Language::start_tiny`]:
//! its type names ([`TypeNames`]) and its methods ([`TinySpace::add_method`],
//! natives that `obj.name(...)` calls with `obj` first).
//!
//! List slicing is deliberately left to a hook ([`set_slice_hook`]): it is the
//! tiny space's coursework assignment (`tutorials/assignments/tiny-slicing`).
//! Without the hook, `xs[a:b]` is "not available in the tiny space".

pub mod heap;

#[cfg(test)]
mod tests;

use crate::bytecode::{BinOp, CodeId, Const, UnOp};
use crate::diagnostic::Diagnostic;
use crate::interp::Interp;
use crate::language::Language;
use crate::object::floatfmt::python_repr;
use crate::space::standard::numeric::int_ops;
use crate::space::standard::text::quote;
use crate::space::{BuildKind, Callee, ErrorKind, NativeId, OpError, Space, Spelling};
pub use heap::{Heap, Obj, Tiny};
use std::sync::OnceLock;

/// The space's name, as given to `--space`.
pub const NAME: &str = "tiny";

/// Computes the positions `seq[start:stop:step]` selects in a sequence of
/// `len` items (`None` where the slice omits a part), with the standard
/// space's semantics. The tiny space has no slicing of its own; see
/// [`set_slice_hook`].
pub type SliceHook =
    fn(len: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Result<Vec<usize>, OpError>;

static SLICE_HOOK: OnceLock<SliceHook> = OnceLock::new();

/// Installs the process-wide slicing hook (once; `false` if one was set already).
pub fn set_slice_hook(hook: SliceHook) -> bool {
    SLICE_HOOK.set(hook).is_ok()
}

/// What the user-visible type names of the few kinds a language names its own way are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeNames {
    /// The type of none (`none`; Python: `NoneType`).
    pub none: &'static str,
    /// A guest function (`function`).
    pub function: &'static str,
    /// A native function (`builtin`; Python: `builtin_function_or_method`).
    pub native: &'static str,
}

impl Default for TypeNames {
    fn default() -> Self {
        TypeNames {
            none: "none",
            function: "function",
            native: "builtin",
        }
    }
}

/// The receivers methods can be added for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodOf {
    /// Lists.
    List,
    /// Strings.
    Str,
}

/// The tiny object space.
#[derive(Debug)]
pub struct TinySpace {
    /// The arena.
    pub heap: Heap,
    /// How none, true and false print.
    pub spelling: Spelling,
    /// How a few types are named in messages.
    pub names: TypeNames,
    /// Values a language keeps alive for the whole run.
    pub roots: Vec<Tiny>,
    methods: Vec<(MethodOf, &'static str, Tiny)>,
    /// How deeply list comparisons are nested now (a list may contain itself).
    compare_depth: u32,
}

/// How deeply nested lists may be compared or printed before it is a `RecursionError`
/// (CPython's wording) rather than a host stack overflow.
const MAX_NESTING: usize = 2000;

fn too_deep(what: &str) -> OpError {
    OpError::new(ErrorKind::Recursion, format!("maximum recursion depth exceeded {what}"))
}

impl TinySpace {
    /// A tiny space whose heap may hold `max_heap_bytes`.
    pub fn new(max_heap_bytes: usize, spelling: Spelling) -> TinySpace {
        TinySpace {
            heap: Heap::new(max_heap_bytes),
            spelling,
            names: TypeNames::default(),
            roots: Vec::new(),
            methods: Vec::new(),
            compare_depth: 0,
        }
    }

    /// Makes `obj.name(args)` call `func(obj, args)` for receivers of kind `of`.
    pub fn add_method(&mut self, of: MethodOf, name: &'static str, func: Tiny) {
        self.roots.push(func);
        self.methods.push((of, name, func));
    }

    /// An int value: inline if it fits in 31 bits, a heap slot otherwise.
    pub fn int_value(&mut self, i: i64) -> Result<Tiny, OpError> {
        match Tiny::small_int(i) {
            Some(w) => Ok(w),
            None => self.heap.alloc(Obj::Int(i)),
        }
    }

    /// The machine int inside `w`, if it is an int.
    pub fn int_of(&self, w: Tiny) -> Option<i64> {
        match w.as_small_int() {
            Some(i) => Some(i),
            None => match self.heap.get(w)? {
                Obj::Int(i) => Some(*i),
                _ => None,
            },
        }
    }

    /// The int inside `w`, with booleans counting as 0 and 1 (as in the standard space).
    fn num_of(&self, w: Tiny) -> Option<i64> {
        match w {
            Tiny::TRUE => Some(1),
            Tiny::FALSE => Some(0),
            _ => self.int_of(w),
        }
    }

    /// A string value.
    pub fn str_value(&mut self, s: &str) -> Result<Tiny, OpError> {
        self.heap.alloc(Obj::string(s))
    }

    /// The text of a string value.
    pub fn str_of(&self, w: Tiny) -> Option<&str> {
        self.heap.get(w)?.as_str()
    }

    /// A new list holding `items`.
    pub fn list_value(&mut self, items: Vec<Tiny>) -> Result<Tiny, OpError> {
        self.heap.alloc(Obj::list(items))
    }

    /// The items of a list value.
    pub fn list_of(&self, w: Tiny) -> Option<&[Tiny]> {
        self.heap.get(w)?.as_list()
    }

    /// A `range(start, stop, step)` value (`step` must not be 0).
    pub fn range_value(&mut self, start: i64, stop: i64, step: i64) -> Result<Tiny, OpError> {
        if step == 0 {
            return Err(OpError::new(ErrorKind::Value, "range() arg 3 must not be zero"));
        }
        self.heap.alloc(Obj::Range(Box::new([start, stop, step])))
    }

    /// The user-visible type name of `w`.
    pub fn type_name_of(&self, w: Tiny) -> &'static str {
        if w.as_small_int().is_some() {
            return "int";
        }
        if w.as_native().is_some() {
            return self.names.native;
        }
        match w {
            Tiny::NONE => return self.names.none,
            Tiny::TRUE | Tiny::FALSE => return "bool",
            _ => {}
        }
        match self.heap.get(w) {
            Some(Obj::Int(_)) => "int",
            Some(Obj::ShortStr { .. } | Obj::Str(_)) => "str",
            Some(Obj::List(_) | Obj::SmallList { .. }) => "list",
            Some(Obj::Closure(_)) => self.names.function,
            Some(Obj::Cell(_)) => "cell",
            Some(Obj::Iter { .. }) => "iterator",
            Some(Obj::Range(_)) => "range",
            Some(Obj::Slice(_)) => "slice",
            Some(Obj::Free(_)) | None => "object",
        }
    }

    /// Identity (`is`): the same object, or equal ints.
    fn identical(&self, a: Tiny, b: Tiny) -> bool {
        a == b || matches!((self.int_of(a), self.int_of(b)), (Some(x), Some(y)) if x == y)
    }

    /// The length of a list, string or range.
    pub fn len_of(&self, w: Tiny) -> Option<usize> {
        match self.heap.get(w)? {
            Obj::Range(r) => Some(range_len(r)),
            obj => match obj.as_list() {
                Some(items) => Some(items.len()),
                None => obj.as_str().map(|s| s.chars().count()),
            },
        }
    }
}

/// The number of items of `range(r[0], r[1], r[2])`.
fn range_len(r: &[i64; 3]) -> usize {
    let [start, stop, step] = *r;
    let (lo, hi, by) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if hi <= lo {
        0
    } else {
        ((hi - lo + by - 1) / by).min(usize::MAX as i128) as usize
    }
}

fn overflow() -> OpError {
    OpError::new(
        ErrorKind::Overflow,
        "integer overflow (the tiny space has no bigints; use --space standard)",
    )
}

fn unsupported(what: &str) -> OpError {
    OpError::unsupported(NAME, what)
}

fn zero_div(msg: &str) -> OpError {
    OpError::new(ErrorKind::ZeroDivision, msg)
}

/// `x op y` on two ints (booleans already turned into 0 and 1).
fn int_arith(space: &mut TinySpace, op: BinOp, x: i64, y: i64) -> Result<Tiny, OpError> {
    let r = match op {
        BinOp::Add | BinOp::InPlaceAdd => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(zero_div("division by zero"));
            }
            return Err(unsupported("true division (its result is a float)"));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_div("integer division or modulo by zero"));
            }
            int_ops::floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_div("integer modulo by zero"));
            }
            int_ops::modulo(x, y)
        }
        BinOp::Pow => {
            if y < 0 {
                return Err(unsupported("a negative power (its result is a float)"));
            }
            match x {
                0 | 1 => Some(if y == 0 { 1 } else { x }),
                -1 => Some(if y % 2 == 0 { 1 } else { -1 }),
                _ => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
            }
        }
        BinOp::Eq => return Ok(Tiny::bool(x == y)),
        BinOp::Ne => return Ok(Tiny::bool(x != y)),
        BinOp::Lt => return Ok(Tiny::bool(x < y)),
        BinOp::Le => return Ok(Tiny::bool(x <= y)),
        BinOp::Gt => return Ok(Tiny::bool(x > y)),
        BinOp::Ge => return Ok(Tiny::bool(x >= y)),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::Shl if y < 0 => return Err(OpError::new(ErrorKind::Value, "negative shift count")),
        BinOp::Shl => int_ops::shl(x, y),
        BinOp::Shr => Some(int_ops::shr(x, y).ok_or_else(|| OpError::new(ErrorKind::Value, "negative shift count"))?),
        BinOp::Is => return Ok(Tiny::bool(x == y)),
        BinOp::In => return Err(OpError::type_error("argument of type 'int' is not iterable")),
    };
    let r = r.ok_or_else(overflow)?;
    space.int_value(r)
}

fn no_match(space: &TinySpace, op: BinOp, a: Tiny, b: Tiny) -> OpError {
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

/// The items `count` copies of `unit` make, refused past the heap budget.
fn repeat_count(space: &TinySpace, n: i64, unit_bytes: usize) -> Result<usize, OpError> {
    let n = n.max(0) as usize;
    space.heap.reserve(n.saturating_mul(unit_bytes))?;
    Ok(n)
}

/// `a == b` for any two values.
fn equal(vm: &mut Interp<TinySpace>, a: Tiny, b: Tiny) -> Result<bool, OpError> {
    let r = TinySpace::binary(vm, BinOp::Eq, a, b)?;
    TinySpace::truth(vm, &r)
}

/// `==` and ordering of two lists: element-wise, then by length.
fn list_compare(vm: &mut Interp<TinySpace>, op: BinOp, x: Vec<Tiny>, y: Vec<Tiny>) -> Result<Tiny, OpError> {
    if vm.space.compare_depth as usize >= MAX_NESTING {
        return Err(too_deep("in comparison"));
    }
    vm.space.compare_depth += 1;
    let r = list_compare_items(vm, op, x, y);
    vm.space.compare_depth -= 1;
    r
}

fn list_compare_items(vm: &mut Interp<TinySpace>, op: BinOp, x: Vec<Tiny>, y: Vec<Tiny>) -> Result<Tiny, OpError> {
    if matches!(op, BinOp::Eq | BinOp::Ne) && x.len() != y.len() {
        return Ok(Tiny::bool(op == BinOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        // The same object is equal to itself without a look inside (as in CPython).
        if p != q && !equal(vm, *p, *q)? {
            return match op {
                BinOp::Eq => Ok(Tiny::FALSE),
                BinOp::Ne => Ok(Tiny::TRUE),
                _ => TinySpace::binary(vm, op, *p, *q),
            };
        }
    }
    let (m, n) = (x.len(), y.len());
    Ok(Tiny::bool(match op {
        BinOp::Eq => true,
        BinOp::Ne => false,
        BinOp::Lt => m < n,
        BinOp::Le => m <= n,
        BinOp::Gt => m > n,
        _ => m >= n,
    }))
}

/// `item in container`.
fn contains(vm: &mut Interp<TinySpace>, container: Tiny, item: Tiny) -> Result<Tiny, OpError> {
    let space = &vm.space;
    if let Some(text) = space.str_of(container) {
        return match space.str_of(item) {
            Some(needle) => Ok(Tiny::bool(text.contains(needle))),
            None => Err(OpError::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                space.type_name_of(item)
            ))),
        };
    }
    if let Some(items) = space.list_of(container) {
        let items = items.to_vec();
        for x in items {
            if equal(vm, x, item)? {
                return Ok(Tiny::TRUE);
            }
        }
        return Ok(Tiny::FALSE);
    }
    match space.heap.get(container) {
        Some(Obj::Range(r)) => {
            let [start, _, step] = **r;
            let len = range_len(r) as i128;
            Ok(Tiny::bool(match space.num_of(item) {
                Some(i) => {
                    let k = (i as i128 - start as i128) / step as i128;
                    (i as i128 - start as i128) % step as i128 == 0 && (0..len).contains(&k)
                }
                None => false,
            }))
        }
        _ => Err(OpError::type_error(format!(
            "argument of type '{}' is not iterable",
            space.type_name_of(container)
        ))),
    }
}

/// `seq[i]`'s position, or `None` if out of range.
fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// The parts of a slice object as optional ints.
fn slice_parts(space: &TinySpace, parts: [Tiny; 3]) -> Result<[Option<i64>; 3], OpError> {
    let mut out = [None; 3];
    for (o, p) in out.iter_mut().zip(parts) {
        if p != Tiny::NONE {
            *o = Some(space.num_of(p).ok_or_else(|| {
                OpError::type_error("slice indices must be integers or None or have an __index__ method")
            })?);
        }
    }
    Ok(out)
}

/// `seq[slice]` for a list or a string, through the slicing hook.
fn get_slice(vm: &mut Interp<TinySpace>, seq: Tiny, parts: [Tiny; 3]) -> Result<Tiny, OpError> {
    let [start, stop, step] = slice_parts(&vm.space, parts)?;
    let Some(hook) = SLICE_HOOK.get() else {
        return Err(unsupported("slicing"));
    };
    let space = &mut vm.space;
    if let Some(items) = space.list_of(seq) {
        let positions = hook(items.len(), start, stop, step)?;
        let items = items.to_vec();
        let picked = pick(&items, &positions)?;
        space.heap.reserve(picked.len() * 4)?;
        return space.list_value(picked);
    }
    if let Some(text) = space.str_of(seq) {
        let chars: Vec<char> = text.chars().collect();
        let picked: String = pick(&chars, &hook(chars.len(), start, stop, step)?)?
            .into_iter()
            .collect();
        return space.str_value(&picked);
    }
    Err(OpError::type_error(format!(
        "'{}' object is not subscriptable",
        space.type_name_of(seq)
    )))
}

/// The items at `positions`; a position past the end is the hook's mistake, reported as one.
fn pick<T: Copy>(items: &[T], positions: &[usize]) -> Result<Vec<T>, OpError> {
    positions
        .iter()
        .map(|&i| {
            items.get(i).copied().ok_or_else(|| {
                OpError::new(
                    ErrorKind::Index,
                    format!("the slicing hook chose position {i} of a sequence of {}", items.len()),
                )
            })
        })
        .collect()
}

/// The display text of `w`; `repr` quotes strings. `open` holds the lists being
/// printed, so that a list that contains itself prints as `[...]`.
fn text(vm: &mut Interp<TinySpace>, w: Tiny, repr: bool, open: &mut Vec<Tiny>) -> Result<String, OpError> {
    let space = &vm.space;
    if let Some(i) = space.int_of(w) {
        return Ok(i.to_string());
    }
    match w {
        Tiny::NONE => return Ok(space.spelling.none.to_string()),
        Tiny::TRUE => return Ok(space.spelling.true_.to_string()),
        Tiny::FALSE => return Ok(space.spelling.false_.to_string()),
        _ => {}
    }
    if let Some(s) = space.str_of(w) {
        return Ok(if repr { quote(s) } else { s.to_string() });
    }
    match space.heap.get(w) {
        Some(obj @ (Obj::List(_) | Obj::SmallList { .. })) => {
            let items = obj.as_list().unwrap_or(&[]);
            if open.contains(&w) {
                return Ok("[...]".to_string());
            }
            if open.len() >= MAX_NESTING {
                return Err(too_deep("while getting the repr of an object"));
            }
            let items = items.to_vec();
            open.push(w);
            let mut out = String::from("[");
            for (i, x) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&text(vm, x, true, open)?);
            }
            open.pop();
            out.push(']');
            Ok(out)
        }
        Some(Obj::Range(r)) => Ok(match **r {
            [start, stop, 1] => format!("range({start}, {stop})"),
            [start, stop, step] => format!("range({start}, {stop}, {step})"),
        }),
        // Functions and iterators print differently per language in the standard space
        // (`<function f at 0x...>` in Python): refuse rather than print something else.
        _ => Err(unsupported(&format!("printing a {}", space.type_name_of(w)))),
    }
}

impl Space for TinySpace {
    type W = Tiny;

    fn name(&self) -> &'static str {
        NAME
    }

    fn constant(&mut self, c: &Const) -> Result<Tiny, OpError> {
        match c {
            Const::None => Ok(Tiny::NONE),
            Const::Bool(b) => Ok(Tiny::bool(*b)),
            Const::Int(i) => self.int_value(*i),
            Const::BigInt(digits) => Err(unsupported(&format!("the integer {digits} (beyond 64 bits)"))),
            Const::Float(x) => Err(unsupported(&format!("the float {}", python_repr(*x)))),
            Const::Str(s) => self.str_value(s),
        }
    }

    fn none(&mut self) -> Tiny {
        Tiny::NONE
    }

    fn bool(&mut self, b: bool) -> Tiny {
        Tiny::bool(b)
    }

    fn int(&mut self, i: i64) -> Result<Tiny, OpError> {
        self.int_value(i)
    }

    fn str(&mut self, s: &str) -> Result<Tiny, OpError> {
        self.str_value(s)
    }

    fn binary(vm: &mut Interp<Self>, op: BinOp, a: Tiny, b: Tiny) -> Result<Tiny, OpError> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return int_arith(&mut vm.space, op, x, y);
        }
        match op {
            BinOp::Is => return Ok(Tiny::bool(vm.space.identical(a, b))),
            BinOp::In => return contains(vm, b, a),
            _ => {}
        }
        let space = &mut vm.space;
        if let (Tiny::TRUE | Tiny::FALSE, Tiny::TRUE | Tiny::FALSE) = (a, b) {
            let (x, y) = (a == Tiny::TRUE, b == Tiny::TRUE);
            match op {
                BinOp::BitAnd => return Ok(Tiny::bool(x & y)),
                BinOp::BitOr => return Ok(Tiny::bool(x | y)),
                BinOp::BitXor => return Ok(Tiny::bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (space.num_of(a), space.num_of(b)) {
            return int_arith(space, op, x, y);
        }
        if let (Some(x), Some(y)) = (space.str_of(a), space.str_of(b)) {
            let r = match op {
                BinOp::Add | BinOp::InPlaceAdd => {
                    space.heap.reserve(x.len() + y.len())?;
                    let joined = format!("{x}{y}");
                    return space.str_value(&joined);
                }
                BinOp::Eq => x == y,
                BinOp::Ne => x != y,
                BinOp::Lt => x < y,
                BinOp::Le => x <= y,
                BinOp::Gt => x > y,
                BinOp::Ge => x >= y,
                _ => return Err(no_match(space, op, a, b)),
            };
            return Ok(Tiny::bool(r));
        }
        if let (BinOp::Mul, Some(x), Some(n)) = (op, space.str_of(a), space.num_of(b)) {
            let n = repeat_count(space, n, x.len())?;
            let repeated = x.repeat(n);
            return space.str_value(&repeated);
        }
        if op == BinOp::Mod && space.str_of(a).is_some() {
            return Err(unsupported("string formatting with %"));
        }
        if let Some(x) = space.list_of(a) {
            if let (BinOp::Mul, Some(n)) = (op, space.num_of(b)) {
                let n = repeat_count(space, n, x.len() * 4)?;
                let items: Vec<Tiny> = std::iter::repeat_n(x, n).flatten().copied().collect();
                return space.list_value(items);
            }
            match (op, space.list_of(b)) {
                (BinOp::InPlaceAdd, Some(y)) => {
                    let y = y.to_vec();
                    space.heap.with_list(a, y.len(), |items| items.extend(y))?;
                    return Ok(a);
                }
                (BinOp::Add, Some(y)) => {
                    let joined: Vec<Tiny> = x.iter().chain(y).copied().collect();
                    space.heap.reserve(joined.len() * 4)?;
                    return space.list_value(joined);
                }
                (BinOp::Add | BinOp::InPlaceAdd, None) => {
                    return Err(OpError::type_error(format!(
                        "can only concatenate list (not \"{}\") to list",
                        space.type_name_of(b)
                    )))
                }
                (op, Some(y)) if op.is_comparison() => {
                    let (x, y) = (x.to_vec(), y.to_vec());
                    return list_compare(vm, op, x, y);
                }
                _ => {}
            }
        }
        match op {
            BinOp::Eq => Ok(Tiny::bool(vm.space.identical(a, b))),
            BinOp::Ne => Ok(Tiny::bool(!vm.space.identical(a, b))),
            _ => Err(no_match(&vm.space, op, a, b)),
        }
    }

    fn unary(vm: &mut Interp<Self>, op: UnOp, a: Tiny) -> Result<Tiny, OpError> {
        if op == UnOp::Not {
            let t = Self::truth(vm, &a)?;
            return Ok(Tiny::bool(!t));
        }
        let space = &mut vm.space;
        let Some(i) = space.num_of(a) else {
            return Err(OpError::type_error(format!(
                "bad operand type for unary {}: '{}'",
                op.symbol(),
                space.type_name_of(a)
            )));
        };
        let r = match op {
            UnOp::Neg => i.checked_neg().ok_or_else(overflow)?,
            UnOp::Pos => i,
            _ => !i,
        };
        space.int_value(r)
    }

    fn truth(vm: &mut Interp<Self>, a: &Tiny) -> Result<bool, OpError> {
        let space = &vm.space;
        if let Some(i) = space.int_of(*a) {
            return Ok(i != 0);
        }
        Ok(match *a {
            Tiny::NONE | Tiny::FALSE => false,
            Tiny::TRUE => true,
            _ => match space.heap.get(*a) {
                Some(Obj::List(_) | Obj::SmallList { .. } | Obj::Range(_) | Obj::ShortStr { .. } | Obj::Str(_)) => {
                    space.len_of(*a).unwrap_or(0) > 0
                }
                _ => true,
            },
        })
    }

    fn build(vm: &mut Interp<Self>, kind: BuildKind, items: &[Tiny]) -> Result<Tiny, OpError> {
        match kind {
            BuildKind::List => {
                vm.space.heap.reserve(items.len() * 4)?;
                vm.space.list_value(items.to_vec())
            }
            BuildKind::Slice => {
                let parts = [0, 1, 2].map(|i| items.get(i).copied().unwrap_or(Tiny::NONE));
                vm.space.heap.alloc(Obj::Slice(Box::new(parts)))
            }
            BuildKind::Tuple => Err(unsupported("a tuple")),
            BuildKind::Set => Err(unsupported("a set")),
            BuildKind::Dict => Err(unsupported("a dict")),
        }
    }

    fn get_item(vm: &mut Interp<Self>, obj: Tiny, key: Tiny) -> Result<Tiny, OpError> {
        let space = &mut vm.space;
        if let Some(Obj::Slice(parts)) = space.heap.get(key) {
            let parts = **parts;
            return get_slice(vm, obj, parts);
        }
        let index = space.num_of(key);
        match (space.heap.get(obj), index) {
            (Some(obj @ (Obj::List(_) | Obj::SmallList { .. })), Some(i)) => {
                let items = obj.as_list().unwrap_or(&[]);
                match normalize_index(i, items.len()) {
                    Some(j) => Ok(items[j]),
                    None => Err(OpError::new(ErrorKind::Index, "list index out of range")),
                }
            }
            (Some(Obj::Range(r)), Some(i)) => {
                let [start, _, step] = **r;
                match normalize_index(i, range_len(r)) {
                    Some(j) => space.int_value(start + j as i64 * step),
                    None => Err(OpError::new(ErrorKind::Index, "range object index out of range")),
                }
            }
            (Some(obj @ (Obj::ShortStr { .. } | Obj::Str(_))), Some(i)) => {
                let text = obj.as_str().unwrap_or("");
                let c = normalize_index(i, text.chars().count()).and_then(|j| text.chars().nth(j));
                match c {
                    Some(c) => space.str_value(c.encode_utf8(&mut [0; 4])),
                    None => Err(OpError::new(ErrorKind::Index, "string index out of range")),
                }
            }
            (Some(Obj::List(_) | Obj::SmallList { .. }), None) => Err(OpError::type_error(format!(
                "list indices must be integers or slices, not {}",
                space.type_name_of(key)
            ))),
            _ => Err(OpError::type_error(format!(
                "'{}' object is not subscriptable",
                space.type_name_of(obj)
            ))),
        }
    }

    fn set_item(vm: &mut Interp<Self>, obj: Tiny, key: Tiny, value: Tiny) -> Result<(), OpError> {
        let space = &mut vm.space;
        let index = space.num_of(key);
        let is_list = space.list_of(obj).is_some();
        if is_list && matches!(space.heap.get(key), Some(Obj::Slice(_))) {
            return Err(unsupported("slice assignment"));
        }
        if is_list && index.is_none() {
            return Err(OpError::type_error(format!(
                "list indices must be integers or slices, not {}",
                space.type_name_of(key)
            )));
        }
        match (space.heap.get_mut(obj).and_then(Obj::as_list_mut), index) {
            (Some(items), Some(i)) => match normalize_index(i, items.len()) {
                Some(j) => {
                    items[j] = value;
                    Ok(())
                }
                None => Err(OpError::new(ErrorKind::Index, "list assignment index out of range")),
            },
            _ => Err(OpError::type_error(format!(
                "'{}' object does not support item assignment",
                space.type_name_of(obj)
            ))),
        }
    }

    fn del_item(vm: &mut Interp<Self>, obj: Tiny, key: Tiny) -> Result<(), OpError> {
        let space = &mut vm.space;
        let Some(i) = space.num_of(key) else {
            return Err(unsupported("deleting this item"));
        };
        let len = space.len_of(obj);
        if space.list_of(obj).is_none() {
            return Err(OpError::type_error(format!(
                "'{}' object does not support item deletion",
                space.type_name_of(obj)
            )));
        }
        match normalize_index(i, len.unwrap_or(0)) {
            Some(j) => space.heap.with_list(obj, 0, |items| {
                items.remove(j);
            }),
            None => Err(OpError::new(ErrorKind::Index, "list assignment index out of range")),
        }
    }

    fn get_attr(vm: &mut Interp<Self>, obj: Tiny, name: &Tiny) -> Result<Tiny, OpError> {
        let name = vm.space.str_of(*name).unwrap_or("?");
        Err(unsupported(&format!(
            "the attribute '{name}' of a {} (attributes other than called methods)",
            vm.space.type_name_of(obj)
        )))
    }

    fn get_method(vm: &mut Interp<Self>, obj: &Tiny, name: &Tiny) -> Result<Option<Tiny>, OpError> {
        let space = &vm.space;
        let of = match space.heap.get(*obj) {
            Some(Obj::List(_) | Obj::SmallList { .. }) => MethodOf::List,
            Some(Obj::ShortStr { .. } | Obj::Str(_)) => MethodOf::Str,
            _ => return Ok(None),
        };
        let name = space.str_of(*name).unwrap_or("?");
        match space.methods.iter().find(|(o, n, _)| *o == of && *n == name) {
            Some((_, _, f)) => Ok(Some(*f)),
            None => Err(unsupported(&format!(
                "the method '{}.{name}'",
                space.type_name_of(*obj)
            ))),
        }
    }

    fn append(vm: &mut Interp<Self>, list: Tiny, item: Tiny) -> Result<(), OpError> {
        if vm.space.list_of(list).is_none() {
            return Err(OpError::type_error(format!(
                "cannot append to '{}'",
                vm.space.type_name_of(list)
            )));
        }
        vm.space.heap.with_list(list, 1, |items| items.push(item))
    }

    fn iter(vm: &mut Interp<Self>, obj: Tiny) -> Result<Tiny, OpError> {
        let space = &mut vm.space;
        match space.heap.get(obj) {
            Some(Obj::List(_) | Obj::SmallList { .. } | Obj::Range(_) | Obj::ShortStr { .. } | Obj::Str(_)) => {
                space.heap.alloc(Obj::Iter { seq: obj, pos: 0 })
            }
            Some(Obj::Iter { .. }) => Ok(obj),
            _ => Err(OpError::type_error(format!(
                "'{}' object is not iterable",
                space.type_name_of(obj)
            ))),
        }
    }

    fn next(vm: &mut Interp<Self>, iter: Tiny) -> Result<Option<Tiny>, OpError> {
        let space = &mut vm.space;
        let Some(&Obj::Iter { seq, pos }) = space.heap.get(iter) else {
            return Err(OpError::type_error(format!(
                "'{}' object is not an iterator",
                space.type_name_of(iter)
            )));
        };
        let (item, step) = match space.heap.get(seq) {
            Some(obj @ (Obj::List(_) | Obj::SmallList { .. })) => {
                match obj.as_list().unwrap_or(&[]).get(pos as usize) {
                    Some(&x) => (x, 1),
                    None => return Ok(None),
                }
            }
            Some(Obj::Range(r)) => {
                if pos as usize >= range_len(r) {
                    return Ok(None);
                }
                let [start, _, step] = **r;
                (space.int_value(start + pos as i64 * step)?, 1)
            }
            Some(obj) => {
                let text = obj.as_str().unwrap_or("");
                match text.get(pos as usize..).and_then(|rest| rest.chars().next()) {
                    Some(c) => (space.str_value(c.encode_utf8(&mut [0; 4]))?, c.len_utf8() as u32),
                    None => return Ok(None),
                }
            }
            None => return Ok(None),
        };
        if let Some(Obj::Iter { pos, .. }) = space.heap.get_mut(iter) {
            *pos = pos.saturating_add(step);
        }
        Ok(Some(item))
    }

    fn make_generator(_: &mut Interp<Self>, _: crate::space::GenState<Tiny>) -> Result<Tiny, OpError> {
        Err(unsupported("a generator"))
    }

    fn display(vm: &mut Interp<Self>, a: &Tiny) -> Result<String, OpError> {
        text(vm, *a, false, &mut Vec::new())
    }

    fn repr(vm: &mut Interp<Self>, a: &Tiny) -> Result<String, OpError> {
        text(vm, *a, true, &mut Vec::new())
    }

    fn type_name(&mut self, a: &Tiny) -> String {
        self.type_name_of(*a).to_string()
    }

    fn as_int(&mut self, a: &Tiny) -> Option<i64> {
        self.int_of(*a)
    }

    fn as_str(&mut self, a: &Tiny) -> Option<String> {
        self.str_of(*a).map(str::to_string)
    }

    fn make_closure(&mut self, code: CodeId, _name: &str, cells: Vec<Tiny>) -> Result<Tiny, OpError> {
        let cells = cells.into_boxed_slice();
        self.heap.alloc(Obj::Closure(Box::new(heap::Closure { code, cells })))
    }

    fn make_native(&mut self, id: NativeId, _name: &str) -> Result<Tiny, OpError> {
        Tiny::native(id.0).ok_or_else(|| OpError::new(ErrorKind::Value, "too many natives for the tiny space"))
    }

    fn callee(&mut self, f: &Tiny) -> Result<Callee<Tiny>, OpError> {
        if let Some(id) = f.as_native() {
            return Ok(Callee::Native(NativeId(id)));
        }
        match self.heap.get(*f) {
            Some(Obj::Closure(c)) => Ok(Callee::Guest(c.code)),
            _ => Err(OpError::type_error(format!(
                "'{}' object is not callable",
                self.type_name_of(*f)
            ))),
        }
    }

    fn closure_cell(&mut self, f: &Tiny, idx: u16) -> Tiny {
        match self.heap.get(*f) {
            Some(Obj::Closure(c)) => c.cells.get(idx as usize).copied().unwrap_or(Tiny::NONE),
            _ => Tiny::NONE,
        }
    }

    fn new_cell(&mut self, v: Tiny) -> Result<Tiny, OpError> {
        self.heap.alloc(Obj::Cell(v))
    }

    fn cell_get(&mut self, cell: &Tiny) -> Tiny {
        match self.heap.get(*cell) {
            Some(Obj::Cell(v)) => *v,
            _ => Tiny::NONE,
        }
    }

    fn cell_set(&mut self, cell: &Tiny, v: Tiny) {
        if let Some(Obj::Cell(slot)) = self.heap.get_mut(*cell) {
            *slot = v;
        }
    }

    fn error_value(vm: &mut Interp<Self>, e: &OpError) -> Result<Tiny, OpError> {
        // A refusal is not the program's error: a handler must not turn it into a
        // different answer, so it ends the run (with the handler frame's span).
        if e.kind == ErrorKind::Unsupported {
            return Err(e.clone());
        }
        vm.space.str_value(&e.to_string())
    }

    fn describe_exception(vm: &mut Interp<Self>, w: &Tiny) -> (String, String) {
        let text = Self::display(vm, w).unwrap_or_else(|e| e.to_string());
        ("Error".to_string(), text)
    }

    fn gc_wanted(&self) -> bool {
        self.heap.gc_wanted()
    }

    fn collect(&mut self, roots: &[&[Tiny]]) -> Result<(), OpError> {
        let own = std::mem::take(&mut self.roots);
        self.heap
            .collect(roots.iter().copied().chain(std::iter::once(own.as_slice())));
        self.roots = own;
        Ok(())
    }

    fn start<L: Language>(vm: &mut Interp<Self>, lang: &L) -> Result<(), Diagnostic> {
        vm.install(lang.builtins())
            .map_err(|e| Diagnostic::new(e.kind.name(), e.message.clone(), None))?;
        lang.start_tiny(vm)
    }

    fn live_objects(&self) -> usize {
        self.heap.stats().live_objects
    }
}
