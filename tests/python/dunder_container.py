# __len__, __getitem__, __setitem__, __delitem__, __contains__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("off grid")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, v):
        return v in self.cells.values()
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], "@" in g, "%" in g)
for y in range(2):
    print("".join(g[x, y] for x in range(3)))
del g[0, 0]
print(g[0, 0], "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
