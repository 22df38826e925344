//! The wrapped object of the standard space: one tagged 64-bit word.
//!
//! Small integers and most floats live inside the word itself, so ordinary
//! arithmetic allocates nothing; everything else is a typed index into the
//! [`Heap`](super::heap::Heap). There are no pointers and no `Rc` webs: the
//! collector can move nothing and free everything that is unreachable,
//! cycles included.
//!
//! ```text
//!  63                                              3 2 1 0
//! [ signed 63-bit integer                              |1]   small int
//! [ heap slot index                              |0 0 0]   heap reference
//! [ immediate number                             |0 1 0]   none, false, true, ...
//! [ float: 8-bit exponent, 52-bit mantissa, sign |1 0 0]   small float
//! [ Unicode scalar value                         |1 1 0]   character
//! ```
//!
//! The small-float encoding follows the Spur object model of Squeak/Pharo: a
//! double whose exponent lies in the middle of the range keeps all its
//! mantissa bits and only loses the three top exponent bits, which are
//! implied. Doubles outside that range (huge, tiny, infinities, NaN) are
//! boxed on the heap; the language never sees the difference.

use std::fmt;

/// Index of an object in the heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef(pub u32);

impl fmt::Display for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "obj{}", self.0)
    }
}

/// A wrapped object of the standard space.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

const TAG_MASK: u64 = 0b111;
const TAG_REF: u64 = 0b000;
const TAG_IMM: u64 = 0b010;
const TAG_FLOAT: u64 = 0b100;
const TAG_CHAR: u64 = 0b110;

/// Exponent offset that maps the kept 8-bit exponent range onto 0..=255.
const FLOAT_EXP_OFFSET: u64 = 896;

/// The immediates, numbered.
mod imm {
    pub const NONE: u64 = 0;
    pub const FALSE: u64 = 1;
    pub const TRUE: u64 = 2;
    pub const EMPTY: u64 = 3;
    pub const UNSPECIFIED: u64 = 4;
    pub const EXHAUSTED: u64 = 5;
    pub const UNBOUND: u64 = 6;
}

impl Value {
    /// Smallest integer stored inline.
    pub const SMALL_MIN: i64 = -(1 << 62);
    /// Largest integer stored inline.
    pub const SMALL_MAX: i64 = (1 << 62) - 1;

    /// The "no value" immediate.
    pub const NONE: Value = Value((imm::NONE << 3) | TAG_IMM);
    /// False.
    pub const FALSE: Value = Value((imm::FALSE << 3) | TAG_IMM);
    /// True.
    pub const TRUE: Value = Value((imm::TRUE << 3) | TAG_IMM);
    /// The empty list of list-structured languages (Scheme's `'()`, Prolog's `[]`).
    pub const EMPTY: Value = Value((imm::EMPTY << 3) | TAG_IMM);
    /// The unspecified value some languages return from side effects.
    pub const UNSPECIFIED: Value = Value((imm::UNSPECIFIED << 3) | TAG_IMM);

    /// Returned by the `next` multimethod when an iterator has no more
    /// items. It never reaches guest code: `ForIter` turns it into a jump.
    pub const EXHAUSTED: Value = Value((imm::EXHAUSTED << 3) | TAG_IMM);
    /// What a local's register holds before its first assignment, in code that
    /// asks for it ([`Code::unbound_locals`](crate::bytecode::Code::unbound_locals)).
    /// `CheckBound` refuses it, so it never reaches an operation.
    pub const UNBOUND: Value = Value((imm::UNBOUND << 3) | TAG_IMM);

    /// The raw bits (for hashing, tests and the JIT).
    #[inline]
    pub fn bits(self) -> u64 {
        self.0
    }

    /// The value with these raw bits. Only bits that came from [`Value::bits`]
    /// mean anything (the JIT moves values as machine words and back).
    pub fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// A small integer, if `i` fits in 63 bits.
    #[inline]
    pub fn small_int(i: i64) -> Option<Value> {
        if (Value::SMALL_MIN..=Value::SMALL_MAX).contains(&i) {
            Some(Value(((i as u64) << 1) | 1))
        } else {
            None
        }
    }

