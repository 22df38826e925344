//! The hand-out's skeleton must fail some hidden tests of `annotation-ranges`
//! (and still build and run every one of them).

#[path = "../../../tutorials/assignments/annotation-ranges/src/student.rs"]
mod student;

mod grading {
    include!("common/grading.rs");
}

#[test]
fn the_skeleton_fails_some_hidden_tests() {
    grading::install(student::join, student::add, student::sub);
    let failures = grading::failures();
    assert!(!failures.is_empty(), "the skeleton passes every hidden test");
    assert!(
        failures.len() < grading::count(),
        "the skeleton fails every hidden test"
    );
}
