//! `workbench trace FILE`: renders a JIT log (`--jit-log FILE`) for people.
//!
//! The log is the JIT's own record (see `workbench_framework::jit::log`): every
//! trace's operations, guards and resume points, the recordings given up, how
//! often each exit was taken, and the counters. This module reads it back and
//! prints a summary per trace (what the loop turned into, which guards fail),
//! or writes one self-contained HTML page with every listing folded open.

use std::fmt::Write as _;

/// One trace of the log.
#[derive(Default)]
struct TraceInfo {
    title: String,
    ops: Vec<String>,
    exits: Vec<String>,
    taken: Vec<(u32, u64)>,
}

/// A parsed log.
#[derive(Default)]
struct Log {
    traces: Vec<TraceInfo>,
    events: Vec<String>,
    counters: Vec<(String, String)>,
}

fn parse(text: &str) -> Log {
    let mut log = Log::default();
    let mut section = "";
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# trace ") {
            section = "trace";
            log.traces.push(TraceInfo {
                title: format!("trace {rest}"),
                ..TraceInfo::default()
            });
        } else if line == "# exits" {
            section = "exits";
        } else if line == "# counters" {
            section = "counters";
        } else if let Some(rest) = line.strip_prefix("# ") {
            log.events.push(rest.to_string());
        } else if section == "trace" {
            if let Some(t) = log.traces.last_mut() {
                let l = line.trim_start();
                if l.starts_with("exit") && l.contains(": resume") {
                    t.exits.push(l.to_string());
                } else {
                    t.ops.push(l.to_string());
                }
            }
        } else if section == "exits" {
            let mut parts = line.split_whitespace();
            let index = parts.nth(1).and_then(|i| i.parse::<usize>().ok());
            if let Some(t) = index.and_then(|i| log.traces.get_mut(i)) {
                for p in parts {
                    if let Some((e, n)) = p.split_once(':') {
                        if let (Ok(e), Ok(n)) = (e.parse(), n.parse()) {
                            t.taken.push((e, n));
                        }
                    }
                }
            }
        } else if section == "counters" {
            if let Some((k, v)) = line.split_once(' ') {
                log.counters.push((k.to_string(), v.to_string()));
            }
        }
    }
    log
}

fn count(ops: &[String], prefix: &str) -> usize {
    ops.iter()
        .filter(|o| o.split(" = ").last().unwrap_or("").starts_with(prefix))
        .count()
}

/// A short profile of one trace: what its operations are.
fn profile(t: &TraceInfo) -> String {
    let body_start = t.ops.iter().position(|o| o.starts_with("loop_header")).unwrap_or(0);
    let body = &t.ops[body_start..];
    format!(
        "{} ops ({} in the loop body): {} guards, {} helper calls, {} int ops, {} float ops",
        t.ops.len(),
        body.len(),
        count(&t.ops, "guard_"),
        count(&t.ops, "call "),
        count(&t.ops, "int_"),
        count(&t.ops, "float_"),
    )
}

/// The log as readable text.
pub fn render_text(text: &str) -> String {
    let log = parse(text);
    let mut out = String::new();
    let _ = writeln!(out, "JIT log: {} traces", log.traces.len());
    for (k, v) in &log.counters {
        let _ = writeln!(out, "  {k:<18} {v}");
    }
    for t in &log.traces {
        let _ = writeln!(out, "\n{}", t.title);
        let _ = writeln!(out, "  {}", profile(t));
        let mut taken = t.taken.clone();
        taken.sort_by_key(|t| std::cmp::Reverse(t.1));
        for (e, n) in taken.iter().take(5) {
            let _ = writeln!(out, "  exit #{e} taken {n} times");
        }
        for op in &t.ops {
            let _ = writeln!(out, "    {op}");
        }
    }
    if !log.events.is_empty() {
        let _ = writeln!(out, "\nevents:");
        for e in &log.events {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The log as one self-contained HTML page.
pub fn render_html(text: &str) -> String {
    let log = parse(text);
    let mut out = String::from(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Workbench JIT log</title>\n<style>\
         body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:.5em}\
         .guard{color:#a40}.call{color:#05a}.loop{font-weight:bold}td{padding:0 1em}</style></head><body>\n",
    );
    let _ = writeln!(out, "<h1>JIT log: {} traces</h1>\n<table>", log.traces.len());
    for (k, v) in &log.counters {
        let _ = writeln!(out, "<tr><td>{}</td><td>{}</td></tr>", escape(k), escape(v));
    }
    out.push_str("</table>\n");
    for t in &log.traces {
        let _ = writeln!(
            out,
            "<details><summary>{} — {}</summary>",
            escape(&t.title),
            escape(&profile(t))
        );
        if !t.taken.is_empty() {
            let taken: Vec<String> = t.taken.iter().map(|(e, n)| format!("exit #{e}: {n}")).collect();
            let _ = writeln!(out, "<p>exits taken: {}</p>", escape(&taken.join(", ")));
        }
        out.push_str("<pre>");
        for op in &t.ops {
            let class = if op.contains("guard_") {
                "guard"
            } else if op.contains("call ") {
                "call"
            } else if op.starts_with("loop_header") || op.starts_with("jump") {
                "loop"
            } else {
                ""
            };
            let _ = writeln!(out, "<span class=\"{class}\">{}</span>", escape(op));
        }
        for e in &t.exits {
            let _ = writeln!(out, "{}", escape(e));
        }
        out.push_str("</pre></details>\n");
    }
    if !log.events.is_empty() {
        out.push_str("<h2>Events</h2><ul>\n");
        for e in &log.events {
            let _ = writeln!(out, "<li>{}</li>", escape(e));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "# trace 0: loop at f@4 (5 ops, 2 exits, compiled in 10 us, 100 bytes)
  v0:w = load_slot s0
  guard_int v0 else exit0
  loop_header (1 carried)
  v2:i = int_add v1, v1 else exit1
  jump [v2]
  exit0: resume code1@4 depth 0 writes []
# abort Loop at g@2: Yield is not traced yet
# exits
trace 0 1:7
# counters
loops 1
";

    #[test]
    fn text_names_each_trace_and_its_hot_exit() {
        let text = render_text(LOG);
        assert!(text.contains("trace 0: loop at f@4"), "{text}");
        assert!(text.contains("exit #1 taken 7 times"), "{text}");
        assert!(text.contains("1 guards"), "{text}");
        assert!(text.contains("Yield is not traced yet"), "{text}");
    }

    #[test]
    fn html_is_one_escaped_page() {
        let html = render_html(LOG);
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("<details>") && html.contains("guard_int"));
        assert!(!html.contains("<- "), "no raw markup from the log");
    }
}
