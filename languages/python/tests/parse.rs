//! What the parser builds, as snapshots of [`ast::dump`] (insta), plus
//! checks of the spans that the dump does not show. Review a change with
//! `INSTA_UPDATE=always cargo test -p workbench-python --test parse`
//! followed by `git diff languages/python/tests/snapshots/`.
//!
//! Every snapshot here was checked against CPython 3.11's own `ast` module.

use workbench_framework::span::FileId;
use workbench_python::ast::{self, Expr, ExprKind, FStringPart, Module, StmtKind};
use workbench_python::parser::parse;

fn module(source: &str) -> Module {
    match parse(FileId(0), source) {
        Ok(m) => m,
        Err(d) => panic!("{source:?} does not parse: {d:#?}"),
    }
}

/// The source, a separator, and the dump: a snapshot that reads on its own.
fn tree(source: &str) -> String {
    format!("{source}\n---\n{}", ast::dump(&module(source)))
}

/// The source text a span covers.
fn text<'a>(source: &'a str, e: &Expr) -> &'a str {
    &source[e.span.start as usize..e.span.end as usize]
}

#[test]
fn simple_statements() {
    insta::assert_snapshot!(tree(
        r#"f(x)
x = 1
a = b = c = 0
d["a"] = d["b"] = 1
obj.attr, seq[0] = 1, 2
x: int = 5
y: list[int]
self.total: float = 0.0
del a, b[0], c.d
del (e), [f, g]
pass; pass;
assert x > 0
assert x, "x must be truthy"
global g1, g2
import os
import os.path as p, sys
from . import sibling
from ..pkg.mod import a as b, c
from m import (x, y as z,)
from m import *
raise
raise ValueError("bad")
raise KeyError from None
"#
    ));
}

#[test]
fn augmented_assignment_covers_every_operator() {
    insta::assert_snapshot!(tree(
        "x += 1\nx -= 1\nx *= 2\nx @= m\nx /= 2\nx //= 2\nx %= 3\nx **= 2\nx <<= 1\nx >>= 1\nx |= 1\nx ^= 1\nx &= 1\n\
         a.b += 1\na[i] += 1\nx += yield\n"
    ));
}

#[test]
fn starred_and_nested_assignment_targets() {
    insta::assert_snapshot!(tree(
        "a, *rest = items
*init, last = items
first, (second, *others), [third] = data
[a, b] = b, a
x = *a, *b
for i, (k, v) in enumerate(d.items()):
    pass
for *xs, y in pairs:
    pass
"
    ));
}

#[test]
fn compound_statements() {
    insta::assert_snapshot!(tree(
        r#"if a:
    pass
elif b:
    x = 1
elif c: y = 2
else:
    z = 3
while n > 0:
    n -= 1
    if n == 5:
        break
    continue
else:
    done()
for x in range(10):
    print(x)
else:
    print("no break")
try:
    risky()
except (TypeError, ValueError) as e:
    handle(e)
except KeyError:
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()
try:
    pass
finally:
    pass
with open(p) as f, lock:
    data = f.read()
with (a, b):
    pass
with (a, b) as pair:
    pass
with (open(p) as f, open(q) as g,):
    pass
with (lock as l):
    pass
if __name__ == "__main__":
    main()
"#
    ));
}

#[test]
fn function_definitions() {
    insta::assert_snapshot!(tree(
        r#"def f():
    return
def g(a, b=1, *args, c, d=2, **kw):
    return a, b
def h(p, q=0, /, r=1, *, s, t=2):
    pass
def annotated(x: int, *ys: str, z: "Z" = None, **kw: dict) -> list[int]:
    pass
def gen(n):
    yield
    yield n
    x = yield n + 1
    yield from range(n)
    return x
def outer():
    total = 0
    def inner():
        nonlocal total
        total += 1
    return inner
"#
    ));
}

#[test]
fn classes_and_decorators() {
    insta::assert_snapshot!(tree(
        "@dataclass
class Point:
    x: int = 0
    y: int = 0

class Meta(Base, Mixin, metaclass=ABCMeta, **extra):
    '''Docstring.'''
    attr = 1

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def helper(*args):
        pass

class Empty(): pass
"
    ));
}

#[test]
fn operator_precedence_and_chaining() {
    insta::assert_snapshot!(tree(
        "-2**2
2**-1
2**3**2
-x.y ** -z
a < b < c
a == b != c <= d
not a in b
a not in b and c is not d
x is None or y in z and not w
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
~a + -b - +c
a if b else c if d else e
(a if b else c).d
lambda: 0
lambda x, y=2, *args, z, **kw: x + y
lambda x=lambda: 1: x()
(n := 10) > 5
f(y := 3)
[y := f(x), y ** 2]
"
    ));
}

