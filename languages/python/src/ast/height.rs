//! Tree heights, computed from the children's stored heights.
//!
//! [`Expr::new`](super::Expr::new) and [`Stmt::new`](super::Stmt::new) call
//! these to enforce [`MAX_HEIGHT`](super::MAX_HEIGHT). Nothing here recurses:
//! a child's height was computed when the child was built, so building a node
//! costs time proportional to its number of direct children.

use super::{Comprehension, Expr, ExprKind, FStringPart, Parameters, Stmt, StmtKind};

fn of(e: &Expr) -> u32 {
    e.height
}

fn opt(e: &Option<Expr>) -> u32 {
    e.as_ref().map_or(0, of)
}

fn opt_box(e: &Option<Box<Expr>>) -> u32 {
    e.as_deref().map_or(0, of)
}

fn all(es: &[Expr]) -> u32 {
    es.iter().map(of).max().unwrap_or(0)
}

/// A block counts as one level above its tallest statement.
fn block(stmts: &[Stmt]) -> u32 {
    stmts.iter().map(|s| s.height).max().map_or(0, |h| h + 1)
}

fn generators(gens: &[Comprehension]) -> u32 {
    gens.iter()
        .map(|g| of(&g.target).max(of(&g.iter)).max(all(&g.ifs)))
        .max()
        .unwrap_or(0)
}

/// The height of a list of f-string parts (a field's spec counts one level deeper).
fn parts(parts: &[FStringPart]) -> u32 {
    parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(_) => 0,
            FStringPart::Field(f) => of(&f.value).max(self::parts(&f.spec) + 1),
        })
        .max()
        .unwrap_or(0)
}

/// The tallest default or annotation of a parameter list.
pub(super) fn params(p: &Parameters) -> u32 {
    p.posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg)
        .map(|p| opt(&p.default).max(opt(&p.annotation)))
        .max()
        .unwrap_or(0)
}

/// The height of the tallest child of an expression.
pub(super) fn expr_children(kind: &ExprKind) -> u32 {
    match kind {
        ExprKind::Name(_)
        | ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Ellipsis => 0,
        ExprKind::FString(p) => parts(p),
        ExprKind::Tuple(es) | ExprKind::List(es) | ExprKind::Set(es) => all(es),
        ExprKind::Dict(items) => items.iter().map(|i| opt(&i.key).max(of(&i.value))).max().unwrap_or(0),
        ExprKind::ListComp { elt, generators: g }
        | ExprKind::SetComp { elt, generators: g }
        | ExprKind::GeneratorExp { elt, generators: g } => of(elt).max(generators(g)),
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => of(key).max(of(value)).max(generators(g)),
        ExprKind::Attribute { value, .. } => of(value),
        ExprKind::Subscript { value, index } => of(value).max(of(index)),
        ExprKind::Slice { lower, upper, step } => opt_box(lower).max(opt_box(upper)).max(opt_box(step)),
        ExprKind::Call { func, args, keywords } => keywords
            .iter()
            .map(|k| of(&k.value))
            .fold(of(func).max(all(args)), u32::max),
        ExprKind::Starred(e) | ExprKind::YieldFrom(e) => of(e),
        ExprKind::Unary { operand, .. } => of(operand),
        ExprKind::Binary { left, right, .. } => of(left).max(of(right)),
        ExprKind::BoolOp { values, .. } => all(values),
        ExprKind::Compare { left, rest } => rest.iter().map(|(_, e)| of(e)).fold(of(left), u32::max),
        ExprKind::IfExp { test, body, orelse } => of(test).max(of(body)).max(of(orelse)),
        ExprKind::Lambda { params: p, body } => params(p).max(of(body)),
        ExprKind::NamedExpr { value, .. } => of(value),
        ExprKind::Yield(e) => opt_box(e),
    }
}

/// The height of the tallest child of a statement.
pub(super) fn stmt_children(kind: &StmtKind) -> u32 {
    match kind {
        StmtKind::Expr(e) => of(e),
        StmtKind::Assign { targets, value } => all(targets).max(of(value)),
        StmtKind::AugAssign { target, value, .. } => of(target).max(of(value)),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => of(target).max(of(annotation)).max(opt(value)),
        StmtKind::Delete(es) => all(es),
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => 0,
        StmtKind::Return(e) => opt(e),
        StmtKind::Raise { exc, cause } => opt(exc).max(opt(cause)),
        StmtKind::Assert { test, msg } => of(test).max(opt(msg)),
        StmtKind::If { branches, orelse } => branches
            .iter()
            .map(|(t, b)| of(t).max(block(b)))
            .fold(block(orelse), u32::max),
        StmtKind::While { test, body, orelse } => of(test).max(block(body)).max(block(orelse)),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => of(target).max(of(iter)).max(block(body)).max(block(orelse)),
        StmtKind::With { items, body } => items
            .iter()
            .map(|i| of(&i.context).max(opt(&i.target)))
            .fold(block(body), u32::max),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => handlers
            .iter()
            .map(|h| opt(&h.kind).max(block(&h.body)))
            .fold(block(body).max(block(orelse)).max(block(finalbody)), u32::max),
        StmtKind::FunctionDef(f) => params(&f.params)
            .max(block(&f.body))
            .max(all(&f.decorators))
            .max(opt(&f.returns)),
        StmtKind::ClassDef(c) => all(&c.bases)
            .max(c.keywords.iter().map(|k| of(&k.value)).max().unwrap_or(0))
            .max(block(&c.body))
            .max(all(&c.decorators)),
    }
}
