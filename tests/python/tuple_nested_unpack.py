# Nested unpacking in assignments and for loops.
(a, b), c = (1, 2), 3
print(a, b, c)
points = [("p", (1, 2)), ("q", (3, 4))]
for name, (x, y) in points:
    print(name, x + y)
[d, e], f = [4, 5], 6
print(d, e, f)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