    /// The integer inside, if this is a small int.
    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        if self.0 & 1 == 1 {
            Some((self.0 as i64) >> 1)
        } else {
            None
        }
    }

    /// A boolean immediate.
    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A reference to heap object `r`.
    #[inline]
    pub fn from_ref(r: ObjRef) -> Value {
        Value((r.0 as u64) << 3 | TAG_REF)
    }

    /// The heap object this refers to, if it is a reference.
    #[inline]
    pub fn as_ref(self) -> Option<ObjRef> {
        if self.0 & TAG_MASK == TAG_REF {
            Some(ObjRef((self.0 >> 3) as u32))
        } else {
            None
        }
    }

    /// True for the immediates (none, booleans, empty, unspecified).
    #[inline]
    pub fn is_immediate(self) -> bool {
        self.0 & TAG_MASK == TAG_IMM
    }

    /// A float stored inline, if its exponent is in the inline range.
    #[inline]
    pub fn small_float(f: f64) -> Option<Value> {
        let rotated = f.to_bits().rotate_left(1); // sign now in bit 0
        if rotated <= 1 {
            // +0.0 and -0.0: exponent 0 is reserved for them.
            return Some(Value((rotated << 3) | TAG_FLOAT));
        }
        let shifted = rotated.wrapping_sub(FLOAT_EXP_OFFSET << 53);
        if shifted >> 61 == 0 && shifted > 1 {
            Some(Value((shifted << 3) | TAG_FLOAT))
        } else {
            None
        }
    }

    /// The float inside, if this is a small float.
    #[inline]
    pub fn as_small_float(self) -> Option<f64> {
        if self.0 & TAG_MASK != TAG_FLOAT {
            return None;
        }
        let mut rotated = self.0 >> 3;
        if rotated > 1 {
            rotated += FLOAT_EXP_OFFSET << 53;
        }
        Some(f64::from_bits(rotated.rotate_right(1)))
    }

    /// A character immediate.
    #[inline]
    pub fn char(c: char) -> Value {
        Value(((c as u64) << 3) | TAG_CHAR)
    }

    /// The character inside, if this is one.
    #[inline]
    pub fn as_char(self) -> Option<char> {
        if self.0 & TAG_MASK == TAG_CHAR {
            char::from_u32((self.0 >> 3) as u32)
        } else {
            None
        }
    }
}

/// The default value is none (so that tables of values can be made empty).
impl Default for Value {
    fn default() -> Value {
        Value::NONE
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "{i}")
        } else if let Some(r) = self.as_ref() {
            write!(f, "{r}")
        } else if let Some(x) = self.as_small_float() {
            write!(f, "{x:?}")
        } else if let Some(c) = self.as_char() {
            write!(f, "{c:?}")
        } else {
            match *self {
                Value::NONE => write!(f, "none"),
                Value::TRUE => write!(f, "true"),
                Value::FALSE => write!(f, "false"),
                Value::EMPTY => write!(f, "empty"),
                _ => write!(f, "unspecified"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, 42, Value::SMALL_MIN, Value::SMALL_MAX] {
            assert_eq!(Value::small_int(i).unwrap().as_small_int(), Some(i));
        }
        assert!(Value::small_int(Value::SMALL_MAX + 1).is_none());
        assert!(Value::small_int(i64::MIN).is_none());
    }

    #[test]
    fn small_floats_round_trip_or_refuse() {
        let samples = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            std::f64::consts::PI,
            1e38,
            1e-38,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::INFINITY,
            f64::NAN,
            2f64.powi(-127),
            2f64.powi(128),
        ];
        for x in samples {
            if let Some(v) = Value::small_float(x) {
                let back = v.as_small_float().unwrap();
                assert_eq!(back.to_bits(), x.to_bits(), "{x}");
                assert!(v.as_small_int().is_none() && v.as_ref().is_none());
            }
        }
        assert!(Value::small_float(1.0).is_some());
        assert!(Value::small_float(0.1).is_some());
        assert!(Value::small_float(-0.0).is_some());
        assert!(Value::small_float(f64::INFINITY).is_none());
        assert!(Value::small_float(f64::NAN).is_none());
        assert!(Value::small_float(f64::MAX).is_none());
    }

    #[test]
    fn tags_do_not_overlap() {
        let v = [
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::char('x'),
            Value::from_ref(ObjRef(7)),
        ];
        for x in v {
            assert!(x.as_small_int().is_none());
            assert!(x.as_small_float().is_none());
        }
        assert_eq!(Value::from_ref(ObjRef(7)).as_ref(), Some(ObjRef(7)));
        assert_eq!(Value::char('λ').as_char(), Some('λ'));
    }
}
