//! Step 3 runs: programs through the real main loop, in both object spaces.

use sprout_step3::Sprout;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::trivial::TrivialSpace;
use workbench_framework::space::Space;
use workbench_framework::span::FileId;

/// Collects what the program prints.
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

/// Runs `source` in `space`; returns the output, or the error's kind and message.
fn run_in<S: Space>(space: S, source: &str) -> Result<String, String> {
    let sink = Sink::default();
    let mut interp = Interp::new(space, Limits::default(), Box::new(sink.clone()));
    S::start(&mut interp, &Sprout).map_err(|d| d.message)?;
    let module = Sprout
        .compile(FileId(0), source, interp.globals_mut(), Mode::Program)
        .map_err(|ds| format!("{}: {}", ds[0].kind, ds[0].message))?;
    interp
        .run_module(module)
        .map_err(|d| format!("{}: {}", d.kind, d.message))?;
    interp.flush();
    let out = String::from_utf8_lossy(&sink.0.borrow()).into_owned();
    Ok(out)
}

/// Runs `source` in both spaces and checks they agree.
fn run(source: &str) -> Result<String, String> {
    let standard = run_in(
        StandardSpace::new(StandardConfig::default(), Sprout.spelling(), |_| {}),
        source,
    );
    let trivial = run_in(TrivialSpace::new(Sprout.spelling()), source);
    assert_eq!(standard, trivial, "the spaces agree on {source:?}");
    standard
}

#[test]
fn while_loops_run_until_the_condition_is_false() {
    let program = "let n = 1; while n <= 5 { print n * n; n = n + 1; }";
    assert_eq!(run(program), Ok("1\n4\n9\n16\n25\n".into()));
}

#[test]
fn comparisons_are_values() {
    assert_eq!(run("print 1 < 2; print 2 == 3;"), Ok("true\nfalse\n".into()));
}

#[test]
fn an_endless_loop_is_stopped_by_the_instruction_budget() {
    let space = StandardSpace::new(StandardConfig::default(), Sprout.spelling(), |_| {});
    let limits = Limits {
        max_instructions: 10_000,
        ..Limits::default()
    };
    let mut interp = Interp::new(space, limits, Box::new(std::io::sink()));
    StandardSpace::start(&mut interp, &Sprout).expect("builtins");
    let module = Sprout
        .compile(
            FileId(0),
            "let x = 0; while 1 == 1 { x = x + 1; }",
            interp.globals_mut(),
            Mode::Program,
        )
        .expect("compiles");
    let error = interp.run_module(module).expect_err("the budget runs out");
    assert_eq!(error.kind, "BudgetError");
}

#[test]
fn the_repl_waits_for_a_closing_brace() {
    assert!(!Sprout.input_complete("while x < 3 {"));
    assert!(Sprout.input_complete("while x < 3 { x = x + 1; }"));
}
