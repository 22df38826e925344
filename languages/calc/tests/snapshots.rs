//! What the compiler emits, as disassembly snapshots (insta). Review a change
//! with `INSTA_UPDATE=always cargo test -p workbench-calc --test snapshots`
//! followed by `git diff languages/calc/tests/snapshots/`.

use workbench_calc::Calc;
use workbench_framework::bytecode::disasm::module_listing;
use workbench_framework::bytecode::Globals;
use workbench_framework::language::{Language, Mode};
use workbench_framework::span::SourceMap;

fn listing(source: &str, mode: Mode) -> String {
    let mut sources = SourceMap::new();
    let file = sources.add("snippet.calc", source);
    let mut globals = Globals::new();
    let module = Calc.compile(file, source, &mut globals, mode).expect("compiles");
    format!("{source}\n---\n{}", module_listing(&module, &globals, Some(&sources)))
}

/// A captured local becomes a cell (`NewCell`); the inner function reaches
/// it through `LoadFree`/`StoreFree`; the middle function of three captures
/// a variable only to pass it on (`captures F0`).
#[test]
fn closure_capture() {
    insta::assert_snapshot!(listing(
        "fn make_counter() {
    let count = 0;
    return fn() {
        count = count + 1;
        return count;
    };
}
fn outer(x) {
    return fn(y) {
        return fn(z) { return x + y + z; };
    };
}
",
        Mode::Program
    ));
}

/// Loop header, `JumpIfFalse` exit, `continue` as `JumpBack`, `break` as a
/// forward `Jump` patched to the loop's end; plain locals need no `Move`.
#[test]
fn while_with_break_and_continue() {
    insta::assert_snapshot!(listing(
        "fn f(n) {
    let i = 0;
    let total = 0;
    while i < n {
        i = i + 1;
        if i % 2 == 0 { continue; }
        if i > 7 { break; }
        total = total + i;
    }
    return total;
}
",
        Mode::Program
    ));
}

/// One handler-table entry per `try`, the inner one first; `return f()`
/// inside a try body stays a `Call` + `Return`.
#[test]
fn try_catch() {
    insta::assert_snapshot!(listing(
        "fn g(x) {
    try {
        try { return h(x); } catch inner { raise inner + \"!\"; }
    } catch outer {
        print(\"caught\", outer);
    }
    return nil;
}
",
        Mode::Program
    ));
}

/// `return f(...)` outside a try body is a `TailCall`; arguments sit in
/// consecutive registers above the callee.
#[test]
fn tail_call() {
    insta::assert_snapshot!(listing(
        "fn loop(n, acc) {
    if n == 0 { return acc; }
    return loop(n - 1, acc + 1);
}
print(loop(1000000, 0));
",
        Mode::Program
    ));
}

/// Top-level `let` is a global; `and`/`or` short-circuit with jumps; `-5`
/// and an over-long literal are single constants.
#[test]
fn globals_logic_and_constants() {
    insta::assert_snapshot!(listing(
        "let a = -5;
let big = 123456789012345678901234567890;
let c = a < 0 and big or nil;
",
        Mode::Program
    ));
}

/// In the REPL a trailing expression is passed to the hidden `__echo__`.
#[test]
fn repl_echo() {
    insta::assert_snapshot!(listing("let x = 2;\nx * 21", Mode::Repl));
}
