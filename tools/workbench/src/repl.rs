//! `workbench repl LANG`: read, compile, run, print — in any space.
//!
//! Input that the language says is unfinished (an open brace, say) makes the
//! REPL read another line with a `...` prompt. Ctrl-C drops the current
//! input, Ctrl-D leaves. Globals persist from one input to the next because
//! the same interpreter and the same global table are reused.

use crate::driver::{interpreter, report, Options};
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::Space;
use workbench_framework::span::SourceMap;

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".workbench_history"))
}

/// Runs the REPL until end of input; returns the exit code.
pub fn run<L: Language, S: Space>(lang: &L, space: S, opts: &Options) -> i32 {
    let mut interp = match interpreter(lang, space, opts, None) {
        Ok(i) => i,
        Err(d) => {
            report(&SourceMap::new(), &[d]);
            return 1;
        }
    };
    let mut editor = match DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: cannot start the line editor: {e}");
            return 2;
        }
    };
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    println!(
        "Workbench {} REPL ({} space). Ctrl-D exits, Ctrl-C cancels the line.",
        lang.name(),
        interp.space.name()
    );
    let mut buffer = String::new();
    let mut count = 0;
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match editor.readline(prompt) {
            Ok(line) => {
                if !buffer.is_empty() {
                    buffer.push('\n');
                }
                buffer.push_str(&line);
                if buffer.trim().is_empty() {
                    buffer.clear();
                    continue;
                }
                if !lang.input_complete(&buffer) {
                    continue;
                }
                let input = std::mem::take(&mut buffer);
                let _ = editor.add_history_entry(input.as_str());
                count += 1;
                let file = interp.sources.add(format!("<repl-{count}>"), input.clone());
                match lang.compile(file, &input, interp.globals_mut(), Mode::Repl) {
                    Ok(module) => {
                        if let Err(d) = interp.run_module(module) {
                            report(&interp.sources, &[d]);
                        }
                    }
                    Err(diags) => report(&interp.sources, &diags),
                }
            }
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
                println!("(cancelled)");
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("error: {e}");
                break;
            }
        }
    }
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    0
}
