//! Printing annotations and the per-function listing of `workbench annotate`.
//!
//! The listing is meant to be read and diffed (the tests snapshot it), so its
//! order is stable: the module first, then every other function in the order
//! the front end compiled them, then the classes. A function's line joins
//! what every specialization of it found, so it holds for every call.

use crate::flow::Analysis;
use crate::lattice::Ann;
use std::fmt::Write;

/// An annotation in the notation of the listing (`int`, `list[str]`, `int | None`, `Point`).
pub fn show(a: &Analysis, v: &Ann) -> String {
    show_depth(a, v, 0)
}

fn show_depth(a: &Analysis, v: &Ann, depth: usize) -> String {
    if depth > 3 {
        return "...".to_string();
    }
    let sub = |x: &Ann| show_depth(a, x, depth + 1);
    match v {
        Ann::Never => "never".to_string(),
        Ann::None => "None".to_string(),
        Ann::Bool(None) => "bool".to_string(),
        Ann::Bool(Some(b)) => format!("bool({b})"),
        Ann::Int(r) => r.to_string(),
        Ann::Float => "float".to_string(),
        Ann::Str(None) => "str".to_string(),
        Ann::Str(Some(s)) => format!("str({s:?})"),
        Ann::List(_) => format!("list[{}]", sub(&a.contents(v, false))),
        Ann::Dict(_) => format!("dict[{}, {}]", sub(&a.contents(v, false)), sub(&a.contents(v, true))),
        Ann::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(sub).collect();
            format!("tuple[{}]", inner.join(", "))
        }
        Ann::Iter(item) => format!("iterator[{}]", sub(item)),
        Ann::Instance(c) => a.classes[*c as usize].name.clone(),
        Ann::Class(c) => format!("class {}", a.classes[*c as usize].name),
        Ann::Function(f) => format!("function {}", function_name(a, *f)),
        Ann::Method(f, _) => format!("method {}", function_name(a, *f)),
        Ann::Builtin(b) => format!("builtin {}", builtin_name(a, *b)),
        Ann::Cell(_) => "cell".to_string(),
        Ann::Other(t) => a.registry_type_name(*t),
        Ann::Union(ms) => ms.iter().map(sub).collect::<Vec<_>>().join(" | "),
        Ann::Object => "object".to_string(),
    }
}

fn builtin_name(a: &Analysis, b: u32) -> &'static str {
    use workbench_framework::language::BuiltinSignature;
    match a.builtins[b as usize] {
        BuiltinSignature::Function(n, _) | BuiltinSignature::ClassBuilder(n, _) => n,
        BuiltinSignature::Method(_, n, ..) => n,
    }
}

/// `C.method` for a function found in a class's namespace, else the code's name.
pub fn function_name(a: &Analysis, f: u32) -> String {
    let name = &a.module.codes[f as usize].name;
    for class in &a.classes {
        if class
            .namespace
            .values()
            .any(|v| v.members().contains(&Ann::Function(f)))
        {
            return format!("{}.{name}", class.name);
        }
    }
    name.clone()
}

/// The whole listing.
pub fn listing(a: &Analysis) -> String {
    let mut out = String::new();
    let main = a.module.main.map(|m| m.0);
    let mut order: Vec<u32> = main.into_iter().collect();
    order.extend((0..a.module.codes.len() as u32).filter(|f| Some(*f) != main));
    for f in order {
        let code = &a.module.codes[f as usize];
        let specs: Vec<_> = a
            .specs
            .iter()
            .enumerate()
            .filter(|(i, s)| s.code == f && a.live.get(*i).copied().unwrap_or(!a.converged))
            .map(|(_, s)| s)
            .collect();
        if Some(f) == main {
            let _ = writeln!(out, "module {}", code.name);
            for (g, v) in &a.globals {
                let name = a.global_names.name(workbench_framework::bytecode::GlobalId(*g));
                let _ = writeln!(out, "    global {name}: {}", show(a, v));
            }
            continue;
        }
        let nparams = crate::flow::param_count(code);
        let param_name = |i: usize| -> String {
            code.params
                .names
                .get(i)
                .cloned()
                .or_else(|| {
                    code.locals
                        .iter()
                        .find(|l| l.reg.0 as usize == i)
                        .map(|l| l.name.clone())
                })
                .unwrap_or_else(|| format!("r{i}"))
        };
        let name = function_name(a, f);
        if a.classes.iter().any(|c| c.body == Some(f)) {
            continue; // a class body: its namespace is listed with the class
        }
        if specs.is_empty() {
            let params: Vec<String> = (0..nparams).map(param_name).collect();
            let _ = writeln!(out, "def {name}({}): never called", params.join(", "));
            continue;
        }
        let mut args = vec![Ann::Never; nparams];
        let mut ret = Ann::Never;
        let mut locals: Vec<(String, Ann)> = Vec::new();
        for s in &specs {
            for (i, v) in s.args.iter().enumerate().take(nparams) {
                args[i] = args[i].join(v);
            }
            ret = ret.join(&s.ret);
            for (n, v) in &s.locals {
                match locals.iter_mut().find(|(m, _)| m == n) {
                    Some((_, w)) => *w = w.join(v),
                    None => locals.push((n.clone(), v.clone())),
                }
            }
        }
        let params: Vec<String> = (0..nparams)
            .map(|i| format!("{}: {}", param_name(i), show(a, &args[i])))
            .collect();
        let generic = if specs.iter().any(|s| s.generic) {
            "  (also called from code the annotator does not see)"
        } else {
            ""
        };
        let ret_text = if code.generator {
            "generator".to_string()
        } else {
            show(a, &ret)
        };
        let _ = writeln!(out, "def {name}({}) -> {ret_text}{generic}", params.join(", "));
        let params_names: Vec<String> = (0..nparams).map(param_name).collect();
        for (n, v) in locals {
            if !params_names.contains(&n) {
                let _ = writeln!(out, "    {n}: {}", show(a, &v));
            }
        }
    }
    for class in &a.classes {
        let _ = writeln!(out, "class {}", class.name);
        if class.open {
            let _ = writeln!(out, "    (attributes set by code the annotator does not see)");
        }
        for (n, v) in &class.namespace {
            if n.starts_with("__") && n.ends_with("__") && !matches!(v, Ann::Function(_)) {
                continue; // `__module__`, `__qualname__` and friends
            }
            let _ = writeln!(out, "    {n}: {}", show(a, v));
        }
        for (n, v) in &class.attrs {
            let _ = writeln!(out, "    self.{n}: {}", show(a, v));
        }
    }
    if !a.converged {
        let _ = writeln!(
            out,
            "(the annotator stopped before a fixpoint: no type error is reported)"
        );
    }
    out
}
