//! First-class continuations, as copies of the heap frames.
//!
//! Because guest frames live in a `Vec` and never on the Rust stack, "the
//! rest of the computation" at a call is just data: the frames above the
//! current run's bottom, their register windows, and the register that will
//! receive the call's result. [`Interp::capture_continuation`] copies that
//! data into a value of the space (a tuple, so the collector traces it like
//! any other object); [`Interp::resume_continuation`] schedules the copy to
//! be put back, and the main loop does so the moment the resuming native
//! returns (`take_pending_resume`, called from `execute`). Capturing copies
//! and resuming copies again, so one continuation can be resumed any number
//! of times (re-entrant, multi-shot), and escaping is the special case of
//! resuming a continuation whose frames are a prefix of the current ones.
//!
//! What a continuation cannot cross: a Rust frame. Guest code called from a
//! native (`Interp::call_value`) runs in a nested activation of the main loop;
//! a continuation belongs to the activation that captured it and can only be
//! resumed from that same activation. Languages with `call/cc` therefore write
//! their higher-order builtins (`map`, `for-each`, `dynamic-wind`) in the guest
//! language, so that no Rust frame sits between capture and resumption.
//!
//! Layout of the captured tuple: a header `[nesting, stop_depth, reg_base,
//! dst, frame count, register count]`, then five items per frame (code, pc,
//! base, ret, closure), then the registers from `reg_base` up.

use super::{Frame, Interp};
use crate::bytecode::{CodeId, Instr, Reg};
use crate::space::{BuildKind, ErrorKind, OpError, Space};

/// A resumption waiting for the resuming native to return.
pub(super) struct PendingResume<W> {
    frames: Vec<Frame<W>>,
    regs: Vec<W>,
    reg_base: usize,
    dst: usize,
    value: W,
}

const HEADER: usize = 6;

impl<S: Space> Interp<S> {
    /// Captures the continuation of the running native's call: the frames of
    /// this activation, their registers, and where the call's result goes.
    /// The native must have been called by a (non-tail) `Call` instruction.
    pub fn capture_continuation(&mut self) -> Result<S::W, OpError> {
        let Some(top) = self.frames.last() else {
            return Err(OpError::new(ErrorKind::Value, "no running frame to capture"));
        };
        if self.frames.len() <= self.stop_depth {
            return Err(OpError::new(ErrorKind::Value, "no running frame to capture"));
        }
        let code = &self.codes[top.code.0 as usize].code;
        let dst = match code.instrs.get((top.pc as usize).wrapping_sub(1)) {
            Some(Instr::Call { dst, .. }) => top.base as usize + dst.0 as usize,
            _ => {
                return Err(OpError::new(
                    ErrorKind::Value,
                    "a continuation can only be captured by a direct (non-tail) call",
                ))
            }
        };
        let frames = &self.frames[self.stop_depth..];
        // A caller's window can reach above its callee's (the callee starts at the
        // caller's argument registers), so the snapshot covers the highest of them.
        let reg_top = frames
            .iter()
            .map(|f| f.base as usize + self.codes[f.code.0 as usize].code.nregs as usize)
            .max()
            .unwrap_or(0)
            .min(self.regs.len());
        let reg_base = frames[0].base as usize;
        let mut items = Vec::with_capacity(HEADER + frames.len() * 5 + reg_top - reg_base);
        let header = [
            self.nesting,
            self.stop_depth,
            reg_base,
            dst,
            frames.len(),
            reg_top - reg_base,
        ];
        let frames: Vec<Frame<S::W>> = frames.to_vec();
        for h in header {
            items.push(self.space.int(h as i64)?);
        }
        for f in &frames {
            for n in [f.code.0 as usize, f.pc as usize, f.base as usize, f.ret.0 as usize] {
                items.push(self.space.int(n as i64)?);
            }
            items.push(f.closure.clone());
        }
        items.extend_from_slice(&self.regs[reg_base..reg_top]);
        S::build(self, BuildKind::Tuple, &items)
    }

    /// Resumes continuation `k` (made by [`Interp::capture_continuation`]) so
    /// that the call which captured it returns `value`. The native calling
    /// this must return the error it gets back (`Err(vm.resume_continuation(..))`):
    /// an `Ok` from this function is never produced; the error is either the
    /// reason the continuation cannot be resumed here, or the signal that
    /// makes the main loop switch to the captured frames.
    pub fn resume_continuation(&mut self, k: &S::W, value: S::W) -> OpError {
        match self.decode_continuation(k, value) {
            Ok(pending) => {
                self.pending_resume = Some(pending);
                OpError::new(ErrorKind::Value, "continuation resumed")
            }
            Err(e) => e,
        }
    }

