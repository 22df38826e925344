//! # bf: Brainfuck on Workbench. Start reading here.
//!
//! bf is the smallest language that is still a real one: a tape of byte
//! cells, a pointer into it, and eight one-character commands. Everything
//! else in a source file is a comment.
//!
//! ```text
//! +  add one to the cell          -  subtract one from the cell
//! >  move the pointer right       <  move the pointer left
//! .  write the cell as a byte     ,  read a byte into the cell
//! [  if the cell is 0, jump past the matching ]
//! ]  jump back to the matching [
//! ```
//!
//! It is here because it shows the framework from an unusual angle. bf has
//! no variables, no functions and no values besides small integers, yet it
//! compiles to the same bytecode as calc and runs on the same main loop:
//! the tape is a framework *object* (a list), each cell access is a
//! `GetItem`/`SetItem` the object space answers, and each loop is a pair of
//! branches. The JIT that is coming will see bf loops as ordinary loops.
//!
//! ## The path of a program
//!
//! 1. **Tokens** ([`lexer`]): a [`logos`] enum with eight tokens; all other
//!    text is skipped as comment.
//! 2. **Operations** ([`parser`]): bf's only structure is bracket nesting, so
//!    there is no grammar file. A hand-written matcher (a stack of open `[`)
//!    pairs the brackets in one pass — simpler than lalrpop for this, and it
//!    never recurses. On the way it folds runs (`+++--` is one add of 1,
//!    `>>><` one move of 2) and turns `[-]` into one "clear" operation.
//!    Unbalanced brackets are syntax errors pointing at the bracket.
//! 3. **Bytecode** ([`compiler`]): one code object, a fixed register layout,
//!    and a short instruction sequence per operation (the table is at the top
//!    of the module). Loops are `JumpIfFalse` forward at `[` and `JumpBack`
//!    at `]`; the `JumpBack` is the loop header for the GC and the JIT.
//! 4. **Builtins** ([`builtins`]): `putchar` for `.`, `getchar` for `,` and
//!    `tape_error` for a pointer that leaves the tape, written once over the
//!    `Space` trait.
//!
//! ## The semantics, exactly
//!
//! | question | answer |
//! |---|---|
//! | cell size | 0..=255; `+` and `-` wrap around (`(x + n) % 256`) |
//! | tape | [`compiler::TAPE_CELLS`] (30,000) cells, all 0 at the start; the pointer starts at cell 0 |
//! | moving off either end | a runtime `IndexError` pointing at the move; checked after each folded run, so `<>` at cell 0 is fine |
//! | `,` at end of input | the cell is left unchanged |
//! | `.` of a cell above 127 | the character with that code, UTF-8 encoded (output is text) |
//! | unbalanced `[` or `]` | a `SyntaxError` at the bracket, before anything runs |
//! | extensions | `.b` and `.bf` |
//! | object spaces | standard and tiny: the trivial space has no lists, so [`Bf`] says it does not support it |
//! | the REPL | each input runs on the same tape, from where the last input left the pointer |
#![warn(missing_docs)]

pub mod builtins;
pub mod compiler;
pub mod lexer;
pub mod parser;

use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::language::{Builtin, Language, Mode};
use workbench_framework::space::{Space, Spelling};
use workbench_framework::span::{FileId, Span};

/// The bf language.
///
/// ```
/// use workbench_bf::Bf;
/// use workbench_framework::interp::{Interp, Limits};
/// use workbench_framework::language::{Language, Mode};
/// use workbench_framework::space::standard::{StandardConfig, StandardSpace};
/// use workbench_framework::space::Space;
/// use workbench_framework::span::FileId;
///
/// let space = StandardSpace::new(StandardConfig::default(), Bf.spelling(), |_| {});
/// let mut interp = Interp::new(space, Limits::default(), Box::new(std::io::stdout()));
/// StandardSpace::start(&mut interp, &Bf).expect("builtins install");
/// let source = "++++++++[>++++++++<-]>+."; // 8 * 8 + 1 = 65
/// let module = Bf.compile(FileId(0), source, interp.globals_mut(), Mode::Program).expect("compiles");
/// interp.run_module(module).expect("runs"); // prints A
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Bf;

impl Language for Bf {
    fn name(&self) -> &'static str {
        "bf"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["b", "bf"]
    }

    fn description(&self) -> &'static str {
        "Brainfuck: a tape of bytes, eight commands, loops as branches"
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
        let ops = parser::parse(file, source)?;
        compiler::compile(&ops, Span::new(file, 0, source.len()), globals, mode)
    }

    fn input_complete(&self, source: &str) -> bool {
        lexer::input_complete(source)
    }

    /// The tape is a list, and the trivial space has none.
    fn supports_space(&self, space: &str) -> bool {
        space != "trivial"
    }

    fn builtins<S: Space>(&self) -> Vec<Builtin<S>> {
        builtins::builtins()
    }
}
