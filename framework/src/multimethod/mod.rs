//! Multimethods and delegators: the object library's dispatch machinery.
//!
//! An operation like `add` is a *multimethod*: a table of implementations,
//! each registered with a *typed signature* (one implementation class per
//! argument). Calling it picks implementations by the classes of the actual
//! arguments. This module is generic over the context the implementations
//! run in ([`Dispatch`]), so the rules can be tested on toy values and the
//! standard space can use them on real ones.
//!
//! # The dispatch rules
//!
//! 1. **More specific first, left to right.** For each argument we list the
//!    classes it can be seen as: its own class first (distance 0), then what
//!    delegators turn it into, nearest first. Candidate signatures are tried in
//!    lexicographic order of those distances, first argument first: an exact
//!    match on the first argument is always tried before any conversion of it.
//!    Implementations with the same signature are tried in registration order.
//!    The root class `object` is the fallback of every class, so it always
//!    comes last, after every delegation.
//! 2. **An implementation may decline.** Returning [`Fail::NotImplemented`]
//!    (PyPy's FailedToImplement) makes dispatch go on to the next candidate.
//!    This is how `int + int` hands an overflowing sum to `bigint + bigint`.
//! 3. **Delegators chain automatically.** With `A -> B` and `B -> C`
//!    registered, an `A` can be used where a `C` is expected; the conversions
//!    run in order. A subclass is also seen as its base (an identity step).
//! 4. **Chains never loop.** The search never revisits a class it has
//!    already reached, so a delegator that leads back to an earlier class is cut.
//! 5. **Slicing.** A multimethod can be cut down to the implementations whose
//!    signature has, at one position, a given class or one of its bases. Sliced
//!    on the first argument it becomes a method (`int.__add__`); sliced on the
//!    second it becomes a reflected method (`float.__radd__`). Delegation of
//!    the arguments is not restricted in a slice.
//! 6. **Results are cached.** The ordered candidate list (the *plan*) for a
//!    multimethod and a tuple of argument classes is computed once and then
//!    found by one hash lookup; the hot path never searches the tables.

#[cfg(test)]
mod tests;

use crate::object::TypeId;
use crate::space::OpError;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// The context implementations run in.
pub trait Dispatch: Sized {
    /// The values being dispatched on.
    type V: Copy + std::fmt::Debug;
    /// The implementation class of a value.
    fn type_of(&self, v: Self::V) -> TypeId;
}

/// Why an implementation did not produce a result.
#[derive(Clone, Debug, PartialEq)]
pub enum Fail {
    /// "Not for these values": try the next candidate (FailedToImplement).
    NotImplemented,
    /// A real error: stop dispatching and raise it.
    Error(OpError),
}

impl From<OpError> for Fail {
    fn from(e: OpError) -> Fail {
        Fail::Error(e)
    }
}

/// An implementation of a multimethod.
pub type ImplFn<C> = fn(&mut C, &[<C as Dispatch>::V]) -> Result<<C as Dispatch>::V, Fail>;
/// A delegator: converts a value of one class into another class.
pub type DelegateFn<C> = fn(&mut C, <C as Dispatch>::V) -> Result<<C as Dispatch>::V, OpError>;

/// Index of a multimethod in a [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MmId(pub u16);

/// Most arguments a multimethod may dispatch on.
pub const MAX_ARITY: usize = 4;

/// What an implementation returns, in terms of its arguments: the result half
/// of a typed signature. The standard space never reads it; the annotation
/// space computes the result of an operation on abstract values from it, so
/// that no language writes abstract rules of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Returns {
    /// Nothing is declared: the result may be any value.
    Unknown,
    /// A value of this class (`int + int` gives an `int`).
    Class(TypeId),
    /// A value of one of these classes (`int ** int` gives an int or a float).
    Classes(&'static [TypeId]),
    /// A value like argument `i` (`list * int` gives a list like the first argument).
    Arg(usize),
    /// A value like argument `i` or argument `j` (`list + list` holds the items of both).
    Either(usize, usize),
    /// One item of the container or iterator argument `i` (`list[int]`, `next(iterator)`).
    Item(usize),
    /// One value of the mapping argument `i` (`dict[key]`).
    Value(usize),
    /// An iterator over the items of argument `i` (`iter(list)`).
    Iter(usize),
    /// No value: the implementation only reports a type error in the
    /// language's words (`"can only concatenate str"`), or declines. For the
    /// annotation space it does not count as an implementation.
    Raises,
}

