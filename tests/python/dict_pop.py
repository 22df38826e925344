# pop with and without default; popitem removes the last inserted pair.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
print(d.pop("b"), d)
print(d.pop("zz", "none"), d)
print(d.popitem(), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
d.clear()
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
