//! The tiny space's representation: a 32-bit tagged word and a heap of 16-byte slots.
//!
//! **The word** ([`Tiny`], 4 bytes) is what a register, a list element or a
//! captured cell holds. The low bits say what it is:
//!
//! ```text
//!   xxxx...xxx1   a small int: 31 bits, two's complement (-2^30 ..= 2^30-1)
//!   xxxx...xx00   a heap reference: slot index << 2 (up to 2^30 objects)
//!   0000...0010   none          0000...1010  false       0000...10010  true
//!   xxxx...x110   a native function: its id << 3 (no heap object at all)
//! ```
//!
//! **The heap** is one arena of [`Obj`] slots; every slot is 16 bytes
//! (checked by a unit test), and the collector's mark bit lives in a side
//! bitmap (one bit per slot). The one-byte enum tag is the whole object
//! header: there is no class pointer, no size field, no hash. Per object:
//!
//! | object                     | bytes                                   |
//! |----------------------------|-----------------------------------------|
//! | int outside 31 bits        | 16                                      |
//! | string of up to 14 bytes   | 16 (the bytes live in the slot)         |
//! | longer string              | 16 + 16 + its length                    |
//! | list of up to 3 items      | 16 (the items live in the slot)         |
//! | longer list                | 16 + 24 + 4 per element of capacity     |
//! | closure                    | 16 + 24 + 4 per captured cell           |
//! | cell                       | 16                                      |
//! | iterator                   | 16                                      |
//! | range, slice               | 16 + 24 / 16 + 12                       |
//!
//! (The standard space spends a 40-byte slot plus a mark byte on every
//! object and 8 bytes per list element.) There are no bigints: an int that
//! does not fit in 64 bits is an `OverflowError`.
//!
//! **The collector** is a precise, non-moving mark-and-sweep over the arena:
//! it marks from the roots the main loop passes at a safepoint, then threads
//! every unmarked slot onto a free list. The heap budget (`--max-heap-mb`)
//! counts slots and the bytes they own outside the arena, so a memory bomb
//! ends with the budget error rather than the process running out of memory.

use crate::bytecode::CodeId;
use crate::space::{Budget, ErrorKind, OpError};
use std::fmt;

/// The tiny space's wrapped object: one 32-bit word.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tiny(u32);

impl Tiny {
    /// The "no value" value.
    pub const NONE: Tiny = Tiny(0b0_0010);
    /// False.
    pub const FALSE: Tiny = Tiny(0b0_1010);
    /// True.
    pub const TRUE: Tiny = Tiny(0b1_0010);
    /// The smallest int held inline.
    pub const SMALL_MIN: i64 = -(1 << 30);
    /// The largest int held inline.
    pub const SMALL_MAX: i64 = (1 << 30) - 1;

    /// An inline int, if `i` fits in 31 bits.
    #[inline]
    pub fn small_int(i: i64) -> Option<Tiny> {
        (Tiny::SMALL_MIN..=Tiny::SMALL_MAX)
            .contains(&i)
            .then_some(Tiny((((i as i32) << 1) as u32) | 1))
    }

    /// The inline int, if this is one.
    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        (self.0 & 1 == 1).then_some(((self.0 as i32) >> 1) as i64)
    }

    /// A boolean.
    #[inline]
    pub fn bool(b: bool) -> Tiny {
        if b {
            Tiny::TRUE
        } else {
            Tiny::FALSE
        }
    }

    /// A native function, named by its id (ids past 2^29 do not fit).
    pub fn native(id: u32) -> Option<Tiny> {
        (id < 1 << 29).then_some(Tiny((id << 3) | 0b110))
    }

    /// The native function id, if this is one.
    #[inline]
    pub fn as_native(self) -> Option<u32> {
        (self.0 & 0b111 == 0b110).then_some(self.0 >> 3)
    }

    /// A reference to heap slot `index` (below 2^30).
    #[inline]
    fn from_index(index: u32) -> Tiny {
        Tiny(index << 2)
    }

    /// The heap slot index, if this is a reference.
    #[inline]
    pub fn as_index(self) -> Option<u32> {
        (self.0 & 0b11 == 0).then_some(self.0 >> 2)
    }

    /// The raw bits (for identity and tests).
    pub fn bits(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for Tiny {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "{i}")
        } else if let Some(r) = self.as_index() {
            write!(f, "@{r}")
        } else if let Some(n) = self.as_native() {
            write!(f, "native#{n}")
        } else {
            match *self {
                Tiny::NONE => write!(f, "none"),
                Tiny::TRUE => write!(f, "true"),
                Tiny::FALSE => write!(f, "false"),
                _ => write!(f, "?{:#x}", self.0),
            }
        }
    }
}

