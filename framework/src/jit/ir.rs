//! The trace IR: what the recorder writes, the optimizer rewrites and the
//! backend compiles.
//!
//! A trace is a straight line of operations in SSA form: every operation that
//! produces something defines a new [`Vid`], of one [`Kind`]. Values of kind
//! `Boxed` are wrapped objects (the raw bits of a [`Value`](crate::object::Value));
//! `Int`, `Float` and `Bool` are *unboxed*: plain machine numbers that only
//! become wrapped objects when they are written back to a register.
//!
//! Registers are called *slots* here: slot `s` is register `s` counted from the
//! base of the frame the trace started in, so the registers of frames the
//! trace entered (inlined calls) are just higher slots.
//!
//! Every operation that can leave the trace (a guard, or a helper call that may
//! raise) carries a [`Snapshot`]: the instruction to resume at and the slots
//! whose values must be written back first. That is all deoptimization needs,
//! because frames themselves are always kept real (see `runtime`).
//!
//! A loop trace has the shape `preamble; LoopHeader; body; Jump`: the body is
//! a second copy of the recorded iteration (loop peeling), whose inputs are the
//! `LoopHeader` parameters, so type checks and loads of values the loop never
//! changes stay in the preamble.

use crate::bytecode::{BinOp, CodeId, UnOp};
use std::fmt;

/// An SSA value of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Vid(pub u32);

impl fmt::Display for Vid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}", self.0)
    }
}

/// What a value is at machine level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A wrapped object: the 64 bits of a `Value`.
    Boxed,
    /// A small integer, unboxed (always within the 63-bit small-int range).
    Int,
    /// A double, unboxed.
    Float,
    /// A truth value, unboxed (0 or 1).
    Bool,
}

impl Kind {
    /// One letter for listings.
    pub fn letter(self) -> &'static str {
        match self {
            Kind::Boxed => "w",
            Kind::Int => "i",
            Kind::Float => "f",
            Kind::Bool => "b",
        }
    }
}

/// An index into a trace's snapshot table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SnapId(pub u32);

/// The state to restore when the trace is left at one point.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The instruction to resume at, in the code of the frame on top.
    pub pc: u32,
    /// The code running on top at that point (for listings and checks).
    pub code: CodeId,
    /// How many frames above the trace's own frame are live at that point.
    pub depth: u32,
    /// Slots to write back (each value boxed first), in slot order.
    pub writes: Vec<(u32, Vid)>,
    /// Instructions of this pass over the trace executed before this point (the rest of
    /// the pass is refunded to the instruction budget when the trace is left here).
    pub executed: u32,
}

/// Integer operations on unboxed ints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntOp {
    /// `a + b`, leaving the trace if the result is not a small int.
    Add,
    /// `a - b`, same.
    Sub,
    /// `a * b`, same.
    Mul,
    /// Floor division; leaves the trace on a zero divisor.
    FloorDiv,
    /// Modulo with the sign of the divisor; leaves on zero.
    Mod,
    /// `a & b`
    And,
    /// `a | b`
    Or,
    /// `a ^ b`
    Xor,
    /// `a << b`; leaves the trace unless `0 <= b < 64` and nothing is lost.
    Shl,
    /// `a >> b` (arithmetic); leaves on a negative count.
    Shr,
    /// `a < b`
    Lt,
    /// `a <= b`
    Le,
    /// `a > b`
    Gt,
    /// `a >= b`
    Ge,
    /// `a == b`
    Eq,
    /// `a != b`
    Ne,
}

