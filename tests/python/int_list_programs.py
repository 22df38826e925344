# Ints, strings, lists and functions only: the tiny space runs this with the
# standard space's output (see tests/skips.txt).
def primes_upto(n):
    sieve = [True] * (n + 1)
    sieve[0] = False
    sieve[1] = False
    found = []
    for i in range(2, n + 1):
        if sieve[i]:
            found.append(i)
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return found


def make_counter():
    count = 0

    def bump(by):
        nonlocal count
        count += by
        return count

    return bump


def fib_list(n):
    out = [0, 1]
    while len(out) < n:
        out.append(out[-1] + out[-2])
    return out


ps = primes_upto(60)
print(ps, len(ps), sum(ps))
print(max(ps), min(ps), ps.index(13), 13 in ps, 14 in ps)
counter = make_counter()
counter(5)
print(counter(10))
fs = fib_list(20)
print(fs[-1], fs[10], fs.count(1))
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, grid[2][1])
words = "the quick brown fox".split()
words.reverse()
print(" ".join(words), words, len(words[0]))
print([1, 2] + [3], [0] * 3, [1, 2] < [1, 3], [[1]] == [[1]])
print(2 ** 62, -7 // 2, -7 % 3, 1 << 40, ~5, abs(-9))
print(str(123) + "!", repr("it's"), int("-42") + 2, bool([]), bool("x"))
nested = [1, [2, [3, []]]]
nested[1][1].append(nested)
print(nested)
total = 0
for ch in "héllo":
    total += 1
print(total, "héllo"[1], range(2, 10, 3), list(range(5, 0, -2)))
stack = []
for i in range(5):
    stack.insert(0, i)
print(stack, stack.pop(), stack.pop(0), stack)
print(None, True, False, "a" * 3, "abc".upper(), "  pad ".strip(), "a,b,,c".split(","))
