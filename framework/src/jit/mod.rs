//! The JIT generator: meta-tracing over the framework's main loop.
//!
//! No language writes JIT code. A language compiles to framework bytecode and
//! registers its types in the standard space; the JIT watches the *main loop*
//! run that bytecode and compiles what it sees, so every language on the loop
//! gets it.
//!
//! The pieces, in the order a loop meets them:
//! 1. **Counting.** Every backward jump counts executions of its target (a
//!    loop header) in [`Jit::counters`]. At the threshold (`--jit-threshold`,
//!    `WORKBENCH_JIT_THRESHOLD`) recording starts.
//! 2. **Recording** ([`record`]): the main loop keeps running as always and
//!    shows the recorder each instruction before it runs; dispatch decided by
//!    the concrete operands becomes guards plus primitive operations or calls.
//!    Recording stops when the loop comes back to its header.
//! 3. **Optimizing** ([`opt`]): loop peeling, folding, guard removal, unboxing
//!    across iterations, dead code. [`verify`] checks the IR after each step in
//!    debug builds.
//! 4. **Compiling** ([`codegen`]) with Cranelift for the host machine.
//! 5. **Running** ([`runtime`]): the next time the loop's back edge is taken,
//!    the compiled code runs instead. A failed guard writes the registers back
//!    and the main loop resumes at the exact instruction. An exit that fails
//!    often gets a **bridge**: a trace recorded from that exit, which the
//!    runner enters instead of returning to the interpreter.
//!
//! Only the standard space has a JIT: it is the space whose values are
//! machine words (see DESIGN.md). Every other space runs interpreted.

pub mod codegen;
pub mod ir;
pub mod log;
pub mod opt;
pub mod record;
pub mod runtime;
pub mod verify;

use crate::bytecode::{CodeId, Instr};
use crate::interp::{Interp, JitAction, JitHooks};
use crate::space::standard::StandardSpace;
use crate::space::{OpError, Space};
use codegen::{Backend, Compiled};
use ir::{Ending, Trace};
use record::{Purpose, Recorder, State, Step};
use std::collections::HashMap;
use std::time::{Duration, Instant};

type Vm = Interp<StandardSpace>;

/// How the JIT is configured for a run.
#[derive(Clone, Debug)]
pub struct JitOptions {
    /// Loop-header executions before recording starts.
    pub threshold: u32,
    /// Failures of one exit before a bridge is recorded from it.
    pub bridge_threshold: u32,
    /// Write every trace and the counters to this file.
    pub log: Option<std::path::PathBuf>,
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions {
            threshold: 1000,
            bridge_threshold: 200,
            log: None,
        }
    }
}

/// Counters reported in the log and by `--jit-stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JitStats {
    /// Loops compiled.
    pub loops: u32,
    /// Bridges compiled.
    pub bridges: u32,
    /// Recordings given up.
    pub aborts: u32,
    /// Times compiled code was entered from the interpreter.
    pub entries: u64,
    /// Exits through a guard back to the interpreter.
    pub guard_failures: u64,
    /// Time spent recording, optimizing and compiling.
    pub compile_time: Duration,
    /// Time spent in compiled code (including the helpers it calls).
    pub run_time: Duration,
    /// Bytes of machine code.
    pub code_bytes: usize,
    /// When the first loop was compiled, from the start of the run.
    pub first_compiled: Option<Duration>,
}

/// One compiled trace (a loop or a bridge).
pub struct TraceEntry {
    /// What it is.
    pub purpose: Purpose,
    /// Where it starts.
    pub start: (CodeId, u32),
    /// Frames above the trace's base frame where it starts (0 for loops).
    pub start_depth: u32,
    /// The optimized IR (kept for the log and tests).
    pub ir: Trace,
    /// The machine code.
    pub compiled: Compiled,
    /// How often each exit was taken.
    pub exit_counts: Vec<u64>,
    /// 0 for a loop; a bridge is one more than the trace it hangs from.
    pub generation: u32,
}