    fn decode_continuation(&mut self, k: &S::W, value: S::W) -> Result<PendingResume<S::W>, OpError> {
        let bad = || OpError::type_error("not a continuation");
        let mut header = [0usize; HEADER];
        for (i, h) in header.iter_mut().enumerate() {
            let key = self.space.int(i as i64)?;
            let w = S::get_item(self, k.clone(), key).map_err(|_| bad())?;
            *h = self
                .space
                .as_int(&w)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(bad)?;
        }
        let [nesting, stop_depth, reg_base, dst, nframes, nregs] = header;
        if nesting != self.nesting || stop_depth != self.stop_depth {
            return Err(OpError::new(
                ErrorKind::Value,
                "a continuation cannot be resumed across a call from native code",
            ));
        }
        let current_base = self.frames.get(self.stop_depth).map(|f| f.base as usize);
        if current_base.is_some_and(|b| b != reg_base) {
            return Err(OpError::new(
                ErrorKind::Value,
                "a continuation cannot be resumed across a call from native code",
            ));
        }
        let items = S::unpack(self, k.clone(), HEADER + nframes * 5 + nregs).map_err(|_| bad())?;
        let mut frames = Vec::with_capacity(nframes);
        for i in 0..nframes {
            let at = HEADER + i * 5;
            let mut n = [0u32; 4];
            for (j, slot) in n.iter_mut().enumerate() {
                *slot = self
                    .space
                    .as_int(&items[at + j])
                    .and_then(|x| u32::try_from(x).ok())
                    .ok_or_else(bad)?;
            }
            if n[0] as usize >= self.codes.len() {
                return Err(bad());
            }
            frames.push(Frame {
                code: CodeId(n[0]),
                pc: n[1],
                base: n[2],
                ret: Reg(n[3] as u16),
                closure: items[at + 4].clone(),
            });
        }
        let regs = items[HEADER + nframes * 5..].to_vec();
        if dst < reg_base || dst >= reg_base + regs.len() {
            return Err(bad());
        }
        Ok(PendingResume {
            frames,
            regs,
            reg_base,
            dst,
            value,
        })
    }

