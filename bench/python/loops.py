# loops: nested integer loops doing additions (interpreter dispatch overhead).
OUTER = 4000
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
