//! Running the suites: planning the sides of each benchmark, interleaving their runs, checking
//! every output, and collecting the results the report is built from.
//!
//! For each benchmark the *sides* are the workbench variants and the peers. Each side gets one
//! untimed warm-up run, then N timed rounds in which every side runs once, in a fixed order
//! (A B C A B C ...), so slow drift of the machine hits all sides alike. Every run's output is
//! compared with the expected file; a side whose output is wrong, that fails or times out drops
//! out and is reported as such, without times.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::manifest::Suite;
use crate::peers::{self, Tool};
use crate::runner::{self, Exit, Invocation};

/// What happened to one side of one benchmark.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// All runs produced the expected output.
    Ok,
    /// The runner is not installed (or the workbench binary is not built).
    Missing(String),
    /// The output differed from the expected output on this run (0 = warm-up).
    Wrong { run: usize, detail: String },
    /// Non-zero exit, killed by a signal, could not start, or could not be prepared.
    Failed(String),
    /// The run exceeded the time limit.
    Timeout { run: usize, limit: f64 },
}

impl Status {
    /// Short label for tables.
    pub fn label(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Missing(_) => "missing",
            Status::Wrong { .. } => "WRONG",
            Status::Failed(_) => "FAILED",
            Status::Timeout { .. } => "TIMEOUT",
        }
    }

    /// Whether this status should make the harness exit non-zero.
    pub fn is_error(&self) -> bool {
        matches!(self, Status::Wrong { .. } | Status::Failed(_) | Status::Timeout { .. })
    }

    /// One-line explanation (empty for `Ok`).
    pub fn detail(&self) -> String {
        match self {
            Status::Ok => String::new(),
            Status::Missing(why) | Status::Failed(why) => why.clone(),
            Status::Wrong { run, detail } => format!("{} {detail}", run_name(*run)),
            Status::Timeout { run, limit } => format!("{} exceeded {limit} s", run_name(*run)),
        }
    }
}

fn run_name(run: usize) -> String {
    if run == 0 {
        "warm-up run:".into()
    } else {
        format!("run {run}:")
    }
}

/// Which runner a side is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideKind {
    Workbench { variant: String },
    Peer { name: String },
}

/// Results of one side of one benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct SideResult {
    pub kind: SideKind,
    pub status: Status,
    /// Wall seconds of the timed runs (empty unless `status == Ok`).
    pub times: Vec<f64>,
    /// Peak RSS (KiB) of the timed runs (empty unless `status == Ok`).
    pub rss_kib: Vec<u64>,
}

impl SideResult {
    /// Label used in tables: `workbench standard` or the peer name.
    pub fn label(&self) -> String {
        match &self.kind {
            SideKind::Workbench { variant } => format!("workbench {variant}"),
            SideKind::Peer { name } => name.clone(),
        }
    }
}

/// Results of one benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchResult {
    pub name: String,
    /// Set if the benchmark is not yet available (then `sides` is empty).
    pub pending: Option<String>,
    pub sides: Vec<SideResult>,
}

/// Results of one suite.
#[derive(Debug, Clone, PartialEq)]
pub struct SuiteResult {
    pub name: String,
    pub title: String,
    pub variants: Vec<String>,
    pub peers: Vec<String>,
    pub benches: Vec<BenchResult>,
}

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub quick: bool,
    pub runs: usize,
    pub timeout: Duration,
}

/// Runners found (or not) on this machine, by name (`workbench` for the workbench).
pub type Tools = BTreeMap<String, Result<Tool, String>>;

/// Locate the workbench and every peer used by `suites`.
pub fn discover(suites: &[Suite], workbench: &Path, scratch: &Path) -> Tools {
    let mut tools = Tools::new();
    tools.insert("workbench".into(), peers::discover_workbench(workbench, scratch));
    for s in suites {
        for p in s.peer_names() {
            if let std::collections::btree_map::Entry::Vacant(slot) = tools.entry(p) {
                let found = peers::discover(slot.key(), scratch);
                slot.insert(found);
            }
        }
    }
    tools
}

