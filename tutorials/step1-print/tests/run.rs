//! Step 1 runs: programs through the real main loop, in both object spaces.

use sprout_step1::Sprout;
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
fn prints_arithmetic_with_precedence_and_parentheses() {
    assert_eq!(
        run("print 1 + 2 * 3; print (1 + 2) * 3; print 7 / 2;"),
        Ok("7\n9\n3\n".into())
    );
}

#[test]
fn errors_are_reported_with_their_kind() {
    assert_eq!(
        run("print 1 / 0;"),
        Err("ZeroDivisionError: integer division or modulo by zero".into())
    );
    assert_eq!(run("print 1 +;"), Err("SyntaxError: unexpected token".into()));
    let deep = format!("print {}1;", "1 + ".repeat(1000));
    assert_eq!(run(&deep), Err("SyntaxError: too deeply nested".into()));
}
