//! The `workbench-bench` command line (the `workbench bench` subcommand can exec it).
//!
//! It loads the suite manifests under `bench/`, finds the workbench binary and the peers, runs
//! the selected benchmarks with a progress bar, and writes the report (markdown + SVG) to
//! `bench/results/`, optionally splicing it into a README. `--write-expected` regenerates the
//! expected-output files from the reference peer (CPython) instead.
//!
//! Exit codes: 0 success (missing peers are not failures); 1 a benchmark was WRONG, FAILED or
//! TIMEOUT (or `--require-workbench` and the workbench is missing); 2 usage, manifest or README
//! errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Parser;
use indicatif::ProgressBar;

use workbench_bench::harness::{self, Settings};
use workbench_bench::manifest::{self, Suite};
use workbench_bench::peers;
use workbench_bench::report::{self, Context};
use workbench_bench::runner::{self, Invocation};
use workbench_bench::svg;

/// Benchmark the workbench against peer implementations (see bench/README.md).
#[derive(Parser, Debug)]
#[command(name = "workbench-bench", version)]
struct Cli {
    /// Run the reduced (quick) set: small sizes, 3 runs unless --runs is given. Writes
    /// quick.md / quick.svg instead of latest.md / latest.svg.
    #[arg(long)]
    quick: bool,
    /// Timed runs per runner and benchmark (after one untimed warm-up run). Default 5 (3 with --quick).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1000))]
    runs: Option<u32>,
    /// Only run this suite (repeatable). Default: all suites under the bench directory.
    #[arg(long = "suite", value_name = "NAME")]
    suites: Vec<String>,
    /// The workbench binary.
    #[arg(long, value_name = "PATH", default_value = "target/release/workbench")]
    workbench: PathBuf,
    /// Splice the report into this README, between `<!-- bench:begin -->` and `<!-- bench:end -->`.
    #[arg(long, value_name = "README")]
    readme: Option<PathBuf>,
    /// Directory for the results.
    #[arg(long, value_name = "DIR", default_value = "bench/results")]
    out: PathBuf,
    /// Directory holding the suites (one sub-directory with a suite.toml per suite).
    #[arg(long, value_name = "DIR", default_value = "bench")]
    bench_dir: PathBuf,
    /// Time limit per run, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300.0)]
    timeout: f64,
    /// Exit with status 1 if the workbench binary is missing (for CI).
    #[arg(long)]
    require_workbench: bool,
    /// List suites, benchmarks and runners found, and exit without running anything.
    #[arg(long)]
    list: bool,
    /// Regenerate every expected-output file (all modes) by running the suite's reference peer.
    #[arg(long)]
    write_expected: bool,
}

/// An error that ends the program with a message and an exit code.
struct Fail(u8, String);

fn usage(msg: impl Into<String>) -> Fail {
    Fail(2, msg.into())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, msg)) => {
            eprintln!("workbench-bench: error: {msg}");
            ExitCode::from(code)
        }
    }
}

/// A scratch directory removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load_suites(cli: &Cli) -> Result<Vec<Suite>, Fail> {
    let entries = std::fs::read_dir(&cli.bench_dir).map_err(|e| {
        usage(format!(
            "cannot read bench directory `{}`: {e} (run from the workspace root or pass --bench-dir)",
            cli.bench_dir.display()
        ))
    })?;
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(manifest::MANIFEST_FILE).is_file())
        .collect();
    dirs.sort();
    let mut suites = Vec::new();
    for d in dirs {
        suites.push(manifest::load(&d, peers::KNOWN).map_err(|e| usage(e.to_string()))?);
    }
    if suites.is_empty() {
        return Err(usage(format!(
            "no suites (no */{} under `{}`)",
            manifest::MANIFEST_FILE,
            cli.bench_dir.display()
        )));
    }
    for want in &cli.suites {
        if !suites.iter().any(|s| &s.name == want) {
            let known: Vec<&str> = suites.iter().map(|s| s.name.as_str()).collect();
            return Err(usage(format!("unknown suite `{want}` (known: {})", known.join(", "))));
        }
    }
    if !cli.suites.is_empty() {
        suites.retain(|s| cli.suites.contains(&s.name));
    }
    Ok(suites)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|k| format!(", Linux {}", k.trim()))
        .unwrap_or_default();
    format!("{}, {cpu}, {cores} cores available{kernel}", std::env::consts::ARCH)
}

