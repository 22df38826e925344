//! calc's builtin functions, written once for every object space.
//!
//! A builtin is a Rust function over the [`Space`] trait, so the same `print`
//! runs on host values (trivial space), on heap objects (standard space) and
//! on whatever later spaces wrap them. Builtins never touch a value's
//! representation: they ask the space to display it, and they send output
//! through [`Interp::write_out`] so that spaces that track information flow
//! can refuse it.

use crate::compiler::ECHO;
use workbench_framework::interp::Interp;
use workbench_framework::language::{Arity, Builtin};
use workbench_framework::space::{OpError, Space};

/// The builtins calc installs as globals.
pub fn builtins<S: Space>() -> Vec<Builtin<S>> {
    vec![
        Builtin {
            name: "print",
            arity: Arity::AtLeast(0),
            func: print::<S>,
        },
        Builtin {
            name: "str",
            arity: Arity::Exact(1),
            func: str::<S>,
        },
        Builtin {
            name: ECHO,
            arity: Arity::Exact(1),
            func: echo::<S>,
        },
    ]
}

/// `print(a, b, ...)`: the display text of each argument, separated by one
/// space, then a newline. Returns nil.
pub fn print<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let mut text = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(&interp.display(a)?);
    }
    text.push('\n');
    interp.write_out(&text, args)?;
    Ok(interp.space.none())
}

/// `str(x)`: the text `print` would show for `x`, as a string value.
pub fn str<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let text = interp.display(first(args)?)?;
    interp.space.str(&text)
}

/// The REPL's echo of a trailing expression (hidden name `__echo__`): the
/// value's repr on a line of its own, or nothing for nil.
pub fn echo<S: Space>(interp: &mut Interp<S>, args: &[S::W]) -> Result<S::W, OpError> {
    let value = first(args)?;
    let text = interp.repr(value)?;
    let none = interp.space.none();
    if text != interp.repr(&none)? {
        interp.write_out(&format!("{text}\n"), args)?;
    }
    Ok(none)
}

/// The first argument. The main loop checks arities before calling, so this
/// only guards against a native being called directly with too few.
fn first<W>(args: &[W]) -> Result<&W, OpError> {
    args.first().ok_or_else(|| OpError::type_error("missing argument"))
}
