//! Generators on the main loop: a generator is a guest frame saved in a heap
//! object between resumptions. Making one saves a frame that has not started;
//! resuming puts the frame back on the frame stack and runs it in a nested
//! activation until it yields (the frame is saved again) or returns; throwing
//! into one raises at the `yield` it is suspended at, so its handlers run.

use super::{Frame, Interp, Unwind, MAX_NESTING};
use crate::bytecode::{CodeId, Reg};
use crate::space::{ErrorKind, GenState, GenStatus, OpError, Space};

impl<S: Space> Interp<S> {
    /// A not-yet-started generator for `code` with these parameter values.
    pub(crate) fn new_generator(&mut self, code: CodeId, closure: S::W, values: Vec<S::W>) -> Result<S::W, OpError> {
        let fresh = self.fresh_register(code);
        let none = self.space.none();
        let mut regs = values;
        let nregs = self.codes[code.0 as usize].code.nregs as usize;
        regs.resize(nregs.max(regs.len()), fresh);
        let state = GenState {
            code,
            closure,
            pc: 0,
            resume_dst: None,
            regs,
            status: GenStatus::Created,
            result: none,
        };
        S::make_generator(self, state)
    }

    /// Resumes a generator, sending `sent` in; `Ok(None)` once it has finished.
    ///
    /// The generator's saved frame goes back on the frame stack and runs in a
    /// nested activation of the main loop until it yields (its frame is saved
    /// again) or returns (it is finished, and its result kept for `yield from`).
    pub fn resume_generator(&mut self, gen: S::W, sent: S::W) -> Result<Option<S::W>, OpError> {
        self.resume_generator_with(gen, Ok(sent))
    }

    /// Resumes a generator by raising `thrown` where it is suspended (Python's
    /// `generator.throw` and `close`): its handlers and `finally` blocks run as if
    /// the suspended `yield` had raised. `Ok(Some(v))` if it yields `v`,
    /// `Ok(None)` if it returns (or had finished already), `Err` with whatever
    /// escapes it. A generator that has not started is finished without running
    /// and the error returned.
    pub fn throw_into_generator(&mut self, gen: S::W, thrown: OpError) -> Result<Option<S::W>, OpError> {
        self.resume_generator_with(gen, Err(thrown))
    }

    fn resume_generator_with(&mut self, gen: S::W, input: Result<S::W, OpError>) -> Result<Option<S::W>, OpError> {
        let Some(mut state) = S::generator_take(self, &gen)? else {
            return Ok(None);
        };
        if self.frames.len() >= self.limits.max_depth || self.nesting >= MAX_NESTING {
            S::generator_store(self, &gen, state);
            return Err(OpError::new(ErrorKind::Recursion, "maximum recursion depth exceeded"));
        }
        let mut pc = state.pc;
        let thrown = match input {
            Ok(sent) => {
                if let Some(dst) = state.resume_dst {
                    if let Some(slot) = state.regs.get_mut(dst.0 as usize) {
                        *slot = sent;
                    }
                }
                None
            }
            Err(e) if state.status == GenStatus::Created => {
                state.status = GenStatus::Finished;
                state.regs.clear();
                S::generator_store(self, &gen, state);
                return Err(e);
            }
            Err(e) => {
                // Raised by the `yield` the generator is suspended at, just before `pc`.
                pc = pc.saturating_sub(1);
                Some(e)
            }
        };
        let base = match self.frames.last() {
            Some(fr) => fr.base as usize + self.codes[fr.code.0 as usize].code.nregs as usize,
            None => 0,
        }
        .max(self.regs.len());
        self.regs.truncate(base);
        self.regs.extend_from_slice(&state.regs);
        // The emptied buffer stays with the state: the next `Yield` refills it.
        state.regs.clear();
        let saved_stop = self.stop_depth;
        self.stop_depth = self.frames.len();
        self.nesting += 1;
        let frame = Frame {
            code: state.code,
            pc,
            base: base as u32,
            ret: Reg(0),
            closure: state.closure.clone(),
        };
        state.status = GenStatus::Running;
        self.gen_stack.push((gen.clone(), state));
        self.frames.push(frame);
        self.yielded = false;
        let result = match thrown {
            None => self.execute(),
            Some(e) => match self.unwind(Unwind::Error(e)) {
                Ok(()) => self.execute(),
                Err(d) => Err(d),
            },
        };
        let yielded = std::mem::replace(&mut self.yielded, false);
        let (_, mut state) = self.gen_stack.pop().expect("the generator being resumed");
        self.frames.truncate(self.stop_depth);
        self.regs.truncate(base);
        self.stop_depth = saved_stop;
        self.nesting -= 1;
        match result {
            Ok(v) if yielded => {
                S::generator_store(self, &gen, state);
                Ok(Some(v))
            }
            Ok(v) => {
                state.status = GenStatus::Finished;
                state.result = v;
                state.regs.clear();
                S::generator_store(self, &gen, state);
                Ok(None)
            }
            Err(d) => {
                state.status = GenStatus::Finished;
                state.regs.clear();
                S::generator_store(self, &gen, state);
                Err(self.escaped_error(d))
            }
        }
    }
}