impl IntOp {
    /// True for the comparisons (they produce a `Bool`).
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            IntOp::Lt | IntOp::Le | IntOp::Gt | IntOp::Ge | IntOp::Eq | IntOp::Ne
        )
    }

    /// True if the operation can leave the trace (needs a snapshot).
    pub fn can_fail(self) -> bool {
        matches!(
            self,
            IntOp::Add | IntOp::Sub | IntOp::Mul | IntOp::FloorDiv | IntOp::Mod | IntOp::Shl | IntOp::Shr
        )
    }

    /// Folds two known operands, `None` where the trace would be left.
    pub fn fold(self, x: i64, y: i64) -> Option<i64> {
        use crate::space::standard::numeric::int_ops as k;
        let small = |r: i64| (crate::object::Value::SMALL_MIN..=crate::object::Value::SMALL_MAX).contains(&r);
        let r = match self {
            IntOp::Add => x.checked_add(y)?,
            IntOp::Sub => x.checked_sub(y)?,
            IntOp::Mul => x.checked_mul(y)?,
            IntOp::FloorDiv => k::floordiv(x, y)?,
            IntOp::Mod => k::modulo(x, y)?,
            IntOp::And => x & y,
            IntOp::Or => x | y,
            IntOp::Xor => x ^ y,
            IntOp::Shl => k::shl(x, y)?,
            IntOp::Shr => k::shr(x, y)?,
            IntOp::Lt => (x < y) as i64,
            IntOp::Le => (x <= y) as i64,
            IntOp::Gt => (x > y) as i64,
            IntOp::Ge => (x >= y) as i64,
            IntOp::Eq => (x == y) as i64,
            IntOp::Ne => (x != y) as i64,
        };
        if self.is_comparison() || small(r) {
            Some(r)
        } else {
            None
        }
    }

    /// The operation for a bytecode binary operator on two small ints, if lowered.
    pub fn of(op: BinOp) -> Option<IntOp> {
        Some(match op {
            BinOp::Add | BinOp::InPlaceAdd => IntOp::Add,
            BinOp::Sub => IntOp::Sub,
            BinOp::Mul => IntOp::Mul,
            BinOp::FloorDiv => IntOp::FloorDiv,
            BinOp::Mod => IntOp::Mod,
            BinOp::BitAnd => IntOp::And,
            BinOp::BitOr => IntOp::Or,
            BinOp::BitXor => IntOp::Xor,
            BinOp::Shl => IntOp::Shl,
            BinOp::Shr => IntOp::Shr,
            BinOp::Lt => IntOp::Lt,
            BinOp::Le => IntOp::Le,
            BinOp::Gt => IntOp::Gt,
            BinOp::Ge => IntOp::Ge,
            BinOp::Eq | BinOp::Is => IntOp::Eq,
            BinOp::Ne => IntOp::Ne,
            BinOp::Div | BinOp::Pow | BinOp::In => return None,
        })
    }
}

/// Float operations on unboxed doubles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatOp {
    /// `a + b`
    Add,
    /// `a - b`
    Sub,
    /// `a * b`
    Mul,
    /// `a / b`; leaves the trace on a zero divisor.
    Div,
    /// `a < b`
    Lt,
    /// `a <= b`
    Le,
    /// `a > b`
    Gt,
    /// `a >= b`
    Ge,
    /// `a == b`
    Eq,
    /// `a != b`
    Ne,
}

impl FloatOp {
    /// True for the comparisons (they produce a `Bool`).
    pub fn is_comparison(self) -> bool {
        !matches!(self, FloatOp::Add | FloatOp::Sub | FloatOp::Mul | FloatOp::Div)
    }

    /// The operation for a bytecode binary operator on two floats, if lowered.
    /// Mirrors the standard space's float fast path.
    pub fn of(op: BinOp) -> Option<FloatOp> {
        Some(match op {
            BinOp::Add | BinOp::InPlaceAdd => FloatOp::Add,
            BinOp::Sub => FloatOp::Sub,
            BinOp::Mul => FloatOp::Mul,
            BinOp::Div => FloatOp::Div,
            BinOp::Lt => FloatOp::Lt,
            BinOp::Le => FloatOp::Le,
            BinOp::Gt => FloatOp::Gt,
            BinOp::Ge => FloatOp::Ge,
            BinOp::Eq => FloatOp::Eq,
            BinOp::Ne => FloatOp::Ne,
            _ => return None,
        })
    }
}

