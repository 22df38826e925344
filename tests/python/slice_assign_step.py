# Extended slice assignment and deletion.
xs = list(range(10))
xs[::3] = ["a", "b", "c", "d"]
print(xs)
xs[8:2:-2] = [80, 60, 40]
print(xs)
del xs[1::2]
print(xs)
ys = [1, 2, 3]
ys[1:1] = [9, 9]
print(ys)
ys[-1:] = []
print(ys)
