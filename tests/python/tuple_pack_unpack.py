# Tuple packing and unpacking.
t = 1, "two", 3.0
print(t, type(t).__name__, len(t))
a, b, c = t
print(a, b, c)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 9, -2, 7])
print(lo, hi)
for name, age in [("ann", 31), ("bob", 25)]:
    print(name, age)
try:
    x, y = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = (1, 2)
except ValueError as e:
    print("ValueError:", e)
