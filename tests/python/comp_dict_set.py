# Dict and set comprehensions side by side.
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print(sorted({len(w) for w in words}))
print({i: chr(65 + i) for i in range(5) if i != 2})
print({(a * b) % 7 for a in range(7) for b in range(7)} == set(range(7)))
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print(sorted({c for c in "mississippi" if counts[c] > 1}))
