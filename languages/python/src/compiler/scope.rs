//! Scope analysis: which names are locals, cells, free variables or globals.
//!
//! Python decides a name's scope from the whole function body: a name
//! assigned anywhere in a function is local to it (unless declared `global`
//! or `nonlocal`); a name only read is looked up in the enclosing *function*
//! scopes (class bodies do not count), then among the globals and builtins.
//! A local that a nested function reads is a *cell*, shared through the
//! closure. This pass runs once over a module, before any code is emitted,
//! because a function's cells depend on what its nested functions read.
//!
//! Scopes are identified by the span of the node that opens them (a `def`, a
//! `lambda`, a comprehension, a `class`), so the code generator finds the
//! analysis of each scope when it gets there.

use crate::ast::{Comprehension, Expr, ExprKind, Parameters, Stmt, StmtKind};
use rustc_hash::{FxHashMap, FxHashSet};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::Span;

/// What kind of code a scope compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The top level of a file: every name is global.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A comprehension (its own function, called at once).
    Comprehension,
    /// A class body: its names become the class's attributes.
    Class,
}

/// Where a name lives, as seen from one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A register of this frame.
    Local,
    /// A register of this frame holding a cell (a nested function captures it).
    Cell,
    /// A cell captured from an enclosing function.
    Free,
    /// A global of the module (or a builtin).
    Global,
    /// An attribute of the class being defined (class bodies only).
    ClassLocal,
}

/// The analysis of one scope.
#[derive(Clone, Debug)]
pub struct ScopeInfo {
    /// The kind of scope.
    pub kind: ScopeKind,
    /// Parameters, in order (they are the first locals).
    pub params: Vec<String>,
    /// Names bound in this scope, in order of first binding.
    pub bound: Vec<String>,
    /// Names declared `global`.
    pub globals: FxHashSet<String>,
    /// Names declared `nonlocal`.
    pub nonlocals: FxHashSet<String>,
    /// Names read in this scope.
    pub used: FxHashSet<String>,
    /// Locals captured by nested scopes.
    pub cells: FxHashSet<String>,
    /// Names captured from enclosing scopes, in capture order.
    pub frees: Vec<String>,
    /// Contains `yield`: calling it makes a generator.
    pub generator: bool,
    /// Contains a zero-argument `super()` (needs `__class__`).
    pub uses_super: bool,
    /// A class body whose methods use `super()`: it provides `__class__`.
    pub provides_class_cell: bool,
    parent: Option<usize>,
}

impl ScopeInfo {
    fn new(kind: ScopeKind, parent: Option<usize>) -> ScopeInfo {
        ScopeInfo {
            kind,
            params: Vec::new(),
            bound: Vec::new(),
            globals: FxHashSet::default(),
            nonlocals: FxHashSet::default(),
            used: FxHashSet::default(),
            cells: FxHashSet::default(),
            frees: Vec::new(),
            generator: false,
            uses_super: false,
            provides_class_cell: false,
            parent,
        }
    }

    fn bind(&mut self, name: &str) {
        if !self.bound.iter().any(|b| b == name) {
            self.bound.push(name.to_string());
        }
    }

    /// Where `name` lives, seen from this scope.
    pub fn place(&self, name: &str) -> Place {
        if self.kind == ScopeKind::Module || self.globals.contains(name) {
            return Place::Global;
        }
        if self.frees.iter().any(|f| f == name) && !self.bound.iter().any(|b| b == name) {
            return Place::Free;
        }
        if self.nonlocals.contains(name) {
            return Place::Free;
        }
        if self.bound.iter().any(|b| b == name) || self.params.iter().any(|p| p == name) {
            if self.kind == ScopeKind::Class {
                return if name == "__class__" && self.provides_class_cell {
                    Place::Cell
                } else {
                    Place::ClassLocal
                };
            }
            return if self.cells.contains(name) {
                Place::Cell
            } else {
                Place::Local
            };
        }
        Place::Global
    }
}

/// The analysis of every scope of a module, keyed by the opening node's span.
#[derive(Debug, Default)]
pub struct Scopes {
    scopes: Vec<ScopeInfo>,
    by_span: FxHashMap<(u32, u32, u8), usize>,
    errors: Vec<Diagnostic>,
}

fn key(span: Span, kind: ScopeKind) -> (u32, u32, u8) {
    (span.start, span.end, kind as u8)
}

impl Scopes {
    /// Analyses a module.
    pub fn analyze(body: &[Stmt], span: Span) -> Result<Scopes, Vec<Diagnostic>> {
        let mut s = Scopes::default();
        let root = s.open(ScopeKind::Module, None, span);
        for stmt in body {
            s.stmt(root, stmt);
        }
        s.resolve();
        if s.errors.is_empty() {
            Ok(s)
        } else {
            Err(s.errors)
        }
    }

    /// The analysis of the scope opened at `span`.
    pub fn get(&self, span: Span, kind: ScopeKind) -> Option<&ScopeInfo> {
        self.by_span.get(&key(span, kind)).map(|&i| &self.scopes[i])
    }