/// The JIT's state for one interpreter.
pub struct Jit {
    /// Options.
    pub options: JitOptions,
    /// Executions per loop header.
    pub counters: HashMap<(CodeId, u32), u32>,
    /// Compiled loops by header.
    pub loops: HashMap<(CodeId, u32), usize>,
    /// Bridges by (trace, exit).
    pub bridges: HashMap<(usize, u32), usize>,
    /// Every compiled trace, by index.
    pub traces: Vec<TraceEntry>,
    /// The recording in progress.
    pub recording: Option<Recorder>,
    /// Loop headers and exits that gave up recording too often.
    pub blacklist: HashMap<(CodeId, u32), u32>,
    /// Exits whose bridge recording gave up too often.
    pub failed_bridges: HashMap<(usize, u32), u32>,
    /// Recordings given up without blame (bad timing, an inner loop first), per start.
    pub soft_aborts: HashMap<(CodeId, u32), u32>,
    /// Error raised by a helper, waiting for the runner.
    pub pending_error: Option<OpError>,
    /// Counters.
    pub stats: JitStats,
    /// The most registers any trace touches from its base (the window the runner provides).
    pub max_slots: u32,
    /// The log being written, if any.
    pub log: log::Log,
    backend: Option<Backend>,
    started: Instant,
}

/// Recordings of one header given up this many times: never again.
const MAX_ABORTS: u32 = 3;
/// Recordings given up without blame this many times: never again either.
const MAX_SOFT_ABORTS: u32 = 30;
/// Bridges hang from bridges at most this deep (a branchy loop would otherwise grow a tree).
const MAX_GENERATION: u32 = 6;
/// Traces compiled in one run at most.
const MAX_TRACES: usize = 2000;

impl Jit {
    fn new(options: JitOptions) -> Result<Jit, String> {
        let backend = Backend::new(runtime::helper, runtime::box_float).map_err(|e| e.0)?;
        Ok(Jit {
            log: log::Log::new(options.log.clone()),
            options,
            counters: HashMap::new(),
            loops: HashMap::new(),
            bridges: HashMap::new(),
            traces: Vec::new(),
            recording: None,
            blacklist: HashMap::new(),
            failed_bridges: HashMap::new(),
            soft_aborts: HashMap::new(),
            pending_error: None,
            stats: JitStats::default(),
            max_slots: 0,
            backend: Some(backend),
            started: Instant::now(),
        })
    }
}

/// Turns the JIT on for an interpreter over the standard space.
pub fn enable(vm: &mut Vm, options: JitOptions) -> Result<(), String> {
    vm.jit = Some(Box::new(Jit::new(options)?));
    vm.set_jit_hooks(Some(JitHooks {
        back_edge,
        record: record_hook,
        unwinding,
    }));
    Ok(())
}

/// True if a compiled loop starts at `(code, pc)`.
pub fn has_loop(vm: &Vm, code: CodeId, pc: u32) -> bool {
    vm.jit.as_ref().is_some_and(|j| j.loops.contains_key(&(code, pc)))
}

/// Called by the main loop at a backward jump, with the top frame's pc at the target.
fn back_edge(vm: &mut Vm) -> JitAction {
    let Some(top) = vm.frames.last() else {
        return JitAction::Stay;
    };
    let key = (top.code, top.pc);
    let nesting = vm.nesting;
    let Some(jit) = vm.jit.as_mut() else {
        return JitAction::Stay;
    };
    if let Some(rec) = &jit.recording {
        if rec.nesting == nesting {
            // The recorder must see this loop's instructions: stay interpreted.
            return JitAction::Stay;
        }
    }
    if let Some(&t) = jit.loops.get(&key) {
        return run(vm, t);
    }
    if jit.recording.is_some()
        || jit.traces.len() >= MAX_TRACES
        || jit.blacklist.get(&key).is_some_and(|n| *n >= MAX_ABORTS)
    {
        return JitAction::Stay;
    }
    let count = jit.counters.entry(key).or_insert(0);
    *count += 1;
    if *count >= jit.options.threshold {
        *count = 0;
        let (base, depth) = (top_base(vm), vm.frames.len());
        let jit = vm.jit.as_mut().expect("checked above");
        jit.recording = Some(Recorder::new(Purpose::Loop, key.0, key.1, base, depth, nesting));
        vm.watch_changed();
    }
    JitAction::Stay
}

