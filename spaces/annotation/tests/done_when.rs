//! Issue 9's "done when" for the annotation space: `annotate` reports int
//! and str for a sample program, flags `1 + "a"` on a reachable path with a
//! span, and does not flag it on an unreachable path (after `if False:`, or
//! in a function that is never called).

use workbench_annotation::annotate;
use workbench_framework::span::{FileId, SourceMap};
use workbench_python::Python;

const SAMPLE: &str = "\
def greet(name):
    message = \"hello \" + name
    return message

def count_up(limit):
    i = 0
    while i < limit:
        i = i + 1
    return i

print(greet(\"ann\"), count_up(3))
";

#[test]
fn reports_int_and_str() {
    let result = annotate(&Python, FileId(0), SAMPLE).expect("compiles");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(
        result.listing.contains("def greet(name: str) -> str"),
        "{}",
        result.listing
    );
    assert!(result.listing.contains("    message: str"), "{}", result.listing);
    assert!(
        result.listing.contains("def count_up(limit: int) -> int"),
        "{}",
        result.listing
    );
    assert!(result.listing.contains("    i: int"), "{}", result.listing);
}

#[test]
fn flags_a_reachable_type_error_with_its_span() {
    let source = format!("{SAMPLE}x = 2\nprint(1 + \"a\")\n");
    let result = annotate(&Python, FileId(0), &source).expect("compiles");
    assert_eq!(result.errors.len(), 1, "{}", result.listing);
    let e = &result.errors[0];
    assert_eq!(e.kind, "TypeError");
    assert_eq!(e.message, "unsupported operand type(s) for +: 'int' and 'str'");
    let span = e.span.expect("a span");
    assert_eq!(&source[span.start as usize..span.end as usize], "1 + \"a\"");
    let mut sources = SourceMap::new();
    sources.add("sample.py", source.clone());
    let text = e.render(&sources, false);
    assert!(text.contains("sample.py:13:7"), "{text}");
}

#[test]
fn flags_it_inside_a_called_function() {
    let source = format!("{SAMPLE}def bad(n):\n    return n + \"a\"\nbad(1)\n");
    let result = annotate(&Python, FileId(0), &source).expect("compiles");
    assert_eq!(result.errors.len(), 1, "{}", result.listing);
}

#[test]
fn unreachable_paths_are_not_flagged() {
    let source = format!(
        "{SAMPLE}if False:\n    print(1 + \"a\")\nwhile False:\n    print(2 + \"b\")\ndef never():\n    return 1 + \"a\"\n"
    );
    let result = annotate(&Python, FileId(0), &source).expect("compiles");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(
        result.listing.contains("def never(): never called"),
        "{}",
        result.listing
    );
}

#[test]
fn a_union_with_one_good_member_is_not_definite() {
    let source = "\
def pick(flag):
    if flag:
        return 1
    return \"one\"
print(pick(True) + 1)
";
    let result = annotate(&Python, FileId(0), source).expect("compiles");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(result.listing.contains("int(1) | str(\"one\")"), "{}", result.listing);
}

#[test]
fn a_handled_type_error_is_not_reported() {
    let source = "\
try:
    print(1 + \"a\")
except TypeError:
    print(\"caught\")
";
    let result = annotate(&Python, FileId(0), source).expect("compiles");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
}

#[test]
fn calc_flags_the_same_error() {
    let result = annotate(&workbench_calc::Calc, FileId(0), "let x = 1;\nprint(x + \"a\");\n").expect("compiles");
    assert_eq!(result.errors.len(), 1, "{}", result.listing);
}

/// Programs that run without error (checked against the standard space in
/// `tools/workbench/tests/annotate.rs`'s corpus check and by hand) must not be
/// flagged, however they alias, mutate through unseen code or dispatch.
#[test]
fn tricky_programs_are_not_flagged() {
    for name in [
        "aliasing.py",
        "inheritance.py",
        "classes.py",
        "containers.py",
        "exceptions.py",
    ] {
        let path = format!("{}/tests/samples/{name}", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).expect("sample exists");
        let result = annotate(&Python, FileId(0), &source).expect("compiles");
        assert!(result.converged, "{name}");
        assert!(result.errors.is_empty(), "{name}: {:?}", result.errors);
    }
}

/// `x is None` / `x is not None` narrow `x` on each side of the branch.
#[test]
fn is_none_tests_narrow() {
    let source = "\
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
def length(node):
    if node is None:
        return 0
    return 1 + length(node.next)
def first(node):
    if node is not None:
        return node.value
    return -1
print(length(Node(1, Node(2))), first(None), first(Node(3)))
";
    let result = annotate(&Python, FileId(0), source).expect("compiles");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(
        result.listing.contains("def length(node: None | Node) -> int"),
        "{}",
        result.listing
    );
    assert!(
        result.listing.contains("def first(node: None | Node) -> int"),
        "{}",
        result.listing
    );
}
