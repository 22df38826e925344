//! The numeric tower and text of the standard space, its fast paths, and its
//! agreement with the trivial space.
//!
//! Expected values come from CPython 3.11 (`python3 -c ...`), not from this code.

use super::*;
use crate::interp::Limits;
use crate::space::trivial::{HostValue, TrivialSpace};

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

fn vm_with(fast_paths: bool) -> Vm {
    let config = StandardConfig {
        fast_paths,
        ..StandardConfig::default()
    };
    Interp::new(
        StandardSpace::new(config, SPELLING, |_| {}),
        Limits::default(),
        Box::new(std::io::sink()),
    )
}

fn vm() -> Vm {
    vm_with(true)
}

/// An operand, buildable in any space.
#[derive(Clone, Debug)]
enum N {
    I(i64),
    F(f64),
    B(bool),
    S(&'static str),
    Big(&'static str),
}

fn make(vm: &mut Vm, n: &N) -> Value {
    match n {
        N::I(i) => vm.space.int_value(*i).unwrap(),
        N::F(x) => vm.space.float_value(*x).unwrap(),
        N::B(b) => Value::bool(*b),
        N::S(s) => vm.space.str_value(s).unwrap(),
        N::Big(d) => vm.space.constant(&Const::BigInt(d.to_string())).unwrap(),
    }
}

/// `a op b` as display text, or `Kind: message`.
fn bin(vm: &mut Vm, op: BinOp, a: &N, b: &N) -> Result<String, String> {
    let (x, y) = (make(vm, a), make(vm, b));
    match StandardSpace::binary(vm, op, x, y) {
        Ok(v) => Ok(vm.display(&v).unwrap()),
        Err(e) => Err(e.to_string()),
    }
}

/// `a op b` and the name of the result's class.
fn typed(vm: &mut Vm, op: BinOp, a: &N, b: &N) -> (String, String) {
    let (x, y) = (make(vm, a), make(vm, b));
    let v = StandardSpace::binary(vm, op, x, y).unwrap_or_else(|e| panic!("{a:?} {op:?} {b:?}: {e}"));
    (vm.display(&v).unwrap(), vm.space.type_name_of(v))
}

use BinOp::*;
use N::*;

const SMALL_MAX: i64 = Value::SMALL_MAX;
const SMALL_MIN: i64 = Value::SMALL_MIN;

#[test]
fn int_overflow_continues_in_bigint() {
    let vm = &mut vm();
    assert_eq!(
        typed(vm, Add, &I(SMALL_MAX), &I(1)),
        ("4611686018427387904".into(), "int".into())
    );
    assert_eq!(
        typed(vm, Sub, &I(SMALL_MIN), &I(1)),
        ("-4611686018427387905".into(), "int".into())
    );
    assert_eq!(
        typed(vm, Add, &I(i64::MAX), &I(1)),
        ("9223372036854775808".into(), "bigint".into())
    );
    assert_eq!(
        typed(vm, FloorDiv, &I(i64::MIN), &I(-1)),
        ("9223372036854775808".into(), "bigint".into())
    );
    assert_eq!(typed(vm, Mod, &I(i64::MIN), &I(-1)), ("0".into(), "int".into()));
    assert_eq!(
        typed(vm, Mul, &I(i64::MIN), &I(-1)),
        ("9223372036854775808".into(), "bigint".into())
    );
    assert_eq!(
        typed(vm, Pow, &I(2), &I(100)),
        ("1267650600228229401496703205376".into(), "bigint".into())
    );
    let min = make(vm, &I(i64::MIN));
    let neg = StandardSpace::unary(vm, UnOp::Neg, min).unwrap();
    assert_eq!(vm.display(&neg).unwrap(), "9223372036854775808");
    assert_eq!(vm.space.type_name_of(neg), "bigint");
}

#[test]
fn bigint_results_that_fit_come_back_as_ints() {
    let vm = &mut vm();
    let two_63 = Big("9223372036854775808");
    assert_eq!(
        typed(vm, Sub, &two_63, &I(1)),
        ("9223372036854775807".into(), "int".into())
    );
    assert_eq!(
        typed(vm, FloorDiv, &Big("18446744073709551616"), &I(1 << 32)),
        ("4294967296".into(), "int".into())
    );
    assert_eq!(
        typed(vm, Mod, &Big("18446744073709551616"), &I(7)),
        ("2".into(), "int".into())
    );
    assert_eq!(
        typed(vm, FloorDiv, &Big("-18446744073709551616"), &I(7)),
        ("-2635249153387078803".into(), "int".into())
    );
    assert_eq!(
        typed(vm, Mod, &Big("-18446744073709551616"), &I(7)),
        ("5".into(), "int".into())
    );
    assert_eq!(
        typed(vm, Div, &Big("18446744073709551616"), &Big("4611686018427387904")),
        ("4.0".into(), "float".into())
    );
    // A bigint constant that fits is an int from the start.
    let v = make(vm, &Big("-9223372036854775808"));
    assert_eq!(vm.space.type_name_of(v), "int");
    assert_eq!(vm.space.int_of(v), Some(i64::MIN));
}

#[test]
fn mixed_arithmetic_goes_through_delegation() {
    let vm = &mut vm();
    assert_eq!(typed(vm, Add, &B(true), &I(1)), ("2".into(), "int".into()));
    assert_eq!(typed(vm, Add, &B(true), &B(true)), ("2".into(), "int".into()));
    assert_eq!(typed(vm, Add, &I(1), &F(2.5)), ("3.5".into(), "float".into()));
    assert_eq!(typed(vm, Add, &F(2.5), &I(1)), ("3.5".into(), "float".into()));
    // bool -> int -> float, a chain nobody registered.
    assert_eq!(typed(vm, Add, &B(true), &F(2.5)), ("3.5".into(), "float".into()));
    assert_eq!(
        typed(vm, Mul, &Big("1267650600228229401496703205376"), &F(1.5)),
        ("1.901475900342344e+30".into(), "float".into())
    );
    assert_eq!(
        typed(vm, Pow, &Big("1180591620717411303424"), &I(-1)),
        ("8.470329472543003e-22".into(), "float".into())
    );
    assert_eq!(
        typed(vm, Mul, &I(i64::MIN), &F(1.0)),
        ("-9.223372036854776e+18".into(), "float".into())
    );
    assert_eq!(typed(vm, Pow, &I(2), &I(-1)), ("0.5".into(), "float".into()));
}

#[test]
fn type_errors_use_cpython_wording() {
    let vm = &mut vm();
    assert_eq!(
        bin(vm, Add, &I(1), &S("a")),
        Err("TypeError: unsupported operand type(s) for +: 'int' and 'str'".into())
    );
    assert_eq!(
        bin(vm, Sub, &S("a"), &F(1.0)),
        Err("TypeError: unsupported operand type(s) for -: 'str' and 'float'".into())
    );
    assert_eq!(
        bin(vm, Lt, &S("a"), &I(1)),
        Err("TypeError: '<' not supported between instances of 'str' and 'int'".into())
    );
    let s = make(vm, &S("a"));
    let e = StandardSpace::unary(vm, UnOp::Neg, s).unwrap_err();
    assert_eq!(e.to_string(), "TypeError: bad operand type for unary -: 'str'");
    assert_eq!(bin(vm, Add, &S("ab"), &S("c")), Ok("abc".into()));
}

#[test]
fn comparisons_across_classes() {
    let vm = &mut vm();
    let t = || Ok::<String, String>("True".into());
    let f = || Ok::<String, String>("False".into());
    assert_eq!(bin(vm, Lt, &I(1), &F(2.5)), t());
    assert_eq!(bin(vm, Lt, &F(2.5), &I(1)), f());
    assert_eq!(bin(vm, Lt, &S("a"), &S("b")), t());
    assert_eq!(bin(vm, Lt, &S("b"), &S("a")), f());
    assert_eq!(bin(vm, Eq, &S("a"), &S("a")), t());
    assert_eq!(bin(vm, Eq, &S("a"), &I(1)), f());
    assert_eq!(bin(vm, Ne, &S("a"), &I(1)), t());
    assert_eq!(bin(vm, Eq, &I(1), &F(1.0)), t());
    assert_eq!(bin(vm, Ge, &I(3), &F(3.0)), t());
    assert_eq!(bin(vm, Eq, &B(true), &I(1)), t());
    assert_eq!(bin(vm, Lt, &I(i64::MAX), &Big("9223372036854775808")), t());
    assert_eq!(bin(vm, Eq, &F(f64::NAN), &F(f64::NAN)), f());
}

#[test]
fn floor_division_and_modulo_follow_python() {
    let vm = &mut vm();
    // (x, y, x // y, x % y, float(x) // float(y), float(x) % float(y)) from CPython.
    let cases = [
        (7, 2, "3", "1", "3.0", "1.0"),
        (7, -2, "-4", "-1", "-4.0", "-1.0"),
        (-7, 2, "-4", "1", "-4.0", "1.0"),
        (-7, -2, "3", "-1", "3.0", "-1.0"),
    ];
    for (x, y, q, r, fq, fr) in cases {
        assert_eq!(bin(vm, FloorDiv, &I(x), &I(y)), Ok(q.into()), "{x} // {y}");
        assert_eq!(bin(vm, Mod, &I(x), &I(y)), Ok(r.into()), "{x} % {y}");
        assert_eq!(
            bin(vm, FloorDiv, &F(x as f64), &F(y as f64)),
            Ok(fq.into()),
            "{x}.0 // {y}.0"
        );
        assert_eq!(bin(vm, Mod, &F(x as f64), &F(y as f64)), Ok(fr.into()), "{x}.0 % {y}.0");
    }
    let inf = f64::INFINITY;
    let float_cases = [
        (FloorDiv, -7.5, 2.0, "-4.0"),
        (Mod, -7.5, 2.0, "0.5"),
        (FloorDiv, 7.5, -2.0, "-4.0"),
        (Mod, 7.5, -2.0, "-0.5"),
        (Mod, 0.0, -1.0, "-0.0"),
        (Mod, -0.0, 1.0, "0.0"),
        (Mod, 5.0, inf, "5.0"),
        (Mod, -5.0, inf, "inf"),
        (FloorDiv, -5.0, inf, "-1.0"),
    ];
    for (op, x, y, want) in float_cases {
        assert_eq!(bin(vm, op, &F(x), &F(y)), Ok(want.into()), "{x} {} {y}", op.symbol());
    }
}

#[test]
fn zero_division_messages_match_cpython() {
    let big = Big("1180591620717411303424");
    let cases = [
        (Div, I(1), I(0), "division by zero"),
        (FloorDiv, I(1), I(0), "integer division or modulo by zero"),
        (Mod, I(1), I(0), "integer modulo by zero"),
        (Div, F(1.0), I(0), "float division by zero"),
        (FloorDiv, F(1.0), F(0.0), "float floor division by zero"),
        (Mod, F(1.0), F(0.0), "float modulo"),
        (Pow, I(0), I(-1), "0.0 cannot be raised to a negative power"),
        (Pow, F(0.0), I(-1), "0.0 cannot be raised to a negative power"),
        (FloorDiv, big.clone(), I(0), "integer division or modulo by zero"),
        (Mod, big.clone(), I(0), "integer modulo by zero"),
        (Div, big, I(0), "division by zero"),
        (Div, I(1), F(0.0), "float division by zero"),
        (FloorDiv, I(1), F(0.0), "float floor division by zero"),
        (Mod, I(1), F(0.0), "float modulo"),
        (FloorDiv, F(1.5), I(0), "float floor division by zero"),
        (Mod, F(1.5), I(0), "float modulo"),
    ];
    for (op, a, b, msg) in cases {
        for fast in [true, false] {
            let vm = &mut vm_with(fast);
            assert_eq!(
                bin(vm, op, &a, &b),
                Err(format!("ZeroDivisionError: {msg}")),
                "{a:?} {op:?} {b:?}"
            );
        }
    }
}

#[test]
fn powers_with_huge_exponents() {
    let vm = &mut vm();
    let huge = Big("1099511627776"); // 2 ** 40
    assert_eq!(bin(vm, Pow, &I(1), &huge), Ok("1".into()));
    assert_eq!(bin(vm, Pow, &I(0), &huge), Ok("0".into()));
    assert_eq!(bin(vm, Pow, &I(-1), &huge), Ok("1".into()));
    assert_eq!(bin(vm, Pow, &I(-1), &Big("1099511627777")), Ok("-1".into()));
    let e = bin(vm, Pow, &I(2), &huge).unwrap_err();
    assert!(e.starts_with("BudgetError"), "{e}");
}

// ---- fast paths and the trivial space ----------------------------------------------------

/// Deterministic pseudo-random operands: edge values, then an LCG's draws.
fn operands() -> Vec<N> {
    let mut v = vec![
        I(0),
        I(-1),
        I(1),
        I(2),
        I(-3),
        I(SMALL_MIN),
        I(SMALL_MAX),
        I(SMALL_MIN - 1),
        I(SMALL_MAX + 1),
        I(i64::MIN),
        I(i64::MAX),
        F(0.0),
        F(-0.0),
        F(1.5),
        F(-2.5),
        F(1e308),
        F(-1e308),
        F(5e-324),
        F(f64::INFINITY),
        F(f64::NEG_INFINITY),
        F(f64::NAN),
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed
    };
    for _ in 0..40 {
        let r = next();
        v.push(match r % 4 {
            0 => I((next() % 2001) as i64 - 1000),
            1 => I(next() as i64 >> (r % 64)),
            2 => F(((next() % 20001) as f64 - 10000.0) / 64.0),
            _ => F(f64::from_bits(next()) % 1e6),
        });
    }
    v
}

fn pairs() -> impl Iterator<Item = (N, N, BinOp)> {
    let ops = operands();
    let mut out = Vec::new();
    for a in &ops {
        for b in &ops {
            for op in BinOp::ALL {
                // Keep powers cheap: a huge exponent computes a huge bigint.
                if op == Pow && matches!(b, I(y) if y.unsigned_abs() > 64) {
                    continue;
                }
                out.push((a.clone(), b.clone(), op));
            }
        }
    }
    out.into_iter()
}

fn kind(r: Result<String, String>) -> Result<String, String> {
    r.map_err(|e| e.split(':').next().unwrap_or("").to_string())
}

#[test]
fn fast_paths_agree_with_the_registry() {
    let (fast, slow) = (&mut vm_with(true), &mut vm_with(false));
    let mut n = 0;
    for (a, b, op) in pairs() {
        let (x, y) = (bin(fast, op, &a, &b), bin(slow, op, &a, &b));
        assert_eq!(kind(x), kind(y), "{a:?} {} {b:?}", op.symbol());
        n += 1;
    }
    assert!(n > 20_000, "{n} cases");
    // The registry path really was taken by the slow space, not the fast one:
    // the fast space never needed a plan for int + int on small ints.
    let (fast, slow) = (&mut vm_with(true), &mut vm_with(false));
    bin(fast, Add, &I(1), &I(2)).unwrap();
    bin(slow, Add, &I(1), &I(2)).unwrap();
    assert!(fast.space.dispatch_misses() < slow.space.dispatch_misses());
}

fn host(n: &N) -> HostValue {
    match n {
        I(i) => HostValue::Int(*i),
        F(x) => HostValue::Float(*x),
        B(b) => HostValue::Bool(*b),
        S(s) => HostValue::Str((*s).into()),
        Big(_) => unreachable!("the trivial space has no bigints"),
    }
}

#[test]
fn the_trivial_space_agrees_where_it_has_an_answer() {
    let mut tvm = Interp::new(
        TrivialSpace::new(SPELLING),
        Limits::default(),
        Box::new(std::io::sink()),
    );
    let svm = &mut vm();
    let mut operands = operands();
    operands.extend([S("a"), S("b"), S(""), B(true), B(false)]);
    let (mut agreed, mut overflowed) = (0, 0);
    for a in &operands {
        for b in &operands {
            for op in BinOp::ALL {
                if op == Pow && matches!(b, I(y) if y.unsigned_abs() > 64) {
                    continue;
                }
                let t = match TrivialSpace::binary(&mut tvm, op, host(a), host(b)) {
                    Ok(v) => Ok(tvm.display(&v).unwrap()),
                    Err(e) => Err(e.to_string()),
                };
                if matches!(&t, Err(e) if e.starts_with("OverflowError: integer overflow") || e.starts_with("BudgetError"))
                {
                    overflowed += 1;
                    continue;
                }
                assert_eq!(t, bin(svm, op, a, b), "{a:?} {} {b:?}", op.symbol());
                agreed += 1;
            }
        }
    }
    assert!(
        agreed > 20_000 && overflowed > 0,
        "{agreed} agreed, {overflowed} overflowed"
    );
}

/// Items and errors of `seq[i]` for every index in -5..5, and every item an iterator yields.
fn sequence_answers(vm: &mut Vm, kind: BuildKind) -> Vec<Result<String, String>> {
    let items: Vec<Value> = (10..13).map(|i| Value::small_int(i).unwrap()).collect();
    let seq = StandardSpace::build(vm, kind, &items).unwrap();
    let mut out = Vec::new();
    for i in -5..5 {
        let key = Value::small_int(i).unwrap();
        let r = StandardSpace::get_item(vm, seq, key);
        out.push(kind_of(vm, r));
    }
    let it = StandardSpace::iter(vm, seq).unwrap();
    while let Some(v) = StandardSpace::next(vm, it).unwrap() {
        out.push(kind_of(vm, Ok(v)));
    }
    let after = StandardSpace::next(vm, it).map(|v| v.unwrap_or(Value::NONE));
    out.push(kind_of(vm, after));
    out
}

fn kind_of(vm: &mut Vm, r: Result<Value, OpError>) -> Result<String, String> {
    match r {
        Ok(v) => Ok(vm.display(&v).unwrap()),
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn sequence_fast_paths_agree_with_the_registry() {
    for kind in [BuildKind::List, BuildKind::Tuple] {
        let fast = sequence_answers(&mut vm_with(true), kind);
        let slow = sequence_answers(&mut vm_with(false), kind);
        assert_eq!(fast, slow, "{kind:?}");
        assert!(fast.iter().any(|r| r.is_err()) && fast.iter().filter(|r| r.is_ok()).count() > 6);
    }
}

#[test]
fn tuple_index_fast_path_agrees_with_the_registry() {
    for fast_paths in [true, false] {
        let vm = &mut vm_with(fast_paths);
        let items: Vec<Value> = (0..4).map(|i| Value::small_int(i * 10).unwrap()).collect();
        let t = crate::space::standard::collections::new_tuple(&mut vm.space, items).unwrap();
        for (i, want) in [(0, Some(0)), (3, Some(30)), (-1, Some(30)), (4, None)] {
            let key = Value::small_int(i).unwrap();
            let got = StandardSpace::get_item(vm, t, key).ok().and_then(|v| v.as_small_int());
            assert_eq!(got, want, "fast_paths={fast_paths} index {i}");
        }
    }
}
