//! Operations on annotations, answered by the multimethod registry.
//!
//! There is no abstract rule per operation here. For an operation on
//! annotations, the annotator lists the implementation classes each argument
//! may have ([`classes`]), asks the registry for the *plan* of every
//! combination (the same ordered candidate list the standard space runs,
//! through the same delegator chains), and reads what the candidates return
//! from their typed signatures ([`Returns`]): the first candidate runs, and
//! the next ones only if it may decline. A combination with no candidate is
//! a type error on that combination; the operation is a *definite* type error
//! only when every combination has none, and no argument is unknown.

use crate::lattice::Ann;
use workbench_framework::multimethod::{MmId, Returns};
use workbench_framework::object::TypeId;
use workbench_framework::space::standard::Registry;

/// Most argument-class combinations looked at for one operation.
const MAX_COMBINATIONS: usize = 64;

/// The implementation classes a member annotation may have at run time;
/// `None` if unknown (a class object, a builtin, `object`).
pub fn classes(member: &Ann, instance_class: Option<TypeId>) -> Option<Vec<TypeId>> {
    Some(match member {
        Ann::Never => Vec::new(),
        Ann::None => vec![TypeId::NONE],
        Ann::Bool(_) => vec![TypeId::BOOL],
        Ann::Int(r) if r.within(crate::ranges::IntRange::new(Some(-(1 << 62)), Some((1 << 62) - 1))) => {
            vec![TypeId::INT]
        }
        Ann::Int(_) => vec![TypeId::INT, TypeId::BIGINT],
        Ann::Float => vec![TypeId::FLOAT],
        Ann::Str(_) => vec![TypeId::STR],
        Ann::List(_) => vec![TypeId::LIST],
        Ann::Dict(_) => vec![TypeId::DICT],
        Ann::Tuple(_) => vec![TypeId::TUPLE],
        Ann::Iter(_) => vec![TypeId::SEQ_ITER],
        Ann::Function(_) => vec![TypeId::FUNCTION],
        Ann::Cell(_) => vec![TypeId::CELL],
        Ann::Other(t) => vec![*t],
        Ann::Instance(_) => vec![instance_class?],
        Ann::Class(_) | Ann::Method(..) | Ann::Builtin(_) | Ann::Union(_) | Ann::Object => return None,
    })
}

/// What the registry says about one operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The annotation of the result, per combination of argument members
    /// (joined by the caller after refining).
    pub result: Ann,
    /// True if no combination has an implementation (and every argument is known).
    pub definite_error: bool,
    /// True if an implementation without a typed result may run: it may also
    /// change its arguments (`list += iterable`).
    pub untyped: bool,
}

/// Applies multimethod `mm` (or, where a combination has no candidate, the
/// `fallback`, as `+=` falls back to `+`) to argument annotations.
/// `item_of`/`value_of` answer `Returns::Item`/`Returns::Value` for containers,
/// whose contents only the flow driver knows.
pub fn apply(
    registry: &Registry,
    mm: MmId,
    fallback: Option<MmId>,
    args: &[Ann],
    instance_class: Option<TypeId>,
    contents: &dyn Fn(&Ann, bool) -> Ann,
) -> Outcome {
    if args.contains(&Ann::Never) {
        return Outcome {
            result: Ann::Never,
            definite_error: false,
            untyped: false,
        };
    }
    // Every combination of argument members, with their classes.
    let mut combos: Vec<Vec<(TypeId, &Ann)>> = vec![Vec::new()];
    for a in args {
        let mut next = Vec::new();
        for m in a.members() {
            let Some(ts) = classes(m, instance_class) else {
                return Outcome {
                    result: Ann::Object,
                    definite_error: false,
                    untyped: true,
                };
            };
            for t in ts {
                for c in &combos {
                    let mut c2 = c.clone();
                    c2.push((t, m));
                    next.push(c2);
                }
            }
        }
        combos = next;
        if combos.len() > MAX_COMBINATIONS {
            return Outcome {
                result: Ann::Object,
                definite_error: false,
                untyped: true,
            };
        }
    }
    let mut result = Ann::Never;
    let mut any_ok = false;
    let mut untyped = false;
    for combo in &combos {
        let types: Vec<TypeId> = combo.iter().map(|(t, _)| *t).collect();
        let members: Vec<&Ann> = combo.iter().map(|(_, m)| *m).collect();
        let mut plan = registry.plan(mm, &types);
        if plan.candidates.is_empty() {
            if let Some(fb) = fallback {
                plan = registry.plan(fb, &types);
            }
        }
        for cand in &plan.candidates {
            untyped |= cand.returns == Returns::Unknown;
            if cand.returns != Returns::Raises {
                any_ok = true;
                result = result.join(&returned(cand.returns, &members, contents));
            }
            if !cand.declines {
                break;
            }
        }
    }
    Outcome {
        result,
        definite_error: !any_ok && !combos.is_empty(),
        untyped,
    }
}

