//! One test per dispatch rule of the module documentation, on a toy context.
//!
//! Values are `(class, payload)` pairs. Implementations and delegators are
//! plain functions that record their name in the context's log, so each test
//! can check which code ran, in which order, and on which converted values.

use super::*;
use crate::space::ErrorKind;

type V = (TypeId, i64);

struct Toy {
    reg: Rc<Registry<Toy>>,
    cache: DispatchCache<Toy>,
    log: Vec<&'static str>,
}

impl Dispatch for Toy {
    type V = V;
    fn type_of(&self, v: V) -> TypeId {
        v.0
    }
}

impl Toy {
    fn new(reg: Registry<Toy>) -> Toy {
        Toy {
            reg: Rc::new(reg),
            cache: DispatchCache::default(),
            log: Vec::new(),
        }
    }

    fn call(&mut self, mm: MmId, args: &[V]) -> Result<Option<V>, OpError> {
        let types: Vec<TypeId> = args.iter().map(|&a| self.type_of(a)).collect();
        let plan = self.cache.plan(&self.reg, mm, &types);
        run_plan(self, &plan, args)
    }

    fn plan_names(&self, mm: MmId, types: &[TypeId]) -> Vec<&'static str> {
        self.reg.plan(mm, types).candidates.iter().map(|c| c.name).collect()
    }
}

/// A registry holding the core classes (so that `TypeId::OBJECT` is the real
/// root) plus toy classes deriving from the root.
fn registry(names: &[&str]) -> (Registry<Toy>, Vec<TypeId>) {
    let mut reg = Registry::new();
    for (i, name) in TypeId::CORE_NAMES.iter().enumerate() {
        let base = if i as u16 == TypeId::OBJECT.0 {
            None
        } else {
            Some(TypeId::OBJECT)
        };
        reg.add_type(name, base);
    }
    let ids = names.iter().map(|n| reg.add_type(n, Some(TypeId::OBJECT))).collect();
    (reg, ids)
}

// Classes are looked up by name inside the plain `fn` implementations.
fn class(ctx: &Toy, name: &str) -> TypeId {
    (0..ctx.reg.type_count() as u16)
        .map(TypeId)
        .find(|&t| ctx.reg.type_name(t) == name)
        .expect("toy class")
}

/// Defines an implementation that logs its name and returns `(class of its
/// first argument, sum of payloads)`.
macro_rules! accepting {
    ($($f:ident),*) => {$(
        fn $f(ctx: &mut Toy, args: &[V]) -> Result<V, Fail> {
            ctx.log.push(stringify!($f));
            Ok((args[0].0, args.iter().map(|a| a.1).sum()))
        }
    )*};
}

fn declining(ctx: &mut Toy, _: &[V]) -> Result<V, Fail> {
    ctx.log.push("declining");
    Err(Fail::NotImplemented)
}

fn failing(ctx: &mut Toy, _: &[V]) -> Result<V, Fail> {
    ctx.log.push("failing");
    Err(Fail::Error(OpError::type_error("boom")))
}

// Delegators check the class they receive, so a conversion applied out of
// order would fail loudly, and leave a trace in the payload: x -> 10x + k.
fn a_to_b(ctx: &mut Toy, v: V) -> Result<V, OpError> {
    assert_eq!(v.0, class(ctx, "A"), "a_to_b got a non-A value");
    ctx.log.push("a->b");
    Ok((class(ctx, "B"), v.1 * 10 + 1))
}

fn b_to_c(ctx: &mut Toy, v: V) -> Result<V, OpError> {
    assert_eq!(v.0, class(ctx, "B"), "b_to_c got a non-B value");
    ctx.log.push("b->c");
    Ok((class(ctx, "C"), v.1 * 10 + 2))
}

fn b_to_a(ctx: &mut Toy, v: V) -> Result<V, OpError> {
    ctx.log.push("b->a");
    Ok((class(ctx, "A"), v.1))
}

fn a_to_a(ctx: &mut Toy, v: V) -> Result<V, OpError> {
    ctx.log.push("a->a");
    Ok(v)
}

accepting!(first, second, a_c, b_a, c_c, on_c, on_b, on_object, on_base);

