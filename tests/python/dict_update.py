# update from dicts, pair lists and keywords; | merge.
d = {"a": 1, "b": 2}
d.update({"b": 20, "c": 30})
print(d)
d.update([("d", 4), ("a", 10)])
print(d)
d.update(e=5, f=6)
print(d)
print({"x": 1} | {"y": 2, "x": 3})
m = {"k": 0}
m |= {"j": 1}
print(m)
