# += mutates lists in place (visible through aliases) but rebinds ints, strs and tuples.
a = [1]
b = a
a += [2]
print(a, b, a is b)
a = a + [3]
print(a, b, a is b)
n = 1
m = n
n += 1
print(n, m)
d = {"k": [1]}
d["k"] += [2]
d["k"][0] *= 10
print(d)
class Box:
    pass
box = Box()
box.v = 5
box.v += 1
print(box.v)