/// Strings of at most this many bytes live inside their slot.
pub const SHORT_STR: usize = 14;
/// Lists of at most this many items live inside their slot.
pub const SMALL_LIST: usize = 3;

/// A guest closure: its code and the cells it captured.
#[derive(Debug)]
pub struct Closure {
    /// Its code.
    pub code: CodeId,
    /// Captured cells, in the order of the code's captures.
    pub cells: Box<[Tiny]>,
}

/// One heap object. The enum tag is the object's whole header.
#[derive(Debug)]
pub enum Obj {
    /// An unused slot; the next free slot (or `u32::MAX`).
    Free(u32),
    /// An int that does not fit in 31 bits.
    Int(i64),
    /// A string of up to [`SHORT_STR`] bytes, stored in the slot.
    ShortStr {
        /// Its length in bytes.
        len: u8,
        /// Its bytes (UTF-8), zero-padded.
        bytes: [u8; SHORT_STR],
    },
    /// A longer string.
    Str(Box<Box<str>>),
    /// A list of up to [`SMALL_LIST`] items, stored in the slot. It becomes a
    /// [`Obj::List`] when it grows past that, and stays one.
    SmallList {
        /// How many items.
        len: u8,
        /// The items; those past `len` are none.
        items: [Tiny; SMALL_LIST],
    },
    /// A longer list.
    List(Box<Vec<Tiny>>),
    /// A guest function.
    Closure(Box<Closure>),
    /// A captured variable.
    Cell(Tiny),
    /// An iterator over a list, a string (`pos` is a byte offset) or a range.
    Iter {
        /// What it walks.
        seq: Tiny,
        /// How far it has come.
        pos: u32,
    },
    /// `range(start, stop, step)`.
    Range(Box<[i64; 3]>),
    /// A slice `start:stop:step` (none where omitted).
    Slice(Box<[Tiny; 3]>),
}

/// Bytes of one slot, counted for every object.
pub const SLOT_BYTES: usize = std::mem::size_of::<Obj>();

impl Obj {
    /// A string object holding `s`.
    pub fn string(s: &str) -> Obj {
        if s.len() <= SHORT_STR {
            let mut bytes = [0u8; SHORT_STR];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Obj::ShortStr {
                len: s.len() as u8,
                bytes,
            }
        } else {
            Obj::Str(Box::new(s.into()))
        }
    }

    /// A list object holding `items`.
    pub fn list(items: Vec<Tiny>) -> Obj {
        if items.len() <= SMALL_LIST {
            let mut inline = [Tiny::NONE; SMALL_LIST];
            inline[..items.len()].copy_from_slice(&items);
            Obj::SmallList {
                len: items.len() as u8,
                items: inline,
            }
        } else {
            Obj::List(Box::new(items))
        }
    }

    /// The items of a list object.
    pub fn as_list(&self) -> Option<&[Tiny]> {
        match self {
            Obj::SmallList { len, items } => Some(&items[..*len as usize]),
            Obj::List(items) => Some(items),
            _ => None,
        }
    }

    /// The items of a list object, to change them in place.
    pub fn as_list_mut(&mut self) -> Option<&mut [Tiny]> {
        match self {
            Obj::SmallList { len, items } => Some(&mut items[..*len as usize]),
            Obj::List(items) => Some(items),
            _ => None,
        }
    }

    /// The text of a string object.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Obj::ShortStr { len, bytes } => std::str::from_utf8(&bytes[..*len as usize]).ok(),
            Obj::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Bytes this object owns outside its slot.
    pub fn extra_bytes(&self) -> usize {
        match self {
            Obj::Str(s) => 16 + s.len(),
            Obj::List(items) => 24 + items.capacity() * 4,
            Obj::Closure(c) => std::mem::size_of::<Closure>() + c.cells.len() * 4,
            Obj::Range(_) => 24,
            Obj::Slice(_) => 12,
            _ => 0,
        }
    }

