# loops: nested integer loops doing additions (interpreter dispatch overhead).
# (Quick variant: same program as loops.py with smaller sizes, for --quick runs.)
OUTER = 200
INNER = 10000


def main():
    total = 0
    for i in range(OUTER):
        acc = 0
        for j in range(INNER):
            acc += j ^ i
        total += acc
    print("additions:", OUTER * INNER)
    print("total:", total)


main()