#[test]
fn subscripts_and_slices() {
    insta::assert_snapshot!(tree(
        "a[0]
a[-1]
a[1:2]
a[1:]
a[:2]
a[:]
a[::2]
a[::-1]
a[1:2:3]
a[1:2, 3]
a[:, ::2]
m[i][j]
d[1, 2]
d[(1, 2)]
t[*ts]
"
    ));
}

#[test]
fn displays() {
    insta::assert_snapshot!(tree(
        "()
(1,)
(1, 2)
1, 2,
[]
[1, 2, 3,]
[*a, *b, c]
{}
{'a': 1, 'b': 2}
{**defaults, 'k': v, **overrides}
{1, 2, 3}
{*a, b}
(1)
((1, 2), [3, {4}])
"
    ));
}

#[test]
fn comprehensions() {
    insta::assert_snapshot!(tree(
        "[x * 2 for x in range(10)]
[x for x in xs if x if not x < 0]
[(i, j) for i in range(3) for j in range(i) if i != j]
[[y for y in row] for row in matrix]
{k: v for k, v in pairs.items() if v}
{c for c in 'hello'}
(x for x in it)
sum(x * x for x in nums)
any(x > 0 for x in nums)
[x for x in (lambda: data)()]
[v for v in (yield)]
"
    ));
}

#[test]
fn calls() {
    insta::assert_snapshot!(tree(
        "f()
f(1, 2)
f(a, b=2)
f(*args)
f(**kwargs)
f(1, *args, key=3, **kwargs)
f(a=1, *b)
f(*a, *b, **c, **d)
print(*items, sep=', ', end='')
f(x for x in y)
f(x,)
obj.method(arg).other[0](1)(2)
"
    ));
}

#[test]
fn numbers() {
    insta::assert_snapshot!(tree(
        "0
00
42
1_000_000
0xff
0XDEAD_BEEF
0o17
0b1010_1010
9223372036854775807
9223372036854775808
0xFFFFFFFFFFFFFFFFFFFFFFFF
123456789012345678901234567890
1.5
1.
.5
1e10
1E-3
1_0.0_1e+1_0
-9223372036854775808
"
    ));
}

#[test]
fn strings() {
    insta::assert_snapshot!(tree(
        r#"'single'
"double"
"it's"
'say "hi"'
"""triple
quoted"""
'''also
triple'''
"implicit" ' concatenation' """ of three"""
"escapes: \n \t \\ \' \" \x41 \u00e9 \U0001F600 \101 \0 \a \b \f \v \r"
"unknown \d escape kept"
r"raw \n \d"
R'raw'
u"unicode prefix"
"line \
continued"
"""first line \
joined"""
"""keeps
newlines"""
"#
    ));
}

#[test]
fn f_strings() {
    insta::assert_snapshot!(tree(
        r#"f"plain"
f"{x}"
f"a{x}b{y}c"
f"{x!r} {x!s} {x!a}"
f"{x:>10}"
f"{val:{width}.{prec}f}"
f"{x!r:>{width}}"
f"{x=}"
f"{x = }"
f"{x*2=:>5}"
f"{name=!s}"
f"{{literal}} {{{x}}}"
f"{'nested'} {d['key']} {f'{inner}'}"
rf"\d{x}\n"
f"{a, b}"
f"{x if c else y}"
f"{a != b} {a == b} {a <= b}"
"abc" f"{x}" "def"
f"{'|'.join(f'{i:02}' for i in range(4))}"
f"""{
    x
}"""
"#
    ));
}

#[test]
fn line_structure() {
    insta::assert_snapshot!(tree(
        "# a comment

x = (1 +
     2)   # comment inside
y = [
    1,
    2,
]
z = 1 + \\
    2
if x:

    # comment at a different indent
        pass
def tabs():
\tif y:
\t\tpass
a = 1; b = 2
def f(): return 1
class C: pass
while x: x -= 1
"
    ));
}

#[test]
fn unicode_identifiers() {
    insta::assert_snapshot!(tree("héllo = 1\nπ = 3.14\n名前 = 'x'\n_private = __dunder__\n"));
}

/// Spans cover their source exactly; statement spans end at the last token of the body.
#[test]
fn spans_point_into_the_source() {
    let source = "def f(a, b=1):\n    return a + b\n\nx = f(2)  # call\n";
    let m = module(source);
    let def = &m.body[0];
    assert_eq!(
        &source[def.span.start as usize..def.span.end as usize],
        "def f(a, b=1):\n    return a + b"
    );
    let StmtKind::Assign { targets, value } = &m.body[1].kind else {
        panic!("an assignment");
    };
    assert_eq!(text(source, &targets[0]), "x");
    assert_eq!(text(source, value), "f(2)");
    assert_eq!(
        &source[m.body[1].span.start as usize..m.body[1].span.end as usize],
        "x = f(2)"
    );
}

