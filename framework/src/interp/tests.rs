//! The main loop on hand-assembled bytecode, under both the trivial and the
//! standard space.
//!
//! Register convention (as front ends use it): the arguments of a call are
//! the highest live registers of the caller, because the callee's window
//! starts at the first argument.

use super::*;
use crate::bytecode::builder::CodeBuilder;
use crate::bytecode::{BinOp, Const, ConstId, GlobalId, Handler, Label};
use crate::space::standard::{StandardConfig, StandardSpace};
use crate::space::trivial::TrivialSpace;
use crate::space::Spelling;
use crate::span::{FileId, Span};
use std::cell::RefCell;

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

fn trivial() -> TrivialSpace {
    TrivialSpace::new(SPELLING)
}

fn standard() -> StandardSpace {
    StandardSpace::new(StandardConfig::default(), SPELLING, |_| {})
}

// ---- output capture and a builtin ---------------------------------------------------

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

/// `print(a, b, ...)`: displays the arguments separated by spaces, one line.
fn print<S: Space>(vm: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let mut parts = Vec::with_capacity(args.len());
    for a in args {
        parts.push(vm.display(a)?);
    }
    vm.write_out(&format!("{}\n", parts.join(" ")), args)?;
    Ok(vm.space.none())
}

/// Runs `module` and returns what it printed, the result, and the interpreter.
fn run_full<S: Space>(
    space: S,
    limits: Limits,
    globals: &Globals,
    module: &Module,
) -> (String, Result<S::W, Diagnostic>, Interp<S>) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Interp::new(space, limits, Box::new(SharedBuf(buf.clone())));
    *vm.globals_mut() = globals.clone();
    vm.install(vec![Builtin {
        name: "print",
        arity: Arity::AtLeast(0),
        func: print::<S>,
    }])
    .unwrap();
    let result = vm.run_module(module.clone());
    let out = String::from_utf8(buf.borrow().clone()).unwrap();
    (out, result, vm)
}

/// The program's output, or the diagnostic that ended it.
fn run<S: Space>(space: S, limits: Limits, globals: &Globals, module: &Module) -> Result<String, Diagnostic> {
    let (out, result, _) = run_full(space, limits, globals, module);
    result.map(|_| out)
}

/// Runs under both spaces, checks they agree, and returns the common outcome.
fn run_both(limits: Limits, (globals, module): &(Globals, Module)) -> Result<String, Diagnostic> {
    let t = run(trivial(), limits, globals, module);
    let s = run(standard(), limits, globals, module);
    assert_eq!(t, s, "the trivial and the standard space disagree");
    s
}

// ---- a tiny assembler ----------------------------------------------------------------

/// Instruction `i` of a code assembled with span offset `base` has the span `base + i`.
fn sp(n: usize) -> Span {
    Span::new(FileId(0), n, n + 1)
}

struct Asm {
    b: CodeBuilder,
    base: usize,
}

impl Asm {
    fn new(name: &str, arity: u16, base: usize) -> Asm {
        Asm {
            b: CodeBuilder::new(name, arity, sp(base)),
            base,
        }
    }
    fn regs<const N: usize>(&mut self) -> [Reg; N] {
        [(); N].map(|_| self.b.alloc_reg().unwrap())
    }
    fn op(&mut self, i: Instr) -> Label {
        let at = self.b.here().0 as usize;
        self.b.emit(i, sp(self.base + at))
    }
    fn load(&mut self, dst: Reg, c: Const) {
        let k: ConstId = self.b.constant(c).unwrap();
        self.op(Instr::LoadConst { dst, k });
    }
    fn int(&mut self, dst: Reg, i: i64) {
        self.load(dst, Const::Int(i));
    }
    fn bin(&mut self, op: BinOp, dst: Reg, a: Reg, b: Reg) {
        self.op(Instr::Binary { op, dst, a, b });
    }
    fn global(&mut self, dst: Reg, g: GlobalId) -> Label {
        self.op(Instr::LoadGlobal { dst, g })
    }
    fn call(&mut self, dst: Reg, f: Reg, args: Reg, argc: u8) -> Label {
        self.op(Instr::Call { dst, f, args, argc })
    }
    /// `print(R[r])`, using the two scratch registers `s` (which must be the top ones).
    fn print(&mut self, globals: &mut Globals, r: Reg, [f, arg]: [Reg; 2]) {
        self.global(f, globals.intern("print"));
        self.op(Instr::Move { dst: arg, src: r });
        self.call(f, f, arg, 1);
    }
    fn ret(&mut self, src: Reg) {
        self.op(Instr::Return { src });
    }
    fn finish(self) -> Code {
        self.b.finish()
    }
}

