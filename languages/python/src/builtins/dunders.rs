//! Dunder methods of built-in types: `"a".__len__()`, `int.__add__(1, 2)`,
//! `[].__contains__(x)`, `(5).__format__("03")`.
//!
//! Operators on built-in values are multimethods, not methods; these
//! natives expose them under their Python names for code that calls them
//! explicitly (often through `super()` or a class attribute). Each type gets
//! only the methods CPython's type has, so `hasattr(x, "__iter__")` keeps
//! telling iterables from the rest. A binary method returns
//! `NotImplemented` when the operation does not apply, and never consults a
//! user instance's reflected method (as CPython's C slots do not).

use super::support::{display, new_str, repr, R};
use super::types::FROZENSET;
use crate::runtime::objects::py;
use crate::runtime::types as T;
use workbench_framework::bytecode::{BinOp, UnOp};
use workbench_framework::language::Arity;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{collections, StandardSpace, Vm};
use workbench_framework::space::{ErrorKind, OpError, Space};

type S = StandardSpace;

/// `self op other` (or `other op self` when `reflected`), or NotImplemented
/// when the types do not support it. Numbers only know their own kind (an
/// int's `__add__` does not take a float, as in CPython).
fn binary(vm: &mut Vm, op: BinOp, this: Value, other: Value, reflected: bool) -> R {
    let ni = py(vm).not_implemented;
    let is_int = |t: TypeId| matches!(t, TypeId::INT | TypeId::BIGINT | TypeId::BOOL);
    let (ts, to) = (vm.space.type_of(this), vm.space.type_of(other));
    let known = match ts {
        t if is_int(t) => is_int(to),
        TypeId::FLOAT => is_int(to) || to == TypeId::FLOAT,
        _ => to != T::INSTANCE,
    };
    if !known {
        return Ok(ni);
    }
    let (a, b) = if reflected { (other, this) } else { (this, other) };
    match <S as Space>::binary(vm, op, a, b) {
        Err(e)
            if e.kind == ErrorKind::Type
                && (e.message.starts_with("unsupported operand") || e.message.contains("not supported between")) =>
        {
            Ok(ni)
        }
        other => other,
    }
}

macro_rules! binary_methods {
    ($($name:ident, $rname:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value]) -> R {
                binary(vm, $op, a[0], a[1], false)
            }
            fn $rname(vm: &mut Vm, a: &[Value]) -> R {
                binary(vm, $op, a[0], a[1], true)
            }
        )*
    };
}

binary_methods! {
    add, radd => BinOp::Add;
    sub, rsub => BinOp::Sub;
    mul, rmul => BinOp::Mul;
    truediv, rtruediv => BinOp::Div;
    floordiv, rfloordiv => BinOp::FloorDiv;
    modulo, rmodulo => BinOp::Mod;
    power, rpower => BinOp::Pow;
    and, rand => BinOp::BitAnd;
    or, ror => BinOp::BitOr;
    xor, rxor => BinOp::BitXor;
    lshift, rlshift => BinOp::Shl;
    rshift, rrshift => BinOp::Shr;
}

macro_rules! compare_methods {
    ($($name:ident => $op:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value]) -> R {
                binary(vm, $op, a[0], a[1], false)
            }
        )*
    };
}

compare_methods! {
    eq => BinOp::Eq;
    ne => BinOp::Ne;
    lt => BinOp::Lt;
    le => BinOp::Le;
    gt => BinOp::Gt;
    ge => BinOp::Ge;
}

