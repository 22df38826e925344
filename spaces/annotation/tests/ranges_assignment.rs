//! The coursework assignment `annotation-ranges` checked from both sides: the
//! reference solution (`tutorials/solutions/annotation-ranges/src/student.rs`)
//! must produce every hidden test's expected listing
//! (`tools/workbench/grading/annotation-ranges`). The skeleton's side is
//! `ranges_skeleton.rs` (integer rules are per process, so it is its own test
//! binary).

#[path = "../../../tutorials/solutions/annotation-ranges/src/student.rs"]
mod student;

mod grading {
    include!("common/grading.rs");
}

#[test]
fn the_reference_solution_passes_every_hidden_test() {
    grading::install(student::join, student::add, student::sub);
    let failures = grading::failures();
    assert!(failures.is_empty(), "failing: {failures:?}");
    assert!(grading::count() >= 5);
}
