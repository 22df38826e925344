//! Scheme as a workbench language: the `Language` implementation.

use crate::expand::{ExpandState, Expander};
use crate::runtime;
use std::cell::RefCell;
use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::{Builtin, Language, Mode};
use workbench_framework::object::Value;
use workbench_framework::space::standard::{Hooks, Registry, Vm};
use workbench_framework::space::{Space, Spelling};
use workbench_framework::span::{FileId, Span};

/// The prelude: the higher-order part of the library, in Scheme.
pub const PRELUDE: &str = include_str!("prelude.scm");

/// Deepest non-tail recursion a Scheme program may use by default (frames live on
/// the heap; about 100 bytes each). An explicit `--max-depth` is kept.
pub const MAX_DEPTH: usize = 3_000_000;

/// Scheme (R7RS-small core).
#[derive(Debug, Default)]
pub struct Scheme {
    /// Macros and aliases defined by earlier inputs (REPL lines).
    state: RefCell<ExpandState>,
}

/// Stack for the front end: reading, expanding and compiling recurse on the
/// nesting of the program (bounded by [`crate::reader::MAX_DEPTH`]).
const FRONT_END_STACK: usize = 256 << 20;

/// Reads, expands and compiles Scheme source (on a thread with a stack big
/// enough for the deepest nesting the reader accepts).
pub fn compile_source(
    file: FileId,
    source: &str,
    globals: &mut Globals,
    mode: Mode,
    state: &mut ExpandState,
) -> Result<Module, Vec<Diagnostic>> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("scheme-front-end".into())
            .stack_size(FRONT_END_STACK)
            .spawn_scoped(scope, || front_end(file, source, globals, mode, state));
        match worker.map(|w| w.join()) {
            Ok(Ok(result)) => result,
            _ => Err(vec![Diagnostic::new(
                "SyntaxError",
                "the front end could not run",
                None,
            )]),
        }
    })
}

fn front_end(
    file: FileId,
    source: &str,
    globals: &mut Globals,
    mode: Mode,
    state: &mut ExpandState,
) -> Result<Module, Vec<Diagnostic>> {
    let data = crate::reader::read(file, source).map_err(|d| vec![d])?;
    let mut ex = Expander::new(state);
    let nodes = ex.program(&data).map_err(|d| vec![d])?;
    let vars = std::mem::take(&mut ex.vars);
    let span = Span::new(file, 0, source.len());
    crate::compiler::compile(nodes, vars, globals, mode, span).map_err(|d| vec![d])
}

impl Language for Scheme {
    fn name(&self) -> &'static str {
        "scheme"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["scm", "ss"]
    }

    fn description(&self) -> &'static str {
        "Scheme (R7RS-small core): proper tail calls, call/cc, dynamic-wind, syntax-rules"
    }

    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "#t",
            false_: "#f",
            none: "()",
        }
    }

    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        compile_source(file, source, globals, mode, &mut self.state.borrow_mut())
    }

    fn input_complete(&self, source: &str) -> bool {
        crate::reader::input_complete(source)
    }

    fn register(&self, registry: &mut Registry) {
        runtime::register(registry);
    }

    fn supports_space(&self, space: &str) -> bool {
        matches!(space, "standard" | "taint" | "annotation")
    }

    fn start_standard(&self, vm: &mut Vm) -> Result<(), Diagnostic> {
        let to_diag = |e: workbench_framework::space::OpError| Diagnostic::new(e.kind.name(), e.message.clone(), None);
        vm.space.hooks = Hooks {
            error_value: Some(runtime::control::error_value),
            describe_exception: Some(runtime::control::describe),
            exit_status: Some(runtime::control::exit_status),
            ..Hooks::default()
        };
        vm.install(runtime::natives()).map_err(to_diag)?;
        runtime::declare_taint_flows(vm);
        vm.set_global_in(BUILTINS, "%void", Value::UNSPECIFIED);
        if vm.max_depth() == workbench_framework::interp::Limits::default().max_depth {
            vm.set_max_depth(MAX_DEPTH);
        }
        // The prelude runs in the builtins namespace, so its definitions are builtins.
        let file = vm.sources.add("<prelude>", PRELUDE);
        let mut state = ExpandState::default();
        let module = compile_source(file, PRELUDE, vm.names_mut(BUILTINS), Mode::Program, &mut state)
            .map_err(|mut d| d.remove(0))?;
        // The prelude's macros (none today) and aliases stay visible to programs.
        *self.state.borrow_mut() = ExpandState {
            redefined: Default::default(),
            ..state
        };
        let main = vm.load_into(module, BUILTINS)?;
        if let Some(main) = main {
            let f = vm.space.make_closure(main, "<prelude>", Vec::new()).map_err(to_diag)?;
            vm.call_value(f, &[]).map_err(to_diag)?;
        }
        Ok(())
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        // Every Scheme builtin needs the standard space; see `start_standard`.
        Vec::new()
    }
}
