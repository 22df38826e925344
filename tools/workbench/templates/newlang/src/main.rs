//! `workbench-{{name}}`: the whole `workbench` command, with {{name}} added to its languages.
//!
//! `cargo run -- run examples/hello.{{ext}}`, `cargo run -- repl {{name}}`,
//! `cargo run -- dis examples/hello.{{ext}}` and `cargo run -- langs` all work,
//! because this is the workbench CLI itself ([`workbench::cli::main_with`]),
//! given one more language.
fn main() -> std::process::ExitCode {
    workbench::cli::main_with(vec![workbench::entry::language(workbench_{{name}}::{{Name}})])
}
