//! # calc: the first language on Workbench. Start reading here.
//!
//! calc is a small C-looking language with Python's numbers: integers that
//! grow without bound (in spaces that have big integers), floats printed the
//! way Python prints them, `/` as true division. It exists to show the
//! smallest complete front end: everything a language brings to the workbench
//! is in this crate, and everything else (the main loop, the object spaces,
//! the REPL, the tools) it gets for free.
//!
//! ```text
//! // a comment
//! let counter = fn() {
//!     let n = 0;
//!     return fn() { n = n + 1; return n; };
//! };
//! fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
//! let c = counter();
//! c();
//! print(c(), fib(20), 7 ~/ 2, 7 / 2, 2 ** 100);
//! ```
//!
//! ## The path of a program, one module per step
//!
//! 1. **Tokens** ([`lexer`]): a [`logos`] token enum. The lexer runs over the
//!    whole input first and also refuses brackets nested deeper than
//!    [`lexer::MAX_NESTING`], so no later pass can overflow the stack.
//! 2. **Syntax tree** ([`parser`], `src/grammar.lalrpop`, [`ast`]): an LR(1)
//!    grammar for lalrpop, fed by the logos tokens. Every node has a span and
//!    a height; trees higher than [`ast::MAX_HEIGHT`] are refused. Parse
//!    errors are rewritten into messages for people ("missing `;`").
//! 3. **Scopes** ([`resolve`]): which variables nested functions capture (they
//!    become heap cells), plus the static errors: assignment to an undeclared
//!    variable, `break` outside a loop, `return` outside a function.
//! 4. **Bytecode** ([`compiler`]): one framework
//!    [`Code`](workbench_framework::bytecode::Code) per function, emitted with
//!    the framework's `CodeBuilder`. Locals live in registers, closures
//!    capture cells, `return f(x);` is a proper tail call, `try`/`catch` is a
//!    handler-table entry.
//! 5. **Builtins** ([`builtins`]): `print` and `str`, written once over the
//!    `Space` trait so they work in every object space.
//!
//! [`Calc`] ties these together as a [`Language`].
//!
//! ## The language, concept by concept
//!
//! | concept | syntax | where it is handled |
//! |---|---|---|
//! | literals | `42`, `1.5`, `2e10`, `"a\n"`, `true`, `false`, `nil` | [`lexer::Token`], [`compiler`] (`Int` or `BigInt` constant) |
//! | arithmetic | `+ - * / ~/ % **`, unary `-` | grammar levels `Sum`, `Term`, `Unary`, `Power`; semantics from the space |
//! | comparison, logic | `== != < <= > >=`, `and or not` (short-circuit, Python values) | grammar `Comparison`, `And`, `Or`; jumps in [`compiler`] |
//! | variables | `let x = e;` declares, `x = e;` assigns | [`resolve`] (scopes), [`compiler`] (register, cell, free or global) |
//! | functions | `fn f(a, b) { ... }`, `fn(a) { ... }`, `f(x)(y)` | [`ast::Function`], `function` in [`compiler`] |
//! | closures | inner functions see and update outer locals | [`resolve`] finds captures; `NewCell`, `LoadFree`, `StoreFree` |
//! | control flow | `if / else if / else`, `while`, `break`, `continue`, `return` | `if_chain`, loops with `JumpBack` in [`compiler`] |
//! | tail calls | `return f(x);` outside a `try` body | `TailCall` in [`compiler`] |
//! | exceptions | `raise e;`, `try { } catch e { }` | `Raise`, handler table in [`compiler`] |
//! | output | `print(a, b)`, `str(x)` | [`builtins`] |
//!
//! Design choices worth knowing:
//! - Floor division is spelled `~/` (as in Dart), because `//` starts a comment.
//! - `let` and `fn` in the program's outermost statement list make globals
//!   (so top-level functions can call each other in any order); inside any
//!   block or function they make block-scoped locals. A `let` in a loop body
//!   makes a fresh variable per iteration, so closures created in the loop
//!   each keep their own.
//! - Assigning a variable that was never declared is a compile-time error;
//!   reading one is a run-time NameError (it may be a global defined later).
//! - `return` outside a function is a compile-time error.
//! - Comparisons do not chain: `a < b < c` is a syntax error.
//! - In the REPL, a trailing expression statement is echoed (its repr),
//!   unless its value is nil.
#![warn(missing_docs)]

pub mod ast;
pub mod builtins;
pub mod compiler;
pub mod lexer;
pub mod parser;
pub mod resolve;

use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::{Builtin, Language, Mode};
use workbench_framework::space::{Space, Spelling};
use workbench_framework::span::FileId;

/// The calc language.
///
/// Compiling and running a program by hand, as the `workbench` CLI does:
///
/// ```
/// use workbench_calc::Calc;
/// use workbench_framework::interp::{Interp, Limits};
/// use workbench_framework::language::{Language, Mode};
/// use workbench_framework::space::trivial::TrivialSpace;
/// use workbench_framework::span::FileId;
///
/// let space = TrivialSpace::new(Calc.spelling());
/// let mut interp = Interp::new(space, Limits::default(), Box::new(std::io::stdout()));
/// interp.install(Calc.builtins()).expect("builtins install");
/// let source = "fn square(x) { return x * x; } print(square(7));";
/// let module = Calc.compile(FileId(0), source, interp.globals_mut(), Mode::Program).expect("compiles");
/// interp.run_module(module).expect("runs"); // prints 49
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Calc;

impl Language for Calc {
    fn name(&self) -> &'static str {
        "calc"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["calc"]
    }

    fn description(&self) -> &'static str {
        "a small C-like language with Python's numbers, closures and tail calls"
    }

    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "true",
            false_: "false",
            none: "nil",
        }
    }

    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        let program = parser::parse(file, source, mode == Mode::Repl)?;
        compiler::compile(&program, globals, mode)
    }

    fn input_complete(&self, source: &str) -> bool {
        lexer::input_complete(source)
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        builtins::builtins()
    }

    fn builtin_signatures(&self) -> Vec<workbench_framework::language::BuiltinSignature> {
        use workbench_framework::language::BuiltinSignature::Function;
        use workbench_framework::multimethod::Returns::Class;
        use workbench_framework::object::TypeId;
        vec![
            Function("print", Class(TypeId::NONE)),
            Function("str", Class(TypeId::STR)),
        ]
    }
}
