//! Global lookup caches: what `obj.name` means, found once and then reused.
//!
//! Python's attribute lookup is a walk: the class's MRO for a descriptor,
//! the instance's own attributes, the MRO again for a method, `__getattr__`.
//! The answer depends only on the instance's *map* (which names it has, and
//! its class) and on the class dicts along the MRO. So it is computed once
//! per `(map, name)` and kept in a small two-way set-associative table, like Smalltalk's
//! global method cache and CPython's type attribute cache:
//!
//! - [`AttrCache`]: `(map or built-in type, name) -> AttrInfo`: the slot of
//!   the attribute in the instance, what the class has under that name, and
//!   how an assignment goes (overwrite a slot, or move to the next map).
//! - [`SpecialCache`]: `(class, "__init__") -> value`: class-level lookups by
//!   Rust text, for the dunder protocol and `type.__call__`.
//!
//! **Invalidation.** Every entry records the *epoch* it was computed in, and
//! only an entry of the current epoch is used. The epoch changes when
//!
//! - any class is mutated (`C.x = ...`): [`bump_class_version`] — one global
//!   counter, as in Smalltalk, rather than CPython's per-type version tags;
//!   programs mutate classes while they are being built, rarely later;
//! - the heap collects: names and classes are keyed by their identity (the
//!   tagged word), and only a collection can free an object and give its
//!   slot, and so its identity, to a different one.
//!
//! Writing into a class dict obtained through `C.__dict__` (which CPython
//! refuses: it hands out a read-only proxy) does not change the epoch.

use super::objects::py;
use workbench_framework::object::Value;
use workbench_framework::space::standard::Vm;

/// What the class has under an attribute name (the result of the MRO walk).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassAttr {
    /// Nothing: an instance attribute, `__getattr__`, or an AttributeError.
    Absent,
    /// A plain function or native: bound on access, called directly by `CallMethod`.
    Function(Value),
    /// An object whose class defines `__set__` (a `property`): it wins over instance attributes.
    DataDescriptor(Value),
    /// An object whose class defines `__get__` only (`staticmethod`, `classmethod`).
    Descriptor(Value),
    /// Any other value: returned as it is.
    Plain(Value),
}

/// How `obj.name = value` goes for instances of one map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetPlan {
    /// Overwrite slot `i`.
    Slot(u32),
    /// Add the attribute: the instance moves to this map, the value goes in the new last slot.
    Add(workbench_framework::object::MapId),
    /// Anything else (descriptors, `__slots__` refusals, dict-mode instances).
    Slow,
}

/// Everything `obj.name` needs to know about an instance's map and a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttrInfo {
    /// The instance's slot holding the attribute, if it has one.
    pub slot: Option<u32>,
    /// Number of slots of the map (where a slot lives depends on it).
    pub len: u32,
    /// What the class has under the name.
    pub class_attr: ClassAttr,
    /// How an assignment goes.
    pub set: SetPlan,
    /// The instance keeps a dict (dict mode), or the name is `__class__` / `__dict__`:
    /// the uncached rules apply.
    pub slow: bool,
}

#[derive(Clone, Copy, Debug)]
struct AttrEntry {
    map: u32,
    name: u64,
    epoch: u64,
    info: AttrInfo,
}

const ATTR_ENTRIES: usize = 1024;
const SPECIAL_ENTRIES: usize = 512;

/// The `(map, name)` cache. Built-in types use a pseudo map number
/// ([`builtin_key`]) so that their methods are cached here too.
pub struct AttrCache {
    entries: Box<[Option<AttrEntry>]>,
}

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache {
            entries: vec![None; ATTR_ENTRIES].into_boxed_slice(),
        }
    }
}

/// The first of the two entries `(map, name)` may live in (the table is 2-way set associative).
#[inline]
fn attr_bucket(map: u32, name: u64) -> usize {
    // One multiplicative hash of the combined key: hashing the parts apart and
    // xoring them collides systematically for names and maps made close together.
    let x = (name >> 3) ^ ((map as u64) << 32);
    let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - ATTR_ENTRIES.trailing_zeros())) as usize & !1
}

impl AttrCache {
    /// The entry for `(map, name)` computed in `epoch`, if there is one.
    #[inline]
    pub fn get(&self, map: u32, name: Value, epoch: u64) -> Option<AttrInfo> {
        let b = attr_bucket(map, name.bits());
        for e in self.entries[b..b + 2].iter().flatten() {
            if e.map == map && e.name == name.bits() && e.epoch == epoch {
                return Some(e.info);
            }
        }
        None
    }

    /// Remembers `info` for `(map, name)`: it becomes the first entry of its
    /// pair, and the previous first entry moves to the second place.
    pub fn put(&mut self, map: u32, name: Value, epoch: u64, info: AttrInfo) {
        let b = attr_bucket(map, name.bits());
        let entry = AttrEntry {
            map,
            name: name.bits(),
            epoch,
            info,
        };
        let same = |e: &Option<AttrEntry>| matches!(e, Some(e) if e.map == map && e.name == name.bits());
        // Unless the first place already holds this key, its entry moves down
        // (evicting the second, or overwriting this key's stale copy there).
        if !same(&self.entries[b]) {
            self.entries[b + 1] = self.entries[b];
        }
        self.entries[b] = Some(entry);
    }
}

/// The pseudo map number of a built-in type in the [`AttrCache`] (map ids
/// count up from zero, these count down from the top).
pub fn builtin_key(t: workbench_framework::object::TypeId) -> u32 {
    u32::MAX - t.0 as u32
}

struct SpecialEntry {
    class: u64,
    epoch: u64,
    name: Box<str>,
    value: Option<Value>,
}

/// The `(class, name as text)` cache behind [`super::objects::lookup_str`].
pub struct SpecialCache {
    entries: Vec<Option<SpecialEntry>>,
}

impl Default for SpecialCache {
    fn default() -> Self {
        SpecialCache {
            entries: (0..SPECIAL_ENTRIES).map(|_| None).collect(),
        }
    }
}

#[inline]
fn special_index(class: u64, name: &str) -> usize {
    let mut h = (class >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for b in name.bytes() {
        h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x0100_0000_01B3);
    }
    (h >> (64 - SPECIAL_ENTRIES.trailing_zeros())) as usize
}

impl SpecialCache {
    /// The cached lookup of `name` on `class` in `epoch`: `Some(None)` is a cached miss.
    #[inline]
    pub fn get(&self, class: Value, name: &str, epoch: u64) -> Option<Option<Value>> {
        match &self.entries[special_index(class.bits(), name)] {
            Some(e) if e.class == class.bits() && e.epoch == epoch && &*e.name == name => Some(e.value),
            _ => None,
        }
    }

    /// Remembers the lookup of `name` on `class`.
    pub fn put(&mut self, class: Value, name: &str, epoch: u64, value: Option<Value>) {
        self.entries[special_index(class.bits(), name)] = Some(SpecialEntry {
            class: class.bits(),
            epoch,
            name: name.into(),
            value,
        });
    }
}

/// The current epoch: the class version and the number of collections so far.
#[inline]
pub fn epoch(vm: &Vm) -> u64 {
    epoch_of(vm.space.heap.stats().collections, py(vm))
}

/// [`epoch`] from its parts (to look the state up only once).
#[inline]
pub fn epoch_of(collections: usize, state: &super::PyState) -> u64 {
    ((collections as u64) << 32) ^ state.class_version
}

/// Records that a class changed: every cached lookup is stale.
pub fn bump_class_version(vm: &mut Vm) {
    super::objects::py_mut(vm).class_version += 1;
}
