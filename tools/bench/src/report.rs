//! The benchmark report: ratios, the markdown tables, and splicing them into a README.
//!
//! Ratios are always *peer median / workbench median*, so a value above 1 means the workbench
//! is faster; every table header says so. A ratio exists only when both sides ran with correct
//! output; the geometric mean of a suite is taken over the ratios that exist, and the table says
//! how many of the suite's benchmarks that is.

use std::fmt::Write as _;

use crate::harness::{SideKind, Status, SuiteResult};
use crate::stats::{geometric_mean, summarize};

/// Marker that starts the spliced region of a README.
pub const BEGIN_MARKER: &str = "<!-- bench:begin -->";
/// Marker that ends the spliced region of a README.
pub const END_MARKER: &str = "<!-- bench:end -->";

/// Per-suite ratio table: one column per (workbench variant, peer) pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Ratios {
    /// `(variant, peer)` per column.
    pub columns: Vec<(String, String)>,
    /// `(benchmark, ratio per column)`; pending benchmarks are left out.
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    /// Geometric mean per column and the number of ratios it is taken over.
    pub geomean: Vec<(Option<f64>, usize)>,
}

/// Compute the ratio table of a suite.
pub fn ratios(suite: &SuiteResult) -> Ratios {
    let columns: Vec<(String, String)> = suite
        .variants
        .iter()
        .flat_map(|v| suite.peers.iter().map(move |p| (v.clone(), p.clone())))
        .collect();
    let median_of = |b: &crate::harness::BenchResult, kind: &SideKind| -> Option<f64> {
        let side = b.sides.iter().find(|s| &s.kind == kind)?;
        if side.status != Status::Ok {
            return None;
        }
        summarize(&side.times).map(|s| s.median)
    };
    let mut rows = Vec::new();
    for b in suite.benches.iter().filter(|b| b.pending.is_none()) {
        let row: Vec<Option<f64>> = columns
            .iter()
            .map(|(v, p)| {
                let wb = median_of(b, &SideKind::Workbench { variant: v.clone() })?;
                let peer = median_of(b, &SideKind::Peer { name: p.clone() })?;
                (wb > 0.0 && peer > 0.0).then(|| peer / wb)
            })
            .collect();
        rows.push((b.name.clone(), row));
    }
    let geomean = (0..columns.len())
        .map(|c| {
            let vals: Vec<f64> = rows.iter().filter_map(|(_, r)| r[c]).collect();
            (geometric_mean(&vals), vals.len())
        })
        .collect();
    Ratios { columns, rows, geomean }
}

/// Describes the run, for the report header.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// e.g. `2026-05-10 12:00:00 UTC`.
    pub timestamp: String,
    /// The command line that reproduces the run.
    pub command: String,
    /// Architecture, CPU and core count.
    pub machine: String,
    pub runs: usize,
    pub quick: bool,
    pub timeout_secs: f64,
    /// `(runner, description)`: path and version, or why it is missing.
    pub tools: Vec<(String, String)>,
}

/// Format seconds with three significant digits (`0.0153`, `1.53`, `153`).
pub fn fmt_secs(s: f64) -> String {
    if !s.is_finite() {
        return "?".into();
    }
    let digits = if s >= 100.0 {
        0
    } else if s >= 10.0 {
        1
    } else if s >= 1.0 {
        2
    } else if s >= 0.1 {
        3
    } else if s >= 0.01 {
        4
    } else {
        5
    };
    format!("{s:.digits$}")
}

/// Format a ratio (`1.23×`, `12.3×`, `0.29×`, `0.054×`): two significant digits below 1.
pub fn fmt_ratio(r: f64) -> String {
    if !r.is_finite() {
        return "?".into();
    }
    if r >= 100.0 {
        format!("{r:.0}×")
    } else if r >= 10.0 {
        format!("{r:.1}×")
    } else if r >= 1.0 || r <= 0.0 {
        format!("{r:.2}×")
    } else {
        let digits = (1 - r.log10().floor() as i32).clamp(2, 8) as usize;
        format!("{r:.digits$}×")
    }
}

fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

