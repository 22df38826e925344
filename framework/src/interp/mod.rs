//! The main loop: one interpreter for every language and every space.
//!
//! [`Interp`] runs framework bytecode over any [`Space`]. It is generic over
//! the space and monomorphized per space, so the standard space's operations
//! are direct calls the compiler can inline.
//!
//! Invariants the rest of the workbench relies on:
//! - **Guest frames live on the heap.** A guest call pushes a [`Frame`] on a
//!   `Vec` and continues the same Rust loop; it never recurses in Rust. Deep
//!   recursion is bounded only by the depth budget, and a tail call reuses
//!   its frame.
//! - **Every instruction checks before it acts.** An instruction computes
//!   everything that can fail first and writes its one result last, so when
//!   it raises, the frame is exactly as it was before it started; the loop can
//!   resume (or a handler can take over) at any instruction boundary.
//! - **Garbage is collected only at safepoints**: backward jumps and calls,
//!   where every live value is in a register, a global or a constant.
//! - **Budgets are checked here**: instructions executed, call depth (a
//!   catchable RecursionError) and heap bytes (through the space).
//!
//! Exceptions unwind through a per-code handler table (see
//! [`crate::bytecode::Handler`]); an uncaught one becomes a [`Diagnostic`]
//! with the span of the failing instruction and a traceback of spans.

mod call;
mod continuation;
mod generator;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ext;

use call::{ArgValues, Started};

use crate::bytecode::disasm::instr_text;
use crate::bytecode::{Capture, Code, CodeId, GlobalId, Globals, Instr, Module, Reg};
use crate::diagnostic::{Diagnostic, TraceEntry};
use crate::language::{Arity, Builtin, NativeFn};
use crate::space::{Budget, Callee, ErrorKind, GenState, GenStatus, OpError, Space};
use std::io::Write;
use std::rc::Rc;

/// Resource limits of one run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Instructions before the run is stopped (`u64::MAX`: no limit).
    pub max_instructions: u64,
    /// Frames on the call stack before a RecursionError.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_instructions: u64::MAX,
            max_depth: 1_000_000,
        }
    }
}

/// A loaded code object: its code plus its constants as wrapped objects.
#[derive(Debug)]
pub struct LoadedCode<W> {
    /// The code.
    pub code: Code,
    /// `consts[k]` is the wrapped form of `code.consts[k]`.
    pub consts: Vec<W>,
    /// The namespace its globals live in.
    pub ns: u32,
}

/// Identifies a global namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NsId(pub u32);

/// The namespace builtins are installed in; every other namespace falls back to it.
pub const BUILTINS: NsId = NsId(0);
/// The namespace of the program being run (and of REPL inputs).
pub const MAIN: NsId = NsId(1);

/// One global namespace: slot names, their values, and a cache of builtins
/// found by name for slots the namespace itself never bound.
#[derive(Debug)]
struct Namespace<W> {
    name: String,
    names: Globals,
    values: Vec<Option<W>>,
    fallback: Vec<Option<W>>,
}

impl<W: Clone> Namespace<W> {
    fn new(name: &str) -> Namespace<W> {
        Namespace {
            name: name.to_string(),
            names: Globals::new(),
            values: Vec::new(),
            fallback: Vec::new(),
        }
    }

    fn sync(&mut self) {
        if self.values.len() < self.names.len() {
            self.values.resize(self.names.len(), None);
            self.fallback.resize(self.names.len(), None);
        }
    }

    fn set(&mut self, name: &str, value: W) {
        let g = self.names.intern(name);
        self.sync();
        self.values[g.0 as usize] = Some(value);
    }
}

/// An activation record. It lives in the interpreter's frame stack, not on
/// Rust's stack.
#[derive(Clone, Debug)]
pub struct Frame<W> {
    /// The code being run.
    pub code: CodeId,
    /// Index of the next instruction.
    pub pc: u32,
    /// Where this frame's registers start in the register stack.
    pub base: u32,
    /// Register of the caller that receives the result.
    pub ret: Reg,
    /// The closure being run (its captured cells are `F[i]`).
    pub closure: W,
}

struct NativeEntry<S: Space> {
    name: &'static str,
    arity: Arity,
    func: NativeFn<S>,
}

/// What is unwinding the stack.
enum Unwind<W> {
    /// An operation failed.
    Error(OpError),
    /// The guest raised a value.
    Raised(W),
}

/// The interpreter.
pub struct Interp<S: Space> {
    /// The object space every value operation goes to.
    pub space: S,
    /// Global namespaces: [`BUILTINS`], [`MAIN`], then one per imported module.
    namespaces: Vec<Namespace<S::W>>,
    pub(crate) codes: Vec<Rc<LoadedCode<S::W>>>,
    natives: Vec<NativeEntry<S>>,
    pub(crate) regs: Vec<S::W>,
    pub(crate) frames: Vec<Frame<S::W>>,
    out: Box<dyn Write>,
    limits: Limits,
    pub(crate) fuel: u64,
    /// Print every executed instruction to stderr.
    pub trace: bool,
    /// The program's command-line arguments (after `--`), for natives to read.
    pub program_args: Vec<String>,
    /// The program file being run, if any (imports look beside it).
    pub program_path: Option<std::path::PathBuf>,
    /// Every source file of the run, for rendering diagnostics.
    pub sources: crate::span::SourceMap,
    scratch: Vec<S::W>,
    /// Values natives hold while they run (their arguments, and whatever they
    /// [`keep_alive`](Interp::keep_alive)): roots for a collection that happens
    /// inside a guest call the native makes.
    pub(crate) native_roots: Vec<S::W>,
    /// Keyword arguments of the running native call (see [`Interp::take_keywords`]).
    native_keywords: Vec<(String, S::W)>,
    /// Frames below this depth belong to an outer run (see [`Interp::call_value`]).
    stop_depth: usize,
    /// How many nested runs are active.
    pub(crate) nesting: usize,
    /// The generators being resumed, innermost last, with their state.
    gen_stack: Vec<(S::W, GenState<S::W>)>,
    /// Set by `Yield` so that `resume_generator` can tell a yield from a return.
    yielded: bool,
    /// What escaped the last nested run, for `call_value` to hand back.
    escaped: Option<Unwind<S::W>>,
    /// A guest exception travelling through a native as an `OpError` of kind `Raised`.
    raised: Option<S::W>,
    /// The JIT's state, when it is on (only the standard space has one; see [`crate::jit`]).
    pub jit: Option<Box<crate::jit::Jit>>,
    /// Where the main loop calls the JIT (set together with `jit`).
    jit_hooks: Option<JitHooks<S>>,
    /// True while someone must see every instruction (the tracer, the JIT's recorder).
    watch: bool,
    /// A continuation to switch to when the running native returns (see `continuation`).
    pending_resume: Option<continuation::PendingResume<S::W>>,
}

