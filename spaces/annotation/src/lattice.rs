//! The lattice: annotations are knowledge about values.
//!
//! ```text
//!                              object                      (top: anything)
//!        ┌────────┬──────┬───────┼─────────┬──────────┬──────────┐
//!      bool      int   float    str     list[T]    tuple[..]  C (instance) ...   unions of these
//!        │        │              │
//!   bool(true) int[lo..hi]    str("a")                         (constants, ranges)
//!        └────────┴──────────────┴──── ... ────────────────────┘
//!                              never                       (bottom: no value, unreached)
//! ```
//!
//! - Constants: `None`, `bool(true)`, `int(3)` (an [`IntRange`] of one value),
//!   `str("a")`. Two different constants join to the plain annotation.
//! - `SomeBool`, `SomeInteger` (with a range, see [`crate::ranges`]),
//!   `SomeFloat`, `SomeString`: [`Ann::Bool`]`(None)`, [`Ann::Int`], ...
//! - `SomeList(elem)` and `SomeDict(key, value)`: [`Ann::List`] and
//!   [`Ann::Dict`] name the *allocation sites* the list may come from; the
//!   element annotation lives with the site in the flow driver, because lists
//!   are mutable and every alias must see an `append`.
//! - `SomeTuple(items)`: [`Ann::Tuple`], immutable, so structural.
//! - `SomeInstance(C)`: [`Ann::Instance`] (the attribute annotations live
//!   with the class in the flow driver); [`Ann::Class`] is the class itself.
//! - `SomeFunction`: [`Ann::Function`], a bound method [`Ann::Method`], a
//!   builtin with a typed signature [`Ann::Builtin`].
//! - [`Ann::Other`]: a value of a registry class the lattice has nothing more
//!   to say about (a `range`, a set, a generator).
//! - Unions: [`Ann::Union`], at most one member per *kind* (all lists are one
//!   member; each class's instances are one member), kept sorted so that
//!   equal unions are equal values.
//!
//! Join is the least upper bound in this order; [`Ann::leq`] is the order
//! itself (`a ⊑ b` iff `a ⊔ b = b`). The height is finite once integer bounds
//! are widened (the flow driver does it) and nesting is cut at
//! [`MAX_DEPTH`], so every fixpoint computation over it terminates.

use crate::ranges::{int_rules, IntRange};
use std::collections::BTreeSet;
use workbench_framework::object::TypeId;

/// Nesting deeper than this (a tuple of tuples of ...) becomes `object`.
pub const MAX_DEPTH: usize = 4;
/// A union with more members than this becomes `object`.
pub const MAX_UNION: usize = 8;

/// Index of a class the flow driver found (one per class-building site).
pub type ClassId = u32;
/// Index of a code object (a function).
pub type FuncId = u32;
/// Index of an allocation site (lists, dicts) or a cell-making site.
pub type SiteId = u32;

/// An annotation: what is known about the values a register may hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ann {
    /// No value at all: the code was not reached (bottom).
    #[default]
    Never,
    /// The language's none value.
    None,
    /// A boolean, or the constant.
    Bool(Option<bool>),
    /// An integer in a range (a constant if the range has one value).
    Int(IntRange),
    /// A float.
    Float,
    /// A string, or the constant.
    Str(Option<String>),
    /// A list made at one of these sites.
    List(BTreeSet<SiteId>),
    /// A dict made at one of these sites.
    Dict(BTreeSet<SiteId>),
    /// A tuple with these items.
    Tuple(Vec<Ann>),
    /// An iterator yielding these.
    Iter(Box<Ann>),
    /// An instance of a class.
    Instance(ClassId),
    /// A class.
    Class(ClassId),
    /// A function.
    Function(FuncId),
    /// A function bound to a receiver.
    Method(FuncId, Box<Ann>),
    /// A builtin with a typed signature (index into the language's table).
    Builtin(u32),
    /// A cell made at one of these sites (a captured variable).
    Cell(BTreeSet<SiteId>),
    /// A value of this registry class; nothing more is known.
    Other(TypeId),
    /// One of these (normalized: at least two members, none a union, `never` or `object`).
    Union(Vec<Ann>),
    /// Anything (top).
    Object,
}

