# enumerate with and without start.
for i, c in enumerate("abc"):
    print(i, c)
for i, c in enumerate(["x", "y"], start=1):
    print(i, c)
print(list(enumerate([10, 20, 30], 100)))
e = enumerate("hi")
print(next(e), next(e), next(e, None))
print(dict(enumerate("xyz")))
for idx, (a, b) in enumerate(zip("ab", "xy"), 10):
    print(idx, a + b)
