//! `syntax-rules`: pattern matching on syntax and template instantiation.
//!
//! A macro is a list of rules `(pattern template)`. Using it matches the form
//! against each pattern in turn; the first match binds *pattern variables*
//! (to one piece of syntax, or, under an ellipsis, to a sequence of them),
//! and the template is copied with the variables replaced.
//!
//! Hygiene, the part that matters most in practice: every identifier the
//! template *introduces* (one that is not a pattern variable) is renamed to a
//! fresh alias, recorded in the expander's alias table with the identifier it
//! stands for. A temporary the macro binds (`(let ((tmp ...)) ...)`) is then
//! a different variable from any `tmp` of the user, and a free identifier of
//! the template (`if`, `list`, a global helper) still resolves to what it
//! named where the macro was written, by falling back through the alias table
//! (see `Expander::resolve`).

use super::Expander;
use crate::reader::{Datum, Ident, Syn};
use std::collections::HashMap;
use std::sync::Arc;
use workbench_framework::diagnostic::Diagnostic;

/// A `syntax-rules` transformer.
#[derive(Debug)]
pub struct Macro {
    /// The macro's name, for messages.
    pub name: String,
    /// The ellipsis identifier's name (`...` unless given).
    pub ellipsis: Arc<str>,
    /// Literal identifiers.
    pub literals: Vec<Ident>,
    /// `(pattern, template)` pairs, tried in order.
    pub rules: Vec<(Syn, Syn)>,
    /// Local scopes open where the macro was defined (0 at top level).
    pub depth: usize,
}

/// What a pattern variable matched.
#[derive(Clone, Debug)]
enum Bound {
    One(Syn),
    Many(Vec<Bound>),
}

type Binds = HashMap<Ident, Bound>;

