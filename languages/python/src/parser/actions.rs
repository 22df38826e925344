//! The grammar's actions: building nodes, and the checks an LR(1) grammar
//! leaves to code.
//!
//! CPython's PEG grammar knows, while parsing, whether `a` in `a = 1` is a
//! target. An LR(1) parser must commit earlier, so `grammar.lalrpop` parses a
//! superset (any expression left of `=`, any list of parameter items, any
//! mixture of arguments) and the functions here narrow it down to Python,
//! with CPython 3.11's messages: "cannot assign to function call",
//! "non-default argument follows default argument", "positional argument
//! follows keyword argument", and so on. Every node is built through
//! [`expr`] or [`stmt`], which enforce the height limit of [`crate::ast`].

use crate::ast::{
    Alias, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, ExceptHandler, Expr, ExprKind, FunctionDef, Ident, Keyword,
    Param, Parameters, Stmt, StmtKind, TooDeep, UnaryOp, WithItem, MAX_HEIGHT,
};
use crate::lexer::{IntValue, Token};
use lalrpop_util::ParseError;
use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::span::{FileId, Span};

pub(crate) use super::fstring::strings;

/// A parse error as the generated parser reports it; actions fail with `User`.
pub(crate) type PError<'s> = ParseError<usize, Token<'s>, Diagnostic>;

/// What an action returns.
pub(crate) type PResult<'s, T> = Result<T, PError<'s>>;

/// The span `l..r` in `file`.
pub(crate) fn sp(file: FileId, l: usize, r: usize) -> Span {
    Span::new(file, l, r)
}

/// A `SyntaxError` raised from an action.
pub(crate) fn syntax<'s>(message: impl Into<String>, span: Span) -> PError<'s> {
    ParseError::User {
        error: Diagnostic::new("SyntaxError", message, Some(span)),
    }
}

fn too_deep<'s>(TooDeep(span): TooDeep, what: &str) -> PError<'s> {
    ParseError::User {
        error: Diagnostic::new("SyntaxError", format!("{what} nested too deeply"), Some(span))
            .with_label(format!("this is more than {MAX_HEIGHT} levels deep"))
            .with_note("split it up using temporary variables or helper functions"),
    }
}

/// An expression node, or the "too deep" error.
pub(crate) fn expr<'s>(kind: ExprKind, span: Span) -> PResult<'s, Expr> {
    Expr::new(kind, span).map_err(|e| too_deep(e, "expression"))
}

/// A statement node, or the "too deep" error.
pub(crate) fn stmt<'s>(kind: StmtKind, span: Span) -> PResult<'s, Stmt> {
    Stmt::new(kind, span).map_err(|e| too_deep(e, "statement"))
}

// ---- expressions ------------------------------------------------------------------

/// An integer literal.
pub(crate) fn int<'s>(file: FileId, value: IntValue, l: usize, r: usize) -> PResult<'s, Expr> {
    let kind = match value {
        IntValue::Small(v) => ExprKind::Int(v),
        IntValue::Big(digits) => ExprKind::BigInt(digits),
    };
    expr(kind, sp(file, l, r))
}

/// A tuple from `a, b, c` items (`v`) and an optional last one without comma.
pub(crate) fn tuple<'s>(file: FileId, mut v: Vec<Expr>, e: Option<Expr>, l: usize, r: usize) -> PResult<'s, Expr> {
    v.extend(e);
    expr(ExprKind::Tuple(v), sp(file, l, r))
}

/// `x op y`.
pub(crate) fn binary<'s>(file: FileId, op: BinOp, x: Expr, y: Expr, l: usize, r: usize) -> PResult<'s, Expr> {
    let kind = ExprKind::Binary {
        op,
        left: Box::new(x),
        right: Box::new(y),
    };
    expr(kind, sp(file, l, r))
}

/// `op e`.
pub(crate) fn unary<'s>(file: FileId, op: UnaryOp, e: Expr, l: usize, r: usize) -> PResult<'s, Expr> {
    let kind = ExprKind::Unary {
        op,
        operand: Box::new(e),
    };
    expr(kind, sp(file, l, r))
}

/// `first op rest[0] op rest[1] ...` for `and` / `or`, kept flat.
pub(crate) fn bool_op<'s>(
    file: FileId,
    op: BoolOp,
    first: Expr,
    rest: Vec<Expr>,
    l: usize,
    r: usize,
) -> PResult<'s, Expr> {
    let mut values = vec![first];
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, sp(file, l, r))
}