/// What the JIT did at a backward jump.
pub enum JitAction {
    /// Nothing: go on interpreting at the jump's target.
    Stay,
    /// Compiled code ran and left the machine elsewhere: reload the top frame.
    Moved,
    /// Compiled code stopped at an instruction that raised (the top frame's pc).
    Raise(OpError),
}

/// The main loop's calls into the JIT. They are plain function pointers so that the loop
/// stays generic over every space while only the standard space installs them.
pub struct JitHooks<S: Space> {
    /// At a backward jump, with the top frame's pc set to the jump's target.
    pub back_edge: fn(&mut Interp<S>) -> JitAction,
    /// Before each instruction while recording: the instruction and its pc.
    pub record: fn(&mut Interp<S>, Instr, u32),
    /// When an exception starts unwinding.
    pub unwinding: fn(&mut Interp<S>),
}

impl<S: Space> Clone for JitHooks<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S: Space> Copy for JitHooks<S> {}

/// How many native → guest → native ... nestings are allowed before a RecursionError.
const MAX_NESTING: usize = 200;

impl<S: Space> Interp<S> {
    /// An interpreter over `space` writing program output to `out`.
    pub fn new(space: S, limits: Limits, out: Box<dyn Write>) -> Interp<S> {
        Interp {
            space,
            namespaces: vec![Namespace::new("builtins"), Namespace::new("__main__")],
            codes: Vec::new(),
            natives: Vec::new(),
            regs: Vec::new(),
            frames: Vec::new(),
            out,
            limits,
            fuel: limits.max_instructions,
            trace: false,
            program_args: Vec::new(),
            program_path: None,
            sources: crate::span::SourceMap::new(),
            scratch: Vec::new(),
            native_roots: Vec::new(),
            native_keywords: Vec::new(),
            stop_depth: 0,
            nesting: 0,
            gen_stack: Vec::new(),
            yielded: false,
            escaped: None,
            raised: None,
            jit: None,
            jit_hooks: None,
            watch: false,
            pending_resume: None,
        }
    }

    /// Installs builtins in the builtins namespace.
    pub fn install(&mut self, builtins: Vec<Builtin<S>>) -> Result<(), OpError> {
        for b in builtins {
            let id = crate::space::NativeId(self.natives.len() as u32);
            let value = self.space.make_native(id, b.name)?;
            self.natives.push(NativeEntry {
                name: b.name,
                arity: b.arity,
                func: b.func,
            });
            self.namespaces[BUILTINS.0 as usize].set(b.name, value);
        }
        Ok(())
    }

    /// Binds `name` in the main namespace.
    pub fn set_global(&mut self, name: &str, value: S::W) {
        self.namespaces[MAIN.0 as usize].set(name, value);
    }

    /// Binds `name` in namespace `ns`.
    pub fn set_global_in(&mut self, ns: NsId, name: &str, value: S::W) {
        self.namespaces[ns.0 as usize].set(name, value);
    }

    /// The value of `name` in the main namespace, if bound.
    pub fn global(&self, name: &str) -> Option<&S::W> {
        self.global_in(MAIN, name)
    }

    /// The value of `name` in namespace `ns`, if bound there.
    pub fn global_in(&self, ns: NsId, name: &str) -> Option<&S::W> {
        let n = self.namespaces.get(ns.0 as usize)?;
        let g = n.names.lookup(name)?;
        n.values.get(g.0 as usize)?.as_ref()
    }

    /// The global names of the main namespace, which the front end compiles against.
    pub fn globals_mut(&mut self) -> &mut Globals {
        self.names_mut(MAIN)
    }

    /// The global names of namespace `ns`.
    pub fn names_mut(&mut self, ns: NsId) -> &mut Globals {
        &mut self.namespaces[ns.0 as usize].names
    }

    /// The name a namespace was created with (a module name).
    pub fn namespace_name(&self, ns: NsId) -> &str {
        self.namespaces.get(ns.0 as usize).map_or("?", |n| n.name.as_str())
    }

    /// A new, empty namespace (for an imported module).
    pub fn new_namespace(&mut self, name: &str) -> NsId {
        self.namespaces.push(Namespace::new(name));
        NsId((self.namespaces.len() - 1) as u32)
    }

    /// The bound names of a namespace and their values, in definition order.
    pub fn namespace_items(&self, ns: NsId) -> Vec<(String, S::W)> {
        let Some(n) = self.namespaces.get(ns.0 as usize) else {
            return Vec::new();
        };
        (0..n.names.len())
            .filter_map(|i| {
                let v = n.values.get(i)?.clone()?;
                Some((n.names.name(GlobalId(i as u16)).to_string(), v))
            })
            .collect()
    }

    /// Reads global `g` of namespace `ns`, falling back to the builtins by name.
    fn load_global(&mut self, ns: usize, g: GlobalId) -> Result<S::W, OpError> {
        let n = &mut self.namespaces[ns];
        n.sync();
        if let Some(Some(v)) = n.values.get(g.0 as usize) {
            return Ok(v.clone());
        }
        if let Some(Some(v)) = n.fallback.get(g.0 as usize) {
            return Ok(v.clone());
        }
        let name = n.names.name(g).to_string();
        if ns != BUILTINS.0 as usize {
            if let Some(v) = self.global_in(BUILTINS, &name).cloned() {
                self.namespaces[ns].fallback[g.0 as usize] = Some(v.clone());
                return Ok(v);
            }
        }
        Err(OpError::new(ErrorKind::Name, format!("name '{name}' is not defined")))
    }

    /// The call-depth budget.
    pub fn max_depth(&self) -> usize {
        self.limits.max_depth
    }

    /// Changes the call-depth budget (a language's own recursion limit).
    pub fn set_max_depth(&mut self, depth: usize) {
        self.limits.max_depth = depth;
    }

    /// Writes program output, after the space agrees that `from` may be shown.
    pub fn write_out(&mut self, text: &str, from: &[S::W]) -> Result<(), OpError> {
        self.space.check_output(from)?;
        self.out
            .write_all(text.as_bytes())
            .map_err(|e| OpError::new(ErrorKind::Value, format!("cannot write output: {e}")))
    }

