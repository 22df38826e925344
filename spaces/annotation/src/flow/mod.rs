//! The flow driver: abstract interpretation of a whole module's bytecode.
//!
//! Each function is analysed per *specialization*: a code object and the
//! (generalized) annotations of its arguments at a call site. Inside one
//! specialization a worklist over instruction indices runs every instruction
//! on the frame state (one annotation per register) and joins the state into
//! each successor: both sides of a branch unless the condition is a known
//! constant, the loop exit of `ForIter`, and for every instruction inside a
//! protected range the handler it would unwind to. Where a merge point keeps
//! changing, the join *widens* so loops terminate.
//!
//! What outlives one frame is kept flow-insensitively in tables joined over
//! the whole program: globals, cell contents, list and dict elements per
//! allocation site, attributes per class, and the return annotation of every
//! specialization. A call reads the callee's current return annotation
//! (`never` until it has been analysed), so recursion needs no special case.
//! The driver repeats passes over all specializations until a pass changes
//! no table: that is the fixpoint, and only the errors of that last pass are
//! reported.
//!
//! Anything the driver cannot follow becomes `object`, and values that flow
//! into code it cannot see *escape*: their containers' contents and their
//! classes' attributes become `object`, and their functions are analysed
//! once more with `object` arguments, since unseen code may call them.

mod objects;
mod step;

use crate::lattice::{Ann, ClassId, FuncId, SiteId};
use crate::signatures::{self, Outcome};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use workbench_framework::bytecode::{BinOp, Capture, Code, Const, Globals, Instr, Module, Reg, UnOp};
use workbench_framework::language::BuiltinSignature;
use workbench_framework::multimethod::MmId;
use workbench_framework::object::TypeId;
use workbench_framework::space::standard::{CoreOps, Registry};
use workbench_framework::space::BuildKind;
use workbench_framework::span::Span;

/// Specializations per function before calls share the one with `object` arguments.
pub const MAX_SPECIALIZATIONS: usize = 4;
/// Updates of one table slot or merge point before its join widens.
const WIDEN_AFTER: u32 = 4;
/// Passes over the program before the driver gives up (and reports no errors).
const MAX_PASSES: usize = 60;
/// Instruction visits in one specialization before the driver gives up.
const MAX_STEPS: usize = 200_000;

/// A definite type error found on a reachable path.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeErrorFound {
    /// Where.
    pub span: Span,
    /// What, in the standard space's words.
    pub message: String,
}

/// One analysed call specialization.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The function.
    pub code: FuncId,
    /// Argument annotations (the key).
    pub args: Vec<Ann>,
    /// True for the specialization unseen code may call (`object` arguments).
    pub generic: bool,
    /// The return annotation.
    pub ret: Ann,
    ret_updates: u32,
    /// Per named local: its annotation over the function.
    pub locals: Vec<(String, Ann)>,
    /// Called (maybe indirectly) inside a `try`: its errors may be handled, so none is reported.
    pub protected: bool,
}

/// What the driver knows about a class.
#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    /// Its name.
    pub name: String,
    /// Its bases, if all are classes the driver follows.
    pub bases: Option<Vec<ClassId>>,
    /// The namespace the class body made (methods, class attributes).
    pub namespace: BTreeMap<String, Ann>,
    /// Attributes set on instances.
    pub attrs: BTreeMap<String, Ann>,
    /// Unseen code may have set any attribute.
    pub open: bool,
    built: bool,
    /// The class body has been analysed (until then its attributes are unknown: `never`).
    pub body_done: bool,
    /// The code of the class body.
    pub body: Option<FuncId>,
}

/// A list or dict allocation site.
#[derive(Clone, Debug, Default)]
pub struct SiteInfo {
    /// Items (lists) or keys (dicts).
    pub items: Ann,
    /// Values (dicts).
    pub values: Ann,
    /// Values by constant string key (dicts; class namespaces are such dicts).
    pub fields: BTreeMap<String, Ann>,
    /// A dict whose keys were not all constant strings.
    pub any_key: bool,
}

