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

    // ---- escapes -------------------------------------------------------------

    /// `v` flows into code the driver cannot see.
    fn escape(&mut self, v: &Ann) {
        self.escape_depth(v, 3, true);
    }

    /// With `instances` false, instances keep their attributes (their guest
    /// code is analysed anyway); only containers and cells lose their contents.
    fn escape_depth(&mut self, v: &Ann, depth: usize, instances: bool) {
        if depth == 0 {
            return;
        }
        for m in v.members().to_vec() {
            match &m {
                Ann::List(sites) | Ann::Dict(sites) => {
                    for &s in sites {
                        let old = self.sites[s as usize].items.clone();
                        self.escape_depth(&old, depth - 1, instances);
                        let old_values = self.sites[s as usize].values.clone();
                        self.escape_depth(&old_values, depth - 1, instances);
                        self.merge_values(s, &Ann::Object, &Ann::Object);
                    }
                }
                Ann::Tuple(items) => {
                    for i in items {
                        self.escape_depth(i, depth - 1, instances);
                    }
                }
                Ann::Iter(item) => self.escape_depth(item, depth - 1, instances),
                Ann::Instance(_) | Ann::Class(_) | Ann::Function(_) | Ann::Method(..) if !instances => {}
                Ann::Instance(c) => {
                    if !self.classes[*c as usize].open {
                        self.classes[*c as usize].open = true;
                        self.changed = true;
                    }
                    self.escape_methods(*c);
                }
                Ann::Class(c) => {
                    // Unseen code may change the class itself (`setattr(cls, ...)`).
                    if !self.classes[*c as usize].open {
                        self.classes[*c as usize].open = true;
                        self.changed = true;
                    }
                    self.escape_methods(*c);
                }
                Ann::Function(f) => {
                    self.escape_function(*f);
                }
                Ann::Method(f, recv) => {
                    self.escape_function(*f);
                    self.escape_depth(recv, depth - 1, instances);
                }
                Ann::Cell(sites) => {
                    for &s in sites {
                        self.merge_cell(s, &Ann::Object);
                    }
                }
                _ => {}
            }
        }
    }

    fn escape_function(&mut self, f: FuncId) -> usize {
        let n = param_count(self.code(f));
        let spec = self.spec_for(f, vec![Ann::Object; n], true);
        if self.protected && !self.specs[spec].protected {
            self.specs[spec].protected = true;
            self.changed = true;
        }
        spec
    }

    /// Unseen code may call any method of class `c`: analyse them with `object` arguments.
    fn escape_methods(&mut self, c: ClassId) {
        self.escape_methods_named(c, &|_| true);
    }

    fn escape_methods_named(&mut self, c: ClassId, which: &dyn Fn(&str) -> bool) {
        let mut seen = BTreeSet::new();
        let mut todo = vec![c];
        while let Some(c) = todo.pop() {
            if !seen.insert(c) {
                continue;
            }
            let info = &self.classes[c as usize];
            let funcs: Vec<FuncId> = info
                .namespace
                .iter()
                .filter(|(name, _)| which(name))
                .flat_map(|(_, a)| a.members().to_vec())
                .filter_map(|m| match m {
                    Ann::Function(f) => Some(f),
                    _ => None,
                })
                .collect();
            if let Some(bases) = &info.bases {
                todo.extend(bases.iter().copied());
            }
            for f in funcs {
                self.escape_function(f);
            }
        }
    }

    /// Values reach an operation the run time may implement with guest code:
    /// the protocol methods of their classes (named `__x__`, such as `__add__`
    /// or `__str__`) may be called by code the driver does not see.
    /// Items of containers count too (`print(xs)` shows each item).
    fn protocol(&mut self, v: &Ann) {
        self.protocol_depth(v, 3);
    }

    fn protocol_depth(&mut self, v: &Ann, depth: usize) {
        if depth == 0 {
            return;
        }
        for m in v.members().to_vec() {
            match &m {
                Ann::Instance(c) => self.escape_methods_named(*c, &|name| {
                    name.starts_with("__") && name.ends_with("__") && name != "__init__"
                }),
                Ann::List(_) | Ann::Dict(_) | Ann::Tuple(_) | Ann::Iter(_) => {
                    let items = self.contents(&m, false);
                    self.protocol_depth(&items, depth - 1);
                    if matches!(m, Ann::Dict(_)) {
                        let values = self.contents(&m, true);
                        self.protocol_depth(&values, depth - 1);
                    }
                }
                _ => {}
            }
        }
    }

    // ---- contents ------------------------------------------------------------

    /// An item (or, with `values`, a dict value) of a container annotation.
    pub fn contents(&self, v: &Ann, values: bool) -> Ann {
        Ann::union_of(v.members().iter().map(|m| match m {
            Ann::List(sites) | Ann::Dict(sites) => Ann::union_of(sites.iter().map(|&s| {
                let info = &self.sites[s as usize];
                if values {
                    info.values.clone()
                } else {
                    info.items.clone()
                }
            })),
            Ann::Tuple(items) if !values => Ann::union_of(items.iter().cloned()),
            Ann::Str(_) if !values => Ann::STR,
            Ann::Iter(item) if !values => (**item).clone(),
            _ => Ann::Object,
        }))
    }

    fn apply(&mut self, mm: MmId, fallback: Option<MmId>, args: &[Ann]) -> Outcome {
        self.apply_with(mm, fallback, args, false)
    }

    /// `modeled`: the caller already accounts for what the operation changes
    /// (item assignment joins the value into the container).
    fn apply_with(&mut self, mm: MmId, fallback: Option<MmId>, args: &[Ann], modeled: bool) -> Outcome {
        for a in args {
            self.protocol(a);
        }
        let contents = |v: &Ann, values: bool| self.contents(v, values);
        let out = signatures::apply(self.registry, mm, fallback, args, self.instance_class, &contents);
        if out.untyped && !modeled {
            // An implementation nobody described may change its arguments. (Guest
            // code it calls is covered: protocol methods are analysed.)
            for a in args {
                self.escape_contents(a);
            }
        }
        out
    }

    /// The containers (and cells) in `v` may have been changed by unseen code.
    fn escape_contents(&mut self, v: &Ann) {
        self.escape_depth(v, 3, false);
    }

    fn error(&mut self, f: FuncId, pc: usize, message: String) {
        if self.protected {
            // A handler may catch the TypeError: the program may rely on it.
            return;
        }
        let span = self.code(f).spans.get(pc).copied().unwrap_or_default();
        self.errors
            .insert((self.current, f, pc), TypeErrorFound { span, message });
    }

    /// The display name of an annotation's kind, for messages.
    fn kind_name(&self, v: &Ann) -> String {
        crate::report::show(self, &v.generalize())
    }

    // ---- classes ---------------------------------------------------------------

    /// `name` looked up in class `c` and its bases: `Some(Never)` if absent,
    /// `None` if unknown (a base the driver does not follow).
    fn class_lookup(&self, c: ClassId, name: &str, depth: usize) -> Option<Ann> {
        let info = &self.classes[c as usize];
        if info.open {
            return None; // unseen code may have changed the class
        }
        if let Some(v) = info.namespace.get(name) {
            return Some(v.clone());
        }
        if depth > 20 {
            return None;
        }
        let mut found = Ann::Never;
        for &b in info.bases.as_ref()? {
            found = found.join(&self.class_lookup(b, name, depth + 1)?);
        }
        Some(found)
    }

    fn get_attr(&mut self, obj: &Ann, name: &str) -> Ann {
        let mut out = Ann::Never;
        let dunder = name.starts_with("__") && name.ends_with("__");
        for m in obj.members().to_vec() {
            let v = match &m {
                Ann::Instance(c) => {
                    let info = &self.classes[*c as usize];
                    if info.open {
                        Ann::Object
                    } else if !info.body_done {
                        Ann::Never // known in a later pass
                    } else {
                        let own = info.attrs.get(name).cloned().unwrap_or_default();
                        let hooked = ["__getattr__", "__getattribute__"]
                            .iter()
                            .any(|h| self.class_lookup(*c, h, 0) != Some(Ann::Never));
                        match self.class_lookup(*c, name, 0) {
                            None => Ann::Object,
                            _ if hooked || dunder => {
                                if name == "__dict__" {
                                    self.escape(&m);
                                }
                                Ann::Object
                            }
                            // Never set by any code the driver sees: an AttributeError.
                            Some(class_value) => own.join(&self.bind(&class_value, &m)),
                        }
                    }
                }
                Ann::Class(c) => {
                    let info = &self.classes[*c as usize];
                    if !info.body_done {
                        Ann::Never
                    } else {
                        match self.class_lookup(*c, name, 0) {
                            Some(Ann::Never) | None => Ann::Object,
                            Some(v) => v,
                        }
                    }
                }
                _ => Ann::Object,
            };
            out = out.join(&v);
        }
        out
    }

    /// A class attribute read through an instance: functions become bound methods.
    fn bind(&self, class_value: &Ann, recv: &Ann) -> Ann {
        Ann::union_of(class_value.members().iter().map(|m| match m {
            Ann::Function(f) => Ann::Method(*f, Box::new(recv.clone())),
            other => other.clone(),
        }))
    }

    fn set_attr(&mut self, obj: &Ann, name: &str, v: &Ann) {
        if name.starts_with("__") && name.ends_with("__") {
            // `obj.__class__ = ...`, `obj.__dict__ = ...`: the object's layout is anyone's guess.
            self.escape(obj);
            self.escape(v);
            return;
        }
        for m in obj.members().to_vec() {
            match m {
                Ann::Instance(c) => self.merge_attr(c, name, v, false),
                Ann::Class(c) => self.merge_attr(c, name, v, true),
                Ann::Object => {
                    // Unknown receiver: any instance or class may get the attribute.
                    for c in 0..self.classes.len() as ClassId {
                        self.merge_attr(c, name, v, false);
                        if self.classes[c as usize].namespace.contains_key(name) {
                            self.merge_attr(c, name, v, true);
                        }
                    }
                    self.escape(v);
                }
                _ => self.escape(v),
            }
        }
    }

    // ---- calls -------------------------------------------------------------------

    /// Binds positional arguments to `code`'s parameters: `Err(true)` if the
    /// count cannot fit (a TypeError when it runs: the call returns nothing),
    /// `Err(false)` if the parameters are not simple (then the callee gets
    /// `object` arguments).
    fn bind_args(&self, f: FuncId, args: &[Ann]) -> Result<Vec<Ann>, bool> {
        let p = &self.code(f).params;
        if p.kwonly != 0 || p.varargs || p.varkw {
            return Err(false);
        }
        let n = (p.positional as usize).max(self.code(f).arity as usize);
        if args.len() > n {
            return Err(true);
        }
        let mut out = args.to_vec();
        let defaults = self.defaults.get(&f);
        for i in args.len()..n {
            let pos = p.defaults.iter().position(|&d| d as usize == i).ok_or(true)?;
            out.push(defaults.and_then(|d| d.get(pos)).cloned().unwrap_or(Ann::Object));
        }
        Ok(out)
    }

    fn call_function(&mut self, f: FuncId, args: &[Ann]) -> Ann {
        let spec = self.call_spec(f, args);
        if let Some(spec) = spec {
            if self.protected && !self.specs[spec].protected {
                self.specs[spec].protected = true;
                self.changed = true;
            }
        }
        let Some(spec) = spec else { return Ann::Never };
        if self.code(f).generator {
            Ann::Other(TypeId::GENERATOR)
        } else {
            self.specs[spec].ret.clone()
        }
    }

    fn call_spec(&mut self, f: FuncId, args: &[Ann]) -> Option<usize> {
        Some(match self.bind_args(f, args) {
            Ok(bound) => self.spec_for(f, bound, false),
            Err(true) => return None,
            Err(false) => {
                for a in args {
                    self.escape(a);
                }
                self.escape_function(f)
            }
        })
    }

    /// The result of calling `callee` with positional `args` at `(f, pc)`.
    fn call(&mut self, f: FuncId, pc: usize, callee: &Ann, args: &[Ann]) -> Ann {
        if *callee == Ann::Never || args.contains(&Ann::Never) {
            return Ann::Never;
        }
        let mut out = Ann::Never;
        for m in callee.members().to_vec() {
            let r = match &m {
                Ann::Function(code) => self.call_function(*code, args),
                Ann::Method(code, recv) => {
                    let mut all = vec![(**recv).clone()];
                    all.extend_from_slice(args);
                    self.call_function(*code, &all)
                }
                Ann::Class(c) => self.instantiate(*c, args),
                Ann::Builtin(b) => self.call_builtin(f, pc, *b, args),
                _ => {
                    for a in args {
                        self.escape(a);
                    }
                    Ann::Object
                }
            };
            out = out.join(&r);
        }
        out
    }

    fn instantiate(&mut self, c: ClassId, args: &[Ann]) -> Ann {
        if !self.classes[c as usize].body_done {
            return Ann::Never; // known in a later pass
        }
        if self.classes[c as usize].bases.is_none() || self.instance_class.is_none() {
            for a in args {
                self.escape(a);
            }
            self.escape_methods(c);
            return Ann::Object;
        }
        let instance = Ann::Instance(c);
        if self.class_lookup(c, "__new__", 0) != Some(Ann::Never) {
            for a in args {
                self.escape(a);
            }
            self.escape_methods(c);
            return Ann::Object;
        }
        match self.class_lookup(c, "__init__", 0) {
            Some(Ann::Never) => {}
            Some(init) => {
                let mut all = vec![instance.clone()];
                all.extend_from_slice(args);
                let f_members = init.members().to_vec();
                for m in f_members {
                    match m {
                        Ann::Function(code) => {
                            self.call_function(code, &all);
                        }
                        _ => {
                            for a in &all {
                                self.escape(a);
                            }
                        }
                    }
                }
            }
            None => {
                for a in args {
                    self.escape(a);
                }
            }
        }
        instance
    }

    fn call_builtin(&mut self, f: FuncId, pc: usize, b: u32, args: &[Ann]) -> Ann {
        let (returns, stores) = match self.builtins[b as usize] {
            BuiltinSignature::Function(_, returns) => (returns, None),
            BuiltinSignature::Method(_, _, returns, stores) => (returns, stores),
            BuiltinSignature::ClassBuilder(..) => return self.build_class(f, pc, args),
        };
        for a in args {
            self.protocol(a);
            // A builtin whose result is not described may call what it is given (`map`).
            if returns == workbench_framework::multimethod::Returns::Unknown {
                self.escape_callables(a);
            }
        }
        if let (Some(i), Some(recv)) = (stores, args.first()) {
            let item = args.get(i).cloned().unwrap_or(Ann::Object);
            for m in recv.members().to_vec() {
                match m {
                    Ann::List(sites) => {
                        for site in sites {
                            self.merge_items(site, &item);
                        }
                    }
                    _ => self.escape(&item),
                }
            }
        }
        let refs: Vec<&Ann> = args.iter().collect();
        let contents = |v: &Ann, values: bool| self.contents(v, values);
        signatures::returned(returns, &refs, &contents)
    }

    /// Functions, methods and classes in `v` may be called by code the driver cannot see.
    /// (A class may be instantiated or its methods called, but the builtin does
    /// not change it: its methods are analysed, its attributes stay known.)
    fn escape_callables(&mut self, v: &Ann) {
        for m in v.members().to_vec() {
            match m {
                Ann::Function(f) | Ann::Method(f, _) => {
                    self.escape_function(f);
                }
                Ann::Class(c) => self.escape_methods(c),
                _ => {}
            }
        }
    }

    /// The builtin method `recv.name` from the language's table, if one applies.
    fn builtin_method(&self, recv: &Ann, name: &str) -> Option<u32> {
        let [member] = recv.members() else { return None };
        let classes = signatures::classes(member, self.instance_class)?;
        self.builtins
            .iter()
            .position(|b| match b {
                BuiltinSignature::Method(t, n, ..) => {
                    *n == name && classes.iter().all(|c| self.registry.is_subclass(*c, *t))
                }
                _ => false,
            })
            .map(|i| i as u32)
    }

    /// `build(body, name, *bases)`: a class per building site.
    fn build_class(&mut self, f: FuncId, pc: usize, args: &[Ann]) -> Ann {
        let id = match self.class_ids.get(&(f, pc as u32)) {
            Some(&c) => c,
            None => {
                self.classes.push(ClassInfo::default());
                let c = (self.classes.len() - 1) as ClassId;
                self.class_ids.insert((f, pc as u32), c);
                self.changed = true;
                c
            }
        };
        let name = match args.get(1) {
            Some(Ann::Str(Some(s))) => s.clone(),
            _ => "?".to_string(),
        };
        let mut bases = Some(Vec::new());
        for b in args.iter().skip(2) {
            match (b, bases.as_mut()) {
                (Ann::Class(c), Some(v)) => v.push(*c),
                (Ann::Builtin(i), Some(_)) if self.builtin_name(*i) == "object" => {}
                _ => bases = None,
            }
        }
        // The body returns the namespace (or a tuple of it and a cell).
        let body = args.first().cloned().unwrap_or(Ann::Object);
        let ns = self.call(f, pc, &body, &[]);
        let ns = match ns {
            Ann::Tuple(items) => {
                // (namespace, cell): the cell of `__class__` (for `super()`) receives the class.
                if let Some(cell) = items.get(1) {
                    let cell = cell.clone();
                    self.write_cell(&cell, &Ann::Class(id));
                }
                items.first().cloned().unwrap_or(Ann::Object)
            }
            other => other,
        };
        if ns == Ann::Never {
            // The body has not been analysed yet: a later pass builds the class.
            return Ann::Class(id);
        }
        let mut namespace = BTreeMap::new();
        let mut known = true;
        for m in ns.members() {
            match m {
                Ann::Dict(sites) => {
                    for &s in sites {
                        let info = &self.sites[s as usize];
                        known &= !info.any_key;
                        for (k, v) in &info.fields {
                            let old: Ann = namespace.get(k).cloned().unwrap_or_default();
                            namespace.insert(k.clone(), old.join(v));
                        }
                    }
                }
                _ => known = false,
            }
        }
        if !known {
            bases = None;
        }
        let info = &mut self.classes[id as usize];
        if let Ann::Function(code) = body {
            info.body = Some(code);
        }
        if ns != Ann::Never && !info.body_done {
            info.body_done = true;
            self.changed = true;
        }
        // Class attributes assigned later (`C.x = v`) are already in the namespace: keep them.
        for (k, v) in namespace {
            let old = info.namespace.get(&k).cloned().unwrap_or_default();
            let joined = old.join(&v);
            if joined != old {
                info.namespace.insert(k, joined);
                self.changed = true;
            }
        }
        if !info.built {
            info.built = true;
            info.name = name;
            info.bases = bases;
            self.changed = true;
        } else if info.bases.is_some() && info.bases != bases {
            // Bases that differ between runs of the same class statement: not followed.
            info.bases = None;
            self.changed = true;
        }
        Ann::Class(id)
    }

    fn builtin_name(&self, b: u32) -> &'static str {
        match self.builtins[b as usize] {
            BuiltinSignature::Function(n, _) | BuiltinSignature::ClassBuilder(n, _) => n,
            BuiltinSignature::Method(_, n, ..) => n,
        }
    }

    fn load_global(&self, g: u16) -> Ann {
        let name = self.global_names.name(workbench_framework::bytecode::GlobalId(g));
        let builtin = self
            .builtins
            .iter()
            .position(|b| match b {
                BuiltinSignature::Function(n, _) | BuiltinSignature::ClassBuilder(n, _) => *n == name,
                BuiltinSignature::Method(..) => false,
            })
            .map(|i| Ann::Builtin(i as u32));
        let stored = self.globals.get(&g).cloned().unwrap_or_default();
        match builtin {
            Some(b) => stored.join(&b),
            None if self.stored_globals.contains(&g) => stored,
            // Never stored by this program: a builtin without a signature, or a NameError.
            None => Ann::Object,
        }
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

    /// Runs instruction `pc` on `s`; returns the successor states.
    fn step(&mut self, f: FuncId, pc: usize, code: &'a Code, mut s: State, ret: &mut Ann) -> Vec<(usize, State)> {
        let next = pc + 1;
        let r = |s: &State, reg: Reg| s.get(reg.0 as usize).cloned().unwrap_or(Ann::Object);
        match code.instrs[pc] {
            Instr::LoadConst { dst, k } => {
                let v = code.consts.get(k.0 as usize).map_or(Ann::Object, Self::constant);
                set(&mut s, dst, v);
            }
            Instr::Move { dst, src } => {
                let v = r(&s, src);
                set(&mut s, dst, v);
            }
            Instr::LoadGlobal { dst, g } => set(&mut s, dst, self.load_global(g.0)),
            Instr::StoreGlobal { g, src } => self.merge_global(g.0, &r(&s, src)),
            Instr::DelGlobal { .. } | Instr::DelAttr { .. } => {}
            Instr::NewCell { dst, src } => {
                let site = self.site(f, pc);
                self.merge_cell(site, &r(&s, src));
                set(&mut s, dst, Ann::Cell([site].into_iter().collect()));
            }
            Instr::LoadCell { dst, cell } => {
                let v = self.read_cell(&r(&s, cell));
                set(&mut s, dst, v);
            }
            Instr::StoreCell { cell, src } => self.write_cell(&r(&s, cell), &r(&s, src)),
            Instr::LoadFree { dst, idx } => {
                let cell = self.free.get(&(f, idx)).cloned().unwrap_or_default();
                let v = self.read_cell(&cell);
                set(&mut s, dst, v);
            }
            Instr::StoreFree { idx, src } => {
                let cell = self.free.get(&(f, idx)).cloned().unwrap_or(Ann::Object);
                self.write_cell(&cell, &r(&s, src));
            }
            Instr::MakeClosure { dst, code: child } => {
                let child_code = self.code(child.0);
                for (i, cap) in child_code.captures.iter().enumerate() {
                    let cell = match cap {
                        Capture::Local(reg) => r(&s, *reg),
                        Capture::Free(k) => self.free.get(&(f, *k)).cloned().unwrap_or(Ann::Object),
                    };
                    self.merge_free(child.0, i as u16, &cell);
                }
                let ndefaults = child_code.params.defaults.len();
                if ndefaults > 0 {
                    let values: Vec<Ann> = (0..ndefaults).map(|j| r(&s, Reg(dst.0 + 1 + j as u16))).collect();
                    let old = self
                        .defaults
                        .get(&child.0)
                        .cloned()
                        .unwrap_or_else(|| vec![Ann::Never; ndefaults]);
                    let joined: Vec<Ann> = old.iter().zip(&values).map(|(a, b)| a.join(b).generalize()).collect();
                    if joined != old {
                        self.defaults.insert(child.0, joined);
                        self.changed = true;
                    }
                }
                set(&mut s, dst, Ann::Function(child.0));
            }
            Instr::Binary { op, dst, a, b } => {
                let v = self.binary(f, pc, op, &r(&s, a), &r(&s, b));
                set(&mut s, dst, v);
            }
            Instr::Unary { op, dst, a } => {
                let x = r(&s, a);
                let v = match op {
                    UnOp::Not => match x {
                        Ann::Never => Ann::Never,
                        _ => Ann::Bool(x.truth().map(|t| !t)),
                    },
                    _ => {
                        let mm = match op {
                            UnOp::Neg => self.ops.neg,
                            UnOp::Pos => self.ops.pos,
                            _ => self.ops.invert,
                        };
                        let out = self.apply(mm, None, std::slice::from_ref(&x));
                        if out.definite_error {
                            let msg = format!("bad operand type for unary {}: '{}'", op.symbol(), self.kind_name(&x));
                            self.error(f, pc, msg);
                        }
                        match (op, &x) {
                            (UnOp::Neg, Ann::Int(rng)) => match rng.as_constant().and_then(i64::checked_neg) {
                                Some(c) => Ann::int(c),
                                None => out.result,
                            },
                            _ => out.result,
                        }
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::Jump { target } | Instr::JumpBack { target } => return vec![(target.0 as usize, s)],
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
                let c = r(&s, cond);
                if c == Ann::Never {
                    return Vec::new();
                }
                let jump_when = matches!(code.instrs[pc], Instr::JumpIfTrue { .. });
                for m in c.members() {
                    self.protocol(m);
                }
                return match c.truth() {
                    Some(t) if t == jump_when => vec![(target.0 as usize, s)],
                    Some(_) => vec![(next, s)],
                    None => vec![(target.0 as usize, s.clone()), (next, s)],
                };
            }
            Instr::Call {
                dst,
                f: callee,
                args,
                argc,
            } => {
                let argv: Vec<Ann> = (0..argc as u16).map(|i| r(&s, Reg(args.0 + i))).collect();
                let v = self.call(f, pc, &r(&s, callee), &argv);
                set(&mut s, dst, v);
            }
            Instr::TailCall { f: callee, args, argc } => {
                let argv: Vec<Ann> = (0..argc as u16).map(|i| r(&s, Reg(args.0 + i))).collect();
                let v = self.call(f, pc, &r(&s, callee), &argv);
                *ret = ret.join(&v);
                return Vec::new();
            }
            Instr::LoadMethod { flag, f: fr, name } => {
                let recv = r(&s, Reg(fr.0 + 1));
                let name = Self::const_str(code, name);
                let attr = match self.builtin_method(&recv, &name) {
                    Some(b) => Ann::Method(u32::MAX, Box::new(Ann::Builtin(b))),
                    None => self.get_attr(&recv, &name),
                };
                // A bound method is the function plus its receiver: call it with the receiver first.
                match &attr {
                    Ann::Method(u32::MAX, builtin) => {
                        set(&mut s, fr, (**builtin).clone());
                        set(&mut s, flag, Ann::Bool(Some(true)));
                    }
                    Ann::Method(func, _) => {
                        set(&mut s, fr, Ann::Function(*func));
                        set(&mut s, flag, Ann::Bool(Some(true)));
                    }
                    _ => {
                        set(&mut s, fr, attr);
                        set(&mut s, flag, Ann::Bool(Some(false)));
                    }
                }
            }
            Instr::CallMethod { dst, flag, f: fr, argc } => {
                let callee = r(&s, fr);
                let with_recv: Vec<Ann> = (0..=argc as u16).map(|i| r(&s, Reg(fr.0 + 1 + i))).collect();
                let v = match r(&s, flag).truth() {
                    Some(true) => self.call(f, pc, &callee, &with_recv),
                    Some(false) => {
                        if callee.members().contains(&Ann::Object) {
                            // An unknown method of the receiver: the receiver escapes too.
                            self.escape(&with_recv[0]);
                        }
                        self.call(f, pc, &callee, &with_recv[1..])
                    }
                    None => {
                        let a = self.call(f, pc, &callee, &with_recv);
                        a.join(&self.call(f, pc, &callee, &with_recv[1..]))
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::CallEx { site } => {
                let cs = &code.call_sites[site as usize];
                for i in 0..cs.registers() as u16 {
                    let a = r(&s, Reg(cs.args.0 + i));
                    self.escape(&a);
                }
                let callee = r(&s, cs.f);
                let v = match &callee {
                    Ann::Never => Ann::Never,
                    Ann::Function(_) | Ann::Method(..) => {
                        self.escape(&callee);
                        Ann::union_of(callee.members().iter().map(|m| match m {
                            Ann::Function(func) | Ann::Method(func, _) => {
                                let spec = self.escape_function(*func);
                                if self.code(*func).generator {
                                    Ann::Other(TypeId::GENERATOR)
                                } else {
                                    self.specs[spec].ret.clone()
                                }
                            }
                            _ => Ann::Object,
                        }))
                    }
                    Ann::Builtin(b) => {
                        let args: Vec<Ann> = vec![Ann::Object; cs.registers()];
                        match self.builtins[*b as usize] {
                            BuiltinSignature::ClassBuilder(..) => Ann::Object,
                            _ => self.call_builtin(f, pc, *b, &args),
                        }
                    }
                    other => {
                        self.escape(other);
                        Ann::Object
                    }
                };
                if cs.tail {
                    *ret = ret.join(&v);
                    return Vec::new();
                }
                set(&mut s, cs.dst, v);
            }
            Instr::Return { src } => {
                *ret = ret.join(&r(&s, src));
                return Vec::new();
            }
            Instr::Raise { .. } => return Vec::new(),
            Instr::Yield { dst, src } => {
                self.escape(&r(&s, src));
                set(&mut s, dst, Ann::Object);
            }
            Instr::Build {
                kind,
                dst,
                first,
                count,
            } => {
                let items: Vec<Ann> = (0..count).map(|i| r(&s, Reg(first.0 + i))).collect();
                let v = match kind {
                    BuildKind::List => {
                        let site = self.site(f, pc);
                        for it in &items {
                            self.merge_items(site, it);
                        }
                        Ann::List([site].into_iter().collect())
                    }
                    BuildKind::Dict => {
                        let site = self.site(f, pc);
                        for pair in items.chunks(2) {
                            if let [k, v] = pair {
                                self.merge_values(site, k, v);
                            }
                        }
                        Ann::Dict([site].into_iter().collect())
                    }
                    BuildKind::Tuple => Ann::Tuple(items.clone()).limit_depth(),
                    BuildKind::Set => {
                        for it in &items {
                            self.escape(it);
                        }
                        Ann::Other(TypeId::SET)
                    }
                    BuildKind::Slice => Ann::Other(TypeId::SLICE),
                };
                if items.contains(&Ann::Never) {
                    set(&mut s, dst, Ann::Never);
                } else {
                    set(&mut s, dst, v);
                }
            }
            Instr::GetItem { dst, obj, key } => {
                let (o, k) = (r(&s, obj), r(&s, key));
                let v = match (&o, &k) {
                    (Ann::Tuple(items), Ann::Int(rng)) if rng.as_constant().is_some() => {
                        let i = rng.as_constant().unwrap_or(0);
                        let idx = if i < 0 { items.len() as i64 + i } else { i };
                        match items.get(idx as usize) {
                            Some(v) if idx >= 0 => v.clone(),
                            _ => Ann::Never, // IndexError at run time
                        }
                    }
                    _ => {
                        let out = self.apply(self.ops.getitem, None, &[o.clone(), k]);
                        if out.definite_error {
                            let msg = format!("'{}' object is not subscriptable", self.kind_name(&o));
                            self.error(f, pc, msg);
                        }
                        out.result
                    }
                };
                set(&mut s, dst, v);
            }
            Instr::SetItem { obj, key, src } => {
                let (o, k, v) = (r(&s, obj), r(&s, key), r(&s, src));
                let out = self.apply_with(self.ops.setitem, None, &[o.clone(), k.clone(), v.clone()], true);
                if out.definite_error {
                    let msg = format!("'{}' object does not support item assignment", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
                // `xs[i:j] = ys` stores the items of `ys`, `xs[i] = y` stores `y`.
                let slice = k
                    .members()
                    .iter()
                    .any(|m| matches!(m, Ann::Other(TypeId::SLICE) | Ann::Object));
                let single = k.members().iter().any(|m| !matches!(m, Ann::Other(TypeId::SLICE)));
                let mut stored = if single { v.clone() } else { Ann::Never };
                if slice {
                    stored = stored.join(&self.contents(&v, false));
                }
                for m in o.members().to_vec() {
                    match m {
                        Ann::List(sites) => {
                            for site in sites {
                                self.merge_items(site, &stored);
                            }
                        }
                        Ann::Dict(sites) => {
                            for site in sites {
                                self.merge_values(site, &k, &v);
                            }
                        }
                        _ => {
                            self.escape(&k);
                            self.escape(&v);
                        }
                    }
                }
            }
            Instr::DelItem { obj, key } => {
                let o = r(&s, obj);
                let out = self.apply(self.ops.delitem, None, &[o.clone(), r(&s, key)]);
                if out.definite_error {
                    let msg = format!("'{}' object does not support item deletion", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
            }
            Instr::GetAttr { dst, obj, name } => {
                let name = Self::const_str(code, name);
                let v = self.get_attr(&r(&s, obj), &name);
                set(&mut s, dst, v);
            }
            Instr::SetAttr { obj, name, src } => {
                let name = Self::const_str(code, name);
                self.set_attr(&r(&s, obj), &name, &r(&s, src));
            }
            Instr::GetIter { dst, src } => {
                let o = r(&s, src);
                let out = self.apply(self.ops.iter, None, std::slice::from_ref(&o));
                if out.definite_error {
                    let msg = format!("'{}' object is not iterable", self.kind_name(&o));
                    self.error(f, pc, msg);
                }
                set(&mut s, dst, out.result);
            }
            Instr::ForIter { iter, target } => {
                let it = r(&s, iter);
                if it == Ann::Never {
                    return Vec::new();
                }
                let out = self.apply(self.ops.next, None, std::slice::from_ref(&it));
                let exhausted = s.clone();
                set(&mut s, Reg(iter.0 + 1), out.result);
                return vec![(next, s), (target.0 as usize, exhausted)];
            }
            Instr::Unpack { first, src, count } => {
                let o = r(&s, src);
                for i in 0..count {
                    let v = match &o {
                        Ann::Never => Ann::Never,
                        Ann::Tuple(items) if items.len() == count as usize => items[i as usize].clone(),
                        Ann::Tuple(_) => Ann::Never, // a ValueError at run time
                        other => self.contents(other, false),
                    };
                    set(&mut s, Reg(first.0 + i), v);
                }
            }
            Instr::Append { list, src } => {
                let (l, v) = (r(&s, list), r(&s, src));
                for m in l.members().to_vec() {
                    match m {
                        Ann::List(sites) => {
                            for site in sites {
                                self.merge_items(site, &v);
                            }
                        }
                        _ => self.escape(&v),
                    }
                }
            }
        }
        vec![(next, s)]
    }

    fn binary(&mut self, f: FuncId, pc: usize, op: BinOp, a: &Ann, b: &Ann) -> Ann {
        match op {
            BinOp::Is => {
                if *a == Ann::Never || *b == Ann::Never {
                    return Ann::Never;
                }
                return Ann::BOOL;
            }
            BinOp::In => {
                // `a in b` is `contains(b, a)`; the standard space may fall back to
                // iteration, so it is never reported.
                let out = self.apply(self.ops.binary[op as usize], None, &[b.clone(), a.clone()]);
                return match out.result {
                    Ann::Never if *a != Ann::Never && *b != Ann::Never => Ann::BOOL,
                    r => r,
                };
            }
            _ => {}
        }
        let fallback = (op == BinOp::InPlaceAdd).then(|| self.ops.binary[BinOp::Add as usize]);
        let out = self.apply(self.ops.binary[op as usize], fallback, &[a.clone(), b.clone()]);
        if out.definite_error {
            let (ta, tb) = (self.kind_name(a), self.kind_name(b));
            let msg = if op.is_comparison() {
                format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol())
            } else {
                format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol())
            };
            self.error(f, pc, msg);
        }
        // Integer ranges refine what the registry said (an int) where both sides are ints.
        match (a, b, &out.result) {
            (Ann::Int(x), Ann::Int(y), Ann::Int(_)) => Ann::Int((crate::ranges::int_rules().binary)(op, *x, *y)),
            _ => out.result,
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
