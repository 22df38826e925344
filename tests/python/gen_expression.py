# Generator expressions are lazy and single-use.
g = (x * x for x in range(5))
print(type(g).__name__, sum(g), sum(g))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(20) if x % 3 == 0))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]))
evaluated = []
def mark(x):
    evaluated.append(x)
    return x
lazy = (mark(x) for x in range(3))
print(evaluated)
print(next(lazy), evaluated)
print(sorted((c for c in "generator"), reverse=True))
print(",".join(str(i) for i in range(4)))