fn module(codes: Vec<Code>) -> Module {
    Module {
        codes,
        main: Some(CodeId(0)),
    }
}

/// `name(n)`: `if n == 0 { return base } else { return n op name(n - 1) }`, as a global,
/// or as a tail call `name(n - 1, acc + 1)` returning `acc` when `tail`.
fn counter_fn(globals: &mut Globals, name: &str, tail: bool, span_base: usize) -> Code {
    let g = globals.intern(name);
    let mut a = Asm::new(name, if tail { 2 } else { 1 }, span_base);
    let n = Reg(0);
    if tail {
        let acc = Reg(1);
        let [zero, one, c, f, a0, a1] = a.regs();
        a.int(zero, 0);
        a.int(one, 1);
        a.bin(BinOp::Eq, c, n, zero);
        let jump = a.op(Instr::JumpIfFalse {
            cond: c,
            target: Label(0),
        });
        a.ret(acc);
        let rec = a.b.here();
        a.b.patch(jump, rec);
        a.global(f, g);
        a.bin(BinOp::Sub, a0, n, one);
        a.bin(BinOp::Add, a1, acc, one);
        a.op(Instr::TailCall { f, args: a0, argc: 2 });
    } else {
        let [zero, one, c, r, f, a0] = a.regs();
        a.int(zero, 0);
        a.int(one, 1);
        a.bin(BinOp::Eq, c, n, zero);
        let jump = a.op(Instr::JumpIfFalse {
            cond: c,
            target: Label(0),
        });
        a.ret(zero);
        let rec = a.b.here();
        a.b.patch(jump, rec);
        a.global(f, g);
        a.bin(BinOp::Sub, a0, n, one);
        a.call(r, f, a0, 1);
        a.bin(BinOp::Add, r, r, one);
        a.ret(r);
    }
    a.finish()
}

/// Main: define global `name` as closure of code 1, print `name(args...)`.
fn call_and_print(globals: &mut Globals, name: &str, args: &[i64], callee: Code) -> (Globals, Module) {
    let g = globals.intern(name);
    let mut m = Asm::new("<module>", 0, 0);
    let [f, r] = m.regs();
    m.op(Instr::MakeClosure {
        dst: f,
        code: CodeId(1),
    });
    m.op(Instr::StoreGlobal { g, src: f });
    let argv: Vec<Reg> = args.iter().map(|_| m.b.alloc_reg().unwrap()).collect();
    for (&reg, &v) in argv.iter().zip(args) {
        m.int(reg, v);
    }
    m.call(r, f, argv[0], args.len() as u8);
    let scratch = m.regs();
    m.print(globals, r, scratch);
    m.ret(r);
    (globals.clone(), module(vec![m.finish(), callee]))
}

// ---- tests ---------------------------------------------------------------------------

