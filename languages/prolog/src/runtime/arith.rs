//! Arithmetic: the ISO evaluable functors over integers (arbitrary precision) and floats.
//!
//! The compiler emits `+`, `-` and `*` of `is/2` and the comparisons as
//! framework `Binary` instructions, so the common case runs on the standard
//! space's numeric tower (small ints overflow into bigints there). Everything
//! else — and any expression whose shape is only known at run time — is
//! evaluated here, by [`eval`] over the term, with SWI-Prolog's rules: `/` of
//! two integers is an integer when exact, `//` truncates, `mod` takes the
//! sign of the divisor, `**` of integers is an integer.

use super::errors;
use super::terms::{self, compound, deref};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::OpError;

/// A number while it is being computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// An integer of any size.
    Int(BigInt),
    /// A float.
    Float(f64),
}

impl Num {
    fn to_f64(&self) -> f64 {
        match self {
            Num::Int(i) => i.to_f64().unwrap_or(f64::INFINITY),
            Num::Float(f) => *f,
        }
    }
}

/// Reads a number value.
pub fn num_of(vm: &Vm, v: Value) -> Option<Num> {
    let s = &vm.space;
    match s.type_of(v) {
        TypeId::INT => Some(Num::Int(BigInt::from(s.int_of(v)?))),
        TypeId::BIGINT => Some(Num::Int(s.bigint_of(v)?.clone())),
        TypeId::FLOAT => Some(Num::Float(s.float_of(v)?)),
        _ => None,
    }
}

/// Makes a number value; a float that is not finite is an evaluation error.
pub fn value_of(vm: &mut Vm, n: Num, pred: &str) -> Result<Value, OpError> {
    match n {
        Num::Int(i) => vm.space.bigint_value(i),
        Num::Float(f) if f.is_nan() => Err(errors::evaluation_error(vm, pred, "undefined")),
        Num::Float(f) if f.is_infinite() => Err(errors::evaluation_error(vm, pred, "float_overflow")),
        Num::Float(f) => vm.space.float_value(f),
    }
}

fn int_arg(vm: &mut Vm, n: &Num, op: &str, culprit: Value) -> Result<BigInt, OpError> {
    match n {
        Num::Int(i) => Ok(i.clone()),
        Num::Float(_) => Err(errors::type_error(vm, op, "integer", culprit)),
    }
}

/// Evaluates an expression term.
pub fn eval(vm: &mut Vm, t: Value) -> Result<Num, OpError> {
    let t = deref(&vm.space, t);
    if let Some(n) = num_of(vm, t) {
        return Ok(n);
    }
    if terms::is_var(&vm.space, t) {
        return Err(errors::instantiation(vm, "is/2"));
    }
    if let Some(a) = terms::atom_text(&vm.space, t) {
        let a = a.to_string();
        return Ok(match a.as_str() {
            "pi" => Num::Float(std::f64::consts::PI),
            "e" => Num::Float(std::f64::consts::E),
            "inf" | "infinite" => Num::Float(f64::INFINITY),
            "nan" => Num::Float(f64::NAN),
            "epsilon" => Num::Float(f64::EPSILON),
            "max_tagged_integer" => Num::Int(BigInt::from((1i64 << 60) - 1)),
            "min_tagged_integer" => Num::Int(BigInt::from(-(1i64 << 60))),
            "random" => Num::Float(0.5),
            "cputime" => Num::Float(cputime()),
            "realtime" => Num::Int(BigInt::from(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs()),
            )),
            "[]" => return Err(type_evaluable(vm, &a, 0)),
            _ => return Err(type_evaluable(vm, &a, 0)),
        });
    }
    let Some((name, args)) = compound(&vm.space, t) else {
        return Err(errors::type_error(vm, "is/2", "evaluable", t));
    };
    let name = vm.space.str_of(name).unwrap_or("").to_string();
    let args = args.to_vec();
    if name == "." && args.len() == 2 {
        // "a" evaluates to the code of its one character.
        if terms::atom_text(&vm.space, deref(&vm.space, args[1])) == Some("[]") {
            return eval(vm, args[0]);
        }
    }
    match args.len() {
        1 => {
            let x = eval(vm, args[0])?;
            unary(vm, &name, x, args[0])
        }
        2 => {
            let x = eval(vm, args[0])?;
            let y = eval(vm, args[1])?;
            binary(vm, &name, x, y, args[0], args[1])
        }
        n => Err(type_evaluable(vm, &name, n)),
    }
}

fn cputime() -> f64 {
    thread_local!(static START: std::time::Instant = std::time::Instant::now());
    START.with(|s| s.elapsed().as_secs_f64())
}

