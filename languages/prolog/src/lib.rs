//! # Prolog on Workbench. Start reading here.
//!
//! Prolog is the language that tests whether one main loop can serve a
//! language with *backtracking*. Here it does: resolution runs on the
//! framework's main loop, as ordinary bytecode, so budgets, the collector,
//! the tracer and the coming JIT apply to it with no Prolog-specific code.
//!
//! ## The idea: binarization with success continuations
//!
//! Each predicate is compiled to one framework function of its arguments
//! plus a **success continuation** `K` (as in BinProlog and Pyrolog):
//!
//! - a goal *succeeds* by calling `K`; the rest of the clause body is a
//!   closure capturing the clause variables it needs;
//! - a goal *fails* by returning `false`; the predicate then undoes the
//!   trail to its mark and tries its next candidate clause;
//! - a **cut** makes a later failure return the owning predicate's cut
//!   marker (its frame depth) instead, which every choice point on the way
//!   passes down until the owner's frame turns it into a failure;
//! - the last candidate clause ends in a `TailCall`, so deterministic
//!   recursion (with first-argument indexing deciding determinism) runs in
//!   constant frame space; the continuation chain lives on the heap.
//!
//! See `ARCHITECTURE.md` for why this strategy and not a WAM beside the loop.
//!
//! ## The path of a program
//!
//! 1. **Tokens** ([`lexer`]): logos, with hand-scanned quoted items and `0'c`.
//! 2. **Terms** ([`reader`]): operator-precedence parsing over the
//!    [`ops`] table, which `op/3` changes while a file is read.
//! 3. **Bytecode** ([`compiler`]): clauses grouped into predicates, bodies
//!    flattened with control constructs lifted into auxiliary predicates
//!    ([`compiler::normalize`]), and code emitted in continuation-passing
//!    style ([`compiler::emit`]).
//! 4. **Run time** ([`runtime`]): terms on the heap (variables, compounds,
//!    the trail, unification), arithmetic, term output, errors, and the
//!    control natives the code calls (`$unify`, `$cutres`, `$pred_of`, ...).
//! 5. **Builtins** ([`builtins`]) as natives, and the rest in Prolog in
//!    `prelude.pl` (call/N, findall/bagof/setof, between/3, the list library).
//! 6. **Toplevel** ([`toplevel`]): `workbench repl prolog`.
#![warn(missing_docs)]

pub mod builtins;
pub mod compiler;
pub mod language;
pub mod lexer;
pub mod ops;
pub mod reader;
pub mod runtime;
pub mod toplevel;

#[cfg(test)]
mod tests;

pub use language::Prolog;
