//! The operator table: SWI-Prolog's defaults, changed by `op/3`.
//!
//! The reader consults it to parse, the writer to decide where operators
//! and parentheses go, so both see the same table. At compile time the
//! front end keeps one (so `:- op(...)` affects the clauses after it); at
//! run time the interpreter keeps another, changed by `op/3` calls.

use rustc_hash::FxHashMap;

/// The shape of an operator: where its arguments go and whether they may
/// have the operator's own priority (`y`) or must be strictly lower (`x`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpType {
    /// `xfx`
    Xfx,
    /// `xfy`
    Xfy,
    /// `yfx`
    Yfx,
    /// `fy`
    Fy,
    /// `fx`
    Fx,
    /// `xf`
    Xf,
    /// `yf`
    Yf,
}

impl OpType {
    /// Parses `xfx`, `fy`, ...
    pub fn parse(s: &str) -> Option<OpType> {
        Some(match s {
            "xfx" => OpType::Xfx,
            "xfy" => OpType::Xfy,
            "yfx" => OpType::Yfx,
            "fy" => OpType::Fy,
            "fx" => OpType::Fx,
            "xf" => OpType::Xf,
            "yf" => OpType::Yf,
            _ => return None,
        })
    }

    /// The name, as `current_op/3` reports it.
    pub fn name(self) -> &'static str {
        match self {
            OpType::Xfx => "xfx",
            OpType::Xfy => "xfy",
            OpType::Yfx => "yfx",
            OpType::Fy => "fy",
            OpType::Fx => "fx",
            OpType::Xf => "xf",
            OpType::Yf => "yf",
        }
    }

    /// Which of the three tables it belongs to.
    pub fn class(self) -> OpClass {
        match self {
            OpType::Xfx | OpType::Xfy | OpType::Yfx => OpClass::Infix,
            OpType::Fy | OpType::Fx => OpClass::Prefix,
            OpType::Xf | OpType::Yf => OpClass::Postfix,
        }
    }
}

/// Prefix, infix or postfix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OpClass {
    /// `- X`
    Prefix,
    /// `X + Y`
    Infix,
    /// `X !`
    Postfix,
}

/// One operator definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpDef {
    /// 1..=1200.
    pub priority: u16,
    /// The shape.
    pub kind: OpType,
}

impl OpDef {
    /// Maximum priorities of the left and right arguments.
    pub fn arg_max(self) -> (u16, u16) {
        let p = self.priority;
        match self.kind {
            OpType::Xfx => (p - 1, p - 1),
            OpType::Xfy => (p - 1, p),
            OpType::Yfx => (p, p - 1),
            OpType::Fy => (0, p),
            OpType::Fx => (0, p - 1),
            OpType::Xf => (p - 1, 0),
            OpType::Yf => (p, 0),
        }
    }
}

/// The three operator tables.
#[derive(Clone, Debug, Default)]
pub struct Ops {
    table: FxHashMap<(String, OpClass), OpDef>,
}

/// SWI-Prolog's default operators (the ISO table plus SWI's additions).
const DEFAULTS: &[(u16, &str, &[&str])] = &[
    (1200, "xfx", &[":-", "-->"]),
    (1200, "fx", &[":-", "?-"]),
    (1100, "xfy", &[";", "|"]),
    (1105, "xfy", &["|"]),
    (1050, "xfy", &["->", "*->"]),
    (1000, "xfy", &[","]),
    (990, "xfx", &[":="]),
    (900, "fy", &["\\+"]),
    (
        700,
        "xfx",
        &[
            "=", "\\=", "==", "\\==", "@<", "@>", "@=<", "@>=", "=..", "is", "=:=", "=\\=", "<", ">", "=<", ">=",
            ">:<", ":<", "as",
        ],
    ),
    (600, "xfy", &[":"]),
    (500, "yfx", &["+", "-", "/\\", "\\/", "xor"]),
    (500, "fx", &["?"]),
    (
        400,
        "yfx",
        &["*", "/", "//", "rdiv", "<<", ">>", "mod", "rem", "div", "divmod"],
    ),
    (200, "xfx", &["**"]),
    (200, "xfy", &["^"]),
    (200, "fy", &["-", "+", "\\"]),
    (100, "yfx", &["."]),
    (1, "fx", &["$"]),
    (
        1150,
        "fx",
        &[
            "dynamic",
            "discontiguous",
            "initialization",
            "meta_predicate",
            "module_transparent",
            "multifile",
            "public",
            "thread_local",
            "table",
        ],
    ),
];

impl Ops {
    /// The default table.
    pub fn standard() -> Ops {
        let mut ops = Ops::default();
        for (p, kind, names) in DEFAULTS {
            let kind = OpType::parse(kind).expect("valid default type");
            for n in *names {
                ops.add(n, *p, kind);
            }
        }
        ops
    }

    /// `op(P, Type, Name)`: priority 0 removes the operator.
    pub fn add(&mut self, name: &str, priority: u16, kind: OpType) {
        let key = (name.to_string(), kind.class());
        if priority == 0 {
            self.table.remove(&key);
        } else {
            self.table.insert(key, OpDef { priority, kind });
        }
    }

    /// The prefix definition of `name`.
    pub fn prefix(&self, name: &str) -> Option<OpDef> {
        self.get(name, OpClass::Prefix)
    }

    /// The infix definition of `name`.
    pub fn infix(&self, name: &str) -> Option<OpDef> {
        self.get(name, OpClass::Infix)
    }

    /// The postfix definition of `name`.
    pub fn postfix(&self, name: &str) -> Option<OpDef> {
        self.get(name, OpClass::Postfix)
    }

    fn get(&self, name: &str, class: OpClass) -> Option<OpDef> {
        if self.table.is_empty() {
            return None;
        }
        self.table.get(&(name.to_string(), class)).copied()
    }

    /// True if `name` is an operator of any kind.
    pub fn is_op(&self, name: &str) -> bool {
        self.prefix(name).is_some() || self.infix(name).is_some() || self.postfix(name).is_some()
    }

    /// Every definition, for `current_op/3`, sorted for a stable order.
    pub fn all(&self) -> Vec<(String, OpDef)> {
        let mut v: Vec<(String, OpDef)> = self.table.iter().map(|((n, _), d)| (n.clone(), *d)).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.priority.cmp(&b.1.priority)));
        v
    }
}
