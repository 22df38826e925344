//! Plugging a language crate that lives outside this workspace into the CLI.
//!
//! The `workbench` binary knows its own languages ([`crate::langs::languages`]).
//! A language crate made by `workbench new-lang` is not one of them: it has
//! its own small binary that runs this same CLI with one more language, by
//! passing [`language`]`(MyLang)` to [`crate::cli::main_with`]. The wrapper
//! below is what makes a [`Language`] (a compile-time interface, generic
//! over spaces) into an [`Entry`] (a trait object the CLI can list): it picks
//! the space by name and calls the driver monomorphized for that pair.

use crate::driver::{self, Options};
use crate::langs::Entry;
use workbench_framework::language::Language;
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::tiny::TinySpace;
use workbench_framework::space::trivial::TrivialSpace;

/// The CLI entry for `lang`.
///
/// ```no_run
/// // src/main.rs of a language crate made by `workbench new-lang`:
/// fn main() -> std::process::ExitCode {
///     workbench::cli::main_with(vec![workbench::entry::language(workbench_calc::Calc)])
/// }
/// ```
pub fn language<L: Language + 'static>(lang: L) -> Box<dyn Entry> {
    Box::new(Plugged(lang))
}

struct Plugged<L>(L);

impl<L: Language> Plugged<L> {
    /// False (after saying so on stderr) if the language cannot run in the chosen space.
    fn space_ok(&self, opts: &Options) -> bool {
        if self.0.supports_space(&opts.space) {
            return true;
        }
        eprintln!(
            "error: {} programs do not run in the {} space (see `workbench spaces`)",
            self.0.name(),
            opts.space
        );
        false
    }

    fn standard(&self, opts: &Options) -> StandardSpace {
        let config = StandardConfig {
            max_heap_bytes: opts.max_heap_mb.saturating_mul(1 << 20),
            // `--space taint` is the standard space with labels (see `space::standard::taint`).
            taint: (opts.space == "taint").then_some(opts.taint),
            ..Default::default()
        };
        StandardSpace::new(config, self.0.spelling(), |reg| self.0.register(reg))
    }

    fn tiny(&self, opts: &Options) -> TinySpace {
        TinySpace::new(opts.max_heap_mb.saturating_mul(1 << 20), self.0.spelling())
    }
}

impl<L: Language + 'static> Entry for Plugged<L> {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn extensions(&self) -> &'static [&'static str] {
        self.0.extensions()
    }
    fn description(&self) -> &'static str {
        self.0.description()
    }
    fn run(&self, opts: &Options, path: &str, source: String) -> i32 {
        if !self.space_ok(opts) {
            return 2;
        }
        match opts.space.as_str() {
            "trivial" => driver::run_file(&self.0, TrivialSpace::new(self.0.spelling()), opts, path, source),
            "tiny" => driver::run_file(&self.0, self.tiny(opts), opts, path, source),
            "annotation" => driver::annotate_file(&self.0, path, source),
            _ => driver::run_file(&self.0, self.standard(opts), opts, path, source),
        }
    }
    fn annotate(&self, path: &str, source: String) -> i32 {
        if !self.0.supports_space("annotation") {
            eprintln!(
                "error: {} programs cannot be annotated (see `workbench spaces`)",
                self.0.name()
            );
            return 2;
        }
        driver::annotate_file(&self.0, path, source)
    }
    fn dis(&self, path: &str, source: String) -> i32 {
        driver::disassemble(&self.0, path, source)
    }
    fn repl(&self, opts: &Options) -> i32 {
        if !self.space_ok(opts) {
            return 2;
        }
        match opts.space.as_str() {
            "trivial" => crate::repl::run(&self.0, TrivialSpace::new(self.0.spelling()), opts),
            "tiny" => crate::repl::run(&self.0, self.tiny(opts), opts),
            "annotation" => {
                eprintln!("error: the annotation space has no REPL; use `workbench annotate FILE`");
                2
            }
            _ => crate::repl::run(&self.0, self.standard(opts), opts),
        }
    }
}