#[test]
fn arithmetic_and_a_while_loop() {
    let mut globals = Globals::new();
    let mut m = Asm::new("<module>", 0, 0);
    let [sum, i, limit, one, tmp, cond, x, y] = m.regs();
    m.int(sum, 0);
    m.int(i, 0);
    m.int(limit, 10);
    m.int(one, 1);
    let top = m.b.here();
    m.bin(BinOp::Lt, cond, i, limit);
    let exit = m.op(Instr::JumpIfFalse { cond, target: Label(0) });
    m.bin(BinOp::Mul, tmp, i, i);
    m.bin(BinOp::Add, sum, sum, tmp);
    m.bin(BinOp::Add, i, i, one);
    m.op(Instr::JumpBack { target: top });
    let end = m.b.here();
    m.b.patch(exit, end);
    let scratch = m.regs();
    m.print(&mut globals, sum, scratch);
    // -7 // 2, -7 % 2, -7 / 2, -7 ** 2, a comparison of an int with a float.
    m.int(x, -7);
    m.int(y, 2);
    for op in [BinOp::FloorDiv, BinOp::Mod, BinOp::Div, BinOp::Pow, BinOp::Lt] {
        m.bin(op, tmp, x, y);
        m.print(&mut globals, tmp, scratch);
    }
    m.load(y, Const::Float(0.5));
    m.bin(BinOp::Mul, tmp, x, y);
    m.print(&mut globals, tmp, scratch);
    m.ret(sum);
    let program = (globals.clone(), module(vec![m.finish()]));
    assert_eq!(
        run_both(Limits::default(), &program).unwrap(),
        "285\n-4\n1\n-3.5\n49\nTrue\n-3.5\n"
    );
}

#[test]
fn closures_share_cells() {
    let mut globals = Globals::new();
    // peek(): return F0 (a closure made inside a closure: Capture::Free).
    let mut peek = Asm::new("peek", 0, 300);
    let [v] = peek.regs();
    peek.op(Instr::LoadFree { dst: v, idx: 0 });
    peek.ret(v);
    let mut peek = peek.finish();
    peek.captures.push(Capture::Free(0));
    // inc(): F0 += 1; return peek()
    let mut inc = Asm::new("inc", 0, 200);
    let [n, one, p] = inc.regs();
    inc.op(Instr::LoadFree { dst: n, idx: 0 });
    inc.int(one, 1);
    inc.bin(BinOp::Add, n, n, one);
    inc.op(Instr::StoreFree { idx: 0, src: n });
    inc.op(Instr::MakeClosure {
        dst: p,
        code: CodeId(3),
    });
    inc.call(p, p, p, 0);
    inc.ret(p);
    let mut inc = inc.finish();
    // make_counter(): cell = new cell(0); f = closure inc; cell := cell + 10; return f
    let mut mk = Asm::new("make_counter", 0, 100);
    let [cell, zero, f, t] = mk.regs();
    mk.int(zero, 0);
    mk.op(Instr::NewCell { dst: cell, src: zero });
    mk.op(Instr::MakeClosure {
        dst: f,
        code: CodeId(2),
    });
    // The enclosing frame sees and changes the same cell after the closure exists.
    mk.op(Instr::LoadCell { dst: t, cell });
    mk.int(zero, 10);
    mk.bin(BinOp::Add, t, t, zero);
    mk.op(Instr::StoreCell { cell, src: t });
    mk.ret(f);
    inc.captures.push(Capture::Local(cell));
    let mk = mk.finish();
    // main: c1 = make_counter(); c1(); c2 = make_counter(); print(c1(), c2())
    let mut m = Asm::new("<module>", 0, 0);
    let [maker, c1, c2, r1, r2, pf, a1, a2] = m.regs();
    m.op(Instr::MakeClosure {
        dst: maker,
        code: CodeId(1),
    });
    m.call(c1, maker, pf, 0);
    m.call(r1, c1, pf, 0);
    m.call(c2, maker, pf, 0);
    m.call(r1, c1, pf, 0);
    m.call(r2, c2, pf, 0);
    m.global(pf, globals.intern("print"));
    m.op(Instr::Move { dst: a1, src: r1 });
    m.op(Instr::Move { dst: a2, src: r2 });
    m.call(pf, pf, a1, 2);
    m.ret(r1);
    let program = (globals.clone(), module(vec![m.finish(), mk, inc, peek]));
    assert_eq!(run_both(Limits::default(), &program).unwrap(), "12 11\n");
}

