//! The compiler: a source text (a file to consult, or one toplevel query) to a framework module.
//!
//! 1. The [reader](crate::reader) reads clauses one by one; `op/3`,
//!    `dynamic/1` and `initialization/1` directives are looked at on the way,
//!    since they change how the rest is read or compiled.
//! 2. Clauses are grouped by predicate (`name/arity`), in order of appearance.
//! 3. Each body is flattened into goals, control constructs lifted into
//!    auxiliary predicates ([`normalize`]).
//! 4. Each predicate becomes one code object in continuation-passing style
//!    ([`emit`]); the unit's top-level code binds each predicate to the global
//!    `name/arity` and then runs the directives.

pub mod emit;
pub mod normalize;

use crate::ops::{OpType, Ops};
use crate::reader::{Clause, Reader, Term};
use emit::{ClauseIr, Emitter, Step};
use normalize::Normalizer;
use workbench_framework::bytecode::{Globals, Module};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

/// What is being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A program file (or a consulted one).
    File,
    /// The prelude: also gets a predicate wrapper for each inline builtin and the dynamic stubs.
    Prelude,
    /// One toplevel query (`?- Goal.` without the `?-`).
    Query,
}

/// Highest arity a dynamic predicate may have.
pub const MAX_DYNAMIC_ARITY: usize = 12;

struct Pred {
    name: String,
    arity: usize,
    clauses: Vec<ClauseIr>,
    span: Span,
}

fn max_var(t: &Term) -> usize {
    let mut n = 0;
    t.for_each_var(&mut |v| n = n.max(v + 1));
    n
}

fn syntax(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new("SyntaxError", message.into(), Some(span))
}

/// Names listed in a `dynamic`/`discontiguous` spec: `a/1`, `(a/1, b/2)`, `[a/1]`.
fn pred_specs(t: &Term, out: &mut Vec<(String, usize)>) {
    match t {
        Term::Compound(f, a) if (f == "," || f == ".") && a.len() == 2 => {
            pred_specs(&a[0], out);
            pred_specs(&a[1], out);
        }
        Term::Compound(f, a) if f == "/" && a.len() == 2 => {
            if let (Term::Atom(n), Term::Int(k)) = (&a[0], &a[1]) {
                out.push((n.clone(), *k as usize));
            }
        }
        _ => {}
    }
}

/// Applies an `op/3` directive to the compile-time table.
fn apply_op(ops: &mut Ops, args: &[Term]) {
    let (Term::Int(p), Term::Atom(kind)) = (&args[0], &args[1]) else {
        return;
    };
    let Some(kind) = OpType::parse(kind) else { return };
    let mut names = Vec::new();
    let mut t = &args[2];
    loop {
        match t {
            Term::Atom(a) if a != "[]" => {
                names.push(a.clone());
                break;
            }
            Term::Compound(f, a) if f == "." && a.len() == 2 => {
                if let Term::Atom(n) = &a[0] {
                    names.push(n.clone());
                }
                t = &a[1];
            }
            _ => break,
        }
    }
    for n in names {
        ops.add(&n, (*p).clamp(0, 1200) as u16, kind);
    }
}

