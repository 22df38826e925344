//! What the JIT compiles Python loops into, asserted on the optimized traces
//! (in the spirit of PyPy's test_pypy_c), plus a differential fuzzer that runs
//! random loops interpreted and compiled and compares what they print.
//!
//! These run the real front end and the real JIT in-process with the
//! threshold forced low, so every loop in a test is compiled.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::jit::ir::{Helper, Op};
use workbench_framework::jit::{self, JitOptions};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::Space;
use workbench_python::Python;

struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `source`; with `jit` the threshold is that number. Returns what it printed (or the
/// error's text) and the interpreter, for looking at its traces.
fn run(source: &str, jit: Option<u32>, limits: Limits) -> (String, Interp<StandardSpace>) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let space = StandardSpace::new(StandardConfig::default(), Python.spelling(), |r| Python.register(r));
    let mut vm = Interp::new(space, limits, Box::new(Shared(buf.clone())));
    StandardSpace::start(&mut vm, &Python).expect("python starts");
    if let Some(t) = jit {
        let options = JitOptions {
            threshold: t,
            bridge_threshold: t,
            log: None,
        };
        jit::enable(&mut vm, options).expect("the JIT starts");
    }
    let file = vm.sources.add("test.py", source.to_string());
    let module = Python
        .compile(file, source, vm.globals_mut(), Mode::Program)
        .unwrap_or_else(|d| panic!("does not compile: {:?}", d[0].message));
    let result = vm.run_module(module);
    vm.flush();
    let mut out = String::from_utf8(buf.borrow().clone()).expect("utf-8 output");
    if let Err(d) = result {
        out.push_str(&format!("error: {}: {}\n", d.kind, d.message));
    }
    (out, vm)
}

fn interpreted(source: &str) -> String {
    run(source, None, Limits::default()).0
}

/// The operations of the loop body (after the header) of every compiled loop.
fn loop_bodies(vm: &Interp<StandardSpace>) -> Vec<Vec<Op>> {
    let jit = vm.jit.as_ref().expect("the JIT is on");
    jit.traces
        .iter()
        .filter(|t| t.ir.ops.iter().any(|e| matches!(e.op, Op::LoopHeader { .. })))
        .map(|t| {
            t.ir.ops
                .iter()
                .skip_while(|e| !matches!(e.op, Op::LoopHeader { .. }))
                .map(|e| e.op.clone())
                .collect()
        })
        .collect()
}

fn count(ops: &[Op], pred: impl Fn(&Op) -> bool) -> usize {
    ops.iter().filter(|op| pred(op)).count()
}