    /// Calls `f` on every word this object refers to.
    fn for_each_ref(&self, mut f: impl FnMut(Tiny)) {
        match self {
            Obj::List(items) => items.iter().copied().for_each(f),
            Obj::SmallList { len, items } => items[..*len as usize].iter().copied().for_each(f),
            Obj::Closure(c) => c.cells.iter().copied().for_each(f),
            Obj::Cell(v) => f(*v),
            Obj::Iter { seq, .. } => f(*seq),
            Obj::Slice(parts) => parts.iter().copied().for_each(f),
            _ => {}
        }
    }
}

const NO_FREE: u32 = u32::MAX;
/// Slot indices must fit in the 30 bits a reference has.
const MAX_SLOTS: usize = 1 << 30;
/// Allocation volume that triggers the first collection.
const MIN_GC_BYTES: usize = 4 << 20;

/// Counters for statistics and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TinyStats {
    /// Objects alive after the last collection plus those allocated since.
    pub live_objects: usize,
    /// Bytes of those objects (slots plus what they own).
    pub live_bytes: usize,
    /// Highest `live_bytes` seen.
    pub peak_bytes: usize,
    /// Collections so far.
    pub collections: usize,
}

/// The arena of slots, its free list and its collector.
#[derive(Debug)]
pub struct Heap {
    slots: Vec<Obj>,
    marks: Vec<u64>,
    free: u32,
    stack: Vec<u32>,
    allocated_since_gc: usize,
    next_gc: usize,
    max_bytes: usize,
    stats: TinyStats,
}

impl Heap {
    /// An empty heap that refuses to grow past `max_bytes`.
    pub fn new(max_bytes: usize) -> Heap {
        Heap {
            slots: Vec::new(),
            marks: Vec::new(),
            free: NO_FREE,
            stack: Vec::new(),
            allocated_since_gc: 0,
            next_gc: gc_threshold(0, max_bytes),
            max_bytes,
            stats: TinyStats::default(),
        }
    }

    /// The counters.
    pub fn stats(&self) -> TinyStats {
        self.stats
    }

    /// Stores `obj` in a free slot.
    pub fn alloc(&mut self, obj: Obj) -> Result<Tiny, OpError> {
        let bytes = SLOT_BYTES + obj.extra_bytes();
        self.grew(bytes)?;
        self.stats.live_objects += 1;
        let index = if self.free != NO_FREE {
            let i = self.free;
            self.free = match self.slots[i as usize] {
                Obj::Free(next) => next,
                _ => NO_FREE,
            };
            self.slots[i as usize] = obj;
            i
        } else {
            if self.slots.len() >= MAX_SLOTS {
                return Err(heap_exhausted(self.max_bytes));
            }
            self.slots.push(obj);
            if self.slots.len() > self.marks.len() * 64 {
                self.marks.push(0);
            }
            (self.slots.len() - 1) as u32
        };
        Ok(Tiny::from_index(index))
    }

    /// The object `w` refers to, if it is a reference.
    #[inline]
    pub fn get(&self, w: Tiny) -> Option<&Obj> {
        self.slots.get(w.as_index()? as usize)
    }

    /// The object `w` refers to, for changing it.
    #[inline]
    pub fn get_mut(&mut self, w: Tiny) -> Option<&mut Obj> {
        self.slots.get_mut(w.as_index()? as usize)
    }

    /// Checks that `bytes` more stay within the budget.
    pub fn reserve(&self, bytes: usize) -> Result<(), OpError> {
        if self.stats.live_bytes.saturating_add(bytes) > self.max_bytes {
            Err(heap_exhausted(self.max_bytes))
        } else {
            Ok(())
        }
    }

    /// Records that live objects grew by `bytes`, refusing past the budget.
    pub fn grew(&mut self, bytes: usize) -> Result<(), OpError> {
        self.reserve(bytes)?;
        self.allocated_since_gc += bytes;
        self.stats.live_bytes += bytes;
        self.stats.peak_bytes = self.stats.peak_bytes.max(self.stats.live_bytes);
        Ok(())
    }