/// One registered implementation.
pub struct Impl<C: Dispatch> {
    /// The implementation class expected at each position.
    pub sig: Box<[TypeId]>,
    /// A name for listings and the JIT log.
    pub name: &'static str,
    /// The code.
    pub func: ImplFn<C>,
    /// What it returns ([`Returns::Unknown`] unless the registration says).
    pub returns: Returns,
    /// True if it may decline ([`Fail::NotImplemented`]): then the next
    /// candidate of the plan may run instead. Unknown implementations may.
    pub declines: bool,
}

impl<C: Dispatch> Impl<C> {
    /// Declares the result (the implementation never declines, unless
    /// [`Impl::declines`] follows).
    pub fn returns(&mut self, returns: Returns) -> &mut Self {
        self.returns = returns;
        self.declines = false;
        self
    }

    /// Declares that the implementation may decline (int addition on overflow).
    pub fn may_decline(&mut self) -> &mut Self {
        self.declines = true;
        self
    }
}

/// A multimethod: a name and its implementations.
pub struct Multimethod<C: Dispatch> {
    /// Name, e.g. `add` or `int.__add__` for a slice.
    pub name: String,
    /// Number of arguments.
    pub arity: usize,
    /// Implementations in registration order.
    pub impls: Vec<Impl<C>>,
}

/// A registered delegator.
pub struct Delegator<C: Dispatch> {
    /// Class converted from.
    pub from: TypeId,
    /// Class converted to.
    pub to: TypeId,
    /// A name for listings.
    pub name: &'static str,
    /// The conversion.
    pub func: DelegateFn<C>,
}

/// What the registry knows about a class.
#[derive(Clone, Debug)]
pub struct TypeInfo {
    /// User-visible name.
    pub name: String,
    /// The class it inherits from, if any.
    pub base: Option<TypeId>,
}

/// One step of converting an argument.
pub enum Step<C: Dispatch> {
    /// Run a delegator.
    Delegate(DelegateFn<C>),
    /// Treat a subclass as its base: no conversion.
    Upcast,
}

// Written by hand: a derive would demand `C: Clone`, but a step only holds a fn pointer.
impl<C: Dispatch> Clone for Step<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C: Dispatch> Copy for Step<C> {}

/// A candidate in a plan: the conversions per argument and the implementation to call.
pub struct Candidate<C: Dispatch> {
    /// Conversions to apply to each argument, in order.
    pub steps: Box<[Box<[Step<C>]>]>,
    /// The implementation.
    pub func: ImplFn<C>,
    /// Its name.
    pub name: &'static str,
    /// The signature it was registered with.
    pub sig: Box<[TypeId]>,
    /// What the implementation returns.
    pub returns: Returns,
    /// True if it may decline.
    pub declines: bool,
}

/// The ordered candidates for one multimethod and one tuple of argument classes.
pub struct Plan<C: Dispatch> {
    /// Candidates in the order they are tried.
    pub candidates: Vec<Candidate<C>>,
}

/// All types, multimethods and delegators of one object library.
pub struct Registry<C: Dispatch> {
    types: Vec<TypeInfo>,
    mms: Vec<Multimethod<C>>,
    by_name: FxHashMap<String, MmId>,
    delegators: Vec<Delegator<C>>,
}

impl<C: Dispatch> Default for Registry<C> {
    fn default() -> Self {
        Registry {
            types: Vec::new(),
            mms: Vec::new(),
            by_name: FxHashMap::default(),
            delegators: Vec::new(),
        }
    }
}

impl<C: Dispatch> Registry<C> {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a class and returns its id. Ids are handed out in order.
    pub fn add_type(&mut self, name: &str, base: Option<TypeId>) -> TypeId {
        self.types.push(TypeInfo {
            name: name.to_string(),
            base,
        });
        TypeId((self.types.len() - 1) as u16)
    }

    /// Renames a class (a language spelling a core type its own way, like `NoneType`).
    pub fn rename_type(&mut self, t: TypeId, name: &str) {
        if let Some(info) = self.types.get_mut(t.0 as usize) {
            info.name = name.to_string();
        }
    }

    /// Information about a class.
    pub fn type_info(&self, t: TypeId) -> Option<&TypeInfo> {
        self.types.get(t.0 as usize)
    }