fn top_base(vm: &Vm) -> usize {
    vm.frames.last().map(|f| f.base as usize).unwrap_or(0)
}

/// Called by the main loop before every instruction while recording.
fn record_hook(vm: &mut Vm, instr: Instr, pc: u32) {
    let Some(jit) = vm.jit.as_mut() else { return };
    let Some(mut rec) = jit.recording.take() else {
        return;
    };
    if rec.nesting != vm.nesting {
        vm.jit.as_mut().expect("present").recording = Some(rec);
        return;
    }
    let Some(top) = vm.frames.last() else { return };
    let (code, base, depth) = (top.code, top.base as usize, vm.frames.len());
    let started = Instant::now();
    let mut state = State {
        code,
        pc,
        depth,
        base,
        instr,
        vm,
    };
    let step = rec.record(&mut state);
    let vm = state.vm;
    let elapsed = started.elapsed();
    match step {
        Ok(Step::Continue) => {
            let jit = vm.jit.as_mut().expect("present");
            jit.stats.compile_time += elapsed;
            jit.recording = Some(rec);
        }
        Ok(Step::Done) => {
            install(vm, rec);
            vm.watch_changed();
        }
        Err(why) => {
            abort(vm, rec, &why.0, why.1);
            vm.watch_changed();
        }
    }
}

/// Called when an exception starts unwinding: a recording at this level is given up.
fn unwinding(vm: &mut Vm) {
    let nesting = vm.nesting;
    let Some(jit) = vm.jit.as_mut() else { return };
    if jit.recording.as_ref().is_some_and(|r| r.nesting == nesting) {
        let rec = jit.recording.take().expect("checked");
        abort(vm, rec, "an exception was raised", record::Retry::Penalize);
        vm.watch_changed();
    }
}

fn abort(vm: &mut Vm, rec: Recorder, why: &str, retry: record::Retry) {
    let jit = vm.jit.as_mut().expect("present");
    jit.stats.aborts += 1;
    let soon = jit.options.threshold.saturating_sub(1);
    let soft = jit.soft_aborts.entry(rec.start).or_insert(0);
    *soft += 1;
    let hopeless = *soft > MAX_SOFT_ABORTS;
    match (retry, rec.purpose) {
        (record::Retry::Penalize, Purpose::Loop) => *jit.blacklist.entry(rec.start).or_insert(0) += 1,
        (record::Retry::Penalize, Purpose::Bridge { trace, exit }) => {
            *jit.failed_bridges.entry((trace, exit)).or_insert(0) += 1
        }
        (_, Purpose::Loop) if hopeless => *jit.blacklist.entry(rec.start).or_insert(0) += MAX_ABORTS,
        (_, Purpose::Bridge { trace, exit }) if hopeless => {
            *jit.failed_bridges.entry((trace, exit)).or_insert(0) += MAX_ABORTS
        }
        (record::Retry::Soon, Purpose::Loop) => {
            jit.counters.insert(rec.start, soon);
        }
        (record::Retry::Soon, Purpose::Bridge { .. }) => {}
        (record::Retry::InnerFirst(code, pc), _) => {
            if jit.blacklist.get(&(code, pc)).is_some_and(|n| *n >= MAX_ABORTS) {
                // That inner loop never compiles, so neither can this one.
                if rec.purpose == Purpose::Loop {
                    *jit.blacklist.entry(rec.start).or_insert(0) += MAX_ABORTS;
                }
            } else {
                jit.counters.insert((code, pc), soon);
            }
        }
    }
    let code = &vm.codes[rec.start.0 .0 as usize].code.name;
    let line = format!("abort {:?} at {}@{}: {why}", rec.purpose, code, rec.start.1);
    vm.jit.as_mut().expect("present").log.line(&line);
}

