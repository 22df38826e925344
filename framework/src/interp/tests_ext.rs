//! Containers, calls with keywords and generators, on hand-assembled bytecode.
//!
//! Programs are written in a tiny register language (see [`code`]) that the
//! `CodeBuilder` assembles one instruction per operation, and run under the
//! standard space; the trivial space must refuse containers and generators
//! with an `UnsupportedError`. Every run also checks that the main loop leaves
//! no native roots, keywords or running generators behind.

use super::*;
use crate::bytecode::builder::CodeBuilder;
use crate::bytecode::{BinOp, CallSite, Const, GlobalId, Handler, Label, Params};
use crate::object::{Body, TypeId, Value};
use crate::space::standard::{collections, StandardConfig, StandardSpace};
use crate::space::trivial::TrivialSpace;
use crate::space::{BuildKind, Spelling};
use crate::span::{FileId, Span};
use std::cell::RefCell;

type Vm = Interp<StandardSpace>;

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
    static GLOBALS: RefCell<Globals> = RefCell::new(Globals::new());
}

// ---- natives and running ---------------------------------------------------------------

/// Python-like rendering of containers (the core space prints them as `<list object>`).
fn show(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    let class = vm.space.type_of(v);
    let items: Vec<Value> = match class {
        TypeId::LIST | TypeId::TUPLE => collections::seq_items(&vm.space, v).unwrap_or_default(),
        TypeId::DICT => {
            collections::table(&vm.space, v).map_or(vec![], |t| t.iter().flat_map(|e| [e.key, e.value]).collect())
        }
        TypeId::SET => collections::table(&vm.space, v).map_or(vec![], |t| t.iter().map(|e| e.key).collect()),
        _ => return vm.repr(&v),
    };
    let parts = items.into_iter().map(|x| show(vm, x)).collect::<Result<Vec<_>, _>>()?;
    Ok(match (class, parts.len()) {
        (TypeId::LIST, _) => format!("[{}]", parts.join(", ")),
        (TypeId::DICT, _) => format!(
            "{{{}}}",
            parts.chunks(2).map(|p| p.join(": ")).collect::<Vec<_>>().join(", ")
        ),
        (TypeId::SET, _) => format!("{{{}}}", parts.join(", ")),
        (_, 1) => format!("({},)", parts[0]),
        _ => format!("({})", parts.join(", ")),
    })
}

fn out(line: &[String]) {
    OUT.with(|o| o.borrow_mut().push_str(&(line.join(" ") + "\n")));
}

/// `print(a, ...)`: strings as they are, everything else rendered.
fn print(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let mut line = Vec::new();
    for &a in args {
        line.push(vm.space.str_of(a).map(str::to_string).map_or_else(|| show(vm, a), Ok)?);
    }
    out(&line);
    Ok(Value::NONE)
}

/// `kw(args..., **kws)`: `"p1,p2|k1=v1,k2=v2"`.
fn kw(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let mut keywords = Vec::new();
    for (k, v) in vm.take_keywords() {
        keywords.push(format!("{k}={}", show(vm, v)?));
    }
    let pos = args.iter().map(|&a| show(vm, a)).collect::<Result<Vec<_>, _>>()?;
    vm.space.str_value(&format!("{}|{}", pos.join(","), keywords.join(",")))
}

/// `gen_result(gen)`: what a finished generator returned (kept in its state).
fn gen_result(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let (status, result, regs) = match args[0].as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Generator(st)) => (st.status, st.result, st.regs.len()),
        _ => return Err(OpError::type_error("not a generator")),
    };
    let taken = StandardSpace::generator_take(vm, &args[0])?;
    if status != GenStatus::Finished || regs != 0 || taken.is_some() {
        return Err(OpError::type_error(format!("not finished: {status:?}, {regs}")));
    }
    Ok(result)
}

/// `send(gen, value)`: resumes `gen`; `"<done>"` once it has finished.
fn send(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    vm.resume_generator(a[0], a[1])?
        .map_or_else(|| vm.space.str_value("<done>"), Ok)
}

fn n<S: Space>(name: &'static str, arity: Arity, func: NativeFn<S>) -> Builtin<S> {
    Builtin { name, arity, func }
}

fn natives() -> Vec<Builtin<StandardSpace>> {
    vec![
        n("print", Arity::AtLeast(0), print),
        n("send", Arity::Exact(2), send),
        n("apply", Arity::AtLeast(1), |vm, a| vm.call_value(a[0], &a[1..])),
        n("kw", Arity::AtLeast(0), kw),
        n("ident", Arity::Exact(1), |_, a| Ok(a[0])),
        n("gen_result", Arity::Exact(1), gen_result),
    ]
}

/// Runs `codes` (code 0 is main) in `vm`: the output, the result and the interpreter.
fn run_in<S: Space>(mut vm: Interp<S>, codes: Vec<Code>) -> (String, Result<S::W, Diagnostic>, Interp<S>) {
    OUT.with(|o| o.borrow_mut().clear());
    *vm.globals_mut() = GLOBALS.with(|g| g.borrow().clone());
    let main = Some(CodeId(0));
    let result = vm.run_module(Module { codes, main });
    assert_eq!(vm.native_roots.len(), 0, "native roots leaked");
    assert!(vm.gen_stack.is_empty() && vm.nesting == 0 && vm.native_keywords.is_empty());
    (OUT.with(|o| o.take()), result, vm)
}

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