    /// What `print` shows for a value (may run guest code, e.g. a `__str__`).
    pub fn display(&mut self, w: &S::W) -> Result<String, OpError> {
        S::display(self, w)
    }

    /// What a REPL echoes for a value.
    pub fn repr(&mut self, w: &S::W) -> Result<String, OpError> {
        S::repr(self, w)
    }

    /// Flushes program output.
    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Instructions executed so far.
    pub fn instructions_executed(&self) -> u64 {
        self.limits.max_instructions - self.fuel
    }

    /// A loaded code object.
    pub fn code(&self, id: CodeId) -> &Code {
        &self.codes[id.0 as usize].code
    }

    /// Loads a module's code objects into the main namespace; returns the id of its main code.
    pub fn load(&mut self, module: Module) -> Result<Option<CodeId>, Diagnostic> {
        self.load_into(module, MAIN)
    }

    /// Loads a module's code objects, their globals living in namespace `ns`.
    pub fn load_into(&mut self, module: Module, ns: NsId) -> Result<Option<CodeId>, Diagnostic> {
        let offset = self.codes.len() as u32;
        for mut code in module.codes {
            for instr in &mut code.instrs {
                if let Instr::MakeClosure { code: c, .. } = instr {
                    c.0 += offset;
                }
            }
            let mut consts = Vec::with_capacity(code.consts.len());
            for (k, c) in code.consts.iter().enumerate() {
                let w = self.space.constant(c).map_err(|e| {
                    // A space that refuses a literal (the tiny space, a float) points at it.
                    let span = code
                        .instrs
                        .iter()
                        .position(|i| matches!(i, Instr::LoadConst { k: id, .. } if id.0 as usize == k))
                        .and_then(|pc| code.spans.get(pc).copied())
                        .unwrap_or(code.span);
                    Diagnostic::new(e.kind.name(), e.message.clone(), Some(span))
                })?;
                consts.push(w);
            }
            self.codes.push(Rc::new(LoadedCode { code, consts, ns: ns.0 }));
        }
        self.namespaces[ns.0 as usize].sync();
        Ok(module.main.map(|m| CodeId(m.0 + offset)))
    }

    /// Loads and runs a module's main code; returns its result.
    pub fn run_module(&mut self, module: Module) -> Result<S::W, Diagnostic> {
        let Some(main) = self.load(module)? else {
            return Ok(self.space.none());
        };
        let closure = self
            .space
            .make_closure(main, "<module>", Vec::new())
            .map_err(|e| Diagnostic::new(e.kind.name(), e.message.clone(), None))?;
        self.run_closure(main, closure, &[])
    }

    /// Calls a guest closure with arguments and runs it to completion.
    pub fn run_closure(&mut self, code: CodeId, closure: S::W, args: &[S::W]) -> Result<S::W, Diagnostic> {
        self.frames.clear();
        self.regs.clear();
        let none = self.fresh_register(code);
        let nregs = self.codes[code.0 as usize].code.nregs as usize;
        self.regs.extend(args.iter().cloned());
        self.regs.resize(nregs.max(args.len()), none);
        self.frames.push(Frame {
            code,
            pc: 0,
            base: 0,
            ret: Reg(0),
            closure,
        });
        let result = self.execute();
        self.flush();
        result
    }

    /// Writes the JIT log, if one was asked for, and returns the JIT's counters.
    pub fn jit_finish(&mut self) -> std::io::Result<Option<crate::jit::JitStats>> {
        let Some(jit) = self.jit.as_mut() else {
            return Ok(None);
        };
        let stats = jit.stats;
        jit.log.finish(&stats, &jit.traces)?;
        Ok(Some(stats))
    }

    /// Installs (or removes) the JIT's hooks.
    pub fn set_jit_hooks(&mut self, hooks: Option<JitHooks<S>>) {
        self.jit_hooks = hooks;
        self.watch_changed();
    }

    /// Recomputes whether the loop must show every instruction to someone.
    pub(crate) fn watch_changed(&mut self) {
        self.watch = self.trace || self.jit.as_ref().is_some_and(|j| j.recording.is_some());
    }

    /// Global slot `g` of namespace `ns` (for compiled code).
    pub(crate) fn global_slot(&mut self, ns: u32, g: u16) -> Result<S::W, OpError> {
        let n = &self.namespaces[ns as usize];
        match n.values.get(g as usize) {
            Some(Some(v)) => Ok(v.clone()),
            _ => self.load_global(ns as usize, GlobalId(g)),
        }
    }

    /// Sets global slot `g` of namespace `ns` (for compiled code).
    pub(crate) fn set_global_slot(&mut self, ns: u32, g: u16, v: S::W) {
        let n = &mut self.namespaces[ns as usize];
        n.sync();
        n.values[g as usize] = Some(v);
    }

    /// Calls native `id` on the registers `first..first + argc` (for compiled code).
    pub(crate) fn call_native_at(
        &mut self,
        id: crate::space::NativeId,
        first: usize,
        argc: usize,
    ) -> Result<S::W, OpError> {
        self.call_native(id, first, argc)
    }

    /// Collects garbage now; only at a safepoint (for compiled code, whose values are all in registers).
    pub(crate) fn collect_now(&mut self) -> Result<(), OpError> {
        self.collect_garbage()
    }

    fn collect_garbage(&mut self) -> Result<(), OpError> {
        let top = match self.frames.last() {
            Some(f) => f.base as usize + self.codes[f.code.0 as usize].code.nregs as usize,
            None => 0,
        };
        let globals: Vec<S::W> = self
            .namespaces
            .iter()
            .flat_map(|n| n.values.iter().chain(&n.fallback).flatten().cloned())
            .collect();
        let closures: Vec<S::W> = self.frames.iter().map(|f| f.closure.clone()).collect();
        let gens: Vec<S::W> = self
            .gen_stack
            .iter()
            .flat_map(|(g, st)| [g.clone(), st.closure.clone()])
            .collect();
        let mut roots: Vec<&[S::W]> = vec![
            &self.regs[..top.min(self.regs.len())],
            &globals,
            &closures,
            &self.native_roots,
            &gens,
        ];
        for c in &self.codes {
            roots.push(&c.consts);
        }
        self.space.collect(&roots)
    }

    /// The span of the instruction a frame is running (or just called from).
    fn frame_span(&self, f: &Frame<S::W>, innermost: bool) -> (String, crate::span::Span) {
        let code = &self.codes[f.code.0 as usize].code;
        let at = if innermost { f.pc } else { f.pc.saturating_sub(1) } as usize;
        let span = code.spans.get(at).copied().unwrap_or(code.span);
        (code.name.clone(), span)
    }

