//! Snapshots of the annotation listing for calc and Python samples
//! (`tests/samples/`), and one Scheme sample: ints, strs, floats, lists, dicts, tuples, classes,
//! recursion, closures, exceptions and unions from if/else.

use workbench_annotation::annotate;
use workbench_framework::language::Language;
use workbench_framework::span::FileId;

fn listing<L: Language>(lang: &L, name: &str) -> String {
    let path = format!("{}/tests/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).expect("sample exists");
    let result = annotate(lang, FileId(0), &source).expect("sample compiles");
    assert!(result.converged, "{name}: no fixpoint");
    let mut out = result.listing;
    for e in &result.errors {
        out.push_str(&format!("error: {}\n", e.headline()));
    }
    out
}

#[test]
fn calc_numbers() {
    insta::assert_snapshot!(listing(&workbench_calc::Calc, "numbers.calc"));
}

#[test]
fn python_classes() {
    insta::assert_snapshot!(listing(&workbench_python::Python, "classes.py"));
}

#[test]
fn python_containers() {
    insta::assert_snapshot!(listing(&workbench_python::Python, "containers.py"));
}

#[test]
fn python_exceptions() {
    insta::assert_snapshot!(listing(&workbench_python::Python, "exceptions.py"));
}

#[test]
fn python_reachable() {
    insta::assert_snapshot!(listing(&workbench_python::Python, "reachable.py"));
}

#[test]
fn scheme_lists() {
    insta::assert_snapshot!(listing(&workbench_scheme::Scheme::default(), "lists.scm"));
}
