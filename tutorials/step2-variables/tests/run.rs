//! Step 2 runs: programs through the real main loop, in both object spaces.

use sprout_step2::Sprout;
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
fn variables_are_declared_assigned_and_read() {
    let program = "let width = 6; let height = 7; print width * height; width = width + 1; print width;";
    assert_eq!(run(program), Ok("42\n7\n".into()));
}

#[test]
fn an_undeclared_variable_is_a_compile_time_error() {
    assert_eq!(
        run("let total = 1; totl = 2;"),
        Err("NameError: `totl` is not declared".into())
    );
    assert_eq!(run("print y;"), Err("NameError: `y` is not declared".into()));
    assert_eq!(run("let x = x + 1;"), Err("NameError: `x` is not declared".into()));
}
