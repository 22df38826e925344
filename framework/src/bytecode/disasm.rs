//! The disassembler: bytecode as text, for `workbench dis` and snapshot tests.
//!
//! One line per instruction: index, source line, the instruction in the
//! opcode table's notation, and a comment resolving constants and globals.

use super::{Code, CodeId, Const, Globals, Instr, Module};
use crate::span::SourceMap;
use std::fmt::Write;

/// Renders a constant the way listings show it.
pub fn const_text(c: &Const) -> String {
    match c {
        Const::None => "none".into(),
        Const::Bool(b) => b.to_string(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => format!("{f:?}"),
        Const::Str(s) => format!("{s:?}"),
    }
}

/// One instruction, without context.
pub fn instr_text(i: &Instr) -> String {
    match *i {
        Instr::LoadConst { dst, k } => format!("LoadConst {dst}, {k}"),
        Instr::Move { dst, src } => format!("Move {dst}, {src}"),
        Instr::LoadGlobal { dst, g } => format!("LoadGlobal {dst}, {g}"),
        Instr::StoreGlobal { g, src } => format!("StoreGlobal {g}, {src}"),
        Instr::NewCell { dst, src } => format!("NewCell {dst}, {src}"),
        Instr::CheckBound { reg, name } => format!("CheckBound {reg}, {name}"),
        Instr::Unbind { reg } => format!("Unbind {reg}"),
        Instr::LoadCell { dst, cell } => format!("LoadCell {dst}, {cell}"),
        Instr::StoreCell { cell, src } => format!("StoreCell {cell}, {src}"),
        Instr::LoadFree { dst, idx } => format!("LoadFree {dst}, F{idx}"),
        Instr::StoreFree { idx, src } => format!("StoreFree F{idx}, {src}"),
        Instr::MakeClosure { dst, code } => format!("MakeClosure {dst}, {code}"),
        Instr::Binary { op, dst, a, b } => format!("Binary {dst}, {a} {} {b}", op.symbol()),
        Instr::Unary { op, dst, a } => format!("Unary {dst}, {} {a}", op.symbol()),
        Instr::Jump { target } => format!("Jump {target}"),
        Instr::JumpBack { target } => format!("JumpBack {target}"),
        Instr::JumpIfFalse { cond, target } => format!("JumpIfFalse {cond}, {target}"),
        Instr::JumpIfTrue { cond, target } => format!("JumpIfTrue {cond}, {target}"),
        Instr::Call { dst, f, args, argc } => format!("Call {dst}, {f}({})", arg_range(args.0, argc)),
        Instr::TailCall { f, args, argc } => format!("TailCall {f}({})", arg_range(args.0, argc)),
        Instr::Return { src } => format!("Return {src}"),
        Instr::Raise { src } => format!("Raise {src}"),
        Instr::Build {
            kind,
            dst,
            first,
            count,
        } => {
            format!("Build {dst}, {}({})", kind.name(), arg_range(first.0, count))
        }
        Instr::GetItem { dst, obj, key } => format!("GetItem {dst}, {obj}[{key}]"),
        Instr::SetItem { obj, key, src } => format!("SetItem {obj}[{key}], {src}"),
        Instr::DelItem { obj, key } => format!("DelItem {obj}[{key}]"),
        Instr::GetAttr { dst, obj, name } => format!("GetAttr {dst}, {obj}.{name}"),
        Instr::SetAttr { obj, name, src } => format!("SetAttr {obj}.{name}, {src}"),
        Instr::DelAttr { obj, name } => format!("DelAttr {obj}.{name}"),
        Instr::GetIter { dst, src } => format!("GetIter {dst}, {src}"),
        Instr::DelGlobal { g } => format!("DelGlobal {g}"),
        Instr::ForIter { iter, target } => format!("ForIter r{}, {iter}, else {target}", iter.0 as u32 + 1),
        Instr::Unpack { first, src, count } => format!("Unpack {}, {src}", arg_range(first.0, count)),
        Instr::CallEx { site } => format!("CallEx site{site}"),
        Instr::LoadMethod { flag, f, name } => format!("LoadMethod {flag}, {f}, .{name}"),
        Instr::CallMethod { dst, flag, f, argc } => format!("CallMethod {dst}, {flag}, {f}, {argc}"),
        Instr::Yield { dst, src } => format!("Yield {dst}, {src}"),
        Instr::Append { list, src } => format!("Append {list}, {src}"),
    }
}

fn arg_range(first: u16, argc: impl Into<u32>) -> String {
    match argc.into() {
        0 => String::new(),
        1 => format!("r{first}"),
        n => format!("r{first}..r{}", first as u32 + n - 1),
    }
}

/// Lists one code object. `sources` (if given) adds source line numbers.
pub fn code_listing(id: CodeId, code: &Code, globals: &Globals, sources: Option<&SourceMap>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{id} {} (arity {}, {} registers{})",
        code.name,
        code.arity,
        code.nregs,
        if code.captures.is_empty() {
            String::new()
        } else {
            let caps: Vec<String> = code
                .captures
                .iter()
                .map(|c| match c {
                    super::Capture::Local(r) => format!("{r}"),
                    super::Capture::Free(i) => format!("F{i}"),
                })
                .collect();
            format!(", captures {}", caps.join(" "))
        }
    );
    for (i, instr) in code.instrs.iter().enumerate() {
        let line = match (sources, code.spans.get(i)) {
            (Some(map), Some(span)) if (span.file.0 as usize) < map.len() => {
                map.get(span.file).line_col(span.start).0.to_string()
            }
            _ => String::new(),
        };
        let text = instr_text(instr);
        let comment = match *instr {
            Instr::LoadConst { k, .. } => code.consts.get(k.0 as usize).map(const_text),
            Instr::CheckBound { name, .. } => code.consts.get(name.0 as usize).map(const_text),
            Instr::GetAttr { name, .. }
            | Instr::SetAttr { name, .. }
            | Instr::DelAttr { name, .. }
            | Instr::LoadMethod { name, .. } => code.consts.get(name.0 as usize).map(const_text),
            Instr::LoadGlobal { g, .. } | Instr::StoreGlobal { g, .. } if (g.0 as usize) < globals.len() => {
                Some(globals.name(g).to_string())
            }
            _ => None,
        };
        match comment {
            Some(c) => {
                let _ = writeln!(out, "{i:>5} {line:>4}  {text:<32} ; {c}");
            }
            None => {
                let _ = writeln!(out, "{i:>5} {line:>4}  {text}");
            }
        }
    }
    for (i, site) in code.call_sites.iter().enumerate() {
        let mut parts = Vec::new();
        for k in 0..site.positional as u32 {
            parts.push(format!("r{}", site.args.0 as u32 + k));
        }
        let mut next = site.args.0 as u32 + site.positional as u32;
        if site.star {
            parts.push(format!("*r{next}"));
            next += 1;
        }
        for name in &site.keywords {
            parts.push(format!("{name}=r{next}"));
            next += 1;
        }
        if site.star_star {
            parts.push(format!("**r{next}"));
        }
        let target = if site.tail {
            "return".to_string()
        } else {
            format!("{} :=", site.dst)
        };
        let _ = writeln!(out, "      site{i}: {target} {}({})", site.f, parts.join(", "));
    }
    for h in &code.handlers {
        let _ = writeln!(
            out,
            "      handler {}..{} -> {} into {}",
            h.start, h.end, h.target, h.dst
        );
    }
    out
}

/// Lists every code object of a module, main first.
pub fn module_listing(module: &Module, globals: &Globals, sources: Option<&SourceMap>) -> String {
    let mut out = String::new();
    let mut order: Vec<usize> = (0..module.codes.len()).collect();
    if let Some(main) = module.main {
        order.retain(|&i| i != main.0 as usize);
        order.insert(0, main.0 as usize);
    }
    for (n, i) in order.into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&code_listing(CodeId(i as u32), &module.codes[i], globals, sources));
    }
    out
}