    /// The module scope.
    pub fn module(&self) -> &ScopeInfo {
        &self.scopes[0]
    }

    fn open(&mut self, kind: ScopeKind, parent: Option<usize>, span: Span) -> usize {
        self.scopes.push(ScopeInfo::new(kind, parent));
        let id = self.scopes.len() - 1;
        self.by_span.insert(key(span, kind), id);
        id
    }

    fn params(&mut self, scope: usize, parent: usize, params: &Parameters) {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            if let Some(d) = &p.default {
                self.expr(parent, d);
            }
            if let Some(a) = &p.annotation {
                self.expr(parent, a);
            }
            self.scopes[scope].params.push(p.name.name.clone());
        }
    }

    fn stmts(&mut self, scope: usize, body: &[Stmt]) {
        for s in body {
            self.stmt(scope, s);
        }
    }

    fn stmt(&mut self, scope: usize, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(scope, e),
            StmtKind::Assign { targets, value } => {
                self.expr(scope, value);
                for t in targets {
                    self.target(scope, t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(scope, value);
                self.expr(scope, target);
                self.target(scope, target);
            }
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                if let Some(v) = value {
                    self.expr(scope, v);
                    self.target(scope, target);
                }
                let _ = annotation;
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(scope, t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(scope, v);
                }
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause) {
                    self.expr(scope, e);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    if self.scopes[scope].bound.contains(&n.name) && self.scopes[scope].kind != ScopeKind::Module {
                        self.errors.push(Diagnostic::new(
                            "SyntaxError",
                            format!("name '{}' is assigned to before global declaration", n.name),
                            Some(n.span),
                        ));
                    }
                    self.scopes[scope].globals.insert(n.name.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    if self.scopes[scope].kind == ScopeKind::Module {
                        self.errors.push(Diagnostic::new(
                            "SyntaxError",
                            "nonlocal declaration not allowed at module level",
                            Some(n.span),
                        ));
                    }
                    self.scopes[scope].nonlocals.insert(n.name.clone());
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(scope, test);
                if let Some(m) = msg {
                    self.expr(scope, m);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let local = match &a.asname {
                        Some(n) => n.name.clone(),
                        None => a.name.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.scopes[scope].bind(&local);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let local = a.asname.as_ref().unwrap_or(&a.name).name.clone();
                    if local != "*" {
                        self.scopes[scope].bind(&local);
                    }
                }
            }
            StmtKind::If { branches, orelse } => {
                for (t, b) in branches {
                    self.expr(scope, t);
                    self.stmts(scope, b);
                }
                self.stmts(scope, orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(scope, test);
                self.stmts(scope, body);
                self.stmts(scope, orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(scope, iter);
                self.target(scope, target);
                self.stmts(scope, body);
                self.stmts(scope, orelse);
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(scope, &it.context);
                    if let Some(t) = &it.target {
                        self.target(scope, t);
                    }
                }
                self.stmts(scope, body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(scope, body);
                for h in handlers {
                    if let Some(k) = &h.kind {
                        self.expr(scope, k);
                    }
                    if let Some(n) = &h.name {
                        self.scopes[scope].bind(&n.name);
                    }
                    self.stmts(scope, &h.body);
                }
                self.stmts(scope, orelse);
                self.stmts(scope, finalbody);
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(scope, d);
                }
                let inner = self.open(ScopeKind::Function, Some(scope), stmt.span);
                self.params(inner, scope, &f.params);
                self.stmts(inner, &f.body);
                self.scopes[scope].bind(&f.name.name);
            }
            StmtKind::ClassDef(c) => {
                for e in c.decorators.iter().chain(&c.bases) {
                    self.expr(scope, e);
                }
                for k in &c.keywords {
                    self.expr(scope, &k.value);
                }
                let inner = self.open(ScopeKind::Class, Some(scope), stmt.span);
                self.stmts(inner, &c.body);
                self.scopes[scope].bind(&c.name.name);
            }
        }
    }

    /// A name (or names inside a tuple/list target) being bound.
    fn target(&mut self, scope: usize, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.scopes[scope].bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(scope, i);
                }
            }
            ExprKind::Starred(inner) => self.target(scope, inner),
            _ => self.expr(scope, t),
        }
    }

    fn comprehension(&mut self, scope: usize, span: Span, generators: &[Comprehension], elts: &[&Expr]) {
        let Some(first) = generators.first() else { return };
        self.expr(scope, &first.iter);
        let inner = self.open(ScopeKind::Comprehension, Some(scope), span);
        self.scopes[inner].params.push(".0".to_string());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(inner, &g.iter);
            }
            self.target(inner, &g.target);
            for c in &g.ifs {
                self.expr(inner, c);
            }
        }
        for e in elts {
            self.expr(inner, e);
        }
    }

    fn expr(&mut self, scope: usize, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.scopes[scope].used.insert(n.clone());
            }
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::FString(parts) => self.fstring(scope, parts),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(scope, i);
                }
            }
            ExprKind::Dict(items) => {
                for it in items {
                    if let Some(k) = &it.key {
                        self.expr(scope, k);
                    }
                    self.expr(scope, &it.value);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(scope, e.span, generators, &[elt]);
                if matches!(e.kind, ExprKind::GeneratorExp { .. }) {
                    if let Some(&id) = self.by_span.get(&key(e.span, ScopeKind::Comprehension)) {
                        self.scopes[id].generator = true;
                    }
                }
            }
            ExprKind::DictComp {
                key: k,
                value,
                generators,
            } => self.comprehension(scope, e.span, generators, &[k, value]),
            ExprKind::Attribute { value, .. } => self.expr(scope, value),
            ExprKind::Subscript { value, index } => {
                self.expr(scope, value);
                self.expr(scope, index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(scope, p);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                if let ExprKind::Name(n) = &func.kind {
                    if n == "super" && args.is_empty() && keywords.is_empty() {
                        self.scopes[scope].uses_super = true;
                        self.scopes[scope].used.insert("__class__".to_string());
                        if let Some(first) = self.scopes[scope].params.first().cloned() {
                            self.scopes[scope].used.insert(first);
                        }
                    }
                }
                self.expr(scope, func);
                for a in args {
                    self.expr(scope, a);
                }
                for k in keywords {
                    self.expr(scope, &k.value);
                }
            }
            ExprKind::Starred(v) => self.expr(scope, v),
            ExprKind::Unary { operand, .. } => self.expr(scope, operand),
            ExprKind::Binary { left, right, .. } => {
                self.expr(scope, left);
                self.expr(scope, right);
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(scope, v);
                }
            }
            ExprKind::Compare { left, rest } => {
                self.expr(scope, left);
                for (_, r) in rest {
                    self.expr(scope, r);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(scope, test);
                self.expr(scope, body);
                self.expr(scope, orelse);
            }
            ExprKind::Lambda { params, body } => {
                let inner = self.open(ScopeKind::Function, Some(scope), e.span);
                self.params(inner, scope, params);
                self.expr(inner, body);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(scope, value);
                // In a comprehension the walrus binds in the enclosing function.
                let mut s = scope;
                while self.scopes[s].kind == ScopeKind::Comprehension {
                    match self.scopes[s].parent {
                        Some(p) => s = p,
                        None => break,
                    }
                }
                self.scopes[s].bind(&target.name);
                if s != scope {
                    self.scopes[scope].used.insert(target.name.clone());
                }
            }
            ExprKind::Yield(v) => {
                self.scopes[scope].generator = true;
                if let Some(v) = v {
                    self.expr(scope, v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.scopes[scope].generator = true;
                self.expr(scope, v);
            }
        }
    }

    fn fstring(&mut self, scope: usize, parts: &[crate::ast::FStringPart]) {
        for p in parts {
            if let crate::ast::FStringPart::Field(f) = p {
                self.expr(scope, &f.value);
                self.fstring(scope, &f.spec);
            }
        }
    }

    /// Top-down: decides for every name read but not bound whether it is free
    /// (bound in an enclosing function) or global, marking cells on the way.
    fn resolve(&mut self) {
        for id in 0..self.scopes.len() {
            if self.scopes[id].kind == ScopeKind::Module {
                continue;
            }
            let mut wanted: Vec<String> = self.scopes[id]
                .used
                .iter()
                .filter(|n| {
                    let s = &self.scopes[id];
                    !s.globals.contains(*n) && !s.bound.contains(*n) && !s.params.contains(*n)
                })
                .cloned()
                .collect();
            wanted.extend(self.scopes[id].nonlocals.iter().cloned());
            wanted.sort();
            wanted.dedup();
            for name in wanted {
                self.resolve_free(id, &name);
            }
        }
    }

    fn resolve_free(&mut self, id: usize, name: &str) {
        // Walk outwards; class scopes do not provide bindings (except __class__).
        let mut chain = vec![id];
        let mut cur = self.scopes[id].parent;
        while let Some(p) = cur {
            let s = &self.scopes[p];
            if s.kind == ScopeKind::Module {
                break;
            }
            let binds =
                (s.bound.iter().any(|b| b == name) || s.params.iter().any(|b| b == name)) && !s.globals.contains(name);
            let is_class = s.kind == ScopeKind::Class;
            let parent = s.parent;
            let class_cell = is_class && name == "__class__";
            if class_cell {
                self.scopes[p].provides_class_cell = true;
                self.scopes[p].bind("__class__");
            }
            if (binds && !is_class) || class_cell {
                self.scopes[p].cells.insert(name.to_string());
                for &c in &chain {
                    if !self.scopes[c].frees.iter().any(|f| f == name) {
                        self.scopes[c].frees.push(name.to_string());
                    }
                }
                return;
            }
            chain.push(p);
            cur = parent;
        }
        if self.scopes[id].nonlocals.contains(name) {
            self.errors.push(Diagnostic::new(
                "SyntaxError",
                format!("no binding for nonlocal '{name}' found"),
                None,
            ));
        }
    }
}
