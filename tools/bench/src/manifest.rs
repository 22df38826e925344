//! The suite manifest: `bench/<suite>/suite.toml`.
//!
//! Each suite directory describes its benchmarks in a small manifest. The format is a strict
//! subset of TOML (so editors highlight it and a real TOML parser would read it the same way),
//! parsed by hand here to keep the harness free of heavy dependencies:
//!
//! ```toml
//! # comments start with '#'
//! title = "Integer arithmetic and recursive calls"
//! reference = "python3"                          # peer that defines the expected output
//! workbench.standard = "run --space standard {file}"   # one line per workbench variant
//!
//! [fib]
//! mode = "both"                # "full" (default), "quick" or "both"
//! workbench = "fib.calc"       # program run by the workbench variants
//! peer.python3 = "fib.py"      # program run by each peer
//! expected = "fib.expected"    # default: <name>.expected
//! pending = "why"              # optional: benchmark not yet available; reported, never run
//! ```
//!
//! Only `key = "string"` lines, `[name]` table headers, blank lines and comments are accepted.
//! Anything else is an error that names the file and line, never a panic.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// The manifest file name inside a suite directory.
pub const MANIFEST_FILE: &str = "suite.toml";

/// Which benchmark set a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only in the full (default) run.
    Full,
    /// Only in `--quick` runs.
    Quick,
    /// In both.
    Both,
}

impl Mode {
    /// Whether a benchmark with this mode belongs to a run that is `quick` or not.
    pub fn selected(self, quick: bool) -> bool {
        match self {
            Mode::Both => true,
            Mode::Full => !quick,
            Mode::Quick => quick,
        }
    }
}

/// A way of running the workbench on a program: a name and an argument template containing
/// `{file}`, which is replaced by the program path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub name: String,
    pub args: Vec<String>,
}

impl Variant {
    /// The arguments with `{file}` replaced by `file`.
    pub fn args_for(&self, file: &str) -> Vec<String> {
        self.args.iter().map(|a| a.replace("{file}", file)).collect()
    }
}

/// One benchmark of a suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bench {
    pub name: String,
    pub mode: Mode,
    /// Program for the workbench variants (relative to the suite directory).
    pub workbench: Option<String>,
    /// `(peer name, program)` in manifest order.
    pub peers: Vec<(String, String)>,
    /// Expected output file (relative to the suite directory).
    pub expected: String,
    /// If set, the benchmark is not yet available, for this reason.
    pub pending: Option<String>,
    /// Line of the `[name]` header, for messages.
    pub line: usize,
}

/// A parsed suite manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suite {
    /// The suite name: the directory name.
    pub name: String,
    /// The suite directory.
    pub dir: PathBuf,
    pub title: String,
    /// The peer whose output defines the expected files.
    pub reference: String,
    pub variants: Vec<Variant>,
    pub benches: Vec<Bench>,
}

impl Suite {
    /// Benchmarks in the selected set, in manifest order.
    pub fn selected(&self, quick: bool) -> impl Iterator<Item = &Bench> {
        self.benches.iter().filter(move |b| b.mode.selected(quick))
    }

