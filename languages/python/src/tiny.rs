//! Python in the tiny space: the builtins and methods a small program needs.
//!
//! In the standard space Python installs classes, a prelude written in Python
//! and hundreds of builtins, all of which need that space. The tiny space
//! (ints, strings, lists, functions) gets this smaller set instead, written
//! against [`TinySpace`] and worded exactly as the standard space words its
//! answers and errors: `print` (with `sep` and `end`), `len`, `range`, `str`,
//! `repr`, `int`, `bool`, `abs`, `min`, `max`, `sum`, `list`, `iter`, `next`,
//! and the common list and string methods. Every other Python builtin (and
//! every helper the compiler calls for classes, exceptions, imports) is bound
//! to a native that reports "... is not available in the tiny space", so a
//! program that needs one stops with that error and the span of the call.

use workbench_framework::diagnostic::Diagnostic;
use workbench_framework::interp::{Interp, BUILTINS};
use workbench_framework::language::{Arity, Builtin};
use workbench_framework::space::tiny::{MethodOf, Tiny, TinySpace, TypeNames};
use workbench_framework::space::{ErrorKind, OpError, Space};

type Vm = Interp<TinySpace>;
type Native = fn(&mut Vm, &[Tiny]) -> Result<Tiny, OpError>;

fn unsupported(what: &str) -> OpError {
    OpError::unsupported("tiny", what)
}

fn b(name: &'static str, arity: Arity, func: Native) -> Builtin<TinySpace> {
    Builtin { name, arity, func }
}

/// Python builtins the tiny space refuses, with what they would need.
const REFUSED: &[(&str, &str)] = &[
    ("float", "float"),
    ("complex", "complex"),
    ("dict", "dict"),
    ("set", "set"),
    ("frozenset", "frozenset"),
    ("tuple", "tuple"),
    ("object", "object"),
    ("type", "type"),
    ("isinstance", "isinstance"),
    ("issubclass", "issubclass"),
    ("enumerate", "enumerate (it makes tuples)"),
    ("zip", "zip (it makes tuples)"),
    ("map", "map"),
    ("filter", "filter"),
    ("reversed", "reversed"),
    ("sorted", "sorted"),
    ("divmod", "divmod (it makes tuples)"),
    ("round", "round"),
    ("open", "open"),
    ("input", "input"),
    ("hash", "hash"),
    ("id", "id"),
    ("getattr", "getattr"),
    ("setattr", "setattr"),
    ("hasattr", "hasattr"),
    ("callable", "callable"),
    ("chr", "chr"),
    ("ord", "ord"),
    ("property", "property"),
    ("staticmethod", "staticmethod"),
    ("classmethod", "classmethod"),
    ("super", "super"),
    ("exit", "exit"),
    ("aiter", "aiter"),
    ("all", "all"),
    ("anext", "anext"),
    ("any", "any"),
    ("ascii", "ascii"),
    ("bin", "bin"),
    ("breakpoint", "breakpoint"),
    ("bytearray", "bytearray"),
    ("bytes", "bytes"),
    ("compile", "compile"),
    ("delattr", "delattr"),
    ("dir", "dir"),
    ("eval", "eval"),
    ("exec", "exec"),
    ("format", "format"),
    ("globals", "globals"),
    ("help", "help"),
    ("hex", "hex"),
    ("locals", "locals"),
    ("memoryview", "memoryview"),
    ("oct", "oct"),
    ("pow", "pow"),
    ("quit", "quit"),
    ("slice", "slice"),
    ("vars", "vars"),
    ("__import__", "__import__"),
    ("__build_class__", "__build_class__"),
    ("NotImplemented", "NotImplemented"),
    ("Ellipsis", "Ellipsis"),
];

/// Helpers the Python compiler calls, and the feature each one serves.
const REFUSED_HELPERS: &[(&str, &str)] = &[
    ("__wb_build_class__", "a class statement"),
    ("__wb_exc_match__", "exception handling"),
    ("__wb_exc__", "exception handling"),
    ("__wb_set_cause__", "exception chaining"),
    ("__wb_import__", "import"),
    ("__wb_unpack_star__", "starred unpacking"),
    ("__wb_list_extend__", "starred expressions"),
    ("__wb_kwargs_merge__", "keyword unpacking"),
    ("__wb_kwarg__", "keyword unpacking"),
    ("__wb_dict_update__", "dict displays"),
    ("__wb_convert__", "conversions in f-strings"),
    ("__wb_gen_result__", "generators"),
    ("__wb_set_doc__", "docstrings on classes"),
];

