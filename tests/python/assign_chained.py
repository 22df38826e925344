# Chained assignment binds all targets to the same object.
a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
i = j = k = "s"
print(i + j + k)
p = q = (1, 2)
p += (3,)
print(p, q)
d = {}
d["a"] = d["b"] = 1
print(d)
