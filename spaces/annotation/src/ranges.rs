//! Integer ranges: the refinement of `SomeInteger` a language course extends.
//!
//! An integer annotation carries an [`IntRange`] (`lo..=hi`, either bound may
//! be unknown). What a range means is fixed here; how ranges *combine* is a
//! pair of rules, [`IntRules`]: how two ranges join where paths meet, and what
//! an arithmetic operation gives. The annotator's own rules
//! ([`IntRules::CONSTANTS`]) only keep exact constants (`1 + 2` is `int(3)`,
//! and two different integers join to plain `int`). A program may install
//! better rules once, before it annotates anything ([`set_int_rules`]): the
//! coursework assignment `annotation-ranges` asks for interval rules.
//!
//! The rules never have to worry about loops: where a merge point keeps
//! changing, the flow driver *widens* (drops the bounds that still move), so
//! any rules that are monotone terminate.

use std::sync::OnceLock;
use workbench_framework::bytecode::BinOp;

/// `lo..=hi`; `None` is an unknown bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IntRange {
    /// Lowest possible value, if known.
    pub lo: Option<i64>,
    /// Highest possible value, if known.
    pub hi: Option<i64>,
}

impl IntRange {
    /// Any integer.
    pub const TOP: IntRange = IntRange { lo: None, hi: None };

    /// Exactly `v`.
    pub fn constant(v: i64) -> IntRange {
        IntRange {
            lo: Some(v),
            hi: Some(v),
        }
    }

    /// `lo..=hi`.
    pub fn new(lo: Option<i64>, hi: Option<i64>) -> IntRange {
        IntRange { lo, hi }
    }

    /// The value, if the range holds exactly one.
    pub fn as_constant(self) -> Option<i64> {
        match (self.lo, self.hi) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// True if every value of `self` is in `other`.
    pub fn within(self, other: IntRange) -> bool {
        let lo_ok = match (other.lo, self.lo) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s >= o,
        };
        let hi_ok = match (other.hi, self.hi) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s <= o,
        };
        lo_ok && hi_ok
    }

    /// Widening: keeps the bounds of `old` that `new` did not move past, drops the others.
    pub fn widen(old: IntRange, new: IntRange) -> IntRange {
        let lo = match (old.lo, new.lo) {
            (Some(a), Some(b)) if b >= a => Some(a),
            _ => None,
        };
        let hi = match (old.hi, new.hi) {
            (Some(a), Some(b)) if b <= a => Some(a),
            _ => None,
        };
        IntRange { lo, hi }
    }
}

impl std::fmt::Display for IntRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(c) = self.as_constant() {
            return write!(f, "int({c})");
        }
        match (self.lo, self.hi) {
            (None, None) => write!(f, "int"),
            (lo, hi) => {
                let show = |b: Option<i64>| b.map(|v| v.to_string()).unwrap_or_default();
                write!(f, "int[{}..{}]", show(lo), show(hi))
            }
        }
    }
}

/// How integer ranges combine.
#[derive(Clone, Copy)]
pub struct IntRules {
    /// The range of a value that comes from either of two paths. Must contain both.
    pub join: fn(IntRange, IntRange) -> IntRange,
    /// The range of `a op b` for an arithmetic `op` on two integers (the
    /// registry already said the result is an integer). Must contain every
    /// possible result; [`IntRange::TOP`] is always right.
    pub binary: fn(BinOp, IntRange, IntRange) -> IntRange,
}

impl IntRules {
    /// The annotator's own rules: exact constants, nothing else.
    pub const CONSTANTS: IntRules = IntRules {
        join: join_constants,
        binary: fold_constants,
    };
}

/// Equal ranges stay; anything else is any integer.
pub fn join_constants(a: IntRange, b: IntRange) -> IntRange {
    if a == b {
        a
    } else {
        IntRange::TOP
    }
}

/// Folds an operation on two constants, with the standard space's kernels
/// (so `7 // -2` is `-4`, as when the program runs); anything else is `TOP`.
pub fn fold_constants(op: BinOp, a: IntRange, b: IntRange) -> IntRange {
    use workbench_framework::space::standard::numeric::int_ops;
    let (Some(x), Some(y)) = (a.as_constant(), b.as_constant()) else {
        return IntRange::TOP;
    };
    let r = match op {
        BinOp::Add | BinOp::InPlaceAdd => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => int_ops::floordiv(x, y),
        BinOp::Mod => int_ops::modulo(x, y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    };
    r.map_or(IntRange::TOP, IntRange::constant)
}

static RULES: OnceLock<IntRules> = OnceLock::new();

/// Installs the integer rules for the whole process. Returns false if rules
/// were already installed (or already used: the first annotation fixes them).
pub fn set_int_rules(rules: IntRules) -> bool {
    RULES.set(rules).is_ok()
}

/// The rules in force.
pub fn int_rules() -> &'static IntRules {
    RULES.get_or_init(|| IntRules::CONSTANTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_fold_and_join_to_top() {
        let (two, three) = (IntRange::constant(2), IntRange::constant(3));
        assert_eq!(fold_constants(BinOp::Add, two, three), IntRange::constant(5));
        assert_eq!(
            fold_constants(BinOp::FloorDiv, IntRange::constant(7), IntRange::constant(-2)),
            IntRange::constant(-4)
        );
        assert_eq!(
            fold_constants(BinOp::FloorDiv, two, IntRange::constant(0)),
            IntRange::TOP
        );
        assert_eq!(join_constants(two, two), two);
        assert_eq!(join_constants(two, three), IntRange::TOP);
    }

    #[test]
    fn widening_drops_moving_bounds() {
        let old = IntRange::new(Some(0), Some(1));
        assert_eq!(
            IntRange::widen(old, IntRange::new(Some(0), Some(2))),
            IntRange::new(Some(0), None)
        );
        assert_eq!(IntRange::widen(old, old), old);
        assert!(IntRange::constant(1).within(old));
        assert!(!IntRange::TOP.within(old));
    }

    #[test]
    fn display() {
        assert_eq!(IntRange::TOP.to_string(), "int");
        assert_eq!(IntRange::constant(4).to_string(), "int(4)");
        assert_eq!(IntRange::new(Some(0), None).to_string(), "int[0..]");
        assert_eq!(IntRange::new(Some(0), Some(9)).to_string(), "int[0..9]");
    }
}
