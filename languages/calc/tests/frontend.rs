//! The front end's promises that the corpus cannot show: REPL behaviour,
//! the wording and placement of syntax errors, constants.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_calc::Calc;
use workbench_framework::bytecode::{Const, Globals};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::trivial::TrivialSpace;
use workbench_framework::span::FileId;

fn errors(source: &str) -> Vec<Diagnostic> {
    let mut globals = Globals::new();
    Calc.compile(FileId(0), source, &mut globals, Mode::Program)
        .expect_err("should fail")
}

/// The one diagnostic for `source`, with the source text under its span.
fn error(source: &str) -> (Diagnostic, String) {
    let mut ds = errors(source);
    assert_eq!(ds.len(), 1, "{ds:?}");
    let d = ds.remove(0);
    let span = d.span.expect("a span");
    let text = source[span.start as usize..span.end as usize].to_string();
    (d, text)
}

#[test]
fn input_is_incomplete_while_brackets_or_strings_are_open() {
    assert!(Calc.input_complete("print(1);"));
    assert!(Calc.input_complete("1 + 2"));
    assert!(!Calc.input_complete("fn f(x) {"));
    assert!(!Calc.input_complete("fn f(x) {\n  return (x +"));
    assert!(Calc.input_complete("fn f(x) {\n  return (x + 1);\n}"));
    assert!(!Calc.input_complete("print(\"abc"));
    assert!(!Calc.input_complete("let s = \"line one\nline two"));
    assert!(Calc.input_complete("print(\"{\");"));
    assert!(Calc.input_complete("// { not a bracket"));
    // Too many closers is an error to report, not a reason to wait.
    assert!(Calc.input_complete("}"));
    assert!(Calc.input_complete("let x = @;"));
}

#[test]
fn missing_semicolon_points_after_the_statement() {
    let (d, text) = error("let x = 1\nprint(x);");
    assert_eq!(d.kind, "SyntaxError");
    assert_eq!(d.message, "missing `;` before identifier `print`");
    assert_eq!(text, "1");
    assert_eq!(d.label.as_deref(), Some("expected `;` after this"));
}

#[test]
fn unexpected_tokens_say_what_was_expected() {
    let (d, text) = error("let = 5;");
    assert_eq!((d.message.as_str(), text.as_str()), ("unexpected `=`", "="));
    assert_eq!(d.label.as_deref(), Some("expected a name"));

    let (d, _) = error("let x = ;");
    assert_eq!(d.label.as_deref(), Some("expected an expression"));

    let (d, _) = error("if x print(x);");
    assert_eq!(d.message, "unexpected identifier `print`");
    assert_eq!(d.label.as_deref(), Some("expected `{`"));

    let (d, _) = error("print(1 < 2 < 3);");
    assert!(d.notes.iter().any(|n| n.contains("do not chain")), "{d:?}");
}

#[test]
fn unclosed_brackets_point_at_the_opener() {
    let (d, text) = error("fn f() {\n  print(1);\n");
    assert_eq!(d.message, "unexpected end of input");
    assert_eq!(text, "{");
    assert_eq!(d.label.as_deref(), Some("this `{` is never closed"));
}

#[test]
fn lexical_errors_are_collected() {
    let ds = errors("let a = 1 @ 2;\nlet b = \"bad \\q escape\";\nlet c = $;");
    let messages: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unexpected character \"@\"",
            "unknown escape sequence `\\q`",
            "unexpected character \"$\""
        ]
    );
}

#[test]
fn static_errors_are_all_reported() {
    let ds = errors("fn f(a, a) { b = 1; continue; }\nreturn;");
    let messages: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "duplicate parameter `a`",
            "assignment to undeclared variable `b`",
            "`continue` outside a loop",
            "`return` outside a function"
        ]
    );
}

#[test]
fn integer_literals_become_int_or_bigint_constants() {
    let mut globals = Globals::new();
    let source = "let a = 9223372036854775807; let b = 9223372036854775808; let c = -9223372036854775808; \
                  let d = 000123; let e = -99999999999999999999;";
    let module = Calc
        .compile(FileId(0), source, &mut globals, Mode::Program)
        .expect("compiles");
    let consts = &module.codes[0].consts;
    assert!(consts.contains(&Const::Int(i64::MAX)));
    assert!(consts.contains(&Const::BigInt("9223372036854775808".into())));
    assert!(consts.contains(&Const::Int(i64::MIN)));
    assert!(consts.contains(&Const::Int(123)));
    assert!(consts.contains(&Const::BigInt("-99999999999999999999".into())));
}

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

/// A REPL session: globals persist between inputs, a trailing expression is
/// echoed (repr, nothing for nil), and its `;` may be left out.
#[test]
fn repl_inputs_share_globals_and_echo_the_last_expression() {
    let sink = Sink::default();
    let mut interp = Interp::new(
        TrivialSpace::new(Calc.spelling()),
        Limits::default(),
        Box::new(sink.clone()),
    );
    interp.install(Calc.builtins()).expect("builtins");
    let inputs = [
        "let x = 20;",
        "fn double(n) { return n * 2; }",
        "x = x + 1;",
        "double(x)",
        "\"a\" + \"b\";",
        "nil",
        "print(\"printed\")",
        "let y = 1; y + 1",
    ];
    for (i, input) in inputs.iter().enumerate() {
        let module = Calc
            .compile(FileId(i as u32), input, interp.globals_mut(), Mode::Repl)
            .expect("compiles");
        interp.run_module(module).expect("runs");
    }
    interp.flush();
    let out = String::from_utf8_lossy(&sink.0.borrow()).into_owned();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out:?}");
    assert_eq!((lines[0], lines[2], lines[3]), ("42", "printed", "2"));
    // A string echoes quoted; which quotes is the space's choice (its repr).
    assert!(lines[1] == "\"ab\"" || lines[1] == "'ab'", "{out:?}");
}

/// In a program (not the REPL) the final `;` is required and nothing is echoed.
#[test]
fn programs_need_every_semicolon() {
    let (d, _) = error("let x = 1;\nx + 1");
    assert_eq!(d.message, "missing `;` at end of input");
}
