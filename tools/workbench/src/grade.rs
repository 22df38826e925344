//! `workbench grade ASSIGNMENT`: the coursework autograder.
//!
//! An assignment (see `tutorials/assignments/`) is a small cargo crate the
//! student edits: its binary is the whole `workbench` CLI with the student's
//! code plugged in. The grader builds that crate, runs it on test programs the
//! student does not see, and prints one score per test.
//!
//! The hidden tests live in `tools/workbench/grading/<assignment>/` and are
//! compiled into this binary by `build.rs`, so grading needs nothing else.
//! They follow the corpus convention of `tests/<lang>/`: `T.<ext>` is the
//! program, `T.out` its exact stdout, `T.err` (optional) the expected exit code
//! on its first line and text that must appear in stderr on the others,
//! `T.in` (optional) its stdin, `T.flags` (optional) extra options for `run`.
//! A teacher can keep their own tests elsewhere and pass `--tests DIR`, and
//! grade a binary built elsewhere with `--binary PATH`.
//!
//! Exit codes: 0 when every test passes, 1 when one fails or the crate does
//! not build, 2 on a usage error (unknown assignment, missing crate).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

include!(concat!(env!("OUT_DIR"), "/grading.rs"));

/// How long one test program may run.
const TIMEOUT: Duration = Duration::from_secs(60);

/// What `workbench grade` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// The assignment; `None` lists them.
    pub assignment: Option<String>,
    /// The student's crate (default: `tutorials/assignments/NAME`).
    pub crate_dir: Option<PathBuf>,
    /// Hidden tests from this directory instead of the built-in ones.
    pub tests_dir: Option<PathBuf>,
    /// Grade this already-built binary instead of building a crate.
    pub binary: Option<PathBuf>,
    /// Print the result as JSON.
    pub json: bool,
}

/// One hidden test.
#[derive(Clone, Debug)]
struct TestCase {
    name: String,
    file_name: String,
    source: String,
    expected_out: String,
    expected_code: i32,
    expected_err: Vec<String>,
    stdin: String,
    flags: Vec<String>,
}

/// What one test scored.
#[derive(Clone, Debug)]
struct Outcome {
    name: String,
    passed: bool,
    detail: String,
}

/// Runs `workbench grade`; returns the exit code.
pub fn run(request: &Request) -> i32 {
    let Some(name) = &request.assignment else {
        println!("assignments (grade one with `workbench grade NAME`):");
        for (name, files) in HIDDEN {
            let count = files.iter().filter(|(f, _)| is_program(f)).count();
            println!("  {name:<24} {count} hidden tests");
        }
        return 0;
    };
    let tests = match load(name, request.tests_dir.as_deref()) {
        Ok(t) => t,
        Err(m) => return usage(&m),
    };
    if let Some(binary) = &request.binary {
        // Tests run in a scratch directory, so a relative path must be made absolute.
        let binary = match std::fs::canonicalize(binary) {
            Ok(b) if b.is_file() => b,
            _ => return usage(&format!("{} is not a file", binary.display())),
        };
        if !request.json {
            println!("grading {name} (binary {})", binary.display());
        }
        let outcomes: Vec<Outcome> = tests.iter().map(|t| grade_one(&binary, t)).collect();
        return finish(name, &outcomes, request.json);
    }
    let crate_dir = match &request.crate_dir {
        Some(dir) => dir.clone(),
        None => match find_crate(name) {
            Some(dir) => dir,
            None => {
                return usage(&format!(
                    "cannot find tutorials/assignments/{name}/Cargo.toml from here; pass --crate DIR"
                ))
            }
        },
    };
    if !crate_dir.join("Cargo.toml").is_file() {
        return usage(&format!("{} has no Cargo.toml", crate_dir.display()));
    }
    if !request.json {
        println!("grading {name} (crate {})", crate_dir.display());
    }
    let outcomes: Vec<Outcome> = match build(&crate_dir) {
        Ok(binary) => tests.iter().map(|t| grade_one(&binary, t)).collect(),
        Err(m) => tests
            .iter()
            .map(|t| Outcome {
                name: t.name.clone(),
                passed: false,
                detail: m.clone(),
            })
            .collect(),
    };
    finish(name, &outcomes, request.json)
}

/// Reports the scores; the exit code says whether all passed.
fn finish(name: &str, outcomes: &[Outcome], json: bool) -> i32 {
    report(name, outcomes, json);
    if outcomes.iter().all(|o| o.passed) {
        0
    } else {
        1
    }
}

fn usage(message: &str) -> i32 {
    eprintln!("error: {message}");
    2
}