/// What unions are keyed by: members with the same kind merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Dict,
    Tuple(usize),
    Iter,
    Instance(ClassId),
    Class(ClassId),
    Function(FuncId),
    Method(FuncId),
    Builtin(u32),
    Cell,
    Other(TypeId),
}

impl Ann {
    /// Any boolean.
    pub const BOOL: Ann = Ann::Bool(None);
    /// Any integer.
    pub const INT: Ann = Ann::Int(IntRange::TOP);
    /// Any string.
    pub const STR: Ann = Ann::Str(None);

    /// The integer constant `v`.
    pub fn int(v: i64) -> Ann {
        Ann::Int(IntRange::constant(v))
    }

    /// The members of a union, or the annotation itself.
    pub fn members(&self) -> &[Ann] {
        match self {
            Ann::Union(m) => m,
            Ann::Never => &[],
            other => std::slice::from_ref(other),
        }
    }

    fn kind(&self) -> Option<Kind> {
        Some(match self {
            Ann::None => Kind::None,
            Ann::Bool(_) => Kind::Bool,
            Ann::Int(_) => Kind::Int,
            Ann::Float => Kind::Float,
            Ann::Str(_) => Kind::Str,
            Ann::List(_) => Kind::List,
            Ann::Dict(_) => Kind::Dict,
            Ann::Tuple(items) => Kind::Tuple(items.len()),
            Ann::Iter(_) => Kind::Iter,
            Ann::Instance(c) => Kind::Instance(*c),
            Ann::Class(c) => Kind::Class(*c),
            Ann::Function(f) => Kind::Function(*f),
            Ann::Method(f, _) => Kind::Method(*f),
            Ann::Builtin(b) => Kind::Builtin(*b),
            Ann::Cell(_) => Kind::Cell,
            Ann::Other(t) => Kind::Other(*t),
            Ann::Never | Ann::Union(_) | Ann::Object => return None,
        })
    }

    /// Builds a union from members (flattening, merging same kinds, sorting).
    pub fn union_of(items: impl IntoIterator<Item = Ann>) -> Ann {
        let mut acc = Ann::Never;
        for a in items {
            acc = acc.join(&a);
        }
        acc
    }

    /// The least upper bound.
    pub fn join(&self, other: &Ann) -> Ann {
        match (self, other) {
            (Ann::Never, x) | (x, Ann::Never) => x.clone(),
            (Ann::Object, _) | (_, Ann::Object) => Ann::Object,
            _ => {
                let mut members: Vec<Ann> = self.members().to_vec();
                for m in other.members() {
                    let k = m.kind();
                    match members.iter().position(|x| x.kind() == k) {
                        Some(i) => members[i] = join_same(&members[i], m),
                        None => members.push(m.clone()),
                    }
                }
                if members.len() > MAX_UNION || members.contains(&Ann::Object) {
                    return Ann::Object;
                }
                members.sort_by_key(|m| m.kind());
                if members.len() == 1 {
                    members.pop().unwrap_or(Ann::Never)
                } else {
                    Ann::Union(members)
                }
            }
        }
    }

    /// The order of the lattice: `self ⊑ other`.
    pub fn leq(&self, other: &Ann) -> bool {
        self.join(other) == *other
    }

    /// Forgets constants and ranges (used for the keys of call specializations
    /// and for widening): `int(3)` becomes `int`, `str("a")` becomes `str`.
    pub fn generalize(&self) -> Ann {
        self.map_leaves(&|a| match a {
            Ann::Int(_) => Ann::INT,
            Ann::Bool(_) => Ann::BOOL,
            Ann::Str(_) => Ann::STR,
            other => other.clone(),
        })
    }