fn len(vm: &mut Vm, a: &[Value]) -> R {
    let n = super::support::length(vm, a[0])?;
    vm.space.int_value(n as i64)
}
fn contains(vm: &mut Vm, a: &[Value]) -> R {
    collections::contains(vm, a[0], a[1])
}
fn getitem(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::get_item(vm, a[0], a[1])
}
fn setitem(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::set_item(vm, a[0], a[1], a[2])?;
    Ok(Value::NONE)
}
fn delitem(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::del_item(vm, a[0], a[1])?;
    Ok(Value::NONE)
}
fn iter(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::iter(vm, a[0])
}
fn repr_m(vm: &mut Vm, a: &[Value]) -> R {
    let s = repr(vm, a[0])?;
    new_str(vm, &s)
}
fn str_m(vm: &mut Vm, a: &[Value]) -> R {
    let s = display(vm, a[0])?;
    new_str(vm, &s)
}
fn hash(vm: &mut Vm, a: &[Value]) -> R {
    let h = collections::hash_of(vm, a[0])? as i64;
    vm.space.int_value(if h == -1 { -2 } else { h })
}
fn format(vm: &mut Vm, a: &[Value]) -> R {
    let spec = vm.space.str_of(a[1]).unwrap_or("").to_string();
    super::format::format_to_value(vm, a[0], &spec)
}
fn neg(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::unary(vm, UnOp::Neg, a[0])
}
fn pos(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::unary(vm, UnOp::Pos, a[0])
}
fn invert(vm: &mut Vm, a: &[Value]) -> R {
    <S as Space>::unary(vm, UnOp::Invert, a[0])
}
fn bool_m(vm: &mut Vm, a: &[Value]) -> R {
    Ok(Value::bool(<S as Space>::truth(vm, &a[0])?))
}
fn builtin(vm: &mut Vm, name: &str, a: &[Value]) -> R {
    let f = vm.global_in(workbench_framework::interp::BUILTINS, name).copied();
    match f {
        Some(f) => vm.call_value(f, a),
        None => Err(OpError::unsupported("standard", name)),
    }
}
fn abs(vm: &mut Vm, a: &[Value]) -> R {
    builtin(vm, "abs", a)
}
fn int_m(vm: &mut Vm, a: &[Value]) -> R {
    builtin(vm, "int", a)
}
fn float_m(vm: &mut Vm, a: &[Value]) -> R {
    builtin(vm, "float", a)
}
fn index_m(vm: &mut Vm, a: &[Value]) -> R {
    let b = super::support::big_of(vm, a[0]).unwrap_or_default();
    vm.space.bigint_value(b)
}
fn round_m(vm: &mut Vm, a: &[Value]) -> R {
    builtin(vm, "round", a)
}

const COMPARE: [super::Entry; 6] = [
    ("__eq__", Arity::Exact(2), eq),
    ("__ne__", Arity::Exact(2), ne),
    ("__lt__", Arity::Exact(2), lt),
    ("__le__", Arity::Exact(2), le),
    ("__gt__", Arity::Exact(2), gt),
    ("__ge__", Arity::Exact(2), ge),
];

const OBJECT: [super::Entry; 3] = [
    ("__repr__", Arity::Exact(1), repr_m),
    ("__str__", Arity::Exact(1), str_m),
    ("__format__", Arity::Exact(2), format),
];

const SIZED: [super::Entry; 3] = [
    ("__len__", Arity::Exact(1), len),
    ("__contains__", Arity::Exact(2), contains),
    ("__iter__", Arity::Exact(1), iter),
];

const ARITH: [super::Entry; 14] = [
    ("__add__", Arity::Exact(2), add),
    ("__radd__", Arity::Exact(2), radd),
    ("__sub__", Arity::Exact(2), sub),
    ("__rsub__", Arity::Exact(2), rsub),
    ("__mul__", Arity::Exact(2), mul),
    ("__rmul__", Arity::Exact(2), rmul),
    ("__truediv__", Arity::Exact(2), truediv),
    ("__rtruediv__", Arity::Exact(2), rtruediv),
    ("__floordiv__", Arity::Exact(2), floordiv),
    ("__rfloordiv__", Arity::Exact(2), rfloordiv),
    ("__mod__", Arity::Exact(2), modulo),
    ("__rmod__", Arity::Exact(2), rmodulo),
    ("__pow__", Arity::Exact(2), power),
    ("__rpow__", Arity::Exact(2), rpower),
];

const NUMBER: [super::Entry; 9] = [
    ("__neg__", Arity::Exact(1), neg),
    ("__pos__", Arity::Exact(1), pos),
    ("__abs__", Arity::Exact(1), abs),
    ("__bool__", Arity::Exact(1), bool_m),
    ("__int__", Arity::Exact(1), int_m),
    ("__float__", Arity::Exact(1), float_m),
    ("__hash__", Arity::Exact(1), hash),
    ("__round__", Arity::AtLeast(1), round_m),
    ("__trunc__", Arity::Exact(1), int_m),
];

