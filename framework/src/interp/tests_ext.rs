//! Containers, calls with keywords and generators, on hand-assembled bytecode.
//!
//! Programs run under the standard space; the trivial space must refuse
//! containers and generators with an `UnsupportedError`. Every run also checks
//! that the main loop leaves no native roots behind.

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

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

/// Global slots every program may name; the natives are found in the builtins by name.
const NAMES: [&str; 10] = [
    "print",
    "send",
    "apply",
    "kw",
    "ident",
    "gen_result",
    "loop",
    "sq",
    "me",
    "f",
];

fn gid(name: &str) -> GlobalId {
    GlobalId(NAMES.iter().position(|n| *n == name).expect("a known global") as u16)
}

fn globals() -> Globals {
    let mut g = Globals::new();
    for n in NAMES {
        g.intern(n);
    }
    g
}

// ---- natives ---------------------------------------------------------------------------

/// Python-like rendering of lists, tuples and dicts (the core space prints them as `<list object>`).
fn show(vm: &mut Vm, v: Value) -> Result<String, OpError> {
    let class = vm.space.type_of(v);
    let mut each = |vm: &mut Vm, items: Vec<Value>| -> Result<Vec<String>, OpError> {
        items.into_iter().map(|x| show(vm, x)).collect()
    };
    match class {
        TypeId::LIST | TypeId::TUPLE => {
            let parts = each(vm, collections::seq_items(&vm.space, v).unwrap_or_default())?;
            Ok(match (class, parts.len()) {
                (TypeId::LIST, _) => format!("[{}]", parts.join(", ")),
                (_, 1) => format!("({},)", parts[0]),
                _ => format!("({})", parts.join(", ")),
            })
        }
        TypeId::DICT => {
            let pairs: Vec<Value> = collections::table(&vm.space, v)
                .map(|t| t.iter().flat_map(|e| [e.key, e.value]).collect())
                .unwrap_or_default();
            let parts = each(vm, pairs)?;
            let items: Vec<String> = parts.chunks(2).map(|p| format!("{}: {}", p[0], p[1])).collect();
            Ok(format!("{{{}}}", items.join(", ")))
        }
        _ => vm.repr(&v),
    }
}

/// `print(a, ...)`: strings as they are, everything else rendered.
fn print(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let mut parts = Vec::new();
    for &a in args {
        parts.push(match vm.space.str_of(a) {
            Some(s) => s.to_string(),
            None => show(vm, a)?,
        });
    }
    vm.write_out(&format!("{}\n", parts.join(" ")), args)?;
    Ok(Value::NONE)
}

/// `send(gen, value)`: resumes `gen`; `"<done>"` once it has finished.
fn send(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    match vm.resume_generator(args[0], args[1])? {
        Some(v) => Ok(v),
        None => vm.space.str_value("<done>"),
    }
}

/// `apply(f, args...)`: calls `f` from Rust.
fn apply(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    vm.call_value(args[0], &args[1..])
}

/// `kw(args..., **kws)`: `"p1,p2|k1=v1,k2=v2"`.
fn kw(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let keywords = vm.take_keywords();
    let mut pos = Vec::new();
    for &a in args {
        pos.push(show(vm, a)?);
    }
    let mut named = Vec::new();
    for (k, v) in keywords {
        named.push(format!("{k}={}", show(vm, v)?));
    }
    vm.space.str_value(&format!("{}|{}", pos.join(","), named.join(",")))
}

/// `ident(x)`: takes no keywords.
fn ident(_: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    Ok(args[0])
}

/// `gen_result(gen)`: what a finished generator returned (kept in its state).
fn gen_result(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let state = match args[0].as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::Generator(st)) => (st.status, st.result, st.regs.len()),
        _ => return Err(OpError::type_error("not a generator")),
    };
    if state.0 != GenStatus::Finished || state.2 != 0 {
        return Err(OpError::new(
            ErrorKind::Value,
            format!("generator not finished: {state:?}"),
        ));
    }
    if StandardSpace::generator_take(vm, &args[0])?.is_some() {
        return Err(OpError::new(
            ErrorKind::Value,
            "a finished generator handed out its frame",
        ));
    }
    Ok(state.1)
}

fn natives() -> Vec<Builtin<StandardSpace>> {
    let n = |name, arity, func| Builtin { name, arity, func };
    vec![
        n("print", Arity::AtLeast(0), print as NativeFn<StandardSpace>),
        n("send", Arity::Exact(2), send),
        n("apply", Arity::AtLeast(1), apply),
        n("kw", Arity::AtLeast(0), kw),
        n("ident", Arity::Exact(1), ident),
        n("gen_result", Arity::Exact(1), gen_result),
    ]
}

// ---- running ---------------------------------------------------------------------------

struct SharedBuf(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn module(codes: Vec<Code>) -> Module {
    Module {
        codes,
        main: Some(CodeId(0)),
    }
}

/// Runs `codes` (code 0 is main) under the standard space: output, result, interpreter.
fn run_with(config: StandardConfig, limits: Limits, codes: Vec<Code>) -> (String, Result<Value, Diagnostic>, Vm) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let space = StandardSpace::new(config, SPELLING, |_| {});
    let mut vm = Interp::new(space, limits, Box::new(SharedBuf(buf.clone())));
    *vm.globals_mut() = globals();
    vm.install(natives()).unwrap();
    let result = vm.run_module(module(codes));
    let out = String::from_utf8(buf.borrow().clone()).unwrap();
    assert!(
        vm.native_roots.is_empty(),
        "{} native roots leaked",
        vm.native_roots.len()
    );
    assert!(vm.gen_stack.is_empty() && vm.nesting == 0);
    (out, result, vm)
}

/// The output of a program that must succeed.
fn run(codes: Vec<Code>) -> String {
    let (out, result, _) = run_with(StandardConfig::default(), Limits::default(), codes);
    if let Err(d) = result {
        panic!("{}\noutput so far:\n{out}", d.headline());
    }
    out
}

fn run_trivial(codes: Vec<Code>) -> Result<String, Diagnostic> {
    fn print_any(
        vm: &mut Interp<TrivialSpace>,
        args: &[<TrivialSpace as Space>::W],
    ) -> Result<<TrivialSpace as Space>::W, OpError> {
        let mut parts = Vec::new();
        for a in args {
            parts.push(vm.display(a)?);
        }
        vm.write_out(&format!("{}\n", parts.join(" ")), args)?;
        Ok(vm.space.none())
    }
    let buf = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Interp::new(
        TrivialSpace::new(SPELLING),
        Limits::default(),
        Box::new(SharedBuf(buf.clone())),
    );
    *vm.globals_mut() = globals();
    vm.install(vec![Builtin {
        name: "print",
        arity: Arity::AtLeast(0),
        func: print_any,
    }])
    .unwrap();
    let result = vm.run_module(module(codes));
    result.map(|_| String::from_utf8(buf.borrow().clone()).unwrap())
}

// ---- an assembler with structured helpers ------------------------------------------------

fn sp() -> Span {
    Span::new(FileId(0), 0, 1)
}

/// The operands of a `CallEx` beyond the callee.
#[derive(Default)]
struct Args<'a> {
    pos: &'a [Reg],
    star: Option<Reg>,
    kw: &'a [(&'a str, Reg)],
    star_star: Option<Reg>,
    tail: bool,
}

struct Asm {
    b: CodeBuilder,
}

