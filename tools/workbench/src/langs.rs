//! The languages and spaces this `workbench` binary knows.
//!
//! Each language is one line in [`languages`]. The CLI picks a language by
//! name or file extension and a space by name, then calls the generic driver
//! monomorphized for that pair: the language never sees which space it runs in.

use crate::driver::Options;

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
    SpaceInfo {
        name: "tiny",
        description: "small footprint: 32-bit words, 16-byte objects; ints, strings, lists and functions only",
    },
    SpaceInfo {
        name: "taint",
        description: "standard, plus a set of labels on every value: labelled data may not be output or branched on",
    },
    SpaceInfo {
        name: "annotation",
        description:
            "abstract interpretation: annotates every function and reports definite type errors without running",
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
    /// Annotates a file (the annotation space); returns the exit code.
    fn annotate(&self, path: &str, source: String) -> i32;
    /// Prints the bytecode of a file; returns the exit code.
    fn dis(&self, path: &str, source: String) -> i32;
    /// Starts the REPL; returns the exit code.
    fn repl(&self, opts: &Options) -> i32;
}

/// Every language compiled into this binary.
pub fn languages() -> Vec<Box<dyn Entry>> {
    vec![
        crate::entry::language(workbench_calc::Calc),
        crate::entry::language(workbench_bf::Bf),
        crate::entry::language(workbench_python::Python),
        crate::entry::language(workbench_scheme::Scheme::default()),
        crate::entry::language(workbench_prolog::Prolog),
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
