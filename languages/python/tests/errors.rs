//! Syntax errors: the kind, the message (CPython 3.11's wording where
//! practical) and where the span starts (1-based line and column).

use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::FileId;
use workbench_python::parser::parse;

fn error(source: &str) -> Diagnostic {
    match parse(FileId(0), source) {
        Ok(_) => panic!("{source:?} should not parse"),
        Err(mut diags) => {
            assert_eq!(diags.len(), 1, "one error for {source:?}");
            diags.remove(0)
        }
    }
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Checks kind, that the message contains `message`, and the span's start.
#[track_caller]
fn check(source: &str, kind: &str, message: &str, line: usize, col: usize) {
    let d = error(source);
    assert_eq!(d.kind, kind, "{source:?}: {d:?}");
    assert!(
        d.message.contains(message),
        "{source:?}: {:?} lacks {message:?}",
        d.message
    );
    let span = d.span.expect("every syntax error has a span");
    assert_eq!(line_col(source, span.start as usize), (line, col), "{source:?}: {d:?}");
}

#[test]
fn missing_colon() {
    check("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5);
    check("for x in y\n    pass\n", "SyntaxError", "expected ':'", 1, 11);
    check("def f()\n    pass\n", "SyntaxError", "expected ':'", 1, 8);
}

#[test]
fn the_corpus_syntax_error() {
    check(
        "print(1)\ndef broken(:\n    return 1\n",
        "SyntaxError",
        "invalid syntax",
        2,
        12,
    );
}

#[test]
fn indentation() {
    check(
        "if x:\npass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    );
    check(
        "def f():\nreturn 1\n",
        "IndentationError",
        "expected an indented block after function definition on line 1",
        2,
        1,
    );
    check(
        "class C:\n",
        "IndentationError",
        "expected an indented block after class definition on line 1",
        1,
        9,
    );
    check(
        "try:\n    pass\nexcept E:\n",
        "IndentationError",
        "after 'except' statement on line 3",
        3,
        10,
    );
    check("x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 2, 5);
    check(
        "if x:\n        a = 1\n    b = 2\n",
        "IndentationError",
        "unindent does not match any outer indentation level",
        3,
        5,
    );
    check(
        "if True:\n\tx = 1\n        y = 2\n",
        "TabError",
        "inconsistent use of tabs and spaces in indentation",
        3,
        9,
    );
}

#[test]
fn brackets() {
    check("print((1, 2)\n", "SyntaxError", "'(' was never closed", 1, 6);
    check(
        "x = [1, 2)\n",
        "SyntaxError",
        "closing parenthesis ')' does not match opening parenthesis '['",
        1,
        10,
    );
    check(
        "x = [1,\n 2)\n",
        "SyntaxError",
        "opening parenthesis '[' on line 1",
        2,
        3,
    );
    check("x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6);
    let deep = format!("x = {}1{}\n", "(".repeat(250), ")".repeat(250));
    check(&deep, "SyntaxError", "too many nested parentheses", 1, 205);
}

#[test]
fn strings() {
    check(
        "s = 'abc\n",
        "SyntaxError",
        "unterminated string literal (detected at line 1)",
        1,
        5,
    );
    check(
        "s = \"\"\"abc\n\n",
        "SyntaxError",
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
    );
    check(
        "x = b'bytes'\n",
        "SyntaxError",
        "bytes literals are not supported",
        1,
        5,
    );
    check(
        "x = '\\N{DASH}'\n",
        "SyntaxError",
        "\\N{...} escapes are not supported",
        1,
        6,
    );
    check("x = '\\x4'\n", "SyntaxError", "truncated \\xXX escape", 1, 6);
}

#[test]
fn f_strings() {
    check("f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 3);
    check(
        "f'{x!z}'\n",
        "SyntaxError",
        "f-string: invalid conversion character",
        1,
        6,
    );
    check("f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 3);
    check("f'{x'\n", "SyntaxError", "f-string: expecting '}'", 1, 3);
    check(
        "f'{a b}'\n",
        "SyntaxError",
        "f-string: invalid syntax. Perhaps you forgot a comma?",
        1,
        4,
    );
    check(
        "f'{x:{y:{z}}}'\n",
        "SyntaxError",
        "f-string: expressions nested too deeply",
        1,
        9,
    );
    check(
        "f'{\"\\n\"}'\n",
        "SyntaxError",
        "f-string expression part cannot include a backslash",
        1,
        5,
    );
    check(
        "f'{x # c}'\n",
        "SyntaxError",
        "f-string expression part cannot include '#'",
        1,
        6,
    );
}

#[test]
fn numbers() {
    check("x = 1j\n", "SyntaxError", "complex numbers are not supported", 1, 5);
    check(
        "x = 0777\n",
        "SyntaxError",
        "leading zeros in decimal integer literals are not permitted",
        1,
        5,
    );
    check("x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 5);
    check(
        "x = 0b102\n",
        "SyntaxError",
        "invalid digit '2' in binary literal",
        1,
        9,
    );
    check("x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 5);
}

#[test]
fn assignment_targets() {
    check(
        "f() = 1\n",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    check("None = 1\n", "SyntaxError", "cannot assign to None", 1, 1);
    check("a + 1 = 2\n", "SyntaxError", "cannot assign to expression here", 1, 1);
    check("x = f() = 1\n", "SyntaxError", "cannot assign to function call", 1, 5);
    check("del f()\n", "SyntaxError", "cannot delete function call", 1, 5);
    check(
        "x, y += 1\n",
        "SyntaxError",
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
    );
    check(
        "*a = b\n",
        "SyntaxError",
        "starred assignment target must be in a list or tuple",
        1,
        1,
    );
    check(
        "*a, *b = c\n",
        "SyntaxError",
        "multiple starred expressions in assignment",
        1,
        5,
    );
    check(
        "for 1 in x:\n    pass\n",
        "SyntaxError",
        "cannot assign to literal",
        1,
        5,
    );
    check("x = (*a)\n", "SyntaxError", "cannot use starred expression here", 1, 6);
    check(
        "print(*a)\n*a\n",
        "SyntaxError",
        "can't use starred expression here",
        2,
        1,
    );
    check(
        "a, b: int\n",
        "SyntaxError",
        "only single target (not tuple) can be annotated",
        1,
        1,
    );
}

#[test]
fn arguments_and_parameters() {
    check(
        "f(a=1, 2)\n",
        "SyntaxError",
        "positional argument follows keyword argument",
        1,
        8,
    );
    check(
        "f(**k, a)\n",
        "SyntaxError",
        "positional argument follows keyword argument unpacking",
        1,
        8,
    );
    check(
        "f(**k, *a)\n",
        "SyntaxError",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    );
    check(
        "f(x for x in y, 1)\n",
        "SyntaxError",
        "Generator expression must be parenthesized",
        1,
        3,
    );
    check("f(a=1, a=2)\n", "SyntaxError", "keyword argument repeated: a", 1, 8);
    check(
        "f(a.b=1)\n",
        "SyntaxError",
        "expression cannot contain assignment",
        1,
        3,
    );
    check(
        "def f(a=1, b):\n    pass\n",
        "SyntaxError",
        "non-default argument follows default argument",
        1,
        12,
    );
    check(
        "def f(a, a):\n    pass\n",
        "SyntaxError",
        "duplicate argument 'a' in function definition",
        1,
        10,
    );
    check(
        "def f(*):\n    pass\n",
        "SyntaxError",
        "named arguments must follow bare *",
        1,
        7,
    );
    check(
        "def f(**k, a):\n    pass\n",
        "SyntaxError",
        "arguments cannot follow var-keyword argument",
        1,
        12,
    );
    check(
        "def f(/, a):\n    pass\n",
        "SyntaxError",
        "at least one argument must precede /",
        1,
        7,
    );
    check(
        "lambda a=1, b: 0\n",
        "SyntaxError",
        "non-default argument follows default argument",
        1,
        13,
    );
}

#[test]
fn helpful_guesses() {
    check(
        "print(a b)\n",
        "SyntaxError",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        7,
    );
    check(
        "print 'hello'\n",
        "SyntaxError",
        "Missing parentheses in call to 'print'",
        1,
        1,
    );
    check(
        "if x = 1:\n    pass\n",
        "SyntaxError",
        "Maybe you meant '==' or ':=' instead of '='?",
        1,
        6,
    );
    check(
        "try:\n    pass\nexcept A, B:\n    pass\n",
        "SyntaxError",
        "multiple exception types must be parenthesized",
        3,
        9,
    );
}

#[test]
fn statements() {
    check("x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8);
    check("x = a $ b\n", "SyntaxError", "invalid syntax", 1, 7);
    check(
        "x = \\ 1\n",
        "SyntaxError",
        "unexpected character after line continuation character",
        1,
        5,
    );
    check(
        "try:\n    pass\nx = 1\n",
        "SyntaxError",
        "expected 'except' or 'finally' block",
        1,
        1,
    );
    check(
        "try:\n    pass\nexcept:\n    pass\nexcept A:\n    pass\n",
        "SyntaxError",
        "default 'except:' must be last",
        3,
        1,
    );
    check("else:\n    pass\n", "SyntaxError", "invalid syntax", 1, 1);
    check("x = €\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5);
    check(
        "x\u{a0}= 1\n",
        "SyntaxError",
        "invalid non-printable character U+00A0",
        1,
        2,
    );
}

#[test]
fn unsupported_features_are_refused_clearly() {
    check(
        "async def f():\n    pass\n",
        "SyntaxError",
        "'async' is not supported",
        1,
        1,
    );
    check("x = await y\n", "SyntaxError", "'await' is not supported", 1, 5);
    let d = error("match x:\n    case 1:\n        pass\n");
    assert!(
        d.notes.iter().any(|n| n.contains("match statement is not supported")),
        "{d:?}"
    );
}

/// CPython tokenizes while it parses, and after a parse error it tokenizes
/// the rest of the file: a tokenizer error anywhere wins, an unclosed
/// bracket wins over a parse error on a later line, and an error inside a
/// string (found by the parser) loses to an earlier parse error.
#[test]
fn which_error_wins_follows_cpython() {
    check(
        "x = = 1\ns = 'abc\n",
        "SyntaxError",
        "unterminated string literal (detected at line 2)",
        2,
        5,
    );
    check("x = = 1\ns = '\\N{X}'\n", "SyntaxError", "invalid syntax", 1, 5);
    check("x = (\ny = = 2\n", "SyntaxError", "'(' was never closed", 1, 5);
    check("x = (= 2\n", "SyntaxError", "invalid syntax", 1, 6);
    check(
        "x = 1\n  y = 2\n z = 3\n",
        "IndentationError",
        "unexpected indent",
        2,
        3,
    );
    check(
        "print(1)\ndef broken(:\n    return 1\n",
        "SyntaxError",
        "invalid syntax",
        2,
        12,
    );
}

#[test]
fn errors_render_with_their_source_line() {
    let mut sources = workbench_framework::span::SourceMap::new();
    let source = "x = 1\nif x\n    pass\n";
    let file = sources.add("prog.py", source);
    let d = parse(file, source).expect_err("no colon").remove(0);
    let text = d.render(&sources, false);
    assert!(text.contains("expected ':'"), "{text}");
    assert!(text.contains("if x"), "{text}");
}
