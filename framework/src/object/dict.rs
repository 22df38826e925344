//! The hash table behind dicts and sets: insertion ordered, open addressing.
//!
//! This is the layout CPython adopted in 3.6: a dense array of entries in
//! insertion order, plus a sparse index of slots pointing into it. Iteration
//! walks the dense array, so it is ordered and cheap; deletion leaves a hole
//! that is squeezed out on the next resize.
//!
//! The table stores hashes but never computes them and never compares keys:
//! hashing and equality are multimethods (and may run guest code, such as a
//! Python `__eq__`), so the caller drives a lookup with [`Probe`]: it asks for
//! the next candidate with an equal hash, compares keys itself without
//! holding a borrow of the table, and either stops or asks again.

use super::value::Value;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// One key/value pair with its hash.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key's hash.
    pub hash: u64,
    /// The key.
    pub key: Value,
    /// The value (unused for sets).
    pub value: Value,
}

/// An insertion-ordered hash table of values.
#[derive(Clone, Debug, Default)]
pub struct DictTable {
    entries: Vec<Option<Entry>>,
    slots: Vec<u32>,
    len: usize,
}

/// The state of one lookup: which slot to look at next.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    hash: u64,
    slot: usize,
    perturb: u64,
    steps: usize,
}

impl DictTable {
    /// An empty table.
    pub fn new() -> DictTable {
        DictTable::default()
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Starts a lookup for `hash`.
    pub fn probe(&self, hash: u64) -> Probe {
        let mask = self.slots.len().wrapping_sub(1);
        Probe {
            hash,
            slot: (hash as usize) & mask,
            perturb: hash,
            steps: 0,
        }
    }

    /// The next entry whose hash equals the probe's, as `(entry index, key)`.
    /// `None` means the key is absent; `probe` then points at a free slot.
    pub fn next_candidate(&self, probe: &mut Probe) -> Option<(usize, Value)> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        while probe.steps <= self.slots.len() {
            let here = self.slots[probe.slot];
            // CPython's probe sequence: visits every slot, mixes in high hash bits.
            probe.perturb >>= 5;
            let next = (probe.slot.wrapping_mul(5))
                .wrapping_add(1)
                .wrapping_add(probe.perturb as usize)
                & mask;
            probe.steps += 1;
            match here {
                EMPTY => return None,
                DELETED => {}
                i => {
                    if let Some(e) = &self.entries[i as usize] {
                        if e.hash == probe.hash {
                            probe.slot = next;
                            return Some((i as usize, e.key));
                        }
                    }
                }
            }
            probe.slot = next;
        }
        None
    }

    /// The entry at an index returned by [`DictTable::next_candidate`].
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index).and_then(|e| e.as_ref())
    }

    /// Replaces the value of an existing entry.
    pub fn set_value(&mut self, index: usize, value: Value) {
        if let Some(Some(e)) = self.entries.get_mut(index) {
            e.value = value;
        }
    }

    /// Appends a new entry (the caller checked that the key is absent).
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.slots.len() * 2 {
            self.resize();
        }
        let index = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        self.place(hash, index);
    }

    /// Removes the entry at `index`.
    pub fn remove(&mut self, index: usize) -> Option<Entry> {
        let e = self.entries.get_mut(index)?.take()?;
        // Follow the entry's own probe sequence to its slot.
        let mask = self.slots.len() - 1;
        let (mut slot, mut perturb) = ((e.hash as usize) & mask, e.hash);
        for _ in 0..=self.slots.len() {
            match self.slots[slot] {
                s if s == index as u32 => {
                    self.slots[slot] = DELETED;
                    break;
                }
                EMPTY => break,
                _ => {}
            }
            perturb >>= 5;
            slot = (slot.wrapping_mul(5)).wrapping_add(1).wrapping_add(perturb as usize) & mask;
        }
        self.len -= 1;
        Some(e)
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        *self = DictTable::new();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The live entry at or after dense position `pos`, and the position after it
    /// (for iterators that must survive a collection between steps).
    pub fn entry_from(&self, mut pos: usize) -> Option<(Entry, usize)> {
        while pos < self.entries.len() {
            if let Some(e) = self.entries[pos] {
                return Some((e, pos + 1));
            }
            pos += 1;
        }
        None
    }

    /// Every key and value, for the collector.
    pub fn for_each_value(&self, mut f: impl FnMut(Value)) {
        for e in self.iter() {
            f(e.key);
            f(e.value);
        }
    }

    /// Approximate heap bytes, for the budget.
    pub fn bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Option<Entry>>() + self.slots.capacity() * 4
    }

    fn place(&mut self, hash: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = (hash as usize) & mask;
        let mut perturb = hash;
        loop {
            if self.slots[slot] == EMPTY || self.slots[slot] == DELETED {
                self.slots[slot] = index;
                return;
            }
            perturb >>= 5;
            slot = (slot.wrapping_mul(5)).wrapping_add(1).wrapping_add(perturb as usize) & mask;
        }
    }

    fn resize(&mut self) {
        let old = std::mem::take(&mut self.entries);
        let mut size = 8;
        while size * 2 < (self.len + 1) * 3 {
            size *= 2;
        }
        self.slots = vec![EMPTY; size * 2];
        // `insert_new` resizes again once the entries reach two thirds of the slots:
        // room for exactly that many, so the vector never grows on its own in between.
        self.entries = Vec::with_capacity(self.slots.len() * 2 / 3);
        for e in old.into_iter().flatten() {
            let i = self.entries.len() as u32;
            self.entries.push(Some(e));
            self.place(e.hash, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(t: &DictTable, hash: u64, key: Value) -> Option<usize> {
        let mut p = t.probe(hash);
        while let Some((i, k)) = t.next_candidate(&mut p) {
            if k == key {
                return Some(i);
            }
        }
        None
    }

    #[test]
    fn inserts_finds_removes_and_keeps_order() {
        let mut t = DictTable::new();
        let keys: Vec<Value> = (0..1000).map(|i| Value::small_int(i).unwrap()).collect();
        for (i, k) in keys.iter().enumerate() {
            // A bad hash on purpose: many collisions.
            t.insert_new((i % 7) as u64, *k, *k);
        }
        assert_eq!(t.len(), 1000);
        for (i, k) in keys.iter().enumerate() {
            let at = find(&t, (i % 7) as u64, *k).expect("present");
            assert_eq!(t.entry(at).unwrap().value, *k);
        }
        for (i, k) in keys.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            let at = find(&t, (i % 7) as u64, *k).unwrap();
            t.remove(at);
        }
        assert_eq!(t.len(), 500);
        assert!(find(&t, 0, keys[0]).is_none());
        let order: Vec<i64> = t.iter().map(|e| e.key.as_small_int().unwrap()).collect();
        assert_eq!(order, (0..1000).filter(|i| i % 2 == 1).collect::<Vec<_>>());
    }
}
