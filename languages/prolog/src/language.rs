//! Prolog as a workbench language: the `Language` implementation and start-up.

use crate::compiler::{self, Unit};
use crate::ops::Ops;
use crate::runtime::terms::types;
use crate::runtime::{control, errors, state};
use std::cell::RefCell;
use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::{BUILTINS, MAIN};
use workbench_framework::language::{Builtin, Language, Mode};
use workbench_framework::multimethod::Fail;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{CoreOps, Hooks, Registry, Vm};
use workbench_framework::space::{OpError, Space, Spelling};
use workbench_framework::span::FileId;

/// The prelude: control constructs, all-solutions predicates and the list library, in Prolog.
pub const PRELUDE: &str = include_str!("prelude.pl");

/// Prolog (ISO core, SWI-Prolog flavoured output).
#[derive(Clone, Copy, Debug, Default)]
pub struct Prolog;

/// What the compiler keeps between units of one run: the operator table
/// (`op/3` in one file or query affects the next) and the predicates declared dynamic.
#[derive(Default)]
struct CompileState {
    ops: Option<Ops>,
    dynamic: Vec<(String, usize)>,
}

thread_local! {
    static COMPILE: RefCell<CompileState> = RefCell::new(CompileState::default());
}

/// Compiles a unit with the run's compile-time state.
pub fn compile_unit(file: FileId, source: &str, globals: &mut Globals, unit: Unit) -> Result<Module, Vec<Diagnostic>> {
    COMPILE.with(|c| {
        let mut c = c.borrow_mut();
        let mut ops = c.ops.take().unwrap_or_else(Ops::standard);
        let result = compiler::compile(file, source, globals, unit, &mut ops, &mut c.dynamic);
        c.ops = Some(ops);
        result
    })
}

/// Keeps the compile-time operator table in step with `op/3` at run time.
pub fn sync_ops(ops: &Ops) {
    COMPILE.with(|c| c.borrow_mut().ops = Some(ops.clone()));
}

fn term_str(vm: &mut Vm, a: &[Value]) -> Result<Value, Fail> {
    let s = crate::runtime::write::format_term(vm, a[0], crate::runtime::write::WriteOpts::print());
    vm.space.str_value(&s).map_err(Fail::Error)
}

fn runs_main(vm: &mut Vm, module: Module, ns: workbench_framework::interp::NsId) -> Result<(), Diagnostic> {
    let to_diag = |e: OpError| Diagnostic::new(e.kind.name(), e.message.clone(), None);
    if let Some(main) = vm.load_into(module, ns)? {
        let f = vm.space.make_closure(main, "<prelude>", Vec::new()).map_err(to_diag)?;
        vm.call_value(f, &[]).map_err(to_diag)?;
    }
    Ok(())
}

/// `consult/1`: compiles a file and runs its directives.
pub fn consult(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let f = errors::bound(vm, "consult/1", a[0])?;
    let Some(name) = crate::builtins::atoms::text_of(vm, f) else {
        return Err(errors::type_error(vm, "consult/1", "atom", f));
    };
    let base = vm
        .program_path
        .as_ref()
        .and_then(|p| p.parent().map(|d| d.to_path_buf()));
    let mut candidates = vec![
        std::path::PathBuf::from(&name),
        std::path::PathBuf::from(format!("{name}.pl")),
    ];
    if let Some(b) = base {
        candidates.push(b.join(&name));
        candidates.push(b.join(format!("{name}.pl")));
    }
    let Some((path, source)) = candidates
        .into_iter()
        .find_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
    else {
        let culprit = f;
        return Err(errors::existence_error(vm, "consult/1", "source_sink", culprit));
    };
    let file = vm.sources.add(path.display().to_string(), source.clone());
    let module = match compile_unit(file, &source, vm.names_mut(MAIN), Unit::File) {
        Ok(m) => m,
        Err(d) => {
            let msg = d.first().map(|d| d.message.clone()).unwrap_or_default();
            return Err(errors::syntax_error(vm, "consult/1", &msg.replace(' ', "_")));
        }
    };
    match vm.load_into(module, MAIN) {
        Ok(Some(main)) => {
            let f = vm.space.make_closure(main, "<consult>", Vec::new())?;
            vm.call_value(f, &[])?;
        }
        Ok(None) => {}
        Err(d) => return Err(OpError::new(workbench_framework::space::ErrorKind::Value, d.message)),
    }
    Ok(Value::TRUE)
}

impl Language for Prolog {
    fn name(&self) -> &'static str {
        "prolog"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["pl", "pro"]
    }

    fn description(&self) -> &'static str {
        "Prolog: ISO core on continuation-passing bytecode; cut, catch/throw, bigints, SWI-style output"
    }

    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "true",
            false_: "false",
            none: "[]",
        }
    }

    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        let unit = match mode {
            Mode::Program => Unit::File,
            Mode::Repl => Unit::Query,
        };
        compile_unit(file, source, globals, unit)
    }

    fn input_complete(&self, source: &str) -> bool {
        match crate::lexer::lex(FileId(0), source) {
            Ok(tokens) => tokens.last().is_none_or(|t| t.tok == crate::lexer::Tok::End),
            Err(_) => true,
        }
    }

    fn register(&self, reg: &mut Registry) {
        for (i, name) in types::NAMES.iter().enumerate() {
            let t = reg.add_type(name, Some(TypeId::OBJECT));
            assert_eq!(t.0, TypeId::CORE_COUNT + i as u16, "prolog types follow the core ones");
        }
        reg.rename_type(TypeId::STR, "atom");
        reg.rename_type(TypeId::TUPLE, "compound");
        let ops = CoreOps::of(reg);
        reg.register(ops.str, &[types::VAR], "str(var)", term_str);
        reg.register(ops.repr, &[types::VAR], "repr(var)", term_str);
    }

    fn supports_space(&self, space: &str) -> bool {
        space == "standard"
    }

    fn start_standard(&self, vm: &mut Vm) -> Result<(), Diagnostic> {
        let to_diag = |e: OpError| Diagnostic::new(e.kind.name(), e.message.clone(), None);
        vm.space.hooks = Hooks {
            error_value: Some(errors::error_value),
            describe_exception: Some(control::describe),
            exit_status: Some(control::exit_status),
            ..Hooks::default()
        };
        state::install(vm).map_err(to_diag)?;
        crate::builtins::install(vm).map_err(to_diag)?;
        let file = vm.sources.add("<prelude>", PRELUDE);
        let module = compile_unit(file, PRELUDE, vm.names_mut(BUILTINS), Unit::Prelude).map_err(|mut d| d.remove(0))?;
        runs_main(vm, module, BUILTINS)?;
        state::start_trail(&mut vm.space);
        Ok(())
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        // Every Prolog builtin needs the standard space; see `start_standard`.
        Vec::new()
    }
}
