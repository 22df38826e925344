# nqueens: count the placements of N non-attacking queens on an N x N board, with a
# (Quick variant: same program as nqueens.py with smaller sizes, for --quick runs.)
# backtracking generator (one queen per row; columns and both diagonals tracked in sets),
# and check a smaller board by brute force over permutations of the columns.
from itertools import permutations

N = 10
SMALL = 8


def solutions(n):
    """Yield each solution as a tuple of column indices, one per row."""
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placed.append(c)
            yield from place(row + 1)
            placed.pop()
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)

    yield from place(0)


def brute_force(n):
    count = 0
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            count += 1
    return count


def main():
    count = 0
    first = None
    for sol in solutions(N):
        if first is None:
            first = sol
        count += 1
    print("queens(%d): %d solutions" % (N, count))
    print("first:", first)
    for r in range(N):
        print("".join("Q" if first[r] == c else "." for c in range(N)))
    print("queens(%d) by permutations: %d" % (SMALL, brute_force(SMALL)))


main()
