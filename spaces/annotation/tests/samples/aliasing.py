# Aliasing, globals written by functions, setattr, mutation through unknown code:
# every operation here succeeds when the program runs, so nothing may be flagged.
xs = [1, 2]
ys = xs
ys.append("a")
print(xs[2] + "b")
x = 1
def f():
    global x
    x = "s"
f()
print(x + "a")
class A:
    v = 1
a = A()
setattr(a, "w", "s")
print(a.w + "t")
A.v = "s"
print(A().v + "t")
ops = {"inc": lambda n: n + 1}
print(ops["inc"](1))
def gen():
    yield 1
    yield "a"
for g in gen():
    print(g)
def outer():
    val = 1
    def setter():
        nonlocal val
        val = "x"
    setter()
    return val + "y"
print(outer())
zs = []
zs += ["q"]
ws = zs
print(ws[0] + "r")
import math
print(math.floor(2.5) + 1)
d = {}
d.setdefault("k", []).append("z")
print(d["k"][0] + "!")
class B:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
b = B()
b.add("s")
print(b.items[0] + "!")
def apply(fn, v):
    return fn(v)
print(apply(str, 3) + "!")
n = None
for i in range(3):
    n = i
print(n + 1 if n is not None else 0)
