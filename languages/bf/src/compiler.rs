//! Code generation: folded bf operations to framework bytecode.
//!
//! The whole program becomes one [`Code`] with a fixed set of registers:
//!
//! ```text
//! r0  the tape: a list of TAPE_CELLS integers, made by `Build` and `*`
//! r1  the pointer: an index into the tape
//! r2  the `putchar` builtin      r3  the `getchar` builtin
//! r4  the constant 256           r5  the constant TAPE_CELLS
//! r6  the constant 0             r7  scratch (a cell's value, a test)
//! r8  scratch (an amount)        r9  a call's result
//! r10 a call's argument (the highest register: the callee's window starts there)
//! ```
//!
//! and each operation a short, fixed sequence (`K` is a constant):
//!
//! | op | bytecode |
//! |---|---|
//! | `+`×n | `r7 := r0[r1]; r8 := K n; r7 := r7 + r8; r7 := r7 % r4; r0[r1] := r7` |
//! | `>`×n | `r8 := K n; r1 := r1 + r8; r7 := r1 < r5; if r7 goto ok; tape_error(r1); ok:` |
//! | `<`×n | `r8 := K -n; r1 := r1 + r8; r7 := r1 >= r6; if r7 goto ok; tape_error(r1); ok:` |
//! | `[-]` | `r0[r1] := r6` |
//! | `.` | `r10 := r0[r1]; r9 := r2(r10)` |
//! | `,` | `r10 := r0[r1]; r9 := r3(r10); r0[r1] := r9` |
//! | `[` | `head: r7 := r0[r1]; if not r7 goto after` (patched when `]` is reached) |
//! | `]` | `JumpBack head` |
//!
//! A loop is a forward `JumpIfFalse` at its head and a `JumpBack` at its end.
//! The `JumpBack` is what the main loop treats as a loop header: a GC
//! safepoint now, the hot-loop counter of the coming JIT later. Every
//! instruction carries the span of the bf command it came from, so an error
//! (say, moving off the tape) points at the `>` that did it.
//!
//! In the REPL the tape and pointer must survive from one input to the next,
//! so there they also live in the hidden globals [`TAPE`] and [`POINTER`].

use crate::parser::{Op, OpKind};
use workbench_framework::bytecode::builder::CodeBuilder;
use workbench_framework::bytecode::{BinOp, BuildKind, CodeId, Const, Globals, Instr, Label, Module, Reg};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::Mode;
use workbench_framework::span::Span;

/// Cells on the tape, as in the original implementation.
pub const TAPE_CELLS: i64 = 30_000;
/// The global that keeps the tape between REPL inputs.
pub const TAPE: &str = "__tape__";
/// The global that keeps the pointer between REPL inputs.
pub const POINTER: &str = "__pointer__";

const TAPE_REG: Reg = Reg(0);
const PTR: Reg = Reg(1);
const PUTCHAR: Reg = Reg(2);
const GETCHAR: Reg = Reg(3);
const K256: Reg = Reg(4);
const KCELLS: Reg = Reg(5);
const KZERO: Reg = Reg(6);
const SCRATCH: Reg = Reg(7);
const AMOUNT: Reg = Reg(8);
const RESULT: Reg = Reg(9);
const ARG: Reg = Reg(10);
const NREGS: u32 = 11;

/// Compiles parsed operations into a module of one code object.
pub fn compile(ops: &[Op], whole: Span, globals: &mut Globals, mode: Mode) -> Result<Module, Vec<Diagnostic>> {
    let mut c = Compiler {
        b: CodeBuilder::new("<module>", 0, whole),
        globals,
        loops: Vec::new(),
    };
    c.program(ops, whole, mode).map_err(|d| vec![d])?;
    Ok(Module {
        codes: vec![c.b.finish()],
        main: Some(CodeId(0)),
    })
}

struct Compiler<'a> {
    b: CodeBuilder,
    globals: &'a mut Globals,
    /// For each open loop: its head (where `]` jumps back to) and its test (patched at `]`).
    loops: Vec<(Label, Label)>,
}

