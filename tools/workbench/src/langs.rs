//! The languages and spaces this `workbench` binary knows.
//!
//! Each language is one line in [`languages`]. The CLI picks a language by
//! name or file extension and a space by name, then calls the generic driver
//! monomorphized for that pair: the language never sees which space it runs in.

use crate::driver::{self, Options};
use workbench_framework::language::Language;
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::trivial::TrivialSpace;

/// An object space the CLI can select with `--space`.
pub struct SpaceInfo {
    /// The name given to `--space`.
    pub name: &'static str,
    /// One line for `workbench spaces`.
    pub description: &'static str,
}

/// Every space, in the order `workbench spaces` lists them.
pub const SPACES: &[SpaceInfo] = &[
    SpaceInfo {
        name: "standard",
        description: "full semantics: tagged values, multimethods with delegators, a garbage-collected heap",
    },
    SpaceInfo {
        name: "trivial",
        description: "host Rust values and a plain match; no tables, no bigints, no collector (for teaching)",
    },
];

/// A language behind a trait object, so the CLI can keep a list of them.
pub trait Entry {
    /// The language's name.
    fn name(&self) -> &'static str;
    /// Its file extensions.
    fn extensions(&self) -> &'static [&'static str];
    /// One line for `workbench langs`.
    fn description(&self) -> &'static str;
    /// Runs a file; returns the process exit code.
    fn run(&self, opts: &Options, path: &str, source: String) -> i32;
    /// Prints the bytecode of a file; returns the exit code.
    fn dis(&self, path: &str, source: String) -> i32;
    /// Starts the REPL; returns the exit code.
    fn repl(&self, opts: &Options) -> i32;
}

struct LanguageEntry<L: Language>(L);

impl<L: Language + 'static> Entry for LanguageEntry<L> {
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
        if !self.0.supports_space(&opts.space) {
            eprintln!(
                "error: {} programs do not run in the {} space (see `workbench spaces`)",
                self.0.name(),
                opts.space
            );
            return 2;
        }
        match opts.space.as_str() {
            "trivial" => driver::run_file(&self.0, TrivialSpace::new(self.0.spelling()), opts, path, source),
            _ => driver::run_file(&self.0, standard(&self.0, opts), opts, path, source),
        }
    }
    fn dis(&self, path: &str, source: String) -> i32 {
        driver::disassemble(&self.0, path, source)
    }
    fn repl(&self, opts: &Options) -> i32 {
        if !self.0.supports_space(&opts.space) {
            eprintln!(
                "error: {} does not run in the {} space (see `workbench spaces`)",
                self.0.name(),
                opts.space
            );
            return 2;
        }
        match opts.space.as_str() {
            "trivial" => crate::repl::run(&self.0, TrivialSpace::new(self.0.spelling()), opts),
            _ => crate::repl::run(&self.0, standard(&self.0, opts), opts),
        }
    }
}

fn standard<L: Language>(lang: &L, opts: &Options) -> StandardSpace {
    let config = StandardConfig {
        max_heap_bytes: opts.max_heap_mb.saturating_mul(1 << 20),
        ..Default::default()
    };
    StandardSpace::new(config, lang.spelling(), |reg| lang.register(reg))
}

/// Every language compiled into this binary.
pub fn languages() -> Vec<Box<dyn Entry>> {
    vec![
        Box::new(LanguageEntry(workbench_calc::Calc)),
        Box::new(LanguageEntry(workbench_bf::Bf)),
        Box::new(LanguageEntry(workbench_python::Python)),
    ]
}

/// The language called `name`.
pub fn by_name(name: &str) -> Option<Box<dyn Entry>> {
    languages().into_iter().find(|l| l.name() == name)
}

/// The language that owns a file's extension.
pub fn by_path(path: &str) -> Option<Box<dyn Entry>> {
    let ext = std::path::Path::new(path).extension()?.to_str()?;
    languages().into_iter().find(|l| l.extensions().contains(&ext))
}
