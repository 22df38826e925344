# fib: naive doubly recursive Fibonacci (function-call overhead).
# fib(N) is computed REPEAT times (about 1.35 million calls each for N = 30).
N = 30
REPEAT = 12


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