fn type_evaluable(vm: &mut Vm, name: &str, arity: usize) -> OpError {
    let built = (|| -> Result<Value, OpError> {
        let n = terms::atom(&mut vm.space, name)?;
        let a = vm.space.int_value(arity as i64)?;
        let slash = super::state::pl(&vm.space).atoms.slash;
        terms::new_compound(&mut vm.space, slash, &[n, a])
    })();
    match built {
        Ok(pi) => errors::type_error(vm, "is/2", "evaluable", pi),
        Err(e) => e,
    }
}

fn float_fn(f: fn(f64) -> f64) -> impl Fn(Num) -> Num {
    move |x| Num::Float(f(x.to_f64()))
}

fn unary(vm: &mut Vm, name: &str, x: Num, culprit: Value) -> Result<Num, OpError> {
    let ctx = format!("={name}/1");
    Ok(match name {
        "-" => match x {
            Num::Int(i) => Num::Int(-i),
            Num::Float(f) => Num::Float(-f),
        },
        "+" => x,
        "abs" => match x {
            Num::Int(i) => Num::Int(i.abs()),
            Num::Float(f) => Num::Float(f.abs()),
        },
        "sign" => match x {
            Num::Int(i) => Num::Int(i.signum()),
            Num::Float(f) => Num::Float(if f > 0.0 {
                1.0
            } else if f < 0.0 {
                -1.0
            } else {
                0.0
            }),
        },
        "min" | "max" => return Err(type_evaluable(vm, name, 1)),
        "float" => Num::Float(x.to_f64()),
        "integer" => match x {
            Num::Int(i) => Num::Int(i),
            Num::Float(f) => Num::Int(float_to_int(vm, f.round(), &ctx)?),
        },
        "float_integer_part" => Num::Float(x.to_f64().trunc()),
        "float_fractional_part" => Num::Float(x.to_f64().fract()),
        "truncate" | "round" | "ceiling" | "floor" => match x {
            Num::Int(i) => Num::Int(i),
            Num::Float(f) => {
                let r = match name {
                    "truncate" => f.trunc(),
                    "round" => f.round(),
                    "ceiling" => f.ceil(),
                    _ => f.floor(),
                };
                Num::Int(float_to_int(vm, r, &ctx)?)
            }
        },
        "\\" => Num::Int(!int_arg(vm, &x, &ctx, culprit)?),
        "msb" => Num::Int(BigInt::from(int_arg(vm, &x, &ctx, culprit)?.bits().saturating_sub(1))),
        "succ" => Num::Int(int_arg(vm, &x, &ctx, culprit)? + 1),
        "sqrt" => {
            let f = x.to_f64();
            if f < 0.0 {
                return Err(errors::evaluation_error(vm, &ctx, "undefined"));
            }
            Num::Float(f.sqrt())
        }
        "log" => {
            let f = x.to_f64();
            if f <= 0.0 {
                if f == 0.0 {
                    return Err(errors::evaluation_error(vm, &ctx, "undefined"));
                }
                return Err(errors::evaluation_error(vm, &ctx, "undefined"));
            }
            Num::Float(f.ln())
        }
        "log2" => Num::Float(x.to_f64().log2()),
        "exp" => float_fn(f64::exp)(x),
        "sin" => float_fn(f64::sin)(x),
        "cos" => float_fn(f64::cos)(x),
        "tan" => float_fn(f64::tan)(x),
        "asin" => float_fn(f64::asin)(x),
        "acos" => float_fn(f64::acos)(x),
        "atan" => float_fn(f64::atan)(x),
        "sinh" => float_fn(f64::sinh)(x),
        "cosh" => float_fn(f64::cosh)(x),
        "tanh" => float_fn(f64::tanh)(x),
        "random" => {
            let n = int_arg(vm, &x, &ctx, culprit)?;
            Num::Int(n / 2)
        }
        "random_float" => Num::Float(0.5),
        _ => return Err(type_evaluable(vm, name, 1)),
    })
}

fn float_to_int(vm: &mut Vm, f: f64, ctx: &str) -> Result<BigInt, OpError> {
    if !f.is_finite() {
        return Err(errors::evaluation_error(vm, ctx, "undefined"));
    }
    num_traits::FromPrimitive::from_f64(f).ok_or_else(|| errors::evaluation_error(vm, ctx, "undefined"))
}

