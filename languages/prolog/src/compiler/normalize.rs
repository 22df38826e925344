//! Clause bodies to flat goal lists, with control constructs lifted out.
//!
//! The code generator only knows sequences: a conjunction is a list of
//! [`Goal`]s run left to right. Everything with alternatives becomes an
//! auxiliary predicate whose clauses are the alternatives, which is how
//! backtracking into a disjunction reuses the clause-choice loop:
//!
//! ```text
//! ( A ; B )       =>  '$auxN'(Vars, M) :- A'.   '$auxN'(Vars, M) :- B'.
//! ( C -> T ; E )  =>  '$auxN'(Vars, M) :- C, !, T'.   '$auxN'(Vars, M) :- E'.
//! \+ G            =>  '$auxN'(Vars) :- G, !, fail.    '$auxN'(Vars).
//! ```
//!
//! `Vars` are the construct's variables; `M` is the cut marker of the clause
//! the construct appears in, and every cut in `A`, `B`, `T` and `E` (written
//! `A'`) becomes `'$cut'(M)`, so a cut inside a disjunction or a then-branch
//! cuts the enclosing clause (cut is *transparent* there). A condition and a
//! negated goal keep their cuts local: they are wrapped in `call/1` when they
//! contain one.

use crate::reader::Term;

/// One goal of a flat conjunction.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// A call through the continuation protocol: a user predicate, a library predicate, an aux predicate.
    Call(String, Vec<Term>),
    /// A deterministic builtin run in line by a native (`write/1`, `functor/3`, ...).
    Inline(&'static str, Vec<Term>),
    /// `X = Y`
    Unify(Term, Term),
    /// `X is E`
    Is(Term, Term),
    /// An arithmetic comparison: the framework operator name and the two expressions.
    Compare(&'static str, Term, Term),
    /// `!` of the clause being compiled.
    CutOwn,
    /// `'$cut'(M)`: cut to the marker held in a variable.
    CutTo(Term),
    /// `'$marker'(M)`: bind M to this predicate's cut marker.
    Marker(Term),
    /// `'$invoke'(G)`: call the predicate G names, with G's arguments.
    Invoke(Term),
    /// `'$catch'(G, C, R)`: the catch/3 frame.
    Catch(Term, Term, Term),
    /// `fail`
    Fail,
}

/// A predicate the normalizer made up for a control construct.
#[derive(Clone, Debug)]
pub struct Aux {
    /// Its name (unique in the run).
    pub name: String,
    /// Its clauses as `Head :- Body` terms.
    pub clauses: Vec<Term>,
}

/// Deterministic builtins compiled to one native call: Prolog name, arity, native global.
pub const INLINE: &[(&str, usize, &str)] = &[
    ("var", 1, "$var"),
    ("nonvar", 1, "$nonvar"),
    ("atom", 1, "$atom"),
    ("number", 1, "$number"),
    ("integer", 1, "$integer"),
    ("float", 1, "$float"),
    ("atomic", 1, "$atomic"),
    ("compound", 1, "$compound"),
    ("callable", 1, "$callable"),
    ("is_list", 1, "$is_list"),
    ("ground", 1, "$ground"),
    ("==", 2, "$eq"),
    ("\\==", 2, "$neq"),
    ("@<", 2, "$lt"),
    ("@>", 2, "$gt"),
    ("@=<", 2, "$le"),
    ("@>=", 2, "$ge"),
    ("compare", 3, "$compare"),
    ("\\=", 2, "$not_unify"),
    ("functor", 3, "$functor"),
    ("=..", 2, "$univ"),
    ("copy_term", 2, "$copy_term"),
    ("atom_codes", 2, "$atom_codes"),
    ("atom_chars", 2, "$atom_chars"),
    ("char_code", 2, "$char_code"),
    ("atom_length", 2, "$atom_length"),
    ("number_codes", 2, "$number_codes"),
    ("number_chars", 2, "$number_chars"),
    ("atom_number", 2, "$atom_number"),
    ("atom_string", 2, "$atom_string"),
    ("atom_to_term", 3, "$atom_to_term"),
    ("term_to_atom", 2, "$term_to_atom"),
    ("upcase_atom", 2, "$upcase_atom"),
    ("downcase_atom", 2, "$downcase_atom"),
    ("write", 1, "$write"),
    ("print", 1, "$print"),
    ("writeln", 1, "$writeln"),
    ("writeq", 1, "$writeq"),
    ("write_canonical", 1, "$write_canonical"),
    ("write_term", 2, "$write_term"),
    ("write", 2, "$write2"),
    ("writeq", 2, "$writeq2"),
    ("nl", 0, "$nl"),
    ("nl", 1, "$nl1"),
    ("tab", 1, "$tab"),
    ("tab", 2, "$tab2"),
    ("put_char", 1, "$put_char"),
    ("format", 1, "$format1"),
    ("format", 2, "$format"),
    ("format", 3, "$format3"),
    ("print_message", 2, "$print_message"),
    ("read_term", 2, "$read_term"),
    ("read", 1, "$read"),
    ("get_char", 1, "$get_char"),
    ("halt", 0, "$halt0"),
    ("halt", 1, "$halt"),
    ("throw", 1, "$throw"),
    ("msort", 2, "$msort"),
    ("sort", 2, "$sort"),
    ("sort", 4, "$sort4"),
    ("keysort", 2, "$keysort"),
    ("op", 3, "$op"),
    ("assert", 1, "$assertz"),
    ("assertz", 1, "$assertz"),
    ("asserta", 1, "$asserta"),
    ("abolish", 1, "$abolish"),
    ("dynamic", 1, "$dynamic"),
    ("discontiguous", 1, "$discontiguous"),
    ("nb_getval", 2, "$nb_getval"),
    ("b_getval", 2, "$nb_getval"),
    ("nb_setval", 2, "$nb_setval"),
    ("b_setval", 2, "$nb_setval"),
    ("succ", 2, "$succ"),
    ("plus", 3, "$plus"),
    ("numbervars", 3, "$numbervars"),
    ("term_variables", 2, "$term_variables"),
    ("atomic_list_concat", 2, "$atomic_list_concat2"),
    ("atomic_list_concat", 3, "$atomic_list_concat3"),
    ("string_to_atom", 2, "$string_to_atom"),
    ("set_prolog_flag", 2, "$set_flag"),
    ("current_prolog_flag", 2, "$get_flag"),
    ("garbage_collect", 0, "$true"),
    ("style_check", 1, "$true1"),
    ("ensure_loaded", 1, "$true1"),
    ("use_module", 1, "$true1"),
    ("use_module", 2, "$true2"),
    ("consult", 1, "$consult"),
    ("flush_output", 0, "$true"),
    ("statistics", 2, "$statistics"),
    ("$clauses", 2, "$clauses"),
    ("$dyn_clauses", 2, "$dyn_clauses"),
    ("$fa_new", 1, "$fa_new"),
    ("$fa_add", 2, "$fa_add"),
    ("$fa_take", 2, "$fa_take"),
    ("$add_args", 3, "$add_args"),
    ("$retract_clause", 2, "$retract_clause"),
    ("$ensure_dynamic", 1, "$ensure_dynamic"),
    ("$bagof_prep", 4, "$bagof_prep"),
    ("$bagof_groups", 2, "$bagof_groups"),
    ("$print_uncaught", 3, "$print_uncaught"),
    ("$warn_failed", 2, "$warn_failed"),
    ("$current_op", 1, "$current_op"),
    ("$atom_concat_det", 3, "$atom_concat_det"),
    ("$atom_splits", 2, "$atom_splits"),
    ("$sub_atom_all", 3, "$sub_atom_all"),
    ("$check_callable", 1, "$check_callable"),
    ("$check_body", 1, "$check_body"),
    ("$length", 2, "$length"),
    ("$partial_list", 3, "$partial_list"),
    ("$arg", 3, "$arg"),
    ("$toplevel_answer", 2, "$toplevel_answer"),
];

/// The native behind an inline builtin.
pub fn inline_native(name: &str, arity: usize) -> Option<&'static str> {
    INLINE
        .iter()
        .find(|(n, a, _)| *n == name && *a == arity)
        .map(|(_, _, g)| *g)
}

