//! Unit tests of the tiny space: the word layout, slot size, overflow, the collector, the budget.

use super::heap::{Obj, Tiny, SLOT_BYTES};
use super::*;
use crate::interp::{Interp, Limits};

const SPELLING: Spelling = Spelling {
    true_: "True",
    false_: "False",
    none: "None",
};

fn vm() -> Interp<TinySpace> {
    Interp::new(
        TinySpace::new(1 << 20, SPELLING),
        Limits::default(),
        Box::new(std::io::sink()),
    )
}

#[test]
fn a_word_is_four_bytes_and_a_slot_sixteen() {
    assert_eq!(std::mem::size_of::<Tiny>(), 4);
    assert_eq!(SLOT_BYTES, 16);
    assert_eq!(std::mem::size_of::<Obj>(), 16);
}

#[test]
fn small_ints_round_trip_at_the_edges() {
    for i in [0, 1, -1, Tiny::SMALL_MAX, Tiny::SMALL_MIN, 12345, -54321] {
        let w = Tiny::small_int(i).expect("fits");
        assert_eq!(w.as_small_int(), Some(i));
        assert_eq!(w.as_index(), None);
        assert_eq!(w.as_native(), None);
    }
    assert_eq!(Tiny::small_int(Tiny::SMALL_MAX + 1), None);
    assert_eq!(Tiny::small_int(Tiny::SMALL_MIN - 1), None);
}

#[test]
fn immediates_and_natives_are_not_ints_or_references() {
    for w in [Tiny::NONE, Tiny::TRUE, Tiny::FALSE] {
        assert_eq!(w.as_small_int(), None);
        assert_eq!(w.as_index(), None);
        assert_eq!(w.as_native(), None);
    }
    let f = Tiny::native(7).expect("fits");
    assert_eq!(f.as_native(), Some(7));
    assert_eq!(f.as_index(), None);
}

#[test]
fn large_ints_are_boxed_and_overflow_is_an_error() {
    let mut vm = vm();
    let big = vm.space.int_value(i64::MAX).expect("boxed");
    assert!(big.as_index().is_some());
    assert_eq!(vm.space.int_of(big), Some(i64::MAX));
    let one = vm.space.int_value(1).expect("inline");
    let err = TinySpace::binary(&mut vm, BinOp::Add, big, one).expect_err("overflows");
    assert_eq!(err.kind, ErrorKind::Overflow);
    assert!(err.message.contains("no bigints"), "{}", err.message);
}

#[test]
fn a_float_literal_is_unsupported() {
    let mut vm = vm();
    let err = vm.space.constant(&Const::Float(1.5)).expect_err("refused");
    assert_eq!(err.kind, ErrorKind::Unsupported);
    assert_eq!(err.message, "the float 1.5 is not available in the tiny space");
}

#[test]
fn short_strings_live_in_their_slot() {
    let mut vm = vm();
    let s = vm.space.str_value("fourteen bytes").expect("alloc");
    assert!(matches!(vm.space.heap.get(s), Some(Obj::ShortStr { .. })));
    let l = vm.space.str_value("fifteen bytes!!").expect("alloc");
    assert!(matches!(vm.space.heap.get(l), Some(Obj::Str(_))));
    assert_eq!(vm.space.str_of(s), Some("fourteen bytes"));
    assert_eq!(vm.space.str_of(l), Some("fifteen bytes!!"));
}

#[test]
fn lists_print_like_the_standard_space_and_cycles_as_ellipsis() {
    let mut vm = vm();
    let a = vm.space.str_value("a").expect("alloc");
    let list = TinySpace::build(
        &mut vm,
        BuildKind::List,
        &[Tiny::small_int(1).expect("fits"), a, Tiny::NONE],
    )
    .expect("list");
    assert_eq!(vm.display(&list).expect("text"), "[1, 'a', None]");
    TinySpace::append(&mut vm, list, list).expect("append");
    assert_eq!(vm.display(&list).expect("text"), "[1, 'a', None, [...]]");
}

#[test]
fn the_collector_frees_unreachable_objects_and_keeps_roots() {
    let mut vm = vm();
    let kept = vm.space.str_value("kept, and longer than a slot").expect("alloc");
    for _ in 0..100 {
        vm.space.list_value(vec![kept]).expect("alloc");
    }
    assert_eq!(vm.space.live_objects(), 101);
    vm.space.collect(&[&[kept]]).expect("collect");
    assert_eq!(vm.space.live_objects(), 1);
    assert_eq!(vm.space.heap.stats().live_bytes, SLOT_BYTES + 16 + 28);
    assert_eq!(vm.space.str_of(kept), Some("kept, and longer than a slot"));
    // Freed slots are reused.
    let again = vm.space.list_value(Vec::new()).expect("alloc");
    assert!(again.as_index().expect("ref") < 101);
}

#[test]
fn the_budget_refuses_growth() {
    let mut vm = vm();
    let list = vm.space.list_value(Vec::new()).expect("alloc");
    let one = Tiny::small_int(1).expect("fits");
    let err = (0..1_000_000)
        .try_for_each(|_| TinySpace::append(&mut vm, list, one))
        .expect_err("1 MiB is not enough for a million items");
    assert_eq!(err.kind, ErrorKind::Budget(crate::space::Budget::Heap));
}

#[test]
fn slicing_without_the_hook_is_unsupported() {
    let mut vm = vm();
    let list = vm.space.list_value(vec![Tiny::NONE]).expect("alloc");
    let slice = TinySpace::build(&mut vm, BuildKind::Slice, &[Tiny::NONE, Tiny::NONE, Tiny::NONE]).expect("slice");
    if SLICE_HOOK.get().is_none() {
        let err = TinySpace::get_item(&mut vm, list, slice).expect_err("no hook");
        assert_eq!(err.kind, ErrorKind::Unsupported);
    }
}

#[test]
fn a_list_of_three_ints_is_smaller_than_in_the_standard_space() {
    use crate::object::{Body, Heap as StandardHeap, TypeId, Value};
    let mut tiny = vm();
    let ints: Vec<Tiny> = (0..3).map(|i| Tiny::small_int(i).expect("fits")).collect();
    tiny.space.list_value(ints).expect("alloc");
    let tiny_bytes = tiny.space.heap.stats().live_bytes;
    assert_eq!(tiny_bytes, SLOT_BYTES, "three items fit in the slot");
    let mut standard = StandardHeap::new(1 << 20);
    let items: Vec<Value> = (0..3).map(|i| Value::small_int(i).expect("fits")).collect();
    standard.alloc(TypeId::LIST, Body::List(items)).expect("alloc");
    let standard_bytes = standard.stats().live_bytes;
    assert!(
        tiny_bytes < standard_bytes,
        "tiny {tiny_bytes} vs standard {standard_bytes}"
    );
}

#[test]
fn a_small_list_moves_out_of_its_slot_when_it_grows_and_the_bytes_follow() {
    let mut vm = vm();
    let list = vm.space.list_value(Vec::new()).expect("alloc");
    for i in 0..5 {
        TinySpace::append(&mut vm, list, Tiny::small_int(i).expect("fits")).expect("append");
        let obj = vm.space.heap.get(list).expect("alive");
        assert_eq!(matches!(obj, Obj::SmallList { .. }), i < 3, "after {} items", i + 1);
        let expected = SLOT_BYTES + obj.extra_bytes();
        assert_eq!(vm.space.heap.stats().live_bytes, expected);
    }
    assert_eq!(vm.display(&list).expect("text"), "[0, 1, 2, 3, 4]");
}
