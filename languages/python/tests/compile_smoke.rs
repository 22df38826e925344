//! The compiler accepts the whole Python corpus and produces listings for
//! representative programs.

use workbench_framework::bytecode::disasm::module_listing;
use workbench_framework::bytecode::Globals;
use workbench_framework::language::Mode;
use workbench_framework::span::FileId;

fn compile(src: &str) -> String {
    let ast = workbench_python::parser::parse(FileId(0), src).expect("parses");
    let mut globals = Globals::new();
    match workbench_python::compiler::compile(&ast, &mut globals, Mode::Program) {
        Ok(m) => module_listing(&m, &globals, None),
        Err(d) => panic!("compile error: {:?}", d),
    }
}

#[test]
fn closures_classes_and_generators_compile() {
    let out = compile(
        "def outer(x):\n    def inner(y):\n        return x + y\n    return inner\nclass A:\n    def f(self):\n        return super().f()\ndef g(n):\n    for i in range(n):\n        yield i\nprint([i*i for i in g(3)])\n",
    );
    assert!(out.contains("MakeClosure"), "{out}");
    assert!(out.contains("Yield"), "{out}");
}

#[test]
fn method_calls_and_local_assignments_compile_tightly() {
    let out = compile("def f(obj, x):\n    y = obj.m(x)\n    obj.k = y\n    return y\n");
    // `obj.m(x)`: LoadMethod before the argument, CallMethod after it, no bound method.
    let load = out.find("LoadMethod").expect(&out);
    let call = out.find("CallMethod").expect(&out);
    assert!(load < call, "{out}");
    assert!(!out.contains("GetAttr"), "{out}");
    // `y = ...` writes y's register directly; `obj.k = y` and `return y` read it in place.
    assert!(!out.contains("Move r2,"), "{out}");
    assert!(out.contains("SetAttr r0.k1, r2"), "{out}");
    assert!(out.contains("Return r2"), "{out}");
}

#[test]
fn every_corpus_program_compiles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/python");
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("read");
        let Ok(ast) = workbench_python::parser::parse(FileId(0), &src) else {
            continue;
        };
        count += 1;
        let mut globals = Globals::new();
        if let Err(d) = workbench_python::compiler::compile(&ast, &mut globals, Mode::Program) {
            failures.push(format!("{}: {}", path.display(), d[0].message));
        }
    }
    assert!(count > 100);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