#[test]
fn rule1_more_specific_first_left_to_right() {
    let (mut reg, ids) = registry(&["A", "B", "C"]);
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    reg.delegate(a, b, "a->b", a_to_b);
    reg.delegate(b, c, "b->c", b_to_c);
    let add = reg.multimethod("add", 2);
    // Registered in an order unrelated to specificity.
    reg.register(add, &[c, c], "c_c", c_c);
    reg.register(add, &[b, a], "b_a", b_a);
    reg.register(add, &[a, c], "a_c", a_c);
    reg.register(add, &[a, a], "first", first);
    reg.register(add, &[a, a], "second", second);
    let mut toy = Toy::new(reg);

    // (a, a) exact first, same signature in registration order; then an exact
    // first argument with a two-step conversion of the second (a, c) before a
    // one-step conversion of the first with an exact second (b, a).
    assert_eq!(toy.plan_names(add, &[a, a]), ["first", "second", "a_c", "b_a", "c_c"]);

    assert_eq!(toy.call(add, &[(a, 1), (a, 2)]).unwrap(), Some((a, 3)));
    assert_eq!(toy.log, ["first"]);

    // Without an exact match, (a, c) beats (b, a) although it converts more.
    toy.log.clear();
    assert_eq!(toy.call(add, &[(a, 1), (b, 2)]).unwrap(), Some((a, 1 + 22)));
    assert_eq!(toy.log, ["b->c", "a_c"]);
}

#[test]
fn rule1_same_signature_in_registration_order() {
    let (mut reg, ids) = registry(&["A"]);
    let a = ids[0];
    let mm = reg.multimethod("f", 1);
    reg.register(mm, &[a], "second", second);
    reg.register(mm, &[a], "first", first);
    let mut toy = Toy::new(reg);
    assert_eq!(toy.plan_names(mm, &[a]), ["second", "first"]);
    toy.call(mm, &[(a, 0)]).unwrap();
    assert_eq!(toy.log, ["second"]);
}

#[test]
fn rule2_declining_implementation_tries_the_next_match() {
    let (mut reg, ids) = registry(&["A", "B"]);
    let (a, b) = (ids[0], ids[1]);
    reg.delegate(a, b, "a->b", a_to_b);
    let declines = reg.multimethod("declines", 1);
    reg.register(declines, &[a], "declining", declining);
    reg.register(declines, &[b], "on_b", on_b);
    let errors = reg.multimethod("errors", 1);
    reg.register(errors, &[a], "failing", failing);
    reg.register(errors, &[b], "on_b", on_b);
    let all_decline = reg.multimethod("all_decline", 1);
    reg.register(all_decline, &[a], "declining", declining);
    let mut toy = Toy::new(reg);

    // The decline moves on to the delegated candidate, which gets the converted value.
    assert_eq!(toy.call(declines, &[(a, 4)]).unwrap(), Some((b, 41)));
    assert_eq!(toy.log, ["declining", "a->b", "on_b"]);

    // A real error stops dispatch: the next candidate never runs.
    toy.log.clear();
    let err = toy.call(errors, &[(a, 4)]).unwrap_err();
    assert_eq!((err.kind, err.message.as_str()), (ErrorKind::Type, "boom"));
    assert_eq!(toy.log, ["failing"]);

    // Everyone declined: no result, and no error either (the caller words it).
    toy.log.clear();
    assert_eq!(toy.call(all_decline, &[(a, 4)]).unwrap(), None);
    assert_eq!(toy.log, ["declining"]);
}

#[test]
fn rule3_delegators_chain_automatically() {
    let (mut reg, ids) = registry(&["A", "B", "C", "SubA"]);
    let (a, b, c, sub_a) = (ids[0], ids[1], ids[2], ids[3]);
    // Registered C-side first, to show the chain is assembled, not listed.
    reg.delegate(b, c, "b->c", b_to_c);
    reg.delegate(a, b, "a->b", a_to_b);
    // A subclass of A: seen as A by an identity step, then delegated onwards.
    reg.types[sub_a.0 as usize].base = Some(a);
    let neg = reg.multimethod("neg", 1);
    reg.register(neg, &[c], "on_c", on_c);

    let reach = reg.reachable(a);
    let classes: Vec<TypeId> = reach.iter().map(|r| r.0).collect();
    assert_eq!(classes, [a, b, c, TypeId::OBJECT]);
    assert_eq!(reach[2].1.len(), 2, "A reaches C in two steps");
    let sub_reach = reg.reachable(sub_a);
    assert_eq!(
        sub_reach.iter().map(|r| r.0).collect::<Vec<_>>(),
        [sub_a, a, b, c, TypeId::OBJECT]
    );
    assert!(
        matches!(sub_reach[1].1[..], [Step::Upcast]),
        "a subclass is seen as its base by an identity step"
    );
    assert_eq!(sub_reach[3].1.len(), 3, "and inherits its base's delegations");

    let mut toy = Toy::new(reg);
    // 5 -> a->b gives 51 -> b->c gives 512: both conversions, in chain order.
    assert_eq!(toy.call(neg, &[(a, 5)]).unwrap(), Some((c, 512)));
    assert_eq!(toy.log, ["a->b", "b->c", "on_c"]);
}

