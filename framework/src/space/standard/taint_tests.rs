//! The propagation rule of the taint space, on the core registry alone.

use super::*;
use crate::bytecode::UnOp;
use crate::interp::{Interp, Limits};
use crate::language::Arity;
use crate::space::standard::StandardConfig;
use crate::space::{BuildKind, Spelling};

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

fn vm_with(implicit: Implicit) -> Vm {
    let config = StandardConfig {
        taint: Some(TaintOptions { input: false, implicit }),
        ..StandardConfig::default()
    };
    Interp::new(
        StandardSpace::new(config, SPELLING, |_| {}),
        Limits::default(),
        Box::new(std::io::sink()),
    )
}

fn vm() -> Vm {
    vm_with(Implicit::Refuse)
}

fn names(vm: &Vm, v: Value) -> Vec<String> {
    let set = vm.space.labels_of(v);
    vm.space.taint.as_ref().expect("taint is on").labels.names(set)
}

fn labelled(vm: &mut Vm, v: Value, name: &str) -> Value {
    vm.space.add_label(v, name, None).unwrap()
}

#[test]
fn a_result_carries_the_union_of_its_operands_labels() {
    let mut vm = vm();
    let a = Value::small_int(6).unwrap();
    let b = Value::small_int(7).unwrap();
    let ta = labelled(&mut vm, a, "a");
    let tb = labelled(&mut vm, b, "b");
    let r = StandardSpace::binary(&mut vm, BinOp::Mul, ta, tb).unwrap();
    assert_eq!(vm.space.int_of(vm.space.plain_of(r)), Some(42));
    assert_eq!(names(&vm, r), vec!["a", "b"]);
    let r = StandardSpace::binary(&mut vm, BinOp::Add, ta, b).unwrap();
    assert_eq!(names(&vm, r), vec!["a"]);
    let r = StandardSpace::unary(&mut vm, UnOp::Neg, tb).unwrap();
    assert_eq!(names(&vm, r), vec!["b"]);
    let r = StandardSpace::binary(&mut vm, BinOp::Lt, ta, b).unwrap();
    assert_eq!(vm.space.plain_of(r), Value::TRUE);
    assert_eq!(names(&vm, r), vec!["a"]);
}

#[test]
fn clean_operands_give_a_clean_result() {
    let mut vm = vm();
    let a = vm.space.str_value("x").unwrap();
    let b = vm.space.str_value("y").unwrap();
    let r = StandardSpace::binary(&mut vm, BinOp::Add, a, b).unwrap();
    assert_eq!(vm.space.type_of(r), TypeId::STR);
    assert!(vm.space.labels_of(r).is_empty());
}

#[test]
fn labels_stay_on_elements() {
    let mut vm = vm();
    let one = Value::small_int(1).unwrap();
    let secret = labelled(&mut vm, one, "s");
    let list = StandardSpace::build(&mut vm, BuildKind::List, &[one, secret]).unwrap();
    assert!(vm.space.labels_of(list).is_empty(), "the list itself is clean");
    let zero = Value::small_int(0).unwrap();
    let first = StandardSpace::get_item(&mut vm, list, zero).unwrap();
    assert!(vm.space.labels_of(first).is_empty());
    let second = StandardSpace::get_item(&mut vm, list, one).unwrap();
    assert_eq!(names(&vm, second), vec!["s"]);
    // A store keeps the stored value's labels.
    let two = Value::small_int(2).unwrap();
    let tagged = labelled(&mut vm, two, "t");
    StandardSpace::set_item(&mut vm, list, zero, tagged).unwrap();
    let first = StandardSpace::get_item(&mut vm, list, zero).unwrap();
    assert_eq!(names(&vm, first), vec!["t"]);
    // Indexing with a labelled index labels the element read.
    let idx = labelled(&mut vm, one, "i");
    let r = StandardSpace::get_item(&mut vm, list, idx).unwrap();
    assert_eq!(names(&vm, r), vec!["s", "i"], "labels in the order they were made");
}

