# itertools.count and islice.
from itertools import count, islice
print(list(islice(count(), 5)))
print(list(islice(count(10, 5), 4)))
print(list(islice("abcdefg", 2, 6)), list(islice(range(100), 0, 20, 6)))
evens = (n for n in count(1) if n % 2 == 0)
print(list(islice(evens, 5)))
c = count(3)
print(next(c), next(c), next(c))
for i, ch in zip(count(1), "xyz"):
    print(i, ch)
