//! The recorder: turns the instructions the main loop executes into trace IR.
//!
//! Recording does not interpret anything itself. The main loop runs exactly
//! as always; before each instruction it hands the recorder the instruction
//! and the machine state (registers, frame), and the recorder writes down
//! what that instruction did *on this path*. Where the outcome matters (a
//! branch, the end of an iterator) the recorder waits for the next
//! instruction and reads the outcome from where the loop went.
//!
//! Multimethod dispatch is resolved here: the recorder looks at the concrete
//! operands and, where the standard space's fast path would have handled
//! them (two small ints, two inline floats), writes a type guard plus a
//! primitive operation; otherwise a call of the space's operation. The
//! lowered primitives mirror `StandardSpace::binary`'s fast path exactly, so
//! they cannot disagree with the interpreter.

use super::ir::{Ending, FloatOp, Helper, IntOp, Kind, Op, SnapId, Snapshot, Trace, Vid};
use crate::bytecode::{BinOp, CodeId, Instr, UnOp};
use crate::interp::Interp;
use crate::object::Value;
use crate::space::standard::StandardSpace;
use crate::space::{Callee, Space};
use std::collections::{BTreeMap, BTreeSet};

/// Longest trace the recorder accepts (in instructions).
pub const MAX_TRACE_LENGTH: u32 = 3000;

/// Why recording stopped without a trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Abort(pub String, pub Retry);

/// What to do after an abort.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Retry {
    /// The path cannot be traced: count it against the header (given up after a few).
    Penalize,
    /// Bad timing (the loop ended while it was being recorded): try again at the next back edge.
    Soon,
    /// An inner loop must be compiled first: make it record at its next back edge.
    InnerFirst(CodeId, u32),
}

impl Abort {
    fn new(why: impl Into<String>) -> Abort {
        Abort(why.into(), Retry::Penalize)
    }
}

/// What a recording is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A loop starting at its header.
    Loop,
    /// A bridge from an exit of a compiled trace.
    Bridge {
        /// The trace the exit belongs to.
        trace: usize,
        /// The exit.
        exit: u32,
    },
}

/// The trace's current knowledge of one slot.
#[derive(Clone, Copy, Debug)]
struct SlotVal {
    v: Vid,
    kind: Kind,
}

/// An instruction whose outcome is read from the next state.
#[derive(Clone, Copy, Debug)]
enum Pending {
    /// A conditional branch on the value in `cond` (already read), not yet guarded.
    Branch {
        cond: SlotVal,
        cond_bits: u64,
        pc: u32,
        target: u32,
        if_true: bool,
    },
    /// A `ForIter` whose `next` result is `item`, to be stored in `slot` unless exhausted.
    Next { item: Vid, slot: u32, pc: u32, target: u32 },
    /// A `LoadMethod` whose `get_method` result is `method`; the flag register says which way
    /// the interpreter went. `before` resumes at the `LoadMethod` itself.
    Method {
        method: Vid,
        name: Vid,
        recv: Vid,
        flag: u32,
        f: u32,
        before: SnapId,
    },
}

/// What the recorder sees before each instruction.
pub struct State<'a> {
    /// Code of the top frame.
    pub code: CodeId,
    /// Its pc (the instruction about to run).
    pub pc: u32,
    /// Frames on the stack.
    pub depth: usize,
    /// Base register of the top frame.
    pub base: usize,
    /// The instruction about to run.
    pub instr: Instr,
    /// The interpreter (read only here, except the space's `callee`).
    pub vm: &'a mut Interp<StandardSpace>,
}

/// A recording in progress.
pub struct Recorder {
    /// The trace so far.
    pub trace: Trace,
    /// What is being recorded.
    pub purpose: Purpose,
    /// Where the recording started (for a loop: its header).
    pub start: (CodeId, u32),
    /// Absolute base register of the starting frame.
    pub base: usize,
    /// Frames on the stack when recording started.
    pub depth0: usize,
    /// The interpreter's nesting level when recording started (nested runs are not recorded).
    pub nesting: usize,
    slots: BTreeMap<u32, SlotVal>,
    written: BTreeMap<u32, ()>,
    pending: Option<Pending>,
    executed: u32,
    started: bool,
    clobbered: BTreeSet<u32>,
}