impl Asm {
    fn new(name: &str, params: Params) -> Asm {
        let mut b = CodeBuilder::new(name, 0, sp());
        b.set_params(params);
        Asm { b }
    }
    fn main() -> Asm {
        Asm::new("<module>", Params::default())
    }
    fn generator(name: &str, params: Params) -> Asm {
        let mut a = Asm::new(name, params);
        a.b.set_generator();
        a
    }
    fn reg(&mut self) -> Reg {
        self.b.alloc_reg().unwrap()
    }
    fn regs<const N: usize>(&mut self) -> [Reg; N] {
        [(); N].map(|_| self.reg())
    }
    /// Runs `f`, then frees the registers it allocated.
    fn scoped<T>(&mut self, f: impl FnOnce(&mut Asm) -> T) -> T {
        let mark = self.b.reg_mark();
        let r = f(self);
        self.b.reset_regs(mark);
        r
    }
    fn op(&mut self, i: Instr) -> Label {
        self.b.emit(i, sp())
    }
    fn k(&mut self, dst: Reg, c: Const) {
        let k = self.b.constant(c).unwrap();
        self.op(Instr::LoadConst { dst, k });
    }
    fn int(&mut self, dst: Reg, i: i64) {
        self.k(dst, Const::Int(i));
    }
    fn s(&mut self, dst: Reg, text: &str) {
        self.k(dst, Const::Str(text.into()));
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
    fn build(&mut self, kind: BuildKind, dst: Reg, items: &[Reg]) {
        self.scoped(|a| {
            let first = a.temps(items);
            let count = items.len() as u16;
            a.op(Instr::Build {
                kind,
                dst,
                first,
                count,
            });
        });
    }
    fn consts(&mut self, kind: BuildKind, dst: Reg, items: &[Const]) {
        self.scoped(|a| {
            let regs: Vec<Reg> = items.iter().map(|_| a.reg()).collect();
            for (&r, c) in regs.iter().zip(items) {
                a.k(r, c.clone());
            }
            a.build(kind, dst, &regs);
        });
    }
    fn ints(&mut self, kind: BuildKind, dst: Reg, items: &[i64]) {
        self.consts(kind, dst, &items.iter().map(|&i| Const::Int(i)).collect::<Vec<_>>());
    }
    fn strs(&mut self, kind: BuildKind, dst: Reg, items: &[&str]) {
        self.consts(
            kind,
            dst,
            &items.iter().map(|&s| Const::Str(s.into())).collect::<Vec<_>>(),
        );
    }
    fn slice(&mut self, dst: Reg, parts: [Option<i64>; 3]) {
        let parts = parts.map(|p| p.map_or(Const::None, Const::Int));
        self.consts(BuildKind::Slice, dst, &parts);
    }
    /// `R[dst] := R[obj][key]`
    fn item(&mut self, dst: Reg, obj: Reg, key: Const) {
        self.scoped(|a| {
            let k = a.reg();
            a.k(k, key);
            a.op(Instr::GetItem { dst, obj, key: k });
        });
    }
    fn bin(&mut self, op: BinOp, dst: Reg, a: Reg, b: Reg) {
        self.op(Instr::Binary { op, dst, a, b });
    }
    fn bin_k(&mut self, op: BinOp, dst: Reg, a: Reg, k: Const) {
        self.scoped(|asm| {
            let t = asm.reg();
            asm.k(t, k);
            asm.bin(op, dst, a, t);
        });
    }
    fn global(&mut self, dst: Reg, name: &str) {
        self.op(Instr::LoadGlobal { dst, g: gid(name) });
    }
    fn store(&mut self, name: &str, src: Reg) {
        self.op(Instr::StoreGlobal { g: gid(name), src });
    }
    /// `R[dst] := closure of code`, with the defaults' values taken from `defaults`.
    fn closure(&mut self, dst: Reg, code: u32, defaults: &[Reg]) {
        self.scoped(|a| {
            let d = a.temps(&[]);
            a.temps(defaults);
            a.op(Instr::MakeClosure {
                dst: d,
                code: CodeId(code),
            });
            a.op(Instr::Move { dst, src: d });
        });
    }
    fn call(&mut self, dst: Reg, f: Reg, args: &[Reg]) {
        self.scoped(|a| {
            let first = a.temps(args);
            let argc = args.len() as u8;
            a.op(Instr::Call {
                dst,
                f,
                args: first,
                argc,
            });
        });
    }
    fn callg(&mut self, dst: Reg, name: &str, args: &[Reg]) {
        self.scoped(|a| {
            let f = a.reg();
            a.global(f, name);
            a.call(dst, f, args);
        });
    }
    fn call_ex(&mut self, dst: Reg, f: Reg, args: Args) {
        self.scoped(|a| {
            let mut srcs = args.pos.to_vec();
            srcs.extend(args.star);
            srcs.extend(args.kw.iter().map(|k| k.1));
            srcs.extend(args.star_star);
            let first = a.temps(&srcs);
            let site = a.b.add_call_site(CallSite {
                dst,
                f,
                args: first,
                positional: args.pos.len() as u8,
                star: args.star.is_some(),
                keywords: args.kw.iter().map(|k| k.0.to_string()).collect(),
                star_star: args.star_star.is_some(),
                tail: args.tail,
            });
            a.op(Instr::CallEx { site });
        });
    }
    fn print(&mut self, args: &[Reg]) {
        self.scoped(|a| {
            let d = a.reg();
            a.callg(d, "print", args);
        });
    }
    fn print_str(&mut self, text: &str) {
        self.scoped(|a| {
            let r = a.reg();
            a.s(r, text);
            a.print(&[r]);
        });
    }
    /// Runs `body` in a protected range; a caught error is printed.
    fn catch(&mut self, body: impl FnOnce(&mut Asm)) {
        let err = self.reg();
        let start = self.b.here();
        body(self);
        let skip = self.op(Instr::Jump { target: Label(0) });
        let target = self.b.here();
        self.b.add_handler(Handler {
            start,
            end: skip,
            target,
            dst: err,
        });
        self.print(&[err]);
        let end = self.b.here();
        self.b.patch(skip, end);
    }
    /// `for item in R[src]: body(item)`
    fn for_each(&mut self, src: Reg, body: impl FnOnce(&mut Asm, Reg)) {
        let [it, item] = self.regs();
        self.op(Instr::GetIter { dst: it, src });
        let top = self.b.here();
        let exit = self.op(Instr::ForIter {
            iter: it,
            target: Label(0),
        });
        body(self, item);
        self.op(Instr::JumpBack { target: top });
        let end = self.b.here();
        self.b.patch(exit, end);
    }
    /// `R[i] := 0; while R[i] < R[n]: body; R[i] += 1`
    fn repeat(&mut self, i: Reg, n: Reg, body: impl FnOnce(&mut Asm)) {
        let c = self.reg();
        self.int(i, 0);
        let top = self.b.here();
        self.bin(BinOp::Lt, c, i, n);
        let exit = self.op(Instr::JumpIfFalse {
            cond: c,
            target: Label(0),
        });
        body(self);
        self.bin_k(BinOp::Add, i, i, Const::Int(1));
        self.op(Instr::JumpBack { target: top });
        let end = self.b.here();
        self.b.patch(exit, end);
    }
    fn if_true(&mut self, cond: Reg, body: impl FnOnce(&mut Asm)) {
        let j = self.op(Instr::JumpIfFalse { cond, target: Label(0) });
        body(self);
        let end = self.b.here();
        self.b.patch(j, end);
    }
    fn ret(&mut self, src: Reg) {
        self.op(Instr::Return { src });
    }
    fn finish(self) -> Code {
        self.b.finish()
    }
}

/// A function `name` declared by `params`, returning a list of its parameter registers.
fn list_of_params(name: &str, params: Params) -> Code {
    let n = params.registers() as u16;
    let mut a = Asm::new(name, params);
    let r = a.reg();
    let regs: Vec<Reg> = (0..n).map(Reg).collect();
    a.build(BuildKind::List, r, &regs);
    a.ret(r);
    a.finish()
}

fn params(names: &[&str], positional: u16, kwonly: u16, defaults: &[u16]) -> Params {
    Params {
        names: names.iter().map(|n| n.to_string()).collect(),
        positional,
        kwonly,
        defaults: defaults.to_vec(),
        ..Params::default()
    }
}

/// `f(a, b=10, c=20)` returning `[a, b, c]`.
fn abc() -> Code {
    list_of_params("f", params(&["a", "b", "c"], 3, 0, &[1, 2]))
}

/// Loads `f(a, b=10, c=20)` from code `code` into `dst`.
fn make_abc(m: &mut Asm, dst: Reg, code: u32) {
    m.scoped(|m| {
        let [b, c] = m.regs();
        m.int(b, 10);
        m.int(c, 20);
        m.closure(dst, code, &[b, c]);
    });
}

// ---- containers ------------------------------------------------------------------------

#[test]
fn build_index_and_slice_lists_tuples_strings_and_dicts() {
    let mut m = Asm::main();
    let [l, t, s, d, x, sl] = m.regs();
    m.ints(BuildKind::List, l, &[10, 20, 30, 40, 50]);
    for i in [0, 4, -1, -5] {
        m.item(x, l, Const::Int(i));
        m.print(&[x]);
    }
    let slices = [
        [Some(1), Some(4), None],
        [None, None, Some(2)],
        [None, None, Some(-1)],
        [Some(4), Some(1), Some(-2)],
        [Some(-100), Some(100), None],
        [Some(-2), None, None],
        [Some(3), Some(1), None],
        [None, Some(-3), Some(-1)],
    ];
    for parts in slices {
        m.slice(sl, parts);
        m.op(Instr::GetItem {
            dst: x,
            obj: l,
            key: sl,
        });
        m.print(&[x]);
    }
    m.ints(BuildKind::Tuple, t, &[1, 2, 3]);
    m.print(&[t]);
    m.item(x, t, Const::Int(-1));
    m.print(&[x]);
    for parts in [[None, None, Some(-1)], [Some(1), Some(2), None]] {
        m.slice(sl, parts);
        m.op(Instr::GetItem {
            dst: x,
            obj: t,
            key: sl,
        });
        m.print(&[x]);
    }
    m.s(s, "héllo wörld");
    for i in [1, -1, 7] {
        m.item(x, s, Const::Int(i));
        m.print(&[x]);
    }
    let slices = [
        [Some(1), Some(4), None],
        [None, None, Some(-1)],
        [None, None, Some(3)],
        [Some(-3), None, None],
        [Some(-100), Some(2), None],
        [Some(8), Some(2), Some(-2)],
    ];
    for parts in slices {
        m.slice(sl, parts);
        m.op(Instr::GetItem {
            dst: x,
            obj: s,
            key: sl,
        });
        m.print(&[x]);
    }
    let [k, v] = m.regs();
    m.s(k, "a");
    m.int(v, 1);
    m.ints(BuildKind::Tuple, x, &[2, 3]);
    m.s(sl, "b");
    m.build(BuildKind::Dict, d, &[k, v, sl, x]);
    m.print(&[d]);
    m.item(x, d, Const::Str("b".into()));
    m.print(&[x]);
    m.build(BuildKind::List, x, &[]);
    m.build(BuildKind::Tuple, sl, &[]);
    m.print(&[x, sl]);
    m.ret(x);
    let out = run(vec![m.finish()]);
    let expected = "10\n50\n50\n10\n[20, 30, 40]\n[10, 30, 50]\n[50, 40, 30, 20, 10]\n[50, 30]\n\
        [10, 20, 30, 40, 50]\n[40, 50]\n[]\n[50, 40]\n(1, 2, 3)\n3\n(3, 2, 1)\n(2,)\n\
        é\nd\nö\néll\ndlröw olléh\nhlwl\nrld\nhé\nrwo\n{'a': 1, 'b': (2, 3)}\n(2, 3)\n[] ()\n";
    assert_eq!(out, expected);
}

#[test]
fn set_and_delete_items_and_cpython_error_messages() {
    let mut m = Asm::main();
    let [l, d, t, x, k] = m.regs();
    m.ints(BuildKind::List, l, &[1, 2, 3]);
    for (i, v) in [(1, 20), (-1, 30)] {
        m.int(k, i);
        m.int(x, v);
        m.op(Instr::SetItem { obj: l, key: k, src: x });
    }
    m.print(&[l]);
    for i in [0, -1] {
        m.int(k, i);
        m.op(Instr::DelItem { obj: l, key: k });
        m.print(&[l]);
    }
    m.consts(
        BuildKind::Dict,
        d,
        &[
            Const::Str("a".into()),
            Const::Int(1),
            Const::Str("b".into()),
            Const::Int(2),
        ],
    );
    for (key, v) in [("c", 3), ("a", 10)] {
        m.s(k, key);
        m.int(x, v);
        m.op(Instr::SetItem { obj: d, key: k, src: x });
    }
    m.s(k, "b");
    m.op(Instr::DelItem { obj: d, key: k });
    m.print(&[d]);
    m.int(x, 4);
    m.op(Instr::SetItem { obj: d, key: k, src: x });
    m.print(&[d]);
    // Errors, each caught and printed.
    m.ints(BuildKind::Tuple, t, &[1]);
    m.catch(|m| m.item(x, l, Const::Int(5)));
    m.catch(|m| m.item(x, l, Const::Int(-2)));
    m.catch(|m| {
        m.int(k, 5);
        m.op(Instr::SetItem { obj: l, key: k, src: k });
    });
    m.catch(|m| {
        m.op(Instr::DelItem { obj: l, key: k });
    });
    m.catch(|m| m.item(x, t, Const::Int(1)));
    m.catch(|m| {
        m.s(x, "é");
        m.item(x, x, Const::Int(1));
    });
    m.catch(|m| m.item(x, d, Const::Str("zz".into())));
    m.catch(|m| m.item(x, d, Const::Int(7)));
    m.catch(|m| {
        m.s(k, "zz");
        m.op(Instr::DelItem { obj: d, key: k });
    });
    m.ints(BuildKind::List, k, &[1]);
    m.catch(|m| {
        m.op(Instr::GetItem { dst: x, obj: d, key: k });
    });
    m.catch(|m| {
        m.op(Instr::SetItem { obj: d, key: k, src: k });
    });
    m.catch(|m| m.build(BuildKind::Dict, x, &[k, k]));
    m.catch(|m| m.build(BuildKind::Set, x, &[k]));
    m.catch(|m| {
        m.slice(x, [None, None, Some(0)]);
        m.op(Instr::GetItem { dst: x, obj: l, key: x });
    });
    m.catch(|m| {
        m.op(Instr::SetItem { obj: t, key: k, src: k });
    });
    m.catch(|m| {
        m.int(x, 5);
        m.item(x, x, Const::Int(0));
    });
    m.print(&[l]);
    m.ret(x);
    let out = run(vec![m.finish()]);
    let expected = "[1, 20, 30]\n[20, 30]\n[20]\n{'a': 10, 'c': 3}\n{'a': 10, 'c': 3, 'b': 4}\n\
        IndexError: list index out of range\nIndexError: list index out of range\n\
        IndexError: list assignment index out of range\nIndexError: list assignment index out of range\n\
        IndexError: tuple index out of range\nIndexError: string index out of range\n\
        KeyError: 'zz'\nKeyError: 7\nKeyError: 'zz'\n\
        TypeError: unhashable type: 'list'\nTypeError: unhashable type: 'list'\n\
        TypeError: unhashable type: 'list'\nTypeError: unhashable type: 'list'\n\
        ValueError: slice step cannot be zero\n\
        TypeError: 'tuple' object does not support item assignment\n\
        TypeError: 'int' object is not subscriptable\n[20]\n";
    assert_eq!(out, expected);
}

/// `n = 0; s = start; for x in R[src]: n += 1; s = s + x (+ sep)`; prints `n` (and `s` unless `start` is None).
fn count_and_join(m: &mut Asm, src: Reg, start: Const, sep: Option<&str>) {
    m.scoped(|m| {
        let [n, acc] = m.regs();
        m.int(n, 0);
        let show_acc = start != Const::None;
        m.k(acc, start);
        m.for_each(src, |m, x| {
            m.bin_k(BinOp::Add, n, n, Const::Int(1));
            if show_acc {
                m.bin(BinOp::Add, acc, acc, x);
            }
            if let Some(sep) = sep {
                m.bin_k(BinOp::Add, acc, acc, Const::Str(sep.into()));
            }
        });
        if show_acc {
            m.print(&[n, acc]);
        } else {
            m.print(&[n]);
        }
    });
}

#[test]
fn iteration_counts_and_orders_and_unpacking() {
    let mut m = Asm::main();
    let [c, d, a, b, e, x] = m.regs();
    m.ints(BuildKind::List, c, &[1, 2, 3, 4]);
    count_and_join(&mut m, c, Const::Int(0), None);
    m.ints(BuildKind::Tuple, c, &[]);
    count_and_join(&mut m, c, Const::None, None);
    m.s(c, "añb€");
    count_and_join(&mut m, c, Const::Str("".into()), Some("."));
    m.consts(
        BuildKind::Dict,
        d,
        &[
            Const::Str("x".into()),
            Const::Int(1),
            Const::Str("y".into()),
            Const::Int(2),
            Const::Str("z".into()),
            Const::Int(3),
        ],
    );
    count_and_join(&mut m, d, Const::Str("".into()), None);
    // Deleting and re-inserting a key moves it to the end.
    m.s(x, "x");
    m.op(Instr::DelItem { obj: d, key: x });
    m.op(Instr::SetItem { obj: d, key: x, src: x });
    count_and_join(&mut m, d, Const::Str("".into()), None);
    m.ints(BuildKind::Set, c, &[5, 5, 6]);
    count_and_join(&mut m, c, Const::Int(0), None);
    // Unpacking a tuple, a string, a list and a dict (its keys).
    m.ints(BuildKind::Tuple, c, &[1, 2]);
    m.op(Instr::Unpack {
        first: a,
        src: c,
        count: 2,
    });
    m.print(&[a, b]);
    m.s(c, "xé");
    m.op(Instr::Unpack {
        first: a,
        src: c,
        count: 2,
    });
    m.print(&[a, b]);
    m.ints(BuildKind::List, x, &[2]);
    m.int(a, 1);
    m.s(b, "z");
    m.build(BuildKind::List, c, &[a, x, b]);
    m.op(Instr::Unpack {
        first: a,
        src: c,
        count: 3,
    });
    m.print(&[a, b, e]);
    m.op(Instr::Unpack {
        first: a,
        src: d,
        count: 3,
    });
    m.print(&[a, b, e]);
    m.ints(BuildKind::List, c, &[1, 2, 3]);
    m.catch(|m| {
        m.op(Instr::Unpack {
            first: a,
            src: c,
            count: 2,
        });
    });
    m.ints(BuildKind::List, c, &[1, 2]);
    m.catch(|m| {
        m.op(Instr::Unpack {
            first: a,
            src: c,
            count: 3,
        });
    });
    m.int(c, 5);
    m.catch(|m| {
        m.op(Instr::Unpack {
            first: a,
            src: c,
            count: 2,
        });
    });
    m.catch(|m| m.for_each(c, |_, _| {}));
    m.ret(c);
    let out = run(vec![m.finish()]);
    let expected = "4 10\n0\n4 a.ñ.b.€.\n3 xyz\n3 yzx\n2 11\n1 2\nx é\n1 [2] z\ny z x\n\
        ValueError: too many values to unpack (expected 2)\n\
        ValueError: not enough values to unpack (expected 3, got 2)\n\
        TypeError: cannot unpack non-iterable int object\n\
        TypeError: 'int' object is not iterable\n";
    assert_eq!(out, expected);
}

#[test]
fn membership_identity_comparisons_and_sequence_arithmetic() {
    let mut m = Asm::main();
    let [l, l2, t, s, d, x, y] = m.regs();
    let r: [Reg; 10] = m.regs();
    m.ints(BuildKind::List, l, &[1, 2, 3]);
    m.ints(BuildKind::Tuple, t, &[1, 2, 3]);
    m.s(s, "hello");
    m.consts(BuildKind::Dict, d, &[Const::Str("a".into()), Const::Int(1)]);
    let ins = [
        (Const::Int(2), l),
        (Const::Int(5), l),
        (Const::Str("ll".into()), s),
        (Const::Str("".into()), s),
        (Const::Str("a".into()), d),
        (Const::Int(1), d),
        (Const::Float(1.0), l),
        (Const::Int(3), t),
    ];
    for (i, (item, container)) in ins.into_iter().enumerate() {
        m.k(x, item);
        m.bin(BinOp::In, r[i], x, container);
    }
    m.print(&r[..8]);
    m.ints(BuildKind::List, x, &[1]);
    m.ints(BuildKind::List, y, &[1]);
    m.bin(BinOp::Is, r[0], l, l);
    m.bin(BinOp::Is, r[1], x, y);
    m.bin(BinOp::Eq, r[2], x, y);
    m.k(x, Const::None);
    m.bin(BinOp::Is, r[3], x, x);
    m.print(&r[..4]);
    // (a, b, op): lists are built from `a` and `b`, tuples when the op is negated below.
    let cmps: [(&[i64], &[i64], BinOp, BuildKind); 9] = [
        (&[1, 2], &[1, 2], BinOp::Eq, BuildKind::List),
        (&[1, 2], &[1, 3], BinOp::Ne, BuildKind::List),
        (&[1, 2], &[1, 3], BinOp::Lt, BuildKind::List),
        (&[1, 2], &[1, 2, 0], BinOp::Lt, BuildKind::List),
        (&[2], &[1, 5], BinOp::Gt, BuildKind::Tuple),
        (&[1, 2], &[1, 2], BinOp::Le, BuildKind::List),
        (&[], &[], BinOp::Ge, BuildKind::List),
        (&[2], &[1, 9], BinOp::Gt, BuildKind::List),
        (&[1, 2], &[1, 2], BinOp::Lt, BuildKind::Tuple),
    ];
    for (i, (a, b, op, kind)) in cmps.into_iter().enumerate() {
        m.ints(kind, x, a);
        m.ints(kind, y, b);
        m.bin(op, r[i], x, y);
    }
    m.print(&r[..9]);
    m.ints(BuildKind::List, x, &[1, 2]);
    m.ints(BuildKind::Tuple, y, &[1, 2]);
    m.bin(BinOp::Eq, r[0], x, y);
    m.print(&r[..1]);
    // Concatenation and repetition make new sequences.
    m.build(BuildKind::List, x, &[]);
    m.bin(BinOp::Add, l2, l, x);
    m.bin(BinOp::Is, r[0], l2, l);
    m.bin(BinOp::Eq, r[1], l2, l);
    m.ints(BuildKind::List, x, &[3]);
    m.ints(BuildKind::List, y, &[0, 1]);
    m.bin(BinOp::Add, r[2], l, x);
    m.bin_k(BinOp::Mul, r[3], y, Const::Int(3));
    m.bin_k(BinOp::Mul, r[4], y, Const::Int(0));
    m.bin_k(BinOp::Mul, r[5], y, Const::Int(-2));
    m.ints(BuildKind::Tuple, x, &[7]);
    m.bin(BinOp::Add, r[6], x, x);
    m.bin_k(BinOp::Mul, r[7], x, Const::Int(2));
    m.print(&r[..8]);
    m.ints(BuildKind::Tuple, x, &[1]);
    m.ints(BuildKind::List, y, &[1]);
    m.catch(|m| m.bin(BinOp::Lt, x, y, x));
    m.consts(BuildKind::List, x, &[Const::Int(1), Const::Str("a".into())]);
    m.catch(|m| m.bin(BinOp::Lt, x, l, x));
    m.int(x, 1);
    m.catch(|m| m.bin(BinOp::In, y, x, s));
    m.catch(|m| m.bin(BinOp::In, y, x, x));
    m.ret(x);
    let out = run(vec![m.finish()]);
    let expected = "True False True True True False True True\nTrue False True True\n\
        True True True True True True True True False\nFalse\n\
        False True [1, 2, 3, 3] [0, 1, 0, 1, 0, 1] [] [] (7, 7) (7, 7)\n\
        TypeError: '<' not supported between instances of 'list' and 'tuple'\n\
        TypeError: '<' not supported between instances of 'int' and 'str'\n\
        TypeError: 'in <string>' requires string as left operand, not int\n\
        TypeError: argument of type 'int' is not iterable\n";
    assert_eq!(out, expected);
}

#[test]
fn dict_keys_hash_by_value_and_survive_many_deletions() {
    let mut m = Asm::main();
    let [d, k, v, x, i, n, c] = m.regs();
    m.consts(BuildKind::Dict, d, &[Const::Int(1), Const::Str("int".into())]);
    for (key, val) in [
        (Const::Float(1.0), "float"),
        (Const::Bool(true), "bool"),
        (Const::Float(-1.0), "m"),
    ] {
        m.k(k, key);
        m.s(v, val);
        m.op(Instr::SetItem { obj: d, key: k, src: v });
    }
    m.print(&[d]);
    m.item(x, d, Const::Int(-1));
    m.print(&[x]);
    // Tuples hash by their items: (1.0, 2) finds (1, 2).
    m.ints(BuildKind::Tuple, k, &[1, 2]);
    m.s(v, "t");
    m.op(Instr::SetItem { obj: d, key: k, src: v });
    m.consts(BuildKind::Tuple, k, &[Const::Float(1.0), Const::Int(2)]);
    m.op(Instr::GetItem { dst: x, obj: d, key: k });
    m.print(&[x]);
    // A big integer computed at run time finds the equal constant, and so does the equal float.
    m.k(k, Const::BigInt("1180591620717411303424".into()));
    m.s(v, "big");
    m.op(Instr::SetItem { obj: d, key: k, src: v });
    m.int(k, 1 << 35);
    m.bin(BinOp::Mul, k, k, k);
    m.op(Instr::GetItem { dst: x, obj: d, key: k });
    m.item(v, d, Const::Float(1180591620717411303424.0));
    m.print(&[x, v]);
    // 10,000 keys, the even ones deleted, then 500 of them inserted again.
    m.build(BuildKind::Dict, d, &[]);
    m.int(n, 10_000);
    m.repeat(i, n, |m| {
        m.bin_k(BinOp::Mul, v, i, Const::Int(2));
        m.op(Instr::SetItem { obj: d, key: i, src: v });
    });
    m.repeat(i, n, |m| {
        m.bin_k(BinOp::Mod, c, i, Const::Int(2));
        m.bin_k(BinOp::Eq, c, c, Const::Int(0));
        m.if_true(c, |m| {
            m.op(Instr::DelItem { obj: d, key: i });
        });
    });
    count_and_join(&mut m, d, Const::Int(0), None);
    // bad counts keys whose presence or value is wrong.
    let bad = x;
    m.int(bad, 0);
    m.repeat(i, n, |m| {
        m.bin(BinOp::In, c, i, d);
        m.bin_k(BinOp::Mod, v, i, Const::Int(2));
        m.bin_k(BinOp::Eq, v, v, Const::Int(1));
        m.bin(BinOp::Ne, v, v, c);
        m.if_true(v, |m| m.bin_k(BinOp::Add, bad, bad, Const::Int(1)));
        m.if_true(c, |m| {
            m.op(Instr::GetItem { dst: v, obj: d, key: i });
            m.bin_k(BinOp::FloorDiv, v, v, Const::Int(2));
            m.bin(BinOp::Ne, v, v, i);
            m.if_true(v, |m| m.bin_k(BinOp::Add, bad, bad, Const::Int(1)));
        });
    });
    m.print(&[bad]);
    m.int(n, 500);
    m.repeat(i, n, |m| {
        m.bin_k(BinOp::Mul, k, i, Const::Int(2));
        m.op(Instr::SetItem { obj: d, key: k, src: k });
    });
    count_and_join(&mut m, d, Const::Int(0), None);
    m.ret(d);
    let out = run(vec![m.finish()]);
    // Odd keys 1..9999 sum to 25,000,000; the evens 0..998 add 249,500.
    assert_eq!(
        out,
        "{1: 'bool', -1.0: 'm'}\nm\nt\nbig big\n5000 25000000\n0\n5500 25249500\n"
    );
}

// ---- calls -------------------------------------------------------------------------------

/// `g(a, *args, **kw)` returning `(a, args, kw)`.
fn varargs_fn() -> Code {
    let p = Params {
        names: vec!["a".into()],
        positional: 1,
        varargs: true,
        varkw: true,
        ..Params::default()
    };
    let mut a = Asm::new("g", p);
    let r = a.reg();
    a.build(BuildKind::Tuple, r, &[Reg(0), Reg(1), Reg(2)]);
    a.ret(r);
    a.finish()
}

#[test]
fn defaults_keywords_varargs_kwargs_and_spreading() {
    let mut m = Asm::main();
    let [f, g, h, r, x, y, z, l, t, d, d2] = m.regs();
    make_abc(&mut m, f, 1);
    m.closure(g, 2, &[]);
    m.int(x, 7);
    m.closure(h, 3, &[x]);
    m.int(x, 1);
    m.int(y, 2);
    m.int(z, 3);
    m.ints(BuildKind::List, l, &[1, 2, 3]);
    m.ints(BuildKind::Tuple, t, &[2]);
    m.consts(
        BuildKind::Dict,
        d,
        &[
            Const::Str("a".into()),
            Const::Int(1),
            Const::Str("c".into()),
            Const::Int(9),
        ],
    );
    m.consts(BuildKind::Dict, d2, &[Const::Str("c".into()), Const::Int(3)]);
    for args in [&[x][..], &[x, y], &[x, y, z]] {
        m.call(r, f, args);
        m.print(&[r]);
    }
    let sites = [
        (
            f,
            Args {
                pos: &[x],
                kw: &[("c", z)],
                ..Args::default()
            },
        ),
        (
            f,
            Args {
                kw: &[("c", z), ("a", y)],
                ..Args::default()
            },
        ),
        (
            f,
            Args {
                star: Some(l),
                ..Args::default()
            },
        ),
        (
            f,
            Args {
                pos: &[x],
                star: Some(t),
                ..Args::default()
            },
        ),
        (
            f,
            Args {
                star_star: Some(d),
                ..Args::default()
            },
        ),
        (
            f,
            Args {
                pos: &[x],
                kw: &[("b", y)],
                star_star: Some(d2),
                ..Args::default()
            },
        ),
        (
            g,
            Args {
                pos: &[x, y, z],
                ..Args::default()
            },
        ),
        (
            g,
            Args {
                pos: &[x, y, z],
                kw: &[("x", x), ("y", y)],
                ..Args::default()
            },
        ),
        (
            g,
            Args {
                pos: &[x],
                ..Args::default()
            },
        ),
        (
            g,
            Args {
                star: Some(l),
                star_star: Some(d2),
                ..Args::default()
            },
        ),
        (
            g,
            Args {
                kw: &[("a", x), ("b", y)],
                ..Args::default()
            },
        ),
        (
            h,
            Args {
                pos: &[x],
                kw: &[("k", y)],
                ..Args::default()
            },
        ),
        (
            h,
            Args {
                pos: &[x],
                kw: &[("m", z), ("k", y)],
                ..Args::default()
            },
        ),
        (
            h,
            Args {
                kw: &[("k", y), ("a", z)],
                ..Args::default()
            },
        ),
    ];
    for (callee, args) in sites {
        m.call_ex(r, callee, args);
        m.print(&[r]);
    }
    m.consts(BuildKind::Dict, d, &[Const::Int(1), Const::Int(2)]);
    m.catch(|m| {
        m.call_ex(
            r,
            f,
            Args {
                star_star: Some(d),
                ..Args::default()
            },
        )
    });
    m.ret(r);
    let h = list_of_params("h", params(&["a", "k", "m"], 1, 2, &[2]));
    let out = run(vec![m.finish(), abc(), varargs_fn(), h]);
    let expected = "[1, 10, 20]\n[1, 2, 20]\n[1, 2, 3]\n[1, 10, 3]\n[2, 10, 3]\n[1, 2, 3]\n[1, 2, 20]\n\
        [1, 10, 9]\n[1, 2, 3]\n(1, (2, 3), {})\n(1, (2, 3), {'x': 1, 'y': 2})\n(1, (), {})\n\
        (1, (2, 3), {'c': 3})\n(1, (), {'b': 2})\n[1, 2, 7]\n[1, 2, 3]\n[3, 2, 7]\n\
        TypeError: keywords must be strings\n";
    assert_eq!(out, expected);
}

/// Calls `f` declared by `p` (default values 0, 1, ...) through `CallEx` with
/// `pos` positional ints and the keywords `kws`; returns the printed error.
fn bind_error(p: Params, pos: usize, kws: &[&str]) -> String {
    let mut m = Asm::main();
    let f = m.reg();
    m.scoped(|m| {
        let defs: Vec<Reg> = p.defaults.iter().map(|_| m.reg()).collect();
        for (i, &r) in defs.iter().enumerate() {
            m.int(r, i as i64);
        }
        m.closure(f, 1, &defs);
    });
    let vals: Vec<Reg> = (0..pos + kws.len()).map(|_| m.reg()).collect();
    for (i, &r) in vals.iter().enumerate() {
        m.int(r, i as i64 + 1);
    }
    let kw: Vec<(&str, Reg)> = kws.iter().copied().zip(vals[pos..].iter().copied()).collect();
    m.catch(|m| {
        let args = Args {
            pos: &vals[..pos],
            kw: &kw,
            ..Args::default()
        };
        m.call_ex(f, f, args);
    });
    m.ret(f);
    run(vec![m.finish(), list_of_params("f", p)])
}

#[test]
fn binding_errors_use_cpython_messages() {
    let ab = || params(&["a", "b"], 2, 0, &[]);
    let ak = |defaults: &[u16]| params(&["a", "k"], 1, 1, defaults);
    let cases: Vec<(Params, usize, &[&str], &str)> = vec![
        (ab(), 3, &[], "f() takes 2 positional arguments but 3 were given"),
        (ab(), 1, &[], "f() missing 1 required positional argument: 'b'"),
        (ab(), 0, &[], "f() missing 2 required positional arguments: 'a' and 'b'"),
        (ab(), 2, &["z"], "f() got an unexpected keyword argument 'z'"),
        (ab(), 1, &["a"], "f() got multiple values for argument 'a'"),
        (ak(&[]), 1, &[], "f() missing 1 required keyword-only argument: 'k'"),
        (
            params(&["a", "b"], 2, 0, &[1]),
            3,
            &[],
            "f() takes from 1 to 2 positional arguments but 3 were given",
        ),
        (
            params(&["a"], 1, 0, &[]),
            2,
            &[],
            "f() takes 1 positional argument but 2 were given",
        ),
        (
            params(&[], 0, 0, &[]),
            1,
            &[],
            "f() takes 0 positional arguments but 1 was given",
        ),
        (
            params(&["a", "b", "c"], 3, 0, &[]),
            0,
            &[],
            "f() missing 3 required positional arguments: 'a', 'b', and 'c'",
        ),
        // A keyword-only default does not make a positional parameter optional.
        (ak(&[1]), 2, &[], "f() takes 1 positional argument but 2 were given"),
        (
            ak(&[]),
            2,
            &["k"],
            "f() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given",
        ),
        // CPython checks keywords before counting positional arguments.
        (
            params(&["a"], 1, 0, &[]),
            2,
            &["z"],
            "f() got an unexpected keyword argument 'z'",
        ),
        (
            params(&["a"], 1, 0, &[]),
            2,
            &["a"],
            "f() got multiple values for argument 'a'",
        ),
    ];
    for (p, pos, kws, msg) in cases {
        let what = format!("{p:?} called with {pos} positional arguments and keywords {kws:?}");
        assert_eq!(bind_error(p, pos, kws), format!("TypeError: {msg}\n"), "{what}");
    }
}

#[test]
fn natives_take_keywords_or_refuse_them_and_call_back_into_defaults() {
    let mut m = Asm::main();
    let [kwf, idf, ap, f, g, r, x, y, s, d, l] = m.regs();
    m.global(kwf, "kw");
    m.global(idf, "ident");
    m.global(ap, "apply");
    make_abc(&mut m, f, 1);
    m.closure(g, 2, &[]);
    m.int(x, 1);
    m.ints(BuildKind::List, y, &[3]);
    m.s(s, "a");
    m.consts(BuildKind::Dict, d, &[Const::Str("q".into()), Const::Int(1)]);
    m.ints(BuildKind::List, l, &[1, 2]);
    let sites = [
        (
            kwf,
            Args {
                pos: &[x, s],
                kw: &[("x", x), ("y", y)],
                ..Args::default()
            },
        ),
        (kwf, Args::default()),
        (
            kwf,
            Args {
                star_star: Some(d),
                ..Args::default()
            },
        ),
    ];
    for (callee, args) in sites {
        m.call_ex(r, callee, args);
        m.print(&[r]);
    }
    m.call(r, kwf, &[x]);
    m.print(&[r]);
    m.catch(|m| {
        m.call_ex(
            r,
            idf,
            Args {
                pos: &[x],
                kw: &[("z", x)],
                ..Args::default()
            },
        )
    });
    m.catch(|m| {
        m.call_ex(
            r,
            idf,
            Args {
                star: Some(l),
                ..Args::default()
            },
        )
    });
    // A native that takes no keywords must not pass them on to a native it calls.
    m.catch(|m| {
        m.call_ex(
            r,
            ap,
            Args {
                pos: &[kwf, x],
                kw: &[("z", x)],
                ..Args::default()
            },
        )
    });
    // call_value binds like a call from bytecode.
    for args in [&[f, x][..], &[f, x, y, x], &[g, x, y], &[kwf, x]] {
        m.call(r, ap, args);
        m.print(&[r]);
    }
    m.catch(|m| m.call(r, ap, &[f]));
    m.catch(|m| m.call(r, ap, &[f, x, x, x, x]));
    m.ret(r);
    let out = run(vec![m.finish(), abc(), varargs_fn()]);
    let expected = "1,'a'|x=1,y=[3]\n|\n|q=1\n1|\n\
        TypeError: ident() got an unexpected keyword argument 'z'\n\
        TypeError: ident() takes exactly 1 argument (2 given)\n\
        TypeError: apply() got an unexpected keyword argument 'z'\n\
        [1, 10, 20]\n[1, [3], 1]\n(1, ([3],), {})\n1|\n\
        TypeError: f() missing 1 required positional argument: 'a'\n\
        TypeError: f() takes from 1 to 3 positional arguments but 4 were given\n";
    assert_eq!(out, expected);
}

/// `loop(n, acc=0)`: `if n == 0: return acc` else `return loop(n - 1, acc=acc + 1)`.
fn loop_code(tail: bool) -> Code {
    let mut a = Asm::new("loop", params(&["n", "acc"], 2, 0, &[1]));
    let (n, acc) = (Reg(0), Reg(1));
    let [c, f, n1, acc1, r] = a.regs();
    a.bin_k(BinOp::Eq, c, n, Const::Int(0));
    a.if_true(c, |a| a.ret(acc));
    a.global(f, "loop");
    a.bin_k(BinOp::Sub, n1, n, Const::Int(1));
    a.bin_k(BinOp::Add, acc1, acc, Const::Int(1));
    a.call_ex(
        r,
        f,
        Args {
            pos: &[n1],
            kw: &[("acc", acc1)],
            tail,
            ..Args::default()
        },
    );
    a.ret(r);
    a.finish()
}

#[test]
fn tail_call_ex_runs_in_constant_frames() {
    let program = |tail: bool| {
        let mut m = Asm::main();
        let [f, n, r] = m.regs();
        m.int(n, 0);
        m.closure(f, 1, &[n]);
        m.store("loop", f);
        m.int(n, 100_000);
        m.call(r, f, &[n]);
        m.print(&[r]);
        m.ret(r);
        vec![m.finish(), loop_code(tail)]
    };
    let limits = Limits {
        max_depth: 10,
        ..Limits::default()
    };
    let (out, result, vm) = run_with(StandardConfig::default(), limits, program(true));
    result.unwrap_or_else(|d| panic!("{}", d.headline()));
    assert_eq!(out, "100000\n");
    assert!(
        vm.frames.is_empty() && vm.regs.len() < 100,
        "{} registers",
        vm.regs.len()
    );
    let (_, result, _) = run_with(StandardConfig::default(), limits, program(false));
    assert_eq!(
        result.unwrap_err().kind,
        "RecursionError",
        "the same calls without `tail`"
    );
}

// ---- generators ----------------------------------------------------------------------------

/// `gen123()`: yields 1, 2, 3 and returns "ret".
fn gen123() -> Code {
    let mut a = Asm::generator("gen123", Params::default());
    let [v, sent] = a.regs();
    for i in 1..=3 {
        a.int(v, i);
        a.op(Instr::Yield { dst: sent, src: v });
    }
    a.s(v, "ret");
    a.ret(v);
    a.finish()
}

#[test]
fn a_generator_feeds_loops_unpacking_star_calls_and_membership() {
    let mut m = Asm::main();
    let [gf, g, f, r, a, b, c, x] = m.regs();
    m.closure(gf, 1, &[]);
    m.call(g, gf, &[]);
    m.for_each(g, |m, x| m.print(&[x]));
    m.for_each(g, |m, x| m.print(&[x, x]));
    m.k(x, Const::None);
    m.callg(r, "send", &[g, x]);
    m.print(&[r]);
    m.callg(r, "gen_result", &[g]);
    m.print(&[r]);
    make_abc(&mut m, f, 2);
    m.call(g, gf, &[]);
    m.call_ex(
        r,
        f,
        Args {
            star: Some(g),
            ..Args::default()
        },
    );
    m.print(&[r]);
    m.call(g, gf, &[]);
    m.op(Instr::Unpack {
        first: a,
        src: g,
        count: 3,
    });
    m.print(&[a, b, c]);
    // `in` stops at the first match; the rest is still there.
    m.call(g, gf, &[]);
    m.int(x, 2);
    m.bin(BinOp::In, r, x, g);
    m.print(&[r]);
    m.for_each(g, |m, x| m.print(&[x]));
    m.call(g, gf, &[]);
    m.int(x, 5);
    m.bin(BinOp::In, r, x, g);
    m.print(&[r]);
    m.call(g, gf, &[]);
    m.k(x, Const::None);
    m.callg(a, "send", &[g, x]);
    m.callg(b, "send", &[g, x]);
    m.print(&[a, b]);
    m.call(g, gf, &[]);
    m.catch(|m| {
        m.op(Instr::Unpack {
            first: a,
            src: g,
            count: 2,
        });
    });
    m.ret(r);
    let out = run(vec![m.finish(), gen123(), abc()]);
    let expected = "1\n2\n3\n<done>\nret\n[1, 2, 3]\n1 2 3\nTrue\n3\nFalse\n1 2\n\
        ValueError: too many values to unpack (expected 2)\n";
    assert_eq!(out, expected);
}

#[test]
fn send_delivers_values_to_the_yield_and_a_running_generator_cannot_be_resumed() {
    // acc(): total = 0; while True: total += yield total
    let mut acc = Asm::generator("acc", Params::default());
    let [total, v] = acc.regs();
    acc.int(total, 0);
    let top = acc.b.here();
    acc.op(Instr::Yield { dst: v, src: total });
    acc.bin(BinOp::Add, total, total, v);
    acc.op(Instr::JumpBack { target: top });
    // selfish(): yield send(me, None)
    let mut selfish = Asm::generator("selfish", Params::default());
    let [g, n, r] = selfish.regs();
    selfish.global(g, "me");
    selfish.k(n, Const::None);
    selfish.callg(r, "send", &[g, n]);
    selfish.op(Instr::Yield { dst: n, src: r });
    selfish.ret(n);
    let mut m = Asm::main();
    let [gf, g, none, x, r1, r2, r3] = m.regs();
    m.closure(gf, 1, &[]);
    m.call(g, gf, &[]);
    m.k(none, Const::None);
    m.callg(r1, "send", &[g, none]);
    m.int(x, 5);
    m.callg(r2, "send", &[g, x]);
    m.int(x, 10);
    m.callg(r3, "send", &[g, x]);
    m.print(&[r1, r2, r3]);
    m.closure(gf, 2, &[]);
    m.call(g, gf, &[]);
    m.store("me", g);
    m.catch(|m| m.callg(x, "send", &[g, none]));
    m.callg(x, "send", &[g, none]);
    m.print(&[x]);
    m.ret(x);
    let out = run(vec![m.finish(), acc.finish(), selfish.finish()]);
    assert_eq!(out, "0 5 15\nValueError: generator already executing\n<done>\n");
}

/// Yields 1, then fails (`1 + "a"`, or raises "boom"), then would yield 2.
fn failing_gen(raise: bool) -> Code {
    let mut a = Asm::generator("bad", Params::default());
    let [v, s] = a.regs();
    a.int(v, 1);
    a.op(Instr::Yield { dst: s, src: v });
    if raise {
        a.s(v, "boom");
        a.op(Instr::Raise { src: v });
    } else {
        a.bin_k(BinOp::Add, v, v, Const::Str("a".into()));
    }
    a.int(v, 2);
    a.op(Instr::Yield { dst: s, src: v });
    a.ret(v);
    a.finish()
}

#[test]
fn exceptions_in_generators_reach_the_consumer_and_finish_the_generator() {
    let program = |catch: bool| {
        let mut m = Asm::main();
        let [gf, g, none, x] = m.regs();
        m.k(none, Const::None);
        for code in [1, 2] {
            m.closure(gf, code, &[]);
            m.call(g, gf, &[]);
            if catch {
                m.catch(|m| m.for_each(g, |m, x| m.print(&[x])));
            } else {
                m.for_each(g, |m, x| m.print(&[x]));
            }
            m.for_each(g, |m, x| m.print(&[x, x]));
            m.callg(x, "send", &[g, none]);
            m.print(&[x]);
        }
        m.ret(none);
        vec![m.finish(), failing_gen(false), failing_gen(true)]
    };
    let expected = "1\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n<done>\n1\nboom\n<done>\n";
    assert_eq!(run(program(true)), expected);
    let (out, result, _) = run_with(StandardConfig::default(), Limits::default(), program(false));
    let d = result.unwrap_err();
    assert_eq!(out, "1\n");
    assert_eq!(
        (d.kind.as_str(), d.message.as_str()),
        ("TypeError", "unsupported operand type(s) for +: 'int' and 'str'")
    );
}

#[test]
fn generators_interleave_nest_and_call_functions_between_yields() {
    // count(start, n): yields start, ..., start + n - 1
    let mut count = Asm::generator("count", params(&["start", "n"], 2, 0, &[]));
    let [i, end, c, s] = count.regs();
    count.op(Instr::Move { dst: i, src: Reg(0) });
    count.bin(BinOp::Add, end, Reg(0), Reg(1));
    let top = count.b.here();
    count.bin(BinOp::Lt, c, i, end);
    count.if_true(c, |a| {
        a.op(Instr::Yield { dst: s, src: i });
        a.bin_k(BinOp::Add, i, i, Const::Int(1));
        a.op(Instr::JumpBack { target: top });
    });
    count.ret(s);
    // sq(x) = x * x
    let mut sq = Asm::new("sq", params(&["x"], 1, 0, &[]));
    let r = sq.reg();
    sq.bin(BinOp::Mul, r, Reg(0), Reg(0));
    sq.ret(r);
    // sqgen(n): for i in range(n): yield sq(i)
    let mut sqgen = Asm::generator("sqgen", params(&["n"], 1, 0, &[]));
    let [i, v, s] = sqgen.regs();
    sqgen.repeat(i, Reg(0), |a| {
        a.callg(v, "sq", &[i]);
        a.op(Instr::Yield { dst: s, src: v });
    });
    sqgen.ret(s);
    // double(src): for x in src: yield x * 2
    let mut double = Asm::generator("double", params(&["src"], 1, 0, &[]));
    let s = double.reg();
    double.for_each(Reg(0), |a, x| {
        a.bin_k(BinOp::Mul, x, x, Const::Int(2));
        a.op(Instr::Yield { dst: s, src: x });
    });
    double.ret(s);
    let mut m = Asm::main();
    let [f, g1, g2, a, b, none] = m.regs();
    let r: [Reg; 6] = m.regs();
    m.closure(f, 2, &[]);
    m.store("sq", f);
    m.closure(f, 1, &[]);
    m.int(a, 0);
    m.int(b, 2);
    m.call(g1, f, &[a, b]);
    m.int(a, 100);
    m.call(g2, f, &[a, b]);
    m.k(none, Const::None);
    for (i, &g) in [g1, g2, g1, g2, g1, g2].iter().enumerate() {
        m.callg(r[i], "send", &[g, none]);
    }
    m.print(&r);
    m.closure(f, 3, &[]);
    m.int(a, 4);
    m.call(g1, f, &[a]);
    m.closure(f, 4, &[]);
    m.call(g2, f, &[g1]);
    m.for_each(g2, |m, x| m.print(&[x]));
    m.ret(none);
    let out = run(vec![
        m.finish(),
        count.finish(),
        sq.finish(),
        sqgen.finish(),
        double.finish(),
    ]);
    assert_eq!(out, "0 100 1 101 <done> <done>\n0\n2\n8\n18\n");
}

#[test]
fn suspended_generators_keep_their_registers_across_collections() {
    // big(n): for i in range(n): hold = [i * 3]; junk = [0] * 50; yield [i]; bad += hold[0] != i * 3
    let mut big = Asm::generator("big", params(&["n"], 1, 0, &[]));
    let [bad, i, hold, y, junk, t, s] = big.regs();
    big.int(bad, 0);
    big.repeat(i, Reg(0), |a| {
        a.bin_k(BinOp::Mul, t, i, Const::Int(3));
        a.build(BuildKind::List, hold, &[t]);
        a.build(BuildKind::List, y, &[i]);
        a.ints(BuildKind::List, junk, &[0]);
        a.bin_k(BinOp::Mul, junk, junk, Const::Int(50));
        a.op(Instr::Yield { dst: s, src: y });
        a.item(t, hold, Const::Int(0));
        a.bin_k(BinOp::Mul, s, i, Const::Int(3));
        a.bin(BinOp::Ne, t, t, s);
        a.if_true(t, |a| a.bin_k(BinOp::Add, bad, bad, Const::Int(1)));
    });
    big.ret(bad);
    // main: for y in big(100000): junk = [0] * 100; bad += y[0] != count; count += 1
    let mut m = Asm::main();
    let [f, g, n, count, bad, junk, t, r] = m.regs();
    m.closure(f, 1, &[]);
    m.int(n, 100_000);
    m.call(g, f, &[n]);
    m.int(count, 0);
    m.int(bad, 0);
    m.for_each(g, |m, y| {
        m.ints(BuildKind::List, junk, &[0]);
        m.bin_k(BinOp::Mul, junk, junk, Const::Int(100));
        m.item(t, y, Const::Int(0));
        m.bin(BinOp::Ne, t, t, count);
        m.if_true(t, |m| m.bin_k(BinOp::Add, bad, bad, Const::Int(1)));
        m.bin_k(BinOp::Add, count, count, Const::Int(1));
    });
    m.callg(r, "gen_result", &[g]);
    m.print(&[count, bad, r]);
    m.ret(r);
    let config = StandardConfig {
        max_heap_bytes: 8 << 20,
        ..Default::default()
    };
    let (out, result, vm) = run_with(config, Limits::default(), vec![m.finish(), big.finish()]);
    let stats = vm.space.heap.stats();
    result.unwrap_or_else(|d| panic!("{} after {stats:?}", d.headline()));
    assert_eq!(out, "100000 0 0\n");
    assert!(stats.collections >= 10, "{stats:?}");
    assert!(stats.live_objects < 10_000, "{stats:?}");
}

#[test]
fn instructions_release_what_space_operations_kept_alive() {
    // for i in range(20000): a, b = ([0] * 100, [0] * 100); x = i in count(0, 1)
    // Under 8 MiB this fails if each unpacking keeps its two lists alive for good.
    let mut count = Asm::generator("count1", params(&["start", "n"], 2, 0, &[]));
    let s = count.reg();
    count.op(Instr::Yield { dst: s, src: Reg(0) });
    count.ret(s);
    let mut m = Asm::main();
    let [f, i, n, a, b, t, g, hits] = m.regs();
    m.closure(f, 1, &[]);
    m.int(n, 20_000);
    m.int(hits, 0);
    m.repeat(i, n, |m| {
        m.ints(BuildKind::List, a, &[0]);
        m.bin_k(BinOp::Mul, a, a, Const::Int(100));
        m.bin_k(BinOp::Mul, b, a, Const::Int(1));
        m.build(BuildKind::Tuple, t, &[a, b]);
        m.op(Instr::Unpack {
            first: a,
            src: t,
            count: 2,
        });
        m.int(b, 1);
        m.call(g, f, &[i, b]);
        m.bin(BinOp::In, t, i, g);
        m.if_true(t, |m| m.bin_k(BinOp::Add, hits, hits, Const::Int(1)));
    });
    m.print(&[hits]);
    m.ret(hits);
    let config = StandardConfig {
        max_heap_bytes: 8 << 20,
        ..Default::default()
    };
    let (out, result, vm) = run_with(config, Limits::default(), vec![m.finish(), count.finish()]);
    result.unwrap_or_else(|d| panic!("{} after {:?}", d.headline(), vm.space.heap.stats()));
    assert_eq!(out, "20000\n");
}

// ---- the trivial space ---------------------------------------------------------------------

#[test]
fn the_trivial_space_refuses_containers_and_generators() {
    let refused = |build: &dyn Fn(&mut Asm, Reg), extra: Vec<Code>| {
        let mut m = Asm::main();
        let x = m.reg();
        m.s(x, "ab");
        build(&mut m, x);
        m.ret(x);
        let mut codes = vec![m.finish()];
        codes.extend(extra);
        let d = run_trivial(codes).unwrap_err();
        assert_eq!(d.kind, "UnsupportedError", "{}", d.message);
        d.message
    };
    let cases: Vec<(&dyn Fn(&mut Asm, Reg), &str)> = vec![
        (&|m, x| m.build(BuildKind::List, x, &[x]), "lists"),
        (&|m, x| m.build(BuildKind::Dict, x, &[x, x]), "dicts"),
        (&|m, x| m.item(x, x, Const::Int(0)), "indexing"),
        (&|m, x| m.for_each(x, |_, _| {}), "iteration"),
        (
            &|m, x| {
                m.op(Instr::Unpack {
                    first: x,
                    src: x,
                    count: 2,
                });
            },
            "iteration",
        ),
    ];
    for (build, what) in cases {
        assert_eq!(
            refused(build, vec![]),
            format!("{what} is not available in the trivial space")
        );
    }
    let gen = |m: &mut Asm, x: Reg| {
        m.closure(x, 1, &[]);
        m.call(x, x, &[]);
    };
    assert_eq!(
        refused(&gen, vec![gen123()]),
        "generators is not available in the trivial space"
    );
    let star = |m: &mut Asm, x: Reg| {
        m.closure(x, 1, &[]);
        m.call(x, x, &[x]);
    };
    let msg = refused(&star, vec![varargs_fn()]);
    assert_eq!(msg, "tuples is not available in the trivial space");
    // Keywords and defaults need no containers; the refusal can be caught.
    let mut m = Asm::main();
    let [f, a, b, r] = m.regs();
    m.int(a, 10);
    m.closure(f, 1, &[a]);
    m.int(a, 5);
    m.int(b, 1);
    m.call_ex(
        r,
        f,
        Args {
            kw: &[("b", b), ("a", a)],
            ..Args::default()
        },
    );
    m.print(&[r]);
    m.call(r, f, &[a]);
    m.print(&[r]);
    m.catch(|m| m.build(BuildKind::Set, r, &[a]));
    m.ret(r);
    let mut sub = Asm::new("sub", params(&["a", "b"], 2, 0, &[1]));
    let r = sub.reg();
    sub.bin(BinOp::Sub, r, Reg(0), Reg(1));
    sub.ret(r);
    let out = run_trivial(vec![m.finish(), sub.finish()]).unwrap();
    assert_eq!(
        out,
        "4\n-5\nUnsupportedError: sets is not available in the trivial space\n"
    );
}
