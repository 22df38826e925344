//! The object-space interface: the seam between the main loop and the values.
//!
//! The main loop treats every value as a black box of type [`Space::W`] (a
//! *wrapped object*) and does everything to values by asking the space. Swap
//! the space and the same bytecode means something else: host values
//! ([`trivial`]), the full semantics with multimethods and a GC heap
//! ([`standard`]), a compact subset of it ([`tiny`]), and later knowledge
//! about values (annotation), labelled values (taint), or a recorder for the JIT.
//!
//! The main loop is generic over `S: Space` and is monomorphized per space, so
//! the standard space pays no dynamic-dispatch cost for the seam.
//!
//! Design rules that keep later spaces possible without touching the main loop:
//! - every operation can fail with an [`OpError`] (the tiny space refuses
//!   floats, the taint space refuses output, the annotation space reports type
//!   errors);
//! - branching goes through [`Space::truth`] (the taint space refuses implicit
//!   flows there);
//! - output goes through [`Space::check_output`] with the values it came from;
//! - constants are turned into wrapped objects by the space, never by the loop;
//! - the loop tells the space when it is at a safepoint and what the roots are.

pub mod standard;
pub mod tiny;
pub mod trivial;

use crate::bytecode::{BinOp, CodeId, Const, UnOp};
use crate::interp::Interp;
use crate::language::Language;
use std::fmt;

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenStatus {
    /// Made, not yet started.
    Created,
    /// Stopped at a `Yield`.
    Suspended,
    /// Its frame is on the frame stack now.
    Running,
    /// Returned or raised; it yields nothing more.
    Finished,
}

/// The saved state of a generator's frame.
#[derive(Clone, Debug)]
pub struct GenState<W> {
    /// The generator function's code.
    pub code: CodeId,
    /// The generator function's closure.
    pub closure: W,
    /// Where to resume.
    pub pc: u32,
    /// The register that receives the value sent in on resumption.
    pub resume_dst: Option<crate::bytecode::Reg>,
    /// The frame's registers.
    pub regs: Vec<W>,
    /// Life cycle.
    pub status: GenStatus,
    /// What the generator function returned (once finished).
    pub result: W,
}

/// What a `Build` instruction makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuildKind {
    /// A growable sequence.
    List,
    /// An immutable sequence.
    Tuple,
    /// A hash set.
    Set,
    /// A hash map; items are key, value, key, value, ...
    Dict,
    /// A slice `start:stop:step` (exactly three items, none where omitted).
    Slice,
}

impl BuildKind {
    /// What the container is called in messages.
    pub fn describe(self) -> &'static str {
        match self {
            BuildKind::List => "lists",
            BuildKind::Tuple => "tuples",
            BuildKind::Set => "sets",
            BuildKind::Dict => "dicts",
            BuildKind::Slice => "slices",
        }
    }

    /// Lower-case name for listings.
    pub fn name(self) -> &'static str {
        match self {
            BuildKind::List => "list",
            BuildKind::Tuple => "tuple",
            BuildKind::Set => "set",
            BuildKind::Dict => "dict",
            BuildKind::Slice => "slice",
        }
    }
}

/// The index of a native (Rust) function in the running interpreter's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NativeId(pub u32);

/// What calling a value means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callee<W> {
    /// Guest code: the main loop pushes a heap frame for it.
    Guest(CodeId),
    /// A native function: the main loop calls it directly.
    Native(NativeId),
    /// Call `func` with `receiver` inserted before the arguments (a bound
    /// method, or a class whose construction a native performs).
    Bound {
        /// What to call.
        func: W,
        /// The extra first argument.
        receiver: W,
    },
}

/// Which resource budget ran out. These end the run; a guest cannot catch them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// Too many instructions executed.
    Instructions,
    /// The heap grew past its limit.
    Heap,
}

/// The class of an error raised by an operation. Names follow Python's
/// exceptions because they are the most widely known; other languages map
/// them to their own conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Operation not defined for these types.
    Type,
    /// Right type, bad value.
    Value,
    /// Division or modulo by zero.
    ZeroDivision,
    /// Unbound variable.
    Name,
    /// Result does not fit (for example a float too large).
    Overflow,
    /// Sequence index out of range.
    Index,
    /// Missing key.
    Key,
    /// Missing attribute.
    Attribute,
    /// The call-depth budget ran out (catchable, like Python's RecursionError).
    Recursion,
    /// A local variable was read before it was assigned.
    UnboundLocal,
    /// An operation that is not allowed in the current state (a dict changed size while iterated).
    Runtime,
    /// The value or operation is not available in this object space.
    Unsupported,
    /// A value raised by the guest program itself.
    Raised,
    /// A resource budget ran out (not catchable).
    Budget(Budget),
}