fn run_with(config: StandardConfig, limits: Limits, codes: Vec<Code>) -> (String, Result<Value, Diagnostic>, Vm) {
    let space = StandardSpace::new(config, SPELLING, |_| {});
    let mut vm = Interp::new(space, limits, Box::new(std::io::sink()));
    vm.install(natives()).unwrap();
    run_in(vm, codes)
}

/// The output of a program that must succeed.
fn run(codes: Vec<Code>) -> String {
    let (out, result, _) = run_with(StandardConfig::default(), Limits::default(), codes);
    result.unwrap_or_else(|d| panic!("{}\noutput so far:\n{out}", d.headline()));
    out
}

fn run_trivial(codes: Vec<Code>) -> Result<String, Diagnostic> {
    let space = TrivialSpace::new(SPELLING);
    let mut vm = Interp::new(space, Limits::default(), Box::new(std::io::sink()));
    let func: NativeFn<TrivialSpace> = |vm, args| {
        out(&args.iter().map(|a| vm.display(a)).collect::<Result<Vec<_>, _>>()?);
        Ok(vm.space.none())
    };
    vm.install(vec![n("print", Arity::AtLeast(0), func)]).unwrap();
    let (out, result, _) = run_in(vm, codes);
    result.map(|_| out)
}

// ---- a tiny register language ---------------------------------------------------------------

/// Splits `s` at the characters `seps` outside brackets and quotes.
fn split_top<'s>(s: &'s str, seps: &[char]) -> Vec<&'s str> {
    let (mut depth, mut quoted, mut start, mut parts) = (0, false, 0, vec![]);
    for (i, c) in s.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            c if depth == 0 && !quoted && seps.contains(&c) => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(s[start..].trim());
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Where the last bracket group of `s` opens, if `s` ends with one.
fn last_group(s: &str) -> Option<(usize, char)> {
    let (mut depth, mut quoted, mut open) = (0, false, None);
    for (i, c) in s.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => {
                open = if depth == 0 { Some((i, c)) } else { open };
                depth += 1;
            }
            ')' | ']' | '}' if !quoted => depth -= 1,
            _ => {}
        }
    }
    open.filter(|_| s.ends_with([')', ']', '}']))
}

fn reg(t: &str) -> Option<Reg> {
    let n = t.strip_prefix('r').filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?;
    n.parse().ok().map(Reg)
}

fn is_name(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_alphabetic()) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn gid(name: &str) -> GlobalId {
    GLOBALS.with(|g| g.borrow_mut().intern(name))
}

/// Assembles a code object. `header` is `def name(params)`, or `gen name(params)` for a
/// generator function; a parameter with a default is written `name=` (its value comes
/// from the `closure` expression that makes the function), `*` starts the keyword-only
/// ones, `*args` and `**kw` collect the rest. Parameters live in `r0`, `r1`, ... in the
/// order positional, keyword-only, `*args`, `**kw`.
///
/// `body` holds statements separated by `;` or newlines:
/// - `rD = E`, `rA[K] = E`, `rA, rB = E` (unpack), `NAME = E` (global), `del rA[K]`, `E`;
/// - `return E` (a tail call when E is a call), `raise E`;
/// - blocks `while E { ... }`, `if E { ... }`, `for rX in E { ... }`;
/// - `catch S`: runs statement S in a protected range and prints what it raises.
///
/// An expression E is a register, a global `NAME`, a Python literal (containers are built at
/// run time and may hold expressions), `A op B` (any `BinOp` symbol, spaces around it),
/// `A[K]` (K may be a slice `a:b:c`), a call `F(args)` (args may be `name=E`, `*E`, `**E`:
/// then it is a `CallEx`), `yield E`, `iter E` or `closure N defaults...` (code `N`).
fn code(header: &str, body: &str) -> Code {
    let (kind, sig) = header.split_once(' ').unwrap();
    let (name, params) = sig.trim_end_matches(')').split_once('(').unwrap();
    let (mut p, mut kwonly) = (Params::default(), false);
    for param in split_top(params, &[',']) {
        match param.strip_prefix('*') {
            Some("") => kwonly = true,
            Some(rest) if rest.starts_with('*') => p.varkw = true,
            Some(_) => (p.varargs, kwonly) = (true, true),
            None => {
                if param.ends_with('=') {
                    p.defaults.push(p.names.len() as u16);
                }
                p.names.push(param.trim_end_matches('=').to_string());
                *(if kwonly { &mut p.kwonly } else { &mut p.positional }) += 1;
            }
        }
    }
    let b = CodeBuilder::new(name, 0, Span::new(FileId(0), 0, 1));
    let mut a = Asm { b };
    a.b.set_params(p);
    if kind == "gen" {
        a.b.set_generator();
    }
    // The registers the body names come first; temporaries go above them.
    let named = body.split(|c: char| !c.is_alphanumeric()).filter_map(reg).max();
    while a.b.reg_mark() < named.map_or(0, |r| r.0 as u32 + 1) {
        a.reg();
    }
    a.block(body);
    a.stmt("return None");
    a.b.finish()
}

struct Asm {
    b: CodeBuilder,
}

