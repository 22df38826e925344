# repr() and str() of builtin values.
vals = [1, -2.5, "text", "it's", True, None, [1, "a"], (1,), {"k": [1]}, range(3), 10 ** 20, 1e-10, float("inf")]
for v in vals:
    print(str(v), "|", repr(v))
print(repr(repr("x")), str(str("y")))
print(repr(set()), repr(frozenset()), repr({}), repr([]), repr(()))
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % self.x
print(P("s"), repr(P(1)), str(P([1])), [P(None)])
print(repr(-0.0), str(1e16), repr(123456789.123))
b = "nested 'quotes'"
print(str(b), repr(b))
