//! Python as a workbench language: the `Language` implementation.

use crate::runtime;
use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::{Builtin, BuiltinSignature, Language, Mode};
use workbench_framework::space::standard::{Registry, Vm};
use workbench_framework::space::{Space, Spelling};
use workbench_framework::span::FileId;

/// The prelude: builtins written in Python (the exception hierarchy,
/// `property`, `enumerate`, ...), compiled into the builtins namespace at start-up.
pub const PRELUDE: &str = include_str!("prelude.py");

/// Python 3.
#[derive(Clone, Copy, Debug, Default)]
pub struct Python;

/// Parses and compiles Python source.
pub fn compile_source(
    file: FileId,
    source: &str,
    globals: &mut Globals,
    mode: Mode,
) -> Result<Module, Vec<Diagnostic>> {
    let ast = crate::parser::parse(file, source)?;
    crate::compiler::compile(&ast, globals, mode)
}

fn compile_for_import(file: FileId, source: &str, globals: &mut Globals) -> Result<Module, Vec<Diagnostic>> {
    compile_source(file, source, globals, Mode::Program)
}

impl Language for Python {
    fn name(&self) -> &'static str {
        "python"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["py"]
    }

    fn description(&self) -> &'static str {
        "Python 3: classes, generators, exceptions, closures, arbitrary-precision ints"
    }

    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "True",
            false_: "False",
            none: "None",
        }
    }

    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        compile_source(file, source, globals, mode)
    }

    fn input_complete(&self, source: &str) -> bool {
        crate::input_complete(source)
    }

    fn register(&self, registry: &mut Registry) {
        runtime::start::register(registry);
        crate::builtins::register(registry);
    }

    fn supports_space(&self, space: &str) -> bool {
        matches!(space, "standard" | "tiny" | "taint" | "annotation")
    }

    fn builtin_signatures(&self) -> Vec<BuiltinSignature> {
        crate::runtime::signatures()
    }

    fn start_tiny(
        &self,
        vm: &mut workbench_framework::interp::Interp<workbench_framework::space::tiny::TinySpace>,
    ) -> Result<(), Diagnostic> {
        crate::tiny::start(vm)
    }

    fn start_standard(&self, vm: &mut Vm) -> Result<(), Diagnostic> {
        let to_diag = |e: workbench_framework::space::OpError| Diagnostic::new(e.kind.name(), e.message.clone(), None);
        runtime::start::start(vm).map_err(to_diag)?;
        crate::builtins::install(vm).map_err(to_diag)?;
        crate::builtins::flows::declare(vm);
        runtime::py_mut(vm).compile = Some(compile_for_import);
        // Python's own recursion limit is 1000; allow more, but not a million frames.
        vm.set_max_depth(vm.max_depth().min(20_000));
        // The prelude runs in the builtins namespace, so its definitions are builtins.
        let file = vm.sources.add("<prelude>", PRELUDE);
        let module =
            compile_source(file, PRELUDE, vm.names_mut(BUILTINS), Mode::Program).map_err(|mut d| d.remove(0))?;
        let main = vm.load_into(module, BUILTINS)?;
        if let Some(main) = main {
            let f = vm.space.make_closure(main, "<prelude>", Vec::new()).map_err(to_diag)?;
            vm.call_value(f, &[]).map_err(to_diag)?;
        }
        let name = vm.space.str("__main__").map_err(to_diag)?;
        vm.set_global("__name__", name);
        Ok(())
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        // Every Python builtin needs the standard space; see `start_standard`.
        Vec::new()
    }
}
