# Dict comprehensions, with conditions and from zip.
squares = {n: n * n for n in range(6)}
print(squares)
odd = {k: v for k, v in squares.items() if k % 2}
print(odd)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({w: len(w) for w in "one three five".split()})
print(dict(zip("abc", range(3))))
print({k: v for k, v in zip("ab", [1, 2])} == {"a": 1, "b": 2})
