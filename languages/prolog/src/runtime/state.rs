//! The Prolog state an interpreter carries: trail base, common atoms, the
//! run-time operator table, flags, the dynamic database.
//!
//! It lives in the standard space's `ext` slot. Heap values it refers to are
//! kept alive by pushing them on the space's `roots` *before* the trail base
//! (see [`super::terms`]); the clause database is a framework list object
//! rooted the same way, so clauses survive collections.

use crate::ops::Ops;
use rustc_hash::FxHashMap;
use workbench_framework::object::Value;
use workbench_framework::space::standard::{StandardSpace, Vm};
use workbench_framework::space::OpError;

/// Atoms the natives use often (made once, kept alive as roots).
#[derive(Clone, Copy, Debug)]
pub struct Atoms {
    /// `'.'`, the list constructor.
    pub dot: Value,
    /// `[]`
    pub nil: Value,
    /// `error`
    pub error: Value,
    /// `-`
    pub minus: Value,
    /// `:-`
    pub neck: Value,
    /// `true`
    pub true_: Value,
    /// `/`
    pub slash: Value,
}

/// One dynamic predicate.
#[derive(Clone, Debug)]
pub struct DynPred {
    /// A framework list of `Head :- Body` terms.
    pub clauses: Value,
    /// `abolish/1` removed the predicate: calling it is an existence error
    /// until a clause is asserted again.
    pub abolished: bool,
}

/// Prolog's per-interpreter state.
pub struct PlState {
    /// Where the trail starts in `space.roots`.
    pub trail_base: usize,
    /// Common atoms.
    pub atoms: Atoms,
    /// The operator table the writer and `read/1` use.
    pub ops: Ops,
    /// Dynamic predicates by `name/arity`.
    pub dynamic: FxHashMap<String, DynPred>,
    /// Predicates declared discontiguous (accepted, nothing else).
    pub flags: FxHashMap<String, Value>,
    /// The code of the dynamic-predicate stub for each arity (a template closure).
    pub stubs: Vec<Value>,
    /// `name/arity` to predicate closure, for `call/1` (cleared when a unit is loaded).
    pub pred_cache: FxHashMap<String, Value>,
    /// A directive raised an uncaught error (the run exits with status 1).
    pub had_error: bool,
    /// Global variables of `nb_setval/2`.
    pub globals: FxHashMap<String, Value>,
    /// Lines of standard input read ahead by `read/1`.
    pub input: Option<String>,
    /// Offset of the next unread character of `input`.
    pub input_pos: usize,
    /// The root list holding the database and global variables.
    pub store: Value,
}

/// The Prolog state of a space.
#[inline]
pub fn pl(space: &StandardSpace) -> &PlState {
    space
        .ext
        .as_ref()
        .and_then(|e| e.downcast_ref::<PlState>())
        .expect("the prolog state is installed at start-up")
}

/// The Prolog state of a space, mutable.
#[inline]
pub fn pl_mut(space: &mut StandardSpace) -> &mut PlState {
    space
        .ext
        .as_mut()
        .and_then(|e| e.downcast_mut::<PlState>())
        .expect("the prolog state is installed at start-up")
}

/// Installs the state (before any trail entry exists).
pub fn install(vm: &mut Vm) -> Result<(), OpError> {
    let s = &mut vm.space;
    let mut mk = |t: &str| -> Result<Value, OpError> {
        let v = s.str_value(t)?;
        s.roots.push(v);
        Ok(v)
    };
    let atoms = Atoms {
        dot: mk(".")?,
        nil: mk("[]")?,
        error: mk("error")?,
        minus: mk("-")?,
        neck: mk(":-")?,
        true_: mk("true")?,
        slash: mk("/")?,
    };
    let store = workbench_framework::space::standard::collections::new_list(s, Vec::new())?;
    s.roots.push(store);
    let state = PlState {
        trail_base: 0,
        atoms,
        ops: Ops::standard(),
        dynamic: FxHashMap::default(),
        flags: FxHashMap::default(),
        stubs: Vec::new(),
        pred_cache: FxHashMap::default(),
        had_error: false,
        globals: FxHashMap::default(),
        input: None,
        input_pos: 0,
        store,
    };
    s.ext = Some(Box::new(state));
    Ok(())
}

/// Marks where the trail starts: call after every permanent root is pushed.
pub fn start_trail(space: &mut StandardSpace) {
    let base = space.roots.len();
    pl_mut(space).trail_base = base;
}

/// Keeps `v` alive for the rest of the run (it goes into the rooted store list).
pub fn keep(space: &mut StandardSpace, v: Value) {
    let store = pl(space).store;
    if let Some(r) = store.as_ref() {
        if let workbench_framework::object::Body::List(items) = &mut space.heap.get_mut(r).body {
            items.push(v);
        }
    }
}