/// The whole-program analysis.
pub struct Analysis<'a> {
    /// The module.
    pub module: &'a Module,
    /// Global names.
    pub global_names: &'a Globals,
    registry: &'a Registry,
    ops: CoreOps,
    /// The language's builtin signatures.
    pub builtins: Vec<BuiltinSignature>,
    instance_class: Option<TypeId>,
    /// Global annotations (stores joined), by slot.
    pub globals: BTreeMap<u16, Ann>,
    stored_globals: BTreeSet<u16>,
    /// Cell contents by cell-making site.
    cells: BTreeMap<SiteId, Ann>,
    /// The cells a function's `F[i]` may be.
    free: BTreeMap<(FuncId, u16), Ann>,
    /// Default values of a function's parameters, in declaration order.
    defaults: BTreeMap<FuncId, Vec<Ann>>,
    /// Allocation sites (index 0: the unknown list/dict).
    pub sites: Vec<SiteInfo>,
    site_ids: HashMap<(FuncId, u32), SiteId>,
    /// Classes by building site.
    pub classes: Vec<ClassInfo>,
    class_ids: HashMap<(FuncId, u32), ClassId>,
    /// Specializations.
    pub specs: Vec<Spec>,
    spec_ids: HashMap<(FuncId, Vec<Ann>), usize>,
    updates: HashMap<String, u32>,
    changed: bool,
    /// The instruction being analysed may raise into a handler (its own or a caller's).
    protected: bool,
    /// Errors of the current pass, by (specialization, code, pc).
    errors: BTreeMap<(usize, FuncId, usize), TypeErrorFound>,
    /// The specialization being analysed.
    current: usize,
    /// Which specialization asked for which, in the current pass.
    edges: Vec<(usize, usize)>,
    /// After [`Analysis::run`]: the specializations reachable from the
    /// module's at the fixpoint. Others were asked for only with annotations
    /// that were not final yet; they report nothing and are not listed.
    pub live: Vec<bool>,
    /// False if the driver gave up before a fixpoint (then no error is reported).
    pub converged: bool,
}

/// The frame state: one annotation per register.
type State = Vec<Ann>;

