//! # Scheme on Workbench. Start reading here.
//!
//! Scheme is here to prove that the main loop is language-neutral: proper
//! tail calls, first-class continuations and `dynamic-wind` fall out of the
//! framework's heap frames, not out of a second interpreter beside it. A
//! Scheme program is compiled to the same bytecode as Python, runs on the
//! same loop, and gets the same budgets, collector and (soon) JIT.
//!
//! ## The path of a program
//!
//! 1. **Tokens** ([`lexer`]): a logos enum; numbers and identifiers are one
//!    "atom" token, told apart by the reader.
//! 2. **Data** ([`reader`]): a hand-written recursive descent builds `Syn`
//!    trees (lists, vectors, symbols, literals) with spans.
//! 3. **Core** ([`expand`], [`core`]): the expander resolves identifiers,
//!    expands `syntax-rules` macros hygienically (introduced identifiers are
//!    renamed), rewrites every derived form into a dozen core nodes, and notes
//!    which variables inner lambdas capture.
//! 4. **Bytecode** ([`compiler`]): registers for locals, cells for captured
//!    ones, `TailCall` in every tail position, named `let`/`do` as loops.
//! 5. **Runtime** ([`runtime`]): Scheme's types in the standard space (pairs,
//!    symbols, vectors, records, rationals joined to the numeric tower by
//!    delegators), the natives, `display`/`write`; and the prelude
//!    (`prelude.scm`), the higher-order library in Scheme.
//!
//! ## Control, the interesting part
//!
//! - **Tail calls**: the framework's `TailCall` reuses the frame.
//! - **call/cc**: `Interp::capture_continuation` copies the frames and their
//!   registers into a heap tuple; resuming copies them back
//!   (`framework/src/interp/continuation.rs`). Escaping, re-entrant and
//!   multi-shot uses are the same operation.
//! - **dynamic-wind, exceptions**: Scheme code in the prelude over a winders
//!   list and a handlers list; errors raised by natives reach the handlers
//!   through the framework's handler table (`%try`).

#![warn(missing_docs)]

pub mod compiler;
pub mod core;
pub mod expand;
pub mod language;
pub mod lexer;
pub mod reader;
pub mod runtime;

pub use language::Scheme;
