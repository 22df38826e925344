//! The interactive toplevel's answer: bindings, `;` for the next solution.
//!
//! A query runs through `'$query'/2` in the prelude: the goal is called and,
//! for each solution, the success continuation calls [`answer`], which prints
//! the bindings like SWI-Prolog (`X = 1`) and, on a terminal, reads the
//! user's reply. A `;` makes the continuation fail, which is exactly how the
//! engine backtracks into the next solution; anything else (and piped input,
//! where the next line is the next query) stops with `.`.

use crate::runtime::terms::{self as t, compound, deref};
use crate::runtime::write::{format_named, WriteOpts};
use std::io::{BufRead, IsTerminal};
use workbench_framework::object::Value;
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

/// `$toplevel_answer(Bindings, More)`: prints an answer, binds More to `yes` or `no`.
pub fn answer(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    // Query variables still unbound are written by their names, as SWI does
    // (`X = f(Y)`); two aliased variables print as `X = Y`.
    let mut pairs = Vec::new();
    for b in t::list_items(&vm.space, a[0]).unwrap_or_default() {
        let b = deref(&vm.space, b);
        let Some((_, args)) = compound(&vm.space, b) else {
            continue;
        };
        let name = t::atom_text(&vm.space, deref(&vm.space, args[0]))
            .unwrap_or("_")
            .to_string();
        pairs.push((name, deref(&vm.space, args[1])));
    }
    let mut names: Vec<(Value, String)> = Vec::new();
    for (name, v) in pairs.iter().rev() {
        if t::is_var(&vm.space, *v) && !names.iter().any(|(x, _)| x == v) {
            names.push((*v, name.clone()));
        }
    }
    let mut lines = Vec::new();
    for (name, v) in &pairs {
        let own = names.iter().any(|(x, n)| x == v && n == name);
        if own {
            continue;
        }
        let text = format_named(vm, *v, WriteOpts::print(), names.clone());
        lines.push(format!("{name} = {text}"));
    }
    let text = if lines.is_empty() {
        "true".to_string()
    } else {
        lines.join(",\n")
    };
    vm.write_out(&text, &[])?;
    vm.flush();
    // Only a terminal is asked for `;`: piped input holds the next queries.
    let mut reply = String::new();
    if std::io::stdin().is_terminal() {
        let _ = std::io::stdin().lock().read_line(&mut reply);
    }
    let more = reply.trim_start().starts_with(';');
    if more {
        vm.write_out(" ;\n", &[])?;
    } else {
        vm.write_out(".\n", &[])?;
    }
    let word = t::atom(&mut vm.space, if more { "yes" } else { "no" })?;
    Ok(Value::bool(t::unify(&mut vm.space, a[1], word)))
}
