# Towers of Hanoi: moves for 4 discs, count for 16.
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
for m in moves:
    print("disc %d: %s -> %s" % m)
moves.clear()
hanoi(16, "A", "C", "B")
print(len(moves), 2 ** 16 - 1)