    /// The user-visible name of a class.
    pub fn type_name(&self, t: TypeId) -> &str {
        self.types.get(t.0 as usize).map_or("?", |i| i.name.as_str())
    }

    /// Number of classes.
    pub fn type_count(&self) -> usize {
        self.types.len()
    }

    /// The multimethod called `name` with `arity` arguments, created if new.
    ///
    /// # Panics
    /// If `arity` exceeds [`MAX_ARITY`] or differs from an existing
    /// multimethod of that name: both are mistakes in a language's
    /// registrations, found the first time the language is loaded.
    pub fn multimethod(&mut self, name: &str, arity: usize) -> MmId {
        assert!(
            arity <= MAX_ARITY,
            "multimethod {name}: arity {arity} exceeds {MAX_ARITY}"
        );
        if let Some(&id) = self.by_name.get(name) {
            assert_eq!(
                self.mms[id.0 as usize].arity, arity,
                "multimethod {name} registered with two arities"
            );
            return id;
        }
        self.mms.push(Multimethod {
            name: name.to_string(),
            arity,
            impls: Vec::new(),
        });
        let id = MmId((self.mms.len() - 1) as u16);
        self.by_name.insert(name.to_string(), id);
        id
    }

    /// Looks a multimethod up by name.
    pub fn lookup(&self, name: &str) -> Option<MmId> {
        self.by_name.get(name).copied()
    }

    /// The multimethod behind an id.
    pub fn get(&self, mm: MmId) -> &Multimethod<C> {
        &self.mms[mm.0 as usize]
    }

    /// All multimethods, for listings and the annotation space.
    pub fn multimethods(&self) -> impl Iterator<Item = (MmId, &Multimethod<C>)> {
        self.mms.iter().enumerate().map(|(i, m)| (MmId(i as u16), m))
    }

    /// Registers an implementation for a signature. The result is the new
    /// entry, so that a typed result can follow:
    /// `reg.register(add, &[INT, INT], "int+int", int_add).returns(Returns::Class(INT))`.
    ///
    /// # Panics
    /// If the signature's length is not the multimethod's arity (a mistake in
    /// the language's registrations).
    pub fn register(&mut self, mm: MmId, sig: &[TypeId], name: &'static str, func: ImplFn<C>) -> &mut Impl<C> {
        let m = &mut self.mms[mm.0 as usize];
        assert_eq!(
            sig.len(),
            m.arity,
            "{}: signature {:?} has the wrong arity",
            m.name,
            sig
        );
        m.impls.push(Impl {
            sig: sig.into(),
            name,
            func,
            returns: Returns::Unknown,
            declines: true,
        });
        m.impls.last_mut().expect("just pushed")
    }

    /// Registers a delegator `from -> to`.
    pub fn delegate(&mut self, from: TypeId, to: TypeId, name: &'static str, func: DelegateFn<C>) {
        self.delegators.push(Delegator { from, to, name, func });
    }

    /// The delegators, for listings and the annotation space.
    pub fn delegators(&self) -> &[Delegator<C>] {
        &self.delegators
    }

    /// True if `t` is `ancestor` or inherits from it.
    pub fn is_subclass(&self, mut t: TypeId, ancestor: TypeId) -> bool {
        for _ in 0..=self.types.len() {
            if t == ancestor {
                return true;
            }
            match self.type_info(t).and_then(|i| i.base) {
                Some(b) => t = b,
                None => return false,
            }
        }
        false
    }

    /// A new multimethod holding only the implementations of `mm` whose
    /// signature at `position` is `class` or one of its bases (rule 5).
    pub fn slice(&mut self, mm: MmId, position: usize, class: TypeId, name: &str) -> MmId {
        let source = &self.mms[mm.0 as usize];
        assert!(position < source.arity, "slice position out of range");
        let impls: Vec<Impl<C>> = source
            .impls
            .iter()
            .filter(|imp| self.is_subclass(class, imp.sig[position]))
            .map(|imp| Impl {
                sig: imp.sig.clone(),
                name: imp.name,
                func: imp.func,
                returns: imp.returns,
                declines: imp.declines,
            })
            .collect();
        let arity = source.arity;
        self.mms.push(Multimethod {
            name: name.to_string(),
            arity,
            impls,
        });
        let id = MmId((self.mms.len() - 1) as u16);
        self.by_name.insert(name.to_string(), id);
        id
    }

