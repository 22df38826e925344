//! Tests of the modules (`random`, `sys`, `time`), the hidden helpers the
//! compiler calls, dict views, and builtins working on user classes (whose
//! methods are natives here, as there is no compiler in unit tests).
//! Expected values come from CPython 3.11.

use super::tests::{call, lit, outcome, vm};
use crate::runtime::objects::new_class;
use crate::runtime::py;
use workbench_framework::interp::BUILTINS;
use workbench_framework::language::Arity;
use workbench_framework::object::Value;
use workbench_framework::space::standard::{StandardSpace, Vm};
use workbench_framework::space::{BuildKind, OpError, Space};

/// `repr` of a literal's value.
fn show(vm: &mut Vm, text: &str) -> String {
    let v = lit(vm, text);
    outcome(vm, Ok(v))
}

/// Runs calls in order on one interpreter (state such as the random
/// generator carries over) and returns each outcome.
fn run(vm: &mut Vm, calls: &[(&str, &str)]) -> Vec<String> {
    calls.iter().map(|(f, args)| call(vm, f, args, "{}")).collect()
}

#[test]
fn random_matches_cpython_for_a_seed() {
    let mut vm = vm();
    let mut got = run(
        &mut vm,
        &[
            ("random.seed", "(12345,)"),
            ("random.random", "()"),
            ("random.random", "()"),
            ("random.random", "()"),
        ],
    );
    assert_eq!(
        got.split_off(1),
        ["0.41661987254534116", "0.010169169457068361", "0.8252065092537432"]
    );
    call(&mut vm, "random.seed", "(2024,)", "{}");
    let ints: Vec<String> = (0..10)
        .map(|_| call(&mut vm, "random.randint", "(1, 6)", "{}"))
        .collect();
    assert_eq!(ints.join(","), "4,2,6,5,3,2,6,4,6,3");
    call(&mut vm, "random.seed", "(7,)", "{}");
    let a: Vec<String> = (0..5)
        .map(|_| call(&mut vm, "random.randrange", "(10,)", "{}"))
        .collect();
    let b: Vec<String> = (0..5)
        .map(|_| call(&mut vm, "random.randrange", "(5, 50, 5)", "{}"))
        .collect();
    assert_eq!((a.join(","), b.join(",")), ("5,2,6,0,1".into(), "45,10,30,5,45".into()));
    assert_eq!(call(&mut vm, "random.randrange", "(10, 0, -3)", "{}"), "7");
    call(&mut vm, "random.seed", "(0,)", "{}");
    let items = lit(&mut vm, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
    let shuffle = lit(&mut vm, "random.shuffle");
    vm.call_value(shuffle, &[items]).expect("shuffle");
    assert_eq!(outcome(&mut vm, Ok(items)), "[7, 8, 1, 5, 3, 4, 2, 0, 9, 6]");
    call(&mut vm, "random.seed", "(0,)", "{}");
    let picks: Vec<String> = (0..6)
        .map(|_| call(&mut vm, "random.choice", "('abcdef',)", "{}"))
        .collect();
    assert_eq!(picks.join(""), "'d''d''a''c''e''d'");
    let got = run(
        &mut vm,
        &[
            ("random.seed", "(3,)"),
            ("random.uniform", "(2, 3)"),
            ("random.getrandbits", "(70,)"),
            ("random.getrandbits", "(5,)"),
        ],
    );
    assert_eq!(got[1..], ["2.237964627091891", "426680989626225826634", "29"]);
    let got = run(
        &mut vm,
        &[
            ("random.seed", "(5,)"),
            ("random.sample", "(range(100), 5)"),
            ("random.sample", "('abcdefgh', 3)"),
        ],
    );
    assert_eq!(got[1..], ["[79, 32, 94, 45, 88]", "['a', 'g', 'd']"]);
    let got = run(
        &mut vm,
        &[
            ("random.seed", "(1267650600228229401496703205376,)"),
            ("random.random", "()"),
            ("random.seed", "(-5,)"),
            ("random.random", "()"),
        ],
    );
    assert_eq!(
        (got[1].as_str(), got[3].as_str()),
        ("0.7586581712996778", "0.6229016948897019")
    );
    assert_eq!(
        call(&mut vm, "random.choice", "([],)", "{}"),
        "IndexError: Cannot choose from an empty sequence"
    );
    assert_eq!(
        call(&mut vm, "random.randrange", "(0,)", "{}"),
        "ValueError: empty range for randrange()"
    );
}

#[test]
fn sys_and_time() {
    let mut vm = vm();
    assert_eq!(call(&mut vm, "len", "(sys.argv,)", "{}"), "1");
    assert_eq!(show(&mut vm, "sys.maxsize"), "9223372036854775807");
    assert_eq!(call(&mut vm, "sys.getrecursionlimit", "()", "{}"), "1000");
    call(&mut vm, "sys.setrecursionlimit", "(5000,)", "{}");
    assert_eq!(call(&mut vm, "sys.getrecursionlimit", "()", "{}"), "5000");
    let t = lit(&mut vm, "time.time()");
    assert!(vm.space.float_of(t).is_some_and(|x| x > 1e9));
    let (p0, p1) = (lit(&mut vm, "time.perf_counter()"), lit(&mut vm, "time.perf_counter()"));
    assert!(vm.space.float_of(p1) >= vm.space.float_of(p0));
    assert_eq!(show(&mut vm, "math.pi"), "3.141592653589793");
    let names: Vec<&str> = ["math", "random", "sys", "time"]
        .into_iter()
        .filter(|m| py(&vm).modules.contains_key(*m))
        .collect();
    assert_eq!(names.len(), 4);
}

#[test]
fn fstring_helpers() {
    let mut vm = vm();
    assert_eq!(call(&mut vm, "__wb_format__", "(3.14159, '.2f')", "{}"), "'3.14'");
    assert_eq!(call(&mut vm, "__wb_format__", "(42, '')", "{}"), "'42'");
    assert_eq!(call(&mut vm, "__wb_format__", "('x', '>3')", "{}"), "'  x'");
    assert_eq!(call(&mut vm, "__wb_format__", "([1.5], '')", "{}"), "'[1.5]'");
    assert_eq!(
        call(&mut vm, "__wb_convert__", "('tab\\there', 'r')", "{}"),
        "\"'tab\\\\there'\""
    );
    assert_eq!(call(&mut vm, "__wb_convert__", "('é', 'a')", "{}"), "\"'\\\\xe9'\"");
    assert_eq!(call(&mut vm, "__wb_convert__", "(1.0, 's')", "{}"), "'1.0'");
    assert_eq!(call(&mut vm, "__wb_concat__", "('a', 'b', 'c')", "{}"), "'abc'");
    assert_eq!(call(&mut vm, "__wb_concat__", "()", "{}"), "''");
}

#[test]
fn inplace_operators_mutate_lists_sets_and_dicts() {
    let mut vm = vm();
    let f = vm.global_in(BUILTINS, "__wb_inplace__").copied().expect("helper");
    let cases = [
        ("'+='", "[1]", "'ab'", "[1, 'a', 'b']", true),
        ("'*='", "[1, 2]", "2", "[1, 2, 1, 2]", true),
        ("'|='", "{1}", "{2}", "{1, 2}", true),
        ("'-='", "{1, 2}", "{2}", "{1}", true),
        ("'|='", "{'a': 1}", "{'b': 2}", "{'a': 1, 'b': 2}", true),
        ("'+='", "1", "2", "3", false),
        ("'+='", "'a'", "'b'", "'ab'", false),
        ("'**='", "2", "10", "1024", false),
    ];
    for (op, a, b, want, same) in cases {
        let (op, a, b) = (lit(&mut vm, op), lit(&mut vm, a), lit(&mut vm, b));
        let r = vm.call_value(f, &[op, a, b]).expect("inplace");
        assert_eq!(r == a, same, "{want}");
        assert_eq!(outcome(&mut vm, Ok(r)), want);
    }
}

#[test]
fn modules_filled_from_the_prelude() {
    let mut vm = vm();
    let d = lit(&mut vm, "{'answer': 42}");
    let name = lit(&mut vm, "'functools'");
    let fill = vm.global_in(BUILTINS, "__wb_fill_module__").copied().expect("helper");
    vm.call_value(fill, &[name, d]).expect("fill");
    assert_eq!(show(&mut vm, "functools.answer"), "42");
    assert_eq!(
        call(&mut vm, "repr", "(__wb_module__('functools'),)", "{}"),
        "\"<module 'functools'>\""
    );
}

#[test]
fn dict_views_are_live_and_detect_resizing() {
    let mut vm = vm();
    let d = lit(&mut vm, "{'a': 1}");
    let name = lit(&mut vm, "'keys'");
    let keys = <StandardSpace as Space>::get_attr(&mut vm, d, &name).expect("keys");
    let keys = vm.call_value(keys, &[]).expect("view");
    vm.space.roots.push(keys);
    let (k, v) = (lit(&mut vm, "'b'"), lit(&mut vm, "2"));
    <StandardSpace as Space>::set_item(&mut vm, d, k, v).expect("set");
    let list = vm.global_in(BUILTINS, "list").copied().expect("list");
    let l = vm.call_value(list, &[keys]).expect("list(view)");
    assert_eq!(outcome(&mut vm, Ok(l)), "['a', 'b']");
    assert_eq!(outcome(&mut vm, Ok(keys)), "dict_keys(['a', 'b'])");
    let it = <StandardSpace as Space>::iter(&mut vm, keys).expect("iter");
    vm.space.roots.push(it);
    assert!(<StandardSpace as Space>::next(&mut vm, it).expect("first").is_some());
    let k2 = lit(&mut vm, "'c'");
    <StandardSpace as Space>::set_item(&mut vm, d, k2, v).expect("set");
    let e = <StandardSpace as Space>::next(&mut vm, it).expect_err("resized");
    assert_eq!(e.message, "RuntimeError: dictionary changed size during iteration");
}

// ---- user classes with native methods ----------------------------------------------------

fn attr_v(vm: &mut Vm, obj: Value) -> Result<Value, OpError> {
    let name = vm.space.str_value("v")?;
    <StandardSpace as Space>::get_attr(vm, obj, &name)
}

fn ver_lt(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let (x, y) = (attr_v(vm, a[0])?, attr_v(vm, a[1])?);
    <StandardSpace as Space>::binary(vm, workbench_framework::bytecode::BinOp::Lt, x, y)
}

fn ver_format(vm: &mut Vm, a: &[Value]) -> Result<Value, OpError> {
    let v = attr_v(vm, a[0])?;
    let text = format!(
        "<{}|{}>",
        vm.space.int_of(v).unwrap_or(0),
        vm.space.str_of(a[1]).unwrap_or("")
    );
    vm.space.str_value(&text)
}

/// A class `Ver` with native `__lt__` and `__format__`, and `n` instances with `v = values[i]`.
fn versions(vm: &mut Vm, values: &[i64]) -> (Value, Vec<Value>) {
    let lt = vm.make_native_fn("__lt__", Arity::Exact(2), ver_lt).expect("native");
    let fmt = vm
        .make_native_fn("__format__", Arity::Exact(2), ver_format)
        .expect("native");
    let (k1, k2) = (
        vm.space.str_value("__lt__").expect("s"),
        vm.space.str_value("__format__").expect("s"),
    );
    let dict = <StandardSpace as Space>::build(vm, BuildKind::Dict, &[k1, lt, k2, fmt]).expect("dict");
    let object = py(vm).object_class;
    let cls = new_class(vm, "Ver", vec![object], dict, None).expect("class");
    vm.space.roots.push(cls);
    let mut out = Vec::new();
    for (i, &x) in values.iter().enumerate() {
        let inst = vm.call_value(cls, &[]).expect("instance");
        vm.space.roots.push(inst);
        let (name, val) = (vm.space.str_value("v").expect("s"), vm.space.int_value(x).expect("i"));
        <StandardSpace as Space>::set_attr(vm, inst, &name, val).expect("v");
        let (name, tag) = (
            vm.space.str_value("tag").expect("s"),
            vm.space.int_value(i as i64).expect("i"),
        );
        <StandardSpace as Space>::set_attr(vm, inst, &name, tag).expect("tag");
        out.push(inst);
    }
    (cls, out)
}

fn tags(vm: &mut Vm, list: Value) -> Vec<i64> {
    let items = workbench_framework::space::standard::collections::seq_items(&vm.space, list).expect("list");
    items
        .into_iter()
        .map(|x| {
            let name = vm.space.str_value("tag").expect("s");
            let t = <StandardSpace as Space>::get_attr(vm, x, &name).expect("tag");
            vm.space.int_of(t).expect("int")
        })
        .collect()
}

#[test]
fn sorting_min_max_use_user_lt_and_are_stable() {
    let mut vm = vm();
    // Equal keys (v) keep their original order (tag) both ways, as in CPython.
    let (_, objs) = versions(&mut vm, &[2, 1, 2, 0, 1, 2, 0, 1, 1, 2, 0, 0, 2]);
    let list = <StandardSpace as Space>::build(&mut vm, BuildKind::List, &objs).expect("list");
    vm.space.roots.push(list);
    let sorted = vm.global_in(BUILTINS, "sorted").copied().expect("sorted");
    let s = vm.call_value(sorted, &[list]).expect("sorted");
    vm.space.roots.push(s);
    assert_eq!(tags(&mut vm, s), [3, 6, 10, 11, 1, 4, 7, 8, 0, 2, 5, 9, 12]);
    let t = vm
        .call_with_keywords(sorted, &[list], vec![("reverse".into(), Value::TRUE)])
        .expect("sorted");
    vm.space.roots.push(t);
    assert_eq!(tags(&mut vm, t), [0, 2, 5, 9, 12, 1, 4, 7, 8, 3, 6, 10, 11]);
    let min = vm.global_in(BUILTINS, "min").copied().expect("min");
    let max = vm.global_in(BUILTINS, "max").copied().expect("max");
    let lo = vm.call_value(min, &[list]).expect("min");
    let hi = vm.call_value(max, &[list]).expect("max");
    let pair = <StandardSpace as Space>::build(&mut vm, BuildKind::List, &[lo, hi]).expect("list");
    assert_eq!(tags(&mut vm, pair), [3, 0]);
}

#[test]
fn format_uses_user_format_method() {
    let mut vm = vm();
    let (_, objs) = versions(&mut vm, &[7]);
    let format = vm.global_in(BUILTINS, "format").copied().expect("format");
    let spec = vm.space.str_value("x>5").expect("s");
    let r = vm.call_value(format, &[objs[0], spec]);
    assert_eq!(outcome(&mut vm, r), "'<7|x>5>'");
    let tmpl = lit(&mut vm, "'[{0}] [{0:abc}]'");
    let name = lit(&mut vm, "'format'");
    let m = <StandardSpace as Space>::get_attr(&mut vm, tmpl, &name).expect("method");
    let r = vm.call_value(m, &[objs[0]]);
    assert_eq!(outcome(&mut vm, r), "'[<7|>] [<7|abc>]'");
    let o = lit(&mut vm, "object()");
    let r = vm.call_value(format, &[o, spec]);
    assert_eq!(
        outcome(&mut vm, r),
        "TypeError: unsupported format string passed to object.__format__"
    );
}
