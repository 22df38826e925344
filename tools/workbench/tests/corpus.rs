//! The file-driven corpus: every program under `tests/<lang>/` is its own test,
//! run through the real `workbench` binary in every space that supports it.
//!
//! Beside `NAME.<ext>` lives `NAME.out`, the exact expected stdout. A program
//! that must fail also has `NAME.err`: its first line is the expected exit
//! code, every further line must appear somewhere in stderr. `NAME.in`, if
//! present, is fed to stdin; `NAME.flags`, if present, holds extra options for
//! `workbench run` (budgets, say). Programs a space cannot run are listed in
//! `tests/skips.txt` — the one place skip lists live.
//!
//! Test names read `<lang>::<variant>::<name>`, so `cargo test --test corpus
//! calc::trivial` runs one slice. The variants are the spaces plus `jit` (the
//! standard space with every loop compiled at once; see [`VARIANTS`]).

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The variants every program runs in: `(name, space, extra options)`. The `jit`
/// variant is the standard space with the JIT's threshold forced to 1, so every
/// loop is recorded and compiled at its first back edge: the compiled code must
/// print exactly what the interpreter prints.
const VARIANTS: &[(&str, &str, &[&str])] = &[
    ("standard", "standard", &[]),
    ("trivial", "trivial", &[]),
    ("tiny", "tiny", &[]),
    ("jit", "standard", &["--jit", "on", "--jit-threshold", "1"]),
];
const TIMEOUT: Duration = Duration::from_secs(120);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One skip rule: `space pattern reason...`, pattern `lang/prefix*` or `lang/name`.
struct Skip {
    space: String,
    pattern: String,
}

fn skips() -> Vec<Skip> {
    let text = std::fs::read_to_string(root().join("tests/skips.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            Some(Skip {
                space: parts.next()?.to_string(),
                pattern: parts.next()?.to_string(),
            })
        })
        .collect()
}

/// Skip rules name a space or a variant; the `jit` variant inherits the standard space's.
/// A rule whose space starts with `+` (`+tiny python/seed_len`) is an exception: it runs
/// that program in that space even though another rule skips it.
fn skipped(skips: &[Skip], variant: &str, space: &str, id: &str) -> bool {
    let applies = |s: &Skip, name: &str| {
        (name == space || name == variant || name == "*")
            && match s.pattern.strip_suffix('*') {
                Some(prefix) => id.starts_with(prefix),
                None => id == s.pattern,
            }
    };
    let allowed = skips
        .iter()
        .any(|s| s.space.strip_prefix('+').is_some_and(|name| applies(s, name)));
    !allowed && skips.iter().any(|s| !s.space.starts_with('+') && applies(s, &s.space))
}

fn run_one(program: &Path, space: &str, extra: &[&str]) -> Result<(), Failed> {
    let out_path = program.with_extension("out");
    let err_path = program.with_extension("err");
    let in_path = program.with_extension("in");
    let flags = std::fs::read_to_string(program.with_extension("flags")).unwrap_or_default();
    let expected_out =
        std::fs::read_to_string(&out_path).map_err(|e| format!("missing {}: {e}", out_path.display()))?;
    let (expected_code, expected_err): (i32, Vec<String>) = match std::fs::read_to_string(&err_path) {
        Ok(text) => {
            let mut lines = text.lines();
            let code = lines
                .next()
                .and_then(|l| l.trim().parse().ok())
                .ok_or("first line of .err must be a code")?;
            (
                code,
                lines.filter(|l| !l.trim().is_empty()).map(str::to_string).collect(),
            )
        }
        Err(_) => (0, Vec::new()),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_workbench"))
        .arg("run")
        .arg("--space")
        .arg(space)
        .args(extra)
        .args(flags.split_whitespace())
        .arg(program)
        .current_dir(program.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start workbench: {e}"))?;
    let input = std::fs::read(&in_path).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(&input);
    }
    let start = Instant::now();
    loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("timed out after {TIMEOUT:?}").into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
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
    if expected_code == 0 && !stderr.is_empty() {
        problems.push("unexpected stderr".to_string());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr\n{stderr}", problems.join("\n")).into())
    }
}

/// `(language directory, extension)` pairs of the corpus.
const CORPORA: &[(&str, &str)] = &[
    ("calc", "calc"),
    ("bf", "b"),
    ("python", "py"),
    ("scheme", "scm"),
    ("prolog", "pl"),
];

fn main() {
    let args = Arguments::from_args();
    let skips = skips();
    let mut trials = Vec::new();
    for (lang, ext) in CORPORA {
        let dir = root().join("tests").join(lang);
        let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    // A program without an expected output is a helper (a module it imports).
                    .filter(|p| p.extension().is_some_and(|x| x == *ext) && p.with_extension("out").exists())
                    .collect()
            })
            .unwrap_or_default();
        programs.sort();
        for program in programs {
            let name = program.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
            let id = format!("{lang}/{name}");
            for (variant, space, extra) in VARIANTS {
                let program = program.clone();
                let ignored = skipped(&skips, variant, space, &id);
                trials.push(
                    Trial::test(format!("{lang}::{variant}::{name}"), move || {
                        run_one(&program, space, extra)
                    })
                    .with_ignored_flag(ignored),
                );
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
