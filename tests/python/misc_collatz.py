# Longest Collatz chain below 10000, with a memo dict.
memo = {1: 1}
def chain(n):
    path = []
    while n not in memo:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = memo[n]
    for m in reversed(path):
        length += 1
        memo[m] = length
    return length
best = max(range(1, 10000), key=chain)
print(best, chain(best))
print([chain(i) for i in range(1, 11)])