/// Arithmetic comparisons and their framework operators.
pub fn comparison(name: &str) -> Option<&'static str> {
    Some(match name {
        "<" => "<",
        ">" => ">",
        "=<" => "<=",
        ">=" => ">=",
        "=:=" => "==",
        "=\\=" => "!=",
        _ => return None,
    })
}

/// Flattens clause bodies; owns the counter that names aux predicates.
pub struct Normalizer {
    /// Prefix that makes aux names unique across REPL inputs.
    pub prefix: String,
    /// How many aux predicates were made.
    pub count: usize,
    /// The aux predicates made so far.
    pub aux: Vec<Aux>,
    /// Number of variables of the clause being normalized (fresh ones are numbered after).
    pub nvars: usize,
}

fn contains_cut(t: &Term) -> bool {
    match t {
        Term::Atom(a) => a == "!",
        Term::Compound(f, args) if args.len() == 2 && matches!(f.as_str(), "," | ";" | "->" | "*->") => {
            args.iter().any(contains_cut)
        }
        _ => false,
    }
}

/// Replaces transparent cuts by `'$cut'(M)`.
fn mark_cuts(t: &Term, m: &Term) -> Term {
    match t {
        Term::Atom(a) if a == "!" => Term::compound("$cut", vec![m.clone()]),
        Term::Compound(f, args) if args.len() == 2 && matches!(f.as_str(), "," | ";") => {
            Term::compound(f, vec![mark_cuts(&args[0], m), mark_cuts(&args[1], m)])
        }
        Term::Compound(f, args) if args.len() == 2 && matches!(f.as_str(), "->" | "*->") => {
            // The condition keeps its own cuts.
            Term::compound(f, vec![args[0].clone(), mark_cuts(&args[1], m)])
        }
        _ => t.clone(),
    }
}

