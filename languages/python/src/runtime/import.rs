//! `import`: modules written in Python beside the program, and built-in modules.
//!
//! Each imported file runs once, in a namespace of its own; the module object
//! is a view of that namespace, cached by name (and cached *before* its code
//! runs, so that two modules may import each other).

use super::exceptions::builtin_class;
use super::objects::{new_fields, py, py_mut, py_str};
use super::types as T;
use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::object::Value;
use workbench_framework::space::standard::Vm;
use workbench_framework::space::{ErrorKind, OpError, Space};
use workbench_framework::span::FileId;

/// The front end's entry point, as the runtime needs it (kept as a function
/// pointer so that the runtime does not depend on the compiler's modules).
pub type CompileFn = fn(FileId, &str, &mut Globals) -> Result<Module, Vec<Diagnostic>>;

/// Raises an instance of the builtin exception class `class` with `message`.
pub fn raise(vm: &mut Vm, class: &str, message: String) -> OpError {
    let Some(cls) = builtin_class(vm, class) else {
        return OpError::new(ErrorKind::Value, message);
    };
    let text = match py_str(vm, &message) {
        Ok(t) => t,
        Err(e) => return e,
    };
    vm.keep_alive(text);
    match vm.call_value(cls, &[text]) {
        Ok(exc) => vm.raise_value(exc, message),
        Err(e) => e,
    }
}

/// `__wb_import__(name)`: the module called `name`.
pub fn import(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let name = vm.space.str_of(args[0]).unwrap_or("").to_string();
    if let Some(&m) = py(vm).modules.get(&name) {
        return Ok(m);
    }
    let Some(compile) = py(vm).compile else {
        return Err(raise(vm, "ImportError", format!("cannot import {name}: no compiler")));
    };
    let dir = vm
        .program_path
        .as_ref()
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let path = dir.join(format!("{}.py", name.replace('.', "/")));
    let Ok(source) = std::fs::read_to_string(&path) else {
        return Err(raise(vm, "ModuleNotFoundError", format!("No module named '{name}'")));
    };
    let file = vm.sources.add(path.display().to_string(), source.clone());
    let ns = vm.new_namespace(&name);
    let module = match compile(file, &source, vm.names_mut(ns)) {
        Ok(m) => m,
        Err(diags) => {
            let first = diags
                .first()
                .map_or_else(|| "invalid syntax".to_string(), |d| d.message.clone());
            return Err(raise(vm, "SyntaxError", format!("{first} ({})", path.display())));
        }
    };
    let name_v = py_str(vm, &name)?;
    vm.keep_alive(name_v);
    let ns_v = Value::small_int(ns.0 as i64).unwrap_or(Value::NONE);
    let m = new_fields(&mut vm.space, T::MODULE, vec![name_v, ns_v])?;
    vm.space.roots.push(m);
    py_mut(vm).modules.insert(name.clone(), m);
    vm.set_global_in(ns, "__name__", name_v);
    let main = vm
        .load_into(module, ns)
        .map_err(|d| OpError::new(ErrorKind::Value, d.message))?;
    if let Some(main) = main {
        let f = vm.space.make_closure(main, "<module>", Vec::new())?;
        vm.keep_alive(f);
        vm.call_value(f, &[])?;
    }
    Ok(m)
}