    /// Peers used by any benchmark, in order of first appearance.
    pub fn peer_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for b in &self.benches {
            for (p, _) in &b.peers {
                if !out.contains(p) {
                    out.push(p.clone());
                }
            }
        }
        out
    }

    /// Files referenced by the selected, non-pending benchmarks that do not exist.
    /// With `need_expected == false`, expected-output files are not required (they are about to
    /// be generated).
    pub fn missing_files(&self, quick: bool, need_expected: bool) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for b in self.selected(quick).filter(|b| b.pending.is_none()) {
            let mut files: Vec<&str> = b.peers.iter().map(|(_, f)| f.as_str()).collect();
            files.extend(b.workbench.as_deref());
            if need_expected {
                files.push(&b.expected);
            }
            for f in files {
                let p = self.dir.join(f);
                if !p.is_file() && !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// A manifest error, with the file and line it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for ManifestError {}

/// Read and parse `dir/suite.toml`. `known_peers` is the list of peer names the harness knows.
/// The suite directory is made absolute, because programs run with it as working directory.
pub fn load(dir: &Path, known_peers: &[&str]) -> Result<Suite, ManifestError> {
    let dir = &std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let path = dir.join(MANIFEST_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| ManifestError {
        path: path.clone(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "suite".to_string());
    parse(&text, &name, dir, &path, known_peers)
}

/// Whether `s` is a valid bare key / benchmark name (TOML bare-key characters).
fn is_bare(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parse a double-quoted TOML basic string starting at the beginning of `s`; returns the value
/// and the rest of the line after the closing quote.
fn parse_string(s: &str) -> Result<(String, &str), String> {
    let Some(body) = s.strip_prefix('"') else {
        return Err("expected a double-quoted string value".into());
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, other)) => return Err(format!("unsupported escape `\\{other}`")),
                None => break,
            },
            _ => out.push(c),
        }
    }
    Err("unterminated string".into())
}

/// Parse manifest text. `name` is the suite name, `dir` its directory, `path` is used in errors.
pub fn parse(text: &str, name: &str, dir: &Path, path: &Path, known_peers: &[&str]) -> Result<Suite, ManifestError> {
    let err = |line: usize, message: String| ManifestError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut title: Option<String> = None;
    let mut reference: Option<String> = None;
    let mut variants: Vec<Variant> = Vec::new();
    let mut benches: Vec<Bench> = Vec::new();
    // Keys already set in the current table, to reject duplicates.
    let mut seen: BTreeSet<String> = BTreeSet::new();

    for (idx, raw) in text.lines().enumerate() {
        let lineno = idx + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let Some((head, tail)) = rest.split_once(']') else {
                return Err(err(lineno, "table header is missing `]`".into()));
            };
            let tail = tail.trim();
            if !(tail.is_empty() || tail.starts_with('#')) {
                return Err(err(lineno, format!("unexpected text after header: `{tail}`")));
            }
            let bname = head.trim();
            if !is_bare(bname) {
                return Err(err(
                    lineno,
                    format!("benchmark name `{bname}` must use only letters, digits, `_` and `-`"),
                ));
            }
            if benches.iter().any(|b| b.name == bname) {
                return Err(err(lineno, format!("benchmark `{bname}` is defined twice")));
            }
            benches.push(Bench {
                name: bname.to_string(),
                mode: Mode::Full,
                workbench: None,
                peers: Vec::new(),
                expected: format!("{bname}.expected"),
                pending: None,
                line: lineno,
            });
            seen.clear();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(err(
                lineno,
                format!("expected `key = \"value\"` or `[benchmark]`, found `{line}`"),
            ));
        };
        let key = key.trim();
        let (value, rest) = parse_string(value.trim()).map_err(|m| err(lineno, m))?;
        let rest = rest.trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return Err(err(lineno, format!("unexpected text after value: `{rest}`")));
        }
        if !seen.insert(key.to_string()) {
            return Err(err(lineno, format!("key `{key}` is set twice")));
        }
        let (head, sub) = match key.split_once('.') {
            Some((h, s)) => (h.trim(), Some(s.trim())),
            None => (key, None),
        };
        if !is_bare(head) || sub.is_some_and(|s| !is_bare(s)) {
            return Err(err(lineno, format!("invalid key `{key}`")));
        }
        let nonempty = |what: &str| -> Result<(), ManifestError> {
            if value.trim().is_empty() {
                Err(err(lineno, format!("`{what}` must not be empty")))
            } else {
                Ok(())
            }
        };

        match benches.last_mut() {
            // Top-level keys.
            None => match (head, sub) {
                ("title", None) => title = Some(value),
                ("reference", None) => {
                    if !known_peers.contains(&value.as_str()) {
                        return Err(err(lineno, unknown_peer(&value, known_peers)));
                    }
                    reference = Some(value);
                }
                ("workbench", Some(vname)) => {
                    let args: Vec<String> = value.split_whitespace().map(String::from).collect();
                    if !args.iter().any(|a| a.contains("{file}")) {
                        return Err(err(
                            lineno,
                            format!("workbench variant `{vname}` must contain `{{file}}`"),
                        ));
                    }
                    variants.push(Variant {
                        name: vname.to_string(),
                        args,
                    });
                }
                _ => {
                    return Err(err(
                        lineno,
                        format!("unknown top-level key `{key}` (expected title, reference or workbench.<variant>)"),
                    ))
                }
            },
            // Keys of a benchmark table.
            Some(b) => match (head, sub) {
                ("mode", None) => {
                    let m = match value.as_str() {
                        "full" => Mode::Full,
                        "quick" => Mode::Quick,
                        "both" => Mode::Both,
                        other => {
                            return Err(err(
                                lineno,
                                format!("mode must be \"full\", \"quick\" or \"both\", not \"{other}\""),
                            ))
                        }
                    };
                    b.mode = m;
                }
                ("workbench", None) => {
                    nonempty("workbench")?;
                    b.workbench = Some(value);
                }
                ("peer", Some(pname)) => {
                    if !known_peers.contains(&pname) {
                        return Err(err(lineno, unknown_peer(pname, known_peers)));
                    }
                    nonempty(key)?;
                    b.peers.push((pname.to_string(), value));
                }
                ("expected", None) => {
                    nonempty("expected")?;
                    b.expected = value;
                }
                ("pending", None) => {
                    nonempty("pending")?;
                    b.pending = Some(value);
                }
                _ => {
                    return Err(err(
                        lineno,
                        format!(
                            "unknown key `{key}` in [{}] (expected mode, workbench, peer.<name>, expected or pending)",
                            b.name
                        ),
                    ))
                }
            },
        }
    }

    for b in &benches {
        if b.pending.is_none() && b.workbench.is_none() {
            return Err(err(
                b.line,
                format!(
                    "benchmark `{}` has no `workbench` program (add one, or mark it `pending`)",
                    b.name
                ),
            ));
        }
    }
    if variants.is_empty() && benches.iter().any(|b| b.pending.is_none()) {
        return Err(err(
            0,
            "no workbench variant: add e.g. `workbench.standard = \"run --space standard {file}\"`".into(),
        ));
    }
    Ok(Suite {
        name: name.to_string(),
        dir: dir.to_path_buf(),
        title: title.unwrap_or_else(|| name.to_string()),
        reference: reference.unwrap_or_else(|| "python3".to_string()),
        variants,
        benches,
    })
}