    /// Changes the list `w` with `f`, keeping the byte count in step with its capacity.
    /// `more` is how many items `f` may add: the budget is checked for them first.
    pub fn with_list<R>(&mut self, w: Tiny, more: usize, f: impl FnOnce(&mut Vec<Tiny>) -> R) -> Result<R, OpError> {
        let index = w.as_index().map(|i| i as usize);
        let (len, cap) = match index.and_then(|i| self.slots.get(i)) {
            Some(Obj::List(items)) => (items.len(), items.capacity()),
            Some(Obj::SmallList { len, .. }) => (*len as usize, 0),
            _ => return Err(OpError::type_error("not a list")),
        };
        // Growing past the capacity at least doubles it (a small list moves out of its slot).
        let need = len.saturating_add(more);
        if need > cap.max(SMALL_LIST) {
            self.reserve(24usize.saturating_add((need.max(cap * 2) - cap).saturating_mul(4)))?;
        }
        let i = index.unwrap_or(0);
        if let Obj::List(items) = &mut self.slots[i] {
            let r = f(items);
            let after = items.capacity();
            if after > cap {
                self.grew((after - cap) * 4)?;
            } else {
                self.stats.live_bytes -= (cap - after) * 4;
            }
            return Ok(r);
        }
        let mut items = self.slots[i].as_list().unwrap_or(&[]).to_vec();
        let r = f(&mut items);
        if items.len() <= SMALL_LIST {
            self.slots[i] = Obj::list(items);
            return Ok(r);
        }
        let moved = Obj::List(Box::new(items));
        let grown = self.grew(moved.extra_bytes());
        self.slots[i] = moved;
        grown.map(|()| r)
    }

    /// True when enough was allocated since the last collection.
    pub fn gc_wanted(&self) -> bool {
        self.allocated_since_gc >= self.next_gc
    }

    /// Marks everything reachable from `roots`, frees the rest.
    pub fn collect<'a>(&mut self, roots: impl Iterator<Item = &'a [Tiny]>) {
        let Heap {
            slots, marks, stack, ..
        } = self;
        for root in roots {
            for &w in root {
                mark(marks, stack, slots.len(), w);
            }
        }
        while let Some(i) = stack.pop() {
            // The children are visited in place: a list of millions of ints needs no copy.
            slots[i as usize].for_each_ref(|w| mark(marks, stack, slots.len(), w));
        }
        for i in 0..self.slots.len() {
            let marked = self.marks[i / 64] & (1 << (i % 64)) != 0;
            if marked || matches!(self.slots[i], Obj::Free(_)) {
                continue;
            }
            let dead = std::mem::replace(&mut self.slots[i], Obj::Free(self.free));
            self.free = i as u32;
            self.stats.live_bytes -= SLOT_BYTES + dead.extra_bytes();
            self.stats.live_objects -= 1;
        }
        self.marks.iter_mut().for_each(|m| *m = 0);
        self.stats.collections += 1;
        self.allocated_since_gc = 0;
        self.next_gc = gc_threshold(self.stats.live_bytes, self.max_bytes);
    }
}

/// Sets the mark bit of the slot `w` refers to and queues it, if it was not marked yet.
fn mark(marks: &mut [u64], stack: &mut Vec<u32>, slots: usize, w: Tiny) {
    if let Some(i) = w.as_index() {
        let i = i as usize;
        if i < slots && marks[i / 64] & (1 << (i % 64)) == 0 {
            marks[i / 64] |= 1 << (i % 64);
            stack.push(i as u32);
        }
    }
}

/// Bytes to allocate before the next collection: twice the live data (at
/// least [`MIN_GC_BYTES`]), but at most half the room left under the budget.
fn gc_threshold(live_bytes: usize, max_bytes: usize) -> usize {
    let headroom = max_bytes.saturating_sub(live_bytes);
    (live_bytes * 2).max(MIN_GC_BYTES).min(headroom / 2).max(4096)
}

/// The budget error, worded as the standard space words it.
pub fn heap_exhausted(max: usize) -> OpError {
    OpError::new(
        ErrorKind::Budget(Budget::Heap),
        format!(
            "heap budget of {} MiB exhausted (raise it with --max-heap-mb)",
            max >> 20
        ),
    )
}
