//! Maps (hidden classes): compact instances whose attribute names are shared.
//!
//! A language with dynamic attributes (Python, JavaScript, Self) could give
//! every object a hash table from names to values. Most objects of a class
//! end up with the same names in the same order, so that table repeats the
//! same keys a million times. A *map* (Self's term; V8 says hidden class,
//! PyPy mapdict) stores the names once: an instance holds only its map and
//! a vector of values, and the map says which slot holds which name.
//!
//! Maps form a tree per owner (a Python class). The root map has no
//! attributes; adding attribute `name` to an instance moves it along the
//! *transition* `name` to the child map with one more slot. Two instances
//! whose attributes were set in the same order share every map on the way.
//!
//! ```text
//!  root(Point) --x--> {x: 0} --y--> {x: 0, y: 1}      p = Point(); p.x = 1; p.y = 2
//!                                                     heap slot: [map | 1 | 2 | -]
//! ```
//!
//! The values live in the heap object itself ([`Body::Instance`]): the first
//! [`INLINE_SLOTS`] attributes inline, so a small instance costs one heap
//! slot and no separate allocation. An instance with more attributes keeps
//! the first `INLINE_SLOTS - 1` inline and the rest in a `List` object that
//! the last inline slot refers to.
//!
//! A map in *dict mode* has no names: its instances keep a real dict in slot
//! 0. An instance moves there when a program asks for its `__dict__` (the
//! dict must then see every later change) or deletes an attribute; nothing
//! ever moves back. Maps are never freed: they are few (a handful per class)
//! and every lookup cache may name them by index.
//!
//! Maps know nothing of a language's lookup rules (descriptors, class
//! attributes): a language finds a slot with [`Maps::index_of`] (or caches
//! it) and reads it with [`Heap::instance_slot`].

use super::heap::{Body, Heap};
use super::types::TypeId;
use super::value::{ObjRef, Value};
use crate::space::OpError;

/// Values stored inline in an instance's heap slot.
pub const INLINE_SLOTS: usize = 3;

/// Index of a map in [`Maps`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MapId(pub u32);

impl std::fmt::Display for MapId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "map{}", self.0)
    }
}

/// One map: the owner and the attribute names of its instances, in slot order.
#[derive(Debug)]
pub struct Map {
    /// What every instance of this map belongs to (a Python class). The
    /// collector keeps it alive for as long as an instance is.
    pub owner: Value,
    /// Attribute names, slot `i` holds `names[i]`.
    names: Vec<Box<str>>,
    /// Children: adding attribute `name` leads to that map.
    transitions: Vec<(Box<str>, MapId)>,
    /// The root map of this tree (itself for a root).
    root: MapId,
    /// The dict-mode map of this tree, made on first use (roots only).
    dict_map: Option<MapId>,
    /// Instances keep a dict in slot 0 instead of named slots.
    dict_mode: bool,
}

impl Map {
    /// Number of attributes (slots) of instances with this map.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True for a map without attributes.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Attribute names in slot order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| &**n)
    }

    /// True if instances keep their attributes in a dict (slot 0).
    pub fn is_dict_mode(&self) -> bool {
        self.dict_mode
    }
}

/// The table of every map of a run.
#[derive(Debug, Default)]
pub struct Maps {
    maps: Vec<Map>,
}

impl Maps {
    /// A new tree for `owner`: its root map, without attributes.
    pub fn new_root(&mut self, owner: Value) -> MapId {
        let id = MapId(self.maps.len() as u32);
        self.maps.push(Map {
            owner,
            names: Vec::new(),
            transitions: Vec::new(),
            root: id,
            dict_map: None,
            dict_mode: false,
        });
        id
    }

    /// The map `id`.
    #[inline]
    pub fn get(&self, id: MapId) -> &Map {
        &self.maps[id.0 as usize]
    }

    /// Number of maps made so far.
    pub fn len(&self) -> usize {
        self.maps.len()
    }

    /// True before the first map is made.
    pub fn is_empty(&self) -> bool {
        self.maps.is_empty()
    }

    /// The slot of attribute `name` in instances of `id`.
    pub fn index_of(&self, id: MapId, name: &str) -> Option<usize> {
        self.get(id).names.iter().position(|n| &**n == name)
    }