#[test]
fn rule4_delegator_loops_are_cut() {
    let (mut reg, ids) = registry(&["A", "B", "C"]);
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    reg.delegate(a, b, "a->b", a_to_b);
    reg.delegate(b, a, "b->a", b_to_a);
    reg.delegate(a, a, "a->a", a_to_a);
    let f = reg.multimethod("f", 1);
    reg.register(f, &[c], "on_c", on_c);

    let reach: Vec<TypeId> = reg.reachable(a).iter().map(|r| r.0).collect();
    assert_eq!(reach, [a, b, TypeId::OBJECT], "each class once, loops cut");
    let reach_b: Vec<TypeId> = reg.reachable(b).iter().map(|r| r.0).collect();
    assert_eq!(reach_b, [b, a, TypeId::OBJECT]);

    let mut toy = Toy::new(reg);
    assert_eq!(toy.call(f, &[(a, 1)]).unwrap(), None);
    assert!(toy.log.is_empty(), "no candidate, so no conversion ran: {:?}", toy.log);
}

// Classes for the slicing tests: Int -> Float -> Complex, and Sub inherits from Int.
fn numeric_registry() -> (Registry<Toy>, [TypeId; 4], MmId) {
    fn int_to_float(ctx: &mut Toy, v: V) -> Result<V, OpError> {
        ctx.log.push("int->float");
        Ok((class(ctx, "Float"), v.1))
    }
    fn float_to_complex(ctx: &mut Toy, v: V) -> Result<V, OpError> {
        ctx.log.push("float->complex");
        Ok((class(ctx, "Complex"), v.1))
    }
    // Declines on 99 so that tests can push dispatch past it.
    fn int_float(ctx: &mut Toy, args: &[V]) -> Result<V, Fail> {
        ctx.log.push("int+float");
        if args[0].1 == 99 {
            return Err(Fail::NotImplemented);
        }
        Ok((args[1].0, args[0].1 + args[1].1))
    }
    accepting!(int_int, float_float, complex_complex);
    let (mut reg, ids) = registry(&["Int", "Float", "Complex", "Sub"]);
    let (int, float, complex, sub) = (ids[0], ids[1], ids[2], ids[3]);
    reg.types[sub.0 as usize].base = Some(int);
    reg.delegate(int, float, "int->float", int_to_float);
    reg.delegate(float, complex, "float->complex", float_to_complex);
    let add = reg.multimethod("add", 2);
    reg.register(add, &[int, int], "int+int", int_int);
    reg.register(add, &[int, float], "int+float", int_float);
    reg.register(add, &[float, float], "float+float", float_float);
    reg.register(add, &[complex, complex], "complex+complex", complex_complex);
    (reg, [int, float, complex, sub], add)
}

#[test]
fn rule5_slice_on_first_argument() {
    let (mut reg, [int, float, _, sub], add) = numeric_registry();
    let int_add = reg.slice(add, 0, int, "int.__add__");
    let sub_add = reg.slice(add, 0, sub, "sub.__add__");
    let names = |reg: &Registry<Toy>, mm| reg.get(mm).impls.iter().map(|i| i.name).collect::<Vec<_>>();
    // Kept: first signature class is Int (the class, or for Sub, its base).
    // Dropped: float+float and complex+complex, reachable only by delegating the first argument.
    assert_eq!(names(&reg, int_add), ["int+int", "int+float"]);
    assert_eq!(names(&reg, sub_add), ["int+int", "int+float"]);
    assert_eq!(reg.lookup("int.__add__"), Some(int_add));
    assert_eq!(reg.get(int_add).arity, 2);
    assert_eq!(names(&reg, add).len(), 4, "slicing leaves the multimethod whole");

    let mut toy = Toy::new(reg);
    // Delegation still applies to the second argument: Int -> Float for int+float.
    assert_eq!(toy.plan_names(int_add, &[int, int]), ["int+int", "int+float"]);
    toy.log.clear();
    assert_eq!(toy.call(int_add, &[(sub, 1), (float, 2)]).unwrap(), Some((float, 3)));
    assert_eq!(toy.log, ["int+float"]);

    // Where int+float declines, the whole multimethod goes on to float+float
    // (first argument delegated) but the method has nothing left.
    toy.log.clear();
    assert_eq!(toy.call(add, &[(int, 99), (float, 1)]).unwrap(), Some((float, 100)));
    assert_eq!(toy.log, ["int+float", "int->float", "float_float"]);
    toy.log.clear();
    assert_eq!(toy.call(int_add, &[(int, 99), (float, 1)]).unwrap(), None);
    assert_eq!(toy.log, ["int+float"]);
}

