//! The reader: Prolog text to terms, by operator precedence.
//!
//! Prolog has no fixed grammar: which names are operators, and how tightly
//! they bind, changes while a file is read (`op/3`). So the reader is the
//! classic operator-precedence parser rather than an lalrpop grammar: parse a
//! primary term (a number, a variable, an atom, a compound in canonical form,
//! a list, a curly term, a parenthesised term, or a prefix operator applied to
//! an argument), then extend it with infix and postfix operators as long as
//! their priorities fit under the current maximum.
//!
//! The result is a [`Term`] tree with variables numbered per clause; the
//! compiler turns clauses into bytecode, and `read/1` turns the same tree
//! into heap terms at run time.

use crate::lexer::{lex, Tok, Token};
use crate::ops::{OpDef, Ops};
use num_bigint::BigInt;
use workbench_framework::span::{FileId, Span};

/// A term as read, before it lives on the heap.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    /// Variable number `n` of its clause (see [`Clause::var_names`]).
    Var(usize),
    /// An atom.
    Atom(String),
    /// A small integer.
    Int(i64),
    /// An integer beyond `i64`.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// `name(args...)`.
    Compound(String, Vec<Term>),
}

impl Term {
    /// An atom term.
    pub fn atom(s: &str) -> Term {
        Term::Atom(s.to_string())
    }

    /// `name(args)`.
    pub fn compound(name: &str, args: Vec<Term>) -> Term {
        Term::Compound(name.to_string(), args)
    }

    /// The list of `items` ending in `tail`.
    pub fn list(items: Vec<Term>, tail: Term) -> Term {
        items
            .into_iter()
            .rev()
            .fold(tail, |t, x| Term::compound(".", vec![x, t]))
    }

    /// Name and arity of a callable term.
    pub fn functor(&self) -> Option<(&str, usize)> {
        match self {
            Term::Atom(a) => Some((a, 0)),
            Term::Compound(f, args) => Some((f, args.len())),
            _ => None,
        }
    }

    /// The arguments (empty for atomic terms).
    pub fn args(&self) -> &[Term] {
        match self {
            Term::Compound(_, args) => args,
            _ => &[],
        }
    }

    /// Calls `f` on every variable number, left to right, with repeats.
    pub fn for_each_var(&self, f: &mut impl FnMut(usize)) {
        match self {
            Term::Var(v) => f(*v),
            Term::Compound(_, args) => args.iter().for_each(|a| a.for_each_var(f)),
            _ => {}
        }
    }
}

/// One clause or directive as read.
#[derive(Clone, Debug)]
pub struct Clause {
    /// The term.
    pub term: Term,
    /// Names of the variables by number (`_` gets `"_"`; each is a distinct variable).
    pub var_names: Vec<String>,
    /// Named variables that occur once (SWI warns about them).
    pub singletons: Vec<String>,
    /// The whole clause.
    pub span: Span,
}

/// A syntax error.
#[derive(Clone, Debug)]
pub struct SyntaxError {
    /// Where.
    pub span: Span,
    /// What (SWI-style wording).
    pub message: String,
}

/// Reads clauses from a token list; the caller owns the operator table so
/// that `op/3` directives can change it between clauses.
pub struct Reader {
    tokens: Vec<Token>,
    pos: usize,
    file: FileId,
    end: usize,
    vars: Vec<String>,
    counts: Vec<usize>,
    /// Inside an argument (1) or a list element (2): `,` (and `|` in a list)
    /// ends the term, and operators above 999 are still accepted, as SWI does.
    arg_mode: u8,
    /// Double-quoted strings read as code lists (true) or as atoms (false: `chars`/`atom` flags are not supported).
    pub dq_codes: bool,
}

type Parsed<T> = Result<T, SyntaxError>;

impl Reader {
    /// A reader over `source`; a lexical error is reported at once.
    pub fn new(file: FileId, source: &str) -> Result<Reader, SyntaxError> {
        let tokens = lex(file, source).map_err(|(span, message)| SyntaxError { span, message })?;
        Ok(Reader {
            tokens,
            pos: 0,
            file,
            end: source.len(),
            vars: Vec::new(),
            counts: Vec::new(),
            arg_mode: 0,
            dq_codes: true,
        })
    }

    /// True when every token has been read.
    pub fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    /// Skips past the next clause end (recovery after a syntax error).
    pub fn skip_clause(&mut self) {
        while let Some(t) = self.tokens.get(self.pos) {
            self.pos += 1;
            if t.tok == Tok::End {
                break;
            }
        }
    }