impl Asm {
    fn reg(&mut self) -> Reg {
        self.b.alloc_reg().unwrap()
    }
    fn op(&mut self, i: Instr) -> Label {
        self.b.emit(i, Span::new(FileId(0), 0, 1))
    }
    /// Runs `f`, then frees the registers it allocated.
    fn scoped<T>(&mut self, f: impl FnOnce(&mut Asm) -> T) -> T {
        let mark = self.b.reg_mark();
        let r = f(self);
        self.b.reset_regs(mark);
        r
    }
    /// Fresh registers at the top holding copies of `srcs` (at least one register).
    fn temps(&mut self, srcs: &[Reg]) -> Reg {
        let first = self.reg();
        for (i, &src) in srcs.iter().enumerate() {
            let dst = if i == 0 { first } else { self.reg() };
            self.op(Instr::Move { dst, src });
        }
        first
    }
    fn block(&mut self, body: &str) {
        for s in split_top(body, &[';', '\n']) {
            self.scoped(|a| a.stmt(s));
        }
    }
    /// A jump to be pointed at the end of what `body` emits.
    fn jump_over(&mut self, i: Instr, body: impl FnOnce(&mut Asm)) -> Label {
        let j = self.op(i);
        body(self);
        let end = self.b.here();
        self.b.patch(j, end);
        j
    }
    fn stmt(&mut self, s: &str) {
        let t = split_top(s, &[' ']);
        let rest = |n: usize| s.splitn(n + 1, ' ').last().unwrap().trim();
        let block = last_group(s).filter(|g| g.1 == '{' && matches!(t[0], "while" | "if" | "for"));
        let inner = block.map_or("", |(at, _)| &s[at + 1..s.len() - 1]);
        match t[..] {
            ["while", ..] if block.is_some() => {
                let top = self.b.here();
                let cond = self.operand(&s[6..block.unwrap().0]);
                self.jump_over(Instr::JumpIfFalse { cond, target: top }, |a| {
                    a.block(inner);
                    a.op(Instr::JumpBack { target: top });
                });
            }
            ["if", ..] if block.is_some() => {
                let cond = self.operand(&s[3..block.unwrap().0]);
                self.jump_over(Instr::JumpIfFalse { cond, target: Label(0) }, |a| a.block(inner));
            }
            ["for", x, "in", ..] if block.is_some() => {
                let src = self.operand(&s[s.find(" in ").unwrap() + 4..block.unwrap().0]);
                let (iter, item) = (self.reg(), self.reg());
                self.op(Instr::GetIter { dst: iter, src });
                let top = self.b.here();
                self.jump_over(Instr::ForIter { iter, target: top }, |a| {
                    let dst = reg(x).unwrap();
                    a.op(Instr::Move { dst, src: item });
                    a.block(inner);
                    a.op(Instr::JumpBack { target: top });
                });
            }
            ["catch", ..] => {
                let (dst, start) = (self.reg(), self.b.here());
                self.stmt(rest(1));
                let end = self.b.here();
                self.jump_over(Instr::Jump { target: Label(0) }, |a| {
                    let target = a.b.here();
                    a.b.add_handler(Handler {
                        start,
                        end,
                        target,
                        dst,
                    });
                    a.stmt(&format!("print(r{})", dst.0));
                });
            }
            ["return", e] if last_group(e).is_some_and(|g| g.0 > 0 && g.1 == '(') => self.call(Reg(0), e, true),
            ["return", ..] => {
                let src = self.operand(rest(1));
                self.op(Instr::Return { src });
            }
            ["raise", ..] => {
                let src = self.operand(rest(1));
                self.op(Instr::Raise { src });
            }
            ["del", target] => {
                let (obj, key) = self.place(target);
                self.op(Instr::DelItem { obj, key });
            }
            _ if t.contains(&"=") => {
                let (lhs, rhs) = s.split_once(" = ").unwrap();
                self.assign(lhs.trim(), rhs.trim());
            }
            _ => {
                let dst = self.reg();
                self.expr(dst, s);
            }
        }
    }
    fn assign(&mut self, lhs: &str, rhs: &str) {
        if let Some(dst) = reg(lhs) {
            return self.expr(dst, rhs);
        }
        let regs: Vec<Reg> = split_top(lhs, &[',']).into_iter().filter_map(reg).collect();
        let src = self.operand(rhs);
        if regs.len() > 1 {
            assert!(
                regs.windows(2).all(|w| w[1].0 == w[0].0 + 1),
                "unpack into consecutive registers"
            );
            let (first, count) = (regs[0], regs.len() as u16);
            self.op(Instr::Unpack { first, src, count });
        } else if lhs.ends_with(']') {
            let (obj, key) = self.place(lhs);
            self.op(Instr::SetItem { obj, key, src });
        } else {
            self.op(Instr::StoreGlobal { g: gid(lhs), src });
        }
    }
    /// A register holding the value of `e`.
    fn operand(&mut self, e: &str) -> Reg {
        reg(e.trim()).unwrap_or_else(|| {
            let r = self.reg();
            self.expr(r, e);
            r
        })
    }
    /// The object and key registers of `obj[key]`.
    fn place(&mut self, e: &str) -> (Reg, Reg) {
        let (at, _) = last_group(e).unwrap();
        let (obj, key) = (self.operand(&e[..at]), &e[at + 1..e.len() - 1]);
        if !key.contains(':') {
            return (obj, self.operand(key));
        }
        let parts: Vec<&str> = key
            .split(':')
            .map(|p| if p.is_empty() { "None" } else { p })
            .chain(["None"; 2])
            .collect();
        let parts: Vec<Reg> = parts[..3].iter().map(|p| self.operand(p)).collect();
        let dst = self.reg();
        self.build(BuildKind::Slice, dst, &parts);
        (obj, dst)
    }
    fn build(&mut self, kind: BuildKind, dst: Reg, items: &[Reg]) {
        let (first, count) = (self.temps(items), items.len() as u16);
        self.op(Instr::Build {
            kind,
            dst,
            first,
            count,
        });
    }
    fn konst(&mut self, dst: Reg, c: Const) {
        let k = self.b.constant(c).unwrap();
        self.op(Instr::LoadConst { dst, k });
    }
    /// `R[dst] := e`
    fn expr(&mut self, dst: Reg, e: &str) {
        let e = e.trim();
        let t = split_top(e, &[' ']);
        let binop = |s: &str| BinOp::ALL.into_iter().find(|op| op.symbol() == s);
        let rest = |n: usize| e.splitn(n + 1, ' ').last().unwrap();
        let group = last_group(e);
        match t[..] {
            ["yield", ..] => {
                let src = self.operand(rest(1));
                self.op(Instr::Yield { dst, src });
            }
            ["iter", x] => {
                let src = self.operand(x);
                self.op(Instr::GetIter { dst, src });
            }
            ["closure", n, ref defaults @ ..] => {
                let srcs: Vec<Reg> = defaults.iter().map(|d| self.operand(d)).collect();
                let (d, code) = (self.temps(&[]), CodeId(n.parse().unwrap()));
                self.temps(&srcs);
                self.op(Instr::MakeClosure { dst: d, code });
                self.op(Instr::Move { dst, src: d });
            }
            [x, op, y] if binop(op).is_some() => {
                let (a, b, op) = (self.operand(x), self.operand(y), binop(op).unwrap());
                self.op(Instr::Binary { op, dst, a, b });
            }
            _ if let Some(src) = reg(e) => _ = self.op(Instr::Move { dst, src }),
            _ if group.is_some_and(|g| g.0 == 0) => {
                let inner = split_top(&e[1..e.len() - 1], &[',']);
                let dict = e.starts_with('{') && (inner.is_empty() || split_top(inner[0], &[':']).len() == 2);
                let kind = match e.as_bytes()[0] {
                    b'[' => BuildKind::List,
                    b'(' => BuildKind::Tuple,
                    _ if dict => BuildKind::Dict,
                    _ => BuildKind::Set,
                };
                let items: Vec<&str> = inner.iter().flat_map(|i| split_top(i, &[':'])).collect();
                let regs: Vec<Reg> = items.iter().map(|i| self.operand(i)).collect();
                self.build(kind, dst, &regs);
            }
            _ if group.is_some_and(|g| g.1 == '[') => {
                let (obj, key) = self.place(e);
                self.op(Instr::GetItem { dst, obj, key });
            }
            _ if group.is_some_and(|g| g.1 == '(') => self.call(dst, e, false),
            _ if e.starts_with('\'') => self.konst(dst, Const::Str(e[1..e.len() - 1].into())),
            _ if e == "None" => self.konst(dst, Const::None),
            _ if e == "True" || e == "False" => self.konst(dst, Const::Bool(e == "True")),
            _ if is_name(e) => _ = self.op(Instr::LoadGlobal { dst, g: gid(e) }),
            _ if e.contains('.') => self.konst(dst, Const::Float(e.parse().unwrap())),
            _ => self.konst(dst, e.parse().map_or_else(|_| Const::BigInt(e.into()), Const::Int)),
        }
    }
    /// `R[dst] := F(args)`, or `return F(args)` when `tail`.
    fn call(&mut self, dst: Reg, e: &str, tail: bool) {
        let (at, _) = last_group(e).unwrap();
        let f = self.operand(&e[..at]);
        let (mut pos, mut kw, mut spread) = (vec![], vec![], [None, None]);
        for arg in split_top(&e[at + 1..e.len() - 1], &[',']) {
            if let Some(x) = arg.strip_prefix("**") {
                spread[1] = Some(self.operand(x));
            } else if let Some(x) = arg.strip_prefix('*') {
                spread[0] = Some(self.operand(x));
            } else if let Some((k, x)) = arg.split_once('=').filter(|(k, _)| is_name(k)) {
                kw.push((k.to_string(), self.operand(x)));
            } else {
                pos.push(self.operand(arg));
            }
        }
        let mut srcs = pos.clone();
        srcs.extend(spread[0].into_iter().chain(kw.iter().map(|k| k.1)).chain(spread[1]));
        let (args, argc) = (self.temps(&srcs), pos.len() as u8);
        if kw.is_empty() && spread == [None, None] {
            self.op(if tail {
                Instr::TailCall { f, args, argc }
            } else {
                Instr::Call { dst, f, args, argc }
            });
            return;
        }
        let mut site = CallSite::default();
        (site.dst, site.f, site.args, site.positional, site.star) = (dst, f, args, argc, spread[0].is_some());
        (site.keywords, site.star_star, site.tail) = (kw.into_iter().map(|k| k.0).collect(), spread[1].is_some(), tail);
        let site = self.b.add_call_site(site);
        self.op(Instr::CallEx { site });
    }
}

