//! The main acceptance check of the front end: every Python program of the
//! shared corpus parses, one test case per file.
//!
//! `tests/python/*.py` and `bench/python/*.py` at the workspace root are the
//! programs every engine runs. A program must parse unless the error file
//! beside it (`name.err`) says it ends in a `SyntaxError` (or one of its
//! subclasses); then it must fail to parse with that kind of error. Run with
//! `cargo test -p workbench-python --test corpus_parses`.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use workbench_framework::span::FileId;
use workbench_python::parser::parse;

/// The error kinds that are syntax errors in CPython's hierarchy.
const SYNTAX_KINDS: &[&str] = &["SyntaxError", "IndentationError", "TabError"];

fn check(path: &Path) -> Result<(), Failed> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let err_file = path.with_extension("err");
    let expect_syntax_error = std::fs::read_to_string(&err_file)
        .map(|text| SYNTAX_KINDS.iter().any(|k| text.contains(k)))
        .unwrap_or(false);
    match (parse(FileId(0), &source), expect_syntax_error) {
        (Ok(_), false) => Ok(()),
        (Err(diags), true) if diags.iter().all(|d| SYNTAX_KINDS.contains(&d.kind.as_str())) => Ok(()),
        (Ok(_), true) => Err(format!(
            "{} parsed, but {} expects a SyntaxError",
            path.display(),
            err_file.display()
        )
        .into()),
        (Err(diags), _) => {
            let mut message = format!("{} does not parse:\n", path.display());
            for d in &diags {
                let (line, col) = line_col(&source, d.span.map_or(0, |s| s.start as usize));
                message.push_str(&format!("  {}:{line}:{col}: {}\n", d.kind, d.message));
            }
            Err(message.into())
        }
    }
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["tests/python", "bench/python"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn main() {
    let args = Arguments::from_args();
    let trials = corpus()
        .into_iter()
        .map(|path| {
            let dir = path.parent().and_then(|p| p.parent()).and_then(|p| p.file_name());
            let name = format!(
                "{}/{}",
                dir.map_or("?".into(), |d| d.to_string_lossy()),
                path.file_stem().map_or("?".into(), |s| s.to_string_lossy())
            );
            Trial::test(name, move || check(&path))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