    /// Reads the next clause, or `None` at the end of input.
    pub fn next_clause(&mut self, ops: &Ops) -> Option<Parsed<Clause>> {
        if self.at_end() {
            return None;
        }
        self.vars.clear();
        self.counts.clear();
        let start = self.tokens[self.pos].span;
        let result = (|| {
            let term = self.parse(ops, 1200)?.0;
            match self.peek() {
                Some(Tok::End) => {
                    self.pos += 1;
                    Ok(term)
                }
                Some(_) => Err(self.error_here("operator expected")),
                None => Err(self.error_here("operator expected (missing `.` at the end of the clause?)")),
            }
        })();
        Some(result.map(|term| {
            let last = self.tokens[self.pos - 1].span;
            let singletons = self
                .vars
                .iter()
                .zip(&self.counts)
                .filter(|(n, c)| **c == 1 && !n.starts_with('_'))
                .map(|(n, _)| n.clone())
                .collect();
            Clause {
                term,
                var_names: std::mem::take(&mut self.vars),
                singletons,
                span: start.to(last),
            }
        }))
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn peek_token(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn span_here(&self) -> Span {
        match self.tokens.get(self.pos) {
            Some(t) => t.span,
            None => Span::new(self.file, self.end, self.end),
        }
    }

    fn error_here(&self, message: &str) -> SyntaxError {
        SyntaxError {
            span: self.span_here(),
            message: message.to_string(),
        }
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Parsed<()> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error_here(&format!("expected `{what}`")))
        }
    }

    fn var(&mut self, name: &str) -> Term {
        if name != "_" {
            if let Some(i) = self.vars.iter().position(|v| v == name) {
                self.counts[i] += 1;
                return Term::Var(i);
            }
        }
        self.vars.push(name.to_string());
        self.counts.push(1);
        Term::Var(self.vars.len() - 1)
    }

    /// The name of an atom-like token that may be an operator.
    fn op_name(tok: &Tok) -> Option<&str> {
        match tok {
            Tok::Name(s) | Tok::Symbol(s) => Some(s),
            Tok::Comma => Some(","),
            Tok::Bar => Some("|"),
            Tok::Semi => Some(";"),
            _ => None,
        }
    }

    /// True if the token ends an argument (so a prefix operator before it is an atom).
    fn is_terminator(tok: Option<&Tok>) -> bool {
        matches!(
            tok,
            None | Some(Tok::End)
                | Some(Tok::Close)
                | Some(Tok::Comma)
                | Some(Tok::Bar)
                | Some(Tok::CloseList)
                | Some(Tok::CloseCurly)
        )
    }

    /// Parses a term of priority at most `max`; returns it with its priority.
    fn parse(&mut self, ops: &Ops, max: u16) -> Parsed<(Term, u16)> {
        let (mut left, mut left_pri) = self.primary(ops, max)?;
        while let Some(tok) = self.peek().cloned() {
            let Some(name) = Self::op_name(&tok) else { break };
            if self.arg_mode > 0 && (tok == Tok::Comma || (self.arg_mode == 2 && tok == Tok::Bar)) {
                break;
            }
            let name = if name == "|" { ";" } else { name }.to_string();
            if let Some(def) = ops
                .infix(if tok == Tok::Bar { "|" } else { &name })
                .or_else(|| ops.infix(&name))
            {
                let (lmax, rmax) = def.arg_max();
                if def.priority <= max && left_pri <= lmax {
                    self.pos += 1;
                    let right = self.parse(ops, rmax)?.0;
                    left = Term::Compound(name, vec![left, right]);
                    left_pri = def.priority;
                    continue;
                }
            }
            if let Some(def) = ops.postfix(&name) {
                let (lmax, _) = def.arg_max();
                if def.priority <= max && left_pri <= lmax {
                    self.pos += 1;
                    left = Term::Compound(name, vec![left]);
                    left_pri = def.priority;
                    continue;
                }
            }
            break;
        }
        Ok((left, left_pri))
    }

    /// Parses one argument or list element (mode 1 or 2, see `arg_mode`).
    fn arg(&mut self, ops: &Ops, mode: u8) -> Parsed<Term> {
        let saved = std::mem::replace(&mut self.arg_mode, mode);
        let r = self.parse(ops, 1200);
        self.arg_mode = saved;
        Ok(r?.0)
    }

    /// A parenthesised or curly subterm: commas are operators again.
    fn nested(&mut self, ops: &Ops) -> Parsed<Term> {
        let saved = std::mem::replace(&mut self.arg_mode, 0);
        let r = self.parse(ops, 1200);
        self.arg_mode = saved;
        Ok(r?.0)
    }

    fn arglist(&mut self, ops: &Ops) -> Parsed<Vec<Term>> {
        let mut args = vec![self.arg(ops, 1)?];
        while self.peek() == Some(&Tok::Comma) {
            self.pos += 1;
            args.push(self.arg(ops, 1)?);
        }
        self.expect(Tok::Close, ")")?;
        Ok(args)
    }

    fn number_after_minus(&mut self) -> Option<Term> {
        let next = self.tokens.get(self.pos)?;
        if next.layout_before {
            return None;
        }
        let t = match &next.tok {
            Tok::Int(digits) => int_term(&format!("-{digits}")),
            Tok::Float(f) => Term::Float(-f),
            _ => return None,
        };
        self.pos += 1;
        Some(t)
    }

