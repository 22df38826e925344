//! # Workbench framework: start reading here
//!
//! This crate holds the two language-neutral parts of Workbench; the third
//! part, a front end, lives in each `languages/<lang>` crate.
//!
//! - **The main loop** ([`interp`]) executes [framework bytecode](bytecode)
//!   for every language. It treats values as black boxes and asks an
//!   object space for every operation on them.
//! - **The object library** ([`space`], [`object`], [`multimethod`]): the
//!   object spaces, the types with their multimethods and delegators, and
//!   the garbage-collected heap.
//!
//! A tour, in reading order:
//! 1. [`bytecode`]: the opcode table, code objects, the builder front ends
//!    use, and the [disassembler](bytecode::disasm).
//! 2. [`space`]: the `Space` trait, the seam between loop and values. Then
//!    [`space::trivial`] (host values and a `match`) and
//!    [`space::standard`] (multimethods and a heap).
//! 3. [`multimethod`]: the dispatch rules, each with its unit test.
//! 4. [`object`]: the tagged [`Value`](object::Value) word, the
//!    [`Heap`](object::Heap) with its mark-and-sweep collector, and the
//!    [maps](object::maps) (hidden classes) of compact instances.
//! 5. [`interp`]: heap frames, calls, tail calls, unwinding, budgets, safepoints.
//! 6. [`jit`]: the tracing JIT generator over the main loop, compiled with Cranelift.
//! 7. [`language`]: what a language plugs in; [`diagnostic`] and [`span`]:
//!    how errors point at source.
#![warn(missing_docs)]

pub mod bytecode;
pub mod diagnostic;
pub mod interp;
pub mod jit;
pub mod language;
pub mod multimethod;
pub mod object;
pub mod space;
pub mod span;