/// A comparison chain.
pub(crate) fn compare<'s>(
    file: FileId,
    first: Expr,
    rest: Vec<(CmpOp, Expr)>,
    l: usize,
    r: usize,
) -> PResult<'s, Expr> {
    let kind = ExprKind::Compare {
        left: Box::new(first),
        rest,
    };
    expr(kind, sp(file, l, r))
}

/// `lo:hi:step`.
pub(crate) fn slice<'s>(
    file: FileId,
    lo: Option<Expr>,
    hi: Option<Expr>,
    step: Option<Option<Expr>>,
    l: usize,
    r: usize,
) -> PResult<'s, Expr> {
    let kind = ExprKind::Slice {
        lower: lo.map(Box::new),
        upper: hi.map(Box::new),
        step: step.flatten().map(Box::new),
    };
    expr(kind, sp(file, l, r))
}

/// The index of `a[i]`: a lone `*b` is a one-element tuple, as in `a[*b,]`.
pub(crate) fn single_index<'s>(index: Expr) -> PResult<'s, Expr> {
    if matches!(index.kind, ExprKind::Starred(_)) {
        let span = index.span;
        return expr(ExprKind::Tuple(vec![index]), span);
    }
    Ok(index)
}

/// `(*a)`: a starred expression alone in parentheses.
pub(crate) fn starred_here<'s>(span: Span) -> PResult<'s, Expr> {
    Err(syntax("cannot use starred expression here", span))
}

/// `yield value` (a tuple is fine, a lone `*a` is not).
pub(crate) fn yield_value<'s>(file: FileId, e: Expr, l: usize, r: usize) -> PResult<'s, Expr> {
    let e = value(e)?;
    expr(ExprKind::Yield(Some(Box::new(e))), sp(file, l, r))
}

/// An expression used as a value where a lone `*a` makes no sense.
pub(crate) fn value<'s>(e: Expr) -> PResult<'s, Expr> {
    if matches!(e.kind, ExprKind::Starred(_)) {
        return Err(syntax("can't use starred expression here", e.span));
    }
    Ok(e)
}

/// One argument of a call or a class header, before sorting.
pub(crate) enum Arg {
    /// `e`
    Positional(Expr),
    /// `k=v` (the parser checks that `k` is a name).
    Keyword(Expr, Expr, Span),
    /// `*e`
    Star(Expr, Span),
    /// `**e`
    DoubleStar(Expr, Span),
    /// `elt for ...` without its own parentheses.
    Generator(Expr, Vec<Comprehension>, Span),
}

/// `func(args)`.
pub(crate) fn call<'s>(file: FileId, func: Expr, args: (Vec<Arg>, bool), l: usize, r: usize) -> PResult<'s, Expr> {
    let (args, keywords) = arguments(args)?;
    let kind = ExprKind::Call {
        func: Box::new(func),
        args,
        keywords,
    };
    expr(kind, sp(file, l, r))
}

/// Sorts arguments into positional ones and keywords, checking their order.
fn arguments<'s>((list, trailing): (Vec<Arg>, bool)) -> PResult<'s, (Vec<Expr>, Vec<Keyword>)> {
    let count = list.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let (mut seen_keyword, mut seen_double_star) = (false, false);
    for arg in list {
        match arg {
            Arg::Positional(e) => {
                if seen_double_star {
                    return Err(syntax("positional argument follows keyword argument unpacking", e.span));
                }
                if seen_keyword {
                    return Err(syntax("positional argument follows keyword argument", e.span));
                }
                args.push(e);
            }
            Arg::Generator(elt, generators, span) => {
                if count > 1 || trailing {
                    return Err(syntax("Generator expression must be parenthesized", span));
                }
                let kind = ExprKind::GeneratorExp {
                    elt: Box::new(elt),
                    generators,
                };
                args.push(expr(kind, span)?);
            }
            Arg::Star(e, span) => {
                if seen_double_star {
                    let message = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(syntax(message, span));
                }
                args.push(expr(ExprKind::Starred(Box::new(e)), span)?);
            }
            Arg::Keyword(k, value, span) => {
                let name = match k.kind {
                    ExprKind::Name(name) => name,
                    ExprKind::Bool(_) | ExprKind::None => {
                        return Err(syntax(format!("cannot assign to {}", describe(&k)), k.span));
                    }
                    _ => {
                        let message = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return Err(syntax(message, k.span));
                    }
                };
                if keywords
                    .iter()
                    .any(|kw| kw.name.as_ref().is_some_and(|n| n.name == name))
                {
                    return Err(syntax(format!("keyword argument repeated: {name}"), k.span));
                }
                seen_keyword = true;
                let name = Some(Ident { name, span: k.span });
                keywords.push(Keyword { name, value, span });
            }
            Arg::DoubleStar(value, span) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    name: None,
                    value,
                    span,
                });
            }
        }
    }
    Ok((args, keywords))
}

