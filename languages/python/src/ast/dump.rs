//! A compact, readable rendering of the tree, for `--dump ast` and snapshots.
//!
//! `derive(Debug)` output of a Python program runs to hundreds of lines of
//! spans and boxes. [`dump`] prints one statement per line, nested blocks
//! indented by two spaces, statements in a Python-like form
//! (`assign x = ...`, `for t in it:`) and expressions as S-expressions with
//! the operator first, so that grouping is explicit:
//!
//! ```text
//! x = -2 ** 2 if a < b < c else not d in e
//! ```
//! dumps as
//! ```text
//! assign x = (ifexp (cmp a < b < c) (- (** 2 2)) (not (cmp d in e)))
//! ```
//!
//! Names print bare, strings with Rust's quoting, `_` stands for an absent
//! slice bound, and f-strings print as `(f "text" (fmt value !r spec...))`.

use super::{
    Alias, CmpOp, Comprehension, Conversion, Expr, ExprKind, FStringPart, Keyword, Module, Param, Parameters, Stmt,
    StmtKind, UnaryOp,
};
use std::fmt::Write;

/// Renders a module, one statement per line.
pub fn dump(module: &Module) -> String {
    let mut out = String::new();
    block(&mut out, &module.body, 0);
    out
}

fn block(out: &mut String, stmts: &[Stmt], depth: usize) {
    for s in stmts {
        stmt(out, s, depth);
    }
}

fn line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(text);
    out.push('\n');
}

/// `header:` followed by an indented block.
fn clause(out: &mut String, depth: usize, header: &str, body: &[Stmt]) {
    line(out, depth, &format!("{header}:"));
    block(out, body, depth + 1);
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

fn stmt(out: &mut String, s: &Stmt, d: usize) {
    match &s.kind {
        StmtKind::Expr(e) => line(out, d, &format!("expr {}", expr(e))),
        StmtKind::Assign { targets, value } => {
            let targets: Vec<String> = targets.iter().map(expr).collect();
            line(out, d, &format!("assign {} = {}", targets.join(" = "), expr(value)));
        }
        StmtKind::AugAssign { target, op, value } => {
            line(
                out,
                d,
                &format!("augassign {} {}= {}", expr(target), op.symbol(), expr(value)),
            );
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            let value = value.as_ref().map(|v| format!(" = {}", expr(v))).unwrap_or_default();
            line(
                out,
                d,
                &format!("annassign {}: {}{value}", expr(target), expr(annotation)),
            );
        }
        StmtKind::Delete(targets) => line(out, d, &format!("del {}", join(targets, expr))),
        StmtKind::Pass => line(out, d, "pass"),
        StmtKind::Break => line(out, d, "break"),
        StmtKind::Continue => line(out, d, "continue"),
        StmtKind::Return(e) => line(out, d, &format!("return{}", opt_prefixed(e.as_ref(), " "))),
        StmtKind::Raise { exc, cause } => {
            let text = format!(
                "raise{}{}",
                opt_prefixed(exc.as_ref(), " "),
                opt_prefixed(cause.as_ref(), " from ")
            );
            line(out, d, &text);
        }
        StmtKind::Global(names) => line(out, d, &format!("global {}", join(names, |n| n.name.clone()))),
        StmtKind::Nonlocal(names) => line(out, d, &format!("nonlocal {}", join(names, |n| n.name.clone()))),
        StmtKind::Assert { test, msg } => {
            line(
                out,
                d,
                &format!("assert {}{}", expr(test), opt_prefixed(msg.as_ref(), ", ")),
            );
        }
        StmtKind::Import(names) => line(out, d, &format!("import {}", join(names, alias))),
        StmtKind::ImportFrom { module, level, names } => {
            let dots = ".".repeat(*level as usize);
            let module = module.as_ref().map(|m| m.name.as_str()).unwrap_or("");
            line(out, d, &format!("from {dots}{module} import {}", join(names, alias)));
        }
        StmtKind::If { branches, orelse } => {
            for (i, (test, body)) in branches.iter().enumerate() {
                let keyword = if i == 0 { "if" } else { "elif" };
                clause(out, d, &format!("{keyword} {}", expr(test)), body);
            }
            if !orelse.is_empty() {
                clause(out, d, "else", orelse);
            }
        }
        StmtKind::While { test, body, orelse } => {
            clause(out, d, &format!("while {}", expr(test)), body);
            if !orelse.is_empty() {
                clause(out, d, "else", orelse);
            }
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            clause(out, d, &format!("for {} in {}", expr(target), expr(iter)), body);
            if !orelse.is_empty() {
                clause(out, d, "else", orelse);
            }
        }
        StmtKind::With { items, body } => {
            let items = join(items, |i| {
                format!("{}{}", expr(&i.context), opt_prefixed(i.target.as_ref(), " as "))
            });
            clause(out, d, &format!("with {items}"), body);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            clause(out, d, "try", body);
            for h in handlers {
                let mut header = "except".to_string();
                if let Some(kind) = &h.kind {
                    let _ = write!(header, " {}", expr(kind));
                }
                if let Some(name) = &h.name {
                    let _ = write!(header, " as {}", name.name);
                }
                clause(out, d, &header, &h.body);
            }
            if !orelse.is_empty() {
                clause(out, d, "else", orelse);
            }
            if !finalbody.is_empty() {
                clause(out, d, "finally", finalbody);
            }
        }
        StmtKind::FunctionDef(f) => {
            for dec in &f.decorators {
                line(out, d, &format!("@{}", expr(dec)));
            }
            let returns = opt_prefixed(f.returns.as_ref(), " -> ");
            clause(
                out,
                d,
                &format!("def {}({}){returns}", f.name.name, params(&f.params)),
                &f.body,
            );
        }
        StmtKind::ClassDef(c) => {
            for dec in &c.decorators {
                line(out, d, &format!("@{}", expr(dec)));
            }
            let mut args: Vec<String> = c.bases.iter().map(expr).collect();
            args.extend(c.keywords.iter().map(keyword));
            clause(out, d, &format!("class {}({})", c.name.name, args.join(", ")), &c.body);
        }
    }
}

fn opt_prefixed(e: Option<&Expr>, prefix: &str) -> String {
    e.map(|e| format!("{prefix}{}", expr(e))).unwrap_or_default()
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(asname) => format!("{} as {}", a.name.name, asname.name),
        None => a.name.name.clone(),
    }
}

