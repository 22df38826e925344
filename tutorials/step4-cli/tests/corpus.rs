//! Step 4's test corpus: every `tests/programs/NAME.sprout` is a test case,
//! run through the `sprout` binary in both object spaces, its output compared
//! with `NAME.out` (and, for a program that must fail, its exit code and
//! stderr with `NAME.err`: the code on the first line, then lines that must
//! appear). This is the same harness `workbench new-lang` writes.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

// ANCHOR: run_one
fn run_one(program: &Path, space: &str) -> Result<(), Failed> {
    let expected_out = std::fs::read_to_string(program.with_extension("out")).map_err(|e| e.to_string())?;
    let (expected_code, needles) = match std::fs::read_to_string(program.with_extension("err")) {
        Ok(text) => {
            let mut lines = text.lines();
            let code: i32 = lines
                .next()
                .and_then(|l| l.trim().parse().ok())
                .ok_or("bad .err file")?;
            (code, lines.map(str::to_string).collect())
        }
        Err(_) => (0, Vec::new()),
    };
    let output = Command::new(env!("CARGO_BIN_EXE_sprout"))
        .args(["run", "--space", space])
        .arg(program)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() != Some(expected_code) {
        return Err(format!(
            "exit code {:?}, expected {expected_code}\n{stderr}",
            output.status.code()
        )
        .into());
    }
    if stdout != expected_out {
        return Err(format!("stdout differs\n--- expected\n{expected_out}--- actual\n{stdout}").into());
    }
    match needles.iter().find(|n| !stderr.contains(n.as_str())) {
        Some(missing) => Err(format!("stderr lacks {missing:?}\n{stderr}").into()),
        None => Ok(()),
    }
}
// ANCHOR_END: run_one

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    programs.retain(|p| p.extension().is_some_and(|x| x == "sprout"));
    programs.sort();
    let mut trials = Vec::new();
    for program in programs {
        let name = program.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        for space in ["standard", "trivial"] {
            let program = program.clone();
            trials.push(Trial::test(format!("{space}::{name}"), move || {
                run_one(&program, space)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
