# itertools.chain and product.
import itertools
print(list(itertools.chain([1, 2], (3,), "ab", range(2))))
print(list(itertools.chain.from_iterable([[1], [2, 3], []])))
print(list(itertools.product("ab", [0, 1])))
print(list(itertools.product([1, 2], repeat=2)))
print(len(list(itertools.product(range(3), range(4), range(5)))))
print(["".join(p) for p in itertools.product("01", repeat=3)])
total = 0
for a, b, c in itertools.product(range(2), repeat=3):
    total += a * 4 + b * 2 + c
print(total)