/// A comprehension's `for` clause.
pub(crate) fn comprehension<'s>(
    file: FileId,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
    l: usize,
    r: usize,
) -> PResult<'s, Comprehension> {
    check_target(&target, Ctx::Bind, true)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        span: sp(file, l, r),
    })
}

// ---- targets ------------------------------------------------------------------

/// Where a target appears; decides what is allowed and the wording.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Left of `=` in a statement with one target (CPython suggests `==`).
    AssignSingle,
    /// Left of `=` otherwise.
    Assign,
    /// After `for`, `as`, or in a comprehension.
    Bind,
    /// After `del`.
    Delete,
    /// Left of `+=` and friends.
    Augmented,
}

/// What CPython calls an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::None => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Binary { .. } | ExprKind::Unary { .. } | ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
    }
}

/// Checks that `e` may be assigned to (or deleted) in context `ctx`.
fn check_target<'s>(e: &Expr, ctx: Ctx, top: bool) -> PResult<'s, ()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) if ctx != Ctx::Augmented => {
            let mut starred = false;
            for item in items {
                match &item.kind {
                    ExprKind::Starred(inner) if ctx != Ctx::Delete => {
                        if starred {
                            return Err(syntax("multiple starred expressions in assignment", item.span));
                        }
                        starred = true;
                        check_target(inner, ctx, false)?;
                    }
                    _ => check_target(item, ctx, false)?,
                }
            }
            Ok(())
        }
        _ => {
            let what = describe(e);
            let message = match ctx {
                Ctx::Augmented => format!("'{what}' is an illegal expression for augmented assignment"),
                Ctx::Delete => format!("cannot delete {what}"),
                _ if matches!(e.kind, ExprKind::Starred(_)) => {
                    "starred assignment target must be in a list or tuple".to_string()
                }
                Ctx::AssignSingle if top && !matches!(e.kind, ExprKind::Bool(_) | ExprKind::None) => {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                }
                _ => format!("cannot assign to {what}"),
            };
            Err(syntax(message, e.span))
        }
    }
}

// ---- simple statements ------------------------------------------------------------------

/// An expression statement.
pub(crate) fn expr_stmt<'s>(file: FileId, e: Expr, l: usize, r: usize) -> PResult<'s, Stmt> {
    let e = value(e)?;
    stmt(StmtKind::Expr(e), sp(file, l, r))
}

/// `first = rest[0] = ... = value`.
pub(crate) fn assign<'s>(file: FileId, first: Expr, mut rest: Vec<Expr>, l: usize, r: usize) -> PResult<'s, Stmt> {
    let span = sp(file, l, r);
    let Some(value) = rest.pop() else {
        return Err(syntax("invalid syntax", span));
    };
    let mut targets = vec![first];
    targets.extend(rest);
    let ctx = if targets.len() == 1 {
        Ctx::AssignSingle
    } else {
        Ctx::Assign
    };
    for t in &targets {
        check_target(t, ctx, true)?;
    }
    stmt(StmtKind::Assign { targets, value }, span)
}

/// `target op= value`.
pub(crate) fn aug_assign<'s>(
    file: FileId,
    target: Expr,
    op: BinOp,
    value: Expr,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    check_target(&target, Ctx::Augmented, true)?;
    stmt(StmtKind::AugAssign { target, op, value }, sp(file, l, r))
}

/// `target: annotation = value`.
pub(crate) fn ann_assign<'s>(
    file: FileId,
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple(_) => return Err(syntax("only single target (not tuple) can be annotated", target.span)),
        ExprKind::List(_) => return Err(syntax("only single target (not list) can be annotated", target.span)),
        _ => return Err(syntax("illegal target for annotation", target.span)),
    }
    let kind = StmtKind::AnnAssign {
        target,
        annotation,
        value,
    };
    stmt(kind, sp(file, l, r))
}

/// `del a, b`.
pub(crate) fn delete<'s>(file: FileId, targets: Vec<Expr>, l: usize, r: usize) -> PResult<'s, Stmt> {
    for t in &targets {
        check_target(t, Ctx::Delete, true)?;
    }
    stmt(StmtKind::Delete(targets), sp(file, l, r))
}