/// Compare actual output with the expected output (line endings normalised). `None` if equal,
/// otherwise a short description of the first difference.
pub fn check_output(expected: &[u8], actual: &[u8]) -> Option<String> {
    let norm = |b: &[u8]| String::from_utf8_lossy(b).replace("\r\n", "\n");
    let (e, a) = (norm(expected), norm(actual));
    if e == a {
        return None;
    }
    if a.is_empty() {
        return Some("no output".into());
    }
    let (el, al): (Vec<&str>, Vec<&str>) = (e.lines().collect(), a.lines().collect());
    let clip = |s: &str| {
        let s: String = s.chars().take(60).collect();
        format!("`{s}`")
    };
    for i in 0..el.len().max(al.len()) {
        match (el.get(i), al.get(i)) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) => return Some(format!("line {}: expected {}, got {}", i + 1, clip(x), clip(y))),
            (Some(x), None) => return Some(format!("line {}: expected {}, got end of output", i + 1, clip(x))),
            (None, Some(y)) => return Some(format!("line {}: unexpected extra output {}", i + 1, clip(y))),
            (None, None) => break,
        }
    }
    Some("output differs in whitespace or final newline".into())
}

/// Judge one run: `Ok(())` if it succeeded with the expected output.
fn judge(
    res: std::io::Result<runner::RunResult>,
    expected: &[u8],
    run: usize,
    limit: f64,
) -> Result<runner::RunResult, Status> {
    let r = res.map_err(|e| Status::Failed(format!("cannot start: {e}")))?;
    match r.exit {
        Exit::TimedOut => return Err(Status::Timeout { run, limit }),
        Exit::Signal(sig) => return Err(Status::Failed(format!("{} killed by signal {sig}", run_name(run)))),
        Exit::Code(0) => {}
        Exit::Code(c) => {
            let msg = String::from_utf8_lossy(&r.stderr);
            let last = msg.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
            let last: String = last.chars().take(100).collect();
            return Err(Status::Failed(format!(
                "{} exit code {c}{}{}",
                run_name(run),
                if last.is_empty() { "" } else { ": " },
                last.trim()
            )));
        }
    }
    if let Some(detail) = check_output(expected, &r.stdout) {
        return Err(Status::Wrong { run, detail });
    }
    Ok(r)
}

/// A side ready to run (or already decided).
struct Planned {
    kind: SideKind,
    inv: Result<Invocation, Status>,
    times: Vec<f64>,
    rss: Vec<u64>,
}

/// Number of runs a full benchmark will make (for the progress bar).
fn runs_per_side(settings: &Settings) -> u64 {
    settings.runs as u64 + 1
}

/// Total number of runs the selected suites will make, assuming every runner is available.
pub fn planned_runs(suites: &[Suite], settings: &Settings) -> u64 {
    suites
        .iter()
        .flat_map(|s| {
            s.selected(settings.quick)
                .filter(|b| b.pending.is_none())
                .map(move |b| (s.variants.len() + b.peers.len()) as u64)
        })
        .sum::<u64>()
        * runs_per_side(settings)
}

