# Accumulating floats: results depend on exact IEEE double arithmetic.
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
s = 0.0
for i in range(1, 1001):
    s += 1.0 / (i * i)
print(s)
h = 0.0
for i in range(1, 101):
    h += 1 / i
print(h)
x = 1.0
for i in range(60):
    x = x / 2
print(x, x * 2 ** 60)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
