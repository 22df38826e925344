//! Framework bytecode: the one instruction set every language compiles to.
//!
//! A front end never brings its own main loop. It turns source text into
//! [`Code`] objects made of the [`Instr`] below, and the main loop in
//! [`crate::interp`] runs them over any object space. Because the instruction
//! set is shared, every language inherits the same tools: the disassembler
//! ([`disasm`]), the tracer, the budgets and, later, the JIT.
//!
//! The machine is register based, in the style of Lua 5: each frame owns a
//! window of `nregs` registers, and instructions name their operands directly
//! (`R[dst] := R[a] + R[b]`). Compared with a stack machine this means fewer
//! dispatches per source operation, and a frame state of fixed shape, which is
//! what the annotation space joins at merge points and what the JIT snapshots
//! at guards.
//!
//! Notation used in the table: `R[x]` is register `x` of the running frame,
//! `K[k]` the constant `k` of the running code, `G[g]` a global slot, `F[i]`
//! the `i`th cell captured by the running closure, `pc` the index of the next
//! instruction.

pub mod builder;
pub mod disasm;

use crate::span::Span;
use std::fmt;

pub use crate::space::BuildKind;

/// A register of the running frame (`r3`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(pub u16);

/// An index into the constant table of a [`Code`] (`k2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConstId(pub u16);

/// An index into the global slot table of a [`Module`]'s globals (`g5`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GlobalId(pub u16);

/// An index into [`Module::codes`] (`code1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeId(pub u32);

/// An instruction index inside one [`Code`] (`@12`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.0)
    }
}
impl fmt::Display for ConstId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "k{}", self.0)
    }
}
impl fmt::Display for GlobalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "g{}", self.0)
    }
}
impl fmt::Display for CodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code{}", self.0)
    }
}
impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

/// Binary operations. Each is one multimethod of the object library; the main
/// loop never looks inside the operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `a + b`: numeric addition, or concatenation where a language registers it.
    Add,
    /// `a - b`
    Sub,
    /// `a * b`
    Mul,
    /// `a / b`: true division (an int pair gives a float).
    Div,
    /// `a // b`: division rounded towards negative infinity.
    FloorDiv,
    /// `a % b`: remainder with the sign of `b` (pairs with `FloorDiv`).
    Mod,
    /// `a ** b`
    Pow,
    /// `a == b`
    Eq,
    /// `a != b`
    Ne,
    /// `a < b`
    Lt,
    /// `a <= b`
    Le,
    /// `a > b`
    Gt,
    /// `a >= b`
    Ge,
    /// `a & b`
    BitAnd,
    /// `a | b`
    BitOr,
    /// `a ^ b`
    BitXor,
    /// `a << b`
    Shl,
    /// `a >> b`
    Shr,
    /// `a in b`: membership, dispatched as `contains(b, a)`.
    In,
    /// `a is b`: identity; never dispatched.
    Is,
    /// `a += b`: the in-place form (`iadd`); where no class implements it, plain `add`.
    InPlaceAdd,
}

impl BinOp {
    /// Every binary operation, in table order.
    pub const ALL: [BinOp; 21] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::Shl,
        BinOp::Shr,
        BinOp::In,
        BinOp::Is,
        BinOp::InPlaceAdd,
    ];

    /// The source-level symbol, used in error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::In => "in",
            BinOp::Is => "is",
            BinOp::InPlaceAdd => "+=",
        }
    }

    /// The multimethod's name in the object library (`add`, `lt`, ...).
    pub fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::Div => "truediv",
            BinOp::FloorDiv => "floordiv",
            BinOp::Mod => "mod",
            BinOp::Pow => "pow",
            BinOp::Eq => "eq",
            BinOp::Ne => "ne",
            BinOp::Lt => "lt",
            BinOp::Le => "le",
            BinOp::Gt => "gt",
            BinOp::Ge => "ge",
            BinOp::BitAnd => "and",
            BinOp::BitOr => "or",
            BinOp::BitXor => "xor",
            BinOp::Shl => "lshift",
            BinOp::Shr => "rshift",
            BinOp::In => "contains",
            BinOp::Is => "is",
            BinOp::InPlaceAdd => "iadd",
        }
    }

    /// True for the six comparisons.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

/// Unary operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-a`
    Neg,
    /// `not a`: the negated truth value (asks the space, never fails on type).
    Not,
    /// `+a`
    Pos,
    /// `~a`: bitwise inversion.
    Invert,
}