/// Optimizes and compiles a finished recording, and files it.
fn install(vm: &mut Vm, rec: Recorder) {
    let started = Instant::now();
    let purpose = rec.purpose;
    let start = rec.start;
    // Bridges are recorded only from exits in the trace's own frame, so every trace starts there.
    let start_depth = 0;
    let mut trace = if rec.trace.ending.is_some() {
        rec.trace.clone()
    } else {
        let end = rec.end_state();
        opt::peel(rec.trace.clone(), &end, rec.clobbered(), start.1)
    };
    let checked = verify::verify(&trace).and_then(|_| {
        opt::optimize(&mut trace);
        verify::verify(&trace)
    });
    let name = vm.codes[start.0 .0 as usize].code.name.clone();
    let jit = vm.jit.as_mut().expect("present");
    if let Err(e) = checked {
        jit.log
            .line(&format!("verifier refused the trace of {name}@{}: {e}", start.1));
        jit.stats.aborts += 1;
        *jit.blacklist.entry(start).or_insert(0) += MAX_ABORTS;
        return;
    }
    let Some(backend) = jit.backend.as_mut() else { return };
    let index = jit.traces.len();
    match backend.compile(&trace, index) {
        Ok(mut compiled) => {
            jit.max_slots = jit.max_slots.max(trace.slots);
            // A trace that ends at a compiled loop continues in it directly.
            if let Some(Ending::Loop(code, pc)) = trace.ending {
                if let (Some(&l), Some(exit)) = (jit.loops.get(&(code, pc)), compiled.finish_exit) {
                    compiled.link(exit, jit.traces[l].compiled.entry);
                }
            }
            jit.stats.code_bytes += compiled.code_size;
            let exits = compiled.exits.len();
            let elapsed = started.elapsed();
            jit.stats.compile_time += elapsed;
            jit.log
                .trace(index, &purpose, &name, start.1, &trace, elapsed, compiled.code_size);
            match purpose {
                Purpose::Loop => {
                    jit.stats.loops += 1;
                    jit.stats.first_compiled.get_or_insert(jit.started.elapsed());
                    jit.loops.insert(start, index);
                }
                Purpose::Bridge { trace: parent, exit } => {
                    jit.stats.bridges += 1;
                    jit.bridges.insert((parent, exit), index);
                    let target = compiled.entry;
                    jit.traces[parent].compiled.link(exit, target);
                }
            }
            let generation = match purpose {
                Purpose::Loop => 0,
                Purpose::Bridge { trace, .. } => jit.traces[trace].generation + 1,
            };
            jit.traces.push(TraceEntry {
                generation,
                purpose,
                start,
                start_depth,
                ir: trace,
                compiled,
                exit_counts: vec![0; exits],
            });
        }
        Err(e) => {
            jit.log.line(&format!("compiling {name}@{} failed: {}", start.1, e.0));
            jit.stats.aborts += 1;
            *jit.blacklist.entry(start).or_insert(0) += MAX_ABORTS;
        }
    }
}

/// Runs compiled trace `t` (and the bridges and loops it is linked to, which it
/// enters without coming back here) until it returns to the interpreter.
fn run(vm: &mut Vm, t: usize) -> JitAction {
    let started = vm.jit.as_ref().is_some_and(|j| j.log.enabled()).then(Instant::now);
    let action = run_linked(vm, t);
    if let (Some(jit), Some(s)) = (vm.jit.as_mut(), started) {
        jit.stats.run_time += s.elapsed();
    }
    action
}

