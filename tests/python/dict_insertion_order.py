# Dicts keep insertion order; updating a value keeps the position; re-inserting moves to the end.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
print(list(d), list(d.keys()))
d["alpha"] = 100
print(d)
del d["zeta"]
d["zeta"] = 0
print(d)
print({3: "c", 1: "a", 2: "b"})