/// What the recorder wants after seeing an instruction.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// Go on recording.
    Continue,
    /// The trace is complete.
    Done,
}

fn small_int(bits: u64) -> bool {
    bits & 1 == 1
}

fn small_float(bits: u64) -> bool {
    bits & 7 == 4
}

impl Recorder {
    /// Starts recording at `(code, pc)` in the frame with base `base`.
    pub fn new(purpose: Purpose, code: CodeId, pc: u32, base: usize, depth0: usize, nesting: usize) -> Recorder {
        Recorder {
            trace: Trace::default(),
            purpose,
            start: (code, pc),
            base,
            depth0,
            nesting,
            slots: BTreeMap::new(),
            written: BTreeMap::new(),
            pending: None,
            executed: 0,
            started: false,
            clobbered: BTreeSet::new(),
        }
    }

    fn slot(&self, st: &State, reg: u16) -> u32 {
        (st.base - self.base) as u32 + reg as u32
    }

    fn concrete(&self, st: &State, reg: u16) -> u64 {
        st.vm.regs[st.base + reg as usize].bits()
    }

    /// An exit that resumes at `pc` of the top frame, with the slots written so far.
    fn snap_at(&mut self, code: CodeId, pc: u32, depth: usize) -> SnapId {
        let writes = self
            .written
            .keys()
            .filter_map(|s| self.slots.get(s).map(|sv| (*s, sv.v)))
            .collect();
        self.trace.snapshot(Snapshot {
            pc,
            code,
            depth: (depth - self.depth0) as u32,
            writes,
            executed: self.executed,
        })
    }

    fn snap_here(&mut self, st: &State) -> SnapId {
        self.snap_at(st.code, st.pc, st.depth)
    }

    fn read(&mut self, slot: u32) -> SlotVal {
        if let Some(sv) = self.slots.get(&slot) {
            return *sv;
        }
        let v = self.trace.push(Op::LoadSlot { slot });
        let sv = SlotVal { v, kind: Kind::Boxed };
        self.slots.insert(slot, sv);
        sv
    }

    /// The slot's value boxed (a wrapped object).
    fn read_boxed(&mut self, slot: u32) -> Vid {
        let sv = self.read(slot);
        self.boxed(sv)
    }

    fn boxed(&mut self, sv: SlotVal) -> Vid {
        match sv.kind {
            Kind::Boxed => sv.v,
            Kind::Int => self.trace.push(Op::BoxInt { v: sv.v }),
            Kind::Float => self.trace.push(Op::BoxFloat { v: sv.v }),
            Kind::Bool => self.trace.push(Op::BoxBool { v: sv.v }),
        }
    }

    /// The slot's value as an unboxed int (its concrete value is a small int).
    fn read_int(&mut self, st: &State, slot: u32) -> Vid {
        let sv = self.read(slot);
        match sv.kind {
            Kind::Int => sv.v,
            _ => {
                let b = self.boxed(sv);
                let snap = self.snap_here(st);
                self.trace.push(Op::GuardInt { v: b, snap });
                let i = self.trace.push(Op::UnboxInt { v: b });
                self.slots.insert(slot, SlotVal { v: i, kind: Kind::Int });
                i
            }
        }
    }

    /// The slot's value as an unboxed double (its concrete value is an inline float).
    fn read_float(&mut self, st: &State, slot: u32) -> Vid {
        let sv = self.read(slot);
        match sv.kind {
            Kind::Float => sv.v,
            _ => {
                let b = self.boxed(sv);
                let snap = self.snap_here(st);
                self.trace.push(Op::GuardFloat { v: b, snap });
                let f = self.trace.push(Op::UnboxFloat { v: b });
                self.slots.insert(
                    slot,
                    SlotVal {
                        v: f,
                        kind: Kind::Float,
                    },
                );
                f
            }
        }
    }

    /// `slot := v`. Boxed values go to memory at once, so the collector sees them.
    fn write(&mut self, slot: u32, v: Vid, kind: Kind) {
        if kind == Kind::Boxed {
            self.trace.push(Op::StoreSlot { slot, v });
        }
        self.slots.insert(slot, SlotVal { v, kind });
        self.written.insert(slot, ());
        self.trace.slots = self.trace.slots.max(slot + 1);
    }

