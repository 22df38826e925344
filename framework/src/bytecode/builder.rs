//! A small assembler that every front end uses to emit [`Code`].
//!
//! Front ends think in terms of "emit this instruction here, jump to a place
//! I have not reached yet". The builder keeps spans beside instructions,
//! deduplicates constants, hands out registers like a stack (temporaries are
//! freed by resetting to a mark) and patches forward jumps once their target
//! is known.

use super::{CallSite, Capture, Code, Const, ConstId, Handler, Instr, Label, LocalVar, Params, Reg};
use crate::span::Span;

/// Why a code object could not be built. These are limits of the encoding,
/// reported to the user as a compile error at the offending span.
#[derive(Clone, Debug, PartialEq)]
pub enum BuildError {
    /// More than 65,535 registers in one function.
    TooManyRegisters,
    /// More than 65,535 constants in one function.
    TooManyConstants,
    /// A call with more than 255 arguments.
    TooManyArguments,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::TooManyRegisters => write!(f, "function needs more than 65535 registers"),
            BuildError::TooManyConstants => write!(f, "function has more than 65535 constants"),
            BuildError::TooManyArguments => write!(f, "call has more than 255 arguments"),
        }
    }
}

/// Builds one [`Code`].
#[derive(Debug)]
pub struct CodeBuilder {
    code: Code,
    next_reg: u32,
    max_reg: u32,
}

impl CodeBuilder {
    /// Starts a code object named `name` with `arity` parameters in `r0..`.
    pub fn new(name: impl Into<String>, arity: u16, span: Span) -> CodeBuilder {
        let code = Code {
            name: name.into(),
            arity,
            span,
            ..Code::default()
        };
        CodeBuilder {
            code,
            next_reg: arity as u32,
            max_reg: arity as u32,
        }
    }

    /// Appends an instruction and returns its label.
    pub fn emit(&mut self, instr: Instr, span: Span) -> Label {
        self.code.instrs.push(instr);
        self.code.spans.push(span);
        Label(self.code.instrs.len() as u32 - 1)
    }

    /// The label the next emitted instruction will have.
    pub fn here(&self) -> Label {
        Label(self.code.instrs.len() as u32)
    }

    /// Points the jump at `at` (or a `ForIter`'s exit) to `target`.
    pub fn patch(&mut self, at: Label, target: Label) {
        match &mut self.code.instrs[at.0 as usize] {
            Instr::Jump { target: t }
            | Instr::JumpBack { target: t }
            | Instr::JumpIfFalse { target: t, .. }
            | Instr::JumpIfTrue { target: t, .. }
            | Instr::ForIter { target: t, .. } => *t = target,
            other => unreachable!("patch of a non-jump instruction {other:?}"),
        }
    }

    /// The index of `c` in the constant table, adding it if new.
    pub fn constant(&mut self, c: Const) -> Result<ConstId, BuildError> {
        let same = |k: &Const| match (k, &c) {
            // Compare floats by bits so that 0.0 and -0.0 stay distinct.
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        };
        if let Some(i) = self.code.consts.iter().position(same) {
            return Ok(ConstId(i as u16));
        }
        if self.code.consts.len() >= u16::MAX as usize {
            return Err(BuildError::TooManyConstants);
        }
        self.code.consts.push(c);
        Ok(ConstId(self.code.consts.len() as u16 - 1))
    }

    /// A fresh register above all live ones.
    pub fn alloc_reg(&mut self) -> Result<Reg, BuildError> {
        if self.next_reg >= u16::MAX as u32 {
            return Err(BuildError::TooManyRegisters);
        }
        let r = Reg(self.next_reg as u16);
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        Ok(r)
    }

    /// The current register mark; [`CodeBuilder::reset_regs`] frees everything above it.
    pub fn reg_mark(&self) -> u32 {
        self.next_reg
    }

    /// Frees all registers allocated since `mark`.
    pub fn reset_regs(&mut self, mark: u32) {
        self.next_reg = mark;
    }

    /// Registers a protected range.
    pub fn add_handler(&mut self, handler: Handler) {
        self.code.handlers.push(handler);
    }

    /// Number of handlers registered so far.
    pub fn handlers_len(&self) -> usize {
        self.code.handlers.len()
    }

    /// Sets where handler `index` jumps (once the handler's code is placed).
    pub fn set_handler_target(&mut self, index: usize, target: Label) {
        if let Some(h) = self.code.handlers.get_mut(index) {
            h.target = target;
        }
    }

    /// Records what a closure of this code captures; returns the free index.
    pub fn add_capture(&mut self, capture: Capture) -> u16 {
        if let Some(i) = self.code.captures.iter().position(|c| *c == capture) {
            return i as u16;
        }
        self.code.captures.push(capture);
        (self.code.captures.len() - 1) as u16
    }

    /// Declares the parameters (sets the arity to the positional count).
    pub fn set_params(&mut self, params: Params) {
        self.code.arity = params.positional;
        self.next_reg = self.next_reg.max(params.registers() as u32);
        self.max_reg = self.max_reg.max(self.next_reg);
        self.code.params = params;
    }

    /// Marks the code as a generator function.
    pub fn set_generator(&mut self) {
        self.code.generator = true;
    }

    /// Makes fresh registers start unbound (see [`Code::unbound_locals`]).
    pub fn set_unbound_locals(&mut self) {
        self.code.unbound_locals = true;
    }

    /// Records the operands of a `CallEx`; returns its site number.
    pub fn add_call_site(&mut self, site: CallSite) -> u16 {
        self.code.call_sites.push(site);
        (self.code.call_sites.len() - 1) as u16
    }

    /// The captures recorded so far.
    pub fn captures(&self) -> &[Capture] {
        &self.code.captures
    }

    /// Finishes the code object.
    /// Records (debug information) that `reg` holds the local `name` from here on.
    pub fn name_local(&mut self, name: &str, reg: Reg) {
        let here = self.here();
        self.code.locals.push(LocalVar {
            name: name.to_string(),
            reg,
            start: here,
            end: Label(u32::MAX),
        });
    }

    /// Records that `reg` stops holding the local named last with it.
    pub fn end_local(&mut self, reg: Reg) {
        let here = self.here();
        if let Some(l) = self
            .code
            .locals
            .iter_mut()
            .rev()
            .find(|l| l.reg == reg && l.end.0 == u32::MAX)
        {
            l.end = here;
        }
    }

    /// The finished code object.
    pub fn finish(mut self) -> Code {
        let len = Label(self.code.instrs.len() as u32);
        for l in &mut self.code.locals {
            if l.end.0 == u32::MAX {
                l.end = len;
            }
        }
        self.code.nregs = self.max_reg.max(1) as u16;
        self.code
    }
}