impl ErrorKind {
    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Type => "TypeError",
            ErrorKind::Value => "ValueError",
            ErrorKind::ZeroDivision => "ZeroDivisionError",
            ErrorKind::Name => "NameError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Index => "IndexError",
            ErrorKind::Key => "KeyError",
            ErrorKind::Attribute => "AttributeError",
            ErrorKind::Recursion => "RecursionError",
            ErrorKind::UnboundLocal => "UnboundLocalError",
            ErrorKind::Runtime => "RuntimeError",
            ErrorKind::Unsupported => "UnsupportedError",
            ErrorKind::Raised => "Error",
            ErrorKind::Budget(_) => "BudgetError",
        }
    }

    /// True if a guest handler may catch it.
    pub fn is_catchable(self) -> bool {
        !matches!(self, ErrorKind::Budget(_))
    }
}

/// An error raised by a space operation or a native function. It has no span:
/// the main loop attaches the span of the instruction that was running.
///
/// It is one pointer to its [`OpErrorData`] (read its fields through it:
/// `e.kind`, `e.message`), so that `Result<W, OpError>`, which every
/// operation returns, fits in two machine registers instead of going
/// through memory on the hot path where nothing fails.
#[derive(Clone, Debug, PartialEq)]
pub struct OpError(Box<OpErrorData>);

/// What an [`OpError`] says.
#[derive(Clone, Debug, PartialEq)]
pub struct OpErrorData {
    /// What kind of error.
    pub kind: ErrorKind,
    /// One line for the user.
    pub message: String,
}

impl std::ops::Deref for OpError {
    type Target = OpErrorData;

    fn deref(&self) -> &OpErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for OpError {
    fn deref_mut(&mut self) -> &mut OpErrorData {
        &mut self.0
    }
}

impl OpError {
    /// An error of `kind`.
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> OpError {
        OpError(Box::new(OpErrorData {
            kind,
            message: message.into(),
        }))
    }

    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> OpError {
        OpError::new(ErrorKind::Type, message)
    }

    /// "not available in the X space".
    pub fn unsupported(space: &str, what: &str) -> OpError {
        OpError::new(
            ErrorKind::Unsupported,
            format!("{what} is not available in the {space} space"),
        )
    }
}

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

/// How a language spells the few values the trivial space prints itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The true value (`true`, `True`, `#t`).
    pub true_: &'static str,
    /// The false value.
    pub false_: &'static str,
    /// The "no value" value (`nil`, `None`).
    pub none: &'static str,
}

/// The operations the main loop needs from an object space.
pub trait Space: Sized {
    /// The wrapped object: what a register holds.
    type W: Clone + fmt::Debug;

    /// The space's name as given to `--space`.
    fn name(&self) -> &'static str;

    // ---- making values -------------------------------------------------

    /// The wrapped form of a constant.
    fn constant(&mut self, c: &Const) -> Result<Self::W, OpError>;
    /// The language's "no value".
    fn none(&mut self) -> Self::W;
    /// The marker of a never-assigned local (see `Code::unbound_locals`); a space
    /// without one uses none, and then `CheckBound` never fires.
    fn unbound(&mut self) -> Self::W {
        self.none()
    }
    /// True if `w` is the [`Space::unbound`] marker.
    fn is_unbound(&self, w: &Self::W) -> bool {
        let _ = w;
        false
    }
    /// A boolean.
    fn bool(&mut self, b: bool) -> Self::W;
    /// A machine integer.
    fn int(&mut self, i: i64) -> Result<Self::W, OpError>;
    /// A string.
    fn str(&mut self, s: &str) -> Result<Self::W, OpError>;

    // ---- operations ----------------------------------------------------
    //
    // Operations that a language may implement in guest code (a Python
    // `__add__`, a `__str__`) receive the whole interpreter, so that the
    // implementation can call back into guest code. They are associated
    // functions: call them as `S::binary(vm, ...)` or through the helpers on
    // `Interp` (`vm.display(&w)`).

    /// `a op b`.
    fn binary(vm: &mut Interp<Self>, op: BinOp, a: Self::W, b: Self::W) -> Result<Self::W, OpError>;
    /// `op a`.
    fn unary(vm: &mut Interp<Self>, op: UnOp, a: Self::W) -> Result<Self::W, OpError>;
    /// The truth value, used by every conditional branch.
    fn truth(vm: &mut Interp<Self>, a: &Self::W) -> Result<bool, OpError>;

    // ---- containers, items, attributes, iteration ----------------------
    //
    // A space without containers keeps these defaults, which refuse clearly.