fn real_main(cli: Cli) -> Result<u8, Fail> {
    if !(cli.timeout.is_finite() && cli.timeout > 0.0) {
        return Err(usage("--timeout must be a positive number of seconds"));
    }
    let suites = load_suites(&cli)?;
    let quick = cli.quick;
    let mut missing = Vec::new();
    for s in &suites {
        if cli.write_expected {
            missing.extend(s.missing_files(false, false));
            missing.extend(s.missing_files(true, false));
        } else {
            missing.extend(s.missing_files(quick, true));
        }
    }
    missing.sort();
    missing.dedup();
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|p| p.display().to_string()).collect();
        let hint = if cli.write_expected {
            ""
        } else {
            " (expected outputs are generated with tools/bench-expected.sh)"
        };
        return Err(usage(format!(
            "files named in the manifests are missing{hint}:\n  {}",
            list.join("\n  ")
        )));
    }

    // Check the README before spending time on the runs.
    let readme = match &cli.readme {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
            report::splice(&text, "").map_err(|e| usage(format!("{}: {e}", path.display())))?;
            Some(path.clone())
        }
        None => None,
    };

    let scratch = Scratch(std::env::temp_dir().join(format!("workbench-bench-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).map_err(|e| Fail(1, format!("cannot create {}: {e}", scratch.0.display())))?;
    let timeout = Duration::from_secs_f64(cli.timeout);

    if cli.write_expected {
        return write_expected(&suites, timeout, &scratch.0);
    }

    let tools = harness::discover(&suites, &cli.workbench, &scratch.0);
    let describe = |name: &str| -> String {
        match tools.get(name) {
            Some(Ok(t)) if t.version.is_empty() => format!("`{}`", t.exe.display()),
            Some(Ok(t)) => format!("`{}` ({})", t.exe.display(), t.version),
            Some(Err(why)) => format!("missing: {why}"),
            None => "not used".into(),
        }
    };
    let mut names: Vec<String> = vec!["workbench".into()];
    for s in &suites {
        for p in s.peer_names() {
            if !names.contains(&p) {
                names.push(p);
            }
        }
    }
    let tool_lines: Vec<(String, String)> = names.iter().map(|n| (n.clone(), describe(n))).collect();

    if cli.list {
        for s in &suites {
            println!("suite {}: {}", s.name, s.title);
            let vs: Vec<&str> = s.variants.iter().map(|v| v.name.as_str()).collect();
            if !vs.is_empty() {
                println!("  workbench variants: {}", vs.join(", "));
            }
            for b in &s.benches {
                let mode = format!("{:?}", b.mode).to_lowercase();
                let peers: Vec<&str> = b.peers.iter().map(|(p, _)| p.as_str()).collect();
                match &b.pending {
                    Some(why) => println!("  {} [{mode}] not yet available: {why}", b.name),
                    None => println!("  {} [{mode}] peers: {}", b.name, peers.join(", ")),
                }
            }
        }
        println!("runners:");
        for (n, d) in &tool_lines {
            println!("  {n}: {d}");
        }
        return Ok(0);
    }

    for (n, d) in &tool_lines {
        eprintln!("{n}: {d}");
    }
    if cli.require_workbench && matches!(tools.get("workbench"), Some(Err(_))) {
        return Err(Fail(
            1,
            "the workbench binary is required (--require-workbench) but missing".into(),
        ));
    }

    let settings = Settings {
        quick,
        runs: cli.runs.map(|r| r as usize).unwrap_or(if quick { 3 } else { 5 }),
        timeout,
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (stamp, file_stamp) = report::utc_timestamp(now);
    let progress = ProgressBar::new(0);
    let results = harness::run_all(&suites, &tools, &settings, &scratch.0, &progress);

    let command = std::iter::once("workbench-bench".to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ");
    let ctx = Context {
        timestamp: stamp,
        command,
        machine: machine(),
        runs: settings.runs,
        quick,
        timeout_secs: cli.timeout,
        tools: tool_lines,
    };
    let md = report::render(&ctx, &results);
    let chart = svg::render(&svg::from_results(&results));

    std::fs::create_dir_all(&cli.out).map_err(|e| Fail(1, format!("cannot create {}: {e}", cli.out.display())))?;
    let base = if quick { "quick" } else { "latest" };
    let mut written = vec![
        (cli.out.join(format!("{base}.md")), md.as_str()),
        (cli.out.join(format!("{base}.svg")), chart.as_str()),
    ];
    if !quick {
        written.push((cli.out.join(format!("{file_stamp}.md")), md.as_str()));
    }
    for (path, text) in &written {
        write(path, text.as_bytes())?;
        eprintln!("wrote {}", path.display());
    }

    if let Some(path) = &readme {
        // Read again: the file may have changed during the runs.
        let text = std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
        // The README has its own heading for this section: splice the report without its title.
        let body = md.split_once("\n\n").map_or(md.as_str(), |(_, rest)| rest);
        let spliced = report::splice(&text, body).map_err(|e| usage(format!("{}: {e}", path.display())))?;
        write(path, spliced.as_bytes())?;
        eprintln!("updated {}", path.display());
    }

    let errors: Vec<String> = results
        .iter()
        .flat_map(|s| {
            s.benches.iter().flat_map(move |b| {
                b.sides.iter().filter(|x| x.status.is_error()).map(move |x| {
                    format!(
                        "{}/{} {}: {} {}",
                        s.name,
                        b.name,
                        x.label(),
                        x.status.label(),
                        x.status.detail()
                    )
                })
            })
        })
        .collect();
    for e in &errors {
        eprintln!("workbench-bench: {e}");
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}

/// Write a file atomically (temp file + rename), so an interrupted run leaves no half table.
fn write(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| Fail(1, format!("cannot write {}: {e}", path.display())))
}

/// Run each benchmark's reference-peer program once and store its output as the expected file.
fn write_expected(suites: &[Suite], timeout: Duration, scratch: &Path) -> Result<u8, Fail> {
    let mut failures = 0;
    for suite in suites {
        let reference = match peers::discover(&suite.reference, scratch) {
            Ok(t) => t,
            Err(why) => {
                return Err(Fail(
                    1,
                    format!(
                        "suite {}: reference peer {} is missing: {why}",
                        suite.name, suite.reference
                    ),
                ))
            }
        };
        eprintln!(
            "suite {}: reference {} = {} ({})",
            suite.name,
            reference.name,
            reference.exe.display(),
            reference.version
        );
        // Pending benchmarks get their expected output too when the reference program exists,
        // so it is ready when the workbench side lands.
        for b in &suite.benches {
            let Some((_, prog)) = b.peers.iter().find(|(p, _)| *p == suite.reference) else {
                if b.pending.is_some() {
                    continue;
                }
                eprintln!("  {}: no program for the reference peer {}", b.name, suite.reference);
                failures += 1;
                continue;
            };
            let tag = format!("{}-{}-expected", suite.name, b.name);
            let inv: Result<Invocation, String> =
                peers::invocation(&reference, &suite.dir.join(prog), &suite.dir, scratch, &tag, timeout);
            let result =
                inv.and_then(|inv| runner::run(&inv, timeout, scratch).map_err(|e| format!("cannot start: {e}")));
            match result {
                Ok(r) if r.success() => {
                    let path = suite.dir.join(&b.expected);
                    write(&path, &r.stdout)?;
                    eprintln!("  {}: wrote {} ({:.2} s)", b.name, path.display(), r.wall);
                }
                Ok(r) => {
                    eprintln!(
                        "  {}: {prog} did not succeed ({:?}): {}",
                        b.name,
                        r.exit,
                        String::from_utf8_lossy(&r.stderr).trim()
                    );
                    failures += 1;
                }
                Err(e) => {
                    eprintln!("  {}: {e}", b.name);
                    failures += 1;
                }
            }
        }
    }
    Ok(if failures == 0 { 0 } else { 1 })
}
