//! `workbench new-lang NAME`: a new language crate that builds, runs and passes its tests at once.
//!
//! The point is that a student's first hour goes into *their* language, not
//! into wiring: the crate it writes already has a logos lexer, a lalrpop
//! grammar, an AST, a compiler to framework bytecode, a `print` builtin, a
//! binary that is the whole `workbench` CLI with the language added (so
//! `cargo run -- run examples/hello.EXT` and `cargo run -- repl NAME` work),
//! an example, and a file-driven test corpus. Its `src/lib.rs` says where to
//! change what.
//!
//! The templates are compiled into this binary (`include_str!` of
//! `templates/newlang/`), so there is nothing else to install. Four
//! placeholders are filled in: `{{name}}` (the language), `{{Name}}` (its
//! type), `{{ext}}` (its file extension) and `{{workbench}}` (the checkout
//! the crate's `path` dependencies point at: the one this binary was built
//! from, or `--workbench-path`).
//!
//! Two promises: a bad name (not an identifier, a Rust keyword, a clash with
//! a language this CLI knows) is refused with exit code 2 before anything is
//! written, and an existing file is never overwritten.

use crate::langs::Entry;
use std::path::{Path, PathBuf};

/// What `workbench new-lang` was asked to do.
#[derive(Clone, Debug)]
pub struct Request {
    /// The language's name.
    pub name: String,
    /// Where to create the crate (default `./NAME`).
    pub path: Option<PathBuf>,
    /// File extension (default: the name).
    pub ext: Option<String>,
    /// The Workbench checkout to depend on (default: the one this binary was built from).
    pub workbench_path: Option<PathBuf>,
}

/// Each template: the path it is written to (placeholders allowed) and its text.
const TEMPLATES: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../templates/newlang/Cargo.toml.in")),
    (".gitignore", include_str!("../templates/newlang/gitignore.in")),
    ("README.md", include_str!("../templates/newlang/README.md")),
    ("rustfmt.toml", include_str!("../templates/newlang/rustfmt.toml")),
    ("clippy.toml", include_str!("../templates/newlang/clippy.toml")),
    ("build.rs", include_str!("../templates/newlang/build.rs")),
    ("src/lib.rs", include_str!("../templates/newlang/src/lib.rs")),
    ("src/lexer.rs", include_str!("../templates/newlang/src/lexer.rs")),
    (
        "src/grammar.lalrpop",
        include_str!("../templates/newlang/src/grammar.lalrpop"),
    ),
    ("src/ast.rs", include_str!("../templates/newlang/src/ast.rs")),
    ("src/parser.rs", include_str!("../templates/newlang/src/parser.rs")),
    ("src/compiler.rs", include_str!("../templates/newlang/src/compiler.rs")),
    ("src/builtins.rs", include_str!("../templates/newlang/src/builtins.rs")),
    ("src/main.rs", include_str!("../templates/newlang/src/main.rs")),
    (
        "examples/hello.{{ext}}",
        include_str!("../templates/newlang/examples/hello.ext"),
    ),
    ("tests/corpus.rs", include_str!("../templates/newlang/tests/corpus.rs")),
    (
        "tests/programs/arithmetic.{{ext}}",
        include_str!("../templates/newlang/tests/programs/arithmetic.ext"),
    ),
    (
        "tests/programs/arithmetic.out",
        include_str!("../templates/newlang/tests/programs/arithmetic.out"),
    ),
    (
        "tests/programs/comparisons.{{ext}}",
        include_str!("../templates/newlang/tests/programs/comparisons.ext"),
    ),
    (
        "tests/programs/comparisons.out",
        include_str!("../templates/newlang/tests/programs/comparisons.out"),
    ),
    (
        "tests/programs/while_loop.{{ext}}",
        include_str!("../templates/newlang/tests/programs/while_loop.ext"),
    ),
    (
        "tests/programs/while_loop.out",
        include_str!("../templates/newlang/tests/programs/while_loop.out"),
    ),
    (
        "tests/programs/err_undeclared.{{ext}}",
        include_str!("../templates/newlang/tests/programs/err_undeclared.ext"),
    ),
    (
        "tests/programs/err_undeclared.out",
        include_str!("../templates/newlang/tests/programs/err_undeclared.out"),
    ),
    (
        "tests/programs/err_undeclared.err",
        include_str!("../templates/newlang/tests/programs/err_undeclared.err"),
    ),
    (
        "tests/programs/err_divide_by_zero.{{ext}}",
        include_str!("../templates/newlang/tests/programs/err_divide_by_zero.ext"),
    ),
    (
        "tests/programs/err_divide_by_zero.out",
        include_str!("../templates/newlang/tests/programs/err_divide_by_zero.out"),
    ),
    (
        "tests/programs/err_divide_by_zero.err",
        include_str!("../templates/newlang/tests/programs/err_divide_by_zero.err"),
    ),
];

/// Words Rust reserves: a language name becomes part of a crate name and its
/// CamelCase a type name, so these are refused.
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names that would clash with Workbench's own crates.
const RESERVED: &[&str] = &["workbench", "framework", "bench"];

/// Type names the generated `src/lib.rs` imports; the language's type may not be one of them.
const IMPORTED_TYPES: &[&str] = &[
    "Builtin",
    "Diagnostic",
    "FileId",
    "Globals",
    "Language",
    "Mode",
    "Module",
    "Space",
    "Span",
    "Spelling",
];

/// Extensions the test corpus itself uses (`NAME.out`, `NAME.err`) or that name crate files.
const RESERVED_EXTENSIONS: &[&str] = &["out", "err", "in", "rs", "toml", "md", "lalrpop", "lock"];