impl<'a> Analysis<'a> {
    /// Prepares an analysis of `module` against `registry`.
    pub fn new(
        module: &'a Module,
        global_names: &'a Globals,
        registry: &'a Registry,
        builtins: Vec<BuiltinSignature>,
    ) -> Analysis<'a> {
        let instance_class = builtins.iter().find_map(|b| match b {
            BuiltinSignature::ClassBuilder(_, t) => Some(*t),
            _ => None,
        });
        let mut stored_globals = BTreeSet::new();
        for code in &module.codes {
            for i in &code.instrs {
                if let Instr::StoreGlobal { g, .. } = i {
                    stored_globals.insert(g.0);
                }
            }
        }
        let unknown = SiteInfo {
            items: Ann::Object,
            values: Ann::Object,
            fields: BTreeMap::new(),
            any_key: true,
        };
        Analysis {
            module,
            global_names,
            registry,
            ops: CoreOps::of(registry),
            builtins,
            instance_class,
            globals: BTreeMap::new(),
            stored_globals,
            cells: BTreeMap::new(),
            free: BTreeMap::new(),
            defaults: BTreeMap::new(),
            sites: vec![unknown],
            site_ids: HashMap::new(),
            classes: Vec::new(),
            class_ids: HashMap::new(),
            specs: Vec::new(),
            spec_ids: HashMap::new(),
            updates: HashMap::new(),
            changed: false,
            protected: false,
            errors: BTreeMap::new(),
            current: 0,
            edges: Vec::new(),
            live: Vec::new(),
            converged: false,
        }
    }

    /// The registry operations are answered from.
    pub fn registry(&self) -> &Registry {
        self.registry
    }

    /// Runs passes until nothing changes.
    pub fn run(&mut self) {
        let Some(main) = self.module.main else {
            self.converged = true;
            return;
        };
        self.spec_for(main.0, Vec::new(), false);
        for _ in 0..MAX_PASSES {
            self.changed = false;
            self.errors.clear();
            self.edges.clear();
            let mut i = 0;
            while i < self.specs.len() {
                if !self.analyse(i) {
                    self.errors.clear();
                    return;
                }
                i += 1;
            }
            if !self.changed {
                self.converged = true;
                self.compute_live();
                return;
            }
        }
        self.errors.clear();
    }

    fn compute_live(&mut self) {
        let mut live = vec![false; self.specs.len()];
        let mut todo = vec![0usize];
        while let Some(i) = todo.pop() {
            if i < live.len() && !live[i] {
                live[i] = true;
                todo.extend(self.edges.iter().filter(|(from, _)| *from == i).map(|(_, to)| *to));
            }
        }
        self.errors.retain(|(spec, _, _), _| live[*spec]);
        self.live = live;
    }

    /// The definite type errors at the fixpoint, one per instruction, in program order.
    pub fn errors(&self) -> Vec<TypeErrorFound> {
        let mut by_place: BTreeMap<(FuncId, usize), TypeErrorFound> = BTreeMap::new();
        for ((_, f, pc), e) in &self.errors {
            by_place.entry((*f, *pc)).or_insert_with(|| e.clone());
        }
        let mut out: Vec<TypeErrorFound> = by_place.into_values().collect();
        out.sort_by_key(|e| (e.span.file.0, e.span.start));
        out
    }

    fn code(&self, f: FuncId) -> &'a Code {
        &self.module.codes[f as usize]
    }

    // ---- tables ------------------------------------------------------------

    /// Joins `new` into a table slot, widening once the slot has changed often.
    fn merge_slot(&mut self, key: String, slot_value: Ann, new: &Ann) -> Option<Ann> {
        let joined = slot_value.join(new).limit_depth();
        if joined == slot_value {
            return None;
        }
        let count = self.updates.entry(key).or_insert(0);
        *count += 1;
        let result = if *count > WIDEN_AFTER {
            joined.widen_from(&slot_value)
        } else {
            joined
        };
        if result == slot_value {
            return None;
        }
        self.changed = true;
        Some(result)
    }

    fn merge_global(&mut self, g: u16, v: &Ann) {
        let old = self.globals.get(&g).cloned().unwrap_or_default();
        if let Some(new) = self.merge_slot(format!("g{g}"), old, v) {
            self.globals.insert(g, new);
        }
    }

    fn merge_cell(&mut self, site: SiteId, v: &Ann) {
        let old = self.cells.get(&site).cloned().unwrap_or_default();
        if let Some(new) = self.merge_slot(format!("c{site}"), old, v) {
            self.cells.insert(site, new);
        }
    }

    fn merge_free(&mut self, f: FuncId, idx: u16, v: &Ann) {
        let old = self.free.get(&(f, idx)).cloned().unwrap_or_default();
        if let Some(new) = self.merge_slot(format!("f{f}.{idx}"), old, v) {
            self.free.insert((f, idx), new);
        }
    }

    fn merge_items(&mut self, site: SiteId, v: &Ann) {
        let old = self.sites[site as usize].items.clone();
        if let Some(new) = self.merge_slot(format!("i{site}"), old, v) {
            self.sites[site as usize].items = new;
        }
    }

    fn merge_values(&mut self, site: SiteId, key: &Ann, v: &Ann) {
        self.merge_items(site, key);
        let old = self.sites[site as usize].values.clone();
        if let Some(new) = self.merge_slot(format!("v{site}"), old, v) {
            self.sites[site as usize].values = new;
        }
        match key {
            Ann::Str(Some(name)) => {
                let old = self.sites[site as usize].fields.get(name).cloned().unwrap_or_default();
                if let Some(new) = self.merge_slot(format!("v{site}.{name}"), old, v) {
                    self.sites[site as usize].fields.insert(name.clone(), new);
                }
            }
            _ if !self.sites[site as usize].any_key => {
                self.sites[site as usize].any_key = true;
                self.changed = true;
            }
            _ => {}
        }
    }

    fn merge_attr(&mut self, c: ClassId, name: &str, v: &Ann, on_class: bool) {
        let info = &self.classes[c as usize];
        let table = if on_class { &info.namespace } else { &info.attrs };
        let old = table.get(name).cloned().unwrap_or_default();
        if let Some(new) = self.merge_slot(format!("a{c}.{on_class}.{name}"), old, v) {
            let info = &mut self.classes[c as usize];
            let table = if on_class { &mut info.namespace } else { &mut info.attrs };
            table.insert(name.to_string(), new);
        }
    }

    fn site(&mut self, f: FuncId, pc: usize) -> SiteId {
        if let Some(&s) = self.site_ids.get(&(f, pc as u32)) {
            return s;
        }
        self.sites.push(SiteInfo::default());
        let s = (self.sites.len() - 1) as SiteId;
        self.site_ids.insert((f, pc as u32), s);
        s
    }

    fn spec_for(&mut self, code: FuncId, args: Vec<Ann>, generic: bool) -> usize {
        let args: Vec<Ann> = if generic {
            vec![Ann::Object; args.len()]
        } else {
            args.iter().map(|a| a.generalize().limit_depth()).collect()
        };
        if let Some(&i) = self.spec_ids.get(&(code, args.clone())) {
            self.edges.push((self.current, i));
            return i;
        }
        let count = self.specs.iter().filter(|s| s.code == code && !s.generic).count();
        if !generic && count >= MAX_SPECIALIZATIONS {
            return self.spec_for(code, args, true);
        }
        self.specs.push(Spec {
            code,
            args: args.clone(),
            generic,
            ret: Ann::Never,
            ret_updates: 0,
            locals: Vec::new(),
            protected: false,
        });
        let i = self.specs.len() - 1;
        self.spec_ids.insert((code, args), i);
        self.changed = true;
        self.edges.push((self.current, i));
        i
    }

    // ---- one specialization ----------------------------------------------------

    /// Analyses specialization `i` once. False if it ran out of steps.
    fn analyse(&mut self, i: usize) -> bool {
        self.current = i;
        let f = self.specs[i].code;
        let code = self.code(f);
        let n = code.instrs.len();
        let nregs = (code.nregs as usize).max(self.specs[i].args.len());
        let mut states: Vec<Option<State>> = vec![None; n];
        let mut visits = vec![0u32; n];
        let mut entry = vec![Ann::Never; nregs];
        for (r, a) in self.specs[i].args.iter().enumerate() {
            entry[r] = a.clone();
        }
        let mut ret = Ann::Never;
        let mut queue = VecDeque::new();
        if n > 0 {
            states[0] = Some(entry);
            queue.push_back(0usize);
        }
        let mut in_queue = vec![false; n];
        if n > 0 {
            in_queue[0] = true;
        }
        let mut steps = 0;
        while let Some(pc) = queue.pop_front() {
            in_queue[pc] = false;
            steps += 1;
            if steps > MAX_STEPS {
                return false;
            }
            let Some(state) = states[pc].clone() else { continue };
            // An error in a protected range unwinds to the first handler around it.
            let handler = code
                .handlers
                .iter()
                .find(|h| (h.start.0 as usize..h.end.0 as usize).contains(&pc));
            self.protected = self.specs[i].protected || handler.is_some();
            if let Some(h) = handler {
                let mut s = state.clone();
                set(&mut s, h.dst, Ann::Object);
                flow(
                    &mut states,
                    &mut visits,
                    &mut queue,
                    &mut in_queue,
                    h.target.0 as usize,
                    s,
                );
            }
            let succ = self.step(f, pc, code, state, &mut ret);
            for (target, s) in succ {
                if target < n {
                    flow(&mut states, &mut visits, &mut queue, &mut in_queue, target, s);
                }
            }
        }
        // Return annotation.
        let old = self.specs[i].ret.clone();
        let joined = old.join(&ret).limit_depth();
        if joined != old {
            self.specs[i].ret_updates += 1;
            self.specs[i].ret = if self.specs[i].ret_updates > WIDEN_AFTER {
                joined.widen_from(&old)
            } else {
                joined
            };
            self.changed = true;
        }
        // Named locals.
        let mut locals: Vec<(String, Ann)> = Vec::new();
        for l in &code.locals {
            let mut a = Ann::Never;
            let (start, end) = (l.start.0 as usize, (l.end.0 as usize).min(n));
            for s in states[start.min(end)..end].iter().flatten() {
                {
                    a = a.join(s.get(l.reg.0 as usize).unwrap_or(&Ann::Never));
                }
            }
            let a = self.through_cells(&a);
            match locals.iter_mut().find(|(name, _)| *name == l.name) {
                Some((_, v)) => *v = v.join(&a),
                None => locals.push((l.name.clone(), a)),
            }
        }
        self.specs[i].locals = locals;
        true
    }

    /// A local that lives in a cell shows the cell's contents (what the
    /// register held before the cell was made is not the variable).
    fn through_cells(&self, a: &Ann) -> Ann {
        if !a.members().iter().any(|m| matches!(m, Ann::Cell(_))) {
            return a.clone();
        }
        Ann::union_of(a.members().iter().map(|m| match m {
            Ann::Cell(sites) => Ann::union_of(sites.iter().map(|s| self.cells.get(s).cloned().unwrap_or_default())),
            _ => Ann::Never,
        }))
    }

    fn read_cell(&self, cell: &Ann) -> Ann {
        Ann::union_of(cell.members().iter().map(|m| match m {
            Ann::Cell(sites) => Ann::union_of(sites.iter().map(|s| self.cells.get(s).cloned().unwrap_or_default())),
            _ => Ann::Object,
        }))
    }

    fn write_cell(&mut self, cell: &Ann, v: &Ann) {
        for m in cell.members().to_vec() {
            match m {
                Ann::Cell(sites) => {
                    for s in sites {
                        self.merge_cell(s, v);
                    }
                }
                _ => self.escape(v),
            }
        }
    }

    fn constant(c: &Const) -> Ann {
        match c {
            Const::None => Ann::None,
            Const::Bool(b) => Ann::Bool(Some(*b)),
            Const::Int(i) => Ann::int(*i),
            Const::BigInt(_) => Ann::INT,
            Const::Float(_) => Ann::Float,
            Const::Str(s) => Ann::Str(Some(s.to_string())),
        }
    }

    fn const_str(code: &Code, k: workbench_framework::bytecode::ConstId) -> String {
        match code.consts.get(k.0 as usize) {
            Some(Const::Str(s)) => s.to_string(),
            _ => String::new(),
        }
    }
}