#[test]
fn the_text_of_a_container_is_refused_as_output_but_not_the_container_alone() {
    let mut vm = vm();
    let one = Value::small_int(100).unwrap();
    let secret = labelled(&mut vm, one, "s");
    let list = StandardSpace::build(&mut vm, BuildKind::List, &[secret]).unwrap();
    // What a print native does: take its argument, read it to make text, ask to output it.
    let mark = vm.space.taint_open();
    vm.space.taint.as_deref_mut().unwrap().native_marks.push(mark);
    assert!(vm.space.check_output(&[list]).is_ok(), "nothing read yet");
    let element = match list.as_ref().map(|r| &vm.space.heap.get(r).body) {
        Some(Body::List(items)) => items[0],
        _ => unreachable!("a list"),
    };
    // A raw read of the element looks through its box and records the labels.
    assert_eq!(vm.space.int_of(element), Some(100));
    let e = vm.space.check_output(&[list]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Taint);
    assert!(e.message.contains("'s'"), "{}", e.message);
    vm.space.taint.as_deref_mut().unwrap().native_marks.pop();
    vm.space.taint_close(mark);
}

#[test]
fn a_branch_on_labelled_data_is_refused_unless_allowed() {
    let mut vm = vm();
    let one = Value::small_int(1).unwrap();
    let t = labelled(&mut vm, one, "k");
    let e = StandardSpace::branch(&mut vm, &t).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Taint);
    assert!(!e.kind.is_catchable());
    // `truth` outside a branch (a native's test) is an explicit flow: allowed.
    assert!(StandardSpace::truth(&mut vm, &t).unwrap());
    let mut vm = vm_with(Implicit::Allow);
    let t = labelled(&mut vm, one, "k");
    assert!(StandardSpace::branch(&mut vm, &t).unwrap());
}

#[test]
fn relabelling_merges_into_one_box() {
    let mut vm = vm();
    let one = Value::small_int(1).unwrap();
    let a = labelled(&mut vm, one, "a");
    let ab = labelled(&mut vm, a, "b");
    assert_eq!(names(&vm, ab), vec!["a", "b"]);
    assert_eq!(vm.space.plain_of(ab), one, "no box inside a box");
}

/// A formatting native for the test: the template's text, then each argument's.
fn concat(vm: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
    let mut text = String::new();
    for a in args {
        text.push_str(&StandardSpace::display(vm, a)?);
    }
    vm.space.str_value(&text)
}

fn only_template(table: &mut LabelTable, template: LabelSetId, args: &[LabelSetId]) -> LabelSetId {
    let _ = (table, args);
    template
}

#[test]
fn formatting_natives_follow_the_format_rule() {
    let mut vm = vm();
    let f = vm.make_native_fn("concat", Arity::AtLeast(1), concat).unwrap();
    declare_flow(&mut vm, f, Flow::Formats { template: 0 });
    let t = vm.space.str_value("<").unwrap();
    let t = labelled(&mut vm, t, "tmpl");
    let arg = vm.space.str_value("x").unwrap();
    let arg = labelled(&mut vm, arg, "arg");
    let r = vm.call_value(f, &[t, arg]).unwrap();
    assert_eq!(vm.space.str_of(r), Some("<x"));
    assert_eq!(names(&vm, r), vec!["tmpl", "arg"], "the standard rule is the union");
    let mut table = LabelTable::new();
    let a = table.label("a", None);
    let sa = table.set_of(&[a]);
    assert_eq!(union_rule(&mut table, LabelSetId::EMPTY, &[sa]), sa);
    assert_eq!(only_template(&mut table, LabelSetId::EMPTY, &[sa]), LabelSetId::EMPTY);
}

#[test]
fn stores_keep_labels_and_reads_add_them() {
    let mut vm = vm();
    fn first(_: &mut Vm, args: &[Value]) -> Result<Value, OpError> {
        Ok(args[0])
    }
    let derives = vm.make_native_fn("first", Arity::Exact(1), first).unwrap();
    let stores = vm.make_native_fn("keep", Arity::Exact(1), first).unwrap();
    declare_flow(&mut vm, stores, Flow::Stores { from: 0 });
    let one = Value::small_int(1).unwrap();
    let t = labelled(&mut vm, one, "x");
    let r = vm.call_value(derives, &[t]).unwrap();
    assert_eq!(names(&vm, r), vec!["x"], "the plain argument comes back labelled");
    let r = vm.call_value(stores, &[t]).unwrap();
    assert_eq!(r, t, "a stored argument is passed as it is");
}
