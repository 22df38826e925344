//! Reference solution of `tiny-slicing`: a drop-in replacement for
//! `tutorials/assignments/tiny-slicing/src/student.rs`.
//!
//! The rules are CPython's (and the standard space's `slice_indices`): a step
//! of 0 is a `ValueError`; a missing step is 1; a negative start or stop counts
//! from the end; then both are clamped into the sequence, to `[0, len]` when
//! stepping forward and to `[-1, len - 1]` when stepping backward, and the
//! defaults are the two ends in the direction of the step.

use workbench_framework::space::{ErrorKind, OpError};

/// The positions `seq[start:stop:step]` selects in a sequence of `len` items.
pub fn slice_positions(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<usize>, OpError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(OpError::new(ErrorKind::Value, "slice step cannot be zero"));
    }
    let len = len as i64;
    // Where an index lands once negative ones count from the end and it is clamped.
    let (low, high) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let clamp = |i: i64| {
        let i = if i < 0 { i.saturating_add(len) } else { i };
        i.clamp(low, high)
    };
    let (first, last) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let mut i = start.map_or(first, clamp);
    let stop = stop.map_or(last, clamp);
    let mut out = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i = match i.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    Ok(out)
}
