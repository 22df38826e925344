# Ways to build a dict.
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=0))
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
d = dict(zip(["one", "two", "three"], [1, 2, 3]))
print(d, d.copy() == d, d.copy() is d)
print({**d, "four": 4})
pairs = [["a", 1], ("b", 2)]
print(dict(pairs))
print(dict(dict(x=1), y=2))
print(dict((k, k * 2) for k in range(3)))
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