    /// A new container of `kind` holding `items` (for `Dict`: key, value, key, value, ...).
    fn build(vm: &mut Interp<Self>, kind: BuildKind, items: &[Self::W]) -> Result<Self::W, OpError> {
        let _ = items;
        Err(OpError::unsupported(vm.space.name(), kind.describe()))
    }
    /// `obj[key]`.
    fn get_item(vm: &mut Interp<Self>, obj: Self::W, key: Self::W) -> Result<Self::W, OpError> {
        let _ = (obj, key);
        Err(OpError::unsupported(vm.space.name(), "indexing"))
    }
    /// `obj[key] = value`.
    fn set_item(vm: &mut Interp<Self>, obj: Self::W, key: Self::W, value: Self::W) -> Result<(), OpError> {
        let _ = (obj, key, value);
        Err(OpError::unsupported(vm.space.name(), "item assignment"))
    }
    /// `del obj[key]`.
    fn del_item(vm: &mut Interp<Self>, obj: Self::W, key: Self::W) -> Result<(), OpError> {
        let _ = (obj, key);
        Err(OpError::unsupported(vm.space.name(), "item deletion"))
    }
    /// `obj.name`; `name` is a string constant of the running code.
    fn get_attr(vm: &mut Interp<Self>, obj: Self::W, name: &Self::W) -> Result<Self::W, OpError> {
        let _ = (obj, name);
        Err(OpError::unsupported(vm.space.name(), "attributes"))
    }
    /// For `obj.name(...)` ([`Instr::CallMethod`](crate::bytecode::Instr::CallMethod)): the
    /// function to call with `obj` as its first argument, when `obj.name` would only bind
    /// that function to `obj`. `None` (the default) means: get the attribute, then call it.
    fn get_method(vm: &mut Interp<Self>, obj: &Self::W, name: &Self::W) -> Result<Option<Self::W>, OpError> {
        let _ = (vm, obj, name);
        Ok(None)
    }
    /// `obj.name = value`.
    fn set_attr(vm: &mut Interp<Self>, obj: Self::W, name: &Self::W, value: Self::W) -> Result<(), OpError> {
        let _ = (obj, name, value);
        Err(OpError::unsupported(vm.space.name(), "attributes"))
    }
    /// `del obj.name`.
    fn del_attr(vm: &mut Interp<Self>, obj: Self::W, name: &Self::W) -> Result<(), OpError> {
        let _ = (obj, name);
        Err(OpError::unsupported(vm.space.name(), "attributes"))
    }
    /// Adds `item` at the end of a list (or to a set).
    fn append(vm: &mut Interp<Self>, list: Self::W, item: Self::W) -> Result<(), OpError> {
        let _ = (list, item);
        Err(OpError::unsupported(vm.space.name(), "lists"))
    }
    /// An iterator over `obj`.
    fn iter(vm: &mut Interp<Self>, obj: Self::W) -> Result<Self::W, OpError> {
        let _ = obj;
        Err(OpError::unsupported(vm.space.name(), "iteration"))
    }
    /// The iterator's next item, or `None` when it is exhausted.
    fn next(vm: &mut Interp<Self>, iter: Self::W) -> Result<Option<Self::W>, OpError> {
        let _ = iter;
        Err(OpError::unsupported(vm.space.name(), "iteration"))
    }
    /// Exactly `count` items of `obj` (for `a, b = obj`), through [`Space::iter`].
    fn unpack(vm: &mut Interp<Self>, obj: Self::W, count: usize) -> Result<Vec<Self::W>, OpError> {
        let it = match Self::iter(vm, obj.clone()) {
            Ok(it) => it,
            Err(e) if e.kind == ErrorKind::Type => {
                let what = vm.space.type_name(&obj);
                return Err(OpError::type_error(format!("cannot unpack non-iterable {what} object")));
            }
            Err(e) => return Err(e),
        };
        // `next` may run guest code (and collect) while only this variable holds the iterator.
        vm.keep_alive(it.clone());
        let mut items = Vec::with_capacity(count);
        while let Some(x) = Self::next(vm, it.clone())? {
            if items.len() == count {
                return Err(OpError::new(
                    ErrorKind::Value,
                    format!("too many values to unpack (expected {count})"),
                ));
            }
            vm.keep_alive(x.clone());
            items.push(x);
        }
        if items.len() < count {
            return Err(OpError::new(
                ErrorKind::Value,
                format!("not enough values to unpack (expected {count}, got {})", items.len()),
            ));
        }
        Ok(items)
    }

    // ---- generators -------------------------------------------------------