#[test]
fn rule5_slice_on_second_argument_for_reflected_methods() {
    let (mut reg, [int, float, complex, _], add) = numeric_registry();
    let float_radd = reg.slice(add, 1, float, "float.__radd__");
    let impls: Vec<&str> = reg.get(float_radd).impls.iter().map(|i| i.name).collect();
    // Kept: second signature class Float. Dropped: int+int (second is Int, not a
    // base of Float) and complex+complex (reached only by delegating Float).
    assert_eq!(impls, ["int+float", "float+float"]);

    let mut toy = Toy::new(reg);
    assert_eq!(
        toy.plan_names(add, &[int, float]),
        ["int+float", "float+float", "complex+complex"]
    );
    assert_eq!(toy.plan_names(float_radd, &[int, float]), ["int+float", "float+float"]);
    // The first argument is still delegated inside the reflected method.
    assert_eq!(
        toy.call(float_radd, &[(int, 99), (float, 1)]).unwrap(),
        Some((float, 100))
    );
    assert_eq!(toy.log, ["int+float", "int->float", "float_float"]);
    // A reflected slice sees nothing for a pair whose second class cannot match.
    assert!(toy.plan_names(float_radd, &[complex, complex]).is_empty());
}

#[test]
fn rule6_dispatch_results_are_cached() {
    let (mut reg, ids) = registry(&["A", "B"]);
    let (a, b) = (ids[0], ids[1]);
    reg.delegate(a, b, "a->b", a_to_b);
    let mm = reg.multimethod("f", 2);
    reg.register(mm, &[b, b], "on_b", on_b);
    let other = reg.multimethod("g", 2);
    reg.register(other, &[b, b], "on_b", on_b);
    let mut toy = Toy::new(reg);
    assert_eq!(toy.cache.misses(), 0);
    for i in 0..10 {
        assert!(toy.call(mm, &[(a, i), (b, i)]).unwrap().is_some());
    }
    assert_eq!(toy.cache.misses(), 1, "same classes: planned once");
    let p1 = toy.cache.plan(&toy.reg, mm, &[a, b]);
    let p2 = toy.cache.plan(&toy.reg, mm, &[a, b]);
    assert!(Rc::ptr_eq(&p1, &p2), "the cached plan is reused, not recomputed");

    toy.call(mm, &[(b, 1), (a, 1)]).unwrap();
    assert_eq!(toy.cache.misses(), 2, "new classes: a second plan");
    toy.call(mm, &[(b, 1), (b, 1)]).unwrap();
    assert_eq!(toy.cache.misses(), 3);
    toy.call(other, &[(a, 1), (b, 1)]).unwrap();
    assert_eq!(toy.cache.misses(), 4, "another multimethod has its own plans");
    for _ in 0..3 {
        toy.call(mm, &[(b, 1), (a, 1)]).unwrap();
        toy.call(other, &[(a, 1), (b, 1)]).unwrap();
    }
    assert_eq!(toy.cache.misses(), 4);

    toy.cache.clear();
    toy.call(mm, &[(a, 1), (b, 1)]).unwrap();
    assert_eq!(toy.cache.misses(), 5, "after clear, plans are computed again");
}

#[test]
fn object_root_is_tried_last() {
    let (mut reg, ids) = registry(&["A", "B", "Base", "Derived", "Lone"]);
    let (a, b, base, derived, lone) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
    reg.types[derived.0 as usize].base = Some(base);
    reg.delegate(a, b, "a->b", a_to_b);
    let f = reg.multimethod("f", 1);
    // The root fallback is registered first and is only one upcast away.
    reg.register(f, &[TypeId::OBJECT], "on_object", on_object);
    reg.register(f, &[b], "on_b", on_b);
    reg.register(f, &[base], "on_base", on_base);

    assert_eq!(reg.reachable(a).last().map(|r| r.0), Some(TypeId::OBJECT));
    let derived_reach: Vec<TypeId> = reg.reachable(derived).iter().map(|r| r.0).collect();
    assert_eq!(derived_reach, [derived, base, TypeId::OBJECT]);

    let mut toy = Toy::new(reg);
    assert_eq!(toy.plan_names(f, &[a]), ["on_b", "on_object"]);
    assert_eq!(toy.call(f, &[(a, 1)]).unwrap(), Some((b, 11)));
    assert_eq!(toy.log, ["a->b", "on_b"]);
    toy.log.clear();
    toy.call(f, &[(derived, 1)]).unwrap();
    assert_eq!(toy.log, ["on_base"]);
    // A class with nothing better still gets the fallback.
    toy.log.clear();
    assert_eq!(toy.call(f, &[(lone, 7)]).unwrap(), Some((lone, 7)));
    assert_eq!(toy.log, ["on_object"]);
}
