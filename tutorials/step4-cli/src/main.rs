//! Tutorial step 4: the `sprout` command, which is the whole `workbench`
//! command line with step 3's language added to it.
//!
//! `cargo run -p sprout-step4 -- run tutorials/step4-cli/examples/squares.sprout`
//! runs a program; `repl sprout`, `dis FILE` and `langs` work too, because
//! this *is* the workbench CLI ([`workbench::cli::main_with`]), given one
//! more language through [`workbench::entry::language`].

// ANCHOR: main
fn main() -> std::process::ExitCode {
    workbench::cli::main_with(vec![workbench::entry::language(sprout_step3::Sprout)])
}
// ANCHOR_END: main