#[test]
fn recursion() {
    // fact(n) = n < 2 ? 1 : n * fact(n - 1)
    let mut globals = Globals::new();
    let g = globals.intern("fact");
    let mut a = Asm::new("fact", 1, 100);
    let [two, c, f, r, arg] = a.regs();
    a.int(two, 2);
    a.bin(BinOp::Lt, c, Reg(0), two);
    let j = a.op(Instr::JumpIfFalse {
        cond: c,
        target: Label(0),
    });
    a.int(r, 1);
    a.ret(r);
    let here = a.b.here();
    a.b.patch(j, here);
    a.global(f, g);
    a.int(r, 1);
    a.bin(BinOp::Sub, arg, Reg(0), r);
    a.call(r, f, arg, 1);
    a.bin(BinOp::Mul, r, Reg(0), r);
    a.ret(r);
    let program = call_and_print(&mut globals, "fact", &[20], a.finish());
    assert_eq!(run_both(Limits::default(), &program).unwrap(), "2432902008176640000\n");
}

#[test]
fn tail_calls_run_in_constant_frames() {
    let mut globals = Globals::new();
    let lp = counter_fn(&mut globals, "loop", true, 100);
    let program = call_and_print(&mut globals, "loop", &[1_000_000, 0], lp);
    // With room for only 100 frames, a million tail calls still complete.
    let limits = Limits {
        max_depth: 100,
        ..Limits::default()
    };
    assert_eq!(run_both(limits, &program).unwrap(), "1000000\n");

    // The same count without tail calls needs a frame per level.
    let mut globals = Globals::new();
    let count = counter_fn(&mut globals, "count", false, 100);
    let program = call_and_print(&mut globals, "count", &[1000], count);
    let err = run_both(limits, &program).unwrap_err();
    assert_eq!(err.kind, "RecursionError");
    assert_eq!(
        err.traceback.len(),
        100,
        "the traceback lists every frame that was live"
    );
}

#[test]
fn deep_non_tail_recursion_uses_heap_frames() {
    let mut globals = Globals::new();
    let count = counter_fn(&mut globals, "count", false, 100);
    let program = call_and_print(&mut globals, "count", &[100_000], count);
    assert_eq!(run_both(Limits::default(), &program).unwrap(), "100000\n");
}

/// main calls f in a protected range; f calls g; g does `1 + "a"` (or raises
/// `"oops"` when `raise`). With `protect`, main prints what it caught.
fn two_frames_down(raise: bool, protect: bool) -> (Globals, Module) {
    let mut globals = Globals::new();
    let gf = globals.intern("f");
    let gg = globals.intern("g");
    let mut g = Asm::new("g", 0, 200);
    let [x, y, z] = g.regs();
    if raise {
        g.load(x, Const::Str("oops".into()));
        g.op(Instr::Raise { src: x });
    } else {
        g.int(x, 1);
        g.load(y, Const::Str("a".into()));
        g.bin(BinOp::Add, z, x, y);
    }
    g.ret(z);
    let mut f = Asm::new("f", 0, 100);
    let [r] = f.regs();
    f.global(r, gg);
    f.call(r, r, r, 0);
    f.ret(r);
    let mut m = Asm::new("<module>", 0, 0);
    let [fr, err, s0, s1] = m.regs();
    m.op(Instr::MakeClosure {
        dst: fr,
        code: CodeId(1),
    });
    m.op(Instr::StoreGlobal { g: gf, src: fr });
    m.op(Instr::MakeClosure {
        dst: fr,
        code: CodeId(2),
    });
    m.op(Instr::StoreGlobal { g: gg, src: fr });
    let start = m.global(fr, gf);
    m.call(fr, fr, s0, 0);
    let end = m.b.here();
    m.load(err, Const::Str("not reached".into()));
    let target = m.b.here();
    if protect {
        m.b.add_handler(Handler {
            start,
            end: Label(end.0),
            target,
            dst: err,
        });
    }
    m.print(&mut globals, err, [s0, s1]);
    m.ret(err);
    (globals.clone(), module(vec![m.finish(), f.finish(), g.finish()]))
}

#[test]
fn a_handler_in_a_caller_catches_an_error_two_frames_down() {
    let out = run_both(Limits::default(), &two_frames_down(false, true)).unwrap();
    assert_eq!(out, "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n");
    let out = run_both(Limits::default(), &two_frames_down(true, true)).unwrap();
    assert_eq!(out, "oops\n");
}

