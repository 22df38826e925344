//! The REPL's question: has the user finished typing? ([`input_complete`]).
//! Inputs are built the way the workbench REPL builds them: lines joined
//! with `\n`, an empty line adding a final `\n`.

use workbench_python::input_complete;

#[test]
fn simple_statements_are_complete_at_once() {
    for source in [
        "x = 1",
        "print(1)",
        "1 + 2",
        "import os",
        "x = 1; y = 2",
        "pass",
        "# just a comment",
    ] {
        assert!(input_complete(source), "{source:?}");
    }
}

#[test]
fn open_brackets_wait_for_more() {
    assert!(!input_complete("print((1,"));
    assert!(!input_complete("x = [1,\n 2,"));
    assert!(!input_complete("d = {'a': 1"));
    assert!(input_complete("x = [1,\n 2]"));
}

#[test]
fn triple_quoted_strings_wait_for_their_end() {
    assert!(!input_complete("s = '''abc"));
    assert!(!input_complete("s = \"\"\"abc\ndef"));
    assert!(input_complete("s = '''abc\ndef'''"));
}

#[test]
fn backslash_continuations_wait_for_the_next_line() {
    assert!(!input_complete("x = 1 + \\"));
    assert!(!input_complete("x = 1 + \\\n"));
    assert!(input_complete("x = 1 + \\\n    2"));
    assert!(input_complete("x = 1  # a comment ending in \\"));
}

#[test]
fn block_openers_wait_for_a_blank_line() {
    assert!(!input_complete("if x:"));
    assert!(!input_complete("def f():"));
    assert!(!input_complete("class C:"));
    assert!(!input_complete("for i in range(3):\n    print(i)"));
    assert!(!input_complete("if x:\n    pass\nelse:"));
    assert!(!input_complete("@decorator"));
    assert!(!input_complete("if x: pass"));
    assert!(!input_complete("def f():\n    if x:\n        return 1"));
    assert!(input_complete("for i in range(3):\n    print(i)\n"));
    assert!(input_complete("def f():\n    return 1\n\n"));
    assert!(input_complete("if x: pass\n"));
    assert!(input_complete("if x:\n    pass\n   "));
}

#[test]
fn errors_are_complete_so_that_the_compiler_reports_them() {
    assert!(input_complete("x = )"));
    assert!(input_complete("s = 'unterminated"));
    assert!(input_complete("x = 1j"));
    assert!(
        input_complete("if x:\n"),
        "a header then an empty line: report the missing block"
    );
    assert!(input_complete("if x:\n        a = 1\n    b = 2\n"));
}
