//! # Python on Workbench. Start reading here.
//!
//! This crate is Python 3 as a workbench language: a front end that turns
//! source text into an abstract syntax tree with a source span on every node
//! and compiles it to framework bytecode, plus Python's registrations in the
//! standard object space (its object model, builtins and prelude). It covers
//! the Python 3.11 statements and expressions that ordinary programs use;
//! what it leaves out is refused with a clear `SyntaxError` rather than
//! misparsed.
//!
//! ```text
//! @cache
//! def fib(n: int) -> int:
//!     return n if n < 2 else fib(n - 1) + fib(n - 2)
//!
//! if __name__ == "__main__":
//!     print(f"{fib(30)=}", *[x ** 2 for x in range(5) if x % 2], sep=", ")
//! ```
//!
//! ## The path of a program, one module per step
//!
//! 1. **Tokens** ([`lexer`]): a [`logos`] token enum ([`lexer::Token`]) for
//!    keywords, names, numbers and operators; hand-written scanning for
//!    strings and f-strings (`lexer/strings.rs`).
//! 2. **Layout** (`lexer/layout.rs`, run by [`lexer::tokenize`]): Python's
//!    indentation becomes `NEWLINE`, `INDENT` and `DEDENT` tokens, following
//!    CPython's tokenizer (tabs to multiples of 8, no indentation inside
//!    brackets, backslash continuation). Brackets nested deeper than
//!    [`lexer::MAX_NESTING`] and blocks deeper than [`lexer::MAX_INDENT`]
//!    are refused here, so no later pass can overflow the stack.
//! 3. **Syntax tree** ([`parser`], `src/grammar.lalrpop`, [`ast`]): an LR(1)
//!    grammar for lalrpop. Its actions (`parser/actions.rs`) check what an
//!    LR(1) grammar cannot: valid assignment targets, parameter and argument
//!    order. Errors are rewritten into CPython 3.11's wording
//!    (`parser/errors.rs`). Every node has a height; trees higher than
//!    [`ast::MAX_HEIGHT`] are refused.
//! 4. **Inspection** ([`ast::dump`]): a compact S-expression rendering used
//!    by `--dump ast` and by the snapshot tests.
//! 5. **REPL support** ([`input_complete`]): whether the lines typed so far
//!    form a finished statement.
//!
//! 6. **Scopes and bytecode** ([`compiler`]): `compiler/scope.rs` decides
//!    where every name lives (local, cell, free, class attribute, global);
//!    `compiler/expr.rs` and `compiler/stmt.rs` emit framework bytecode.
//! 7. **The object model** ([`runtime`]): classes, instances, attribute
//!    lookup with descriptors, the dunder protocol as multimethods,
//!    exceptions, imports — registered in the standard space.
//! 8. **Builtins** ([`builtins`] and `src/prelude.py`): native functions,
//!    methods of the built-in types, formatting, small standard modules; the
//!    prelude (Python source) defines the exception hierarchy and friends.
//! 9. **Plugging in** ([`Python`], `src/language.rs`): the `Language`
//!    implementation the CLI uses.
//!
//! ## The language, concept by concept
//!
//! | concept | syntax | where it is handled |
//! |---|---|---|
//! | blocks | indentation, `:` headers, `;` between simple statements | `lexer/layout.rs`, grammar `Block` |
//! | literals | `42`, `0xff`, `1_000`, `1.5e3`, `"s"`, `'''s'''`, `r"\d"`, `None`, `True`, `...` | [`lexer::Token`], [`ast::ExprKind`] |
//! | f-strings | `f"{x!r:>{w}}"`, `f"{x=}"`, nested quotes | `lexer/strings.rs` splits, `parser/fstring.rs` parses fields |
//! | operators | `or and not`, chained comparisons, `\| ^ & << >> + - * / // % @ **`, unary `+ - ~` | grammar levels `Disjunction` … `Power` |
//! | displays | tuples, lists, dicts (`**d`), sets, starred items | grammar `Atom`, `StarExprs` |
//! | comprehensions | `[x for x in y if c]`, set, dict, generator | [`ast::Comprehension`] |
//! | calls | positional, `k=v`, `*args`, `**kw`, `f(x for x in y)` | `actions::call` |
//! | subscripts | `a[i]`, `a[1:2]`, `a[::2]`, `a[1:2, 3]` | [`ast::ExprKind::Slice`] |
//! | assignment | `a = b = c`, `a, *b = c`, `x += 1`, `x: int = 1`, `(y := f())` | `actions::assign`, [`ast::StmtKind`] |
//! | control flow | `if/elif/else`, `while/else`, `for/else`, `break`, `continue`, `pass` | [`ast::StmtKind`] |
//! | exceptions | `try/except E as e/else/finally`, `raise X from Y`, `assert` | `actions::try_stmt` |
//! | context managers | `with a as b, c as d:` | [`ast::WithItem`] |
//! | functions | `def` with defaults, `/`, `*args`, keyword-only, `**kw`, annotations, `lambda`, decorators | [`ast::FunctionDef`], [`ast::Parameters`] |
//! | generators | `yield`, `yield from` | [`ast::ExprKind::Yield`] |
//! | classes | `class C(Base, metaclass=M):`, decorators | [`ast::ClassDef`] |
//! | scopes | `global`, `nonlocal` | [`ast::StmtKind::Global`] |
//! | modules | `import a.b as c`, `from ..m import x as y`, `from m import *` | [`ast::StmtKind::ImportFrom`] |
//!
//! ## Refused on purpose
//!
//! - complex numbers (`1j`): "complex numbers are not supported";
//! - bytes literals (`b"..."`): "bytes literals are not supported";
//! - `\N{name}` escapes: "(unicode error) \N{...} escapes are not supported";
//! - `async`/`await`: "'await' is not supported";
//! - the `match` statement: "invalid syntax", with a note saying so;
//! - `except*` and `*args: *Ts` annotations: "invalid syntax".
//!
//! Identifiers are not NFKC-normalized (CPython normalizes them), and
//! checks that CPython makes in its symbol table or compiler rather than in
//! its parser (`return` outside a function, `nonlocal` at module level,
//! `break` outside a loop) are left to the compiler.
#![warn(missing_docs)]

pub mod ast;
pub mod builtins;
pub mod compiler;
mod incomplete;
mod language;
pub mod lexer;
pub mod parser;
pub mod runtime;
pub mod tiny;

pub use incomplete::input_complete;
pub use language::{compile_source, Python, PRELUDE};
