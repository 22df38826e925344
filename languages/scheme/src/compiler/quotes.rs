//! Quoted data built once, before the program runs.
//!
//! The framework's constants are numbers, strings and booleans. A quoted
//! symbol, character, list or vector is built by the hidden `<quotes>`
//! function, which the module's main code calls first, and kept in a hidden
//! global (`%q12`) that the use site loads.

use super::{Compiler, FnState, R};
use crate::reader::{Datum, Num, Syn};
use std::collections::HashMap;
use workbench_framework::bytecode::builder::CodeBuilder;
use workbench_framework::bytecode::{Const, Instr, Reg};
use workbench_framework::span::Span;

/// Lists longer than this are built in chunks (a call takes at most 255 arguments).
const CHUNK: usize = 200;

impl Compiler<'_> {
    /// Emits the `<quotes>` function at `index`.
    pub(super) fn build_quotes(&mut self, index: usize, span: Span) -> R<()> {
        self.fns.push(FnState {
            b: CodeBuilder::new("<quotes>", 0, span),
            id: u32::MAX,
            code_index: index,
            locs: HashMap::new(),
            loops: Vec::new(),
        });
        let hoisted = std::mem::take(&mut self.hoisted);
        let r = self.reg(span)?;
        for (g, syn) in &hoisted {
            self.datum(syn, r)?;
            self.emit(Instr::StoreGlobal { g: *g, src: r }, syn.span);
        }
        self.unspecified(r, span);
        self.emit(Instr::Return { src: r }, span);
        let state = self.fns.pop().expect("quotes function");
        self.codes[index] = Some(state.b.finish());
        Ok(())
    }

    /// Calls the builtin `name` on `args`, each built into consecutive registers.
    fn build_call(&mut self, name: &str, dst: Reg, span: Span, args: Vec<Part<'_>>) -> R<()> {
        let mark = self.mark();
        let f = self.reg(span)?;
        let g = self.global(name);
        self.emit(Instr::LoadGlobal { dst: f, g }, span);
        let regs: Vec<Reg> = (0..args.len()).map(|_| self.reg(span)).collect::<R<_>>()?;
        for (part, r) in args.into_iter().zip(&regs) {
            match part {
                Part::Const(c) => self.load_const(c, *r, span)?,
                Part::Datum(d) => self.datum(d, *r)?,
                Part::List(items, tail) => self.list_datum(items, tail, *r, span)?,
            }
        }
        let first = regs.first().copied().unwrap_or(Reg(f.0 + 1));
        self.emit(
            Instr::Call {
                dst,
                f,
                args: first,
                argc: regs.len() as u8,
            },
            span,
        );
        self.reset(mark);
        Ok(())
    }

    fn datum(&mut self, syn: &Syn, dst: Reg) -> R<()> {
        let span = syn.span;
        let text = |s: &str| Const::Str(s.to_string().into_boxed_str());
        match &syn.datum {
            Datum::Num(Num::Rational(n, d)) => {
                self.build_call("%rational", dst, span, vec![Part::Const(text(n)), Part::Const(text(d))])
            }
            Datum::Sym(id) => self.build_call("string->symbol", dst, span, vec![Part::Const(text(&id.name))]),
            Datum::Char(ch) => self.build_call("integer->char", dst, span, vec![Part::Const(Const::Int(*ch as i64))]),
            Datum::List(items, tail) if !items.is_empty() => self.list_datum(items, tail.as_deref(), dst, span),
            Datum::Vector(items) => self.build_call("list->vector", dst, span, vec![Part::List(items, None)]),
            Datum::Bytes(bytes) => {
                let items: Vec<Syn> = bytes
                    .iter()
                    .map(|b| Syn::new(Datum::Num(Num::Int(*b as i64)), span))
                    .collect();
                self.build_call("%list->bytevector", dst, span, vec![Part::List(&items, None)])
            }
            _ => self.quote(syn, dst),
        }
    }

    /// `(%list* item ... tail)`, in chunks for long lists.
    fn list_datum(&mut self, items: &[Syn], tail: Option<&Syn>, dst: Reg, span: Span) -> R<()> {
        if items.is_empty() {
            return match tail {
                Some(t) => self.datum(t, dst),
                None => self.load_const(Const::None, dst, span),
            };
        }
        let (head, rest) = items.split_at(items.len().min(CHUNK));
        let mut parts: Vec<Part<'_>> = head.iter().map(Part::Datum).collect();
        parts.push(Part::List(rest, tail));
        self.build_call("%list*", dst, span, parts)
    }
}

/// One argument of a building call.
enum Part<'s> {
    /// A constant.
    Const(Const),
    /// A quoted datum.
    Datum(&'s Syn),
    /// A list of data with an optional improper tail.
    List(&'s [Syn], Option<&'s Syn>),
}
