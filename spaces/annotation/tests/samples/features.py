# Slice assignment, generators with send, star unpacking, nested and decorated classes,
# closures over lists: nothing may be flagged.
xs = [1, 2, 3]
xs[0:1] = ["a"]
print(xs[0] + "b")
for i in range(3):
    pass
else:
    print("else")
def g():
    x = yield 1
    yield str(x) + "!"
it = g()
print(next(it), it.send(5))
first, *rest = [1, "a", "b"]
print(rest[0] + "c")
class Outer:
    class Inner:
        def hi(self):
            return "hi"
    def make(self):
        return self.Inner()
print(Outer().make().hi() + "!")
def deco(cls):
    cls.tag = "T"
    return cls
@deco
class Tagged:
    pass
print(Tagged.tag + "!", Tagged().tag + "?")
name = "w"
print(f"{name}!" + "?")
d = {"a": 1}
d["b"] = "two"
print(d["b"] + "!")
del d["a"]
t = (1, "a")
print(t[1] + "b", t[-1] + "c")
s = {1, 2}
s.add("x")
for e in s:
    print(e)
fs = [lambda k=k: k for k in range(2)]
print(fs[0]() + 1)
import sys
w = sys.argv
print(len(w) + 1)
class Slots:
    __slots__ = ("a",)
    def __init__(self):
        self.a = 1
print(Slots().a + 1)
def outer2():
    items = []
    def add(v):
        items.append(v)
    add("s")
    return items[0] + "!"
print(outer2())
matrix = [[0] * 2 for _ in range(2)]
matrix[0][1] = "x"
print(matrix[0][1] + "y")