impl UnOp {
    /// The multimethod's name in the object library.
    pub fn name(self) -> &'static str {
        match self {
            UnOp::Neg => "neg",
            UnOp::Not => "not",
            UnOp::Pos => "pos",
            UnOp::Invert => "invert",
        }
    }

    /// The source-level symbol, used in error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Not => "not",
            UnOp::Pos => "+",
            UnOp::Invert => "~",
        }
    }
}

/// The opcode table. One variant per opcode, one line of meaning per variant.
///
/// Rule for every instruction (the JIT's deoptimizer relies on it): all checks
/// that can fail happen *before* the single visible effect, so an error or a
/// guard failure leaves the frame exactly as it was at the instruction's start.
// Operand fields are documented by their variant's one line of meaning.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// `R[dst] := K[k]`
    LoadConst { dst: Reg, k: ConstId },
    /// `R[dst] := R[src]`
    Move { dst: Reg, src: Reg },
    /// Error (`UnboundLocal`) naming the string `K[name]` if `R[reg]` is unbound; nothing otherwise.
    CheckBound { reg: Reg, name: ConstId },
    /// `R[reg] := unbound` (Python's `del x` of a local).
    Unbind { reg: Reg },
    /// `R[dst] := G[g]`; error if the global is unbound.
    LoadGlobal { dst: Reg, g: GlobalId },
    /// `G[g] := R[src]`
    StoreGlobal { g: GlobalId, src: Reg },
    /// `R[dst] := new cell holding R[src]` (a variable captured by a closure).
    NewCell { dst: Reg, src: Reg },
    /// `R[dst] := contents of the cell in R[cell]`
    LoadCell { dst: Reg, cell: Reg },
    /// `contents of the cell in R[cell] := R[src]`
    StoreCell { cell: Reg, src: Reg },
    /// `R[dst] := contents of F[idx]`
    LoadFree { dst: Reg, idx: u16 },
    /// `contents of F[idx] := R[src]`
    StoreFree { idx: u16, src: Reg },
    /// `R[dst] := closure of code`, capturing the cells listed in `code.captures`; the values of
    /// the parameters' defaults (`code.params.defaults`) are in `R[dst + 1]`, `R[dst + 2]`, ...
    MakeClosure { dst: Reg, code: CodeId },
    /// `R[dst] := R[a] op R[b]` through the space's multimethod for `op`.
    Binary { op: BinOp, dst: Reg, a: Reg, b: Reg },
    /// `R[dst] := op R[a]`
    Unary { op: UnOp, dst: Reg, a: Reg },
    /// `pc := target` (forward jump).
    Jump { target: Label },
    /// `pc := target` (backward jump): a loop header, a GC safepoint, a JIT counter.
    JumpBack { target: Label },
    /// `if not truth(R[cond]) { pc := target }`
    JumpIfFalse { cond: Reg, target: Label },
    /// `if truth(R[cond]) { pc := target }`
    JumpIfTrue { cond: Reg, target: Label },
    /// `R[dst] := R[f](R[args], ..., R[args + argc - 1])`; pushes a heap frame for guest code.
    /// The callee's register window starts at `args`, so the arguments must be the caller's
    /// highest live registers: everything above them is the callee's.
    Call { dst: Reg, f: Reg, args: Reg, argc: u8 },
    /// The first half of `obj.name(args)`, run before the arguments are evaluated (CPython's
    /// LOAD_METHOD). The receiver is in `R[f + 1]`. If `Space::get_method` says `obj.name` would
    /// only bind a function to `obj`, `R[f]` := that function and `R[flag]` := true (no bound
    /// method is made); otherwise `R[f]` := `R[f + 1].K[name]` and `R[flag]` := false.
    LoadMethod { flag: Reg, f: Reg, name: ConstId },
    /// The second half: `R[dst] := R[f](R[f + 1], ..., R[f + 1 + argc])` if `R[flag]` is true
    /// (the receiver first), else `R[dst] := R[f](R[f + 2], ..., R[f + 1 + argc])`. Runs as the
    /// `Call` it stands for.
    CallMethod { dst: Reg, flag: Reg, f: Reg, argc: u8 },
    /// `return R[f](R[args], ...)` reusing the running frame (a proper tail call).
    TailCall { f: Reg, args: Reg, argc: u8 },
    /// Pop the frame; the caller's `dst` receives `R[src]`.
    Return { src: Reg },
    /// Raise `R[src]` as an exception: unwind to the nearest handler.
    Raise { src: Reg },
    /// `R[dst] := kind(R[first], ..., R[first + count - 1])`: a list, tuple, set, dict or slice.
    Build {
        kind: BuildKind,
        dst: Reg,
        first: Reg,
        count: u16,
    },
    /// `R[dst] := R[obj][R[key]]`
    GetItem { dst: Reg, obj: Reg, key: Reg },
    /// `R[obj][R[key]] := R[src]`
    SetItem { obj: Reg, key: Reg, src: Reg },
    /// `del R[obj][R[key]]`
    DelItem { obj: Reg, key: Reg },
    /// `R[dst] := R[obj].K[name]`
    GetAttr { dst: Reg, obj: Reg, name: ConstId },
    /// `R[obj].K[name] := R[src]`
    SetAttr { obj: Reg, name: ConstId, src: Reg },
    /// Unbinds `G[g]` (a later read is a NameError).
    DelGlobal { g: GlobalId },
    /// `del R[obj].K[name]`
    DelAttr { obj: Reg, name: ConstId },
    /// `R[dst] := iter(R[src])`
    GetIter { dst: Reg, src: Reg },
    /// `R[iter + 1] := next(R[iter])`, or `pc := target` when the iterator is exhausted.
    ForIter { iter: Reg, target: Label },
    /// `R[first], ..., R[first + count - 1] := the items of R[src]` (exactly `count` of them).
    Unpack { first: Reg, src: Reg, count: u16 },
    /// A call with keywords or `*`/`**` arguments, described by `code.call_sites[site]`.
    CallEx { site: u16 },
    /// `R[list].append(R[src])` for a list, `add` for a set (comprehensions build with it).
    Append { list: Reg, src: Reg },
    /// Suspend this generator's frame, handing `R[src]` to whoever resumed it;
    /// on resumption `R[dst]` receives the value sent in (none for `next`).
    Yield { dst: Reg, src: Reg },
}