/// A call from compiled code into the runtime. Each works on wrapped objects
/// and may raise; the ones marked so may also run guest code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Helper {
    /// `a op b` through the space's multimethod (dispatch cached there).
    Binary(BinOp),
    /// `op a` through the space.
    Unary(UnOp),
    /// Truth value of a wrapped object, as a `Bool`.
    Truth,
    /// `obj[key]`
    GetItem,
    /// `obj[key] = value` (returns nothing useful).
    SetItem,
    /// `obj.name`, the name a wrapped string constant (first argument).
    GetAttr,
    /// `obj.name = value`, the name first.
    SetAttr,
    /// The function `obj.name(...)` would call with `obj` first (`Space::get_method`), or
    /// `EXHAUSTED` when the attribute must be fetched and called as it is; the name first.
    GetMethod,
    /// The global `g` of namespace `ns`.
    LoadGlobal {
        /// Namespace.
        ns: u32,
        /// Slot.
        g: u16,
    },
    /// Sets global `g` of namespace `ns`.
    StoreGlobal {
        /// Namespace.
        ns: u32,
        /// Slot.
        g: u16,
    },
    /// The next item of an iterator, or the `EXHAUSTED` marker.
    Next,
    /// An iterator over a value.
    Iter,
    /// Appends to a list (or set).
    Append,
    /// A new container of `kind` from `count` registers starting at slot `first` (which must
    /// be written back first).
    Build {
        /// What to build.
        kind: crate::space::BuildKind,
        /// First item slot.
        first: u32,
        /// Number of items.
        count: u16,
    },
    /// Unpacks an iterable into `count` registers from slot `first` (in memory).
    Unpack {
        /// First destination slot.
        first: u32,
        /// Number of items.
        count: u16,
    },
    /// The function a bound method (or constructor) calls, or `EXHAUSTED` if the value is not bound.
    BoundFunc,
    /// The receiver of a bound method.
    BoundSelf,
    /// A new cell holding a value.
    NewCell,
    /// The contents of a cell.
    CellGet,
    /// Sets the contents of a cell.
    CellSet,
    /// Cell `idx` of the running closure.
    FreeCell(u16),
    /// Calls the native function (the argument) on `argc` arguments from slot `args` (all in
    /// registers, which must be written back first).
    CallNative {
        /// First argument slot.
        args: u32,
        /// Argument count.
        argc: u8,
    },
    /// Pushes the frame of a guest call of the closure (the argument), its arguments from slot `args`.
    PushFrame {
        /// Code of the callee.
        code: CodeId,
        /// First argument slot (the callee's slot 0).
        args: u32,
        /// Argument count.
        argc: u8,
        /// Register of the caller that receives the result.
        ret: u16,
        /// Where the caller resumes when the callee returns.
        return_pc: u32,
    },
    /// Pops the top frame (the value travels in the trace).
    PopFrame,
}

/// One operation of a trace.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `v := register slot` (boxed).
    LoadSlot {
        /// Slot.
        slot: u32,
    },
    /// `v := register slot` again, after a helper wrote it in memory (never taken for the
    /// value the slot had when the iteration started).
    ReloadSlot {
        /// Slot.
        slot: u32,
    },
    /// `register slot := v` (boxed).
    StoreSlot {
        /// Slot.
        slot: u32,
        /// Value.
        v: Vid,
    },
    /// A constant of the given kind (`bits` is the value's bits, a float's bits, 0/1).
    Const {
        /// Bits.
        bits: u64,
        /// Kind.
        kind: Kind,
    },
    /// Leave unless boxed `v` is a small int.
    GuardInt {
        /// Value.
        v: Vid,
        /// Exit.
        snap: SnapId,
    },
    /// Leave unless boxed `v` is an inline float.
    GuardFloat {
        /// Value.
        v: Vid,
        /// Exit.
        snap: SnapId,
    },
    /// Leave unless boxed `v` has exactly these bits (a known callee, a known object).
    GuardBits {
        /// Value.
        v: Vid,
        /// Expected bits.
        bits: u64,
        /// Exit.
        snap: SnapId,
    },
    /// Leave if boxed `v` has exactly these bits (an iterator's `EXHAUSTED` marker).
    GuardNotBits {
        /// Value.
        v: Vid,
        /// Refused bits.
        bits: u64,
        /// Exit.
        snap: SnapId,
    },
    /// Leave unless `Bool` `v` is `expect`.
    GuardBool {
        /// Value.
        v: Vid,
        /// Expected truth.
        expect: bool,
        /// Exit.
        snap: SnapId,
    },
    /// Int of a boxed small int.
    UnboxInt {
        /// Value.
        v: Vid,
    },
    /// Boxed form of an int.
    BoxInt {
        /// Value.
        v: Vid,
    },
    /// Double of a boxed inline float.
    UnboxFloat {
        /// Value.
        v: Vid,
    },
    /// Boxed form of a double (inline where it fits, else through a helper).
    BoxFloat {
        /// Value.
        v: Vid,
    },
    /// Boxed `true`/`false` of a `Bool`.
    BoxBool {
        /// Value.
        v: Vid,
    },
    /// `not v` on a `Bool`.
    Not {
        /// Value.
        v: Vid,
    },
    /// Int arithmetic or comparison.
    Int {
        /// Operation.
        op: IntOp,
        /// Left.
        a: Vid,
        /// Right.
        b: Vid,
        /// Exit, for the operations that can fail.
        snap: Option<SnapId>,
    },
    /// Float arithmetic or comparison.
    Float {
        /// Operation.
        op: FloatOp,
        /// Left.
        a: Vid,
        /// Right.
        b: Vid,
        /// Exit (for division).
        snap: Option<SnapId>,
    },
    /// A call into the runtime; the result is boxed (or `Bool` for `Truth`).
    Call {
        /// What to call.
        helper: Helper,
        /// Arguments (boxed).
        args: Vec<Vid>,
        /// Where to go if it raises.
        snap: SnapId,
    },
    /// The loop starts here. It is followed by one `Param` per carried slot.
    LoopHeader {
        /// `(slot, kind)` per parameter, in order.
        params: Vec<(u32, Kind)>,
        /// The preamble's values for the parameters (the first entry into the loop).
        entry: Vec<Vid>,
    },
    /// Top of every iteration: pays the iteration's instructions from the budget and
    /// leaves through `snap` when the budget is short or a collection is due.
    Safepoint {
        /// Exit (resumes at the loop header with the carried values).
        snap: SnapId,
    },
    /// Parameter `index` of the loop header: the value of `slot` at the top of each iteration.
    Param {
        /// Position among the header's parameters.
        index: u32,
        /// The slot it carries.
        slot: u32,
        /// Its kind.
        kind: Kind,
    },
    /// Back to the loop header with these values for its parameters.
    Jump {
        /// One per header parameter.
        args: Vec<Vid>,
    },
    /// Leave the trace through `snap` on purpose (the end of a trace that is not a loop).
    Finish {
        /// Exit.
        snap: SnapId,
    },
}

