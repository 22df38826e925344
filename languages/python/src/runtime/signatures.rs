//! Typed signatures of Python's builtins, for the annotation space.
//!
//! The annotator computes operations from the multimethods' typed signatures;
//! builtins are natives, not multimethods, so the few that matter for
//! ordinary programs say here what they return (in the same [`Returns`]
//! terms). A builtin missing from this table is unknown: its result may be
//! anything, which is always safe.

use super::types as T;
use workbench_framework::language::BuiltinSignature::{self, ClassBuilder, Function};
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
            &["bool", "isinstance", "issubclass", "callable", "hasattr", "__wb_exc_match__"],
        ),
        (TypeId::LIST, &["list", "sorted"]),
        (TypeId::DICT, &["dict"]),
        (T::RANGE, &["range"]),
    ];
    for (class, names) in by_class {
        out.extend(names.iter().map(|name| Function(name, Class(class))));
    }
    out
}