/// Run every selected benchmark of `suites`.
pub fn run_all(
    suites: &[Suite],
    tools: &Tools,
    settings: &Settings,
    scratch: &Path,
    progress: &ProgressBar,
) -> Vec<SuiteResult> {
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} runs {elapsed:>4} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    progress.set_length(planned_runs(suites, settings));
    let limit = settings.timeout.as_secs_f64();
    let mut results = Vec::new();
    for suite in suites {
        let mut benches = Vec::new();
        for bench in suite.selected(settings.quick) {
            if let Some(why) = &bench.pending {
                benches.push(BenchResult {
                    name: bench.name.clone(),
                    pending: Some(why.clone()),
                    sides: Vec::new(),
                });
                continue;
            }
            let tag = format!("{}-{}", suite.name, bench.name);
            let expected = std::fs::read(suite.dir.join(&bench.expected));
            let mut sides: Vec<Planned> = Vec::new();
            let wb_program = bench
                .workbench
                .as_deref()
                .map(|f| suite.dir.join(f).to_string_lossy().into_owned());
            for v in &suite.variants {
                let inv = match (tools.get("workbench"), &wb_program) {
                    (Some(Ok(t)), Some(prog)) => Ok(Invocation {
                        exe: t.exe.clone(),
                        args: v.args_for(prog).into_iter().map(Into::into).collect(),
                        cwd: suite.dir.clone(),
                    }),
                    (Some(Err(why)), _) => Err(Status::Missing(why.clone())),
                    _ => Err(Status::Missing("no workbench program".into())),
                };
                sides.push(Planned {
                    kind: SideKind::Workbench {
                        variant: v.name.clone(),
                    },
                    inv,
                    times: Vec::new(),
                    rss: Vec::new(),
                });
            }
            for (pname, prog) in &bench.peers {
                progress.set_message(format!("{}/{}: preparing {pname}", suite.name, bench.name));
                let inv = match tools.get(pname) {
                    Some(Ok(t)) => peers::invocation(
                        t,
                        &suite.dir.join(prog),
                        &suite.dir,
                        scratch,
                        &format!("{tag}-{pname}"),
                        settings.timeout,
                    )
                    .map_err(Status::Failed),
                    Some(Err(why)) => Err(Status::Missing(why.clone())),
                    None => Err(Status::Missing("not looked up".into())),
                };
                sides.push(Planned {
                    kind: SideKind::Peer { name: pname.clone() },
                    inv,
                    times: Vec::new(),
                    rss: Vec::new(),
                });
            }
            let expected = match expected {
                Ok(e) => e,
                Err(e) => {
                    let why = format!("cannot read {}: {e}", bench.expected);
                    for s in &mut sides {
                        if s.inv.is_ok() {
                            s.inv = Err(Status::Failed(why.clone()));
                        }
                    }
                    Vec::new()
                }
            };
            // Sides that will not run still count in the progress bar's total.
            let skipped = sides.iter().filter(|s| s.inv.is_err()).count() as u64;
            progress.inc(skipped * runs_per_side(settings));

            for run in 0..=settings.runs {
                for side in sides.iter_mut() {
                    let Ok(inv) = &side.inv else { continue };
                    let label = match &side.kind {
                        SideKind::Workbench { variant } => format!("workbench {variant}"),
                        SideKind::Peer { name } => name.clone(),
                    };
                    progress.set_message(format!(
                        "{}/{}: {label} {}",
                        suite.name,
                        bench.name,
                        if run == 0 {
                            "warm-up".to_string()
                        } else {
                            format!("run {run}/{}", settings.runs)
                        }
                    ));
                    let res = runner::run(inv, settings.timeout, scratch);
                    progress.inc(1);
                    match judge(res, &expected, run, limit) {
                        Ok(r) if run > 0 => {
                            side.times.push(r.wall);
                            side.rss.push(r.max_rss_kib);
                        }
                        Ok(_) => {}
                        Err(status) => {
                            side.inv = Err(status);
                            side.times.clear();
                            side.rss.clear();
                            progress.inc((settings.runs - run) as u64);
                        }
                    }
                }
            }
            let sides: Vec<SideResult> = sides
                .into_iter()
                .map(|s| SideResult {
                    kind: s.kind,
                    status: s.inv.err().unwrap_or(Status::Ok),
                    times: s.times,
                    rss_kib: s.rss,
                })
                .collect();
            let line = sides
                .iter()
                .map(|s| match (&s.status, crate::stats::summarize(&s.times)) {
                    (Status::Ok, Some(sum)) => format!("{} {:.3} s", s.label(), sum.median),
                    (st, _) => format!("{} {}", s.label(), st.label()),
                })
                .collect::<Vec<_>>()
                .join(", ");
            progress.suspend(|| eprintln!("{}/{}: {line}", suite.name, bench.name));
            benches.push(BenchResult {
                name: bench.name.clone(),
                pending: None,
                sides,
            });
        }
        results.push(SuiteResult {
            name: suite.name.clone(),
            title: suite.title.clone(),
            variants: suite.variants.iter().map(|v| v.name.clone()).collect(),
            peers: suite.peer_names(),
            benches,
        });
    }
    progress.finish_and_clear();
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_check_accepts_equal_and_crlf() {
        assert_eq!(check_output(b"832040\n", b"832040\n"), None);
        assert_eq!(check_output(b"1\n2\n", b"1\r\n2\r\n"), None);
    }

    #[test]
    fn output_check_describes_first_difference() {
        assert_eq!(
            check_output(b"832040\n", b"832041\n").as_deref(),
            Some("line 1: expected `832040`, got `832041`")
        );
        assert_eq!(check_output(b"1\n", b"").as_deref(), Some("no output"));
        assert_eq!(
            check_output(b"1\n2\n", b"1\n").as_deref(),
            Some("line 2: expected `2`, got end of output")
        );
        assert_eq!(
            check_output(b"1\n", b"1\n3\n").as_deref(),
            Some("line 2: unexpected extra output `3`")
        );
        assert_eq!(
            check_output(b"1\n", b"1").as_deref(),
            Some("output differs in whitespace or final newline")
        );
    }

    #[test]
    fn status_labels_and_errors() {
        assert_eq!(Status::Ok.label(), "ok");
        assert!(!Status::Missing("x".into()).is_error());
        let w = Status::Wrong {
            run: 2,
            detail: "no output".into(),
        };
        assert!(w.is_error());
        assert_eq!(w.label(), "WRONG");
        assert_eq!(w.detail(), "run 2: no output");
        assert_eq!(
            Status::Timeout { run: 0, limit: 300.0 }.detail(),
            "warm-up run: exceeded 300 s"
        );
    }
}
