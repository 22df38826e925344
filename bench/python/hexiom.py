# hexiom: the Hexiom tile puzzle on a hexagonal board. Every tile carries a number, and a
# solution places all tiles (some are locked in place) so that each tile's number equals the
# count of its occupied neighbouring cells. The levels are generated here from a small LCG; a
# backtracking solver with neighbour-count pruning finds every solution. Prints each level,
# the number of solutions and the first one.
SIDE = 4
LOCKED = 9
SEEDS = [2024, 31337]

DIRECTIONS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)]
UNDECIDED = -2
EMPTY = -1


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


class Board:
    def __init__(self, side):
        self.side = side
        self.cells = []
        for r in range(-(side - 1), side):
            for q in range(-(side - 1), side):
                if abs(q + r) < side:
                    self.cells.append((q, r))
        index = {c: i for i, c in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            ns = []
            for dq, dr in DIRECTIONS:
                j = index.get((q + dq, r + dr))
                if j is not None:
                    ns.append(j)
            self.neighbours.append(sorted(ns))

    def draw(self, values):
        lines = []
        pos = 0
        for r in range(-(self.side - 1), self.side):
            row = []
            for q in range(-(self.side - 1), self.side):
                if abs(q + r) < self.side:
                    v = values[pos]
                    row.append("." if v == EMPTY else "?" if v == UNDECIDED else str(v))
                    pos += 1
            lines.append(" " * abs(r) + " ".join(row))
        return "\n".join(lines)


def make_level(board, locked, rng):
    n = len(board.cells)
    occupied = [rng.below(100) < 55 for _ in range(n)]
    numbers = []
    for i in range(n):
        if occupied[i]:
            numbers.append(sum(1 for j in board.neighbours[i] if occupied[j]))
        else:
            numbers.append(EMPTY)
    tiles = [0] * 7
    for v in numbers:
        if v != EMPTY:
            tiles[v] += 1
    fixed = {}
    candidates = [i for i in range(n) if occupied[i]]
    for _ in range(min(locked, len(candidates))):
        i = candidates.pop(rng.below(len(candidates)))
        fixed[i] = numbers[i]
    return tiles, fixed


class Solver:
    def __init__(self, board, tiles, fixed):
        self.board = board
        self.n = len(board.cells)
        self.values = [UNDECIDED] * self.n
        self.remaining = tiles[:]
        self.empties = self.n - sum(tiles)
        for i, v in fixed.items():
            self.values[i] = v
            self.remaining[v] -= 1
        self.order = [i for i in range(self.n) if i not in fixed]
        self.solutions = 0
        self.first = None
        self.nodes = 0

    def consistent(self, i):
        values = self.values
        neighbours = self.board.neighbours
        for j in [i] + neighbours[i]:
            v = values[j]
            if v < 0:
                continue
            occupied = 0
            undecided = 0
            for k in neighbours[j]:
                w = values[k]
                if w >= 0:
                    occupied += 1
                elif w == UNDECIDED:
                    undecided += 1
            if occupied > v or occupied + undecided < v:
                return False
        return True

    def solve(self, depth=0):
        self.nodes += 1
        if depth == len(self.order):
            self.solutions += 1
            if self.first is None:
                self.first = self.values[:]
            return
        i = self.order[depth]
        values = self.values
        if self.empties > 0:
            values[i] = EMPTY
            self.empties -= 1
            if self.consistent(i):
                self.solve(depth + 1)
            self.empties += 1
        degree = len(self.board.neighbours[i])
        for v in range(degree + 1):
            if self.remaining[v] > 0:
                values[i] = v
                self.remaining[v] -= 1
                if self.consistent(i):
                    self.solve(depth + 1)
                self.remaining[v] += 1
        values[i] = UNDECIDED


def solve_level(board, seed):
    tiles, fixed = make_level(board, LOCKED, Rng(seed))
    print("level %d: side %d, %d cells, %d tiles, %d locked" % (seed, SIDE, len(board.cells), sum(tiles), len(fixed)))
    print("tiles by number:", " ".join("%d:%d" % (v, c) for v, c in enumerate(tiles) if c))
    given = [UNDECIDED] * len(board.cells)
    for i, v in fixed.items():
        given[i] = v
    print(board.draw(given))
    solver = Solver(board, tiles, fixed)
    solver.solve()
    print("solutions:", solver.solutions, "search nodes:", solver.nodes)
    if solver.first is not None:
        print(board.draw(solver.first))


def main():
    board = Board(SIDE)
    for seed in SEEDS:
        solve_level(board, seed)


main()
