//! `workbench-bench`: the benchmark harness of the workbench.
//!
//! It runs the suites under `bench/<suite>/` with the workbench (each variant the suite's
//! manifest declares: object space, later the JIT) and with the peer implementations found on
//! the machine, checks every run's output, and writes a markdown report and an SVG chart. The
//! library holds the pieces (so they are unit-tested and reusable by the `workbench` CLI); the
//! binary in `main.rs` is the command line.

pub mod harness;
pub mod manifest;
pub mod peers;
pub mod report;
pub mod runner;
pub mod stats;
pub mod svg;
