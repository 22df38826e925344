//! The garbage-collected heap of the standard space.
//!
//! Objects live in one arena of slots and are named by [`ObjRef`] indices.
//! Collection is precise mark-and-sweep: the main loop hands over its roots
//! (registers of every heap frame, globals, constants), everything reachable
//! from them is marked, and every other slot goes back on the free list. Since
//! reachability is all that matters, cyclic garbage is reclaimed like any other.
//!
//! The heap never decides to collect by itself. Allocation only counts bytes;
//! when enough has been allocated, [`Heap::gc_wanted`] turns true and the main
//! loop collects at its next *safepoint* (a back-edge or a call). So Rust code
//! in the middle of an operation can hold `Value`s in local variables without
//! rooting them: no collection can happen under its feet.
//!
//! Layouts are a small fixed menu ([`Body`]). Languages do not add layouts;
//! they add *types* that use one (a Scheme pair is `Fields` of two, a Python
//! list is `List`), so the collector and later the JIT know every shape.

use super::dict::DictTable;
use super::maps::{MapId, Maps, INLINE_SLOTS};
use super::types::TypeId;
use super::value::{ObjRef, Value};
use crate::bytecode::CodeId;
use crate::space::standard::labels::LabelSetId;
use crate::space::{Budget, ErrorKind, GenState, NativeId, OpError};
use num_bigint::BigInt;

/// The shape of an object's contents.
#[derive(Clone, Debug)]
pub enum Body {
    /// A machine integer that does not fit inline.
    Int(i64),
    /// A double that does not fit inline.
    Float(f64),
    /// An arbitrary-precision integer.
    BigInt(Box<BigInt>),
    /// An immutable string.
    Str(Box<str>),
    /// A fixed number of value fields (records, pairs, instances).
    Fields(Box<[Value]>),
    /// A growable sequence of values (lists, vectors).
    List(Vec<Value>),
    /// A guest closure: code plus captured cells.
    Closure {
        /// The function's code.
        code: CodeId,
        /// The captured cells, `F[0]`, `F[1]`, ...
        cells: Box<[Value]>,
    },
    /// A native function.
    Native(NativeId),
    /// A mutable cell (a captured variable).
    Cell(Value),
    /// A hash table (dicts, sets).
    Dict(Box<DictTable>),
    /// A generator: a guest frame saved between resumptions.
    Generator(Box<GenState<Value>>),
    /// An object with a map (hidden class): the map names its attributes and
    /// their slots; the values are inline (see [`super::maps`]).
    Instance {
        /// The map: owner and attribute names.
        map: MapId,
        /// The first attributes (or, past `INLINE_SLOTS`, the overflow list last).
        slots: [Value; INLINE_SLOTS],
    },
    /// A labelled value of the taint space: the plain value (never itself
    /// tainted) and its interned label set (see `space::standard::taint`).
    Tainted {
        /// The plain value.
        value: Value,
        /// Its labels.
        labels: LabelSetId,
    },
}

impl Body {
    /// Approximate bytes owned outside the slot, for the heap budget.
    fn extra_bytes(&self) -> usize {
        match self {
            Body::BigInt(b) => 32 + (b.bits() as usize).div_ceil(8),
            Body::Str(s) => s.len(),
            Body::Fields(f) => f.len() * 8,
            Body::List(v) => v.capacity() * 8,
            Body::Closure { cells, .. } => cells.len() * 8,
            Body::Dict(d) => d.bytes(),
            Body::Generator(g) => g.regs.len() * 8 + 48,
            _ => 0,
        }
    }

    /// Calls `f` on every value the object refers to.
    fn for_each_child(&self, mut f: impl FnMut(Value)) {
        match self {
            Body::Fields(vs) | Body::Closure { cells: vs, .. } => vs.iter().copied().for_each(f),
            Body::Instance { slots, .. } => slots.iter().copied().for_each(f),
            Body::List(vs) => vs.iter().copied().for_each(f),
            Body::Cell(v) | Body::Tainted { value: v, .. } => f(*v),
            Body::Dict(d) => d.for_each_value(f),
            Body::Generator(g) => {
                f(g.closure);
                f(g.result);
                g.regs.iter().copied().for_each(f);
            }
            Body::Int(_) | Body::Float(_) | Body::BigInt(_) | Body::Str(_) | Body::Native(_) => {}
        }
    }
}

/// One heap object: its type and its contents.
#[derive(Clone, Debug)]
pub struct Obj {
    /// The implementation class, used for dispatch.
    pub class: TypeId,
    /// The contents.
    pub body: Body,
}

/// Size of one slot, counted against the budget for every object.
pub const SLOT_BYTES: usize = std::mem::size_of::<Option<Obj>>();

