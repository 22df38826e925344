//! Term output with SWI-Prolog's layout: operators, quoting, lists, curly terms, numbers.
//!
//! `write/1`, `print/1`, `writeq/1` and `write_canonical/1` differ only in
//! their [`WriteOpts`]. The writer reads the run-time operator table, so a
//! program's `op/3` changes how its terms print. Spacing follows SWI:
//! symbolic operators are written without spaces (`a=b`, `1+2*3`) unless the
//! next token would glue to them (`1- -1`, `a= \+b`); alphabetic operators
//! get spaces (`X is Y`); a prefix minus before a number is followed by a
//! space (`- 1`) so that it does not read back as a negative number.

use super::state::pl;
use super::terms::{self, compound, deref};
use crate::ops::OpType;
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::{StandardSpace, Vm};

/// How to write a term.
#[derive(Clone, Copy, Debug, Default)]
pub struct WriteOpts {
    /// Quote atoms that need it (`writeq`, `print`).
    pub quoted: bool,
    /// Write operators in canonical form.
    pub ignore_ops: bool,
    /// `'$VAR'(N)` writes as a variable name.
    pub numbervars: bool,
}

impl WriteOpts {
    /// `write/1`
    pub fn write() -> WriteOpts {
        WriteOpts {
            quoted: false,
            ignore_ops: false,
            numbervars: true,
        }
    }
    /// `writeq/1` and `print/1`
    pub fn print() -> WriteOpts {
        WriteOpts {
            quoted: true,
            ignore_ops: false,
            numbervars: true,
        }
    }
    /// `write_canonical/1`
    pub fn canonical() -> WriteOpts {
        WriteOpts {
            quoted: true,
            ignore_ops: false,
            numbervars: false,
        }
    }
}

/// Formats a term with some variables written by name (the toplevel's query variables).
pub fn format_named(vm: &mut Vm, v: Value, opts: WriteOpts, names: Vec<(Value, String)>) -> String {
    let mut w = Writer {
        space: &vm.space,
        opts,
        out: String::new(),
        var_names: names,
    };
    w.term(v, 1200);
    w.out
}

/// Formats a term as text.
pub fn format_term(vm: &mut Vm, v: Value, opts: WriteOpts) -> String {
    let mut var_names = Vec::new();
    if !opts.numbervars && opts.quoted {
        let mut seen: Vec<(Value, usize)> = Vec::new();
        count_vars(&vm.space, v, &mut seen);
        let mut next = 0;
        for (var, n) in seen {
            if n == 1 {
                var_names.push((var, "_".to_string()));
            } else {
                let letter = (b'A' + (next % 26) as u8) as char;
                let suffix = if next >= 26 {
                    (next / 26).to_string()
                } else {
                    String::new()
                };
                var_names.push((var, format!("{letter}{suffix}")));
                next += 1;
            }
        }
    }
    let mut w = Writer {
        space: &vm.space,
        opts,
        out: String::new(),
        var_names,
    };
    w.term(v, 1200);
    w.out
}

/// SWI's float format: shortest round-trip digits, `.0` always present,
/// exponent form outside 1e-4..1e15 (`1.0e+15`, `1.5e-7`).
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "1.5NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "1.0Inf".into() } else { "-1.0Inf".into() };
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..15).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let m = if mantissa.contains('.') {
            mantissa.to_string()
        } else {
            format!("{mantissa}.0")
        };
        if exp >= 0 {
            format!("{m}e+{exp}")
        } else {
            format!("{m}e{exp}")
        }
    }
}

/// Occurrence counts of the variables of a term, in order of first occurrence.
fn count_vars(space: &StandardSpace, v: Value, seen: &mut Vec<(Value, usize)>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        let v = deref(space, v);
        if terms::is_var(space, v) {
            match seen.iter_mut().find(|(x, _)| *x == v) {
                Some((_, n)) => *n += 1,
                None => seen.push((v, 1)),
            }
        } else if let Some((_, args)) = compound(space, v) {
            stack.extend(args.iter().rev());
        }
    }
}

