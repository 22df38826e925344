# Keys of different types; equal numbers (1, 1.0, True) are the same key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[(1, 2)] = "tuple"
d["1"] = "str"
d[None] = "none"
d[frozenset([1])] = "frozenset"
print(len(d), d[(1, 2)], d["1"], d[None], d[frozenset([1])])
try:
    d[[1]] = "list"
except TypeError as e:
    print("TypeError:", e)
