# del and membership tests on dicts.
d = {1: "one", 2: "two", 3: "three"}
print(1 in d, 4 in d, "one" in d, 2 not in d)
del d[2]
print(d, 2 in d, len(d))
try:
    del d[2]
except KeyError as e:
    print("KeyError:", e)
print(list(d), "three" in d.values())