impl Expander<'_> {
    /// Parses `(syntax-rules (literal ...) (pattern template) ...)`.
    pub(super) fn parse_syntax_rules(&mut self, name: &str, spec: &Syn) -> Result<Arc<Macro>, Diagnostic> {
        let bad = || {
            Diagnostic::new(
                "SyntaxError",
                "expected (syntax-rules (literal ...) (pattern template) ...)",
                Some(spec.span),
            )
        };
        let items = spec.items().ok_or_else(bad)?;
        let head = items.first().and_then(Syn::ident).ok_or_else(bad)?;
        if self.base_name(head).as_ref() != "syntax-rules" {
            return Err(Diagnostic::new(
                "SyntaxError",
                "only syntax-rules transformers are supported",
                Some(spec.span),
            ));
        }
        let mut rest = &items[1..];
        let mut ellipsis: Arc<str> = "...".into();
        if let Some(id) = rest.first().and_then(Syn::ident) {
            ellipsis = self.base_name(id);
            rest = &rest[1..];
        }
        let lits = rest.first().and_then(Syn::items).ok_or_else(bad)?;
        let mut literals = Vec::new();
        for l in lits {
            literals.push(l.ident().ok_or_else(bad)?.clone());
        }
        let mut rules = Vec::new();
        for rule in &rest[1..] {
            match rule.items() {
                Some([pattern, template]) => rules.push((pattern.clone(), template.clone())),
                _ => return Err(bad()),
            }
        }
        Ok(Arc::new(Macro {
            name: name.to_string(),
            ellipsis,
            literals,
            rules,
            depth: self.scopes.len(),
        }))
    }

    /// Expands one use of a macro.
    pub(super) fn apply_macro(&mut self, m: &Macro, form: &Syn) -> Result<Syn, Diagnostic> {
        for (pattern, template) in &m.rules {
            let mut binds = Binds::new();
            // The keyword position is ignored.
            let ok = match (&pattern.datum, &form.datum) {
                (Datum::List(p, pt), Datum::List(f, ft)) if !p.is_empty() && !f.is_empty() => {
                    self.match_list(m, &p[1..], pt.as_deref(), &f[1..], ft.as_deref(), form, &mut binds)
                }
                _ => false,
            };
            if ok {
                let mut renames = HashMap::new();
                return self.instantiate(m, template, &binds, &mut renames, form);
            }
        }
        Err(Diagnostic::new(
            "SyntaxError",
            format!("no syntax-rules pattern of '{}' matches this form", m.name),
            Some(form.span),
        ))
    }

    fn is_ellipsis(&self, m: &Macro, s: &Syn) -> bool {
        s.ident().is_some_and(|id| self.base_name(id) == m.ellipsis)
    }

    #[allow(clippy::too_many_arguments)]
    fn match_list(
        &mut self,
        m: &Macro,
        pats: &[Syn],
        ptail: Option<&Syn>,
        items: &[Syn],
        ftail: Option<&Syn>,
        whole: &Syn,
        binds: &mut Binds,
    ) -> bool {
        let ell = pats.iter().position(|p| self.is_ellipsis(m, p));
        match ell {
            Some(k) if k > 0 => {
                let before = &pats[..k - 1];
                let repeated = &pats[k - 1];
                let after = &pats[k + 1..];
                if items.len() < before.len() + after.len() {
                    return false;
                }
                let n = items.len() - before.len() - after.len();
                for (p, f) in before.iter().zip(items) {
                    if !self.match_pattern(m, p, f, binds) {
                        return false;
                    }
                }
                let mut seqs: Vec<Binds> = Vec::with_capacity(n);
                for f in &items[before.len()..before.len() + n] {
                    let mut b = Binds::new();
                    if !self.match_pattern(m, repeated, f, &mut b) {
                        return false;
                    }
                    seqs.push(b);
                }
                for var in self.pattern_vars(m, repeated) {
                    let all = seqs
                        .iter()
                        .map(|b| b.get(&var).cloned().unwrap_or(Bound::Many(Vec::new())))
                        .collect();
                    binds.insert(var, Bound::Many(all));
                }
                for (p, f) in after.iter().zip(&items[before.len() + n..]) {
                    if !self.match_pattern(m, p, f, binds) {
                        return false;
                    }
                }
                match ptail {
                    Some(t) => {
                        let rest = match ftail {
                            Some(ft) => ft.clone(),
                            None => Syn::list(Vec::new(), whole.span),
                        };
                        self.match_pattern(m, t, &rest, binds)
                    }
                    None => ftail.is_none(),
                }
            }
            _ => {
                if items.len() < pats.len() {
                    return false;
                }
                for (p, f) in pats.iter().zip(items) {
                    if !self.match_pattern(m, p, f, binds) {
                        return false;
                    }
                }
                let rest_items = &items[pats.len()..];
                match ptail {
                    Some(t) => {
                        let rest = if rest_items.is_empty() {
                            match ftail {
                                Some(ft) => ft.clone(),
                                None => Syn::list(Vec::new(), whole.span),
                            }
                        } else {
                            let span = rest_items[0].span;
                            Syn::new(
                                Datum::List(rest_items.to_vec(), ftail.map(|t| Box::new(t.clone()))),
                                span,
                            )
                        };
                        self.match_pattern(m, t, &rest, binds)
                    }
                    None => rest_items.is_empty() && ftail.is_none(),
                }
            }
        }
    }

    fn match_pattern(&mut self, m: &Macro, p: &Syn, f: &Syn, binds: &mut Binds) -> bool {
        match &p.datum {
            Datum::Sym(id) => {
                if m.literals.contains(id) {
                    return f.ident().is_some_and(|fid| self.same_binding(fid, id));
                }
                if self.base_name(id).as_ref() == "_" {
                    return true;
                }
                binds.insert(id.clone(), Bound::One(f.clone()));
                true
            }
            Datum::List(pats, ptail) => match &f.datum {
                Datum::List(items, ftail) => {
                    self.match_list(m, pats, ptail.as_deref(), items, ftail.as_deref(), f, binds)
                }
                _ => false,
            },
            Datum::Vector(pats) => match &f.datum {
                Datum::Vector(items) => self.match_list(m, pats, None, items, None, f, binds),
                _ => false,
            },
            other => *other == f.datum,
        }
    }

    fn pattern_vars(&self, m: &Macro, p: &Syn) -> Vec<Ident> {
        let mut out = Vec::new();
        self.collect_vars(m, p, &mut out);
        out
    }

    fn collect_vars(&self, m: &Macro, p: &Syn, out: &mut Vec<Ident>) {
        match &p.datum {
            Datum::Sym(id) => {
                let base = self.base_name(id);
                if !m.literals.contains(id) && base.as_ref() != "_" && base != m.ellipsis {
                    out.push(id.clone());
                }
            }
            Datum::List(items, tail) => {
                for i in items {
                    self.collect_vars(m, i, out);
                }
                if let Some(t) = tail {
                    self.collect_vars(m, t, out);
                }
            }
            Datum::Vector(items) => {
                for i in items {
                    self.collect_vars(m, i, out);
                }
            }
            _ => {}
        }
    }

    fn instantiate(
        &mut self,
        m: &Macro,
        t: &Syn,
        binds: &Binds,
        renames: &mut HashMap<Ident, u32>,
        use_site: &Syn,
    ) -> Result<Syn, Diagnostic> {
        self.expanded += 1;
        if self.expanded > super::MAX_EXPANSION {
            return Err(Diagnostic::new(
                "SyntaxError",
                format!("macro expansion of '{}' grows without bound", m.name),
                Some(use_site.span),
            ));
        }
        match &t.datum {
            Datum::Sym(id) => match binds.get(id) {
                Some(Bound::One(s)) => {
                    // Copying a matched piece costs its size: count it against the budget.
                    self.expanded += syn_size(s);
                    Ok(s.clone())
                }
                Some(Bound::Many(_)) => Err(Diagnostic::new(
                    "SyntaxError",
                    format!(
                        "pattern variable '{}' used without an ellipsis in '{}'",
                        id.name, m.name
                    ),
                    Some(t.span),
                )),
                None => {
                    let mark = match renames.get(id) {
                        Some(&k) => k,
                        None => {
                            let k = self.new_alias(id.clone(), m.depth);
                            renames.insert(id.clone(), k);
                            k
                        }
                    };
                    Ok(Syn::new(
                        Datum::Sym(Ident {
                            name: id.name.clone(),
                            mark,
                        }),
                        use_site.span,
                    ))
                }
            },
            Datum::List(items, tail) => {
                // `(... ...)` is a literal ellipsis.
                if let [a, b] = items.as_slice() {
                    if tail.is_none() && self.is_ellipsis(m, a) {
                        return self.instantiate(m, b, &Binds::new(), renames, use_site).map(|mut s| {
                            if let Datum::Sym(id) = &s.datum {
                                s.datum = Datum::Sym(Ident::plain(&id.name));
                            }
                            s
                        });
                    }
                }
                let out = self.instantiate_seq(m, items, binds, renames, use_site)?;
                let tail = match tail {
                    Some(tl) => Some(Box::new(self.instantiate(m, tl, binds, renames, use_site)?)),
                    None => None,
                };
                // A tail that instantiated to a list is spliced in: `(a . (b c))` is `(a b c)`.
                Ok(match tail {
                    Some(tl) => match tl.datum {
                        Datum::List(more, rest) => {
                            let mut all = out;
                            all.extend(more);
                            Syn::new(Datum::List(all, rest), use_site.span)
                        }
                        _ => Syn::new(Datum::List(out, Some(tl)), use_site.span),
                    },
                    None => Syn::new(Datum::List(out, None), use_site.span),
                })
            }
            Datum::Vector(items) => {
                let out = self.instantiate_seq(m, items, binds, renames, use_site)?;
                Ok(Syn::new(Datum::Vector(out), use_site.span))
            }
            _ => Ok(Syn::new(t.datum.clone(), use_site.span)),
        }
    }

    fn instantiate_seq(
        &mut self,
        m: &Macro,
        items: &[Syn],
        binds: &Binds,
        renames: &mut HashMap<Ident, u32>,
        use_site: &Syn,
    ) -> Result<Vec<Syn>, Diagnostic> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let item = &items[i];
            let mut depth = 0;
            while i + 1 + depth < items.len() && self.is_ellipsis(m, &items[i + 1 + depth]) {
                depth += 1;
            }
            if depth == 0 {
                out.push(self.instantiate(m, item, binds, renames, use_site)?);
                i += 1;
                continue;
            }
            let mut results = Vec::new();
            self.instantiate_repeated(m, item, binds, renames, use_site, depth, &mut results)?;
            out.extend(results);
            i += 1 + depth;
        }
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn instantiate_repeated(
        &mut self,
        m: &Macro,
        item: &Syn,
        binds: &Binds,
        renames: &mut HashMap<Ident, u32>,
        use_site: &Syn,
        depth: usize,
        out: &mut Vec<Syn>,
    ) -> Result<(), Diagnostic> {
        let vars: Vec<Ident> = self
            .pattern_vars(m, item)
            .into_iter()
            .filter(|v| matches!(binds.get(v), Some(Bound::Many(_))))
            .collect();
        if vars.is_empty() {
            return Err(Diagnostic::new(
                "SyntaxError",
                format!("no pattern variable to repeat before the ellipsis in '{}'", m.name),
                Some(item.span),
            ));
        }
        let len = vars
            .iter()
            .filter_map(|v| match binds.get(v) {
                Some(Bound::Many(xs)) => Some(xs.len()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        for k in 0..len {
            let mut inner = binds.clone();
            for v in &vars {
                if let Some(Bound::Many(xs)) = binds.get(v) {
                    match xs.get(k) {
                        Some(x) => {
                            inner.insert(v.clone(), x.clone());
                        }
                        None => {
                            inner.remove(v);
                        }
                    }
                }
            }
            if depth > 1 {
                self.instantiate_repeated(m, item, &inner, renames, use_site, depth - 1, out)?;
            } else {
                out.push(self.instantiate(m, item, &inner, renames, use_site)?);
            }
        }
        Ok(())
    }
}

/// Number of nodes in a piece of syntax.
fn syn_size(s: &Syn) -> usize {
    match &s.datum {
        Datum::List(items, tail) => 1 + items.iter().map(syn_size).sum::<usize>() + tail.as_deref().map_or(0, syn_size),
        Datum::Vector(items) => 1 + items.iter().map(syn_size).sum::<usize>(),
        _ => 1,
    }
}
