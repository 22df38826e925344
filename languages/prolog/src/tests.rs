//! Unit tests of the reader (operators, quoting, numbers, errors with spans)
//! and of the compiler's output shape (last calls, indexing).

use crate::compiler::{self, Unit};
use crate::ops::Ops;
use crate::reader::{read_all, Term};
use workbench_framework::bytecode::{Globals, Instr};
use workbench_framework::span::FileId;

fn read_one(src: &str) -> Term {
    let clauses = read_all(FileId(0), src, &Ops::standard()).expect("reads");
    clauses.into_iter().next().expect("one clause").term
}

fn c(name: &str, args: Vec<Term>) -> Term {
    Term::compound(name, args)
}

fn a(name: &str) -> Term {
    Term::atom(name)
}

#[test]
fn operators_follow_priorities_and_associativity() {
    assert_eq!(
        read_one("x :- a, b ; c."),
        c(":-", vec![a("x"), c(";", vec![c(",", vec![a("a"), a("b")]), a("c")])])
    );
    assert_eq!(
        read_one("t(1 - 2 - 3)."),
        c(
            "t",
            vec![c("-", vec![c("-", vec![Term::Int(1), Term::Int(2)]), Term::Int(3)])]
        )
    );
    assert_eq!(
        read_one("t(2 ^ 3 ^ 4)."),
        c(
            "t",
            vec![c("^", vec![Term::Int(2), c("^", vec![Term::Int(3), Term::Int(4)])])]
        )
    );
    assert_eq!(read_one("t(- 1)."), c("t", vec![c("-", vec![Term::Int(1)])]));
    assert_eq!(read_one("t(-1)."), c("t", vec![Term::Int(-1)]));
    assert_eq!(read_one("t(- a)."), c("t", vec![c("-", vec![a("a")])]));
    assert_eq!(read_one("t(-)."), c("t", vec![a("-")]));
    assert_eq!(read_one("t(\\+ a)."), c("t", vec![c("\\+", vec![a("a")])]));
}

#[test]
fn lists_strings_and_curly_terms() {
    assert_eq!(
        read_one("t([a, b | T])."),
        c("t", vec![Term::list(vec![a("a"), a("b")], Term::Var(0))])
    );
    assert_eq!(
        read_one("t(\"hi\")."),
        c("t", vec![Term::list(vec![Term::Int(104), Term::Int(105)], a("[]"))])
    );
    assert_eq!(
        read_one("t({a, b})."),
        c("t", vec![c("{}", vec![c(",", vec![a("a"), a("b")])])])
    );
}

#[test]
fn quoted_atoms_character_codes_and_numbers() {
    assert_eq!(read_one("t('it''s', 'a\\nb')."), c("t", vec![a("it's"), a("a\nb")]));
    assert_eq!(
        read_one("t(0'a, 0' , 0'\\n)."),
        c("t", vec![Term::Int(97), Term::Int(32), Term::Int(10)])
    );
    assert_eq!(
        read_one("t(0x1F, 0b101, 0o17)."),
        c("t", vec![Term::Int(31), Term::Int(5), Term::Int(15)])
    );
    assert_eq!(read_one("t(1.5e3)."), c("t", vec![Term::Float(1500.0)]));
    match read_one("t(123456789012345678901234567890).") {
        Term::Compound(_, args) => assert!(matches!(args[0], Term::BigInt(_))),
        other => panic!("not a compound: {other:?}"),
    }
}

#[test]
fn comments_are_skipped() {
    assert_eq!(
        read_one("% line\n/* block */ t(a /* inner */, b)."),
        c("t", vec![a("a"), a("b")])
    );
}

#[test]
fn op_directives_change_the_table() {
    let mut ops = Ops::standard();
    ops.add("likes", 700, crate::ops::OpType::Xfx);
    let clauses = read_all(FileId(0), "t(a likes b).", &ops).expect("reads");
    assert_eq!(clauses[0].term, c("t", vec![c("likes", vec![a("a"), a("b")])]));
}

#[test]
fn syntax_errors_have_spans() {
    let err = read_all(FileId(0), "t(a, ).", &Ops::standard()).unwrap_err();
    assert_eq!(err.span.start, 5);
    let err = read_all(FileId(0), "t(a", &Ops::standard()).unwrap_err();
    assert!(
        err.message.contains("expected") || err.message.contains("end"),
        "{}",
        err.message
    );
    assert!(read_all(FileId(0), "t('abc).", &Ops::standard()).is_err());
}

#[test]
fn singletons_are_reported() {
    let clauses = read_all(FileId(0), "p(X, Y, _Z) :- q(Y).", &Ops::standard()).expect("reads");
    assert_eq!(clauses[0].singletons, vec!["X".to_string()]);
}

fn compile(src: &str) -> workbench_framework::bytecode::Module {
    let mut globals = Globals::new();
    compiler::compile(
        FileId(0),
        src,
        &mut globals,
        Unit::File,
        &mut Ops::standard(),
        &mut Vec::new(),
    )
    .expect("compiles")
}

#[test]
fn the_last_call_of_a_deterministic_clause_is_a_tail_call() {
    let m = compile("count(0) :- !.\ncount(N) :- N1 is N - 1, count(N1).\n");
    let code = m.codes.iter().find(|c| c.name == "count/1").expect("count/1");
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::TailCall { .. })));
}

#[test]
fn first_argument_indexing_dispatches_with_switch() {
    let m = compile("app([], L, L).\napp([H|T], L, [H|R]) :- app(T, L, R).\n");
    let code = m.codes.iter().find(|c| c.name == "app/3").expect("app/3");
    assert!(code
        .consts
        .iter()
        .any(|k| matches!(k, workbench_framework::bytecode::Const::Str(s) if &**s == ".")));
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::TailCall { .. })));
}