fn vars_of(t: &Term) -> Vec<usize> {
    let mut out = Vec::new();
    t.for_each_var(&mut |v| {
        if !out.contains(&v) {
            out.push(v)
        }
    });
    out
}

impl Normalizer {
    /// A normalizer whose aux predicates are named `'$aux<prefix>_<n>'`.
    pub fn new(prefix: String) -> Normalizer {
        Normalizer {
            prefix,
            count: 0,
            aux: Vec::new(),
            nvars: 0,
        }
    }

    fn fresh_var(&mut self) -> Term {
        self.nvars += 1;
        Term::Var(self.nvars - 1)
    }

    /// Flattens a body into goals, appending to `out`.
    pub fn body(&mut self, t: &Term, out: &mut Vec<Goal>) {
        match t {
            Term::Var(_) => out.push(Goal::Call("call".into(), vec![t.clone()])),
            Term::Atom(a) => match a.as_str() {
                "true" => {}
                "fail" | "false" => out.push(Goal::Fail),
                "!" => out.push(Goal::CutOwn),
                _ => self.simple(a, &[], out),
            },
            Term::Compound(f, args) => match (f.as_str(), args.len()) {
                (",", 2) => {
                    self.body(&args[0], out);
                    self.body(&args[1], out);
                }
                (";", 2) | ("->", 2) | ("*->", 2) | ("\\+", 1) => self.control(t, out),
                ("$cut", 1) => out.push(Goal::CutTo(args[0].clone())),
                ("$marker", 1) => out.push(Goal::Marker(args[0].clone())),
                ("$invoke", 1) => out.push(Goal::Invoke(args[0].clone())),
                ("$catch", 3) => out.push(Goal::Catch(args[0].clone(), args[1].clone(), args[2].clone())),
                ("=", 2) => out.push(Goal::Unify(args[0].clone(), args[1].clone())),
                ("is", 2) => out.push(Goal::Is(args[0].clone(), args[1].clone())),
                ("call", 1) if is_plain_goal(&args[0]) => {
                    // call/1 of a known goal without cuts: the same as the goal.
                    self.body(&args[0], out)
                }
                _ => self.simple(f, args, out),
            },
            _ => {
                // A number as a goal: a type error when it runs.
                out.push(Goal::Call("$type_error_callable".into(), vec![t.clone()]));
            }
        }
    }

    fn simple(&mut self, name: &str, args: &[Term], out: &mut Vec<Goal>) {
        if args.len() == 2 {
            if let Some(op) = comparison(name) {
                out.push(Goal::Compare(op, args[0].clone(), args[1].clone()));
                return;
            }
        }
        match inline_native(name, args.len()) {
            Some(native) => out.push(Goal::Inline(native, args.to_vec())),
            None => out.push(Goal::Call(name.to_string(), args.to_vec())),
        }
    }

    fn new_aux(&mut self, clauses: Vec<Term>) -> String {
        self.count += 1;
        let name = format!("$aux{}_{}", self.prefix, self.count);
        let clauses = clauses
            .into_iter()
            .map(|c| match c {
                Term::Compound(f, mut a) if f == ":-" => {
                    a[0] = match &a[0] {
                        Term::Compound(_, head_args) if !head_args.is_empty() => {
                            Term::Compound(name.clone(), head_args.clone())
                        }
                        _ => Term::Atom(name.clone()),
                    };
                    Term::Compound(f, a)
                }
                other => other,
            })
            .collect();
        self.aux.push(Aux {
            name: name.clone(),
            clauses,
        });
        name
    }