    /// Every class a value of class `t` can be seen as, nearest first, with
    /// the steps that get it there (rules 3 and 4).
    pub fn reachable(&self, t: TypeId) -> Vec<(TypeId, Vec<Step<C>>)> {
        let mut out: Vec<(TypeId, Vec<Step<C>>)> = vec![(t, Vec::new())];
        let mut i = 0;
        while i < out.len() {
            let (here, path) = (out[i].0, out[i].1.clone());
            let mut next: Vec<(TypeId, Step<C>)> = Vec::new();
            if let Some(base) = self.type_info(here).and_then(|info| info.base) {
                next.push((base, Step::Upcast));
            }
            for d in self.delegators.iter().filter(|d| d.from == here) {
                next.push((d.to, Step::Delegate(d.func)));
            }
            for (to, step) in next {
                // Rule 4: a class already reached is never entered again.
                if out.iter().any(|(seen, _)| *seen == to) {
                    continue;
                }
                let mut p = path.clone();
                p.push(step);
                out.push((to, p));
            }
            i += 1;
        }
        // The root class is the fallback of everything: always tried last.
        if let Some(pos) = out.iter().position(|(t, _)| *t == TypeId::OBJECT) {
            if pos != 0 {
                let root = out.remove(pos);
                out.push(root);
            }
        }
        out
    }

    /// Computes the ordered candidates for `mm` on arguments of `types` (rule 1).
    pub fn plan(&self, mm: MmId, types: &[TypeId]) -> Plan<C> {
        let m = &self.mms[mm.0 as usize];
        let reach: Vec<Vec<(TypeId, Vec<Step<C>>)>> = types.iter().map(|&t| self.reachable(t)).collect();
        let mut candidates = Vec::new();
        if types.len() != m.arity {
            return Plan { candidates };
        }
        // Walk the product of the reach lists in lexicographic order.
        let mut idx = vec![0usize; types.len()];
        'outer: loop {
            let combo: Vec<TypeId> = idx.iter().zip(&reach).map(|(&k, r)| r[k].0).collect();
            for imp in m.impls.iter().filter(|imp| *imp.sig == *combo) {
                let steps = idx
                    .iter()
                    .zip(&reach)
                    .map(|(&k, r)| r[k].1.clone().into_boxed_slice())
                    .collect();
                candidates.push(Candidate {
                    steps,
                    func: imp.func,
                    name: imp.name,
                    sig: imp.sig.clone(),
                    returns: imp.returns,
                    declines: imp.declines,
                });
            }
            // Advance the rightmost position first, so the left argument varies slowest.
            let mut pos = types.len();
            loop {
                if pos == 0 {
                    break 'outer;
                }
                pos -= 1;
                idx[pos] += 1;
                if idx[pos] < reach[pos].len() {
                    break;
                }
                idx[pos] = 0;
            }
            if types.is_empty() {
                break;
            }
        }
        Plan { candidates }
    }
}

/// A cache from (multimethod, argument classes) to plans (rule 6).
///
/// In front of the plan table sits a small direct-mapped table for
/// [`DispatchCache::direct`], the hot path of every operation: one index
/// computation and one compare find the implementation to call, where the
/// plan table needs a hash lookup and a look at the plan.
pub struct DispatchCache<C: Dispatch> {
    plans: FxHashMap<(MmId, u64), Rc<Plan<C>>>,
    direct: Box<[DirectEntry<C>]>,
    misses: usize,
}

/// One slot of the direct table: `(mm, classes)` and the first candidate if it needs no conversion.
struct DirectEntry<C: Dispatch> {
    mm: u16,
    key: u64,
    filled: bool,
    func: Option<ImplFn<C>>,
}

impl<C: Dispatch> Clone for DirectEntry<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: Dispatch> Copy for DirectEntry<C> {}

const DIRECT_ENTRIES: usize = 512;

#[inline]
fn direct_index(mm: MmId, key: u64) -> usize {
    let h = (key ^ ((mm.0 as u64) << 52)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - DIRECT_ENTRIES.trailing_zeros())) as usize
}