/// How a function's parameters are declared. Parameters occupy the first
/// registers in this order: positional, keyword-only, then the `*args`
/// tuple, then the `**kwargs` dict.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// Names of the positional and keyword-only parameters, in register order.
    pub names: Vec<String>,
    /// How many of `names` are positional (`Code::arity` equals this).
    pub positional: u16,
    /// How many leading positional parameters cannot be passed by keyword.
    pub posonly: u16,
    /// How many of `names` are keyword-only (they follow the positional ones).
    pub kwonly: u16,
    /// Extra positional arguments are collected into a tuple.
    pub varargs: bool,
    /// Extra keyword arguments are collected into a dict.
    pub varkw: bool,
    /// Indexes (into `names`) of the parameters with a default value, in the
    /// order their values follow the captured cells of the closure.
    pub defaults: Vec<u16>,
}

impl Params {
    /// `n` positional parameters and nothing else.
    pub fn positional(n: u16) -> Params {
        Params {
            positional: n,
            ..Params::default()
        }
    }

    /// True when a call only has to check the argument count.
    pub fn is_simple(&self) -> bool {
        self.kwonly == 0 && !self.varargs && !self.varkw && self.defaults.is_empty()
    }

    /// Registers the parameters occupy.
    pub fn registers(&self) -> usize {
        self.positional as usize + self.kwonly as usize + self.varargs as usize + self.varkw as usize
    }
}

/// The operands of a [`Instr::CallEx`]. Registers from `args` on hold the
/// positional arguments, then (if `star`) one iterable to spread, then one
/// value per keyword name, then (if `star_star`) one mapping to spread.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallSite {
    /// Receives the result (unused for a tail call).
    pub dst: Reg,
    /// The callee.
    pub f: Reg,
    /// First argument register.
    pub args: Reg,
    /// Number of plain positional arguments.
    pub positional: u8,
    /// A `*iterable` argument follows the positional ones.
    pub star: bool,
    /// Names of the keyword arguments, in order.
    pub keywords: Vec<String>,
    /// A `**mapping` argument comes last.
    pub star_star: bool,
    /// Return the callee's result from this frame (a tail call).
    pub tail: bool,
}

impl CallSite {
    /// Number of argument registers the site uses.
    pub fn registers(&self) -> usize {
        self.positional as usize + self.star as usize + self.keywords.len() + self.star_star as usize
    }
}