    /// Writes the slots `first..first + count` back to memory (a helper reads them there).
    fn spill(&mut self, first: u32, count: u32) {
        for slot in first..first + count {
            if let Some(sv) = self.slots.get(&slot).copied() {
                if sv.kind != Kind::Boxed {
                    let b = self.boxed(sv);
                    self.trace.push(Op::StoreSlot { slot, v: b });
                    self.slots.insert(
                        slot,
                        SlotVal {
                            v: b,
                            kind: Kind::Boxed,
                        },
                    );
                }
            }
        }
    }

    /// A helper wrote `first..first + count` in memory: read them back as the current values.
    fn reload(&mut self, first: u32, count: u32) {
        for slot in first..first + count {
            let v = self.trace.push(Op::ReloadSlot { slot });
            self.slots.insert(slot, SlotVal { v, kind: Kind::Boxed });
            self.written.insert(slot, ());
            self.clobbered.insert(slot);
        }
    }

    fn call(&mut self, st: &State, helper: Helper, args: Vec<Vid>) -> Vid {
        let snap = self.snap_here(st);
        self.trace.push(Op::Call { helper, args, snap })
    }

    fn constant(&mut self, bits: u64) -> SlotVal {
        if small_int(bits) {
            let v = self.trace.push(Op::Const {
                bits: ((bits as i64) >> 1) as u64,
                kind: Kind::Int,
            });
            SlotVal { v, kind: Kind::Int }
        } else if small_float(bits) {
            let f = Value::from_bits(bits).as_small_float().unwrap_or(0.0);
            let v = self.trace.push(Op::Const {
                bits: f.to_bits(),
                kind: Kind::Float,
            });
            SlotVal { v, kind: Kind::Float }
        } else {
            let v = self.trace.push(Op::Const {
                bits,
                kind: Kind::Boxed,
            });
            SlotVal { v, kind: Kind::Boxed }
        }
    }

    /// Completes a pending instruction now that its outcome is visible.
    fn settle(&mut self, st: &State) -> Result<(), Abort> {
        let Some(p) = self.pending.take() else {
            return Ok(());
        };
        let here = st.pc;
        match p {
            Pending::Branch {
                cond,
                cond_bits,
                pc,
                target,
                if_true,
            } => {
                let taken = here == target && here != pc + 1;
                // If the guard fails, the other way is the right one.
                let other = if taken { pc + 1 } else { target };
                let snap = self.snap_at(st.code, other, st.depth);
                let truth = match cond.kind {
                    Kind::Bool => Some(cond.v),
                    Kind::Int => {
                        let zero = self.trace.push(Op::Const {
                            bits: 0,
                            kind: Kind::Int,
                        });
                        Some(self.trace.push(Op::Int {
                            op: IntOp::Ne,
                            a: cond.v,
                            b: zero,
                            snap: None,
                        }))
                    }
                    Kind::Float => return Err(Abort::new("branch on a float")),
                    Kind::Boxed => None,
                };
                // The truth the main loop saw, read from where it went.
                let seen = if if_true { taken } else { !taken };
                match truth {
                    Some(t) => {
                        self.trace.push(Op::GuardBool {
                            v: t,
                            expect: seen,
                            snap,
                        });
                    }
                    None => {
                        if cond_bits == Value::TRUE.bits()
                            || cond_bits == Value::FALSE.bits()
                            || cond_bits == Value::NONE.bits()
                        {
                            self.trace.push(Op::GuardBits {
                                v: cond.v,
                                bits: cond_bits,
                                snap,
                            });
                        } else {
                            // Anything else: ask the space in compiled code, once; if that
                            // raises, the branch instruction is where it raised.
                            let s2 = self.snap_at(st.code, pc, st.depth);
                            let s = &mut self.trace.snaps[s2.0 as usize];
                            s.executed = s.executed.saturating_sub(1);
                            let t = self.trace.push(Op::Call {
                                helper: Helper::Truth,
                                args: vec![cond.v],
                                snap: s2,
                            });
                            self.trace.push(Op::GuardBool {
                                v: t,
                                expect: seen,
                                snap,
                            });
                        }
                    }
                }
            }
            Pending::Method {
                method,
                name,
                recv,
                flag,
                f,
                before,
            } => {
                let exhausted = Value::EXHAUSTED.bits();
                let flag_bits = st.vm.regs[self.base + flag as usize].bits();
                if flag_bits == Value::TRUE.bits() {
                    self.trace.push(Op::GuardNotBits {
                        v: method,
                        bits: exhausted,
                        snap: before,
                    });
                    self.write(f, method, Kind::Boxed);
                } else {
                    self.trace.push(Op::GuardBits {
                        v: method,
                        bits: exhausted,
                        snap: before,
                    });
                    let attr = self.trace.push(Op::Call {
                        helper: Helper::GetAttr,
                        args: vec![name, recv],
                        snap: before,
                    });
                    self.write(f, attr, Kind::Boxed);
                }
                let c = self.trace.push(Op::Const {
                    bits: flag_bits,
                    kind: Kind::Boxed,
                });
                self.write(flag, c, Kind::Boxed);
            }
            Pending::Next { item, slot, pc, target } => {
                let exhausted = here == target && here != pc + 1;
                let exhausted_bits = Value::EXHAUSTED.bits();
                if exhausted {
                    // Leaving with an item means the loop goes on: resume after ForIter with it.
                    let mut snap = self.snap_at(st.code, pc + 1, st.depth);
                    let s = &mut self.trace.snaps[snap.0 as usize];
                    s.writes.retain(|(w, _)| *w != slot);
                    s.writes.push((slot, item));
                    s.writes.sort_by_key(|(w, _)| *w);
                    let copy = s.clone();
                    snap = self.trace.snapshot(copy);
                    self.trace.push(Op::GuardBits {
                        v: item,
                        bits: exhausted_bits,
                        snap,
                    });
                } else {
                    let snap = self.snap_at(st.code, target, st.depth);
                    self.trace.push(Op::GuardNotBits {
                        v: item,
                        bits: exhausted_bits,
                        snap,
                    });
                    self.write(slot, item, Kind::Boxed);
                }
            }
        }
        Ok(())
    }

