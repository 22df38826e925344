# Functions are values: stored in containers, passed, returned.
def inc(x): return x + 1
def dbl(x): return x * 2
def sq(x): return x * x
ops = {"inc": inc, "dbl": dbl, "sq": sq}
for name in ops:
    print(name, ops[name](7))
def apply_all(fns, v):
    for f in fns:
        v = f(v)
    return v
print(apply_all([inc, dbl, sq], 3), apply_all([sq, dbl, inc], 3))
pipeline = [ops[k] for k in ("sq", "inc")]
print(apply_all(pipeline, 4))
print(inc.__name__, callable(inc), callable(3))
