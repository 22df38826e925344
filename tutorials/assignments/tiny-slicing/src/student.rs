//! Your code: slicing for the tiny object space.
//!
//! `seq[start:stop:step]` on a list or a string (in the tiny space) calls
//! [`slice_positions`] with the length of `seq` and the three parts of the
//! slice, each `None` where the program left it out (`xs[::2]` is
//! `(None, None, Some(2))`). Return the positions the slice selects, in the
//! order it selects them; the tiny space builds the new list or string from
//! them. The answers must be the standard space's (and CPython's): read the
//! README for the rules.
//!
//! Errors: return an `OpError` (see `OpError::new` and `ErrorKind`) and the
//! main loop reports it with the span of the slice, as it would any error.

use workbench_framework::space::OpError;

/// The positions `seq[start:stop:step]` selects in a sequence of `len` items.
pub fn slice_positions(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<usize>, OpError> {
    // TODO: replace this refusal with real slicing.
    let _ = (len, start, stop, step);
    Err(OpError::unsupported("tiny", "slicing"))
}