#[test]
fn uncaught_errors_carry_a_traceback_outermost_first() {
    let d = run_both(Limits::default(), &two_frames_down(false, false)).unwrap_err();
    assert_eq!(d.kind, "TypeError");
    assert_eq!(d.message, "unsupported operand type(s) for +: 'int' and 'str'");
    let frames: Vec<(&str, u32)> = d.traceback.iter().map(|t| (t.name.as_str(), t.span.start)).collect();
    // main's call of f is its instruction 5, f's call of g its instruction 1,
    // g's addition its instruction 2.
    assert_eq!(frames, [("<module>", 5), ("f", 101), ("g", 202)]);
    assert_eq!(d.span, Some(sp(202)));

    let d = run_both(Limits::default(), &two_frames_down(true, false)).unwrap_err();
    assert_eq!((d.kind.as_str(), d.message.as_str()), ("Error", "oops"));
    assert_eq!(
        d.traceback.last().map(|t| t.span),
        Some(sp(201)),
        "the Raise instruction"
    );
}

#[test]
fn the_instruction_budget_ends_a_loop_and_cannot_be_caught() {
    let mut globals = Globals::new();
    let mut m = Asm::new("<module>", 0, 0);
    let [x, err, s0, s1] = m.regs();
    m.int(x, 1);
    let top = m.b.here();
    m.op(Instr::JumpBack { target: top });
    let target = m.b.here();
    m.b.add_handler(Handler {
        start: Label(0),
        end: target,
        target,
        dst: err,
    });
    m.print(&mut globals, err, [s0, s1]);
    m.ret(err);
    let program = (globals.clone(), module(vec![m.finish()]));
    let limits = Limits {
        max_instructions: 1000,
        ..Limits::default()
    };
    let d = run_both(limits, &program).unwrap_err();
    assert_eq!(d.kind, "BudgetError");
    assert!(d.message.contains("1000"), "{}", d.message);
    let (out, _, vm) = run_full(standard(), limits, &globals, &program.1);
    assert_eq!(out, "", "the handler never ran");
    assert_eq!(vm.instructions_executed(), 1000);
}

/// main calls `f(x)` (or the int 3, or the unbound global `nope`) with `argc` arguments.
fn call_with(argc: u8, not_callable: bool, unbound: bool) -> Result<String, Diagnostic> {
    let mut globals = Globals::new();
    let mut f = Asm::new("f", 1, 100);
    f.ret(Reg(0));
    let mut m = Asm::new("<module>", 0, 0);
    let [fr, a0, a1] = m.regs();
    if unbound {
        m.global(fr, globals.intern("nope"));
    } else if not_callable {
        m.int(fr, 3);
    } else {
        m.op(Instr::MakeClosure {
            dst: fr,
            code: CodeId(1),
        });
    }
    m.int(a0, 1);
    m.int(a1, 2);
    m.call(fr, fr, a0, argc);
    m.ret(fr);
    run_both(
        Limits::default(),
        &(globals.clone(), module(vec![m.finish(), f.finish()])),
    )
}

#[test]
fn call_errors() {
    assert_eq!(call_with(1, false, false).unwrap(), "");
    let d = call_with(2, false, false).unwrap_err();
    assert_eq!(
        (d.kind.as_str(), d.message.as_str()),
        ("TypeError", "f() takes 1 argument but 2 were given")
    );
    assert_eq!(d.span, Some(sp(3)));
    let d = call_with(0, false, false).unwrap_err();
    assert_eq!(d.message, "f() takes 1 argument but 0 were given");
    let d = call_with(1, true, false).unwrap_err();
    assert_eq!(
        (d.kind.as_str(), d.message.as_str()),
        ("TypeError", "'int' object is not callable")
    );
    let d = call_with(1, false, true).unwrap_err();
    assert_eq!(
        (d.kind.as_str(), d.message.as_str()),
        ("NameError", "name 'nope' is not defined")
    );
    assert_eq!(d.span, Some(sp(0)));
}