impl Compiler<'_> {
    fn emit(&mut self, instr: Instr, span: Span) -> Label {
        self.b.emit(instr, span)
    }

    fn load(&mut self, dst: Reg, c: Const, span: Span) -> Result<(), Diagnostic> {
        let k = self
            .b
            .constant(c)
            .map_err(|e| Diagnostic::new("SyntaxError", e.to_string(), Some(span)).with_label("limit exceeded here"))?;
        self.emit(Instr::LoadConst { dst, k }, span);
        Ok(())
    }

    fn global(&mut self, dst: Reg, name: &str, span: Span) {
        let g = self.globals.intern(name);
        self.emit(Instr::LoadGlobal { dst, g }, span);
    }

    fn program(&mut self, ops: &[Op], whole: Span, mode: Mode) -> Result<(), Diagnostic> {
        let start = Span::new(whole.file, 0, 0);
        for _ in 0..NREGS {
            self.b
                .alloc_reg()
                .map_err(|e| Diagnostic::new("InternalError", e.to_string(), None))?;
        }
        self.prologue(mode, start)?;
        for op in ops {
            self.op(op)?;
        }
        let end = Span::new(whole.file, whole.end as usize, whole.end as usize);
        if mode == Mode::Repl {
            let g = self.globals.intern(POINTER);
            self.emit(Instr::StoreGlobal { g, src: PTR }, end);
        }
        self.load(SCRATCH, Const::None, end)?;
        self.emit(Instr::Return { src: SCRATCH }, end);
        Ok(())
    }

    /// Constants and builtins into their registers; a fresh tape (or, in the
    /// REPL after the first input, the one the previous input left behind).
    fn prologue(&mut self, mode: Mode, span: Span) -> Result<(), Diagnostic> {
        self.load(K256, Const::Int(256), span)?;
        self.load(KCELLS, Const::Int(TAPE_CELLS), span)?;
        self.load(KZERO, Const::Int(0), span)?;
        self.global(PUTCHAR, "putchar", span);
        self.global(GETCHAR, "getchar", span);
        let resume = mode == Mode::Repl && self.globals.lookup(TAPE).is_some();
        if resume {
            self.global(TAPE_REG, TAPE, span);
            self.global(PTR, POINTER, span);
            return Ok(());
        }
        // tape := [0] * TAPE_CELLS; pointer := 0
        self.emit(
            Instr::Build {
                kind: BuildKind::List,
                dst: TAPE_REG,
                first: KZERO,
                count: 1,
            },
            span,
        );
        self.binary(BinOp::Mul, TAPE_REG, TAPE_REG, KCELLS, span);
        self.emit(Instr::Move { dst: PTR, src: KZERO }, span);
        if mode == Mode::Repl {
            let tape = self.globals.intern(TAPE);
            let pointer = self.globals.intern(POINTER);
            self.emit(Instr::StoreGlobal { g: tape, src: TAPE_REG }, span);
            self.emit(Instr::StoreGlobal { g: pointer, src: PTR }, span);
        }
        Ok(())
    }

    fn binary(&mut self, op: BinOp, dst: Reg, a: Reg, b: Reg, span: Span) {
        self.emit(Instr::Binary { op, dst, a, b }, span);
    }

    fn cell_to(&mut self, dst: Reg, span: Span) {
        self.emit(
            Instr::GetItem {
                dst,
                obj: TAPE_REG,
                key: PTR,
            },
            span,
        );
    }

    fn store_cell(&mut self, src: Reg, span: Span) {
        self.emit(
            Instr::SetItem {
                obj: TAPE_REG,
                key: PTR,
                src,
            },
            span,
        );
    }

    fn op(&mut self, op: &Op) -> Result<(), Diagnostic> {
        let span = op.span;
        match op.kind {
            OpKind::Add(n) => {
                self.cell_to(SCRATCH, span);
                self.load(AMOUNT, Const::Int(n as i64), span)?;
                self.binary(BinOp::Add, SCRATCH, SCRATCH, AMOUNT, span);
                self.binary(BinOp::Mod, SCRATCH, SCRATCH, K256, span);
                self.store_cell(SCRATCH, span);
            }
            OpKind::Move(n) => {
                self.load(AMOUNT, Const::Int(n), span)?;
                self.binary(BinOp::Add, PTR, PTR, AMOUNT, span);
                // Only the end we moved towards can have been crossed.
                if n > 0 {
                    self.binary(BinOp::Lt, SCRATCH, PTR, KCELLS, span);
                } else {
                    self.binary(BinOp::Ge, SCRATCH, PTR, KZERO, span);
                }
                let ok = self.emit(
                    Instr::JumpIfTrue {
                        cond: SCRATCH,
                        target: Label(0),
                    },
                    span,
                );
                self.global(RESULT, "tape_error", span);
                self.emit(Instr::Move { dst: ARG, src: PTR }, span);
                self.call(RESULT, span);
                let here = self.b.here();
                self.b.patch(ok, here);
            }
            OpKind::Clear => self.store_cell(KZERO, span),
            OpKind::Output => {
                self.cell_to(ARG, span);
                self.call(PUTCHAR, span);
            }
            OpKind::Input => {
                self.cell_to(ARG, span);
                self.call(GETCHAR, span);
                self.store_cell(RESULT, span);
            }
            OpKind::Open { .. } => {
                let head = self.b.here();
                self.cell_to(SCRATCH, span);
                let test = self.emit(
                    Instr::JumpIfFalse {
                        cond: SCRATCH,
                        target: Label(0),
                    },
                    span,
                );
                self.loops.push((head, test));
            }
            OpKind::Close { .. } => {
                // The parser matched every bracket, so a loop is always open here.
                let (head, test) = self
                    .loops
                    .pop()
                    .ok_or_else(|| Diagnostic::new("InternalError", "bf compiler: `]` without `[`", Some(span)))?;
                self.emit(Instr::JumpBack { target: head }, span);
                let after = self.b.here();
                self.b.patch(test, after);
            }
        }
        Ok(())
    }

    /// `f(r10)` into r9.
    fn call(&mut self, f: Reg, span: Span) {
        self.emit(
            Instr::Call {
                dst: RESULT,
                f,
                args: ARG,
                argc: 1,
            },
            span,
        );
    }
}
