//! The `taint-format` assignment's binary: the workbench command line with the
//! taint space's string-formatting rule replaced by the student's
//! (`src/student.rs`). It accepts everything `workbench` accepts, so the
//! grader runs `assignment-taint-format run --space taint TEST.py`.

mod student;

fn main() -> std::process::ExitCode {
    workbench_framework::space::standard::taint::set_format_rule(student::format_labels);
    workbench::cli::main_with(Vec::new())
}