    /// Unwinds to the nearest handler. `Ok` means a handler took over; `Err`
    /// is the diagnostic for an exception nobody caught.
    fn unwind(&mut self, what: Unwind<S::W>) -> Result<(), Diagnostic> {
        if let Some(h) = self.jit_hooks {
            (h.unwinding)(self);
        }
        // A guest exception that crossed a native comes back as itself.
        let what = match what {
            Unwind::Error(e) if e.kind == ErrorKind::Raised && self.raised.is_some() => {
                Unwind::Raised(self.raised.take().expect("checked above"))
            }
            other => other,
        };
        let catchable = match &what {
            Unwind::Error(e) => e.kind.is_catchable(),
            Unwind::Raised(_) => true,
        };
        let mut trace = Vec::new();
        let mut innermost = true;
        while self.frames.len() > self.stop_depth {
            let Some(frame) = self.frames.last().cloned() else {
                break;
            };
            let loaded = self.codes[frame.code.0 as usize].clone();
            let at = if innermost {
                frame.pc
            } else {
                frame.pc.saturating_sub(1)
            };
            let handler = loaded
                .code
                .handlers
                .iter()
                .find(|h| h.start.0 <= at && at < h.end.0)
                .copied();
            match handler {
                Some(h) if catchable => {
                    let value = match &what {
                        Unwind::Raised(w) => w.clone(),
                        Unwind::Error(e) => S::error_value(self, e).map_err(|e2| self.fatal(e2))?,
                    };
                    if let Some(f) = self.frames.last_mut() {
                        f.pc = h.target.0;
                    }
                    self.regs[frame.base as usize + h.dst.0 as usize] = value;
                    return Ok(());
                }
                _ => {
                    let (name, span) = self.frame_span(&frame, innermost);
                    trace.push(TraceEntry { name, span });
                    innermost = false;
                    self.frames.pop();
                }
            }
        }
        trace.reverse();
        let (kind, message) = match &what {
            Unwind::Error(e) => (e.kind.name().to_string(), e.message.clone()),
            Unwind::Raised(w) => S::describe_exception(self, w),
        };
        let related = match &what {
            Unwind::Error(e) => e.related.clone(),
            Unwind::Raised(_) => Vec::new(),
        };
        let exit_code = match &what {
            Unwind::Raised(w) if self.nesting == 0 => S::exit_status(self, w),
            _ => None,
        };
        if self.nesting > 0 {
            self.escaped = Some(what);
        }
        let span = trace.last().map(|t| t.span);
        let mut d = Diagnostic::new(kind, message, span);
        d.related = related;
        d.traceback = trace;
        d.exit_code = exit_code;
        Err(d)
    }

    fn fatal(&self, e: OpError) -> Diagnostic {
        let span = self.frames.last().map(|f| self.frame_span(f, true).1);
        Diagnostic::new(e.kind.name(), e.message.clone(), span)
    }

    fn arity_error(&self, code: &Code, argc: usize) -> OpError {
        let names = &code.params.names;
        if argc < code.arity as usize && names.len() >= code.arity as usize {
            // CPython's wording, naming what is missing.
            let missing: Vec<String> = names[argc..code.arity as usize]
                .iter()
                .map(|n| format!("'{n}'"))
                .collect();
            let list = match missing.len() {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
            };
            let plural = if missing.len() == 1 { "" } else { "s" };
            return OpError::type_error(format!(
                "{}() missing {} required positional argument{plural}: {list}",
                code.name,
                missing.len()
            ));
        }
        if !names.is_empty() {
            let plural = if code.arity == 1 { "" } else { "s" };
            return OpError::type_error(format!(
                "{}() takes {} positional argument{plural} but {argc} {} given",
                code.name,
                code.arity,
                if argc == 1 { "was" } else { "were" }
            ));
        }
        let plural = if code.arity == 1 { "" } else { "s" };
        OpError::type_error(format!(
            "{}() takes {} argument{plural} but {argc} {} given",
            code.name,
            code.arity,
            if argc == 1 { "was" } else { "were" }
        ))
    }

    /// Calls native `id` on `argc` arguments starting at absolute register `first`.
    fn call_native(&mut self, id: crate::space::NativeId, first: usize, argc: usize) -> Result<S::W, OpError> {
        let (name, arity, func) = {
            let n = &self.natives[id.0 as usize];
            (n.name, n.arity, n.func)
        };
        if !arity.accepts(argc) {
            return Err(call::native_arity_error(name, arity, argc));
        }
        let mut args = std::mem::take(&mut self.scratch);
        args.clear();
        args.extend_from_slice(&self.regs[first..first + argc]);
        let mark = self.native_roots.len();
        self.native_roots.extend_from_slice(&args);
        // A call without keywords: an outer native's keywords are not this one's to take.
        let outer = std::mem::take(&mut self.native_keywords);
        let result = S::run_native(self, id, func, &args);
        self.native_keywords = outer;
        self.native_roots.truncate(mark);
        self.scratch = args;
        result
    }

    /// How many guest frames are on the stack. A native sees its caller's
    /// frame on top, so this is the caller's depth (Prolog's cut markers).
    pub fn frame_depth(&self) -> usize {
        self.frames.len()
    }

    /// Keeps `w` alive until the running native (or the instruction running a
    /// space operation) returns. A native that holds a
    /// value in a Rust variable across [`Interp::call_value`] (where the guest
    /// code may trigger a collection) must register it here first.
    pub fn keep_alive(&mut self, w: S::W) {
        self.native_roots.push(w);
    }