    fn control(&mut self, t: &Term, out: &mut Vec<Goal>) {
        let mut vars = vars_of(t);
        let m = self.fresh_var();
        let needs_m = contains_cut(&strip_conditions(t));
        if needs_m {
            vars.push(match m {
                Term::Var(v) => v,
                _ => unreachable!("fresh_var makes a variable"),
            });
        }
        let head_args: Vec<Term> = vars.iter().map(|v| Term::Var(*v)).collect();
        let head = Term::Compound("$head".into(), head_args.clone());
        let clause = |body: Term| Term::compound(":-", vec![head.clone(), body]);
        let guard = |c: &Term| {
            if contains_cut(c) {
                Term::compound("call", vec![c.clone()])
            } else {
                c.clone()
            }
        };
        let cut = Term::atom("!");
        let mut clauses = Vec::new();
        match t {
            Term::Compound(f, a) if f == "\\+" => {
                let g = guard(&a[0]);
                clauses.push(clause(Term::compound(
                    ",",
                    vec![g, Term::compound(",", vec![cut, Term::atom("fail")])],
                )));
                clauses.push(clause(Term::atom("true")));
            }
            Term::Compound(f, a) if f == "->" => {
                let then = mark_cuts(&a[1], &m);
                clauses.push(clause(Term::compound(
                    ",",
                    vec![guard(&a[0]), Term::compound(",", vec![cut, then])],
                )));
            }
            Term::Compound(f, a) if f == "*->" => {
                clauses.push(clause(Term::compound(",", vec![guard(&a[0]), mark_cuts(&a[1], &m)])));
            }
            Term::Compound(_, a) => {
                // A disjunction; its left branch may be an if-then.
                match &a[0] {
                    Term::Compound(f, c) if f == "->" && c.len() == 2 => {
                        let then = mark_cuts(&c[1], &m);
                        clauses.push(clause(Term::compound(
                            ",",
                            vec![guard(&c[0]), Term::compound(",", vec![cut.clone(), then])],
                        )));
                    }
                    Term::Compound(f, c) if f == "*->" && c.len() == 2 => {
                        // Soft cut: `( C, note a solution, T ; no solution noted, E )`. The
                        // note goes into a findall collector, which backtracking does not undo.
                        let flag = self.fresh_var();
                        let note = Term::compound("$fa_add", vec![flag.clone(), Term::atom("x")]);
                        let then = Term::compound(
                            ",",
                            vec![guard(&c[0]), Term::compound(",", vec![note, mark_cuts(&c[1], &m)])],
                        );
                        let none = Term::compound("$fa_take", vec![flag.clone(), Term::atom("[]")]);
                        let other = Term::compound(",", vec![none, mark_cuts(&a[1], &m)]);
                        let body = Term::compound(
                            ",",
                            vec![
                                Term::compound("$fa_new", vec![flag]),
                                Term::compound(";", vec![then, other]),
                            ],
                        );
                        clauses.push(clause(body));
                        let name = self.new_aux(clauses);
                        if needs_m {
                            out.push(Goal::Marker(m));
                        }
                        out.push(Goal::Call(name, head_args));
                        return;
                    }
                    left => clauses.push(clause(mark_cuts(left, &m))),
                }
                clauses.push(clause(mark_cuts(&a[1], &m)));
            }
            _ => unreachable!("control() is called for control constructs only"),
        }
        let name = self.new_aux(clauses);
        if needs_m {
            out.push(Goal::Marker(m));
        }
        out.push(Goal::Call(name, head_args));
    }
}

/// The term with the conditions of if-then(-else) removed (their cuts are local).
fn strip_conditions(t: &Term) -> Term {
    match t {
        Term::Compound(f, a) if a.len() == 2 && (f == "->" || f == "*->") => strip_conditions(&a[1]),
        Term::Compound(f, a) if a.len() == 2 && (f == "," || f == ";") => {
            Term::compound(f, vec![strip_conditions(&a[0]), strip_conditions(&a[1])])
        }
        Term::Compound(f, _) if f == "\\+" => Term::atom("true"),
        _ => t.clone(),
    }
}

/// A goal that is not a control construct and not a cut: `call/1` of it is the goal itself.
fn is_plain_goal(t: &Term) -> bool {
    match t {
        Term::Atom(a) => a != "!",
        Term::Compound(f, args) => !matches!(
            (f.as_str(), args.len()),
            (",", 2)
                | (";", 2)
                | ("->", 2)
                | ("*->", 2)
                | ("\\+", 1)
                | ("$cut", 1)
                | ("$marker", 1)
                | ("$invoke", 1)
                | ("$catch", 3)
        ),
        _ => false,
    }
}
