//! No input may crash the front end: arbitrary bytes, arbitrary token soups
//! and pathologically deep nesting all come back as `Ok` or as diagnostics.

use proptest::prelude::*;
use workbench_calc::ast::MAX_HEIGHT;
use workbench_calc::lexer::MAX_NESTING;
use workbench_calc::Calc;
use workbench_framework::bytecode::Globals;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::{Language, Mode};
use workbench_framework::span::FileId;

fn compile(source: &str, mode: Mode) -> Result<(), Vec<Diagnostic>> {
    let mut globals = Globals::new();
    Calc.compile(FileId(0), source, &mut globals, mode).map(|_| ())
}

fn expect_error(source: &str, needle: &str) {
    let diags = compile(source, Mode::Program).expect_err("should be rejected");
    assert!(
        diags.iter().any(|d| d.message.contains(needle)),
        "{needle:?} not in {diags:?}"
    );
}

/// Pieces of calc source, valid and not, glued together at random.
const SOUP: &[&str] = &[
    "let",
    "fn",
    "if",
    "else",
    "while",
    "break",
    "continue",
    "return",
    "try",
    "catch",
    "raise",
    "true",
    "false",
    "nil",
    "and",
    "or",
    "not",
    "x",
    "y",
    "f",
    "print",
    "0",
    "1",
    "99999999999999999999999",
    "1.5",
    "2e10",
    "\"s\"",
    "\"",
    "\\",
    "(",
    ")",
    "{",
    "}",
    ",",
    ";",
    "=",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "~/",
    "%",
    "**",
    "//",
    "\n",
    "@",
    "é",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let source = String::from_utf8_lossy(&bytes);
        let _ = compile(&source, Mode::Program);
        let _ = compile(&source, Mode::Repl);
        let _ = Calc.input_complete(&source);
    }

    #[test]
    fn token_soups_do_not_panic(source in soup()) {
        let _ = compile(&source, Mode::Program);
        let _ = compile(&source, Mode::Repl);
        let _ = Calc.input_complete(&source);
    }
}

#[test]
fn hundred_thousand_open_parens_are_refused_before_parsing() {
    expect_error(&"(".repeat(100_000), "nested more than");
    expect_error(&"{".repeat(100_000), "nested more than");
}

#[test]
fn nesting_just_below_the_limit_compiles() {
    let depth = MAX_NESTING - 1;
    let source = format!("print({}1{});", "(".repeat(depth - 1), ")".repeat(depth - 1));
    compile(&source, Mode::Program).expect("compiles");
}

#[test]
fn long_operator_chains_are_refused_not_overflowed() {
    let chain = format!("let x = 1{};", " + 1".repeat(100_000));
    expect_error(&chain, "nested too deeply");
    let negs = format!("let x = {}1;", "-".repeat(100_000));
    expect_error(&negs, "nested too deeply");
    let nots = format!("let x = {}1;", "not ".repeat(100_000));
    expect_error(&nots, "nested too deeply");
    let pows = format!("let x = 2{};", " ** 2".repeat(100_000));
    expect_error(&pows, "nested too deeply");
    let calls = format!("f{};", "(1)".repeat(100_000));
    expect_error(&calls, "nested too deeply");
}

#[test]
fn long_else_if_chains_are_flat() {
    let mut source = String::from("let x = 3; if x == 0 { print(0); }");
    for i in 1..20_000 {
        source.push_str(&format!(" else if x == {i} {{ print({i}); }}"));
    }
    source.push_str(" else { print(-1); }");
    compile(&source, Mode::Program).expect("compiles");
}

/// The tallest tree the parser accepts, compiled on a thread with a small
/// stack: the recursive passes must fit comfortably.
#[test]
fn the_highest_allowed_tree_compiles_on_a_small_stack() {
    let terms = MAX_HEIGHT as usize - 10;
    let source = format!("fn f() {{ return 1{}; }}", " + 1".repeat(terms));
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || compile(&source, Mode::Program));
    let result = worker.expect("spawn").join().expect("no stack overflow");
    result.expect("compiles");
}

/// Functions nested in functions count towards the same height.
#[test]
fn nested_function_expressions_count_towards_the_height() {
    let depth = 150;
    let inner = format!("1{}", " + 1".repeat(900));
    let mut source = inner;
    for _ in 0..depth {
        source = format!("fn() {{ return {source}; }}");
    }
    let source = format!("let f = {source};");
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || compile(&source, Mode::Program));
    let result = worker.expect("spawn").join().expect("no stack overflow");
    let diags = result.expect_err("too high");
    assert!(diags[0].message.contains("nested too deeply"));
}