    /// Puts a scheduled continuation's frames back; true if there was one.
    /// Called by `execute` when the run stops with an error: the resuming
    /// native's "error" is the signal.
    pub(super) fn take_pending_resume(&mut self) -> bool {
        let Some(p) = self.pending_resume.take() else {
            return false;
        };
        self.frames.truncate(self.stop_depth);
        self.frames.extend(p.frames);
        self.regs.truncate(p.reg_base);
        self.regs.extend(p.regs);
        self.regs[p.dst] = p.value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::bytecode::builder::CodeBuilder;
    use crate::bytecode::{BinOp, Const, Label};
    use crate::language::{Arity, Builtin};
    use crate::space::standard::{StandardConfig, StandardSpace};
    use crate::space::Spelling;
    use crate::span::{FileId, Span};
    use std::cell::RefCell;

    struct SharedBuf(Rc<RefCell<Vec<u8>>>);
    impl Write for SharedBuf {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    type W = crate::object::Value;
    type Vm = Interp<StandardSpace>;

    fn capture(vm: &mut Vm, _: &[W]) -> Result<W, OpError> {
        vm.capture_continuation()
    }
    fn resume(vm: &mut Vm, args: &[W]) -> Result<W, OpError> {
        Err(vm.resume_continuation(&args[0], args[1]))
    }
    fn print(vm: &mut Vm, args: &[W]) -> Result<W, OpError> {
        let text = vm.display(&args[0])?;
        vm.write_out(&format!("{text}\n"), args)?;
        Ok(W::NONE)
    }

    fn sp() -> Span {
        Span::new(FileId(0), 0, 0)
    }

    /// Runs a main code built by `build` with `capture`, `resume`, `print` as globals 0, 1, 2.
    fn run(build: impl FnOnce(&mut CodeBuilder)) -> (String, Result<W, Diagnostic>) {
        let buf = Rc::new(RefCell::new(Vec::new()));
        let space = StandardSpace::new(
            StandardConfig::default(),
            Spelling {
                true_: "#t",
                false_: "#f",
                none: "()",
            },
            |_| {},
        );
        let mut vm = Interp::new(space, Limits::default(), Box::new(SharedBuf(buf.clone())));
        for name in ["capture", "resume", "print", "count", "saved"] {
            vm.globals_mut().intern(name);
        }
        vm.install(vec![
            Builtin {
                name: "capture",
                arity: Arity::Exact(0),
                func: capture,
            },
            Builtin {
                name: "resume",
                arity: Arity::Exact(2),
                func: resume,
            },
            Builtin {
                name: "print",
                arity: Arity::Exact(1),
                func: print,
            },
        ])
        .unwrap();
        let mut b = CodeBuilder::new("<module>", 0, sp());
        build(&mut b);
        let module = Module {
            codes: vec![b.finish()],
            main: Some(CodeId(0)),
        };
        let result = vm.run_module(module);
        let out = String::from_utf8(buf.borrow().clone()).unwrap();
        (out, result)
    }

    /// count := 0; k := capture(); print(count); if count == 0 { saved := k };
    /// if count < 3 { count += 1; resume(saved, count) }. Globals are not part
    /// of a continuation, so count survives each resumption: the code after the
    /// capture runs four times.
    #[test]
    fn a_continuation_is_resumed_several_times() {
        let (out, result) = run(|b| {
            let (k, tmp, f, arg, arg2) = (Reg(0), Reg(1), Reg(2), Reg(3), Reg(4));
            for _ in 0..5 {
                b.alloc_reg().unwrap();
            }
            let zero = b.constant(Const::Int(0)).unwrap();
            let one = b.constant(Const::Int(1)).unwrap();
            let three = b.constant(Const::Int(3)).unwrap();
            let (count, saved) = (GlobalId(3), GlobalId(4));
            b.emit(Instr::LoadConst { dst: tmp, k: zero }, sp());
            b.emit(Instr::StoreGlobal { g: count, src: tmp }, sp());
            b.emit(Instr::LoadGlobal { dst: f, g: GlobalId(0) }, sp());
            b.emit(
                Instr::Call {
                    dst: k,
                    f,
                    args: arg,
                    argc: 0,
                },
                sp(),
            );
            b.emit(Instr::LoadGlobal { dst: f, g: GlobalId(2) }, sp());
            b.emit(Instr::LoadGlobal { dst: arg, g: count }, sp());
            b.emit(
                Instr::Call {
                    dst: tmp,
                    f,
                    args: arg,
                    argc: 1,
                },
                sp(),
            );
            // if count == 0 { saved := k }
            b.emit(Instr::LoadGlobal { dst: tmp, g: count }, sp());
            b.emit(Instr::LoadConst { dst: arg, k: zero }, sp());
            b.emit(
                Instr::Binary {
                    op: BinOp::Eq,
                    dst: tmp,
                    a: tmp,
                    b: arg,
                },
                sp(),
            );
            let skip = b.emit(
                Instr::JumpIfFalse {
                    cond: tmp,
                    target: Label(0),
                },
                sp(),
            );
            b.emit(Instr::StoreGlobal { g: saved, src: k }, sp());
            let here = b.here();
            b.patch(skip, here);
            // if count < 3 { count += 1; resume(saved, count) }
            b.emit(Instr::LoadGlobal { dst: tmp, g: count }, sp());
            b.emit(Instr::LoadConst { dst: arg, k: three }, sp());
            b.emit(
                Instr::Binary {
                    op: BinOp::Lt,
                    dst: tmp,
                    a: tmp,
                    b: arg,
                },
                sp(),
            );
            let exit = b.emit(
                Instr::JumpIfFalse {
                    cond: tmp,
                    target: Label(0),
                },
                sp(),
            );
            b.emit(Instr::LoadGlobal { dst: tmp, g: count }, sp());
            b.emit(Instr::LoadConst { dst: arg, k: one }, sp());
            b.emit(
                Instr::Binary {
                    op: BinOp::Add,
                    dst: tmp,
                    a: tmp,
                    b: arg,
                },
                sp(),
            );
            b.emit(Instr::StoreGlobal { g: count, src: tmp }, sp());
            b.emit(Instr::LoadGlobal { dst: f, g: GlobalId(1) }, sp());
            b.emit(Instr::LoadGlobal { dst: arg, g: saved }, sp());
            b.emit(Instr::LoadGlobal { dst: arg2, g: count }, sp());
            b.emit(
                Instr::Call {
                    dst: tmp,
                    f,
                    args: arg,
                    argc: 2,
                },
                sp(),
            );
            let end = b.here();
            b.patch(exit, end);
            b.emit(Instr::Return { src: k }, sp());
        });
        assert_eq!(out, "0\n1\n2\n3\n");
        // The last resumption delivered 3 into k, and the code returns k.
        assert_eq!(result.unwrap().as_small_int(), Some(3));
    }

    /// A continuation cannot be captured by a tail call: its result would go to the caller.
    #[test]
    fn capture_needs_a_direct_call() {
        let (_, result) = run(|b| {
            let (f, arg) = (Reg(0), Reg(1));
            b.alloc_reg().unwrap();
            b.alloc_reg().unwrap();
            b.emit(Instr::LoadGlobal { dst: f, g: GlobalId(0) }, sp());
            b.emit(Instr::TailCall { f, args: arg, argc: 0 }, sp());
        });
        let d = result.unwrap_err();
        assert!(d.message.contains("direct"), "{}", d.message);
    }

    /// Resuming something that is not a continuation is a type error, not a crash.
    #[test]
    fn resuming_a_non_continuation_is_an_error() {
        let (_, result) = run(|b| {
            let (f, a, c) = (Reg(0), Reg(1), Reg(2));
            for _ in 0..3 {
                b.alloc_reg().unwrap();
            }
            let k = b.constant(Const::Int(7)).unwrap();
            b.emit(Instr::LoadGlobal { dst: f, g: GlobalId(1) }, sp());
            b.emit(Instr::LoadConst { dst: a, k }, sp());
            b.emit(Instr::LoadConst { dst: c, k }, sp());
            b.emit(
                Instr::Call {
                    dst: f,
                    f,
                    args: a,
                    argc: 2,
                },
                sp(),
            );
            b.emit(Instr::Return { src: f }, sp());
        });
        assert!(result.unwrap_err().message.contains("not a continuation"));
    }
}