/// Counters the heap keeps for statistics and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Objects alive after the last collection plus those allocated since.
    pub live_objects: usize,
    /// Estimated bytes of live objects.
    pub live_bytes: usize,
    /// Highest `live_bytes` seen.
    pub peak_bytes: usize,
    /// Number of collections so far.
    pub collections: usize,
}

/// The arena of objects.
#[derive(Debug)]
pub struct Heap {
    slots: Vec<Option<Obj>>,
    free: Vec<u32>,
    marks: Vec<bool>,
    stack: Vec<u32>,
    allocated_since_gc: usize,
    next_gc: usize,
    max_bytes: usize,
    stats: HeapStats,
    /// The maps (hidden classes) of instances ([`Body::Instance`]).
    pub maps: Maps,
}

/// Allocation volume that triggers the first collection.
const MIN_GC_BYTES: usize = 4 << 20;

impl Heap {
    /// An empty heap that refuses to grow past `max_bytes`.
    pub fn new(max_bytes: usize) -> Heap {
        Heap {
            slots: Vec::new(),
            free: Vec::new(),
            marks: Vec::new(),
            stack: Vec::new(),
            allocated_since_gc: 0,
            next_gc: gc_threshold(0, max_bytes),
            max_bytes,
            stats: HeapStats::default(),
            maps: Maps::default(),
        }
    }

    /// Allocates an object. Fails only if the heap budget would be exceeded.
    pub fn alloc(&mut self, class: TypeId, body: Body) -> Result<Value, OpError> {
        let bytes = SLOT_BYTES + body.extra_bytes();
        self.reserve(bytes)?;
        self.allocated_since_gc += bytes;
        self.stats.live_bytes += bytes;
        self.stats.peak_bytes = self.stats.peak_bytes.max(self.stats.live_bytes);
        self.stats.live_objects += 1;
        let obj = Some(Obj { class, body });
        let index = match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = obj;
                i
            }
            None => {
                if self.slots.len() >= (u32::MAX >> 3) as usize {
                    return Err(heap_exhausted(self.max_bytes));
                }
                self.slots.push(obj);
                self.marks.push(false);
                (self.slots.len() - 1) as u32
            }
        };
        Ok(Value::from_ref(ObjRef(index)))
    }

    /// Checks that `bytes` more would stay within the budget.
    pub fn reserve(&self, bytes: usize) -> Result<(), OpError> {
        if self.stats.live_bytes.saturating_add(bytes) > self.max_bytes {
            Err(heap_exhausted(self.max_bytes))
        } else {
            Ok(())
        }
    }

    /// Records that an object grew by `bytes` (a list append, say).
    pub fn grew(&mut self, bytes: usize) -> Result<(), OpError> {
        self.reserve(bytes)?;
        self.allocated_since_gc += bytes;
        self.stats.live_bytes += bytes;
        self.stats.peak_bytes = self.stats.peak_bytes.max(self.stats.live_bytes);
        Ok(())
    }

    /// The object behind a reference.
    ///
    /// References come only from live values, so the slot is always occupied;
    /// a free slot here is a bug in the collector, not a user error.
    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        self.slots[r.0 as usize]
            .as_ref()
            .expect("reference to a freed heap slot")
    }

    /// Mutable access to an object.
    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        self.slots[r.0 as usize]
            .as_mut()
            .expect("reference to a freed heap slot")
    }

    /// The class of a referenced object.
    #[inline]
    pub fn class_of(&self, r: ObjRef) -> TypeId {
        self.get(r).class
    }

    /// True when enough was allocated that the next safepoint should collect.
    #[inline]
    pub fn gc_wanted(&self) -> bool {
        self.allocated_since_gc >= self.next_gc
    }

    /// Where the two numbers behind [`Heap::gc_wanted`] live, so compiled code can
    /// test them without a call: (bytes allocated since the last collection, threshold).
    pub fn gc_counters(&self) -> (*const usize, *const usize) {
        (&self.allocated_since_gc, &self.next_gc)
    }

    /// Statistics.
    pub fn stats(&self) -> HeapStats {
        self.stats
    }

    /// Mark and sweep. Everything reachable from `roots` survives.
    pub fn collect<'a>(&mut self, roots: impl IntoIterator<Item = &'a [Value]>) -> Result<(), OpError> {
        // Mark: an explicit stack, so deep structures cannot overflow Rust's.
        for group in roots {
            for &v in group {
                self.push_if_unmarked(v);
            }
        }
        let Heap {
            slots,
            marks,
            stack,
            maps,
            ..
        } = self;
        while let Some(i) = stack.pop() {
            if let Some(obj) = &slots[i as usize] {
                let mut mark = |c: Value| {
                    if let Some(r) = c.as_ref() {
                        if !marks[r.0 as usize] {
                            marks[r.0 as usize] = true;
                            stack.push(r.0);
                        }
                    }
                };
                if let Body::Instance { map, .. } = &obj.body {
                    // An instance keeps its map's owner (its class) alive.
                    mark(maps.owner(*map));
                }
                obj.body.for_each_child(mark);
            }
        }
        // Sweep: unmarked slots are free; marks are cleared for next time.
        let mut live_objects = 0;
        let mut live_bytes = 0;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if self.marks[i] {
                self.marks[i] = false;
                if let Some(obj) = slot {
                    live_objects += 1;
                    live_bytes += SLOT_BYTES + obj.body.extra_bytes();
                }
            } else if slot.is_some() {
                *slot = None;
                self.free.push(i as u32);
            }
        }
        self.stats.live_objects = live_objects;
        self.stats.live_bytes = live_bytes;
        self.stats.collections += 1;
        self.allocated_since_gc = 0;
        self.next_gc = gc_threshold(live_bytes, self.max_bytes);
        if live_bytes > self.max_bytes {
            return Err(heap_exhausted(self.max_bytes));
        }
        Ok(())
    }

    fn push_if_unmarked(&mut self, v: Value) {
        if let Some(r) = v.as_ref() {
            let m = &mut self.marks[r.0 as usize];
            if !*m {
                *m = true;
                self.stack.push(r.0);
            }
        }
    }
}

