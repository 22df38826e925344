//! The `workbench` command as a library.
//!
//! The binary in `src/main.rs` is one line; everything else is here, so that a
//! language crate outside this workspace (made by `workbench new-lang`) can
//! build its own `workbench` with its language added:
//!
//! - [`cli`]: the subcommands and [`cli::main_with`], the entry point;
//! - [`langs`]: the built-in languages and the object spaces;
//! - [`entry`]: turns any [`Language`](workbench_framework::language::Language) into a CLI entry;
//! - [`driver`]: the one generic compile-run-report function per language × space;
//! - [`repl`]: the interactive loop;
//! - [`newlang`]: `workbench new-lang`, with its templates embedded in the binary;
//! - [`tracelog`]: `workbench trace`, the JIT log viewer;
//! - [`grade`]: `workbench grade`, the coursework autograder, with its hidden tests embedded.
#![warn(missing_docs)]

pub mod cli;
pub mod driver;
pub mod entry;
pub mod grade;
pub mod langs;
pub mod newlang;
pub mod repl;
pub mod tracelog;