impl Op {
    /// The kind of value this operation defines, if it defines one.
    pub fn result(&self) -> Option<Kind> {
        match self {
            Op::LoadSlot { .. }
            | Op::ReloadSlot { .. }
            | Op::BoxInt { .. }
            | Op::BoxFloat { .. }
            | Op::BoxBool { .. } => Some(Kind::Boxed),
            Op::Const { kind, .. } | Op::Param { kind, .. } => Some(*kind),
            Op::UnboxInt { .. } => Some(Kind::Int),
            Op::UnboxFloat { .. } => Some(Kind::Float),
            Op::Not { .. } => Some(Kind::Bool),
            Op::Int { op, .. } => Some(if op.is_comparison() { Kind::Bool } else { Kind::Int }),
            Op::Float { op, .. } => Some(if op.is_comparison() { Kind::Bool } else { Kind::Float }),
            Op::Call { helper, .. } => match helper {
                Helper::Truth => Some(Kind::Bool),
                _ => Some(Kind::Boxed),
            },
            Op::StoreSlot { .. }
            | Op::GuardInt { .. }
            | Op::GuardFloat { .. }
            | Op::GuardBits { .. }
            | Op::GuardNotBits { .. }
            | Op::GuardBool { .. }
            | Op::LoopHeader { .. }
            | Op::Safepoint { .. }
            | Op::Jump { .. }
            | Op::Finish { .. } => None,
        }
    }

    /// The values this operation reads.
    pub fn uses(&self) -> Vec<Vid> {
        match self {
            Op::LoadSlot { .. }
            | Op::ReloadSlot { .. }
            | Op::Const { .. }
            | Op::Param { .. }
            | Op::Safepoint { .. }
            | Op::Finish { .. } => {
                vec![]
            }
            Op::LoopHeader { entry, .. } => entry.clone(),
            Op::StoreSlot { v, .. }
            | Op::GuardInt { v, .. }
            | Op::GuardFloat { v, .. }
            | Op::GuardBits { v, .. }
            | Op::GuardNotBits { v, .. }
            | Op::GuardBool { v, .. }
            | Op::UnboxInt { v }
            | Op::BoxInt { v }
            | Op::UnboxFloat { v }
            | Op::BoxFloat { v }
            | Op::BoxBool { v }
            | Op::Not { v } => vec![*v],
            Op::Int { a, b, .. } | Op::Float { a, b, .. } => vec![*a, *b],
            Op::Call { args, .. } | Op::Jump { args, .. } => args.clone(),
        }
    }