/// The annotation a typed signature's result half describes.
pub fn returned(r: Returns, args: &[&Ann], contents: &dyn Fn(&Ann, bool) -> Ann) -> Ann {
    let arg = |i: usize| args.get(i).map_or(Ann::Object, |a| (*a).clone());
    match r {
        Returns::Unknown => Ann::Object,
        Returns::Raises => Ann::Never,
        Returns::Class(t) => of_class(t),
        Returns::Classes(ts) => Ann::union_of(ts.iter().map(|t| of_class(*t))),
        Returns::Arg(i) => arg(i).generalize(),
        Returns::Either(i, j) => Ann::union_of([arg(i), arg(j)].into_iter().map(|a| match a {
            Ann::Tuple(_) => Ann::Other(TypeId::TUPLE),
            other => other.generalize(),
        })),
        Returns::Item(i) => contents(&arg(i), false),
        Returns::Value(i) => contents(&arg(i), true),
        Returns::Iter(i) => Ann::Iter(Box::new(contents(&arg(i), false))),
    }
}

/// A fresh value of class `t`.
pub fn of_class(t: TypeId) -> Ann {
    match t {
        TypeId::NONE => Ann::None,
        TypeId::BOOL => Ann::BOOL,
        TypeId::INT | TypeId::BIGINT => Ann::INT,
        TypeId::FLOAT => Ann::Float,
        TypeId::STR => Ann::STR,
        // Site 0 is the list (dict) whose contents nobody knows.
        TypeId::LIST => Ann::List([0].into_iter().collect()),
        TypeId::DICT => Ann::Dict([0].into_iter().collect()),
        TypeId::OBJECT => Ann::Object,
        t => Ann::Other(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use workbench_framework::bytecode::BinOp;
    use workbench_framework::space::standard::core_registry;

    fn binary(op: BinOp, a: Ann, b: Ann) -> Outcome {
        let (reg, ops) = core_registry();
        let contents = |_: &Ann, _: bool| Ann::Object;
        apply(&reg, ops.binary[op as usize], None, &[a, b], None, &contents)
    }

    #[test]
    fn results_come_from_the_typed_signatures() {
        assert_eq!(binary(BinOp::Add, Ann::INT, Ann::int(2)).result, Ann::INT);
        assert_eq!(binary(BinOp::Div, Ann::INT, Ann::INT).result, Ann::Float);
        assert_eq!(binary(BinOp::Lt, Ann::Float, Ann::INT).result, Ann::BOOL);
        assert_eq!(binary(BinOp::Add, Ann::STR, Ann::STR).result, Ann::STR);
    }

    #[test]
    fn delegators_are_followed() {
        // bool -> int -> float: `True + 1.5` is float + float.
        assert_eq!(binary(BinOp::Add, Ann::Bool(Some(true)), Ann::Float).result, Ann::Float);
        assert!(!binary(BinOp::Mul, Ann::BOOL, Ann::INT).definite_error);
    }

    #[test]
    fn a_definite_error_needs_every_combination_to_fail() {
        assert!(binary(BinOp::Add, Ann::int(1), Ann::Str(Some("a".into()))).definite_error);
        let either = Ann::INT.join(&Ann::STR);
        let out = binary(BinOp::Add, either, Ann::int(1));
        assert!(!out.definite_error);
        assert_eq!(out.result, Ann::INT);
        assert!(!binary(BinOp::Add, Ann::Object, Ann::STR).definite_error);
        assert!(!binary(BinOp::Add, Ann::Never, Ann::STR).definite_error);
    }

    #[test]
    fn a_declining_candidate_lets_the_next_one_count() {
        // int + int may overflow into bigint + bigint: still an integer; an
        // int ** int may be a float.
        assert_eq!(binary(BinOp::Mul, Ann::INT, Ann::INT).result, Ann::INT);
        assert_eq!(
            binary(BinOp::Pow, Ann::INT, Ann::INT).result,
            Ann::INT.join(&Ann::Float)
        );
    }
}
