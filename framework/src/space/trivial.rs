//! The trivial space: host Rust values and a plain `match`, nothing else.
//!
//! This is the smallest object space and the best one to read first. A
//! wrapped object is just a Rust enum ([`HostValue`]); `a + b` is a `match`
//! on the two variants. There is no registry, no delegation, no heap of its
//! own: strings and closures are reference-counted host values. That also
//! means no bigints (an overflowing int is an error here) and no cycle
//! collection (a closure that captures itself is never freed) — fine for
//! teaching and testing the main loop, which is what this space is for.
//!
//! Numeric kernels and float printing are shared with the standard space, so
//! the two agree wherever the trivial space has an answer at all.

use crate::bytecode::{BinOp, CodeId, Const, UnOp};
use crate::interp::Interp;
use crate::object::floatfmt::python_repr;
use crate::space::standard::numeric::{float_ops, int_ops};
use crate::space::standard::text::quote;
use crate::space::{Callee, ErrorKind, NativeId, OpError, Space, Spelling};
use std::cell::RefCell;
use std::rc::Rc;

/// A guest closure in the trivial space.
#[derive(Debug)]
pub struct HostClosure {
    /// Its code.
    pub code: CodeId,
    /// Captured cells.
    pub cells: Vec<HostValue>,
}

/// The trivial space's wrapped object: a plain Rust value.
#[derive(Clone, Debug)]
pub enum HostValue {
    /// No value.
    None,
    /// A boolean.
    Bool(bool),
    /// A machine integer (no bigints in this space).
    Int(i64),
    /// A double.
    Float(f64),
    /// A string.
    Str(Rc<str>),
    /// A guest closure.
    Closure(Rc<HostClosure>),
    /// A native function.
    Native(NativeId),
    /// A captured variable.
    Cell(Rc<RefCell<HostValue>>),
}

/// The trivial object space.
#[derive(Debug)]
pub struct TrivialSpace {
    spelling: Spelling,
}

impl TrivialSpace {
    /// A trivial space printing none/true/false as `spelling` says.
    pub fn new(spelling: Spelling) -> TrivialSpace {
        TrivialSpace { spelling }
    }
}

use HostValue as H;

fn overflow() -> OpError {
    OpError::new(
        ErrorKind::Overflow,
        "integer overflow (the trivial space has no bigints; use --space standard)",
    )
}

fn zero_div(msg: &str) -> OpError {
    OpError::new(ErrorKind::ZeroDivision, msg)
}

fn type_name(v: &HostValue) -> &'static str {
    match v {
        H::None => "none",
        H::Bool(_) => "bool",
        H::Int(_) => "int",
        H::Float(_) => "float",
        H::Str(_) => "str",
        H::Closure(_) => "function",
        H::Native(_) => "builtin",
        H::Cell(_) => "cell",
    }
}

/// The value as a number, with booleans counting as 0 and 1 (as in the standard space).
enum Num {
    I(i64),
    F(f64),
}

fn num(v: &HostValue) -> Option<Num> {
    match v {
        H::Int(i) => Some(Num::I(*i)),
        H::Bool(b) => Some(Num::I(*b as i64)),
        H::Float(x) => Some(Num::F(*x)),
        _ => None,
    }
}

