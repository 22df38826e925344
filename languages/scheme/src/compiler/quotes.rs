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

    /// Calls the builtin `name` on the values `build` puts in consecutive registers.
    fn build_call(&mut self, name: &str, dst: Reg, span: Span, parts: &[&dyn Fn(&mut Self, Reg) -> R<()>]) -> R<()> {
        let mark = self.mark();
        let f = self.reg(span)?;
        let g = self.global(name);
        self.emit(Instr::LoadGlobal { dst: f, g }, span);
        let regs: Vec<Reg> = (0..parts.len()).map(|_| self.reg(span)).collect::<R<_>>()?;
        for (part, r) in parts.iter().zip(&regs) {
            part(self, *r)?;
        }
        let args = regs.first().copied().unwrap_or(Reg(f.0 + 1));
        self.emit(Instr::Call { dst, f, args, argc: parts.len() as u8 }, span);
        self.reset(mark);
        Ok(())
    }

    fn datum(&mut self, syn: &Syn, dst: Reg) -> R<()> {
        let span = syn.span;
        match &syn.datum {
            Datum::Num(Num::Rational(n, d)) => {
                let (n, d) = (n.clone(), d.clone());
                self.build_call(
                    "%rational",
                    dst,
                    span,
                    &[
                        &|c: &mut Self, r| c.load_const(Const::Str(n.clone().into_boxed_str()), r, span),
                        &|c: &mut Self, r| c.load_const(Const::Str(d.clone().into_boxed_str()), r, span),
                    ],
                )
            }
            Datum::Sym(id) => {
                let name = id.name.to_string();
                self.build_call(
                    "string->symbol",
                    dst,
                    span,
                    &[&|c: &mut Self, r| c.load_const(Const::Str(name.clone().into_boxed_str()), r, span)],
                )
            }
            Datum::Char(ch) => {
                let code = *ch as i64;
                self.build_call("integer->char", dst, span, &[&|c: &mut Self, r| c.load_const(Const::Int(code), r, span)])
            }
            Datum::List(items, tail) if !items.is_empty() => self.list_datum(items, tail.as_deref(), dst, span),
            Datum::Vector(items) => {
                let list = Syn::list(items.clone(), span);
                self.build_call("list->vector", dst, span, &[&|c: &mut Self, r| c.datum(&list, r)])
            }
            Datum::Bytes(bytes) => {
                let items: Vec<Syn> = bytes.iter().map(|b| Syn::new(Datum::Num(Num::Int(*b as i64)), span)).collect();
                let list = Syn::list(items, span);
                self.build_call("%list->bytevector", dst, span, &[&|c: &mut Self, r| c.datum(&list, r)])
            }
            _ => self.quote(syn, dst),
        }
    }

    /// `(%list* item ... tail)`, in chunks for long lists.
    fn list_datum(&mut self, items: &[Syn], tail: Option<&Syn>, dst: Reg, span: Span) -> R<()> {
        let (head, rest) = items.split_at(items.len().min(CHUNK));
        let mut parts: Vec<Box<dyn Fn(&mut Self, Reg) -> R<()>>> = Vec::new();
        for item in head {
            let item = item.clone();
            parts.push(Box::new(move |c: &mut Self, r| c.datum(&item, r)));
        }
        let rest = rest.to_vec();
        let tail = tail.cloned();
        parts.push(Box::new(move |c: &mut Self, r| {
            if rest.is_empty() {
                match &tail {
                    Some(t) => c.datum(t, r),
                    None => c.load_const(Const::None, r, span),
                }
            } else {
                c.list_datum(&rest, tail.as_ref(), r, span)
            }
        }));
        let refs: Vec<&dyn Fn(&mut Self, Reg) -> R<()>> = parts.iter().map(|b| b.as_ref()).collect();
        self.build_call("%list*", dst, span, &refs)
    }
}