    /// Records the instruction about to run. `Done` means the trace is complete
    /// (and this instruction is not part of it).
    pub fn record(&mut self, st: &mut State) -> Result<Step, Abort> {
        if st.depth < self.depth0 {
            return Err(Abort(
                "returned from the frame the trace started in".into(),
                Retry::Soon,
            ));
        }
        self.settle(st)?;
        if self.started && st.depth == self.depth0 && (st.code, st.pc) == self.start {
            // Back where it started: a loop (a bridge that comes back to its own start is a
            // loop too, whose header is that exit's resume point).
            return Ok(Step::Done);
        }
        self.started = true;
        if self.executed >= MAX_TRACE_LENGTH {
            return Err(Abort::new(format!("trace longer than {MAX_TRACE_LENGTH} instructions")));
        }
        self.instruction(st)?;
        if self.trace.ending.is_some() {
            return Ok(Step::Done);
        }
        self.executed += 1;
        self.trace.length = self.executed;
        Ok(Step::Continue)
    }

    /// Ends a bridge (or a loop trace that reached another compiled loop) at that
    /// loop's header, to be continued there.
    pub fn finish_at(&mut self, code: CodeId, pc: u32, depth: usize) {
        let snap = self.snap_at(code, pc, depth);
        self.trace.push(Op::Finish { snap });
        self.trace.ending = Some(Ending::Loop(code, pc));
    }

    /// Slots whose memory a helper overwrote (a pushed frame clears its registers): they are
    /// never loop invariant.
    pub fn clobbered(&self) -> &BTreeSet<u32> {
        &self.clobbered
    }

    /// The end state: the value of every written slot, for loop peeling.
    pub fn end_state(&self) -> Vec<(u32, Vid, Kind)> {
        self.written
            .keys()
            .filter_map(|s| self.slots.get(s).map(|sv| (*s, sv.v, sv.kind)))
            .collect()
    }