    /// Rewrites every value this operation reads.
    pub fn map_uses(&mut self, mut f: impl FnMut(Vid) -> Vid) {
        match self {
            Op::LoadSlot { .. }
            | Op::ReloadSlot { .. }
            | Op::Const { .. }
            | Op::Param { .. }
            | Op::Safepoint { .. }
            | Op::Finish { .. } => {}
            Op::LoopHeader { entry, .. } => {
                for a in entry {
                    *a = f(*a);
                }
            }
            Op::StoreSlot { v, .. }
            | Op::GuardInt { v, .. }
            | Op::GuardFloat { v, .. }
            | Op::GuardBits { v, .. }
            | Op::GuardNotBits { v, .. }
            | Op::GuardBool { v, .. }
            | Op::UnboxInt { v }
            | Op::BoxInt { v }
            | Op::UnboxFloat { v }
            | Op::BoxFloat { v }
            | Op::BoxBool { v }
            | Op::Not { v } => *v = f(*v),
            Op::Int { a, b, .. } | Op::Float { a, b, .. } => {
                *a = f(*a);
                *b = f(*b);
            }
            Op::Call { args, .. } | Op::Jump { args, .. } => {
                for a in args {
                    *a = f(*a);
                }
            }
        }
    }

    /// The exit this operation may take.
    pub fn snap(&self) -> Option<SnapId> {
        match self {
            Op::GuardInt { snap, .. }
            | Op::GuardFloat { snap, .. }
            | Op::GuardBits { snap, .. }
            | Op::GuardNotBits { snap, .. }
            | Op::GuardBool { snap, .. }
            | Op::Call { snap, .. }
            | Op::Safepoint { snap }
            | Op::Finish { snap } => Some(*snap),
            Op::Int { snap, .. } | Op::Float { snap, .. } => *snap,
            _ => None,
        }
    }

    /// Mutable access to the exit, for renumbering.
    pub fn snap_mut(&mut self) -> Option<&mut SnapId> {
        match self {
            Op::GuardInt { snap, .. }
            | Op::GuardFloat { snap, .. }
            | Op::GuardBits { snap, .. }
            | Op::GuardNotBits { snap, .. }
            | Op::GuardBool { snap, .. }
            | Op::Call { snap, .. }
            | Op::Safepoint { snap }
            | Op::Finish { snap } => Some(snap),
            Op::Int { snap, .. } | Op::Float { snap, .. } => snap.as_mut(),
            _ => None,
        }
    }

    /// True if removing it (when its result is unused) changes nothing.
    pub fn is_pure(&self) -> bool {
        match self {
            Op::LoadSlot { .. }
            | Op::ReloadSlot { .. }
            | Op::Const { .. }
            | Op::UnboxInt { .. }
            | Op::BoxInt { .. }
            | Op::UnboxFloat { .. }
            | Op::BoxFloat { .. }
            | Op::BoxBool { .. }
            | Op::Not { .. } => true,
            Op::Int { snap, .. } | Op::Float { snap, .. } => snap.is_none(),
            _ => false,
        }
    }
}

/// One entry of the trace: an operation and the value it defines.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The value defined (meaningless when the op defines none).
    pub id: Vid,
    /// The operation.
    pub op: Op,
}

/// What happens when the trace ends on purpose through a `Finish`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Back to the interpreter.
    Interpreter,
    /// Into the loop compiled for this header (`code`, `pc`).
    Loop(CodeId, u32),
}

/// A recorded (and later optimized) trace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// Operations, in order. Loop traces contain one `LoopHeader` and end in `Jump`.
    pub ops: Vec<Entry>,
    /// Exits.
    pub snaps: Vec<Snapshot>,
    /// Number of values defined so far (the next `Vid`).
    pub next_vid: u32,
    /// Highest slot touched plus one (the register window the trace needs).
    pub slots: u32,
    /// Instructions one pass over the recorded path executes (budget accounting).
    pub length: u32,
    /// Where a non-loop trace goes when it finishes.
    pub ending: Option<Ending>,
}

