//! The front end on its own: the reader, the printer's number format, and
//! what the compiler emits (tail calls, loops), checked without running.

use workbench_framework::bytecode::{Globals, Instr, Module};
use workbench_framework::language::Mode;
use workbench_framework::span::FileId;
use workbench_scheme::expand::ExpandState;
use workbench_scheme::language::compile_source;
use workbench_scheme::reader::{parse_number, read, Datum, Num};
use workbench_scheme::runtime::printer::float_text;

fn compile(src: &str) -> Module {
    let mut globals = Globals::new();
    let mut state = ExpandState::default();
    compile_source(FileId(0), src, &mut globals, Mode::Program, &mut state).expect("compiles")
}

fn compile_error(src: &str) -> String {
    let mut globals = Globals::new();
    let mut state = ExpandState::default();
    match compile_source(FileId(0), src, &mut globals, Mode::Program, &mut state) {
        Ok(_) => panic!("expected a compile error for {src}"),
        Err(d) => {
            assert!(d[0].span.is_some(), "the error has a span");
            d[0].message.clone()
        }
    }
}

fn code_named<'m>(m: &'m Module, name: &str) -> &'m workbench_framework::bytecode::Code {
    m.codes.iter().find(|c| c.name == name).expect("a code with that name")
}

#[test]
fn numbers_in_scheme_syntax() {
    assert_eq!(parse_number("42"), Some(Num::Int(42)));
    assert_eq!(parse_number("-7"), Some(Num::Int(-7)));
    assert_eq!(parse_number("#xff"), Some(Num::Int(255)));
    assert_eq!(parse_number("#b101"), Some(Num::Int(5)));
    assert_eq!(parse_number("6/4"), Some(Num::Rational("3".into(), "2".into())));
    assert_eq!(parse_number("4/2"), Some(Num::Int(2)));
    assert_eq!(parse_number("1e3"), Some(Num::Float(1000.0)));
    assert_eq!(parse_number("#e1.5"), Some(Num::Rational("3".into(), "2".into())));
    assert_eq!(parse_number("#i1/4"), Some(Num::Float(0.25)));
    assert!(matches!(parse_number("+inf.0"), Some(Num::Float(x)) if x.is_infinite()));
    for not_a_number in ["-", "...", "1+", "a1", "+", "1/0", "."] {
        assert_eq!(parse_number(not_a_number), None, "{not_a_number}");
    }
    assert_eq!(
        parse_number("123456789012345678901234567890"),
        Some(Num::Big("123456789012345678901234567890".into()))
    );
}

#[test]
fn the_reader_keeps_structure_and_skips_comments() {
    let data = read(
        FileId(0),
        "(a . b) #(1 #\\space \"x\\ny\") ; c\n #| nested #| |# |# #;(skipped) 'q",
    )
    .unwrap();
    assert_eq!(data.len(), 3);
    assert!(matches!(&data[0].datum, Datum::List(items, Some(_)) if items.len() == 1));
    match &data[1].datum {
        Datum::Vector(items) => {
            assert_eq!(items[1].datum, Datum::Char(' '));
            assert_eq!(items[2].datum, Datum::Str("x\ny".into()));
        }
        other => panic!("expected a vector, got {other:?}"),
    }
    assert!(matches!(&data[2].datum, Datum::List(items, None) if items.len() == 2));
}

#[test]
fn reader_errors_have_spans() {
    for (src, needle) in [
        ("(a b", "unclosed"),
        (")", "unexpected ')'"),
        ("\"abc", "unclosed string"),
        ("#\\bogus", "unknown character"),
    ] {
        let d = read(FileId(0), src).unwrap_err();
        assert!(d.message.contains(needle), "{src}: {}", d.message);
        assert!(d.span.is_some());
    }
    let deep = "(".repeat(20_000) + &")".repeat(20_000);
    let d = compile_source(
        FileId(0),
        &deep,
        &mut Globals::new(),
        Mode::Program,
        &mut ExpandState::default(),
    );
    assert!(d.unwrap_err()[0].message.contains("too deep"));
    // Deep but accepted: a quoted list nested 9,000 levels compiles.
    let ok = format!("(define x '{}{})", "(".repeat(9_000), ")".repeat(9_000));
    compile(&ok);
}