    fn instruction(&mut self, st: &mut State) -> Result<(), Abort> {
        let instr = st.instr;
        match instr {
            Instr::LoadConst { dst, k } => {
                let loaded = st.vm.codes[st.code.0 as usize].clone();
                let bits = loaded.consts[k.0 as usize].bits();
                let c = self.constant(bits);
                let slot = self.slot(st, dst.0);
                self.write(slot, c.v, c.kind);
            }
            Instr::CheckBound { reg, .. } => {
                let sv = self.read(self.slot(st, reg.0));
                if sv.kind == Kind::Boxed {
                    let snap = self.snap_here(st);
                    self.trace.push(Op::GuardNotBits {
                        v: sv.v,
                        bits: Value::UNBOUND.bits(),
                        snap,
                    });
                }
            }
            Instr::Unbind { reg } => {
                let c = self.constant(Value::UNBOUND.bits());
                let slot = self.slot(st, reg.0);
                self.write(slot, c.v, c.kind);
            }
            Instr::Move { dst, src } => {
                let sv = self.read(self.slot(st, src.0));
                let slot = self.slot(st, dst.0);
                self.write(slot, sv.v, sv.kind);
            }
            Instr::LoadGlobal { dst, g } => {
                let ns = st.vm.codes[st.code.0 as usize].ns;
                let v = self.call(st, Helper::LoadGlobal { ns, g: g.0 }, vec![]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::StoreGlobal { g, src } => {
                let ns = st.vm.codes[st.code.0 as usize].ns;
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::StoreGlobal { ns, g: g.0 }, vec![v]);
            }
            Instr::Binary { op, dst, a, b } => self.binary(st, op, dst.0, a.0, b.0),
            Instr::Unary { op, dst, a } => self.unary(st, op, dst.0, a.0),
            Instr::Jump { .. } => {}
            Instr::JumpBack { target } => {
                let header = (st.code, target.0);
                let ours = st.depth == self.depth0 && header == self.start;
                if !ours {
                    let compiled = super::has_loop(st.vm, st.code, target.0);
                    if self.purpose != Purpose::Loop && st.depth == self.depth0 && compiled {
                        // A bridge ends where a compiled loop begins: continue in it.
                        self.executed += 1;
                        self.trace.length = self.executed;
                        self.finish_at(st.code, target.0, st.depth);
                        return Ok(());
                    }
                    if compiled {
                        // A loop's recording left its loop: it started at a bad moment.
                        return Err(Abort("left the loop while recording it".into(), Retry::Soon));
                    }
                    if self.purpose != Purpose::Loop {
                        // A bridge runs on through an outer loop's back edge (that loop is
                        // covered by bridges like this one) until it reaches a compiled loop.
                        return Ok(());
                    }
                    return Err(Abort(
                        "entered an inner loop that is not compiled yet".into(),
                        Retry::InnerFirst(st.code, target.0),
                    ));
                }
            }
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
                let slot = self.slot(st, cond.0);
                let bits = self.concrete(st, cond.0);
                let mut sv = self.read(slot);
                if sv.kind == Kind::Boxed && small_int(bits) {
                    let v = self.read_int(st, slot);
                    sv = SlotVal { v, kind: Kind::Int };
                }
                self.pending = Some(Pending::Branch {
                    cond: sv,
                    cond_bits: bits,
                    pc: st.pc,
                    target: target.0,
                    if_true: matches!(instr, Instr::JumpIfTrue { .. }),
                });
            }
            Instr::Call { dst, f, args, argc } => self.call_instr(st, dst.0, f.0, args.0, argc)?,
            Instr::LoadMethod { flag, f, name } => {
                let bits = st.vm.codes[st.code.0 as usize].consts[name.0 as usize].bits();
                let n = self.trace.push(Op::Const {
                    bits,
                    kind: Kind::Boxed,
                });
                let recv = self.read_boxed(self.slot(st, f.0 + 1));
                let before = self.snap_here(st);
                let method = self.trace.push(Op::Call {
                    helper: Helper::GetMethod,
                    args: vec![n, recv],
                    snap: before,
                });
                self.pending = Some(Pending::Method {
                    method,
                    name: n,
                    recv,
                    flag: self.slot(st, flag.0),
                    f: self.slot(st, f.0),
                    before,
                });
            }
            Instr::CallMethod { dst, flag, f, argc } => {
                // What the main loop turns it into: a plain call, with or without the receiver.
                let bits = self.concrete(st, flag.0);
                let v = self.read_boxed(self.slot(st, flag.0));
                let snap = self.snap_here(st);
                self.trace.push(Op::GuardBits { v, bits, snap });
                if bits == Value::TRUE.bits() {
                    self.call_instr(st, dst.0, f.0, f.0 + 1, argc.saturating_add(1))?
                } else {
                    self.call_instr(st, dst.0, f.0, f.0 + 2, argc)?
                }
            }
            Instr::Return { src } => {
                if st.depth == self.depth0 {
                    if self.purpose != Purpose::Loop {
                        // A bridge may end anywhere: the interpreter does the return.
                        let snap = self.snap_at(st.code, st.pc, st.depth);
                        self.trace.push(Op::Finish { snap });
                        self.trace.ending = Some(Ending::Interpreter);
                        return Ok(());
                    }
                    return Err(Abort("return from the trace's own frame".into(), Retry::Soon));
                }
                let v = self.read_boxed(self.slot(st, src.0));
                let ret = st.vm.frames.last().map(|f| f.ret.0).unwrap_or(0);
                self.call(st, Helper::PopFrame, vec![]);
                // The callee's registers are dead now.
                let callee_base = (st.base - self.base) as u32;
                self.written.retain(|s, _| *s < callee_base);
                self.slots.retain(|s, _| *s < callee_base);
                let caller_base = st.vm.frames[st.depth - 2].base as usize;
                let slot = (caller_base - self.base) as u32 + ret as u32;
                self.write(slot, v, Kind::Boxed);
            }
            Instr::GetItem { dst, obj, key } => {
                let o = self.read_boxed(self.slot(st, obj.0));
                let k = self.read_boxed(self.slot(st, key.0));
                let v = self.call(st, Helper::GetItem, vec![o, k]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::SetItem { obj, key, src } => {
                let o = self.read_boxed(self.slot(st, obj.0));
                let k = self.read_boxed(self.slot(st, key.0));
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::SetItem, vec![o, k, v]);
            }
            Instr::GetAttr { dst, obj, name } => {
                let bits = st.vm.codes[st.code.0 as usize].consts[name.0 as usize].bits();
                let n = self.trace.push(Op::Const {
                    bits,
                    kind: Kind::Boxed,
                });
                let o = self.read_boxed(self.slot(st, obj.0));
                let v = self.call(st, Helper::GetAttr, vec![n, o]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::SetAttr { obj, name, src } => {
                let bits = st.vm.codes[st.code.0 as usize].consts[name.0 as usize].bits();
                let n = self.trace.push(Op::Const {
                    bits,
                    kind: Kind::Boxed,
                });
                let o = self.read_boxed(self.slot(st, obj.0));
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::SetAttr, vec![n, o, v]);
            }
            Instr::GetIter { dst, src } => {
                let o = self.read_boxed(self.slot(st, src.0));
                let v = self.call(st, Helper::Iter, vec![o]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::ForIter { iter, target } => {
                let it = self.read_boxed(self.slot(st, iter.0));
                let item = self.call(st, Helper::Next, vec![it]);
                self.pending = Some(Pending::Next {
                    item,
                    slot: self.slot(st, iter.0) + 1,
                    pc: st.pc,
                    target: target.0,
                });
            }
            Instr::Append { list, src } => {
                let l = self.read_boxed(self.slot(st, list.0));
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::Append, vec![l, v]);
            }
            Instr::Build {
                kind,
                dst,
                first,
                count,
            } => {
                let first = self.slot(st, first.0);
                self.spill(first, count as u32);
                let v = self.call(st, Helper::Build { kind, first, count }, vec![]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::Unpack { first, src, count } => {
                let o = self.read_boxed(self.slot(st, src.0));
                let first = self.slot(st, first.0);
                self.call(st, Helper::Unpack { first, count }, vec![o]);
                self.reload(first, count as u32);
            }
            Instr::LoadCell { dst, cell } => {
                let c = self.read_boxed(self.slot(st, cell.0));
                let v = self.call(st, Helper::CellGet, vec![c]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::StoreCell { cell, src } => {
                let c = self.read_boxed(self.slot(st, cell.0));
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::CellSet, vec![c, v]);
            }
            Instr::NewCell { dst, src } => {
                let v = self.read_boxed(self.slot(st, src.0));
                let c = self.call(st, Helper::NewCell, vec![v]);
                let slot = self.slot(st, dst.0);
                self.write(slot, c, Kind::Boxed);
            }
            Instr::LoadFree { dst, idx } => {
                let c = self.call(st, Helper::FreeCell(idx), vec![]);
                let v = self.call(st, Helper::CellGet, vec![c]);
                let slot = self.slot(st, dst.0);
                self.write(slot, v, Kind::Boxed);
            }
            Instr::StoreFree { idx, src } => {
                let c = self.call(st, Helper::FreeCell(idx), vec![]);
                let v = self.read_boxed(self.slot(st, src.0));
                self.call(st, Helper::CellSet, vec![c, v]);
            }
            Instr::TailCall { .. }
            | Instr::CallEx { .. }
            | Instr::MakeClosure { .. }
            | Instr::Raise { .. }
            | Instr::Yield { .. }
            | Instr::DelGlobal { .. }
            | Instr::DelItem { .. }
            | Instr::DelAttr { .. } => {
                return Err(Abort::new(format!(
                    "{} is not traced yet",
                    crate::bytecode::disasm::instr_text(&instr)
                        .split_whitespace()
                        .next()
                        .unwrap_or("?")
                )))
            }
        }
        Ok(())
    }

    fn binary(&mut self, st: &mut State, op: BinOp, dst: u16, a: u16, b: u16) {
        let (x, y) = (self.concrete(st, a), self.concrete(st, b));
        let (sa, sb, sd) = (self.slot(st, a), self.slot(st, b), self.slot(st, dst));
        let fast = st.vm.space.config().fast_paths;
        if fast && small_int(x) && small_int(y) {
            if let Some(iop) = IntOp::of(op) {
                let (xi, yi) = ((x as i64) >> 1, (y as i64) >> 1);
                // Where the interpreter's fast path would have declined (overflow into a
                // bigint, a zero divisor), the generic call is the faithful recording.
                if iop.fold(xi, yi).is_some() {
                    let va = self.read_int(st, sa);
                    let vb = self.read_int(st, sb);
                    let snap = if iop.can_fail() { Some(self.snap_here(st)) } else { None };
                    let r = self.trace.push(Op::Int {
                        op: iop,
                        a: va,
                        b: vb,
                        snap,
                    });
                    let kind = if iop.is_comparison() { Kind::Bool } else { Kind::Int };
                    self.write(sd, r, kind);
                    return;
                }
            }
        }
        if fast && small_float(x) && small_float(y) {
            if let Some(fop) = FloatOp::of(op) {
                let yf = Value::from_bits(y).as_small_float().unwrap_or(0.0);
                if fop != FloatOp::Div || yf != 0.0 {
                    let va = self.read_float(st, sa);
                    let vb = self.read_float(st, sb);
                    let snap = if fop == FloatOp::Div {
                        Some(self.snap_here(st))
                    } else {
                        None
                    };
                    let r = self.trace.push(Op::Float {
                        op: fop,
                        a: va,
                        b: vb,
                        snap,
                    });
                    let kind = if fop.is_comparison() { Kind::Bool } else { Kind::Float };
                    self.write(sd, r, kind);
                    return;
                }
            }
        }
        let va = self.read_boxed(sa);
        let vb = self.read_boxed(sb);
        let r = self.call(st, Helper::Binary(op), vec![va, vb]);
        self.write(sd, r, Kind::Boxed);
    }

    fn unary(&mut self, st: &mut State, op: UnOp, dst: u16, a: u16) {
        let x = self.concrete(st, a);
        let (sa, sd) = (self.slot(st, a), self.slot(st, dst));
        if op == UnOp::Not {
            let sv = self.read(sa);
            let t = match sv.kind {
                Kind::Bool => Some(sv.v),
                Kind::Int => {
                    let zero = self.trace.push(Op::Const {
                        bits: 0,
                        kind: Kind::Int,
                    });
                    Some(self.trace.push(Op::Int {
                        op: IntOp::Ne,
                        a: sv.v,
                        b: zero,
                        snap: None,
                    }))
                }
                _ => None,
            };
            if let Some(t) = t {
                let r = self.trace.push(Op::Not { v: t });
                self.write(sd, r, Kind::Bool);
                return;
            }
        }
        if op == UnOp::Neg && small_int(x) && (x as i64 >> 1) != Value::SMALL_MIN {
            let v = self.read_int(st, sa);
            let zero = self.trace.push(Op::Const {
                bits: 0,
                kind: Kind::Int,
            });
            let snap = Some(self.snap_here(st));
            let r = self.trace.push(Op::Int {
                op: IntOp::Sub,
                a: zero,
                b: v,
                snap,
            });
            self.write(sd, r, Kind::Int);
            return;
        }
        let v = self.read_boxed(sa);
        let r = self.call(st, Helper::Unary(op), vec![v]);
        self.write(sd, r, Kind::Boxed);
    }

    fn call_instr(&mut self, st: &mut State, dst: u16, f: u16, args: u16, argc: u8) -> Result<(), Abort> {
        let fbits = self.concrete(st, f);
        let fslot = self.slot(st, f);
        let first = self.slot(st, args);
        let mut argc = argc as u32;
        let fv = self.read_boxed(fslot);
        let snap = self.snap_here(st);
        let mut callee = st
            .vm
            .space
            .callee(&Value::from_bits(fbits))
            .map_err(|e| Abort::new(e.message.clone()))?;
        let func = match callee {
            Callee::Bound { func, .. } => {
                // What `resolve_callee` does: the receiver becomes the first argument.
                let got = self.trace.push(Op::Call {
                    helper: Helper::BoundFunc,
                    args: vec![fv],
                    snap,
                });
                self.trace.push(Op::GuardBits {
                    v: got,
                    bits: func.bits(),
                    snap,
                });
                let recv = self.trace.push(Op::Call {
                    helper: Helper::BoundSelf,
                    args: vec![fv],
                    snap,
                });
                for i in (0..argc).rev() {
                    let sv = self.read(first + i);
                    self.write(first + i + 1, sv.v, sv.kind);
                }
                self.write(first, recv, Kind::Boxed);
                argc += 1;
                callee = st.vm.space.callee(&func).map_err(|e| Abort::new(e.message.clone()))?;
                got
            }
            _ => {
                self.trace.push(Op::GuardBits {
                    v: fv,
                    bits: fbits,
                    snap,
                });
                fv
            }
        };
        match callee {
            Callee::Guest(code) => {
                let target = st.vm.codes[code.0 as usize].clone();
                let c = &target.code;
                if c.arity as usize != argc as usize || !c.params.is_simple() || c.generator {
                    return Err(Abort::new(format!("call of {} is not a simple call", c.name)));
                }
                if st.depth + 1 >= st.vm.max_depth() {
                    return Err(Abort::new("call depth limit"));
                }
                self.call(
                    st,
                    Helper::PushFrame {
                        code,
                        args: first,
                        argc: argc as u8,
                        ret: dst,
                        return_pc: st.pc + 1,
                    },
                    vec![func],
                );
                // The callee's registers past its arguments start as none (or unbound).
                let fresh = if c.unbound_locals { Value::UNBOUND } else { Value::NONE };
                let none = self.trace.push(Op::Const {
                    bits: fresh.bits(),
                    kind: Kind::Boxed,
                });
                for slot in first + argc..first + c.nregs as u32 {
                    self.slots.insert(
                        slot,
                        SlotVal {
                            v: none,
                            kind: Kind::Boxed,
                        },
                    );
                    self.written.remove(&slot);
                    self.clobbered.insert(slot);
                }
                self.trace.slots = self.trace.slots.max(first + c.nregs as u32);
                Ok(())
            }
            Callee::Native(_) => {
                // A native may look at the whole frame (a continuation captures it), so every
                // register goes back to memory first, not only the arguments.
                let written: Vec<u32> = self.written.keys().copied().collect();
                for slot in written {
                    self.spill(slot, 1);
                }
                self.spill(first, argc);
                let r = self.call(
                    st,
                    Helper::CallNative {
                        args: first,
                        argc: argc as u8,
                    },
                    vec![func],
                );
                let sd = self.slot(st, dst);
                self.write(sd, r, Kind::Boxed);
                Ok(())
            }
            Callee::Bound { .. } => Err(Abort::new("a bound method of a bound method")),
        }
    }
}
