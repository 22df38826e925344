//! No input may crash the front end: arbitrary bytes, arbitrary token soups
//! and pathologically deep nesting all come back as `Ok` or as diagnostics,
//! and the trees that come back are shallow enough for recursive passes.

use proptest::prelude::*;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::FileId;
use workbench_python::ast::{self, Module, MAX_HEIGHT};
use workbench_python::input_complete;
use workbench_python::lexer::{MAX_INDENT, MAX_NESTING};
use workbench_python::parser::parse;

fn run(source: &str) -> Result<Module, Vec<Diagnostic>> {
    parse(FileId(0), source)
}

/// Runs `f` on a thread with a small stack (1 MiB): whatever the input, the
/// front end must fit.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(f);
    worker.expect("spawn").join().expect("no stack overflow")
}

#[track_caller]
fn expect_error(source: String, needle: &'static str) {
    let result = on_small_stack(move || run(&source).map(|_| ()));
    let diags = result.expect_err("should be rejected");
    assert!(
        diags.iter().any(|d| d.message.contains(needle)),
        "{needle:?} not in {diags:?}"
    );
}

/// Pieces of Python source, valid and not, glued together at random.
const SOUP: &[&str] = &[
    "def",
    "class",
    "if",
    "elif",
    "else",
    "while",
    "for",
    "in",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "return",
    "yield",
    "from",
    "import",
    "lambda",
    "not",
    "and",
    "or",
    "is",
    "None",
    "True",
    "pass",
    "del",
    "global",
    "nonlocal",
    "raise",
    "assert",
    "async",
    "await",
    "x",
    "y",
    "f",
    "print",
    "0",
    "1",
    "0x1f",
    "1_0",
    "99999999999999999999999",
    "1.5",
    ".5",
    "1e9",
    "1j",
    "'s'",
    "\"d\"",
    "'''t'''",
    "f'{x}'",
    "f'{x!r:>{w}}'",
    "f'{",
    "rb'x'",
    "'",
    "\"\"\"",
    "\\",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ";",
    ".",
    "...",
    "=",
    "==",
    "!=",
    "<",
    "<=",
    "->",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "+=",
    "**=",
    "~",
    "|",
    "&",
    "^",
    "<<",
    ">>",
    "#c",
    "\n",
    "\n    ",
    "\n\t",
    "\n  ",
    "\r\n",
    "$",
    "é",
    "\u{a0}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..60).prop_map(|v| v.join(" "))
}

/// Like [`soup`], without spaces between pieces (so `f` and `'s'` fuse into prefixes).
fn tight_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let source = String::from_utf8_lossy(&bytes);
        if let Ok(m) = run(&source) {
            let _ = ast::dump(&m);
        }
        let _ = input_complete(&source);
    }

    #[test]
    fn token_soups_do_not_panic(source in soup()) {
        if let Ok(m) = run(&source) {
            let _ = ast::dump(&m);
        }
        let _ = input_complete(&source);
    }

    #[test]
    fn tight_token_soups_do_not_panic(source in tight_soup()) {
        if let Ok(m) = run(&source) {
            let _ = ast::dump(&m);
        }
        let _ = input_complete(&source);
    }
}

#[test]
fn hundred_thousand_open_parens_are_refused_before_parsing() {
    expect_error("(".repeat(100_000), "too many nested parentheses");
    expect_error(
        format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        "too many nested parentheses",
    );
    expect_error("[".repeat(100_000), "too many nested parentheses");
    expect_error(format!("f'{{{}'", "(".repeat(100_000)), "nested");
}

#[test]
fn nesting_just_below_the_limit_parses() {
    let depth = MAX_NESTING;
    let source = format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth));
    on_small_stack(move || run(&source).map(|_| ())).expect("parses");
}

#[test]
fn hundred_thousand_term_chains_return_without_overflowing() {
    for op in ["+", "*", "**", "|", "<<"] {
        expect_error(
            format!("x = 1{}\n", format!(" {op} 1").repeat(100_000)),
            "nested too deeply",
        );
    }
    expect_error(format!("x = {}1\n", "-".repeat(100_000)), "nested too deeply");
    expect_error(format!("x = {}1\n", "not ".repeat(100_000)), "nested too deeply");
    expect_error(format!("x = f{}\n", "(1)".repeat(100_000)), "nested too deeply");
    expect_error(format!("x = a{}\n", ".b".repeat(100_000)), "nested too deeply");
    expect_error(format!("x = {}0\n", "lambda: ".repeat(100_000)), "nested too deeply");
    expect_error(
        format!("x = 0{}\n", " if c else 0".repeat(100_000)),
        "nested too deeply",
    );
}

#[test]
fn long_flat_chains_are_fine() {
    // Boolean operators and comparisons stay flat, so they have no height to speak of.
    let ors = format!("x = a{}\n", " or a".repeat(100_000));
    let cmps = format!("x = a{}\n", " < a".repeat(100_000));
    let list = format!("x = [{}]\n", "1, ".repeat(100_000));
    let strings = format!("x = {}\n", "'s' ".repeat(100_000));
    for source in [ors, cmps, list, strings] {
        on_small_stack(move || run(&source).map(|_| ())).expect("parses");
    }
    let mut elifs = String::from("if x == 0:\n    pass\n");
    for i in 1..20_000 {
        elifs.push_str(&format!("elif x == {i}:\n    pass\n"));
    }
    on_small_stack(move || run(&elifs).map(|_| ())).expect("parses");
}

#[test]
fn deep_indentation_is_refused_at_the_limit() {
    let mut source = String::new();
    for depth in 0..=MAX_INDENT + 5 {
        source.push_str(&" ".repeat(depth));
        source.push_str("if x:\n");
    }
    source.push_str(&" ".repeat(MAX_INDENT + 6));
    source.push_str("pass\n");
    expect_error(source, "too many levels of indentation");
}

/// The tallest tree the parser accepts can be walked recursively (here by
/// the dumper) and dropped on a small stack.
#[test]
fn the_highest_allowed_tree_fits_a_small_stack() {
    let terms = MAX_HEIGHT as usize - 10;
    let source = format!("def f():\n    return 1{}\n", " + 1".repeat(terms));
    let text = on_small_stack(move || run(&source).map(|m| ast::dump(&m)));
    assert!(text.expect("parses").starts_with("def f():"));
}

#[test]
fn deeply_nested_f_strings_and_lambdas_stay_bounded() {
    let source = "x = f'''{f\"\"\"{f'{f\"{1}\"}'}\"\"\"}'''\n".to_string();
    on_small_stack(move || run(&source).map(|_| ())).expect("four levels of f-strings parse");
    let lambdas = format!("x = {}0\n", "lambda: ".repeat(900));
    on_small_stack(move || run(&lambdas).map(|m| ast::dump(&m))).expect("900 nested lambdas parse");
}
