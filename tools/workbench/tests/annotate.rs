//! The annotation space end to end: the CLI (`annotate`, `run --space
//! annotation`, `spaces`) and the soundness check over the corpus — no program
//! that runs to completion in the standard space may get a definite type error.

use std::path::{Path, PathBuf};
use std::process::Command;
use workbench_framework::span::FileId;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn workbench(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_workbench"))
        .args(args)
        .output()
        .expect("workbench runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample(name: &str) -> String {
    root()
        .join("spaces/annotation/tests/samples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn annotate_prints_types_and_exits_1_on_a_definite_error() {
    let (code, out, err) = workbench(&["annotate", &sample("reachable.py")]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("def greet(name: str) -> str"), "{out}");
    assert!(out.contains("def count_up(limit: int) -> int"), "{out}");
    assert!(
        err.contains("TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        "{err}"
    );
    assert!(err.contains("reachable.py:19:7"), "{err}");
}

#[test]
fn annotate_exits_0_without_errors() {
    let (code, out, err) = workbench(&["annotate", &sample("classes.py")]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("    self.owner: str"), "{out}");
}

#[test]
fn run_in_the_annotation_space_is_annotate() {
    for name in ["reachable.py", "numbers.calc"] {
        let a = workbench(&["annotate", &sample(name)]);
        let b = workbench(&["run", "--space", "annotation", &sample(name)]);
        assert_eq!(a, b, "{name}");
    }
}

#[test]
fn spaces_lists_annotation() {
    let (code, out, _) = workbench(&["spaces"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("annotation ")), "{out}");
}

#[test]
fn languages_without_annotation_say_so() {
    let (code, _, err) = workbench(&[
        "annotate",
        &root()
            .join("tests/prolog")
            .join(first_file("prolog", "pl"))
            .to_string_lossy(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be annotated"), "{err}");
}

fn first_file(dir: &str, ext: &str) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests").join(dir))
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(&format!(".{ext}")))
        .collect();
    names.sort();
    names.remove(0)
}

/// Every program under `dir` (relative to the checkout) with extension `ext`,
/// and its expected failure (`.err`), if any.
fn corpus(dir: &str, ext: &str) -> Vec<(PathBuf, Option<String>)> {
    let mut out: Vec<(PathBuf, Option<String>)> = std::fs::read_dir(root().join(dir))
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .map(|p| {
            let err = std::fs::read_to_string(p.with_extension("err")).ok();
            (p, err)
        })
        .collect();
    out.sort();
    out
}

/// The soundness check: programs that exit 0 in the standard space get no
/// definite type error; a program that is flagged must be one that is expected
/// to fail (`.err`) and does fail with a TypeError when it runs.
fn soundness<L: workbench_framework::language::Language>(lang: &L, dir: &str, ext: &str) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, err) in corpus(dir, ext) {
        let source = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let Ok(result) = workbench_annotation::annotate(lang, FileId(0), &source) else {
            continue; // a syntax error: nothing to annotate
        };
        checked += 1;
        if result.errors.is_empty() {
            continue;
        }
        let expects_type_error = err.is_some() && {
            let (_, _, stderr) = workbench(&["run", &path.to_string_lossy()]);
            stderr.contains("TypeError")
        };
        if !expects_type_error {
            failures.push(format!("{}: {}", path.display(), result.errors[0].headline()));
        }
    }
    assert!(checked >= 4, "only {checked} programs checked in {dir}");
    assert!(failures.is_empty(), "false positives:\n{}", failures.join("\n"));
}

#[test]
fn no_false_positives_in_the_calc_corpus() {
    soundness(&workbench_calc::Calc, "tests/calc", "calc");
}

#[test]
fn no_false_positives_in_the_python_corpus() {
    soundness(&workbench_python::Python, "tests/python", "py");
}

#[test]
fn no_false_positives_in_the_scheme_corpus() {
    soundness(&workbench_scheme::Scheme::default(), "tests/scheme", "scm");
}

/// The benchmark programs are larger, and all of them run to completion.
#[test]
fn no_false_positives_in_the_benchmarks() {
    soundness(&workbench_calc::Calc, "bench/calc", "calc");
    soundness(&workbench_python::Python, "bench/python", "py");
    soundness(&workbench_scheme::Scheme::default(), "bench/scheme", "scm");
}
