//! Diagnostics: every error a user can cause, with the source span it came from.
//!
//! Front ends produce syntax errors, the main loop produces runtime errors with
//! a traceback, and both are rendered the same way by [`Diagnostic::render`]
//! through ariadne. Nothing a guest program does is reported with a panic.

use crate::span::{SourceMap, Span};
use ariadne::{Config, IndexType, Label, Report, ReportKind};

/// One frame of a traceback: the function and the instruction being run.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    /// Name of the function (`<module>` for top-level code).
    pub name: String,
    /// Source of the instruction that was running.
    pub span: Span,
}

/// A reportable error.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The class of error, e.g. `SyntaxError`, `TypeError`, `BudgetError`.
    pub kind: String,
    /// One line saying what went wrong.
    pub message: String,
    /// Where it went wrong, if known.
    pub span: Option<Span>,
    /// Text placed under the span.
    pub label: Option<String>,
    /// Extra lines (hints).
    pub notes: Vec<String>,
    /// Other spans to point at, with their text (where a refused value was tainted).
    pub related: Vec<(Span, String)>,
    /// Innermost call last, like Python.
    pub traceback: Vec<TraceEntry>,
    /// The program asked to exit with this status (Python's `SystemExit`):
    /// nothing is printed and the process exits with it.
    pub exit_code: Option<i32>,
}

impl Diagnostic {
    /// A diagnostic of `kind` with `message` at `span`.
    pub fn new(kind: impl Into<String>, message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            kind: kind.into(),
            message: message.into(),
            span,
            label: None,
            notes: Vec::new(),
            related: Vec::new(),
            traceback: Vec::new(),
            exit_code: None,
        }
    }

    /// Sets the label under the span.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// The related spans that cannot be drawn beside `main` (another file, or
    /// no main span), as notes naming their place.
    fn related_notes(&self, sources: &SourceMap, main: Option<Span>) -> Vec<String> {
        self.related
            .iter()
            .filter(|(s, _)| main.is_none_or(|m| m.file != s.file))
            .filter(|(s, _)| (s.file.0 as usize) < sources.len())
            .map(|(s, text)| {
                let file = sources.get(s.file);
                let (line, col) = file.line_col(s.start);
                format!("{text} ({}:{line}:{col})", file.name)
            })
            .collect()
    }

    /// `kind: message`, the one-line form.
    pub fn headline(&self) -> String {
        format!("{}: {}", self.kind, self.message)
    }

    /// Renders the diagnostic as text (with ANSI colours if `color`).
    pub fn render(&self, sources: &SourceMap, color: bool) -> String {
        let mut out = String::new();
        if !self.traceback.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Like CPython: a line repeated more than three times is summarised.
            let mut repeats = 0usize;
            for (i, entry) in self.traceback.iter().enumerate() {
                if i > 0 && self.traceback[i - 1] == *entry {
                    repeats += 1;
                    if repeats >= 3 {
                        let same_next = self.traceback.get(i + 1) == Some(entry);
                        if !same_next {
                            out.push_str(&format!("  [Previous line repeated {} more times]\n", repeats - 2));
                        }
                        continue;
                    }
                } else {
                    repeats = 0;
                }
                let file = sources.get(entry.span.file);
                let (line, _) = file.line_col(entry.span.start);
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", file.name, line, entry.name));
                let text = file.line_text(line).trim();
                if !text.is_empty() {
                    out.push_str(&format!("    {text}\n"));
                }
            }
        }
        let Some(span) = self.span.filter(|s| (s.file.0 as usize) < sources.len()) else {
            out.push_str(&self.headline());
            out.push('\n');
            for note in self.notes.iter().cloned().chain(self.related_notes(sources, None)) {
                out.push_str(&format!("note: {note}\n"));
            }
            return out;
        };
        let file = sources.get(span.file);
        let name = file.name.clone();
        let len = file.text.len();
        let start = (span.start as usize).min(len);
        let end = (span.end as usize).clamp(start, len);
        let config = Config::default().with_color(color).with_index_type(IndexType::Byte);
        let label = Label::new((name.clone(), start..end))
            .with_message(self.label.clone().unwrap_or_else(|| self.message.clone()));
        let mut report = Report::build(
            ReportKind::Custom(&self.kind, ariadne::Color::Red),
            (name.clone(), start..end),
        )
        .with_config(config)
        .with_message(&self.message)
        .with_label(label);
        for (other, text) in &self.related {
            if other.file == span.file {
                let start = (other.start as usize).min(len);
                let end = (other.end as usize).clamp(start, len);
                report = report.with_label(
                    Label::new((name.clone(), start..end))
                        .with_message(text)
                        .with_color(ariadne::Color::Yellow),
                );
            }
        }
        for note in self
            .notes
            .iter()
            .cloned()
            .chain(self.related_notes(sources, Some(span)))
        {
            report = report.with_note(note);
        }
        let mut buf = Vec::new();
        let cache = ariadne::sources([(name, file.text.clone())]);
        if report.finish().write(cache, &mut buf).is_err() {
            out.push_str(&self.headline());
            out.push('\n');
            return out;
        }
        let text = String::from_utf8_lossy(&buf);
        if color {
            out.push_str(&text);
        } else {
            // ariadne colours a custom report kind even with colour off.
            out.push_str(&strip_ansi(&text));
        }
        out
    }
}

/// Removes ANSI colour sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
