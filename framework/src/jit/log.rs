//! The JIT log (`--jit-log FILE`): every trace with its operations, guards
//! and resume points, each compile time, and the counters at the end.
//!
//! The format is plain text meant to be read as is, with a few fixed line
//! shapes so that `workbench trace FILE` can render it as a page:
//! ```text
//! # trace 0: loop at fib@4 (23 ops, 9 exits, compiled in 412 us, 1088 bytes)
//!   v0:w = load_slot s1
//!   ...
//!   exit0: resume code2@4 depth 0 writes [s1=v3]
//! # abort Loop at main@7: entered an inner loop that is not compiled yet
//! # counters
//! loops 3
//! ```

use super::record::Purpose;
use super::{JitStats, TraceEntry};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// A log being collected (written out at the end of the run).
pub struct Log {
    path: Option<PathBuf>,
    text: String,
}

impl Log {
    /// A log written to `path` at the end, or none.
    pub fn new(path: Option<PathBuf>) -> Log {
        Log {
            path,
            text: String::new(),
        }
    }

    /// True if anything is being logged.
    pub fn enabled(&self) -> bool {
        self.path.is_some()
    }

    /// An event line.
    pub fn line(&mut self, text: &str) {
        if self.enabled() {
            self.text.push_str("# ");
            self.text.push_str(text);
            self.text.push('\n');
        }
    }

    /// A compiled trace.
    #[allow(clippy::too_many_arguments)]
    pub fn trace(
        &mut self,
        index: usize,
        purpose: &Purpose,
        code: &str,
        pc: u32,
        ir: &super::ir::Trace,
        took: Duration,
        bytes: usize,
    ) {
        if !self.enabled() {
            return;
        }
        let what = match purpose {
            Purpose::Loop => "loop".to_string(),
            Purpose::Bridge { trace, exit } => format!("bridge from trace {trace} exit {exit}"),
        };
        self.text.push_str(&format!(
            "# trace {index}: {what} at {code}@{pc} ({} ops, {} exits, compiled in {} us, {bytes} bytes)\n",
            ir.ops.len(),
            ir.snaps.len(),
            took.as_micros()
        ));
        self.text.push_str(&ir.to_string());
    }

    /// Writes the log with the final counters and per-exit counts.
    pub fn finish(&mut self, stats: &JitStats, traces: &[TraceEntry]) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut out = std::fs::File::create(path)?;
        out.write_all(self.text.as_bytes())?;
        writeln!(out, "# exits")?;
        for (i, t) in traces.iter().enumerate() {
            let taken: Vec<String> = t
                .exit_counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                // Named by snapshot, as the listing above names them.
                .map(|(e, n)| format!("{}:{n}", t.compiled.exits.get(e).map(|s| s.0).unwrap_or(u32::MAX)))
                .collect();
            writeln!(out, "trace {i} {}", taken.join(" "))?;
        }
        writeln!(out, "# counters")?;
        writeln!(out, "loops {}", stats.loops)?;
        writeln!(out, "bridges {}", stats.bridges)?;
        writeln!(out, "aborts {}", stats.aborts)?;
        writeln!(out, "entries {}", stats.entries)?;
        writeln!(out, "guard_failures {}", stats.guard_failures)?;
        writeln!(out, "compile_us {}", stats.compile_time.as_micros())?;
        writeln!(out, "compiled_code_us {}", stats.run_time.as_micros())?;
        writeln!(out, "code_bytes {}", stats.code_bytes)?;
        if let Some(t) = stats.first_compiled {
            writeln!(out, "first_loop_us {}", t.as_micros())?;
        }
        Ok(())
    }
}
