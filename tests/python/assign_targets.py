# Assignment to subscripts, attributes and slices; evaluation order of targets.
class P:
    pass
p = P()
p.x = 1
p.y = [0, 0]
p.y[1] = p.x + 1
print(p.x, p.y)
grid = [[0] * 2 for _ in range(2)]
grid[1][0] = 7
print(grid)
i = 0
xs = [10, 20, 30]
i, xs[i] = 1, 99
print(i, xs)
d = {}
d[1, 2] = "tuple key"
print(d)
