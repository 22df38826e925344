//! The `workbench` binary: the CLI of [`workbench::cli`] with the built-in languages only.
fn main() -> std::process::ExitCode {
    workbench::cli::main_with(Vec::new())
}