fn is_symbol_char(c: char) -> bool {
    "+-*/\\^<>=~:.?@#&$".contains(c)
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// How an atom is written by `writeq`.
pub fn quote_atom(a: &str) -> String {
    if atom_needs_no_quotes(a) {
        return a.to_string();
    }
    let mut out = String::from("'");
    for c in a.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\0' => out.push_str("\\000\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn atom_needs_no_quotes(a: &str) -> bool {
    let mut chars = a.chars();
    let Some(first) = chars.next() else { return false };
    if first.is_lowercase() {
        return a.chars().all(is_alnum);
    }
    if matches!(a, "[]" | "!" | ";" | "{}" | ",") {
        return a != ",";
    }
    a.chars().all(is_symbol_char) && !a.starts_with("/*") && a != "."
}

struct Writer<'a> {
    space: &'a StandardSpace,
    opts: WriteOpts,
    out: String,
    /// `write_canonical` names: `_` for a variable that occurs once, `A`, `B`, ... otherwise.
    var_names: Vec<(Value, String)>,
}

impl Writer<'_> {
    /// Appends a token, with a space first if it would glue to what precedes it.
    fn token(&mut self, s: &str) {
        if let (Some(prev), Some(next)) = (self.out.chars().last(), s.chars().next()) {
            let glue = (is_alnum(prev) && is_alnum(next)) || (is_symbol_char(prev) && is_symbol_char(next));
            if glue {
                self.out.push(' ');
            }
        }
        self.out.push_str(s);
    }

    fn atom(&mut self, a: &str) {
        let text = if self.opts.quoted { quote_atom(a) } else { a.to_string() };
        self.token(&text);
    }

    fn number(&mut self, v: Value) {
        let s = self.space;
        let text = match s.type_of(v) {
            TypeId::FLOAT => format_float(s.float_of(v).unwrap_or(0.0)),
            TypeId::BIGINT => s.bigint_of(v).map(|b| b.to_string()).unwrap_or_default(),
            _ => s.int_of(v).unwrap_or(0).to_string(),
        };
        self.token(&text);
    }

    fn is_op_atom(&self, v: Value) -> bool {
        match terms::atom_text(self.space, v) {
            Some(a) => pl(self.space).ops.is_op(a) && !matches!(a, "[]" | "{}" | "!" | ";" | ","),
            None => false,
        }
    }

    fn term(&mut self, v: Value, max: u16) {
        let s = self.space;
        let v = deref(s, v);
        if terms::is_var(s, v) {
            if let Some((_, name)) = self.var_names.iter().find(|(x, _)| *x == v) {
                let name = name.clone();
                self.token(&name);
                return;
            }
            let n = v.as_ref().map_or(0, |r| r.0);
            self.token(&format!("_{n}"));
            return;
        }
        if let Some(a) = terms::atom_text(s, v) {
            let a = a.to_string();
            self.atom(&a);
            return;
        }
        if terms::is_number(s, v) {
            self.number(v);
            return;
        }
        let Some((name, args)) = compound(s, v) else {
            self.token("?");
            return;
        };
        let name = s.str_of(name).unwrap_or("?").to_string();
        let args = args.to_vec();
        if name == "." && args.len() == 2 {
            return self.list(v);
        }
        if self.opts.numbervars && name == "$VAR" && args.len() == 1 {
            if let Some(n) = s.int_of(deref(s, args[0])) {
                let letter = (b'A' + (n % 26) as u8) as char;
                let suffix = if n >= 26 { (n / 26).to_string() } else { String::new() };
                self.token(&format!("{letter}{suffix}"));
                return;
            }
        }
        if name == "{}" && args.len() == 1 && !self.opts.ignore_ops {
            self.token("{");
            self.term(args[0], 1200);
            self.out.push('}');
            return;
        }
        if !self.opts.ignore_ops {
            let ops = &pl(s).ops;
            if args.len() == 2 {
                if let Some(def) = ops.infix(&name) {
                    let (lmax, rmax) = def.arg_max();
                    let paren = def.priority > max;
                    if paren {
                        self.token("(");
                    }
                    self.operand(args[0], lmax);
                    if name == "," {
                        self.out.push(',');
                    } else if name.chars().all(is_alnum) {
                        self.out.push(' ');
                        self.atom(&name);
                        self.out.push(' ');
                    } else if name == "|" {
                        self.out.push('|');
                    } else {
                        self.atom(&name);
                    }
                    self.operand(args[1], rmax);
                    if paren {
                        self.out.push(')');
                    }
                    return;
                }
            }
            if args.len() == 1 {
                if let Some(def) = ops.prefix(&name) {
                    let (_, amax) = def.arg_max();
                    let paren = def.priority > max;
                    if paren {
                        self.token("(");
                    }
                    self.atom(&name);
                    let arg = deref(s, args[0]);
                    let alpha_op = name.chars().all(is_alnum);
                    let sign = name == "-" || name == "+";
                    // `- 1` and `- 1^2` keep their space, so they do not read back as numbers.
                    if alpha_op || sign && (terms::is_number(s, arg) || self.starts_with_digit(arg, amax)) {
                        self.out.push(' ');
                        self.term(arg, amax);
                    } else if self.is_op_atom(arg) || self.arg_priority(arg) > amax {
                        self.out.push_str(" (");
                        self.term(arg, 1200);
                        self.out.push(')');
                    } else {
                        self.term(arg, amax);
                    }
                    if paren {
                        self.out.push(')');
                    }
                    return;
                }
                if let Some(def) = ops.postfix(&name) {
                    let (amax, _) = def.arg_max();
                    let paren = def.priority > max;
                    if paren {
                        self.token("(");
                    }
                    self.term(args[0], amax);
                    self.atom(&name);
                    if paren {
                        self.out.push(')');
                    }
                    return;
                }
            }
        }
        self.atom(&name);
        self.out.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.term(*a, 999);
        }
        self.out.push(')');
    }

    /// The right operand of an infix operator: a space if it would glue, parentheses if needed.
    fn operand(&mut self, v: Value, max: u16) {
        let s = self.space;
        let v = deref(s, v);
        if self.is_op_atom(v) && self.atom_priority(v) > 0 && max < 1200 {
            self.token("(");
            self.term(v, 1200);
            self.out.push(')');
            return;
        }
        self.term(v, max);
    }

    /// The highest priority of an operator atom.
    fn atom_priority(&self, v: Value) -> u16 {
        let Some(a) = terms::atom_text(self.space, v) else {
            return 0;
        };
        let ops = &pl(self.space).ops;
        [ops.prefix(a), ops.infix(a), ops.postfix(a)]
            .iter()
            .flatten()
            .map(|d| d.priority)
            .max()
            .unwrap_or(0)
    }

    /// Would this operand's text start with a digit (so `- 1^2` needs its space)?
    fn starts_with_digit(&self, v: Value, max: u16) -> bool {
        let mut w = Writer {
            space: self.space,
            opts: self.opts,
            out: String::new(),
            var_names: self.var_names.clone(),
        };
        w.term(v, max);
        w.out.starts_with(|c: char| c.is_ascii_digit())
    }

    /// The priority a term has as an operand.
    fn arg_priority(&self, v: Value) -> u16 {
        let s = self.space;
        let Some((name, args)) = compound(s, v) else { return 0 };
        let name = s.str_of(name).unwrap_or("");
        let ops = &pl(s).ops;
        match args.len() {
            2 => ops.infix(name).map_or(0, |d| d.priority),
            1 => ops.prefix(name).or(ops.postfix(name)).map_or(0, |d| d.priority),
            _ => 0,
        }
    }

    fn list(&mut self, v: Value) {
        let s = self.space;
        self.token("[");
        let mut v = v;
        let mut first = true;
        loop {
            v = deref(s, v);
            match compound(s, v) {
                Some((name, args)) if args.len() == 2 && s.str_of(name) == Some(".") => {
                    if !first {
                        self.out.push(',');
                    }
                    first = false;
                    let (head, tail) = (args[0], args[1]);
                    self.term(head, 999);
                    v = tail;
                }
                _ => {
                    if terms::atom_text(s, v) != Some("[]") {
                        self.out.push('|');
                        self.term(v, 999);
                    }
                    break;
                }
            }
        }
        self.out.push(']');
    }
}

/// True for the op type shapes where the writer puts no space (kept for clarity of the table).
pub fn is_infix(t: OpType) -> bool {
    matches!(t, OpType::Xfx | OpType::Xfy | OpType::Yfx)
}