/// Makes `iterations` garbage cycles (cell -> closure -> cell) in a callee while
/// a fresh string sits in global `keep` and another in the caller's register.
fn garbage_program(iterations: i64) -> (Globals, Module) {
    let mut globals = Globals::new();
    let keep = globals.intern("keep");
    // node(): return F0
    let mut node = Asm::new("node", 0, 300);
    let [v] = node.regs();
    node.op(Instr::LoadFree { dst: v, idx: 0 });
    node.ret(v);
    let mut node = node.finish();
    // churn(n): while i < n { c = cell(none); c := closure(c) }
    let mut churn = Asm::new("churn", 1, 100);
    let [i, one, none, cell, clo, cond] = churn.regs();
    churn.int(i, 0);
    churn.int(one, 1);
    churn.load(none, Const::None);
    let top = churn.b.here();
    churn.bin(BinOp::Lt, cond, i, Reg(0));
    let exit = churn.op(Instr::JumpIfFalse { cond, target: Label(0) });
    churn.op(Instr::NewCell { dst: cell, src: none });
    churn.op(Instr::MakeClosure {
        dst: clo,
        code: CodeId(2),
    });
    churn.op(Instr::StoreCell { cell, src: clo });
    churn.bin(BinOp::Add, i, i, one);
    churn.op(Instr::JumpBack { target: top });
    let end = churn.b.here();
    churn.b.patch(exit, end);
    churn.ret(none);
    node.captures.push(Capture::Local(cell));
    // main: keep = "ke" + "pt"; local = "lo" + "cal"; churn(n); print(keep); print(local)
    let mut m = Asm::new("<module>", 0, 0);
    let [x, y, local, f, n, s0, s1] = m.regs();
    m.load(x, Const::Str("ke".into()));
    m.load(y, Const::Str("pt".into()));
    m.bin(BinOp::Add, x, x, y);
    m.op(Instr::StoreGlobal { g: keep, src: x });
    m.load(x, Const::None);
    m.load(y, Const::Str("lo".into()));
    m.load(local, Const::Str("cal".into()));
    m.bin(BinOp::Add, local, y, local);
    m.load(y, Const::None);
    m.op(Instr::MakeClosure {
        dst: f,
        code: CodeId(1),
    });
    m.int(n, iterations);
    m.call(f, f, n, 1);
    m.global(x, keep);
    m.print(&mut globals, x, [s0, s1]);
    m.print(&mut globals, local, [s0, s1]);
    m.ret(x);
    (globals.clone(), module(vec![m.finish(), churn.finish(), node]))
}

#[test]
fn gc_reclaims_cyclic_garbage_and_keeps_roots() {
    let (globals, program) = garbage_program(2_000_000);
    let config = StandardConfig {
        max_heap_bytes: 64 << 20,
        ..Default::default()
    };
    let space = StandardSpace::new(config, SPELLING, |_| {});
    let (out, result, vm) = run_full(space, Limits::default(), &globals, &program);
    result.unwrap();
    assert_eq!(
        out, "kept\nlocal\n",
        "a global and a caller's register survive collections"
    );
    let stats = vm.space.heap.stats();
    assert!(stats.collections > 0, "{stats:?}");
    assert!(stats.live_objects < 200_000, "{stats:?}");
    assert!(stats.peak_bytes <= 64 << 20, "{stats:?}");
}

#[test]
fn gc_runs_before_a_small_heap_budget_is_exhausted() {
    // 2 MiB is far more than the program ever holds live; only garbage fills it.
    let (globals, program) = garbage_program(200_000);
    let config = StandardConfig {
        max_heap_bytes: 2 << 20,
        ..Default::default()
    };
    let space = StandardSpace::new(config, SPELLING, |_| {});
    let (out, result, vm) = run_full(space, Limits::default(), &globals, &program);
    if let Err(d) = result {
        panic!("{}: {} after {:?}", d.kind, d.message, vm.space.heap.stats());
    }
    assert_eq!(out, "kept\nlocal\n");
    assert!(vm.space.heap.stats().collections > 0);
}

#[test]
fn the_trivial_space_runs_the_garbage_program_too() {
    // No cycle collection there, but the same answers.
    let (globals, program) = garbage_program(1000);
    assert_eq!(
        run(trivial(), Limits::default(), &globals, &program).unwrap(),
        "kept\nlocal\n"
    );
}

/// `apply(f, x)`: calls `f(x)` from Rust, through a nested run of the main loop.
fn apply<S: Space>(vm: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    vm.call_value(args[0].clone(), &args[1..])
}