fn int_arith(op: BinOp, x: i64, y: i64) -> Result<HostValue, OpError> {
    let r = match op {
        BinOp::Add | BinOp::InPlaceAdd => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(zero_div("division by zero"));
            }
            return Ok(H::Float(x as f64 / y as f64));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(zero_div("integer division or modulo by zero"));
            }
            int_ops::floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(zero_div("integer modulo by zero"));
            }
            int_ops::modulo(x, y)
        }
        BinOp::Pow => {
            if y < 0 {
                return float_arith(op, x as f64, y as f64);
            }
            u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
        }
        BinOp::Eq => return Ok(H::Bool(x == y)),
        BinOp::Ne => return Ok(H::Bool(x != y)),
        BinOp::Lt => return Ok(H::Bool(x < y)),
        BinOp::Le => return Ok(H::Bool(x <= y)),
        BinOp::Gt => return Ok(H::Bool(x > y)),
        BinOp::Ge => return Ok(H::Bool(x >= y)),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::Shl if y < 0 => return Err(OpError::new(ErrorKind::Value, "negative shift count")),
        BinOp::Shl => int_ops::shl(x, y),
        BinOp::Shr => int_ops::shr(x, y)
            .ok_or_else(|| OpError::new(ErrorKind::Value, "negative shift count"))?
            .into(),
        BinOp::Is => return Ok(H::Bool(x == y)),
        BinOp::In => return Err(OpError::type_error("argument of type 'int' is not iterable")),
    };
    r.map(H::Int).ok_or_else(overflow)
}

fn float_arith(op: BinOp, x: f64, y: f64) -> Result<HostValue, OpError> {
    if let Some(r) = float_ops::fast(op, x, y) {
        return Ok(match r {
            float_ops::Fast::Float(z) => H::Float(z),
            float_ops::Fast::Bool(b) => H::Bool(b),
        });
    }
    match op {
        BinOp::Div => Err(zero_div("float division by zero")),
        BinOp::FloorDiv if y == 0.0 => Err(zero_div("float floor division by zero")),
        BinOp::Mod if y == 0.0 => Err(zero_div("float modulo")),
        BinOp::FloorDiv => Ok(H::Float(float_ops::divmod(x, y).0)),
        BinOp::Mod => Ok(H::Float(float_ops::divmod(x, y).1)),
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_div("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return Err(OpError::new(
                    ErrorKind::Value,
                    "negative number cannot be raised to a fractional power",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(OpError::new(
                    ErrorKind::Overflow,
                    "(34, 'Numerical result out of range')",
                ));
            }
            Ok(H::Float(r))
        }
        _ => Err(OpError::type_error(format!(
            "unsupported operand type(s) for {}: 'float' and 'float'",
            op.symbol()
        ))),
    }
}

impl Space for TrivialSpace {
    type W = HostValue;