/// Compiles a unit. `ops` is the compile-time operator table (kept across
/// REPL inputs and consults); `dynamic` the predicates declared dynamic so far.
pub fn compile(
    file: FileId,
    source: &str,
    globals: &mut Globals,
    unit: Unit,
    ops: &mut Ops,
    dynamic: &mut Vec<(String, usize)>,
) -> Result<Module, Vec<Diagnostic>> {
    let mut reader = Reader::new(file, source).map_err(|e| vec![syntax(e.span, e.message)])?;
    let mut norm = Normalizer::new(globals.len().to_string());
    let mut preds: Vec<Pred> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    let mut init: Vec<Step> = Vec::new();
    let mut errors = Vec::new();
    let whole = Span::new(file, 0, source.len());
    let mut warn_singletons = true;
    while let Some(clause) = reader.next_clause(ops) {
        let clause: Clause = match clause {
            Ok(c) => c,
            Err(e) => {
                errors.push(syntax(e.span, e.message));
                reader.skip_clause();
                continue;
            }
        };
        let nvars = clause.var_names.len();
        if unit == Unit::Query {
            steps.push(Step::Query(clause.term, clause.var_names, nvars, clause.span));
            continue;
        }
        let (head, body) = match &clause.term {
            Term::Compound(f, a) if f == ":-" && a.len() == 1 => {
                let d = &a[0];
                match d {
                    Term::Compound(f, a) if f == "op" && a.len() == 3 => apply_op(ops, a),
                    Term::Compound(f, a) if f == "dynamic" && a.len() == 1 => pred_specs(&a[0], dynamic),
                    Term::Compound(f, a) if f == "style_check" && a.len() == 1 => {
                        if let Term::Compound(sign, x) = &a[0] {
                            if x.first() == Some(&Term::atom("singleton")) {
                                warn_singletons = sign == "+";
                            }
                        }
                    }
                    Term::Compound(f, a) if f == "initialization" && (a.len() == 1 || a.len() == 2) => {
                        let goal = if a.len() == 2 && a[1] == Term::atom("main") {
                            Term::compound(",", vec![a[0].clone(), Term::atom("halt")])
                        } else {
                            a[0].clone()
                        };
                        init.push(Step::Directive(goal, nvars, clause.span, true));
                        continue;
                    }
                    _ => {}
                }
                steps.push(Step::Directive(d.clone(), nvars, clause.span, false));
                continue;
            }
            Term::Compound(f, a) if f == ":-" && a.len() == 2 => (a[0].clone(), a[1].clone()),
            Term::Compound(f, a) if f == "-->" && a.len() == 2 => {
                errors.push(syntax(clause.span, "DCG rules (-->) are not supported yet"));
                let _ = a;
                continue;
            }
            t => (t.clone(), Term::atom("true")),
        };
        let Some((name, arity)) = head.functor().map(|(n, a)| (n.to_string(), a)) else {
            errors.push(syntax(clause.span, "clause head is not callable"));
            continue;
        };
        if matches!(head, Term::Atom(_) | Term::Compound(..)) && dynamic.iter().any(|(n, a)| *n == name && *a == arity)
        {
            let term = clause.term.clone();
            steps.push(Step::Directive(
                Term::compound("assertz", vec![term]),
                nvars,
                clause.span,
                false,
            ));
            continue;
        }
        if matches!(name.as_str(), "," | ";" | "->" | "!" | "call") && unit == Unit::File {
            errors.push(Diagnostic::new(
                "PermissionError",
                format!("No permission to modify static procedure `{name}/{arity}'"),
                Some(clause.span),
            ));
            continue;
        }
        if unit == Unit::File && warn_singletons && !clause.singletons.is_empty() {
            let line = source[..clause.span.start as usize].matches('\n').count() + 1;
            steps.push(Step::Singletons(line, clause.singletons.clone()));
        }
        add_clause(
            &mut preds,
            &mut norm,
            &name,
            arity,
            &head,
            &body,
            nvars.max(max_var(&clause.term)),
            clause.span,
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if unit == Unit::Prelude {
        for (name, arity, _) in normalize::INLINE {
            if preds.iter().any(|p| p.name == *name && p.arity == *arity) {
                continue;
            }
            let args: Vec<Term> = (0..*arity).map(Term::Var).collect();
            let head = if args.is_empty() {
                Term::atom(name)
            } else {
                Term::compound(name, args)
            };
            add_clause(&mut preds, &mut norm, name, *arity, &head, &head.clone(), *arity, whole);
        }
        for (name, arity) in [
            ("<", 2),
            (">", 2),
            ("=<", 2),
            (">=", 2),
            ("=:=", 2),
            ("=\\=", 2),
            ("is", 2),
            ("=", 2),
        ] {
            if preds.iter().any(|p| p.name == name && p.arity == arity) {
                continue;
            }
            let head = Term::compound(name, vec![Term::Var(0), Term::Var(1)]);
            add_clause(&mut preds, &mut norm, name, arity, &head, &head.clone(), 2, whole);
        }
    }
    // Aux predicates may make more aux predicates while they are compiled.
    let mut emitter = Emitter::new(globals);
    let mut done = 0;
    loop {
        while done < norm.aux.len() {
            let aux = norm.aux[done].clone();
            done += 1;
            for c in &aux.clauses {
                let Term::Compound(_, ab) = c else { continue };
                let head = ab[0].clone();
                let body = ab[1].clone();
                let arity = head.args().len();
                add_clause(&mut preds, &mut norm, &aux.name, arity, &head, &body, max_var(c), whole);
            }
        }
        if done == norm.aux.len() {
            break;
        }
    }
    let mut defs = Vec::new();
    for p in &preds {
        let id = emitter
            .predicate(&p.name, p.arity, &p.clauses, p.span)
            .map_err(|d| vec![d])?;
        defs.push(Step::Define(p.name.clone(), p.arity, id));
    }
    if unit == Unit::Prelude {
        for n in 0..=MAX_DYNAMIC_ARITY {
            defs.push(Step::Stub(n));
        }
    }
    defs.extend(steps);
    defs.extend(init);
    let main = emitter
        .main_code(&defs, whole, unit == Unit::File)
        .map_err(|d| vec![d])?;
    Ok(Module {
        codes: emitter.codes,
        main: Some(main),
    })
}

#[allow(clippy::too_many_arguments)]
fn add_clause(
    preds: &mut Vec<Pred>,
    norm: &mut Normalizer,
    name: &str,
    arity: usize,
    head: &Term,
    body: &Term,
    nvars: usize,
    span: Span,
) {
    norm.nvars = nvars.max(max_var(head)).max(max_var(body));
    let mut goals = Vec::new();
    norm.body(body, &mut goals);
    let ir = ClauseIr {
        head: head.args().to_vec(),
        goals,
        nvars: norm.nvars,
        span,
    };
    match preds.iter_mut().find(|p| p.name == name && p.arity == arity) {
        Some(p) => p.clauses.push(ir),
        None => preds.push(Pred {
            name: name.to_string(),
            arity,
            clauses: vec![ir],
            span,
        }),
    }
}
