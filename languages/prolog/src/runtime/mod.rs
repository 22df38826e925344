//! Prolog's run-time support in the standard space: terms, the interpreter
//! state, arithmetic, term output, and the natives the compiled code calls.

pub mod arith;
pub mod control;
pub mod errors;
pub mod state;
pub mod terms;
pub mod write;