fn main(body: &str) -> Code {
    code("def main()", body)
}

// ---- containers ------------------------------------------------------------------------

#[test]
fn build_index_and_slice_lists_tuples_strings_and_dicts() {
    let out = run(vec![main(
        "r0 = [10, 20, 30, 40, 50]; r1 = (1, 2, 3); r2 = 'héllo wörld'
        print(r0[0], r0[4], r0[-1], r0[-5])
        print(r0[1:4], r0[::2], r0[::-1], r0[4:1:-2])
        print(r0[-100:100], r0[-2:], r0[3:1], r0[:-3:-1])
        print(r1, r1[-1], r1[::-1], r1[1:2], [], ())
        print(r2[1], r2[-1], r2[7], r2[1:4], r2[::-1], r2[::3], r2[-3:], r2[-100:2], r2[8:2:-2])
        r3 = {'a': 1, 'b': (2, 3), 'c': [[], (), {}, (4,)], 'd': {1, 2}}
        print(r3, r3['b'], r3['c'])
        return r3",
    )]);
    let expected = "10 50 50 10\n[20, 30, 40] [10, 30, 50] [50, 40, 30, 20, 10] [50, 30]\n\
        [10, 20, 30, 40, 50] [40, 50] [] [50, 40]\n(1, 2, 3) 3 (3, 2, 1) (2,) [] ()\n\
        é d ö éll dlröw olléh hlwl rld hé rwo\n\
        {'a': 1, 'b': (2, 3), 'c': [[], (), {}, (4,)], 'd': {1, 2}} (2, 3) [[], (), {}, (4,)]\n";
    assert_eq!(out, expected);
}

