//! {{name}}'s builtin functions, written once for every object space.
//!
//! A builtin is a Rust function over the [`Space`] trait, so the same `print`
//! runs on host values (the trivial space) and on heap objects (the standard
//! space). It never looks inside a value: it asks the space to display it,
//! and sends the text through [`Interp::write_out`].
//!
//! **To add a builtin**: write a function with this signature, list it in
//! [`builtins`], and call it from the compiler the way `print` is called
//! (`LoadGlobal` of its name, then `Call`).

use workbench_framework::interp::Interp;
use workbench_framework::language::{Arity, Builtin};
use workbench_framework::space::{OpError, Space};

/// The builtins {{name}} installs as globals.
pub fn builtins<S: Space>() -> Vec<Builtin<S>> {
    vec![Builtin {
        name: "print",
        arity: Arity::Exact(1),
        func: print::<S>,
    }]
}

/// `print value;`: the value's display text and a newline.
pub fn print<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let value = args.first().ok_or_else(|| OpError::type_error("print needs a value"))?;
    let text = format!("{}\n", interp.display(value)?);
    interp.write_out(&text, args)?;
    Ok(interp.space.none())
}