    /// The map an instance of `id` moves to when it gains attribute `name`
    /// (made on first use). The new attribute's slot is the old map's length.
    pub fn with_attribute(&mut self, id: MapId, name: &str) -> MapId {
        if let Some(&(_, to)) = self.get(id).transitions.iter().find(|(n, _)| &**n == name) {
            return to;
        }
        let parent = self.get(id);
        let mut names = parent.names.clone();
        names.push(name.into());
        let (owner, root) = (parent.owner, parent.root);
        let to = MapId(self.maps.len() as u32);
        self.maps.push(Map {
            owner,
            names,
            transitions: Vec::new(),
            root,
            dict_map: None,
            dict_mode: false,
        });
        self.maps[id.0 as usize].transitions.push((name.into(), to));
        to
    }

    /// The dict-mode map of `id`'s tree (made on first use).
    pub fn dict_map(&mut self, id: MapId) -> MapId {
        let root = self.get(id).root;
        if let Some(d) = self.get(root).dict_map {
            return d;
        }
        let owner = self.get(root).owner;
        let d = MapId(self.maps.len() as u32);
        self.maps.push(Map {
            owner,
            names: Vec::new(),
            transitions: Vec::new(),
            root,
            dict_map: None,
            dict_mode: true,
        });
        self.maps[root.0 as usize].dict_map = Some(d);
        d
    }

    /// The owners of every map, for the collector (only instances' maps matter,
    /// but a map without instances keeps nothing alive: see [`Heap::collect`]).
    pub fn owner(&self, id: MapId) -> Value {
        self.get(id).owner
    }
}

/// Where slot `i` of an instance with `len` slots lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotPlace {
    /// `slots[i]` of the heap object.
    Inline(usize),
    /// Item `i` of the overflow list in the last inline slot.
    Overflow(usize),
}

/// Where slot `i` lives in an instance whose map has `len` slots.
#[inline]
pub fn slot_place(len: usize, i: usize) -> SlotPlace {
    if len <= INLINE_SLOTS || i < INLINE_SLOTS - 1 {
        SlotPlace::Inline(i)
    } else {
        SlotPlace::Overflow(i - (INLINE_SLOTS - 1))
    }
}

impl Heap {
    /// A new instance of class `class` (the type id multimethods dispatch on)
    /// with map `map` and no attributes.
    pub fn new_instance(&mut self, class: TypeId, map: MapId) -> Result<Value, OpError> {
        self.alloc(
            class,
            Body::Instance {
                map,
                slots: [Value::NONE; INLINE_SLOTS],
            },
        )
    }

    /// The map of an instance (`None` if `r` is not one).
    #[inline]
    pub fn instance_map(&self, r: ObjRef) -> Option<MapId> {
        match &self.get(r).body {
            Body::Instance { map, .. } => Some(*map),
            _ => None,
        }
    }

    /// Slot `i` of instance `r`, whose map has `len` slots.
    #[inline]
    pub fn instance_slot(&self, r: ObjRef, len: usize, i: usize) -> Value {
        let Body::Instance { slots, .. } = &self.get(r).body else {
            return Value::NONE;
        };
        match slot_place(len, i) {
            SlotPlace::Inline(j) => slots[j],
            SlotPlace::Overflow(j) => match slots[INLINE_SLOTS - 1].as_ref().map(|o| &self.get(o).body) {
                Some(Body::List(items)) => items.get(j).copied().unwrap_or(Value::NONE),
                _ => Value::NONE,
            },
        }
    }

    /// Replaces slot `i` of instance `r`, whose map has `len` slots.
    #[inline]
    pub fn set_instance_slot(&mut self, r: ObjRef, len: usize, i: usize, v: Value) {
        let overflow = match &mut self.get_mut(r).body {
            Body::Instance { slots, .. } => match slot_place(len, i) {
                SlotPlace::Inline(j) => {
                    slots[j] = v;
                    return;
                }
                SlotPlace::Overflow(j) => (slots[INLINE_SLOTS - 1], j),
            },
            _ => return,
        };
        if let Some(o) = overflow.0.as_ref() {
            if let Body::List(items) = &mut self.get_mut(o).body {
                if let Some(slot) = items.get_mut(overflow.1) {
                    *slot = v;
                }
            }
        }
    }