#[test]
fn set_and_delete_items_and_cpython_error_messages() {
    let out = run(vec![main(
        "r0 = [1, 2, 3]; r0[1] = 20; r0[-1] = 30; print(r0)
        del r0[0]; print(r0); del r0[-1]; print(r0)
        r1 = {'a': 1, 'b': 2}; r1['c'] = 3; r1['a'] = 10; del r1['b']; print(r1)
        r1['b'] = 4; print(r1)
        r2 = (1,); r3 = 5
        catch r4 = r0[5]
        catch r4 = r0[-2]
        catch r0[5] = 0
        catch del r0[5]
        catch r4 = r2[1]
        catch r4 = 'é'[1]
        catch r4 = r1['zz']
        catch r4 = r1[7]
        catch del r1['zz']
        catch r4 = r1[[1]]
        catch r1[[1]] = 0
        catch r4 = {[1]: 0}
        catch r4 = {1, [1]}
        catch r4 = r0[::0]
        catch r2[0] = 0
        catch r4 = r3[0]
        print(r0); return r0",
    )]);
    let expected = "[1, 20, 30]\n[20, 30]\n[20]\n{'a': 10, 'c': 3}\n{'a': 10, 'c': 3, 'b': 4}\n\
        IndexError: list index out of range\nIndexError: list index out of range\n\
        IndexError: list assignment index out of range\nIndexError: list assignment index out of range\n\
        IndexError: tuple index out of range\nIndexError: string index out of range\n\
        KeyError: 'zz'\nKeyError: 7\nKeyError: 'zz'\n\
        TypeError: unhashable type: 'list'\nTypeError: unhashable type: 'list'\n\
        TypeError: unhashable type: 'list'\nTypeError: unhashable type: 'list'\n\
        ValueError: slice step cannot be zero\nTypeError: 'tuple' object does not support item assignment\n\
        TypeError: 'int' object is not subscriptable\n[20]\n";
    assert_eq!(out, expected);
}

/// Statements printing how many items `for` finds in `src` and what `start + item + sep + ...` makes.
fn count(src: &str, start: &str, sep: &str) -> String {
    format!("r10 = {src}; r11 = 0; r12 = {start}; for r13 in r10 {{ r11 = r11 + 1; r12 = r12 + r13 {sep} }}; print(r11, r12);")
}

#[test]
fn iteration_counts_and_orders_and_unpacking() {
    let body = [
        count("[1, 2, 3, 4]", "0", ""),
        count("()", "0", ""),
        count("'añb€'", "''", "; r12 = r12 + '.'"),
        "r0 = {'x': 1, 'y': 2, 'z': 3}".into(),
        count("r0", "''", ""),
        "del r0['x']; r0['x'] = 0".into(), // a key inserted again moves to the end
        count("r0", "''", ""),
        count("{5, 5, 6}", "0", ""),
        "r1, r2 = (1, 2); print(r1, r2); r1, r2 = 'xé'; print(r1, r2)
        r1, r2, r3 = [1, [2], 'z']; print(r1, r2, r3); r1, r2, r3 = r0; print(r1, r2, r3)
        catch r1, r2 = [1, 2, 3]
        catch r1, r2, r3 = [1, 2]
        catch r1, r2 = 5
        catch for r1 in 5 { print(r1) }
        return r0"
            .into(),
    ];
    let expected = "4 10\n0 0\n4 a.ñ.b.€.\n3 xyz\n3 yzx\n2 11\n1 2\nx é\n1 [2] z\ny z x\n\
        ValueError: too many values to unpack (expected 2)\n\
        ValueError: not enough values to unpack (expected 3, got 2)\n\
        TypeError: cannot unpack non-iterable int object\nTypeError: 'int' object is not iterable\n";
    assert_eq!(run(vec![main(&body.join("\n"))]), expected);
}

#[test]
fn membership_identity_comparisons_and_sequence_arithmetic() {
    let out = run(vec![main(
        "print(2 in [1, 2, 3], 5 in [1, 2, 3], 'll' in 'hello', '' in 'abc', 'a' in {'a': 1}, 1 in {'a': 1}, 1.0 in [1], 3 in (1, 2), 6 in {5, 6})
        r0 = [1]; r1 = r0 + []; print(r0 is r0, r1 is r0, r1 == r0, [1] is [1], None is None)
        print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2,) > (1, 5), [1, 2] <= [1, 2])
        print([] >= [], [2] > [1, 9], (1, 2) < (1, 2), [1, 2] == (1, 2), [1, 'a'] == [1, 'a'], [1, 2] != [1, 2])
        print([1, 2] + [3], [0, 1] * 3, [1] * 0, [1] * -2, (7,) + (7,), (7,) * 2, () + ())
        catch print([1] < (1,))
        catch print([1, 2] < [1, 'a'])
        catch print(1 in 'abc')
        catch print(1 in 1)
        return r0",
    )]);
    let expected = "True False True True True False True False True\nTrue False True False True\n\
        True True True True True True\nTrue True False False True False\n\
        [1, 2, 3] [0, 1, 0, 1, 0, 1] [] [] (7, 7) (7, 7) ()\n\
        TypeError: '<' not supported between instances of 'list' and 'tuple'\n\
        TypeError: '<' not supported between instances of 'int' and 'str'\n\
        TypeError: 'in <string>' requires string as left operand, not int\n\
        TypeError: argument of type 'int' is not iterable\n";
    assert_eq!(out, expected);
}

