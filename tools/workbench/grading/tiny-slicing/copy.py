# A slice is a new list: changing it leaves the original alone.
xs = [3, 1, 2]
ys = xs[:]
ys.append(4)
ys[0] = 99
print(xs, ys)
def rev(seq):
    return seq[::-1]
print(rev([1, [2, 3]]), rev("stressed"))
