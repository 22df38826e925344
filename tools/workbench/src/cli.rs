//! The `workbench` command line: subcommands, options, and which language runs a file.
//!
//! It lives in the library (not in `main.rs`) so that a language crate outside
//! this workspace can run the very same CLI with its own language added: its
//! `main` calls [`main_with`] with one more [`Entry`] (see [`crate::entry`]).
//! The `workbench` binary itself is `main_with(Vec::new())`.
//!
//! Exit codes: 0 on success, 1 on a guest error (syntax, type, runtime,
//! budget, a definite type error found by `annotate`), 2 on a usage error (unknown flag, missing file, unknown language,
//! a bad `new-lang` name).

use crate::driver::Options;
use crate::langs::{self, Entry};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// A language workbench in the lineage of PyPy's object spaces.
#[derive(Parser)]
#[command(name = "workbench", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program (the language is chosen by file extension).
    Run {
        /// The program file.
        file: String,
        /// Language to use instead of the one the extension names.
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        run: RunArgs,
        /// Arguments passed to the program (after `--`).
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Start an interactive session.
    Repl {
        /// The language (see `workbench langs`).
        lang: String,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print the bytecode a program compiles to.
    Dis {
        /// The program file.
        file: String,
        /// Language to use instead of the one the extension names.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Annotate a program without running it: print every function's argument,
    /// return and local annotations, and report definite type errors (exit 1).
    Annotate {
        /// The program file.
        file: String,
        /// Language to use instead of the one the extension names.
        #[arg(long)]
        lang: Option<String>,
    },
    /// List the languages.
    Langs,
    /// List the object spaces.
    Spaces,
    /// Create a new language crate that builds, runs and passes its tests at once.
    NewLang {
        /// The language's name: lower-case letters, digits and `_`, starting with a letter.
        name: String,
        /// Directory to create the crate in (default: ./NAME). Existing files are never overwritten.
        #[arg(long)]
        path: Option<PathBuf>,
        /// File extension of its programs, without the dot (default: NAME).
        #[arg(long)]
        ext: Option<String>,
        /// The Workbench checkout the crate depends on (default: the one this binary was built from).
        #[arg(long)]
        workbench_path: Option<PathBuf>,
    },
    /// Render a JIT log (from `run --jit-log FILE`) as readable text, or as an HTML page.
    Trace {
        /// The log file.
        file: PathBuf,
        /// Write a self-contained HTML page to this file instead of printing text.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
    },
    /// Grade a coursework assignment: build the student's crate and run the hidden tests.
    ///
    /// Without NAME, lists the assignments. Exit code 0 when every test passes, 1 otherwise.
    Grade {
        /// The assignment (a directory under tutorials/assignments).
        name: Option<String>,
        /// The student's crate (default: tutorials/assignments/NAME, found from here upwards).
        #[arg(long = "crate", value_name = "DIR")]
        crate_dir: Option<PathBuf>,
        /// Use the test programs in DIR instead of the built-in hidden tests.
        #[arg(long, value_name = "DIR")]
        tests: Option<PathBuf>,
        /// Grade this already-built binary instead of building the crate.
        #[arg(long, value_name = "PATH", conflicts_with = "crate_dir")]
        binary: Option<PathBuf>,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Run the benchmark suites against peer implementations (runs `workbench-bench`).
    Bench {
        /// Arguments for `workbench-bench` (try `workbench bench --help`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Object space to run in (see `workbench spaces`). With `run`, `annotation`
    /// does not run the program: it does exactly what `workbench annotate` does.
    #[arg(long, default_value = "standard", value_parser = space_name)]
    space: String,
    /// Stop after this many instructions (0: no limit).
    #[arg(long, default_value_t = 0)]
    max_instructions: u64,
    /// Heap budget in MiB.
    #[arg(long, default_value_t = 2048)]
    max_heap_mb: usize,
    /// Call-depth budget (frames live on the heap; this bounds their number).
    #[arg(long, default_value_t = 1_000_000)]
    max_depth: usize,
    /// Print every executed instruction to stderr.
    #[arg(long)]
    trace: bool,
    /// Print statistics (instructions, live objects, JIT counters) to stderr at exit.
    #[arg(long)]
    stats: bool,
    /// The tracing JIT (standard space only; other spaces always interpret).
    #[arg(long, value_enum, default_value_t = JitSwitch::Off)]
    jit: JitSwitch,
    /// Loop-header executions before the JIT records a loop [default: 1000, or
    /// WORKBENCH_JIT_THRESHOLD]. Implies --jit on.
    #[arg(long)]
    jit_threshold: Option<u32>,
    /// Write every trace, guard, bridge, compile time and counter to FILE (see `workbench trace`).
    /// Implies --jit on.
    #[arg(long, value_name = "FILE")]
    jit_log: Option<PathBuf>,
    /// With --space taint: label everything the program reads (stdin, command-line arguments).
    #[arg(long)]
    taint_input: bool,
    /// With --space taint: refuse or allow a branch on labelled data (an implicit flow).
    #[arg(long, value_enum, default_value_t = ImplicitSwitch::Refuse)]
    taint_implicit: ImplicitSwitch,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum JitSwitch {
    On,
    Off,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum ImplicitSwitch {
    // A TaintError.
    Refuse,
    // Let the program branch.
    Allow,
}

fn space_name(s: &str) -> Result<String, String> {
    if langs::SPACES.iter().any(|sp| sp.name == s) {
        Ok(s.to_string())
    } else {
        let names: Vec<&str> = langs::SPACES.iter().map(|sp| sp.name).collect();
        Err(format!("unknown space '{s}' (known: {})", names.join(", ")))
    }
}

impl RunArgs {
    fn options(&self, program_args: Vec<String>) -> Options {
        Options {
            space: self.space.clone(),
            max_instructions: self.max_instructions,
            max_heap_mb: self.max_heap_mb,
            max_depth: self.max_depth,
            trace: self.trace,
            stats: self.stats,
            program_args,
            jit: self.jit_options(),
            taint: workbench_framework::space::standard::taint::TaintOptions {
                input: self.taint_input,
                implicit: match self.taint_implicit {
                    ImplicitSwitch::Refuse => workbench_framework::space::standard::taint::Implicit::Refuse,
                    ImplicitSwitch::Allow => workbench_framework::space::standard::taint::Implicit::Allow,
                },
            },
        }
    }

    /// The taint options mean something only in the taint space.
    fn taint_flags_error(&self) -> Option<String> {
        let taint_flags = self.taint_input || self.taint_implicit == ImplicitSwitch::Allow;
        (taint_flags && self.space != "taint")
            .then(|| "--taint-input and --taint-implicit need --space taint".to_string())
    }

    fn jit_options(&self) -> Option<workbench_framework::jit::JitOptions> {
        let env = std::env::var("WORKBENCH_JIT_THRESHOLD")
            .ok()
            .and_then(|v| v.trim().parse().ok());
        let threshold = self.jit_threshold.or(env);
        let on = self.jit == JitSwitch::On || self.jit_threshold.is_some() || self.jit_log.is_some();
        if !on {
            return None;
        }
        let mut o = workbench_framework::jit::JitOptions::default();
        if let Some(t) = threshold {
            o.threshold = t.max(1);
            // Bridges follow the threshold down, but not all the way: an exit must fail a few
            // times, or a branchy program grows a bridge for every path it ever takes.
            o.bridge_threshold = o.bridge_threshold.min(t.max(20));
        }
        o.log = self.jit_log.clone();
        Some(o)
    }
}

fn usage_error(message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The binary's own languages, then the ones its `main` added.
fn all_languages(extra: Vec<Box<dyn Entry>>) -> Vec<Box<dyn Entry>> {
    let mut all = langs::languages();
    all.extend(extra);
    all
}

fn by_name(all: Vec<Box<dyn Entry>>, name: &str) -> Option<Box<dyn Entry>> {
    all.into_iter().find(|l| l.name() == name)
}

fn pick_language(all: Vec<Box<dyn Entry>>, file: &str, lang: &Option<String>) -> Result<Box<dyn Entry>, String> {
    match lang {
        Some(name) => by_name(all, name).ok_or_else(|| format!("unknown language '{name}' (see `workbench langs`)")),
        None => {
            let ext = std::path::Path::new(file).extension().and_then(|e| e.to_str());
            ext.and_then(|ext| all.into_iter().find(|l| l.extensions().contains(&ext)))
                .ok_or_else(|| format!("cannot tell the language of '{file}' from its extension; use --lang NAME"))
        }
    }
}

/// The language for `file` and the file's text (for the commands that read a program).
fn pick_and_read(
    all: Vec<Box<dyn Entry>>,
    file: &str,
    lang: &Option<String>,
) -> Result<(Box<dyn Entry>, String), String> {
    let entry = pick_language(all, file, lang)?;
    Ok((entry, read(file)?))
}

fn read(file: &str) -> Result<String, String> {
    std::fs::read(file)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| format!("cannot read '{file}': {e}"))
}

/// Runs the benchmark harness that sits beside this binary, pointing it at this binary.
fn bench(args: Vec<String>) -> i32 {
    let me = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot locate the workbench binary: {e}");
            return 2;
        }
    };
    let harness = me.with_file_name("workbench-bench");
    if !harness.exists() {
        eprintln!(
            "error: {} not found; build it with `cargo build --release -p workbench-bench`",
            harness.display()
        );
        return 2;
    }
    let mut cmd = std::process::Command::new(&harness);
    if !args.iter().any(|a| a == "--workbench" || a.starts_with("--workbench=")) {
        cmd.arg("--workbench").arg(&me);
    }
    match cmd.args(&args).status() {
        Ok(status) => status.code().unwrap_or(1),
        Err(e) => {
            eprintln!("error: cannot run {}: {e}", harness.display());
            2
        }
    }
}

/// Runs the CLI on the process's arguments, with `extra` languages added to
/// the built-in ones. Returns the exit code for `main` to return.
pub fn main_with(extra: Vec<Box<dyn Entry>>) -> ExitCode {
    let cli = Cli::parse();
    let all = all_languages(extra);
    let code = match cli.command {
        Command::Run { file, lang, run, args } => {
            if let Some(m) = run.taint_flags_error() {
                return usage_error(m);
            }
            match pick_and_read(all, &file, &lang) {
                Ok((entry, source)) => entry.run(&run.options(args), &file, source),
                Err(m) => return usage_error(m),
            }
        }
        Command::Repl { lang, run } => match by_name(all, &lang) {
            Some(entry) => entry.repl(&run.options(Vec::new())),
            None => return usage_error(format!("unknown language '{lang}' (see `workbench langs`)")),
        },
        Command::Dis { file, lang } => match pick_and_read(all, &file, &lang) {
            Ok((entry, source)) => entry.dis(&file, source),
            Err(m) => return usage_error(m),
        },
        Command::Annotate { file, lang } => match pick_and_read(all, &file, &lang) {
            Ok((entry, source)) => entry.annotate(&file, source),
            Err(m) => return usage_error(m),
        },
        Command::Trace { file, html } => {
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) => return usage_error(format!("cannot read {}: {e}", file.display())),
            };
            match html {
                Some(out) => match std::fs::write(&out, crate::tracelog::render_html(&text)) {
                    Ok(()) => 0,
                    Err(e) => return usage_error(format!("cannot write {}: {e}", out.display())),
                },
                None => {
                    print!("{}", crate::tracelog::render_text(&text));
                    0
                }
            }
        }
        Command::Langs => {
            for l in &all {
                let exts: Vec<String> = l.extensions().iter().map(|e| format!(".{e}")).collect();
                println!("{:<10} {:<12} {}", l.name(), exts.join(" "), l.description());
            }
            0
        }
        Command::NewLang {
            name,
            path,
            ext,
            workbench_path,
        } => {
            let request = crate::newlang::Request {
                name,
                path,
                ext,
                workbench_path,
            };
            crate::newlang::run(&request, &all)
        }
        Command::Bench { args } => bench(args),
        Command::Grade {
            name,
            crate_dir,
            tests,
            binary,
            json,
        } => crate::grade::run(&crate::grade::Request {
            assignment: name,
            crate_dir,
            tests_dir: tests,
            binary,
            json,
        }),
        Command::Spaces => {
            for s in langs::SPACES {
                println!("{:<10} {}", s.name, s.description);
            }
            0
        }
    };
    ExitCode::from(code as u8)
}
