//! The peer implementations the workbench is compared against, and the workbench itself.
//!
//! The harness knows how to find each peer on the machine, how to ask it for its version (for
//! the report), and how to run one program with it. Peers are never installed here (see
//! `tools/install-peers.sh`); one that is not found is reported as missing, not as a failure.
//!
//! Measurement rule: the real binary is timed, never a wrapper. For Python peers the path is
//! resolved once through `sys.executable`, which skips shims such as pyenv's.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::runner::{self, Invocation};

/// Peer names accepted in manifests.
pub const KNOWN: &[&str] = &["python3", "pypy3", "guile", "chezscheme", "swipl", "gcc"];

/// A located runner: the workbench or a peer.
#[derive(Debug, Clone)]
pub struct Tool {
    pub name: String,
    pub exe: PathBuf,
    /// Human-readable version, best effort.
    pub version: String,
}

/// Time limit for the version probes (they should take milliseconds).
const PROBE_TIMEOUT: Duration = Duration::from_secs(20);

/// Find an executable on `PATH` (or accept a path containing a `/`).
pub fn which(cmd: &str) -> Option<PathBuf> {
    if cmd.contains('/') {
        let p = PathBuf::from(cmd);
        return is_executable(&p).then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(cmd))
        .find(|p| is_executable(p))
}

/// Whether `p` is a regular file with an execute bit.
pub fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Run `exe args` with a short timeout and return its stdout and stderr as text, if it exited 0.
fn probe(exe: &Path, args: &[&str], scratch: &Path) -> Option<(String, String)> {
    let inv = Invocation {
        exe: exe.to_path_buf(),
        args: args.iter().map(OsString::from).collect(),
        cwd: scratch.to_path_buf(),
    };
    let r = runner::run(&inv, PROBE_TIMEOUT, scratch).ok()?;
    if !r.success() {
        return None;
    }
    Some((
        String::from_utf8_lossy(&r.stdout).into_owned(),
        String::from_utf8_lossy(&r.stderr).into_owned(),
    ))
}

fn first_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Locate peer `name`. `Err` carries the reason it is missing.
pub fn discover(name: &str, scratch: &Path) -> Result<Tool, String> {
    match name {
        "python3" | "pypy3" => {
            let shim = which(name).ok_or_else(|| format!("`{name}` not on PATH"))?;
            let script = "import sys, platform\nprint(sys.executable)\n\
                          print(platform.python_implementation(), platform.python_version())";
            let (out, _) =
                probe(&shim, &["-c", script], scratch).ok_or_else(|| format!("`{}` does not run", shim.display()))?;
            let mut lines = out.lines();
            let exe = lines
                .next()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .filter(|p| is_executable(p))
                .unwrap_or(shim);
            let version = lines.next().unwrap_or("").trim().to_string();
            Ok(Tool {
                name: name.into(),
                exe,
                version,
            })
        }
        "guile" | "swipl" | "gcc" => {
            let exe = which(name).ok_or_else(|| format!("`{name}` not on PATH"))?;
            let version = probe(&exe, &["--version"], scratch)
                .map(|(o, e)| first_line(if o.trim().is_empty() { &e } else { &o }))
                .unwrap_or_default();
            Ok(Tool {
                name: name.into(),
                exe,
                version,
            })
        }
        "chezscheme" => {
            // Debian installs Chez as `chezscheme`; upstream builds install `chez` or `scheme`,
            // but `scheme` is too ambiguous (MIT Scheme uses it too) to pick up blindly.
            let exe = which("chezscheme")
                .or_else(|| which("chez"))
                .ok_or_else(|| "`chezscheme` not on PATH".to_string())?;
            let version = probe(&exe, &["--version"], scratch)
                .map(|(o, e)| format!("Chez Scheme {}", first_line(if o.trim().is_empty() { &e } else { &o })))
                .unwrap_or_default();
            Ok(Tool {
                name: name.into(),
                exe,
                version,
            })
        }
        other => Err(format!("unknown peer `{other}`")),
    }
}

/// Locate the workbench binary at `path`.
pub fn discover_workbench(path: &Path, scratch: &Path) -> Result<Tool, String> {
    let exe = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if !is_executable(&exe) {
        return Err(format!(
            "`{}` not found (build it with `cargo build --release -p workbench`, or pass --workbench)",
            path.display()
        ));
    }
    let version = probe(&exe, &["--version"], scratch)
        .map(|(o, _)| first_line(&o))
        .unwrap_or_default();
    Ok(Tool {
        name: "workbench".into(),
        exe,
        version,
    })
}

/// How a peer runs a program. For `gcc` the program is first compiled (outside the timing) to
/// `scratch/<tag>`; any compile error is returned as text.
pub fn invocation(
    peer: &Tool,
    program: &Path,
    cwd: &Path,
    scratch: &Path,
    tag: &str,
    timeout: Duration,
) -> Result<Invocation, String> {
    let p = program.as_os_str().to_os_string();
    let (exe, args): (PathBuf, Vec<OsString>) = match peer.name.as_str() {
        "python3" | "pypy3" => (peer.exe.clone(), vec![p]),
        // R7RS mode; auto-compilation stays on (the warm-up run fills the cache), as a user
        // would run it.
        "guile" => (peer.exe.clone(), vec!["--r7rs".into(), "-s".into(), p]),
        "chezscheme" => (peer.exe.clone(), vec!["--script".into(), p]),
        // The program must start itself with `:- initialization(main, main).`
        "swipl" => (peer.exe.clone(), vec![p]),
        "gcc" => {
            let out = scratch.join(format!("{tag}.exe"));
            let compile = Invocation {
                exe: peer.exe.clone(),
                args: vec!["-O2".into(), "-o".into(), out.clone().into_os_string(), p],
                cwd: cwd.to_path_buf(),
            };
            let r = runner::run(&compile, timeout, scratch).map_err(|e| format!("cannot run gcc: {e}"))?;
            if !r.success() {
                return Err(format!(
                    "gcc -O2 failed: {}",
                    first_line(&String::from_utf8_lossy(&r.stderr))
                ));
            }
            (out, Vec::new())
        }
        other => return Err(format!("unknown peer `{other}`")),
    };
    Ok(Invocation {
        exe,
        args,
        cwd: cwd.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_finds_sh_and_rejects_nonsense() {
        assert!(which("sh").is_some());
        assert!(which("definitely-not-a-command-xyz").is_none());
        assert!(which("/nonexistent/bin/thing").is_none());
    }

    #[test]
    fn unknown_peer_is_missing_not_a_panic() {
        let dir = std::env::temp_dir();
        assert!(discover("ruby", &dir).is_err());
        assert!(discover_workbench(Path::new("/nonexistent/workbench"), &dir).is_err());
    }

    #[test]
    fn first_line_skips_blank_lines() {
        assert_eq!(first_line("\n  \nPython 3.11\nmore"), "Python 3.11");
        assert_eq!(first_line(""), "");
    }
}