fn keyword(k: &Keyword) -> String {
    match &k.name {
        Some(name) => format!("{}={}", name.name, expr(&k.value)),
        None => format!("**{}", expr(&k.value)),
    }
}

/// Parameters in Python syntax, with dumped annotations and defaults.
fn params(p: &Parameters) -> String {
    fn one(prefix: &str, p: &Param) -> String {
        let mut s = format!("{prefix}{}", p.name.name);
        if let Some(a) = &p.annotation {
            let _ = write!(s, ": {}", expr(a));
        }
        if let Some(d) = &p.default {
            let _ = write!(s, "={}", expr(d));
        }
        s
    }
    let mut parts: Vec<String> = p.posonly.iter().map(|p| one("", p)).collect();
    if !p.posonly.is_empty() {
        parts.push("/".to_string());
    }
    parts.extend(p.args.iter().map(|p| one("", p)));
    match &p.vararg {
        Some(v) => parts.push(one("*", v)),
        None if !p.kwonly.is_empty() => parts.push("*".to_string()),
        None => {}
    }
    parts.extend(p.kwonly.iter().map(|p| one("", p)));
    if let Some(k) = &p.kwarg {
        parts.push(one("**", k));
    }
    parts.join(", ")
}

/// `(head a b c)`.
fn list(head: &str, items: impl IntoIterator<Item = String>) -> String {
    let mut s = format!("({head}");
    for item in items {
        s.push(' ');
        s.push_str(&item);
    }
    s.push(')');
    s
}

fn opt_box(e: &Option<Box<Expr>>) -> String {
    e.as_deref().map_or_else(|| "_".to_string(), expr)
}