#[test]
fn dict_keys_hash_by_value_and_survive_many_deletions() {
    let body = [
        // 1, 1.0 and True are one key (the first one stays), like -1.0 and -1 (CPython hashes -1 as -2).
        "r0 = {1: 'int', 1.0: 'float', True: 'bool', -1.0: 'm'}; print(r0, r0[-1])
        r0[(1, 2)] = 't'; r0[1180591620717411303424] = 'big'; r1 = 34359738368 * 34359738368
        print(r0[(1.0, 2)], r0[r1], r0[1180591620717411303424.0])
        r0 = {}; r1 = 0; while r1 < 10000 { r0[r1] = r1 * 2; r1 = r1 + 1 }
        r1 = 0; while r1 < 10000 { r2 = r1 % 2; if r2 == 0 { del r0[r1] }; r1 = r1 + 1 }",
        &count("r0", "0", ""),
        // r5 counts the keys whose presence or value is wrong.
        "r1 = 0; r5 = 0; while r1 < 10000 {
            r3 = r1 in r0; r4 = r1 % 2; r4 = r4 == 1; r4 = r4 != r3; if r4 { r5 = r5 + 1 }
            if r3 { r4 = r0[r1]; r6 = r1 * 2; if r4 != r6 { r5 = r5 + 1 } }
            r1 = r1 + 1 }
        print(r5); r1 = 0; while r1 < 500 { r3 = r1 * 2; r0[r3] = r3; r1 = r1 + 1 }",
        &count("r0", "0", ""),
        "return r0",
    ];
    // Odd keys 1..9999 sum to 25,000,000; the evens 0..998 add 249,500.
    let expected = "{1: 'bool', -1.0: 'm'} m\nt big big\n5000 25000000\n0\n5500 25249500\n";
    assert_eq!(run(vec![main(&body.join("\n"))]), expected);
}

// ---- calls -------------------------------------------------------------------------------

/// `f(a, b=10, c=20)`, `g(a, *args, **kw)` and `h(a, *, k, m=7)` return their parameters.
fn fgh() -> [Code; 3] {
    let body = |h: &str| ["return [r0, r1, r2]", "return (r0, r1, r2)"][h.contains("*args") as usize];
    ["def f(a, b=, c=)", "def g(a, *args, **kw)", "def h(a, *, k, m=)"].map(|h| code(h, body(h)))
}
const FGH: &str = "r0 = closure 1 10 20; r1 = closure 2; r2 = closure 3 7";

#[test]
fn defaults_keywords_varargs_kwargs_and_spreading() {
    let body = "print(r0(1), r0(1, 2), r0(1, 2, 3))
        print(r0(1, c=3), r0(c=3, a=2), r0(*[1, 2, 3]), r0(1, *(2,)), r0(**{'a': 1, 'c': 9}), r0(1, b=2, **{'c': 3}))
        print(r1(1, 2, 3), r1(1, 2, 3, x=1, y=2), r1(1), r1(*[1, 2, 3], **{'c': 3}), r1(a=1, b=2))
        print(r2(1, k=2), r2(1, m=3, k=2), r2(k=2, a=3))
        catch r0(**{1: 2})";
    let [f, g, h] = fgh();
    let out = run(vec![main(&format!("{FGH}; {body}; return r0")), f, g, h]);
    let expected =
        "[1, 10, 20] [1, 2, 20] [1, 2, 3]\n[1, 10, 3] [2, 10, 3] [1, 2, 3] [1, 2, 20] [1, 10, 9] [1, 2, 3]\n\
        (1, (2, 3), {}) (1, (2, 3), {'x': 1, 'y': 2}) (1, (), {}) (1, (2, 3), {'c': 3}) (1, (), {'b': 2})\n\
        [1, 2, 7] [1, 2, 3] [3, 2, 7]\nTypeError: keywords must be strings\n";
    assert_eq!(out, expected);
}