/// A literal in the constant table. Constants are language neutral; the space
/// turns each into a wrapped object once, when the code is loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// The language's "no value" (None, nil, the unspecified value).
    None,
    /// A boolean.
    Bool(bool),
    /// A machine integer.
    Int(i64),
    /// An integer too big for `i64`, as decimal digits with an optional sign.
    BigInt(String),
    /// A double.
    Float(f64),
    /// A string.
    Str(Box<str>),
}

/// A protected range: if an exception escapes an instruction in `start..end`,
/// control goes to `target` with the exception value in `dst`. The table is
/// searched in order, so inner handlers come first (like CPython 3.11's
/// exception table: entering a `try` costs nothing).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Handler {
    /// First protected instruction.
    pub start: Label,
    /// One past the last protected instruction.
    pub end: Label,
    /// Where the handler's code starts.
    pub target: Label,
    /// Register that receives the exception.
    pub dst: Reg,
}

/// Debug information: a named local variable and where its register holds it
/// (`start..end`, instruction indices). Tools that show variables by name (the
/// annotation space) read it; the main loop never does. A front end that does
/// not record names leaves [`Code::locals`] empty.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalVar {
    /// The source name.
    pub name: String,
    /// Its register (holding a cell if the variable is captured).
    pub reg: Reg,
    /// First instruction where the register holds the variable.
    pub start: Label,
    /// One past the last such instruction.
    pub end: Label,
}

/// Where a closure finds a cell it captures, in terms of the *enclosing* frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// The cell held in the enclosing frame's register.
    Local(Reg),
    /// The enclosing closure's own captured cell.
    Free(u16),
}

/// One compiled function (or module body).
#[derive(Clone, Debug, Default)]
pub struct Code {
    /// Name shown in tracebacks and listings (`<module>` for top-level code).
    pub name: String,
    /// Number of parameters; they arrive in `r0..r{arity}`.
    pub arity: u16,
    /// Size of the register window.
    pub nregs: u16,
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// `spans[i]` is the source of `instrs[i]`.
    pub spans: Vec<Span>,
    /// The constant table.
    pub consts: Vec<Const>,
    /// Exception handlers, innermost first.
    pub handlers: Vec<Handler>,
    /// What a closure of this code captures from the enclosing frame, in order (`F[0]`, `F[1]`, ...).
    pub captures: Vec<Capture>,
    /// The parameter declaration (`Params::positional(arity)` for simple functions).
    pub params: Params,
    /// Operands of the `CallEx` instructions, indexed by their `site`.
    pub call_sites: Vec<CallSite>,
    /// Calling this code makes a generator instead of running it.
    pub generator: bool,
    /// Registers a call does not fill with arguments start *unbound* (the space's
    /// [`unbound`](crate::space::Space::unbound) marker) instead of none, so that
    /// `CheckBound` can tell "never assigned" from "assigned none" (Python's
    /// `UnboundLocalError`).
    pub unbound_locals: bool,
    /// The whole function's source.
    pub span: Span,
    /// Named local variables (debug information; may be empty).
    pub locals: Vec<LocalVar>,
}

/// A compilation unit: all code objects of one program (or one REPL input).
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// Code objects, indexed by [`CodeId`].
    pub codes: Vec<Code>,
    /// The top-level code to run.
    pub main: Option<CodeId>,
}

impl Module {
    /// The code behind an id.
    pub fn code(&self, id: CodeId) -> &Code {
        &self.codes[id.0 as usize]
    }
}

/// Names of global slots, shared by all modules of a run so that a REPL line
/// sees the globals of the lines before it. Builtins are globals too.
#[derive(Clone, Debug, Default)]
pub struct Globals {
    names: Vec<String>,
}

impl Globals {
    /// An empty table.
    pub fn new() -> Globals {
        Globals::default()
    }

    /// The slot of `name`, creating it if needed.
    pub fn intern(&mut self, name: &str) -> GlobalId {
        if let Some(g) = self.lookup(name) {
            return g;
        }
        self.names.push(name.to_string());
        GlobalId((self.names.len() - 1) as u16)
    }

    /// The slot of `name`, if it exists.
    pub fn lookup(&self, name: &str) -> Option<GlobalId> {
        self.names.iter().position(|n| n == name).map(|i| GlobalId(i as u16))
    }

    /// The name of a slot.
    pub fn name(&self, g: GlobalId) -> &str {
        &self.names[g.0 as usize]
    }

    /// Number of slots.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True if there are no slots.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_fit_in_eight_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }
}
