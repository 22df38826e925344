//! The abstract syntax tree: what the parser builds and the compiler walks.
//!
//! The shapes follow CPython's own `ast` module wherever that is convenient
//! (`Compare` keeps a whole chain `a < b < c`, `BoolOp` keeps `a or b or c`
//! flat, a call separates positional `args` from `keywords`), so that
//! anyone who has read CPython's compiler finds their way here. Three
//! departures make the compiler's life easier:
//!
//! - There are no expression *contexts* (Load/Store/Del). Where an
//!   expression is a target (left of `=`, after `for`, after `del`, after
//!   `as`), the parser has already checked that it is a valid target, so the
//!   compiler knows the context from the position alone.
//! - An `if`/`elif`/`else` chain is one [`StmtKind::If`] with a list of
//!   branches, not `If` nodes nested in `orelse`: a thousand `elif`s stay flat.
//! - Every parameter carries its own default ([`Param::default`]) rather
//!   than CPython's parallel `defaults` lists.
//!
//! Every node carries the [`Span`] of the source it came from, because every
//! instruction the compiler emits, and so every traceback, points back at it.
//!
//! Each [`Expr`] and [`Stmt`] also records its *height* (1 for a leaf). Passes
//! over the tree are recursive, so a tree that is too high would overflow the
//! native stack; nodes are built bottom-up through [`Expr::new`] and
//! [`Stmt::new`], which refuse to build anything higher than [`MAX_HEIGHT`].
//! Together with the lexer's limits on bracket nesting and indentation this
//! makes "no input can crash a recursive pass" a property of the data.

use workbench_framework::span::Span;

mod dump;
mod height;

pub use dump::dump;

/// The highest tree the parser will build. Real programs stay far below it;
/// `1 + 1 + ... + 1` with more terms than this is refused with a diagnostic
/// (CPython refuses such chains too, with a RecursionError).
pub const MAX_HEIGHT: u32 = 1000;

/// A node would be higher than [`MAX_HEIGHT`]; carries the node's span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TooDeep(pub Span);

/// A name as written in the source, with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name. For dotted module names (`import a.b`) the whole dotted text.
    pub name: String,
    /// Where it appears.
    pub span: Span,
}

/// A whole file (or one REPL input).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The statements, in order.
    pub body: Vec<Stmt>,
    /// The whole input.
    pub span: Span,
}

/// A statement node.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Its source, from the first token (the `def`, not a decorator) to the
    /// last token of its body, without the final newline.
    pub span: Span,
    /// Height of the subtree rooted here (a `pass` is 1).
    pub height: u32,
}

/// The kinds of statements. Optional blocks (`orelse`, `finalbody`) are
/// empty when absent.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (in the REPL: echoed).
    Expr(Expr),
    /// `t1 = t2 = value`: every target is assigned the same value, left to
    /// right. Targets are Name, Attribute, Subscript, or Tuple/List of
    /// targets with at most one Starred per level.
    Assign {
        /// The targets, leftmost first.
        targets: Vec<Expr>,
        /// The right-hand side (a Tuple for `a = 1, 2`; may be a Yield).
        value: Expr,
    },
    /// `target op= value`; the target is a Name, Attribute or Subscript
    /// (the compiler evaluates its object and index once).
    AugAssign {
        /// Name, Attribute or Subscript.
        target: Expr,
        /// The operator, e.g. [`BinOp::Add`] for `+=`.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`. The annotation is parsed and kept;
    /// the compiler may ignore it.
    AnnAssign {
        /// Name, Attribute or Subscript.
        target: Expr,
        /// The annotation expression.
        annotation: Expr,
        /// The value, if any (`x: int` alone assigns nothing).
        value: Option<Expr>,
    },
    /// `del a, b[0], c.d`: targets as for assignment, without Starred.
    Delete(Vec<Expr>),
    /// `pass`
    Pass,
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return [value]`
    Return(Option<Expr>),
    /// `raise [exc [from cause]]`
    Raise {
        /// The exception (absent: re-raise the one being handled).
        exc: Option<Expr>,
        /// The `from` clause.
        cause: Option<Expr>,
    },
    /// `global a, b`
    Global(Vec<Ident>),
    /// `nonlocal a, b`
    Nonlocal(Vec<Ident>),
    /// `assert test[, msg]`
    Assert {
        /// The condition.
        test: Expr,
        /// The message, evaluated only on failure.
        msg: Option<Expr>,
    },
    /// `import a.b.c as d, e`
    Import(Vec<Alias>),
    /// `from ..a.b import c as d, e` or `from a import *` (then `names` is
    /// one alias named `*`).
    ImportFrom {
        /// The dotted module name after the dots; absent in `from . import x`.
        module: Option<Ident>,
        /// How many leading dots (0 for an absolute import).
        level: u32,
        /// What is imported.
        names: Vec<Alias>,
    },
    /// `if`/`elif`/`else`: the branches in order, then the `else` block.
    If {
        /// `(test, body)` for the `if` and each `elif`.
        branches: Vec<(Expr, Vec<Stmt>)>,
        /// The `else` block (empty if none).
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`
    While {
        /// The condition, evaluated before each iteration.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break` (empty if none).
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`
    For {
        /// Assigned each item; a target as for assignment.
        target: Expr,
        /// The iterable, evaluated once.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break` (empty if none).
        orelse: Vec<Stmt>,
    },
    /// `with a as b, c: body`: equivalent to nested `with` statements.
    With {
        /// The context managers, outermost first.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
    },
    /// `try`/`except`/`else`/`finally`. The parser guarantees at least one
    /// handler or a `finally`, that a bare `except:` is last, and that an
    /// `else` comes with handlers.
    Try {
        /// The protected block.
        body: Vec<Stmt>,
        /// The `except` clauses, in order.
        handlers: Vec<ExceptHandler>,
        /// Runs if the body raised nothing (empty if none).
        orelse: Vec<Stmt>,
        /// Runs on every way out (empty if none).
        finalbody: Vec<Stmt>,
    },
    /// `def`, with its decorators.
    FunctionDef(Box<FunctionDef>),
    /// `class`, with its decorators.
    ClassDef(Box<ClassDef>),
}