/// `return [value]`.
pub(crate) fn return_stmt<'s>(file: FileId, e: Option<Expr>, l: usize, r: usize) -> PResult<'s, Stmt> {
    let e = e.map(value).transpose()?;
    stmt(StmtKind::Return(e), sp(file, l, r))
}

/// `raise [exc [from cause]]`.
pub(crate) fn raise<'s>(file: FileId, e: Option<(Expr, Option<Expr>)>, l: usize, r: usize) -> PResult<'s, Stmt> {
    let (exc, cause) = match e {
        Some((exc, cause)) => (Some(exc), cause),
        None => (None, None),
    };
    stmt(StmtKind::Raise { exc, cause }, sp(file, l, r))
}

/// A dotted module name as one identifier.
pub(crate) fn dotted(file: FileId, first: &str, rest: Vec<&str>, l: usize, r: usize) -> Ident {
    let mut name = first.to_string();
    for part in rest {
        name.push('.');
        name.push_str(part);
    }
    Ident {
        name,
        span: sp(file, l, r),
    }
}

/// The `*` of `from m import *`.
pub(crate) fn star_alias(file: FileId, l: usize, r: usize) -> Alias {
    let name = Ident {
        name: "*".to_string(),
        span: sp(file, l, r),
    };
    Alias { name, asname: None }
}

/// `from ..module import names`.
pub(crate) fn import_from<'s>(
    file: FileId,
    dots: Vec<u32>,
    module: Option<Ident>,
    names: Vec<Alias>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let span = sp(file, l, r);
    let level = dots.iter().sum();
    if level == 0 && module.is_none() {
        return Err(syntax("invalid syntax", span));
    }
    stmt(StmtKind::ImportFrom { module, level, names }, span)
}

// ---- compound statements ------------------------------------------------------------------

/// `if`/`elif`/`else`.
pub(crate) fn if_stmt<'s>(
    file: FileId,
    first: (Expr, Vec<Stmt>),
    elifs: Vec<(Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let mut branches = vec![first];
    branches.extend(elifs);
    let kind = StmtKind::If {
        branches,
        orelse: orelse.unwrap_or_default(),
    };
    stmt(kind, sp(file, l, r))
}

/// `for target in iter: body else: orelse`.
pub(crate) fn for_stmt<'s>(
    file: FileId,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    check_target(&target, Ctx::Bind, true)?;
    let iter = value(iter)?;
    let kind = StmtKind::For {
        target,
        iter,
        body,
        orelse: orelse.unwrap_or_default(),
    };
    stmt(kind, sp(file, l, r))
}

/// An `except` clause as parsed.
pub(crate) struct Handler {
    /// `(type, as-name)`, absent for a bare `except:`.
    pub(crate) kind: Option<(Expr, Option<Ident>)>,
    /// The handler body.
    pub(crate) body: Vec<Stmt>,
    /// The whole clause.
    pub(crate) span: Span,
}

/// `try`/`except`/`else`/`finally`.
pub(crate) fn try_stmt<'s>(
    file: FileId,
    body: Vec<Stmt>,
    handlers: Vec<Handler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let span = sp(file, l, r);
    if handlers.is_empty() && (finalbody.is_none() || orelse.is_some()) {
        return Err(syntax("expected 'except' or 'finally' block", span));
    }
    let count = handlers.len();
    let mut out = Vec::new();
    for (i, h) in handlers.into_iter().enumerate() {
        if h.kind.is_none() && i + 1 < count {
            return Err(syntax("default 'except:' must be last", h.span));
        }
        let (kind, name) = match h.kind {
            Some((kind, name)) => (Some(kind), name),
            None => (None, None),
        };
        out.push(ExceptHandler {
            kind,
            name,
            body: h.body,
            span: h.span,
        });
    }
    let kind = StmtKind::Try {
        body,
        handlers: out,
        orelse: orelse.unwrap_or_default(),
        finalbody: finalbody.unwrap_or_default(),
    };
    stmt(kind, span)
}

/// `with a as b, c: body`. Since Python 3.9, `with (a, b):` also means two
/// context managers, not one tuple (a lone item that is a tuple can only
/// have been written in parentheses).
pub(crate) fn with_stmt<'s>(
    file: FileId,
    mut items: Vec<(Expr, Option<Expr>)>,
    body: Vec<Stmt>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    if let [(
        Expr {
            kind: ExprKind::Tuple(elements),
            ..
        },
        None,
    )] = items.as_mut_slice()
    {
        if !elements.is_empty() {
            items = std::mem::take(elements).into_iter().map(|e| (e, None)).collect();
        }
    }
    let mut out = Vec::new();
    for (context, target) in items {
        if let Some(t) = &target {
            check_target(t, Ctx::Bind, true)?;
        }
        out.push(WithItem { context, target });
    }
    stmt(StmtKind::With { items: out, body }, sp(file, l, r))
}

