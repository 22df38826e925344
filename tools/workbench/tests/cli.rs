//! Transcript tests of the `workbench` command itself: listings, exit codes,
//! usage errors, the REPL and the disassembler.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn workbench(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_workbench"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("workbench starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("workbench finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn langs_lists_calc_with_its_extension() {
    let out = workbench(&["langs"], "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("calc")).expect("calc is listed");
    assert!(line.contains(".calc"), "{line}");
}

#[test]
fn spaces_lists_each_space_with_a_description() {
    let out = workbench(&["spaces"], "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for name in ["standard", "trivial"] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} listed"));
        assert!(line.len() > name.len() + 10, "{name} has a description: {line}");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        vec!["run", "--no-such-flag", "examples/calc/hello.calc"],
        vec!["run", "does/not/exist.calc"],
        vec!["run", "--space", "bogus", "examples/calc/hello.calc"],
        vec!["run", "README.md"],
        vec!["repl", "klingon"],
        vec!["frobnicate"],
    ] {
        let out = workbench(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
        assert!(!out.stderr.is_empty(), "{args:?} explains itself");
    }
}

#[test]
fn help_is_available_on_every_command() {
    for cmd in ["run", "repl", "dis", "langs", "spaces", "trace", "bench"] {
        let out = workbench(&[cmd, "--help"], "");
        assert_eq!(out.status.code(), Some(0), "{cmd} --help");
        assert!(text(&out.stdout).contains("Usage"), "{cmd} --help prints usage");
    }
}

#[test]
fn a_type_error_exits_1_and_underlines_the_expression() {
    let dir = std::env::temp_dir().join(format!("wb-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("bad.calc");
    std::fs::write(&file, "let x = 1;\nprint(x + \"a\");\n").expect("write program");
    let out = workbench(&["run", file.to_str().expect("utf-8 path")], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("TypeError"), "{stderr}");
    assert!(
        stderr.contains("unsupported operand type(s) for +: 'int' and 'str'"),
        "{stderr}"
    );
    // The span covers `x + "a"` on line 2: the report names line 2, column 7.
    assert!(stderr.contains(":2:7"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour codes when stderr is not a terminal"
    );
}

#[test]
fn the_repl_keeps_globals_echoes_values_and_waits_for_closing_braces() {
    let session = "let x = 40;\nfn add(a,\n b) {\n return a + b;\n}\nadd(x, 2)\n1 / 0\nx\n";
    let out = workbench(&["repl", "calc"], session);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("42"), "{stdout}");
    assert!(stdout.contains("40"), "the session survives an error: {stdout}");
    assert!(text(&out.stderr).contains("ZeroDivisionError"));
}

#[test]
fn dis_lists_bytecode_with_source_lines() {
    let out = workbench(&["dis", "examples/calc/fib.calc"], "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("TailCall") || stdout.contains("Call"), "{stdout}");
    assert!(stdout.contains("code1 fib"), "{stdout}");
}

#[test]
fn the_instruction_budget_ends_an_infinite_loop() {
    let dir = std::env::temp_dir().join(format!("wb-cli-loop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("forever.calc");
    std::fs::write(&file, "while true { }\n").expect("write program");
    let out = workbench(
        &[
            "run",
            "--max-instructions",
            "100000",
            file.to_str().expect("utf-8 path"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("BudgetError"), "{}", text(&out.stderr));
}

#[test]
fn jit_log_and_trace_viewer_show_the_compiled_loop() {
    let dir = std::env::temp_dir().join(format!("workbench-jit-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let log = dir.join("jit.log");
    let html = dir.join("jit.html");
    let log_arg = log.to_string_lossy().to_string();
    let out = workbench(
        &[
            "run",
            "--jit-threshold",
            "5",
            "--jit-log",
            &log_arg,
            "bench/calc/loop_quick.calc",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Same output as the interpreter.
    let plain = workbench(&["run", "bench/calc/loop_quick.calc"], "");
    assert_eq!(text(&out.stdout), text(&plain.stdout));
    let shown = workbench(&["trace", &log_arg], "");
    assert_eq!(shown.status.code(), Some(0));
    let shown = text(&shown.stdout);
    assert!(shown.contains("loop at sum_to"), "{shown}");
    assert!(shown.contains("0 helper calls"), "an int loop calls nothing: {shown}");
    let html_arg = html.to_string_lossy().to_string();
    let page = workbench(&["trace", &log_arg, "--html", &html_arg], "");
    assert_eq!(page.status.code(), Some(0));
    let page = std::fs::read_to_string(&html).expect("the page was written");
    assert!(page.contains("<details>") && page.contains("int_add"));
    let missing = workbench(&["trace", "no/such/log"], "");
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `workbench grade` on a fixture: three tests pass, one is wrong on purpose.
#[test]
fn grade_scores_each_hidden_test_and_fails_when_one_fails() {
    let binary = env!("CARGO_BIN_EXE_workbench");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/grade-fixture");
    let out = workbench(&["grade", "fixture", "--tests", fixture, "--binary", binary], "");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("PASS  adds"), "{stdout}");
    assert!(stdout.contains("PASS  names"), "{stdout}");
    assert!(stdout.contains("PASS  flags"), "{stdout}");
    assert!(
        stdout.contains("FAIL  wrong  0/1  stdout line 1: expected \"3\", got \"3.5\""),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("score: 3/4"), "{stdout}");

    let json = workbench(
        &["grade", "fixture", "--tests", fixture, "--binary", binary, "--json"],
        "",
    );
    let json = text(&json.stdout);
    assert!(
        json.starts_with("{\"assignment\":\"fixture\",\"score\":3,\"total\":4,"),
        "{json}"
    );
    assert!(
        json.contains("{\"name\":\"wrong\",\"passed\":false,\"points\":0,"),
        "{json}"
    );
}

#[test]
fn grade_refuses_an_unknown_assignment_as_a_usage_error() {
    let out = workbench(&["grade", "no-such-assignment"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown assignment 'no-such-assignment'"));
}