    fn primary(&mut self, ops: &Ops, max: u16) -> Parsed<(Term, u16)> {
        let Some(token) = self.peek_token().cloned() else {
            return Err(self.error_here("unexpected end of file"));
        };
        self.pos += 1;
        let name = match token.tok {
            Tok::Int(digits) => return Ok((int_term(&digits), 0)),
            Tok::Float(f) => return Ok((Term::Float(f), 0)),
            Tok::Var(v) => return Ok((self.var(&v), 0)),
            Tok::Str(s) => return Ok((self.string(&s), 0)),
            Tok::BackQuoted(s) => return Ok((codes(&s), 0)),
            Tok::Open => {
                let t = self.nested(ops)?;
                self.expect(Tok::Close, ")")?;
                return Ok((t, 0));
            }
            Tok::OpenList => {
                if self.peek() == Some(&Tok::CloseList) {
                    self.pos += 1;
                    return self.after_name(ops, max, "[]".to_string(), false);
                }
                let mut items = vec![self.arg(ops, 2)?];
                while self.peek() == Some(&Tok::Comma) {
                    self.pos += 1;
                    items.push(self.arg(ops, 2)?);
                }
                let tail = if self.peek() == Some(&Tok::Bar) {
                    self.pos += 1;
                    self.arg(ops, 2)?
                } else {
                    Term::atom("[]")
                };
                self.expect(Tok::CloseList, "]")?;
                return Ok((Term::list(items, tail), 0));
            }
            Tok::OpenCurly => {
                if self.peek() == Some(&Tok::CloseCurly) {
                    self.pos += 1;
                    return self.after_name(ops, max, "{}".to_string(), false);
                }
                let t = self.nested(ops)?;
                self.expect(Tok::CloseCurly, "}")?;
                return Ok((Term::compound("{}", vec![t]), 0));
            }
            Tok::Name(s) | Tok::Symbol(s) => s,
            Tok::Quoted(s) => return self.after_name(ops, max, s, true),
            Tok::Cut => "!".to_string(),
            Tok::Semi => ";".to_string(),
            Tok::Bar => "|".to_string(),
            Tok::Comma => {
                self.pos -= 1;
                return Err(self.error_here("unexpected `,`"));
            }
            Tok::Close | Tok::CloseList | Tok::CloseCurly | Tok::End => {
                self.pos -= 1;
                return Err(self.error_here("illegal start of term"));
            }
        };
        if name == "-" {
            if let Some(n) = self.number_after_minus() {
                return Ok((n, 0));
            }
        }
        self.after_name(ops, max, name, false)
    }

    /// An atom just read: a compound in canonical form, a prefix operator, or a plain atom.
    fn after_name(&mut self, ops: &Ops, max: u16, name: String, quoted: bool) -> Parsed<(Term, u16)> {
        if let Some(next) = self.peek_token() {
            if next.tok == Tok::Open && !next.layout_before {
                self.pos += 1;
                let args = self.arglist(ops)?;
                return Ok((Term::Compound(name, args), 0));
            }
        }
        if !quoted {
            if let Some(def) = ops.prefix(&name) {
                return self.prefix_op(ops, max, name, def);
            }
        }
        let pri = if !quoted && ops.is_op(&name) {
            ops.infix(&name)
                .or(ops.postfix(&name))
                .map_or(0, |d| d.priority.min(max))
        } else {
            0
        };
        Ok((Term::Atom(name), pri.min(max)))
    }

    fn prefix_op(&mut self, ops: &Ops, max: u16, name: String, def: OpDef) -> Parsed<(Term, u16)> {
        let next = self.peek();
        // Followed by an infix operator or a terminator, it is an atom: `- = X`, `f(-)`.
        let next_is_infix = match next.and_then(Self::op_name) {
            Some(n) => (ops.infix(n).is_some() || ops.postfix(n).is_some()) && ops.prefix(n).is_none(),
            None => false,
        };
        if Self::is_terminator(next) || next_is_infix {
            return Ok((Term::Atom(name), if def.priority > max { 0 } else { def.priority }));
        }
        let (mut pri, mut argmax) = (def.priority, def.arg_max().1);
        if pri > max {
            pri = 999;
            argmax = 999;
        }
        let arg = self.parse(ops, argmax)?.0;
        Ok((Term::Compound(name, vec![arg]), pri))
    }

    fn string(&mut self, s: &str) -> Term {
        if self.dq_codes {
            codes(s)
        } else {
            Term::Atom(s.to_string())
        }
    }
}

/// The code list of a string.
pub fn codes(s: &str) -> Term {
    Term::list(s.chars().map(|c| Term::Int(c as i64)).collect(), Term::atom("[]"))
}

/// An integer term from decimal text (small or big).
pub fn int_term(digits: &str) -> Term {
    match digits.parse::<i64>() {
        Ok(i) => Term::Int(i),
        Err(_) => match digits.parse::<BigInt>() {
            Ok(b) => Term::BigInt(b),
            Err(_) => Term::Int(0),
        },
    }
}

/// Reads every clause of a source text with a fixed operator table (for tests and `read_term`).
pub fn read_all(file: FileId, source: &str, ops: &Ops) -> Result<Vec<Clause>, SyntaxError> {
    let mut reader = Reader::new(file, source)?;
    let mut out = Vec::new();
    while let Some(c) = reader.next_clause(ops) {
        out.push(c?);
    }
    Ok(out)
}
