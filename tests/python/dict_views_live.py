# Views reflect later changes; changing size during iteration is an error.
d = {"a": 1}
keys = d.keys()
vals = d.values()
d["b"] = 2
print(list(keys), list(vals), len(keys))
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    if len(k) > 1:
        del d[k]
print(d)