    /// Calls any callable value from Rust (a native calling back into guest
    /// code, or a space operation implemented in the guest language).
    ///
    /// Guest code runs in a nested activation of the main loop on the same
    /// frame stack; this is the one place where a guest call recurses in Rust,
    /// so its nesting is bounded. A guest exception comes back as an
    /// `OpError` of kind `Raised` and is re-raised as the same guest value
    /// when it reaches the outer loop.
    pub fn call_value(&mut self, f: S::W, args: &[S::W]) -> Result<S::W, OpError> {
        match self.space.callee(&f)? {
            Callee::Bound { func, receiver } => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(receiver);
                all.extend_from_slice(args);
                self.call_value(func, &all)
            }
            Callee::Native(id) => {
                let first = self.regs.len();
                self.regs.extend_from_slice(args);
                let result = self.call_native(id, first, args.len());
                self.regs.truncate(first);
                result
            }
            Callee::Guest(code) => {
                let target = self.codes[code.0 as usize].clone();
                let values = if target.code.params.is_simple() {
                    if target.code.arity as usize != args.len() {
                        return Err(self.arity_error(&target.code, args.len()));
                    }
                    args.to_vec()
                } else {
                    let mark = self.native_roots.len();
                    let bound = self.bind_args(&target.code, &f, args.to_vec(), Vec::new());
                    self.native_roots.truncate(mark);
                    bound?
                };
                self.enter_bound(code, f, values)
            }
        }
    }

    /// Runs guest `code` on bound parameter values — or, for a generator
    /// function, makes the generator.
    fn enter_bound(&mut self, code: CodeId, f: S::W, values: Vec<S::W>) -> Result<S::W, OpError> {
        if self.codes[code.0 as usize].code.generator {
            return self.new_generator(code, f, values);
        }
        self.call_bound(code, f, values)
    }

    /// Calls `f` with positional and keyword arguments from Rust.
    pub fn call_with_keywords(
        &mut self,
        f: S::W,
        args: &[S::W],
        keywords: Vec<(String, S::W)>,
    ) -> Result<S::W, OpError> {
        if keywords.is_empty() {
            return self.call_value(f, args);
        }
        let mut f = f;
        let mut positional = args.to_vec();
        let mut callee = self.space.callee(&f)?;
        while let Callee::Bound { func, receiver } = callee {
            positional.insert(0, receiver);
            f = func;
            callee = self.space.callee(&f)?;
        }
        match callee {
            Callee::Bound { .. } => unreachable!("unbound above"),
            Callee::Native(id) => self.call_native_with(id, positional, keywords),
            Callee::Guest(code) => {
                let target = self.codes[code.0 as usize].clone();
                let mark = self.native_roots.len();
                let bound = self.bind_args(&target.code, &f, positional, keywords);
                self.native_roots.truncate(mark);
                let values = bound?;
                self.enter_bound(code, f, values)
            }
        }
    }

    /// A function value for a native that is not bound to any global
    /// (a method of a built-in type, say).
    pub fn make_native_fn(&mut self, name: &'static str, arity: Arity, func: NativeFn<S>) -> Result<S::W, OpError> {
        let id = crate::space::NativeId(self.natives.len() as u32);
        let value = self.space.make_native(id, name)?;
        self.natives.push(NativeEntry { name, arity, func });
        Ok(value)
    }

    /// The span of the call the running native was called from (the innermost
    /// guest frame's current call instruction), if a guest frame is running.
    pub fn current_call_span(&self) -> Option<crate::span::Span> {
        let f = self.frames.last()?;
        Some(self.frame_span(f, false).1)
    }

    /// Every native function called `name` (a language may have several:
    /// methods of different types share a name).
    pub fn natives_named(&self, name: &str) -> Vec<crate::space::NativeId> {
        (0..self.natives.len())
            .filter(|&i| self.natives[i].name == name)
            .map(|i| crate::space::NativeId(i as u32))
            .collect()
    }

    /// How many natives are installed (ids are `0..native_count()`).
    pub fn native_count(&self) -> usize {
        self.natives.len()
    }

    /// The name of a native function, for messages.
    pub fn native_name(&self, id: crate::space::NativeId) -> &'static str {
        self.natives.get(id.0 as usize).map_or("?", |n| n.name)
    }

    /// The guest exception currently crossing a native, if any (see [`Interp::take_raised`]).
    pub fn raised(&self) -> Option<&S::W> {
        self.raised.as_ref()
    }

    /// Takes the guest exception that crossed a native as an `OpError` of
    /// kind `Raised` (see [`Interp::call_value`]), if there is one.
    pub fn take_raised(&mut self) -> Option<S::W> {
        self.raised.take()
    }

    /// Hands a guest exception to the main loop: the returned error, when it
    /// reaches the loop, is re-raised as `exc` itself.
    pub fn raise_value(&mut self, exc: S::W, message: String) -> OpError {
        self.raised = Some(exc);
        OpError::new(ErrorKind::Raised, message)
    }

    /// What the registers of a new frame of `code` hold before the code writes
    /// them: none, or the unbound marker if the code asks for it.
    pub(crate) fn fresh_register(&mut self, code: CodeId) -> S::W {
        if self.codes[code.0 as usize].code.unbound_locals {
            self.space.unbound()
        } else {
            self.space.none()
        }
    }

    /// What calling `f` means, with bound receivers inserted before the
    /// arguments at `first` (shifting them up one register each time).
    fn resolve_callee(
        &mut self,
        mut f: S::W,
        first: usize,
        mut argc: usize,
    ) -> Result<(Callee<S::W>, S::W, usize), OpError> {
        loop {
            match self.space.callee(&f)? {
                Callee::Bound { func, receiver } => {
                    if self.regs.len() <= first + argc {
                        let none = self.space.none();
                        self.regs.resize(first + argc + 1, none);
                    }
                    for i in (first..first + argc).rev() {
                        self.regs[i + 1] = self.regs[i].clone();
                    }
                    self.regs[first] = receiver;
                    argc += 1;
                    if argc > u8::MAX as usize {
                        return Err(OpError::type_error("too many arguments"));
                    }
                    f = func;
                }
                other => return Ok((other, f, argc)),
            }
        }
    }

    /// Runs guest `code` with its parameter registers set to `values`, in a
    /// nested activation of the main loop (see [`Interp::call_value`]).
    fn call_bound(&mut self, code: CodeId, f: S::W, values: Vec<S::W>) -> Result<S::W, OpError> {
        if self.frames.len() >= self.limits.max_depth || self.nesting >= MAX_NESTING {
            return Err(OpError::new(ErrorKind::Recursion, "maximum recursion depth exceeded"));
        }
        let nregs = self.codes[code.0 as usize].code.nregs as usize;
        let base = match self.frames.last() {
            Some(fr) => fr.base as usize + self.codes[fr.code.0 as usize].code.nregs as usize,
            None => 0,
        }
        .max(self.regs.len());
        let none = self.fresh_register(code);
        let count = values.len();
        self.regs.truncate(base);
        self.regs.extend(values);
        self.regs.resize(base + nregs.max(count), none);
        let saved_stop = self.stop_depth;
        self.stop_depth = self.frames.len();
        self.nesting += 1;
        self.frames.push(Frame {
            code,
            pc: 0,
            base: base as u32,
            ret: Reg(0),
            closure: f,
        });
        let result = self.execute();
        self.frames.truncate(self.stop_depth);
        // Drop the nested run's registers, or every call from a native grows the stack.
        self.regs.truncate(base);
        self.stop_depth = saved_stop;
        self.nesting -= 1;
        result.map_err(|d| self.escaped_error(d))
    }

    /// What a nested run hands back to the Rust code that started it: the
    /// operation's own error, or a guest exception travelling as `Raised`
    /// (re-raised as itself when it reaches the outer loop).
    fn escaped_error(&mut self, d: Diagnostic) -> OpError {
        match self.escaped.take() {
            Some(Unwind::Error(e)) => e,
            Some(Unwind::Raised(w)) => {
                self.raised = Some(w);
                OpError::new(ErrorKind::Raised, d.message)
            }
            None => OpError::new(ErrorKind::Raised, d.message),
        }
    }

    /// The main loop: runs until the frame at `stop_depth` returns, handing
    /// raised exceptions to their handlers on the way.
    fn execute(&mut self) -> Result<S::W, Diagnostic> {
        loop {
            match self.run_until_unwind() {
                Ok(v) => return Ok(v),
                Err(_) if self.take_pending_resume() => continue,
                Err(what) => self.unwind(what)?,
            }
        }
    }

    /// Runs until the outermost frame returns (`Ok`) or something is raised (`Err`).
    /// On `Err`, the top frame's `pc` points at the instruction that raised.
    fn run_until_unwind(&mut self) -> Result<S::W, Unwind<S::W>> {
        let Some(frame) = self.frames.last() else {
            return Ok(self.space.none());
        };
        let mut cur = self.codes[frame.code.0 as usize].clone();
        let mut pc = frame.pc as usize;
        let mut base = frame.base as usize;

        macro_rules! reg {
            ($r:expr) => {
                self.regs[base + $r.0 as usize]
            };
        }
        // Leaves the loop with an error; the frame's pc is the failing instruction.
        macro_rules! raise {
            ($e:expr) => {{
                if let Some(f) = self.frames.last_mut() {
                    f.pc = pc.saturating_sub(1) as u32;
                }
                return Err(Unwind::Error($e));
            }};
        }
        macro_rules! check {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => raise!(e),
                }
            };
        }
        // A space operation. What it kept alive (`keep_alive`) is released when it is
        // done: no native call is running here to release it.
        macro_rules! op {
            ($e:expr) => {{
                let mark = self.native_roots.len();
                let r = $e;
                self.native_roots.truncate(mark);
                check!(r)
            }};
        }

        loop {
            let Some(&instr) = cur.code.instrs.get(pc) else {
                // Only malformed bytecode runs off the end of its code.
                raise!(OpError::new(ErrorKind::Value, "bytecode ran past the end of its code"))
            };
            if self.watch {
                if self.trace {
                    eprintln!(
                        "{:>4} {:<12} {:>5}  {}",
                        self.frames.len(),
                        cur.code.name,
                        pc,
                        instr_text(&instr)
                    );
                }
                if let Some(h) = self.jit_hooks {
                    (h.record)(self, instr, pc as u32);
                }
            }
            pc += 1;
            // ANCHOR: budget
            if self.fuel == 0 {
                raise!(OpError::new(
                    ErrorKind::Budget(Budget::Instructions),
                    format!("instruction budget of {} exhausted", self.limits.max_instructions)
                ));
            }
            self.fuel -= 1;
            // ANCHOR_END: budget
            // `CallMethod` turns into the plain `Call` it stands for (see its doc).
            let instr = match instr {
                Instr::CallMethod { dst, flag, f, argc } => {
                    let flag = reg!(flag).clone();
                    if op!(S::truth(self, &flag)) {
                        Instr::Call {
                            dst,
                            f,
                            args: Reg(f.0 + 1),
                            argc: argc.saturating_add(1),
                        }
                    } else {
                        Instr::Call {
                            dst,
                            f,
                            args: Reg(f.0 + 2),
                            argc,
                        }
                    }
                }
                other => other,
            };
            match instr {
                Instr::LoadConst { dst, k } => reg!(dst) = cur.consts[k.0 as usize].clone(),
                Instr::Move { dst, src } => reg!(dst) = reg!(src).clone(),
                Instr::CheckBound { reg, name } => {
                    if self.space.is_unbound(&reg!(reg)) {
                        let name = self.space.as_str(&cur.consts[name.0 as usize]).unwrap_or_default();
                        raise!(OpError::new(
                            ErrorKind::UnboundLocal,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ))
                    }
                }
                Instr::Unbind { reg } => reg!(reg) = self.space.unbound(),
                Instr::LoadGlobal { dst, g } => {
                    let ns = &self.namespaces[cur.ns as usize];
                    let v = match ns.values.get(g.0 as usize) {
                        Some(Some(v)) => v.clone(),
                        _ => check!(self.load_global(cur.ns as usize, g)),
                    };
                    reg!(dst) = v;
                }
                Instr::StoreGlobal { g, src } => {
                    let v = reg!(src).clone();
                    let ns = &mut self.namespaces[cur.ns as usize];
                    ns.sync();
                    ns.values[g.0 as usize] = Some(v);
                }
                Instr::NewCell { dst, src } => {
                    let v = reg!(src).clone();
                    reg!(dst) = check!(self.space.new_cell(v));
                }
                Instr::LoadCell { dst, cell } => reg!(dst) = self.space.cell_get(&reg!(cell)),
                Instr::StoreCell { cell, src } => {
                    let v = reg!(src).clone();
                    self.space.cell_set(&reg!(cell), v);
                }
                Instr::LoadFree { dst, idx } => {
                    let closure = &self.frames.last().expect("a running frame").closure;
                    let cell = self.space.closure_cell(closure, idx);
                    reg!(dst) = self.space.cell_get(&cell);
                }
                Instr::StoreFree { idx, src } => {
                    let closure = &self.frames.last().expect("a running frame").closure;
                    let cell = self.space.closure_cell(closure, idx);
                    let v = reg!(src).clone();
                    self.space.cell_set(&cell, v);
                }
                Instr::MakeClosure { dst, code } => {
                    let child = self.codes[code.0 as usize].clone();
                    let mut cells = Vec::with_capacity(child.code.captures.len());
                    for cap in &child.code.captures {
                        cells.push(match *cap {
                            Capture::Local(r) => reg!(r).clone(),
                            Capture::Free(i) => {
                                let closure = &self.frames.last().expect("a running frame").closure;
                                self.space.closure_cell(closure, i)
                            }
                        });
                    }
                    // Default values wait in the registers after `dst`; they follow the cells.
                    for j in 0..child.code.params.defaults.len() {
                        cells.push(self.regs[base + dst.0 as usize + 1 + j].clone());
                    }
                    reg!(dst) = check!(self.space.make_closure(code, &child.code.name, cells));
                }
                // ANCHOR: binary
                Instr::Binary { op, dst, a, b } => {
                    let (x, y) = (reg!(a).clone(), reg!(b).clone());
                    let v = op!(S::binary(self, op, x, y));
                    reg!(dst) = v;
                }
                // ANCHOR_END: binary
                Instr::Unary { op, dst, a } => {
                    let x = reg!(a).clone();
                    let v = op!(S::unary(self, op, x));
                    reg!(dst) = v;
                }
                Instr::Jump { target } => pc = target.0 as usize,
                // ANCHOR: jump_back
                Instr::JumpBack { target } => {
                    if self.space.gc_wanted() {
                        if let Some(f) = self.frames.last_mut() {
                            f.pc = pc as u32;
                        }
                        check!(self.collect_garbage());
                    }
                    pc = target.0 as usize;
                    if let Some(h) = self.jit_hooks {
                        if let Some(f) = self.frames.last_mut() {
                            f.pc = pc as u32;
                        }
                        match (h.back_edge)(self) {
                            JitAction::Stay => {}
                            JitAction::Moved => {
                                let top = self.frames.last().expect("compiled code keeps its frame");
                                cur = self.codes[top.code.0 as usize].clone();
                                pc = top.pc as usize;
                                base = top.base as usize;
                            }
                            JitAction::Raise(e) => {
                                // The top frame's pc is the instruction that raised.
                                let at = self.frames.last().map(|f| f.pc as usize).unwrap_or(0);
                                pc = at + 1;
                                raise!(e)
                            }
                        }
                    }
                }
                // ANCHOR_END: jump_back
                Instr::JumpIfFalse { cond, target } => {
                    let c = reg!(cond).clone();
                    if !op!(S::branch(self, &c)) {
                        pc = target.0 as usize;
                    }
                }
                Instr::JumpIfTrue { cond, target } => {
                    let c = reg!(cond).clone();
                    if op!(S::branch(self, &c)) {
                        pc = target.0 as usize;
                    }
                }
                Instr::Call { dst, f, args, argc } => {
                    let first = base + args.0 as usize;
                    if let Some(fr) = self.frames.last_mut() {
                        fr.pc = pc as u32;
                    }
                    // The hot path: a plain guest function called with exactly its arity.
                    let fval = reg!(f).clone();
                    if let Ok(Callee::Guest(code)) = self.space.callee(&fval) {
                        let target = &self.codes[code.0 as usize];
                        let code_ref = &target.code;
                        if code_ref.arity as usize == argc as usize
                            && code_ref.params.is_simple()
                            && !code_ref.generator
                            && self.frames.len() < self.limits.max_depth
                        {
                            let target = target.clone();
                            if self.space.gc_wanted() {
                                check!(self.collect_garbage());
                            }
                            let need = first + target.code.nregs as usize;
                            let none = if target.code.unbound_locals {
                                self.space.unbound()
                            } else {
                                self.space.none()
                            };
                            if self.regs.len() < need {
                                self.regs.resize(need, none.clone());
                            }
                            for r in &mut self.regs[first + argc as usize..need] {
                                *r = none.clone();
                            }
                            self.frames.push(Frame {
                                code,
                                pc: 0,
                                base: first as u32,
                                ret: dst,
                                closure: fval,
                            });
                            cur = target;
                            pc = 0;
                            base = first;
                            continue;
                        }
                    }
                    let (callee, fval, argc) = check!(self.resolve_callee(fval, first, argc as usize));
                    match callee {
                        Callee::Native(id) => {
                            let v = check!(self.call_native(id, first, argc));
                            reg!(dst) = v;
                        }
                        Callee::Bound { .. } => unreachable!("resolve_callee unbinds"),
                        Callee::Guest(code) => {
                            if self.space.gc_wanted() {
                                check!(self.collect_garbage());
                            }
                            let closure = fval;
                            let args = ArgValues::InPlace(argc);
                            match check!(self.start_guest(code, closure, args, first, dst, false)) {
                                Started::Frame(target) => {
                                    cur = target;
                                    pc = 0;
                                    base = first;
                                }
                                Started::Value(v) => reg!(dst) = v,
                            }
                        }
                    }
                }
                Instr::TailCall { f, args, argc } => {
                    let first = base + args.0 as usize;
                    // A native called here sees this call as its caller's current instruction.
                    if let Some(fr) = self.frames.last_mut() {
                        fr.pc = pc as u32;
                    }
                    let (callee, fval, argc) = check!(self.resolve_callee(reg!(f).clone(), first, argc as usize));
                    let value = match callee {
                        Callee::Native(id) => check!(self.call_native(id, first, argc)),
                        Callee::Bound { .. } => unreachable!("resolve_callee unbinds"),
                        Callee::Guest(code) => {
                            // Collect while the frame is still the caller's, so a failing
                            // collection leaves the frame as it was (and pc - 1 is valid).
                            if self.space.gc_wanted() {
                                check!(self.collect_garbage());
                            }
                            let closure = fval;
                            let args = ArgValues::Moved {
                                from: first,
                                count: argc,
                            };
                            match check!(self.start_guest(code, closure, args, base, Reg(0), true)) {
                                Started::Frame(target) => {
                                    cur = target;
                                    pc = 0;
                                    continue;
                                }
                                Started::Value(v) => v,
                            }
                        }
                    };
                    // A native in tail position: return its value like `Return`.
                    let done = self.frames.pop().expect("a running frame");
                    if self.frames.len() <= self.stop_depth {
                        return Ok(value);
                    }
                    match self.frames.last() {
                        None => return Ok(value),
                        Some(caller) => {
                            cur = self.codes[caller.code.0 as usize].clone();
                            pc = caller.pc as usize;
                            base = caller.base as usize;
                            reg!(done.ret) = value;
                        }
                    }
                }
                Instr::CallMethod { .. } => unreachable!("CallMethod is turned into Call before the match"),
                Instr::LoadMethod { flag, f, name } => {
                    let recv = self.regs[base + f.0 as usize + 1].clone();
                    let name = &cur.consts[name.0 as usize];
                    let (callee, is_method) = match op!(S::get_method(self, &recv, name)) {
                        Some(func) => (func, true),
                        None => (op!(S::get_attr(self, recv, name)), false),
                    };
                    reg!(f) = callee;
                    reg!(flag) = self.space.bool(is_method);
                }
                Instr::CallEx { site } => {
                    let site = cur.code.call_sites[site as usize].clone();
                    if let Some(fr) = self.frames.last_mut() {
                        fr.pc = pc as u32;
                    }
                    if self.space.gc_wanted() {
                        check!(self.collect_garbage());
                    }
                    let mut f = reg!(site.f).clone();
                    let mark = self.native_roots.len();
                    let gathered = self.gather_args(&site, base);
                    let (mut positional, keywords) = match gathered {
                        Ok(v) => v,
                        Err(e) => {
                            self.native_roots.truncate(mark);
                            raise!(e)
                        }
                    };
                    let mut callee = check!(self.space.callee(&f));
                    while let Callee::Bound { func, receiver } = callee {
                        positional.insert(0, receiver);
                        f = func;
                        callee = check!(self.space.callee(&f));
                    }
                    let value = match callee {
                        Callee::Bound { .. } => unreachable!("unbound above"),
                        Callee::Native(id) => {
                            let r = self.call_native_with(id, positional, keywords);
                            self.native_roots.truncate(mark);
                            check!(r)
                        }
                        Callee::Guest(code) => {
                            let target = self.codes[code.0 as usize].clone();
                            let bound = self.bind_args(&target.code, &f, positional, keywords);
                            self.native_roots.truncate(mark);
                            let args = ArgValues::Bound(check!(bound));
                            let (frame_base, ret) = if site.tail {
                                (base, Reg(0))
                            } else {
                                (base + site.args.0 as usize, site.dst)
                            };
                            match check!(self.start_guest(code, f, args, frame_base, ret, site.tail)) {
                                Started::Frame(target) => {
                                    cur = target;
                                    pc = 0;
                                    base = frame_base;
                                    continue;
                                }
                                Started::Value(v) => v,
                            }
                        }
                    };
                    if !site.tail {
                        reg!(site.dst) = value;
                        continue;
                    }
                    let done = self.frames.pop().expect("a running frame");
                    if self.frames.len() <= self.stop_depth {
                        return Ok(value);
                    }
                    match self.frames.last() {
                        None => return Ok(value),
                        Some(caller) => {
                            cur = self.codes[caller.code.0 as usize].clone();
                            pc = caller.pc as usize;
                            base = caller.base as usize;
                            reg!(done.ret) = value;
                        }
                    }
                }
                Instr::Return { src } => {
                    let value = reg!(src).clone();
                    let done = self.frames.pop().expect("a running frame");
                    if self.frames.len() <= self.stop_depth {
                        return Ok(value);
                    }
                    match self.frames.last() {
                        None => return Ok(value),
                        Some(caller) => {
                            cur = self.codes[caller.code.0 as usize].clone();
                            pc = caller.pc as usize;
                            base = caller.base as usize;
                            reg!(done.ret) = value;
                        }
                    }
                }
                Instr::Raise { src } => {
                    let v = reg!(src).clone();
                    if let Some(f) = self.frames.last_mut() {
                        f.pc = (pc - 1) as u32;
                    }
                    return Err(Unwind::Raised(v));
                }
                Instr::Append { list, src } => {
                    let (l, v) = (reg!(list).clone(), reg!(src).clone());
                    op!(S::append(self, l, v));
                }
                Instr::Yield { dst, src } => {
                    let v = reg!(src).clone();
                    let nregs = cur.code.nregs as usize;
                    let regs = &self.regs[base..base + nregs];
                    // Save the frame into the state resume_generator keeps; it
                    // stores it back into the generator object.
                    match self.gen_stack.last_mut() {
                        Some((_, state)) => {
                            state.pc = pc as u32;
                            state.resume_dst = Some(dst);
                            state.regs.clear();
                            state.regs.extend_from_slice(regs);
                            state.status = GenStatus::Suspended;
                        }
                        None => raise!(OpError::new(ErrorKind::Value, "yield outside a running generator")),
                    }
                    self.frames.pop();
                    self.yielded = true;
                    return Ok(v);
                }
                Instr::Build {
                    kind,
                    dst,
                    first,
                    count,
                } => {
                    let start = base + first.0 as usize;
                    let items: Vec<S::W> = self.regs[start..start + count as usize].to_vec();
                    let v = op!(S::build(self, kind, &items));
                    reg!(dst) = v;
                }
                Instr::GetItem { dst, obj, key } => {
                    let (o, k) = (reg!(obj).clone(), reg!(key).clone());
                    let v = op!(S::get_item(self, o, k));
                    reg!(dst) = v;
                }
                Instr::SetItem { obj, key, src } => {
                    let (o, k, v) = (reg!(obj).clone(), reg!(key).clone(), reg!(src).clone());
                    op!(S::set_item(self, o, k, v));
                }
                Instr::DelItem { obj, key } => {
                    let (o, k) = (reg!(obj).clone(), reg!(key).clone());
                    op!(S::del_item(self, o, k));
                }
                Instr::GetAttr { dst, obj, name } => {
                    let o = reg!(obj).clone();
                    let v = op!(S::get_attr(self, o, &cur.consts[name.0 as usize]));
                    reg!(dst) = v;
                }
                Instr::SetAttr { obj, name, src } => {
                    let (o, v) = (reg!(obj).clone(), reg!(src).clone());
                    op!(S::set_attr(self, o, &cur.consts[name.0 as usize], v));
                }
                Instr::DelAttr { obj, name } => {
                    let o = reg!(obj).clone();
                    op!(S::del_attr(self, o, &cur.consts[name.0 as usize]));
                }
                Instr::DelGlobal { g } => {
                    let ns = &mut self.namespaces[cur.ns as usize];
                    ns.sync();
                    if ns.values[g.0 as usize].take().is_none() {
                        let name = ns.names.name(g).to_string();
                        raise!(OpError::new(ErrorKind::Name, format!("name '{name}' is not defined")))
                    }
                }
                Instr::GetIter { dst, src } => {
                    let o = reg!(src).clone();
                    let v = op!(S::iter(self, o));
                    reg!(dst) = v;
                }
                Instr::ForIter { iter, target } => {
                    let it = reg!(iter).clone();
                    match op!(S::loop_next(self, it)) {
                        Some(v) => self.regs[base + iter.0 as usize + 1] = v,
                        None => pc = target.0 as usize,
                    }
                }
                Instr::Unpack { first, src, count } => {
                    let o = reg!(src).clone();
                    let items = op!(S::unpack(self, o, count as usize));
                    let start = base + first.0 as usize;
                    for (i, v) in items.into_iter().enumerate() {
                        self.regs[start + i] = v;
                    }
                }
            }
        }
    }
}
