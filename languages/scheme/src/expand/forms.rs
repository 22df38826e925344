//! The special forms: each rewritten into core nodes or into simpler syntax.
//!
//! The primitive forms (`quote`, `lambda`, `if`, `set!`, `begin`, `let`,
//! `letrec*`) become core nodes directly. The derived ones are rewritten, as
//! R7RS section 7.3 describes them, into syntax built from [`CORE`]-marked
//! identifiers and expanded again: `cond` and `case` into `if`, `do` and
//! named `let` into a `letrec` of a procedure, `guard` into `call/cc` plus
//! `with-exception-handler`, `parameterize` and `delay` into calls of
//! prelude procedures (`%parameterize`, `%make-promise`), records into
//! definitions over `%record-*` helpers.
//!
//! [`CORE`]: super::CORE

use super::{err, Expander};
use crate::core::{Core, Node};
use crate::reader::{Datum, Ident, Num, Syn};
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::Span;

impl Expander<'_> {
    /// Expands the special form `form` (the head of `items`).
    pub(super) fn special(&mut self, form: &str, s: &Syn, items: &[Syn], name: &str) -> Result<Node, Diagnostic> {
        let span = s.span;
        let args = &items[1..];
        let shape = |what: &str| err(format!("bad {form} form: expected {what}"), span);
        let node = |core| Ok(Node::new(core, span));
        match form {
            "quote" => match args {
                [d] => node(Core::Quote(self.strip(d))),
                _ => Err(shape("(quote datum)")),
            },
            "quasiquote" => match args {
                [d] => {
                    let built = self.quasi(d, 1)?;
                    self.expr(&built)
                }
                _ => Err(shape("(quasiquote datum)")),
            },
            "unquote" | "unquote-splicing" => Err(err(format!("{form} outside quasiquote"), span)),
            "lambda" => match args {
                [formals, body @ ..] if !body.is_empty() => {
                    let l = self.lambda(formals, body, name, span)?;
                    node(Core::Lambda(Box::new(l)))
                }
                _ => Err(shape("(lambda formals body ...)")),
            },
            "define" | "define-syntax" | "define-values" | "define-record-type" => Err(err(
                format!("{form} is only allowed at the top level or at the start of a body"),
                span,
            )),
            "set!" => match args {
                [target, value] => {
                    let id = target.ident().ok_or_else(|| shape("(set! variable value)"))?;
                    let value = self.expr(value)?;
                    match self.resolve(id) {
                        super::Resolved::Local(v) => {
                            self.note_set(v);
                            node(Core::SetLocal(v, Box::new(value)))
                        }
                        super::Resolved::Global(g) => node(Core::SetGlobal(g.to_string(), Box::new(value))),
                        _ => Err(err(
                            format!("cannot assign the syntax keyword '{}'", id.name),
                            target.span,
                        )),
                    }
                }
                _ => Err(shape("(set! variable value)")),
            },
            "if" => match args {
                [c, t] => {
                    let (c, t) = (self.expr(c)?, self.expr(t)?);
                    node(Core::If(
                        Box::new(c),
                        Box::new(t),
                        Box::new(Node::new(Core::Unspecified, span)),
                    ))
                }
                [c, t, e] => {
                    let (c, t, e) = (self.expr(c)?, self.expr(t)?, self.expr(e)?);
                    node(Core::If(Box::new(c), Box::new(t), Box::new(e)))
                }
                _ => Err(shape("(if test then [else])")),
            },
            "begin" => self.sequence(args, span),
            "let" => self.let_form(args, span, name),
            "let*" => match args {
                [bindings, body @ ..] if !body.is_empty() => {
                    let list = bindings
                        .items()
                        .ok_or_else(|| shape("(let* ((name value) ...) body ...)"))?;
                    if list.len() <= 1 {
                        let mut v = vec![self.core_sym("let", span)];
                        v.extend_from_slice(args);
                        return self.expr(&Syn::list(v, span));
                    }
                    let inner_bindings = Syn::list(list[1..].to_vec(), bindings.span);
                    let mut inner = vec![self.core_sym("let*", span), inner_bindings];
                    inner.extend_from_slice(body);
                    let outer = vec![
                        self.core_sym("let", span),
                        Syn::list(vec![list[0].clone()], bindings.span),
                        Syn::list(inner, span),
                    ];
                    self.expr(&Syn::list(outer, span))
                }
                _ => Err(shape("(let* ((name value) ...) body ...)")),
            },
            "letrec" | "letrec*" => match args {
                [bindings, body @ ..] if !body.is_empty() => {
                    let pairs = self.binding_pairs(bindings)?;
                    self.with_scope(|ex| {
                        let vars: Vec<_> = pairs.iter().map(|(id, _)| ex.bind(id)).collect();
                        let mut out = Vec::new();
                        for ((id, init), v) in pairs.iter().zip(&vars) {
                            out.push((*v, ex.expr_named(init, &id.name)?));
                        }
                        let body = ex.body(body, span)?;
                        Ok(Node::new(Core::Letrec(out, Box::new(body)), span))
                    })
                }
                _ => Err(shape("(letrec ((name value) ...) body ...)")),
            },
            "and" => match args {
                [] => node(Core::Quote(Syn::new(Datum::Bool(true), span))),
                [one] => self.expr(one),
                [first, rest @ ..] => {
                    let mut tail = vec![self.core_sym("and", span)];
                    tail.extend_from_slice(rest);
                    let c = self.expr(first)?;
                    let t = self.expr(&Syn::list(tail, span))?;
                    let f = Node::new(Core::Quote(Syn::new(Datum::Bool(false), span)), span);
                    node(Core::If(Box::new(c), Box::new(t), Box::new(f)))
                }
            },
            "or" => match args {
                [] => node(Core::Quote(Syn::new(Datum::Bool(false), span))),
                [one] => self.expr(one),
                [first, rest @ ..] => {
                    let tmp = self.gensym("or");
                    let mut tail = vec![self.core_sym("or", span)];
                    tail.extend_from_slice(rest);
                    let tmp_ref = Syn::new(Datum::Sym(tmp.clone()), span);
                    let form = Syn::list(
                        vec![
                            self.core_sym("let", span),
                            Syn::list(vec![Syn::list(vec![tmp_ref.clone(), first.clone()], span)], span),
                            Syn::list(
                                vec![
                                    self.core_sym("if", span),
                                    tmp_ref.clone(),
                                    tmp_ref,
                                    Syn::list(tail, span),
                                ],
                                span,
                            ),
                        ],
                        span,
                    );
                    self.expr(&form)
                }
            },
            "when" | "unless" => match args {
                [test, body @ ..] if !body.is_empty() => {
                    let c = self.expr(test)?;
                    let b = self.sequence(body, span)?;
                    let u = Node::new(Core::Unspecified, span);
                    if form == "when" {
                        node(Core::If(Box::new(c), Box::new(b), Box::new(u)))
                    } else {
                        node(Core::If(Box::new(c), Box::new(u), Box::new(b)))
                    }
                }
                _ => Err(shape("(when test body ...)")),
            },
            "cond" => {
                let rewritten = self.cond(args, span)?;
                self.expr(&rewritten)
            }
            "case" => {
                let rewritten = self.case(args, span)?;
                self.expr(&rewritten)
            }
            "do" => {
                let rewritten = self.do_loop(args, span)?;
                self.expr(&rewritten)
            }
            "delay" | "delay-force" | "make-promise-lazy" => match args {
                [e] => {
                    let body = if form == "delay" {
                        Syn::list(
                            vec![
                                self.core_sym("%make-promise", span),
                                Syn::new(Datum::Bool(true), span),
                                e.clone(),
                            ],
                            span,
                        )
                    } else {
                        e.clone()
                    };
                    let thunk = Syn::list(vec![self.core_sym("lambda", span), Syn::list(vec![], span), body], span);
                    let call = Syn::list(
                        vec![
                            self.core_sym("%make-promise", span),
                            Syn::new(Datum::Bool(false), span),
                            thunk,
                        ],
                        span,
                    );
                    self.expr(&call)
                }
                _ => Err(shape("(delay expression)")),
            },
            "parameterize" => match args {
                [bindings, body @ ..] if !body.is_empty() => {
                    let pairs = bindings
                        .items()
                        .ok_or_else(|| shape("(parameterize ((param value) ...) body ...)"))?;
                    let mut params = vec![self.core_sym("list", span)];
                    let mut values = vec![self.core_sym("list", span)];
                    for p in pairs {
                        match p.items() {
                            Some([a, b]) => {
                                params.push(a.clone());
                                values.push(b.clone());
                            }
                            _ => return Err(shape("(parameterize ((param value) ...) body ...)")),
                        }
                    }
                    let mut thunk = vec![self.core_sym("lambda", span), Syn::list(vec![], span)];
                    thunk.extend_from_slice(body);
                    let call = Syn::list(
                        vec![
                            self.core_sym("%parameterize", span),
                            Syn::list(params, span),
                            Syn::list(values, span),
                            Syn::list(thunk, span),
                        ],
                        span,
                    );
                    self.expr(&call)
                }
                _ => Err(shape("(parameterize ((param value) ...) body ...)")),
            },
            "guard" => {
                let rewritten = self.guard(args, span)?;
                self.expr(&rewritten)
            }
            "case-lambda" => {
                // (%case-lambda '((nreq . rest?) ...) (lambda formals body ...) ...)
                let mut specs = Vec::new();
                let mut lambdas = vec![self.core_sym("%case-lambda", span), Syn::new(Datum::Bool(false), span)];
                for clause in args {
                    let (formals, body) = match &clause.datum {
                        Datum::List(items, None) if items.len() >= 2 => (&items[0], &items[1..]),
                        _ => return Err(shape("(case-lambda (formals body ...) ...)")),
                    };
                    let (n, rest) = match &formals.datum {
                        Datum::Sym(_) => (0, true),
                        Datum::List(items, tail) => (items.len() as i64, tail.is_some()),
                        _ => return Err(shape("(case-lambda (formals body ...) ...)")),
                    };
                    specs.push(Syn::new(
                        Datum::List(
                            vec![Syn::new(Datum::Num(Num::Int(n)), span)],
                            Some(Box::new(Syn::new(Datum::Bool(rest), span))),
                        ),
                        span,
                    ));
                    let mut l = vec![self.core_sym("lambda", span), formals.clone()];
                    l.extend_from_slice(body);
                    lambdas.push(Syn::list(l, clause.span));
                }
                lambdas[1] = Syn::list(vec![self.core_sym("quote", span), Syn::list(specs, span)], span);
                self.expr_named(&Syn::list(lambdas, span), name)
            }
            "let-values" | "let*-values" => match args {
                [bindings, body @ ..] if !body.is_empty() => {
                    let list = bindings
                        .items()
                        .ok_or_else(|| shape("(let-values (((formals) expr) ...) body ...)"))?;
                    let mut inner = Syn::list(
                        {
                            let mut v = vec![self.core_sym("let", span), Syn::list(vec![], span)];
                            v.extend_from_slice(body);
                            v
                        },
                        span,
                    );
                    for b in list.iter().rev() {
                        let Some([formals, expr]) = b.items() else {
                            return Err(shape("(let-values (((formals) expr) ...) body ...)"));
                        };
                        let producer = Syn::list(
                            vec![self.core_sym("lambda", span), Syn::list(vec![], span), expr.clone()],
                            span,
                        );
                        let consumer = Syn::list(vec![self.core_sym("lambda", span), formals.clone(), inner], span);
                        inner = Syn::list(vec![self.core_sym("call-with-values", span), producer, consumer], span);
                    }
                    self.expr(&inner)
                }
                _ => Err(shape("(let-values (((formals) expr) ...) body ...)")),
            },
            "let-syntax" | "letrec-syntax" => match args {
                [bindings, body @ ..] if !body.is_empty() => {
                    let list = bindings
                        .items()
                        .ok_or_else(|| shape("(let-syntax ((name transformer) ...) body ...)"))?
                        .to_vec();
                    self.with_scope(|ex| {
                        for b in &list {
                            let Some([n, spec]) = b.items() else {
                                return Err(err("expected (name transformer)", b.span));
                            };
                            let id = n.ident().ok_or_else(|| err("expected a macro name", n.span))?.clone();
                            let m = ex.parse_syntax_rules(&id.name, spec)?;
                            ex.bind_macro(id, m);
                        }
                        ex.body(body, span)
                    })
                }
                _ => Err(shape("(let-syntax ((name transformer) ...) body ...)")),
            },
            "syntax-rules" => Err(err("syntax-rules outside define-syntax", span)),
            "import" | "define-library" => node(Core::Unspecified),
            "assert" => match args {
                [e] => {
                    let text = format!(
                        "assertion failed: {}",
                        crate::runtime::printer::syntax_text(&self.strip(e))
                    );
                    let failure = Syn::list(
                        vec![self.core_sym("error", span), Syn::new(Datum::Str(text.into()), span)],
                        span,
                    );
                    let form = Syn::list(vec![self.core_sym("unless", span), e.clone(), failure], span);
                    self.expr(&form)
                }
                _ => Err(shape("(assert expression)")),
            },
            "%apply" => match args {
                [f, list] => {
                    let (f, list) = (self.expr(f)?, self.expr(list)?);
                    node(Core::Apply(Box::new(f), Box::new(list)))
                }
                _ => Err(shape("(%apply procedure list)")),
            },
            "%try" => match args {
                [thunk, handler] => {
                    let (t, h) = (self.expr(thunk)?, self.expr(handler)?);
                    node(Core::Try(Box::new(t), Box::new(h)))
                }
                _ => Err(shape("(%try thunk handler)")),
            },
            other => Err(err(format!("unknown special form {other}"), span)),
        }
    }

    /// `((name init) ...)` as identifier/init pairs.
    fn binding_pairs(&self, bindings: &Syn) -> Result<Vec<(Ident, Syn)>, Diagnostic> {
        let list = bindings
            .items()
            .ok_or_else(|| err("expected a list of (name value) bindings", bindings.span))?;
        let mut out = Vec::new();
        for b in list {
            match b.items() {
                Some([n, init]) => {
                    let id = n
                        .ident()
                        .ok_or_else(|| err("a binding name must be an identifier", n.span))?;
                    out.push((id.clone(), init.clone()));
                }
                Some([n]) => {
                    let id = n
                        .ident()
                        .ok_or_else(|| err("a binding name must be an identifier", n.span))?;
                    out.push((id.clone(), self.core_list(&["%unspecified"], n.span)));
                }
                _ => return Err(err("expected (name value)", b.span)),
            }
        }
        Ok(out)
    }

    fn let_form(&mut self, args: &[Syn], span: Span, name: &str) -> Result<Node, Diagnostic> {
        let _ = name;
        match args {
            [Syn {
                datum: Datum::Sym(loop_name),
                ..
            }, bindings, body @ ..]
                if !body.is_empty() =>
            {
                // Named let: (letrec ((name (lambda (var ...) body ...))) (name init ...)),
                // with the inits evaluated outside the scope of `name`.
                let pairs = self.binding_pairs(bindings)?;
                let inits = pairs.iter().map(|(_, i)| self.expr(i)).collect::<Result<Vec<_>, _>>()?;
                let formals = Syn::list(
                    pairs
                        .iter()
                        .map(|(id, _)| Syn::new(Datum::Sym(id.clone()), span))
                        .collect(),
                    bindings.span,
                );
                let loop_name = loop_name.clone();
                self.with_scope(|ex| {
                    let v = ex.bind(&loop_name);
                    let l = ex.lambda(&formals, body, &loop_name.name, span)?;
                    let call = Node::new(Core::Call(Box::new(Node::new(Core::Local(v), span)), inits), span);
                    Ok(Node::new(
                        Core::Letrec(vec![(v, Node::new(Core::Lambda(Box::new(l)), span))], Box::new(call)),
                        span,
                    ))
                })
            }
            [bindings, body @ ..] if !body.is_empty() => {
                let pairs = self.binding_pairs(bindings)?;
                let inits = pairs
                    .iter()
                    .map(|(id, i)| self.expr_named(i, &id.name))
                    .collect::<Result<Vec<_>, _>>()?;
                self.with_scope(|ex| {
                    let vars: Vec<_> = pairs.iter().map(|(id, _)| ex.bind(id)).collect();
                    let body = ex.body(body, span)?;
                    if vars.is_empty() {
                        return Ok(body);
                    }
                    Ok(Node::new(
                        Core::Let(vars.into_iter().zip(inits).collect(), Box::new(body)),
                        span,
                    ))
                })
            }
            _ => Err(err("bad let form: expected (let ((name value) ...) body ...)", span)),
        }
    }

    fn cond(&mut self, clauses: &[Syn], span: Span) -> Result<Syn, Diagnostic> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(self.core_list(&["%unspecified"], span));
        };
        let items = first
            .items()
            .filter(|i| !i.is_empty())
            .ok_or_else(|| err("a cond clause must be (test body ...)", first.span))?;
        let mut rest_form = vec![self.core_sym("cond", span)];
        rest_form.extend_from_slice(rest);
        let rest_form = Syn::list(rest_form, span);
        if self.is_keyword(&items[0], "else") {
            let mut b = vec![self.core_sym("begin", first.span)];
            b.extend_from_slice(&items[1..]);
            return Ok(Syn::list(b, first.span));
        }
        if items.len() == 3 && self.is_keyword(&items[1], "=>") {
            let tmp = Syn::new(Datum::Sym(self.gensym("cond")), first.span);
            let call = Syn::list(vec![items[2].clone(), tmp.clone()], first.span);
            return Ok(Syn::list(
                vec![
                    self.core_sym("let", span),
                    Syn::list(vec![Syn::list(vec![tmp.clone(), items[0].clone()], span)], span),
                    Syn::list(vec![self.core_sym("if", span), tmp, call, rest_form], span),
                ],
                span,
            ));
        }
        if items.len() == 1 {
            return Ok(Syn::list(
                vec![self.core_sym("or", span), items[0].clone(), rest_form],
                span,
            ));
        }
        let mut b = vec![self.core_sym("begin", first.span)];
        b.extend_from_slice(&items[1..]);
        Ok(Syn::list(
            vec![
                self.core_sym("if", span),
                items[0].clone(),
                Syn::list(b, first.span),
                rest_form,
            ],
            first.span,
        ))
    }

    fn case(&mut self, args: &[Syn], span: Span) -> Result<Syn, Diagnostic> {
        let Some((key, clauses)) = args.split_first() else {
            return Err(err("bad case form: expected (case key clause ...)", span));
        };
        let tmp = Syn::new(Datum::Sym(self.gensym("key")), span);
        let mut cond = vec![self.core_sym("cond", span)];
        for clause in clauses {
            let items = clause
                .items()
                .filter(|i| i.len() >= 2)
                .ok_or_else(|| err("a case clause must be ((datum ...) body ...)", clause.span))?;
            let test = if self.is_keyword(&items[0], "else") {
                self.core_sym("else", clause.span)
            } else {
                let data = items[0]
                    .items()
                    .ok_or_else(|| err("a case clause must start with a list of data", items[0].span))?;
                let quoted = Syn::list(
                    vec![self.core_sym("quote", span), Syn::list(data.to_vec(), items[0].span)],
                    items[0].span,
                );
                Syn::list(vec![self.core_sym("memv", span), tmp.clone(), quoted], items[0].span)
            };
            let body = if items.len() == 3 && self.is_keyword(&items[1], "=>") {
                vec![Syn::list(vec![items[2].clone(), tmp.clone()], clause.span)]
            } else {
                items[1..].to_vec()
            };
            let mut c = vec![test];
            c.extend(body);
            cond.push(Syn::list(c, clause.span));
        }
        Ok(Syn::list(
            vec![
                self.core_sym("let", span),
                Syn::list(vec![Syn::list(vec![tmp, key.clone()], span)], span),
                Syn::list(cond, span),
            ],
            span,
        ))
    }

    fn do_loop(&mut self, args: &[Syn], span: Span) -> Result<Syn, Diagnostic> {
        let shape = || {
            err(
                "bad do form: expected (do ((var init step) ...) (test expr ...) command ...)",
                span,
            )
        };
        let [specs, end, commands @ ..] = args else {
            return Err(shape());
        };
        let specs = specs.items().ok_or_else(shape)?;
        let end = end.items().filter(|e| !e.is_empty()).ok_or_else(shape)?;
        let loop_name = Syn::new(Datum::Sym(self.gensym("do")), span);
        let mut bindings = Vec::new();
        let mut steps = vec![loop_name.clone()];
        for s in specs {
            match s.items() {
                Some([v, init]) => {
                    bindings.push(Syn::list(vec![v.clone(), init.clone()], s.span));
                    steps.push(v.clone());
                }
                Some([v, init, step]) => {
                    bindings.push(Syn::list(vec![v.clone(), init.clone()], s.span));
                    steps.push(step.clone());
                }
                _ => return Err(shape()),
            }
        }
        let mut result = vec![self.core_sym("begin", span), self.core_list(&["%unspecified"], span)];
        result.extend_from_slice(&end[1..]);
        let mut again = vec![self.core_sym("begin", span)];
        again.extend_from_slice(commands);
        again.push(Syn::list(steps, span));
        Ok(Syn::list(
            vec![
                self.core_sym("let", span),
                loop_name,
                Syn::list(bindings, span),
                Syn::list(
                    vec![
                        self.core_sym("if", span),
                        end[0].clone(),
                        Syn::list(result, span),
                        Syn::list(again, span),
                    ],
                    span,
                ),
            ],
            span,
        ))
    }

    /// R7RS 7.3's `guard`: the body runs under a handler that escapes to the
    /// guard's continuation to evaluate the clauses; with no matching clause,
    /// the condition is re-raised (`raise-continuable`) where it was raised.
    fn guard(&mut self, args: &[Syn], span: Span) -> Result<Syn, Diagnostic> {
        let shape = || err("bad guard form: expected (guard (var clause ...) body ...)", span);
        let [spec, body @ ..] = args else {
            return Err(shape());
        };
        let spec_items = spec.items().filter(|s| !s.is_empty()).ok_or_else(shape)?;
        let var = spec_items[0].clone();
        let clauses = &spec_items[1..];
        let sym = |ex: &mut Self, p: &str| Syn::new(Datum::Sym(ex.gensym(p)), span);
        let (guard_k, condition, handler_k, vals) = (sym(self, "gk"), sym(self, "c"), sym(self, "hk"), sym(self, "v"));
        let l = |ex: &Self, formals: Syn, body: Vec<Syn>| {
            let mut v = vec![ex.core_sym("lambda", span), formals];
            v.extend(body);
            Syn::list(v, span)
        };
        let nil = Syn::list(vec![], span);
        let reraise = l(
            self,
            nil.clone(),
            vec![Syn::list(
                vec![self.core_sym("raise-continuable", span), condition.clone()],
                span,
            )],
        );
        let has_else = clauses
            .last()
            .and_then(|c| c.items())
            .and_then(|i| i.first())
            .is_some_and(|h| self.is_keyword(h, "else"));
        let mut cond = vec![self.core_sym("cond", span)];
        cond.extend_from_slice(clauses);
        if !has_else {
            cond.push(Syn::list(
                vec![
                    self.core_sym("else", span),
                    Syn::list(vec![handler_k.clone(), reraise], span),
                ],
                span,
            ));
        }
        let clause_thunk = l(
            self,
            nil.clone(),
            vec![Syn::list(
                vec![
                    self.core_sym("let", span),
                    Syn::list(vec![Syn::list(vec![var, condition.clone()], span)], span),
                    Syn::list(cond, span),
                ],
                span,
            )],
        );
        let handler = l(
            self,
            Syn::list(vec![condition.clone()], span),
            vec![Syn::list(
                vec![Syn::list(
                    vec![
                        self.core_sym("call/cc", span),
                        l(
                            self,
                            Syn::list(vec![handler_k], span),
                            vec![Syn::list(vec![guard_k.clone(), clause_thunk], span)],
                        ),
                    ],
                    span,
                )],
                span,
            )],
        );
        let producer = l(self, nil.clone(), body.to_vec());
        let deliver = l(
            self,
            vals.clone(),
            vec![Syn::list(
                vec![
                    guard_k.clone(),
                    l(
                        self,
                        nil.clone(),
                        vec![Syn::list(
                            vec![self.core_sym("apply", span), self.core_sym("values", span), vals],
                            span,
                        )],
                    ),
                ],
                span,
            )],
        );
        let thunk = l(
            self,
            nil,
            vec![Syn::list(
                vec![self.core_sym("call-with-values", span), producer, deliver],
                span,
            )],
        );
        let weh = Syn::list(
            vec![self.core_sym("with-exception-handler", span), handler, thunk],
            span,
        );
        let outer = l(self, Syn::list(vec![guard_k], span), vec![weh]);
        Ok(Syn::list(
            vec![Syn::list(vec![self.core_sym("call/cc", span), outer], span)],
            span,
        ))
    }

    /// Quasiquote at nesting `depth`, as list-building syntax.
    fn quasi(&mut self, d: &Syn, depth: u32) -> Result<Syn, Diagnostic> {
        let span = d.span;
        let quote = |ex: &Self, x: &Syn| Syn::list(vec![ex.core_sym("quote", span), x.clone()], span);
        match &d.datum {
            Datum::List(items, tail) if !items.is_empty() => {
                if let Some(head) = items[0].ident() {
                    let base = self.base_name(head);
                    if items.len() == 2 && tail.is_none() {
                        match &*base {
                            "unquote" if depth == 1 => return Ok(items[1].clone()),
                            "unquote" | "unquote-splicing" | "quasiquote" => {
                                let next = if &*base == "quasiquote" { depth + 1 } else { depth - 1 };
                                let inner = self.quasi(&items[1], next)?;
                                return Ok(Syn::list(
                                    vec![self.core_sym("list", span), quote(self, &self.strip(&items[0])), inner],
                                    span,
                                ));
                            }
                            _ => {}
                        }
                    }
                }
                // `(a . ,x)` was read as `(a unquote x)`: the last two items are the tail.
                let n = items.len();
                let dotted_unquote =
                    tail.is_none() && n >= 3 && items[n - 2].ident().is_some_and(|i| &*self.base_name(i) == "unquote");
                let (items, mut acc) = if dotted_unquote {
                    let t = Syn::list(items[n - 2..].to_vec(), items[n - 2].span);
                    (&items[..n - 2], self.quasi(&t, depth)?)
                } else {
                    let acc = match tail {
                        Some(t) => self.quasi(t, depth)?,
                        None => quote(self, &Syn::list(vec![], span)),
                    };
                    (&items[..], acc)
                };
                for item in items.iter().rev() {
                    let splice = match item.items() {
                        Some([h, e])
                            if depth == 1 && h.ident().is_some_and(|i| &*self.base_name(i) == "unquote-splicing") =>
                        {
                            Some(e.clone())
                        }
                        _ => None,
                    };
                    acc = match splice {
                        Some(e) => Syn::list(vec![self.core_sym("append", span), e, acc], span),
                        None => {
                            let x = self.quasi(item, depth)?;
                            Syn::list(vec![self.core_sym("cons", span), x, acc], span)
                        }
                    };
                }
                Ok(acc)
            }
            Datum::Vector(items) => {
                let as_list = self.quasi(&Syn::list(items.clone(), span), depth)?;
                Ok(Syn::list(vec![self.core_sym("list->vector", span), as_list], span))
            }
            _ => Ok(quote(self, &self.strip(d))),
        }
    }

    /// `define-values` and `define-record-type` as plain definitions.
    pub(super) fn rewrite_definition(&mut self, head: &str, f: &Syn, items: &[Syn]) -> Result<Vec<Syn>, Diagnostic> {
        let span = f.span;
        let define = |ex: &Self, name: Syn, value: Syn| Syn::list(vec![ex.core_sym("define", span), name, value], span);
        if head == "define-values" {
            let [_, formals, expr] = items else {
                return Err(err(
                    "bad define-values form: expected (define-values formals expr)",
                    span,
                ));
            };
            let (names, rest): (Vec<Syn>, Option<Syn>) = match &formals.datum {
                Datum::List(xs, t) => (xs.clone(), t.as_deref().cloned()),
                Datum::Sym(_) => (vec![], Some(formals.clone())),
                _ => return Err(err("bad define-values formals", formals.span)),
            };
            let mut out = Vec::new();
            let mut temps = Vec::new();
            let mut sets = Vec::new();
            for n in names.iter().chain(rest.iter()) {
                out.push(define(self, n.clone(), self.core_list(&["%unspecified"], span)));
                let t = Syn::new(Datum::Sym(self.gensym("dv")), span);
                sets.push(Syn::list(vec![self.core_sym("set!", span), n.clone(), t.clone()], span));
                temps.push(t);
            }
            let tformals = match rest {
                Some(_) => {
                    let last = temps.pop().expect("a rest temp");
                    Syn::new(Datum::List(temps, Some(Box::new(last))), span)
                }
                None => Syn::list(temps, span),
            };
            let producer = Syn::list(
                vec![self.core_sym("lambda", span), Syn::list(vec![], span), expr.clone()],
                span,
            );
            let mut consumer = vec![self.core_sym("lambda", span), tformals];
            consumer.extend(sets);
            consumer.push(self.core_list(&["%unspecified"], span));
            out.push(Syn::list(
                vec![
                    self.core_sym("call-with-values", span),
                    producer,
                    Syn::list(consumer, span),
                ],
                span,
            ));
            return Ok(out);
        }
        // (define-record-type name (ctor field ...) pred (field accessor [modifier]) ...)
        let shape = || {
            err("bad define-record-type form: expected (define-record-type name (constructor field ...) predicate (field accessor [modifier]) ...)", span)
        };
        let [_, tname, ctor, pred, fields @ ..] = items else {
            return Err(shape());
        };
        let type_id = match &tname.datum {
            Datum::Sym(_) => tname.clone(),
            Datum::List(xs, None) if !xs.is_empty() => xs[0].clone(),
            _ => return Err(shape()),
        };
        let mut field_names = Vec::new();
        for fs in fields {
            let fi = fs.items().filter(|x| !x.is_empty()).ok_or_else(shape)?;
            field_names.push(self.strip(&fi[0]));
        }
        let q = |ex: &Self, x: Syn| Syn::list(vec![ex.core_sym("quote", span), x], span);
        let mut out = vec![define(
            self,
            type_id.clone(),
            Syn::list(
                vec![
                    self.core_sym("%make-record-type", span),
                    q(self, self.strip(&type_id)),
                    q(self, Syn::list(field_names.clone(), span)),
                ],
                span,
            ),
        )];
        if let Some(ci) = ctor.items().filter(|c| !c.is_empty()) {
            let args: Vec<Syn> = ci[1..].to_vec();
            let mut make = vec![self.core_sym("%make-record", span), type_id.clone()];
            for fname in &field_names {
                let found = args.iter().find(|a| {
                    a.ident().is_some_and(|id| {
                        self.base_name(id) == *fname.ident().map(|i| &i.name).expect("stripped symbol")
                    })
                });
                make.push(match found {
                    Some(a) => a.clone(),
                    None => Syn::new(Datum::Bool(false), span),
                });
            }
            let lambda = Syn::list(
                vec![
                    self.core_sym("lambda", span),
                    Syn::list(args, span),
                    Syn::list(make, span),
                ],
                span,
            );
            out.push(define(self, ci[0].clone(), lambda));
        } else if let Datum::Sym(_) = ctor.datum {
            let all: Vec<Syn> = field_names.iter().map(|n| Syn::new(n.datum.clone(), span)).collect();
            let mut make = vec![self.core_sym("%make-record", span), type_id.clone()];
            make.extend(all.iter().cloned());
            let lambda = Syn::list(
                vec![
                    self.core_sym("lambda", span),
                    Syn::list(all, span),
                    Syn::list(make, span),
                ],
                span,
            );
            out.push(define(self, ctor.clone(), lambda));
        }
        let x = Syn::new(Datum::Sym(self.gensym("r")), span);
        let v = Syn::new(Datum::Sym(self.gensym("v")), span);
        if pred.ident().is_some() {
            let body = Syn::list(vec![self.core_sym("%record?", span), x.clone(), type_id.clone()], span);
            out.push(define(
                self,
                pred.clone(),
                Syn::list(
                    vec![self.core_sym("lambda", span), Syn::list(vec![x.clone()], span), body],
                    span,
                ),
            ));
        }
        for (i, fs) in fields.iter().enumerate() {
            let fi = fs.items().unwrap_or(&[]);
            let index = Syn::new(Datum::Num(Num::Int(i as i64)), span);
            if let Some(acc) = fi.get(1) {
                let body = Syn::list(
                    vec![
                        self.core_sym("%record-ref", span),
                        x.clone(),
                        type_id.clone(),
                        index.clone(),
                        q(self, self.strip(acc)),
                    ],
                    span,
                );
                out.push(define(
                    self,
                    acc.clone(),
                    Syn::list(
                        vec![self.core_sym("lambda", span), Syn::list(vec![x.clone()], span), body],
                        span,
                    ),
                ));
            }
            if let Some(modifier) = fi.get(2) {
                let body = Syn::list(
                    vec![
                        self.core_sym("%record-set!", span),
                        x.clone(),
                        type_id.clone(),
                        index,
                        v.clone(),
                        q(self, self.strip(modifier)),
                    ],
                    span,
                );
                out.push(define(
                    self,
                    modifier.clone(),
                    Syn::list(
                        vec![
                            self.core_sym("lambda", span),
                            Syn::list(vec![x.clone(), v.clone()], span),
                            body,
                        ],
                        span,
                    ),
                ));
            }
        }
        Ok(out)
    }
}

/// The identifier of a symbol datum (for callers outside the expander).
pub fn ident_of(s: &Syn) -> Option<&Ident> {
    s.ident()
}