/// main: `for i in 0..n { acc = apply(f, i) }; print(acc)` in a protected range,
/// printing the caught value; `f(x)` is `x + x`, or raises `x` when `raise`.
fn apply_program(n: i64, raise: bool) -> (Globals, Module) {
    let mut globals = Globals::new();
    let g_apply = globals.intern("apply");
    let mut f = Asm::new("f", 1, 100);
    let [r] = f.regs();
    if raise {
        f.op(Instr::Raise { src: Reg(0) });
    }
    f.bin(BinOp::Add, r, Reg(0), Reg(0));
    f.ret(r);
    let mut m = Asm::new("<module>", 0, 0);
    let [i, n_reg, one, cond, acc, fa, a0, a1] = m.regs();
    m.int(i, 0);
    m.int(n_reg, n);
    m.int(one, 1);
    m.int(acc, -1);
    let top = m.b.here();
    m.bin(BinOp::Lt, cond, i, n_reg);
    let exit = m.op(Instr::JumpIfFalse { cond, target: Label(0) });
    m.global(fa, g_apply);
    m.op(Instr::MakeClosure {
        dst: a0,
        code: CodeId(1),
    });
    m.op(Instr::Move { dst: a1, src: i });
    m.call(acc, fa, a0, 2);
    m.bin(BinOp::Add, i, i, one);
    m.op(Instr::JumpBack { target: top });
    let end = m.b.here();
    m.b.patch(exit, end);
    m.b.add_handler(Handler {
        start: Label(0),
        end,
        target: end,
        dst: acc,
    });
    m.print(&mut globals, acc, [a0, a1]);
    m.ret(acc);
    (globals.clone(), module(vec![m.finish(), f.finish()]))
}

fn run_apply<S: Space>(space: S, program: &(Globals, Module)) -> (String, usize) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Interp::new(space, Limits::default(), Box::new(SharedBuf(buf.clone())));
    *vm.globals_mut() = program.0.clone();
    vm.install(vec![
        Builtin {
            name: "print",
            arity: Arity::AtLeast(0),
            func: print::<S>,
        },
        Builtin {
            name: "apply",
            arity: Arity::AtLeast(1),
            func: apply::<S>,
        },
    ])
    .unwrap();
    if let Err(d) = vm.run_module(program.1.clone()) {
        panic!("{}", d.headline());
    }
    let out = String::from_utf8(buf.borrow().clone()).unwrap();
    (out, vm.regs.len())
}

#[test]
fn natives_call_back_into_guest_code() {
    let program = apply_program(10_000, false);
    for (out, regs) in [run_apply(trivial(), &program), run_apply(standard(), &program)] {
        assert_eq!(out, "19998\n");
        assert!(
            regs < 100,
            "nested runs leave the register stack as they found it ({regs} registers)"
        );
    }
    // A guest exception crosses the native and is caught as the same value.
    let program = apply_program(10, true);
    assert_eq!(run_apply(trivial(), &program).0, "0\n");
    assert_eq!(run_apply(standard(), &program).0, "0\n");
}