/// Is `file` a test program (not one of the files beside it)?
fn is_program(file: &str) -> bool {
    match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some(ext) => !matches!(ext, "out" | "err" | "in" | "flags" | "md"),
        None => false,
    }
}

/// The hidden tests of `name`, built in or read from `dir`.
fn load(name: &str, dir: Option<&Path>) -> Result<Vec<TestCase>, String> {
    let files: Vec<(String, String)> = match dir {
        Some(dir) => {
            let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let mut files = Vec::new();
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_file() {
                    let text =
                        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    files.push((entry.file_name().to_string_lossy().into_owned(), text));
                }
            }
            files
        }
        None => match HIDDEN.iter().find(|(n, _)| *n == name) {
            Some((_, files)) => files.iter().map(|(f, t)| (f.to_string(), t.to_string())).collect(),
            None => {
                let known: Vec<&str> = HIDDEN.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "unknown assignment '{name}' (known: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            }
        },
    };
    let companion = |stem: &str, ext: &str| {
        let wanted = format!("{stem}.{ext}");
        files.iter().find(|(f, _)| *f == wanted).map(|(_, t)| t.clone())
    };
    let mut tests = Vec::new();
    for (file, source) in files.iter().filter(|(f, _)| is_program(f)) {
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(file)
            .to_string();
        let expected_out = companion(&stem, "out").ok_or_else(|| format!("test {stem} has no {stem}.out"))?;
        let (expected_code, expected_err) = match companion(&stem, "err") {
            Some(text) => {
                let mut lines = text.lines();
                let code = lines
                    .next()
                    .and_then(|l| l.trim().parse().ok())
                    .ok_or_else(|| format!("the first line of {stem}.err must be an exit code"))?;
                (
                    code,
                    lines.filter(|l| !l.trim().is_empty()).map(str::to_string).collect(),
                )
            }
            None => (0, Vec::new()),
        };
        tests.push(TestCase {
            name: stem.clone(),
            file_name: file.clone(),
            source: source.clone(),
            expected_out,
            expected_code,
            expected_err,
            stdin: companion(&stem, "in").unwrap_or_default(),
            flags: companion(&stem, "flags")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        });
    }
    if tests.is_empty() {
        return Err(format!("assignment '{name}' has no test programs"));
    }
    tests.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(tests)
}

/// `tutorials/assignments/NAME` in this directory or a parent, else in the
/// checkout this binary was built from.
fn find_crate(name: &str) -> Option<PathBuf> {
    let relative = Path::new("tutorials/assignments").join(name);
    let mut dir = std::env::current_dir().ok();
    while let Some(d) = dir {
        let candidate = d.join(&relative);
        if candidate.join("Cargo.toml").is_file() {
            return Some(candidate);
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(&relative);
    built_from.join("Cargo.toml").is_file().then_some(built_from)
}

/// Builds the crate with cargo; returns its binary.
fn build(crate_dir: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .arg("build")
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--message-format=json-render-diagnostics")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err("the crate does not build (see the compiler's messages above)".to_string());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .rev()
        .filter(|l| l.contains("\"reason\":\"compiler-artifact\""))
        .find_map(executable)
        .ok_or_else(|| "the crate built no binary".to_string())
}

/// The `"executable"` path of one line of cargo's JSON output, if it has one.
fn executable(line: &str) -> Option<PathBuf> {
    let start = line.find("\"executable\":\"")? + "\"executable\":\"".len();
    let mut path = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(PathBuf::from(path)),
            '\\' => path.push(chars.next()?),
            c => path.push(c),
        }
    }
    None
}

/// Runs one test program with the student's binary.
fn grade_one(binary: &Path, test: &TestCase) -> Outcome {
    let fail = |detail: String| Outcome {
        name: test.name.clone(),
        passed: false,
        detail,
    };
    let dir = std::env::temp_dir().join(format!("workbench-grade-{}-{}", std::process::id(), test.name));
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(&test.file_name), &test.source))
    {
        return fail(format!("cannot write the test program: {e}"));
    }
    let result = run_program(binary, &dir, test);
    let _ = std::fs::remove_dir_all(&dir);
    let (code, stdout, stderr) = match result {
        Ok(r) => r,
        Err(m) => return fail(m),
    };
    if code != Some(test.expected_code) {
        let got = code.map_or("a signal".to_string(), |c| c.to_string());
        let first = stderr.lines().next().unwrap_or("").trim();
        return fail(format!(
            "exit code {got}, expected {}; stderr: {first}",
            test.expected_code
        ));
    }
    if stdout != test.expected_out {
        return fail(first_difference(&test.expected_out, &stdout));
    }
    if let Some(missing) = test.expected_err.iter().find(|l| !stderr.contains(l.trim())) {
        return fail(format!("stderr does not contain {:?}", missing.trim()));
    }
    Outcome {
        name: test.name.clone(),
        passed: true,
        detail: String::new(),
    }
}