    /// A generator object holding a not-yet-started frame.
    fn make_generator(vm: &mut Interp<Self>, state: GenState<Self::W>) -> Result<Self::W, OpError> {
        let _ = state;
        Err(OpError::unsupported(vm.space.name(), "generators"))
    }
    /// Takes the saved frame out of a generator to run it, marking it running.
    /// `Ok(None)` if it has finished.
    fn generator_take(vm: &mut Interp<Self>, gen: &Self::W) -> Result<Option<GenState<Self::W>>, OpError> {
        let _ = gen;
        Err(OpError::unsupported(vm.space.name(), "generators"))
    }
    /// Puts a frame back into its generator (suspended or finished).
    fn generator_store(vm: &mut Interp<Self>, gen: &Self::W, state: GenState<Self::W>) {
        let _ = (vm, gen, state);
    }

    // ---- looking at values (for natives and messages) -------------------

    /// The text `print`/`str` shows.
    fn display(vm: &mut Interp<Self>, a: &Self::W) -> Result<String, OpError>;
    /// The text a REPL echoes (quotes around strings).
    fn repr(vm: &mut Interp<Self>, a: &Self::W) -> Result<String, OpError>;
    /// The user-visible type name, for messages.
    fn type_name(&mut self, a: &Self::W) -> String;
    /// The value as a machine integer, if it is one.
    fn as_int(&mut self, a: &Self::W) -> Option<i64>;
    /// The text of a string value, if it is one.
    fn as_str(&mut self, a: &Self::W) -> Option<String>;

    // ---- functions and closures ----------------------------------------

    /// A closure over `code` holding `cells` (in the order of `code.captures`).
    fn make_closure(&mut self, code: CodeId, name: &str, cells: Vec<Self::W>) -> Result<Self::W, OpError>;
    /// A function value for a native.
    fn make_native(&mut self, id: NativeId, name: &str) -> Result<Self::W, OpError>;
    /// What calling `f` means; a `TypeError` if it is not callable.
    fn callee(&mut self, f: &Self::W) -> Result<Callee<Self::W>, OpError>;
    /// The cell `idx` captured by closure `f`.
    fn closure_cell(&mut self, f: &Self::W, idx: u16) -> Self::W;
    /// A new cell holding `v`.
    fn new_cell(&mut self, v: Self::W) -> Result<Self::W, OpError>;
    /// The contents of a cell.
    fn cell_get(&mut self, cell: &Self::W) -> Self::W;
    /// Replaces the contents of a cell.
    fn cell_set(&mut self, cell: &Self::W, v: Self::W);

    // ---- exceptions ------------------------------------------------------

    /// The guest value a handler receives for an error raised by an operation.
    fn error_value(vm: &mut Interp<Self>, e: &OpError) -> Result<Self::W, OpError>;
    /// `(kind, message)` for an exception value that nobody caught.
    fn describe_exception(vm: &mut Interp<Self>, w: &Self::W) -> (String, String);
    /// If an uncaught exception means "exit quietly with this status" (Python's
    /// `SystemExit`), the status.
    fn exit_status(vm: &mut Interp<Self>, w: &Self::W) -> Option<i32> {
        let _ = (vm, w);
        None
    }

    // ---- output ------------------------------------------------------------

    /// May text computed from `from` be written to the program's output?
    /// Spaces that track information flow refuse here.
    fn check_output(&mut self, from: &[Self::W]) -> Result<(), OpError> {
        let _ = from;
        Ok(())
    }

    // ---- memory --------------------------------------------------------------

    /// True when the space would like a collection at the next safepoint.
    fn gc_wanted(&self) -> bool {
        false
    }
    /// Collects garbage. Everything reachable from `roots` must survive.
    /// Called only at safepoints, never in the middle of an operation.
    fn collect(&mut self, roots: &[&[Self::W]]) -> Result<(), OpError> {
        let _ = roots;
        Ok(())
    }
    /// Prepares a fresh interpreter to run `lang`: installs its builtins (and,
    /// in spaces that have more, whatever else the language registers there).
    fn start<L: Language>(vm: &mut Interp<Self>, lang: &L) -> Result<(), crate::diagnostic::Diagnostic> {
        vm.install(lang.builtins())
            .map_err(|e| crate::diagnostic::Diagnostic::new(e.kind.name(), e.message.clone(), None))
    }

    /// Turns the JIT on for `vm`, if this space has one (see [`crate::jit`]); `Ok(false)`
    /// means the space always runs interpreted.
    fn enable_jit(vm: &mut Interp<Self>, options: crate::jit::JitOptions) -> Result<bool, String> {
        let _ = (vm, options);
        Ok(false)
    }

    /// Number of live heap objects (for tests and statistics).
    fn live_objects(&self) -> usize {
        0
    }
}