/// Registers a function's parameters occupy (front ends that declare only an
/// arity leave [`Code::params`] empty).
pub fn param_count(code: &Code) -> usize {
    code.params.registers().max(code.arity as usize)
}

fn set(s: &mut State, reg: Reg, v: Ann) {
    let i = reg.0 as usize;
    if i >= s.len() {
        s.resize(i + 1, Ann::Never);
    }
    s[i] = v;
}

/// Joins `s` into the state at `target`; queues it if it changed.
fn flow(
    states: &mut [Option<State>],
    visits: &mut [u32],
    queue: &mut VecDeque<usize>,
    in_queue: &mut [bool],
    target: usize,
    s: State,
) {
    if target >= states.len() {
        return;
    }
    let new = match &states[target] {
        None => s,
        Some(old) => {
            let n = old.len().max(s.len());
            let mut out = Vec::with_capacity(n);
            let mut changed = false;
            visits[target] += 1;
            for i in 0..n {
                let a = old.get(i).cloned().unwrap_or(Ann::Never);
                let b = s.get(i).cloned().unwrap_or(Ann::Never);
                let mut j = a.join(&b).limit_depth();
                if j != a && visits[target] > WIDEN_AFTER {
                    j = j.widen_from(&a);
                }
                changed |= j != a;
                out.push(j);
            }
            if !changed {
                return;
            }
            out
        }
    };
    states[target] = Some(new);
    if !in_queue[target] {
        in_queue[target] = true;
        queue.push_back(target);
    }
}
