# Filters (if clauses) and conditional expressions inside comprehensions.
nums = range(-5, 6)
print([n for n in nums if n > 0])
print([n for n in nums if n % 2 if n < 3])
print(["pos" if n > 0 else "neg" if n < 0 else "zero" for n in nums])
print([abs(n) for n in nums if n not in (0, 1)])
print(sum(n for n in nums if n > 0), [w for w in ["", "a", None, "b"] if w])
grid = [[r * c for c in range(4)] for r in range(4)]
print([v for row in grid for v in row if v and v % 2 == 0])
print(["x" if (r + c) % 2 else "o" for r in range(2) for c in range(3)])
