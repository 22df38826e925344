# Labels through objects, dict keys, generators, unpacking, math and
# exceptions; every printed value is declassified first, so the output is
# CPython's (tools/taint-cpython-check.sh).
class P:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "P(" + str(self.n) + ")"
s = taint(5, "s")
p = P(s)
print(declassify(str(p)))
d = {taint("k", "key"): 1, "j": 2}
print(declassify(d["k"]), len(d), declassify("k" in d))
print(declassify(sum([1, s, 3])))
def gen():
    yield s
    yield 2
print([declassify(x) for x in gen()])
print(declassify(s in [5, 6]))
t = (s, 1)
a, b = t
print(declassify(a), b)
print(declassify(str([s])))
import math
print(declassify(math.sqrt(s * 5)))
x = [3, 1, 2]
x.sort()
print(x)
print(declassify("%(a)s" % {"a": s}))
try:
    raise ValueError(declassify(s))
except ValueError as e:
    print("caught", e)