const BITS: [super::Entry; 12] = [
    ("__and__", Arity::Exact(2), and),
    ("__rand__", Arity::Exact(2), rand),
    ("__or__", Arity::Exact(2), or),
    ("__ror__", Arity::Exact(2), ror),
    ("__xor__", Arity::Exact(2), xor),
    ("__rxor__", Arity::Exact(2), rxor),
    ("__lshift__", Arity::Exact(2), lshift),
    ("__rlshift__", Arity::Exact(2), rlshift),
    ("__rshift__", Arity::Exact(2), rshift),
    ("__rrshift__", Arity::Exact(2), rrshift),
    ("__invert__", Arity::Exact(1), invert),
    ("__index__", Arity::Exact(1), index_m),
];

/// Installs the dunder methods of the built-in types.
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let add_all = |vm: &mut Vm, t: TypeId, groups: &[&[super::Entry]]| -> Result<(), OpError> {
        for g in groups {
            super::add_methods(vm, t, g)?;
        }
        Ok(())
    };
    for t in [TypeId::INT, TypeId::BIGINT] {
        add_all(vm, t, &[&OBJECT, &COMPARE, &ARITH, &NUMBER, &BITS])?;
    }
    add_all(vm, TypeId::FLOAT, &[&OBJECT, &COMPARE, &ARITH, &NUMBER])?;
    let seq_ops: [super::Entry; 4] = [
        ("__getitem__", Arity::Exact(2), getitem),
        ("__add__", Arity::Exact(2), add),
        ("__mul__", Arity::Exact(2), mul),
        ("__rmul__", Arity::Exact(2), rmul),
    ];
    let hashable: [super::Entry; 1] = [("__hash__", Arity::Exact(1), hash)];
    let str_extra: [super::Entry; 1] = [("__mod__", Arity::Exact(2), modulo)];
    add_all(
        vm,
        TypeId::STR,
        &[&OBJECT, &COMPARE, &SIZED, &seq_ops, &hashable, &str_extra],
    )?;
    add_all(vm, TypeId::TUPLE, &[&OBJECT, &COMPARE, &SIZED, &seq_ops, &hashable])?;
    let mutable: [super::Entry; 2] = [
        ("__setitem__", Arity::Exact(3), setitem),
        ("__delitem__", Arity::Exact(2), delitem),
    ];
    add_all(vm, TypeId::LIST, &[&OBJECT, &COMPARE, &SIZED, &seq_ops, &mutable])?;
    let dict_ops: [super::Entry; 3] = [
        ("__getitem__", Arity::Exact(2), getitem),
        ("__or__", Arity::Exact(2), or),
        ("__ror__", Arity::Exact(2), ror),
    ];
    add_all(vm, TypeId::DICT, &[&OBJECT, &COMPARE[..2], &SIZED, &dict_ops, &mutable])?;
    let set_ops: [super::Entry; 8] = [
        ("__or__", Arity::Exact(2), or),
        ("__ror__", Arity::Exact(2), ror),
        ("__and__", Arity::Exact(2), and),
        ("__rand__", Arity::Exact(2), rand),
        ("__sub__", Arity::Exact(2), sub),
        ("__rsub__", Arity::Exact(2), rsub),
        ("__xor__", Arity::Exact(2), xor),
        ("__rxor__", Arity::Exact(2), rxor),
    ];
    add_all(vm, TypeId::SET, &[&OBJECT, &COMPARE, &SIZED, &set_ops])?;
    add_all(vm, FROZENSET, &[&OBJECT, &COMPARE, &SIZED, &set_ops, &hashable])?;
    let range_ops: [super::Entry; 1] = [("__getitem__", Arity::Exact(2), getitem)];
    add_all(vm, T::RANGE, &[&OBJECT, &COMPARE[..2], &SIZED, &range_ops, &hashable])?;
    Ok(())
}