fn binary(vm: &mut Vm, name: &str, x: Num, y: Num, cx: Value, cy: Value) -> Result<Num, OpError> {
    let ctx = format!("={name}/2");
    use Num::{Float as F, Int as I};
    Ok(match name {
        "+" | "-" | "*" => match (x, y) {
            (I(a), I(b)) => I(match name {
                "+" => a + b,
                "-" => a - b,
                _ => a * b,
            }),
            (a, b) => {
                let (a, b) = (a.to_f64(), b.to_f64());
                F(match name {
                    "+" => a + b,
                    "-" => a - b,
                    _ => a * b,
                })
            }
        },
        "/" => match (x, y) {
            (I(a), I(b)) => {
                if b.is_zero() {
                    return Err(errors::evaluation_error(vm, "=(/)/2", "zero_divisor"));
                }
                if (&a % &b).is_zero() {
                    I(a / b)
                } else {
                    F(a.to_f64().unwrap_or(f64::NAN) / b.to_f64().unwrap_or(f64::NAN))
                }
            }
            (a, b) => {
                let d = b.to_f64();
                if d == 0.0 && matches!(b, I(_)) {
                    return Err(errors::evaluation_error(vm, "=(/)/2", "zero_divisor"));
                }
                if d == 0.0 {
                    return Err(errors::evaluation_error(vm, "=(/)/2", "zero_divisor"));
                }
                F(a.to_f64() / d)
            }
        },
        "//" | "mod" | "rem" | "div" | "gcd" | ">>" | "<<" | "/\\" | "\\/" | "xor" => {
            let a = int_arg(vm, &x, &ctx, cx)?;
            let b = int_arg(vm, &y, &ctx, cy)?;
            let zero_check = matches!(name, "//" | "mod" | "rem" | "div");
            if zero_check && b.is_zero() {
                return Err(errors::evaluation_error(vm, &ctx, "zero_divisor"));
            }
            I(match name {
                "//" => &a / &b,
                "mod" => a.mod_floor(&b),
                "rem" => &a % &b,
                "div" => a.div_floor(&b),
                "gcd" => a.gcd(&b),
                ">>" => a >> b.to_usize().unwrap_or(usize::MAX / 2).min(1 << 20),
                "<<" => {
                    let s = b.to_usize().unwrap_or(0);
                    if s > 1 << 24 {
                        return Err(errors::evaluation_error(vm, &ctx, "int_overflow"));
                    }
                    a << s
                }
                "/\\" => a & b,
                "\\/" => a | b,
                _ => a ^ b,
            })
        }
        "min" | "max" => {
            let less = match (&x, &y) {
                (I(a), I(b)) => a < b,
                (a, b) => a.to_f64() < b.to_f64(),
            };
            let pick_x = if name == "min" { less || x == y } else { !less };
            if pick_x {
                x
            } else {
                y
            }
        }
        "**" => match (x, y) {
            (I(a), I(b)) => int_pow(vm, a, b, &ctx, true)?,
            (a, b) => F(a.to_f64().powf(b.to_f64())),
        },
        "^" => match (x, y) {
            (I(a), I(b)) => int_pow(vm, a, b, &ctx, false)?,
            (a, b) => F(a.to_f64().powf(b.to_f64())),
        },
        "atan2" | "atan" => F(x.to_f64().atan2(y.to_f64())),
        "copysign" => F(x.to_f64().copysign(y.to_f64())),
        "log" => F(y.to_f64().ln() / x.to_f64().ln()),
        "truncate" => return Err(type_evaluable(vm, name, 2)),
        _ => return Err(type_evaluable(vm, name, 2)),
    })
}

fn int_pow(vm: &mut Vm, a: BigInt, b: BigInt, ctx: &str, float_on_negative: bool) -> Result<Num, OpError> {
    if b.is_negative() {
        if a == BigInt::from(1) {
            return Ok(Num::Int(a));
        }
        if a == BigInt::from(-1) {
            return Ok(Num::Int(if b.is_even() { BigInt::from(1) } else { a }));
        }
        if float_on_negative {
            return Ok(Num::Float(a.to_f64().unwrap_or(0.0).powf(b.to_f64().unwrap_or(0.0))));
        }
        if a.is_zero() {
            return Err(errors::evaluation_error(vm, ctx, "zero_divisor"));
        }
        let culprit = vm.space.bigint_value(a)?;
        return Err(errors::type_error(vm, ctx, "float", culprit));
    }
    let e = b.to_u32().unwrap_or(u32::MAX);
    if e > 1 << 24 && a.abs() > BigInt::from(1) {
        return Err(errors::representation_error(vm, ctx, "max_integer"));
    }
    Ok(Num::Int(num_traits::pow::Pow::pow(&a, e)))
}

/// `$arith2(Op, X, Y)`: a binary evaluable the compiler did not lower to an instruction.
pub fn arith2(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let op = vm.space.str_of(a[0]).unwrap_or("").to_string();
    let x = eval(vm, a[1])?;
    let y = eval(vm, a[2])?;
    let r = binary(vm, &op, x, y, a[1], a[2])?;
    value_of(vm, r, &format!("={op}/2"))
}

/// `$eval(T)`: evaluates an expression term to a number value.
pub fn eval_native(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = deref(&vm.space, a[0]);
    if terms::is_number(&vm.space, v) {
        return Ok(v);
    }
    if matches!(terms::atom_text(&vm.space, v), Some("inf") | Some("infinite")) {
        return vm.space.float_value(f64::INFINITY);
    }
    let r = eval(vm, v)?;
    value_of(vm, r, "is/2")
}
