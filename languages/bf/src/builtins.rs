//! bf's input and output, as builtins written once for every object space.
//!
//! bf has no names, so a program can never call these itself: the compiler
//! loads them into registers at the start and calls them for `.`, `,` and a
//! pointer that leaves the tape. Keeping I/O in builtins rather than in
//! special opcodes is the workbench's rule — the main loop knows no language
//! — and it means output goes through [`Interp::write_out`], where a space
//! that tracks information flow gets its say.

use std::io::Read;
use workbench_framework::interp::Interp;
use workbench_framework::language::{Arity, Builtin};
use workbench_framework::space::{ErrorKind, OpError, Space};

use crate::compiler::TAPE_CELLS;

/// The builtins bf installs: `putchar`, `getchar` and `tape_error`.
pub fn builtins<S: Space>() -> Vec<Builtin<S>> {
    vec![
        Builtin {
            name: "putchar",
            arity: Arity::Exact(1),
            func: putchar::<S>,
        },
        Builtin {
            name: "getchar",
            arity: Arity::Exact(1),
            func: getchar::<S>,
        },
        Builtin {
            name: "tape_error",
            arity: Arity::Exact(1),
            func: tape_error::<S>,
        },
    ]
}

fn cell<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<i64, OpError> {
    let value = args.first().ok_or_else(|| OpError::type_error("missing argument"))?;
    interp
        .space
        .as_int(value)
        .ok_or_else(|| OpError::type_error("a bf cell must hold an integer"))
}

/// `.`: writes the cell as one character. Cells hold 0..=255; the output
/// channel takes text, so a cell above 127 is written as the character with
/// that code (Latin-1), which UTF-8 encodes in two bytes.
pub fn putchar<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let byte = cell(interp, args)?.rem_euclid(256) as u8;
    let mut buf = [0u8; 4];
    let text = char::from(byte).encode_utf8(&mut buf);
    interp.write_out(text, args)?;
    Ok(interp.space.none())
}

/// `,`: reads one byte from standard input and returns it; at end of input it
/// returns its argument (the cell's current value), so **the cell is left
/// unchanged at EOF**. Pending output is flushed first, so a prompt shows
/// before the program waits.
pub fn getchar<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let current = args
        .first()
        .cloned()
        .ok_or_else(|| OpError::type_error("missing argument"))?;
    interp.flush();
    let mut byte = [0u8; 1];
    loop {
        match std::io::stdin().lock().read(&mut byte) {
            Ok(0) => return Ok(current),
            Ok(_) => return interp.space.int(byte[0] as i64),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(OpError::new(ErrorKind::Value, format!("cannot read input: {e}"))),
        }
    }
}

/// Called when a move leaves the tape; always fails, with a message saying
/// which end was crossed. The main loop attaches the span of the move.
pub fn tape_error<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let at = cell(interp, args)?;
    let message = if at < 0 {
        format!("the pointer moved off the left end of the tape (to cell {at})")
    } else {
        format!("the pointer moved off the right end of the tape (to cell {at}; the tape has {TAPE_CELLS} cells)")
    };
    Err(OpError::new(ErrorKind::Index, message))
}