#[test]
fn binding_errors_use_cpython_messages() {
    let cases = [
        "def f(a, b) | 1, 2, 3 | f() takes 2 positional arguments but 3 were given",
        "def f(a, b) | 1 | f() missing 1 required positional argument: 'b'",
        "def f(a, b) |  | f() missing 2 required positional arguments: 'a' and 'b'",
        "def f(a, b, c) |  | f() missing 3 required positional arguments: 'a', 'b', and 'c'",
        "def f(a, b) | 1, 2, z=3 | f() got an unexpected keyword argument 'z'",
        "def f(a, b) | 1, a=2 | f() got multiple values for argument 'a'",
        "def f(a, *, k) | 1 | f() missing 1 required keyword-only argument: 'k'",
        "def f(a, b=) | 1, 2, 3 | f() takes from 1 to 2 positional arguments but 3 were given",
        "def f(a) | 1, 2 | f() takes 1 positional argument but 2 were given",
        "def f() | 1 | f() takes 0 positional arguments but 1 was given",
        // A keyword-only default does not make a positional parameter optional.
        "def f(a, *, k=) | 1, 2 | f() takes 1 positional argument but 2 were given",
        "def f(a, *, k) | 1, 2, k=3 | f() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given",
        // CPython binds keywords before it counts positional arguments.
        "def f(a) | 1, 2, z=3 | f() got an unexpected keyword argument 'z'",
        "def f(a) | 1, 2, a=3 | f() got multiple values for argument 'a'",
    ];
    for case in cases {
        let [header, args, message] = case.split(" | ").collect::<Vec<_>>()[..] else {
            unreachable!()
        };
        let defaults = vec!["0"; header.matches('=').count()].join(" ");
        // `*[]` makes every call a CallEx, even one without keywords.
        let sep = if args.is_empty() { "" } else { ", " };
        let main = main(&format!(
            "r0 = closure 1 {defaults}; catch r0({args}{sep}*[]); return r0"
        ));
        let out = run(vec![main, code(header, "return None")]);
        assert_eq!(out, format!("TypeError: {message}\n"), "{header} called with {args}");
    }
}

#[test]
fn natives_take_keywords_or_refuse_them_and_call_back_into_defaults() {
    let body = "print(kw(1, 'a', x=1, y=[3]), kw(), kw(**{'q': 1}), kw(1))
        catch ident(1, z=1)
        catch ident(*[1, 2])
        catch apply(kw, 1, z=1)
        print(apply(r0, 1), apply(r0, 1, [3], 1), apply(r1, 1, [3]), apply(kw, 1))
        catch apply(r0)
        catch apply(r0, 1, 1, 1, 1)";
    let [f, g, h] = fgh();
    let out = run(vec![main(&format!("{FGH}; {body}; return r0")), f, g, h]);
    let expected = "1,'a'|x=1,y=[3] | |q=1 1|\nTypeError: ident() got an unexpected keyword argument 'z'\n\
        TypeError: ident() takes exactly 1 argument(s) (2 given)\n\
        TypeError: apply() got an unexpected keyword argument 'z'\n\
        [1, 10, 20] [1, [3], 1] (1, ([3],), {}) 1|\nTypeError: f() missing 1 required positional argument: 'a'\n\
        TypeError: f() takes from 1 to 3 positional arguments but 4 were given\n";
    assert_eq!(out, expected);
}

#[test]
fn tail_call_ex_runs_in_constant_frames() {
    let program = |call: &str| {
        let lp = code("def loop(n, acc=)", &format!("if r0 == 0 {{ return r1 }}; {call}"));
        vec![main("loop = closure 1 0; r0 = loop(100000); print(r0); return r0"), lp]
    };
    let (config, limits) = (
        StandardConfig::default(),
        Limits {
            max_depth: 10,
            ..Limits::default()
        },
    );
    let (out, result, vm) = run_with(config, limits, program("return loop(r0 - 1, acc=r1 + 1)"));
    result.unwrap_or_else(|d| panic!("{}", d.headline()));
    assert_eq!(out, "100000\n");
    assert!(
        vm.frames.is_empty() && vm.regs.len() < 100,
        "{} registers",
        vm.regs.len()
    );
    // The same calls without `tail` need a frame each.
    let (_, result, _) = run_with(config, limits, program("r2 = loop(r0 - 1, acc=r1 + 1); return r2"));
    assert_eq!(result.unwrap_err().kind, "RecursionError");
}

// ---- generators ----------------------------------------------------------------------------

fn gen123() -> Code {
    code("gen gen123()", "yield 1; yield 2; yield 3; return 'ret'")
}

#[test]
fn a_generator_feeds_loops_unpacking_star_calls_and_membership() {
    let body = "r0 = closure 1; r1 = r0(); r3 = closure 2 10 20
        for r2 in r1 { print(r2) }
        for r2 in r1 { print('again', r2) }
        print(send(r1, None), gen_result(r1), r3(*r0()))
        r4, r5, r6 = r0(); print(r4, r5, r6)
        r1 = r0(); print(2 in r1); for r2 in r1 { print(r2) }
        r1 = r0(); print(5 in r1, send(r1, None))
        r1 = r0(); print(send(r1, None), send(r1, None))
        catch r4, r5 = r0()
        return r1";
    let expected = "1\n2\n3\n<done> ret [1, 2, 3]\n1 2 3\nTrue\n3\nFalse <done>\n1 2\n\
        ValueError: too many values to unpack (expected 2)\n";
    assert_eq!(run(vec![main(body), gen123(), fgh()[0].clone()]), expected);
}

#[test]
fn send_delivers_values_to_the_yield_and_a_running_generator_cannot_be_resumed() {
    let acc = code("gen acc()", "r0 = 0; while True { r1 = yield r0; r0 = r0 + r1 }");
    let selfish = code("gen selfish()", "yield send(me, None)");
    let body = "r0 = closure 1; r1 = r0(); print(send(r1, None), send(r1, 5), send(r1, 10), send(r1, -15))
        r0 = closure 2; me = r0()
        catch print(send(me, None))
        print(send(me, None)); return r0";
    let out = run(vec![main(body), acc, selfish]);
    assert_eq!(out, "0 5 15 0\nValueError: generator already executing\n<done>\n");
}