/// Escape text for a markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Render the whole report as markdown.
pub fn render(ctx: &Context, suites: &[SuiteResult]) -> String {
    let mut md = String::new();
    let set = if ctx.quick { "quick set" } else { "full set" };
    let _ = writeln!(md, "## Benchmarks ({set})\n");
    let _ = writeln!(
        md,
        "Generated {} by `{}`. Machine: {}.\n",
        ctx.timestamp, ctx.command, ctx.machine
    );
    let _ = writeln!(
        md,
        "Each time is the median of {} runs [min – max] of wall-clock seconds, after one untimed \
         warm-up run; the runs of a benchmark's runners are interleaved (A B A B …). Peak RSS is \
         `ru_maxrss` from `wait4`. Every run's output is checked against the expected output: \
         WRONG means it differed (not timed); TIMEOUT means a run exceeded {} s; missing means \
         the runner is not installed here.\n",
        ctx.runs, ctx.timeout_secs
    );
    let _ = writeln!(md, "Runners:\n");
    for (name, desc) in &ctx.tools {
        let _ = writeln!(md, "- **{name}**: {}", cell(desc));
    }
    md.push('\n');

    for suite in suites {
        let _ = writeln!(md, "### {}: {}\n", suite.name, suite.title);
        let _ = writeln!(
            md,
            "| benchmark | runner | status | time (s): median [min – max] | peak RSS (MiB): median [max] |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|");
        for b in &suite.benches {
            if let Some(why) = &b.pending {
                let _ = writeln!(md, "| {} | all | not yet available | {} | |", b.name, cell(why));
                continue;
            }
            for s in &b.sides {
                let (time, rss) = match (&s.status, summarize(&s.times)) {
                    (Status::Ok, Some(t)) => {
                        let rss: Vec<f64> = s.rss_kib.iter().map(|&k| k as f64).collect();
                        let r = summarize(&rss);
                        (
                            format!("{} [{} – {}]", fmt_secs(t.median), fmt_secs(t.min), fmt_secs(t.max)),
                            r.map(|r| format!("{} [{}]", mib(r.median as u64), mib(r.max as u64)))
                                .unwrap_or_default(),
                        )
                    }
                    // Why a runner is missing is said once, in the runner list above.
                    (Status::Missing(_), _) => ("—".to_string(), String::new()),
                    (st, _) => (cell(&st.detail()), String::new()),
                };
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {} |",
                    b.name,
                    s.label(),
                    s.status.label(),
                    time,
                    rss
                );
            }
        }
        md.push('\n');

        let r = ratios(suite);
        if r.columns.is_empty() || r.rows.is_empty() {
            let _ = writeln!(md, "No ratios for this suite (no peers or no runnable benchmarks).\n");
            continue;
        }
        let _ = writeln!(
            md,
            "Speedup of the workbench = peer median / workbench median (**>1 means the workbench is faster**).\n"
        );
        let mut header = String::from("| benchmark |");
        let mut rule = String::from("|---|");
        for (v, p) in &r.columns {
            let _ = write!(header, " workbench {v}: speedup vs {p} |");
            rule.push_str("---:|");
        }
        let _ = writeln!(md, "{header}\n{rule}");
        for (name, row) in &r.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|x| x.map(fmt_ratio).unwrap_or_else(|| "—".into()))
                .collect();
            let _ = writeln!(md, "| {name} | {} |", cells.join(" | "));
        }
        let total = r.rows.len();
        let cells: Vec<String> = r
            .geomean
            .iter()
            .map(|(g, n)| match g {
                Some(g) => format!("**{}** ({n} of {total})", fmt_ratio(*g)),
                None => "—".into(),
            })
            .collect();
        let _ = writeln!(md, "| **geometric mean** | {} |\n", cells.join(" | "));
    }

    // Raw per-run numbers, folded away.
    let _ = writeln!(md, "<details><summary>Per-run times and peak RSS</summary>\n");
    let _ = writeln!(md, "| suite/benchmark | runner | times (s) | peak RSS (MiB) |");
    let _ = writeln!(md, "|---|---|---|---|");
    for suite in suites {
        for b in &suite.benches {
            for s in b.sides.iter().filter(|s| s.status == Status::Ok) {
                let t: Vec<String> = s.times.iter().map(|&x| fmt_secs(x)).collect();
                let m: Vec<String> = s.rss_kib.iter().map(|&k| mib(k)).collect();
                let _ = writeln!(
                    md,
                    "| {}/{} | {} | {} | {} |",
                    suite.name,
                    b.name,
                    s.label(),
                    t.join(", "),
                    m.join(", ")
                );
            }
        }
    }
    let _ = writeln!(md, "\n</details>");
    md
}