const INT_LOOP: &str = "
def f(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 - (i & 7)
        i += 1
    return total
print(f(5000))
";

#[test]
fn an_int_loop_runs_unboxed_without_calls_or_allocation() {
    let (out, vm) = run(INT_LOOP, Some(2), Limits::default());
    assert_eq!(out, interpreted(INT_LOOP));
    let bodies = loop_bodies(&vm);
    assert_eq!(bodies.len(), 1, "one loop compiled");
    let body = &bodies[0];
    assert_eq!(
        count(body, |op| matches!(op, Op::Call { .. })),
        0,
        "no dispatch call: {body:?}"
    );
    assert_eq!(
        count(body, |op| matches!(
            op,
            Op::BoxInt { .. } | Op::UnboxInt { .. } | Op::GuardInt { .. }
        )),
        0,
        "ints stay unboxed across iterations: {body:?}"
    );
    assert!(count(body, |op| matches!(op, Op::Int { .. })) >= 4);
}

#[test]
fn loop_invariant_guards_run_once_in_the_preamble() {
    let (_, vm) = run(INT_LOOP, Some(2), Limits::default());
    let jit = vm.jit.as_ref().unwrap();
    let trace = &jit.traces[0].ir;
    let header = trace
        .ops
        .iter()
        .position(|e| matches!(e.op, Op::LoopHeader { .. }))
        .expect("a loop");
    // `n` is read every iteration but never written: its type check is done before the loop.
    let before = count(
        &trace.ops[..header].iter().map(|e| e.op.clone()).collect::<Vec<_>>(),
        |op| matches!(op, Op::GuardInt { .. }),
    );
    assert!(before >= 2, "the preamble checks the loop's ints once");
}

const FLOAT_LOOP: &str = "
def g(n):
    x = 0.5
    s = 0.0
    i = 0
    while i < n:
        s = s * 0.999 + x / 3.0
        i += 1
    return s
print(g(3000))
";

#[test]
fn a_float_loop_runs_unboxed() {
    let (out, vm) = run(FLOAT_LOOP, Some(2), Limits::default());
    assert_eq!(out, interpreted(FLOAT_LOOP));
    let body = &loop_bodies(&vm)[0];
    assert_eq!(count(body, |op| matches!(op, Op::Call { .. })), 0, "{body:?}");
    assert_eq!(
        count(body, |op| matches!(op, Op::BoxFloat { .. } | Op::GuardFloat { .. })),
        0,
        "{body:?}"
    );
    assert!(count(body, |op| matches!(op, Op::Float { .. })) >= 3);
}

#[test]
fn overflowing_into_a_bigint_leaves_the_trace_and_stays_right() {
    let src = "
def f():
    x = 1
    i = 0
    while i < 100:
        x = x * 3
        i += 1
    return x
print(f())
";
    let (out, vm) = run(src, Some(2), Limits::default());
    assert_eq!(out, interpreted(src));
    assert!(
        vm.jit.as_ref().unwrap().stats.guard_failures >= 1,
        "the overflow guard failed"
    );
}

#[test]
fn a_branchy_loop_gets_a_bridge() {
    let src = "
def f(n):
    a = 0
    b = 0
    for i in range(n):
        if i % 3 == 0:
            a += i
        else:
            b -= i
    return a, b
print(f(3000))
";
    let (out, vm) = run(src, Some(5), Limits::default());
    assert_eq!(out, interpreted(src));
    let jit = vm.jit.as_ref().unwrap();
    assert!(jit.stats.bridges >= 1, "{:?}", jit.stats);
    assert!(
        jit.traces.iter().any(|t| t.ir.ops.iter().any(|e| matches!(
            e.op,
            Op::Call {
                helper: Helper::Next,
                ..
            }
        ))),
        "range iteration is a call of the space's next"
    );
}

#[test]
fn inlined_calls_and_methods_keep_tracebacks_and_results() {
    let src = "
class P:
    def __init__(self, x):
        self.x = x
    def bump(self, k):
        return self.x + k
def add(a, b):
    return a + b
def f(n):
    t = 0
    p = P(2)
    for i in range(n):
        t = add(t, p.bump(i))
    return t
print(f(2000))
def g(n):
    for i in range(n):
        if i == 1500:
            add(i, 'x')
g(2000)
";
    let (out, _) = run(src, Some(3), Limits::default());
    assert_eq!(out, interpreted(src));
    assert!(out.contains("TypeError"), "{out}");
}

#[test]
fn the_instruction_budget_holds_exactly_in_compiled_code() {
    let (_, plain) = run(INT_LOOP, None, Limits::default());
    let (_, jitted) = run(INT_LOOP, Some(2), Limits::default());
    assert_eq!(plain.instructions_executed(), jitted.instructions_executed());
    let limits = Limits {
        max_instructions: 20_000,
        ..Limits::default()
    };
    let (out, vm) = run(INT_LOOP, Some(2), limits);
    assert!(out.contains("budget"), "{out}");
    assert!(vm.jit.as_ref().unwrap().stats.loops >= 1);
    assert_eq!(out, run(INT_LOOP, None, limits).0);
}

#[test]
fn an_infinite_loop_in_compiled_code_is_stopped_by_the_budget() {
    let src = "
i = 0
while True:
    i += 1
";
    let limits = Limits {
        max_instructions: 2_000_000,
        ..Limits::default()
    };
    let (out, vm) = run(src, Some(2), limits);
    assert!(out.contains("instruction budget"), "{out}");
    assert!(vm.jit.as_ref().unwrap().stats.entries >= 1);
}

// ---- differential fuzzing -----------------------------------------------------------

/// A small deterministic generator (xorshift), so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

fn expr(rng: &mut Rng, depth: u32) -> String {
    let leaves = ["i", "a", "b", "c", "1", "2", "7", "1000003", "0.5", "x"];
    if depth == 0 || rng.below(3) == 0 {
        return rng.pick(&leaves).to_string();
    }
    let ops = ["+", "-", "*", "//", "%", "<", "==", "&", "^", "/"];
    let op = rng.pick(&ops);
    let (l, r) = (expr(rng, depth - 1), expr(rng, depth - 1));
    match op {
        // Keep the divisions defined most of the time; a ZeroDivisionError is fine too.
        "//" | "%" | "/" => format!("({l} {op} ({r} or 3))"),
        "&" | "^" => format!("(int({l}) {op} int({r}))"),
        _ => format!("({l} {op} {r})"),
    }
}

fn program(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut body = String::new();
    for _ in 0..(2 + rng.below(4)) {
        let target = rng.pick(&["a", "b", "c", "x"]);
        let e = expr(&mut rng, 3);
        if rng.below(3) == 0 {
            let cond = expr(&mut rng, 2);
            body.push_str(&format!("        if {cond}:\n            {target} = {e}\n"));
        } else {
            body.push_str(&format!("        {target} = {e}\n"));
        }
        // Keep values from growing without bound (bigints are fine, but slow).
        body.push_str(&format!(
            "        if abs({target}) > 10 ** 12:\n            {target} = {target} % 1000\n"
        ));
    }
    let n = 50 + rng.below(150);
    format!(
        "def f(n):
    a, b, c, x = 1, 2, 3, 0.25
    for i in range(n):
{body}    return a, b, c, x
try:
    print(f({n}))
except ZeroDivisionError as e:
    print('ZeroDivisionError')
"
    )
}

#[test]
fn random_loops_print_the_same_compiled_and_interpreted() {
    let cases: u64 = std::env::var("WORKBENCH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let mut compiled_loops = 0;
    for seed in 1..=cases {
        let src = program(seed);
        let plain = interpreted(&src);
        for threshold in [1, 2] {
            let (jitted, vm) = run(&src, Some(threshold), Limits::default());
            assert_eq!(plain, jitted, "seed {seed}, threshold {threshold}, program:\n{src}");
            compiled_loops += vm.jit.as_ref().unwrap().stats.loops;
        }
    }
    assert!(
        compiled_loops as u64 >= cases,
        "most random loops were compiled ({compiled_loops})"
    );
}