/// One parameter.
pub(crate) fn param(
    file: FileId,
    name: Ident,
    annotation: Option<Expr>,
    default: Option<Expr>,
    l: usize,
    r: usize,
) -> Param {
    Param {
        name,
        annotation,
        default,
        span: sp(file, l, r),
    }
}

/// One item of a parameter list, before the order is checked.
pub(crate) enum ParamItem {
    /// `name[: ann][= default]`
    Plain(Param),
    /// `*name` or a bare `*`.
    Star(Option<Param>, Span),
    /// `**name`
    DoubleStar(Param),
    /// `/`
    Slash(Span),
}

impl ParamItem {
    fn span(&self) -> Span {
        match self {
            ParamItem::Plain(p) | ParamItem::DoubleStar(p) => p.span,
            ParamItem::Star(_, span) | ParamItem::Slash(span) => *span,
        }
    }
}

/// Sorts a parameter list into CPython's five groups, checking the order
/// (`/` before `*` before `**`, defaults without gaps, no duplicates).
pub(crate) fn params<'s>(items: Vec<ParamItem>) -> PResult<'s, Parameters> {
    let mut p = Parameters::default();
    let (mut slash, mut star, mut bare_star) = (false, false, None);
    let mut seen_default = false;
    let mut names: Vec<String> = Vec::new();
    let mut fresh = |name: &Ident| -> PResult<'s, ()> {
        if names.contains(&name.name) {
            let message = format!("duplicate argument '{}' in function definition", name.name);
            return Err(syntax(message, name.span));
        }
        names.push(name.name.clone());
        Ok(())
    };
    for item in items {
        if p.kwarg.is_some() {
            return Err(syntax("arguments cannot follow var-keyword argument", item.span()));
        }
        match item {
            ParamItem::Slash(span) => {
                if slash {
                    return Err(syntax("/ may appear only once", span));
                }
                if star {
                    return Err(syntax("/ must be ahead of *", span));
                }
                if p.args.is_empty() {
                    return Err(syntax("at least one argument must precede /", span));
                }
                slash = true;
                p.posonly = std::mem::take(&mut p.args);
            }
            ParamItem::Star(param, span) => {
                if star {
                    return Err(syntax("* argument may appear only once", span));
                }
                star = true;
                match param {
                    Some(param) => {
                        fresh(&param.name)?;
                        p.vararg = Some(param);
                    }
                    None => bare_star = Some(span),
                }
            }
            ParamItem::DoubleStar(param) => {
                fresh(&param.name)?;
                p.kwarg = Some(param);
            }
            ParamItem::Plain(param) => {
                fresh(&param.name)?;
                if star {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(syntax("non-default argument follows default argument", param.span));
                    }
                    p.args.push(param);
                }
            }
        }
    }
    if let Some(span) = bare_star {
        if p.kwonly.is_empty() {
            return Err(syntax("named arguments must follow bare *", span));
        }
    }
    Ok(p)
}

/// `def name(params) -> returns: body`.
pub(crate) fn func_def<'s>(
    file: FileId,
    name: Ident,
    params: Parameters,
    returns: Option<Expr>,
    body: Vec<Stmt>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let def = FunctionDef {
        name,
        params,
        body,
        decorators: Vec::new(),
        returns,
    };
    stmt(StmtKind::FunctionDef(Box::new(def)), sp(file, l, r))
}

/// `class name(args): body`.
pub(crate) fn class_def<'s>(
    file: FileId,
    name: Ident,
    args: Option<(Vec<Arg>, bool)>,
    body: Vec<Stmt>,
    l: usize,
    r: usize,
) -> PResult<'s, Stmt> {
    let (bases, keywords) = match args {
        Some(args) => arguments(args)?,
        None => (Vec::new(), Vec::new()),
    };
    let def = ClassDef {
        name,
        bases,
        keywords,
        body,
        decorators: Vec::new(),
    };
    stmt(StmtKind::ClassDef(Box::new(def)), sp(file, l, r))
}

/// Attaches decorators to the `def` or `class` after them.
pub(crate) fn decorate<'s>(decorators: Vec<Expr>, s: Stmt) -> PResult<'s, Stmt> {
    let Stmt { mut kind, span, .. } = s;
    match &mut kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => return Err(syntax("invalid syntax", span)),
    }
    stmt(kind, span)
}
