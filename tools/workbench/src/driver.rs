//! The generic driver: compile a file with a language, run it in a space,
//! report errors. One function for every language × space pair.

use std::io::IsTerminal;
use workbench_framework::bytecode::disasm::module_listing;
use workbench_framework::bytecode::Globals;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::Space;
use workbench_framework::span::SourceMap;

/// Options shared by `run` and `repl`.
#[derive(Clone, Debug)]
pub struct Options {
    /// Space name.
    pub space: String,
    /// Instruction budget (0: unlimited).
    pub max_instructions: u64,
    /// Heap budget in MiB.
    pub max_heap_mb: usize,
    /// Call-depth budget.
    pub max_depth: usize,
    /// Trace every instruction to stderr.
    pub trace: bool,
    /// Print run statistics to stderr at the end.
    pub stats: bool,
    /// The JIT's options; `None` runs interpreted.
    pub jit: Option<workbench_framework::jit::JitOptions>,
    /// Arguments for the program.
    pub program_args: Vec<String>,
    /// `--taint-input` and `--taint-implicit` (used by `--space taint`).
    pub taint: workbench_framework::space::standard::taint::TaintOptions,
}

impl Options {
    /// The main loop's limits.
    pub fn limits(&self) -> Limits {
        Limits {
            max_instructions: if self.max_instructions == 0 {
                u64::MAX
            } else {
                self.max_instructions
            },
            max_depth: self.max_depth,
        }
    }
}

/// Prints diagnostics to stderr, coloured on a terminal.
pub fn report(sources: &SourceMap, diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal();
    for d in diagnostics {
        eprint!("{}", d.render(sources, color));
    }
}

/// A fresh interpreter for `lang` over `space`, with its builtins installed.
pub fn interpreter<L: Language, S: Space>(
    lang: &L,
    space: S,
    opts: &Options,
    program: Option<&str>,
) -> Result<Interp<S>, Diagnostic> {
    let out: Box<dyn std::io::Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
    let mut interp = Interp::new(space, opts.limits(), out);
    interp.trace = opts.trace;
    interp.program_args = opts.program_args.clone();
    interp.program_path = program.map(std::path::PathBuf::from);
    S::start(&mut interp, lang)?;
    if let Some(jit) = &opts.jit {
        S::enable_jit(&mut interp, jit.clone()).map_err(|e| Diagnostic::new("JitError", e, None))?;
    }
    Ok(interp)
}

/// `workbench run`: returns the exit code (0 ok, 1 guest error).
pub fn run_file<L: Language, S: Space>(lang: &L, space: S, opts: &Options, path: &str, source: String) -> i32 {
    let mut interp = match interpreter(lang, space, opts, Some(path)) {
        Ok(i) => i,
        Err(d) => {
            report(&SourceMap::new(), &[d]);
            return 1;
        }
    };
    let file = interp.sources.add(path, source.clone());
    let module = match lang.compile(file, &source, interp.globals_mut(), Mode::Program) {
        Ok(m) => m,
        Err(diags) => {
            report(&interp.sources, &diags);
            return 1;
        }
    };
    let result = interp.run_module(module);
    interp.flush();
    let jit_stats = match interp.jit_finish() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot write the JIT log: {e}");
            None
        }
    };
    if opts.stats {
        eprintln!(
            "[stats] space={} instructions={} live_objects={}",
            interp.space.name(),
            interp.instructions_executed(),
            interp.space.live_objects()
        );
        if let Some(j) = jit_stats {
            eprintln!(
                "[jit] loops={} bridges={} aborts={} entries={} guard_failures={} compile_us={} compiled_code_us={}",
                j.loops,
                j.bridges,
                j.aborts,
                j.entries,
                j.guard_failures,
                j.compile_time.as_micros(),
                j.run_time.as_micros()
            );
        }
    }
    match result {
        Ok(_) => 0,
        Err(d) if d.exit_code.is_some() => d.exit_code.unwrap_or(1),
        Err(d) => {
            report(&interp.sources, &[d]);
            1
        }
    }
}

/// `workbench annotate` (and `run --space annotation`): prints the annotation
/// listing; definite type errors are reported as diagnostics (exit 1).
pub fn annotate_file<L: Language>(lang: &L, path: &str, source: String) -> i32 {
    let mut sources = SourceMap::new();
    let file = sources.add(path, source.clone());
    match workbench_annotation::annotate(lang, file, &source) {
        Ok(result) => {
            print!("{}", result.listing);
            if result.errors.is_empty() {
                0
            } else {
                report(&sources, &result.errors);
                1
            }
        }
        Err(diags) => {
            report(&sources, &diags);
            1
        }
    }
}

/// `workbench dis`: prints the bytecode listing.
pub fn disassemble<L: Language>(lang: &L, path: &str, source: String) -> i32 {
    let mut sources = SourceMap::new();
    let file = sources.add(path, source.clone());
    let mut globals = Globals::new();
    match lang.compile(file, &source, &mut globals, Mode::Program) {
        Ok(module) => {
            print!("{}", module_listing(&module, &globals, Some(&sources)));
            0
        }
        Err(diags) => {
            report(&sources, &diags);
            1
        }
    }
}
