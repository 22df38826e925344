//! The file-driven test corpus: every `tests/programs/NAME.{{ext}}` is its own
//! test, run through this crate's own `workbench-{{name}}` binary in every
//! object space, exactly as a user would run it.
//!
//! Beside each program lives `NAME.out`, its exact expected output. A
//! program that must fail also has `NAME.err`: the first line is the
//! expected exit code, and every further line must appear in stderr.
//!
//! `cargo test --test corpus standard` runs one space only.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

const SPACES: &[&str] = &["standard", "trivial"];

fn run_one(program: &Path, space: &str) -> Result<(), Failed> {
    let out_path = program.with_extension("out");
    let expected_out =
        std::fs::read_to_string(&out_path).map_err(|e| format!("missing {}: {e}", out_path.display()))?;
    let (expected_code, expected_err) = match std::fs::read_to_string(program.with_extension("err")) {
        Ok(text) => {
            let mut lines = text.lines();
            let code: i32 = lines
                .next()
                .and_then(|l| l.trim().parse().ok())
                .ok_or("the first line of a .err file must be an exit code")?;
            (
                code,
                lines.filter(|l| !l.trim().is_empty()).map(str::to_string).collect(),
            )
        }
        Err(_) => (0, Vec::new()),
    };
    let output = Command::new(env!("CARGO_BIN_EXE_workbench-{{name}}"))
        .args(["run", "--space", space])
        .arg(program)
        .output()
        .map_err(|e| format!("cannot start workbench-{{name}}: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if code != expected_code {
        problems.push(format!("exit code {code}, expected {expected_code}"));
    }
    if stdout != expected_out {
        problems.push(format!(
            "stdout differs\n--- expected\n{expected_out}--- actual\n{stdout}---"
        ));
    }
    for needle in &expected_err {
        if !stderr.contains(needle.as_str()) {
            problems.push(format!("stderr lacks {needle:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr\n{stderr}", problems.join("\n")).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    programs.retain(|p| p.extension().is_some_and(|x| x == "{{ext}}"));
    programs.sort();
    let mut trials = Vec::new();
    for program in programs {
        let name = program.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        for space in SPACES {
            let program = program.clone();
            trials.push(Trial::test(format!("{space}::{name}"), move || {
                run_one(&program, space)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
