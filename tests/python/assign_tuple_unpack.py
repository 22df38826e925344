# Unpacking any iterable into targets.
a, b = 1, 2
print(a, b)
x, y, z = "xyz"
print(x, y, z)
p, q = [10, 20]
print(p, q)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
r1, r2, r3 = range(3)
print(r1, r2, r3)
(m,) = [42]
print(m)
[n1, n2] = (7, 8)
print(n1, n2)
