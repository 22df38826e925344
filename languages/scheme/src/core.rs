//! The core language: what the expander produces and the compiler consumes.
//!
//! Every derived form of Scheme (`let*`, `cond`, `case`, `do`, named `let`,
//! `guard`, `parameterize`, records, quasiquote, user macros) is rewritten by
//! [`crate::expand`] into these few nodes. Variables are resolved here:
//! a local is a [`VarId`] into the variable arena, a global is a name.

use crate::reader::Syn;
use workbench_framework::bytecode::BinOp;
use workbench_framework::span::Span;

/// A local variable (`v3`): an index into [`Vars`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VarId(pub u32);

/// What the compiler needs to know about a local variable.
#[derive(Clone, Debug)]
pub struct VarInfo {
    /// Its name, for listings.
    pub name: String,
    /// The function (lambda nesting id) that binds it.
    pub owner: u32,
    /// Referenced from a function other than its owner: it lives in a cell.
    pub captured: bool,
    /// Assigned with `set!`. Such a variable lives in a cell even when no
    /// lambda captures it: a continuation restores registers, and a resumed
    /// continuation must see the variable's current value, not an old copy.
    pub mutated: bool,
}

/// The variable arena.
#[derive(Clone, Debug, Default)]
pub struct Vars {
    /// Indexed by [`VarId`].
    pub vars: Vec<VarInfo>,
}

impl Vars {
    /// A fresh variable owned by function `owner`.
    pub fn fresh(&mut self, name: &str, owner: u32) -> VarId {
        self.vars.push(VarInfo {
            name: name.to_string(),
            owner,
            captured: false,
            mutated: false,
        });
        VarId(self.vars.len() as u32 - 1)
    }

    /// The information about `v`.
    pub fn get(&self, v: VarId) -> &VarInfo {
        &self.vars[v.0 as usize]
    }

    /// Mutable information about `v`.
    pub fn get_mut(&mut self, v: VarId) -> &mut VarInfo {
        &mut self.vars[v.0 as usize]
    }
}

/// A primitive the compiler turns into an instruction instead of a call
/// (only while its global name is not redefined by the program).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Prim {
    /// A two-operand framework operation (`+`, `<`, `eq?` as `Is`, ...).
    Binary(BinOp),
    /// `(- x)`
    Neg,
    /// `(not x)`: true only for `#f`.
    Not,
    /// `(null? x)`
    IsNull,
}

/// A lambda: parameters, optional rest parameter, body.
#[derive(Clone, Debug)]
pub struct Lambda {
    /// Name for tracebacks.
    pub name: String,
    /// Required parameters.
    pub params: Vec<VarId>,
    /// The rest parameter (a list of the extra arguments).
    pub rest: Option<VarId>,
    /// The body.
    pub body: Node,
    /// This function's nesting id (the `owner` of its variables).
    pub id: u32,
}

/// A core expression.
#[derive(Clone, Debug)]
pub enum Core {
    /// A literal: numbers, strings, booleans, `'()`, or quoted data (hoisted by the compiler).
    Quote(Syn),
    /// The unspecified value.
    Unspecified,
    /// A local variable.
    Local(VarId),
    /// `(set! local e)`
    SetLocal(VarId, Box<Node>),
    /// A global variable.
    Global(String),
    /// `(set! global e)`: the global must exist.
    SetGlobal(String, Box<Node>),
    /// `(define global e)`
    DefGlobal(String, Box<Node>),
    /// `(if c t e)`
    If(Box<Node>, Box<Node>, Box<Node>),
    /// A procedure.
    Lambda(Box<Lambda>),
    /// `(begin e ...)`, never empty.
    Seq(Vec<Node>),
    /// A procedure call.
    Call(Box<Node>, Vec<Node>),
    /// An inline primitive.
    Prim(Prim, Vec<Node>),
    /// `let`: every init is evaluated outside the new scope.
    Let(Vec<(VarId, Node)>, Box<Node>),
    /// `letrec*`: the variables are bound first, then initialized in order.
    Letrec(Vec<(VarId, Node)>, Box<Node>),
    /// `(%apply f args)`: calls `f` with the elements of the list `args`.
    Apply(Box<Node>, Box<Node>),
    /// `(%try thunk handler)`: calls `thunk`; if an exception escapes, calls
    /// `handler` with it (the one use of the framework's handler table).
    Try(Box<Node>, Box<Node>),
}

/// A core expression with its span.
#[derive(Clone, Debug)]
pub struct Node {
    /// The expression.
    pub core: Core,
    /// Its source.
    pub span: Span,
}

impl Node {
    /// A node.
    pub fn new(core: Core, span: Span) -> Node {
        Node { core, span }
    }
}
