# Filters (if clauses) and conditional expressions inside comprehensions.
nums = range(-5, 6)
print([n for n in nums if n > 0])
print([n for n in nums if n % 2 if n < 3])
print(["pos" if n > 0 else "neg" if n < 0 else "zero" for n in nums])
print([abs(n) for n in nums if n not in (0, 1)])
print(sum(n for n in nums if n > 0), [w for w in ["", "a", None, "b"] if w])
