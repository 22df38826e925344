//! The bf front end's promises that the corpus cannot show: what folding
//! produces, where bracket errors point, the bytecode shape of a loop, the
//! REPL's shared tape, and that no input makes the front end panic.

use proptest::prelude::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_bf::parser::{parse, OpKind};
use workbench_bf::Bf;
use workbench_framework::bytecode::{Globals, Instr};
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::Space;
use workbench_framework::span::FileId;

fn kinds(source: &str) -> Vec<OpKind> {
    parse(FileId(0), source)
        .expect("parses")
        .into_iter()
        .map(|op| op.kind)
        .collect()
}

#[test]
fn runs_fold_into_one_operation_and_cancelling_runs_vanish() {
    assert_eq!(kinds("+++--"), vec![OpKind::Add(1)]);
    assert_eq!(kinds("---"), vec![OpKind::Add(253)]);
    assert_eq!(kinds(">>>< comment >"), vec![OpKind::Move(3)]);
    assert_eq!(kinds("+-<>"), vec![]);
    assert_eq!(kinds(&"+".repeat(256)), vec![]);
    assert_eq!(kinds("+>+"), vec![OpKind::Add(1), OpKind::Move(1), OpKind::Add(1)]);
}

#[test]
fn the_clear_idiom_is_one_operation_and_other_loops_are_matched() {
    assert_eq!(kinds("[-]"), vec![OpKind::Clear]);
    assert_eq!(kinds("[+]"), vec![OpKind::Clear]);
    assert_eq!(
        kinds("[->+<]"),
        vec![
            OpKind::Open { close: 5 },
            OpKind::Add(255),
            OpKind::Move(1),
            OpKind::Add(1),
            OpKind::Move(-1),
            OpKind::Close { open: 0 },
        ]
    );
}

#[test]
fn a_run_spans_its_first_to_last_command() {
    let ops = parse(FileId(0), "a++ +b").expect("parses");
    assert_eq!((ops[0].span.start, ops[0].span.end), (1, 5));
}

#[test]
fn unbalanced_brackets_are_syntax_errors_at_the_bracket() {
    let errors = parse(FileId(0), "+]x[[").expect_err("unbalanced");
    let found: Vec<(String, u32)> = errors
        .iter()
        .map(|d| (d.message.clone(), d.span.expect("span").start))
        .collect();
    assert_eq!(
        found,
        vec![
            ("unmatched `]`".to_string(), 1),
            ("unclosed `[`".to_string(), 3),
            ("unclosed `[`".to_string(), 4),
        ]
    );
}

#[test]
fn a_loop_is_a_forward_test_and_a_jump_back_to_it() {
    let mut globals = Globals::new();
    let module = Bf
        .compile(FileId(0), "[-.]", &mut globals, Mode::Program)
        .expect("compiles");
    let code = &module.codes[0];
    let back = code
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::JumpBack { .. }))
        .expect("a JumpBack");
    let Instr::JumpBack { target } = code.instrs[back] else {
        unreachable!()
    };
    assert!(matches!(code.instrs[target.0 as usize], Instr::GetItem { .. }));
    let Instr::JumpIfFalse { target: exit, .. } = code.instrs[target.0 as usize + 1] else {
        panic!("the loop head tests the cell: {:?}", code.instrs[target.0 as usize + 1]);
    };
    assert_eq!(exit.0 as usize, back + 1, "the test jumps just past the JumpBack");
}

#[test]
fn the_trivial_space_is_declined() {
    assert!(!Bf.supports_space("trivial"));
    assert!(Bf.supports_space("standard"));
}

/// Output captured from the interpreter.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn interpreter(limits: Limits) -> (Interp<StandardSpace>, Sink) {
    let sink = Sink::default();
    let space = StandardSpace::new(StandardConfig::default(), Bf.spelling(), |_| {});
    let mut interp = Interp::new(space, limits, Box::new(sink.clone()));
    StandardSpace::start(&mut interp, &Bf).expect("builtins install");
    (interp, sink)
}

#[test]
fn repl_inputs_share_the_tape_and_the_pointer() {
    let (mut interp, sink) = interpreter(Limits::default());
    for (i, line) in ["++++++++[>++++++++<-]>+", ".", "+.", "<+++[>+<-]>."]
        .iter()
        .enumerate()
    {
        let module = Bf
            .compile(FileId(i as u32), line, interp.globals_mut(), Mode::Repl)
            .expect("compiles");
        interp.run_module(module).expect("runs");
    }
    interp.flush();
    assert_eq!(String::from_utf8_lossy(&sink.0.borrow()), "ABE");
}

#[test]
fn moving_off_the_tape_is_an_error_with_the_span_of_the_move() {
    let (mut interp, _) = interpreter(Limits::default());
    let source = "+.  <";
    let module = Bf
        .compile(FileId(0), source, interp.globals_mut(), Mode::Program)
        .expect("compiles");
    let error = interp.run_module(module).expect_err("moves off the tape");
    assert_eq!(error.kind, "IndexError");
    let span = error.span.expect("a span");
    assert_eq!(&source[span.start as usize..span.end as usize], "<");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text either compiles or is refused with diagnostics; compiled
    /// programs run to the end or stop with an error (budgets on), never a panic.
    #[test]
    fn no_input_makes_bf_panic(source in "[-+<>\\[\\]. a]{0,60}") {
        let limits = Limits { max_instructions: 20_000, ..Limits::default() };
        let (mut interp, _) = interpreter(limits);
        if let Ok(module) = Bf.compile(FileId(0), &source, interp.globals_mut(), Mode::Program) {
            let _ = interp.run_module(module);
        }
    }
}
