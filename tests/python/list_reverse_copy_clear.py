# reverse in place, shallow copy, clear.
xs = [1, 2, 3, [4, 5]]
ys = xs.copy()
zs = xs[:]
xs.reverse()
print(xs, ys, zs)
ys[3].append(6)
print(xs, ys)
xs.clear()
print(xs, len(xs), ys)
print(list(reversed(ys)), ys)