    /// Gives instance `r` (map `from`, `from_len` slots) one more attribute:
    /// it moves to map `to` and the new slot (index `from_len`) holds `v`.
    /// Moving past [`INLINE_SLOTS`] attributes allocates the overflow list.
    pub fn add_instance_slot(&mut self, r: ObjRef, from_len: usize, to: MapId, v: Value) -> Result<(), OpError> {
        let to_len = from_len + 1;
        if to_len <= INLINE_SLOTS {
            if let Body::Instance { map, slots } = &mut self.get_mut(r).body {
                *map = to;
                slots[from_len] = v;
            }
            return Ok(());
        }
        if to_len == INLINE_SLOTS + 1 {
            // The last inline value moves into a new overflow list.
            let moved = match &self.get(r).body {
                Body::Instance { slots, .. } => slots[INLINE_SLOTS - 1],
                _ => return Ok(()),
            };
            let list = self.alloc(TypeId::LIST, Body::List(vec![moved, v]))?;
            if let Body::Instance { map, slots } = &mut self.get_mut(r).body {
                *map = to;
                slots[INLINE_SLOTS - 1] = list;
            }
            return Ok(());
        }
        self.grew(8)?;
        let list = match &mut self.get_mut(r).body {
            Body::Instance { map, slots } => {
                *map = to;
                slots[INLINE_SLOTS - 1]
            }
            _ => return Ok(()),
        };
        if let Some(o) = list.as_ref() {
            if let Body::List(items) = &mut self.get_mut(o).body {
                items.push(v);
            }
        }
        Ok(())
    }

    /// Every attribute value of instance `r` (map with `len` slots), in slot order.
    pub fn instance_values(&self, r: ObjRef, len: usize) -> Vec<Value> {
        (0..len).map(|i| self.instance_slot(r, len, i)).collect()
    }

    /// Switches instance `r` to dict mode: map `dict_map`, `dict` in slot 0.
    pub fn instance_to_dict_mode(&mut self, r: ObjRef, dict_map: MapId, dict: Value) {
        if let Body::Instance { map, slots } = &mut self.get_mut(r).body {
            *map = dict_map;
            *slots = [Value::NONE; INLINE_SLOTS];
            slots[0] = dict;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::heap::SLOT_BYTES;

    fn owner(heap: &mut Heap) -> Value {
        heap.alloc(TypeId::STR, Body::Str("Owner".into())).unwrap()
    }

    #[test]
    fn an_instance_fits_in_one_heap_slot() {
        // The inline slots must not make every heap object bigger.
        const { assert!(SLOT_BYTES <= 40, "a heap slot grew past 40 bytes") };
    }

    #[test]
    fn same_order_shares_maps_and_other_orders_do_not() {
        let mut maps = Maps::default();
        let root = maps.new_root(Value::NONE);
        let xy = {
            let x = maps.with_attribute(root, "x");
            maps.with_attribute(x, "y")
        };
        let again = {
            let x = maps.with_attribute(root, "x");
            maps.with_attribute(x, "y")
        };
        assert_eq!(xy, again);
        let yx = {
            let y = maps.with_attribute(root, "y");
            maps.with_attribute(y, "x")
        };
        assert_ne!(xy, yx);
        assert_eq!(maps.index_of(xy, "y"), Some(1));
        assert_eq!(maps.index_of(yx, "y"), Some(0));
        assert_eq!(maps.index_of(xy, "z"), None);
        assert_eq!(maps.dict_map(xy), maps.dict_map(yx), "one dict-mode map per tree");
        let d = maps.dict_map(root);
        assert!(maps.get(d).is_dict_mode());
    }

    #[test]
    fn many_attributes_spill_into_the_overflow_list_and_survive_collection() {
        let mut heap = Heap::new(1 << 30);
        let cls = owner(&mut heap);
        let root = heap.maps.new_root(cls);
        let inst = heap.new_instance(TypeId(100), root).unwrap();
        let r = inst.as_ref().unwrap();
        let mut map = root;
        for i in 0..10 {
            let name = format!("a{i}");
            let to = heap.maps.with_attribute(map, &name);
            let value = heap.alloc(TypeId::STR, Body::Str(name.into())).unwrap();
            heap.add_instance_slot(r, i, to, value).unwrap();
            map = to;
        }
        assert_eq!(heap.instance_map(r), Some(map));
        heap.collect([std::slice::from_ref(&inst)]).unwrap();
        // The instance, its 10 strings, the overflow list and the owner.
        assert_eq!(heap.stats().live_objects, 13);
        for i in 0..10 {
            let v = heap.instance_slot(r, 10, i);
            match &heap.get(v.as_ref().unwrap()).body {
                Body::Str(s) => assert_eq!(&**s, format!("a{i}")),
                other => panic!("slot {i} holds {other:?}"),
            }
        }
        heap.set_instance_slot(r, 10, 7, Value::TRUE);
        heap.set_instance_slot(r, 10, 0, Value::FALSE);
        assert_eq!(heap.instance_slot(r, 10, 7), Value::TRUE);
        assert_eq!(heap.instance_slot(r, 10, 0), Value::FALSE);
    }
}