#[test]
fn floats_print_like_guile() {
    // Measured with guile-3.0 (write x).
    for (x, text) in [
        (1e21, "1.0e21"),
        (1e6, "1000000.0"),
        (1.2e7, "1.2e7"),
        (1234567800.0, "1234567800.0"),
        (2.43290200817664e18, "2.43290200817664e18"),
        (2.43290200817664e17, "243290200817664000.0"),
        (0.001, "0.001"),
        (1e-4, "1.0e-4"),
        (-0.0, "-0.0"),
        (100.0, "100.0"),
        (0.1 + 0.2, "0.30000000000000004"),
    ] {
        assert_eq!(float_text(x), text, "{x:e}");
    }
}

#[test]
fn calls_in_tail_position_are_tail_calls() {
    let m = compile("(define (f x) (if (g x) (h x) (begin (g x) (k x))))");
    let f = code_named(&m, "f");
    let tails = f.instrs.iter().filter(|i| matches!(i, Instr::TailCall { .. })).count();
    let calls = f.instrs.iter().filter(|i| matches!(i, Instr::Call { .. })).count();
    assert_eq!((tails, calls), (2, 2), "{:?}", f.instrs);
}

#[test]
fn a_named_let_that_only_tail_calls_itself_is_a_loop() {
    let m = compile("(define (sum n) (let loop ((i 0) (acc 0)) (if (> i n) acc (loop (+ i 1) (+ acc i)))))");
    let sum = code_named(&m, "sum");
    assert!(sum.instrs.iter().any(|i| matches!(i, Instr::JumpBack { .. })));
    assert!(!m.codes.iter().any(|c| c.name == "loop"), "no closure for the loop");
    // Used as a value, the loop name needs a real procedure.
    let m = compile("(define (f) (let loop ((i 0)) (if (< i 3) (loop (+ i 1)) loop)))");
    assert!(m.codes.iter().any(|c| c.name == "loop"));
}

#[test]
fn macro_temporaries_do_not_capture_user_variables() {
    // `tmp` introduced by swap! is renamed: the user's `tmp` is assigned, not shadowed.
    let m = compile("(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))) (define (f tmp y) (swap! tmp y) (list tmp y))");
    let f = code_named(&m, "f");
    // Both parameters are assigned by the expansion (they live in cells in r0 and r1).
    let writes: Vec<u16> = f
        .instrs
        .iter()
        .filter_map(|i| match i {
            Instr::StoreCell { cell, .. } if cell.0 < 2 => Some(cell.0),
            _ => None,
        })
        .collect();
    assert!(writes.contains(&0) && writes.contains(&1), "{:?}", f.instrs);
}

#[test]
fn syntax_errors_name_the_form() {
    assert!(compile_error("(if)").contains("if"));
    assert!(compile_error("(lambda)").contains("lambda"));
    assert!(compile_error("(let ((1 2)) 3)").contains("identifier"));
    assert!(compile_error("(define-syntax m (syntax-rules () ((_ a) a))) (m)").contains("no syntax-rules pattern"));
    assert!(compile_error("(foo . bar)").contains("dotted"));
    assert!(compile_error("(if 1 2 3 4)").contains("if"));
}

#[test]
fn runaway_macros_are_syntax_errors() {
    let doubling = "(define-syntax inf (syntax-rules () ((_ x) (inf (x x))))) (inf 1)";
    assert!(compile_error(doubling).contains("grows without bound"));
    let nesting = "(define-syntax deep (syntax-rules () ((_ x) (list (deep x))))) (deep 1)";
    assert!(compile_error(nesting).contains("nest too deeply"));
}