    fn name(&self) -> &'static str {
        "trivial"
    }

    fn constant(&mut self, c: &Const) -> Result<HostValue, OpError> {
        Ok(match c {
            Const::None => H::None,
            Const::Bool(b) => H::Bool(*b),
            Const::Int(i) => H::Int(*i),
            Const::BigInt(_) => return Err(OpError::unsupported("trivial", "an integer this large")),
            Const::Float(x) => H::Float(*x),
            Const::Str(s) => H::Str(Rc::from(&**s)),
        })
    }

    fn none(&mut self) -> HostValue {
        H::None
    }

    fn bool(&mut self, b: bool) -> HostValue {
        H::Bool(b)
    }

    fn int(&mut self, i: i64) -> Result<HostValue, OpError> {
        Ok(H::Int(i))
    }

    fn str(&mut self, s: &str) -> Result<HostValue, OpError> {
        Ok(H::Str(Rc::from(s)))
    }

    fn binary(_: &mut Interp<Self>, op: BinOp, a: HostValue, b: HostValue) -> Result<HostValue, OpError> {
        let (a, b) = (&a, &b);
        if op == BinOp::Is {
            return Ok(H::Bool(same(a, b)));
        }
        if op == BinOp::In {
            return match (a, b) {
                (H::Str(x), H::Str(y)) => Ok(H::Bool(y.contains(&**x))),
                (_, H::Str(_)) => Err(OpError::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(a)
                ))),
                _ => Err(OpError::type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_name(b)
                ))),
            };
        }
        if let (H::Bool(x), H::Bool(y)) = (a, b) {
            match op {
                BinOp::BitAnd => return Ok(H::Bool(x & y)),
                BinOp::BitOr => return Ok(H::Bool(x | y)),
                BinOp::BitXor => return Ok(H::Bool(x ^ y)),
                _ => {}
            }
        }
        let bitwise = matches!(
            op,
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::Shl | BinOp::Shr
        );
        if bitwise && (matches!(a, H::Float(_)) || matches!(b, H::Float(_))) {
            return Err(no_match(op, a, b));
        }
        match (num(a), num(b)) {
            (Some(Num::I(x)), Some(Num::I(y))) => return int_arith(op, x, y),
            (Some(Num::I(x)), Some(Num::F(y))) => return float_arith(op, x as f64, y),
            (Some(Num::F(x)), Some(Num::I(y))) => return float_arith(op, x, y as f64),
            (Some(Num::F(x)), Some(Num::F(y))) => return float_arith(op, x, y),
            _ => {}
        }
        if let (BinOp::Mul, H::Str(x), Some(Num::I(n))) = (op, a, num(b)) {
            let n = n.max(0) as usize;
            if x.len().saturating_mul(n) > 1 << 30 {
                return Err(OpError::new(
                    ErrorKind::Budget(crate::space::Budget::Heap),
                    "repeated string would exceed the trivial space's 1 GiB limit",
                ));
            }
            return Ok(H::Str(Rc::from(x.repeat(n))));
        }
        if let (H::Str(x), H::Str(y)) = (a, b) {
            let r = match op {
                BinOp::Add | BinOp::InPlaceAdd => return Ok(H::Str(Rc::from(format!("{x}{y}")))),
                BinOp::Eq => x == y,
                BinOp::Ne => x != y,
                BinOp::Lt => x < y,
                BinOp::Le => x <= y,
                BinOp::Gt => x > y,
                BinOp::Ge => x >= y,
                _ => return Err(no_match(op, a, b)),
            };
            return Ok(H::Bool(r));
        }
        match op {
            BinOp::Eq => Ok(H::Bool(same(a, b))),
            BinOp::Ne => Ok(H::Bool(!same(a, b))),
            _ => Err(no_match(op, a, b)),
        }
    }

    fn unary(vm: &mut Interp<Self>, op: UnOp, a: HostValue) -> Result<HostValue, OpError> {
        let a = &a;
        match (op, a) {
            (UnOp::Not, _) => Ok(H::Bool(!Self::truth(vm, a)?)),
            (UnOp::Neg, H::Int(i)) => i.checked_neg().map(H::Int).ok_or_else(overflow),
            (UnOp::Neg, H::Bool(b)) => Ok(H::Int(-(*b as i64))),
            (UnOp::Neg, H::Float(x)) => Ok(H::Float(-x)),
            (UnOp::Pos, H::Int(i)) => Ok(H::Int(*i)),
            (UnOp::Pos, H::Bool(b)) => Ok(H::Int(*b as i64)),
            (UnOp::Pos, H::Float(x)) => Ok(H::Float(*x)),
            (UnOp::Invert, H::Int(i)) => Ok(H::Int(!i)),
            (UnOp::Invert, H::Bool(b)) => Ok(H::Int(!(*b as i64))),
            (UnOp::Neg | UnOp::Pos | UnOp::Invert, _) => Err(OpError::type_error(format!(
                "bad operand type for unary {}: '{}'",
                op.symbol(),
                type_name(a)
            ))),
        }
    }

    fn truth(_: &mut Interp<Self>, a: &HostValue) -> Result<bool, OpError> {
        Ok(match a {
            H::None => false,
            H::Bool(b) => *b,
            H::Int(i) => *i != 0,
            H::Float(x) => *x != 0.0,
            H::Str(s) => !s.is_empty(),
            H::Closure(_) | H::Native(_) | H::Cell(_) => true,
        })
    }

    fn display(vm: &mut Interp<Self>, a: &HostValue) -> Result<String, OpError> {
        let spelling = vm.space.spelling;
        Ok(match a {
            H::None => spelling.none.to_string(),
            H::Bool(true) => spelling.true_.to_string(),
            H::Bool(false) => spelling.false_.to_string(),
            H::Int(i) => i.to_string(),
            H::Float(x) => python_repr(*x),
            H::Str(s) => s.to_string(),
            H::Closure(_) | H::Native(_) | H::Cell(_) => format!("<{} object>", type_name(a)),
        })
    }

    fn repr(vm: &mut Interp<Self>, a: &HostValue) -> Result<String, OpError> {
        match a {
            H::Str(s) => Ok(quote(s)),
            _ => Self::display(vm, a),
        }
    }

    fn type_name(&mut self, a: &HostValue) -> String {
        type_name(a).to_string()
    }

    fn as_int(&mut self, a: &HostValue) -> Option<i64> {
        match a {
            H::Int(i) => Some(*i),
            _ => None,
        }
    }

    fn as_str(&mut self, a: &HostValue) -> Option<String> {
        match a {
            H::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    fn make_closure(&mut self, code: CodeId, _name: &str, cells: Vec<HostValue>) -> Result<HostValue, OpError> {
        Ok(H::Closure(Rc::new(HostClosure { code, cells })))
    }

    fn make_native(&mut self, id: NativeId, _name: &str) -> Result<HostValue, OpError> {
        Ok(H::Native(id))
    }

    fn callee(&mut self, f: &HostValue) -> Result<Callee<HostValue>, OpError> {
        match f {
            H::Closure(c) => Ok(Callee::Guest(c.code)),
            H::Native(id) => Ok(Callee::Native(*id)),
            _ => Err(OpError::type_error(format!(
                "'{}' object is not callable",
                type_name(f)
            ))),
        }
    }

    fn closure_cell(&mut self, f: &HostValue, idx: u16) -> HostValue {
        match f {
            H::Closure(c) => c.cells.get(idx as usize).cloned().unwrap_or(H::None),
            _ => H::None,
        }
    }

    fn new_cell(&mut self, v: HostValue) -> Result<HostValue, OpError> {
        Ok(H::Cell(Rc::new(RefCell::new(v))))
    }

    fn cell_get(&mut self, cell: &HostValue) -> HostValue {
        match cell {
            H::Cell(c) => c.borrow().clone(),
            _ => H::None,
        }
    }

    fn cell_set(&mut self, cell: &HostValue, v: HostValue) {
        if let H::Cell(c) = cell {
            *c.borrow_mut() = v;
        }
    }

    fn error_value(_: &mut Interp<Self>, e: &OpError) -> Result<HostValue, OpError> {
        Ok(H::Str(Rc::from(e.to_string())))
    }

    fn describe_exception(vm: &mut Interp<Self>, w: &HostValue) -> (String, String) {
        let text = Self::display(vm, w).unwrap_or_default();
        ("Error".to_string(), text)
    }
}

fn same(a: &HostValue, b: &HostValue) -> bool {
    match (a, b) {
        (H::None, H::None) => true,
        (H::Bool(x), H::Bool(y)) => x == y,
        (H::Int(x), H::Int(y)) => x == y,
        (H::Float(x), H::Float(y)) => x.to_bits() == y.to_bits(),
        (H::Str(x), H::Str(y)) => Rc::ptr_eq(x, y),
        (H::Closure(x), H::Closure(y)) => Rc::ptr_eq(x, y),
        (H::Native(x), H::Native(y)) => x == y,
        (H::Cell(x), H::Cell(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn no_match(op: BinOp, a: &HostValue, b: &HostValue) -> OpError {
    let (ta, tb) = (type_name(a), type_name(b));
    if op.is_comparison() {
        OpError::type_error(format!(
            "'{}' not supported between instances of '{ta}' and '{tb}'",
            op.symbol()
        ))
    } else {
        OpError::type_error(format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        ))
    }
}
