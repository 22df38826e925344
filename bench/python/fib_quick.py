# fib: naive doubly recursive Fibonacci (function-call overhead).
# (Quick variant: same program as fib.py with smaller sizes, for --quick runs.)
# fib(N) is computed REPEAT times (about 1.35 million calls each for N = 30).
N = 29
REPEAT = 1


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for _ in range(REPEAT):
        total += fib(N)
    print("fib(%d) = %d" % (N, total // REPEAT))
    print("repeats:", REPEAT)


main()
