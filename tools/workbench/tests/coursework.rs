//! The coursework assignments are complete: each hand-out in
//! `tutorials/assignments/` has its task, its skeleton, a reference solution
//! kept apart in `tutorials/solutions/` (the same `main.rs`, a solved
//! `student.rs`), and hidden tests in `tools/workbench/grading/`.
//!
//! Whether the skeleton fails and the solution passes is checked by CI
//! (`.ci/run` grades both with `workbench grade`): that builds crates, which a
//! test running inside `cargo test` cannot do without waiting on its own lock.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn every_space_but_the_standard_one_has_an_assignment() {
    let assignments = names(&root().join("tutorials/assignments"));
    for space in ["annotation", "taint", "tiny"] {
        assert!(
            assignments.iter().any(|a| a.starts_with(&format!("{space}-"))),
            "no assignment for the {space} space in {assignments:?}"
        );
    }
}

#[test]
fn each_assignment_has_a_task_a_skeleton_a_solution_and_hidden_tests() {
    let root = root();
    let assignments = names(&root.join("tutorials/assignments"));
    assert!(!assignments.is_empty());
    for name in &assignments {
        let handout = root.join("tutorials/assignments").join(name);
        let solution = root.join("tutorials/solutions").join(name);
        for file in ["README.md", "Cargo.toml", "src/main.rs", "src/student.rs"] {
            assert!(handout.join(file).is_file(), "{name}: no {file} in the hand-out");
        }
        for file in ["Cargo.toml", "src/main.rs", "src/student.rs"] {
            assert!(solution.join(file).is_file(), "{name}: no {file} in the solution");
        }
        let main = |dir: &Path| std::fs::read_to_string(dir.join("src/main.rs")).unwrap();
        assert_eq!(
            main(&handout),
            main(&solution),
            "{name}: the solution must use the hand-out's main.rs"
        );
        let student = |dir: &Path| std::fs::read_to_string(dir.join("src/student.rs")).unwrap();
        assert_ne!(
            student(&handout),
            student(&solution),
            "{name}: the skeleton is the solution"
        );
        let grading = root.join("tools/workbench/grading").join(name);
        let programs = std::fs::read_dir(&grading)
            .map(|d| {
                d.flatten()
                    .filter(|e| {
                        let p = e.path();
                        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
                        !matches!(ext, "out" | "err" | "in" | "flags" | "md")
                    })
                    .count()
            })
            .unwrap_or(0);
        assert!(
            programs >= 5,
            "{name}: {programs} hidden tests in {}",
            grading.display()
        );
    }
    for name in names(&root.join("tools/workbench/grading")) {
        assert!(
            assignments.contains(&name),
            "hidden tests for {name}, which has no hand-out"
        );
    }
}