impl<C: Dispatch> Default for DispatchCache<C> {
    fn default() -> Self {
        DispatchCache {
            plans: FxHashMap::default(),
            direct: vec![
                DirectEntry {
                    mm: 0,
                    key: 0,
                    filled: false,
                    func: None,
                };
                DIRECT_ENTRIES
            ]
            .into_boxed_slice(),
            misses: 0,
        }
    }
}

impl<C: Dispatch> DispatchCache<C> {
    /// The plan for `mm` on `types`, computed on first use.
    #[inline]
    pub fn plan(&mut self, registry: &Registry<C>, mm: MmId, types: &[TypeId]) -> Rc<Plan<C>> {
        let key = types.iter().fold(0u64, |k, t| (k << 16) | t.0 as u64);
        if let Some(p) = self.plans.get(&(mm, key)) {
            return p.clone();
        }
        self.misses += 1;
        let p = Rc::new(registry.plan(mm, types));
        self.plans.insert((mm, key), p.clone());
        p
    }

    /// The first candidate of the plan, if it needs no conversion: the hot
    /// path calls it directly and only looks at the rest of the plan (from
    /// candidate 1) when it declines.
    #[inline]
    pub fn direct(&mut self, registry: &Registry<C>, mm: MmId, types: &[TypeId]) -> Option<ImplFn<C>> {
        let key = types.iter().fold(0u64, |k, t| (k << 16) | t.0 as u64);
        let slot = direct_index(mm, key);
        let e = self.direct[slot];
        if e.filled && e.mm == mm.0 && e.key == key {
            return e.func;
        }
        let func = self.direct_uncached(registry, mm, types, key);
        self.direct[slot] = DirectEntry {
            mm: mm.0,
            key,
            filled: true,
            func,
        };
        func
    }

    fn direct_uncached(&mut self, registry: &Registry<C>, mm: MmId, types: &[TypeId], key: u64) -> Option<ImplFn<C>> {
        let plan = match self.plans.get(&(mm, key)) {
            Some(p) => p,
            None => {
                self.plan(registry, mm, types);
                self.plans.get(&(mm, key))?
            }
        };
        let first = plan.candidates.first()?;
        // Upcasts (a subclass seen as its base) convert nothing: still direct.
        let no_conversion = |steps: &[Step<C>]| steps.iter().all(|s| matches!(s, Step::Upcast));
        if first.steps.iter().all(|s| no_conversion(s)) {
            Some(first.func)
        } else {
            None
        }
    }

    /// How many plans had to be computed (each miss searched the tables once).
    pub fn misses(&self) -> usize {
        self.misses
    }

    /// Forgets every plan (after new registrations).
    pub fn clear(&mut self) {
        self.plans.clear();
        for e in self.direct.iter_mut() {
            e.filled = false;
        }
    }
}

/// Runs a plan: converts the arguments and calls candidates until one does
/// not decline (rule 2). `Ok(None)` means every candidate declined or there
/// were none; the caller turns that into a type error in its own words.
pub fn run_plan<C: Dispatch>(ctx: &mut C, plan: &Plan<C>, args: &[C::V]) -> Result<Option<C::V>, OpError> {
    run_plan_from(ctx, plan, 0, args)
}

/// [`run_plan`] starting at candidate `skip` (the earlier ones already declined).
pub fn run_plan_from<C: Dispatch>(
    ctx: &mut C,
    plan: &Plan<C>,
    skip: usize,
    args: &[C::V],
) -> Result<Option<C::V>, OpError> {
    let Some(&first) = args.first() else {
        // Nullary multimethods have nothing to convert.
        for cand in plan.candidates.iter().skip(skip) {
            match (cand.func)(ctx, args) {
                Ok(v) => return Ok(Some(v)),
                Err(Fail::NotImplemented) => continue,
                Err(Fail::Error(e)) => return Err(e),
            }
        }
        return Ok(None);
    };
    let mut converted = [first; MAX_ARITY];
    for cand in plan.candidates.iter().skip(skip) {
        for (i, steps) in cand.steps.iter().enumerate() {
            let mut v = args[i];
            for step in steps.iter() {
                if let Step::Delegate(f) = step {
                    v = f(ctx, v)?;
                }
            }
            converted[i] = v;
        }
        match (cand.func)(ctx, &converted[..args.len()]) {
            Ok(v) => return Ok(Some(v)),
            Err(Fail::NotImplemented) => continue,
            Err(Fail::Error(e)) => return Err(e),
        }
    }
    Ok(None)
}