    /// Widening for merge points that keep changing: integer bounds that moved
    /// from `old` to `self` are dropped, constants that changed are forgotten.
    pub fn widen_from(&self, old: &Ann) -> Ann {
        let old_range = old.members().iter().find_map(|m| match m {
            Ann::Int(r) => Some(*r),
            _ => None,
        });
        self.map_leaves(&|a| match (a, old_range) {
            (Ann::Int(r), Some(o)) => Ann::Int(IntRange::widen(o, *r)),
            (Ann::Int(_), None) => Ann::INT,
            (Ann::Str(_), _) => Ann::STR,
            (Ann::Bool(_), _) => Ann::BOOL,
            (other, _) => other.clone(),
        })
    }

    fn map_leaves(&self, f: &dyn Fn(&Ann) -> Ann) -> Ann {
        match self {
            Ann::Union(ms) => Ann::union_of(ms.iter().map(|m| m.map_leaves(f))),
            Ann::Tuple(items) => Ann::Tuple(items.iter().map(|i| i.map_leaves(f)).collect()),
            Ann::Iter(item) => Ann::Iter(Box::new(item.map_leaves(f))),
            Ann::Method(code, recv) => Ann::Method(*code, Box::new(recv.map_leaves(f))),
            other => f(other),
        }
    }

    /// Cuts nesting deeper than [`MAX_DEPTH`] to `object`.
    pub fn limit_depth(&self) -> Ann {
        self.limited(MAX_DEPTH)
    }

    fn limited(&self, depth: usize) -> Ann {
        if depth == 0 {
            return Ann::Object;
        }
        match self {
            Ann::Union(ms) => Ann::union_of(ms.iter().map(|m| m.limited(depth))),
            Ann::Tuple(items) => Ann::Tuple(items.iter().map(|i| i.limited(depth - 1)).collect()),
            Ann::Iter(item) => Ann::Iter(Box::new(item.limited(depth - 1))),
            Ann::Method(code, recv) => Ann::Method(*code, Box::new(recv.limited(depth - 1))),
            other => other.clone(),
        }
    }

    /// What a truth test on the value gives, if it is known.
    pub fn truth(&self) -> Option<bool> {
        match self {
            Ann::None => Some(false),
            Ann::Bool(b) => *b,
            Ann::Int(r) => r.as_constant().map(|v| v != 0),
            Ann::Str(Some(s)) => Some(!s.is_empty()),
            Ann::Tuple(items) => Some(!items.is_empty()),
            Ann::Function(_) | Ann::Class(_) | Ann::Builtin(_) | Ann::Method(..) => Some(true),
            Ann::Union(ms) => {
                let first = ms.first()?.truth()?;
                ms.iter().all(|m| m.truth() == Some(first)).then_some(first)
            }
            _ => None,
        }
    }
}