impl Trace {
    /// A new value id.
    pub fn fresh(&mut self) -> Vid {
        let v = Vid(self.next_vid);
        self.next_vid += 1;
        v
    }

    /// Appends an operation, returning the value it defines.
    pub fn push(&mut self, op: Op) -> Vid {
        let id = self.fresh();
        if let Op::StoreSlot { slot, .. } | Op::LoadSlot { slot } | Op::ReloadSlot { slot } = op {
            self.slots = self.slots.max(slot + 1);
        }
        self.ops.push(Entry { id, op });
        id
    }

    /// Adds an exit.
    pub fn snapshot(&mut self, snap: Snapshot) -> SnapId {
        for (slot, _) in &snap.writes {
            self.slots = self.slots.max(slot + 1);
        }
        self.snaps.push(snap);
        SnapId(self.snaps.len() as u32 - 1)
    }

    /// Counts operations matching a predicate (for tests and the log).
    pub fn count(&self, pred: impl Fn(&Op) -> bool) -> usize {
        self.ops.iter().filter(|e| pred(&e.op)).count()
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.ops {
            let def = match e.op.result() {
                Some(k) => format!("{}:{} = ", e.id, k.letter()),
                None => String::new(),
            };
            let text = match &e.op {
                Op::LoadSlot { slot } => format!("load_slot s{slot}"),
                Op::ReloadSlot { slot } => format!("reload_slot s{slot}"),
                Op::StoreSlot { slot, v } => format!("store_slot s{slot}, {v}"),
                Op::Const { bits, kind } => match kind {
                    Kind::Float => format!("const {}", f64::from_bits(*bits)),
                    Kind::Int => format!("const {}", *bits as i64),
                    Kind::Bool => format!("const {}", *bits != 0),
                    Kind::Boxed => format!("const {:#x}", bits),
                },
                Op::GuardInt { v, snap } => format!("guard_int {v} else exit{}", snap.0),
                Op::GuardFloat { v, snap } => format!("guard_float {v} else exit{}", snap.0),
                Op::GuardBits { v, bits, snap } => format!("guard_bits {v} == {bits:#x} else exit{}", snap.0),
                Op::GuardNotBits { v, bits, snap } => format!("guard_not_bits {v} != {bits:#x} else exit{}", snap.0),
                Op::GuardBool { v, expect, snap } => format!("guard_{expect} {v} else exit{}", snap.0),
                Op::UnboxInt { v } => format!("unbox_int {v}"),
                Op::BoxInt { v } => format!("box_int {v}"),
                Op::UnboxFloat { v } => format!("unbox_float {v}"),
                Op::BoxFloat { v } => format!("box_float {v}"),
                Op::BoxBool { v } => format!("box_bool {v}"),
                Op::Not { v } => format!("not {v}"),
                Op::Int { op, a, b, snap } => match snap {
                    Some(s) => format!("int_{op:?} {a}, {b} else exit{}", s.0).to_lowercase(),
                    None => format!("int_{op:?} {a}, {b}").to_lowercase(),
                },
                Op::Float { op, a, b, snap } => match snap {
                    Some(s) => format!("float_{op:?} {a}, {b} else exit{}", s.0).to_lowercase(),
                    None => format!("float_{op:?} {a}, {b}").to_lowercase(),
                },
                Op::Call { helper, args, snap } => {
                    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                    format!("call {:?}({}) else exit{}", helper, args.join(", "), snap.0)
                }
                Op::LoopHeader { params, .. } => format!("loop_header ({} carried)", params.len()),
                Op::Param { index, slot, .. } => format!("param #{index} s{slot}"),
                Op::Safepoint { snap } => format!("safepoint else exit{}", snap.0),
                Op::Jump { args } => {
                    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                    format!("jump [{}]", args.join(", "))
                }
                Op::Finish { snap } => format!("finish exit{}", snap.0),
            };
            writeln!(f, "  {def}{text}")?;
        }
        for (i, s) in self.snaps.iter().enumerate() {
            let writes: Vec<String> = s.writes.iter().map(|(slot, v)| format!("s{slot}={v}")).collect();
            writeln!(
                f,
                "  exit{i}: resume {}@{} depth {} writes [{}]",
                s.code,
                s.pc,
                s.depth,
                writes.join(", ")
            )?;
        }
        Ok(())
    }
}
