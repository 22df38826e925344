//! The annotation space: abstract interpretation of framework bytecode.
//!
//! In this space a value is *knowledge about* a value ([`lattice::Ann`]):
//! `int`, `str("a")`, `list[int]`, an instance of class `Point`, `int | None`.
//! Annotating a program runs its bytecode on such values with a flow driver
//! ([`flow`]) that follows every path and joins the frame states where paths
//! meet, until nothing changes. Operations are answered by the multimethod
//! registry of the standard space — the same plans, delegators and dispatch
//! order — through the result types recorded with each implementation
//! ([`signatures`]), so a language that registers typed implementations gets
//! annotation without writing any abstract rule.
//!
//! Why a crate of its own, and not a [`Space`](workbench_framework::space::Space)
//! driven by the main loop: the main loop runs one path and asks the space
//! for one truth value at each branch; abstract interpretation must take
//! both branches, keep a state per instruction and revisit loops until they
//! stabilize. That is a different driver over the same bytecode, so the
//! annotation space brings its own (ARCHITECTURE.md, "The annotation space
//! is not a `Space`").
//!
//! The result ([`Annotated`]) is a listing of every function's argument,
//! return and local annotations, and the *definite type errors*: operations
//! on a reachable path for which no implementation exists whatever values
//! the operands turn out to have. A union with one good member is not
//! definite, and anything the driver cannot follow is `object`, which never
//! errs: false positives are what this space must never produce.

pub mod flow;
pub mod lattice;
pub mod ranges;
pub mod report;
pub mod signatures;

use workbench_framework::bytecode::Globals;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::standard::core_registry;
use workbench_framework::span::FileId;

pub use flow::Analysis;
pub use lattice::Ann;

/// What `workbench annotate` reports for a program.
#[derive(Clone, Debug)]
pub struct Annotated {
    /// The per-function listing.
    pub listing: String,
    /// Definite type errors, in program order.
    pub errors: Vec<Diagnostic>,
    /// False if the analysis stopped before its fixpoint (no errors are then reported).
    pub converged: bool,
}

impl flow::Analysis<'_> {
    /// The registry's name of a class (for `Other` annotations).
    pub fn registry_type_name(&self, t: workbench_framework::object::TypeId) -> String {
        self.registry().type_name(t).to_string()
    }
}

/// Compiles `source` with `lang` and annotates it.
pub fn annotate<L: Language>(lang: &L, file: FileId, source: &str) -> Result<Annotated, Vec<Diagnostic>> {
    let mut globals = Globals::new();
    let module = lang.compile(file, source, &mut globals, Mode::Program)?;
    let (mut registry, _) = core_registry();
    lang.register(&mut registry);
    let mut analysis = Analysis::new(&module, &globals, &registry, lang.builtin_signatures());
    analysis.run();
    let listing = report::listing(&analysis);
    let errors = analysis
        .errors()
        .iter()
        .map(|e| {
            Diagnostic::new("TypeError", e.message.clone(), Some(e.span))
                .with_label("no implementation for these operands on this path")
                .with_note("found by the annotation space before the program ran")
        })
        .collect();
    Ok(Annotated {
        listing,
        errors,
        converged: analysis.converged,
    })
}
