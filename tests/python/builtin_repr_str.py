# repr() and str() of builtin values.
vals = [1, -2.5, "text", "it's", True, None, [1, "a"], (1,), {"k": [1]}, range(3), 10 ** 20, 1e-10, float("inf")]
for v in vals:
    print(str(v), "|", repr(v))
print(repr(repr("x")), str(str("y")))
print(repr(set()), repr(frozenset()), repr({}), repr([]), repr(()))