/// One `as` clause of an import: `a.b as c`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The imported name; dotted for `import a.b`; `*` for a star import.
    pub name: Ident,
    /// The local name after `as`.
    pub asname: Option<Ident>,
}

/// One context manager of a `with` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The expression giving the context manager.
    pub context: Expr,
    /// The target after `as` (a target as for assignment).
    pub target: Option<Expr>,
}

/// One `except [type [as name]]: body` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception class (or tuple of classes); absent for a bare `except:`.
    pub kind: Option<Expr>,
    /// The name bound to the exception (and deleted after the handler).
    pub name: Option<Ident>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// From `except` to the end of the body.
    pub span: Span,
}

/// A function definition: `@decorators def name(params) -> returns: body`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Ident,
    /// The parameters.
    pub params: Parameters,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost (first written) first; applied last to first.
    pub decorators: Vec<Expr>,
    /// The return annotation (`-> T`), kept but meaningless to the compiler.
    pub returns: Option<Expr>,
}

/// A class definition: `@decorators class name(bases, keywords): body`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class's name.
    pub name: Ident,
    /// Positional arguments (bases; may contain Starred).
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=M` (and `**kw`, name absent).
    pub keywords: Vec<Keyword>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// The parameters of a `def` or `lambda`, in CPython's five groups:
/// `def f(posonly, /, args, *vararg, kwonly, **kwarg)`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Parameters {
    /// Before a `/`: positional-only.
    pub posonly: Vec<Param>,
    /// Positional-or-keyword.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// After `*` or `*args`: keyword-only (these may lack defaults even if
    /// earlier ones have them).
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Ident,
    /// Its annotation (never present in a `lambda`).
    pub annotation: Option<Expr>,
    /// Its default, evaluated once when the `def` runs. Never present for
    /// `*args` and `**kwargs`. Among `posonly` and `args`, once one parameter
    /// has a default all later ones do (the parser checks).
    pub default: Option<Expr>,
    /// The whole parameter, `name: ann = default`.
    pub span: Span,
}

/// A keyword argument `name=value`, or `**value` when `name` is absent.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword; absent for `**mapping`.
    pub name: Option<Ident>,
    /// The value (or the mapping to unpack).
    pub value: Expr,
    /// The whole argument.
    pub span: Span,
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// Assigned each item; a target as for assignment.
    pub target: Expr,
    /// The iterable. The first clause's iterable is evaluated in the
    /// enclosing scope, the others inside the comprehension's own scope.
    pub iter: Expr,
    /// The `if` filters, all of which must be true.
    pub ifs: Vec<Expr>,
    /// From `for` to the last filter.
    pub span: Span,
}

/// One entry of a dict display: `key: value`, or `**value` when `key` is absent.
#[derive(Clone, Debug, PartialEq)]
pub struct DictItem {
    /// The key; absent for `**mapping`.
    pub key: Option<Expr>,
    /// The value (or the mapping to unpack).
    pub value: Expr,
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Text, escapes decoded, `{{` already turned into `{`. The text of a
    /// self-documenting field (`{x=}`) is also a literal: `"x="`.
    Literal(String),
    /// A replacement field `{value!conversion:spec}`.
    Field(FormattedValue),
}

/// A replacement field of an f-string: compute `value`, apply `conversion`,
/// then `format(result, spec)` where `spec` is the concatenation of its
/// parts (empty when absent).
#[derive(Clone, Debug, PartialEq)]
pub struct FormattedValue {
    /// The expression, with spans pointing into the original source.
    pub value: Box<Expr>,
    /// `!s`, `!r` or `!a`. A self-documenting `{x=}` without conversion and
    /// without spec gets [`Conversion::Repr`], as in CPython.
    pub conversion: Option<Conversion>,
    /// The format spec; may itself contain fields (`{x:>{width}}`).
    pub spec: Vec<FStringPart>,
    /// From `{` to `}`.
    pub span: Span,
}

/// The conversion of an f-string field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `!s`: `str()`.
    Str,
    /// `!r`: `repr()`.
    Repr,
    /// `!a`: `ascii()`.
    Ascii,
}

/// An expression node.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Its source: for `a + b` the whole expression; for a parenthesized
    /// expression the inside (parentheses make no node), except that a
    /// parenthesized tuple includes its parentheses.
    pub span: Span,
    /// Height of the subtree rooted here (leaves are 1).
    pub height: u32,
}

/// The kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A variable.
    Name(String),
    /// An integer literal that fits in `i64` (a literal is never negative:
    /// `-5` is `USub` applied to `5`).
    Int(i64),
    /// A larger integer literal, as decimal digits (whatever base it was written in).
    BigInt(String),
    /// A float literal.
    Float(f64),
    /// A string literal, escapes decoded, adjacent literals concatenated.
    Str(String),
    /// An f-string (or a concatenation that contains one), as literal and
    /// field parts; adjacent literal parts are merged.
    FString(Vec<FStringPart>),
    /// `True` or `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `...`
    Ellipsis,
    /// `(a, b)`, `a, b`, `()`; elements may be Starred.
    Tuple(Vec<Expr>),
    /// `[a, b]`; elements may be Starred.
    List(Vec<Expr>),
    /// `{a, b}` (never empty); elements may be Starred.
    Set(Vec<Expr>),
    /// `{k: v, **d}`
    Dict(Vec<DictItem>),
    /// `[elt for ...]`
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`, also the sole argument in `f(x for x in y)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for` clauses, outermost first.
        generators: Vec<Comprehension>,
    },
    /// `value.attr`
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: Ident,
    },
    /// `value[index]`; `a[1:2]` has a Slice index, `a[1, 2:3]` a Tuple of them.
    Subscript {
        /// The container.
        value: Box<Expr>,
        /// The key.
        index: Box<Expr>,
    },
    /// `lower:upper:step`; only ever the index of a Subscript (or an
    /// element of a Tuple that is).
    Slice {
        /// Before the first `:`.
        lower: Option<Box<Expr>>,
        /// Between the colons.
        upper: Option<Box<Expr>>,
        /// After the second `:`.
        step: Option<Box<Expr>>,
    },
    /// `func(args, keywords)`. Positional arguments (including `*iterable`
    /// as Starred) come before keywords in the source, except that a `*x`
    /// may follow keywords (`f(a=1, *b)`), as in CPython.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments; Starred for `*iterable`.
        args: Vec<Expr>,
        /// Keyword arguments and `**mapping`, in source order.
        keywords: Vec<Keyword>,
    },
    /// `*value`: inside a Tuple, List, Set, call arguments or an assignment target.
    Starred(Box<Expr>),
    /// `op operand`
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `left op right` for the arithmetic and bitwise operators.
    Binary {
        /// The operator.
        op: BinOp,
        /// The left operand.
        left: Box<Expr>,
        /// The right operand.
        right: Box<Expr>,
    },
    /// `a and b and c` / `a or b or c`: short-circuit, at least two values.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// The operands, in order.
        values: Vec<Expr>,
    },
    /// `left op1 c1 op2 c2 ...`: `a < b < c` means `a < b and b < c`, with
    /// `b` evaluated once.
    Compare {
        /// The leftmost operand.
        left: Box<Expr>,
        /// Each operator with its right operand, at least one.
        rest: Vec<(CmpOp, Expr)>,
    },
    /// `body if test else orelse`
    IfExp {
        /// The condition (evaluated first).
        test: Box<Expr>,
        /// The value if true.
        body: Box<Expr>,
        /// The value if false.
        orelse: Box<Expr>,
    },
    /// `lambda params: body`
    Lambda {
        /// The parameters (no annotations).
        params: Box<Parameters>,
        /// The returned expression.
        body: Box<Expr>,
    },
    /// `target := value`
    NamedExpr {
        /// The variable assigned.
        target: Ident,
        /// The value (also the result).
        value: Box<Expr>,
    },
    /// `yield [value]`
    Yield(Option<Box<Expr>>),
    /// `yield from value`
    YieldFrom(Box<Expr>),
}

/// Binary operators, also used by augmented assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

/// The short-circuit operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl BinOp {
    /// The operator as written, `"//"`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

impl CmpOp {
    /// The operator as written, `"not in"`.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

impl Expr {
    /// Builds a node, refusing one higher than [`MAX_HEIGHT`].
    pub fn new(kind: ExprKind, span: Span) -> Result<Expr, TooDeep> {
        let height = height::expr_children(&kind) + 1;
        if height > MAX_HEIGHT {
            return Err(TooDeep(span));
        }
        Ok(Expr { kind, span, height })
    }
}

impl Stmt {
    /// Builds a node, refusing one higher than [`MAX_HEIGHT`].
    pub fn new(kind: StmtKind, span: Span) -> Result<Stmt, TooDeep> {
        let height = height::stmt_children(&kind) + 1;
        if height > MAX_HEIGHT {
            return Err(TooDeep(span));
        }
        Ok(Stmt { kind, span, height })
    }
}