/// Join of two members of the same kind.
fn join_same(a: &Ann, b: &Ann) -> Ann {
    match (a, b) {
        (Ann::Bool(x), Ann::Bool(y)) => Ann::Bool(if x == y { *x } else { None }),
        (Ann::Int(x), Ann::Int(y)) => Ann::Int((int_rules().join)(*x, *y)),
        (Ann::Str(x), Ann::Str(y)) => Ann::Str(if x == y { x.clone() } else { None }),
        (Ann::List(x), Ann::List(y)) => Ann::List(x.union(y).copied().collect()),
        (Ann::Dict(x), Ann::Dict(y)) => Ann::Dict(x.union(y).copied().collect()),
        (Ann::Cell(x), Ann::Cell(y)) => Ann::Cell(x.union(y).copied().collect()),
        (Ann::Tuple(x), Ann::Tuple(y)) => Ann::Tuple(x.iter().zip(y).map(|(p, q)| p.join(q)).collect()),
        (Ann::Iter(x), Ann::Iter(y)) => Ann::Iter(Box::new(x.join(y))),
        (Ann::Method(f, x), Ann::Method(_, y)) => Ann::Method(*f, Box::new(x.join(y))),
        (x, _) => x.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[u32]) -> BTreeSet<u32> {
        items.iter().copied().collect()
    }

    #[test]
    fn never_and_object_are_bottom_and_top() {
        for a in [Ann::INT, Ann::STR, Ann::None, Ann::Tuple(vec![Ann::Float])] {
            assert_eq!(Ann::Never.join(&a), a);
            assert_eq!(a.join(&Ann::Object), Ann::Object);
            assert!(Ann::Never.leq(&a));
            assert!(a.leq(&Ann::Object));
        }
    }

    #[test]
    fn constants_join_to_their_kind() {
        assert_eq!(Ann::int(1).join(&Ann::int(1)), Ann::int(1));
        assert_eq!(Ann::int(1).join(&Ann::int(2)), Ann::INT);
        assert_eq!(Ann::Str(Some("a".into())).join(&Ann::Str(Some("b".into()))), Ann::STR);
        assert_eq!(
            Ann::Bool(Some(true)).join(&Ann::Bool(Some(true))),
            Ann::Bool(Some(true))
        );
        assert!(Ann::int(7).leq(&Ann::INT));
        assert!(!Ann::INT.leq(&Ann::int(7)));
    }

    #[test]
    fn unions_are_normalized() {
        let a = Ann::INT.join(&Ann::STR);
        let b = Ann::STR.join(&Ann::INT);
        assert_eq!(a, b, "join is commutative");
        assert_eq!(a, Ann::Union(vec![Ann::INT, Ann::STR]));
        assert_eq!(a.join(&Ann::int(3)), a, "a member absorbs its constants");
        assert_eq!(a.join(&a), a, "join is idempotent");
        let c = a.join(&Ann::None);
        assert_eq!(c.members().len(), 3);
        assert!(a.leq(&c) && !c.leq(&a));
    }

    #[test]
    fn containers_merge_sites_and_items() {
        assert_eq!(
            Ann::List(set(&[1])).join(&Ann::List(set(&[2]))),
            Ann::List(set(&[1, 2]))
        );
        let t = Ann::Tuple(vec![Ann::int(1), Ann::STR]).join(&Ann::Tuple(vec![Ann::int(2), Ann::STR]));
        assert_eq!(t, Ann::Tuple(vec![Ann::INT, Ann::STR]));
        let different_lengths = Ann::Tuple(vec![Ann::INT]).join(&Ann::Tuple(vec![Ann::INT, Ann::INT]));
        assert_eq!(different_lengths.members().len(), 2);
        assert_eq!(Ann::Instance(1).join(&Ann::Instance(2)).members().len(), 2);
    }

    #[test]
    fn big_unions_and_deep_nesting_go_to_top() {
        let many = Ann::union_of((0..=MAX_UNION as u32).map(Ann::Instance));
        assert_eq!(many, Ann::Object);
        let mut deep = Ann::INT;
        for _ in 0..MAX_DEPTH + 2 {
            deep = Ann::Tuple(vec![deep]);
        }
        let cut = deep.limit_depth();
        assert!(deep.leq(&cut) && cut != deep);
    }

    #[test]
    fn generalize_and_widen_forget_what_moves() {
        let t = Ann::Tuple(vec![Ann::int(1), Ann::Str(Some("x".into()))]);
        assert_eq!(t.generalize(), Ann::Tuple(vec![Ann::INT, Ann::STR]));
        assert_eq!(
            Ann::int(2).widen_from(&Ann::int(1)),
            Ann::Int(IntRange::new(Some(1), None))
        );
        assert_eq!(
            Ann::int(0).widen_from(&Ann::int(1)),
            Ann::Int(IntRange::new(None, Some(1)))
        );
        assert_eq!(Ann::int(1).widen_from(&Ann::int(1)), Ann::int(1));
    }

    #[test]
    fn truth_is_known_for_constants() {
        assert_eq!(Ann::Bool(Some(false)).truth(), Some(false));
        assert_eq!(Ann::None.truth(), Some(false));
        assert_eq!(Ann::int(0).truth(), Some(false));
        assert_eq!(Ann::INT.truth(), None);
        assert_eq!(Ann::None.join(&Ann::Bool(Some(false))).truth(), Some(false));
    }
}
