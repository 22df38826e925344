# itertools.permutations in lexicographic index order.
from itertools import permutations
print(list(permutations([1, 2, 3])))
print(list(permutations("abc", 2)))
print(len(list(permutations(range(6)))), len(list(permutations(range(6), 3))))
words = sorted("".join(p) for p in permutations("tea"))
print(words)
print(list(permutations([])), list(permutations([1], 2)))
count = 0
for p in permutations(range(5)):
    if all(p[i] != i for i in range(5)):
        count += 1
print("derangements of 5:", count)
