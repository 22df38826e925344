//! Running one program once: wall-clock time, peak RSS, output, and a timeout.
//!
//! The child's stdout and stderr go to files in a scratch directory (no pipe-draining thread
//! competes with the child for the 2 cores, and a chatty child cannot block on a full pipe).
//! The child is reaped with `wait4`, whose `rusage.ru_maxrss` is its peak resident set size
//! (KiB on Linux). Wall time runs from just before the spawn to the moment the child exits,
//! observed with `waitid(WNOWAIT)` so the measurement does not include reading the output.
//!
//! A watchdog thread kills the child's process group when the timeout expires. It can only
//! kill before the child has been reaped (both sides hold one mutex), so it never signals a
//! recycled pid.

use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub exe: PathBuf,
    pub args: Vec<OsString>,
    pub cwd: PathBuf,
}

impl Invocation {
    /// The command line, for messages and the report.
    pub fn display(&self) -> String {
        let mut s = self.exe.display().to_string();
        for a in &self.args {
            s.push(' ');
            s.push_str(&a.to_string_lossy());
        }
        s
    }
}

/// How the child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
}

/// One finished run.
#[derive(Debug, Clone)]
pub struct RunResult {
    pub exit: Exit,
    /// Wall-clock seconds.
    pub wall: f64,
    /// Peak resident set size in KiB.
    pub max_rss_kib: u64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl RunResult {
    pub fn success(&self) -> bool {
        self.exit == Exit::Code(0)
    }
}

#[derive(Default)]
struct Watch {
    /// Process group to kill and the deadline, once the child is running.
    target: Option<(i32, Instant)>,
    /// Set once the child has exited (it is then a zombie until reaped, so its pid is reserved).
    done: bool,
    timed_out: bool,
}

fn lock(m: &Mutex<Watch>) -> std::sync::MutexGuard<'_, Watch> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn watchdog(shared: Arc<(Mutex<Watch>, Condvar)>) {
    let (m, cv) = &*shared;
    let mut st = lock(m);
    loop {
        if st.done {
            return;
        }
        match st.target {
            None => st = cv.wait(st).unwrap_or_else(|e| e.into_inner()),
            Some((pgid, deadline)) => {
                let now = Instant::now();
                if now >= deadline {
                    // SAFETY: plain syscall; the group leader has not been reaped (done is false
                    // and we hold the lock), so the id still names our child's group.
                    unsafe {
                        libc::kill(-pgid, libc::SIGKILL);
                    }
                    st.timed_out = true;
                    return;
                }
                st = cv.wait_timeout(st, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
            }
        }
    }
}

/// Run `inv` once with a time limit; stdout/stderr are captured through files in `scratch`.
pub fn run(inv: &Invocation, timeout: Duration, scratch: &Path) -> io::Result<RunResult> {
    let out_path = scratch.join("stdout.txt");
    let err_path = scratch.join("stderr.txt");
    let out = File::create(&out_path)?;
    let err = File::create(&err_path)?;

    let shared = Arc::new((Mutex::new(Watch::default()), Condvar::new()));
    let dog = {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || watchdog(shared))
    };
    let finish_watchdog = |shared: &Arc<(Mutex<Watch>, Condvar)>| -> bool {
        let timed_out = {
            let mut st = lock(&shared.0);
            st.done = true;
            st.timed_out
        };
        shared.1.notify_all();
        timed_out
    };

    let mut cmd = Command::new(&inv.exe);
    cmd.args(&inv.args)
        .current_dir(&inv.cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .process_group(0);

    let start = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            finish_watchdog(&shared);
            let _ = dog.join();
            return Err(e);
        }
    };
    let pid = child.id() as libc::pid_t;
    // We reap the child ourselves; dropping `Child` neither waits nor kills.
    drop(child);
    {
        let mut st = lock(&shared.0);
        st.target = Some((pid, start + timeout));
    }
    shared.1.notify_all();

    // Wait for exit without reaping, so the pid stays reserved while the watchdog may act.
    let wait_err = loop {
        // SAFETY: zeroed siginfo is a valid out-parameter for waitid.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if rc == 0 {
            break None;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            break Some(e);
        }
    };
    let wall = start.elapsed().as_secs_f64();
    let timed_out = finish_watchdog(&shared);
    let _ = dog.join();

    // Reap and collect resource usage.
    let mut status: libc::c_int = 0;
    // SAFETY: zeroed rusage is a valid out-parameter for wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if rc == pid {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(wait_err.unwrap_or(e));
        }
    }

    let exit = if timed_out {
        Exit::TimedOut
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    Ok(RunResult {
        exit,
        wall,
        max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
        stdout: std::fs::read(&out_path)?,
        stderr: std::fs::read(&err_path)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Invocation {
        Invocation {
            exe: PathBuf::from("/bin/sh"),
            args: vec!["-c".into(), script.into()],
            cwd: std::env::temp_dir(),
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("workbench-bench-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn captures_output_status_and_rss() {
        let d = scratch("ok");
        let r = run(&sh("echo hello; echo oops >&2; exit 3"), Duration::from_secs(10), &d).unwrap();
        assert_eq!(r.exit, Exit::Code(3));
        assert_eq!(r.stdout, b"hello\n");
        assert_eq!(r.stderr, b"oops\n");
        assert!(r.max_rss_kib > 0);
        assert!(r.wall > 0.0 && r.wall < 10.0);
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn times_out_and_kills() {
        let d = scratch("timeout");
        let t = Instant::now();
        let r = run(&sh("sleep 30"), Duration::from_millis(200), &d).unwrap();
        assert_eq!(r.exit, Exit::TimedOut);
        assert!(t.elapsed() < Duration::from_secs(10));
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn measures_wall_time() {
        let d = scratch("sleep");
        let r = run(&sh("sleep 0.3"), Duration::from_secs(10), &d).unwrap();
        assert!(r.success());
        assert!(r.wall >= 0.29, "{}", r.wall);
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn missing_executable_is_an_error() {
        let d = scratch("missing");
        let inv = Invocation {
            exe: PathBuf::from("/nonexistent/prog"),
            args: vec![],
            cwd: std::env::temp_dir(),
        };
        assert!(run(&inv, Duration::from_secs(1), &d).is_err());
        let _ = std::fs::remove_dir_all(d);
    }
}