/// Bytes to allocate before the next collection: twice the live data (at
/// least [`MIN_GC_BYTES`]), but never more than half the room left under the
/// budget, so that garbage is collected before it alone exhausts the budget.
fn gc_threshold(live_bytes: usize, max_bytes: usize) -> usize {
    let headroom = max_bytes.saturating_sub(live_bytes);
    (live_bytes * 2).max(MIN_GC_BYTES).min(headroom / 2).max(4096)
}

fn heap_exhausted(max: usize) -> OpError {
    OpError::new(
        ErrorKind::Budget(Budget::Heap),
        format!(
            "heap budget of {} MiB exhausted (raise it with --max-heap-mb)",
            max >> 20
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(heap: &mut Heap, a: Value, b: Value) -> Value {
        heap.alloc(TypeId(100), Body::Fields(vec![a, b].into_boxed_slice()))
            .unwrap()
    }

    #[test]
    fn unreachable_objects_are_freed_and_slots_reused() {
        let mut heap = Heap::new(1 << 30);
        let keep = heap.alloc(TypeId::STR, Body::Str("kept".into())).unwrap();
        for _ in 0..10 {
            heap.alloc(TypeId::STR, Body::Str("garbage".into())).unwrap();
        }
        heap.collect([std::slice::from_ref(&keep)]).unwrap();
        assert_eq!(heap.stats().live_objects, 1);
        let again = heap.alloc(TypeId::STR, Body::Str("new".into())).unwrap();
        assert!(again.as_ref().unwrap().0 < 11, "a freed slot is reused");
        match &heap.get(keep.as_ref().unwrap()).body {
            Body::Str(s) => assert_eq!(&**s, "kept"),
            other => panic!("wrong body {other:?}"),
        }
    }

    #[test]
    fn cycles_are_collected() {
        let mut heap = Heap::new(1 << 30);
        for _ in 0..1000 {
            let a = pair(&mut heap, Value::NONE, Value::NONE);
            let b = pair(&mut heap, a, Value::NONE);
            if let Body::Fields(f) = &mut heap.get_mut(a.as_ref().unwrap()).body {
                f[0] = b; // a -> b -> a
            }
        }
        heap.collect([]).unwrap();
        assert_eq!(heap.stats().live_objects, 0);
    }

    #[test]
    fn reachable_cycles_survive_and_deep_chains_do_not_overflow() {
        let mut heap = Heap::new(1 << 30);
        let head = pair(&mut heap, Value::NONE, Value::NONE);
        let mut cur = head;
        for _ in 0..1_000_000 {
            cur = pair(&mut heap, cur, Value::NONE);
        }
        // Close the cycle back to the newest node.
        if let Body::Fields(f) = &mut heap.get_mut(head.as_ref().unwrap()).body {
            f[1] = cur;
        }
        heap.collect([std::slice::from_ref(&cur)]).unwrap();
        assert_eq!(heap.stats().live_objects, 1_000_001);
    }

    #[test]
    fn the_budget_refuses_growth() {
        let mut heap = Heap::new(10_000);
        let big: String = "x".repeat(20_000);
        let err = heap.alloc(TypeId::STR, Body::Str(big.into())).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Budget(Budget::Heap));
    }
}
