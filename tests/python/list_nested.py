# Nested lists: matrices, the shared-row pitfall, deep access.
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
print(grid)
shared = [[0] * 3] * 3
shared[1][2] = 5
print(shared)
m = [[1, 2, 3], [4, 5, 6]]
t = [[m[r][c] for r in range(2)] for c in range(3)]
print(t)
deep = [1, [2, [3, [4, [5]]]]]
print(deep[1][1][1][1][0], len(deep))
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(deep))