#[test]
fn exceptions_in_generators_reach_the_consumer_and_finish_the_generator() {
    let program = |catch: &str| {
        let each = format!(
            "r1 = r0(); {catch} for r2 in r1 {{ print(r2) }}; for r2 in r1 {{ print(r2, r2) }}; print(send(r1, None))"
        );
        let bad = code("gen bad()", "yield 1; r0 = 1 + 'a'; yield 2");
        let boom = code("gen boom()", "yield 1; raise 'boom'; yield 2");
        let main = main(&format!("r0 = closure 1; {each}; r0 = closure 2; {each}; return r0"));
        vec![main, bad, boom]
    };
    let error = "unsupported operand type(s) for +: 'int' and 'str'";
    assert_eq!(
        run(program("catch")),
        format!("1\nTypeError: {error}\n<done>\n1\nboom\n<done>\n")
    );
    let (out, result, _) = run_with(StandardConfig::default(), Limits::default(), program(""));
    let d = result.unwrap_err();
    assert_eq!((out.as_str(), d.kind.as_str()), ("1\n", "TypeError"));
    assert_eq!(d.message, error);
}

#[test]
fn generators_interleave_nest_and_call_functions_between_yields() {
    let count = code(
        "gen count(start, n)",
        "r2 = r0 + r1; while r0 < r2 { yield r0; r0 = r0 + 1 }",
    );
    let sq = code("def sq(x)", "return r0 * r0");
    let sqgen = code("gen sqgen(n)", "r1 = 0; while r1 < r0 { yield sq(r1); r1 = r1 + 1 }");
    let double = code("gen double(src)", "for r1 in r0 { yield r1 * 2 }");
    let body = "sq = closure 2; r0 = closure 1; r1 = r0(0, 2); r2 = r0(100, 2)
        print(send(r1, None), send(r2, None), send(r1, None), send(r2, None), send(r1, None), send(r2, None))
        r3 = closure 4; r4 = closure 3; for r5 in r3(r4(4)) { print(r5) }; return r0";
    let out = run(vec![main(body), count, sq, sqgen, double]);
    assert_eq!(out, "0 100 1 101 <done> <done>\n0\n2\n8\n18\n");
}

#[test]
fn suspended_generators_keep_their_registers_across_collections() {
    // big(n) yields [i] for i in range(n), checking after each yield that a list only its
    // saved registers hold is intact; the consumer makes garbage while it is suspended.
    let big = code(
        "gen big(n)",
        "r1 = 0; r2 = 0; while r2 < r0 {
            r3 = [r2 * 3]; r4 = [0] * 50; yield [r2]; r5 = r2 * 3; if r3[0] != r5 { r1 = r1 + 1 }; r2 = r2 + 1 }
        return r1",
    );
    let body = "r0 = closure 1; r1 = r0(100000); r2 = 0; r3 = 0
        for r4 in r1 { r5 = [0] * 100; if r4[0] != r2 { r3 = r3 + 1 }; r2 = r2 + 1 }
        print(r2, r3, gen_result(r1)); return r0";
    let config = StandardConfig {
        max_heap_bytes: 8 << 20,
        ..Default::default()
    };
    let (out, result, vm) = run_with(config, Limits::default(), vec![main(body), big]);
    let stats = vm.space.heap.stats();
    result.unwrap_or_else(|d| panic!("{} after {stats:?}", d.headline()));
    assert_eq!(out, "100000 0 0\n");
    assert!(stats.collections >= 10 && stats.live_objects < 10_000, "{stats:?}");
}

#[test]
fn instructions_release_what_space_operations_kept_alive() {
    // Under 8 MiB this runs out if each unpacking keeps its two lists alive for good.
    let one = code("gen one(x)", "yield r0");
    let body = "r0 = closure 1; r1 = 0; r2 = 0
        while r1 < 20000 { r3, r4 = ([0] * 100, [0] * 100); if r1 in r0(r1) { r2 = r2 + 1 }; r1 = r1 + 1 }
        print(r2); return r0";
    let config = StandardConfig {
        max_heap_bytes: 8 << 20,
        ..Default::default()
    };
    let (out, result, vm) = run_with(config, Limits::default(), vec![main(body), one]);
    result.unwrap_or_else(|d| panic!("{} after {:?}", d.headline(), vm.space.heap.stats()));
    assert_eq!(out, "20000\n");
}

#[test]
fn the_trivial_space_refuses_containers_and_generators() {
    let cases = [
        ("r0 = [1]", "lists"),
        ("r0 = {1: 2}", "dicts"),
        ("r0 = 'ab'[0]", "indexing"),
        ("for r0 in 'ab' { print(r0) }", "iteration"),
        ("r0, r1 = 'ab'", "iteration"),
        ("r0 = closure 1; r1 = r0()", "generators"),
        ("r0 = closure 2; r1 = r0(1)", "tuples"), // the *args tuple
    ];
    for (body, what) in cases {
        let d = run_trivial(vec![main(&format!("{body}; return r0")), gen123(), fgh()[1].clone()]).unwrap_err();
        let expected = format!("{what} is not available in the trivial space");
        assert_eq!((d.kind.as_str(), d.message), ("UnsupportedError", expected));
    }
    // Keywords and defaults need no containers, and the refusal can be caught.
    let body = "r0 = closure 1 10; print(r0(b=1, a=5), r0(5)); catch r1 = {1}; return r0";
    let out = run_trivial(vec![main(body), code("def sub(a, b=)", "return r0 - r1")]).unwrap();
    assert_eq!(
        out,
        "4 -5\nUnsupportedError: sets is not available in the trivial space\n"
    );
}