macro_rules! refuse {
    ($($i:literal),*) => {
        [$(|vm: &mut Vm, _: &[Tiny]| -> Result<Tiny, OpError> { refuse_at(vm, $i) }),*]
    };
}

/// One refusing native per entry of [`REFUSED`] and [`REFUSED_HELPERS`] (a `fn`
/// pointer cannot capture the name, so the index is baked in).
const REFUSERS: [Native; 75] = refuse!(
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
    31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
    60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74
);

const _: () = assert!(REFUSED.len() + REFUSED_HELPERS.len() == REFUSERS.len());

fn refuse_at(_: &mut Vm, i: usize) -> Result<Tiny, OpError> {
    Err(match REFUSED.get(i) {
        Some((_, what)) => unsupported(&format!("the builtin {what}")),
        None => match REFUSED_HELPERS.get(i - REFUSED.len()) {
            Some((_, what)) => unsupported(what),
            None => unsupported("this Python feature"),
        },
    })
}

/// The exception classes of the standard space's prelude; the tiny space has no classes.
const EXCEPTIONS: &[&str] = &[
    "BaseException",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "StopIteration",
    "ArithmeticError",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "AssertionError",
    "AttributeError",
    "EOFError",
    "ImportError",
    "ModuleNotFoundError",
    "LookupError",
    "IndexError",
    "KeyError",
    "MemoryError",
    "NameError",
    "UnboundLocalError",
    "OSError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "TimeoutError",
    "ReferenceError",
    "RuntimeError",
    "NotImplementedError",
    "RecursionError",
    "SyntaxError",
    "IndentationError",
    "TabError",
    "SystemError",
    "TypeError",
    "ValueError",
    "UnicodeError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "Warning",
    "UserWarning",
    "DeprecationWarning",
    "PendingDeprecationWarning",
    "SyntaxWarning",
    "RuntimeWarning",
    "FutureWarning",
    "ImportWarning",
    "UnicodeWarning",
    "BytesWarning",
    "ResourceWarning",
];

fn refuse_exception(_: &mut Vm, _: &[Tiny]) -> Result<Tiny, OpError> {
    Err(unsupported("an exception class"))
}

