//! The parts of the flow driver that follow values out of a frame: escapes
//! into code the driver cannot see, container contents, operations through
//! the registry, classes and their attributes, and calls (guest functions,
//! classes, builtins with typed signatures, class builders).

use super::*;

impl<'a> Analysis<'a> {
    // ---- escapes -------------------------------------------------------------

    /// `v` flows into code the driver cannot see.
    pub(super) fn escape(&mut self, v: &Ann) {
        self.escape_depth(v, 3, true);
    }

    /// With `instances` false, instances keep their attributes (their guest
    /// code is analysed anyway); only containers and cells lose their contents.
    pub(super) fn escape_depth(&mut self, v: &Ann, depth: usize, instances: bool) {
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

    pub(super) fn escape_function(&mut self, f: FuncId) -> usize {
        let n = param_count(self.code(f));
        let spec = self.spec_for(f, vec![Ann::Object; n], true);
        if self.protected && !self.specs[spec].protected {
            self.specs[spec].protected = true;
            self.changed = true;
        }
        spec
    }

    /// Unseen code may call any method of class `c`: analyse them with `object` arguments.
    pub(super) fn escape_methods(&mut self, c: ClassId) {
        self.escape_methods_named(c, &|_| true);
    }

    pub(super) fn escape_methods_named(&mut self, c: ClassId, which: &dyn Fn(&str) -> bool) {
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
    pub(super) fn protocol(&mut self, v: &Ann) {
        self.protocol_depth(v, 3);
    }

    pub(super) fn protocol_depth(&mut self, v: &Ann, depth: usize) {
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

    pub(super) fn apply(&mut self, mm: MmId, fallback: Option<MmId>, args: &[Ann]) -> Outcome {
        self.apply_with(mm, fallback, args, false)
    }

    /// `modeled`: the caller already accounts for what the operation changes
    /// (item assignment joins the value into the container).
    pub(super) fn apply_with(&mut self, mm: MmId, fallback: Option<MmId>, args: &[Ann], modeled: bool) -> Outcome {
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
    pub(super) fn escape_contents(&mut self, v: &Ann) {
        self.escape_depth(v, 3, false);
    }

    pub(super) fn error(&mut self, f: FuncId, pc: usize, message: String) {
        if self.protected {
            // A handler may catch the TypeError: the program may rely on it.
            return;
        }
        let span = self.code(f).spans.get(pc).copied().unwrap_or_default();
        self.errors
            .insert((self.current, f, pc), TypeErrorFound { span, message });
    }

    /// The display name of an annotation's kind, for messages.
    pub(super) fn kind_name(&self, v: &Ann) -> String {
        crate::report::show(self, &v.generalize())
    }

    // ---- classes ---------------------------------------------------------------

    /// `name` looked up in class `c` and its bases: `Some(Never)` if absent,
    /// `None` if unknown (a base the driver does not follow).
    pub(super) fn class_lookup(&self, c: ClassId, name: &str, depth: usize) -> Option<Ann> {
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

    pub(super) fn get_attr(&mut self, obj: &Ann, name: &str) -> Ann {
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
    pub(super) fn bind(&self, class_value: &Ann, recv: &Ann) -> Ann {
        Ann::union_of(class_value.members().iter().map(|m| match m {
            Ann::Function(f) => Ann::Method(*f, Box::new(recv.clone())),
            other => other.clone(),
        }))
    }

    pub(super) fn set_attr(&mut self, obj: &Ann, name: &str, v: &Ann) {
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
    pub(super) fn bind_args(&self, f: FuncId, args: &[Ann]) -> Result<Vec<Ann>, bool> {
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

    pub(super) fn call_function(&mut self, f: FuncId, args: &[Ann]) -> Ann {
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

    pub(super) fn call_spec(&mut self, f: FuncId, args: &[Ann]) -> Option<usize> {
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
    pub(super) fn call(&mut self, f: FuncId, pc: usize, callee: &Ann, args: &[Ann]) -> Ann {
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

    pub(super) fn instantiate(&mut self, c: ClassId, args: &[Ann]) -> Ann {
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

    pub(super) fn call_builtin(&mut self, f: FuncId, pc: usize, b: u32, args: &[Ann]) -> Ann {
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
    pub(super) fn escape_callables(&mut self, v: &Ann) {
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
    pub(super) fn builtin_method(&self, recv: &Ann, name: &str) -> Option<u32> {
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
    pub(super) fn build_class(&mut self, f: FuncId, pc: usize, args: &[Ann]) -> Ann {
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

    pub(super) fn builtin_name(&self, b: u32) -> &'static str {
        match self.builtins[b as usize] {
            BuiltinSignature::Function(n, _) | BuiltinSignature::ClassBuilder(n, _) => n,
            BuiltinSignature::Method(_, n, ..) => n,
        }
    }

    pub(super) fn load_global(&self, g: u16) -> Ann {
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
}
