# Swapping and rotating with tuple assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [5, 1, 4]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
f0, f1 = 0, 1
for _ in range(20):
    f0, f1 = f1, f0 + f1
print(f0)