/// Runs the binary on a test inside `dir`, with a time limit.
fn run_program(binary: &Path, dir: &Path, test: &TestCase) -> Result<(Option<i32>, String, String), String> {
    let mut child = Command::new(binary)
        .arg("run")
        .args(&test.flags)
        .arg(&test.file_name)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let stdin = child.stdin.take();
    let input = test.stdin.clone();
    let feeder = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(input.as_bytes());
        }
    });
    let read_all = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                text = String::from_utf8_lossy(&bytes).into_owned();
            }
            text
        })
    };
    let out = read_all(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = read_all(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("cannot wait for the program: {e}")),
        }
    };
    let _ = feeder.join();
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    Ok((status.code(), stdout, stderr))
}

/// Where two outputs first differ, for a one-line failure message.
fn first_difference(expected: &str, got: &str) -> String {
    let mut want = expected.lines();
    let mut have = got.lines();
    for line in 1.. {
        match (want.next(), have.next()) {
            (Some(w), Some(h)) if w == h => continue,
            (Some(w), Some(h)) => return format!("stdout line {line}: expected {w:?}, got {h:?}"),
            (Some(w), None) => return format!("stdout ends before line {line} (expected {w:?})"),
            (None, Some(h)) => return format!("stdout has an extra line {line}: {h:?}"),
            (None, None) => break,
        }
    }
    "stdout differs in line endings".to_string()
}

/// Prints the scores as text or JSON.
fn report(name: &str, outcomes: &[Outcome], json: bool) {
    let score = outcomes.iter().filter(|o| o.passed).count();
    let total = outcomes.len();
    if json {
        let tests: Vec<String> = outcomes
            .iter()
            .map(|o| {
                format!(
                    "{{\"name\":{},\"passed\":{},\"points\":{},\"max_points\":1,\"detail\":{}}}",
                    json_string(&o.name),
                    o.passed,
                    u8::from(o.passed),
                    json_string(&o.detail)
                )
            })
            .collect();
        println!(
            "{{\"assignment\":{},\"score\":{score},\"total\":{total},\"tests\":[{}]}}",
            json_string(name),
            tests.join(",")
        );
        return;
    }
    let width = outcomes.iter().map(|o| o.name.len()).max().unwrap_or(0);
    for o in outcomes {
        let (mark, points) = if o.passed { ("PASS", 1) } else { ("FAIL", 0) };
        let detail = if o.detail.is_empty() {
            String::new()
        } else {
            format!("  {}", o.detail)
        };
        println!("  {mark}  {:<width$}  {points}/1{detail}", o.name);
    }
    println!("score: {score}/{total}");
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_executable_out_of_a_cargo_message() {
        let line = r#"{"reason":"compiler-artifact","executable":"/t/debug/a\"b","fresh":true}"#;
        assert_eq!(executable(line), Some(PathBuf::from("/t/debug/a\"b")));
        assert_eq!(executable(r#"{"reason":"compiler-artifact","executable":null}"#), None);
    }

    #[test]
    fn test_files_are_grouped_by_stem() {
        let dir = std::env::temp_dir().join(format!("workbench-grade-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.calc"), "print 1;").unwrap();
        std::fs::write(dir.join("a.out"), "1\n").unwrap();
        std::fs::write(dir.join("b.calc"), "print x;").unwrap();
        std::fs::write(dir.join("b.out"), "").unwrap();
        std::fs::write(dir.join("b.err"), "1\nNameError\n").unwrap();
        std::fs::write(dir.join("b.flags"), "--space trivial").unwrap();
        let tests = load("x", Some(&dir)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(tests.len(), 2);
        assert_eq!((tests[0].name.as_str(), tests[0].expected_code), ("a", 0));
        assert_eq!(tests[1].expected_err, vec!["NameError".to_string()]);
        assert_eq!(tests[1].flags, vec!["--space".to_string(), "trivial".to_string()]);
    }

    #[test]
    fn a_test_without_expected_output_is_refused() {
        let dir = std::env::temp_dir().join(format!("workbench-grade-unit2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.calc"), "print 1;").unwrap();
        let err = load("x", Some(&dir)).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(err.contains("a.out"), "{err}");
    }

    #[test]
    fn differences_name_the_first_line() {
        assert_eq!(
            first_difference("1\n2\n", "1\n3\n"),
            "stdout line 2: expected \"2\", got \"3\""
        );
        assert_eq!(
            first_difference("1\n", ""),
            "stdout ends before line 1 (expected \"1\")"
        );
        assert_eq!(json_string("a\"\n"), "\"a\\\"\\n\"");
    }
}