/// Runs the command; returns the exit code (0, or 2 for a refused request).
pub fn run(request: &Request, known: &[Box<dyn Entry>]) -> i32 {
    match plan(request, known).and_then(|plan| write(&plan).map(|()| plan)) {
        Ok(plan) => {
            print!("{}", plan.report());
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}

/// Everything to write, decided before anything is written.
struct Plan {
    name: String,
    ext: String,
    dir: PathBuf,
    /// Relative path and contents.
    files: Vec<(String, String)>,
}

impl Plan {
    fn report(&self) -> String {
        let dir = self.dir.display();
        let mut text = format!(
            "Created the language `{}` (programs end in .{}) in {dir}:\n",
            self.name, self.ext
        );
        for (path, _) in &self.files {
            text.push_str(&format!("  {path}\n"));
        }
        text.push_str(&format!(
            "Next:\n  cd {dir}\n  cargo run -- run examples/hello.{ext}   # builds the workbench with {name} in it, runs the example\n  cargo test                             # the corpus in tests/programs/\n  cargo run -- repl {name}\nStart reading at src/lib.rs: it says where to change what.\n",
            ext = self.ext,
            name = self.name
        ));
        text
    }
}

/// Checks a language name: an identifier in lower case, not a Rust keyword.
pub fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !first_ok || !rest_ok || name.len() > 40 {
        return Err(format!(
            "`{name}` is not a valid language name: use an identifier of lower-case letters, digits and `_`, \
             starting with a letter (at most 40 characters)"
        ));
    }
    if RUST_KEYWORDS.contains(&name) {
        return Err(format!("`{name}` is a Rust keyword; choose another language name"));
    }
    if RESERVED.contains(&name) {
        return Err(format!(
            "`{name}` is the name of a Workbench crate; choose another language name"
        ));
    }
    let type_name = camel_case(name);
    if IMPORTED_TYPES.contains(&type_name.as_str()) {
        return Err(format!(
            "`{name}` would name the language's type `{type_name}`, which the crate already imports; \
             choose another language name"
        ));
    }
    Ok(())
}

/// `toy_lang` → `ToyLang`: the name of the language's type.
pub fn camel_case(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn plan(request: &Request, known: &[Box<dyn Entry>]) -> Result<Plan, String> {
    let name = request.name.clone();
    check_name(&name)?;
    if let Some(other) = known.iter().find(|l| l.name() == name) {
        return Err(format!(
            "a language called `{}` already exists (see `workbench langs`); choose another name",
            other.name()
        ));
    }
    let ext = request.ext.clone().unwrap_or_else(|| name.clone());
    if ext.is_empty() || !ext.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!(
            "`{ext}` is not a valid extension: give letters, digits and `_` only, without the dot"
        ));
    }
    if RESERVED_EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!(
            "the extension .{ext} is taken by the crate's own files; choose another with --ext"
        ));
    }
    if let Some(other) = known.iter().find(|l| l.extensions().contains(&ext.as_str())) {
        return Err(format!(
            "the extension .{ext} already belongs to `{}`; choose another with --ext",
            other.name()
        ));
    }
    let workbench = checkout(request.workbench_path.as_deref())?;
    let dir = request.path.clone().unwrap_or_else(|| PathBuf::from(&name));
    let type_name = camel_case(&name);
    let fill = |text: &str| {
        text.replace("{{name}}", &name)
            .replace("{{Name}}", &type_name)
            .replace("{{ext}}", &ext)
            .replace("{{workbench}}", &workbench)
    };
    let mut files: Vec<(String, String)> = TEMPLATES.iter().map(|(path, text)| (fill(path), fill(text))).collect();
    // The checkout's lock file pins the same dependency versions Workbench is tested with.
    if let Ok(lock) = std::fs::read_to_string(Path::new(&workbench).join("Cargo.lock")) {
        files.insert(1, ("Cargo.lock".to_string(), lock));
    }
    let existing: Vec<&str> = files
        .iter()
        .filter(|(path, _)| dir.join(path).exists())
        .map(|(path, _)| path.as_str())
        .collect();
    if let Some(first) = existing.first() {
        let more = match existing.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more of the files it would write)"),
        };
        return Err(format!(
            "{} already has {first}{more}; new-lang never overwrites a file (choose another --path)",
            dir.display()
        ));
    }
    Ok(Plan { name, ext, dir, files })
}

/// The Workbench checkout as a path for Cargo.toml, checked to hold the crates the new one needs.
fn checkout(given: Option<&Path>) -> Result<String, String> {
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = given.map(Path::to_path_buf).unwrap_or(built_from);
    let path = path.canonicalize().map_err(|e| {
        format!(
            "cannot find the Workbench checkout at {} ({e}); pass --workbench-path",
            path.display()
        )
    })?;
    for needed in ["framework/Cargo.toml", "tools/workbench/Cargo.toml"] {
        if !path.join(needed).is_file() {
            return Err(format!(
                "{} is not a Workbench checkout (it has no {needed}); pass --workbench-path",
                path.display()
            ));
        }
    }
    let text = path
        .to_str()
        .ok_or_else(|| format!("the path {} is not UTF-8", path.display()))?
        .replace('\\', "/");
    if text.contains('\'') {
        return Err(format!(
            "the path {text} contains a quote, which Cargo.toml cannot hold here"
        ));
    }
    Ok(text)
}

fn write(plan: &Plan) -> Result<(), String> {
    for (path, text) in &plan.files {
        let target = plan.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        // `create_new` refuses to replace a file that appeared since the plan was made.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(())
}
