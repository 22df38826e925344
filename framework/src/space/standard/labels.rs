//! Interned taint labels and label sets.
//!
//! The taint space (see [`super::taint`]) attaches a *set of labels* to every
//! tainted value. A tainted value is a heap box holding the plain value and one
//! [`LabelSetId`]: a small index into the [`LabelTable`], never a `Vec` per
//! value. Equal sets share one id, so a union of two sets that was computed
//! once is a table lookup the next time, and "is this value clean?" is a
//! comparison with [`LabelSetId::EMPTY`].
//!
//! A label is a name *and the place it was applied*: `taint(x, "secret")` on
//! line 3 and on line 9 make two labels called `secret`, so that a TaintError
//! can point at the `taint(...)` call (or the `input()` call) the refused value
//! came from.

use crate::span::Span;
use std::collections::HashMap;

/// One label: a name and where it was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(pub u32);

/// An interned set of labels. Id 0 is the empty set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelSetId(pub u32);

impl LabelSetId {
    /// The empty set: a clean value.
    pub const EMPTY: LabelSetId = LabelSetId(0);

    /// True for the empty set.
    pub fn is_empty(self) -> bool {
        self == LabelSetId::EMPTY
    }
}

/// What a label says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    /// The name the program gave (`"secret"`), or the input it stands for (`"stdin"`).
    pub name: String,
    /// Where it was applied (the `taint(...)` call, the `input()` call), if known.
    pub span: Option<Span>,
}

/// Every label and label set of one run.
#[derive(Debug)]
pub struct LabelTable {
    labels: Vec<Label>,
    label_ids: HashMap<Label, LabelId>,
    /// `sets[i]` holds the members of set `i`, sorted and without duplicates.
    sets: Vec<Box<[LabelId]>>,
    set_ids: HashMap<Box<[LabelId]>, LabelSetId>,
    unions: HashMap<(LabelSetId, LabelSetId), LabelSetId>,
}

impl Default for LabelTable {
    fn default() -> Self {
        LabelTable::new()
    }
}

impl LabelTable {
    /// A table holding only the empty set.
    pub fn new() -> LabelTable {
        let empty: Box<[LabelId]> = Box::new([]);
        let mut set_ids = HashMap::new();
        set_ids.insert(empty.clone(), LabelSetId::EMPTY);
        LabelTable {
            labels: Vec::new(),
            label_ids: HashMap::new(),
            sets: vec![empty],
            set_ids,
            unions: HashMap::new(),
        }
    }

    /// The label called `name` applied at `span` (the same id every time).
    pub fn label(&mut self, name: &str, span: Option<Span>) -> LabelId {
        let key = Label {
            name: name.to_string(),
            span,
        };
        if let Some(&id) = self.label_ids.get(&key) {
            return id;
        }
        let id = LabelId(self.labels.len() as u32);
        self.labels.push(key.clone());
        self.label_ids.insert(key, id);
        id
    }

    /// What label `id` says.
    pub fn get(&self, id: LabelId) -> &Label {
        &self.labels[id.0 as usize]
    }

    /// The set of exactly these labels.
    pub fn set_of(&mut self, members: &[LabelId]) -> LabelSetId {
        let mut sorted = members.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        self.intern(sorted.into_boxed_slice())
    }

    fn intern(&mut self, members: Box<[LabelId]>) -> LabelSetId {
        if let Some(&id) = self.set_ids.get(&members) {
            return id;
        }
        let id = LabelSetId(self.sets.len() as u32);
        self.sets.push(members.clone());
        self.set_ids.insert(members, id);
        id
    }

    /// The members of a set, sorted.
    pub fn members(&self, set: LabelSetId) -> &[LabelId] {
        self.sets.get(set.0 as usize).map_or(&[], |m| m)
    }

    /// `a ∪ b`.
    pub fn union(&mut self, a: LabelSetId, b: LabelSetId) -> LabelSetId {
        if a == b || b.is_empty() {
            return a;
        }
        if a.is_empty() {
            return b;
        }
        let key = if a < b { (a, b) } else { (b, a) };
        if let Some(&u) = self.unions.get(&key) {
            return u;
        }
        let mut merged: Vec<LabelId> = self.members(a).iter().chain(self.members(b)).copied().collect();
        merged.sort_unstable();
        merged.dedup();
        let u = self.intern(merged.into_boxed_slice());
        self.unions.insert(key, u);
        u
    }

    /// The union of many sets.
    pub fn union_all(&mut self, sets: &[LabelSetId]) -> LabelSetId {
        sets.iter().fold(LabelSetId::EMPTY, |acc, &s| self.union(acc, s))
    }

    /// The distinct label names of a set, in first-applied order.
    pub fn names(&self, set: LabelSetId) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for &l in self.members(set) {
            let name = &self.get(l).name;
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// How many distinct sets exist (for tests and statistics).
    pub fn set_count(&self) -> usize {
        self.sets.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::FileId;

    fn span(start: u32) -> Option<Span> {
        Some(Span {
            file: FileId(0),
            start,
            end: start + 1,
        })
    }

    #[test]
    fn a_label_is_its_name_and_place() {
        let mut t = LabelTable::new();
        let a = t.label("secret", span(1));
        assert_eq!(t.label("secret", span(1)), a);
        let b = t.label("secret", span(9));
        assert_ne!(a, b, "the same name applied elsewhere is another label");
        assert_eq!(t.get(b).span, span(9));
    }

    #[test]
    fn equal_sets_share_one_id() {
        let mut t = LabelTable::new();
        let a = t.label("a", None);
        let b = t.label("b", None);
        let ab = t.set_of(&[a, b]);
        assert_eq!(t.set_of(&[b, a, b]), ab);
        let sa = t.set_of(&[a]);
        let sb = t.set_of(&[b]);
        assert_eq!(t.union(sa, sb), ab);
        assert_eq!(t.union(sb, sa), ab);
        let before = t.set_count();
        assert_eq!(t.union(sa, sb), ab);
        assert_eq!(t.set_count(), before, "a repeated union makes no new set");
    }

    #[test]
    fn the_empty_set_is_the_identity() {
        let mut t = LabelTable::new();
        let a = t.label("a", None);
        let sa = t.set_of(&[a]);
        assert_eq!(t.set_of(&[]), LabelSetId::EMPTY);
        assert_eq!(t.union(sa, LabelSetId::EMPTY), sa);
        assert_eq!(t.union(LabelSetId::EMPTY, sa), sa);
        assert_eq!(t.union(sa, sa), sa);
        assert_eq!(t.union_all(&[]), LabelSetId::EMPTY);
    }

    #[test]
    fn names_are_distinct() {
        let mut t = LabelTable::new();
        let a1 = t.label("pw", span(1));
        let a2 = t.label("pw", span(5));
        let b = t.label("key", span(3));
        let s = t.set_of(&[a1, a2, b]);
        assert_eq!(t.names(s), vec!["pw".to_string(), "key".to_string()]);
    }
}