/// Installs Python's tiny-space builtins and methods (see the module doc).
pub fn start(vm: &mut Vm) -> Result<(), Diagnostic> {
    let to_diag = |e: OpError| Diagnostic::new(e.kind.name(), e.message.clone(), None);
    vm.space.names = TypeNames {
        none: "NoneType",
        function: "function",
        native: "builtin_function_or_method",
    };
    let mut all = vec![
        b("print", Arity::AtLeast(0), print),
        b("len", Arity::Exact(1), len),
        b("range", Arity::AtLeast(1), range),
        b("str", Arity::AtLeast(0), str_),
        b("repr", Arity::Exact(1), repr),
        b("int", Arity::AtLeast(0), int),
        b("bool", Arity::AtLeast(0), bool_),
        b("abs", Arity::Exact(1), abs),
        b("min", Arity::AtLeast(1), min),
        b("max", Arity::AtLeast(1), max),
        b("sum", Arity::Exact(1), sum),
        b("list", Arity::AtLeast(0), list),
        b("iter", Arity::Exact(1), iter),
        b("next", Arity::Exact(1), next),
        b("__wb_format__", Arity::Exact(2), format),
        b("__wb_echo__", Arity::Exact(1), echo),
    ];
    for (i, (name, _)) in REFUSED.iter().chain(REFUSED_HELPERS).enumerate() {
        all.push(b(name, Arity::AtLeast(0), REFUSERS[i]));
    }
    for name in EXCEPTIONS {
        all.push(b(name, Arity::AtLeast(0), refuse_exception));
    }
    // Methods are natives named `type.method`, a name no Python program can spell.
    let methods: [(MethodOf, &'static str, Arity, Native); 16] = [
        (MethodOf::List, "list.append", Arity::Exact(2), list_append),
        (MethodOf::List, "list.pop", Arity::AtLeast(1), list_pop),
        (MethodOf::List, "list.insert", Arity::Exact(3), list_insert),
        (MethodOf::List, "list.extend", Arity::Exact(2), list_extend),
        (MethodOf::List, "list.reverse", Arity::Exact(1), list_reverse),
        (MethodOf::List, "list.index", Arity::Exact(2), list_index),
        (MethodOf::List, "list.count", Arity::Exact(2), list_count),
        (MethodOf::Str, "str.join", Arity::Exact(2), str_join),
        (MethodOf::Str, "str.upper", Arity::Exact(1), str_upper),
        (MethodOf::Str, "str.lower", Arity::Exact(1), str_lower),
        (MethodOf::Str, "str.strip", Arity::Exact(1), str_strip),
        (MethodOf::Str, "str.split", Arity::AtLeast(1), str_split),
        (MethodOf::Str, "str.startswith", Arity::Exact(2), str_startswith),
        (MethodOf::Str, "str.endswith", Arity::Exact(2), str_endswith),
        (MethodOf::Str, "str.replace", Arity::Exact(3), str_replace),
        (MethodOf::Str, "str.find", Arity::Exact(2), str_find),
    ];
    for (_, name, arity, func) in methods {
        all.push(b(name, arity, func));
    }
    vm.install(all).map_err(to_diag)?;
    for (of, name, _, _) in methods {
        let f = *vm.global_in(BUILTINS, name).ok_or_else(|| to_diag(unsupported(name)))?;
        let method = name.split_once('.').map_or(name, |(_, m)| m);
        vm.space.add_method(of, method, f);
    }
    let name = vm.space.str("__main__").map_err(to_diag)?;
    vm.set_global("__name__", name);
    Ok(())
}

fn arg(args: &[Tiny], i: usize) -> Result<Tiny, OpError> {
    args.get(i)
        .copied()
        .ok_or_else(|| OpError::type_error("missing argument"))
}

fn int_arg(vm: &Vm, w: Tiny) -> Result<i64, OpError> {
    match w {
        Tiny::TRUE => Ok(1),
        Tiny::FALSE => Ok(0),
        _ => vm.space.int_of(w).ok_or_else(|| {
            OpError::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.space.type_name_of(w)
            ))
        }),
    }
}

