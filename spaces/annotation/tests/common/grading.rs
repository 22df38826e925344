// Shared by `ranges_assignment.rs` and `ranges_skeleton.rs` (included, not a test of its own):
// runs the hidden tests of `annotation-ranges` through the library, as the
// assignment's binary would with `run --space annotation`.

use std::path::PathBuf;
use workbench_annotation::ranges::{fold_constants, set_int_rules, IntRange, IntRules};
use workbench_framework::bytecode::BinOp;
use workbench_framework::span::FileId;

type Rule = fn(IntRange, IntRange) -> IntRange;

static RULES: std::sync::OnceLock<(Rule, Rule)> = std::sync::OnceLock::new();

fn binary(op: BinOp, a: IntRange, b: IntRange) -> IntRange {
    let (add, sub) = RULES.get().copied().expect("rules installed");
    match op {
        BinOp::Add | BinOp::InPlaceAdd => add(a, b),
        BinOp::Sub => sub(a, b),
        _ => fold_constants(op, a, b),
    }
}

/// Installs the rules exactly as the assignment's `main.rs` does.
pub fn install(join: Rule, add: Rule, sub: Rule) {
    let _ = RULES.set((add, sub));
    set_int_rules(IntRules { join, binary });
}

fn tests() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/workbench/grading/annotation-ranges");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("grading directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("py" | "calc")))
        .collect();
    out.sort();
    out
}

/// Number of hidden tests.
pub fn count() -> usize {
    tests().len()
}

/// The hidden tests whose listing differs from the expected output.
pub fn failures() -> Vec<String> {
    let mut failing = Vec::new();
    let all = tests();
    assert!(all.len() >= 5, "at least five hidden tests");
    for path in all {
        let flags = std::fs::read_to_string(path.with_extension("flags")).unwrap_or_default();
        assert_eq!(flags.trim(), "--space annotation", "{}", path.display());
        let source = std::fs::read_to_string(&path).expect("test program");
        let expected = std::fs::read_to_string(path.with_extension("out")).expect("expected output");
        let listing = match path.extension().and_then(|e| e.to_str()) {
            Some("py") => workbench_annotation::annotate(&workbench_python::Python, FileId(0), &source),
            _ => workbench_annotation::annotate(&workbench_calc::Calc, FileId(0), &source),
        }
        .expect("compiles")
        .listing;
        if listing != expected {
            failing.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
        }
    }
    failing
}
