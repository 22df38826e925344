# + and * on lists create new lists.
a = [1, 2]
b = [3]
c = a + b
print(c, a, b)
print(a * 3, [0] * 5, [] * 10, [None] * 2)
print(a + [] == a, (a + b) * 2)
d = a
d = d + [9]
print(a, d)
