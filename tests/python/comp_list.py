# List comprehensions.
print([x * x for x in range(10)])
print([c.upper() for c in "abc"])
print([len(w) for w in "the quick brown fox".split()])
print([(i, s) for i, s in enumerate("xyz")])
print([x for x in []])
words = ["apple", "Banana", "cherry"]
print([w[0] + str(len(w)) for w in words])
print([f(3) for f in (abs, str, float)])
print([[i] * i for i in range(4)])
