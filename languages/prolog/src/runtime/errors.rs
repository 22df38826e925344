//! ISO error terms, raising them, and printing uncaught ones the way SWI-Prolog does.
//!
//! A builtin that fails with an error raises `error(Formal, context(Name/Arity, _))`
//! as a guest exception ([`Vm::raise_value`]), so `catch/3` (a framework
//! handler region) receives the term itself. Errors the framework raises
//! (an unbound global is an unknown procedure, division by zero) are turned
//! into the same terms by the [`error_value`] hook.

use super::state::pl;
use super::terms::{self, atom, compound, deref, new_compound, new_var};
use super::write::{format_term, WriteOpts};
use workbench_framework::object::{TypeId, Value};
use workbench_framework::space::standard::Vm;
use workbench_framework::space::{ErrorKind, OpError};

/// Raises `Ball` as a Prolog exception (a copy, as throw/1 requires).
pub fn throw(vm: &mut Vm, ball: Value) -> OpError {
    match terms::copy_term(&mut vm.space, ball) {
        Ok(copy) => vm.raise_value(copy, "prolog exception".into()),
        Err(e) => e,
    }
}

/// `Name/Arity` from `"name/arity"`; builtins are qualified `system:Name/Arity`
/// as SWI-Prolog reports them, evaluable functors (written `=(/)/2`) are not.
fn pred_indicator(vm: &mut Vm, pred: &str) -> Result<Value, OpError> {
    let (qualify, pred) = match pred.strip_prefix('=') {
        Some(p) => (false, p),
        None => (true, pred),
    };
    let (name, arity) = match pred.rfind('/') {
        Some(i) => (&pred[..i], pred[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (pred, 0),
    };
    let name = name.strip_prefix('(').and_then(|n| n.strip_suffix(')')).unwrap_or(name);
    let n = atom(&mut vm.space, name)?;
    let a = vm.space.int_value(arity)?;
    let slash = pl(&vm.space).atoms.slash;
    let pi = new_compound(&mut vm.space, slash, &[n, a])?;
    if !qualify {
        return Ok(pi);
    }
    let colon = atom(&mut vm.space, ":")?;
    let system = atom(&mut vm.space, "system")?;
    new_compound(&mut vm.space, colon, &[system, pi])
}

/// `error(Formal, context(Pred, _))` raised.
pub fn error(vm: &mut Vm, pred: &str, formal: Value) -> OpError {
    let built = (|| -> Result<Value, OpError> {
        let context = if pred.is_empty() {
            new_var(&mut vm.space)?
        } else {
            let pi = pred_indicator(vm, pred)?;
            let v = new_var(&mut vm.space)?;
            let c = atom(&mut vm.space, "context")?;
            new_compound(&mut vm.space, c, &[pi, v])?
        };
        let e = pl(&vm.space).atoms.error;
        new_compound(&mut vm.space, e, &[formal, context])
    })();
    match built {
        Ok(t) => vm.raise_value(t, "prolog error".into()),
        Err(e) => e,
    }
}

fn formal(vm: &mut Vm, name: &str, args: &[Value]) -> Result<Value, OpError> {
    let n = atom(&mut vm.space, name)?;
    if args.is_empty() {
        return Ok(n);
    }
    new_compound(&mut vm.space, n, args)
}

fn raise_formal(vm: &mut Vm, pred: &str, name: &str, args: &[&str], culprit: Option<Value>) -> OpError {
    let built = (|| -> Result<Value, OpError> {
        let mut xs = Vec::new();
        for a in args {
            xs.push(atom(&mut vm.space, a)?);
        }
        if let Some(c) = culprit {
            xs.push(c);
        }
        formal(vm, name, &xs)
    })();
    match built {
        Ok(f) => error(vm, pred, f),
        Err(e) => e,
    }
}

/// `instantiation_error`
pub fn instantiation(vm: &mut Vm, pred: &str) -> OpError {
    raise_formal(vm, pred, "instantiation_error", &[], None)
}

/// `type_error(Type, Culprit)`
pub fn type_error(vm: &mut Vm, pred: &str, ty: &str, culprit: Value) -> OpError {
    raise_formal(vm, pred, "type_error", &[ty], Some(culprit))
}

/// `domain_error(Domain, Culprit)`
pub fn domain_error(vm: &mut Vm, pred: &str, domain: &str, culprit: Value) -> OpError {
    raise_formal(vm, pred, "domain_error", &[domain], Some(culprit))
}

/// `existence_error(Kind, Culprit)`
pub fn existence_error(vm: &mut Vm, pred: &str, kind: &str, culprit: Value) -> OpError {
    raise_formal(vm, pred, "existence_error", &[kind], Some(culprit))
}

/// `evaluation_error(What)`
pub fn evaluation_error(vm: &mut Vm, pred: &str, what: &str) -> OpError {
    raise_formal(vm, pred, "evaluation_error", &[what], None)
}

/// `representation_error(What)`
pub fn representation_error(vm: &mut Vm, pred: &str, what: &str) -> OpError {
    raise_formal(vm, pred, "representation_error", &[what], None)
}

/// `permission_error(Action, Type, Culprit)`
pub fn permission_error(vm: &mut Vm, pred: &str, action: &str, ty: &str, culprit: Value) -> OpError {
    raise_formal(vm, pred, "permission_error", &[action, ty], Some(culprit))
}

/// `syntax_error(Message)`
pub fn syntax_error(vm: &mut Vm, pred: &str, message: &str) -> OpError {
    raise_formal(vm, pred, "syntax_error", &[message], None)
}

/// Checks that a (dereferenced) value is bound; an instantiation error otherwise.
pub fn bound(vm: &mut Vm, pred: &str, v: Value) -> Result<Value, OpError> {
    let v = deref(&vm.space, v);
    if terms::is_var(&vm.space, v) {
        return Err(instantiation(vm, pred));
    }
    Ok(v)
}

/// The hook that turns a framework error into the Prolog term a handler receives.
pub fn error_value(vm: &mut Vm, e: &OpError) -> Result<Value, OpError> {
    let (pred, formal_term) = match e.kind {
        ErrorKind::Name => {
            // "name 'foo/2' is not defined": an unknown procedure.
            let pi = e.message.split('\'').nth(1).unwrap_or("?").to_string();
            let t = pred_indicator(vm, &format!("={pi}"))?;
            let ex = atom(&mut vm.space, "existence_error")?;
            let proc_ = atom(&mut vm.space, "procedure")?;
            (String::new(), new_compound(&mut vm.space, ex, &[proc_, t])?)
        }
        ErrorKind::ZeroDivision => {
            let ev = atom(&mut vm.space, "evaluation_error")?;
            let z = atom(&mut vm.space, "zero_divisor")?;
            ("=(/)/2".to_string(), new_compound(&mut vm.space, ev, &[z])?)
        }
        ErrorKind::Recursion => {
            let r = atom(&mut vm.space, "resource_error")?;
            let m = atom(&mut vm.space, "stack")?;
            (String::new(), new_compound(&mut vm.space, r, &[m])?)
        }
        ErrorKind::Overflow => {
            let ev = atom(&mut vm.space, "evaluation_error")?;
            let z = atom(&mut vm.space, "float_overflow")?;
            (String::new(), new_compound(&mut vm.space, ev, &[z])?)
        }
        _ => {
            let s = atom(&mut vm.space, "system_error")?;
            let m = atom(&mut vm.space, &e.message)?;
            (String::new(), new_compound(&mut vm.space, s, &[m])?)
        }
    };
    let _ = error(vm, &pred, formal_term);
    Ok(vm.take_raised().unwrap_or(Value::NONE))
}

/// "a/an <type>" as SWI names the type of a culprit.
fn type_phrase(vm: &Vm, v: Value) -> &'static str {
    let s = &vm.space;
    let v = deref(s, v);
    match s.type_of(v) {
        TypeId::INT | TypeId::BIGINT => "an integer",
        TypeId::FLOAT => "a float",
        TypeId::STR => "an atom",
        t if t == terms::types::VAR => "a var",
        _ => "a compound",
    }
}

fn q(vm: &mut Vm, v: Value) -> String {
    format_term(vm, v, WriteOpts::print())
}

/// SWI's one-line message for an error term (without the context prefix).
pub fn message(vm: &mut Vm, ball: Value) -> String {
    let ball = deref(&vm.space, ball);
    let Some((name, args)) = compound(&vm.space, ball) else {
        return format!("Unknown message: {}", q(vm, ball));
    };
    let args = args.to_vec();
    if vm.space.str_of(name) != Some("error") || args.len() != 2 {
        return format!("Unknown message: {}", q(vm, ball));
    }
    let f = deref(&vm.space, args[0]);
    let (fname, fargs) = match compound(&vm.space, f) {
        Some((n, a)) => (vm.space.str_of(n).unwrap_or("").to_string(), a.to_vec()),
        None => (terms::atom_text(&vm.space, f).unwrap_or("").to_string(), Vec::new()),
    };
    let text = |vm: &mut Vm, v: Value| {
        let v = deref(&vm.space, v);
        terms::atom_text(&vm.space, v)
            .map(str::to_string)
            .unwrap_or_else(|| q(vm, v))
    };
    match (fname.as_str(), fargs.len()) {
        ("instantiation_error", 0) => "Arguments are not sufficiently instantiated".into(),
        ("type_error", 2) => {
            let ty = text(vm, fargs[0]);
            if ty == "evaluable" {
                return format!("Arithmetic: `{}' is not a function", q(vm, fargs[1]));
            }
            let culprit = q(vm, fargs[1]);
            format!(
                "Type error: `{ty}' expected, found `{culprit}' ({})",
                type_phrase(vm, fargs[1])
            )
        }
        ("domain_error", 2) => {
            let d = text(vm, fargs[0]);
            format!("Domain error: `{d}' expected, found `{}'", q(vm, fargs[1]))
        }
        ("existence_error", 2) => {
            let kind = text(vm, fargs[0]);
            if kind == "procedure" {
                format!("Unknown procedure: {}", q(vm, fargs[1]))
            } else {
                format!("{kind} `{}' does not exist", q(vm, fargs[1]))
            }
        }
        ("evaluation_error", 1) => format!("Arithmetic: evaluation error: `{}'", text(vm, fargs[0])),
        ("representation_error", 1) => format!("Cannot represent due to `{}'", text(vm, fargs[0])),
        ("permission_error", 3) => {
            let a = text(vm, fargs[0]);
            let t = text(vm, fargs[1]);
            format!("No permission to {a} {t} `{}'", q(vm, fargs[2]))
        }
        ("resource_error", 1) => format!("Not enough resources: {}", text(vm, fargs[0])),
        ("syntax_error", 1) => format!("Syntax error: {}", syntax_message(&text(vm, fargs[0]))),
        _ => format!("Unknown error term: {}", q(vm, f)),
    }
}

fn syntax_message(m: &str) -> String {
    match m {
        "illegal_number" => "Illegal number".into(),
        other => other.replace('_', " "),
    }
}

/// The `Name/Arity: ` prefix SWI puts before a message when the context names a predicate.
pub fn context_prefix(vm: &mut Vm, ball: Value) -> String {
    let ball = deref(&vm.space, ball);
    let Some((_, args)) = compound(&vm.space, ball) else {
        return String::new();
    };
    if args.len() != 2 {
        return String::new();
    }
    let ctx = deref(&vm.space, args[1]);
    let Some((cname, cargs)) = compound(&vm.space, ctx) else {
        return String::new();
    };
    if vm.space.str_of(cname) != Some("context") || cargs.len() != 2 {
        return String::new();
    }
    let pi = deref(&vm.space, cargs[0]);
    if terms::is_var(&vm.space, pi) {
        return String::new();
    }
    let pi = match compound(&vm.space, pi) {
        Some((n, a)) if a.len() == 2 && vm.space.str_of(n) == Some(":") => deref(&vm.space, a[1]),
        _ => pi,
    };
    // SWI writes the indicator plainly: `is/2`, `//2`.
    if let Some((n, a)) = compound(&vm.space, pi) {
        if a.len() == 2 {
            let (name, arity) = (deref(&vm.space, a[0]), deref(&vm.space, a[1]));
            if let (Some(name), Some(arity)) = (terms::atom_text(&vm.space, name), vm.space.int_of(arity)) {
                let _ = n;
                return format!("{name}/{arity}: ");
            }
        }
    }
    format!("{}: ", q(vm, pi))
}