fn run_linked(vm: &mut Vm, mut t: usize) -> JitAction {
    loop {
        let frame_index = vm.frames.len() - 1;
        let base = vm.frames[frame_index].base as usize;
        let (allocated, next) = vm.space.heap.gc_counters();
        let jit = vm.jit.as_mut().expect("present");
        jit.stats.entries += 1;
        let entry = jit.traces[t].compiled.entry;
        let trampoline = match jit.backend.as_ref() {
            Some(b) => b.trampoline,
            None => return JitAction::Stay,
        };
        let mut ctx = runtime::JitCtx {
            regs: std::ptr::null_mut(),
            failed: 0,
            fuel: std::ptr::null_mut(),
            gc_allocated: allocated,
            gc_next: next,
            vm: std::ptr::null_mut(),
            base,
            slots: jit.max_slots as usize,
        };
        runtime::refresh(vm, &mut ctx);
        ctx.fuel = &mut vm.fuel;
        ctx.vm = vm;
        // SAFETY: `entry` is a trace compiled by this JIT's backend (alive as long as the JIT)
        // and `trampoline` calls it with the context; `ctx` is valid for the call and points at
        // this interpreter, which nothing else uses until it returns (this function holds no
        // other reference across the call). `refresh` sized the register window for every trace.
        let code = unsafe { trampoline(&mut ctx, entry) };
        let (tid, exit) = ((code >> 32) as usize, code as u32);
        let jit = vm.jit.as_mut().expect("present");
        let Some(entry) = jit.traces.get_mut(tid) else {
            return JitAction::Raise(OpError::new(crate::space::ErrorKind::Value, "JIT: bad exit"));
        };
        if exit == codegen::REFUSED {
            // Nothing ran in that trace: resume where it would have started.
            let pc = entry.start.1;
            if let Some(top) = vm.frames.last_mut() {
                top.pc = pc;
            }
            return if tid == t { JitAction::Stay } else { JitAction::Moved };
        }
        let Some(&snap_id) = entry.compiled.exits.get(exit as usize) else {
            return JitAction::Raise(OpError::new(crate::space::ErrorKind::Value, "JIT: bad exit"));
        };
        entry.exit_counts[exit as usize] += 1;
        let length = entry.ir.length as u64;
        let snap = entry.ir.snaps[snap_id.0 as usize].clone();
        let ending = entry.ir.ending;
        let is_finish = entry.compiled.finish_exit == Some(exit);
        // Refund the part of the pass that did not run.
        vm.fuel += length.saturating_sub(snap.executed as u64);
        if let Some(top) = vm.frames.last_mut() {
            top.pc = snap.pc;
        }
        let jit = vm.jit.as_mut().expect("present");
        if ctx.failed != 0 || jit.pending_error.is_some() {
            let e = jit
                .pending_error
                .take()
                .unwrap_or_else(|| OpError::new(crate::space::ErrorKind::Value, "JIT: lost error"));
            return JitAction::Raise(e);
        }
        if is_finish {
            if let Some(Ending::Loop(code, pc)) = ending {
                if let Some(&next) = jit.loops.get(&(code, pc)) {
                    // A safepoint: every value is in its register now.
                    if vm.space.gc_wanted() {
                        if let Err(e) = vm.collect_now() {
                            return JitAction::Raise(e);
                        }
                    }
                    t = next;
                    continue;
                }
            }
            return JitAction::Moved;
        }
        jit.stats.guard_failures += 1;
        maybe_record_bridge(vm, tid, exit, snap.depth);
        return JitAction::Moved;
    }
}

fn maybe_record_bridge(vm: &mut Vm, t: usize, exit: u32, depth: u32) {
    let nesting = vm.nesting;
    let frames = vm.frames.len();
    let jit = vm.jit.as_mut().expect("present");
    let count = jit.traces[t].exit_counts[exit as usize];
    if jit.recording.is_some()
        || jit.bridges.contains_key(&(t, exit))
        || jit.traces[t].generation >= MAX_GENERATION
        || jit.traces.len() >= MAX_TRACES
        || count < jit.options.bridge_threshold as u64
        || jit.failed_bridges.get(&(t, exit)).is_some_and(|n| *n >= MAX_ABORTS)
        || depth != 0
    {
        return;
    }
    let Some(top) = vm.frames.last() else { return };
    let (code, pc, base) = (top.code, top.pc, top.base as usize);
    let jit = vm.jit.as_mut().expect("present");
    jit.traces[t].exit_counts[exit as usize] = 0;
    jit.recording = Some(Recorder::new(
        Purpose::Bridge { trace: t, exit },
        code,
        pc,
        base,
        frames,
        nesting,
    ));
    vm.watch_changed();
}