/// Why a README could not be spliced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpliceError {
    MissingMarkers,
    DuplicateMarker(&'static str),
    EndBeforeBegin,
}

impl std::fmt::Display for SpliceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpliceError::MissingMarkers => write!(
                f,
                "markers not found: the README must contain a line `{BEGIN_MARKER}` followed by a line `{END_MARKER}`"
            ),
            SpliceError::DuplicateMarker(m) => write!(f, "marker `{m}` appears more than once"),
            SpliceError::EndBeforeBegin => {
                write!(f, "`{END_MARKER}` comes before `{BEGIN_MARKER}`")
            }
        }
    }
}

impl std::error::Error for SpliceError {}

/// Replace whatever is between the markers of `readme` with `content`. The markers stay.
pub fn splice(readme: &str, content: &str) -> Result<String, SpliceError> {
    let begin = readme.find(BEGIN_MARKER);
    let end = readme.find(END_MARKER);
    let (Some(b), Some(e)) = (begin, end) else {
        return Err(SpliceError::MissingMarkers);
    };
    if readme.matches(BEGIN_MARKER).count() > 1 {
        return Err(SpliceError::DuplicateMarker(BEGIN_MARKER));
    }
    if readme.matches(END_MARKER).count() > 1 {
        return Err(SpliceError::DuplicateMarker(END_MARKER));
    }
    if e < b {
        return Err(SpliceError::EndBeforeBegin);
    }
    let head = &readme[..b + BEGIN_MARKER.len()];
    let tail = &readme[e..];
    Ok(format!("{head}\n{}\n{tail}", content.trim_end()))
}

