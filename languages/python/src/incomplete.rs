//! For the REPL: has the user finished typing a statement?
//!
//! A REPL reads lines until the input forms something worth compiling. The
//! rules are CPython's interactive ones, decided from the tokens alone:
//!
//! - inside an open bracket or a triple-quoted string, or after a final
//!   backslash, the input is unfinished;
//! - once a compound statement (`if`, `def`, `@decorator`, ...) has begun,
//!   the input is finished only by an empty line, because any next line
//!   could still continue its block (`else:`, another indented statement);
//! - anything else is finished, including input with errors: the compiler
//!   reports those.

use crate::lexer::{tokenize_for_repl, Token};

/// False if `source` is an unfinished statement and the REPL should read
/// another line; true if it should be compiled now (possibly to report an
/// error).
///
/// ```
/// use workbench_python::input_complete;
///
/// assert!(input_complete("x = 1"));
/// assert!(!input_complete("if x:"));
/// assert!(!input_complete("if x:\n    print(x)"));
/// assert!(input_complete("if x:\n    print(x)\n"));
/// assert!(!input_complete("print((1,"));
/// ```
pub fn input_complete(source: &str) -> bool {
    let (tokens, open_blocks) = match tokenize_for_repl(source) {
        Ok(result) => result,
        Err(failure) => return !failure.incomplete,
    };
    let layout = |t: &Token<'_>| matches!(t, Token::Newline | Token::Indent | Token::Dedent);
    let last = tokens.iter().rev().find(|t| !layout(&t.1));
    // `x = 1 + \` followed by a line break: the lexer joined it with nothing.
    let tail = source.get(last.map_or(0, |t| t.2)..).unwrap_or("");
    if tail.trim_start_matches([' ', '\t', '\x0c']).starts_with('\\') {
        return false;
    }
    let mut compound = open_blocks > 0 || last.is_some_and(|t| t.1 == Token::Colon);
    for (i, (_, token, _)) in tokens.iter().enumerate() {
        let line_start = i == 0 || layout(&tokens[i - 1].1);
        if line_start && opens_block(token) {
            compound = true;
        }
    }
    let ends_with_blank_line = source.contains('\n') && source.rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
    !compound || ends_with_blank_line
}

/// Tokens that start the header of a compound statement (or a decorator).
fn opens_block(token: &Token<'_>) -> bool {
    matches!(
        token,
        Token::If
            | Token::Elif
            | Token::Else
            | Token::While
            | Token::For
            | Token::Try
            | Token::Except
            | Token::Finally
            | Token::With
            | Token::Def
            | Token::Class
            | Token::At
            | Token::Async
    )
}
