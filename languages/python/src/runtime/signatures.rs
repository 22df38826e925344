//! Typed signatures of Python's builtins, for the annotation space.
//!
//! The annotator computes operations from the multimethods' typed signatures;
//! builtins are natives, not multimethods, so the few that matter for
//! ordinary programs say here what they return (in the same [`Returns`]
//! terms). A builtin missing from this table is unknown: its result may be
//! anything, which is always safe.

use super::types as T;
use workbench_framework::language::BuiltinSignature::{self, ClassBuilder, Function, Method};
use workbench_framework::multimethod::Returns::{self, Class};
use workbench_framework::object::TypeId;

/// The table.
pub fn signatures() -> Vec<BuiltinSignature> {
    let mut out = vec![
        ClassBuilder("__wb_build_class__", T::INSTANCE),
        // A base class every class has anyway; what calling it returns is not needed.
        Function("object", Returns::Unknown),
    ];
    let by_class: [(TypeId, &[&'static str]); 8] = [
        (TypeId::NONE, &["print"]),
        (
            TypeId::STR,
            &[
                "str",
                "repr",
                "ascii",
                "input",
                "chr",
                "format",
                "hex",
                "oct",
                "bin",
                "__wb_format__",
                "__wb_convert__",
                "__wb_concat__",
            ],
        ),
        (TypeId::INT, &["len", "ord", "int", "hash", "id"]),
        (TypeId::FLOAT, &["float"]),
        (
            TypeId::BOOL,
            &[
                "bool",
                "isinstance",
                "issubclass",
                "callable",
                "hasattr",
                "__wb_exc_match__",
            ],
        ),
        (TypeId::LIST, &["list", "sorted"]),
        (TypeId::DICT, &["dict"]),
        (T::RANGE, &["range"]),
    ];
    for (class, names) in by_class {
        out.extend(names.iter().map(|name| Function(name, Class(class))));
    }
    // Builtins whose result is not described, but which change nothing they are given.
    for name in [
        "type",
        "min",
        "max",
        "sum",
        "abs",
        "round",
        "divmod",
        "pow",
        "any",
        "all",
        "enumerate",
        "zip",
        "reversed",
        "iter",
        "next",
        "map",
        "filter",
        "tuple",
        "set",
        "frozenset",
        "getattr",
        "super",
        "__wb_exc__",
    ] {
        out.push(Function(name, Returns::Unknown));
    }
    let methods: [(TypeId, &[&'static str], Returns, Option<usize>); 9] = [
        (TypeId::LIST, &["append"], Class(TypeId::NONE), Some(1)),
        (TypeId::LIST, &["insert"], Class(TypeId::NONE), Some(2)),
        (TypeId::LIST, &["pop"], Returns::Item(0), None),
        (TypeId::LIST, &["index", "count"], Class(TypeId::INT), None),
        (TypeId::LIST, &["reverse", "clear"], Class(TypeId::NONE), None),
        (TypeId::LIST, &["copy"], Returns::Arg(0), None),
        (
            TypeId::STR,
            &[
                "upper",
                "lower",
                "strip",
                "lstrip",
                "rstrip",
                "replace",
                "join",
                "format",
                "title",
                "capitalize",
                "center",
                "ljust",
                "rjust",
                "zfill",
            ],
            Class(TypeId::STR),
            None,
        ),
        (
            TypeId::STR,
            &[
                "startswith",
                "endswith",
                "isdigit",
                "isalpha",
                "isspace",
                "isupper",
                "islower",
                "isalnum",
            ],
            Class(TypeId::BOOL),
            None,
        ),
        (
            TypeId::STR,
            &["find", "rfind", "count", "index"],
            Class(TypeId::INT),
            None,
        ),
    ];
    for (class, names, returns, stores) in methods {
        out.extend(names.iter().map(|name| Method(class, name, returns, stores)));
    }
    out
}
