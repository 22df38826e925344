//! Reference solution of `annotation-ranges` (a drop-in replacement for the
//! hand-out's `src/student.rs`): interval join and interval arithmetic.

use workbench_annotation::ranges::IntRange;

/// The smaller of two lower bounds; unknown if either is.
fn min_bound(x: Option<i64>, y: Option<i64>) -> Option<i64> {
    Some(x?.min(y?))
}

/// The larger of two upper bounds; unknown if either is.
fn max_bound(x: Option<i64>, y: Option<i64>) -> Option<i64> {
    Some(x?.max(y?))
}

/// The hull of the two ranges.
pub fn join(a: IntRange, b: IntRange) -> IntRange {
    IntRange::new(min_bound(a.lo, b.lo), max_bound(a.hi, b.hi))
}

/// `[a.lo + b.lo, a.hi + b.hi]`; a bound that overflows `i64` is unknown.
pub fn add(a: IntRange, b: IntRange) -> IntRange {
    let bound = |x: Option<i64>, y: Option<i64>| x?.checked_add(y?);
    IntRange::new(bound(a.lo, b.lo), bound(a.hi, b.hi))
}

/// `[a.lo - b.hi, a.hi - b.lo]`; a bound that overflows `i64` is unknown.
pub fn sub(a: IntRange, b: IntRange) -> IntRange {
    let bound = |x: Option<i64>, y: Option<i64>| x?.checked_sub(y?);
    IntRange::new(bound(a.lo, b.hi), bound(a.hi, b.lo))
}
