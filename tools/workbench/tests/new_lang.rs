//! Transcript tests of `workbench new-lang`: what it prints, what it refuses,
//! and that it never overwrites a file. (That the crate it writes builds,
//! passes its tests and runs its example is checked by CI, `.ci/run`: it
//! takes a full build of the workbench.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workbench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workbench"))
        .args(args)
        .output()
        .expect("workbench runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh, empty scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wb-new-lang-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

const TRANSCRIPT: &str = "\
Created the language `toy` (programs end in .toy) in <DIR>:
  Cargo.toml
  Cargo.lock
  .gitignore
  README.md
  rustfmt.toml
  clippy.toml
  build.rs
  src/lib.rs
  src/lexer.rs
  src/grammar.lalrpop
  src/ast.rs
  src/parser.rs
  src/compiler.rs
  src/builtins.rs
  src/main.rs
  examples/hello.toy
  tests/corpus.rs
  tests/programs/arithmetic.toy
  tests/programs/arithmetic.out
  tests/programs/comparisons.toy
  tests/programs/comparisons.out
  tests/programs/while_loop.toy
  tests/programs/while_loop.out
  tests/programs/err_undeclared.toy
  tests/programs/err_undeclared.out
  tests/programs/err_undeclared.err
  tests/programs/err_divide_by_zero.toy
  tests/programs/err_divide_by_zero.out
  tests/programs/err_divide_by_zero.err
Next:
  cd <DIR>
  cargo run -- run examples/hello.toy   # builds the workbench with toy in it, runs the example
  cargo test                             # the corpus in tests/programs/
  cargo run -- repl toy
Start reading at src/lib.rs: it says where to change what.
";

#[test]
fn new_lang_writes_a_crate_and_says_what_it_wrote_and_what_to_do_next() {
    let dir = scratch("ok").join("toy");
    let out = workbench(&["new-lang", "toy", "--path", dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).replace(dir.to_str().expect("utf-8"), "<DIR>"),
        TRANSCRIPT
    );
    assert!(out.stderr.is_empty());
    // The file lines are the indented ones that are a single word.
    let mut listed: Vec<String> = TRANSCRIPT
        .lines()
        .filter(|l| l.starts_with("  ") && !l.trim_start().contains(' '))
        .map(|l| l.trim().to_string())
        .collect();
    listed.sort();
    assert_eq!(files_under(&dir), listed, "exactly the listed files exist");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("name = \"workbench-toy\""), "{manifest}");
    assert!(!manifest.contains("{{"), "every placeholder is filled: {manifest}");
    let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("pub struct Toy;"), "the type is named after the language");
    assert!(lib.starts_with("//! # toy: a language on Workbench. Start reading here."));
}

#[test]
fn bad_names_are_refused_with_exit_2_and_nothing_is_written() {
    let root = scratch("bad");
    for (args, says) in [
        (vec!["Toy"], "is not a valid language name"),
        (vec!["1toy"], "is not a valid language name"),
        (vec!["my-lang"], "is not a valid language name"),
        (vec!["while"], "is a Rust keyword"),
        (vec!["calc"], "a language called `calc` already exists"),
        (vec!["bf"], "a language called `bf` already exists"),
        (vec!["brain", "--ext", "b"], "the extension .b already belongs to `bf`"),
        (vec!["dotted", "--ext", ".x"], "is not a valid extension"),
        (
            vec!["outer", "--ext", "out"],
            "the extension .out is taken by the crate's own files",
        ),
        (vec!["language"], "would name the language's type `Language`"),
    ] {
        let dir = root.join("lang");
        let mut full = vec!["new-lang"];
        full.extend(&args);
        full.extend(["--path", dir.to_str().expect("utf-8")]);
        let out = workbench(&full);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("error: ") && stderr.contains(says),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!dir.exists(), "{args:?} wrote nothing");
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = scratch("exists");
    std::fs::create_dir_all(dir.join("src")).expect("src dir");
    std::fs::write(dir.join("src/lib.rs"), "// mine\n").expect("write");
    let out = workbench(&["new-lang", "toy", "--path", dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("already has src/lib.rs"), "{stderr}");
    assert!(stderr.contains("never overwrites"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("src/lib.rs")).expect("read"),
        "// mine\n"
    );
    assert_eq!(files_under(&dir), vec!["src/lib.rs"], "nothing else was written");
}

#[test]
fn a_missing_checkout_is_a_usage_error() {
    let dir = scratch("checkout");
    let out = workbench(&[
        "new-lang",
        "toy",
        "--path",
        dir.join("toy").to_str().expect("utf-8"),
        "--workbench-path",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not a Workbench checkout"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn new_lang_has_help() {
    let out = workbench(&["new-lang", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for flag in ["--path", "--ext", "--workbench-path"] {
        assert!(stdout.contains(flag), "{stdout}");
    }
}
