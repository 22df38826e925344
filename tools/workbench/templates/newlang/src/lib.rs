//! # {{name}}: a language on Workbench. Start reading here.
//!
//! {{name}} was made by `workbench new-lang`. It is small on purpose: integers,
//! `+ - * /`, comparisons, variables, `print` and `while`, with programs in
//! `.{{ext}}` files.
//!
//! ```text
//! # the squares of 1 to 5
//! let n = 1;
//! while n <= 5 {
//!     print n * n;
//!     n = n + 1;
//! }
//! ```
//!
//! This crate is only a *front end*: it turns source text into framework
//! bytecode. The main loop that runs the bytecode, the object spaces that
//! give values their meaning, the REPL, the disassembler and the error
//! reports all come from Workbench.
//!
//! ## The path of a program, one module per step
//!
//! 1. [`lexer`]: text to tokens (a [`logos`] enum).
//! 2. `grammar.lalrpop` and [`parser`]: tokens to the [`ast`] (an LR(1)
//!    parser that lalrpop generates at build time), errors to diagnostics.
//! 3. [`compiler`]: the AST to framework bytecode.
//! 4. [`builtins`]: `print`, written over the `Space` trait.
//!
//! [`{{Name}}`] ties them together as a [`Language`]; `src/main.rs` adds it to
//! the `workbench` command line.
//!
//! ## Where to change what
//!
//! | to add ... | change |
//! |---|---|
//! | an operator (`%`, say) | a token in [`lexer`], its name in the `extern` block of `grammar.lalrpop`, one line in the operator rule of its precedence level (`ProductOp`); the compiler and the object space already handle every framework `BinOp` |
//! | a keyword or statement | a token in [`lexer`], a rule in `Stmt`, a variant in [`ast::StmtKind`], a case in [`compiler`] |
//! | a builtin function | a function in [`builtins`], and a call to it from [`compiler`] |
//! | a test | a program `tests/programs/NAME.{{ext}}` and its expected output `NAME.out` (and `NAME.err` if it must fail) |
//! | an example | a file in `examples/`; run it with `cargo run -- run examples/FILE` |
//!
//! ## Running it
//!
//! ```text
//! cargo run -- run examples/hello.{{ext}}    # run a program
//! cargo run -- run --space trivial examples/hello.{{ext}}
//! cargo run -- dis examples/hello.{{ext}}    # the bytecode it compiles to
//! cargo run -- repl {{name}}                 # interactive
//! cargo test                              # the corpus in tests/programs/
//! ```
#![warn(missing_docs)]

pub mod ast;
pub mod builtins;
pub mod compiler;
pub mod lexer;
pub mod parser;

use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::{Builtin, Language, Mode};
use workbench_framework::space::{Space, Spelling};
use workbench_framework::span::{FileId, Span};

/// The {{name}} language.
#[derive(Clone, Copy, Debug, Default)]
pub struct {{Name}};

impl Language for {{Name}} {
    fn name(&self) -> &'static str {
        "{{name}}"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["{{ext}}"]
    }

    fn description(&self) -> &'static str {
        "made with workbench new-lang: integers, let, print, while"
    }

    fn spelling(&self) -> Spelling {
        Spelling {
            true_: "true",
            false_: "false",
            none: "none",
        }
    }

    fn compile(
        &self,
        file: FileId,
        source: &str,
        globals: &mut Globals,
        mode: Mode,
    ) -> Result<Module, Vec<Diagnostic>> {
        let program = parser::parse(file, source)?;
        compiler::compile(&program, Span::new(file, 0, source.len()), globals, mode)
    }

    fn input_complete(&self, source: &str) -> bool {
        lexer::input_complete(source)
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        builtins::builtins()
    }
}
