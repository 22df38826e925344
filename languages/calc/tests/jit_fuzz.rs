//! Differential fuzzing of the JIT on calc: random loops run interpreted and
//! with every loop compiled at once must print the same thing (a bounded
//! number of cases here; `WORKBENCH_FUZZ_CASES` runs more).

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use workbench_calc::Calc;
use workbench_framework::interp::{Interp, Limits};
use workbench_framework::jit::{self, JitOptions};
use workbench_framework::language::{Language, Mode};
use workbench_framework::space::standard::{StandardConfig, StandardSpace};
use workbench_framework::space::Space;

struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `source` prints (then the error, if it fails), and how many loops were compiled.
fn run(source: &str, jit: Option<u32>) -> (String, u32) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let space = StandardSpace::new(StandardConfig::default(), Calc.spelling(), |r| Calc.register(r));
    let mut vm = Interp::new(space, Limits::default(), Box::new(Shared(buf.clone())));
    StandardSpace::start(&mut vm, &Calc).expect("calc starts");
    if let Some(t) = jit {
        let options = JitOptions {
            threshold: t,
            bridge_threshold: t,
            log: None,
        };
        jit::enable(&mut vm, options).expect("the JIT starts");
    }
    let file = vm.sources.add("fuzz.calc", source.to_string());
    let module = Calc
        .compile(file, source, vm.globals_mut(), Mode::Program)
        .unwrap_or_else(|d| panic!("does not compile: {}\n{source}", d[0].message));
    let result = vm.run_module(module);
    vm.flush();
    let mut out = String::from_utf8(buf.borrow().clone()).expect("utf-8");
    if let Err(d) = result {
        out.push_str(&format!("error: {}: {}\n", d.kind, d.message));
    }
    (out, vm.jit.as_ref().map(|j| j.stats.loops).unwrap_or(0))
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

fn expr(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.below(3) == 0 {
        return rng
            .pick(&["i", "a", "b", "c", "1", "3", "10", "99991", "0.5"])
            .to_string();
    }
    let op = rng.pick(&["+", "-", "*", "~/", "%", "/"]);
    let (l, r) = (expr(rng, depth - 1), expr(rng, depth - 1));
    match op {
        // A zero divisor is an error the program reports; keep most divisions defined.
        "~/" | "%" | "/" => format!("({l} {op} ({r} * {r} + 1))"),
        _ => format!("({l} {op} {r})"),
    }
}

fn program(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let mut body = String::new();
    for _ in 0..(2 + rng.below(4)) {
        let target = rng.pick(&["a", "b", "c"]);
        let e = expr(&mut rng, 3);
        if rng.below(3) == 0 {
            let l = expr(&mut rng, 2);
            let cmp = rng.pick(&["<", ">", "==", "!="]);
            body.push_str(&format!("        if {l} {cmp} {target} {{ {target} = {e}; }}\n"));
        } else {
            body.push_str(&format!("        {target} = {e};\n"));
        }
        body.push_str(&format!(
            "        if {target} > 1000000000000 {{ {target} = {target} % 1000; }}\n        if {target} < -1000000000000 {{ {target} = {target} % 1000; }}\n"
        ));
    }
    let n = 30 + rng.below(200);
    format!(
        "fn f(n) {{
    let a = 1;
    let b = 2;
    let c = 3;
    let i = 0;
    while i < n {{
{body}        i = i + 1;
    }}
    print(a, b, c);
}}
f({n});
"
    )
}

#[test]
fn random_calc_loops_print_the_same_compiled_and_interpreted() {
    let cases: u64 = std::env::var("WORKBENCH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let mut loops = 0;
    for seed in 1..=cases {
        let src = program(seed);
        let (plain, _) = run(&src, None);
        for threshold in [1, 2] {
            let (jitted, compiled) = run(&src, Some(threshold));
            assert_eq!(plain, jitted, "seed {seed}, threshold {threshold}:\n{src}");
            loops += compiled;
        }
    }
    assert!(loops as u64 >= cases, "most loops were compiled ({loops})");
}