fn generators(gens: &[Comprehension]) -> Vec<String> {
    gens.iter()
        .map(|g| {
            let mut items = vec![expr(&g.target), expr(&g.iter)];
            items.extend(g.ifs.iter().map(|c| list("if", [expr(c)])));
            list("for", items)
        })
        .collect()
}

fn fstring_parts(parts: &[FStringPart]) -> Vec<String> {
    parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Field(f) => {
                let mut items = vec![expr(&f.value)];
                match f.conversion {
                    Some(Conversion::Str) => items.push("!s".to_string()),
                    Some(Conversion::Repr) => items.push("!r".to_string()),
                    Some(Conversion::Ascii) => items.push("!a".to_string()),
                    None => {}
                }
                if !f.spec.is_empty() {
                    items.push(list("spec", fstring_parts(&f.spec)));
                }
                list("fmt", items)
            }
        })
        .collect()
}

/// An expression as an S-expression.
pub(super) fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Int(v) => v.to_string(),
        ExprKind::BigInt(digits) => digits.clone(),
        ExprKind::Float(v) => format!("{v:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::FString(parts) => list("f", fstring_parts(parts)),
        ExprKind::Bool(true) => "True".to_string(),
        ExprKind::Bool(false) => "False".to_string(),
        ExprKind::None => "None".to_string(),
        ExprKind::Ellipsis => "...".to_string(),
        ExprKind::Tuple(items) => list("tuple", items.iter().map(expr)),
        ExprKind::List(items) => list("list", items.iter().map(expr)),
        ExprKind::Set(items) => list("set", items.iter().map(expr)),
        ExprKind::Dict(items) => list(
            "dict",
            items.iter().map(|i| match &i.key {
                Some(k) => list(":", [expr(k), expr(&i.value)]),
                None => list("**", [expr(&i.value)]),
            }),
        ),
        ExprKind::ListComp { elt, generators: g } => list("listcomp", [expr(elt)].into_iter().chain(generators(g))),
        ExprKind::SetComp { elt, generators: g } => list("setcomp", [expr(elt)].into_iter().chain(generators(g))),
        ExprKind::GeneratorExp { elt, generators: g } => list("genexp", [expr(elt)].into_iter().chain(generators(g))),
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => list("dictcomp", [expr(key), expr(value)].into_iter().chain(generators(g))),
        ExprKind::Attribute { value, attr } => list(".", [expr(value), attr.name.clone()]),
        ExprKind::Subscript { value, index } => list("[]", [expr(value), expr(index)]),
        ExprKind::Slice { lower, upper, step } => list("slice", [opt_box(lower), opt_box(upper), opt_box(step)]),
        ExprKind::Call { func, args, keywords } => list(
            "call",
            [expr(func)]
                .into_iter()
                .chain(args.iter().map(expr))
                .chain(keywords.iter().map(keyword)),
        ),
        ExprKind::Starred(e) => list("*", [expr(e)]),
        ExprKind::Unary { op, operand } => {
            let head = match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            };
            list(head, [expr(operand)])
        }
        ExprKind::Binary { op, left, right } => list(op.symbol(), [expr(left), expr(right)]),
        ExprKind::BoolOp { op, values } => {
            let head = match op {
                super::BoolOp::And => "and",
                super::BoolOp::Or => "or",
            };
            list(head, values.iter().map(expr))
        }
        ExprKind::Compare { left, rest } => {
            let mut items = vec![expr(left)];
            for (op, e) in rest {
                items.push(cmp_symbol(*op).to_string());
                items.push(expr(e));
            }
            list("cmp", items)
        }
        ExprKind::IfExp { test, body, orelse } => list("ifexp", [expr(test), expr(body), expr(orelse)]),
        ExprKind::Lambda { params: p, body } => list("lambda", [format!("({})", params(p)), expr(body)]),
        ExprKind::NamedExpr { target, value } => list(":=", [target.name.clone(), expr(value)]),
        ExprKind::Yield(None) => "(yield)".to_string(),
        ExprKind::Yield(Some(e)) => list("yield", [expr(e)]),
        ExprKind::YieldFrom(e) => list("yield-from", [expr(e)]),
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::IsNot => "is-not",
        CmpOp::NotIn => "not-in",
        other => other.symbol(),
    }
}