fn unknown_peer(name: &str, known: &[&str]) -> String {
    format!("unknown peer `{name}` (known: {})", known.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEERS: &[&str] = &["python3", "pypy3", "gcc"];

    fn p(text: &str) -> Result<Suite, ManifestError> {
        parse(
            text,
            "calc",
            Path::new("bench/calc"),
            Path::new("bench/calc/suite.toml"),
            PEERS,
        )
    }

    const GOOD: &str = r#"
# a comment
title = "Integer arithmetic"   # trailing comment
workbench.standard = "run --space standard {file}"
workbench.trivial = "run --space trivial {file}"

[loop]
workbench = "loop.calc"
peer.python3 = "loop.py"
peer.pypy3 = "loop.py"

[fib_small]
mode = "both"
workbench = "fib_small.calc"
peer.python3 = "fib \"small\".py"
expected = "fib.out"

[gc]
pending = "needs data structures"
"#;

    #[test]
    fn parses_a_full_manifest() {
        let s = p(GOOD).unwrap();
        assert_eq!(s.name, "calc");
        assert_eq!(s.title, "Integer arithmetic");
        assert_eq!(s.reference, "python3");
        assert_eq!(s.variants.len(), 2);
        assert_eq!(s.variants[1].name, "trivial");
        assert_eq!(
            s.variants[0].args_for("x.calc"),
            vec!["run", "--space", "standard", "x.calc"]
        );
        assert_eq!(s.benches.len(), 3);
        let lp = &s.benches[0];
        assert_eq!(lp.name, "loop");
        assert_eq!(lp.mode, Mode::Full);
        assert_eq!(lp.workbench.as_deref(), Some("loop.calc"));
        assert_eq!(
            lp.peers,
            vec![
                ("python3".to_string(), "loop.py".to_string()),
                ("pypy3".to_string(), "loop.py".to_string())
            ]
        );
        assert_eq!(lp.expected, "loop.expected");
        assert_eq!(lp.line, 7);
        let fs = &s.benches[1];
        assert_eq!(fs.mode, Mode::Both);
        assert_eq!(fs.peers[0].1, "fib \"small\".py");
        assert_eq!(fs.expected, "fib.out");
        assert_eq!(s.benches[2].pending.as_deref(), Some("needs data structures"));
        assert_eq!(s.peer_names(), vec!["python3", "pypy3"]);
    }

    #[test]
    fn mode_selects_benchmarks() {
        let s = p(GOOD).unwrap();
        let full: Vec<_> = s.selected(false).map(|b| b.name.as_str()).collect();
        let quick: Vec<_> = s.selected(true).map(|b| b.name.as_str()).collect();
        assert_eq!(full, vec!["loop", "fib_small", "gc"]);
        assert_eq!(quick, vec!["fib_small"]);
    }

    fn err_of(text: &str) -> ManifestError {
        match p(text) {
            Ok(s) => panic!("expected an error, parsed {s:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = err_of("workbench.a = \"run {file}\"\n\n[x]\nworkbench = unquoted\n");
        assert_eq!(e.line, 4);
        assert!(e.message.contains("double-quoted"), "{}", e.message);
        assert_eq!(
            e.to_string(),
            "bench/calc/suite.toml:4: expected a double-quoted string value"
        );
    }

    #[test]
    fn rejects_bad_input() {
        let v = "workbench.a = \"run {file}\"\n";
        assert!(err_of(&format!("{v}[x]\nworkbench = \"x\"\npeer.ruby = \"x.rb\"\n"))
            .message
            .contains("unknown peer `ruby`"));
        assert!(err_of(&format!("{v}[x]\nworkbench = \"a\"\nworkbench = \"b\"\n"))
            .message
            .contains("set twice"));
        assert!(err_of(&format!("{v}[x]\nworkbench = \"a\"\n[x]\n"))
            .message
            .contains("defined twice"));
        assert!(err_of(&format!("{v}[x]\nmode = \"sometimes\"\n"))
            .message
            .contains("mode must be"));
        assert!(err_of(&format!("{v}[x]\npeer.python3 = \"x.py\"\n"))
            .message
            .contains("no `workbench` program"));
        assert!(err_of("workbench.a = \"run\"\n").message.contains("{file}"));
        assert!(err_of("[x]\nworkbench = \"x.calc\"\n")
            .message
            .contains("no workbench variant"));
        assert!(err_of(&format!("{v}[a.b]\n")).message.contains("benchmark name"));
        assert!(err_of(&format!("{v}[x\n")).message.contains("missing `]`"));
        assert!(err_of(&format!("{v}[x]\nworkbench = \"open\n"))
            .message
            .contains("unterminated"));
        assert!(err_of(&format!("{v}[x]\nworkbench = \"a\" b\n"))
            .message
            .contains("unexpected text"));
        assert!(err_of(&format!("{v}just words\n")).message.contains("expected `key"));
        assert!(err_of(&format!("{v}colour = \"red\"\n"))
            .message
            .contains("unknown top-level key"));
        assert!(err_of(&format!("{v}[x]\ncolour = \"red\"\n"))
            .message
            .contains("unknown key `colour` in [x]"));
    }

    #[test]
    fn only_pending_benchmarks_need_no_variant() {
        let s = p("[gc]\npending = \"later\"\n").unwrap();
        assert!(s.variants.is_empty());
        assert_eq!(s.benches.len(), 1);
    }

    #[test]
    fn real_manifests_parse() {
        // The committed suites must always parse (with the peers the harness knows).
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench");
        let Ok(entries) = std::fs::read_dir(&root) else {
            return;
        };
        let mut count = 0;
        for entry in entries.flatten() {
            let dir = entry.path();
            if dir.join(MANIFEST_FILE).is_file() {
                let suite = load(&dir, crate::peers::KNOWN).unwrap_or_else(|e| panic!("{e}"));
                assert!(suite.missing_files(false, true).is_empty(), "{suite:?}");
                assert!(suite.missing_files(true, true).is_empty(), "{suite:?}");
                count += 1;
            }
        }
        assert!(count >= 1, "no suites found under {}", root.display());
    }
}