/// Format a Unix time (seconds) as `(YYYY-MM-DD HH:MM:SS UTC, YYYY-MM-DDTHH-MM-SSZ)`; the
/// second form is safe in file names.
pub fn utc_timestamp(unix_secs: u64) -> (String, String) {
    let days = (unix_secs / 86_400) as i64;
    let rem = unix_secs % 86_400;
    let (h, m, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    (
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{m:02}:{s:02} UTC"),
        format!("{y:04}-{mo:02}-{d:02}T{h:02}-{m:02}-{s:02}Z"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::{BenchResult, SideResult};

    fn side(kind: SideKind, times: &[f64]) -> SideResult {
        SideResult {
            kind,
            status: Status::Ok,
            times: times.to_vec(),
            rss_kib: vec![2048; times.len()],
        }
    }
    fn wb(t: &[f64]) -> SideResult {
        side(
            SideKind::Workbench {
                variant: "standard".into(),
            },
            t,
        )
    }
    fn py(t: &[f64]) -> SideResult {
        side(SideKind::Peer { name: "python3".into() }, t)
    }

    fn suite() -> SuiteResult {
        SuiteResult {
            name: "calc".into(),
            title: "arith".into(),
            variants: vec!["standard".into()],
            peers: vec!["python3".into()],
            benches: vec![
                BenchResult {
                    name: "loop".into(),
                    pending: None,
                    sides: vec![wb(&[1.0, 2.0, 3.0]), py(&[4.0, 8.0, 12.0])],
                },
                BenchResult {
                    name: "fib".into(),
                    pending: None,
                    sides: vec![wb(&[2.0]), py(&[1.0])],
                },
                BenchResult {
                    name: "bad".into(),
                    pending: None,
                    sides: vec![
                        SideResult {
                            status: Status::Wrong {
                                run: 1,
                                detail: "no output".into(),
                            },
                            times: vec![],
                            rss_kib: vec![],
                            ..wb(&[])
                        },
                        py(&[1.0]),
                    ],
                },
                BenchResult {
                    name: "gc".into(),
                    pending: Some("later".into()),
                    sides: vec![],
                },
            ],
        }
    }

    #[test]
    fn ratio_is_peer_over_workbench_and_skips_wrong() {
        let r = ratios(&suite());
        assert_eq!(r.columns, vec![("standard".to_string(), "python3".to_string())]);
        assert_eq!(r.rows.len(), 3);
        assert_eq!(r.rows[0], ("loop".to_string(), vec![Some(4.0)]));
        assert_eq!(r.rows[1], ("fib".to_string(), vec![Some(0.5)]));
        assert_eq!(r.rows[2], ("bad".to_string(), vec![None]));
        let (g, n) = r.geomean[0];
        assert_eq!(n, 2);
        assert!((g.unwrap() - 2f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn markdown_has_statuses_ratios_and_direction() {
        let ctx = Context {
            timestamp: "2026-01-01 00:00:00 UTC".into(),
            command: "workbench-bench".into(),
            machine: "test".into(),
            runs: 3,
            quick: false,
            timeout_secs: 300.0,
            tools: vec![("python3".into(), "/usr/bin/python3".into())],
        };
        let md = render(&ctx, &[suite()]);
        assert!(
            md.contains("| loop | workbench standard | ok | 2.00 [1.00 – 3.00] | 2.0 [2.0] |"),
            "{md}"
        );
        assert!(
            md.contains("| bad | workbench standard | WRONG | run 1: no output |  |"),
            "{md}"
        );
        assert!(md.contains("| gc | all | not yet available | later | |"), "{md}");
        assert!(md.contains("| workbench standard: speedup vs python3 |"));
        assert!(md.contains(">1 means the workbench is faster"));
        assert!(md.contains("| loop | 4.00× |"));
        assert!(md.contains("| bad | — |"));
        assert!(md.contains("| **geometric mean** | **1.41×** (2 of 3) |"), "{md}");
    }

    #[test]
    fn splice_replaces_between_markers() {
        let readme = "# T\n\nintro\n<!-- bench:begin -->\nold table\n<!-- bench:end -->\nafter\n";
        let out = splice(readme, "new table\n").unwrap();
        assert_eq!(
            out,
            "# T\n\nintro\n<!-- bench:begin -->\nnew table\n<!-- bench:end -->\nafter\n"
        );
        // Idempotent.
        assert_eq!(splice(&out, "new table\n").unwrap(), out);
    }

    #[test]
    fn splice_errors() {
        assert_eq!(splice("no markers", "x"), Err(SpliceError::MissingMarkers));
        assert_eq!(splice("<!-- bench:begin -->", "x"), Err(SpliceError::MissingMarkers));
        assert_eq!(
            splice("<!-- bench:end --> <!-- bench:begin -->", "x"),
            Err(SpliceError::EndBeforeBegin)
        );
        assert_eq!(
            splice("<!-- bench:begin --><!-- bench:begin --><!-- bench:end -->", "x"),
            Err(SpliceError::DuplicateMarker(BEGIN_MARKER))
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(fmt_secs(0.01534), "0.0153");
        assert_eq!(fmt_secs(1.534), "1.53");
        assert_eq!(fmt_secs(153.4), "153");
        assert_eq!(fmt_ratio(0.123), "0.12×");
        assert_eq!(fmt_ratio(12.34), "12.3×");
        assert_eq!(fmt_ratio(0.0543), "0.054×");
        assert_eq!(fmt_ratio(0.00571), "0.0057×");
        assert_eq!(fmt_ratio(1.0), "1.00×");
    }

    #[test]
    fn timestamps() {
        assert_eq!(utc_timestamp(0).0, "1970-01-01 00:00:00 UTC");
        // 2000-02-29 12:34:56 UTC (leap day).
        assert_eq!(
            utc_timestamp(951_827_696),
            (
                "2000-02-29 12:34:56 UTC".to_string(),
                "2000-02-29T12-34-56Z".to_string()
            )
        );
        assert_eq!(utc_timestamp(1_767_225_600).0, "2026-01-01 00:00:00 UTC");
    }
}
