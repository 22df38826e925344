# Slice assignment can grow, shrink or replace parts of a list.
xs = list(range(10))
xs[2:5] = ["a", "b"]
print(xs)
xs[:0] = [-1]
print(xs)
xs[len(xs):] = [100, 200]
print(xs)
xs[1:3] = []
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
xs[:] = "xyz"
print(xs)
try:
    xs[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
