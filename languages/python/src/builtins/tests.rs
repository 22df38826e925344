//! Test support for the builtins, and tests of the builtin functions.
//!
//! There is no compiler in these tests, so arguments are written as Python
//! literals (what CPython's `repr` prints) and turned into values by a small
//! reader ([`lit`]). Every expected string was produced by running the same
//! call under CPython 3.11 (`f"{type(e).__name__}: {e}"` for errors), so
//! the tables below are CPython's answers, not this implementation's.

use crate::runtime::start;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_framework::interp::{Interp, Limits, BUILTINS};
use workbench_framework::object::Value;
use workbench_framework::space::standard::{StandardConfig, StandardSpace, Vm};
use workbench_framework::space::{BuildKind, ErrorKind, OpError, Space, Spelling};

/// Program output captured by a test.
#[derive(Clone, Default)]
pub struct Buf(pub Rc<RefCell<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A started interpreter with the builtins installed, and its output.
pub fn vm_with_output() -> (Vm, Buf) {
    let space = StandardSpace::new(
        StandardConfig::default(),
        Spelling {
            true_: "True",
            false_: "False",
            none: "None",
        },
        |reg| {
            start::register(reg);
            super::register(reg);
        },
    );
    let buf = Buf::default();
    let mut vm = Interp::new(space, Limits::default(), Box::new(buf.clone()));
    start::start(&mut vm).expect("runtime starts");
    super::install(&mut vm).expect("builtins install");
    (vm, buf)
}

/// A started interpreter with the builtins installed.
pub fn vm() -> Vm {
    vm_with_output().0
}

// ---- reading Python literals ---------------------------------------------------------

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    /// The first error raised by a call inside the literal.
    error: Option<OpError>,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> u8 {
        self.ws();
        self.s.get(self.i).copied().unwrap_or(0)
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == c {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn string(&mut self, vm: &mut Vm) -> Value {
        let q = self.s[self.i];
        self.i += 1;
        let mut out = String::new();
        let text = std::str::from_utf8(&self.s[self.i..]).expect("utf-8 literal");
        let mut chars = text.char_indices();
        while let Some((k, c)) = chars.next() {
            if c as u32 == q as u32 {
                self.i += k + 1;
                return vm.space.str_value(&out).expect("alloc");
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let (_, e) = chars.next().expect("escape");
            let hex = |chars: &mut std::str::CharIndices, n: usize| {
                let h: String = (0..n).map(|_| chars.next().expect("hex digit").1).collect();
                char::from_u32(u32::from_str_radix(&h, 16).expect("hex")).expect("char")
            };
            out.push(match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                'x' => hex(&mut chars, 2),
                'u' => hex(&mut chars, 4),
                'U' => hex(&mut chars, 8),
                other => other,
            });
        }
        panic!("unterminated string literal");
    }

    fn items(&mut self, vm: &mut Vm, close: u8) -> (Vec<Value>, bool) {
        let mut items = Vec::new();
        let mut trailing_comma = false;
        while !self.eat(close) {
            items.push(self.value(vm));
            trailing_comma = self.eat(b',');
        }
        (items, trailing_comma)
    }

    /// A value followed by any calls and attribute accesses: `range(3)`, `{}.keys()`.
    fn value(&mut self, vm: &mut Vm) -> Value {
        let mut v = self.atom(vm);
        loop {
            if self.s.get(self.i) == Some(&b'(') {
                self.i += 1;
                let (args, _) = self.items(vm, b')');
                vm.space.roots.push(v);
                v = match vm.call_value(v, &args) {
                    Ok(r) => r,
                    Err(e) => {
                        self.error.get_or_insert(e);
                        Value::NONE
                    }
                };
            } else if self.s.get(self.i) == Some(&b'.') && self.s.get(self.i + 1).is_some_and(u8::is_ascii_alphabetic) {
                self.i += 1;
                let start = self.i;
                while self.i < self.s.len() && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_') {
                    self.i += 1;
                }
                let name = std::str::from_utf8(&self.s[start..self.i]).expect("utf-8");
                let n = vm.space.str_value(name).expect("alloc");
                vm.space.roots.push(v);
                v = <StandardSpace as Space>::get_attr(vm, v, &n).expect("attribute in literal");
            } else {
                return v;
            }
        }
    }

    fn atom(&mut self, vm: &mut Vm) -> Value {
        match self.peek() {
            b'\'' | b'"' => self.string(vm),
            b'[' => {
                self.i += 1;
                let (items, _) = self.items(vm, b']');
                <StandardSpace as Space>::build(vm, BuildKind::List, &items).expect("list")
            }
            b'(' => {
                self.i += 1;
                let (items, comma) = self.items(vm, b')');
                if items.len() == 1 && !comma {
                    return items[0];
                }
                <StandardSpace as Space>::build(vm, BuildKind::Tuple, &items).expect("tuple")
            }
            b'{' => {
                self.i += 1;
                let mut flat = Vec::new();
                let mut is_set = false;
                while !self.eat(b'}') {
                    flat.push(self.value(vm));
                    if self.eat(b':') {
                        flat.push(self.value(vm));
                    } else {
                        is_set = true;
                    }
                    self.eat(b',');
                }
                let kind = if is_set { BuildKind::Set } else { BuildKind::Dict };
                <StandardSpace as Space>::build(vm, kind, &flat).expect("dict")
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && !b",:)]}( ".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                let word = std::str::from_utf8(&self.s[start..self.i]).expect("utf-8");
                match word {
                    "None" => Value::NONE,
                    "True" => Value::TRUE,
                    "False" => Value::FALSE,
                    "inf" => vm.space.float_value(f64::INFINITY).expect("float"),
                    "-inf" => vm.space.float_value(f64::NEG_INFINITY).expect("float"),
                    "nan" => vm.space.float_value(f64::NAN).expect("float"),
                    w if w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') => {
                        // A builtin, possibly with attributes: `len`, `str.lower`.
                        let mut parts = w.split('.');
                        let first = parts.next().unwrap_or("");
                        let module = crate::runtime::py(vm).modules.get(first).copied();
                        let mut v = vm
                            .global_in(BUILTINS, first)
                            .copied()
                            .or(module)
                            .unwrap_or_else(|| panic!("no builtin or module {first}"));
                        for attr in parts {
                            let n = vm.space.str_value(attr).expect("alloc");
                            v = <StandardSpace as Space>::get_attr(vm, v, &n).expect("attribute");
                        }
                        v
                    }
                    w if w.contains(['.', 'e']) => {
                        vm.space.float_value(w.parse().expect("float literal")).expect("float")
                    }
                    w => {
                        let b: num_bigint::BigInt = w.parse().unwrap_or_else(|_| panic!("bad literal {w:?}"));
                        vm.space.bigint_value(b).expect("int")
                    }
                }
            }
        }
    }
}