#[test]
fn gc_at_tail_calls_keeps_the_arguments() {
    // loop(n, s): if n == 0 { return s }; c = cell(s); c := closure(c); return loop(n - 1, s)
    // No backward jump: the tail calls are the only safepoints.
    let mut globals = Globals::new();
    let g = globals.intern("loop");
    let mut node = Asm::new("node", 0, 300);
    let [v] = node.regs();
    node.op(Instr::LoadFree { dst: v, idx: 0 });
    node.ret(v);
    let mut node = node.finish();
    let mut lp = Asm::new("loop", 2, 100);
    let (n, s) = (Reg(0), Reg(1));
    let [zero, c, cell, clo, f, a0, a1] = lp.regs();
    lp.int(zero, 0);
    lp.bin(BinOp::Eq, c, n, zero);
    let j = lp.op(Instr::JumpIfFalse {
        cond: c,
        target: Label(0),
    });
    lp.ret(s);
    let here = lp.b.here();
    lp.b.patch(j, here);
    lp.op(Instr::NewCell { dst: cell, src: s });
    lp.op(Instr::MakeClosure {
        dst: clo,
        code: CodeId(2),
    });
    lp.op(Instr::StoreCell { cell, src: clo });
    lp.global(f, g);
    lp.int(a0, 1);
    lp.bin(BinOp::Sub, a0, n, a0);
    // A fresh copy of the string each time, so only the argument keeps it alive.
    lp.load(a1, Const::Str("".into()));
    lp.bin(BinOp::Add, a1, s, a1);
    lp.op(Instr::TailCall { f, args: a0, argc: 2 });
    node.captures.push(Capture::Local(cell));
    let mut m = Asm::new("<module>", 0, 0);
    let [fr, r, x, y, s0, s1] = m.regs();
    m.op(Instr::MakeClosure {
        dst: fr,
        code: CodeId(1),
    });
    m.op(Instr::StoreGlobal { g, src: fr });
    m.int(x, 500_000);
    m.load(y, Const::Str("ke".into()));
    m.load(s0, Const::Str("pt".into()));
    m.bin(BinOp::Add, y, y, s0);
    m.call(r, fr, x, 2);
    m.print(&mut globals, r, [s0, s1]);
    m.ret(r);
    let program = module(vec![m.finish(), lp.finish(), node]);
    let config = StandardConfig {
        max_heap_bytes: 16 << 20,
        ..Default::default()
    };
    let space = StandardSpace::new(config, SPELLING, |_| {});
    let limits = Limits {
        max_depth: 10,
        ..Limits::default()
    };
    let (out, result, vm) = run_full(space, limits, &globals, &program);
    result.unwrap_or_else(|d| panic!("{}", d.headline()));
    assert_eq!(out, "kept\n");
    assert!(vm.space.heap.stats().collections > 0);
    assert!(vm.space.heap.stats().live_objects < 500_000);
}

/// `f(flag)`: `if flag { x = 7 }; return x`, with `x` checked before the read, in code
/// whose locals start unbound.
fn maybe_assigned() -> Code {
    let mut a = Asm::new("f", 1, 300);
    let flag = Reg(0);
    let [x] = a.regs();
    let skip = a.op(Instr::JumpIfFalse {
        cond: flag,
        target: Label(0),
    });
    a.int(x, 7);
    let here = a.b.here();
    a.b.patch(skip, here);
    let name = a.b.constant(Const::Str("x".into())).unwrap();
    a.op(Instr::CheckBound { reg: x, name });
    a.ret(x);
    a.b.set_unbound_locals();
    a.finish()
}

#[test]
fn check_bound_refuses_a_local_that_was_never_assigned() {
    let mut globals = Globals::new();
    let assigned = call_and_print(&mut globals, "f", &[1], maybe_assigned());
    assert_eq!(
        run(standard(), Limits::default(), &assigned.0, &assigned.1).unwrap(),
        "7\n"
    );
    let mut globals = Globals::new();
    let unassigned = call_and_print(&mut globals, "f", &[0], maybe_assigned());
    let err = run(standard(), Limits::default(), &unassigned.0, &unassigned.1).unwrap_err();
    assert_eq!(err.kind, "UnboundLocalError");
    assert!(err.message.contains("local variable 'x'"), "{}", err.message);
    // A space without an unbound marker starts locals as none, and the check never fires.
    assert_eq!(
        run(trivial(), Limits::default(), &unassigned.0, &unassigned.1).unwrap(),
        "None\n"
    );
}

#[test]
fn unbind_makes_a_local_unbound_again() {
    let mut a = Asm::new("f", 1, 400);
    let x = Reg(0);
    a.op(Instr::Unbind { reg: x });
    let name = a.b.constant(Const::Str("x".into())).unwrap();
    a.op(Instr::CheckBound { reg: x, name });
    a.ret(x);
    a.b.set_unbound_locals();
    let mut globals = Globals::new();
    let program = call_and_print(&mut globals, "f", &[5], a.finish());
    let err = run(standard(), Limits::default(), &program.0, &program.1).unwrap_err();
    assert_eq!(err.kind, "UnboundLocalError");
}