fn print(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let (mut sep, mut end) = (" ".to_string(), "\n".to_string());
    for (key, value) in vm.take_keywords() {
        let text = if value == Tiny::NONE {
            None
        } else {
            Some(vm.space.str_of(value).map(str::to_string).ok_or_else(|| {
                OpError::type_error(format!(
                    "{key} must be None or a string, not {}",
                    vm.space.type_name_of(value)
                ))
            })?)
        };
        match key.as_str() {
            "sep" => sep = text.unwrap_or_else(|| " ".into()),
            "end" => end = text.unwrap_or_else(|| "\n".into()),
            "flush" => {}
            _ => {
                return Err(OpError::type_error(format!(
                    "'{key}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.display(a)?);
    }
    out.push_str(&end);
    vm.write_out(&out, args)?;
    Ok(Tiny::NONE)
}

fn echo(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let v = arg(args, 0)?;
    if v != Tiny::NONE {
        let text = vm.repr(&v)?;
        vm.write_out(&format!("{text}\n"), args)?;
    }
    Ok(Tiny::NONE)
}

fn len(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let v = arg(args, 0)?;
    match vm.space.len_of(v) {
        Some(n) => vm.space.int_value(n as i64),
        None => Err(OpError::type_error(format!(
            "object of type '{}' has no len()",
            vm.space.type_name_of(v)
        ))),
    }
}

fn range(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let n: Vec<i64> = args.iter().map(|&a| int_arg(vm, a)).collect::<Result<_, _>>()?;
    match *n.as_slice() {
        [stop] => vm.space.range_value(0, stop, 1),
        [start, stop] => vm.space.range_value(start, stop, 1),
        [start, stop, step] => vm.space.range_value(start, stop, step),
        _ => Err(OpError::type_error(format!(
            "range expected at most 3 arguments, got {}",
            args.len()
        ))),
    }
}

fn str_(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    match args {
        [] => vm.space.str(""),
        [v] => {
            let text = vm.display(v)?;
            vm.space.str(&text)
        }
        _ => Err(unsupported("str() with an encoding")),
    }
}

fn repr(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let text = vm.repr(&arg(args, 0)?)?;
    vm.space.str(&text)
}

fn int(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    match args {
        [] => vm.space.int(0),
        [v] => {
            if let Some(text) = vm.space.str_of(*v) {
                let cleaned: String = text.trim().replace('_', "");
                return match cleaned.parse::<i64>() {
                    Ok(i) if !text.trim().starts_with('_') && !text.contains("__") => vm.space.int(i),
                    _ if !cleaned.is_empty()
                        && cleaned
                            .trim_start_matches(['-', '+'])
                            .bytes()
                            .all(|c| c.is_ascii_digit()) =>
                    {
                        Err(unsupported("an int beyond 64 bits"))
                    }
                    _ => Err(OpError::new(
                        ErrorKind::Value,
                        format!("invalid literal for int() with base 10: {}", vm.repr(v)?),
                    )),
                };
            }
            match vm.space.int_of(*v) {
                Some(i) => vm.space.int(i),
                None if matches!(*v, Tiny::TRUE | Tiny::FALSE) => vm.space.int((*v == Tiny::TRUE) as i64),
                None => Err(OpError::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    vm.space.type_name_of(*v)
                ))),
            }
        }
        _ => Err(unsupported("int() with a base")),
    }
}

fn bool_(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    match args.first() {
        None => Ok(Tiny::FALSE),
        Some(v) => Ok(Tiny::bool(TinySpace::truth(vm, v)?)),
    }
}

fn abs(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let v = arg(args, 0)?;
    match vm.space.int_of(v) {
        Some(i) => {
            let r = i.checked_abs().ok_or_else(|| {
                OpError::new(
                    ErrorKind::Overflow,
                    "integer overflow (the tiny space has no bigints; use --space standard)",
                )
            })?;
            vm.space.int(r)
        }
        None => Err(OpError::type_error(format!(
            "bad operand type for abs(): '{}'",
            vm.space.type_name_of(v)
        ))),
    }
}

/// The items of an iterable, through the space's iteration.
fn items_of(vm: &mut Vm, v: Tiny) -> Result<Vec<Tiny>, OpError> {
    let it = TinySpace::iter(vm, v)?;
    vm.keep_alive(it);
    let mut out = Vec::new();
    while let Some(x) = TinySpace::next(vm, it)? {
        // The items are counted against the heap budget before they become a list.
        vm.space.heap.reserve(out.len().saturating_mul(8))?;
        vm.keep_alive(x);
        out.push(x);
    }
    Ok(out)
}

fn extreme(vm: &mut Vm, args: &[Tiny], name: &str, op: workbench_framework::bytecode::BinOp) -> Result<Tiny, OpError> {
    if !vm.take_keywords().is_empty() {
        return Err(unsupported(&format!("{name}() with keyword arguments")));
    }
    let items = if args.len() == 1 {
        items_of(vm, args[0])?
    } else {
        args.to_vec()
    };
    let mut best = *items
        .first()
        .ok_or_else(|| OpError::new(ErrorKind::Value, format!("{name}() iterable argument is empty")))?;
    for &x in &items[1..] {
        let better = TinySpace::binary(vm, op, x, best)?;
        if TinySpace::truth(vm, &better)? {
            best = x;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    extreme(vm, args, "min", workbench_framework::bytecode::BinOp::Lt)
}

fn max(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    extreme(vm, args, "max", workbench_framework::bytecode::BinOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let items = items_of(vm, arg(args, 0)?)?;
    let mut total = vm.space.int(0)?;
    for x in items {
        total = TinySpace::binary(vm, workbench_framework::bytecode::BinOp::Add, total, x)?;
    }
    Ok(total)
}

fn list(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let items = match args.first() {
        Some(&v) => items_of(vm, v)?,
        None => Vec::new(),
    };
    vm.space.heap.reserve(items.len() * 4)?;
    vm.space.list_value(items)
}

fn iter(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    TinySpace::iter(vm, arg(args, 0)?)
}

fn next(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    match TinySpace::next(vm, arg(args, 0)?)? {
        Some(x) => Ok(x),
        None => Err(unsupported("StopIteration (an exception class)")),
    }
}

/// `f"{value:spec}"`: only the empty spec.
fn format(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let spec = vm.space.str_of(arg(args, 1)?).unwrap_or("").to_string();
    if !spec.is_empty() {
        return Err(unsupported(&format!("the format spec ':{spec}'")));
    }
    str_(vm, &args[..1])
}

fn list_append(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    TinySpace::append(vm, args[0], args[1])?;
    Ok(Tiny::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let len = vm.space.len_of(args[0]).unwrap_or(0);
    if len == 0 {
        return Err(OpError::new(ErrorKind::Index, "pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&w) => int_arg(vm, w)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(OpError::new(ErrorKind::Index, "pop index out of range"));
    }
    vm.space.heap.with_list(args[0], 0, |items| items.remove(j as usize))
}

fn list_insert(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let len = vm.space.len_of(args[0]).unwrap_or(0) as i64;
    let i = int_arg(vm, args[1])?;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let item = args[2];
    vm.space
        .heap
        .with_list(args[0], 1, |items| items.insert(j as usize, item))?;
    Ok(Tiny::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let more = items_of(vm, args[1])?;
    vm.space
        .heap
        .with_list(args[0], more.len(), |items| items.extend(more))?;
    Ok(Tiny::NONE)
}

fn list_reverse(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    vm.space.heap.with_list(args[0], 0, |items| items.reverse())?;
    Ok(Tiny::NONE)
}

fn equal(vm: &mut Vm, a: Tiny, b: Tiny) -> Result<bool, OpError> {
    let r = TinySpace::binary(vm, workbench_framework::bytecode::BinOp::Eq, a, b)?;
    TinySpace::truth(vm, &r)
}

fn list_index(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let items = vm.space.list_of(args[0]).unwrap_or(&[]).to_vec();
    for (i, x) in items.into_iter().enumerate() {
        if equal(vm, x, args[1])? {
            return vm.space.int(i as i64);
        }
    }
    let shown = vm.repr(&args[1])?;
    Err(OpError::new(ErrorKind::Value, format!("{shown} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let items = vm.space.list_of(args[0]).unwrap_or(&[]).to_vec();
    let mut n = 0;
    for x in items {
        n += equal(vm, x, args[1])? as i64;
    }
    vm.space.int(n)
}

fn text_of(vm: &Vm, w: Tiny, what: &str) -> Result<String, OpError> {
    vm.space
        .str_of(w)
        .map(str::to_string)
        .ok_or_else(|| OpError::type_error(format!("{what}, not {}", vm.space.type_name_of(w))))
}

fn str_join(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let sep = text_of(vm, args[0], "join")?;
    let mut parts = Vec::new();
    for (i, x) in items_of(vm, args[1])?.into_iter().enumerate() {
        parts.push(text_of(vm, x, &format!("sequence item {i}: expected str instance"))?);
    }
    let joined = parts.join(&sep);
    vm.space.heap.reserve(joined.len())?;
    vm.space.str(&joined)
}

fn str_map(vm: &mut Vm, args: &[Tiny], f: fn(&str) -> String) -> Result<Tiny, OpError> {
    let s = text_of(vm, args[0], "a string method needs a string")?;
    vm.space.str(&f(&s))
}

fn str_upper(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    str_map(vm, args, str::to_uppercase)
}

fn str_lower(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    str_map(vm, args, str::to_lowercase)
}

fn str_strip(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    str_map(vm, args, |s| s.trim().to_string())
}

fn str_split(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let s = text_of(vm, args[0], "split")?;
    let parts: Vec<String> = match args.get(1) {
        None => s.split_whitespace().map(str::to_string).collect(),
        Some(&w) if w == Tiny::NONE => s.split_whitespace().map(str::to_string).collect(),
        Some(&w) => {
            let sep = text_of(vm, w, "must be str or None")?;
            if sep.is_empty() {
                return Err(OpError::new(ErrorKind::Value, "empty separator"));
            }
            s.split(sep.as_str()).map(str::to_string).collect()
        }
    };
    if args.len() > 2 {
        return Err(unsupported("split() with maxsplit"));
    }
    vm.space.heap.reserve(parts.len() * 20)?;
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        let w = vm.space.str(&p)?;
        vm.keep_alive(w);
        items.push(w);
    }
    vm.space.list_value(items)
}

fn str_test(vm: &mut Vm, args: &[Tiny], f: fn(&str, &str) -> bool, name: &str) -> Result<Tiny, OpError> {
    let s = text_of(vm, args[0], name)?;
    let p = text_of(vm, args[1], &format!("{name} first arg must be str or a tuple of str"))?;
    Ok(Tiny::bool(f(&s, &p)))
}

fn str_startswith(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    str_test(vm, args, |s, p| s.starts_with(p), "startswith")
}

fn str_endswith(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    str_test(vm, args, |s, p| s.ends_with(p), "endswith")
}

fn str_replace(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let s = text_of(vm, args[0], "replace")?;
    let old = text_of(vm, args[1], "replace() argument 1 must be str")?;
    let new = text_of(vm, args[2], "replace() argument 2 must be str")?;
    let count = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old.as_str()).count()
    };
    vm.space
        .heap
        .reserve(count.saturating_mul(new.len()).saturating_add(s.len()))?;
    let out = s.replace(&old, &new);
    vm.space.heap.reserve(out.len())?;
    vm.space.str(&out)
}

fn str_find(vm: &mut Vm, args: &[Tiny]) -> Result<Tiny, OpError> {
    let s = text_of(vm, args[0], "find")?;
    let p = text_of(vm, args[1], "must be str")?;
    let at = s.find(&p).map_or(-1, |byte| s[..byte].chars().count() as i64);
    vm.space.int(at)
}

#[cfg(test)]
mod tests {
    //! Python programs run in the tiny space; every expected text is CPython 3.11's output
    //! for the same program (or, for refusals, the tiny space's message).
    use super::*;
    use crate::Python;
    use std::cell::RefCell;
    use std::rc::Rc;
    use workbench_framework::interp::Limits;
    use workbench_framework::language::{Language, Mode};

    /// Program output captured by a test.
    #[derive(Clone, Default)]
    struct Buf(Rc<RefCell<Vec<u8>>>);

    impl std::io::Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Runs `source` in a fresh tiny space: its output, or the error's kind and message.
    fn run(source: &str) -> Result<String, String> {
        let buf = Buf::default();
        let space = TinySpace::new(64 << 20, Python.spelling());
        let mut vm = Interp::new(space, Limits::default(), Box::new(buf.clone()));
        TinySpace::start(&mut vm, &Python).map_err(|d| d.message.clone())?;
        let file = vm.sources.add("<test>", source);
        let module =
            crate::compile_source(file, source, vm.globals_mut(), Mode::Program).map_err(|d| d[0].message.clone())?;
        vm.run_module(module)
            .map_err(|d| format!("{}: {}", d.kind, d.message))?;
        let out = String::from_utf8(buf.0.borrow().clone()).expect("utf-8");
        Ok(out)
    }

    #[test]
    fn builtins_answer_as_cpython_does() {
        assert_eq!(run("print(1, 2, sep='-', end='!\\n')").as_deref(), Ok("1-2!\n"));
        assert_eq!(
            run("print(max([3, 9, 2]), min(4, 1, 7), sum(range(5)), abs(-3))").as_deref(),
            Ok("9 1 10 3\n")
        );
    }

    #[test]
    fn list_and_string_methods_answer_as_cpython_does() {
        let program = "xs = [5, 6]\nxs.insert(-1, 9)\nxs.extend('ab')\n\
                       print(xs, xs.pop(), xs.index(9), 'x,y'.split(','), '-'.join(['a','b']))";
        assert_eq!(run(program).as_deref(), Ok("[5, 9, 6, 'a'] b 1 ['x', 'y'] a-b\n"));
    }

    #[test]
    fn errors_read_as_in_the_standard_space() {
        assert_eq!(
            run("int('12a')"),
            Err("ValueError: invalid literal for int() with base 10: '12a'".to_string())
        );
        assert_eq!(run("[].pop()"), Err("IndexError: pop from empty list".to_string()));
    }

    #[test]
    fn what_the_tiny_space_lacks_is_refused() {
        assert_eq!(
            run("print(sorted([2, 1]))"),
            Err("UnsupportedError: the builtin sorted is not available in the tiny space".to_string())
        );
        assert_eq!(
            run("class A: pass"),
            Err("UnsupportedError: a class statement is not available in the tiny space".to_string())
        );
        assert_eq!(
            run("[1].sort()"),
            Err("UnsupportedError: the method 'list.sort' is not available in the tiny space".to_string())
        );
    }
}
