# Tuples are hashable and compare lexicographically: dict keys and sorting.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 9))
print(sorted([(2, "b"), (1, "c"), (2, "a")]))
try:
    {([1], 2): 3}
except TypeError as e:
    print("TypeError:", e)
