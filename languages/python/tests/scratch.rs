#[test]
fn scratch() {
    let list = std::env::var("PYLIST").unwrap();
    let outdir = std::env::var("OUTDIR").unwrap();
    for (i, path) in std::fs::read_to_string(&list).unwrap().lines().enumerate() {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let r = std::panic::catch_unwind(|| {
            match workbench_python::parser::parse(workbench_framework::span::FileId(0), &src) {
                Ok(m) => workbench_python::ast::dump(&m),
                Err(e) => {
                    let at = e[0].span.map_or(0, |s| s.start as usize);
                    let line = src[..at.min(src.len())].matches('\n').count() + 1;
                    format!("SYNTAXERROR {} @{line}\n", e[0].message)
                }
            }
        });
        let text = r.unwrap_or_else(|_| format!("PANIC {path}\n"));
        std::fs::write(format!("{outdir}/{i}.txt"), text).unwrap();
    }
}
