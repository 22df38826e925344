//! `workbench-tiny`: the workbench built with the tiny space only.
//!
//! It exists to measure what the workbench costs in a small footprint: the
//! same driver as `workbench` (same diagnostics, budgets, exit codes), but only
//! the tiny space ([`TinySpace`]) and the languages it serves (calc, bf,
//! Python). Nothing here names the standard space, its multimethod registry or
//! the JIT, so the linker leaves them (and Cranelift) out of the binary; the
//! README compares its size with the full `workbench`.
//!
//! Usage: `workbench-tiny run [--space tiny] [--max-heap-mb N]
//! [--max-instructions N] [--max-depth N] [--stats] FILE [-- ARGS...]`, and
//! `workbench-tiny spaces`.

use std::process::ExitCode;
use workbench::driver::{self, Options};
use workbench_framework::language::Language;
use workbench_framework::space::tiny::TinySpace;

const USAGE: &str = "usage: workbench-tiny run [--space tiny] [--max-heap-mb N] [--max-instructions N] \
[--max-depth N] [--stats] FILE [-- ARGS...]\n       workbench-tiny spaces";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("spaces") => {
            println!(
                "tiny       small footprint: 32-bit words, 16-byte objects; ints, strings, lists and functions only"
            );
            0
        }
        _ => usage("expected a command"),
    };
    ExitCode::from(code as u8)
}

fn usage(problem: &str) -> i32 {
    eprintln!("error: {problem}\n{USAGE}");
    2
}

fn run(args: &[String]) -> i32 {
    let mut opts = Options {
        space: "tiny".to_string(),
        max_instructions: 0,
        max_heap_mb: 2048,
        max_depth: 1_000_000,
        trace: false,
        stats: false,
        jit: None,
        program_args: Vec::new(),
    };
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<u64, i32> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| usage(&format!("{name} needs a number")))
        };
        match a.as_str() {
            "--space" => match it.next().map(String::as_str) {
                Some("tiny") => {}
                Some(other) => return usage(&format!("unknown space '{other}' (this binary has only: tiny)")),
                None => return usage("--space needs a name"),
            },
            "--max-heap-mb" => match number(a) {
                Ok(n) => opts.max_heap_mb = n as usize,
                Err(code) => return code,
            },
            "--max-instructions" => match number(a) {
                Ok(n) => opts.max_instructions = n,
                Err(code) => return code,
            },
            "--max-depth" => match number(a) {
                Ok(n) => opts.max_depth = n as usize,
                Err(code) => return code,
            },
            "--stats" => opts.stats = true,
            "--" => {
                opts.program_args = it.by_ref().cloned().collect();
            }
            _ if a.starts_with("--") => return usage(&format!("unknown option '{a}'")),
            _ if file.is_none() => file = Some(a.clone()),
            _ => opts.program_args.push(a.clone()),
        }
    }
    let Some(path) = file else {
        return usage("run needs a FILE");
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return 2;
        }
    };
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("calc") => go(&workbench_calc::Calc, &opts, &path, source),
        Some("b" | "bf") => go(&workbench_bf::Bf, &opts, &path, source),
        Some("py") => go(&workbench_python::Python, &opts, &path, source),
        _ => usage(&format!("no language of this binary (calc, bf, python) owns {path}")),
    }
}

fn go<L: Language>(lang: &L, opts: &Options, path: &str, source: String) -> i32 {
    let space = TinySpace::new(opts.max_heap_mb.saturating_mul(1 << 20), lang.spelling());
    driver::run_file(lang, space, opts, path, source)
}
