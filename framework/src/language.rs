//! What a language brings to the workbench: a front end and its registrations.
//!
//! A language is a front end (source text to [`Module`]) plus registrations in
//! the object library (its builtins, and for the standard space its types and
//! multimethod implementations). It never brings a main loop. The CLI finds a
//! language by name or file extension and runs its modules in any space.

use crate::bytecode::{Globals, Module};
use crate::diagnostic::Diagnostic;
use crate::interp::Interp;
use crate::multimethod::Returns;
use crate::object::TypeId;
use crate::space::standard::Registry;
use crate::space::{OpError, Space, Spelling};
use crate::span::FileId;

/// How the front end should treat the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A whole program from a file.
    Program,
    /// One REPL input: a trailing expression's value is echoed.
    Repl,
}

/// A native function written in Rust, generic over the space so it works in all of them.
pub type NativeFn<S> = fn(&mut Interp<S>, &[<S as Space>::W]) -> Result<<S as Space>::W, OpError>;

/// How many arguments a native accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    /// Exactly this many.
    Exact(u8),
    /// At least this many.
    AtLeast(u8),
}

impl Arity {
    /// True if `n` arguments are acceptable.
    pub fn accepts(self, n: usize) -> bool {
        match self {
            Arity::Exact(k) => n == k as usize,
            Arity::AtLeast(k) => n >= k as usize,
        }
    }
}

/// A builtin function a language installs as a global.
pub struct Builtin<S: Space> {
    /// The global name.
    pub name: &'static str,
    /// Accepted argument counts.
    pub arity: Arity,
    /// The implementation.
    pub func: NativeFn<S>,
}

/// What the annotation space knows about a builtin: the typed signature of a
/// function the language installs, in the same terms as a multimethod
/// implementation's ([`Returns`]). Builtins without one are unknown to the
/// annotator: their results may be anything, and what they are given may be
/// changed in any way. A builtin with a signature promises that it does not
/// change its arguments (it may call the functions it is given). Keep the
/// table small: only what makes common programs precise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BuiltinSignature {
    /// `name(args...)` returns what [`Returns`] says about its arguments.
    Function(&'static str, Returns),
    /// `receiver.name(args...)` on a value of the class: returns what
    /// [`Returns`] says (argument 0 is the receiver); if the index is given,
    /// that argument becomes an item of the receiver (`list.append`).
    Method(TypeId, &'static str, Returns, Option<usize>),
    /// `name(body, class_name, *bases)` makes a class: `body` is a function
    /// returning the class namespace as a dict, and the class's instances
    /// have the given implementation class (Python's `__wb_build_class__`).
    ClassBuilder(&'static str, TypeId),
}

/// A language plugged into the workbench.
pub trait Language {
    /// Name used by `--lang` and `workbench repl NAME`.
    fn name(&self) -> &'static str;
    /// File extensions without the dot.
    fn extensions(&self) -> &'static [&'static str];
    /// One line for `workbench langs`.
    fn description(&self) -> &'static str;
    /// How the trivial space spells true, false and none for this language.
    fn spelling(&self) -> Spelling;
    /// Compiles source text. Global names are shared across calls (REPL lines).
    fn compile(&self, file: FileId, source: &str, globals: &mut Globals, mode: Mode)
        -> Result<Module, Vec<Diagnostic>>;
    /// For the REPL: false if the input is an unfinished statement and more lines should be read.
    fn input_complete(&self, source: &str) -> bool;
    /// Registers the language's types and multimethod implementations in the standard space.
    fn register(&self, registry: &mut Registry) {
        let _ = registry;
    }
    /// Typed signatures of the builtins, for the annotation space.
    fn builtin_signatures(&self) -> Vec<BuiltinSignature> {
        Vec::new()
    }
    /// Can programs of this language run in the space called `space`?
    fn supports_space(&self, space: &str) -> bool {
        let _ = space;
        true
    }
    /// Language set-up that needs the standard space itself (hooks, class
    /// objects, a prelude written in the language). Runs after the builtins
    /// are installed.
    fn start_standard(&self, vm: &mut crate::space::standard::Vm) -> Result<(), Diagnostic> {
        let _ = vm;
        Ok(())
    }
    /// Language set-up for the tiny space (its type names, the methods it
    /// adds to lists and strings, builtins written for that space only).
    /// Runs after the builtins are installed.
    fn start_tiny(&self, vm: &mut Interp<crate::space::tiny::TinySpace>) -> Result<(), Diagnostic> {
        let _ = vm;
        Ok(())
    }
    /// The builtins, for any space.
    fn builtins<S: Space>(&self) -> Vec<Builtin<S>>
    where
        Self: Sized;
}