/// The value of a Python literal (as CPython's `repr` writes it), or the
/// error a call inside it raised.
pub fn try_lit(vm: &mut Vm, text: &str) -> Result<Value, OpError> {
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
        error: None,
    };
    let v = r.value(vm);
    vm.space.roots.push(v);
    match r.error {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

/// The value of a Python literal (as CPython's `repr` writes it).
pub fn lit(vm: &mut Vm, text: &str) -> Value {
    try_lit(vm, text).expect("literal")
}

/// An error as CPython prints it: `TypeError: message`.
pub fn error_text(e: &OpError) -> String {
    let looks_named = e
        .message
        .split_once(": ")
        .is_some_and(|(n, _)| (n.ends_with("Error") || n == "StopIteration") && !n.contains(' '))
        || e.message == "StopIteration";
    if e.kind == ErrorKind::Value && looks_named {
        return e.message.clone();
    }
    if e.message.is_empty() {
        return e.kind.name().to_string();
    }
    format!("{}: {}", e.kind.name(), e.message)
}

/// `repr(result)` or the error text.
pub fn outcome(vm: &mut Vm, r: Result<Value, OpError>) -> String {
    match r {
        Ok(v) => <StandardSpace as Space>::repr(vm, &v).unwrap_or_else(|e| format!("repr failed: {e}")),
        Err(e) => error_text(&e),
    }
}

/// Keyword arguments from a dict literal.
fn kwargs(vm: &mut Vm, text: &str) -> Vec<(String, Value)> {
    let d = lit(vm, text);
    workbench_framework::space::standard::collections::table(&vm.space, d)
        .map(|t| {
            t.iter()
                .map(|e| (vm.space.str_of(e.key).expect("str key").to_string(), e.value))
                .collect()
        })
        .unwrap_or_default()
}

/// Calls builtin `name` with a tuple literal of arguments and a dict literal of keywords.
pub fn call(vm: &mut Vm, name: &str, args: &str, kw: &str) -> String {
    let f = lit(vm, name);
    let a = match try_lit(vm, args) {
        Ok(a) => a,
        Err(e) => return error_text(&e),
    };
    let a = workbench_framework::space::standard::collections::seq_items(&vm.space, a).expect("args tuple");
    let k = kwargs(vm, kw);
    let r = vm.call_with_keywords(f, &a, k);
    outcome(vm, r)
}

/// Calls method `name` of the value `recv` (a literal).
pub fn method(vm: &mut Vm, recv: &str, name: &str, args: &str, kw: &str) -> String {
    let obj = lit(vm, recv);
    let n = vm.space.str_value(name).expect("alloc");
    let m = match <StandardSpace as Space>::get_attr(vm, obj, &n) {
        Ok(m) => m,
        Err(e) => return error_text(&e),
    };
    vm.space.roots.push(m);
    let a = lit(vm, args);
    let a = workbench_framework::space::standard::collections::seq_items(&vm.space, a).expect("args tuple");
    let k = kwargs(vm, kw);
    let r = vm.call_with_keywords(m, &a, k);
    outcome(vm, r)
}

/// Runs a table of builtin calls: `(name, args, kwargs, expected)`.
pub fn check_calls(cases: &[(&str, &str, &str, &str)]) {
    let mut vm = vm();
    let mut failures = Vec::new();
    for (name, args, kw, want) in cases {
        let got = call(&mut vm, name, args, kw);
        if got != *want {
            failures.push(format!("{name}{args} {kw}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs a table of method calls: `(receiver, method, args, kwargs, expected)`.
pub fn check_methods(cases: &[(&str, &str, &str, &str, &str)]) {
    let mut vm = vm();
    let mut failures = Vec::new();
    for (recv, name, args, kw, want) in cases {
        let got = method(&mut vm, recv, name, args, kw);
        if got != *want {
            failures.push(format!("{recv}.{name}{args} {kw}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs a table of mutating method calls: `(receiver, method, args, kwargs,
/// "result | receiver afterwards")`.
pub fn check_mutations(cases: &[(&str, &str, &str, &str, &str)]) {
    let mut vm = vm();
    let mut failures = Vec::new();
    for (recv, name, args, kw, want) in cases {
        let obj = lit(&mut vm, recv);
        let n = vm.space.str_value(name).expect("alloc");
        let r = <StandardSpace as Space>::get_attr(&mut vm, obj, &n);
        let r = match r {
            Ok(m) => {
                vm.space.roots.push(m);
                let a = lit(&mut vm, args);
                let a = workbench_framework::space::standard::collections::seq_items(&vm.space, a).expect("args tuple");
                let k = kwargs(&mut vm, kw);
                vm.call_with_keywords(m, &a, k)
            }
            Err(e) => Err(e),
        };
        let got = format!("{} | {}", outcome(&mut vm, r), outcome(&mut vm, Ok(obj)));
        if got != *want {
            failures.push(format!("{recv}.{name}{args} {kw}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs a table of binary operations `(left, op, right, expected)`.
pub fn check_binary(cases: &[(&str, &str, &str, &str)]) {
    use workbench_framework::bytecode::BinOp;
    let mut vm = vm();
    let mut failures = Vec::new();
    for (a, op, b, want) in cases {
        let op_v = match *op {
            "%" => BinOp::Mod,
            "*" => BinOp::Mul,
            "+" => BinOp::Add,
            "|" => BinOp::BitOr,
            "&" => BinOp::BitAnd,
            "-" => BinOp::Sub,
            "^" => BinOp::BitXor,
            "==" => BinOp::Eq,
            "!=" => BinOp::Ne,
            "<" => BinOp::Lt,
            "<=" => BinOp::Le,
            ">" => BinOp::Gt,
            ">=" => BinOp::Ge,
            "in" => BinOp::In,
            other => panic!("unknown operator {other}"),
        };
        let (x, y) = (lit(&mut vm, a), lit(&mut vm, b));
        let r = <StandardSpace as Space>::binary(&mut vm, op_v, x, y);
        let got = outcome(&mut vm, r);
        if got != *want {
            failures.push(format!("{a} {op} {b}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn literal_reader_round_trips() {
    let mut vm = vm();
    for text in [
        "[1, 'a', (2,), {'k': [1.5, None]}, True]",
        "'it\\'s'",
        "(1, 2)",
        "-3",
        "123456789012345678901234567890",
    ] {
        let v = lit(&mut vm, text);
        let r = outcome(&mut vm, Ok(v));
        let want = if text == "'it\\'s'" { "\"it's\"" } else { text };
        assert_eq!(r, want);
    }
}

#[test]
fn print_writes_with_sep_and_end() {
    let (mut vm, buf) = vm_with_output();
    call(&mut vm, "print", "(1, 'a', [2.5, 'b'], None)", "{}");
    call(&mut vm, "print", "('x', 'y')", "{'sep': '-', 'end': '!\\n'}");
    call(&mut vm, "print", "()", "{}");
    call(&mut vm, "print", "('a', 'b')", "{'sep': None, 'end': ''}");
    let out = String::from_utf8(buf.0.borrow().clone()).expect("utf-8");
    assert_eq!(out, "1 a [2.5, 'b'] None\nx-y!\n\na b");
    assert_eq!(
        call(&mut vm, "print", "(1,)", "{'sep': 1}"),
        "TypeError: sep must be None or a string, not int"
    );
    assert_eq!(
        call(&mut vm, "print", "(1,)", "{'foo': 1}"),
        "TypeError: 'foo' is an invalid keyword argument for print()"
    );
}