/// The expressions inside f-string fields are parsed with their true spans.
#[test]
fn f_string_fields_have_spans_into_the_source() {
    let source = "s = f\"a {x + y!r:>{width}} b {obj.name=}\"\n";
    let m = module(source);
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("an assignment");
    };
    let ExprKind::FString(parts) = &value.kind else {
        panic!("an f-string");
    };
    let fields: Vec<_> = parts
        .iter()
        .filter_map(|p| match p {
            FStringPart::Field(f) => Some(f),
            FStringPart::Literal(_) => None,
        })
        .collect();
    assert_eq!(text(source, &fields[0].value), "x + y");
    let FStringPart::Field(width) = &fields[0].spec[1] else {
        panic!("a field in the spec");
    };
    assert_eq!(text(source, &width.value), "width");
    assert_eq!(&source[width.span.start as usize..width.span.end as usize], "{width}");
    assert_eq!(text(source, &fields[1].value), "obj.name");
    let ExprKind::Attribute { attr, .. } = &fields[1].value.kind else {
        panic!("an attribute");
    };
    assert_eq!(&source[attr.span.start as usize..attr.span.end as usize], "name");
}

#[test]
fn a_parenthesized_tuple_spans_its_parentheses_a_group_does_not() {
    let source = "a = (1, 2)\nb = (3)\nc = 4, 5\n";
    let m = module(source);
    let values: Vec<&str> = m
        .body
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Assign { value, .. } => text(source, value),
            _ => panic!("assignments"),
        })
        .collect();
    assert_eq!(values, ["(1, 2)", "3", "4, 5"]);
}

#[test]
fn empty_and_blank_inputs_are_empty_modules() {
    for source in ["", "\n", "   \n\n", "# only a comment", "# c\n  # indented comment\n"] {
        assert!(module(source).body.is_empty(), "{source:?}");
    }
}

#[test]
fn crlf_line_endings_parse_like_lf() {
    let lf = "if x:\n    y = '''a\nb'''\nz = 1\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(ast::dump(&module(lf)), ast::dump(&module(&crlf)));
}

#[test]
fn a_missing_final_newline_is_fine() {
    assert_eq!(ast::dump(&module("if x:\n    pass")), "if x:\n  pass\n");
}

/// Every statement's span, in every block, covers its text exactly: it
/// starts and ends with a token (no surrounding blanks, comments or the next
/// statement's indentation) and ends before the next statement starts.
#[test]
fn statement_spans_are_tight_across_the_corpus() {
    fn blocks(s: &ast::Stmt) -> Vec<&[ast::Stmt]> {
        match &s.kind {
            StmtKind::If { branches, orelse } => {
                let mut v: Vec<&[ast::Stmt]> = branches.iter().map(|(_, b)| b.as_slice()).collect();
                v.push(orelse);
                v
            }
            StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => vec![body, orelse],
            StmtKind::With { body, .. } => vec![body],
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let mut v: Vec<&[ast::Stmt]> = vec![body, orelse, finalbody];
                v.extend(handlers.iter().map(|h| h.body.as_slice()));
                v
            }
            StmtKind::FunctionDef(f) => vec![&f.body],
            StmtKind::ClassDef(c) => vec![&c.body],
            _ => Vec::new(),
        }
    }
    fn check(source: &str, name: &str, stmts: &[ast::Stmt]) {
        for (i, s) in stmts.iter().enumerate() {
            let text = &source[s.span.start as usize..s.span.end as usize];
            assert!(!text.is_empty() && text.trim() == text, "{name}: {text:?}");
            assert!(!text.ends_with(';'), "{name}: {text:?}");
            if let Some(next) = stmts.get(i + 1) {
                assert!(
                    s.span.end <= next.span.start,
                    "{name}: {text:?} overlaps the next statement"
                );
            }
            for block in blocks(s) {
                for inner in block {
                    assert!(
                        s.span.start <= inner.span.start && inner.span.end <= s.span.end,
                        "{name}: {text:?}"
                    );
                }
                check(source, name, block);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python");
    let mut count = 0;
    for entry in std::fs::read_dir(root).expect("the corpus").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable");
        if let Ok(m) = parse(FileId(0), &source) {
            check(&source, &path.display().to_string(), &m.body);
            count += 1;
        }
    }
    assert!(count > 0);
}
